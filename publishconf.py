"""Production settings: everything in pelicanconf.py, plus the site's real address."""

import sys

sys.path.append(".")
from pelicanconf import *  # noqa: F403
from pelicanconf import PLUGINS

# The public address of the site, without a trailing slash (placeholder: replace it).
SITEURL = "https://www.example.fi"

# Minified output, hashed asset names, _headers, and .gz/.br beside every text file.
ASSET_FINGERPRINT = True
PLUGINS = [*PLUGINS, "publish_assets"]
COMPRESS_EXTENSIONS = {".css", ".html", ".js", ".json", ".svg", ".txt", ".xml"}
# Kept between builds in CACHE_PATH (`make clean` empties it): the compressed
# copies by content hash, so a later build compresses only the files that
# changed, and what Pelican's reader made of each unchanged Markdown file (by
# its time of change; after changing MARKDOWN or upgrading, run `make clean`).
CACHE_PATH = "cache"
CACHE_CONTENT = LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
