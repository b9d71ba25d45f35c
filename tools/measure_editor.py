"""Measure how long a fact saved in the editor takes to show in the open preview.

Usage: python -m tools.measure_editor [ROUNDS]

Copies the project to a temporary folder, starts its preview with the editor
(``make edit``), opens the group service in the editor and its page in the
preview in headless Chromium, then ROUNDS times types a new session length,
saves it, and times it: from the click on "Tallenna nyt" until the file is
written, and until the open page shows the new length.
"""

import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

from scripts.chromium import headless_chromium
from scripts.project_copy import copy_project
from tools.live_preview import running_preview

SERVICE = "content/fi/palvelut/ryhmatyonohjaus.md"
ENTRY = "/admin/#/collections/fi-services/entries/ryhmatyonohjaus"
PAGE = "/palvelut/ryhmatyonohjaus/"
SESSION = "Tapaamisen kesto (Session)"
WAIT = 60_000  # milliseconds
EDITOR_LINE = r"Editor: (http://\S+)/admin/"


def free_port():
    """Return a free port whose editor backend's port (81 above) is free too."""
    while True:
        with socket.socket() as first, socket.socket() as second:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            try:
                second.bind(("127.0.0.1", port + 81))
            except OSError:
                continue
            return port


def wait_for_change(file, before):
    """Return once ``file`` no longer holds ``before``."""
    while file.read_text("utf-8") == before:
        time.sleep(0.005)


def measure(rounds):
    """Return (seconds to the file, seconds to the open page) for each save."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copy_project(folder)
        os.environ["TMPDIR"] = temporary
        options = ["--port", str(free_port()), "--editor"]
        with (
            running_preview(folder, *options, announced=EDITOR_LINE) as url,
            headless_chromium() as browser,
        ):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            preview, tab = context.new_page(), context.new_page()
            preview.goto(url + PAGE)
            tab.goto(url + ENTRY)
            tab.get_by_role("button", name="Kirjaudu").click()
            times = []
            for number in range(rounds):
                minutes = 61 + number
                tab.get_by_label(SESSION).fill(f"{minutes} min")
                tab.get_by_role("button", name="Tallenna", exact=True).click()
                before = (folder / SERVICE).read_text("utf-8")
                saved = tab.get_by_text("Tallenna nyt")
                saved.wait_for()
                clicked = time.perf_counter()
                saved.click()
                wait_for_change(folder / SERVICE, before)
                written = time.perf_counter()
                shown = preview.locator("dl.facts", has_text=f"{minutes} minuuttia")
                shown.wait_for(timeout=WAIT)
                times.append((written - clicked, time.perf_counter() - clicked))
                time.sleep(1)
    return times


def main(arguments):
    """Print each round's times and the medians."""
    rounds = int(arguments[0]) if arguments else 5
    times = measure(rounds)
    written, shown = zip(*times, strict=True)
    print("saved → file written:", ", ".join(f"{t:.2f} s" for t in written))
    print("saved → shown in the preview:", ", ".join(f"{t:.2f} s" for t in shown))
    print(
        f"median {statistics.median(written):.2f} s to the file, "
        f"{statistics.median(shown):.2f} s to the page; slowest {max(shown):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
