"""sitemap.xml and robots.txt: every indexable page of both languages, crawlable."""

import re
from datetime import datetime
from urllib.robotparser import RobotFileParser

import pytest
from babel import Locale
from conftest import ROOT, SITEURL, run_pelican, site_path
from lxml import etree
from site_map import HIDDEN_PATHS, PAGES

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NS = {"s": SITEMAP_NS, "xhtml": XHTML_NS}
# The W3C datetime forms the sitemap protocol accepts.
W3C_DATETIME = re.compile(
    r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?"
)


@pytest.fixture(scope="module")
def sitemap(site):
    return etree.parse(str(site / "sitemap.xml"))


@pytest.fixture(scope="module")
def entries(sitemap):
    """Return each URL's loc, lastmod and alternates (hreflang → href)."""
    found = {}
    for url in sitemap.getroot().iterfind("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.iterfind("xhtml:link", NS)
        }
        found[loc] = {"lastmod": url.findtext("s:lastmod", namespaces=NS)}
        found[loc]["alternates"] = alternates
    return found


@pytest.fixture(scope="module")
def robots(site):
    parser = RobotFileParser()
    parser.parse((site / "robots.txt").read_text("utf-8").splitlines())
    return parser


def test_sitemap_is_a_urlset_in_the_sitemap_namespace_with_xhtml_links(sitemap):
    root = sitemap.getroot()
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    assert root.nsmap == {None: SITEMAP_NS, "xhtml": XHTML_NS}
    assert sitemap.docinfo.encoding == "UTF-8"


def test_every_url_has_exactly_one_absolute_loc_and_lastmod(sitemap):
    urls = sitemap.getroot().findall("s:url", NS)
    assert urls
    for url in urls:
        locs = url.findall("s:loc", NS)
        assert len(locs) == 1
        assert len(url.findall("s:lastmod", NS)) == 1
        assert locs[0].text.startswith(SITEURL + "/")


def test_no_url_is_listed_twice(sitemap, entries):
    assert len(sitemap.getroot().findall("s:url", NS)) == len(entries)


def test_lastmod_is_a_w3c_datetime(entries):
    for loc, entry in entries.items():
        assert W3C_DATETIME.fullmatch(entry["lastmod"]), loc
        assert datetime.fromisoformat(entry["lastmod"]).tzinfo is not None, loc


def test_sitemap_lists_every_indexable_page_of_both_languages(entries, indexable_paths):
    assert sorted(entries) == sorted(SITEURL + path for path in indexable_paths)
    assert {SITEURL + path for path in PAGES["group"].values()} <= set(entries)


@pytest.mark.parametrize("path", HIDDEN_PATHS)
def test_not_found_and_thank_you_pages_are_left_out_and_not_indexed(
    entries, soup, path
):
    assert SITEURL + path not in entries
    assert soup(path).find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_every_url_in_the_sitemap_resolves_to_a_built_file(site, entries):
    for entry in entries.values():
        for url in entry["alternates"].values():
            assert (site / site_path(url).lstrip("/")).is_file(), url


def test_every_url_lists_itself_among_its_language_versions(entries):
    for loc, entry in entries.items():
        assert loc in entry["alternates"].values()


def test_every_url_names_finnish_as_x_default(entries):
    for loc, entry in entries.items():
        assert entry["alternates"]["x-default"] == entry["alternates"].get("fi", loc)


def test_language_versions_are_reciprocal(entries):
    for loc, entry in entries.items():
        for lang, url in entry["alternates"].items():
            assert entries[url]["alternates"] == entry["alternates"], (loc, lang)


def test_a_page_and_its_translation_are_linked(entries):
    group = {lang: SITEURL + path for lang, path in PAGES["group"].items()}
    alternates = entries[group["fi"]]["alternates"]
    assert alternates == {**group, "x-default": group["fi"]}


def test_hreflang_codes_are_valid_language_codes(entries):
    for entry in entries.values():
        for lang in entry["alternates"]:
            assert lang == "x-default" or Locale.parse(lang).language == lang


def test_sitemap_alternates_are_the_pages_own_hreflang_links(entries, soup):
    for loc, entry in entries.items():
        links = soup(site_path(loc)).find_all("link", rel="alternate", hreflang=True)
        assert {link["hreflang"]: link["href"] for link in links} == entry["alternates"]


def test_robots_txt_names_the_sitemaps_absolute_url(robots):
    assert robots.site_maps() == [SITEURL + "/sitemap.xml"]


def test_robots_txt_lets_every_crawler_fetch_every_page(robots, entries):
    for loc in entries:
        for agent in ("*", "Googlebot", "Bingbot"):
            assert robots.can_fetch(agent, loc), (agent, loc)


def test_development_build_writes_no_sitemap_without_an_absolute_siteurl(tmp_path):
    result = run_pelican(ROOT / "content", tmp_path, "pelicanconf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "index.html").is_file()
    assert not (tmp_path / "sitemap.xml").exists()
    assert not (tmp_path / "robots.txt").exists()


def test_sitemap_and_robots_txt_are_written_once_at_the_root(site):
    assert sorted(
        p.relative_to(site).as_posix() for p in site.rglob("sitemap.xml")
    ) == ["sitemap.xml"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("robots.txt")) == [
        "robots.txt"
    ]
