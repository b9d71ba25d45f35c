"""Where the editor's files are: ours, and Decap CMS's as npm installed them."""

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"  # the page, its script and styles
DECAP_DIST = Path("node_modules/decap-cms/dist")  # from the project's folder
DECAP_SERVER = Path("node_modules/decap-server/dist/index.js")
INSTALL = "make edit once: it installs the editor"
