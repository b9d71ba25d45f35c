"""Build the trail from the home page down to a page inside a section."""

from site_links.links import site_url


def parent_urls(url):
    """Return the URLs above a page URL, the site root first: ``a/b/`` → ``"", a/``."""
    parts = url.strip("/").split("/")[:-1]
    return ["", *("/".join(parts[: depth + 1]) + "/" for depth in range(len(parts)))]


def find_page_at(url, context):
    """Return this language's page published at ``url``, or None."""
    return next((page for page in context["pages"] if page.url == url), None)


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
