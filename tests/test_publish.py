"""Publishing: atomic, minified, precompressed, hashed, with security headers."""

import gzip
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from bs4 import BeautifulSoup
from conftest import (
    ROOT,
    SITEURL,
    copy_with_environment,
    git_environment,
    read_headers_file,
    run_command,
)

import pelicanconf

TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".txt"}
HASHED = re.compile(r"\.[0-9a-f]{10}\.\w+$")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Return a copy of the project that shares the real environment."""
    return copy_with_environment(tmp_path_factory.mktemp("project") / "site")


def make(project, *arguments):
    """Run make in the project copy; return the finished process."""
    return run_command(["make", "--no-print-directory", *arguments], project)


def snapshot(folder):
    """Return every file below ``folder`` with the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


def test_failed_publish_leaves_the_published_site_as_it_was(project):
    first = make(project, "publish")
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(project / "output")
    assert "index.html" in before
    page = project / "content" / "fi" / "tyonohjaaja.md"
    original = page.read_text("utf-8")
    page.write_text(original + "\n[Rikki](/ei-tallaista-sivua/)\n", "utf-8")
    try:
        failed = make(project, "publish")
    finally:
        page.write_text(original, "utf-8")
    assert failed.returncode != 0
    assert "content/fi/tyonohjaaja.md" in failed.stderr
    assert "/ei-tallaista-sivua/" in failed.stderr
    assert "Nothing was published" in failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr
    assert snapshot(project / "output") == before


def test_an_interrupted_publish_says_so_and_leaves_no_build_behind(project):
    assert make(project, "publish").returncode == 0
    before = snapshot(project / "output")
    builds = set((project / ".builds").iterdir())
    publishing = subprocess.Popen(
        ["make", "--no-print-directory", "publish"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl-C reaches make and all it started
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    while publishing.poll() is None and set((project / ".builds").iterdir()) == builds:
        time.sleep(0.005)
    os.killpg(publishing.pid, signal.SIGINT)
    _, said = publishing.communicate()
    assert publishing.returncode != 0
    assert "Interrupted: output/ is as it was." in said
    assert "Traceback" not in said
    assert snapshot(project / "output") == before
    assert set((project / ".builds").iterdir()) == builds


# Notes whether the collector runs at the first ``initialized`` (before the
# launcher's own handler) and at ``finalized``, with how much it froze.
COLLECTOR_PROBE = """
import gc, sys
from pelican import signals
from scripts import pelican_plain
seen = []
def loaded(_):
    seen.append(gc.isenabled())
def written(_):
    seen.append((gc.isenabled(), gc.get_freeze_count()))
signals.initialized.connect(loaded)
signals.finalized.connect(written)
code = pelican_plain.main(sys.argv[1:])
print(seen[0], *seen[-1])
sys.exit(code)
"""


def test_the_launcher_collects_garbage_only_once_the_plugins_are_loaded(tmp_path):
    command = [sys.executable, "-c", COLLECTOR_PROBE, "content", "-o", str(tmp_path)]
    result = run_command([*command, "-s", "pelicanconf.py", "-q"])
    assert result.returncode == 0, result.stderr
    off_while_loading, on_after, frozen = result.stdout.split()[-3:]
    assert (off_while_loading, on_after) == ("False", "True")
    assert int(frozen) > 10_000  # Pelican's modules and the plugins' objects


def test_deploy_copies_the_published_site_to_the_target(project, tmp_path):
    target = tmp_path / "www"
    result = make(project, "deploy", f"DEPLOY_TARGET={target}/")
    assert result.returncode == 0, result.stdout + result.stderr
    copied = snapshot(target)
    assert copied.pop(".make-deploy") == hashlib.sha256(b"").hexdigest()
    assert copied == snapshot(project / "output")


def test_deploy_without_a_target_says_how_to_give_one(project):
    result = make(project, "deploy", "DEPLOY_TARGET=")
    assert result.returncode != 0
    assert "make deploy DEPLOY_TARGET=" in result.stdout + result.stderr


def test_deploy_to_a_folder_with_a_space_copies_there_and_again(project, tmp_path):
    target = tmp_path / "oma sivusto"
    sources = snapshot(project / "content")
    for _ in range(2):  # the second deploy replaces what the first one wrote
        result = make(project, "deploy", f"DEPLOY_TARGET={target}")
        assert result.returncode == 0, result.stdout + result.stderr
    copied = snapshot(target)
    del copied[".make-deploy"]
    assert copied == snapshot(project / "output")
    assert snapshot(project / "content") == sources


@pytest.mark.parametrize("where", ["a folder with other files", "content", ".."])
def test_deploy_never_copies_over_other_files(project, tmp_path, where):
    if where == "a folder with other files":
        target = tmp_path / "Documents"
        target.mkdir()
        (target / "gradu.docx").write_bytes(b"thesis")
    else:
        target = project / where
    before = snapshot(target)
    builds = set((project / ".builds").glob("*"))
    result = make(project, "deploy", f"DEPLOY_TARGET={target}")
    assert result.returncode != 0
    assert f"DEPLOY_TARGET={target}: " in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(target) == before
    assert set((project / ".builds").glob("*")) == builds  # refused before building


def test_github_pushes_the_published_site_to_the_gh_pages_branch(project, tmp_path):
    remote = tmp_path / "remote.git"
    env = git_environment()
    run_command(["git", "init", "--bare", "-q", str(remote)], tmp_path, check=True)
    for command in (["init", "-q"], ["remote", "add", "origin", str(remote)]):
        run_command(["git", *command], project, check=True)
    result = run_command(["make", "github"], project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    published = run_command(["git", "show", "gh-pages:index.html"], remote)
    assert published.stdout == (project / "output" / "index.html").read_text("utf-8")
    listing = run_command(["git", "ls-tree", "--name-only", "gh-pages"], remote)
    listing = listing.stdout.split()
    assert ".nojekyll" in listing


def test_github_without_a_remote_says_how_to_add_one_before_building(tmp_path):
    project = copy_with_environment(tmp_path / "site")
    result = run_command(["make", "--no-print-directory", "github"], project)
    assert result.returncode != 0
    assert "git remote add origin" in result.stderr
    assert not (project / ".builds").exists()


def text_files(site):
    return [p for p in site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file()]


def test_every_text_file_has_gzip_and_brotli_siblings_with_the_same_bytes(site):
    # A file that compression would not make smaller has no copies.
    files = [file for file in text_files(site) if file.stat().st_size >= 512]
    assert len(files) > 20
    for file in files:
        data = file.read_bytes()
        assert gzip.decompress(Path(f"{file}.gz").read_bytes()) == data, file
        assert brotli.decompress(Path(f"{file}.br").read_bytes()) == data, file


def test_html_and_css_are_minified(site):
    for file in text_files(site):
        if file.suffix in (".html", ".css"):
            text = file.read_text("utf-8")
            assert "\n  " not in text, file
            assert "/*" not in text or file.suffix == ".html", file


def stylesheet_and_icon_urls(soup):
    return [
        link["href"]
        for link in soup.find_all("link", href=True)
        if {"stylesheet", "icon"} & set(link.get("rel", []))
    ] + [script["src"] for script in soup.find_all("script", src=True)]


def test_theme_assets_are_referenced_by_content_hashed_names(site, soup, page_paths):
    for page in page_paths:
        # The icon is written into the page (tests/test_speculation.py).
        urls = [
            url
            for url in stylesheet_and_icon_urls(soup(page))
            if not url.startswith("data:")
        ]
        assert urls, page
        for url in urls:
            path = url.removeprefix(SITEURL + "/")
            assert HASHED.search(path), url
            assert (site / path).is_file(), url
            plain = re.sub(r"\.[0-9a-f]{10}(\.\w+)$", r"\1", path)
            source = ROOT / "theme" / "static" / plain.removeprefix("theme/")
            digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
            assert f".{digest}." in path


def test_headers_file_sets_a_strict_content_security_policy(site):
    every = read_headers_file(site)["/*"]
    csp = dict(
        part.strip().split(" ", 1)
        for part in every["Content-Security-Policy"][0].split(";")
    )
    form = urlsplit(pelicanconf.CONTACT_FORM_ENDPOINT)
    form_origin = f"{form.scheme}://{form.netloc}"
    assert csp["form-action"] == f"'self' {form_origin}"
    assert csp["connect-src"] == f"'self' {form_origin}"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["default-src"] == "'self'"
    assert "unsafe-inline" not in every["Content-Security-Policy"][0]
    assert every["Strict-Transport-Security"] == ["max-age=31536000; includeSubDomains"]
    assert every["X-Content-Type-Options"] == ["nosniff"]
    assert every["Referrer-Policy"] == ["strict-origin-when-cross-origin"]
    assert "camera=()" in every["Permissions-Policy"][0]


def test_hashed_assets_are_cached_for_a_year_by_a_rule_each(site):
    rules = read_headers_file(site)
    assert "Cache-Control" not in rules["/*"]
    hashed = [p for p in rules if HASHED.search(p)]
    assert any(p.endswith(".css") for p in hashed)
    for path in hashed:
        assert rules[path]["Cache-Control"] == ["public, max-age=31536000, immutable"]
        assert (site / path.lstrip("/")).is_file()
    short = ["public, max-age=600, must-revalidate"]
    for pattern in ("/", "/*/", "/*.html"):
        assert rules[pattern]["Cache-Control"] == short


def test_pages_carry_the_policy_for_hosts_without_headers(site, soup):
    header = read_headers_file(site)["/*"]["Content-Security-Policy"][0]
    meta = soup("/").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == header.replace("; frame-ancestors 'none'", "")


def test_links_that_leave_the_site_carry_noopener(soup, page_paths):
    external = 0
    for path in page_paths:
        for link in soup(path).find_all("a", href=re.compile(r"^https?://")):
            if not link["href"].startswith(SITEURL):
                external += 1
                assert "noopener" in link.get("rel", []), (path, link["href"])
    assert external


RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_every_page_loads_under_the_policy_without_a_violation(browser, live_site):
    from urllib.request import urlopen

    home = urlopen(live_site + "/")
    assert "frame-ancestors 'none'" in home.headers["Content-Security-Policy"]
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    errors = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in live_site_paths(live_site):
        tab.goto(live_site + path)
        tab.wait_for_load_state("load")
        assert tab.evaluate("window.cspViolations") == [], path
        assert tab.evaluate("document.styleSheets.length") >= 1, path
    context.close()
    assert errors == []


def live_site_paths(live_site):
    """Return the path of every page of the served site, from its own links."""
    from urllib.request import urlopen

    pages, queue = set(), ["/", "/en/"]
    while queue:
        path = queue.pop()
        if path in pages:
            continue
        pages.add(path)
        soup = BeautifulSoup(urlopen(live_site + path).read(), "html.parser")
        for link in soup.find_all("a", href=True):
            href = link["href"].split("#")[0]
            if href.startswith(live_site + "/"):
                queue.append(href.removeprefix(live_site))
    return sorted(pages)


def test_github_workflow_tests_then_deploys_the_published_folder():
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text("utf-8")
    assert "bash .ci/run" in workflow
    assert "make publish" in workflow
    assert "path: output/" in workflow
    assert "actions/deploy-pages" in workflow
    assert workflow.index("bash .ci/run") < workflow.index("make publish")


def test_github_workflow_never_lets_placeholders_reach_the_deploy():
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text("utf-8")
    build = workflow[workflow.index("\n  build:") : workflow.index("\n  deploy:")]
    assert "needs: test" in build and "run: make publish" in build
    assert re.findall(r"ALLOW_PLACEHOLDERS\S*\s*(\S+)", workflow) == ['""']
    assert "needs: build" in workflow[workflow.index("\n  deploy:") :]


# Leave as the launcher does, with output still buffered and an exit handler.
LEAVE_PROBE = """
import ast, atexit, sys
from scripts.pelican_plain import leave
atexit.register(print, "exit handler ran")
print("written before", end=" ")
leave(ast.literal_eval(sys.argv[1]))
"""


@pytest.mark.parametrize(
    ("code", "returned", "said"),
    [("0", 0, ""), ("None", 0, ""), ("3", 3, ""), ("'no site'", 1, "no site\n")],
)
def test_the_launcher_ends_with_the_build_s_code_and_loses_no_output(
    code, returned, said
):
    result = run_command([sys.executable, "-c", LEAVE_PROBE, code])
    assert result.returncode == returned
    assert result.stdout == "written before exit handler ran\n"
    assert result.stderr == said
