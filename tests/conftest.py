"""Build the real site once per test session and hand out parsed pages."""

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import (
    BaseHTTPRequestHandler,
    ThreadingHTTPServer,
)
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from scripts.chromium import CHROMIUM, headless_chromium
from supervision_site.core.settings import read_site_settings
from tools.static_host import StaticServer, read_rules

ROOT = Path(__file__).resolve().parent.parent
# The project ships the owner's facts as placeholders: every production build of
# the tests (and of the commands they run) may use them. The tests of the refusal
# build without this.
os.environ["ALLOW_PLACEHOLDERS"] = "1"
# The production build's settings, every default of our plugins filled in.
SETTINGS = read_site_settings(ROOT / "publishconf.py")
SITEURL = SETTINGS["SITEURL"]


def run_command(command, folder=ROOT, check=False, **options):
    """Run a command in ``folder``; return the finished run with its UTF-8 output."""
    return subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        encoding="utf-8",
        check=check,
        **options,
    )


def git_environment(date=None):
    """Return this environment with a test author and committer (and date) for git."""
    environment = dict(os.environ)
    for role in ("AUTHOR", "COMMITTER"):
        environment[f"GIT_{role}_NAME"] = "Owner"
        environment[f"GIT_{role}_EMAIL"] = "owner@example.fi"
        if date:
            environment[f"GIT_{role}_DATE"] = date
    return environment


def run_pelican(content, output, settings="publishconf.py", *options, first=""):
    """Build ``content`` into ``output`` with the pelican command; return the run.

    The build keeps its caches beside ``output``, apart from the project's.
    ``first`` is Python code that the build's process runs before pelican.
    """
    options = list(options)
    cache = f"CACHE_PATH={json.dumps(f'{output}-cache')}"
    if "-e" in options:  # pelican takes every setting after one -e
        options.insert(options.index("-e") + 1, cache)
    else:
        options += ["-e", cache]
    pelican = ["-m", "pelican"]
    if first:
        pelican = ["-c", f"{first}\nfrom pelican import main\nmain()"]
    command = [sys.executable, *pelican, str(content), "-o", str(output)]
    return run_command([*command, "-s", str(ROOT / settings), *options])


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
    """Return a function that parses a page of the real site given its URL path."""
    cache = {}

    def parse(path):
        if path not in cache:
            cache[path] = parse_page(site, path)
        return cache[path]

    return parse


PROJECT_IGNORES = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".cache",
    ".builds",
    "output",
    "node_modules",
    "reports",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "cache",
)


def copy_with_environment(folder):
    """Copy the whole project to ``folder``, sharing its installed tools; return it.

    The copy links to the real ``.venv`` and, where npm installed them, the real
    ``node_modules`` (the English dictionary among them).
    """
    shutil.copytree(ROOT, folder, ignore=PROJECT_IGNORES, copy_function=shutil.copy2)
    (folder / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "node_modules").is_dir():
        (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


def read_headers_file(site):
    """Return a built site's ``_headers`` as {path pattern: {header: [values]}}."""
    rules = {}
    for pattern, headers, _ in read_rules((site / "_headers").read_text("utf-8")):
        rule = rules.setdefault(pattern, {})
        for name, value in headers:
            rule.setdefault(name, []).append(value)
    return rules


def section(text, heading):
    """Return the text under a Markdown heading, up to the next of its level or above.

    Lines inside fenced code blocks are never headings.
    """
    level = len(heading) - len(heading.lstrip("#"))
    lines, inside, fenced = [], False, False
    for line in text.splitlines():
        if inside and not fenced and re.match(rf"#{{1,{level}}} ", line):
            break
        if inside:
            lines.append(line)
            fenced ^= line.lstrip().startswith("```")
        inside = inside or line == heading
    return "\n".join(lines)


def wait_for_form_script(page):
    """Wait until the form's script, loaded after the first paint, has taken over."""
    expect(page.locator("#contact-form[novalidate]")).to_be_attached()


def site_path(url):
    """Return the built file's path (from the site root) for one of our URLs."""
    path = url.removeprefix(SITEURL).split("#")[0].split("?")[0]
    return path if not path.endswith("/") else path + "index.html"


def parse_page(folder, path):
    """Return the page a built site folder serves at a URL path (``/en/``), parsed."""
    file = Path(folder, site_path(path).lstrip("/"))
    return BeautifulSoup(file.read_text("utf-8"), "html.parser")


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
    require_tool(CHROMIUM, "Chromium", "make test installs it")
    os.environ["TMPDIR"] = str(tmp_path_factory.mktemp("chromium"))
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser):
    """Return a fresh browser tab at phone width; closed after the test."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    yield tab
    context.close()


class FormService:
    """Stand in for the hosted form service; a test sets ``answer`` before sending.

    Answers: ``formspree`` (JSON to a JSON request, else a redirect to ``_next``),
    ``rejected`` (422 JSON), ``failing`` (500), ``html`` (a 200 HTML page) and
    ``held`` (Formspree's answer once ``release`` is set). ``stop()`` closes the
    port, so a request is refused; ``start()`` opens the same port again.
    """

    def __init__(self):
        self.port = 0
        self.posts = []
        self.answer = "formspree"
        self.release = threading.Event()
        self.arrived = threading.Condition()
        self.server = None
        self.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        if self.server is None:
            handler = partial(FormServiceHandler, self)
            self.server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
            self.port = self.server.server_port
            threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def reset(self):
        self.start()
        self.posts.clear()
        self.answer = "formspree"
        self.release.clear()

    def record(self, post):
        with self.arrived:
            self.posts.append(post)
            self.arrived.notify_all()

    def wait_for_posts(self, count, timeout=10):
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.posts) >= count, timeout)


class FormServiceHandler(BaseHTTPRequestHandler):
    """Answer like Formspree, or fail the way the service's ``answer`` says."""

    def __init__(self, service, *args, **kwargs):
        self.service = service
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):
        pass

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.end_headers()

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        fields = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
        wants_json = "application/json" in self.headers.get("Accept", "")
        self.service.record({"json": wants_json, "fields": fields})
        answer = self.service.answer
        if answer == "held":
            self.service.release.wait(30)
        if answer == "rejected":
            self.reply(422, "application/json", {"errors": [{"message": "Invalid"}]})
        elif answer == "failing":
            self.reply(500, "text/plain", "Internal Server Error")
        elif answer == "html":
            self.reply(200, "text/html", "<!doctype html><title>Check</title><p>Hi")
        elif wants_json:
            self.reply(200, "application/json", {"ok": True, "next": fields["_next"]})
        else:
            self.send_response(302)
            self.send_header("Location", fields["_next"])
            self.end_headers()

    def reply(self, status, content_type, content):
        data = content if isinstance(content, str) else json.dumps(content)
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data.encode())))
        self.end_headers()
        self.wfile.write(data.encode())


@pytest.fixture(scope="module")
def form_service():
    """Return a stand-in form service on 127.0.0.1, one for each test module."""
    stub = FormService()
    yield stub
    stub.release.set()
    stub.stop()


# The form site's e-mail address, a real one (not a placeholder) that nobody owns.
FORM_SITE_EMAIL = "tyonohjaus@example.com"


@pytest.fixture(scope="module")
def form_site(form_service, tmp_path_factory):
    """Return the URL of the site built to post its form to the stand-in service."""
    server = build_served_site(
        tmp_path_factory.mktemp("form-site"),
        CONTACT_FORM_ENDPOINT=form_service.url + "/f/test",
        CONTACT_EMAIL=FORM_SITE_EMAIL,
    )
    yield server.url
    server.__exit__()


NODE_MODULES = ROOT / "node_modules"


def require_tool(path, what, install):
    """Return ``path`` as a Path; fail under CI, skip elsewhere, when it is missing."""
    if path and Path(path).exists():
        return Path(path)
    message = f"{what} is missing ({path or 'not found'}): {install}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def url_path(file):
    """Return the URL path of a built HTML file: ``en/index.html`` → ``/en/``."""
    path = "/" + file.as_posix()
    return path.removesuffix("index.html") if file.name == "index.html" else path


@pytest.fixture(scope="session")
def page_paths(html_files):
    """Return the URL path of every built page: ``/``, ``/en/``, ``/404.html``, …."""
    return [url_path(file) for file in html_files]


@pytest.fixture(scope="session")
def indexable_paths(page_paths, soup):
    """Return the URL path of every built page that search engines may index."""
    return [path for path in page_paths if is_indexable(soup(path))]


def is_indexable(page):
    """Tell whether a parsed page lets search engines index it."""
    robots = page.find("meta", attrs={"name": "robots"})
    return not (robots and "noindex" in robots["content"])


SUMMARY_KEY = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def report(pytestconfig):
    """Return a function that adds a titled block of lines to the terminal summary."""
    sections = pytestconfig.stash.setdefault(SUMMARY_KEY, [])

    def add(title, lines):
        sections.append((title, list(lines)))

    return add


def pytest_terminal_summary(terminalreporter, config):
    """Print the figures the checks measured (page weights, external links)."""
    for title, lines in config.stash.get(SUMMARY_KEY, []):
        terminalreporter.write_sep("-", title)
        for line in lines:
            terminalreporter.write_line(line)
