"""Dating pages for the sitemap: the last commit, else the modification time."""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import git_environment, run_command

from supervision_site.search_metadata.lastmod import build_last_modified

COMMIT_DATE = "2024-03-01T10:00:00+02:00"
EDIT_TIME = datetime(2025, 6, 15, 12, 30, tzinfo=ZoneInfo("Europe/Helsinki"))


def git(folder, *arguments):
    """Run git in ``folder`` as the owner, on the commit date of these tests."""
    run_command(
        ["git", *arguments], folder, check=True, env=git_environment(COMMIT_DATE)
    )


@pytest.fixture
def content(tmp_path):
    """Return a content folder inside a git repository with one committed page."""
    git(tmp_path, "init", "--quiet")
    folder = tmp_path / "content" / "fi"
    folder.mkdir(parents=True)
    (folder / "sivu.md").write_text("Title: Sivu\n", "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "Add a page")
    return tmp_path / "content"


def edit(path):
    """Change a file and give it a known modification time."""
    path.write_text(path.read_text("utf-8") + "\nMore text.\n", "utf-8")
    os.utime(path, (EDIT_TIME.timestamp(), EDIT_TIME.timestamp()))


def test_a_committed_page_is_dated_by_its_last_commit(content):
    page = content / "fi" / "sivu.md"
    dates = build_last_modified([page], content, "Europe/Helsinki")
    assert dates == {page: COMMIT_DATE}


def test_a_page_edited_since_its_commit_is_dated_by_its_modification_time(content):
    page = content / "fi" / "sivu.md"
    edit(page)
    dates = build_last_modified([page], content, "Europe/Helsinki")
    assert dates == {page: "2025-06-15T12:30:00+03:00"}


def test_a_new_page_is_dated_by_its_modification_time(content):
    page = content / "fi" / "uusi-sivu.md"
    page.write_text("Title: Uusi\n", "utf-8")
    os.utime(page, (EDIT_TIME.timestamp(), EDIT_TIME.timestamp()))
    dates = build_last_modified([page], content, "Europe/Helsinki")
    assert dates == {page: "2025-06-15T12:30:00+03:00"}


def test_a_page_with_a_non_ascii_name_is_dated_by_its_commit(content):
    page = content / "fi" / "työnohjaus.md"
    page.write_text("Title: Työnohjaus\n", "utf-8")
    git(content.parent, "add", ".")
    git(content.parent, "commit", "--quiet", "-m", "Add a page")
    dates = build_last_modified([page], content, "Europe/Helsinki")
    assert dates == {page: COMMIT_DATE}


def test_content_outside_a_repository_is_dated_by_modification_times(tmp_path):
    page = tmp_path / "sivu.md"
    page.write_text("Title: Sivu\n", "utf-8")
    os.utime(page, (EDIT_TIME.timestamp(), EDIT_TIME.timestamp()))
    dates = build_last_modified([page], tmp_path, "UTC")
    assert dates == {page: "2025-06-15T09:30:00+00:00"}
