"""Production output: minified and hashed files, ``_headers``, compressed copies, CNAME.

Every site's pages are written by ``page_writer.PageWriter``, minified and kept,
and compressed as soon as each is written. The rest runs on
pelican-granular-signals' ``minify`` signal, which comes after every page of
every language is written; it ends by compressing the other files in the
background, while ``site_checks`` reads the finished site on ``compress``, and
every copy is waited for on that same signal, before the weight is checked on
``deploy``.
"""

import logging
from pathlib import Path
from urllib.parse import urlsplit

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from supervision_site.core.languages import is_main_site
from supervision_site.core.problems import Problem, stop_on
from supervision_site.core.settings import apply_defaults
from supervision_site.security_policy.policy import build_headers_file

from .compressed import Copies
from .files import files_under
from .fingerprint import copy_fingerprinted
from .minify import minify_tree, published_bytes
from .page_writer import forget_unused_pages, start_build, writer_class

logger = logging.getLogger(__name__)
# This build's compressed copies, begun as its pages are written.
build_copies = []

PREFIX = "COMPRESS_"
DEFAULTS = {
    # The files that get .br and .gz copies, by suffix.
    "COMPRESS_EXTENSIONS": {".css", ".html", ".js", ".json", ".svg", ".txt", ".xml"},
    # The site's own domain for GitHub Pages, written to CNAME ("" for none).
    "CUSTOM_DOMAIN": "",
}


def url_path(file, output):
    """Return the URL path that serves a written file: ``/palvelut/`` for its index."""
    path = "/" + file.relative_to(output).as_posix()
    return path.removesuffix("index.html")


def custom_domain_problems(settings):
    """Return the problem of a ``CUSTOM_DOMAIN`` that is not SITE_ADDRESS's host."""
    domain, site = settings["CUSTOM_DOMAIN"], urlsplit(settings["SITEURL"]).hostname
    if domain == site:
        return []
    message = (
        f'"{domain}" is not the domain of the site\'s address ({settings["SITEURL"]}); '
        f'write only its name, "{site}"'
    )
    return [Problem("pelicanconf.py", "CUSTOM_DOMAIN", message)]


def finish_output(pelican):
    """Minify style sheets and scripts, add hashed copies, write ``_headers`` and CNAME.

    The pages are minified as they are written (``page_writer.py``). Then every
    file's compressed copies are begun, to be finished on ``compress``.
    """
    settings = pelican.settings
    if not is_main_site(settings):
        return
    output = Path(settings["OUTPUT_PATH"])
    count = minify_tree(output)
    copies = copy_fingerprinted(output / settings["THEME_STATIC_DIR"], settings)
    logger.info(
        "[published_assets] minified %s style sheets and scripts, %s hashed copies",
        count,
        len(copies),
    )
    assets = sorted(url_path(file, output) for file in copies)
    (output / "_headers").write_text(build_headers_file(settings, assets), "utf-8")
    if settings["CUSTOM_DOMAIN"]:
        stop_on(custom_domain_problems(settings))
        (output / "CNAME").write_text(settings["CUSTOM_DOMAIN"] + "\n", "utf-8")
    build_copies[0].start_rest(settings)  # while site_checks reads the site


def start_copies(pelican):
    """Begin the main site's build with no compressed copies begun."""
    if is_main_site(pelican.settings):
        build_copies[:] = [Copies(pelican.settings)]


def begin_copies(path, context):
    """Compress a page as soon as it is written, beside the build."""
    if build_copies:
        build_copies[0].begin(Path(path))


def begin_theme_copies(generators):
    """Compress the theme's text files as published, before the pages are written."""
    settings = generators[0].settings
    if build_copies and is_main_site(settings):
        theme = Path(settings["THEME"], "static")
        for source in files_under(theme, settings["COMPRESS_EXTENSIONS"]):
            build_copies[0].begin_bytes(published_bytes(source))


def compress_output(pelican):
    """Finish the compressed copies of the output (once, by the main site)."""
    if is_main_site(pelican.settings):
        count = build_copies.pop().finish()
        logger.info("[published_assets] %s compressed copies", count)


def register():
    """Connect the handlers; the granular signals must exist first."""
    granular_signals.register()
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(start_build)
    signals.initialized.connect(start_copies)
    signals.all_generators_finalized.connect(begin_theme_copies)
    signals.content_written.connect(begin_copies)
    signals.get_writer.connect(writer_class)
    signals.page_writer_finalized.connect(forget_unused_pages)
    blinker.signal("minify").connect(finish_output)
    blinker.signal("compress").connect(compress_output)
