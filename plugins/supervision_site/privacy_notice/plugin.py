"""Give the privacy notice the facts about the hosted form service behind the form."""

import logging
from functools import partial

from babel import Locale
from pelican import signals

from supervision_site.core.settings import apply_defaults

logger = logging.getLogger(__name__)

PREFIX = "CONTACT_FORM_"
DEFAULTS = {
    # Where the contact form posts its messages (a hosted form service).
    "CONTACT_FORM_ENDPOINT": "",
    # The service's company name, the two-letter code of the country where it
    # processes the messages, and whether they leave the EU and EEA.
    "CONTACT_FORM_PROCESSOR": "",
    "CONTACT_FORM_PROCESSOR_COUNTRY": "",
    "CONTACT_FORM_DATA_LEAVES_EU": None,  # True or False; None until the owner says
}


def country_name(code, lang):
    """Return a country's name in the given language, or None for an unknown code."""
    return Locale.parse(lang).territories.get(code.strip().upper())


def build_form_processor(settings):
    """Return the form service's name, its country in this language and the transfer.

    Whether the data leaves the EU is None until the setting is True or False.
    """
    code = settings["CONTACT_FORM_PROCESSOR_COUNTRY"]
    leaves = settings["CONTACT_FORM_DATA_LEAVES_EU"]
    country = country_name(code, settings["DEFAULT_LANG"]) if code else None
    if code and country is None:
        logger.warning(
            "[privacy_notice] CONTACT_FORM_PROCESSOR_COUNTRY in pelicanconf.py is %r, "
            "which is not a country code; write two letters such as 'US' or 'IE'. "
            "The privacy notice shows %r as it is.",
            code,
            code,
        )
    return {
        "name": settings["CONTACT_FORM_PROCESSOR"],
        "country": country or code,
        "leaves_eu": leaves if isinstance(leaves, bool) else None,
    }


def add_template_helpers(generator):
    """Install ``form_processor()`` as a template global."""
    generator.env.globals["form_processor"] = partial(
        build_form_processor, generator.settings
    )


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_template_helpers)
