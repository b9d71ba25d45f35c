"""Parse the front-matter values of a service page, as a person writes them.

Every ``parse_*`` function takes the text of one field and returns a typed
value, or raises ``FrontMatterError`` whose message tells the owner what was
found and what is expected (the caller adds the file and the field).
"""

import re
from dataclasses import dataclass, replace

from .records import FORMATS, Range


class FrontMatterError(ValueError):
    """A front-matter value that cannot be understood; the message is for the owner."""


@dataclass(frozen=True)
class DurationSpec:
    """What one length-of-time field accepts."""

    units: dict  # unit kind -> how many base units it is
    most: float  # the largest sensible value, in base units
    most_text: str
    examples: str

    @property
    def base(self):
        """Return the unit of the resulting Range: the one worth one base unit."""
        return next(unit for unit, size in self.units.items() if size == 1)


SESSION = DurationSpec(
    units={"minute": 1, "hour": 60},
    most=8 * 60,
    most_text="8 hours",
    examples='"90 min" or "1,5 h"',
)
INTERVAL = DurationSpec(
    units={"week": 1},
    most=52,
    most_text="a year",
    examples='"4–6 viikkoa" or "every 4–6 weeks"',
)
CONTRACT = DurationSpec(
    units={"month": 1, "year": 12},
    most=10 * 12,
    most_text="10 years",
    examples='"6–12 kk" or "6 or 12 months"',
)
PROCESS = replace(CONTRACT, examples='"1–2 vuotta" or "1–2 years"')

# Unit words in Finnish and English, with their common inflections and abbreviations.
UNIT_WORDS = {
    "minute": "min mins minute minutes minuutti minuuttia minuutin minuutiksi",
    "hour": "h t hr hrs hour hours tunti tuntia tunnin tunniksi",
    "week": "vk vko vkoa wk wks week weeks viikko viikkoa viikon viikoksi",
    "month": "kk kuuk mo month months kuukausi kuukautta kuukauden kuukaudeksi",
    "year": "v y yr yrs year years vuosi vuotta vuoden vuodeksi",
}
UNITS_BY_WORD = {
    word: unit for unit, words in UNIT_WORDS.items() for word in words.split()
}
# Numbers written as words; applied before the grammar below.
NUMBER_WORDS = (
    (r"\bpuolitoista\b", "1.5"),
    (r"\bpuoli\b", "0.5"),
    (r"\bhalf an?\b", "0.5"),
    (r"\ban? (?=hour|year|month|week|minute)", "1 "),
)
SPAN_WORDS = {"-": False, "to": False, "or": True, "tai": True}
NUMBER = r"\d{1,6}(?:\.\d{1,3})?"
WORD = r"[^\W\d_]+"
DURATION = re.compile(
    rf"(?:every |joka )?"
    rf"(?:(?P<low>{NUMBER}) ?(?P<low_unit>{WORD})? ?(?P<sep>-|to|or|tai) ?)?"
    rf"(?P<high>{NUMBER}) ?(?P<unit>{WORD})(?: välein)?"
)
DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-"})

FORMAT_WORDS = {
    "individual": "individual yksilö yksilöohjaus yksilötyönohjaus one-to-one",
    "group": "group ryhmä ryhmäohjaus ryhmätyönohjaus",
}
FORMATS_BY_WORD = {
    word: name for name, words in FORMAT_WORDS.items() for word in words.split()
}
FORMAT_SEPARATORS = re.compile(r"\s*(?:,|/|&|\+|\bja\b|\band\b|\btai\b|\bor\b)\s*")
FORMAT_EXAMPLES = '"yksilö", "ryhmä" or "yksilö, ryhmä"'

KEY = re.compile(r"[a-z][a-z0-9-]*")
ORDER = re.compile(r"\d{1,4}")


def quoted(text):
    """Return the owner's text in quotes, shortened when it is long."""
    text = " ".join(text.split())
    return f'"{text if len(text) <= 40 else text[:39] + "…"}"'


def normalize(text):
    """Return text in one spelling: lower case, hyphens, decimal points, one space."""
    text = " ".join(text.lower().translate(DASHES).split()).rstrip(".")
    text = re.sub(r"(\d),(\d)", r"\1.\2", text)
    for pattern, number in NUMBER_WORDS:
        text = re.sub(pattern, number, text)
    return text


def unit_of(word, spec, text):
    """Return how many base units one ``word`` is, for a field of ``spec``."""
    unit = UNITS_BY_WORD.get(word.rstrip("."))
    if unit is None:
        raise FrontMatterError(
            f"{quoted(text)} is not a length of time; write for example {spec.examples}"
        )
    if unit not in spec.units:
        raise FrontMatterError(
            f"{quoted(text)} is given in {unit}s; write {spec.base}s, "
            f"for example {spec.examples}"
        )
    return spec.units[unit]


def whole(value, spec, text):
    """Return ``value`` in base units, checked to be a sensible whole number."""
    if value <= 0:
        raise FrontMatterError(
            f"{quoted(text)} must be more than zero; write for example {spec.examples}"
        )
    if value > spec.most:
        raise FrontMatterError(
            f"{quoted(text)} is longer than {spec.most_text}; "
            f"write for example {spec.examples}"
        )
    if not float(value).is_integer():
        raise FrontMatterError(
            f"{quoted(text)} is not a whole number of {spec.base}s; "
            f"write for example {spec.examples}"
        )
    return float(value)


def parse_duration(text, spec):
    """Return the Range of a length of time written for a field of ``spec``."""
    if not text.strip():
        raise FrontMatterError(f"nothing written; write for example {spec.examples}")
    match = DURATION.fullmatch(normalize(text))
    if match is None:
        raise FrontMatterError(
            f"{quoted(text)} is not a length of time; write for example {spec.examples}"
        )
    high_unit = unit_of(match["unit"], spec, text)
    if match["sep"] is None:
        value = whole(float(match["high"]) * high_unit, spec, text)
        return Range(value, value, spec.base)
    low_unit = (
        unit_of(match["low_unit"], spec, text) if match["low_unit"] else high_unit
    )
    low = whole(float(match["low"]) * low_unit, spec, text)
    high = whole(float(match["high"]) * high_unit, spec, text)
    if low >= high:
        raise FrontMatterError(
            f"{quoted(text)} should go from the shorter to the longer time; "
            f"write for example {spec.examples}"
        )
    return Range(low, high, spec.base, either=SPAN_WORDS[match["sep"]])


def parse_session(text):
    """Return the length of one meeting in minutes: ``60 min``, ``1,5 h``."""
    return parse_duration(text, SESSION)


def parse_interval(text):
    """Return the time between meetings in weeks: ``4–6 viikkoa``, ``every 4 weeks``."""
    return parse_duration(text, INTERVAL)


def parse_contract(text):
    """Return the length of one contract in months: ``6–12 kk``, ``6 or 12 months``."""
    return parse_duration(text, CONTRACT)


def parse_process(text):
    """Return the typical length of a whole process in months: ``1–2 vuotta``."""
    return parse_duration(text, PROCESS)


def parse_format(text):
    """Return the formats named in ``text``, as a subset of ``FORMATS`` in order."""
    words = [word for word in FORMAT_SEPARATORS.split(text.strip().lower()) if word]
    if not words:
        raise FrontMatterError(f"nothing written; write {FORMAT_EXAMPLES}")
    found = set()
    for word in words:
        if word not in FORMATS_BY_WORD:
            raise FrontMatterError(
                f"{quoted(word)} is not a format; write {FORMAT_EXAMPLES}"
            )
        found.add(FORMATS_BY_WORD[word])
    return tuple(name for name in FORMATS if name in found)


def parse_order(text):
    """Return a position in lists: a whole number such as ``1``."""
    if not ORDER.fullmatch(text.strip()):
        raise FrontMatterError(
            f'{quoted(text)} is not a position; write a whole number such as "1"'
        )
    return int(text)


def parse_key(text):
    """Return the key that links a page to its translations: ``group``."""
    if not text.strip():
        raise FrontMatterError(
            'missing; write the same short name in both languages, e.g. "Key: group"'
        )
    if not KEY.fullmatch(text.strip()):
        raise FrontMatterError(
            f"{quoted(text)} is not a Key; use lower-case letters a–z, digits and "
            'hyphens, the same in both languages, e.g. "group"'
        )
    return text.strip()


# The service fields and their parsers, in the order of the facts box.
SERVICE_FIELDS = {
    "order": parse_order,
    "format": parse_format,
    "session": parse_session,
    "interval": parse_interval,
    "contract": parse_contract,
    "process": parse_process,
}
