"""Every setting of the site. The owner's facts come first: fill in the placeholders."""

from pathlib import Path

from supervision_site.core.template_cache import TemplateCache

# --- The owner's facts --------------------------------------------------------
# Replace every placeholder: each value with [[TÄYDENNÄ: …]], the name, the
# addresses at .invalid, and the empty [] "" and None below. `make publish`
# names each one still left; README.md ("Ennen julkaisua") explains them all.
SUPERVISOR_NAME = "Etunimi Sukunimi"
SUPERVISOR_TITLE = "[[TÄYDENNÄ: nimike]]"
SUPERVISOR_TRAINING = ["[[TÄYDENNÄ: koulutus]]"]
SUPERVISOR_MEMBERSHIPS = ["[[TÄYDENNÄ: jäsenyys]]"]  # or [] for none
SUPERVISOR_PHOTO = ""  # optional, e.g. "images/tyonohjaaja.jpg" under content/images/
CONTACT_EMAIL = "etunimi.sukunimi@paikkamerkki.invalid"
CONTACT_PHONE = "[[TÄYDENNÄ: puhelinnumero]]"  # or "" to leave the phone out
BUSINESS_ID = "[[TÄYDENNÄ: Y-tunnus]]"
BUSINESS_ADDRESS = "[[TÄYDENNÄ: postiosoite tai paikkakunta]]"
SESSION_PLACES = []  # any of "workplace", "premises", "online"
AREA_SERVED = "[[TÄYDENNÄ: toiminta-alue]]"
SUPERVISION_LANGUAGES = []  # language codes, e.g. ["fi", "en"]
PRICING = "[[TÄYDENNÄ: hinnoittelu]]"
SITE_ADDRESS = "https://tyonohjaus.invalid"  # without a trailing slash
CONTACT_FORM_ENDPOINT = "https://lomakepalvelu.invalid/f/TAYDENNA"
# The hosted service behind CONTACT_FORM_ENDPOINT, as the privacy notice names it:
# its company name, the two-letter code of the country where it processes the
# messages ("US", "IE", "FI"), and whether the messages leave the EU and EEA.
CONTACT_FORM_PROCESSOR = "[[TÄYDENNÄ: lomakepalvelun nimi]]"
CONTACT_FORM_PROCESSOR_COUNTRY = ""
CONTACT_FORM_DATA_LEAVES_EU = None  # True or False
MESSAGE_RETENTION_MONTHS = None  # how long messages are kept at most, e.g. 12
# The facts written in words, in English, for the pages under /en/.
ENGLISH = {
    "SUPERVISOR_TITLE": "[[TÄYDENNÄ: title in English]]",
    "SUPERVISOR_TRAINING": ["[[TÄYDENNÄ: training in English]]"],
    "SUPERVISOR_MEMBERSHIPS": ["[[TÄYDENNÄ: membership in English]]"],
    "AREA_SERVED": "[[TÄYDENNÄ: area in English]]",
    "PRICING": "[[TÄYDENNÄ: pricing in English]]",
}

# --- Site -------------------------------------------------------------------
SITENAME = "Työnohjaus " + SUPERVISOR_NAME
SITEURL = ""
AUTHOR = SUPERVISOR_NAME
TIMEZONE = "Europe/Helsinki"
DEFAULT_LANG = "fi"
MAIN_LANG = DEFAULT_LANG  # x-default; kept when a language subsite changes DEFAULT_LANG
# Where the owner's facts are written, for the lines that name a placeholder.
OWNER_FACTS_FILE = str(Path(__file__).resolve())

# Other languages: one entry each, served under /<lang>/.
I18N_SUBSITES = {
    "en": {
        **ENGLISH,
        "SITENAME": "Work supervision " + SUPERVISOR_NAME,
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
# Compiled templates are kept in cache/jinja/ for both language sites and the
# next build; an edited template is compiled anew (docs/benchmarks.md: what
# this saves).
TEMPLATE_CACHE = Path(__file__).resolve().parent / "cache" / "jinja"
TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "bytecode_cache": TemplateCache(str(TEMPLATE_CACHE)),
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
    "supervision_site.compiled_templates",
    "supervision_site.site_links",
    "supervision_site.service_facts",
    "supervision_site.search_metadata",
    "supervision_site.security_policy",
    "supervision_site.external_links",
    "supervision_site.privacy_notice",
    "supervision_site.owner_facts",
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
    "process": "process",
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

# --- Editing in the browser (make edit; on the published site only when set) ---
# The editor at /admin/ of the published site saves each change to this GitHub
# repository, whose workflow tests and publishes it. Off while empty; README.md's
# Finnish guide says how to turn it on.
EDITOR_GITHUB_REPO = ""  # e.g. "omistaja/tyonohjaus-sivusto"
EDITOR_GITHUB_BRANCH = "main"
EDITOR_OAUTH_URL = "https://api.netlify.com"  # the service that signs in to GitHub
EDITOR_OAUTH_SITE = ""  # that service's site, e.g. "tyonohjaus.netlify.app"
