"""The security headers and cache rules of the site, built from settings."""

from urllib.parse import urlsplit

# Directives a <meta http-equiv> policy may not carry (browsers ignore them there).
HEADER_ONLY_DIRECTIVES = ("frame-ancestors", "report-uri", "sandbox")
YEAR = 31536000


def origin(url):
    """Return the origin of an absolute URL, or None for a relative one."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def build_csp(settings, for_meta=False):
    """Return the Content-Security-Policy; the form endpoint's origin is allowed."""
    form_origin = origin(settings.get("CONTACT_FORM_ENDPOINT", ""))
    allowed = " ".join(filter(None, ["'self'", form_origin]))
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
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


def build_headers_file(settings, page_paths, asset_paths):
    """Return the text of a ``_headers`` file (Netlify and Cloudflare Pages format).

    Each URL's Cache-Control comes from exactly one rule: pages are cached
    briefly, hashed assets for a year.
    """
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in build_security_headers(settings)]
    for path in page_paths:
        lines += [path, f"  Cache-Control: {settings['HTML_CACHE_CONTROL']}"]
    for path in asset_paths:
        lines += [path, f"  Cache-Control: public, max-age={YEAR}, immutable"]
    return "\n".join(lines) + "\n"
