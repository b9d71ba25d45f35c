"""Read a page's front matter: the ``Name: value`` lines at its top.

Pelican's Markdown reader takes these lines with Markdown's meta extension;
this reader uses that extension's own patterns, so the build's checks, the
spell checker, ``make new-service``, the benchmark's generated site and the
tests see the fields the build sees, each with the line where it is written.
It is written here because the extension keeps no line numbers.
"""

from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

TAB_LENGTH = 4  # Markdown expands tabs to this width before it reads the fields


@dataclass(frozen=True)
class Field:
    """One front-matter line: its field's name as written, its value, its place.

    An indented line that continues a field carries that field's name.
    """

    name: str
    value: str
    line: int  # 1 for the first line of the file
    column: int  # where the value starts on its line


@dataclass(frozen=True)
class FrontMatter:
    """The fields at the top of a page, in the order written, and the text after."""

    fields: tuple[Field, ...]
    body: str
    body_line: int  # the line where the body starts
    # The line that ended the fields although a field follows it before the
    # first empty line (a wrapped value): Markdown reads that field as text.
    cut_at: int | None = None
    cut_off: tuple[Field, ...] = ()  # the fields written after that line

    def written(self, name):
        """Return the value written for ``name``, among the fields cut off too."""
        field = self.first(name) or next(
            (f for f in self.cut_off if f.name.lower() == name.lower()), None
        )
        return field.value if field else None

    def first(self, name):
        """Return the first line of the field ``name`` (in any case), or None."""
        wanted = name.lower()
        return next((f for f in self.fields if f.name.lower() == wanted), None)


def parse_front_matter(text):
    """Return the front matter of a page's text, read as Markdown reads it."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    fields, name, index = [], None, 0
    if lines and BEGIN_RE.match(lines[0]):
        index = 1
    while index < len(lines):
        line = lines[index].expandtabs(TAB_LENGTH)
        field, more = META_RE.match(line), META_MORE_RE.match(line)
        if not line.strip() or END_RE.match(line):
            index += 1  # the line that ends the fields belongs to neither part
            break
        if field:
            name = field["key"]
        elif not (more and name):
            body = "\n".join(lines[index:])
            paragraph = takewhile(str.strip, lines[index + 1 :])
            cut_off = tuple(
                Field(got["key"], got["value"].strip(), number, got.start("value"))
                for number, after in enumerate(paragraph, index + 2)
                if (got := META_RE.match(after))
            )
            cut_at = index + 1 if cut_off else None
            return FrontMatter(tuple(fields), body, index + 1, cut_at, cut_off)
        found = field or more
        value = found["value"].strip()
        column = (
            found.start("value") + len(found["value"]) - len(found["value"].lstrip())
        )
        fields.append(Field(name, value, index + 1, column))
        index += 1
    return FrontMatter(tuple(fields), "\n".join(lines[index:]), index + 1)


def read_front_matter(path, errors="strict"):
    """Return the front matter of a UTF-8 file (``errors`` as for ``open``)."""
    return parse_front_matter(Path(path).read_text("utf-8", errors=errors))
