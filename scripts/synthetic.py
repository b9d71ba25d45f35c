"""Write a copy of the site's content with any number of generated services.

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
OWN_ADDRESS_FIELDS = ("Save_as", "URL")


@dataclass(frozen=True)
class Generated:
    """One generated service: its key, the real key it copies, its files."""

    key: str
    real_key: str
    files: tuple


@dataclass(frozen=True)
class ServiceFile:
    """One real service page: its file, front matter (in order) and body."""

    relative: Path
    fields: dict
    body: str


def read_page(path, root):
    """Return a service page split into its front-matter fields and its body."""
    page = read_front_matter(path)
    fields = {field.name: field.value for field in page.fields}
    return ServiceFile(path.relative_to(root), fields, page.body)


def page_text(fields, body):
    """Return a page's text from its front-matter fields and its body."""
    return "".join(f"{name}: {value}\n" for name, value in fields.items()) + "\n" + body


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
    """Return the ``Order`` of a service (the same in every language)."""
    return int(next(iter(pages.values())).fields.get("Order", 0))


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
                fields["Order"] = str(order_of(pages) + count * (round_number - 1))
            body = relink(page.body, lang, round_number, written)
            files.append(copy_name(page.relative, round_number))
            target = destination / files[-1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page_text(fields, body), "utf-8")
        real_key = next(iter(pages.values())).fields["Key"]
        generated.append(Generated(fields["Key"], real_key, tuple(files)))
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


def copy_for_plain_pelican(content, destination, main_lang):
    """Copy generated content for Pelican without language subsites.

    Language subsites publish another language's pages under ``/<lang>/``,
    including those that set their own address (``Save_as``, ``URL``); plain
    Pelican writes every language into one folder, so in the copy those two
    fields get the language's prefix. Nothing else changes.
    """
    content, destination = Path(content), Path(destination)
    shutil.copytree(content, destination)
    for path in sorted(destination.rglob("*.md")):
        lang = path.relative_to(destination).parts[0]
        if lang == main_lang:
            continue
        page = read_front_matter(path)
        fields = {
            field.name: f"{lang}/{field.value}"
            if field.name in OWN_ADDRESS_FIELDS
            else field.value
            for field in page.fields
        }
        path.write_text(page_text(fields, page.body), "utf-8")


def write_page_templates(content, folder):
    """Write a template for each ``Template`` the pages name, as the plain page.

    Plain Pelican's default theme has only ``page.html``; these let it build
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
