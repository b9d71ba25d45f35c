"""Show a service's facts in a language: numbers by Babel, words by gettext."""

import re
from dataclasses import dataclass

from babel.lists import format_list
from babel.numbers import format_decimal

MINUTES_PER_HOUR = 60
MONTHS_PER_YEAR = 12
TABLE_COLUMNS = ("format", "session", "interval", "contract")
BRIEF_FACTS = ("format", "session", "interval")
BOX_FACTS = ("format", "session", "interval", "contract", "process")
LENGTHS = ("session", "interval", "contract", "process")
ONE_OFF_LEAVES_OUT = ("contract", "process")  # no agreement period for one meeting
# The space between a length's last number and its unit: "1,5 tuntia", "4–6 weeks".
SPACE_BEFORE_UNIT = re.compile(r"(?<=\d) (?=\D+$)")
NBSP = "\u00a0"


@dataclass(frozen=True)
class Fact:
    """One fact ready to print: its label, its text, and its HTML duration if any."""

    name: str
    label: str
    text: str
    datetime: str | None = None


def keep_with_unit(text):
    """Return a length with a no-break space before its unit: ``1,5 tuntia``."""
    return SPACE_BEFORE_UNIT.sub(NBSP, text)


def plural_count(value):
    """Return the count that picks a value's plural form; a decimal reads as plural."""
    return int(value) if float(value).is_integer() else 2


def amount(span, scale, lang):
    """Return the numbers of a Range in ``lang``: ``1,5``, ``4–6``, ``6 tai 12``."""
    low, high = (format_decimal(v / scale, locale=lang) for v in (span.low, span.high))
    if span.low == span.high:
        return low
    if span.either:
        return format_list([low, high], style="or", locale=lang)
    return f"{low}–{high}"


def divides(span, scale):
    """Return whether both ends of a Range are whole multiples of ``scale``."""
    return span.low % scale == 0 and span.high % scale == 0


# The words of each length by field and unit (in base units), with ``%(num)s`` for
# its numbers: literal calls, so that pybabel extracts every msgid and context.
LENGTH_WORDS = {
    ("session", MINUTES_PER_HOUR): lambda t, n: t.ngettext(
        "%(num)s hour", "%(num)s hours", n
    ),
    ("session", 1): lambda t, n: t.ngettext("%(num)s minute", "%(num)s minutes", n),
    ("interval", 1): lambda t, n: t.ngettext(
        "every %(num)s week", "every %(num)s weeks", n
    ),
    ("contract", MONTHS_PER_YEAR): lambda t, n: t.npgettext(
        "contract", "%(num)s year", "%(num)s years", n
    ),
    ("contract", 1): lambda t, n: t.npgettext(
        "contract", "%(num)s month", "%(num)s months", n
    ),
    ("process", MONTHS_PER_YEAR): lambda t, n: t.npgettext(
        "process", "%(num)s year", "%(num)s years", n
    ),
    ("process", 1): lambda t, n: t.npgettext(
        "process", "%(num)s month", "%(num)s months", n
    ),
}


def unit_size(name, span):
    """Return the unit a length reads best in: hours from 90 minutes, whole years."""
    if name == "session" and span.low >= 90 and divides(span, MINUTES_PER_HOUR / 2):
        return MINUTES_PER_HOUR
    if name in ("contract", "process") and divides(span, MONTHS_PER_YEAR):
        return MONTHS_PER_YEAR
    return 1


def length_text(name, span, lang, t):
    """Return a length in its field's words: ``1,5 tuntia``, ``6 or 12 months``."""
    scale = unit_size(name, span)
    words = LENGTH_WORDS[name, scale](t, plural_count(span.high / scale))
    return words % {"num": amount(span, scale, lang)}


def format_text(formats, lang, t):
    """Return the formats of a service: ``yksilö tai ryhmä``, ``group``."""
    names = {"individual": t.gettext("individual"), "group": t.gettext("group")}
    return format_list([names[name] for name in formats], style="or", locale=lang)


def labels(t):
    """Return the label of every fact in the catalog's language."""
    return {
        "format": t.gettext("Format"),
        "session": t.gettext("Session"),
        "interval": t.gettext("Interval"),
        "contract": t.gettext("Agreement"),
        "process": t.gettext("Whole process"),
    }


def build_facts(record, lang, t):
    """Return the facts of a service in ``lang``, keyed by field; absent ones left out.

    ``lang`` is a language code or, parsed once for many services, a babel Locale.

    A service without an interval meets once, and says so.
    """
    label = labels(t)
    facts = {
        "format": Fact("format", label["format"], format_text(record.formats, lang, t))
    }
    for name in LENGTHS:
        span = getattr(record, name)
        if span is not None:
            facts[name] = Fact(
                name,
                label[name],
                keep_with_unit(length_text(name, span, lang, t)),
                span.html_duration,
            )
        elif name == "interval":
            facts[name] = Fact(name, label[name], t.gettext("one-off meeting"))
    return facts


def unstated(name, t):
    """Return a fact the service does not state: the reader is invited to ask."""
    return Fact(name, labels(t)[name], t.gettext("ask for details"))


def build_box(record, facts, t):
    """Return every fact of a service's facts box, asking for those not stated.

    A one-off service (no interval) leaves out the agreement and the whole
    process unless it states them.
    """
    names = [
        name
        for name in BOX_FACTS
        if name in facts or record.interval or name not in ONE_OFF_LEAVES_OUT
    ]
    return tuple(facts.get(name) or unstated(name, t) for name in names)


def build_brief(facts):
    """Return the facts a service card shows at a glance, in one line."""
    return " · ".join(facts[name].text for name in BRIEF_FACTS if name in facts)


def build_row(facts, t):
    """Return the cells of a service's row in the comparison table."""
    return tuple(facts.get(name) or unstated(name, t) for name in TABLE_COLUMNS)


def build_columns(t):
    """Return the column headings of the comparison table after the service's name."""
    label = labels(t)
    return tuple(label[name] for name in TABLE_COLUMNS)
