"""Publish the security policy: in every page's ``<meta>`` and in ``_headers``.

Hosts that read ``_headers`` (Netlify, Cloudflare Pages) send the policy and
the cache rules as HTTP headers; GitHub Pages sets no headers, so every page
carries the Content-Security-Policy in a ``<meta http-equiv>`` tag too.
"""

from pathlib import Path

from pelican import signals

from supervision_site.core.languages import is_main_site
from supervision_site.core.settings import apply_defaults
from supervision_site.site_links.assets import hashed_theme_files

from .policy import build_csp, build_headers_file

PREFIX = None
DEFAULTS = {
    # How long browsers and caches may keep a page before asking again.
    "HTML_CACHE_CONTROL": "public, max-age=600, must-revalidate",
}


def add_template_helpers(generator):
    """Install the meta-tag form of the policy as a template global."""
    generator.env.globals["meta_csp"] = build_csp(generator.settings, for_meta=True)


def url_path(file, output):
    """Return the URL path that serves a written file: ``/palvelut/`` for its index."""
    path = "/" + file.relative_to(output).as_posix()
    return path.removesuffix("index.html")


def write_headers_file(pelican):
    """Write ``_headers`` for every page of every language (once, by the main site)."""
    settings = pelican.settings
    if not is_main_site(settings):
        return
    output = Path(settings["OUTPUT_PATH"])
    pages = sorted(url_path(file, output) for file in output.rglob("*.html"))
    assets = sorted(
        f"/{settings['THEME_STATIC_DIR']}/{hashed}"
        for _, hashed in hashed_theme_files(settings)
    )
    (output / "_headers").write_text(
        build_headers_file(settings, pages, assets), "utf-8"
    )


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_template_helpers)
    signals.finalized.connect(write_headers_file)
