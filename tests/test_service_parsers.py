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


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("60 min", 60),
        ("60 minuuttia", 60),
        ("90min", 90),
        ("1,5 h", 90),
        ("1.5 hours", 90),
        ("1,5 tuntia", 90),
        ("1,5 t", 90),
        ("puolitoista tuntia", 90),
        ("half an hour", 30),
        ("an hour", 60),
        ("  90   MIN. ", 90),
    ],
)
def test_session_is_read_as_minutes_in_both_languages(text, minutes):
    assert parse_session(text) == Range(minutes, minutes, "minute")


@pytest.mark.parametrize("text", ["60–90 min", "60-90 minutes", "1 h – 1,5 h"])
def test_session_span_is_read_as_a_range_of_minutes(text):
    assert parse_session(text) == Range(60, 90, "minute")


@pytest.mark.parametrize(
    "text",
    ["4–6 viikkoa", "4-6 vk", "4–6 viikon välein", "every 4-6 weeks", "4 to 6 weeks"],
)
def test_interval_is_read_as_a_range_of_weeks(text):
    assert parse_interval(text) == Range(4, 6, "week")


def test_single_interval_is_a_range_of_one_value():
    assert parse_interval("joka 4 viikko") == Range(4, 4, "week")


@pytest.mark.parametrize("text", ["6–12 kk", "6-12 months", "puoli vuotta–1 vuosi"])
def test_contract_span_is_read_in_months(text):
    assert parse_contract(text) == Range(6, 12, "month")


@pytest.mark.parametrize("text", ["6 or 12 months", "6 tai 12 kk"])
def test_contract_alternatives_are_read_as_either(text):
    assert parse_contract(text) == Range(6, 12, "month", either=True)


@pytest.mark.parametrize(("text", "months"), [("puoli vuotta", 6), ("a year", 12)])
def test_contract_in_words_is_read_in_months(text, months):
    assert parse_contract(text) == Range(months, months, "month")


@pytest.mark.parametrize("text", ["1–2 vuotta", "1-2 years", "12–24 kk"])
def test_process_is_read_in_months(text):
    assert parse_process(text) == Range(12, 24, "month")


@pytest.mark.parametrize(
    ("text", "formats"),
    [
        ("ryhmä", ("group",)),
        ("yksilö", ("individual",)),
        ("group, individual", ("individual", "group")),
        ("yksilö, ryhmä", ("individual", "group")),
        ("Yksilö tai ryhmä", ("individual", "group")),
        ("group and group", ("group",)),
    ],
)
def test_format_is_read_in_a_fixed_order(text, formats):
    assert parse_format(text) == formats


def test_order_is_a_whole_number():
    assert parse_order(" 3 ") == 3


def test_key_is_kept_without_spaces_around_it():
    assert parse_key(" group ") == "group"


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
