"""`make edit`: the owner edits pages in the browser, as the build checks them.

Every test drives the real editor (Decap CMS from npm, its local backend
decap-server) in headless Chromium, on a copy of the project served by
``make edit``; the files it writes are the copy's.
"""

import difflib
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest
from bs4 import BeautifulSoup
from conftest import NODE_MODULES, ROOT, require_tool
from playwright.sync_api import expect

from scripts.project_copy import copy_project
from supervision_site.service_facts.parsers import FrontMatterError, parse_session

WAIT = 60  # seconds; a generous ceiling on a busy machine, never a measured budget
GROUP_FI = "content/fi/palvelut/ryhmatyonohjaus.md"
SESSION = "Tapaamisen kesto (Session)"
# Decap CMS draws its interface into #nc-root, its dialogs into .ReactModalPortal
# and its loading bar into a canvas at the end of the page: axe checks only ours.
DECAP_UI = "#nc-root"
DECAP_PARTS = [[DECAP_UI], [".ReactModalPortal"], ["body > canvas"]]
MAKE_EDIT = ["make", "--no-print-directory", "edit"]
DECAP_FILES = ("decap-cms/dist/decap-cms.js", "decap-server/dist/index.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_TAGS += ["best-practice"]
RUN_AXE = """async ([context, tags]) => {
  const results = await axe.run(context, {runOnly: {type: "tag", values: tags}});
  return results.violations.flatMap((rule) => rule.nodes.map((node) => ({
    rule: rule.id, help: rule.help, target: node.target.join(" "),
  })));
}"""
# Every policy violation in every frame is kept for the test that looks at them.
WATCH_POLICY = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  (window.top.policyViolations || window.policyViolations).push(
    event.violatedDirective + " " + event.blockedURI);
});
"""


def free_ports():
    """Return a free port whose local backend's port (81 above it) is free too."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 81))
                except OSError:
                    continue
        return port
    pytest.fail("no two free ports on 127.0.0.1")


class EditingSession:
    """``make edit`` in a project copy, with what it printed so far."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_ports()
        self.process = subprocess.Popen(
            [*MAKE_EDIT, f"PORT={self.port}", f"VENV={ROOT / '.venv'}"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own group: make, the preview and Node.js
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines = []
        threading.Thread(target=self.read, daemon=True).start()
        self.url = self.wait_for(r"^Editor: (http://\S+)/admin/$")[1]

    def read(self):
        """Collect the lines as they come."""
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern):
        """Return the match of the first line printed that matches ``pattern``."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := re.search(pattern, line):
                    return found
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        pytest.fail(f"no line matching {pattern!r} in:\n" + "\n".join(self.lines))

    def text(self, path):
        """Return the text of a file of the copy."""
        return (self.folder / path).read_text("utf-8")

    def stop(self):
        """Stop make edit, the preview and the local backend it started."""
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=WAIT)


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """Return ``make edit`` running on a copy of the project."""
    for name in DECAP_FILES:
        require_tool(NODE_MODULES / name, name, "make test installs it")
    project = copy_project(tmp_path_factory.mktemp("editing"))
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)  # keeps the venv up to date
    running = EditingSession(project)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def context(browser, session):
    """Return one browser session for the module, which records every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    context.add_init_script(WATCH_POLICY)
    yield context
    context.close()


@pytest.fixture(autouse=True)
def close_tabs(request):
    """Close the tabs a test opened: each open preview holds a connection."""
    yield
    if "context" in request.fixturenames:
        for tab in request.getfixturevalue("context").pages:
            tab.close()


def open_editor(context, session, route=""):
    """Return a tab with the editor at ``route``, signed in to the local backend."""
    tab = context.new_page()
    tab.goto(f"{session.url}/admin/{route}")
    sign_in = tab.get_by_role("button", name="Kirjaudu")
    collections = tab.get_by_role("link", name="Palvelut (suomi)")
    entry = tab.get_by_label("Otsikko (Title)")
    sign_in.or_(collections).or_(entry).first.wait_for(timeout=WAIT * 1000)
    if sign_in.is_visible():
        sign_in.click()
    return tab


def open_entry(context, session, collection, slug):
    """Return a tab with one page open in the editor."""
    tab = open_editor(context, session, f"#/collections/{collection}/entries/{slug}")
    tab.get_by_label("Otsikko (Title)").wait_for(timeout=WAIT * 1000)
    return tab


def save(tab):
    """Save the open page, as the owner does: Tallenna, then Tallenna nyt."""
    tab.get_by_role("button", name="Tallenna", exact=True).click()
    tab.get_by_text("Tallenna nyt").click()


def wait_until(condition):
    """Wait until ``condition()`` holds, or fail."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("waited in vain")
        time.sleep(0.05)


def changed_lines(before, after):
    """Return the lines removed and added between two texts, as ``- x`` / ``+ x``."""
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [line for line in diff if line[:1] in "+-"]


# Our file format as the editor runs it: read a page, change fields, write it.
REWRITE = """([text, changes, order]) => {
  const data = pelicanFormat.fromFile(text);
  Object.assign(data, changes);
  return pelicanFormat.toFile(data, order);
}"""
SERVICE_ORDER = ["title", "summary", "key", "order", "format", "session", "interval"]
SERVICE_ORDER += ["contract", "process", "body"]


def test_every_page_written_back_unchanged_is_the_same_file(context, session):
    tab = open_editor(context, session)
    pages = sorted((ROOT / "content").rglob("*.md"))
    texts = [page.read_text("utf-8") for page in pages]
    written = [tab.evaluate(REWRITE, [text, {}, SERVICE_ORDER]) for text in texts]
    assert [p for p, a, b in zip(pages, texts, written, strict=True) if a != b] == []


def test_a_cleared_fact_loses_its_line_and_a_new_one_follows_the_fact_before(
    context, session
):
    tab = open_editor(context, session)
    debriefing = (ROOT / "content/fi/palvelut/debriefing.md").read_text("utf-8")
    changes = {"format": "", "session": "2 h", "template": "kept as written"}
    written = tab.evaluate(REWRITE, [debriefing, changes, SERVICE_ORDER])
    assert changed_lines(debriefing, written) == ["- Format: ryhmä", "+ Session: 2 h"]
    assert written.index("Order: 6\nSession: 2 h\n") > 0


def test_make_edit_prints_the_editor_address(session):
    assert f"Editor: http://127.0.0.1:{session.port}/admin/" in session.lines


def test_session_saved_in_the_editor_is_one_line_and_shows_in_both_languages(
    context, session
):
    before = session.text(GROUP_FI)
    finnish, english = context.new_page(), context.new_page()
    finnish.goto(session.url + "/palvelut/ryhmatyonohjaus/")
    english.goto(session.url + "/en/services/group-supervision/")
    tab = open_entry(context, session, "fi-services", "ryhmatyonohjaus")
    tab.get_by_label(SESSION).fill("2 h")
    save(tab)
    expect(finnish.locator("dl.facts")).to_contain_text("2 tuntia", timeout=WAIT * 1000)
    expect(english.locator("dl.facts")).to_contain_text("2 hours", timeout=WAIT * 1000)
    assert changed_lines(before, session.text(GROUP_FI)) == [
        "- Session: 1,5 h",
        "+ Session: 2 h",
    ]


def test_ages_is_refused_with_the_builds_message(context, session):
    with pytest.raises(FrontMatterError) as refused:
        parse_session("ages")
    before = session.text(GROUP_FI)
    tab = open_entry(context, session, "fi-services", "ryhmatyonohjaus")
    tab.get_by_label(SESSION).fill("ages")
    save(tab)
    message = tab.get_by_text(str(refused.value), exact=True)
    expect(message).to_be_visible(timeout=WAIT * 1000)
    assert session.text(GROUP_FI) == before


def test_key_is_shown_but_cannot_be_edited(context, session):
    tab = open_entry(context, session, "fi-services", "ryhmatyonohjaus")
    key = tab.locator(DECAP_UI).get_by_label("Tunnus (Key)")
    expect(key).to_have_value("group")
    expect(key).not_to_be_editable()


def test_the_page_is_shown_beside_its_translation_as_built(context, session):
    tab = open_entry(context, session, "fi-services", "ryhmatyonohjaus")
    preview = tab.frame_locator("#preview-pane")
    own = preview.locator(".preview-page h1")
    expect(own).to_have_text("Ryhmätyönohjaus", timeout=WAIT * 1000)
    translation = preview.frame_locator(".preview-translation iframe")
    expect(translation.locator("h1")).to_have_text(
        "Group work supervision", timeout=WAIT * 1000
    )


def built(session, path):
    """Return a page of the copy's preview, parsed."""
    file = session.folder / ".preview" / path / "index.html"
    return BeautifulSoup(file.read_text("utf-8"), "html.parser")


def test_service_added_in_the_editor_is_everywhere_in_both_languages(
    context, session, tmp_path
):
    tab = open_editor(context, session)
    tab.get_by_role("button", name="Uusi palvelu").click()
    tab.get_by_label("Tunnus (Key)").fill("coaching")
    tab.get_by_label("Tiedoston nimi (suomi)").fill("uravalmennus")
    tab.get_by_label("Tiedoston nimi (englanti)").fill("career-coaching")
    tab.get_by_role("button", name="Tee sivut").click()
    expect(tab.get_by_label("Otsikko (Title)")).to_have_value(
        "[[TÄYDENNÄ: palvelun nimi]]", timeout=WAIT * 1000
    )
    english = session.folder / ".preview/en/services/career-coaching/index.html"
    wait_until(english.is_file)
    for home, services, url in (
        ("", "palvelut", "/palvelut/uravalmennus/"),
        ("en", "en/services", "/en/services/career-coaching/"),
    ):
        page = built(session, home)
        assert page.select("footer nav a")[-1]["href"] == url
        assert page.select(".cards .card-title a")[-1]["href"] == url
        row = built(session, services).select("tbody tr")[-1]
        assert row.select_one("a")["href"] == url
    # The same files as make new-service writes.
    other = copy_project(tmp_path)
    command = ["scripts/new_service.py", "coaching", "--fi", "uravalmennus"]
    command += ["--en", "career-coaching"]
    subprocess.run([str(ROOT / ".venv/bin/python"), *command], cwd=other, check=True)
    for path in (
        "content/fi/palvelut/uravalmennus.md",
        "content/en/services/career-coaching.md",
    ):
        assert session.text(path) == (other / path).read_text("utf-8")


def test_owner_facts_are_shown_with_where_to_change_them(context, session):
    settings_file = session.folder / "pelicanconf.py"
    lines = settings_file.read_text("utf-8").splitlines()
    [number] = [
        n for n, line in enumerate(lines, 1) if line.startswith("CONTACT_PHONE =")
    ]
    tab = open_editor(context, session)
    tab.get_by_role("button", name="Yhteystiedot ja asetukset").click()
    row = tab.get_by_role("row").filter(
        has=tab.get_by_role("rowheader", name="CONTACT_PHONE", exact=True)
    )
    expect(row).to_contain_text("[[TÄYDENNÄ: puhelinnumero]]")
    expect(row.get_by_role("cell").last).to_have_text(str(number))
    # Changed in the settings file, it is shown changed: nothing is kept by hand.
    lines[number - 1] = 'CONTACT_PHONE = "+358 40 123 4567"'
    settings_file.write_text("\n".join(lines) + "\n", "utf-8")
    tab.reload()
    tab.get_by_role("link", name="Palvelut (suomi)").wait_for(timeout=WAIT * 1000)
    tab.get_by_role("button", name="Yhteystiedot ja asetukset").click()
    expect(row).to_contain_text("+358 40 123 4567", timeout=WAIT * 1000)


def test_our_part_of_the_editor_has_no_accessibility_violation(browser, session):
    axe = require_tool(
        NODE_MODULES / "axe-core" / "axe.min.js", "axe-core", "make test installs it"
    )
    context = browser.new_context(bypass_csp=True)  # to add axe-core to the page
    try:
        tab = open_editor(context, session)
        tab.get_by_role("link", name="Palvelut (suomi)").wait_for()
        tab.add_script_tag(path=str(axe))
        ours = {"exclude": DECAP_PARTS}
        violations = tab.evaluate(RUN_AXE, [ours, AXE_TAGS])
        for dialog in ("Uusi palvelu", "Yhteystiedot ja asetukset"):
            tab.get_by_role("button", name=dialog).click()
            violations += tab.evaluate(RUN_AXE, [ours, AXE_TAGS])
            tab.keyboard.press("Escape")
        tab.goto(
            f"{session.url}/admin/#/collections/fi-services/entries/yksilotyonohjaus"
        )
        preview = tab.wait_for_selector("#preview-pane").content_frame()
        preview.wait_for_selector(".side-by-side")
        preview.add_script_tag(path=str(axe))
        # The translation inside is a built page: test_accessibility checks those.
        side_by_side = {"include": [[".side-by-side"]], "exclude": [["iframe"]]}
        violations += preview.evaluate(RUN_AXE, [side_by_side, AXE_TAGS])
    finally:
        context.close()
    assert violations == []


def test_editing_asks_no_other_host_and_breaks_no_policy(context, session):
    tab = open_entry(context, session, "fi-services", "yksilotyonohjaus")
    tab.frame_locator("#preview-pane").locator(".side-by-side").wait_for()
    hosts = {re.sub(r"^(\w+:(//[^/]*)?).*", r"\1", url) for url in context.requests}
    local = {
        f"http://127.0.0.1:{session.port}",
        f"http://127.0.0.1:{session.port + 81}",
    }
    assert hosts - {"data:", "blob:", "about:"} <= local
    assert tab.evaluate("window.policyViolations") == []
