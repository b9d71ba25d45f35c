"""Refuse to publish the owner's placeholders; give templates the owner's facts.

The check runs as Pelican starts, before anything is read or written. With
``OWNER_FACTS_REFUSE`` (publishconf.py, unless ALLOW_PLACEHOLDERS is set) it
prints one plain line per fact and stops; otherwise the same lines are warnings,
and a preview highlights the texts still to write.
"""

import logging
import sys
from functools import partial

from pelican import signals
from services.plugin import translations_for

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

DEFAULTS = {"OWNER_FACTS_REFUSE": False, "OWNER_FACTS_FILE": "pelicanconf.py"}
TRY_ANYWAY = "make publish ALLOW_PLACEHOLDERS=1"


def setting(settings, name):
    """Return a setting of this plugin, or its default."""
    return settings.get(name, DEFAULTS[name])


def find_problems(settings):
    """Return every placeholder fact, unreadable fact and unwritten text."""
    settings = {**DEFAULTS, **settings}
    return (
        find_placeholders(settings)
        + find_unreadable(settings)
        + find_markers(settings["PATH"])
    )


def check_facts(pelican):
    """Stop a build that must refuse placeholders; otherwise warn about each one."""
    settings = pelican.settings
    if settings["DEFAULT_LANG"] != settings.get("MAIN_LANG", settings["DEFAULT_LANG"]):
        return  # a language site: the main site has checked every language
    problems = find_problems(settings)
    if not problems:
        return
    lines = list(dict.fromkeys(problem.line() for problem in problems))
    if not setting(settings, "OWNER_FACTS_REFUSE"):
        for line in lines:
            logger.warning("%s", line)
        return
    for line in lines:
        print(line, file=sys.stderr)
    print(
        f"Sivustoa ei julkaistu: {len(lines)} kohtaa on täydentämättä. Täydennä "
        f"ne ja aja make publish uudelleen (kokeiluun ilman niitä: {TRY_ANYWAY}).",
        file=sys.stderr,
    )
    raise SystemExit(1)


def highlight_text_to_write(content):
    """Highlight each marked text of a page, so that a preview shows what is left."""
    if MARKER in (content._content or ""):
        content._content = MARKER_TEXT.sub(
            r'<mark class="to-write">\g<0></mark>', content._content
        )


def add_template_helpers(generator):
    """Install ``contact``, ``practice_facts`` and ``retention`` as template globals."""
    settings = generator.settings
    t = translations_for(settings, generator.theme, settings["DEFAULT_LANG"])
    generator.env.globals.update(
        contact=build_contact(settings),
        practice_facts=partial(build_practice_facts, settings, t),
        retention=retention_period(settings),
    )


def register():
    """Connect the handlers."""
    signals.initialized.connect(check_facts)
    signals.content_object_init.connect(highlight_text_to_write)
    signals.generator_init.connect(add_template_helpers)
