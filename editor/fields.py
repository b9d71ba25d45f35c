"""The fields of each collection in the editor, built from the build's field table.

Labels of the service facts come from the theme's catalog (as visitors read them),
examples from the parsers; only the editor's own help texts are written here.
"""

import re

from .schema import (
    DURATION_SPECS,
    FORMAT_EXAMPLES,
    SERVICE_FIELDS,
    field_name,
    format_text,
    labels,
    parse_format,
)

# What each field is, in the owner's words; the parsers' examples are added to it.
HELP = {
    "title": ("Otsikko", "Sivun otsikko."),
    "summary": (
        "Kuvaus",
        "Yksi lause hakukoneille ja palvelukortille, enintään 160 merkkiä.",
    ),
    "key": (
        "Tunnus",
        "Yhdistää sivun sen käännökseen; sama kaikilla kielillä, eikä sitä voi "
        "muuttaa sivun luomisen jälkeen.",
    ),
    "order": ("Järjestys", "Palvelun paikka valikoissa, korteissa ja taulukossa."),
    "format": ("Muoto", "Yksilö, ryhmä tai molemmat."),
    "session": ("Kesto", "Yhden tapaamisen pituus."),
    "interval": ("Väli", "Tapaamisten väli viikkoina."),
    "contract": ("Sopimus", "Yhden sopimuksen pituus."),
    "process": ("Prosessi", "Koko prosessin tavallinen kesto."),
    "body": (
        "Teksti",
        "Sivun teksti Markdownina: tyhjä rivi aloittaa kappaleen, ## väliotsikon.",
    ),
}
# When to leave a fact out; the build takes a service without it.
LEAVE_OUT = {"interval": "Jätä tyhjäksi, jos tavataan vain kerran."}
OPTIONAL = "Jätä tyhjäksi, jos tieto ei koske palvelua."
QUOTED = re.compile(r'"([^"]+)"')


def examples(spec_text):
    """Return the values quoted in a parser's examples: ``["90 min", "1,5 h"]``."""
    return QUOTED.findall(spec_text)


def in_finnish(values):
    """Return values as a Finnish list: ``90 min tai 1,5 h``."""
    return (
        ", ".join(values[:-1]) + " tai " + values[-1] if len(values) > 1 else values[0]
    )


def label(name, catalog):
    """Return a field's label: the visitors' word, then the name in the file."""
    shown = labels(catalog).get(name) or HELP[name][0]
    return shown if name == "body" else f"{shown} ({field_name(name)})"


def build_text_field(name, catalog, multiline=False):
    """Return a title or summary field, checked by the build's page check."""
    return {
        "name": name,
        "label": label(name, catalog),
        "widget": "checked",
        "multiline": multiline,
        "hint": HELP[name][1],
    }


def build_key_field(catalog):
    """Return the Key field: shown, never edited (new services get theirs when made)."""
    return {
        "name": "key",
        "label": label("key", catalog),
        "widget": "fixed",
        "hint": HELP["key"][1],
    }


def build_order_field(catalog):
    """Return the Order field: a whole number, as the parser takes it."""
    return {
        "name": "order",
        "label": label("order", catalog),
        "widget": "number",
        "value_type": "int",
        "min": 0,
        "max": 9999,
        "hint": HELP["order"][1],
    }


def build_format_field(catalog, lang):
    """Return the Format field: a choice among the parser's examples."""
    options = [
        {"label": format_text(parse_format(value), lang, catalog), "value": value}
        for value in examples(FORMAT_EXAMPLES)
    ]
    return {
        "name": "format",
        "label": label("format", catalog),
        "widget": "select",
        "options": options,
        "hint": HELP["format"][1],
    }


def build_duration_field(name, catalog):
    """Return a length-of-time field, checked by the build's parser as it is typed."""
    shown = in_finnish(examples(DURATION_SPECS[name].examples))
    return {
        "name": name,
        "label": label(name, catalog),
        "widget": "checked",
        "required": False,
        "hint": f"{HELP[name][1]} Esimerkiksi {shown}. "
        + LEAVE_OUT.get(name, OPTIONAL),
    }


def build_body_field(catalog):
    """Return the page's text: Markdown, edited as written so that links stay."""
    return {
        "name": "body",
        "label": label("body", catalog),
        "widget": "markdown",
        "modes": ["raw"],
        "required": False,
        "hint": HELP["body"][1],
    }


def build_fact_field(name, catalog, lang):
    """Return the editor field of one service fact."""
    if name == "order":
        return build_order_field(catalog)
    if name == "format":
        return build_format_field(catalog, lang)
    return build_duration_field(name, catalog)


def build_page_fields(catalog):
    """Return the fields of a page that is not a service."""
    return [
        build_text_field("title", catalog),
        build_text_field("summary", catalog, multiline=True),
        build_body_field(catalog),
    ]


def build_service_fields(catalog, lang, with_facts):
    """Return the fields of a service page; its facts only where they are written."""
    facts = [build_fact_field(name, catalog, lang) for name in SERVICE_FIELDS]
    return [
        build_text_field("title", catalog),
        build_text_field("summary", catalog, multiline=True),
        build_key_field(catalog),
        *(facts if with_facts else []),
        build_body_field(catalog),
    ]
