"""Mistakes in the content: one plain line each, all at once, and nothing written."""

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run_pelican

GROUP_FI = "content/fi/palvelut/ryhmatyonohjaus.md"
GROUP_EN = "content/en/services/group-supervision.md"
TEAM_EN = "content/en/services/team-supervision.md"
PREVIOUS_SITE = {
    "index.html": b"<!doctype html><title>The site as it was</title>",
    "theme/css/site.css": b"body { color: black; }",
}


@pytest.fixture
def project(tmp_path):
    """Return a copy of the real content, to break, beside an already built site."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    for name, data in PREVIOUS_SITE.items():
        (tmp_path / "output" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "output" / name).write_bytes(data)
    return tmp_path


def edit(project, path, old, new):
    """Replace one line's text in a content file of the copy."""
    file = project / path
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def build(project):
    """Build the copy into its output folder; return the run and the owner's lines."""
    result = run_pelican(project / "content", project / "output")
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    return result, lines


def files_of(folder):
    """Return every file under ``folder`` with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def assert_stopped_cleanly(project, result):
    """Check the build failed without a traceback and left the output as it was."""
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert files_of(project / "output") == PREVIOUS_SITE


def test_malformed_value_names_file_field_value_and_an_example(project):
    edit(project, GROUP_FI, "Session: 1,5 h", "Session: puolitoista")
    result, lines = build(project)
    assert lines == [
        f'{GROUP_FI}:6: Session: "puolitoista" is not a length of time; '
        'write for example "90 min" or "1,5 h"'
    ]
    assert_stopped_cleanly(project, result)


def test_missing_fact_in_both_languages_is_one_line(project):
    edit(project, GROUP_FI, "Format: ryhmä\n", "")
    result, lines = build(project)
    assert lines == [
        f'{GROUP_FI}: Format: missing; write "Format: yksilö", "Format: ryhmä" or '
        '"Format: yksilö, ryhmä"'
    ]
    assert_stopped_cleanly(project, result)


def test_fact_left_out_of_one_language_is_taken_from_the_other(project, tmp_path):
    assert "Session:" not in (project / GROUP_EN).read_text("utf-8")
    result, lines = build(project)
    assert (result.returncode, lines) == (0, [])
    page = BeautifulSoup(
        (project / "output/en/services/group-supervision/index.html").read_text(),
        "html.parser",
    )
    assert page.find("time", datetime="PT90M").text == "1.5\u00a0hours"


def test_missing_title_is_reported(project):
    edit(project, "content/fi/tyonohjaaja.md", "Title: Työnohjaaja\n", "")
    result, lines = build(project)
    assert lines == [
        "content/fi/tyonohjaaja.md: Title: missing; add a line such as "
        '"Title: Ryhmätyönohjaus" at the top'
    ]
    assert_stopped_cleanly(project, result)


def test_summary_too_long_is_reported(project):
    edit(project, "content/en/about.md", "Summary: ", "Summary: " + "Very " * 40)
    result, lines = build(project)
    assert len(lines) == 1
    assert lines[0].startswith("content/en/about.md:2: Summary: ")
    assert "more than the 160 search engines show; shorten it" in lines[0]
    assert_stopped_cleanly(project, result)


def test_misspelt_field_name_suggests_the_right_one(project):
    edit(project, GROUP_EN, "Key: group", "Key: group\nSesion: 1.5 hours")
    result, lines = build(project)
    assert lines == [
        f'{GROUP_EN}:4: Sesion: unknown field; did you mean "Session: 1.5 hours"?'
    ]
    assert_stopped_cleanly(project, result)


def test_unknown_service_key_suggests_the_nearest(project):
    edit(project, GROUP_EN, "Key: group", "Key: gruop")
    result, lines = build(project)
    assert lines == [
        f'{GROUP_EN}:3: Key: "gruop" is not the Key of any Finnish service; '
        'did you mean "group"?',
        f'{GROUP_FI}:3: Key: "group" has no English page; add one in content/en/ '
        'with the line "Key: group"',
    ]
    assert_stopped_cleanly(project, result)


def test_two_pages_with_one_key_in_a_language_are_reported(project):
    edit(project, "content/en/privacy.md", "Key: privacy", "Key: contact")
    result, lines = build(project)
    assert lines == [
        'content/en/privacy.md:3: Key: "contact" is also the Key of '
        "content/en/contact.md; give each page its own Key",
        'content/fi/tietosuojaseloste.md:3: Key: "privacy" has no English page; add '
        'one in content/en/ with the line "Key: privacy"',
    ]
    assert_stopped_cleanly(project, result)


def test_service_without_its_translation_is_reported(project):
    (project / GROUP_EN).unlink()
    result, lines = build(project)
    assert lines == [
        f'{GROUP_FI}:3: Key: "group" has no English page; add one in content/en/ '
        'with the line "Key: group"'
    ]
    assert_stopped_cleanly(project, result)


def test_languages_that_disagree_name_both_files(project):
    edit(project, GROUP_EN, "Key: group", "Key: group\nSession: 2 hours")
    result, lines = build(project)
    assert lines == [
        f'{GROUP_EN}:4: Session: "2 hours" here but "1,5 h" in {GROUP_FI}; '
        "write the same in both, or leave it out of one"
    ]
    assert_stopped_cleanly(project, result)


def test_page_without_a_key_is_reported_not_crashed_on(project):
    edit(project, "content/fi/tyonohjaaja.md", "Key: about\n", "")
    result, lines = build(project)
    assert lines == [
        'content/en/about.md:3: Key: "about" has no Finnish page; add one in '
        'content/fi/ with the line "Key: about"',
        "content/fi/tyonohjaaja.md: Key: missing; write the same short name in both "
        'languages, e.g. "Key: group"',
    ]
    assert_stopped_cleanly(project, result)


def test_unknown_template_is_reported_not_crashed_on(project):
    edit(project, "content/fi/palvelut.md", "Template: services", "Template: palvelut")
    result, lines = build(project)
    assert lines == [
        'content/fi/palvelut.md:4: Template: "palvelut" is not a template; write one '
        "of about, base, contact, home, page, privacy, process, service, services"
    ]
    assert_stopped_cleanly(project, result)


def test_key_written_twice_is_reported_not_crashed_on(project):
    edit(project, GROUP_FI, "Key: group", "Key: group\nKey: ryhma")
    result, lines = build(project)
    assert lines == [
        f'{GROUP_EN}:3: Key: "group" is not the Key of any Finnish service; the keys '
        "are debriefing, expert, individual, manager, team",
        f'{GROUP_FI}:3: Key: written 2 times; keep one line "Key: …"',
    ]
    assert_stopped_cleanly(project, result)


def test_service_field_outside_the_services_folder_is_reported(project):
    edit(project, "content/fi/tyonohjaaja.md", "Key: about", "Key: about\nOrder: 1")
    result, lines = build(project)
    assert lines == [
        "content/fi/tyonohjaaja.md:4: Order: only a service page takes this field (a "
        "file in a folder such as content/fi/palvelut/); move the file there or "
        "remove the line"
    ]
    assert_stopped_cleanly(project, result)


def test_one_build_reports_every_problem_and_how_many(project):
    edit(project, GROUP_FI, "Session: 1,5 h", "Session: puolitoista")
    edit(project, GROUP_EN, "Key: group", "Key: group\nInterval: monthly")
    edit(project, TEAM_EN, "Key: team", "Key: team\nFormat: team")
    edit(project, "content/en/about.md", "Key: about", "Key: about\nColour: blue")
    result, lines = build(project)
    assert [line.split(": ")[0:2] for line in lines] == [
        ["content/en/about.md:4", "Colour"],
        [f"{GROUP_EN}:4", "Interval"],
        [f"{TEAM_EN}:4", "Format"],
        [f"{GROUP_FI}:6", "Session"],
    ]
    assert result.stderr.strip().endswith(
        "The site was not built: fix the 4 problem(s) above and run again."
    )
    assert_stopped_cleanly(project, result)
