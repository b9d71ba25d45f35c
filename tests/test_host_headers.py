"""``_headers`` holds at any size under both hosts' documented rules.

The site is built with 100 generated services, and every URL of that build is
matched against the file the way Cloudflare Pages does it (every matching
rule applies, the values of one header joined with a comma, ``! Name``
detaches a header; at most 100 rules, 2,000 characters a line) and the way
Netlify does it (every matching rule applies, a later rule's value of a
header replaces an earlier one's; no detach syntax).
"""

import re

import pytest
from conftest import ROOT, SETTINGS, run_pelican

from supervision_site.security_policy.policy import build_security_headers
from tools.bench_site import write_content
from tools.static_host import (
    cloudflare_headers,
    netlify_headers,
    pattern_matches,
    read_rules,
)

HASHED = re.compile(r"\.[0-9a-f]{10}\.[a-z]+$")
YEAR_IMMUTABLE = "public, max-age=31536000, immutable"
CLOUDFLARE_MOST_RULES = 100
CLOUDFLARE_MOST_LINE = 2000


HOSTS = {"cloudflare": cloudflare_headers, "netlify": netlify_headers}


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """Return the folder of a production build with 100 generated services."""
    folder = tmp_path_factory.mktemp("hundred-services")
    write_content(ROOT / "content", folder / "content", 100)
    # A home page listing 100 services is over the page budget.
    options = ["-e", "SITE_CHECK_PAGE_BUDGET=1000000000"]
    result = run_pelican(
        folder / "content", folder / "output", "publishconf.py", *options
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "output"


def served_urls(site):
    """Return every URL path the build serves: a folder's for its index.html."""
    urls = []
    for file in sorted(site.rglob("*")):
        if (
            file.is_file()
            and file.suffix not in (".br", ".gz")
            and file.name != "_headers"
        ):
            path = "/" + file.relative_to(site).as_posix()
            urls.append(path.removesuffix("index.html"))
    return urls


@pytest.fixture(scope="module")
def settings():
    """Return the production settings, every default of our plugins filled in."""
    return SETTINGS


def test_the_file_keeps_the_same_few_rules_as_the_real_site(large_site, site):
    large = read_rules((large_site / "_headers").read_text("utf-8"))
    real = read_rules((site / "_headers").read_text("utf-8"))
    assert [rule[0] for rule in large] == [rule[0] for rule in real]
    assert len(large) <= 10
    assert len(served_urls(large_site)) > 200


def test_the_file_is_within_cloudflares_limits_and_netlifys_syntax(large_site):
    text = (large_site / "_headers").read_text("utf-8")
    assert len(read_rules(text)) <= CLOUDFLARE_MOST_RULES
    assert max(map(len, text.splitlines())) <= CLOUDFLARE_MOST_LINE
    # Netlify has no detach lines; every header line is "Name: value".
    assert all(":" in line for line in text.splitlines() if line[:1].isspace())


@pytest.mark.parametrize("host", HOSTS)
def test_every_url_gets_the_security_headers_once(large_site, settings, host):
    rules = read_rules((large_site / "_headers").read_text("utf-8"))
    expected = {name.lower(): value for name, value in build_security_headers(settings)}
    for url in served_urls(large_site):
        sent = HOSTS[host](rules, url)
        assert {name: sent.get(name) for name in expected} == expected, url


@pytest.mark.parametrize("host", HOSTS)
def test_pages_are_cached_briefly_and_hashed_assets_for_a_year(
    large_site, settings, host
):
    rules = read_rules((large_site / "_headers").read_text("utf-8"))
    urls = served_urls(large_site)
    pages = [url for url in urls if url.endswith(("/", ".html"))]
    hashed = [url for url in urls if HASHED.search(url)]
    assert len(pages) > 200 and {url.rsplit(".", 1)[1] for url in hashed} >= {
        "css",
        "svg",
    }
    for url in pages:
        sent = HOSTS[host](rules, url)
        assert sent["cache-control"] == settings["HTML_CACHE_CONTROL"], url
    for url in hashed:
        assert HOSTS[host](rules, url)["cache-control"] == YEAR_IMMUTABLE, url
    for url in set(urls) - set(pages) - set(hashed):  # plain names may change
        assert HOSTS[host](rules, url).get("cache-control") != YEAR_IMMUTABLE, url


def test_the_matcher_joins_cloudflare_values_and_lets_a_later_netlify_rule_win():
    rules = read_rules(
        "/*\n  Cache-Control: short\n  X-A: 1\n/a/*\n  ! X-A\n  Cache-Control: long\n"
    )
    assert cloudflare_headers(rules, "/a/b") == {"cache-control": "short, long"}
    assert netlify_headers(rules, "/a/b") == {"cache-control": "long", "x-a": "1"}
    own = read_rules(
        "/*\n  Cache-Control: short\n/b/*\n  ! Cache-Control\n  Cache-Control: own\n"
    )
    assert cloudflare_headers(own, "/b/c") == {"cache-control": "own"}
    later = read_rules("/b/*\n  ! Cache-Control\n/*\n  Cache-Control: short\n")
    assert cloudflare_headers(later, "/b/c") == {"cache-control": "short"}
    twice = read_rules("/*\n  X-A: 1\n/b/*\n  X-A: 2\n/*\n  X-A: 3\n")
    assert cloudflare_headers(twice, "/b/c") == {"x-a": "3, 2"}
    assert pattern_matches("/*/", "/palvelut/") and not pattern_matches("/*/", "/a.css")
    assert pattern_matches("/:lang/", "/en/") and not pattern_matches(
        "/:lang/", "/a/b/"
    )
