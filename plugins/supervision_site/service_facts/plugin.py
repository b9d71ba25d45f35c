"""Read every page's front matter, stop on mistakes, and give service pages their facts.

A page in a language's subfolder (``content/fi/palvelut/…``) is a service page.
Problems are collected while Pelican reads and reported together once all
content is read, before anything is written.
"""

import logging
import os
from functools import partial
from pathlib import Path

from babel import Locale
from pelican import signals
from pelican.contents import Page

from supervision_site.core.front_matter import read_front_matter
from supervision_site.core.languages import (
    catalog,
    is_service,
    main_language,
    site_languages,
    writes_page,
)
from supervision_site.core.problems import Problem, at_field, stop_on
from supervision_site.core.settings import apply_defaults
from supervision_site.site_links.memo import once_per_pages

from . import display
from .merge import (
    PageFacts,
    build_records,
    find_missing_roles,
    find_wrong_navigation,
)
from .parsers import SERVICE_FIELDS, FrontMatterError, parse_key
from .schema import (
    check_fields_end,
    check_has_text,
    check_page,
    check_place,
    check_stray_files,
    field_name,
)

logger = logging.getLogger(__name__)

PREFIX = "SERVICES_"
DEFAULTS = {
    # Languages in which every page must exist; another language may be partial.
    "SERVICES_REQUIRED_LANGUAGES": None,  # None: only the main language
    # Front-matter fields other plugins read, accepted on any page.
    "SERVICES_EXTRA_FIELDS": (),
}
READ_PAGES = "services_read_pages"  # context entry: every Page read in this run


def remember_page(content):
    """Give a page in a subfolder the service template, and keep it for checking.

    A ``Key`` written twice reaches Pelican as a list, which it cannot sort among
    the other keys; such a page gets an empty key and is reported by the check.
    """
    if not isinstance(content, Page):
        return
    if isinstance(content.metadata.get("key"), list):
        content.key = ""
    # Outside a language's folder a page has no URL prefix; the check names it.
    content.metadata.setdefault("prefix", "")
    if is_service(content) and "template" not in content.metadata:
        content.template = "service"
    if content._context is not None:
        content._context.setdefault(READ_PAGES, []).append(content)


def read_facts(page, path):
    """Return what one page states, and the problems of its values."""
    problems, key = [], None
    written_key = page.metadata.get("key")
    if not isinstance(written_key, list):  # a Key written twice is reported elsewhere
        try:
            key = parse_key(written_key or "")
        except FrontMatterError as error:
            problems.append(Problem(path, "Key", str(error)))
    facts, unreadable = {}, set()
    if is_service(page):
        for name, parse in SERVICE_FIELDS.items():
            text = page.metadata.get(name)
            if not isinstance(text, str):
                continue
            try:
                facts[name] = (parse(text), " ".join(text.split()))
            except FrontMatterError as error:
                unreadable.add(name)
                problems.append(Problem(path, field_name(name), str(error)))
    stated = PageFacts(
        path,
        page.lang,
        key,
        is_service(page),
        facts,
        frozenset(unreadable),
        page.status,
    )
    return stated, problems


def cut_page_facts(page, path, front):
    """Return what a page with its fields cut short states: its Key, no facts.

    Its translations still find it by the Key written after the cut, and its
    facts count as unreadable, so that none is called missing.
    """
    key = (front.written("key") or "").strip()
    unread = frozenset(SERVICE_FIELDS)
    return PageFacts(path, page.lang, key, is_service(page), {}, unread, page.status)


def check_and_build(generators):
    """Check every page read in this run; stop on problems, else attach the records."""
    context, settings = generators[0].context, generators[0].settings
    pages = context.get(READ_PAGES, [])
    root = os.path.dirname(settings["PATH"])
    main_lang = main_language(settings)
    extra_fields = settings["SERVICES_EXTRA_FIELDS"]
    required = settings["SERVICES_REQUIRED_LANGUAGES"] or [main_lang]
    templates = page_templates(generators[0].env)
    content = os.path.relpath(settings["PATH"], root)
    languages = site_languages(settings)
    problems, all_facts = [], []
    for page in pages:
        path = os.path.relpath(page.source_path, root)
        # A page in the wrong place, or with its fields cut short, is named once:
        # its other lines would follow from that.
        front = read_front_matter(page.source_path, errors="replace")
        misplaced = check_place(path, content, languages)
        if misplaced:
            problems += misplaced
            continue
        cut = check_fields_end(path, front)
        if cut:
            problems += cut
            all_facts.append(cut_page_facts(page, path, front))
            continue
        problems += check_has_text(path, front)
        problems += check_page(
            path, page.metadata, is_service(page), extra_fields, templates
        )
        stated, found = read_facts(page, path)
        all_facts.append(stated)
        problems += found
    read = {Path(page.source_path) for page in pages}
    problems += check_stray_files(settings["PATH"], languages, read)
    records, found = build_records(all_facts, main_lang, required)
    problems += find_missing_roles(all_facts, settings["PAGE_ROLES"], content + "/")
    problems += find_wrong_navigation(
        all_facts, settings["MENU_KEYS"], settings["URGENT_SERVICE_KEY"]
    )
    stop_on([at_field(p, os.path.join(root, p.path)) for p in problems + found])
    catalogs, locales = {}, {}
    for page in pages:
        record = records.get(page.metadata.get("key")) if is_service(page) else None
        if record is None:
            continue
        page.service = record
        if not writes_page(page, settings):
            continue
        if page.lang not in catalogs:
            catalogs[page.lang] = catalog(settings, page.lang)
            locales[page.lang] = Locale.parse(page.lang)
        t = catalogs[page.lang]
        facts = display.build_facts(record, locales[page.lang], t)
        page.service_facts = display.build_box(record, facts, t)
        page.service_brief = display.build_brief(facts)
        page.service_row = display.build_row(facts, t)
    logger.debug("[service_facts] %d service records", len(records))


def page_templates(env):
    """Return the names a page's ``Template`` may take: the theme's own templates."""
    names = env.list_templates(extensions=["html"])
    own = (name.removeprefix("!theme/") for name in names if name.startswith("!theme/"))
    return {name.removesuffix(".html") for name in own if "/" not in name}


def sort_service_pages(context):
    """Return this language's service pages in their ``Order``, as a tuple."""
    pages = [page for page in context.get("pages", []) if hasattr(page, "service")]
    return tuple(sorted(pages, key=lambda page: (page.service.order, page.service.key)))


def build_service_pages(context):
    """Return this language's service pages in their ``Order`` (sorted once)."""
    return once_per_pages(context, "service_pages", sort_service_pages)


def build_service_table(context, t):
    """Return the comparison table of this language's services: headings and rows."""
    return {
        "columns": display.build_columns(t),
        "rows": build_service_pages(context),
    }


def add_template_helpers(generator):
    """Install ``service_pages()`` and ``service_table()`` as template globals."""
    t = catalog(generator.settings)
    generator.env.globals.update(
        service_pages=partial(build_service_pages, context=generator.context),
        service_table=partial(build_service_table, context=generator.context, t=t),
    )


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.content_object_init.connect(remember_page)
    signals.all_generators_finalized.connect(check_and_build)
    signals.generator_init.connect(add_template_helpers)
