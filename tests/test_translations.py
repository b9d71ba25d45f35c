"""Interface strings: every one translated; a third language needs no code anywhere."""

import json
import shutil

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import ROOT, SITEURL, parse_page, run_pelican
from lxml import etree

CATALOGS = ROOT / "theme" / "translations"


def template_messages():
    """Return every msgid the templates and plugins use, extracted afresh."""
    method_map = [("**.html", "jinja2"), ("**.py", "python")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n"}}
    found = set()
    for folder in ("theme/templates", "plugins"):
        for _, _, message, _, context in extract_from_dir(
            ROOT / folder, method_map, options_map=options
        ):
            found.add((message if isinstance(message, str) else message[0], context))
    return found


@pytest.fixture(scope="module")
def finnish_catalog():
    with open(CATALOGS / "fi" / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po)


def test_templates_use_translatable_strings():
    assert ("Skip to content", None) in template_messages()


def is_translated(catalog, msgid, context):
    """Return whether a message and all its plural forms have a translation."""
    message = catalog.get(msgid, context)
    if message is None:
        return False
    forms = message.string if isinstance(message.string, tuple) else [message.string]
    return all(forms)


def test_every_interface_string_has_a_finnish_translation(finnish_catalog):
    untranslated = [
        msgid
        for msgid, context in template_messages()
        if not is_translated(finnish_catalog, msgid, context)
    ]
    assert not untranslated, "run `make translations` and translate: " + ", ".join(
        untranslated
    )


def test_no_finnish_translation_is_fuzzy(finnish_catalog):
    fuzzy = [m.id for m in finnish_catalog if m.id and m.fuzzy]
    assert not fuzzy


SWEDISH_HOME = """Title: Arbetshandledning
Summary: Arbetshandledning för arbetsgemenskaper, chefer och experter.
Key: home
Template: home
Save_as: index.html
URL:

Arbetshandledning hjälper dig att hitta lösningar.
"""
SWEDISH_NOT_FOUND = """Title: Sidan hittades inte
Summary: Sidan du söker finns inte.
Key: notfound
Save_as: 404.html
URL: 404.html
Status: hidden

Sidan du söker finns inte.
"""


@pytest.fixture(scope="module")
def swedish_site(tmp_path_factory):
    """Return the output of the real content plus a Swedish home page."""
    folder = tmp_path_factory.mktemp("swedish")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "sv").mkdir()
    (content / "sv" / "index.md").write_text(SWEDISH_HOME, "utf-8")
    (content / "sv" / "404.md").write_text(SWEDISH_NOT_FOUND, "utf-8")
    subsites = '{"en": {}, "sv": {"SITENAME": "Arbetshandledning"}}'
    output = folder / "output"
    result = run_pelican(
        content,
        output,
        "publishconf.py",
        "-e",
        f"I18N_SUBSITES={subsites}",
        'SUPERVISION_LANGUAGES=["fi", "en", "sv"]',
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_a_third_language_needs_only_content_and_one_settings_entry(swedish_site):
    swedish = parse_page(swedish_site, "/sv/")
    assert swedish.html["lang"] == "sv"
    hreflangs = {
        link["hreflang"]: link["href"]
        for link in swedish.find_all("link", rel="alternate", hreflang=True)
    }
    assert hreflangs == {
        "fi": SITEURL + "/",
        "en": SITEURL + "/en/",
        "sv": SITEURL + "/sv/",
        "x-default": SITEURL + "/",
    }
    switch = {a["lang"]: a.text for a in swedish.select(".language-switch a")}
    assert switch == {"fi": "Suomi", "en": "English"}
    finnish = parse_page(swedish_site, "/")
    assert finnish.find("link", hreflang="sv")["href"] == SITEURL + "/sv/"


SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def test_sitemap_lists_the_swedish_page_with_every_language_version(swedish_site):
    sitemap = etree.parse(str(swedish_site / "sitemap.xml"))
    (url,) = sitemap.xpath(
        "//s:url[s:loc = $loc]", namespaces=SITEMAP_NS, loc=SITEURL + "/sv/"
    )
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in url.iterfind("xhtml:link", SITEMAP_NS)
    }
    assert alternates == {
        "fi": SITEURL + "/",
        "en": SITEURL + "/en/",
        "sv": SITEURL + "/sv/",
        "x-default": SITEURL + "/",
    }


def test_finnish_home_page_offers_the_swedish_locale_as_an_alternate(swedish_site):
    page = parse_page(swedish_site, "/")
    alternates = [
        meta["content"]
        for meta in page.find_all("meta", property="og:locale:alternate")
    ]
    assert alternates == ["en_GB", "sv_SE"]


def test_structured_data_lists_swedish_once_the_practice_offers_it(swedish_site):
    page = parse_page(swedish_site, "/sv/")
    graph = json.loads(page.find("script", type="application/ld+json").string)
    (practice,) = [n for n in graph["@graph"] if n["@type"] == "ProfessionalService"]
    assert practice["contactPoint"]["availableLanguage"] == ["fi", "en", "sv"]
