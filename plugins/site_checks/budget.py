"""Measure what a visitor's first round trip carries: HTML plus blocking CSS."""

from pathlib import Path
from urllib.parse import urljoin

import brotli
from bs4 import BeautifulSoup

from .links import page_url, target_file

NON_BLOCKING_SCRIPT_TYPES = ("module", "application/ld+json", "application/json")


def compressed_size(data):
    """Return the size of ``data`` after brotli at its best quality."""
    return len(brotli.compress(data, quality=11))


def blocking_stylesheets(document):
    """Return the hrefs of the stylesheets that block rendering."""
    return [
        link["href"]
        for link in document.find_all("link", rel="stylesheet", href=True)
        if link.get("media", "all") in ("all", "screen")
    ]


def blocking_scripts(document):
    """Return the scripts that block rendering (no defer, async or module)."""
    return [
        script.get("src", "inline script")
        for script in document.find_all("script")
        if not (script.has_attr("defer") or script.has_attr("async"))
        and script.get("type", "") not in NON_BLOCKING_SCRIPT_TYPES
    ]


def measure_page(file, site_dir, siteurl):
    """Return (raw bytes, brotli bytes) of a page and its blocking stylesheets."""
    html = file.read_bytes()
    document = BeautifulSoup(html, "html.parser")
    raw, compressed = len(html), compressed_size(html)
    base = page_url(file, site_dir, siteurl)
    for href in blocking_stylesheets(document):
        css = target_file(urljoin(base, href), site_dir, siteurl)
        if css is not None and css.is_file():
            raw += css.stat().st_size
            compressed += compressed_size(css.read_bytes())
    return raw, compressed, blocking_scripts(document)


def measure_site(site_dir, siteurl):
    """Yield (file, raw bytes, brotli bytes, blocking scripts) for every page."""
    site_dir = Path(site_dir)
    for file in sorted(site_dir.rglob("*.html")):
        yield (file, *measure_page(file, site_dir, siteurl or "http://localhost"))
