"""JSON-LD: the practice on every page, a Service and breadcrumbs on service pages."""

import json
from pathlib import Path

import pytest
from babel.support import NullTranslations
from conftest import ROOT, SITEURL
from site_map import HIDDEN_PATHS, SERVICE_PATHS, SERVICES

import pelicanconf
from supervision_site.search_metadata.structured_data import build_session_terms
from supervision_site.service_facts.records import Range, ServiceRecord

PRACTICE_ID = SITEURL + "/#practice"


@pytest.fixture(scope="module")
def graph(soup):
    """Return a function giving the nodes of a page's JSON-LD, by type."""

    def nodes(path):
        blocks = soup(path).find_all("script", type="application/ld+json")
        assert len(blocks) == 1, path
        data = json.loads(blocks[0].string)
        assert data["@context"] == "https://schema.org"
        found = {}
        for node in data["@graph"]:
            found.setdefault(node["@type"], []).append(node)
        return found

    return nodes


def walk(value):
    """Yield every object in a JSON value, the value itself first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def test_every_indexable_page_has_one_json_ld_graph(graph, indexable_paths):
    for path in indexable_paths:
        assert graph(path)["WebPage"][0]["url"] == SITEURL + path


def test_hidden_pages_have_no_json_ld(soup):
    for path in HIDDEN_PATHS:
        assert not soup(path).find("script", type="application/ld+json")


def test_every_id_reference_resolves_within_its_page(soup, indexable_paths):
    for path in indexable_paths:
        data = json.loads(soup(path).find("script", type="application/ld+json").string)
        objects = list(walk(data))
        defined = [node["@id"] for node in objects if "@id" in node and len(node) > 1]
        references = [node["@id"] for node in objects if list(node) == ["@id"]]
        assert len(defined) == len(set(defined)), path
        assert references and set(references) <= set(defined), path


def test_every_page_describes_the_practice_under_one_stable_id(graph, indexable_paths):
    for path in indexable_paths:
        (practice,) = graph(path)["ProfessionalService"]
        assert practice["@id"] == PRACTICE_ID
        for key in ("name", "url", "address", "areaServed"):
            assert practice[key], (path, key)


@pytest.mark.parametrize(
    ("path", "name", "url", "area"),
    [
        ("/", pelicanconf.SITENAME, SITEURL + "/", pelicanconf.AREA_SERVED),
        (
            "/en/about/",
            pelicanconf.I18N_SUBSITES["en"]["SITENAME"],
            SITEURL + "/en/",
            pelicanconf.ENGLISH["AREA_SERVED"],
        ),
    ],
)
def test_practice_is_named_in_the_pages_language(graph, path, name, url, area):
    (practice,) = graph(path)["ProfessionalService"]
    assert (practice["name"], practice["url"]) == (name, url)
    assert practice["areaServed"] == area


def test_placeholder_email_and_phone_are_left_out(graph):
    (practice,) = graph("/yhteystiedot/")["ProfessionalService"]
    for node in (practice, practice["contactPoint"]):
        assert "email" not in node and "telephone" not in node


def test_languages_served_follow_the_setting(graph):
    (practice,) = graph("/")["ProfessionalService"]
    assert practice["contactPoint"]["@type"] == "ContactPoint"
    languages = list(pelicanconf.SUPERVISION_LANGUAGES)
    assert practice["contactPoint"]["availableLanguage"] == languages
    assert practice["knowsLanguage"] == languages


@pytest.mark.parametrize(
    ("path", "title", "credentials"),
    [
        ("/", pelicanconf.SUPERVISOR_TITLE, pelicanconf.SUPERVISOR_TRAINING),
        (
            "/en/",
            pelicanconf.ENGLISH["SUPERVISOR_TITLE"],
            pelicanconf.ENGLISH["SUPERVISOR_TRAINING"],
        ),
    ],
)
def test_supervisor_is_a_person_with_credentials_from_settings(
    graph, path, title, credentials
):
    (practice,) = graph(path)["ProfessionalService"]
    supervisor = practice["founder"]
    assert supervisor["@type"] == "Person"
    assert supervisor["name"] == pelicanconf.SUPERVISOR_NAME
    assert supervisor["jobTitle"] == title
    assert [c["name"] for c in supervisor["hasCredential"]] == credentials
    assert {c["@type"] for c in supervisor["hasCredential"]} == {
        "EducationalOccupationalCredential"
    }
    assert practice["employee"] == {"@id": supervisor["@id"]}


@pytest.mark.parametrize("path", SERVICE_PATHS)
def test_service_page_has_a_service_provided_by_the_practice(graph, soup, path):
    (service,) = graph(path)["Service"]
    page = soup(path)
    assert service["name"] == page.h1.text
    assert (
        service["description"]
        == page.find("meta", attrs={"name": "description"})["content"]
    )
    assert service["url"] == SITEURL + path
    assert service["provider"] == {"@id": PRACTICE_ID}
    assert service["serviceType"]
    assert service["areaServed"]
    assert service["availableChannel"]["availableLanguage"] == list(
        pelicanconf.SUPERVISION_LANGUAGES
    )
    assert graph(path)["WebPage"][0]["mainEntity"] == {"@id": service["@id"]}


@pytest.mark.parametrize(
    ("path", "service_type"),
    [
        (SERVICES["team"]["fi"], "Työnohjaus"),
        (SERVICES["team"]["en"], "Work supervision"),
    ],
)
def test_service_type_is_in_the_pages_language(graph, path, service_type):
    assert graph(path)["Service"][0]["serviceType"] == service_type


def test_only_service_pages_have_a_service(graph, indexable_paths):
    for path in indexable_paths:
        assert ("Service" in graph(path)) == (path in SERVICE_PATHS), path


@pytest.mark.parametrize("path", SERVICE_PATHS)
def test_breadcrumb_list_matches_the_visible_breadcrumbs(graph, soup, path):
    (trail,) = graph(path)["BreadcrumbList"]
    visible = soup(path).select("nav[aria-label] ol a[href]")
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert [(item["name"], item["item"]) for item in items] == [
        (link.text, link["href"]) for link in visible
    ]


@pytest.mark.parametrize(
    ("path", "names"),
    [
        (SERVICES["group"]["fi"], ["Etusivu", "Palvelut", "Ryhmätyönohjaus"]),
        (SERVICES["group"]["en"], ["Home", "Services", "Group work supervision"]),
    ],
)
def test_breadcrumbs_lead_from_home_through_services_to_the_service(soup, path, names):
    nav = soup(path).find("nav", class_="breadcrumbs")
    assert nav["aria-label"] in ("Murupolku", "Breadcrumb")
    assert [link.text for link in nav.select("ol > li > a")] == names
    assert nav.select("a")[-1]["aria-current"] == "page"


def test_only_pages_with_breadcrumbs_have_a_breadcrumb_list(
    graph, soup, indexable_paths
):
    for path in indexable_paths:
        has_nav = soup(path).find("nav", class_="breadcrumbs") is not None
        assert ("BreadcrumbList" in graph(path)) == has_nav, path


def test_no_template_writes_json_ld_by_hand():
    for template in Path(ROOT, "theme", "templates").rglob("*.html"):
        text = template.read_text("utf-8")
        assert "schema.org" not in text and "@type" not in text, template


def terms(**spans):
    """Return the Offer of a service record with the given session and interval."""
    record = ServiceRecord(key="group", order=1, formats=("group",), **spans)
    return build_session_terms(record, NullTranslations())


def test_session_length_and_interval_become_iso_8601_durations():
    offer = terms(session=Range(90, 90, "minute"), interval=Range(4, 6, "week"))
    assert offer == {
        "@type": "Offer",
        "additionalProperty": [
            {
                "@type": "PropertyValue",
                "propertyID": "https://schema.org/duration",
                "name": "Session",
                "value": "PT90M",
            },
            {
                "@type": "PropertyValue",
                "propertyID": "https://schema.org/repeatFrequency",
                "name": "Interval",
                "minValue": "P4W",
                "maxValue": "P6W",
            },
        ],
    }


def test_alternative_lengths_are_two_values_not_a_range():
    offer = terms(session=Range(60, 90, "minute", either=True))
    assert offer["additionalProperty"][0]["value"] == ["PT60M", "PT90M"]
    assert "minValue" not in offer["additionalProperty"][0]


def test_a_one_off_service_has_no_interval():
    offer = terms(session=Range(120, 120, "minute"))
    assert [term["name"] for term in offer["additionalProperty"]] == ["Session"]


def test_a_service_without_session_or_interval_has_no_offer():
    assert terms() is None


@pytest.mark.parametrize(
    ("path", "session", "interval"),
    [
        (SERVICES["group"]["fi"], {"value": "PT90M"}, ("P4W", "P6W")),
        (SERVICES["group"]["en"], {"value": "PT90M"}, ("P4W", "P6W")),
        (SERVICES["individual"]["fi"], {"value": "PT60M"}, ("P4W", "P6W")),
        (SERVICES["individual"]["en"], {"value": "PT60M"}, ("P4W", "P6W")),
    ],
)
def test_service_page_gives_its_session_length_and_interval(
    graph, path, session, interval
):
    (service,) = graph(path)["Service"]
    length, frequency = service["offers"]["additionalProperty"]
    assert length["propertyID"] == "https://schema.org/duration"
    assert {k: length[k] for k in session} == session
    assert frequency["propertyID"] == "https://schema.org/repeatFrequency"
    assert (frequency["minValue"], frequency["maxValue"]) == interval


def test_service_without_a_session_length_offers_only_its_interval(graph):
    (service,) = graph(SERVICES["manager"]["en"])["Service"]
    (frequency,) = service["offers"]["additionalProperty"]
    assert frequency["propertyID"] == "https://schema.org/repeatFrequency"


def test_session_terms_are_named_in_the_pages_language(graph):
    finnish = graph(SERVICES["group"]["fi"])["Service"][0]["offers"][
        "additionalProperty"
    ]
    english = graph(SERVICES["group"]["en"])["Service"][0]["offers"][
        "additionalProperty"
    ]
    assert [term["name"] for term in finnish] == ["Tapaamisen kesto", "Tapaamisväli"]
    assert [term["name"] for term in english] == ["Session", "Interval"]


def test_debriefing_without_a_regular_rhythm_has_no_offer(graph):
    for path in (SERVICES["debriefing"]["fi"], SERVICES["debriefing"]["en"]):
        assert "offers" not in graph(path)["Service"][0]


def test_json_ld_is_compact_utf8(soup):
    text = soup("/").find("script", type="application/ld+json").string
    assert "Työnohjaus" in text
    assert "\\u00f6" not in text
    assert '": ' not in text
    assert '", "' not in text
