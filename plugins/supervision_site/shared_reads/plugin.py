"""Read each content file once per build, however many language sites there are.

i18n_subsites builds every language as a Pelican site of its own, and each
one reads the whole content folder again. What a reader returns (the HTML and
the front matter) is the same in every language site, so the main site keeps
it in a dict that the language sites share: i18n_subsites gives each of them a
shallow copy of the main site's settings, and the dict is one of those settings.

Markdown files are converted by one ``Markdown`` per site, reset between files,
instead of a new one per file as Pelican's reader makes.
"""

import os
from functools import cache

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader as PelicanMarkdownReader
from pelican.utils import pelican_open

from supervision_site.core.languages import is_main_site
from supervision_site.core.settings import apply_defaults

PREFIX = None
DEFAULTS = {}
MEMO = "SHARED_READS_MEMO"  # setting: (reader, path, mtime, size) -> what it read


def start_memo(pelican):
    """Give the main site an empty memo; language sites share the main site's."""
    if is_main_site(pelican.settings):
        pelican.settings[MEMO] = {}


@cache
def remembering(reader_class):
    """Return a reader class like ``reader_class`` that reads each file once."""

    def read(self, source_path):
        """Return the file's content and metadata, read once per build."""
        memo = self.settings.get(MEMO)
        if memo is None:
            return reader_class.read(self, source_path)
        stat = os.stat(source_path)
        path = os.path.abspath(source_path)
        key = (reader_class, path, stat.st_mtime_ns, stat.st_size)
        if key not in memo:
            memo[key] = reader_class.read(self, source_path)
        content, metadata = memo[key]
        return content, dict(metadata)

    # The same name: Pelican records it as the page's ``reader``.
    return type(reader_class.__name__, (reader_class,), {"read": read})


# Where markdown.extensions.meta registers its front-matter step.
META_PRIORITY = 27


class MarkdownReader(PelicanMarkdownReader):
    """Pelican's Markdown reader, with one converter for every file it reads.

    Building a ``Markdown`` loads and sets up every extension again, a third
    of the time a page takes to convert; ``reset()`` is the library's way to
    convert the next document with the same one. The converter is made on
    first use: Pelican makes a reader for every generator of every language
    site, and most of them read nothing.
    """

    def read(self, source_path):
        """Return the file's HTML and front matter, as Pelican's reader does."""
        self._source_path = source_path
        if getattr(self, "_md", None) is None:
            self._md = Markdown(**self.settings["MARKDOWN"])
        self._md.reset()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        front_matter = self._md.preprocessors["meta"]
        try:
            return content, self._parse_metadata(self._md.Meta)
        finally:
            # Pelican takes the front-matter step out before converting fields.
            self._md.preprocessors.register(front_matter, "meta", META_PRIORITY)


def with_one_converter(reader_class):
    """Return our Markdown reader in place of Pelican's, any other reader as is."""
    return MarkdownReader if reader_class is PelicanMarkdownReader else reader_class


def remember_reads(readers):
    """Make every enabled reader of this site read through the shared memo."""
    readers.reader_classes = {
        extension: remembering(with_one_converter(reader_class))
        if reader_class
        else reader_class
        for extension, reader_class in readers.reader_classes.items()
    }


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(start_memo)
    signals.readers_init.connect(remember_reads)
