"""The editor's fields and facts, built from the services schema and the settings."""

import re
import shutil

import pytest
from conftest import ROOT
from pelican.settings import read_settings

from editor.config import build_config, build_local_backend
from scripts.project_copy import copy_project
from supervision_site.service_facts import parsers

BACKEND = build_local_backend("http://127.0.0.1:8081")
DURATIONS = {
    "session": parsers.SESSION,
    "interval": parsers.INTERVAL,
    "contract": parsers.CONTRACT,
    "process": parsers.PROCESS,
}


def config_of(project):
    """Return the editor's configuration of a project folder."""
    settings = read_settings(str(project / "pelicanconf.py"))
    return build_config(project, settings, BACKEND, pages={})


@pytest.fixture(scope="module")
def config():
    """Return the editor's configuration of the real project."""
    return config_of(ROOT)


def collection(config, name):
    """Return one collection of the configuration by name."""
    [found] = [c for c in config["cms"]["collections"] if c["name"] == name]
    return found


def fields(config, name):
    """Return one collection's fields by name."""
    return {field["name"]: field for field in collection(config, name)["fields"]}


def test_finnish_services_have_every_fact_of_the_field_table_in_its_order(config):
    names = list(fields(config, "fi-services"))
    assert names == ["title", "summary", "key", *parsers.SERVICE_FIELDS, "body"]


def test_english_services_take_their_facts_from_the_finnish_page(config):
    assert list(fields(config, "en-services")) == ["title", "summary", "key", "body"]


@pytest.mark.parametrize("name", ["fi-pages", "en-pages"])
def test_other_pages_get_title_summary_and_body(config, name):
    assert list(fields(config, name)) == ["title", "summary", "body"]


def test_collections_are_the_language_folders_of_the_content(config):
    folders = {c["name"]: c["folder"] for c in config["cms"]["collections"]}
    assert folders == {
        "fi-services": "content/fi/palvelut",
        "fi-pages": "content/fi",
        "en-services": "content/en/services",
        "en-pages": "content/en",
    }


def test_format_is_a_choice_among_the_parsers_examples(config):
    format_field = fields(config, "fi-services")["format"]
    assert format_field["widget"] == "select"
    values = [option["value"] for option in format_field["options"]]
    assert values == re.findall(r'"([^"]+)"', parsers.FORMAT_EXAMPLES)
    assert [parsers.parse_format(value) for value in values] == [
        ("individual",),
        ("group",),
        ("individual", "group"),
    ]
    labels = [option["label"] for option in format_field["options"]]
    assert labels == ["yksilöohjaus", "ryhmäohjaus", "yksilöohjaus tai ryhmäohjaus"]


@pytest.mark.parametrize("name", sorted(DURATIONS))
def test_length_of_time_is_checked_and_shows_the_parsers_examples(config, name):
    field = fields(config, "fi-services")[name]
    assert (field["widget"], field["required"]) == ("checked", False)
    for example in re.findall(r'"([^"]+)"', DURATIONS[name].examples):
        assert example in field["hint"]


def test_order_is_a_whole_number_and_the_key_is_fixed(config):
    service = fields(config, "fi-services")
    assert (service["order"]["widget"], service["order"]["value_type"]) == (
        "number",
        "int",
    )
    assert service["key"]["widget"] == "fixed"


def test_labels_of_the_facts_are_the_words_visitors_read(config):
    service = fields(config, "fi-services")
    assert service["session"]["label"] == "Tapaamisen kesto (Session)"
    assert service["interval"]["label"] == "Tapaamisväli (Interval)"


def test_pages_are_written_in_our_format_and_never_created_or_deleted(config):
    for found in config["cms"]["collections"]:
        assert (found["format"], found["create"], found["delete"]) == (
            "pelican",
            False,
            False,
        )


def setting_line(name):
    """Return the number of the line of pelicanconf.py that first sets ``name``."""
    lines = (ROOT / "pelicanconf.py").read_text("utf-8").splitlines()
    return next(
        n for n, line in enumerate(lines, 1) if re.match(rf"\s*\W?{name}\W", line)
    )


def test_owner_facts_are_shown_with_the_line_that_sets_them(config):
    facts = {fact["setting"]: fact for fact in config["site"]["owner_facts"]}
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    phone = facts["CONTACT_PHONE"]
    assert (phone["value"], phone["line"]) == (
        settings["CONTACT_PHONE"],
        setting_line("CONTACT_PHONE"),
    )
    [english] = facts["SUPERVISOR_TITLE"]["languages"]
    lines = (ROOT / "pelicanconf.py").read_text("utf-8").splitlines()
    assert english["value"] == settings["I18N_SUBSITES"]["en"]["SUPERVISOR_TITLE"]
    assert lines[english["line"] - 1].strip().startswith('"SUPERVISOR_TITLE"')


def test_a_fact_set_again_below_the_first_block_is_shown_with_that_line(tmp_path):
    project = copy_project(tmp_path)
    settings_file = project / "pelicanconf.py"
    text = settings_file.read_text("utf-8")
    settings_file.write_text(text + 'BUSINESS_ID = "1234567-8"\n', "utf-8")
    facts = {f["setting"]: f for f in config_of(project)["site"]["owner_facts"]}
    business_id = facts["BUSINESS_ID"]
    assert business_id["value"] == "1234567-8"
    assert business_id["line"] == len(text.splitlines()) + 1


def test_a_computed_setting_is_not_shown_as_a_fact(config):
    names = [fact["setting"] for fact in config["site"]["owner_facts"]]
    assert "CONTACT_PHONE_URI" not in names
    assert "SITENAME" not in names  # the site block, not the owner's facts
    assert "ENGLISH" not in names  # spread into the English site, not a fact itself


def test_the_configuration_follows_the_settings_and_the_content(tmp_path):
    project = copy_project(tmp_path)
    settings_file = project / "pelicanconf.py"
    text = settings_file.read_text("utf-8")
    text = text.replace(
        'BUSINESS_ID = "[[TÄYDENNÄ: Y-tunnus]]"', 'BUSINESS_ID = "1234567-8"'
    )
    text = text.replace(
        "I18N_SUBSITES = {\n",
        'I18N_SUBSITES = {\n    "sv": {"SITENAME": "Arbetshandledning"},\n',
    )
    settings_file.write_text(text, "utf-8")
    shutil.copytree(project / "content" / "en", project / "content" / "sv")
    (project / "content" / "sv" / "services").rename(
        project / "content" / "sv" / "tjanster"
    )
    changed = config_of(project)
    facts = {fact["setting"]: fact["value"] for fact in changed["site"]["owner_facts"]}
    assert facts["BUSINESS_ID"] == "1234567-8"
    assert collection(changed, "sv-services")["folder"] == "content/sv/tjanster"
    assert [lang["lang"] for lang in changed["site"]["languages"]] == [
        "fi",
        "en",
        "sv",
    ]  # the build's order
