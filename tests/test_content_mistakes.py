"""The owner's mistakes: what `make publish` says of each; nothing is published.

Each case breaks a copy of the project and builds it with scripts/build.py as
the Makefile does. The owner sees exactly the expected lines, each naming the
file (and line) and the field, then how many problems there were; never a
traceback or Pelican's timestamped columns; and output/ stays as it was.
"""

import re
import shutil
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, parse_page, run_command
from filled_in import fill_in

from scripts.project_copy import copy_project

GROUP_FI = "content/fi/palvelut/ryhmatyonohjaus.md"
GROUP_EN = "content/en/services/group-supervision.md"
TEAM_EN = "content/en/services/team-supervision.md"
ABOUT_FI = "content/fi/tyonohjaaja.md"
ABOUT_EN = "content/en/about.md"
FIELD_NAMES = (
    "Title, Summary, Key, Template, Save_as, URL, Status, Slug, Menu_title, Order, "
    "Format, Session, Interval, Contract, Process"
)
# Lines that more than one mistake gives.
GROUP_FI_SESSION_IN_WORDS = (
    f'{GROUP_FI}:6: Session: "puolitoista" is not a length of time; '
    'write for example "90 min" or "1,5 h"'
)
GROUP_FI_WITHOUT_ENGLISH = (
    f'{GROUP_FI}:3: Key: "group" has no English page; add one in '
    'content/en/services/ with the line "Key: group"'
)
GROUP_EN_WITHOUT_FINNISH = (
    f'{GROUP_EN}:3: Key: "group" is not the Key of any Finnish service; the '
    "keys are debriefing, expert, individual, manager, team"
)
PREVIOUS_SITE = {
    "index.html": b"<!doctype html><title>The site as it was</title>",
    "theme/css/site.css": b"body { color: black; }",
}
# Every line the owner may see: ours, Pelican's as plain lines, and the summaries.
PLAIN_LINE = re.compile(
    r"(?:content/[\w/.-]*|pelicanconf\.py)(?::\d+)?: [\w ]+: .+"
    r"|(?:warning|error): .+"
    r"|The site was not built: fix the \d+ problem\(s\) above and run again\."
    r"|Nothing was published: output/ is as it was\."
)


@dataclass(frozen=True)
class Edit:
    """One change to a file of the copy: ``old`` replaced by ``new``, or bytes."""

    path: str
    old: str = ""
    new: str = ""
    data: bytes | None = None  # the file's whole new content, when given
    removed: bool = False

    def apply(self, project):
        """Make the change in the copy."""
        file = project / self.path
        if self.removed:
            file.unlink()
        elif self.data is not None:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(self.data)
        else:
            self.replace(file)

    def replace(self, file):
        """Replace the first ``old`` in a text file with ``new``."""
        text = file.read_text("utf-8")
        assert self.old in text, f"{self.old!r} is not in {self.path}"
        file.write_text(text.replace(self.old, self.new, 1), "utf-8")


def latin_1(path):
    """Return an Edit that saves a file of the real project in Latin-1."""
    return Edit(path, data=(ROOT / path).read_text("utf-8").encode("latin-1"))


NEW_PAGE = b"Title: Testi\nSummary: Uusi sivu.\nKey: testi\n\nTeksti.\n"


def misplaced(path):
    """Return the line that names a page written outside the language folders."""
    return (
        f"{path}: file: is not a page of the site: a page is a .md file in "
        "content/fi/ or content/en/; move or rename it"
    )


MISTAKES = {
    "a title with a < in it": (
        [Edit(ABOUT_FI, "Title: Työnohjaaja", "Title: Työnohjaaja <3")],
        [
            f'{ABOUT_FI}:1: Title: "Työnohjaaja <3" holds "<" or ">", which the page '
            "cannot show as written (they mark HTML); write the title without them"
        ],
    ),
    "a service drafted in the main language only": (
        [Edit(GROUP_FI, "Key: group", "Key: group\nStatus: draft")],
        [
            f'{GROUP_FI}:4: Status: "draft", but its translation {GROUP_EN} is '
            "published; give that page the same Status, or publish both"
        ],
    ),
    "a menu Key and an urgent service that are wrong": (
        [
            Edit("pelicanconf.py", '"process", "about"', '"prosess", "about"'),
            Edit(
                "pelicanconf.py",
                'URGENT_SERVICE_KEY = "debriefing"',
                'URGENT_SERVICE_KEY = "about"',
            ),
        ],
        [
            re.compile(
                r'pelicanconf\.py: MENU_KEYS: "prosess" is not the Key of any page; '
                r"the Keys are about, contact, .+"
            ),
            'pelicanconf.py: URGENT_SERVICE_KEY: "about" is not a service; name a '
            'service\'s Key, such as "debriefing", or write ""',
        ],
    ),
    "a link to a document that is missing": (
        [
            Edit(
                ABOUT_FI,
                "## Taustani",
                "[Esite]({static}/images/esite.pdf)\n\n## Taustani",
            )
        ],
        [
            f"{ABOUT_FI}:8: link: the file “esite.pdf” is not in content/images/; "
            "save it there under that name, or correct the name: "
            "[description]({static}/images/esite.pdf)"
        ],
    ),
    "a page saved with .MD or .txt": (
        [
            Edit("content/fi/testi.MD", data=NEW_PAGE),
            Edit("content/en/notes.txt", data=b"A note."),
        ],
        [
            "content/en/notes.txt: file: is not published: pages are .md files, "
            "and pictures go in content/images/; rename or move it",
            "content/fi/testi.MD: file: is not published: pages are .md files, "
            "and pictures go in content/images/; rename or move it",
        ],
    ),
    "a page without text": (
        [Edit(ABOUT_FI, data=NEW_PAGE.split(b"\n\n")[0].replace(b"testi", b"about"))],
        [
            f"{ABOUT_FI}: text: the page has no text after its fields; write it "
            "after an empty line"
        ],
    ),
    "a script written in a page": (
        [Edit(ABOUT_FI, "## Taustani", "<script>alert('Hei')</script>\n\n## Taustani")],
        [
            f"{ABOUT_FI}:8: script: a page's text cannot run a script (the site's "
            "security policy blocks it); remove the <script> from the text"
        ],
    ),
    "a summary wrapped onto a second line": (
        [
            Edit(
                ABOUT_FI,
                "koulutus, jäsenyydet ja tausta.",
                "koulutus,\njäsenyydet ja tausta.",
            )
        ],
        [
            f'{ABOUT_FI}:3: fields: "jäsenyydet ja tausta." is not a field "Name: '
            'value", so the fields end there and those after it are read as text; '
            "add its colon, or if it continues the field above, join it to that line",
        ],
    ),
    "a service's translation outside its services folder": (
        [
            Edit(GROUP_EN, removed=True),
            Edit(
                "content/en/group-supervision.md", data=(ROOT / GROUP_EN).read_bytes()
            ),
        ],
        [
            'content/en/group-supervision.md:3: Key: "group" is the Key of a service; '
            "move this page into content/en/services/"
        ],
    ),
    "a page outside the language folders": (
        [Edit("content/testi.md", data=NEW_PAGE)],
        [misplaced("content/testi.md")],
    ),
    "a page saved with another suffix": (
        [Edit("content/fi/testi.markdown", data=NEW_PAGE)],
        [misplaced("content/fi/testi.markdown")],
    ),
    "a folder of a language the site has not": (
        [Edit("content/sv/testi.md", data=NEW_PAGE)],
        [misplaced("content/sv/testi.md")],
    ),
    "a value that is not a length of time": (
        [Edit(GROUP_FI, "Session: 1,5 h", "Session: puolitoista")],
        [GROUP_FI_SESSION_IN_WORDS],
    ),
    "a fact missing in both languages": (
        [Edit(GROUP_FI, "Format: ryhmä\n")],
        [
            f'{GROUP_FI}: Format: missing; write "Format: yksilö", "Format: ryhmä" '
            'or "Format: yksilö, ryhmä"'
        ],
    ),
    "a missing title": (
        [Edit(ABOUT_FI, "Title: Työnohjaaja\n")],
        [
            f"{ABOUT_FI}: Title: missing; add a line such as "
            '"Title: Ryhmätyönohjaus" at the top'
        ],
    ),
    "a summary too long for search engines": (
        [Edit(ABOUT_EN, "Summary: ", "Summary: " + "Very " * 40)],
        [
            re.compile(
                re.escape(f"{ABOUT_EN}:2: Summary: ")
                + r"\d+ characters, more than the 160 search engines show; shorten it"
            )
        ],
    ),
    "a misspelt field name": (
        [Edit(GROUP_EN, "Key: group", "Key: group\nSesion: 1.5 hours")],
        [f'{GROUP_EN}:4: Sesion: unknown field; did you mean "Session: 1.5 hours"?'],
    ),
    "an unknown field": (
        [Edit(GROUP_EN, "Key: group", "Key: group\nColour: blue")],
        [f"{GROUP_EN}:4: Colour: unknown field; the fields are {FIELD_NAMES}"],
    ),
    "a service key that names no service": (
        [Edit(GROUP_EN, "Key: group", "Key: gruop")],
        [
            f'{GROUP_EN}:3: Key: "gruop" is not the Key of any Finnish service; '
            'did you mean "group"?',
            GROUP_FI_WITHOUT_ENGLISH,
        ],
    ),
    "two pages of a language with one key": (
        [Edit("content/en/privacy.md", "Key: privacy", "Key: contact")],
        [
            'content/en/privacy.md:3: Key: "contact" is also the Key of '
            "content/en/contact.md; give each page its own Key",
            'content/fi/tietosuojaseloste.md:3: Key: "privacy" has no English page; '
            'add one in content/en/ with the line "Key: privacy"',
        ],
    ),
    "a service without its translation": (
        [Edit(GROUP_EN, removed=True)],
        [GROUP_FI_WITHOUT_ENGLISH],
    ),
    "languages that disagree": (
        [Edit(GROUP_EN, "Key: group", "Key: group\nSession: 2 hours")],
        [
            f'{GROUP_EN}:4: Session: "2 hours" here but "1,5 h" in {GROUP_FI}; '
            "write the same in both, or leave it out of one"
        ],
    ),
    "a page without a key": (
        [Edit(ABOUT_FI, "Key: about\n")],
        [
            f'{ABOUT_EN}:3: Key: "about" has no Finnish page; add one in '
            'content/fi/ with the line "Key: about"',
            f"{ABOUT_FI}: Key: missing; write the same short name in both "
            'languages, e.g. "Key: group"',
        ],
    ),
    "an unknown template": (
        [Edit("content/fi/palvelut.md", "Template: services", "Template: palvelut")],
        [
            'content/fi/palvelut.md:4: Template: "palvelut" is not a template; '
            "write one of about, base, contact, home, page, privacy, process, service, "
            "services"
        ],
    ),
    "a picture that is not in content/images/": (
        [
            Edit(
                GROUP_FI,
                "## Kenelle",
                "![Ryhmä]({static}/images/ryhma.jpg)\n\n## Kenelle",
            )
        ],
        [
            f"{GROUP_FI}:13: image: the picture “ryhma.jpg” is not in content/images/; "
            "save it there under that name, or correct the name: "
            "![description]({static}/images/ryhma.jpg)"
        ],
    ),
    "an unknown status": (
        [Edit(GROUP_FI, "Key: group", "Key: group\nStatus: luonnos")],
        [
            f'{GROUP_FI}:4: Status: "luonnos" is not a status; write one of draft, '
            "hidden, published"
        ],
    ),
    "an unknown template on a service page": (
        [Edit(GROUP_FI, "Key: group", "Key: group\nTemplate: palvelu")],
        [
            f'{GROUP_FI}:4: Template: "palvelu" is not a template; '
            "write one of about, base, contact, home, page, privacy, process, service, "
            "services"
        ],
    ),
    "a key written twice": (
        [Edit(GROUP_FI, "Key: group", "Key: group\nKey: ryhma")],
        [
            GROUP_EN_WITHOUT_FINNISH,
            f'{GROUP_FI}:3: Key: written 2 times; keep one line "Key: …"',
        ],
    ),
    "a service field outside the services folder": (
        [Edit(ABOUT_FI, "Key: about", "Key: about\nOrder: 1")],
        [
            f"{ABOUT_FI}:4: Order: only a service page takes this field (a file in "
            "a folder such as content/fi/palvelut/); move the file there or remove "
            "the line"
        ],
    ),
    "the page of a role missing in every language": (
        [
            Edit("content/fi/kiitos.md", "Key: thanks", "Key: kiitos"),
            Edit("content/en/thank-you.md", "Key: thanks", "Key: kiitos"),
        ],
        [
            'content/: Key: no page has "Key: thanks", which PAGE_ROLES in '
            "pelicanconf.py names for the site's thanks page; add that line to the page"
        ],
    ),
    "a broken link to another page": (
        [Edit(GROUP_FI, "../tyonohjausprosessi.md", "../prosessi.md")],
        [
            f"{GROUP_FI}:19: link: “{{filename}}../prosessi.md” leads to no page of "
            "the site; link to another page by its file, e.g. "
            "[Yhteystiedot]({filename}/fi/yhteystiedot.md)"
        ],
    ),
    "a date": (
        [Edit(GROUP_FI, "Key: group", "Key: group\nDate: eilen")],
        [
            f'{GROUP_FI}:4: Date: "eilen" is not a date, and the pages of this site '
            'need none; remove the line "Date: eilen"'
        ],
    ),
    "a field line without its colon": (
        [Edit(GROUP_FI, "Summary: ", "Summary ")],
        [
            re.compile(
                rf'{GROUP_FI}:2: fields: "Summary Ryhmätyönohjauksessa .+" is not a '
                r'field "Name: value", so the fields end there and those after it '
                r"are read as text; add its colon, or if it continues the field "
                r"above, join it to that line"
            ),
        ],
    ),
    "an empty file": (
        [Edit(ABOUT_FI, data=b"")],
        [
            f'{ABOUT_FI}: file: is empty; start it with the lines "Title: …", '
            '"Summary: …" and "Key: …", then an empty line and the text'
        ],
    ),
    "a file that is not UTF-8": (
        [latin_1(ABOUT_FI)],
        [
            f"{ABOUT_FI}: file: is not saved as UTF-8 text; open it in a text "
            "editor and save it with the encoding UTF-8"
        ],
    ),
    "every mistake of one build at once": (
        [
            Edit(GROUP_FI, "Session: 1,5 h", "Session: puolitoista"),
            Edit(GROUP_EN, "Key: group", "Key: group\nInterval: monthly"),
            Edit(TEAM_EN, "Key: team", "Key: team\nFormat: team"),
            Edit(ABOUT_EN, "Key: about", "Key: about\nColour: blue"),
        ],
        [
            f"{ABOUT_EN}:4: Colour: unknown field; the fields are {FIELD_NAMES}",
            f'{GROUP_EN}:4: Interval: "monthly" is not a length of time; write for '
            'example "4–6 viikkoa" or "every 4–6 weeks"',
            f'{TEAM_EN}:4: Format: "team" is not a format; write "yksilö", "ryhmä" '
            'or "yksilö, ryhmä"',
            GROUP_FI_SESSION_IN_WORDS,
        ],
    ),
}


@pytest.fixture
def project(tmp_path):
    """Return a copy of the project, its facts filled in, beside a published site."""
    fill_in(copy_project(tmp_path))
    for name, data in PREVIOUS_SITE.items():
        (tmp_path / "output" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "output" / name).write_bytes(data)
    return tmp_path


def publish(project):
    """Build the copy as `make publish` does; return its exit code and stderr lines."""
    result = run_command(
        [sys.executable, "scripts/build.py", "publishconf.py"], project
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stderr.splitlines()


def files_of(folder):
    """Return every file under ``folder`` with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def matches(line, expected):
    """Return whether an owner's line is the expected text or fits its pattern."""
    if isinstance(expected, re.Pattern):
        return expected.fullmatch(line) is not None
    return line == expected


@pytest.mark.parametrize(("edits", "expected"), MISTAKES.values(), ids=MISTAKES)
def test_a_mistake_is_told_in_plain_lines_and_nothing_is_published(
    project, edits, expected
):
    for edit in edits:
        edit.apply(project)
    code, lines = publish(project)
    owner_lines = [n for n in lines if n.startswith(("content/", "pelicanconf.py"))]
    assert len(owner_lines) == len(expected), lines
    assert all(map(matches, owner_lines, expected)), lines
    assert [line for line in lines if not PLAIN_LINE.fullmatch(line)] == []
    assert lines[-2:] == [
        f"The site was not built: fix the {len(expected)} problem(s) above and run "
        "again.",
        "Nothing was published: output/ is as it was.",
    ]
    assert code == 1
    assert files_of(project / "output") == PREVIOUS_SITE


def test_a_template_error_is_one_line_with_the_template_and_its_line(project):
    Edit(
        "theme/templates/page.html",
        "{% block content %}",
        "{% block content %}{{ x( }}",
    ).apply(project)
    code, lines = publish(project)
    assert re.fullmatch(
        r"error: TemplateSyntaxError: .+ \(theme/templates/page\.html:\d+\)", lines[0]
    )
    assert lines[1:] == ["Nothing was published: output/ is as it was."]
    assert code == 1
    assert files_of(project / "output") == PREVIOUS_SITE


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("SUPERVISOR_NAME = Maija Meikäläinen", r"error: .*SyntaxError: .+"),
        ("SUPERVISOR_NAME = Maija", r"error: NameError: name 'Maija' is not defined"),
    ],
)
def test_a_setting_written_without_quotes_is_one_line_with_its_line(
    project, written, expected
):
    settings = (project / "pelicanconf.py").read_text("utf-8")
    line = next(
        number
        for number, text in enumerate(settings.splitlines(), 1)
        if text.startswith("SUPERVISOR_NAME = ")
    )
    Edit("pelicanconf.py", 'SUPERVISOR_NAME = "Maija Meikäläinen"', written).apply(
        project
    )
    code, lines = publish(project)
    assert re.fullmatch(rf"{expected} \(pelicanconf\.py:{line}\)", lines[0]), lines
    assert lines[1:] == ["Nothing was published: output/ is as it was."]
    assert code == 1
    assert files_of(project / "output") == PREVIOUS_SITE


def test_a_misspelt_setting_is_named_once_and_the_site_is_published(project):
    Edit("pelicanconf.py", "SEARCH_META_LOCALES =", "SEARCH_META_LOCALE =").apply(
        project
    )
    code, lines = publish(project)
    assert lines == [
        "warning: [supervision_site] SEARCH_META_LOCALE is not a setting of the site "
        "and is left unused; did you mean SEARCH_META_LOCALES?"
    ]
    assert code == 0


def test_a_good_build_prints_no_warning_and_publishes(project):
    code, lines = publish(project)
    assert (code, lines) == (0, [])
    assert (project / "output" / "index.html").read_bytes() != PREVIOUS_SITE[
        "index.html"
    ]


def test_a_custom_domain_is_written_to_cname_only_as_the_sites_own(project):
    Edit(
        "pelicanconf.py", 'CUSTOM_DOMAIN = ""', 'CUSTOM_DOMAIN = "https://www.x.fi/"'
    ).apply(project)
    code, lines = publish(project)
    assert code == 1
    assert lines[0] == (
        'pelicanconf.py: CUSTOM_DOMAIN: "https://www.x.fi/" is not the domain of the '
        "site's address (https://www.tyonohjaus-meikalainen.fi); write only its "
        'name, "www.tyonohjaus-meikalainen.fi"'
    )
    assert files_of(project / "output") == PREVIOUS_SITE
    Edit(
        "pelicanconf.py",
        'CUSTOM_DOMAIN = "https://www.x.fi/"',
        'CUSTOM_DOMAIN = "www.tyonohjaus-meikalainen.fi"',
    ).apply(project)
    assert publish(project) == (0, [])
    cname = (project / "output/CNAME").read_text("utf-8")
    assert cname == "www.tyonohjaus-meikalainen.fi\n"


def test_the_photo_setting_shows_one_picture_on_both_about_pages(project):
    (project / "content/images").mkdir(exist_ok=True)
    shutil.copy(
        ROOT / "theme/static/images/social-card.png", project / "content/images"
    )
    Edit(
        "pelicanconf.py",
        'SUPERVISOR_PHOTO = ""',
        'SUPERVISOR_PHOTO = "images/social-card.png"',
    ).apply(project)
    code, lines = publish(project)
    assert (code, lines) == (0, [])
    for path in ("/tyonohjaaja/", "/en/about/"):
        photo = parse_page(project / "output", path).select_one("img.portrait")
        assert urlsplit(photo["src"]).path == "/images/social-card.png", path
    assert (project / "output/images/social-card.png").is_file()


def test_a_fact_left_out_of_one_language_is_taken_from_the_other(project):
    assert "Session:" not in (project / GROUP_EN).read_text("utf-8")
    code, lines = publish(project)
    assert (code, lines) == (0, [])
    page = parse_page(project / "output", "/en/services/group-supervision/")
    assert page.find("time", datetime="PT90M").text == "1.5\u00a0hours"
