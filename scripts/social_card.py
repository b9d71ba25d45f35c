"""Render the social card image (og:image) from its SVG source with Chromium.

Usage: python -m scripts.social_card
"""

from pathlib import Path

from scripts.chromium import headless_chromium

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "theme" / "source" / "social-card.svg"
TARGET = ROOT / "theme" / "static" / "images" / "social-card.png"
WIDTH, HEIGHT = 1200, 630


def main():
    """Screenshot the SVG at its own size into the theme's images."""
    with headless_chromium() as browser:
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.goto(SOURCE.as_uri())
        page.screenshot(path=str(TARGET), type="png")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
