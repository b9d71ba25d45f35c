"""Put the editor on the published site when ``EDITOR_GITHUB_REPO`` is set.

Runs on pelican-granular-signals' last stage (``deploy``), after minification
and compression, which would break Decap's bundle and have nothing to gain.
The link and weight checks of the same stage pass with or without it.
"""

import logging
from pathlib import Path

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from editor.content import page_address
from editor.online import DEFAULTS, is_online, write_online_editor
from supervision_site.core.languages import is_main_site
from supervision_site.core.settings import apply_defaults
from supervision_site.site_checks.plugin import SOURCES

logger = logging.getLogger(__name__)

PREFIX = "EDITOR_"
__all__ = ["DEFAULTS", "PREFIX", "register"]


def page_addresses(settings):
    """Return each content file's address, from the files the build wrote.

    site_checks records which content file each written file came from.
    """
    content = Path(settings["PATH"]).name
    return {
        f"{content}/{source}": page_address(built)
        for built, source in settings.get(SOURCES, {}).items()
    }


def add_editor(pelican):
    """Write /admin/ into the main site's output when the settings ask for it."""
    settings = pelican.settings
    if not is_main_site(settings) or not is_online(settings):
        return
    root = Path(settings["PATH"]).parent
    write_online_editor(
        root, settings, settings["OUTPUT_PATH"], page_addresses(settings)
    )
    logger.info("[online_editor] wrote the editor at /admin/")


def register():
    """Connect the handlers; the granular signals must exist first."""
    granular_signals.register()
    signals.initialized.connect(apply_defaults)
    blinker.signal("deploy").connect(add_editor)
