"""The production writer: pages minified, and rendered only when their inputs changed.

After one edit, only the edited page and the pages that show what changed differ
from the last build, yet Pelican renders every page of every language again.
A page's HTML is made from its own file and, through menus, cards, language
links, facts and summaries, from what every page states in its front matter,
the settings, the theme, and the code that renders it. ``PageWriter`` keys each
page's minified HTML by all of these and keeps it in ``CACHE_PATH/rendered/``
(a folder for each language); a build with the same key writes the kept HTML
instead of rendering the page.
Nothing else may go into a page (no clock, no random value), or it would be
kept along with the rest. A site where a page attaches a file (``{attach}``)
keeps no page: the file's place is decided as that page renders. Pelican's
reader cache is emptied when the code or the settings change (``start_build``),
so that what it read of a page always matches the key.
"""

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path, PurePath

from jinja2 import BytecodeCache
from markdown import Extension
from pelican.writers import Writer

from supervision_site.core.front_matter import parse_front_matter
from supervision_site.core.languages import is_main_site

from .minify import minify_html_text

PACKAGE_FOLDER = Path(__file__).resolve().parents[1]


def plain(value):
    """Return a setting's value that JSON cannot write, in a form that keys it."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Extension):  # a Markdown extension: its kind and options
        return [type(value).__module__, type(value).__qualname__, value.getConfigs()]
    if isinstance(value, BytecodeCache):
        return type(value).__name__  # where compiled templates are kept
    return repr(value)  # an object shown by its address keys every build anew


def settings_text(settings):
    """Return the settings as JSON, the folder this build writes to as ``<output>``.

    Each build writes into a new folder, which the language sites' settings name
    too (``output/en``): a value that is that folder, or a path in it, is written
    relative to it. Settings JSON cannot write in order are written as Python
    shows them, with each object's address: those builds keep no page.
    """
    try:
        text = json.dumps(settings, sort_keys=True, default=plain)
    except (TypeError, ValueError):  # keys JSON cannot sort: no page is taken as kept
        text = repr(settings)
    output = json.dumps(str(settings["OUTPUT_PATH"]))[:-1]
    return text.replace(output + '"', '"<output>"').replace(output + "/", '"<output>/')


def files_in(folder, pattern="*"):
    """Return the files below ``folder`` whose names match ``pattern``, sorted."""
    return sorted(path for path in Path(folder).rglob(pattern) if path.is_file())


ATTACH = ("{attach}", "|attach|")  # Pelican moves a file a page attaches as it renders


def content_text(path):
    """Return what other pages can show of a content file: a page's front matter.

    Other pages show a page's title, URL, key, facts and summary, all written in
    its front matter (the build requires a ``Summary``, so none is made from the
    text); any other file counts whole.
    """
    data = path.read_bytes()
    if path.suffix != ".md":
        return data
    front = parse_front_matter(data.decode("utf-8", errors="replace"))
    return repr([(field.name, field.value) for field in front.fields]).encode()


def installed_packages():
    """Return the name and version of every package installed where Python looks."""
    return sorted(
        entry.name
        for folder in sys.path
        if Path(folder or ".").is_dir()
        for entry in Path(folder or ".").iterdir()
        if entry.suffix in (".dist-info", ".egg-info")
    )


@cache
def code_inputs():
    """Return the digest of the code that reads and renders: ours, installed, Python."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(repr(installed_packages()).encode())
    for path in files_in(PACKAGE_FOLDER, "*.py"):  # not their compiled copies
        digest.update(str(path.relative_to(PACKAGE_FOLDER)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def attaches(path):
    """Return whether a page attaches a file (Pelican then moves it as it renders)."""
    if path.suffix != ".md":
        return False
    text = path.read_text("utf-8", errors="replace")
    return any(mark in text for mark in ATTACH)


@cache
def files_inputs(theme, content):
    """Return the digest of the code, theme and content of a build, or None.

    None when a page attaches a file: where that file is published, and so
    every link to it, is decided only as the page is rendered, so every page is
    rendered. Both language sites' writers ask; a build starts by forgetting the
    last one's (``start_build``).
    """
    digest = hashlib.sha256(code_inputs().encode())
    for folder, read in ((theme, Path.read_bytes), (content, content_text)):
        for path in files_in(folder):
            if folder == content and attaches(path):
                return None
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(read(path) + b"\0")
    return digest.hexdigest()


# Settings that decide what Pelican's reader makes of a page (links leave the
# site by SITEURL's host): a language site that sets one of its own reads alone.
READ_WITH = {
    "SITEURL",
    "MARKDOWN",
    "READERS",
    "FORMATTED_FIELDS",
    "TIMEZONE",
    "DEFAULT_DATE",
    "DEFAULT_METADATA",
    "TYPOGRIFY",
}


def reader_cache_files(settings):
    """Return the files of Pelican's reader cache, every language's."""
    return sorted(Path(settings["CACHE_PATH"]).glob("**/*Generator-Readers"))


def start_build(pelican):
    """Forget the last build's inputs; read every page anew if code or settings changed.

    Pelican's reader cache keeps what it read of a file until the file changes,
    though the Markdown settings, the site's address (which decides what links
    leave the site) or the code may have changed since: then it is emptied.
    Every language's site reads every page, the same way: they share the main
    site's reader cache, so only the first one to start reads a changed page
    (a language site with reading settings of its own, ``READ_WITH``, reads alone).
    """
    settings = pelican.settings
    if not is_main_site(settings):
        return
    for overrides in settings.get("I18N_SUBSITES", {}).values():
        if not READ_WITH.intersection(overrides):
            overrides.setdefault("CACHE_PATH", settings["CACHE_PATH"])
    code_inputs.cache_clear()
    files_inputs.cache_clear()
    stamp = Path(settings["CACHE_PATH"], "read-with")
    read_with = hashlib.sha256((code_inputs() + settings_text(settings)).encode())
    if not stamp.is_file() or stamp.read_text("utf-8") != read_with.hexdigest():
        for file in reader_cache_files(settings):
            file.unlink()
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(read_with.hexdigest(), "utf-8")


def site_inputs(settings):
    """Return the digest of what every page of a language site is made from, or None."""
    try:
        files = files_inputs(settings["THEME"], settings["PATH"])
    except OSError:  # an unreadable file: the build's own checks name it
        return None
    if files is None:
        return None
    digest = hashlib.sha256(files.encode())
    digest.update(settings_text(settings).encode())
    return digest.hexdigest()


class FinishedTemplate:
    """A template whose HTML is minified, and kept in ``entry`` when one is given.

    A kept HTML is read instead of rendering the template again. It is written
    under a name of its own first, so an interrupted build never leaves half of it.
    """

    def __init__(self, template, entry=None):
        self.template, self.entry = template, entry

    def render(self, context):
        """Return the kept HTML, or render and minify it (and keep it)."""
        if self.entry and self.entry.exists():
            try:
                return self.entry.read_text("utf-8")
            except (OSError, UnicodeDecodeError):  # damaged: rendered and kept again
                pass
        html = minify_html_text(self.template.render(context))
        if self.entry:
            partial = self.entry.with_suffix(".partial")
            partial.write_text(html, "utf-8")
            os.replace(partial, self.entry)
        return html


class PageWriter(Writer):
    """Pelican's writer: it minifies, and renders a page only if its inputs changed."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.cache = Path(
            self.settings["CACHE_PATH"], "rendered", self.settings["DEFAULT_LANG"]
        )
        self.cache.mkdir(parents=True, exist_ok=True)
        self.site = site_inputs(self.settings)
        self.used = set()

    def page_entry(self, page, name, template):
        """Return the cache file of a page's HTML, keyed by everything it shows."""
        digest = hashlib.sha256(self.site.encode())
        digest.update(f"{name}\0{template.name}\0".encode())
        digest.update(Path(page.source_path).read_bytes())
        return self.cache / (digest.hexdigest() + ".html")

    def write_file(self, name, template, context, *args, **kwargs):
        """Write a file minified; a page is rendered only when its inputs changed."""
        entry = None
        if kwargs.get("page") is not None and name and self.site:
            entry = self.page_entry(kwargs["page"], name, template)
            self.used.add(entry.name)
        template = FinishedTemplate(template, entry)
        return super().write_file(name, template, context, *args, **kwargs)

    def forget_unused(self):
        """Delete the kept pages that no page of this build was written from."""
        for entry in self.cache.iterdir():
            if entry.name not in self.used:
                entry.unlink()


def writer_class(pelican):
    """Return the writer of every site of a production build."""
    return PageWriter


def forget_unused_pages(generator, writer):
    """Once a site's pages are written, drop the kept pages it did not use."""
    if isinstance(writer, PageWriter):
        writer.forget_unused()
