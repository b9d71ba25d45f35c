"""The points of Lighthouse's SEO audit, checked on every built page directly.

Lighthouse itself runs in the quality gate; these tests fail on the same
faults without a browser: uncrawlable links, vague link text, invalid
hreflang or lang codes, missing titles and descriptions, blocked pages and
links to pages that do not answer 200.
"""

from urllib.parse import urljoin, urlparse
from urllib.request import urlopen

import pytest
from babel import Locale, UnknownLocaleError
from conftest import SITEURL

# Link texts Lighthouse's link-text audit rejects, and their Finnish kin.
VAGUE_LINK_TEXTS = {
    "click here",
    "click this",
    "go",
    "here",
    "information",
    "learn more",
    "more",
    "more info",
    "more information",
    "read more",
    "right here",
    "see more",
    "start",
    "this",
    "lue lisää",
    "lisää",
    "lisätietoja",
    "tästä",
    "täältä",
    "klikkaa tästä",
    "katso lisää",
    "jatka",
}


@pytest.fixture(scope="module")
def pages(soup, page_paths):
    """Return every built page, parsed, by its site path."""
    return {path: soup(path) for path in page_paths}


def is_language_code(code):
    """Tell whether a code names a language Babel knows (``fi``, ``en-GB``)."""
    try:
        Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        return False
    return True


def test_every_link_is_crawlable(pages):
    for path, page in pages.items():
        for link in page.find_all("a"):
            href = link.get("href", "").strip()
            assert href and not href.lower().startswith("javascript:"), (path, link)


def test_link_text_is_descriptive(pages):
    for path, page in pages.items():
        for link in page.find_all("a", href=True):
            text = " ".join(link.get_text().split()).lower()
            assert text or link.get("aria-label"), (path, link)
            assert text not in VAGUE_LINK_TEXTS, (path, link)


def test_html_lang_is_a_valid_language_code(pages):
    for path, page in pages.items():
        assert is_language_code(page.html["lang"]), path


def test_hreflang_codes_are_valid(pages):
    for path, page in pages.items():
        for tag in page.find_all(hreflang=True):
            code = tag["hreflang"]
            assert code == "x-default" or is_language_code(code), (path, code)


def test_hreflang_links_are_absolute(pages):
    for path, page in pages.items():
        for link in page.find_all("link", rel="alternate", hreflang=True):
            assert urlparse(link["href"]).scheme == "https", (path, link)


def test_every_page_has_a_title_and_a_description(pages):
    for path, page in pages.items():
        assert page.title and page.title.text.strip(), path
        assert page.find("meta", attrs={"name": "description"})["content"], path


def test_indexable_pages_have_an_absolute_canonical_to_themselves(
    indexable_paths, soup
):
    for path in indexable_paths:
        canonical = soup(path).find_all("link", rel="canonical")
        assert [link["href"] for link in canonical] == [SITEURL + path]


def test_every_internal_link_answers_200_on_the_served_site(live_site, pages):
    targets = {"/robots.txt", "/sitemap.xml"}
    for path, page in pages.items():
        for tag in page.find_all(["a", "link"], href=True):
            url = urljoin(SITEURL + path, tag["href"])
            if url.startswith(SITEURL):
                targets.add(urlparse(url).path)
    for target in sorted(targets):
        with urlopen(live_site + target) as response:
            assert response.status == 200, target
