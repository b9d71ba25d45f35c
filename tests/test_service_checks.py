"""Checks across pages: shared fields, keys, translations, one record per service."""

from supervision_site.core.problems import Problem, problem_lines
from supervision_site.service_facts.merge import PageFacts, build_records
from supervision_site.service_facts.records import Range, ServiceRecord
from supervision_site.service_facts.schema import check_page

FI = "content/fi/palvelut/ryhmatyonohjaus.md"
EN = "content/en/services/group-supervision.md"
PAGE = {"title": "Ryhmätyönohjaus", "summary": "<p>Lyhyt kuvaus.</p>", "key": "group"}


def lines(problems):
    """Return the problems as the owner reads them."""
    return [problem.line() for problem in sorted(problems)]


def test_complete_page_has_no_problems():
    assert check_page(FI, {**PAGE, "session": "1,5 h"}, is_service=True) == []


def test_missing_title_is_reported_with_an_example():
    assert lines(check_page(FI, {**PAGE, "title": ""}, is_service=False)) == [
        f'{FI}: Title: missing; add a line such as "Title: Ryhmätyönohjaus" at the top'
    ]


def test_missing_summary_is_reported_with_an_example():
    metadata = {key: value for key, value in PAGE.items() if key != "summary"}
    assert lines(check_page(FI, metadata, is_service=False)) == [
        f"{FI}: Summary: missing; add one sentence of at most 160 characters, such as "
        '"Summary: Ryhmätyönohjauksessa osallistujat oppivat toisiltaan."'
    ]


def test_summary_longer_than_search_engines_show_is_reported():
    metadata = {**PAGE, "summary": "<p>" + "a" * 161 + "</p>"}
    assert lines(check_page(FI, metadata, is_service=False)) == [
        f"{FI}: Summary: 161 characters, more than the 160 search engines show; "
        "shorten it"
    ]


def test_summary_length_counts_visible_characters_only():
    metadata = {**PAGE, "summary": "<p>" + "&amp;" * 160 + "</p>"}
    assert check_page(FI, metadata, is_service=False) == []


def test_misspelt_field_name_suggests_the_nearest_field():
    assert lines(check_page(FI, {**PAGE, "sesion": "1,5 h"}, is_service=True)) == [
        f'{FI}: Sesion: unknown field; did you mean "Session: 1,5 h"?'
    ]


def test_unknown_field_name_lists_the_fields():
    problems = check_page(FI, {**PAGE, "colour": "blue"}, is_service=False)
    assert lines(problems) == [
        f"{FI}: Colour: unknown field; the fields are Title, Summary, Key, Template, "
        "Save_as, URL, Status, Slug, Menu_title, Order, Format, Session, Interval, "
        "Contract, Process"
    ]


def test_fields_of_other_plugins_can_be_allowed():
    problems = check_page(FI, {**PAGE, "image": "x.jpg"}, False, ("image",))
    assert problems == []


def test_service_field_on_an_ordinary_page_is_reported():
    assert lines(check_page(FI, {**PAGE, "interval": "4 vk"}, is_service=False)) == [
        f"{FI}: Interval: only a service page takes this field (a file in a folder "
        "such as content/fi/palvelut/); move the file there or remove the line"
    ]


def test_unknown_status_lists_the_statuses():
    assert lines(check_page(FI, {**PAGE, "status": "hiden"}, is_service=False)) == [
        f'{FI}: Status: "hiden" is not a status; write one of draft, hidden, published'
    ]


def test_unknown_template_lists_the_themes_templates():
    metadata = {**PAGE, "template": "servcies"}
    problems = check_page(FI, metadata, False, templates={"page", "services"})
    assert lines(problems) == [
        f'{FI}: Template: "servcies" is not a template; write one of page, services'
    ]


def test_field_written_twice_is_reported():
    metadata = {**PAGE, "session": ["1,5 h", "60 min"]}
    assert lines(check_page(FI, metadata, is_service=True)) == [
        f'{FI}: Session: written 2 times; keep one line "Session: …"'
    ]


GROUP_FI = {
    "order": (5, "5"),
    "format": (("group",), "ryhmä"),
    "session": (Range(90, 90, "minute"), "1,5 h"),
    "interval": (Range(4, 6, "week"), "4–6 viikkoa"),
}


def service(path, lang, key="group", **facts):
    """Return what a service page in ``lang`` states."""
    return PageFacts(path, lang, key, True, facts)


def build(*pages, required=("fi", "en")):
    """Return the records and problem lines of these pages."""
    records, problems = build_records(list(pages), "fi", list(required))
    return records, lines(problems)


def test_facts_stated_in_one_language_hold_for_both():
    records, problems = build(service(FI, "fi", **GROUP_FI), service(EN, "en"))
    assert problems == []
    assert records["group"] == ServiceRecord(
        key="group",
        order=5,
        formats=("group",),
        session=Range(90, 90, "minute"),
        interval=Range(4, 6, "week"),
    )


def test_same_fact_written_differently_in_each_language_is_not_a_conflict():
    english = {"session": (Range(90, 90, "minute"), "1.5 hours")}
    records, problems = build(
        service(FI, "fi", **GROUP_FI), service(EN, "en", **english)
    )
    assert problems == []
    assert records["group"].session == Range(90, 90, "minute")


def test_different_facts_in_the_two_languages_name_both_files():
    english = {"session": (Range(60, 60, "minute"), "60 minutes")}
    records, problems = build(
        service(FI, "fi", **GROUP_FI), service(EN, "en", **english)
    )
    assert records == {}
    assert problems == [
        f'{EN}: Session: "60 minutes" here but "1,5 h" in {FI}; write the same in '
        "both, or leave it out of one"
    ]


def test_missing_format_and_order_are_reported_on_the_main_language_page():
    _, problems = build(service(FI, "fi"), service(EN, "en"))
    assert problems == [
        f'{FI}: Format: missing; write "Format: yksilö", "Format: ryhmä" or '
        '"Format: yksilö, ryhmä"',
        f'{FI}: Order: missing; write its position in lists, such as "Order: 1"',
    ]


def test_unreadable_fact_is_not_reported_missing_again():
    unreadable = PageFacts(EN, "en", "group", True, {}, frozenset({"format"}))
    facts = {key: value for key, value in GROUP_FI.items() if key != "format"}
    records, problems = build(service(FI, "fi", **facts), unreadable)
    assert (records, problems) == ({}, [])


def test_regular_service_may_leave_out_its_session_length():
    facts = {key: value for key, value in GROUP_FI.items() if key != "session"}
    records, problems = build(service(FI, "fi", **facts), service(EN, "en"))
    assert problems == []
    assert records["group"].session is None
    assert records["group"].interval is not None


def test_one_off_service_needs_no_session_or_interval():
    facts = {"order": (6, "6"), "format": (("group",), "ryhmä")}
    records, problems = build(
        service(FI, "fi", "debriefing", **facts), service(EN, "en", "debriefing")
    )
    assert problems == []
    assert records["debriefing"].interval is None


def test_two_pages_with_one_key_in_a_language_are_reported():
    other = "content/fi/palvelut/toinen.md"
    _, problems = build(
        service(FI, "fi", **GROUP_FI), service(other, "fi"), service(EN, "en")
    )
    assert problems == [
        f'{other}: Key: "group" is also the Key of {FI}; give each page its own Key'
    ]


def test_page_without_its_translation_is_reported():
    _, problems = build(service(FI, "fi", **GROUP_FI))
    assert problems == [
        f'{FI}: Key: "group" has no English page; add one in content/en/ with the '
        'line "Key: group"'
    ]


def test_page_of_a_partial_language_needs_only_its_main_language_page():
    swedish = PageFacts("content/sv/index.md", "sv", "home", False)
    finnish = PageFacts("content/fi/index.md", "fi", "home", False)
    english = PageFacts("content/en/index.md", "en", "home", False)
    assert build(finnish, english, swedish) == ({}, [])


def test_misspelt_service_key_suggests_the_main_languages_key():
    _, problems = build(service(FI, "fi", **GROUP_FI), service(EN, "en", "gruop"))
    assert (
        f'{EN}: Key: "gruop" is not the Key of any Finnish service; '
        'did you mean "group"?' in problems
    )


def test_unknown_service_key_lists_the_keys():
    _, problems = build(service(FI, "fi", **GROUP_FI), service(EN, "en", "coaching"))
    assert (
        f'{EN}: Key: "coaching" is not the Key of any Finnish service; the keys '
        "are group" in problems
    )


def test_service_page_without_a_readable_key_is_left_to_its_own_message():
    records, problems = build(service(FI, "fi", None, **GROUP_FI), service(EN, "en"))
    assert records == {}
    assert problems == [
        f'{EN}: Key: "group" is not the Key of any Finnish service; write the Key '
        "of its Finnish page"
    ]


def test_problem_lines_are_each_problem_once_in_order():
    problem = Problem(FI, "Session", "wrong")
    lines = problem_lines([problem, Problem(EN, "Key", "wrong"), problem])
    assert lines == [f"{EN}: Key: wrong", f"{FI}: Session: wrong"]
