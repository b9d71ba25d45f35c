"""Every setting of the site. The owner's facts come first: replace the placeholders."""

# --- The owner's facts (placeholders: replace them) -------------------------
SUPERVISOR_NAME = "Etunimi Sukunimi"
SUPERVISOR_TITLE = "työnohjaaja (nimike)"
SUPERVISOR_CREDENTIALS = ["Koulutus 1 (esimerkki)", "Koulutus 2 (esimerkki)"]
SUPERVISOR_PHOTO = ""  # e.g. "images/tyonohjaaja.jpg" under content/images/
CONTACT_EMAIL = "tyonohjaus@example.fi"
CONTACT_PHONE = "+358 40 000 0000"
CONTACT_PHONE_URI = "tel:" + CONTACT_PHONE.replace(" ", "")
AREA_SERVED = "Suomi"
CONTACT_FORM_ENDPOINT = "https://formspree.io/f/your-form-id"

# --- Site -------------------------------------------------------------------
SITENAME = "Työnohjaus Etunimi Sukunimi"
SITEURL = ""
AUTHOR = SUPERVISOR_NAME
TIMEZONE = "Europe/Helsinki"
DEFAULT_LANG = "fi"
MAIN_LANG = DEFAULT_LANG  # x-default; kept when a language subsite changes DEFAULT_LANG

# Other languages: one entry each, served under /<lang>/.
I18N_SUBSITES = {
    "en": {
        "SITENAME": "Work supervision Etunimi Sukunimi",
        "SUPERVISOR_TITLE": "work supervisor (title)",
        "SUPERVISOR_CREDENTIALS": ["Training 1 (example)", "Training 2 (example)"],
    },
}
I18N_TEMPLATES_LANG = "en"
I18N_UNTRANSLATED_PAGES = "remove"
I18N_UNTRANSLATED_ARTICLES = "remove"
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# --- Content ----------------------------------------------------------------
PATH = "content"
PAGE_PATHS = [""]  # every language folder
ARTICLE_PATHS = []
STATIC_PATHS = ["images"]
# The language comes from the first folder, the URL prefix from the folders after it.
PATH_METADATA = r"(?P<lang>[a-z]{2})/(?P<prefix>(?:[^/]+/)*)[^/]+\.md"
SLUGIFY_SOURCE = "basename"
PAGE_TRANSLATION_ID = "key"
PAGE_URL = PAGE_LANG_URL = "{prefix}{slug}/"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = "{prefix}{slug}/index.html"
DEFAULT_METADATA = {"key": ""}
DIRECT_TEMPLATES = []
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {"smart_quotes": False},
    },
    "output_format": "html5",
}

# --- Theme and plugins ------------------------------------------------------
THEME = "theme"
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "pelican.plugins.i18n_subsites",
    "site_links",
    "services",
    "http_headers",
    "external_links",
    "site_checks",
]
DELETE_OUTPUT_DIRECTORY = True
RELATIVE_URLS = False

# --- Navigation -------------------------------------------------------------
MENU_KEYS = ["services", "process", "about", "contact"]
# The footer of every page lists at most this many services, then links to all.
FOOTER_SERVICES_MOST = 8

# --- Publishing (publishconf.py turns these on) ------------------------------
ASSET_FINGERPRINT = False
HTML_CACHE_CONTROL = "public, max-age=600, must-revalidate"
CUSTOM_DOMAIN = ""  # e.g. "www.example.fi" for GitHub Pages; written to CNAME
