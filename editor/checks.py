"""Check one value the owner typed in the editor, with the build's own checks."""

from pathlib import Path

from .content import pages_by_key, read_fields
from .schema import (
    SERVICE_FIELDS,
    FrontMatterError,
    PageFacts,
    at_field,
    check_page,
    field_name,
    merge_service,
    site_languages,
)

PAGE_TEXT_FIELDS = ("title", "summary")


class UnknownField(ValueError):
    """A request for a field or file the editor does not check."""


def content_file(root, path):
    """Return the content file at ``path`` (from the project), or refuse it."""
    content = (root / "content").resolve()
    file = (root / path).resolve()
    if file.suffix != ".md" or not file.is_file() or content not in file.parents:
        raise UnknownField(f"{path} is not a page in content/")
    return file


def check_text(path, name, value):
    """Return the build's message for a title or summary, or None."""
    problems = check_page(path, {name: value}, is_service=False)
    found = [p.message for p in problems if p.field == field_name(name)]
    return found[0] if found else None


def check_agreement(root, settings, path, name, value, parsed):
    """Return the build's line when a translation states this fact otherwise."""
    languages = site_languages(settings)
    key = read_fields(root / path).get("key", "").strip()
    if not key:
        return None  # the build names the missing Key itself
    versions = []
    for lang, other in pages_by_key(root / "content", languages).get(key, {}).items():
        text = value if other == path else read_fields(root / other).get(name)
        if text is None:
            continue
        try:
            stated = parsed if other == path else SERVICE_FIELDS[name](text)
        except FrontMatterError:
            continue  # the translation's own mistake is shown where it is edited
        facts = {name: (stated, " ".join(text.split()))}
        versions.append(PageFacts(other, lang, key, True, facts))
    _, problems = merge_service(key, versions, languages[0])
    found = [p for p in problems if p.field == field_name(name)]
    return at_field(found[0], root / found[0].path).line() if found else None


def check_value(root, settings, path, name, value):
    """Return the build's message for ``value`` as field ``name`` of a page, or None.

    An empty fact is left out of the file, which the build takes.
    """
    root = Path(root)
    content_file(root, path)
    if name in PAGE_TEXT_FIELDS:
        return check_text(path, name, value)
    if name not in SERVICE_FIELDS:
        raise UnknownField(f"{name} is not a field the editor checks")
    if not value.strip():
        return None
    try:
        parsed = SERVICE_FIELDS[name](value)
    except FrontMatterError as error:
        return str(error)
    return check_agreement(root, settings, path, name, value, parsed)
