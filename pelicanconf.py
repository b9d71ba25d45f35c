"""Every setting of the site. The owner's facts come first: replace the placeholders."""

from jinja2 import FileSystemBytecodeCache

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
# The hosted service behind CONTACT_FORM_ENDPOINT, as the privacy notice names it:
# its company name, the two-letter code of the country where it processes the
# messages ("US", "IE", "FI"), and whether the messages leave the EU and EEA.
CONTACT_FORM_PROCESSOR = "Lomakepalvelun nimi (esimerkki: Formspree, Inc.)"
CONTACT_FORM_PROCESSOR_COUNTRY = "US"
CONTACT_FORM_DATA_LEAVES_EU = True

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
        "AREA_SERVED": "Finland",
        "SEARCH_META_SERVICE_TYPE": "Work supervision",
        "SEARCH_META_IMAGE_ALT": "The words Työnohjaus and Work supervision",
    },
}
# Every page must exist in each of these languages (a new language may stay partial
# until it is added here).
SERVICES_REQUIRED_LANGUAGES = [DEFAULT_LANG, "en"]
# Front-matter fields that other plugins read; any other unknown field stops the build.
SERVICES_EXTRA_FIELDS = []
I18N_TEMPLATES_LANG = "en"
I18N_UNTRANSLATED_PAGES = "remove"
I18N_UNTRANSLATED_ARTICLES = "remove"
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    # Compiled templates are kept (in the user's temporary folder) for every
    # language site and later builds; an edited template is compiled anew.
    "bytecode_cache": FileSystemBytecodeCache(),
    # A build runs with one set of templates: no checking each file for changes
    # every time a page includes it (the live preview starts each build anew).
    "auto_reload": False,
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
# Our plugins are the package plugins/supervision_site, installed into .venv by make.
PLUGINS = [
    "pelican.plugins.i18n_subsites",
    "supervision_site.shared_reads",
    "supervision_site.site_links",
    "supervision_site.service_facts",
    "supervision_site.search_metadata",
    "supervision_site.security_policy",
    "supervision_site.external_links",
    "supervision_site.privacy_notice",
    "supervision_site.site_checks",
]
DELETE_OUTPUT_DIRECTORY = False  # a failed build leaves the output folder as it was
RELATIVE_URLS = False

# --- Navigation -------------------------------------------------------------
MENU_KEYS = ["services", "process", "about", "contact"]
# The pages the theme links to by their role, each named by its Key. The build
# stops when no page has one of these Keys.
PAGE_ROLES = {
    "home": "home",
    "services": "services",
    "contact": "contact",
    "thanks": "thanks",
    "privacy": "privacy",
}
# The service whose page leads with a phone call for an acute incident; every
# page links to it while it exists.
URGENT_SERVICE_KEY = "debriefing"
# The footer of every page lists at most this many services, then links to all.
FOOTER_SERVICES_MOST = 8

# --- Search engines and link previews ---------------------------------------
SEARCH_META_SERVICE_TYPE = "Työnohjaus"  # what every service page offers
# The picture shown when a page is shared (under theme/static/) and its description.
SEARCH_META_IMAGE = "images/social-card.png"
SEARCH_META_IMAGE_ALT = "Sanat Työnohjaus ja Work supervision"
# og:locale where the language's most likely country is not the one meant.
SEARCH_META_LOCALES = {"en": "en_GB"}

# --- Publishing --------------------------------------------------------------
CUSTOM_DOMAIN = ""  # e.g. "www.example.fi" for GitHub Pages; written to CNAME
