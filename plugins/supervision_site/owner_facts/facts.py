"""Find the owner's facts that are still placeholders, and text still to be written.

Every fact is a setting in the first block of pelicanconf.py. ``FACTS`` names
each one with the placeholder the project ships and an example of a real
value; a fact in ``TRANSLATED`` is written once for each language (the English
ones in the ``ENGLISH`` entry). A text placeholder carries ``MARKER``, which
also marks text the owner must still write in a Markdown page.
"""

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from supervision_site.core.languages import country_name, main_language, site_languages
from supervision_site.core.problems import Problem, source_lines
from supervision_site.core.setting_lines import read_setting_lines

from .contact import email_uri, phone_uri
from .practice import PLACES

MARKER = "[[TÄYDENNÄ"
MARKER_TEXT = re.compile(r"\[\[TÄYDENNÄ[^\]]*\]\]")


@dataclass(frozen=True)
class Fact:
    """One fact of the owner's: its setting, what it is, its placeholder, examples."""

    setting: str
    what: str  # in Finnish, as the owner's checklist names it
    placeholder: object
    examples: dict  # language -> an example of a real value
    hint: str = ""  # what else the owner may write, in Finnish


def fact(setting, what, placeholder, example, english=None, hint=""):
    """Return a Fact; ``english`` is the example of a fact written in each language."""
    examples = {"fi": example} if english is None else {"fi": example, "en": english}
    return Fact(setting, what, placeholder, examples, hint)


# In the order the owner fills them in (README.md, "Ennen julkaisua").
FACTS = (
    fact("SUPERVISOR_NAME", "nimesi", "Etunimi Sukunimi", "Maija Meikäläinen"),
    fact(
        "SUPERVISOR_TITLE",
        "nimikkeesi",
        "[[TÄYDENNÄ: nimike]]",
        "työnohjaaja (STOry)",
        "work supervisor (STOry)",
    ),
    fact(
        "SUPERVISOR_TRAINING",
        "koulutuksesi",
        ["[[TÄYDENNÄ: koulutus]]"],
        ["Työnohjaajakoulutus (STOry:n hyväksymä), 2015"],
        ["Work supervisor training recognised by STOry, 2015"],
    ),
    fact(
        "SUPERVISOR_MEMBERSHIPS",
        "jäsenyytesi",
        ["[[TÄYDENNÄ: jäsenyys]]"],
        ["Suomen työnohjaajat ry (STOry)"],
        ["Finnish Association of Work Supervisors (STOry)"],
        hint="jos jäsenyyksiä ei ole, kirjoita []",
    ),
    fact(
        "CONTACT_EMAIL",
        "sähköpostiosoitteesi",
        "etunimi.sukunimi@paikkamerkki.invalid",
        "maija@tyonohjaus-meikalainen.fi",
    ),
    fact(
        "CONTACT_PHONE",
        "puhelinnumerosi",
        "[[TÄYDENNÄ: puhelinnumero]]",
        "+358 40 123 4567",
        hint='jos et halua numeroa sivuille, kirjoita ""',
    ),
    fact("BUSINESS_ID", "Y-tunnus", "[[TÄYDENNÄ: Y-tunnus]]", "1234567-8"),
    fact(
        "BUSINESS_ADDRESS",
        "postiosoite tai paikkakunta",
        "[[TÄYDENNÄ: postiosoite tai paikkakunta]]",
        "Hämeenkatu 1 A, 33100 Tampere",
    ),
    fact(
        "SESSION_PLACES",
        "tapaamispaikat",
        [],
        ["workplace", "online"],
        hint='vaihtoehdot ovat "workplace" (asiakkaan työpaikka), "premises" '
        '(omat tilasi) ja "online" (etäyhteys)',
    ),
    fact(
        "AREA_SERVED",
        "toiminta-alueesi",
        "[[TÄYDENNÄ: toiminta-alue]]",
        "Pirkanmaa; etänä koko Suomi",
        "Pirkanmaa; online anywhere in Finland",
    ),
    fact(
        "SUPERVISION_LANGUAGES",
        "työnohjauksen kielet",
        [],
        ["fi", "en"],
        hint="kielet kirjoitetaan kaksikirjaimisina koodeina",
    ),
    fact(
        "PRICING",
        "hinnoittelu",
        "[[TÄYDENNÄ: hinnoittelu]]",
        "Pyydä tarjous: hinta riippuu ryhmän koosta ja tapaamisten määrästä.",
        "Ask for a quote: the price depends on the group and the number of sessions.",
    ),
    fact(
        "SITE_ADDRESS",
        "sivuston osoite",
        "https://tyonohjaus.invalid",
        "https://www.tyonohjaus-meikalainen.fi",
    ),
    fact(
        "CONTACT_FORM_ENDPOINT",
        "lomakkeen osoite lomakepalvelussa",
        "https://lomakepalvelu.invalid/f/TAYDENNA",
        "https://formspree.io/f/abcdwxyz",
    ),
    fact(
        "CONTACT_FORM_PROCESSOR",
        "lomakepalvelun nimi",
        "[[TÄYDENNÄ: lomakepalvelun nimi]]",
        "Formspree, Inc.",
    ),
    fact(
        "CONTACT_FORM_PROCESSOR_COUNTRY",
        "lomakepalvelun maa",
        "",
        "US",
        hint='maa kirjoitetaan kahdella kirjaimella, kuten "IE" tai "FI"',
    ),
    fact(
        "CONTACT_FORM_DATA_LEAVES_EU",
        "tieto viestien siirrosta EU:n ja ETA:n ulkopuolelle",
        None,
        True,
        hint="jos viestit pysyvät EU:ssa ja ETA:ssa, kirjoita False",
    ),
    fact(
        "MESSAGE_RETENTION_MONTHS",
        "viestien säilytysaika kuukausina",
        None,
        12,
    ),
)
TRANSLATED = frozenset(f.setting for f in FACTS if len(f.examples) > 1)


def texts(value):
    """Return the strings of a setting's value: itself, or the items of a list."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [item for item in value if isinstance(item, str)]
    return []


# The only fact that may be left empty: a site without a phone number.
MAY_BE_EMPTY = frozenset({"CONTACT_PHONE"})


def is_placeholder(value, fact):
    """Return whether a fact is still to fill in: its placeholder, the marker, none.

    A fact deleted from the settings, or written as empty text, is not filled in
    either (but for ``MAY_BE_EMPTY``).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return value is None or fact.setting not in MAY_BE_EMPTY
    return value == fact.placeholder or any(MARKER in text for text in texts(value))


def literal(value):
    """Return a value as the owner writes it in pelicanconf.py: ``"Maija"``, ``12``."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    return repr(value)


@dataclass(frozen=True)
class Stated:
    """A fact as one language's settings state it."""

    fact: Fact
    lang: str
    value: object
    in_entry: bool  # written in the language's entry of ``I18N_SUBSITES``

    @property
    def field(self):
        """Return the name the owner's message gives it: ``SUPERVISOR_TITLE (en)``."""
        setting = self.fact.setting
        return f"{setting} ({self.lang})" if self.in_entry else setting

    def line(self, lines):
        """Return the line of the settings file (SettingLines) that states it."""
        return lines.line(self.fact.setting, self.lang if self.in_entry else None)


def stated_facts(settings):
    """Yield every fact of the main language, then the translated ones of the others."""
    main, subsites = main_language(settings), settings.get("I18N_SUBSITES", {})
    for lang in site_languages(settings):
        # A translated fact comes from its language's own entry, never the main one.
        values = settings if lang == main else subsites.get(lang, {})
        for fact in FACTS:
            if lang == main or fact.setting in TRANSLATED:
                yield Stated(fact, lang, values.get(fact.setting), lang != main)


def settings_file(settings):
    """Return the file the facts are written in and where it sets each of them."""
    file = Path(settings["OWNER_FACTS_FILE"])
    return file, read_setting_lines(file)


def find_placeholders(settings):
    """Return a Problem for every fact whose value is still its placeholder."""
    file, lines = settings_file(settings)
    problems = []
    for stated in stated_facts(settings):
        fact, value = stated.fact, stated.value
        if not is_placeholder(value, fact):
            continue
        example = literal(fact.examples.get(stated.lang, fact.examples["fi"]))
        now = "puuttuu" if value is None else f"nyt {literal(value)}"
        if stated.in_entry:
            written = f'"{fact.setting}": {example}'
        else:
            written = f"{fact.setting} = {example}"
        problems.append(
            Problem(
                file.name,
                stated.field,
                f"täydennä {fact.what} ({now}); "
                f"kirjoita esimerkiksi {written}"
                + (f"; {fact.hint}" if fact.hint else ""),
                stated.line(lines),
            )
        )
    return problems


def is_web_address(value):
    """Return whether a value is a whole https address: ``https://www.x.fi/…``."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme == "https" and bool(parts.hostname)


def is_site_address(value):
    """Return whether a value is a site's address: https, a host, maybe a folder.

    The pages' addresses are made from it, so it holds no file name, query or
    fragment: ``https://www.x.fi``, ``https://user.github.io/site``.
    """
    if not is_web_address(value):
        return False
    parts = urlsplit(value.strip())
    return not (parts.query or parts.fragment or PurePosixPath(parts.path).suffix)


# Facts whose real value must be one of a few: what each may be, in Finnish.
CHOICES = {
    "SESSION_PLACES": (
        lambda value: all(place in PLACES for place in value),
        'vain "workplace", "premises" ja "online" käyvät',
    ),
    "SUPERVISION_LANGUAGES": (
        lambda value: all(is_language(code) for code in value),
        'kirjoita kielet kaksikirjaimisina koodeina, kuten "fi", "sv" ja "en"',
    ),
    "CONTACT_FORM_PROCESSOR_COUNTRY": (
        lambda value: isinstance(value, str) and country_name(value, "fi") is not None,
        'kirjoita maa kahdella kirjaimella, kuten "US", "IE" tai "FI"',
    ),
    "CONTACT_EMAIL": (
        lambda value: isinstance(value, str) and email_uri(value) is not None,
        'kirjoita koko osoite, esimerkiksi "maija@tyonohjaus-meikalainen.fi"',
    ),
    "CONTACT_PHONE": (
        lambda value: value == "" or phone_uri(value) is not None,
        'kirjoita numero pelkin numeroin, esimerkiksi "040 123 4567" tai '
        '"+358 40 123 4567"; jos et halua numeroa sivuille, kirjoita ""',
    ),
    "SITE_ADDRESS": (
        is_site_address,
        'kirjoita koko osoite, esimerkiksi "https://www.tyonohjaus-meikalainen.fi"',
    ),
    "CONTACT_FORM_ENDPOINT": (
        is_web_address,
        "kirjoita lomakepalvelun antama koko osoite, esimerkiksi "
        '"https://formspree.io/f/abcdwxyz"',
    ),
    "CONTACT_FORM_DATA_LEAVES_EU": (
        lambda value: isinstance(value, bool),
        "kirjoita True tai False ilman lainausmerkkejä",
    ),
    "MESSAGE_RETENTION_MONTHS": (
        lambda value: type(value) is int and value > 0,
        "kirjoita kuukausien määrä numerolla ilman lainausmerkkejä, esimerkiksi 12",
    ),
}


def is_language(code):
    """Return whether Babel knows ``code`` as a language."""
    try:
        Locale.parse(code)
    except (TypeError, ValueError, UnknownLocaleError):
        return False
    return True


def unreadable(fact, value, lang):
    """Return what a fact may be (in Finnish) when its value cannot be read, or None."""
    if isinstance(fact.placeholder, list) and not isinstance(value, (list, tuple)):
        example = fact.examples.get(lang, fact.examples["fi"])
        return f"kirjoita luettelo hakasulkeisiin, esimerkiksi {literal(example)}"
    if fact.setting not in CHOICES:
        return None
    readable, expected = CHOICES[fact.setting]
    try:
        return None if readable(value) else expected
    except TypeError:
        return expected


def find_unreadable(settings):
    """Return a Problem for every fact that is not a placeholder but not readable."""
    file, lines = settings_file(settings)
    problems = []
    for stated in stated_facts(settings):
        fact, value = stated.fact, stated.value
        if is_placeholder(value, fact):
            continue
        expected = unreadable(fact, value, stated.lang)
        if expected:
            message = f"{literal(value)} ei käy; {expected}"
            line = stated.line(lines)
            problems.append(Problem(file.name, stated.field, message, line))
    return problems


def shorten(marked, most=48):
    """Return a marked text cut to about ``most`` characters at a word's end."""
    if len(marked) <= most:
        return marked
    return marked[:most].rsplit(" ", 1)[0].rstrip(",:;") + " …]]"


def find_markers(content):
    """Return a Problem for every marked text in the pages under ``content``."""
    content = Path(content)
    problems = []
    for path in sorted(content.rglob("*.md")):
        # An unreadable file has no lines here: the check of every file names it.
        for number, line in enumerate(source_lines(path), 1):
            if MARKER in line:
                found = MARKER_TEXT.search(line)
                shown = shorten(found.group() if found else MARKER)
                problems.append(
                    Problem(
                        f"{content.name}/{path.relative_to(content).as_posix()}",
                        "teksti",
                        f"kohta on kirjoittamatta (”{shown}”); kirjoita oma "
                        "tekstisi merkin tilalle",
                        number,
                    )
                )
    return problems
