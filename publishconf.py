"""Production settings: everything in pelicanconf.py, plus the site's real address."""

from pathlib import Path

from pelican.settings import get_settings_from_file

# Every setting of pelicanconf.py, read the way pelican reads a settings file.
pelicanconf = get_settings_from_file(str(Path(__file__).with_name("pelicanconf.py")))
globals().update(pelicanconf)

# The public address of the site, without a trailing slash (placeholder: replace it).
SITEURL = "https://www.example.fi"

# Minified output, hashed asset names, and .gz/.br beside every text file.
ASSET_FINGERPRINT = True
PLUGINS = [*pelicanconf["PLUGINS"], "supervision_site.published_assets"]
# Brotli quality of the .br copies (0-11). At 5 they are about 10 % larger than
# at 11, which takes forty times as long: 20 ms a page, four times what plain
# Pelican spends building one.
COMPRESS_BROTLI_QUALITY = 5
