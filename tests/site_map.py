"""The site's URLs for the tests: every page by its Key, in Finnish and English."""

LANGS = ("fi", "en")
SERVICE_KEYS = ("team", "manager", "individual", "expert", "group", "debriefing")
SERVICES = {
    "team": {
        "fi": "/palvelut/tyoyhteisojen-tyonohjaus/",
        "en": "/en/services/team-supervision/",
    },
    "manager": {
        "fi": "/palvelut/esihenkiloiden-tyonohjaus/",
        "en": "/en/services/supervision-for-managers/",
    },
    "individual": {
        "fi": "/palvelut/yksilotyonohjaus/",
        "en": "/en/services/individual-supervision/",
    },
    "expert": {
        "fi": "/palvelut/vaativien-tehtavien-tyonohjaus/",
        "en": "/en/services/supervision-for-demanding-roles/",
    },
    "group": {
        "fi": "/palvelut/ryhmatyonohjaus/",
        "en": "/en/services/group-supervision/",
    },
    "debriefing": {"fi": "/palvelut/debriefing/", "en": "/en/services/debriefing/"},
}
# The pages search engines index: every page but the hidden ones below.
PAGES = {
    "home": {"fi": "/", "en": "/en/"},
    "services": {"fi": "/palvelut/", "en": "/en/services/"},
    **SERVICES,
    "process": {"fi": "/tyonohjausprosessi/", "en": "/en/supervision-process/"},
    "about": {"fi": "/tyonohjaaja/", "en": "/en/about/"},
    "contact": {"fi": "/yhteystiedot/", "en": "/en/contact/"},
    "privacy": {"fi": "/tietosuojaseloste/", "en": "/en/privacy/"},
}
HIDDEN_PAGES = {
    "thanks": {"fi": "/kiitos/", "en": "/en/thank-you/"},
    "notfound": {"fi": "/404.html", "en": "/en/404.html"},
}
PAIRS = [(paths["fi"], paths["en"]) for paths in PAGES.values()]
ALL_PATHS = [path for pair in PAIRS for path in pair]
SERVICE_PATHS = [SERVICES[key][lang] for lang in LANGS for key in SERVICE_KEYS]
HIDDEN_PATHS = [paths[lang] for paths in HIDDEN_PAGES.values() for lang in LANGS]
