"""Our settings: each plugin's ``DEFAULTS`` merged once, a misspelt one named.

Every plugin module of the package declares the settings it reads in one
``DEFAULTS`` dict, and the prefix its own settings share in ``PREFIX`` when
it has one. A setting that starts with a loaded plugin's prefix but that no
plugin declares is a slip (``SEARCH_META_IMAGE_ALTT``): it is named once.
"""

import copy
import difflib
import importlib
import logging

from pelican.settings import read_settings

from .languages import is_main_site

logger = logging.getLogger(__name__)

PACKAGE = "supervision_site"


def is_ours(name):
    """Return whether a plugin's module name is one of this package's plugins."""
    return name.startswith(PACKAGE + ".")


def fill_defaults(settings, plugins):
    """Set every setting the plugins read that ``settings`` leave out."""
    settings.setdefault("MAIN_LANG", settings["DEFAULT_LANG"])
    for plugin in plugins:
        for name, value in plugin.DEFAULTS.items():
            settings.setdefault(name, copy.deepcopy(value))


def unknown_settings(settings, plugins):
    """Return (name, nearest known name or None) for each setting no plugin reads."""
    known = {name for plugin in plugins for name in plugin.DEFAULTS}
    prefixes = tuple(plugin.PREFIX for plugin in plugins if plugin.PREFIX)
    unknown = sorted(
        name for name in settings if name.startswith(prefixes) and name not in known
    )
    return [
        (name, next(iter(difflib.get_close_matches(name, known, n=1)), None))
        for name in unknown
    ]


def apply_defaults(pelican):
    """Fill in every setting the loaded plugins read; name unknown ones once."""
    settings = pelican.settings
    plugins = [p for p in pelican.plugins if is_ours(getattr(p, "__name__", ""))]
    fill_defaults(settings, plugins)
    if not is_main_site(settings):
        return  # a language site has the main site's settings, already checked
    for name, near in unknown_settings(settings, plugins):
        hint = f"; did you mean {near}?" if near else ""
        logger.warning(
            "[%s] %s is not a setting of the site and is left unused%s",
            PACKAGE,
            name,
            hint,
        )


def read_site_settings(path, override=None):
    """Return the settings of a settings file as its build sees them, defaults in."""
    settings = read_settings(str(path), override=override)
    names = [name for name in settings["PLUGINS"] if is_ours(name)]
    fill_defaults(settings, [importlib.import_module(name) for name in names])
    return settings
