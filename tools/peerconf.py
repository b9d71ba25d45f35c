"""The peer the benchmark measures us against: Pelican as its users would set it up.

Pelican's default theme, pelican-i18n-subsites for the languages and
pelican-precompress (brotli at quality 11, gzip at level 9), with only what
Pelican needs to publish our Markdown at our URLs: the language from the
folder, translations linked by ``Key``.
"""

PATH = "content"
PAGE_PATHS = [""]
ARTICLE_PATHS = []
PLUGINS = ["pelican.plugins.i18n_subsites", "pelican.plugins.precompress"]
DEFAULT_LANG = "fi"
I18N_SUBSITES = {"en": {}}
I18N_UNTRANSLATED_PAGES = "remove"
TIMEZONE = "Europe/Helsinki"
PATH_METADATA = r"(?P<lang>[a-z]{2})/(?P<prefix>(?:[^/]+/)*)[^/]+\.md"
SLUGIFY_SOURCE = "basename"
PAGE_TRANSLATION_ID = "key"
PAGE_URL = PAGE_LANG_URL = "{prefix}{slug}/"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = "{prefix}{slug}/index.html"
DEFAULT_METADATA = {"key": ""}
INDEX_SAVE_AS = "blog/index.html"  # the home page is a page of ours
# The default theme lists every page in the menu of every page: with 2,000 pages
# its build grows with the square of the pages. Our menu has four entries.
DISPLAY_PAGES_ON_MENU = False
# An edited page gets new copies (by default an existing copy is kept as it is).
PRECOMPRESS_OVERWRITE = True
