"""No broken links: every reference inside the site resolves; others are listed."""

import re
from collections import defaultdict
from functools import cache
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup
from conftest import SITEURL, site_path

URL_ATTRIBUTES = ("href", "src", "poster", "action")
CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>.*?)(?P=quote)\s*\)""")
EXTERNAL_SCHEMES = {
    "https": re.compile(r"https://[^/\s]+\.[^/\s]+(/\S*)?"),
    "http": re.compile(r"http://[^/\s]+\.[^/\s]+(/\S*)?"),
    "mailto": re.compile(r"mailto:[^@\s]+@[^@\s]+\.[^@\s]+"),
    "tel": re.compile(r"tel:\+?[0-9]+"),
}


def css_urls(text):
    """Return the ``url()`` values of a style sheet or a style attribute."""
    return [match["url"] for match in CSS_URL.finditer(text)]


def srcset_urls(srcset):
    """Return the image URLs of a ``srcset`` (each candidate is a URL and a size)."""
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def html_urls(text):
    """Return every URL an HTML page refers to, as written."""
    page = BeautifulSoup(text, "html.parser")
    urls = []
    for attribute in URL_ATTRIBUTES:
        urls += [tag[attribute] for tag in page.find_all(attrs={attribute: True})]
    for tag in page.find_all(srcset=True):
        urls += srcset_urls(tag["srcset"])
    for tag in page.find_all(style=True):
        urls += css_urls(tag["style"])
    for tag in page.find_all("style"):
        urls += css_urls(tag.get_text())
    return urls


def site_references(folder):
    """Return (file, absolute URL) for every reference in the site's HTML and CSS."""
    references = []
    for file in sorted(folder.rglob("*")):
        if file.suffix not in (".html", ".css"):
            continue
        relative = file.relative_to(folder).as_posix()
        text = file.read_text("utf-8")
        urls = html_urls(text) if file.suffix == ".html" else css_urls(text)
        base = f"{SITEURL}/{relative}"
        references += [(relative, urljoin(base, url.strip())) for url in urls]
    return [(file, url) for file, url in references if not url.startswith("data:")]


def is_internal(url):
    """Return whether a URL points into the site."""
    return url == SITEURL or url.startswith(SITEURL + "/")


@cache
def element_ids(file):
    """Return the ids of the elements of a built HTML file."""
    page = BeautifulSoup(file.read_text("utf-8"), "html.parser")
    return {tag["id"] for tag in page.find_all(id=True)}


def broken_references(folder):
    """Return a readable line for each internal reference that does not resolve."""
    broken = []
    for source, url in site_references(folder):
        if not is_internal(url):
            continue
        target = folder / unquote(site_path(url)).lstrip("/")
        fragment = unquote(urlparse(url).fragment)
        if not target.is_file():
            broken.append(f"{source}: {url} (no file {target.relative_to(folder)})")
        elif fragment and fragment not in element_ids(target):
            broken.append(f"{source}: {url} (no element with id {fragment!r})")
    return broken


def external_references(folder):
    """Return each URL outside the site with the files that refer to it."""
    found = defaultdict(set)
    for source, url in site_references(folder):
        if not is_internal(url):
            found[url].add(source)
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
        [
            f"{url}  (in {len(files)} of the built files)"
            for url, files in external.items()
        ],
    )
    malformed = [
        f"{url} in {', '.join(sorted(files))}"
        for url, files in external.items()
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
    assert broken_references(tmp_path) == [
        f"css/site.css: {SITEURL}/img/missing.png (no file img/missing.png)",
        f"index.html: {SITEURL}/index.html#gone (no element with id 'gone')",
        f"index.html: {SITEURL}/missing/ (no file missing/index.html)",
        f"index.html: {SITEURL}/other/#here (no element with id 'here')",
        f"index.html: {SITEURL}/img/big.png (no file img/big.png)",
        f"index.html: {SITEURL}/img/nope.png (no file img/nope.png)",
    ]


def test_checker_lists_external_links_and_spots_malformed_ones(tmp_path):
    write(
        tmp_path,
        "index.html",
        '<a href="https://tietosuoja.fi/">ok</a><a href="mailto:a@b.fi">ok</a>'
        '<a href="tel:+358400000000">ok</a><a href="mailto:tyonohjaus">x</a>'
        '<a href="javascript:void(0)">x</a>',
    )
    external = external_references(tmp_path)
    assert [url for url in external if not is_well_formed(url)] == [
        "javascript:void(0)",
        "mailto:tyonohjaus",
    ]
    assert len(external) == 5
