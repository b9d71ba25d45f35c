"""A service added by hand: a file pair, a build, and it is shown everywhere."""

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SITEURL, run_pelican

FINNISH = """Title: Uravalmennus
Summary: Uravalmennus auttaa selkiyttämään työuran suuntaa ja seuraavia askeleita.
Key: coaching
Order: 7
Format: yksilö
Session: 60 min
Interval: 2–4 viikkoa
Contract: 3 tai 6 kk

Uravalmennuksessa pohditaan omaa työuraa.
"""
ENGLISH = """Title: Career coaching
Summary: Career coaching helps you see the direction of your career and your next steps.
Key: coaching

Career coaching looks at your working life.
"""


@pytest.fixture(scope="module")
def site_with_new_service(tmp_path_factory):
    """Return the folder of the real site built with one service added."""
    project = tmp_path_factory.mktemp("new-service")
    content = project / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "fi" / "palvelut" / "uravalmennus.md").write_text(FINNISH, "utf-8")
    (content / "en" / "services" / "career-coaching.md").write_text(ENGLISH, "utf-8")
    result = run_pelican(content, project / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "output"


def parse(site, path):
    """Return a built page of the site, given its path."""
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("home", "url"),
    [("", "/palvelut/uravalmennus/"), ("en", "/en/services/career-coaching/")],
)
def test_new_service_is_last_in_the_navigation_and_the_cards(
    site_with_new_service, home, url
):
    page = parse(site_with_new_service, home)
    assert page.select("footer nav a")[-1]["href"] == SITEURL + url
    assert page.select(".cards .card-title a")[-1]["href"] == SITEURL + url


def test_new_service_is_in_the_finnish_table_with_its_facts(site_with_new_service):
    row = parse(site_with_new_service, "palvelut").select("tbody tr")[-1]
    assert [cell.text for cell in row(["th", "td"])] == [
        "Uravalmennus",
        "yksilöohjaus",
        "60\u00a0minuuttia",
        "2–4\u00a0viikon välein",
        "3 tai 6\u00a0kuukaudeksi",
    ]


def test_new_service_takes_its_facts_from_finnish_in_english(site_with_new_service):
    row = parse(site_with_new_service, "en/services").select("tbody tr")[-1]
    assert [cell.text for cell in row(["th", "td"])] == [
        "Career coaching",
        "individual",
        "60\u00a0minutes",
        "every 2–4\u00a0weeks",
        "3 or 6\u00a0months",
    ]
    page = parse(site_with_new_service, "en/services/career-coaching")
    assert page.select_one("dl.facts time")["datetime"] == "PT60M"
