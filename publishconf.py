"""Production settings: everything in pelicanconf.py, plus the site's real address."""

import os
from pathlib import Path

from pelican.settings import get_settings_from_file

# Every setting of pelicanconf.py, read the way pelican reads a settings file.
pelicanconf = get_settings_from_file(str(Path(__file__).with_name("pelicanconf.py")))
globals().update(pelicanconf)

SITEURL = pelicanconf["SITE_ADDRESS"]
# Placeholders among the owner's facts stop the build, unless ALLOW_PLACEHOLDERS=1
# (for the tests, CI and trying the production build): then they are warnings.
OWNER_FACTS_REFUSE = os.environ.get("ALLOW_PLACEHOLDERS", "") in ("", "0")

# Minified output, hashed asset names, _headers, and .gz/.br beside every text file;
# the editor at /admin/ only when EDITOR_GITHUB_REPO (pelicanconf.py) is set.
ASSET_FINGERPRINT = True
PLUGINS = [
    *pelicanconf["PLUGINS"],
    "supervision_site.published_assets",
    "supervision_site.online_editor",
]
# Kept between builds in CACHE_PATH (`make clean` empties it): the compressed
# copies by content hash, so a later build compresses only the files that
# changed; each page's HTML, rendered again only when its inputs changed
# (published_assets/page_writer.py); and what Pelican's reader made of each
# Markdown file, by the hash of its text (an edit that keeps the file's time
# still counts), read anew whenever the code or the settings change.
CACHE_PATH = "cache"
CACHE_CONTENT = LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"
