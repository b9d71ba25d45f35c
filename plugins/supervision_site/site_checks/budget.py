"""Measure what a visitor's first round trip carries: HTML plus blocking CSS."""

from pathlib import Path
from urllib.parse import urljoin

from .site import BuiltSite

# Modules are deferred; data blocks and Speculation Rules are never run as scripts.
NON_BLOCKING_SCRIPT_TYPES = (
    "module",
    "application/ld+json",
    "application/json",
    "speculationrules",
)


def blocking_stylesheets(document):
    """Return the hrefs of the stylesheets that block rendering."""
    return [
        link.get("href")
        for link in document.iter("link")
        if "stylesheet" in (link.get("rel") or "").split()
        and link.get("href") is not None
        and link.get("media", "all") in ("all", "screen")
    ]


def blocking_scripts(document):
    """Return the scripts that block rendering (no defer, async or module)."""
    return [
        script.get("src", "inline script")
        for script in document.iter("script")
        if script.get("defer") is None
        and script.get("async") is None
        and script.get("type", "") not in NON_BLOCKING_SCRIPT_TYPES
    ]


def first_trip(file, stylesheets, site):
    """Return (raw bytes, brotli bytes) of a page and the stylesheets it waits for."""
    raw, compressed = file.stat().st_size, site.compressed_size(file)
    base = site.url(file)
    for href in stylesheets:
        css = site.target(urljoin(base, href))
        if css is not None and css.is_file():
            raw += css.stat().st_size
            compressed += site.compressed_size(css)
    return raw, compressed


def measure_page(file, document, site):
    """Return (raw bytes, brotli bytes, blocking scripts) of a parsed page.

    The bytes are the page's and its blocking stylesheets'.
    """
    raw, compressed = first_trip(file, blocking_stylesheets(document), site)
    return raw, compressed, blocking_scripts(document)


def measure_site(site_dir, siteurl):
    """Yield (file, raw bytes, brotli bytes, blocking scripts) for every page."""
    site = BuiltSite(Path(site_dir), siteurl)
    for file in site.pages():
        yield (file, *measure_page(file, site.document(file), site))
