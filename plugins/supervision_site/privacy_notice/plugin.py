"""Give the privacy notice the facts about the hosted form service behind the form."""

from functools import partial

from pelican import signals

from supervision_site.core.languages import country_name
from supervision_site.core.settings import apply_defaults

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


def build_form_processor(settings):
    """Return the form service's name, its country in this language and the transfer.

    Whether the data leaves the EU is None until the setting is True or False.
    """
    code = settings["CONTACT_FORM_PROCESSOR_COUNTRY"]
    leaves = settings["CONTACT_FORM_DATA_LEAVES_EU"]
    # A code Babel does not know is shown as written; owner_facts names it.
    country = country_name(code, settings["DEFAULT_LANG"]) if code else None
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
