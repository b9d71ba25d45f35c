"""Every page fits a 320 px phone: long words hyphenate or wrap, nothing overflows."""

import pytest

WIDTH = 320


@pytest.fixture
def narrow(browser):
    """Return a browser tab as wide as the narrowest phone."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    tab = context.new_page()
    yield tab
    context.close()


def test_no_page_is_wider_than_a_320_px_phone(narrow, live_site, page_paths):
    too_wide = {}
    for path in page_paths:
        narrow.goto(live_site + path)
        width = narrow.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide[path] = width
    assert too_wide == {}
