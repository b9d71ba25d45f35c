"""Build the trail from the home page down to a page inside a section."""

from supervision_site.site_links.links import site_url
from supervision_site.site_links.memo import once_per_pages


def parent_urls(url):
    """Return the URLs above a page URL, the site root first: ``a/b/`` → ``"", a/``."""
    parts = url.strip("/").split("/")[:-1]
    return ["", *("/".join(parts[: depth + 1]) + "/" for depth in range(len(parts)))]


def index_pages_by_url(context):
    """Return this language's pages by the URL they are published at."""
    return {page.url: page for page in reversed(context["pages"])}


def find_page_at(url, context):
    """Return this language's page published at ``url``, or None (indexed once)."""
    return once_per_pages(context, "pages_by_url", index_pages_by_url).get(url)


def build_breadcrumbs(page, context, settings, translations):
    """Return the trail (name, url) of a page below a section, or [] for other pages."""
    parents = [find_page_at(url, context) for url in parent_urls(page.url)]
    if len(parents) < 2 or None in parents:
        return []
    home, *sections = parents
    trail = [(translations.gettext("Home"), home)]
    trail += [(section.title, section) for section in sections]
    trail.append((page.title, page))
    return [{"name": name, "url": site_url(item.url, settings)} for name, item in trail]
