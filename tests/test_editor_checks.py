"""The editor's checks of a typed value say what the build says, word for word."""

import pytest
from conftest import run_pelican
from pelican.settings import read_settings

from editor.checks import UnknownField, check_value
from scripts.project_copy import copy_project

GROUP_FI = "content/fi/palvelut/ryhmatyonohjaus.md"
GROUP_EN = "content/en/services/group-supervision.md"


@pytest.fixture
def project(tmp_path):
    """Return a copy of the project, to change."""
    return copy_project(tmp_path / "project")


def settings_of(project):
    """Return the project's settings."""
    return read_settings(str(project / "pelicanconf.py"))


def edit(project, path, old, new):
    """Replace text in a content file of the copy."""
    file = project / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")


def build_lines(project):
    """Build the copy; return the build's lines about the content."""
    result = run_pelican(project / "content", project / "output")
    assert result.returncode == 1, result.stdout + result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("content/")]


def test_a_session_the_build_refuses_gets_the_builds_own_message(project):
    message = check_value(project, settings_of(project), GROUP_FI, "session", "ages")
    edit(project, GROUP_FI, "Session: 1,5 h", "Session: ages")
    assert build_lines(project) == [f"{GROUP_FI}:6: Session: {message}"]


def test_a_fact_its_translation_states_otherwise_gets_the_builds_line(project):
    edit(project, GROUP_EN, "Key: group", "Key: group\nSession: 1.5 hours")
    line = check_value(project, settings_of(project), GROUP_FI, "session", "2 h")
    edit(project, GROUP_FI, "Session: 1,5 h", "Session: 2 h")
    assert build_lines(project) == [line]


def test_a_page_without_its_key_is_checked_without_its_translations(project):
    edit(project, GROUP_FI, "Key: group\n", "")
    assert (
        check_value(project, settings_of(project), GROUP_FI, "session", "2 h") is None
    )


def test_a_summary_too_long_gets_the_builds_message(project):
    summary = " ".join(["Pitkä lause."] * 14)
    message = check_value(project, settings_of(project), GROUP_FI, "summary", summary)
    file = project / GROUP_FI
    lines = file.read_text("utf-8").splitlines(keepends=True)
    lines[1] = f"Summary: {summary}\n"
    file.write_text("".join(lines), "utf-8")
    assert build_lines(project) == [f"{GROUP_FI}:2: Summary: {message}"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("session", "2 h"),
        ("session", "90 minuuttia"),
        ("interval", ""),
        ("contract", "6 tai 12 kk"),
        ("process", "1-2 years"),
        ("title", "Ryhmätyönohjaus"),
    ],
)
def test_a_value_the_build_takes_passes(project, field, value):
    assert check_value(project, settings_of(project), GROUP_FI, field, value) is None


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("pelicanconf.py", "session"),
        ("content/../pelicanconf.py", "session"),
        ("content/../notes.md", "session"),
        ("content/fi/puuttuu.md", "session"),
        (GROUP_FI, "colour"),
    ],
)
def test_only_fields_of_pages_in_the_content_are_checked(project, path, field):
    (project / "notes.md").write_text("Session: 2 h\n", "utf-8")  # a page outside
    with pytest.raises(UnknownField):
        check_value(project, settings_of(project), path, field, "2 h")
