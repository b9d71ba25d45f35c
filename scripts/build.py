"""Build the site into a fresh folder and publish it by swapping one link.

Usage: python scripts/build.py [--spelling] SETTINGS_FILE [pelican options ...]

``output`` is a symbolic link to the current build under ``.builds/``. A new
build goes to its own folder; only when pelican (with every check of the
site) succeeds is ``output`` pointed at it, in one atomic rename. A failed
build leaves ``output`` exactly as it was. Pelican runs through
``pelican_plain.py``, so its messages are plain lines without tracebacks.

With ``--spelling`` (``make publish``) the spelling warnings of the content are
found beside the build, since loading a dictionary can take a second, and are
printed after the build's lines when it succeeded.
"""

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDS = ROOT / ".builds"
OUTPUT = ROOT / "output"
KEEP = 2  # the current build and the one before it
SPELLING = [sys.executable, "-m", "spellcheck", "--warn", "content"]


def build(settings_file, options):
    """Run pelican into a new folder under .builds/; return the folder or None."""
    BUILDS.mkdir(exist_ok=True)
    folder = BUILDS / time.strftime("%Y%m%d-%H%M%S")
    folder = folder.with_name(f"{folder.name}-{os.getpid()}")
    command = [sys.executable, str(ROOT / "scripts" / "pelican_plain.py")]
    command += ["content", "-o", str(folder)]
    command += ["-s", settings_file, *options]
    built = False
    try:
        built = subprocess.run(command, cwd=ROOT, check=False).returncode == 0
    finally:  # a failed or interrupted build leaves no folder behind
        if not built:
            shutil.rmtree(folder, ignore_errors=True)
    return folder if built else None


def publish(folder):
    """Point ``output`` at ``folder`` in one rename."""
    if OUTPUT.exists() and not OUTPUT.is_symlink():
        OUTPUT.rename(BUILDS / f"{folder.name}-previous")  # a plain folder from before
    link = BUILDS / "output.next"
    link.unlink(missing_ok=True)
    link.symlink_to(folder.relative_to(ROOT))
    os.replace(link, OUTPUT)


def prune():
    """Delete builds older than the last ``KEEP``."""
    current = OUTPUT.resolve()
    builds = sorted(p for p in BUILDS.iterdir() if p.is_dir() and not p.is_symlink())
    for old in builds[:-KEEP]:
        if old != current:
            shutil.rmtree(old)


@contextmanager
def spelling_warnings():
    """Start the spell check's warnings; yield a function that prints them.

    The check is stopped if the build fails or is interrupted first.
    """
    check = subprocess.Popen(
        SPELLING, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        yield lambda: print(check.communicate()[0], end="")
    finally:
        if check.poll() is None:
            check.kill()
            check.wait()


def build_and_publish(settings_file, options):
    """Build with the given settings file and options, then publish; return the code."""
    folder = build(settings_file, options)
    if folder is None:
        print("Nothing was published: output/ is as it was.", file=sys.stderr)
        return 1
    publish(folder)
    prune()
    print(f"Published: output/ → {folder.relative_to(ROOT)}")
    return 0


def main(arguments):
    """Build and publish, with the spelling warnings after if asked; return the code."""
    if arguments[:1] != ["--spelling"]:
        return build_and_publish(arguments[0], arguments[1:])
    settings_file, *options = arguments[1:]
    with spelling_warnings() as print_warnings:
        code = build_and_publish(settings_file, options)
        if code == 0:
            print_warnings()
    return code


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("Interrupted: output/ is as it was.", file=sys.stderr)
        sys.exit(130)
