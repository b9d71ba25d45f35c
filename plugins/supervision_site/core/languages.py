"""The build's languages: the main site and its language, the others, their catalogs.

i18n_subsites builds every other language as a site of its own with that
language as ``DEFAULT_LANG``; ``MAIN_LANG`` keeps the main site's language.
Each language has its folder of pages, and its service pages in a subfolder.
"""

import os
from functools import cache

from babel import Locale
from babel.support import NullTranslations, Translations


def main_language(settings):
    """Return the language of the main site, served at the root: ``fi``."""
    return settings["MAIN_LANG"]


def is_main_site(settings):
    """Return whether these settings are the main site's, not a language site's."""
    return settings["DEFAULT_LANG"] == main_language(settings)


def site_languages(settings):
    """Return the language of every site, the main language first."""
    main = main_language(settings)
    others = sorted(lang for lang in settings.get("I18N_SUBSITES", {}) if lang != main)
    return [main, *others]


def writes_page(page, settings):
    """Return whether this language's site writes the page.

    Every site reads the pages of every language; a page is written by the
    site of its language, or by each site when its language has no site.
    """
    return page.lang == settings["DEFAULT_LANG"] or page.lang not in site_languages(
        settings
    )


def is_service(page):
    """Return whether a page is a service page: one in a language's subfolder."""
    return bool(page.metadata.get("prefix"))


@cache
def language_name(lang, in_lang):
    """Return the name of a language in another one: ``fi`` in ``en`` is Finnish."""
    return Locale.parse(lang).get_display_name(in_lang)


def country_name(code, lang):
    """Return a country's name in a language (``IE`` in ``fi``: Irlanti), or None."""
    return Locale.parse(lang).territories.get(code.strip().upper())


@cache
def own_name(lang):
    """Return a language's own name, capitalized: ``Suomi``, ``English``."""
    name = language_name(lang, lang)
    return name[:1].upper() + name[1:]


def catalog(settings, lang=None):
    """Return the theme's gettext catalog of ``lang`` (this site's by default).

    It is the one i18n_subsites gives the templates: none for the language the
    templates are written in, else the compiled catalog of the theme.
    """
    lang = lang or settings["DEFAULT_LANG"]
    if lang == settings.get("I18N_TEMPLATES_LANG", main_language(settings)):
        return NullTranslations()
    folder = settings.get("I18N_GETTEXT_LOCALEDIR") or os.path.join(
        settings["THEME"], "translations"
    )
    domain = settings.get("I18N_GETTEXT_DOMAIN", "messages")
    return Translations.load(folder, [lang], domain)
