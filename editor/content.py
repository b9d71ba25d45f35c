"""Where the content files are and what their front matter says."""

from .schema import read_front_matter


def service_folder(content, lang):
    """Return the folder of a language's service pages (its one subfolder), or None."""
    folders = sorted(path for path in (content / lang).iterdir() if path.is_dir())
    return folders[0] if len(folders) == 1 else None


def page_address(built):
    """Return the address of a built page: ``en/x/index.html`` → ``/en/x/``."""
    path = "/" + built
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def read_fields(file):
    """Return a page's front matter as Pelican's Markdown reader reads it.

    Names are in lower case; a field's lines, continued or repeated, are one
    value, a line each.
    """
    fields = {}
    for field in read_front_matter(file).fields:
        name = field.name.lower()
        fields[name] = (
            f"{fields[name]}\n{field.value}" if name in fields else field.value
        )
    return fields


def pages_by_key(content, languages):
    """Return every page's path (from the project) by its Key and language."""
    pages = {}
    for lang in languages:
        for file in sorted((content / lang).rglob("*.md")):
            key = read_fields(file).get("key", "").strip()
            if key:
                path = file.relative_to(content.parent).as_posix()
                pages.setdefault(key, {})[lang] = path
    return pages
