"""Helpers that templates call on every page do their work once per list of pages,
and each page's URL is formatted once."""

import copy
from types import SimpleNamespace

from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from supervision_site.site_links.links import fix_page_urls
from supervision_site.site_links.memo import once_per_pages


def counting(results):
    """Return a build function that records each call."""

    def build(context):
        results.append(len(context["pages"]))
        return len(results)

    return build


def test_the_answer_is_made_once_for_the_same_pages():
    calls, context = [], {"pages": ["a", "b"]}
    answers = [once_per_pages(context, "count", counting(calls)) for _ in range(3)]
    assert answers == [1, 1, 1]
    assert calls == [2]


def test_the_answer_is_made_again_when_a_page_is_added():
    calls, context = [], {"pages": ["a"]}
    once_per_pages(context, "count", counting(calls))
    context["pages"].append("b")
    assert once_per_pages(context, "count", counting(calls)) == 2
    assert calls == [1, 2]


def test_the_answer_is_made_again_when_the_list_of_pages_is_replaced():
    calls, context = [], {"pages": ["a"]}
    once_per_pages(context, "count", counting(calls))
    first = context["pages"]
    context["pages"] = ["b"]
    once_per_pages(context, "count", counting(calls))
    assert len(calls) == 2
    assert first == ["a"]


def test_answers_of_different_names_are_kept_apart():
    context = {"pages": ["a"]}
    assert once_per_pages(context, "one", lambda context: 1) == 1
    assert once_per_pages(context, "two", lambda context: 2) == 2


def test_each_page_url_is_formatted_once_however_often_it_is_read(monkeypatch):
    settings = {
        **copy.deepcopy(DEFAULT_CONFIG),
        "PAGE_URL": "{slug}/",
        "PAGE_SAVE_AS": "{slug}/index.html",
    }
    pages = [
        Page("", {"title": title, "slug": slug}, settings=settings)
        for title, slug in [("Palvelut", "palvelut"), ("Kiitos", "kiitos")]
    ]
    formatted = []
    expand = Page._expand_settings

    def counted(page, key, *rest):
        formatted.append((page.slug, key))
        return expand(page, key, *rest)

    monkeypatch.setattr(Page, "_expand_settings", counted)
    fix_page_urls(SimpleNamespace(pages=pages[:1], hidden_pages=pages[1:]))
    read = [[page.url for page in pages] for _ in range(3)]
    assert read == [["palvelut/", "kiitos/"]] * 3
    assert formatted == [("palvelut", "url"), ("kiitos", "url")]
