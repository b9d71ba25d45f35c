"""Production output: minified files, hashed asset copies, ``_headers`` and CNAME.

Runs on pelican-granular-signals' ``minify`` signal, which comes after every
page of every language is written and before pelican-precompress compresses.
"""

import logging
from pathlib import Path

import blinker
from http_headers.policy import build_headers_file
from pelican import signals
from pelican.plugins import granular_signals

from .compressed import keep_copies, restore_copies
from .fingerprint import copy_fingerprinted
from .minify import minify_tree

logger = logging.getLogger(__name__)


def is_main_site(settings):
    """Return whether these settings are the main site's (not a language subsite's)."""
    return settings["DEFAULT_LANG"] == settings["MAIN_LANG"]


def url_path(file, output):
    """Return the URL path that serves a written file: ``/palvelut/`` for its index."""
    path = "/" + file.relative_to(output).as_posix()
    return path.removesuffix("index.html")


def finish_output(pelican):
    """Minify the output, add hashed asset copies, write ``_headers`` and CNAME.

    Last, the compressed copies kept from the last build are put back beside
    the files that did not change, for pelican-precompress to skip.
    """
    settings = pelican.settings
    if not is_main_site(settings):
        return
    output = Path(settings["OUTPUT_PATH"])
    count = minify_tree(output)
    copies = copy_fingerprinted(output / settings["THEME_STATIC_DIR"], settings)
    logger.info(
        "[publish_assets] minified %s files, %s hashed copies", count, len(copies)
    )
    pages = sorted(url_path(file, output) for file in output.rglob("*.html"))
    assets = sorted(url_path(file, output) for file in copies)
    (output / "_headers").write_text(
        build_headers_file(settings, pages, assets), "utf-8"
    )
    if settings.get("CUSTOM_DOMAIN"):
        (output / "CNAME").write_text(settings["CUSTOM_DOMAIN"] + "\n", "utf-8")
    restored = restore_copies(settings)
    logger.info("[publish_assets] %s compressed copies from the last build", restored)


def keep_compressed_copies(pelican):
    """Keep this build's compressed copies for the next build."""
    if is_main_site(pelican.settings):
        keep_copies(pelican.settings)


def leave_compression_to_main_site(pelican):
    """Keep a language subsite from compressing files the main site minifies later."""
    if not is_main_site(pelican.settings):
        pelican.settings.update(PRECOMPRESS_GZIP=False, PRECOMPRESS_BROTLI=False)


def register():
    """Connect the handlers; the granular signals must exist first."""
    granular_signals.register()
    signals.initialized.connect(leave_compression_to_main_site)
    blinker.signal("minify").connect(finish_output)
    blinker.signal("deploy").connect(keep_compressed_copies)
