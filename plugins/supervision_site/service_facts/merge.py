"""Join the language versions of every page: keys, translations, service records."""

import difflib
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field

from supervision_site.core.languages import language_name
from supervision_site.core.problems import Problem

from .parsers import SERVICE_FIELDS
from .records import ServiceRecord

REQUIRED_FACTS = {
    "order": 'write its position in lists, such as "Order: 1"',
    "format": 'write "Format: yksilö", "Format: ryhmä" or "Format: yksilö, ryhmä"',
}


@dataclass(frozen=True)
class PageFacts:
    """What one file says: its language, key, and the service facts it states."""

    path: str
    lang: str
    key: str | None
    is_service: bool
    facts: dict = field(default_factory=dict)  # field -> (value, text as written)
    unreadable: frozenset = frozenset()  # fields stated but not understood
    status: str = "published"  # or "draft", "hidden"


def find_duplicates(pages):
    """Return a problem for each page whose key another page of its language has."""
    problems = []
    by_key = defaultdict(list)
    for page in pages:
        if page.key:
            by_key[page.lang, page.key].append(page)
    for (_, key), group in by_key.items():
        first, *others = sorted(group, key=lambda page: page.path)
        problems += [
            Problem(
                page.path,
                "Key",
                f'"{key}" is also the Key of {first.path}; give each page its own Key',
            )
            for page in others
        ]
    return problems


def unknown_service(page, services, main_lang):
    """Return the problem of a translated service whose key names no service."""
    language = language_name(main_lang, "en")
    near = difflib.get_close_matches(page.key, services, n=1, cutoff=0.6)
    if near:
        hint = f'did you mean "{near[0]}"?'
    elif services:
        hint = "the keys are " + ", ".join(services)
    else:
        hint = f"write the Key of its {language} page"
    message = f'"{page.key}" is not the Key of any {language} service; {hint}'
    return Problem(page.path, "Key", message)


def service_folders(pages):
    """Return each language's folder of service pages: ``content/en/services/``."""
    folders = {}
    for page in sorted(pages, key=lambda page: page.path):
        if page.is_service:
            folders.setdefault(page.lang, posixpath.dirname(page.path) + "/")
    return folders


def find_missing_translations(pages, main_lang, required_langs):
    """Return problems for unknown service keys and pages missing a language version.

    A translation of a service that is not in its language's services folder is
    named too: it would be published as a plain page, without the service's facts.
    """
    problems = []
    folders = service_folders(pages)
    langs_by_key = defaultdict(set)
    for page in pages:
        if page.key:
            langs_by_key[page.key].add(page.lang)
    services = sorted(
        p.key for p in pages if p.key and p.is_service and p.lang == main_lang
    )
    for page in pages:
        if not page.key:
            continue
        if page.is_service and page.lang != main_lang and page.key not in services:
            problems.append(unknown_service(page, services, main_lang))
            continue
        folder = folders.get(page.lang, f"the services folder in content/{page.lang}/")
        if not page.is_service and page.key in services:
            said = f'"{page.key}" is the Key of a service; move this page into {folder}'
            problems.append(Problem(page.path, "Key", said))
            continue
        wanted = set(required_langs) if page.lang in required_langs else {main_lang}
        for lang in sorted(wanted - langs_by_key[page.key]):
            where = folders.get(lang) if page.is_service else None
            problems.append(
                Problem(
                    page.path,
                    "Key",
                    f'"{page.key}" has no {language_name(lang, "en")} page; add one in '
                    f'{where or f"content/{lang}/"} with the line "Key: {page.key}"',
                )
            )
    return problems


def merge_service(key, versions, main_lang):
    """Return the record of one service from its language versions, and problems."""
    versions = sorted(versions, key=lambda page: (page.lang != main_lang, page.path))
    home = versions[0]
    problems, values = [], {}
    for name in SERVICE_FIELDS:
        stated = [(page, page.facts[name]) for page in versions if name in page.facts]
        if not stated:
            continue
        (first, (value, text)), *others = stated
        values[name] = value
        for page, (other_value, other_text) in others:
            if other_value != value:
                problems.append(
                    Problem(
                        page.path,
                        name.capitalize(),
                        f'"{other_text}" here but "{text}" in {first.path}; '
                        "write the same in both, or leave it out of one",
                    )
                )
    unparsed = set().union(*(page.unreadable for page in versions))
    for name, example in REQUIRED_FACTS.items():
        if name not in values and name not in unparsed:
            problems.append(
                Problem(home.path, name.capitalize(), f"missing; {example}")
            )
    if problems or unparsed:
        return None, problems
    return ServiceRecord(key=key, formats=values.pop("format"), **values), []


def find_mixed_statuses(pages, main_lang):
    """Return a problem for each page not published whose translation is.

    A page drafted or hidden in the main language would otherwise still be
    published, and linked from every page, in the other. (A translation that is
    not published yet is a language not complete yet, as may be.)
    """
    translations = defaultdict(list)
    for page in pages:
        if page.key and page.lang != main_lang and page.status == "published":
            translations[page.key].append(page)
    return [
        Problem(
            page.path,
            "Status",
            f'"{page.status}", but its translation {other.path} is published; '
            "give that page the same Status, or publish both",
        )
        for page in pages
        if page.lang == main_lang and page.key and page.status != "published"
        for other in translations[page.key]
    ]


def build_records(pages, main_lang, required_langs):
    """Return the record of every service by key, and every problem found."""
    problems = find_duplicates(pages) + find_mixed_statuses(pages, main_lang)
    problems += find_missing_translations(pages, main_lang, required_langs)
    # A service exists when its main-language page does; other keys are reported.
    known = {p.key for p in pages if p.key and p.is_service and p.lang == main_lang}
    versions = defaultdict(list)
    for page in pages:
        if page.is_service and page.key in known:
            versions[page.key].append(page)
    records = {}
    for key, group in versions.items():
        record, found = merge_service(key, group, main_lang)
        problems += found
        if record is not None:
            records[key] = record
    return records, problems


def find_missing_roles(pages, roles, folder):
    """Return a problem for each page role (``PAGE_ROLES``) whose Key no page has.

    A role's page missing in one language only is reported as a missing
    translation; this names a page missing in every language.
    """
    keys = {page.key for page in pages}
    return [
        Problem(
            folder,
            "Key",
            f'no page has "Key: {key}", which PAGE_ROLES in pelicanconf.py names '
            f"for the site's {role} page; add that line to the page",
        )
        for role, key in roles.items()
        if key not in keys
    ]


def find_wrong_navigation(pages, menu_keys, urgent_key):
    """Return a problem for each Key ``MENU_KEYS`` or ``URGENT_SERVICE_KEY`` gets wrong.

    Every Key of the menu must be a page's; the urgent service, when a page has
    its Key, must be a service. (An urgent service that no page has is left out.)
    """
    keys = {page.key for page in pages if page.key}
    services = {page.key for page in pages if page.is_service}
    if isinstance(menu_keys, str):
        menu_keys = [menu_keys]
    problems = [
        Problem(
            "pelicanconf.py",
            "MENU_KEYS",
            f'"{key}" is not the Key of any page; the Keys are '
            + ", ".join(sorted(keys)),
        )
        for key in menu_keys
        if key not in keys
    ]
    if urgent_key and urgent_key in keys and urgent_key not in services:
        problems.append(
            Problem(
                "pelicanconf.py",
                "URGENT_SERVICE_KEY",
                f'"{urgent_key}" is not a service; name a service\'s Key, such as '
                '"debriefing", or write ""',
            )
        )
    return problems
