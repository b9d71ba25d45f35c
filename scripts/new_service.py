"""Write a new service: a Finnish and an English page with every field filled in.

Usage: python scripts/new_service.py KEY [--fi FILE_NAME] [--en FILE_NAME]

The files go into the service folder of each language (``content/fi/palvelut/``,
``content/en/services/``), named after the key unless names are given. They
take the next free ``Order`` and build at once; a comment in each explains
every field with examples.
"""

import argparse
import re
import sys
from pathlib import Path

from supervision_site.core.front_matter import read_front_matter
from supervision_site.core.languages import main_language
from supervision_site.core.settings import read_site_settings
from supervision_site.service_facts.parsers import FrontMatterError, parse_key

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = read_site_settings(ROOT / "pelicanconf.py")
CONTENT = Path(SETTINGS["PATH"])
# The facts are written on the main language's page; the other page takes them.
MAIN_LANG = main_language(SETTINGS)
OTHER_LANG = next(
    lang for lang in SETTINGS["SERVICES_REQUIRED_LANGUAGES"] if lang != MAIN_LANG
)
FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")

FINNISH = """\
Title: [[TÄYDENNÄ: palvelun nimi]]
Summary: [[TÄYDENNÄ: yksi lause palvelusta; se näkyy hakukoneissa ja kortissa]]
Key: {key}
Order: {order}
Format: yksilö
Session: 60 min
Interval: 4–6 viikkoa
Contract: 6–12 kk
Process: 1–2 vuotta

[[TÄYDENNÄ: palvelun kuvaus; tarkista myös otsikko ja esimerkkikentät]]

## Miten ohjaus etenee

[[TÄYDENNÄ: miten tapaamiset sujuvat ja kenelle palvelu sopii]]

<!--
Ohjeet (tämä kommentti ei näy sivulla; sen voi poistaa):

Title     sivun otsikko, esim. Uravalmennus
Summary   yksi lause, enintään 160 merkkiä; näkyy hakukoneissa ja kortissa
Key       sama lyhyt nimi suomen- ja englanninkielisellä sivulla: {key}
Order     paikka valikoissa, korteissa ja taulukossa: 1, 2, 3 …
Format    yksilö, ryhmä tai yksilö, ryhmä
Session   yhden tapaamisen pituus: 45 min, 60 min, 1,5 h, 60–90 min
Interval  tapaamisten väli: 2 viikkoa, 4–6 viikkoa; poista rivi, jos
          tavataan vain kerran (esim. debriefing)
Contract  sopimuksen pituus: 6 kk, 6–12 kk, 6 tai 12 kk
Process   koko prosessin tavallinen kesto: 1 vuosi, 1–2 vuotta

Session-, Interval-, Contract- ja Process-rivin voi jättää pois, jos tieto ei
koske palvelua. Kenttien välissä ei saa olla tyhjää riviä.

Linkki toiselle sivulle: [työnohjausprosessi]({{filename}}../tyonohjausprosessi.md)
Englanninkielinen sivu: {other_path}
-->
"""

ENGLISH = """\
Title: [[TÄYDENNÄ: the name of the service]]
Summary: [[TÄYDENNÄ: one sentence about the service, for search engines and its card]]
Key: {key}

[[TÄYDENNÄ: the description of the service; check the title too]]

## How it works

[[TÄYDENNÄ: how the meetings go and whom the service suits]]

<!--
Guidance (this comment is not shown on the page; you may delete it):

Title     the heading of the page, e.g. Career coaching
Summary   one sentence of at most 160 characters, for search engines and the card
Key       the same short name as on the Finnish page: {key}
The facts (Order, Format, Session, Interval, Contract, Process) are taken from
the Finnish page:
{main_path}
You may write them here too, in English words, as long as they agree, e.g.
"Session: 60 minutes" or "Interval: every 4–6 weeks".
-->
"""


class NewServiceError(ValueError):
    """A new service that cannot be written; the message is for the owner."""


def service_folder(lang):
    """Return the folder of a language's service pages: its one subfolder."""
    if not (CONTENT / lang).is_dir():
        raise NewServiceError(f"content/{lang}/ is missing; nothing written")
    folders = sorted(path for path in (CONTENT / lang).iterdir() if path.is_dir())
    if len(folders) != 1:
        found = ", ".join(f"{folder.name}/" for folder in folders) or "none"
        raise NewServiceError(
            f"content/{lang}/ should have exactly one folder of service pages; "
            f"found {found}"
        )
    return folders[0]


def next_order(folder):
    """Return the position after the last service: the largest Order plus one."""
    read = (read_front_matter(page, errors="replace") for page in folder.glob("*.md"))
    fields = (front_matter.first("order") for front_matter in read)
    orders = [int(field.value) for field in fields if field and field.value.isdigit()]
    return max(orders, default=0) + 1


def used_keys():
    """Return the Key of every page in the content folder."""
    read = (read_front_matter(page, errors="replace") for page in CONTENT.rglob("*.md"))
    fields = (front_matter.first("key") for front_matter in read)
    return {field.value for field in fields if field}


def file_name(name, what):
    """Return a file name for a page, or stop with what is expected."""
    name = name.removesuffix(".md")
    if not FILE_NAME.fullmatch(name):
        raise NewServiceError(
            f'{what}: "{name}" cannot be a file name; use lower-case letters a–z, '
            'digits and hyphens, e.g. "uravalmennus"'
        )
    return f"{name}.md"


def write_service(key, fi_name=None, en_name=None):
    """Write a new service's two pages; return their paths by language and the Order.

    Raise ``NewServiceError`` with the owner's message when nothing can be written.
    """
    if not key.strip():
        raise NewServiceError(
            "KEY: missing; name the service in a short word, e.g. "
            "make new-service KEY=coaching FI=uravalmennus EN=career-coaching"
        )
    try:
        key = parse_key(key)
    except FrontMatterError as error:
        raise NewServiceError(f"KEY: {error}") from None
    if key in used_keys():
        raise NewServiceError(
            f'KEY: "{key}" is already the Key of a page; choose another'
        )
    pages = {
        MAIN_LANG: service_folder(MAIN_LANG) / file_name(fi_name or key, "FI"),
        OTHER_LANG: service_folder(OTHER_LANG) / file_name(en_name or key, "EN"),
    }
    for page in pages.values():
        if page.exists():
            raise NewServiceError(
                f"{page.relative_to(ROOT)} exists already; nothing written"
            )
    paths = {lang: page.relative_to(ROOT).as_posix() for lang, page in pages.items()}
    order = next_order(pages[MAIN_LANG].parent)
    pages[MAIN_LANG].write_text(
        FINNISH.format(key=key, order=order, other_path=paths[OTHER_LANG]), "utf-8"
    )
    pages[OTHER_LANG].write_text(
        ENGLISH.format(key=key, main_path=paths[MAIN_LANG]), "utf-8"
    )
    return paths, order


def main(arguments):
    """Write the two pages; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="make new-service",
        description="e.g. make new-service KEY=coaching FI=uravalmennus "
        "EN=career-coaching",
    )
    parser.add_argument("key", help="the Key of the service, e.g. coaching")
    parser.add_argument("--fi", help="the Finnish file name (default: the key)")
    parser.add_argument("--en", help="the English file name (default: the key)")
    args = parser.parse_args(arguments)
    try:
        paths, order = write_service(args.key, args.fi, args.en)
    except NewServiceError as error:
        raise SystemExit(str(error)) from None
    print(f"Wrote {paths[MAIN_LANG]} (Order: {order}) and {paths[OTHER_LANG]}.")
    print("Write their Title, Summary and text, and see them with: make serve")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
