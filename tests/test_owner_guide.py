"""The guide's "add a service" steps, in Finnish and in English, taken literally.

The test reads the steps from the guide's text: it runs each command shown in
a ``sh`` block with make, and writes each block of ``Name: value`` lines into
the file the step names. Then the new service must be on the built site.
"""

import re
import shlex
import shutil
import textwrap

import pytest
from conftest import ROOT, SITEURL, parse_page, run_command, section

from scripts.project_copy import copy_project

# Each guide: its file, the heading of the guide in it, its "add a service" section.
GUIDES = {
    "fi": ("README.md", "## Ylläpitäjän opas (suomeksi)", "### Palvelun lisääminen"),
    "en": (
        "docs/owners-guide.md",
        "# The owner's guide (English)",
        "## Adding a service",
    ),
}
BLOCK = re.compile(r"^[ \t]*```(?P<lang>\w*)\n(?P<body>.*?)^[ \t]*```", re.M | re.S)
CONTENT_FILE = re.compile(r"`(content/[\w/.-]+\.md)`")
FIELD = re.compile(r"(?P<name>[A-Za-z_]+): (?P<value>.*)")


def guide_steps(guide):
    """Return the numbered steps of a guide's "add a service" section."""
    file, part, heading = GUIDES[guide]
    guide_text = section((ROOT / file).read_text("utf-8"), part)
    return re.split(r"^\d+\. ", section(guide_text, heading), flags=re.M)[1:]


def run(project, line):
    """Run one command of the guide in the project, with the project's own venv."""
    command = shlex.split(line)
    assert command[0] == "make", f"the guide asks for {line!r}"
    command[1:1] = [f"VENV={ROOT / '.venv'}", "--no-print-directory"]
    result = run_command(command, project)
    assert result.returncode == 0, f"{line}\n{result.stdout}{result.stderr}"


def write_fields(file, lines):
    """Set each ``Name: value`` line in a page's fields, as the owner edits them."""
    text = file.read_text("utf-8")
    header, body = text.split("\n\n", 1)
    fields = header.splitlines()
    for line in lines:
        name = FIELD.fullmatch(line)["name"]
        same = [i for i, field in enumerate(fields) if field.startswith(name + ":")]
        if same:
            fields[same[0]] = line
        else:
            fields.append(line)
    file.write_text("\n".join(fields) + "\n\n" + body, "utf-8")


def follow(project, step):
    """Do what one step of the guide shows: run its commands, write its fields."""
    for block in BLOCK.finditer(step):
        lines = textwrap.dedent(block["body"]).strip().splitlines()
        if block["lang"] == "sh":
            for line in lines:
                run(project, line)
        elif all(FIELD.fullmatch(line) for line in lines):
            before = step[: block.start()]
            [*_, path] = CONTENT_FILE.findall(before)
            write_fields(project / path, lines)


@pytest.fixture(scope="module", params=sorted(GUIDES))
def guided_site(request, tmp_path_factory):
    """Return the built site of a project copy after following one guide's steps."""
    project = copy_project(tmp_path_factory.mktemp(f"guide-{request.param}"))
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)  # keeps the venv up to date
    steps = guide_steps(request.param)
    assert len(steps) >= 3
    for step in steps:
        follow(project, step)
    return project / "output"


def test_the_guide_shows_a_command_and_fields_for_both_languages():
    for guide in GUIDES:
        steps = "\n".join(guide_steps(guide))
        assert "make new-service KEY=coaching" in steps
        assert "content/fi/palvelut/uravalmennus.md" in steps
        assert "content/en/services/career-coaching.md" in steps


@pytest.mark.parametrize(
    ("home", "url", "title"),
    [
        ("/", "/palvelut/uravalmennus/", "Uravalmennus"),
        ("/en/", "/en/services/career-coaching/", "Career coaching"),
    ],
)
def test_new_service_is_last_in_the_footer_and_the_cards(guided_site, home, url, title):
    page = parse_page(guided_site, home)
    assert page.select("footer nav a")[-1]["href"] == SITEURL + url
    card = page.select(".cards .card-title a")[-1]
    assert (card["href"], card.text.strip()) == (SITEURL + url, title)


# The new service's row in each language's comparison table.
NEW_ROWS = {
    "/palvelut/": [
        "Uravalmennus",
        "yksilöohjaus",
        "60\u00a0minuuttia",
        "2–4\u00a0viikon välein",
        "3 tai 6\u00a0kuukaudeksi",
    ],
    "/en/services/": [
        "Career coaching",
        "individual",
        "60\u00a0minutes",
        "every 2–4\u00a0weeks",
        "3 or 6\u00a0months",
    ],
}


def test_new_service_has_its_facts_in_both_tables(guided_site):
    for overview, cells in NEW_ROWS.items():
        row = parse_page(guided_site, overview).select("tbody tr")[-1]
        assert [cell.text for cell in row(["th", "td"])] == cells
    page = parse_page(guided_site, "/en/services/career-coaching/")
    assert page.select_one("dl.facts time")["datetime"] == "PT60M"
