"""The next page before the click: Speculation Rules under the strict policy."""

import base64
import hashlib
import json

from conftest import SETTINGS, SITEURL, read_headers_file

from supervision_site.site_links.links import build_speculation_rules

SERVICE = "/palvelut/ryhmatyonohjaus/"


def rules_of(soup, path):
    """Return the Speculation Rules written in a built page."""
    [script] = soup(path).find_all("script", type="speculationrules")
    return json.loads(script.string)


def test_every_page_fetches_only_its_own_sites_links_ahead(soup, page_paths):
    for path in page_paths:
        rules = rules_of(soup, path)
        assert set(rules) == {"prefetch", "prerender"}, path
        for rule in rules["prefetch"] + rules["prerender"]:
            assert rule["eagerness"] == "moderate"
            first, *exclusions = rule["where"]["and"]
            assert first == {"href_matches": "/*"}
            never = [clause["not"]["href_matches"] for clause in exclusions]
            assert never == [
                "mailto:*",
                "tel:*",
                SETTINGS["CONTACT_FORM_ENDPOINT"] + "*",
            ]


def script_sources(policy):
    """Return the sources of a Content-Security-Policy's ``script-src``."""
    [directive] = [part for part in policy.split(";") if "script-src" in part]
    return directive.split()[1:]


def allowed_by_hash(script):
    """Return the CSP source that allows an inline script: ``'sha256-…'``."""
    digest = hashlib.sha256(script.string.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def test_the_policy_allows_each_inline_script_by_its_hash_and_no_other(
    site, soup, page_paths
):
    header = read_headers_file(site)["/*"]["Content-Security-Policy"][0]
    written = set()
    for path in page_paths:
        # Structured data is never run, so the policy does not concern it.
        scripts = soup(path).find_all(
            "script", type=lambda t: t != "application/ld+json"
        )
        hashes = {allowed_by_hash(script) for script in scripts}
        written |= hashes
        meta = soup(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        for policy in (header, meta["content"]):
            sources = script_sources(policy)
            assert sources[0] == "'self'" and hashes <= set(sources[1:]), path
            assert "unsafe-inline" not in policy
    assert sorted(script_sources(header)[1:]) == sorted(written)


def test_a_form_endpoint_on_the_site_itself_is_never_fetched_ahead():
    settings = {
        "SITEURL": "https://www.example.fi/tyonohjaus/en",
        "DEFAULT_LANG": "en",
        "MAIN_LANG": "fi",
        "CONTACT_FORM_ENDPOINT": "https://www.example.fi/api/(contact)?x",
    }
    [rule] = build_speculation_rules(settings)["prefetch"]
    first, *exclusions = rule["where"]["and"]
    assert first == {"href_matches": "/tyonohjaus/*"}
    assert exclusions[-1] == {
        "not": {"href_matches": "https://www.example.fi/api/\\(contact\\)*"}
    }


def test_the_favicon_is_written_into_the_page(soup):
    icon = soup("/en/").find("link", rel="icon")
    assert icon["href"].startswith("data:image/svg+xml,%3Csvg%20")
    assert '"' not in icon["href"] and SITEURL not in icon["href"]


def test_hovering_a_service_link_fetches_the_page_before_the_click(page, live_site):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_site + "/")
    link = page.locator(f'main a[href$="{SERVICE}"]').first
    link.hover()
    page.wait_for_timeout(1500)  # moderate eagerness waits for a short hover
    with page.expect_navigation():
        link.click()
    assert page.url == live_site + SERVICE
    delivery = page.evaluate(
        "performance.getEntriesByType('navigation')[0].deliveryType"
    )
    assert delivery == "navigational-prefetch"
    assert violations == []
