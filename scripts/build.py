"""Build the site into a fresh folder and publish it by swapping one link.

Usage: python scripts/build.py SETTINGS_FILE [pelican options ...]

``output`` is a symbolic link to the current build under ``.builds/``. A new
build goes to its own folder; only when pelican (with every check of the
site) succeeds is ``output`` pointed at it, in one atomic rename. A failed
build leaves ``output`` exactly as it was. Pelican runs through
``pelican_plain.py``, so its messages are plain lines without tracebacks.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDS = ROOT / ".builds"
OUTPUT = ROOT / "output"
KEEP = 2  # the current build and the one before it


def build(settings_file, options):
    """Run pelican into a new folder under .builds/; return the folder or None."""
    BUILDS.mkdir(exist_ok=True)
    folder = BUILDS / time.strftime("%Y%m%d-%H%M%S")
    folder = folder.with_name(f"{folder.name}-{os.getpid()}")
    command = [sys.executable, str(ROOT / "scripts" / "pelican_plain.py")]
    command += ["content", "-o", str(folder)]
    command += ["-s", settings_file, *options]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return folder


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


def main(arguments):
    """Build with the given settings file and options; return the exit code."""
    settings_file, *options = arguments
    folder = build(settings_file, options)
    if folder is None:
        print("Nothing was published: output/ is as it was.", file=sys.stderr)
        return 1
    publish(folder)
    prune()
    print(f"Published: output/ → {folder.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
