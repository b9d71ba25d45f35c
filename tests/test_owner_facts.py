"""The owner's facts: placeholders refused, never a working link, shown where told.

The refusal and the filled-in site are real `make` runs in copies of the
project; the checklist they follow is the README's "Ennen julkaisua" table.
"""

import json
import os
import re
import subprocess

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import ROOT, copy_with_environment, section
from filled_in import fill_in

import pelicanconf
from supervision_site.owner_facts.contact import email_uri, phone_uri
from supervision_site.owner_facts.facts import (
    FACTS,
    TRANSLATED,
    find_placeholders,
    find_unreadable,
    is_placeholder,
)

EXAMPLES = {fact.setting: fact.examples for fact in FACTS}
MARKED = [
    "content/fi/tyonohjaaja.md",
    "content/en/about.md",
    "content/fi/tyonohjausprosessi.md",
    "content/en/supervision-process.md",
]
PLAIN_LINE = re.compile(
    r"(?:warning: )?(?:pelicanconf\.py|content/[\w/.-]+\.md):\d+: [\w ()]+: .+"
)


def make(project, *arguments, allow=None):
    """Run make in a project copy, ALLOW_PLACEHOLDERS as given; return the run."""
    environment = {k: v for k, v in os.environ.items() if k != "ALLOW_PLACEHOLDERS"}
    if allow is not None:
        environment["ALLOW_PLACEHOLDERS"] = allow
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """Return a copy of the project as it ships, placeholders and all."""
    return copy_with_environment(tmp_path_factory.mktemp("shipped") / "site")


@pytest.fixture(scope="module")
def refused(shipped):
    """Return the lines of `make publish` refusing the shipped placeholders."""
    result = make(shipped, "publish")
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    return [line for line in result.stderr.splitlines() if not line.startswith("make")]


def test_publish_names_each_placeholder_once(refused):
    for fact in FACTS:
        lines = [line for line in refused if f": {fact.setting}: " in line]
        assert len(lines) == 1, (fact.setting, lines)
        assert "pelicanconf.py:" in lines[0]
        assert "kirjoita esimerkiksi" in lines[0]
    for setting in TRANSLATED:
        lines = [line for line in refused if f": {setting} (en): " in line]
        assert len(lines) == 1, (setting, lines)


def test_publish_names_each_text_still_to_write_with_its_file_and_line(refused):
    for path in MARKED:
        lines = [line for line in refused if line.startswith(path + ":")]
        assert len(lines) == 1, (path, lines)
        number = int(lines[0].split(":")[1])
        assert "[[TÄYDENNÄ" in (ROOT / path).read_text("utf-8").splitlines()[number - 1]


def test_publish_says_all_at_once_in_plain_finnish_and_publishes_nothing(
    refused, shipped
):
    *problems, summary, unpublished = refused
    assert len(problems) == len(FACTS) + len(TRANSLATED) + len(MARKED)
    assert all(PLAIN_LINE.fullmatch(line) for line in problems), problems
    assert summary.startswith(f"Sivustoa ei julkaistu: {len(problems)} kohtaa")
    assert "ALLOW_PLACEHOLDERS=1" in summary
    assert unpublished == "Nothing was published: output/ is as it was."
    assert not (shipped / "output").exists()
    assert not [p for p in (shipped / ".builds").iterdir() if p.is_dir()]


def test_allow_placeholders_zero_still_refuses(shipped):
    assert make(shipped, "publish", allow="0").returncode != 0
    assert not (shipped / "output").exists()


def test_html_builds_and_warns_with_the_same_lines(refused, shipped):
    result = make(shipped, "html")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    warned = [line.removeprefix("warning: ") for line in lines]
    assert [line for line in warned if PLAIN_LINE.fullmatch(line)] == refused[:-2]
    assert (shipped / "output" / "index.html").is_file()
    (shipped / "output").unlink()


@pytest.mark.parametrize("where", ["make variable", "environment"])
def test_allow_placeholders_builds_the_production_site_anyway(shipped, where):
    if where == "make variable":
        result = make(shipped, "publish", "ALLOW_PLACEHOLDERS=1")
    else:
        result = make(shipped, "publish", allow="1")
    assert result.returncode == 0, result.stderr
    assert (shipped / "output" / "index.html").is_file()
    assert "warning: pelicanconf.py:" in result.stderr
    (shipped / "output").unlink()


def test_every_shipped_fact_is_its_placeholder():
    settings = {**vars(pelicanconf)}
    for fact in FACTS:
        assert is_placeholder(settings[fact.setting], fact), fact.setting
    for setting in TRANSLATED:
        fact = next(f for f in FACTS if f.setting == setting)
        assert is_placeholder(pelicanconf.ENGLISH[setting], fact), setting


def test_an_example_of_a_real_value_is_never_a_placeholder():
    for fact in FACTS:
        for example in fact.examples.values():
            assert not is_placeholder(example, fact), fact.setting


def settings_with(**values):
    """Return settings where every fact has its example, except ``values``."""
    facts = {fact.setting: fact.examples["fi"] for fact in FACTS}
    return {
        **facts,
        **values,
        "DEFAULT_LANG": "fi",
        "MAIN_LANG": "fi",
        "OWNER_FACTS_FILE": str(ROOT / "pelicanconf.py"),
    }


def test_a_value_that_keeps_the_marker_is_still_a_placeholder():
    settings = settings_with(SUPERVISOR_TITLE="[[TÄYDENNÄ: nimike]] työnohjaaja")
    (problem,) = find_placeholders(settings)
    assert problem.field == "SUPERVISOR_TITLE"
    line = (
        (ROOT / "pelicanconf.py")
        .read_text("utf-8")
        .splitlines()[problem.line_number - 1]
    )
    assert line.startswith("SUPERVISOR_TITLE = ")


def test_a_fact_set_twice_is_named_where_it_is_set_last(tmp_path):
    settings_file = tmp_path / "pelicanconf.py"
    text = (ROOT / "pelicanconf.py").read_text("utf-8")
    again = 'SUPERVISOR_NAME = "Etunimi Sukunimi"\n'
    settings_file.write_text(text + "\n" + again, "utf-8")
    settings = settings_with(SUPERVISOR_NAME="Etunimi Sukunimi")
    settings["OWNER_FACTS_FILE"] = str(settings_file)
    (problem,) = find_placeholders(settings)
    assert problem.line_number == len(text.splitlines()) + 2


@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        ("SESSION_PLACES", ["workplace", "koti"], '"workplace", "premises"'),
        ("SUPERVISION_LANGUAGES", ["suomi"], "kaksikirjaimisina koodeina"),
        ("CONTACT_FORM_DATA_LEAVES_EU", "kyllä", "True tai False"),
        ("MESSAGE_RETENTION_MONTHS", "12", "numerolla"),
        ("CONTACT_FORM_PROCESSOR_COUNTRY", "Irlanti", 'kuten "US", "IE"'),
        ("SESSION_PLACES", "online", 'hakasulkeisiin, esimerkiksi ["workplace"'),
        ("SUPERVISOR_TRAINING", "Työnohjaajakoulutus 2015", "hakasulkeisiin"),
        ("CONTACT_FORM_PROCESSOR_COUNTRY", 12, 'kuten "US", "IE"'),
        ("CONTACT_PHONE", "p. 040 123 4567", 'pelkin numeroin, esimerkiksi "040'),
        ("CONTACT_PHONE", "040 123", "pelkin numeroin"),
        ("CONTACT_EMAIL", "maija", 'koko osoite, esimerkiksi "maija@'),
        (
            "SITE_ADDRESS",
            "www.tyonohjaus.fi",
            '"https://www.tyonohjaus-meikalainen.fi"',
        ),
        ("SITE_ADDRESS", "https://www.tyonohjaus.fi/index.html", "koko osoite"),
        ("SITE_ADDRESS", "https://www.tyonohjaus.fi/?x=1", "koko osoite"),
        ("CONTACT_FORM_ENDPOINT", "formspree.io/f/abcd", '"https://formspree.io/f/'),
    ],
)
def test_a_fact_that_cannot_be_read_is_named_with_what_it_may_be(
    setting, value, expected
):
    (problem,) = find_unreadable(settings_with(**{setting: value}))
    assert problem.field == setting
    assert problem.path == "pelicanconf.py"
    assert expected in problem.message


@pytest.mark.parametrize(
    ("address", "uri"),
    [
        ("etunimi.sukunimi@paikkamerkki.invalid", None),
        ("MAIJA@PAIKKA.INVALID", None),
        ("maija", None),
        ("maija@tyonohjaus", None),
        ("", None),
        ("maija@tyonohjaus-meikalainen.fi", "mailto:maija@tyonohjaus-meikalainen.fi"),
    ],
)
def test_only_a_real_email_address_becomes_a_mailto_link(address, uri):
    assert email_uri(address) == uri


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        (pelicanconf.CONTACT_PHONE, None),
        ("[[TÄYDENNÄ: puhelinnumero]]", None),
        ("040 XXX XXXX", None),
        ("", None),
        ("+358 40 123 4567", "tel:+358401234567"),
        ("(09) 123-4567", "tel:+35891234567"),
        ("+358 (0)40 123 4567", "tel:+358401234567"),
        ("p. 040 123 4567", None),
        ("040 123 4567 (arkisin)", None),
        ("040 123", None),
    ],
)
def test_only_a_phone_number_written_in_digits_becomes_a_tel_link(number, uri):
    assert phone_uri(number) == uri


def test_no_placeholder_becomes_a_tel_or_mailto_link(site, html_files):
    for file in html_files:
        page = BeautifulSoup((site / file).read_text("utf-8"), "html.parser")
        assert {a["href"] for a in page.select('[href^="tel:"]')} <= {"tel:112"}, file
        # The Speculation Rules name mailto: only to never fetch such links.
        for rules in page.find_all("script", type="speculationrules"):
            rules.decompose()
        assert "mailto:" not in str(page) and not page.select("[data-mailto]"), file
    debriefing = BeautifulSoup(
        (site / "palvelut/debriefing/index.html").read_bytes(), "html.parser"
    )
    assert debriefing.select('[href="tel:112"]')  # the check above saw the links


# --- The README's checklist, followed on a copy of the project -----------------

CHECKLIST = ("## Ylläpitäjän opas (suomeksi)", "### Ennen julkaisua")
ROW = re.compile(r"\| (?P<n>\d+) \| `(?P<setting>\w+)` \| [^|]+ \| (?P<where>[^|]+) \|")
# Where a checklist place is: the Finnish and the English page, and the part of it.
PLACES = {
    "sivuston nimi": (("/", "/en/"), "header .brand, title"),
    "alatunniste": (("/", "/en/"), "footer"),
    "Työnohjaaja-sivu": (("/tyonohjaaja/", "/en/about/"), "main"),
    "Yhteystiedot-sivu": (("/yhteystiedot/", "/en/contact/"), "main"),
    "Työnohjausprosessi-sivu": (
        ("/tyonohjausprosessi/", "/en/supervision-process/"),
        "main",
    ),
    "jälkipuintisivu": (
        ("/palvelut/debriefing/", "/en/services/debriefing/"),
        ".urgent-call",
    ),
    "tietosuojaseloste": (("/tietosuojaseloste/", "/en/privacy/"), "main"),
    "hakukoneet": (("/", "/en/"), 'script[type="application/ld+json"]'),
    "sivujen osoitteet": (("/", "/en/"), 'link[rel="canonical"]'),
    "yhteydenottolomake": (("/yhteystiedot/", "/en/contact/"), "form"),
}
# How a fact's example reads on a page, where that is not the example itself.
SHOWN = {
    "SESSION_PLACES": {
        "fi": "asiakkaan työpaikalla tai etäyhteydellä",
        "en": "at the client’s workplace or online",
    },
    "SUPERVISION_LANGUAGES": {"fi": "suomi ja englanti", "en": "Finnish and English"},
    "CONTACT_FORM_PROCESSOR_COUNTRY": {"fi": "Yhdysvallat", "en": "United States"},
    "CONTACT_FORM_DATA_LEAVES_EU": {
        "fi": "Viestisi siirretään siis EU:n ja ETA-alueen ulkopuolelle",
        "en": "Your message is therefore transferred outside the EU and EEA",
    },
    "MESSAGE_RETENTION_MONTHS": {"fi": "12 kuukautta", "en": "12 months"},
}


def checklist():
    """Return the README's checklist rows as (number, setting, places)."""
    part, heading = CHECKLIST
    text = section(section((ROOT / "README.md").read_text("utf-8"), part), heading)
    return [
        (int(row["n"]), row["setting"], [p.strip() for p in row["where"].split(",")])
        for row in ROW.finditer(text)
    ]


def test_checklist_lists_every_fact_in_the_order_of_the_check():
    rows = checklist()
    assert [n for n, _, _ in rows] == list(range(1, len(FACTS) + 1))
    assert [setting for _, setting, _ in rows] == [fact.setting for fact in FACTS]
    assert all(set(places) <= set(PLACES) for _, _, places in rows), rows


@pytest.fixture(scope="module")
def filled_site(tmp_path_factory):
    """Return the site `make publish` writes once every fact is filled in."""
    project = fill_in(copy_with_environment(tmp_path_factory.mktemp("filled") / "s"))
    result = make(project, "publish")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: pelicanconf.py" not in result.stderr
    return project / "output"


def parse(site, path):
    """Return a built page by its path."""
    return BeautifulSoup((site / path.lstrip("/") / "index.html").read_bytes(), "lxml")


def texts_of(page, selector):
    """Return the text and attribute values of the parts of a page, as one string."""
    found = []
    for element in page.select(selector):
        found.append(" ".join(element.get_text(" ").split()))
        found += [str(value) for value in element.attrs.values()]
    return " | ".join(found).replace("\u00a0", " ")


def strings_of(value):
    """Yield every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)


def shown(setting, lang, place):
    """Return the texts a fact's example must show in a place, in a language."""
    examples = EXAMPLES[setting]
    example = examples.get(lang, examples["fi"])
    if setting in SHOWN and place != "hakukoneet":
        return [SHOWN[setting][lang]]
    return as_list(example)


def as_list(value):
    """Return a value as a list of its items."""
    return list(value) if isinstance(value, (list, tuple)) else [value]


@pytest.mark.parametrize(
    ("setting", "place"),
    [(setting, place) for _, setting, places in checklist() for place in places],
)
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_filled_in_fact_shows_where_the_checklist_says(
    filled_site, setting, place, lang
):
    paths, selector = PLACES[place]
    page = parse(filled_site, paths[0] if lang == "fi" else paths[1])
    if place == "hakukoneet":
        found = set(strings_of(json.loads(page.select_one(selector).string)))
    else:
        found = texts_of(page, selector)
    for text in shown(setting, lang, place):
        assert text in found, (setting, place, lang, found)


@pytest.mark.parametrize(
    ("home", "name"),
    [
        ("/", "Työnohjaus Maija Meikäläinen"),
        ("/en/", "Work supervision Maija Meikäläinen"),
    ],
)
def test_site_name_follows_the_name_setting(filled_site, home, name):
    page = parse(filled_site, home)
    assert page.select_one("header .brand").text == name
    assert page.title.text == name
    assert page.select_one("footer").get_text().count("© Maija Meikäläinen") == 1


def test_filled_in_site_has_no_placeholder_left(filled_site):
    for file in filled_site.rglob("*.html"):
        html = file.read_text("utf-8")
        assert "Etunimi" not in html and "TÄYDENNÄ" not in html, file
        assert ".invalid" not in html, file


def test_filled_in_phone_and_email_become_links(filled_site):
    for path in ("/", "/yhteystiedot/", "/palvelut/debriefing/", "/tietosuojaseloste/"):
        page = parse(filled_site, path)
        assert page.select('a[href="tel:+358401234567"]'), path
    contact = parse(filled_site, "/yhteystiedot/")
    assert contact.select('a[href="mailto:maija@tyonohjaus-meikalainen.fi"]')
    failure = contact.select_one("#contact-failure")
    assert failure["data-mailto"] == "maija@tyonohjaus-meikalainen.fi"


def test_no_fact_about_the_practice_is_written_in_a_template_or_catalog():
    texts = {
        file: file.read_text("utf-8")
        for file in (ROOT / "theme" / "templates").rglob("*.html")
    }
    for file in (ROOT / "theme" / "translations").rglob("*.po"):
        catalog = read_po(file.open("rb"))
        texts[file] = "\n".join(
            "\n".join(as_list(part))
            for message in catalog
            if message.id
            for part in (message.id, message.string)
        )
    length = re.compile(
        r"\d+(?:[,.]\d+)?(?:[–-]\d+)?\s*(?:min|h\b|tunti|minuut|viiko|vuo[st]|kk\b|"
        r"kuukau|vuorokau|päivä|hour|minute|week|year|month|day|€|eur)",
        re.I,
    )
    phone = re.compile(r"\+?\d[\d ()-]{6,}\d")
    email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    # The form's hint of what an address looks like, in each language.
    shape_of_an_address = {"name@example.com", "nimi@esimerkki.fi"}
    names = {pelicanconf.SUPERVISOR_NAME, EXAMPLES["SUPERVISOR_NAME"]["fi"], "STOry"}
    for file, text in texts.items():
        assert not length.findall(text), (file, length.findall(text))
        assert not phone.findall(text), (file, phone.findall(text))
        assert set(email.findall(text)) <= shape_of_an_address, file
        assert not [name for name in names if name in text], file


def test_a_list_written_as_text_in_the_english_entry_is_named_with_its_language():
    english = {"SUPERVISOR_MEMBERSHIPS": "Finnish Association of Work Supervisors"}
    settings = {**settings_with(), "I18N_SUBSITES": {"en": english}}
    (problem,) = find_unreadable(settings)
    assert problem.field == "SUPERVISOR_MEMBERSHIPS (en)"
    assert '["Finnish Association of Work Supervisors (STOry)"]' in problem.message


@pytest.mark.parametrize("setting", ["SUPERVISOR_NAME", "BUSINESS_ID", "PRICING"])
def test_a_fact_left_empty_or_deleted_is_still_to_fill_in(setting):
    for value in ("", "  ", None):
        (problem,) = find_placeholders(settings_with(**{setting: value}))
        assert problem.field == setting
        assert ("(puuttuu)" if value is None else f'(nyt "{value}")') in problem.message
    assert find_placeholders(settings_with(CONTACT_PHONE="")) == []


def test_a_translated_fact_missing_from_its_language_is_not_taken_from_finnish():
    english = {f.setting: f.examples["en"] for f in FACTS if f.setting in TRANSLATED}
    del english["PRICING"]
    settings = settings_with(I18N_SUBSITES={"en": english})
    (problem,) = find_placeholders(settings)
    assert problem.field == "PRICING (en)"
    assert problem.message.startswith("täydennä hinnoittelu (puuttuu); ")
