"""Production settings: everything in pelicanconf.py, plus the site's real address."""

import sys

sys.path.append(".")
from pelicanconf import *  # noqa: F403

# The public address of the site, without a trailing slash (placeholder: replace it).
SITEURL = "https://www.example.fi"
