"""Save screenshots of built pages at phone and desktop widths, light and dark.

Usage: python -m tools.screenshots OUTPUT_DIR SHOTS_DIR PATH [PATH ...]

OUTPUT_DIR is a build whose links start at the root, as ``make html`` writes
them; a production build for this needs ``-e 'SITEURL=""'``.
"""

import sys
from pathlib import Path

from scripts.chromium import headless_chromium
from tools.static_host import StaticServer

WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")


def main(site_dir, shots_dir, paths):
    """Serve ``site_dir`` on 127.0.0.1 and screenshot every path."""
    Path(shots_dir).mkdir(parents=True, exist_ok=True)
    with StaticServer(site_dir) as server, headless_chromium() as browser:
        base = server.url
        for width in WIDTHS:
            for scheme in SCHEMES:
                page = browser.new_page(
                    viewport={"width": width, "height": 800}, color_scheme=scheme
                )
                for path in paths:
                    page.goto(base + path)
                    name = path.strip("/").replace("/", "_") or "home"
                    target = Path(shots_dir, f"{name}-{width}-{scheme}.png")
                    page.screenshot(path=target, full_page=True)
                    print(target)
                page.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
