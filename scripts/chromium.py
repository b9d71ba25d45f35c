"""Which Chromium to run, the flags that run it headless and quiet, offline, and
the browser started with them."""

from contextlib import contextmanager

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


@contextmanager
def headless_chromium():
    """Yield a headless Chromium browser through Playwright, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        try:
            yield browser
        finally:
            browser.close()
