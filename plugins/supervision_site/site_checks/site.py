"""One written site: each page parsed once, each file compressed once.

Every check of the site reads its pages through one BuiltSite, so a page is
parsed a single time (with lxml) however many checks look at it, and a
style sheet shared by every page is compressed once.
"""

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import brotli
import lxml.html


def page_url(file, site_dir, siteurl):
    """Return the URL a built file is served at."""
    path = file.relative_to(site_dir).as_posix()
    return urljoin(siteurl + "/", path.removesuffix("index.html"))


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


def compressed_size(file):
    """Return the size of a file after brotli.

    When the build has already written a brotli copy beside it (``.br``) that
    holds exactly the file's bytes, that copy is what visitors are sent, and
    its size is returned. A build without copies (the development build) is
    weighed at brotli's best quality.
    """
    data = file.read_bytes()
    copy = file.with_name(file.name + ".br")
    if copy.is_file():
        packed = copy.read_bytes()
        try:
            if brotli.decompress(packed) == data:
                return len(packed)
        except brotli.error:
            pass
    return len(brotli.compress(data, quality=11))


class BuiltSite:
    """A folder of written files and the address it is served at."""

    def __init__(self, folder, siteurl):
        self.folder = Path(folder)
        # A root-relative site (SITEURL "") is checked as if served from localhost.
        self.siteurl = siteurl or "http://localhost"
        self._ids = {}
        self._compressed = {}

    def pages(self):
        """Return every HTML file of the site, sorted."""
        return sorted(self.folder.rglob("*.html"))

    def document(self, file):
        """Return a written HTML file parsed; its element ids are remembered."""
        document = lxml.html.document_fromstring(file.read_text("utf-8"))
        self._ids[file] = set(document.xpath("//@id"))
        return document

    def ids(self, file):
        """Return the element ids of a written HTML file."""
        if file not in self._ids:
            self.document(file)
        return self._ids[file]

    def url(self, file):
        """Return the URL a written file is served at."""
        return page_url(file, self.folder, self.siteurl)

    def target(self, url):
        """Return the file that serves an internal URL, or None for an external one."""
        return target_file(url, self.folder, self.siteurl)

    def compressed_size(self, file):
        """Return a file's size after brotli, compressing each file at most once."""
        if file not in self._compressed:
            self._compressed[file] = compressed_size(file)
        return self._compressed[file]
