"""Measure how long a saved edit takes to show in the page open in the preview.

Usage: python -m tools.measure_preview [ROUNDS]

Copies the project to a temporary folder, starts its ``make serve`` preview,
opens the home page in headless Chromium, then saves a new sentence into
``content/fi/index.md`` ROUNDS times and times each until the open page shows it.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from scripts.chromium import headless_chromium
from scripts.project_copy import copy_project
from tools.live_preview import running_preview

PAGE = "content/fi/index.md"


def measure(rounds):
    """Return the seconds from each save to the new text in the open page."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copy_project(folder)
        with (
            running_preview(folder, "--port", "0") as url,
            headless_chromium() as browser,
        ):
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
