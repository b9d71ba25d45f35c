"""The parsers of service front matter: what a person writes, in either language."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervision_site.service_facts.parsers import (
    SERVICE_FIELDS,
    FrontMatterError,
    parse_contract,
    parse_format,
    parse_interval,
    parse_key,
    parse_order,
    parse_process,
    parse_session,
)
from supervision_site.service_facts.records import Range

# What a person writes, in either language, and what each parser reads it as.
READINGS = {
    "a session is read as minutes": (
        parse_session,
        {
            "60 min": Range(60, 60, "minute"),
            "60 minuuttia": Range(60, 60, "minute"),
            "90min": Range(90, 90, "minute"),
            "1,5 h": Range(90, 90, "minute"),
            "1.5 hours": Range(90, 90, "minute"),
            "1,5 tuntia": Range(90, 90, "minute"),
            "1,5 t": Range(90, 90, "minute"),
            "puolitoista tuntia": Range(90, 90, "minute"),
            "half an hour": Range(30, 30, "minute"),
            "an hour": Range(60, 60, "minute"),
            "  90   MIN. ": Range(90, 90, "minute"),
        },
    ),
    "a session span is read as a range of minutes": (
        parse_session,
        dict.fromkeys(
            ["60–90 min", "60-90 minutes", "1 h – 1,5 h"], Range(60, 90, "minute")
        ),
    ),
    "an interval is read as a range of weeks": (
        parse_interval,
        dict.fromkeys(
            [
                "4–6 viikkoa",
                "4-6 vk",
                "4–6 viikon välein",
                "every 4-6 weeks",
                "4 to 6 weeks",
            ],
            Range(4, 6, "week"),
        ),
    ),
    "a single interval is a range of one value": (
        parse_interval,
        {"joka 4 viikko": Range(4, 4, "week")},
    ),
    "a contract span is read in months": (
        parse_contract,
        dict.fromkeys(
            ["6–12 kk", "6-12 months", "puoli vuotta–1 vuosi"], Range(6, 12, "month")
        ),
    ),
    "contract alternatives are read as either": (
        parse_contract,
        dict.fromkeys(
            ["6 or 12 months", "6 tai 12 kk"], Range(6, 12, "month", either=True)
        ),
    ),
    "a contract in words is read in months": (
        parse_contract,
        {"puoli vuotta": Range(6, 6, "month"), "a year": Range(12, 12, "month")},
    ),
    "a process is read in months": (
        parse_process,
        dict.fromkeys(["1–2 vuotta", "1-2 years", "12–24 kk"], Range(12, 24, "month")),
    ),
    "formats are read in a fixed order": (
        parse_format,
        {
            "ryhmä": ("group",),
            "yksilö": ("individual",),
            "group, individual": ("individual", "group"),
            "yksilö, ryhmä": ("individual", "group"),
            "Yksilö tai ryhmä": ("individual", "group"),
            "group and group": ("group",),
        },
    ),
    "an order is a whole number": (parse_order, {" 3 ": 3}),
    "a key is kept without spaces around it": (parse_key, {" group ": "group"}),
}


@pytest.mark.parametrize(("parse", "readings"), READINGS.values(), ids=READINGS)
def test_what_a_person_writes_is_read_in_either_language(parse, readings):
    assert {text: parse(text) for text in readings} == readings


# What the owner is told for each kind of text a parser refuses.
MESSAGES = {
    "a session without a unit is not a length of time": (
        parse_session,
        "puolitoista",
        '"puolitoista" is not a length of time; write for example "90 min" or "1,5 h"',
    ),
    "an empty session asks for a value": (
        parse_session,
        "  ",
        'nothing written; write for example "90 min" or "1,5 h"',
    ),
    "an unknown unit is not a length of time": (
        parse_interval,
        "4–6 kertaa",
        '"4–6 kertaa" is not a length of time; '
        'write for example "4–6 viikkoa" or "every 4–6 weeks"',
    ),
    "a unit of the wrong kind names the unit expected": (
        parse_interval,
        "1 kk",
        '"1 kk" is given in months; write weeks, '
        'for example "4–6 viikkoa" or "every 4–6 weeks"',
    ),
    "a zero length is refused": (
        parse_session,
        "0 min",
        '"0 min" must be more than zero; write for example "90 min" or "1,5 h"',
    ),
    "an implausibly long session is refused": (
        parse_session,
        "90 h",
        '"90 h" is longer than 8 hours; write for example "90 min" or "1,5 h"',
    ),
    "a fraction of a week is refused": (
        parse_interval,
        "4,5 viikkoa",
        '"4,5 viikkoa" is not a whole number of weeks; '
        'write for example "4–6 viikkoa" or "every 4–6 weeks"',
    ),
    "a range from the longer to the shorter is refused": (
        parse_process,
        "2–1 vuotta",
        '"2–1 vuotta" should go from the shorter to the longer time; '
        'write for example "1–2 vuotta" or "1–2 years"',
    ),
    "a contract's message gives contract examples": (
        parse_contract,
        "pitkä",
        '"pitkä" is not a length of time; write for example "6–12 kk" or '
        '"6 or 12 months"',
    ),
    "a long text is shortened in the message": (
        parse_session,
        "x" * 60,
        '"' + "x" * 39 + '…" is not a length of time; write for example "90 min" '
        'or "1,5 h"',
    ),
    "an unknown format is named": (
        parse_format,
        "yksilö, tiimi",
        '"tiimi" is not a format; write "yksilö", "ryhmä" or "yksilö, ryhmä"',
    ),
    "an empty format asks for a value": (
        parse_format,
        " , ",
        'nothing written; write "yksilö", "ryhmä" or "yksilö, ryhmä"',
    ),
    "an order in words is refused": (
        parse_order,
        "first",
        '"first" is not a position; write a whole number such as "1"',
    ),
    "a missing key asks for one": (
        parse_key,
        "",
        'missing; write the same short name in both languages, e.g. "Key: group"',
    ),
    "a key with spaces is refused": (
        parse_key,
        "Ryhmä työ",
        '"Ryhmä työ" is not a Key; use lower-case letters a–z, digits and hyphens, '
        'the same in both languages, e.g. "group"',
    ),
}


@pytest.mark.parametrize(("parse", "text", "expected"), MESSAGES.values(), ids=MESSAGES)
def test_a_refused_text_is_explained_to_the_owner(parse, text, expected):
    with pytest.raises(FrontMatterError) as error:
        parse(text)
    assert str(error.value) == expected


@pytest.mark.parametrize("parse", [*SERVICE_FIELDS.values(), parse_key])
@given(text=st.text())
def test_no_text_makes_a_parser_raise_anything_but_its_own_error(parse, text):
    with contextlib.suppress(FrontMatterError):
        parse(text)


DURATION_PARTS = st.tuples(
    st.integers(1, 30),
    st.sampled_from(["-", "–", " to ", " tai ", " or "]),
    st.sampled_from(["viikkoa", "vk", "weeks", "viikon välein"]),
)


@given(DURATION_PARTS, st.integers(1, 20))
def test_any_written_week_range_reads_back_its_numbers(parts, extra):
    low, separator, unit = parts
    span = parse_interval(f"{low}{separator}{low + extra} {unit}")
    assert (span.low, span.high, span.unit) == (low, low + extra, "week")
    assert span.either == (separator.strip() in ("tai", "or"))
