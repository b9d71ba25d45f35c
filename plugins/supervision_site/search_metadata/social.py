"""Build the Open Graph and Twitter card tags of a page."""

from markupsafe import Markup

from supervision_site.site_links.links import build_page_links, site_url

from .locales import og_locale


def describe(page):
    """Return a page's summary as plain text."""
    return Markup(page.summary).striptags()


def image_url(settings):
    """Return the address of the site's social card image."""
    return site_url(
        f"{settings['THEME_STATIC_DIR']}/{settings['SEARCH_META_IMAGE']}", settings
    )


def build_social_meta(page, settings):
    """Return a page's Open Graph properties and Twitter card names with contents."""
    links = build_page_links(page, settings)
    locales = settings["SEARCH_META_LOCALES"]
    width, height = settings["SEARCH_META_IMAGE_SIZE"]
    alternates = [
        ("og:locale:alternate", og_locale(lang, locales))
        for lang, _ in links["alternates"]
        if lang != page.lang
    ]
    open_graph = [
        ("og:type", "website"),
        ("og:site_name", settings["SITENAME"]),
        ("og:title", page.title),
        ("og:description", describe(page)),
        ("og:url", links["canonical"]),
        ("og:locale", og_locale(page.lang, locales)),
        *alternates,
        ("og:image", image_url(settings)),
        ("og:image:width", str(width)),
        ("og:image:height", str(height)),
        ("og:image:alt", settings["SEARCH_META_IMAGE_ALT"]),
    ]
    return {
        "open_graph": open_graph,
        "twitter": [("twitter:card", "summary_large_image")],
    }
