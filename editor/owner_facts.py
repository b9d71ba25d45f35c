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


def dict_lines(entry, named):
    """Return ``{setting: line}`` of a dict literal, with the dicts it spreads."""
    lines = {}
    for key, value in zip(entry.keys, entry.values, strict=True):
        if key is None and isinstance(value, ast.Name) and value.id in named:
            lines.update(dict_lines(named[value.id], named))
        elif isinstance(key, ast.Constant):
            lines[key.value] = key.lineno
    return lines


def named_dicts(tree):
    """Return ``{name: dict literal}`` of the dicts the settings file assigns."""
    return {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def spread_names(tree):
    """Return the names of the dicts spread (``**NAME``) into ``I18N_SUBSITES``."""
    subsites = named_dicts(tree).get(SUBSITES)
    if subsites is None:
        return set()
    return {
        value.id
        for entry in subsites.values
        if isinstance(entry, ast.Dict)
        for key, value in zip(entry.keys, entry.values, strict=True)
        if key is None and isinstance(value, ast.Name)
    }


def subsite_lines(tree):
    """Return ``{language: {setting: line}}`` of the entries of ``I18N_SUBSITES``."""
    named = named_dicts(tree)
    subsites = named.get(SUBSITES)
    if subsites is None:
        return {}
    return {
        lang.value: dict_lines(entry, named)
        for lang, entry in zip(subsites.keys, subsites.values, strict=True)
        if isinstance(lang, ast.Constant) and isinstance(entry, ast.Dict)
    }


def build_owner_facts(settings_file, settings):
    """Return each owner's fact: its setting, value and line, and other languages'."""
    source = Path(settings_file).read_text("utf-8")
    tree = ast.parse(source)
    first, last = first_block(source.splitlines())
    languages = subsite_lines(tree)
    subsites = settings.get(SUBSITES, {})
    spread = spread_names(tree)
    facts = []
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and first <= node.lineno <= last):
            continue
        if not is_plain(node.value):
            continue
        for target in node.targets:
            name = target.id
            if name in spread:
                continue
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
