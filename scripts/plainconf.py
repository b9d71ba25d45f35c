"""Plain Pelican for comparison: its default theme, no plugins, pages from folders.

Only what Pelican itself needs to publish our Markdown as pages: the language
from the folder, translations linked by ``Key``, the same URLs as our site.
"""

PATH = "content"
PAGE_PATHS = [""]
ARTICLE_PATHS = []
PLUGINS = []  # unset, every installed namespace plugin would load
DEFAULT_LANG = "fi"
TIMEZONE = "Europe/Helsinki"
PATH_METADATA = r"(?P<lang>[a-z]{2})/(?P<prefix>(?:[^/]+/)*)[^/]+\.md"
SLUGIFY_SOURCE = "basename"
PAGE_TRANSLATION_ID = "key"
PAGE_URL = "{prefix}{slug}/"
PAGE_SAVE_AS = "{prefix}{slug}/index.html"
PAGE_LANG_URL = "{lang}/{prefix}{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{prefix}{slug}/index.html"
DEFAULT_METADATA = {"key": ""}
DELETE_OUTPUT_DIRECTORY = True
INDEX_SAVE_AS = "blog/index.html"  # the home page is a page of ours
# The default theme lists every page in the menu of every page: with 2,000 pages
# its build grows with the square of the pages. Our menu has four entries.
DISPLAY_PAGES_ON_MENU = False
