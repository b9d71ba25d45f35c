"""The security headers and cache rules of the site, built from settings."""

import base64
import hashlib
from urllib.parse import urlsplit

from supervision_site.site_links.after_paint import AFTER_PAINT_LOADER
from supervision_site.site_links.links import speculation_rules_text

# Directives a <meta http-equiv> policy may not carry (browsers ignore them there).
HEADER_ONLY_DIRECTIVES = ("frame-ancestors", "report-uri", "sandbox")
YEAR = 31536000


def origin(url):
    """Return the origin of an absolute URL, or None for a relative one."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def script_hash(text):
    """Return the CSP source that allows one inline script: ``'sha256-…'``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def build_csp(settings, for_meta=False):
    """Return the Content-Security-Policy; the form endpoint's origin is allowed."""
    form_origin = origin(settings.get("CONTACT_FORM_ENDPOINT", ""))
    allowed = " ".join(filter(None, ["'self'", form_origin]))
    # The Speculation Rules of every page and the loader of a page's own script.
    inline_scripts = (speculation_rules_text(settings), AFTER_PAINT_LOADER)
    directives = {
        "default-src": "'self'",
        # The site's own files, and no inline script but those above.
        "script-src": " ".join(["'self'", *map(script_hash, inline_scripts)]),
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": allowed,
        "form-action": allowed,
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(
        f"{name} {value}"
        for name, value in directives.items()
        if not (for_meta and name in HEADER_ONLY_DIRECTIVES)
    )


def build_security_headers(settings):
    """Return the headers every response carries, as (name, value) pairs."""
    return [
        ("Content-Security-Policy", build_csp(settings)),
        ("Strict-Transport-Security", f"max-age={YEAR}; includeSubDomains"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]


# Every page is served at a folder's URL (``/palvelut/``), the site's root, or as
# an ``.html`` file (``/404.html``): briefly cached.
PAGE_PATTERNS = ("/", "/*/", "/*.html")


def build_headers_file(settings, asset_paths):
    """Return the text of a ``_headers`` file (Netlify and Cloudflare Pages format).

    The same few rules whatever the number of pages: the security headers for
    every URL, a short cache for pages, and a year for each content-hashed
    asset. No two rules give one URL the same header, so Cloudflare (which
    joins the values of every matching rule) and Netlify (where a later rule
    wins) send the same; the asset rules come last all the same.
    """
    rules = [("/*", build_security_headers(settings))]
    page_cache = [("Cache-Control", settings["HTML_CACHE_CONTROL"])]
    rules += [(pattern, page_cache) for pattern in PAGE_PATTERNS]
    asset_cache = [("Cache-Control", f"public, max-age={YEAR}, immutable")]
    rules += [(path, asset_cache) for path in asset_paths]
    lines = []
    for pattern, headers in rules:
        lines += [pattern, *(f"  {name}: {value}" for name, value in headers)]
    return "\n".join(lines) + "\n"
