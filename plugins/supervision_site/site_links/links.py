"""Give templates the URLs they display: site paths, canonical, language versions.

i18n_subsites links a translation with a URL relative to the subsite
(``../palvelut/``); every URL here is joined onto SITEURL, so it comes out
normalized and, in production, absolute.
"""

import json
import re
from functools import partial
from urllib.parse import urlencode, urljoin, urlsplit

from pelican import signals

from supervision_site.core.languages import (
    is_service,
    main_language,
    own_name,
    site_languages,
)
from supervision_site.core.settings import apply_defaults

from .after_paint import AFTER_PAINT_LOADER
from .assets import svg_data_uri, theme_asset_name
from .memo import once_per_pages

PREFIX = None
DEFAULTS = {
    # The main menu: the Key of each page in it, in order (a missing page is left out).
    "MENU_KEYS": [],
    # The pages the theme links to by their role, each named by its Key: role -> Key.
    "PAGE_ROLES": {},
    # The Key of the service that leads with a phone call ("" for none).
    "URGENT_SERVICE_KEY": "",
    # Whether the theme's static files are published under content-hashed names.
    "ASSET_FINGERPRINT": False,
}
# The contact form's field for the service; a link to the form may preselect it.
SERVICE_FIELD = "service"
# Characters with a meaning in a URL pattern's path (Speculation Rules).
URL_PATTERN_SPECIAL = re.compile(r"([\\*?+(){}:])")


def site_url(path, settings):
    """Return the URL of a site path (relative to this language's SITEURL)."""
    return urljoin(settings["SITEURL"] + "/", path)


def asset_url(path, settings):
    """Return the URL of a theme static file (``css/site.css``) as published."""
    name = theme_asset_name(path, settings)
    return site_url(f"{settings['THEME_STATIC_DIR']}/{name}", settings)


def build_page_links(page, settings):
    """Return the canonical URL, the language versions and x-default of a page."""
    canonical = site_url(page.url, settings)
    versions = {page.lang: canonical}
    for translation in page.translations:
        versions[translation.lang] = site_url(translation.url, settings)
    main_lang = main_language(settings)
    others = [
        {"lang": lang, "url": url, "name": own_name(lang)}
        for lang, url in sorted(versions.items())
        if lang != page.lang
    ]
    return {
        "canonical": canonical,
        "alternates": sorted(versions.items()),
        "x_default": versions.get(main_lang, canonical),
        "other_languages": others,
    }


def index_by_key(context):
    """Return this language's pages (hidden ones too) by their ``Key``."""
    index = {}
    for page in context.get("pages", []) + context.get("hidden_pages", []):
        index.setdefault(page.metadata.get("key"), page)
    return index


def find_page(key, context):
    """Return this language's page with the given ``Key``, or None."""
    return once_per_pages(context, "by_key", index_by_key).get(key)


def page_for_role(role, context, settings):
    """Return this language's page of a role in ``PAGE_ROLES``, or None."""
    return find_page(settings["PAGE_ROLES"].get(role), context)


def build_menu(context, settings):
    """Return the pages of the main menu, in the order of ``MENU_KEYS``."""
    pages = (find_page(key, context) for key in settings["MENU_KEYS"])
    return [page for page in pages if page is not None]


def build_contact_url(page, context, settings):
    """Return the contact page's URL; from a service page, with its service chosen."""
    contact = page_for_role("contact", context, settings)
    if contact is None:
        return None
    url = site_url(contact.url, settings)
    if page is not None and is_service(page):
        url += "?" + urlencode({SERVICE_FIELD: page.metadata["key"]})
    return url


def literal_pattern(url):
    """Return a URL pattern that matches ``url`` and anything that continues it."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return origin + URL_PATTERN_SPECIAL.sub(r"\\\1", parts.path) + "*"


def build_speculation_rules(settings):
    """Return the Speculation Rules of every page: the site's own links only.

    A link is fetched while the visitor hovers over or touches it, and where
    the browser allows, the page is rendered too. Links outside the site, to
    e-mail and phone, and to the form's endpoint are never fetched ahead.
    """
    root = urlsplit(settings["SITEURL"]).path.rstrip("/")
    if settings["DEFAULT_LANG"] != settings["MAIN_LANG"]:  # a language subsite
        root = root.removesuffix("/" + settings["DEFAULT_LANG"])
    never = ["mailto:*", "tel:*", literal_pattern(settings["CONTACT_FORM_ENDPOINT"])]
    where = {
        "and": [
            {"href_matches": f"{root}/*"},
            *({"not": {"href_matches": pattern}} for pattern in never),
        ]
    }
    rule = {"where": where, "eagerness": "moderate"}
    return {"prefetch": [rule], "prerender": [rule]}


def speculation_rules_text(settings):
    """Return the Speculation Rules as every page carries them, safe inside HTML.

    The policy allows this one inline script by its hash.
    """
    text = json.dumps(
        build_speculation_rules(settings), separators=(",", ":"), sort_keys=True
    )
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def add_template_helpers(generator):
    """Install the helpers as template globals of this language's site."""
    settings, context = generator.settings, generator.context
    generator.env.globals.update(
        site_url=partial(site_url, settings=settings),
        asset_url=partial(asset_url, settings=settings),
        inline_svg=partial(svg_data_uri, settings=settings),
        speculation_rules=speculation_rules_text(settings),
        after_paint_loader=AFTER_PAINT_LOADER,
        page_links=partial(build_page_links, settings=settings),
        page_for=partial(page_for_role, context=context, settings=settings),
        urgent_service=partial(find_page, settings["URGENT_SERVICE_KEY"], context),
        menu=partial(build_menu, context=context, settings=settings),
        contact_url=partial(build_contact_url, context=context, settings=settings),
    )


def drop_hidden_pages_of_other_languages(generator):
    """Keep a hidden page (404, thank-you) out of a language site not its own.

    i18n_subsites removes untranslated pages but not hidden ones: a page with
    no version in this language would otherwise be written here too.
    """
    languages = site_languages(generator.settings)
    own = generator.settings["DEFAULT_LANG"]
    generator.hidden_pages = [
        page
        for page in generator.hidden_pages
        if page.lang == own or page.lang not in languages
    ]


def fix_page_urls(generator):
    """Compute each page's URL once; Pelican formats it anew on every access.

    Pelican reads ``override_url`` first. i18n_subsites later overrides the URL
    of the pages it links across languages, as it would without this.
    """
    for page in generator.pages + generator.hidden_pages:
        page.override_url = page.url


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_template_helpers)
    signals.page_generator_finalized.connect(drop_hidden_pages_of_other_languages)
    signals.page_generator_finalized.connect(fix_page_urls)
