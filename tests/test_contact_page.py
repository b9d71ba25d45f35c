"""The built contact, thank-you, privacy and debriefing pages, read as HTML."""

import re

import pytest
from conftest import ROOT, SETTINGS, SITEURL, parse_page, run_pelican
from site_map import HIDDEN_PAGES, LANGS, PAGES, SERVICE_KEYS, SERVICES

import pelicanconf
from supervision_site.owner_facts.facts import find_unreadable
from supervision_site.privacy_notice.plugin import build_form_processor
from supervision_site.site_links.after_paint import AFTER_PAINT_LOADER

CONTACT, PRIVACY = PAGES["contact"], PAGES["privacy"]
THANKS, DEBRIEFING = HIDDEN_PAGES["thanks"], SERVICES["debriefing"]
REQUIRED = ["name", "email", "message", "consent"]
OPTIONAL = ["phone", "organisation", "service", "group_size"]


def form(soup, lang):
    return soup(CONTACT[lang]).find("form", id="contact-form")


@pytest.mark.parametrize("lang", LANGS)
def test_form_posts_to_the_endpoint_setting(soup, lang):
    found = form(soup, lang)
    assert found["method"] == "post"
    assert found["action"] == pelicanconf.CONTACT_FORM_ENDPOINT


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", REQUIRED + OPTIONAL)
def test_every_field_has_a_label(soup, lang, name):
    field = form(soup, lang).find(attrs={"name": name})
    assert soup(CONTACT[lang]).find("label", attrs={"for": field["id"]}).text.strip()


@pytest.mark.parametrize("lang", LANGS)
def test_only_name_email_message_and_consent_are_required(soup, lang):
    required = [field["name"] for field in form(soup, lang).select("[required]")]
    assert sorted(required) == sorted(REQUIRED)


@pytest.mark.parametrize(
    ("lang", "first"), [("fi", "En ole vielä varma"), ("en", "Not sure yet")]
)
def test_service_list_is_not_sure_yet_then_the_service_pages(soup, lang, first):
    options = (
        form(soup, lang).find("select", attrs={"name": "service"}).find_all("option")
    )
    assert options[0].text == first
    assert [option["data-key"] for option in options] == ["", *SERVICE_KEYS]
    assert not any(option.has_attr("selected") for option in options)


@pytest.mark.parametrize(
    ("lang", "subject"),
    [("fi", "Yhteydenotto verkkosivuilta"), ("en", "Enquiry from the website")],
)
def test_hidden_fields_give_subject_language_and_thank_you_page(soup, lang, subject):
    hidden = {
        field["name"]: field["value"]
        for field in form(soup, lang).find_all("input", type="hidden")
    }
    assert hidden["_subject"].startswith(subject)
    assert hidden["language"] == lang
    assert hidden["_next"] == SITEURL + THANKS[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_consent_links_to_the_privacy_notice(soup, lang):
    label = soup(CONTACT[lang]).find("label", attrs={"for": "contact-consent"})
    assert label.a["href"] == SITEURL + PRIVACY[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_honeypot_is_kept_from_keyboard_and_assistive_technology(soup, lang):
    trap = form(soup, lang).find("input", attrs={"name": "_gotcha"})
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(attrs={"aria-hidden": "true"})


@pytest.mark.parametrize("lang", LANGS)
def test_thank_you_page_is_built_in_the_language_and_not_indexed(soup, lang):
    page = soup(THANKS[lang])
    assert page.html["lang"] == lang
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", SERVICE_KEYS)
def test_service_page_call_to_action_opens_the_form_with_its_service(soup, lang, key):
    link = soup(SERVICES[key][lang]).select_one(".contact-cta a.button")
    assert link["href"] == f"{SITEURL}{CONTACT[lang]}?service={key}"


# Structured data and Speculation Rules are never run as scripts.
DATA_BLOCKS = ("application/ld+json", "speculationrules")


def test_only_the_contact_pages_load_a_script_and_only_after_the_first_paint(
    soup, page_paths
):
    with_script = {}
    for path in page_paths:
        # No script is fetched while the page loads: none named, none preloaded.
        early = soup(path).select(
            "script[src], link[rel~=preload], link[rel~=modulepreload]"
        )
        assert not early, path
        scripts = soup(path).find_all("script", type=lambda t: t not in DATA_BLOCKS)
        for script in scripts:
            with_script[path] = script
    assert sorted(with_script) == sorted(CONTACT.values())
    for script in with_script.values():
        assert script["type"] == "module" and script.string == AFTER_PAINT_LOADER
        assert re.fullmatch(
            re.escape(SITEURL) + r"/theme/js/contact-form\.[0-9a-f]{10}\.js",
            script["data-after-paint"],
        )


@pytest.mark.parametrize("lang", LANGS)
def test_privacy_notice_names_controller_and_form_service_from_settings(soup, lang):
    text = soup(PRIVACY[lang]).main.get_text(" ")
    for fact in (
        pelicanconf.SUPERVISOR_NAME,
        pelicanconf.BUSINESS_ID,
        pelicanconf.BUSINESS_ADDRESS,
        pelicanconf.CONTACT_EMAIL,
        pelicanconf.CONTACT_PHONE,
        pelicanconf.CONTACT_FORM_PROCESSOR,
    ):
        assert fact in text


@pytest.mark.parametrize(
    ("lang", "retention"),
    [("fi", "Säilytysaika"), ("en", "How long messages are kept")],
)
def test_privacy_notice_leaves_out_what_the_owner_has_not_decided(
    soup, lang, retention
):
    page = soup(PRIVACY[lang])
    # The form service is named; its country and the transfer are not yet known.
    assert len(page.select("#form-processor dt")) == 1
    assert not page.select("#form-processor + p")
    assert retention not in [h2.text for h2 in page.main.find_all("h2")]


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        ("fi", ["lomakepalvelu", "evästeitä", "terveystietoja"]),
        ("en", ["form service", "cookies", "health details"]),
    ],
)
def test_privacy_notice_covers_form_service_cookies_and_health_details(
    soup, lang, phrases
):
    text = soup(PRIVACY[lang]).main.get_text(" ")
    assert all(phrase in text for phrase in phrases)


def test_privacy_notice_follows_a_processor_within_the_eu(tmp_path):
    result = run_pelican(
        ROOT / "content",
        tmp_path,
        "publishconf.py",
        "-e",
        'CONTACT_FORM_PROCESSOR_COUNTRY="FI"',
        "CONTACT_FORM_DATA_LEAVES_EU=false",
        "MESSAGE_RETENTION_MONTHS=6",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = parse_page(tmp_path, PRIVACY["en"])
    facts = {div.dt.text: div.dd.text for div in page.select("#form-processor > div")}
    assert facts["Where it processes the data"] == "Finland"
    assert facts["Transfer outside the EU and EEA"] == "No"
    assert "stays within the EU and EEA" in page.main.text
    assert "kept for at most 6\u00a0months after the last contact" in page.main.text


def test_form_processor_country_is_named_in_the_pages_language():
    settings = {
        **SETTINGS,
        "DEFAULT_LANG": "fi",
        "CONTACT_FORM_PROCESSOR_COUNTRY": "ie",
    }
    assert build_form_processor(settings)["country"] == "Irlanti"


def test_unknown_processor_country_is_reported_and_shown_as_written():
    settings = {
        **SETTINGS,
        "DEFAULT_LANG": "en",
        "CONTACT_FORM_PROCESSOR_COUNTRY": "USA",
        "OWNER_FACTS_FILE": "pelicanconf.py",
    }
    processor = build_form_processor(settings)
    assert processor["country"] == "USA"
    (problem,) = [
        p
        for p in find_unreadable(settings)
        if p.field == "CONTACT_FORM_PROCESSOR_COUNTRY"
    ]
    assert '"USA" ei käy' in problem.message


@pytest.mark.parametrize("lang", LANGS)
def test_debriefing_page_leads_with_a_call_to_action_before_the_text(soup, lang):
    article = soup(DEBRIEFING[lang]).main.article
    call = article.find(class_="urgent-call")
    assert call.find_previous_sibling() is article.h1
    assert call.find("a", href="tel:112")
    # Without a real phone number the way is the contact form, never a tel: link.
    assert [a["href"] for a in call.select('a[href^="tel:"]')] == ["tel:112"]
    assert call.find("a", class_="button")["href"].startswith(SITEURL + CONTACT[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_other_service_pages_have_no_urgent_call(soup, lang):
    assert not soup(SERVICES["group"][lang]).find(class_="urgent-call")


def test_every_page_reaches_the_debriefing_page_from_header_or_footer(soup, page_paths):
    for path in page_paths:
        page = soup(path)
        lang = page.html["lang"]
        links = [a["href"] for part in (page.header, page.footer) for a in part("a")]
        assert SITEURL + DEBRIEFING[lang] in links, path
