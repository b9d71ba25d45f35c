"""Treat every page in a language's subfolder as a service page."""

from functools import partial

from pelican import signals
from site_links.memo import once_per_pages


def mark_service(content):
    """Give a page under ``<lang>/<folder>/`` the service template."""
    if content.metadata.get("prefix") and "template" not in content.metadata:
        content.template = "service"


def sort_service_pages(context):
    """Return this language's service pages in their ``Order``, as a tuple."""
    pages = [page for page in context.get("pages", []) if page.template == "service"]
    return tuple(sorted(pages, key=lambda page: int(page.metadata.get("order", 0))))


def build_service_pages(context):
    """Return this language's service pages in their ``Order`` (sorted once)."""
    return once_per_pages(context, "service_pages", sort_service_pages)


def add_template_helpers(generator):
    """Install ``service_pages()`` as a template global."""
    generator.env.globals["service_pages"] = partial(
        build_service_pages, context=generator.context
    )


def register():
    """Connect the handlers."""
    signals.content_object_init.connect(mark_service)
    signals.generator_init.connect(add_template_helpers)
