"""The served site in a real browser: pages load and the language switch works."""


def test_language_switch_leads_from_finnish_home_to_english_home(page, live_site):
    page.goto(live_site + "/")
    assert page.locator("html").get_attribute("lang") == "fi"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_site + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_stylesheet_is_applied(page, live_site):
    page.goto(live_site + "/en/")
    size = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(size.removesuffix("px")) >= 18
