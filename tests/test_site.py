"""The built site: every page in both languages, linked to its translation."""

import pytest
from conftest import ROOT, SITEURL, parse_page, run_pelican, site_path
from site_map import (
    ALL_PATHS,
    HIDDEN_PAGES,
    PAGES,
    PAIRS,
    SERVICE_KEYS,
    SERVICE_PATHS,
)

import pelicanconf


@pytest.mark.parametrize("path", ALL_PATHS)
def test_page_is_built(site, path):
    assert (site / site_path(path).lstrip("/")).is_file()


@pytest.mark.parametrize("path", HIDDEN_PAGES["notfound"].values())
def test_not_found_pages_are_built_and_not_indexed(soup, path):
    page = soup(path)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize(("fi", "en"), PAIRS)
def test_html_lang_is_the_pages_own_language(soup, fi, en):
    assert soup(fi).html["lang"] == "fi"
    assert soup(en).html["lang"] == "en"


@pytest.mark.parametrize(("fi", "en"), PAIRS)
def test_language_switch_leads_to_the_translation_and_back(soup, fi, en):
    to_en = soup(fi).select_one(".language-switch a")
    to_fi = soup(en).select_one(".language-switch a")
    assert to_en["href"] == SITEURL + en
    assert to_fi["href"] == SITEURL + fi
    assert (to_en["lang"], to_en["hreflang"], to_en.text) == ("en", "en", "English")
    assert (to_fi["lang"], to_fi["hreflang"], to_fi.text) == ("fi", "fi", "Suomi")


@pytest.mark.parametrize("path", ALL_PATHS)
def test_canonical_is_the_page_itself(soup, path):
    assert soup(path).find("link", rel="canonical")["href"] == SITEURL + path


@pytest.mark.parametrize(("fi", "en"), PAIRS)
def test_hreflang_lists_both_languages_and_finnish_as_default(soup, fi, en):
    expected = {"fi": SITEURL + fi, "en": SITEURL + en, "x-default": SITEURL + fi}
    for path in (fi, en):
        alternates = soup(path).find_all("link", rel="alternate", hreflang=True)
        found = {link["hreflang"]: link["href"] for link in alternates}
        assert found == expected
        assert all(".." not in url for url in found.values())


@pytest.mark.parametrize("path", ALL_PATHS)
def test_title_names_the_page_and_the_site(soup, path):
    title = soup(path).title.text
    assert " – " in title or path in ("/", "/en/")
    assert pelicanconf.SUPERVISOR_NAME in title


def test_every_page_has_its_own_description(soup):
    descriptions = [
        soup(path).find("meta", attrs={"name": "description"})["content"]
        for path in ALL_PATHS
    ]
    assert len(set(descriptions)) == len(ALL_PATHS)


@pytest.mark.parametrize("path", ALL_PATHS)
def test_page_has_one_h1_and_landmarks(soup, path):
    page = soup(path)
    assert len(page.find_all("h1")) == 1
    assert page.select_one("a.skip-link")["href"] == "#main"
    assert page.find("main", id="main") and page.header and page.footer


NAVIGATION_KEYS = ["services", "process", "about", "contact", *SERVICE_KEYS]


@pytest.mark.parametrize(
    "path", [p for k in NAVIGATION_KEYS for p in PAGES[k].values()]
)
def test_navigation_marks_the_current_page(soup, path):
    current = soup(path).select('nav a[aria-current="page"]')
    assert current
    assert all(link["href"] == SITEURL + path for link in current)


def test_home_page_has_a_card_for_every_service(soup):
    for lang, home in PAGES["home"].items():
        cards = [a["href"] for a in soup(home).select(".cards h3 a")]
        assert cards == [SITEURL + PAGES[key][lang] for key in SERVICE_KEYS]


@pytest.mark.parametrize(
    ("home", "process", "heading"),
    [
        ("/", PAGES["process"]["fi"], "Näin työnohjaus alkaa"),
        ("/en/", PAGES["process"]["en"], "How work supervision starts"),
    ],
)
def test_home_page_leads_to_how_work_supervision_starts(soup, home, process, heading):
    section = soup(home).find("h2", string=heading).parent
    assert section.find("a", href=SITEURL + process)


@pytest.mark.parametrize("path", PAGES["process"].values())
def test_process_page_lists_the_five_steps_of_how_it_starts(soup, path):
    steps = soup(path).main.find("ol").find_all("li", recursive=False)
    assert len(steps) == 5
    assert all(step.strong for step in steps)


@pytest.mark.parametrize("path", SERVICE_PATHS)
def test_every_service_page_says_whom_it_is_for(soup, path):
    headings = [h2.text for h2 in soup(path).main.find_all("h2")]
    assert "Kenelle" in headings or "Who it is for" in headings


def test_no_request_goes_to_another_host(soup, page_paths):
    for path in page_paths:
        for tag in soup(path).find_all(["link", "script", "img"]):
            url = tag.get("src") or tag.get("href") or ""
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not url.startswith("http") or url.startswith(SITEURL), (path, url)


def footer_links(page):
    """Return the text and address of each link in the footer's service list."""
    return [(a.text, a["href"]) for a in page.select(".site-footer nav li a")]


def test_footer_lists_every_service_when_there_are_few(soup):
    for lang, home in PAGES["home"].items():
        expected = [SITEURL + PAGES[key][lang] for key in SERVICE_KEYS]
        assert [href for _, href in footer_links(soup(home))] == expected


def test_footer_lists_the_first_services_then_links_to_all_of_them(tmp_path):
    output = tmp_path / "site"
    result = run_pelican(
        ROOT / "content", output, "publishconf.py", "-e", "FOOTER_SERVICES_MOST=2"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, all_text in (("fi", "Kaikki palvelut"), ("en", "All services")):
        page = parse_page(output, PAGES["home"][lang])
        expected = [SITEURL + PAGES[key][lang] for key in SERVICE_KEYS[:2]]
        expected.append(SITEURL + PAGES["services"][lang])
        assert [href for _, href in footer_links(page)] == expected
        assert footer_links(page)[-1][0] == all_text
