"""Refuse to publish the owner's placeholders; give templates the owner's facts.

The check runs as Pelican starts, before anything is read or written. With
``OWNER_FACTS_REFUSE`` (publishconf.py, unless ALLOW_PLACEHOLDERS is set) it
prints one plain line per fact and stops; otherwise the same lines are warnings,
and a preview highlights the texts still to write.
"""

import logging
from functools import partial

from pelican import signals

from supervision_site.core.languages import catalog, is_main_site
from supervision_site.core.problems import problem_lines, stop_on
from supervision_site.core.settings import apply_defaults

from .contact import build_contact
from .facts import (
    MARKER,
    MARKER_TEXT,
    find_markers,
    find_placeholders,
    find_unreadable,
)
from .practice import build_practice_facts, retention_period

logger = logging.getLogger(__name__)

PREFIX = "OWNER_FACTS_"
DEFAULTS = {
    # Whether a placeholder stops the build (publishconf.py) or is a warning.
    "OWNER_FACTS_REFUSE": False,
    # The settings file whose lines the messages name.
    "OWNER_FACTS_FILE": "pelicanconf.py",
}
TRY_ANYWAY = "make publish ALLOW_PLACEHOLDERS=1"


def find_problems(settings):
    """Return every placeholder fact, unreadable fact and unwritten text."""
    return (
        find_placeholders(settings)
        + find_unreadable(settings)
        + find_markers(settings["PATH"])
    )


def check_facts(pelican):
    """Stop a build that must refuse placeholders; otherwise warn about each one."""
    settings = pelican.settings
    if not is_main_site(settings):
        return  # a language site: the main site has checked every language
    problems = find_problems(settings)
    if settings["OWNER_FACTS_REFUSE"]:
        stop_on(problems, not_published)
    for line in problem_lines(problems):
        logger.warning("%s", line)


def not_published(count):
    """Return the closing line of a publish refused for ``count`` facts and texts."""
    return (
        f"Sivustoa ei julkaistu: {count} kohtaa on täydentämättä. Täydennä ne ja "
        f"aja make publish uudelleen (kokeiluun ilman niitä: {TRY_ANYWAY})."
    )


def highlight_text_to_write(content):
    """Highlight each marked text of a page, so that a preview shows what is left."""
    if MARKER in (content._content or ""):
        content._content = MARKER_TEXT.sub(
            r'<mark class="to-write">\g<0></mark>', content._content
        )


def add_template_helpers(generator):
    """Install ``contact``, ``practice_facts`` and ``retention`` as template globals."""
    settings = generator.settings
    t = catalog(settings)
    generator.env.globals.update(
        contact=build_contact(settings),
        practice_facts=partial(build_practice_facts, settings, t),
        retention=retention_period(settings),
    )


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(check_facts)
    signals.content_object_init.connect(highlight_text_to_write)
    signals.generator_init.connect(add_template_helpers)
