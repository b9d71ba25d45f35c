"""The owner's facts that only the settings hold, to show (not edit) in the editor.

They are the settings of the first block of the settings file, written as plain
values; each is shown with its line, and with its line in each language's entry
of ``I18N_SUBSITES`` where a language has its own.
"""

import ast
import re
from pathlib import Path

SECTION = re.compile(r"# ---")
SUBSITES = "I18N_SUBSITES"


def first_block(lines):
    """Return the first and the last line number of the first ``# ---`` block."""
    starts = [n for n, line in enumerate(lines, start=1) if SECTION.match(line)]
    if not starts:
        return 1, len(lines)
    end = starts[1] - 1 if len(starts) > 1 else len(lines)
    return starts[0], end


def is_plain(node):
    """Return whether a settings value is written as a plain value, not computed."""
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def shown(value):
    """Return a setting's value as the editor shows it."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return value if isinstance(value, str) else repr(value)


def subsite_lines(tree):
    """Return ``{language: {setting: line}}`` of the entries of ``I18N_SUBSITES``."""
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Dict)
            and any(getattr(t, "id", None) == SUBSITES for t in node.targets)
        ):
            return {
                lang.value: {
                    key.value: key.lineno
                    for key in entry.keys
                    if isinstance(key, ast.Constant)
                }
                for lang, entry in zip(node.value.keys, node.value.values, strict=True)
                if isinstance(lang, ast.Constant) and isinstance(entry, ast.Dict)
            }
    return {}


def build_owner_facts(settings_file, settings):
    """Return each owner's fact: its setting, value and line, and other languages'."""
    source = Path(settings_file).read_text("utf-8")
    tree = ast.parse(source)
    first, last = first_block(source.splitlines())
    languages = subsite_lines(tree)
    subsites = settings.get(SUBSITES, {})
    facts = []
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and first <= node.lineno <= last):
            continue
        if not is_plain(node.value):
            continue
        for target in node.targets:
            name = target.id
            facts.append(
                {
                    "setting": name,
                    "value": shown(settings.get(name)),
                    "line": node.lineno,
                    "languages": [
                        {
                            "lang": lang,
                            "value": shown(subsites[lang][name]),
                            "line": lines[name],
                        }
                        for lang, lines in languages.items()
                        if name in lines and name in subsites.get(lang, {})
                    ],
                }
            )
    return facts
