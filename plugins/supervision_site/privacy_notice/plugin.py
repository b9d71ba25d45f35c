"""Give templates the facts about the hosted form service for the privacy notice."""

import logging
from functools import partial

from babel import Locale
from pelican import signals

logger = logging.getLogger(__name__)

DEFAULTS = {
    "CONTACT_FORM_PROCESSOR": "",
    "CONTACT_FORM_PROCESSOR_COUNTRY": "",
    "CONTACT_FORM_DATA_LEAVES_EU": True,
}


def country_name(code, lang):
    """Return a country's name in the given language, or None for an unknown code."""
    return Locale.parse(lang).territories.get(code.strip().upper())


def build_form_processor(settings):
    """Return the form service's name, its country in this language and the transfer."""
    values = {**DEFAULTS, **settings}
    code = values["CONTACT_FORM_PROCESSOR_COUNTRY"]
    country = country_name(code, settings["DEFAULT_LANG"]) if code else None
    if code and country is None:
        logger.warning(
            "[contact_form] CONTACT_FORM_PROCESSOR_COUNTRY in pelicanconf.py is %r, "
            "which is not a country code; write two letters such as 'US' or 'IE'. "
            "The privacy notice shows %r as it is.",
            code,
            code,
        )
    return {
        "name": values["CONTACT_FORM_PROCESSOR"],
        "country": country or code,
        "leaves_eu": bool(values["CONTACT_FORM_DATA_LEAVES_EU"]),
    }


def add_template_helpers(generator):
    """Install ``form_processor()`` as a template global."""
    generator.env.globals["form_processor"] = partial(
        build_form_processor, generator.settings
    )


def register():
    """Connect the handlers."""
    signals.generator_init.connect(add_template_helpers)
