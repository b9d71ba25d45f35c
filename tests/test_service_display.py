"""A service's facts in each language's words, and as ISO-8601 durations."""

import pytest
from conftest import SETTINGS

from supervision_site.core.languages import catalog
from supervision_site.service_facts.display import (
    build_brief,
    build_columns,
    build_facts,
    build_row,
)
from supervision_site.service_facts.records import Range, ServiceRecord

GROUP = ServiceRecord(
    key="group",
    order=5,
    formats=("group",),
    session=Range(90, 90, "minute"),
    interval=Range(4, 6, "week"),
    contract=Range(6, 12, "month", either=True),
    process=Range(12, 24, "month"),
)
MANAGER = ServiceRecord(
    key="manager",
    order=2,
    formats=("individual", "group"),
    session=Range(60, 90, "minute"),
    contract=Range(6, 12, "month"),
    process=Range(18, 18, "month"),
)
DEBRIEFING = ServiceRecord(key="debriefing", order=6, formats=("group",))


def texts(record, lang):
    """Return the facts of a record in ``lang`` as field -> text."""
    t = catalog(SETTINGS, lang)
    return {name: fact.text for name, fact in build_facts(record, lang, t).items()}


def test_group_facts_in_finnish():
    assert texts(GROUP, "fi") == {
        "format": "ryhmä",
        "session": "1,5 tuntia",
        "interval": "4–6 viikon välein",
        "contract": "6 tai 12 kuukaudeksi",
        "process": "1–2 vuotta",
    }


def test_group_facts_in_english():
    assert texts(GROUP, "en") == {
        "format": "group",
        "session": "1.5 hours",
        "interval": "every 4–6 weeks",
        "contract": "6 or 12 months",
        "process": "1–2 years",
    }


def test_span_of_minutes_and_months_in_finnish():
    assert texts(MANAGER, "fi") == {
        "format": "yksilö tai ryhmä",
        "session": "60–90 minuuttia",
        "interval": "kertaluonteinen tapaaminen",
        "contract": "6–12 kuukaudeksi",
        "process": "18 kuukautta",
    }


def test_span_of_minutes_and_months_in_english():
    assert texts(MANAGER, "en")["session"] == "60–90 minutes"
    assert texts(MANAGER, "en")["format"] == "individual or group"
    assert texts(MANAGER, "en")["process"] == "18 months"


@pytest.mark.parametrize(
    ("span", "fi", "en"),
    [
        (Range(60, 60, "minute"), "60 minuuttia", "60 minutes"),
        (Range(120, 120, "minute"), "2 tuntia", "2 hours"),
        (Range(1, 1, "minute"), "1 minuutti", "1 minute"),
    ],
)
def test_session_plurals(span, fi, en):
    record = ServiceRecord(key="x", order=1, formats=("group",), session=span)
    assert (texts(record, "fi")["session"], texts(record, "en")["session"]) == (fi, en)


def test_one_year_is_singular():
    record = ServiceRecord(
        key="x", order=1, formats=("group",), process=Range(12, 12, "month")
    )
    assert (texts(record, "fi")["process"], texts(record, "en")["process"]) == (
        "1 vuosi",
        "1 year",
    )


def test_one_off_service_says_so_and_leaves_out_what_it_lacks():
    assert texts(DEBRIEFING, "fi") == {
        "format": "ryhmä",
        "interval": "kertaluonteinen tapaaminen",
    }
    assert texts(DEBRIEFING, "en")["interval"] == "one-off meeting"


def test_facts_carry_html_durations_where_html_allows_them():
    t = catalog(SETTINGS, "fi")
    facts = build_facts(GROUP, "fi", t)
    assert facts["session"].datetime == "PT90M"
    assert facts["interval"].datetime == "P28D"
    assert facts["contract"].datetime is None
    assert facts["format"].label == "Muoto"


def test_card_brief_shows_format_session_and_interval():
    t = catalog(SETTINGS, "fi")
    facts = build_facts(GROUP, "fi", t)
    assert build_brief(facts) == "ryhmä · 1,5 tuntia · 4–6 viikon välein"


def test_table_row_marks_missing_facts():
    t = catalog(SETTINGS, "en")
    row = build_row(build_facts(DEBRIEFING, "en", t), t)
    assert [(cell.text, cell.missing) for cell in row] == [
        ("group", False),
        ("not stated", True),
        ("one-off meeting", False),
        ("not stated", True),
    ]
    assert build_columns(t) == ("Format", "Session", "Interval", "Contract")


@pytest.mark.parametrize(
    ("span", "low", "high"),
    [
        (Range(90, 90, "minute"), "PT90M", "PT90M"),
        (Range(4, 6, "week"), "P4W", "P6W"),
        (Range(6, 12, "month", either=True), "P6M", "P12M"),
    ],
)
def test_ranges_give_iso8601_durations_of_both_ends(span, low, high):
    assert (span.iso8601, span.iso8601_high) == (low, high)


def test_records_are_immutable():
    with pytest.raises(AttributeError):
        GROUP.order = 1
