"""A service's facts in each language's words, and as ISO-8601 durations."""

import pytest
from conftest import SETTINGS

from supervision_site.core.languages import catalog
from supervision_site.service_facts.display import (
    build_box,
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
TEAM = ServiceRecord(
    key="team",
    order=1,
    formats=("group",),
    interval=Range(4, 6, "week"),
    contract=Range(6, 12, "month", either=True),
)
NBSP = "\u00a0"


def texts(record, lang):
    """Return the facts of a record in ``lang`` as field -> text."""
    t = catalog(SETTINGS, lang)
    return {name: fact.text for name, fact in build_facts(record, lang, t).items()}


def test_group_facts_in_finnish():
    assert texts(GROUP, "fi") == {
        "format": "ryhmäohjaus",
        "session": f"1,5{NBSP}tuntia",
        "interval": f"4–6{NBSP}viikon välein",
        "contract": f"6 tai 12{NBSP}kuukaudeksi",
        "process": f"1–2{NBSP}vuotta",
    }


def test_group_facts_in_english():
    assert texts(GROUP, "en") == {
        "format": "group",
        "session": f"1.5{NBSP}hours",
        "interval": f"every 4–6{NBSP}weeks",
        "contract": f"6 or 12{NBSP}months",
        "process": f"1–2{NBSP}years",
    }


def test_span_of_minutes_and_months_in_finnish():
    assert texts(MANAGER, "fi") == {
        "format": "yksilöohjaus tai ryhmäohjaus",
        "session": f"60–90{NBSP}minuuttia",
        "interval": "tavataan kerran",
        "contract": f"6–12{NBSP}kuukaudeksi",
        "process": f"18{NBSP}kuukautta",
    }


def test_span_of_minutes_and_months_in_english():
    assert texts(MANAGER, "en")["session"] == f"60–90{NBSP}minutes"
    assert texts(MANAGER, "en")["format"] == "individual or group"
    assert texts(MANAGER, "en")["process"] == f"18{NBSP}months"


@pytest.mark.parametrize(
    ("span", "fi", "en"),
    [
        (Range(60, 60, "minute"), f"60{NBSP}minuuttia", f"60{NBSP}minutes"),
        (Range(120, 120, "minute"), f"2{NBSP}tuntia", f"2{NBSP}hours"),
        (Range(1, 1, "minute"), f"1{NBSP}minuutti", f"1{NBSP}minute"),
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
        f"1{NBSP}vuosi",
        f"1{NBSP}year",
    )


def test_one_off_service_says_so_and_leaves_out_what_it_lacks():
    assert texts(DEBRIEFING, "fi") == {
        "format": "ryhmäohjaus",
        "interval": "tavataan kerran",
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
    assert (
        build_brief(facts) == f"ryhmäohjaus · 1,5{NBSP}tuntia · 4–6{NBSP}viikon välein"
    )


def test_table_row_invites_to_ask_about_what_a_service_does_not_state():
    t = catalog(SETTINGS, "en")
    row = build_row(build_facts(DEBRIEFING, "en", t), t)
    assert [cell.text for cell in row] == [
        "group",
        "ask for details",
        "one-off meeting",
        "ask for details",
    ]
    assert build_columns(t) == ("Format", "Session", "Interval", "Agreement")


def box(record, lang):
    """Return a record's facts box in ``lang`` as (label, text) pairs."""
    t = catalog(SETTINGS, lang)
    facts = build_facts(record, lang, t)
    return [(fact.label, fact.text) for fact in build_box(record, facts, t)]


def test_facts_box_invites_to_ask_about_a_session_length_not_stated():
    assert box(TEAM, "fi") == [
        ("Muoto", "ryhmäohjaus"),
        ("Tapaamisen kesto", "kysy lisää"),
        ("Tapaamisväli", f"4–6{NBSP}viikon välein"),
        ("Sopimus", f"6 tai 12{NBSP}kuukaudeksi"),
        ("Koko prosessin kesto", "kysy lisää"),
    ]
    assert box(TEAM, "en")[1] == ("Session", "ask for details")


def test_facts_box_of_a_one_off_service_leaves_out_agreement_and_process():
    assert box(DEBRIEFING, "en") == [
        ("Format", "group"),
        ("Session", "ask for details"),
        ("Interval", "one-off meeting"),
    ]


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
