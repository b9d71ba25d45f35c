"""Show the practice's facts from the settings in a language: where, area, languages."""

from babel import Locale
from babel.lists import format_list
from babel.units import format_unit

from .contact import NBSP

# The places a session may take place in, as SESSION_PLACES names them.
PLACES = ("workplace", "premises", "online")


def place_names(t):
    """Return the name of every place of ``PLACES`` in the catalog's language."""
    return {
        "workplace": t.gettext("at the client’s workplace"),
        "premises": t.gettext("at my premises"),
        "online": t.gettext("online"),
    }


def language_names(codes, lang):
    """Return language codes as names in ``lang``: ``suomi ja englanti``."""
    names = Locale.parse(lang).languages
    return format_list([names.get(code, code) for code in codes], locale=lang)


def build_practice_facts(settings, t):
    """Return the practice's facts as (label, text), leaving out those not given."""
    lang = settings["DEFAULT_LANG"]
    places = place_names(t)
    chosen = [places[p] for p in settings.get("SESSION_PLACES", ()) if p in places]
    facts = [
        (
            t.gettext("Where we meet"),
            format_list(chosen, style="or", locale=lang) if chosen else "",
        ),
        (t.gettext("Area"), settings.get("AREA_SERVED", "")),
        (
            t.gettext("Languages"),
            language_names(settings.get("SUPERVISION_LANGUAGES", ()), lang),
        ),
        (t.gettext("Prices"), settings.get("PRICING", "")),
    ]
    return [(label, text) for label, text in facts if text]


def retention_period(settings):
    """Return how long messages are kept, ``12 kuukautta``, or None when not set."""
    months = settings.get("MESSAGE_RETENTION_MONTHS")
    if not isinstance(months, int) or isinstance(months, bool) or months < 1:
        return None
    text = format_unit(months, "duration-month", locale=settings["DEFAULT_LANG"])
    return text.replace(" ", NBSP)
