"""Find the built pages search engines are meant to index."""

from bs4 import BeautifulSoup
from conftest import SITEURL


def url_path(file):
    """Return the site path of a built file: ``en/x/index.html`` → ``/en/x/``."""
    path = "/" + file.as_posix()
    return path.removesuffix("index.html")


def is_indexable(site, file):
    """Tell whether a built page lets search engines index it."""
    page = BeautifulSoup((site / file).read_text("utf-8"), "html.parser")
    robots = page.find("meta", attrs={"name": "robots"})
    return not (robots and "noindex" in robots["content"])


def indexable_urls(site, html_files):
    """Return the absolute URL of every indexable built page."""
    return sorted(
        SITEURL + url_path(file) for file in html_files if is_indexable(site, file)
    )
