"""Find references inside the built site that lead nowhere."""

import re
from urllib.parse import urljoin, urlsplit

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
URL_ATTRIBUTES = ("href", "src", "action", "poster", "data")
SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")
# Every attribute that may hold a URL, found by lxml in one pass.
REFERENCE_XPATH = " | ".join(
    f"//@{name}" for name in (*URL_ATTRIBUTES, *SRCSET_ATTRIBUTES, "style")
)


def references(document):
    """Yield every URL a parsed HTML document refers to, with its attribute."""
    for value in document.xpath(REFERENCE_XPATH):
        name = value.attrname
        if name in SRCSET_ATTRIBUTES:
            for candidate in value.split(","):
                if candidate.strip():
                    yield name, candidate.split()[0]
        elif name == "style":
            for url in CSS_URL.findall(value):
                yield "style", url
        elif value:
            yield name, str(value)
    for style in document.iter("style"):
        for url in CSS_URL.findall(style.text_content()):
            yield "style", url


class SiteLinks:
    """Check the references of every HTML and CSS file of one BuiltSite."""

    def __init__(self, site):
        self.site = site
        self._resolved = {}

    def broken(self):
        """Yield (built file, reference) for every reference that leads nowhere."""
        for file in self.site.pages():
            yield from self.broken_in(file, self.site.document(file))
        yield from self.broken_in_style_sheets()

    def broken_in_style_sheets(self):
        """Yield (style sheet, reference) for every ``url()`` that leads nowhere."""
        for file in sorted(self.site.folder.rglob("*.css")):
            base = self.site.url(file)
            for reference in CSS_URL.findall(file.read_text("utf-8")):
                if not self.resolves(urljoin(base, reference)):
                    yield file, reference

    def broken_in(self, file, document):
        """Yield (built file, reference) for each reference of one page that fails."""
        base = self.site.url(file)
        for _, reference in references(document):
            if not self.resolves(urljoin(base, reference)):
                yield file, reference

    def external(self):
        """Return the sorted links that leave the site (listed, never fetched)."""
        found = set()
        for file in self.site.pages():
            document = self.site.document(file)
            found.update(a.get("href") for a in document.iter("a") if a.get("href"))
        return sorted(
            url
            for url in found
            if url.startswith(("http://", "https://")) and self.site.target(url) is None
        )

    def resolves(self, url):
        """Return whether an internal URL (and its #fragment) exists in the site."""
        if url not in self._resolved:
            self._resolved[url] = self._exists(url)
        return self._resolved[url]

    def _exists(self, url):
        """Look up an internal URL (and its #fragment) in the written files."""
        if url.startswith(("data:", "mailto:", "tel:")):
            return True
        target = self.site.target(url)
        if target is None:
            return True
        if not target.is_file():
            return False
        fragment = urlsplit(url).fragment
        return (
            not fragment
            or target.suffix != ".html"
            or fragment in self.site.ids(target)
        )
