"""The benchmark's site: the real content, or a copy with any number of services.

The non-service pages are copied as they are. Service ``i`` is a copy of one
of the real services (taken in turn, in their ``Order``) in every language,
with the same front matter; from the second round on, its file name, ``Key``,
``Title`` and ``Order`` carry the round's number, and its links to other
services lead to services of its own round (or of the first round).
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from supervision_site.core.front_matter import read_front_matter

FILENAME_LINK = re.compile(r"\[([^\]]*)\]\(\{filename\}([^)/]+\.md)\)")
SERVICE_LINK = re.compile(r"\[([^\]]*)\]\(\{filename\}([^)/]+)/([^)/]+\.md)\)")


@dataclass(frozen=True)
class Generated:
    """One generated service: its key and its files."""

    key: str
    files: tuple


@dataclass(frozen=True)
class ServiceFile:
    """One real service page: its file, front matter (in order) and body."""

    relative: Path
    fields: dict
    body: str


def read_page(path, root):
    """Return a service page split into its front-matter fields and its body.

    A field continued on more lines is one value, its lines joined by spaces.
    """
    page = read_front_matter(path)
    fields = {}
    for field in page.fields:
        written = fields.get(field.name)
        fields[field.name] = f"{written} {field.value}" if written else field.value
    return ServiceFile(path.relative_to(root), fields, page.body)


def is_service_file(relative):
    """Return whether a content file is a service page (in a language's subfolder)."""
    return len(relative.parts) > 2 and relative.suffix == ".md"


def real_services(content):
    """Return the real service pages as rounds of translations, in ``Order``.

    Each item maps a language to its page; pages are linked by ``Key``.
    """
    by_key = {}
    for path in sorted(Path(content).rglob("*.md")):
        relative = path.relative_to(content)
        if is_service_file(relative):
            page = read_page(path, content)
            by_key.setdefault(page.fields["Key"], {})[relative.parts[0]] = page
    return sorted(by_key.values(), key=lambda pages: order_of(pages))


def order_of(pages):
    """Return the ``Order`` of a service, from the language versions that state it."""
    orders = [
        int(page.fields["Order"]) for page in pages.values() if "Order" in page.fields
    ]
    return orders[0] if orders else 0


def copy_name(relative, round_number):
    """Return the file of a service in a given round: ``palvelut/ryhma-2.md``."""
    if round_number == 1:
        return relative
    return relative.with_name(f"{relative.stem}-{round_number}{relative.suffix}")


def write_content(content, destination, services):
    """Write the non-service pages and ``services`` generated services.

    Return a Generated for each service, its files relative to ``destination``.
    """
    content, destination = Path(content), Path(destination)
    originals = real_services(content)
    count = len(originals)
    written = {}  # (language, real file name, round) -> generated file name
    plan = []
    for index in range(services):
        pages, round_number = originals[index % count], index // count + 1
        for lang, page in pages.items():
            target = copy_name(page.relative, round_number)
            written[lang, page.relative.name, round_number] = target.name
        plan.append((pages, round_number))
    copy_other_pages(content, destination, written)
    generated = []
    for pages, round_number in plan:
        files = []
        for lang, page in pages.items():
            fields = dict(page.fields)
            if round_number > 1:
                fields["Title"] = f"{fields['Title']} {round_number}"
                fields["Key"] = f"{fields['Key']}-{round_number}"
                if "Order" in fields:
                    fields["Order"] = str(order_of(pages) + count * (round_number - 1))
            body = relink(page.body, lang, round_number, written)
            text = "".join(f"{name}: {value}\n" for name, value in fields.items())
            files.append(copy_name(page.relative, round_number))
            target = destination / files[-1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{text}\n{body}", "utf-8")
        generated.append(Generated(fields["Key"], tuple(files)))
    return generated


def copy_other_pages(content, destination, written):
    """Copy every file but the services; a link to a service left out keeps its text."""
    for path in sorted(content.rglob("*")):
        relative = path.relative_to(content)
        if not path.is_file() or is_service_file(relative):
            continue
        (destination / relative).parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copy2(path, destination / relative)
            continue
        lang = relative.parts[0]

        def keep_generated(match, lang=lang):
            text, _, name = match.groups()
            return match.group(0) if (lang, name, 1) in written else text

        body = SERVICE_LINK.sub(keep_generated, path.read_text("utf-8"))
        (destination / relative).write_text(body, "utf-8")


def relink(body, lang, round_number, written):
    """Point links to other services at this round's copies, or the first round's.

    A link to a service that was not generated at all keeps only its text.
    """

    def replace(match):
        text, name = match.groups()
        for candidate in (round_number, 1):
            if (lang, name, candidate) in written:
                return f"[{text}]({{filename}}{written[lang, name, candidate]})"
        return text

    return FILENAME_LINK.sub(replace, body)


def write_page_templates(content, folder):
    """Write a template for each ``Template`` the pages name, as the plain page.

    Pelican's default theme has only ``page.html``; these let the peer build
    pages that ask for one of our theme's templates.
    """
    names = set()
    for path in Path(content).rglob("*.md"):
        template = read_front_matter(path).first("Template")
        if template:
            names.add(template.value)
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name in names:
        Path(folder, f"{name}.html").write_text('{% extends "page.html" %}\n')


@dataclass(frozen=True)
class Site:
    """A site to build: its content, the peer's templates, the page edited, its size."""

    content: Path
    peer_templates: Path
    edited: Path
    pages: int


def write_site(real_content, folder, services=None):
    """Write the real content (``services`` None) or one with ``services`` services.

    Return the Site; its first service page is the one an edit changes.
    """
    content = Path(folder, "content")
    if services is None:
        shutil.copytree(real_content, content)
        first = next(iter(real_services(content)[0].values())).relative
    else:
        first = write_content(real_content, content, services)[0].files[0]
    templates = Path(folder, "peer-templates")
    write_page_templates(content, templates)
    pages = sum(1 for _ in content.rglob("*.md"))
    return Site(content, templates, content / first, pages)
