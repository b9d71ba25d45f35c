"""Service facts on the built site: facts boxes, cards and the comparison table."""

import pytest
from conftest import SITEURL
from site_map import LANGS, PAGES, SERVICE_KEYS, SERVICES


def facts_box(soup, path):
    """Return the facts box of a service page as label -> (text, datetime)."""
    box = soup(path).select_one("dl.facts")
    found = {}
    for item in box.find_all("div"):
        time = item.dd.find("time")
        found[item.dt.text] = (item.dd.text, time["datetime"] if time else None)
    return found


# The group service's facts box: each fact's label and text in Finnish, then in
# English, and its HTML duration.
GROUP_FACTS = [
    ("Muoto", "ryhmä", "Format", "group", None),
    ("Tapaamisen kesto", "1,5 tuntia", "Session", "1.5 hours", "PT90M"),
    ("Tapaamisväli", "4–6 viikon välein", "Interval", "every 4–6 weeks", "P28D"),
    ("Sopimus", "6 tai 12 kuukaudeksi", "Contract", "6 or 12 months", None),
    ("Tyypillinen kesto", "1–2 vuotta", "Typical process", "1–2 years", None),
]


@pytest.mark.parametrize("lang", LANGS)
def test_group_page_shows_its_facts_in_its_language(soup, lang):
    label = 2 * LANGS.index(lang)
    expected = {fact[label]: (fact[label + 1], fact[4]) for fact in GROUP_FACTS}
    assert facts_box(soup, SERVICES["group"][lang]) == expected


def test_service_offered_both_ways_shows_a_span_of_minutes(soup):
    fi, en = PAGES["manager"].values()
    assert facts_box(soup, fi)["Muoto"] == ("yksilö tai ryhmä", None)
    assert facts_box(soup, fi)["Tapaamisen kesto"] == ("60–90 minuuttia", "PT60M")
    assert facts_box(soup, en)["Session"] == ("60–90 minutes", "PT60M")


def test_debriefing_shows_a_one_off_meeting_and_nothing_it_lacks(soup):
    assert facts_box(soup, SERVICES["debriefing"]["fi"]) == {
        "Muoto": ("ryhmä", None),
        "Tapaamisväli": ("kertaluonteinen tapaaminen", None),
    }
    assert facts_box(soup, SERVICES["debriefing"]["en"])["Interval"] == (
        "one-off meeting",
        None,
    )


@pytest.mark.parametrize(
    ("path", "brief"),
    [
        ("/", "ryhmä · 1,5 tuntia · 4–6 viikon välein"),
        ("/en/", "group · 1.5 hours · every 4–6 weeks"),
        ("/palvelut/", "ryhmä · 1,5 tuntia · 4–6 viikon välein"),
    ],
)
def test_first_card_shows_the_team_services_facts_at_a_glance(soup, path, brief):
    assert soup(path).select(".cards .card-facts")[0].text == brief


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
        "ryhmä",
        "1,5 tuntia",
        "4–6 viikon välein",
        "6 tai 12 kuukaudeksi",
    ]
    assert rows[6] == [
        "Debriefing eli jälkipuinti",
        "ryhmä",
        "–ei määritelty",
        "kertaluonteinen tapaaminen",
        "–ei määritelty",
    ]


def test_comparison_table_in_english(soup):
    rows = table_of(soup, "/en/services/")
    assert rows[0] == ["Service", "Format", "Session", "Interval", "Contract"]
    assert rows[2] == [
        "Supervision for managers",
        "individual or group",
        "60–90 minutes",
        "every 4–6 weeks",
        "6 or 12 months",
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
    "/palvelut/": "Palvelut rinnakkain",
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
