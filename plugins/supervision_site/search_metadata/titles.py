"""Title each page for browser tabs and search results."""


def build_title(page, settings):
    """Return a page's title: "Page – Site name", or the site name on the home page."""
    if page.url == "":
        return settings["SITENAME"]
    return f"{page.title} – {settings['SITENAME']}"
