"""Find references inside the built site that lead nowhere."""

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
URL_ATTRIBUTES = ("href", "src", "action", "poster", "data")


def page_url(file, site_dir, siteurl):
    """Return the URL a built file is served at."""
    path = file.relative_to(site_dir).as_posix()
    return urljoin(siteurl + "/", path.removesuffix("index.html"))


def parse_html(file):
    """Return the parsed document of a built HTML file."""
    return lxml.html.fromstring(file.read_bytes())


def elements(document):
    """Yield every element of a document, leaving out comments."""
    return (element for element in document.iter() if isinstance(element.tag, str))


def references(document):
    """Yield every URL an HTML document refers to, with the attribute it is in."""
    for tag in elements(document):
        for attribute in URL_ATTRIBUTES:
            if tag.get(attribute):
                yield attribute, tag.get(attribute)
        for attribute in ("srcset", "imagesrcset"):
            for candidate in tag.get(attribute, "").split(","):
                if candidate.strip():
                    yield attribute, candidate.split()[0]
        if tag.get("style"):
            for url in CSS_URL.findall(tag.get("style")):
                yield "style", url
        if tag.tag == "style":
            for url in CSS_URL.findall(tag.text_content()):
                yield "style", url


def element_ids(document):
    """Return the ids of a document's elements."""
    return {tag.get("id") for tag in elements(document) if tag.get("id")}


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
            self._ids[file] = element_ids(parse_html(file))
        return self._ids[file]

    def broken(self):
        """Yield (built file, reference) for every reference that leads nowhere.

        Each page is parsed once; its ids are kept for links into it.
        """
        documents = {}
        for file in sorted(self.site_dir.rglob("*.html")):
            documents[file] = parse_html(file)
            self._ids[file] = element_ids(documents[file])
        for file, document in documents.items():
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
            found.update(
                a.get("href") for a in parse_html(file).iter("a") if a.get("href")
            )
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
