"""A third language reaches the sitemap and link previews with no code."""

import json
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SITEURL, run_pelican
from lxml import etree
from test_translations import SWEDISH_HOME, SWEDISH_NOT_FOUND

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


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


def test_sitemap_lists_the_swedish_page_with_every_language_version(swedish_site):
    sitemap = etree.parse(str(swedish_site / "sitemap.xml"))
    (url,) = sitemap.xpath("//s:url[s:loc = $loc]", namespaces=NS, loc=SITEURL + "/sv/")
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in url.iterfind("xhtml:link", NS)
    }
    assert alternates == {
        "fi": SITEURL + "/",
        "en": SITEURL + "/en/",
        "sv": SITEURL + "/sv/",
        "x-default": SITEURL + "/",
    }


def test_finnish_home_page_offers_the_swedish_locale_as_an_alternate(swedish_site):
    page = BeautifulSoup(
        (swedish_site / "index.html").read_text("utf-8"), "html.parser"
    )
    alternates = [
        meta["content"]
        for meta in page.find_all("meta", property="og:locale:alternate")
    ]
    assert alternates == ["en_GB", "sv_SE"]


def test_structured_data_lists_swedish_once_the_practice_offers_it(swedish_site):
    page = BeautifulSoup(
        (swedish_site / "sv" / "index.html").read_text("utf-8"), "html.parser"
    )
    graph = json.loads(page.find("script", type="application/ld+json").string)
    (practice,) = [n for n in graph["@graph"] if n["@type"] == "ProfessionalService"]
    assert practice["contactPoint"]["availableLanguage"] == ["fi", "en", "sv"]
