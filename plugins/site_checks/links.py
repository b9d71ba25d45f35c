"""Find references inside the built site that lead nowhere."""

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
URL_ATTRIBUTES = ("href", "src", "action", "poster", "data")


def page_url(file, site_dir, siteurl):
    """Return the URL a built file is served at."""
    path = file.relative_to(site_dir).as_posix()
    return urljoin(siteurl + "/", path.removesuffix("index.html"))


def references(document):
    """Yield every URL an HTML document refers to, with the attribute it is in."""
    for tag in document.find_all(True):
        for attribute in URL_ATTRIBUTES:
            if tag.get(attribute):
                yield attribute, tag[attribute]
        for attribute in ("srcset", "imagesrcset"):
            for candidate in tag.get(attribute, "").split(","):
                if candidate.strip():
                    yield attribute, candidate.split()[0]
        if tag.get("style"):
            for url in CSS_URL.findall(tag["style"]):
                yield "style", url
    for style in document.find_all("style"):
        for url in CSS_URL.findall(style.get_text()):
            yield "style", url


def target_file(url, site_dir, siteurl):
    """Return the file that serves an internal URL, or None for an external one."""
    parts, base = urlsplit(url), urlsplit(siteurl + "/")
    if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
        return None
    path = unquote(parts.path)
    if not path.startswith(base.path):
        return None
    relative = path[len(base.path) :]
    target = Path(site_dir, relative)
    return target / "index.html" if relative.endswith("/") or not relative else target


class SiteLinks:
    """Check the references of every HTML and CSS file of one built site."""

    def __init__(self, site_dir, siteurl):
        self.site_dir = Path(site_dir)
        # A root-relative site (SITEURL "") is checked as if served from localhost.
        self.siteurl = siteurl or "http://localhost"
        self._ids = {}

    def ids(self, file):
        """Return the element ids of a built HTML file."""
        if file not in self._ids:
            document = BeautifulSoup(file.read_text("utf-8"), "html.parser")
            self._ids[file] = {tag["id"] for tag in document.find_all(id=True)}
        return self._ids[file]

    def broken(self):
        """Yield (built file, reference) for every reference that leads nowhere."""
        for file in sorted(self.site_dir.rglob("*.html")):
            document = BeautifulSoup(file.read_text("utf-8"), "html.parser")
            base = page_url(file, self.site_dir, self.siteurl)
            for _, reference in references(document):
                if not self.resolves(urljoin(base, reference)):
                    yield file, reference
        for file in sorted(self.site_dir.rglob("*.css")):
            base = page_url(file, self.site_dir, self.siteurl)
            for reference in CSS_URL.findall(file.read_text("utf-8")):
                if not self.resolves(urljoin(base, reference)):
                    yield file, reference

    def external(self):
        """Return the sorted links that leave the site (listed, never fetched)."""
        found = set()
        for file in self.site_dir.rglob("*.html"):
            document = BeautifulSoup(file.read_text("utf-8"), "html.parser")
            found.update(a["href"] for a in document.find_all("a", href=True))
        return sorted(
            url
            for url in found
            if url.startswith(("http://", "https://"))
            and target_file(url, self.site_dir, self.siteurl) is None
        )

    def resolves(self, url):
        """Return whether an internal URL (and its #fragment) exists in the site."""
        if url.startswith(("data:", "mailto:", "tel:")):
            return True
        target = target_file(url, self.site_dir, self.siteurl)
        if target is None:
            return True
        if not target.is_file():
            return False
        fragment = urlsplit(url).fragment
        return not fragment or target.suffix != ".html" or fragment in self.ids(target)
