"""Build the real site once per test session and hand out parsed pages."""

import json
import os
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITEURL = "https://www.example.fi"
# What a copy of the project needs to build and preview as the owner does.
PROJECT_FILES = (
    "content",
    "plugins",
    "scripts",
    "spellcheck",
    "theme",
    "pelicanconf.py",
    "publishconf.py",
)


def copy_project(folder):
    """Copy the project's sources (not its builds) into ``folder``; return it."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, folder / name, ignore=ignore)
        else:
            shutil.copy(source, folder / name)
    return folder


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


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class StaticServer:
    """Serve a folder on 127.0.0.1 from a thread; ``url`` has no trailing slash.

    Like a static host, it sends the headers the folder's ``_headers`` file
    names for each path.
    """

    def __init__(self, directory):
        handler = partial(HostLikeHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def parse_headers_file(text):
    """Return the rules of a ``_headers`` file as [(path pattern, [(name, value)])]."""
    rules = []
    for line in text.splitlines():
        if line.strip() and not line.startswith((" ", "\t")):
            rules.append((line.strip(), []))
        elif line.strip() and rules:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def rule_matches(pattern, path):
    """Return whether a ``_headers`` path pattern (``/*`` splats) covers ``path``."""
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


class HostLikeHandler(SimpleHTTPRequestHandler):
    """Serve files quietly, with the headers ``_headers`` gives their path."""

    def end_headers(self):
        rules_file = Path(self.directory, "_headers")
        if rules_file.is_file():
            path = self.path.split("?")[0]
            for pattern, headers in parse_headers_file(rules_file.read_text("utf-8")):
                if rule_matches(pattern, path):
                    for name, value in headers:
                        self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        pass


def build_served_site(folder, **settings):
    """Build the real content into ``folder`` for serving on 127.0.0.1.

    The server starts first, so the site is built with its real address as
    SITEURL; ``settings`` are further overrides (JSON-encoded for ``pelican -e``).
    Return the started server; the caller stops it.
    """
    server = StaticServer(folder).__enter__()
    overrides = {"SITEURL": server.url, **settings}
    options = [
        "-e",
        *(f"{key}={json.dumps(value)}" for key, value in overrides.items()),
    ]
    result = run_pelican(ROOT / "content", folder, "publishconf.py", *options)
    if result.returncode != 0:
        server.__exit__()
        pytest.fail(result.stdout + result.stderr)
    return server


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """Return the URL of the production site served on 127.0.0.1."""
    server = build_served_site(tmp_path_factory.mktemp("live"))
    yield server.url
    server.__exit__()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Return headless Chromium; fail under CI, skip elsewhere, when it is missing."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium is missing at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    os.environ["TMPDIR"] = str(tmp_path_factory.mktemp("chromium"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """Return a fresh browser tab at phone width; closed after the test."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    yield tab
    context.close()
