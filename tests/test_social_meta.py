"""Titles, descriptions and link previews (Open Graph, Twitter card) of every page."""

import struct
from collections import Counter

import pytest
from conftest import SITEURL, site_path
from site_map import HIDDEN_PATHS

import pelicanconf
from supervision_site.search_metadata.locales import og_locale

REQUIRED = [
    "og:type",
    "og:site_name",
    "og:title",
    "og:description",
    "og:url",
    "og:locale",
    "og:image",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
]


def open_graph(page):
    """Return a page's Open Graph properties, each with its list of contents."""
    found = {}
    for meta in page.find_all("meta", property=True):
        found.setdefault(meta["property"], []).append(meta["content"])
    return found


def test_titles_are_unique_across_all_pages(soup, page_paths):
    titles = Counter(soup(path).title.text for path in page_paths)
    assert [title for title, count in titles.items() if count > 1] == []


def test_titles_name_the_page_then_the_site(soup, indexable_paths):
    for path in indexable_paths:
        page = soup(path)
        sitename = open_graph(page)["og:site_name"][0]
        expected = sitename if path in ("/", "/en/") else f"{page.h1.text} – {sitename}"
        assert page.title.text == expected, path


def test_every_page_has_a_description(soup, page_paths):
    for path in page_paths:
        description = soup(path).find("meta", attrs={"name": "description"})
        assert description["content"].strip(), path


def test_every_indexable_page_has_each_open_graph_property_once(soup, indexable_paths):
    for path in indexable_paths:
        found = open_graph(soup(path))
        for name in REQUIRED:
            assert len(found.get(name, [])) == 1, (path, name)
            assert found[name][0].strip(), (path, name)


def test_open_graph_repeats_the_pages_title_description_and_address(
    soup, indexable_paths
):
    for path in indexable_paths:
        page = soup(path)
        found = open_graph(page)
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert found["og:title"] == [page.h1.text]
        assert found["og:description"] == [description]
        assert found["og:url"] == [page.find("link", rel="canonical")["href"]]
        assert found["og:type"] == ["website"]


@pytest.mark.parametrize(
    ("path", "locale", "alternate"),
    [("/palvelut/", "fi_FI", "en_GB"), ("/en/services/", "en_GB", "fi_FI")],
)
def test_og_locale_is_the_pages_and_alternates_are_its_translations(
    soup, path, locale, alternate
):
    found = open_graph(soup(path))
    assert found["og:locale"] == [locale]
    assert found["og:locale:alternate"] == [alternate]


def test_every_indexable_page_has_a_large_twitter_card(soup, indexable_paths):
    for path in indexable_paths:
        card = soup(path).find_all("meta", attrs={"name": "twitter:card"})
        assert [meta["content"] for meta in card] == ["summary_large_image"], path


def test_social_image_is_a_small_1200_by_630_png_in_the_theme(
    site, soup, indexable_paths
):
    images = {open_graph(soup(path))["og:image"][0] for path in indexable_paths}
    assert len(images) == 1
    (url,) = images
    assert url.startswith(SITEURL + "/theme/")
    data = (site / site_path(url).lstrip("/")).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
    assert len(data) < 100_000
    found = open_graph(soup(indexable_paths[0]))
    assert (found["og:image:width"], found["og:image:height"]) == (["1200"], ["630"])


def test_social_image_alt_text_is_in_the_pages_language(soup):
    finnish = open_graph(soup("/"))["og:image:alt"][0]
    english = open_graph(soup("/en/"))["og:image:alt"][0]
    assert finnish == pelicanconf.SEARCH_META_IMAGE_ALT
    assert english == pelicanconf.I18N_SUBSITES["en"]["SEARCH_META_IMAGE_ALT"]


def test_hidden_pages_have_no_link_preview(soup):
    for path in HIDDEN_PATHS:
        assert not open_graph(soup(path))


@pytest.mark.parametrize(
    ("lang", "locale"), [("fi", "fi_FI"), ("sv", "sv_SE"), ("de", "de_DE")]
)
def test_og_locale_takes_the_languages_likely_country_from_babel(lang, locale):
    assert og_locale(lang, {}) == locale


def test_og_locale_setting_chooses_british_english():
    assert pelicanconf.SEARCH_META_LOCALES == {"en": "en_GB"}
    assert og_locale("en", pelicanconf.SEARCH_META_LOCALES) == "en_GB"
