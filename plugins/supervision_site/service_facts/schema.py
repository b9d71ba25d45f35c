"""Check the front matter every page shares: required fields, known names, lengths."""

import difflib
import html
import re
from pathlib import Path, PurePosixPath

from supervision_site.core.problems import Problem

from .parsers import SERVICE_FIELDS

# Fields any page may have; service pages also take the service fields.
PAGE_FIELDS = (
    "title",
    "summary",
    "key",
    "template",
    "save_as",
    "url",
    "status",
    "slug",
    "menu_title",
)
# Names Pelican adds itself: from the file's folder, and its own bookkeeping.
ADDED_FIELDS = ("lang", "prefix", "category", "reader")
# How the owner writes a field name where it differs from plain capitalization.
FIELD_SPELLINGS = {"url": "URL"}
SUMMARY_MOST = 160
STATUSES = ("published", "hidden", "draft")
TAGS = re.compile(r"<[^>]*>")


def field_name(name):
    """Return a field's name as the owner writes it: ``Session``, ``URL``."""
    return FIELD_SPELLINGS.get(name, name[:1].upper() + name[1:])


def plain_text(value):
    """Return the visible text of a value Pelican has rendered as HTML."""
    return " ".join(html.unescape(TAGS.sub("", value)).split())


def not_one_of(name, value, allowed):
    """Return the message of a value that is none of the ``allowed`` ones."""
    return f'"{value}" is not a {name}; write one of ' + ", ".join(sorted(allowed))


def check_place(path, content, languages):
    """Return the problem of a file read as a page outside a language's folder.

    ``path`` and ``content`` are from the project: ``content/testi.md``, ``content``.
    """
    parts = PurePosixPath(path).relative_to(content).parts
    if len(parts) > 1 and parts[0] in languages and parts[-1].endswith(".md"):
        return []
    folders = " or ".join(f"{content}/{lang}/" for lang in languages)
    message = (
        f"is not a page of the site: a page is a .md file in {folders}; "
        "move or rename it"
    )
    return [Problem(path, "file", message)]


def check_fields_end(path, front):
    """Return the problem of fields cut short by a line that is not a field, if any.

    ``front`` is the page's FrontMatter. Markdown ends the fields at the first
    line that is not ``Name: value``, so a field written after a wrapped value,
    or after a line without its colon, is read as the page's text.
    """
    if front.cut_at is None:
        return []
    line = front.body.split("\n", 1)[0].strip()
    message = (
        f'"{line}" is not a field "Name: value", so the fields end there and those '
        "after it are read as text; add its colon, or if it continues the field "
        "above, join it to that line"
    )
    return [Problem(path, "fields", message, front.cut_at)]


def check_has_text(path, front):
    """Return the problem of a page with fields but no text after them, if so."""
    if front.fields and not front.body.strip():
        message = "the page has no text after its fields; write it after an empty line"
        return [Problem(path, "text", message)]
    return []


def check_stray_files(content, languages, pages):
    """Return a problem for each file in a language's folder that is not read.

    ``pages`` are the sources read as pages. A ``.md`` file Pelican could not
    read is named by the check of unread files, and a hidden file
    (``.DS_Store``) is left alone.
    """
    problems = []
    for lang in languages:
        for file in sorted(Path(content, lang).rglob("*")):
            unread = file not in pages and file.suffix != ".md"
            if unread and file.is_file() and not file.name.startswith("."):
                problems.append(
                    Problem(
                        file.relative_to(Path(content).parent).as_posix(),
                        "file",
                        "is not published: pages are .md files, and pictures go in "
                        f"{Path(content).name}/images/; rename or move it",
                    )
                )
    return problems


def check_page(path, metadata, is_service, extra_fields=(), templates=None):
    """Return the problems of one page's fields (not yet its service facts).

    ``templates`` are the theme's page templates by name; None skips that check.
    """
    problems = []
    for name, allowed in (("status", STATUSES), ("template", templates)):
        value = metadata.get(name)
        if isinstance(value, str) and allowed is not None and value not in allowed:
            problems.append(
                Problem(path, field_name(name), not_one_of(name, value, allowed))
            )
    for name in ("title", "summary"):
        if not str(metadata.get(name, "")).strip():
            problems.append(Problem(path, field_name(name), MISSING[name]))
    title = metadata.get("title")
    if isinstance(title, str) and ("<" in title or ">" in title):
        problems.append(
            Problem(
                path,
                "Title",
                f'"{title}" holds "<" or ">", which the page cannot show as written '
                "(they mark HTML); write the title without them",
            )
        )
    summary = metadata.get("summary")
    if isinstance(summary, str) and len(plain_text(summary)) > SUMMARY_MOST:
        problems.append(
            Problem(
                path,
                "Summary",
                f"{len(plain_text(summary))} characters, more than the "
                f"{SUMMARY_MOST} search engines show; shorten it",
            )
        )
    allowed = (*PAGE_FIELDS, *SERVICE_FIELDS, *extra_fields)
    for name, value in metadata.items():
        if name in ADDED_FIELDS:
            continue
        if name not in allowed:
            problems.append(Problem(path, field_name(name), unknown(name, value)))
        elif name in SERVICE_FIELDS and not is_service:
            problems.append(
                Problem(
                    path,
                    field_name(name),
                    "only a service page takes this field (a file in a folder such "
                    "as content/fi/palvelut/); move the file there or remove the line",
                )
            )
        elif isinstance(value, list):
            problems.append(
                Problem(
                    path,
                    field_name(name),
                    f"written {len(value)} times; keep one line "
                    f'"{field_name(name)}: …"',
                )
            )
    return problems


MISSING = {
    "title": 'missing; add a line such as "Title: Ryhmätyönohjaus" at the top',
    "summary": (
        f"missing; add one sentence of at most {SUMMARY_MOST} characters, such as "
        '"Summary: Ryhmätyönohjauksessa osallistujat oppivat toisiltaan."'
    ),
}


def unknown(name, value):
    """Return the message for an unknown field name, suggesting the nearest one."""
    known = [*PAGE_FIELDS, *SERVICE_FIELDS]
    near = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
    if near:
        shown = value if isinstance(value, str) else "…"
        return f'unknown field; did you mean "{field_name(near[0])}: {shown}"?'
    names = ", ".join(field_name(field) for field in known)
    return f"unknown field; the fields are {names}"
