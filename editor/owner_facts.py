"""The owner's facts that only the settings hold, to show (not edit) in the editor.

They are the settings of the first block of the settings file, written as plain
values; each is shown with the line that sets it last (the one Python keeps),
and with its line in each language's entry of ``I18N_SUBSITES`` where a
language has its own.
"""

import re
from pathlib import Path

from .schema import read_setting_lines

SECTION = re.compile(r"# ---")


def first_block(lines):
    """Return the first and the last line number of the first ``# ---`` block."""
    starts = [n for n, line in enumerate(lines, start=1) if SECTION.match(line)]
    if not starts:
        return 1, len(lines)
    end = starts[1] - 1 if len(starts) > 1 else len(lines)
    return starts[0], end


def shown(value):
    """Return a setting's value as the editor shows it."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return value if isinstance(value, str) else repr(value)


def build_owner_facts(settings_file, settings):
    """Return each owner's fact: its setting, value and line, and other languages'."""
    first, last = first_block(Path(settings_file).read_text("utf-8").splitlines())
    written = read_setting_lines(settings_file)
    subsites = settings.get("I18N_SUBSITES", {})
    return [
        {
            "setting": name,
            "value": shown(settings.get(name)),
            "line": line,
            "languages": [
                {
                    "lang": lang,
                    "value": shown(subsites[lang][name]),
                    "line": lines[name],
                }
                for lang, lines in written.languages.items()
                if name in lines and name in subsites.get(lang, {})
            ],
        }
        for name, line in written.assigned.items()
        if first <= written.first[name] <= last
        and written.is_plain(name)
        and name not in written.spread
    ]
