"""Name the locales of the site's languages for link previews: ``fi_FI``."""

from babel import Locale
from babel.core import get_global


def og_locale(lang, overrides):
    """Return the Open Graph locale of a language: ``fi`` → ``fi_FI``.

    The territory is the one Babel finds most likely for the language, unless
    ``overrides`` (``SEARCH_META_LOCALES``) names another.
    """
    return overrides[lang] if lang in overrides else likely_locale(lang)


def likely_locale(lang):
    """Return the locale Babel finds most likely for a language: ``fi_FI``."""
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{likely.language}_{likely.territory}"
