"""Put the editor on the published site when ``EDITOR_GITHUB_REPO`` is set.

Runs on pelican-granular-signals' last stage (``deploy``), after minification
and compression, which would break Decap's bundle and have nothing to gain.
The link and weight checks of the same stage pass with or without it.
"""

import logging
import sys
from pathlib import Path

import blinker
from pelican.plugins import granular_signals

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the editor package

from editor.content import page_address
from editor.online import is_online, write_online_editor

logger = logging.getLogger(__name__)


def page_addresses(settings):
    """Return each content file's address, from the files the build wrote.

    site_checks records which content file each written file came from.
    """
    content = Path(settings["PATH"]).name
    return {
        f"{content}/{source}": page_address(built)
        for built, source in settings.get("SITE_CHECK_SOURCES", {}).items()
    }


def add_editor(pelican):
    """Write /admin/ into the main site's output when the settings ask for it."""
    settings = pelican.settings
    if settings["DEFAULT_LANG"] != settings["MAIN_LANG"] or not is_online(settings):
        return
    root = Path(settings["PATH"]).parent
    write_online_editor(
        root, settings, settings["OUTPUT_PATH"], page_addresses(settings)
    )
    logger.info("[online_editor] wrote the editor at /admin/")


def register():
    """Connect the handler."""
    granular_signals.register()
    blinker.signal("deploy").connect(add_editor)
