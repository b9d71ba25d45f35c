"""Give links in the content that leave the site ``rel="noopener"``.

A Markdown extension, added to the ``MARKDOWN`` setting when Pelican starts,
with the site's own address from ``SITEURL``.
"""

from urllib.parse import urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pelican import signals

from supervision_site.core.settings import apply_defaults

PREFIX = None
DEFAULTS = {}


class ExternalLinks(Treeprocessor):
    """Mark every link to another host."""

    def __init__(self, md, own_host):
        super().__init__(md)
        self.own_host = own_host

    def run(self, root):
        """Add ``rel="noopener"`` to each external ``<a>``."""
        for link in root.iter("a"):
            parts = urlsplit(link.get("href", ""))
            if parts.scheme in ("http", "https") and parts.netloc != self.own_host:
                link.set("rel", "noopener")


class ExternalLinksExtension(Extension):
    """Register the tree processor."""

    def __init__(self, **kwargs):
        self.config = {"site_url": ["", "the site's own address"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        """Run after the inline patterns have made the links."""
        own_host = urlsplit(self.getConfig("site_url")).netloc
        md.treeprocessors.register(ExternalLinks(md, own_host), "external_links", 5)


def add_extension(pelican):
    """Add the extension to this site's Markdown settings (a new dict, not shared)."""
    markdown = pelican.settings["MARKDOWN"]
    extensions = [
        extension
        for extension in markdown.get("extensions", [])
        if not isinstance(extension, ExternalLinksExtension)
    ]
    extension = ExternalLinksExtension(site_url=pelican.settings["SITEURL"])
    pelican.settings["MARKDOWN"] = {**markdown, "extensions": [*extensions, extension]}


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(add_extension)
