"""No broken links: every reference inside the site resolves; others are listed.

The build runs the same check (plugins/supervision_site/site_checks) and stops
on a broken link; these tests hold it to every kind of reference and list the
links that leave.
"""

import re
from collections import defaultdict
from urllib.parse import urljoin, urlparse

from conftest import SITEURL

from supervision_site.site_checks.links import SiteLinks, references
from supervision_site.site_checks.site import BuiltSite, page_url, target_file

EXTERNAL_SCHEMES = {
    "https": re.compile(r"https://[^/\s]+\.[^/\s]+(/\S*)?"),
    "http": re.compile(r"http://[^/\s]+\.[^/\s]+(/\S*)?"),
    "mailto": re.compile(r"mailto:[^@\s]+@[^@\s]+\.[^@\s]+"),
    "tel": re.compile(r"tel:\+?[0-9]+"),
}


def broken_references(folder):
    """Return a readable line for each internal reference that does not resolve."""
    return [
        f"{file.relative_to(folder).as_posix()}: {reference}"
        for file, reference in SiteLinks(BuiltSite(folder, SITEURL)).broken()
    ]


def external_references(folder):
    """Return each URL outside the site with the pages that refer to it."""
    found = defaultdict(set)
    site = BuiltSite(folder, SITEURL)
    for file in site.pages():
        base = page_url(file, folder, SITEURL)
        for _, reference in references(site.document(file)):
            url = urljoin(base, reference.strip())
            if not url.startswith("data:") and not target_file(url, folder, SITEURL):
                found[url].add(file.relative_to(folder).as_posix())
    return dict(sorted(found.items()))


def is_well_formed(url):
    """Return whether an external URL has a known scheme and a complete address."""
    pattern = EXTERNAL_SCHEMES.get(urlparse(url).scheme)
    return bool(pattern and pattern.fullmatch(url))


def test_every_internal_reference_resolves_to_a_built_file_and_element(site):
    broken = broken_references(site)
    assert not broken, "Broken references:\n" + "\n".join(broken)


def test_external_links_are_well_formed_and_listed(site, report):
    external = external_references(site)
    report(
        "External links (listed, not fetched)",
        [f"{url}  (pages: {len(pages)})" for url, pages in external.items()],
    )
    malformed = [
        f"{url} on {', '.join(sorted(pages))}"
        for url, pages in external.items()
        if not is_well_formed(url)
    ]
    assert not malformed, "Malformed external links:\n" + "\n".join(malformed)


def write(folder, path, text):
    """Write a file of a small hand-made site."""
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, "utf-8")


def test_checker_reports_each_kind_of_broken_reference(tmp_path):
    write(tmp_path, "css/site.css", "body { background: url('../img/missing.png'); }")
    write(tmp_path, "img/ok.png", "")
    write(
        tmp_path,
        "index.html",
        '<p id="here"><a href="#here">ok</a><a href="#gone">x</a>'
        '<a href="/missing/">x</a><a href="other/#here">x</a>'
        '<img src="img/ok.png" srcset="img/ok.png 1x, img/big.png 2x" alt="">'
        '<span style="background: url(img/nope.png)"></span>',
    )
    write(tmp_path, "other/index.html", '<p id="there">')
    assert sorted(broken_references(tmp_path)) == [
        "css/site.css: ../img/missing.png",
        "index.html: #gone",
        "index.html: /missing/",
        "index.html: img/big.png",
        "index.html: img/nope.png",
        "index.html: other/#here",
    ]


def test_checker_lists_external_links_and_spots_malformed_ones(tmp_path):
    write(
        tmp_path,
        "index.html",
        '<a href="https://tietosuoja.fi/">ok</a><a href="mailto:a@b.fi">ok</a>'
        '<a href="tel:+358400000000">ok</a><a href="mailto:tyonohjaus">x</a>'
        '<a href="javascript:void(0)">x</a><form action="https://formspree.io/f/x">',
    )
    external = external_references(tmp_path)
    assert [url for url in external if not is_well_formed(url)] == [
        "javascript:void(0)",
        "mailto:tyonohjaus",
    ]
    assert len(external) == 6
