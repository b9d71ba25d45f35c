"""Production output: minified and hashed files, ``_headers``, compressed copies, CNAME.

Each page is minified as it is written and its compressed copies are begun in
the background (``as_written``). The rest runs on pelican-granular-signals'
``minify`` signal, which comes after every page of every language is written;
the compressed copies are finished on its ``compress`` signal, before the
checks on ``deploy``.
"""

import gc
import logging
from pathlib import Path

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from supervision_site.core.languages import is_main_site
from supervision_site.core.settings import apply_defaults
from supervision_site.security_policy.policy import build_headers_file

from .as_written import WrittenFiles
from .compressed import compress_tree
from .fingerprint import copy_fingerprinted
from .minify import minify_tree

logger = logging.getLogger(__name__)

PREFIX = "COMPRESS_"
DEFAULTS = {
    # The files that get .br and .gz copies, by suffix.
    "COMPRESS_EXTENSIONS": {".css", ".html", ".js", ".json", ".svg", ".txt", ".xml"},
    # The site's own domain for GitHub Pages, written to CNAME ("" for none).
    "CUSTOM_DOMAIN": "",
}
# The pages of the build under way, of every language; begun by the main site.
WRITTEN = WrittenFiles()


def url_path(file, output):
    """Return the URL path that serves a written file: ``/palvelut/`` for its index."""
    path = "/" + file.relative_to(output).as_posix()
    return path.removesuffix("index.html")


def start_build(pelican):
    """Begin minifying and compressing pages as they are written (main site only).

    Every object made so far (the modules, the settings) lives until the build
    ends, so it is frozen out of the garbage collector's reach: otherwise each
    full collection walks all of it again (a tenth of a publish after one edit).
    """
    if is_main_site(pelican.settings) and __package__ in pelican.settings["PLUGINS"]:
        gc.freeze()
        WRITTEN.start(pelican.settings)


def page_written(path, context=None):
    """Minify a page just written and begin its compressed copies."""
    WRITTEN.add(path)


def finish_output(pelican):
    """Minify the output, add hashed asset copies, write ``_headers`` and CNAME."""
    settings = pelican.settings
    if not is_main_site(settings):
        return
    output = Path(settings["OUTPUT_PATH"])
    count = minify_tree(output, WRITTEN.minified)
    copies = copy_fingerprinted(output / settings["THEME_STATIC_DIR"], settings)
    logger.info(
        "[published_assets] minified %s files, %s hashed copies", count, len(copies)
    )
    assets = sorted(url_path(file, output) for file in copies)
    (output / "_headers").write_text(build_headers_file(settings, assets), "utf-8")
    if settings["CUSTOM_DOMAIN"]:
        (output / "CNAME").write_text(settings["CUSTOM_DOMAIN"] + "\n", "utf-8")


def compress_output(pelican):
    """Write the compressed copies of the finished output (once, by the main site)."""
    if is_main_site(pelican.settings):
        WRITTEN.finish()
        count = compress_tree(pelican.settings)
        logger.info("[published_assets] %s compressed copies", count)


def register():
    """Connect the handlers; the granular signals must exist first."""
    granular_signals.register()
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(start_build)
    signals.content_written.connect(page_written)
    blinker.signal("minify").connect(finish_output)
    blinker.signal("compress").connect(compress_output)
