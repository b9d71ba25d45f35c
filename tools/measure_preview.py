"""Measure how long a saved edit takes to show in the page open in the preview.

Usage: python -m tools.measure_preview [ROUNDS]

Copies the project to a temporary folder, starts its ``make serve`` preview,
opens the home page in headless Chromium, then saves a new sentence into
``content/fi/index.md`` ROUNDS times and times each until the open page shows it.
"""

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS
from scripts.project_copy import copy_project

PAGE = "content/fi/index.md"


def start_preview(folder):
    """Start the copy's preview on a free port; return the process and its URL."""
    preview = subprocess.Popen(
        [sys.executable, "-u", "-m", "scripts.serve", "pelicanconf.py", "--port", "0"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for line in preview.stdout:
        found = re.search(r"Preview: (http://\S+)", line)
        if found:
            return preview, found[1]
    raise RuntimeError("the preview did not start")


def measure(rounds):
    """Return the seconds from each save to the new text in the open page."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copy_project(folder)
        preview, url = start_preview(folder)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_FLAGS
                )
                page = browser.new_page()
                page.goto(url)
                page.wait_for_load_state("load")
                times = []
                for number in range(rounds):
                    marker = f"Muokkaus numero {number} näkyy nyt."
                    file = folder / PAGE
                    file.write_text(f"{file.read_text('utf-8')}\n{marker}\n", "utf-8")
                    saved = time.perf_counter()
                    page.get_by_text(marker).wait_for(timeout=60_000)
                    times.append(time.perf_counter() - saved)
                    time.sleep(1)
                browser.close()
        finally:
            preview.terminate()
            preview.wait()
    return times


def main(arguments):
    """Print each round's time and the median."""
    rounds = int(arguments[0]) if arguments else 5
    times = measure(rounds)
    print("save → shown in the page:", ", ".join(f"{t:.2f} s" for t in times))
    print(f"median {statistics.median(times):.2f} s, slowest {max(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
