"""`make new-service`: a Finnish and an English page that build at once."""

import shutil
import sys

import pytest
from conftest import copy_with_environment, parse_page, run_command, run_pelican

from scripts.project_copy import copy_project
from supervision_site.core.front_matter import read_front_matter
from supervision_site.owner_facts.facts import find_markers

FI_PAGE = "content/fi/palvelut/uravalmennus.md"
EN_PAGE = "content/en/services/career-coaching.md"
SERVICE_FIELDS = ("Title", "Summary", "Key", "Order", "Format", "Session")
SERVICE_FIELDS += ("Interval", "Contract", "Process")


def new_service(project, *arguments):
    """Run the copy's new-service command; return the run."""
    return run_command([sys.executable, "scripts/new_service.py", *arguments], project)


def fields(file):
    """Return the front-matter fields of a page as a dict."""
    return {field.name: field.value for field in read_front_matter(file).fields}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Return a project copy with a new service written by the command."""
    project = copy_project(tmp_path_factory.mktemp("new-service"))
    result = new_service(
        project, "coaching", "--fi", "uravalmennus", "--en", "career-coaching"
    )
    assert result.returncode == 0, result.stderr
    return project


def test_finnish_page_has_every_field_and_the_next_order(project):
    written = fields(project / FI_PAGE)
    assert tuple(written) == SERVICE_FIELDS
    assert (written["Key"], written["Order"]) == ("coaching", "7")


def test_english_page_shares_the_key_and_takes_the_facts_from_finnish(project):
    written = fields(project / EN_PAGE)
    assert (tuple(written), written["Key"]) == (("Title", "Summary", "Key"), "coaching")


def test_each_page_explains_its_fields_in_a_comment_with_examples(project):
    finnish = (project / FI_PAGE).read_text("utf-8")
    comment = finnish[finnish.index("<!--") : finnish.index("-->")]
    for name in SERVICE_FIELDS:
        assert f"\n{name} " in comment
    assert "1,5 h" in comment
    assert "Session: 60 minutes" in (project / EN_PAGE).read_text("utf-8")


def test_the_new_pages_build_at_once_in_both_languages(project, tmp_path):
    result = run_pelican(project / "content", tmp_path)
    assert result.returncode == 0, result.stderr
    for path, title in (
        ("/palvelut/uravalmennus/", "[[TÄYDENNÄ: palvelun nimi]]"),
        ("/en/services/career-coaching/", "[[TÄYDENNÄ: the name of the service]]"),
    ):
        page = parse_page(tmp_path, path)
        assert page.h1.text.strip() == title
        assert "<!--" not in str(page.main)


def test_the_new_pages_hold_back_a_publish_until_their_text_is_written(project):
    marked = {(p.path, p.line_number) for p in find_markers(project / "content")}
    for page in (FI_PAGE, EN_PAGE):  # the title, line 1, is the owner's to write too
        assert (f"content/{page[8:]}", 1) in marked


def test_the_new_pages_pass_the_spell_check(project):
    result = run_command([sys.executable, "-m", "spellcheck", "content"], project)
    assert result.returncode == 0, result.stdout


def test_file_names_default_to_the_key(tmp_path):
    project = copy_project(tmp_path)
    assert new_service(project, "mentoring").returncode == 0
    assert fields(project / "content/fi/palvelut/mentoring.md")["Key"] == "mentoring"
    assert (project / "content/en/services/mentoring.md").is_file()


def test_a_missing_folder_or_a_page_not_in_utf8_is_told_plainly(tmp_path):
    project = copy_project(tmp_path)
    about = project / "content/fi/tyonohjaaja.md"
    about.write_bytes(about.read_text("utf-8").encode("latin-1"))
    result = new_service(project, "mentoring")
    assert result.returncode == 0, result.stderr
    shutil.rmtree(project / "content/en")
    result = new_service(project, "coaching")
    assert (result.returncode, result.stderr) == (
        1,
        "content/en/ is missing; nothing written\n",
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["group"], 'KEY: "group" is already the Key of a page; choose another'),
        (["Ura"], 'KEY: "Ura" is not a Key; use lower-case letters a–z'),
        (["coaching", "--fi", "Ura valmennus"], 'FI: "Ura valmennus" cannot be a file'),
        (
            ["coaching", "--fi", "ryhmatyonohjaus"],
            "content/fi/palvelut/ryhmatyonohjaus.md exists already; nothing written",
        ),
    ],
)
def test_a_wrong_request_writes_nothing_and_says_why(tmp_path, arguments, message):
    project = copy_project(tmp_path)
    before = sorted(project.rglob("*.md"))
    result = new_service(project, *arguments)
    assert result.returncode == 1
    assert result.stderr.startswith(message)
    assert sorted(project.rglob("*.md")) == before


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["KEY="], "KEY: missing; name the service in a short word, e.g. make "),
        (["KEY=-x"], 'KEY: "-x" is not a Key; use lower-case letters'),
        (["KEY=coaching", "FI=-ura"], 'FI: "-ura" cannot be a file name'),
    ],
)
def test_make_new_service_tells_a_missing_or_odd_argument_plainly(
    tmp_path, arguments, message
):
    project = copy_with_environment(tmp_path / "site")
    before = sorted(project.rglob("*.md"))
    make = ["make", "--no-print-directory", "new-service", *arguments]
    result = run_command(make, project)
    assert result.returncode != 0
    assert result.stderr.startswith(message), result.stderr
    assert sorted(project.rglob("*.md")) == before
