"""Production settings: everything in pelicanconf.py, plus the site's real address."""

import sys

sys.path.append(".")
from pelicanconf import *  # noqa: F403
from pelicanconf import PLUGINS

# The public address of the site, without a trailing slash (placeholder: replace it).
SITEURL = "https://www.example.fi"

# Minified output, hashed asset names, _headers, and .gz/.br beside every text file.
ASSET_FINGERPRINT = True
PLUGINS = [*PLUGINS, "publish_assets", "pelican.plugins.precompress"]
PRECOMPRESS_GZIP = PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_TEXT_EXTENSIONS = {".css", ".html", ".js", ".json", ".svg", ".txt", ".xml"}
