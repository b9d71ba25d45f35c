"""Find typographic slips: hyphens in number ranges, straight quotes in Finnish."""

import re

from .words import Finding

NUMBER_RANGE = re.compile(r"(?<![\w.,–-])(\d{1,4})-(\d{1,4})(?![\w–-])")
STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')


def range_slips(line):
    """Yield a finding for each number range written with a hyphen: ``4-6``."""
    for match in NUMBER_RANGE.finditer(line):
        low, high = int(match[1]), int(match[2])
        if low < high:
            yield Finding(
                match.group(),
                [f"{low}–{high}"],
                "a range takes an en dash",
            )


def quote_slips(line):
    """Yield a finding for each quotation in straight quotes: ``"näin"``."""
    for match in STRAIGHT_QUOTES.finditer(line):
        yield Finding(
            match.group(),
            [f"”{match[1]}”"],
            "Finnish quotation marks are ”…” at both ends",
        )


CHECKS = {"fi": (range_slips, quote_slips), "en": (range_slips,)}


def typography_slips(line, lang):
    """Yield the typographic slips of one line of prose in ``lang``."""
    for check in CHECKS.get(lang, (range_slips,)):
        yield from check(line)
