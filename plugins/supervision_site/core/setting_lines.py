"""Where each setting is written in a settings file, read from its syntax tree.

A setting's line is that of its last assignment at the top of the file. A
language's own value is on the line of its name in that language's entry of
``I18N_SUBSITES``, or in a dict the entry spreads in with ``**NAME``.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

SUBSITES = "I18N_SUBSITES"


@dataclass(frozen=True)
class SettingLines:
    """The lines of a settings file's settings, and which of them are plain values."""

    assigned: dict = field(default_factory=dict)  # setting: line, in the file's order
    first: dict = field(default_factory=dict)  # setting: the line it is first set on
    values: dict = field(default_factory=dict)  # setting: its last value's syntax
    spread: frozenset = frozenset()  # dicts spread into a language's entry
    languages: dict = field(default_factory=dict)  # language: {setting: line}

    def line(self, name, lang=None):
        """Return the line that sets ``name``, in ``lang``'s entry if given, or None."""
        lines = self.assigned if lang is None else self.languages.get(lang, {})
        return lines.get(name)

    def is_plain(self, name):
        """Return whether ``name`` is written as a plain value, not computed."""
        return name in self.values and is_plain(self.values[name])


def is_plain(node):
    """Return whether a value is written as a plain value, not computed."""
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def assignments(tree):
    """Return ``(name, value node, line)`` of every top-level ``NAME = value``."""
    return [
        (target.id, node.value, node.lineno)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]


def dict_lines(entry, named):
    """Return ``{setting: line}`` of a dict literal, with the dicts it spreads."""
    lines = {}
    for key, value in zip(entry.keys, entry.values, strict=True):
        if key is None and isinstance(value, ast.Name) and value.id in named:
            lines.update(dict_lines(named[value.id], named))
        elif isinstance(key, ast.Constant):
            lines[key.value] = key.lineno
    return lines


def language_entries(subsites):
    """Return ``{language: dict literal}`` of ``I18N_SUBSITES``'s entries."""
    if not isinstance(subsites, ast.Dict):
        return {}
    return {
        lang.value: entry
        for lang, entry in zip(subsites.keys, subsites.values, strict=True)
        if isinstance(lang, ast.Constant) and isinstance(entry, ast.Dict)
    }


def read_setting_lines(file):
    """Return the SettingLines of a settings file; empty if it cannot be read."""
    try:
        tree = ast.parse(Path(file).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return SettingLines()
    found = assignments(tree)
    values = {name: value for name, value, _ in found}  # the last of each
    named = {
        name: value for name, value in values.items() if isinstance(value, ast.Dict)
    }
    entries = language_entries(named.get(SUBSITES))
    return SettingLines(
        assigned={name: line for name, _, line in found},
        first={name: line for name, _, line in reversed(found)},
        values=values,
        spread=frozenset(
            value.id
            for entry in entries.values()
            for key, value in zip(entry.keys, entry.values, strict=True)
            if key is None and isinstance(value, ast.Name)
        ),
        languages={lang: dict_lines(entry, named) for lang, entry in entries.items()},
    )
