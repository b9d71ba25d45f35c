"""The production writer: a build that keeps its pages writes what a clean one does."""

import json
import os
import shutil
from types import SimpleNamespace

import pytest
from conftest import ROOT, run_pelican

from supervision_site.published_assets.page_writer import (
    files_inputs,
    settings_text,
    start_build,
)

SERVICE = "fi/palvelut/ryhmatyonohjaus.md"


def add_text(content):
    """Add a sentence to one service page's text."""
    page = content / SERVICE
    page.write_text(page.read_text("utf-8") + "\nUusi lause.\n", "utf-8")


def add_text_keeping_its_time(content):
    """Add a sentence as a copy that keeps the file's time would (``cp -p``)."""
    page = content / SERVICE
    before = page.stat()
    add_text(content)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))


def retitle(content):
    """Give one service a new title, shown in every page's menus."""
    page = content / SERVICE
    text = page.read_text("utf-8")
    page.write_text(text.replace("Title: Ryhmätyönohjaus", "Title: Ryhmäohjaus"))


def change_template(theme):
    """Add a line to the footer of every page."""
    footer = theme / "templates" / "partials" / "footer.html"
    text = footer.read_text("utf-8")
    footer.write_text(text.replace("</footer>", "<p>Uusi rivi.</p>\n</footer>"))


def build(content, theme, output, cache, *settings):
    """Build ``content`` with ``theme`` into ``output``, keeping pages in ``cache``."""
    options = [f"THEME={json.dumps(str(theme))}", f"CACHE_PATH={json.dumps(cache)}"]
    result = run_pelican(content, output, "publishconf.py", "-e", *options, *settings)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def files(folder):
    """Return every written file's bytes, by its path in the site."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def kept(cache):
    """Return the names of the kept pages of both languages."""
    return {path.name for path in cache.glob("rendered/*/*.html")}


@pytest.fixture
def project(tmp_path):
    """Return a copy of the content and the theme, and a cache folder."""
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    theme = shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return content, theme, str(tmp_path / "cache")


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (add_text, "content"),
        (add_text_keeping_its_time, "content"),
        (retitle, "content"),
        (change_template, "theme"),
    ],
)
def test_a_build_after_a_change_writes_what_a_clean_build_writes(
    tmp_path, project, change, where
):
    content, theme, cache = project
    build(content, theme, tmp_path / "first", cache)
    change(content if where == "content" else theme)
    again = files(build(content, theme, tmp_path / "again", cache))
    clean = files(build(content, theme, tmp_path / "clean", str(tmp_path / "new")))
    assert again.keys() == clean.keys()
    assert [path for path in again if again[path] != clean[path]] == []


def test_only_the_edited_page_is_rendered_again(tmp_path, project):
    content, theme, cache = project
    build(content, theme, tmp_path / "first", cache)
    first = kept(tmp_path / "cache")
    add_text(content)
    build(content, theme, tmp_path / "again", cache)
    again = kept(tmp_path / "cache")
    assert len(again) == len(first) == 28
    assert len(first - again) == 1  # the edited page's earlier HTML is dropped


def test_a_changed_setting_renders_every_page_again(tmp_path, project):
    content, theme, cache = project
    build(content, theme, tmp_path / "first", cache)
    first = kept(tmp_path / "cache")
    build(content, theme, tmp_path / "again", cache, "FOOTER_SERVICES_MOST=3")
    assert kept(tmp_path / "cache").isdisjoint(first)


def test_each_build_in_one_process_reads_the_files_anew(project):
    content, theme, cache = project
    main_site = SimpleNamespace(
        settings={"DEFAULT_LANG": "fi", "MAIN_LANG": "fi", "CACHE_PATH": cache}
    )
    main_site.settings["OUTPUT_PATH"] = "output"
    start_build(main_site)
    first = files_inputs(str(theme), str(content))
    retitle(content)
    assert files_inputs(str(theme), str(content)) == first  # within one build
    start_build(main_site)
    assert files_inputs(str(theme), str(content)) != first


def test_settings_of_any_kind_are_read_and_the_output_folder_left_out():
    written = {
        "OUTPUT_PATH": "/a/build-1",
        "I18N_SUBSITES": {"en": {"OUTPUT_PATH": "/a/build-1/en"}},
    }
    again = {
        "OUTPUT_PATH": "/a/build-2",
        "I18N_SUBSITES": {"en": {"OUTPUT_PATH": "/a/build-2/en"}},
    }
    assert settings_text(written) == settings_text(again)
    assert "build-1" not in settings_text(written)
    mixed = {**written, "OWN": {1: "yksi", "kaksi": 2}}  # keys JSON cannot sort
    assert settings_text(mixed) != settings_text(written)


def link_to(address):
    """Add a link to ``address`` to the about page's text."""
    page = ROOT / "content" / "fi" / "tyonohjaaja.md"
    return page.read_text("utf-8") + f"\n[Palvelut]({address}/palvelut/)\n"


def test_a_new_site_address_reads_every_page_again(tmp_path, project):
    """Whether a link leaves the site (rel="noopener") depends on the address."""
    content, theme, cache = project
    (content / "fi" / "tyonohjaaja.md").write_text(link_to("https://esimerkki.fi"))
    build(content, theme, tmp_path / "first", cache)
    moved = ['SITEURL="https://esimerkki.fi"']
    again = files(build(content, theme, tmp_path / "again", cache, *moved))
    fresh = str(tmp_path / "new")
    clean = files(build(content, theme, tmp_path / "clean", fresh, *moved))
    assert again == clean


def test_a_site_that_attaches_a_file_renders_every_page(tmp_path, project):
    content, theme, cache = project
    (content / "images").mkdir()
    shutil.copy(
        ROOT / "theme/static/images/social-card.png", content / "images/kuva.png"
    )
    page = content / "fi" / "tyonohjaaja.md"
    picture = "\n![Kuva]({attach}../images/kuva.png)\n"
    page.write_text(page.read_text("utf-8") + picture)
    build(content, theme, tmp_path / "first", cache)
    again = files(build(content, theme, tmp_path / "again", cache))
    clean = files(build(content, theme, tmp_path / "clean", str(tmp_path / "new")))
    assert "tyonohjaaja/kuva.png" in again
    assert again == clean


# Count each Markdown file Pelican's reader reads, on standard error.
COUNT_READS = """
import sys
from pelican.readers import MarkdownReader

read = MarkdownReader.read


def noted(self, source_path):
    print("read:", source_path, file=sys.stderr)
    return read(self, source_path)


MarkdownReader.read = noted
"""


def test_a_clean_build_reads_each_page_once_for_both_languages(tmp_path):
    output = tmp_path / "output"
    run = run_pelican(ROOT / "content", output, first=COUNT_READS)
    assert run.returncode == 0, run.stdout + run.stderr
    reads = [line for line in run.stderr.splitlines() if line.startswith("read: ")]
    pages = list((ROOT / "content").rglob("*.md"))
    assert len(reads) == len(set(reads)) == len(pages)


def test_a_language_site_that_reads_its_own_way_keeps_its_own_reader_cache(tmp_path):
    subsites = {"en": {"SITENAME": "Work supervision"}, "sv": {"MARKDOWN": {}}}
    main_site = SimpleNamespace(
        settings={
            "DEFAULT_LANG": "fi",
            "MAIN_LANG": "fi",
            "CACHE_PATH": str(tmp_path),
            "OUTPUT_PATH": "output",
            "I18N_SUBSITES": subsites,
        }
    )
    start_build(main_site)
    assert subsites["en"]["CACHE_PATH"] == str(tmp_path)
    assert "CACHE_PATH" not in subsites["sv"]
