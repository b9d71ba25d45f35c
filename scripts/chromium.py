"""Which Chromium to run, and the flags that run it headless and quiet, offline."""

from scripts.tool_paths import chromium

# The system's Chromium, else Playwright's in .cache/ (None when there is neither:
# `make test` installs one).
CHROMIUM = chromium()
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
