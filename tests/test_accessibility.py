"""Usable by everyone: axe-core finds nothing, and the keyboard alone gets around."""

import pytest
from conftest import NODE_MODULES, require_tool, wait_for_form_script
from playwright.sync_api import expect

AXE_TAGS = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.flatMap((rule) => rule.nodes.map((node) => ({
    rule: rule.id, help: rule.help, target: node.target.join(" "),
  })));
}"""
# The focused element: where it is, whether it shows, whether it follows the last one.
FOCUSED = """() => {
  const element = document.activeElement;
  const previous = window.lastFocused;
  window.lastFocused = element;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return {
    name: element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + " " + element.textContent.trim(),
    id: element.id,
    href: element.href || "",
    text: element.textContent.trim(),
    sized: box.width > 0 && box.height > 0,
    marked: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none",
    inOrder: !previous || previous === document.body
      || Boolean(previous.compareDocumentPosition(element)
                 & Node.DOCUMENT_POSITION_FOLLOWING),
  };
}"""
MAX_TABS = 80
FORM_ENTRIES = {
    "contact-name": "Maija Meikäläinen",
    "contact-email": "maija@example.fi",
    "contact-message": "We would like supervision for a team of eight.",
}


@pytest.fixture(scope="session")
def axe_script():
    """Return the path of axe-core's script."""
    return require_tool(
        NODE_MODULES / "axe-core" / "axe.min.js", "axe-core", "make test installs it"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violation_on_any_page(
    browser, live_site, page_paths, axe_script, width, scheme
):
    # The pages' Content Security Policy forbids the injected script: bypass it.
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        color_scheme=scheme,
        bypass_csp=True,
    )
    tab = context.new_page()
    violations = []
    for path in page_paths:
        tab.goto(live_site + path)
        tab.add_script_tag(path=str(axe_script))
        violations += [
            f"{found['rule']} on {path} at {found['target']}: {found['help']}"
            for found in tab.evaluate(RUN_AXE, AXE_TAGS)
        ]
    context.close()
    assert not violations, "axe-core found violations:\n" + "\n".join(violations)


def tab_to(page, wanted):
    """Press Tab until ``wanted(focused)`` holds; every stop must show and follow."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["sized"], f"focus is on an invisible element: {focused['name']}"
        assert focused["marked"], f"focus shows no outline: {focused['name']}"
        assert focused["inOrder"], f"focus jumped back to: {focused['name']}"
        if wanted(focused):
            return focused
    pytest.fail(f"nothing wanted within {MAX_TABS} presses of Tab on {page.url}")


def test_keyboard_alone_reaches_a_service_page_from_home(page, form_site):
    service = form_site + "/palvelut/ryhmatyonohjaus/"
    page.goto(form_site + "/")
    tab_to(page, lambda focused: focused["href"] == service)
    page.keyboard.press("Enter")
    page.wait_for_url(service)
    assert page.locator("h1").inner_text() == "Ryhmätyönohjaus"


def test_keyboard_alone_switches_a_service_page_to_english(page, form_site):
    page.goto(form_site + "/palvelut/ryhmatyonohjaus/")
    tab_to(page, lambda focused: focused["text"] == "English")
    page.keyboard.press("Enter")
    page.wait_for_url(form_site + "/en/services/group-supervision/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_keyboard_alone_fills_in_and_sends_the_contact_form(
    page, form_site, form_service
):
    page.goto(form_site + "/en/services/group-supervision/")
    tab_to(page, lambda focused: focused["text"] == "Get in touch")
    page.keyboard.press("Enter")
    page.wait_for_url(form_site + "/en/contact/?service=group")
    wait_for_form_script(page)
    for field, text in FORM_ENTRIES.items():
        tab_to(page, lambda focused, field=field: focused["id"] == field)
        page.keyboard.type(text)
    tab_to(page, lambda focused: focused["id"] == "contact-consent")
    page.keyboard.press("Space")  # a checkbox's own key
    tab_to(page, lambda focused: focused["text"] == "Send message")
    page.keyboard.press("Enter")
    form_service.wait_for_posts(1)
    fields = form_service.posts[0]["fields"]
    assert fields["name"] == FORM_ENTRIES["contact-name"]
    assert fields["email"] == FORM_ENTRIES["contact-email"]
    assert fields["message"] == FORM_ENTRIES["contact-message"]
    assert (fields["service"], fields["consent"]) == ("Group work supervision", "Yes")
    expect(page.get_by_role("status")).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("Your message has been sent.")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, live_site):
    page.goto(live_site + "/en/")
    focused = tab_to(page, lambda focused: True)
    assert focused["href"] == live_site + "/en/#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
