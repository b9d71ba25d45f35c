"""Describe the site to search engines: sitemap, robots.txt, social cards, JSON-LD."""

import logging
from functools import partial
from urllib.parse import urlparse

from pelican import signals
from pelican.contents import Page

from supervision_site.core.languages import catalog, is_main_site
from supervision_site.core.settings import apply_defaults
from supervision_site.site_links.links import site_url

from .breadcrumbs import build_breadcrumbs
from .lastmod import build_last_modified
from .robots import write_robots
from .sitemap import build_sitemap_entries, write_sitemap
from .social import build_social_meta
from .structured_data import build_structured_data
from .titles import build_title

logger = logging.getLogger(__name__)

PREFIX = "SEARCH_META_"
DEFAULTS = {
    # The social card image, under the theme's static folder, its size and text.
    "SEARCH_META_IMAGE": "images/social-card.png",
    "SEARCH_META_IMAGE_SIZE": (1200, 630),
    "SEARCH_META_IMAGE_ALT": "",
    # og:locale by language where Babel's most likely territory is not wanted.
    "SEARCH_META_LOCALES": {},
    # What kind of service every service page offers (schema.org serviceType).
    "SEARCH_META_SERVICE_TYPE": "",
}
# How the templates' tojson filter writes the JSON-LD.
JSON_LD_DUMPS = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}


def add_template_helpers(generator):
    """Install the page_title, social_meta, structured_data, breadcrumbs globals.

    ``tojson`` writes the JSON-LD as UTF-8 with no spaces after separators: the
    same data in about a tenth fewer bytes than ASCII escapes (``\\u00e4``).
    Jinja still escapes ``<``, ``>``, ``&`` and ``'`` inside the script.
    """
    settings, context = generator.settings, generator.context
    generator.env.policies["json.dumps_kwargs"] = JSON_LD_DUMPS
    translations = catalog(settings)
    generator.env.globals.update(
        page_title=partial(build_title, settings=settings),
        social_meta=partial(build_social_meta, settings=settings),
        structured_data=partial(
            build_structured_data,
            context=context,
            settings=settings,
            translations=translations,
        ),
        breadcrumbs=partial(
            build_breadcrumbs,
            context=context,
            settings=settings,
            translations=translations,
        ),
    )


def indexable_pages(context):
    """Return every published page the site has read, in every language."""
    return [
        content
        for content in context["generated_content"].values()
        if isinstance(content, Page) and content.status == "published"
    ]


def write_site_files(generator, writer):
    """Write sitemap.xml and robots.txt once, for every language, from the main site.

    The main site has read the pages of every language, and i18n_subsites
    has written the other languages and given their pages their final URLs
    before the main site writes its own.
    """
    settings = generator.settings
    if not is_main_site(settings):
        return
    if urlparse(settings["SITEURL"]).scheme not in ("http", "https"):
        logger.info(
            "[search_metadata] No sitemap.xml or robots.txt: SITEURL %r is not "
            "absolute",
            settings["SITEURL"],
        )
        return
    pages = indexable_pages(generator.context)
    last_modified = build_last_modified(
        [page.source_path for page in pages], settings["PATH"], settings["TIMEZONE"]
    )
    write_sitemap(
        build_sitemap_entries(pages, settings, last_modified), settings["OUTPUT_PATH"]
    )
    write_robots(site_url("sitemap.xml", settings), settings["OUTPUT_PATH"])
    logger.info(
        "[search_metadata] Wrote sitemap.xml (%d pages) and robots.txt", len(pages)
    )


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_template_helpers)
    signals.page_writer_finalized.connect(write_site_files)
