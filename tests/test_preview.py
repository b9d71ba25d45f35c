"""`make serve`: every save rebuilds the preview and the open page reloads itself."""

import os
import re
import subprocess
import sys
import threading
import time

import pytest
from conftest import ROOT

from scripts.project_copy import copy_project

HOME = "content/fi/index.md"
WAIT = 60  # seconds; a generous ceiling on a busy machine, never a measured budget


class Preview:
    """The copy's scripts/serve.py on a free port, with what it printed so far."""

    def __init__(self, folder):
        self.folder = folder
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-u",
                "-m",
                "scripts.serve",
                "pelicanconf.py",
                "--port",
                "0",
            ],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines = []
        threading.Thread(target=self.read, daemon=True).start()
        found = self.wait_for(r"Preview: (http://\S+)/")
        self.url = found[1]

    def read(self):
        """Collect the preview's lines as they come."""
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern, after=0):
        """Return the match of the first line from ``after`` on matching ``pattern``."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                found = re.search(pattern, line)
                if found:
                    return found
            time.sleep(0.05)
        pytest.fail(f"no line matching {pattern!r} in:\n" + "\n".join(self.lines))

    def save(self, path, old, new):
        """Replace text in a file of the copy, as an editor saves it."""
        file = self.folder / path
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")

    def stop(self):
        """End the preview."""
        self.process.terminate()
        self.process.wait(timeout=WAIT)


@pytest.fixture
def preview(tmp_path):
    """Return a running preview of a copy of the project."""
    running = Preview(copy_project(tmp_path))
    yield running
    running.stop()


def test_saved_edit_shows_in_the_open_page_without_a_manual_reload(preview, page):
    page.goto(preview.url + "/")
    page.wait_for_load_state("load")
    preview.save(HOME, "\n\n", "\n\nTämä lause lisättiin juuri.\n\n")
    page.get_by_text("Tämä lause lisättiin juuri.").wait_for(timeout=WAIT * 1000)


def test_served_pages_carry_the_reload_script_but_the_built_files_do_not(preview, page):
    page.goto(preview.url + "/en/")
    assert page.locator('script[src^="/__preview__/reload.js"]').count() == 1
    built = list((preview.folder / ".preview").rglob("*.html"))
    assert built
    assert [file for file in built if "__preview__" in file.read_text("utf-8")] == []


def test_published_site_has_no_reload_script(html_files, site):
    assert html_files
    assert [f for f in html_files if "__preview__" in (site / f).read_text()] == []


def test_content_mistake_is_one_plain_line_and_the_preview_goes_on(preview, page):
    page.goto(preview.url + "/")
    seen = len(preview.lines)
    preview.save(HOME, "Key: home", "Key: home\nColour: blue")
    found = preview.wait_for(r"^content/fi/index\.md:4: Colour: unknown field", seen)
    assert found
    preview.wait_for(r"^The preview was not rebuilt: fix the problems above", seen)
    assert not [line for line in preview.lines if "Traceback" in line]
    preview.save(HOME, "\nColour: blue", "")
    preview.save(HOME, "\n\n", "\n\nKorjattu taas.\n\n")
    page.get_by_text("Korjattu taas.").wait_for(timeout=WAIT * 1000)


def test_a_change_of_the_markdown_settings_reaches_every_page(preview):
    """What the reader made of each file is kept between builds, but not past a
    change of pelicanconf.py: unchanged pages are read again with its settings."""
    about = preview.folder / ".preview" / "tyonohjaaja" / "index.html"
    assert '<h2 id="taustani">' not in about.read_text("utf-8")
    seen = len(preview.lines)
    preview.save(
        "pelicanconf.py",
        '"markdown.extensions.extra": {},',
        '"markdown.extensions.extra": {}, "markdown.extensions.toc": {},',
    )
    preview.wait_for(r"^Rebuilt the preview", seen)
    assert '<h2 id="taustani">' in about.read_text("utf-8")


def test_settings_saved_by_renaming_a_new_file_over_them_rebuild_every_time(preview):
    settings = preview.folder / "pelicanconf.py"
    for name in ("Maija Meikäläinen", "Matti Meikäläinen"):
        seen = len(preview.lines)
        text = re.sub(
            r'(?m)^SUPERVISOR_NAME = ".*"$',
            f'SUPERVISOR_NAME = "{name}"',
            settings.read_text("utf-8"),
        )
        saved = settings.with_name("pelicanconf.py.new")
        saved.write_text(text, "utf-8")
        os.replace(saved, settings)  # as many editors save
        preview.wait_for(r"^Rebuilt the preview", seen)
        about = preview.folder / ".preview" / "tyonohjaaja" / "index.html"
        assert name in about.read_text("utf-8")


@pytest.mark.parametrize("port", ["99999", "abc", "-1"])
def test_a_port_that_is_no_port_is_told_plainly(port):
    result = subprocess.run(
        [sys.executable, "-m", "scripts.serve", "pelicanconf.py", "--port", port],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert f"PORT={port} is not a port; write a number such as 8001" in result.stderr
    assert "Traceback" not in result.stderr
