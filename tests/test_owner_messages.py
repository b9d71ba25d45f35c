"""What the owner sees when `make html` or `make publish` meets a content mistake.

Each test breaks a copy of the project, runs scripts/build.py there as the
Makefile does, and reads what it printed: plain lines naming the file, never
a traceback or Pelican's timestamped columns, and output/ left alone.
"""

import re
import subprocess
import sys

import pytest
from filled_in import fill_in

from scripts.project_copy import copy_project

GROUP_FI = "content/fi/palvelut/ryhmatyonohjaus.md"
GROUP_EN = "content/en/services/group-supervision.md"
ABOUT_FI = "content/fi/tyonohjaaja.md"
# Every line the owner may see: ours, Pelican's as plain lines, and the summaries.
PLAIN_LINE = re.compile(
    r"content/[\w/.-]+\.md(?::\d+)?: [\w ]+: .+"
    r"|(?:warning|error): .+"
    r"|The site was not built: .+"
    r"|Nothing was published: output/ is as it was\."
)


@pytest.fixture
def project(tmp_path):
    """Return a copy of the project, its facts filled in, to break."""
    return fill_in(copy_project(tmp_path))


def replace(project, path, old, new):
    """Replace text in a file of the copy."""
    file = project / path
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def publish(project):
    """Run the copy's build as `make publish` does; return its exit code and lines."""
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "publishconf.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr.splitlines()


def assert_plain_and_unpublished(project, code, lines):
    """Check the build stopped with plain lines only and published nothing."""
    assert code == 1
    assert lines, "the owner was told nothing"
    assert [line for line in lines if not PLAIN_LINE.fullmatch(line)] == []
    assert not (project / "output").exists()


def test_malformed_value(project):
    replace(project, GROUP_FI, "Session: 1,5 h", "Session: puolitoista")
    code, lines = publish(project)
    assert (
        f'{GROUP_FI}:6: Session: "puolitoista" is not a length of time; write '
        in (lines[0])
    )
    assert_plain_and_unpublished(project, code, lines)


def test_missing_translation(project):
    (project / GROUP_EN).unlink()
    code, lines = publish(project)
    assert lines[0] == (
        f'{GROUP_FI}:3: Key: "group" has no English page; add one in content/en/ '
        'with the line "Key: group"'
    )
    assert_plain_and_unpublished(project, code, lines)


def test_broken_filename_link(project):
    replace(project, GROUP_FI, "../tyonohjausprosessi.md", "../prosessi.md")
    code, lines = publish(project)
    assert lines[0].startswith(
        f"{GROUP_FI}:19: link: “{{filename}}../prosessi.md” leads to no page"
    )
    assert_plain_and_unpublished(project, code, lines)


def test_unknown_field(project):
    replace(project, GROUP_EN, "Key: group", "Key: group\nColour: blue")
    code, lines = publish(project)
    assert lines[0].startswith(f"{GROUP_EN}:4: Colour: unknown field; the fields are ")
    assert_plain_and_unpublished(project, code, lines)


def test_bad_date_names_the_field_and_the_fix(project):
    replace(project, GROUP_FI, "Key: group", "Key: group\nDate: eilen")
    code, lines = publish(project)
    assert lines[0] == (
        f'{GROUP_FI}:4: Date: "eilen" is not a date, and the pages of this site need '
        'none; remove the line "Date: eilen"'
    )
    assert_plain_and_unpublished(project, code, lines)


def test_field_line_without_its_colon(project):
    replace(project, GROUP_FI, "Summary: ", "Summary ")
    code, lines = publish(project)
    assert f"{GROUP_FI}: Summary: missing; add one sentence" in "\n".join(lines)
    assert_plain_and_unpublished(project, code, lines)


def test_empty_file(project):
    (project / ABOUT_FI).write_text("", "utf-8")
    code, lines = publish(project)
    assert lines[0] == (
        f'{ABOUT_FI}: file: is empty; start it with the lines "Title: …", '
        '"Summary: …" and "Key: …", then an empty line and the text'
    )
    assert_plain_and_unpublished(project, code, lines)


def test_file_that_is_not_utf8(project):
    text = (project / ABOUT_FI).read_text("utf-8")
    (project / ABOUT_FI).write_bytes(text.encode("latin-1"))
    code, lines = publish(project)
    assert lines[0] == (
        f"{ABOUT_FI}: file: is not saved as UTF-8 text; open it in a text editor "
        "and save it with the encoding UTF-8"
    )
    assert_plain_and_unpublished(project, code, lines)


def test_template_error_is_one_line_with_the_template_and_line(project):
    replace(
        project,
        "theme/templates/page.html",
        "{% block content %}",
        "{% block content %}{{ x( }}",
    )
    code, lines = publish(project)
    assert re.fullmatch(
        r"error: TemplateSyntaxError: .+ \(theme/templates/page\.html:\d+\)", lines[0]
    )
    assert_plain_and_unpublished(project, code, lines)


def test_a_good_build_prints_no_warning_or_error(project):
    code, lines = publish(project)
    assert code == 0, lines
    assert [line for line in lines if line.startswith(("warning", "error"))] == []
    assert (project / "output" / "index.html").is_file()
