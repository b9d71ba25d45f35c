"""Service facts on the built site: facts boxes, cards and the comparison table."""

import pytest
from conftest import SITEURL
from site_map import PAGES, SERVICE_KEYS, SERVICES

NBSP = "\u00a0"

GROUP_FI, GROUP_EN = SERVICES["group"].values()
DEBRIEFING_FI, DEBRIEFING_EN = SERVICES["debriefing"].values()


def facts_box(soup, path):
    """Return the facts box of a service page as label -> (text, datetime)."""
    box = soup(path).select_one("dl.facts")
    found = {}
    for item in box.find_all("div"):
        time = item.dd.find("time")
        found[item.dt.text] = (item.dd.text, time["datetime"] if time else None)
    return found


# The group service's facts box on its page in each language.
GROUP_FACTS = {
    GROUP_FI: {
        "Muoto": ("ryhmäohjaus", None),
        "Tapaamisen kesto": (f"1,5{NBSP}tuntia", "PT90M"),
        "Tapaamisväli": (f"4–6{NBSP}viikon välein", "P28D"),
        "Sopimus": (f"6 tai 12{NBSP}kuukaudeksi", None),
        "Koko prosessin kesto": (f"1–2{NBSP}vuotta", None),
    },
    GROUP_EN: {
        "Format": ("group", None),
        "Session": (f"1.5{NBSP}hours", "PT90M"),
        "Interval": (f"every 4–6{NBSP}weeks", "P28D"),
        "Agreement": (f"6 or 12{NBSP}months", None),
        "Whole process": (f"1–2{NBSP}years", None),
    },
}


@pytest.mark.parametrize(("path", "facts"), GROUP_FACTS.items(), ids=["fi", "en"])
def test_group_page_shows_its_facts_in_its_language(soup, path, facts):
    assert facts_box(soup, path) == facts


@pytest.mark.parametrize("key", ["team", "manager", "expert"])
def test_session_length_the_owner_never_gave_invites_a_question(soup, key):
    fi, en = SERVICES[key].values()
    assert facts_box(soup, fi)["Tapaamisen kesto"] == ("kysy lisää", None)
    assert facts_box(soup, en)["Session"] == ("ask for details", None)


def test_service_offered_both_ways_says_so(soup):
    fi, en = SERVICES["manager"].values()
    assert facts_box(soup, fi)["Muoto"] == ("yksilöohjaus tai ryhmäohjaus", None)
    assert facts_box(soup, en)["Format"] == ("individual or group", None)


def test_debriefing_shows_a_one_off_meeting_and_asks_about_its_length(soup):
    assert facts_box(soup, DEBRIEFING_FI) == {
        "Muoto": ("ryhmäohjaus", None),
        "Tapaamisen kesto": ("kysy lisää", None),
        "Tapaamisväli": ("tavataan kerran", None),
    }
    assert facts_box(soup, DEBRIEFING_EN)["Interval"] == ("one-off meeting", None)


@pytest.mark.parametrize(
    ("path", "brief"),
    [
        ("/", f"ryhmäohjaus · 1,5{NBSP}tuntia · 4–6{NBSP}viikon välein"),
        ("/en/", f"group · 1.5{NBSP}hours · every 4–6{NBSP}weeks"),
        ("/palvelut/", f"ryhmäohjaus · 1,5{NBSP}tuntia · 4–6{NBSP}viikon välein"),
    ],
)
def test_group_card_shows_its_facts_at_a_glance(soup, path, brief):
    assert soup(path).select(".cards .card-facts")[4].text == brief


def test_services_overview_has_a_card_for_every_service_in_order(soup):
    for lang, overview in PAGES["services"].items():
        cards = [a["href"] for a in soup(overview).select(".cards .card-title a")]
        assert cards == [SITEURL + SERVICES[key][lang] for key in SERVICE_KEYS]


def table_of(soup, path):
    """Return the comparison table of a page as rows of cell texts."""
    table = soup(path).select_one("table")
    return [[cell.text.strip() for cell in row.select("th, td")] for row in table("tr")]


def test_comparison_table_in_finnish(soup):
    rows = table_of(soup, "/palvelut/")
    assert rows[0] == [
        "Palvelu",
        "Muoto",
        "Tapaamisen kesto",
        "Tapaamisväli",
        "Sopimus",
    ]
    assert rows[5] == [
        "Ryhmätyönohjaus",
        "ryhmäohjaus",
        f"1,5{NBSP}tuntia",
        f"4–6{NBSP}viikon välein",
        f"6 tai 12{NBSP}kuukaudeksi",
    ]
    assert rows[6] == [
        "Debriefing eli jälkipuinti",
        "ryhmäohjaus",
        "kysy lisää",
        "tavataan kerran",
        "kysy lisää",
    ]


def test_comparison_table_in_english(soup):
    rows = table_of(soup, "/en/services/")
    assert rows[0] == ["Service", "Format", "Session", "Interval", "Agreement"]
    assert rows[2] == [
        "Work supervision for managers",
        "individual or group",
        "ask for details",
        f"every 4–6{NBSP}weeks",
        f"6 or 12{NBSP}months",
    ]


@pytest.mark.parametrize("path", ["/palvelut/", "/en/services/"])
def test_comparison_table_has_a_caption_and_headers_for_screen_readers(soup, path):
    table = soup(path).select_one("table")
    assert table.caption.text.strip()
    assert [th["scope"] for th in table.thead("th")] == ["col"] * 5
    assert [th["scope"] for th in table.tbody("th")] == ["row"] * len(SERVICE_KEYS)
    lang = "fi" if path == PAGES["services"]["fi"] else "en"
    links = [th.a["href"] for th in table.tbody("th")]
    assert links == [SITEURL + SERVICES[key][lang] for key in SERVICE_KEYS]


@pytest.mark.parametrize("path", ["/palvelut/", "/en/services/"])
def test_comparison_table_scrolls_in_a_named_focusable_region(soup, path):
    region = soup(path).select_one("table").parent
    assert region["role"] == "region"
    assert region["tabindex"] == "0"
    assert soup(path).find(id=region["aria-labelledby"]).name == "caption"


CAPTIONS = {
    "/palvelut/": "Palvelujen vertailu",
    "/en/services/": "The services side by side",
}


@pytest.mark.parametrize("path", ["/palvelut/", "/en/services/"])
def test_comparison_table_is_readable_on_a_320_px_phone(page, live_site, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_site + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    region = page.get_by_role("region", name=CAPTIONS[path])
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    # Chromium scrolls smoothly: wait for the scroll to move rather than race it.
    page.wait_for_function(
        "el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000
    )
    first_cell = page.locator("tbody th").first
    box = first_cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320


@pytest.mark.parametrize(("path", "level"), [("/", "h3"), ("/palvelut/", "h2")])
def test_card_headings_follow_the_page_outline(soup, path, level):
    assert {title.name for title in soup(path).select(".card-title")} == {level}
