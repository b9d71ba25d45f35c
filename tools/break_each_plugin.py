"""Check that the tests notice when a part of the build does nothing.

Usage: python tools/break_each_plugin.py [MODULE:FUNCTION ...]

Each function is, in turn, made to return at once in a scratch copy of the
project: every handler a plugin's register() connects, and the core's main
functions. pytest then runs in the copy, with the copy's plugins first on the
path, and stops at its first failure. A function whose no-op passes every test
is reported, and the command exits 1. The names default to all of them.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "plugins" / "supervision_site"
CORE = (
    "core/settings.py:apply_defaults",
    "core/front_matter.py:parse_front_matter",
    "core/languages.py:catalog",
    "core/problems.py:stop_on",
)
CONNECTED = re.compile(r"\.connect\((\w+)\)")
SHARED = ("apply_defaults",)  # connected by every plugin; broken once, as the core
LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "output", ".builds", ".preview", "reports"
)


def handlers():
    """Return MODULE:FUNCTION for every handler a plugin's register() connects."""
    found = []
    for module in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(module.read_text("utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == "register":
                names = CONNECTED.findall(ast.unparse(node))
                relative = module.relative_to(PACKAGE).as_posix()
                found += [f"{relative}:{name}" for name in names if name not in SHARED]
    return found


def make_no_op(source, name):
    """Return ``source`` with the function ``name`` returning at once."""
    tree = ast.parse(source)
    [function] = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == name
    ]
    first = function.body[0]
    lines = source.splitlines(keepends=True)
    indent = " " * first.col_offset
    lines.insert(first.lineno - 1, f"{indent}return None\n")
    return "".join(lines)


def run_tests_without(target, scratch):
    """Run the tests in a copy where ``target`` does nothing; return the run."""
    module, name = target.split(":")
    project = scratch / "project"
    shutil.copytree(ROOT, project, ignore=LEFT_OUT, symlinks=True)
    for linked in (".venv", "node_modules"):
        if (ROOT / linked).exists():
            (project / linked).symlink_to(ROOT / linked)
    file = project / "plugins" / "supervision_site" / module
    file.write_text(make_no_op(file.read_text("utf-8"), name), "utf-8")
    environment = {
        **os.environ,
        "PYTHONPATH": str(project / "plugins"),
        "TMPDIR": str(scratch),
    }
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    return subprocess.run(
        command, cwd=project, env=environment, capture_output=True, text=True
    )


def first_failure(output):
    """Return the name of the first failing test in pytest's output, if any."""
    found = re.search(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", output, re.MULTILINE)
    return found[1] if found else None


def main(arguments):
    """Break each function in turn; print what caught it; return the exit code."""
    targets = arguments or [*CORE, *handlers()]
    unnoticed = []
    for target in targets:
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="break-") as scratch:
            result = run_tests_without(target, Path(scratch))
        seconds = time.monotonic() - started
        caught = first_failure(result.stdout) if result.returncode else None
        print(f"{target}: {caught or 'NOT NOTICED'} ({seconds:.0f} s)", flush=True)
        if caught is None:
            unnoticed.append(target)
    noticed = len(targets) - len(unnoticed)
    print(f"{noticed} of {len(targets)} broken functions noticed.")
    return 1 if unnoticed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
