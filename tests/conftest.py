"""Build the real site once per test session and hand out parsed pages."""

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITEURL = "https://www.example.fi"


def run_pelican(content, output, settings="publishconf.py", *options):
    """Build ``content`` into ``output`` with the pelican command; return the run."""
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
    command += ["-s", str(ROOT / settings), *options]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Return the folder of a production build of the real content."""
    output = tmp_path_factory.mktemp("site")
    result = run_pelican(ROOT / "content", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def html_files(site):
    """Return every built HTML file, relative to the site folder."""
    return sorted(path.relative_to(site) for path in site.rglob("*.html"))


@pytest.fixture(scope="session")
def soup(site):
    """Return a function that parses a built page given its site path."""
    cache = {}

    def parse(path):
        if path not in cache:
            file = site / path.lstrip("/")
            if path.endswith("/") or not file.suffix:
                file = file / "index.html"
            cache[path] = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        return cache[path]

    return parse


def site_path(url):
    """Return the built file's path (from the site root) for one of our URLs."""
    path = url.removeprefix(SITEURL).split("#")[0].split("?")[0]
    return path if not path.endswith("/") else path + "index.html"
