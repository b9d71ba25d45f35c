"""The contact form in Chromium, posting to a stand-in form service on 127.0.0.1."""

import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import FORM_SITE_EMAIL, wait_for_form_script
from playwright.sync_api import expect
from site_map import HIDDEN_PAGES, LANGS, PAGES

import pelicanconf

CONTACT, THANKS, GROUP_PAGE = PAGES["contact"], HIDDEN_PAGES["thanks"], PAGES["group"]
MESSAGE = "Hei!\nHaluaisimme työnohjausta kahdeksan hengen tiimille."
VISITOR = {
    "name": "Maija Meikäläinen",
    "email": "maija@example.fi",
    "phone": "040 123 4567",
    "organisation": "Esimerkki Oy",
    "group_size": "8",
}
WORDS = {
    "fi": {
        "send": "Lähetä viesti",
        "group": "Ryhmätyönohjaus",
        "not_sure": "En ole vielä varma",
        "yes": "Kyllä",
        "subject": f"Yhteydenotto verkkosivuilta: {pelicanconf.SITENAME}",
        "sending": "Viestiäsi lähetetään…",
        "sent": "Kiitos! Viestisi on lähetetty.",
        "failed": "Viestiä ei voitu lähettää.",
        "by_email": "Lähetä viesti sähköpostilla",
        "thanks": "Kiitos viestistäsi",
        "required": [
            "Kirjoita nimesi",
            "Kirjoita sähköpostiosoitteesi",
            "Kirjoita viestisi",
            "Vahvista, että olet lukenut tietosuojaselosteen",
        ],
        "bad_email": "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi",
        "bad_size": "Kirjoita ryhmän koko lukuna, esimerkiksi 8",
    },
    "en": {
        "send": "Send message",
        "group": "Group work supervision",
        "not_sure": "Not sure yet",
        "yes": "Yes",
        "subject": "Enquiry from the website: "
        + pelicanconf.I18N_SUBSITES["en"]["SITENAME"],
        "sending": "Sending your message…",
        "sent": "Thank you! Your message has been sent.",
        "failed": "Your message could not be sent.",
        "by_email": "Send the message by e-mail",
        "thanks": "Thank you for your message",
        "required": [
            "Enter your name",
            "Enter your e-mail address",
            "Write your message",
            "Confirm that you have read the privacy notice",
        ],
        "bad_email": "Enter an e-mail address in the form name@example.com",
        "bad_size": "Enter the group size as a number, for example 8",
    },
}


@pytest.fixture
def service(form_service):
    form_service.reset()
    yield form_service
    form_service.release.set()


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 800}
    )
    yield context.new_page()
    context.close()


def open_form(page, url):
    """Open the contact page at ``url`` and wait for the form's script."""
    page.goto(url)
    wait_for_form_script(page)


def fill_form(page, lang):
    for name, value in VISITOR.items():
        page.locator(f'[name="{name}"]').fill(value)
    page.locator('[name="service"]').select_option(label=WORDS[lang]["group"])
    page.locator('[name="message"]').fill(MESSAGE)
    page.locator('[name="consent"]').check()


def expected_fields(site, lang):
    words = WORDS[lang]
    return {
        **VISITOR,
        "service": words["group"],
        "message": MESSAGE,
        "consent": words["yes"],
        "_gotcha": "",
        "_subject": words["subject"],
        "language": lang,
        "_next": site + THANKS[lang],
    }


def received_fields(service):
    fields = dict(service.posts[0]["fields"])
    fields["message"] = fields["message"].replace("\r\n", "\n")
    return fields


def send_button(page, lang):
    return page.get_by_role("button", name=WORDS[lang]["send"])


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_post_lands_on_the_thank_you_page(
    page_without_javascript, form_site, service, lang
):
    page = page_without_javascript
    page.goto(form_site + CONTACT[lang])
    fill_form(page, lang)
    send_button(page, lang).click()
    page.wait_for_url(form_site + THANKS[lang])
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator("h1")).to_have_text(WORDS[lang]["thanks"])
    assert not service.posts[0]["json"]
    assert received_fields(service) == expected_fields(form_site, lang)


def test_without_javascript_the_service_list_starts_at_not_sure_yet(
    page_without_javascript, form_site, service
):
    page = page_without_javascript
    page.goto(form_site + CONTACT["fi"] + "?service=group")
    expect(page.locator('[name="service"]')).to_have_value(WORDS["fi"]["not_sure"])


@pytest.mark.parametrize("lang", LANGS)
def test_message_is_sent_and_thanked_for_in_place(page, form_site, service, lang):
    open_form(page, form_site + CONTACT[lang])
    fill_form(page, lang)
    send_button(page, lang).click()
    status = page.get_by_role("status")
    expect(status).to_have_text(WORDS[lang]["sent"])
    expect(status).to_be_focused()
    expect(page.locator("#contact-form")).to_be_hidden()
    assert page.url == form_site + CONTACT[lang]
    assert service.posts[0]["json"]
    assert received_fields(service) == expected_fields(form_site, lang)


def test_button_is_disabled_and_status_says_sending_until_the_answer(
    page, form_site, service
):
    service.answer = "held"
    open_form(page, form_site + CONTACT["en"])
    fill_form(page, "en")
    send_button(page, "en").click()
    expect(send_button(page, "en")).to_be_disabled()
    expect(page.get_by_role("status")).to_have_text(WORDS["en"]["sending"])
    service.release.set()
    expect(page.get_by_role("status")).to_have_text(WORDS["en"]["sent"])


def test_double_click_sends_once(page, form_site, service):
    service.answer = "held"
    open_form(page, form_site + CONTACT["fi"])
    fill_form(page, "fi")
    send_button(page, "fi").dblclick()
    service.wait_for_posts(1)
    service.release.set()
    expect(page.get_by_role("status")).to_have_text(WORDS["fi"]["sent"])
    assert len(service.posts) == 1


def fail_to_send(page, site, service, answer):
    """Fill the Finnish form and send it while the service fails as ``answer``."""
    open_form(page, site + CONTACT["fi"])
    fill_form(page, "fi")
    if answer == "refused":
        service.stop()
    elif answer == "offline":
        page.context.set_offline(True)
    else:
        service.answer = answer
    send_button(page, "fi").click()


FAILURES = ["rejected", "failing", "html", "refused", "offline"]


@pytest.mark.parametrize("answer", FAILURES)
def test_failure_keeps_what_was_typed(page, form_site, service, answer):
    fail_to_send(page, form_site, service, answer)
    expect(page.locator("#contact-failure")).to_contain_text(WORDS["fi"]["failed"])
    for name, value in VISITOR.items():
        expect(page.locator(f'[name="{name}"]')).to_have_value(value)
    expect(page.locator('[name="message"]')).to_have_value(MESSAGE)
    expect(send_button(page, "fi")).to_be_enabled()


@pytest.mark.parametrize("answer", FAILURES)
def test_failure_offers_an_email_with_the_message_filled_in(
    page, form_site, service, answer
):
    fail_to_send(page, form_site, service, answer)
    link = page.get_by_role("link", name=WORDS["fi"]["by_email"])
    address = urlsplit(link.get_attribute("href"))
    query = parse_qs(address.query)
    assert address.scheme == "mailto"
    assert unquote(address.path) == FORM_SITE_EMAIL
    assert query["subject"] == [WORDS["fi"]["subject"]]
    body = query["body"][0].replace("\r\n", "\n")
    assert MESSAGE in body
    assert "Nimi: Maija Meikäläinen" in body
    assert "Palvelu: Ryhmätyönohjaus" in body


def test_failure_offers_no_email_while_the_address_is_a_placeholder(page, live_site):
    # The placeholder endpoint cannot answer: its requests are refused here.
    page.route(pelicanconf.CONTACT_FORM_ENDPOINT, lambda route: route.abort())
    open_form(page, live_site + CONTACT["fi"])
    fill_form(page, "fi")
    send_button(page, "fi").click()
    expect(page.locator("#contact-failure")).to_contain_text(WORDS["fi"]["failed"])
    assert page.locator('#contact-failure a, [href^="mailto:"]').count() == 0


def test_no_answer_within_the_time_limit_is_a_failure(page, form_site, service):
    service.answer = "held"
    page.clock.install()
    open_form(page, form_site + CONTACT["fi"])
    fill_form(page, "fi")
    send_button(page, "fi").click()
    service.wait_for_posts(1)
    page.clock.fast_forward("01:00")
    expect(page.locator("#contact-failure")).to_contain_text(WORDS["fi"]["failed"])
    expect(page.locator('[name="message"]')).to_have_value(MESSAGE)


def test_honeypot_is_hidden_from_people_and_assistive_technology(
    page, form_site, service
):
    page.goto(form_site + CONTACT["fi"])
    trap = page.locator('input[name="_gotcha"]')
    expect(trap).to_have_count(1)
    expect(trap).to_be_hidden()
    tree = page.locator("#contact-form").aria_snapshot()
    assert "Nimi" in tree
    assert "tyhjäksi" not in tree


@pytest.mark.parametrize("lang", LANGS)
def test_service_page_call_to_action_preselects_its_service(
    page, form_site, service, lang
):
    page.goto(form_site + GROUP_PAGE[lang])
    page.locator(".contact-cta a.button").click()
    page.wait_for_url(form_site + CONTACT[lang] + "?service=group")
    expect(page.locator('[name="service"]')).to_have_value(WORDS[lang]["group"])


def send_empty(page, site, lang):
    """Open the contact page in ``lang`` and send the form as it is."""
    open_form(page, site + CONTACT[lang])
    send_button(page, lang).click()


@pytest.mark.parametrize("lang", LANGS)
def test_empty_form_lists_its_problems_in_a_focused_summary(
    page, form_site, service, lang
):
    send_empty(page, form_site, lang)
    summary = page.locator("#contact-errors")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(WORDS[lang]["required"])
    assert service.posts == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_field_in_error_is_described_by_its_message(
    page, form_site, service, lang
):
    send_empty(page, form_site, lang)
    name = page.locator("#contact-name")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description(WORDS[lang]["required"][0])


def test_summary_link_moves_focus_to_its_field(page, form_site, service):
    send_empty(page, form_site, "fi")
    page.get_by_role("link", name=WORDS["fi"]["required"][2]).click()
    expect(page.locator("#contact-message")).to_be_focused()


@pytest.mark.parametrize("lang", LANGS)
def test_badly_formed_email_and_group_size_are_explained(
    page, form_site, service, lang
):
    open_form(page, form_site + CONTACT[lang])
    fill_form(page, lang)
    page.locator('[name="email"]').fill("maija@")
    page.locator('[name="group_size"]').fill("kahdeksan")
    send_button(page, lang).click()
    links = page.locator("#contact-errors").get_by_role("link")
    expect(links).to_have_text([WORDS[lang]["bad_email"], WORDS[lang]["bad_size"]])
    assert service.posts == []


def test_draft_survives_loading_the_page_again_in_the_same_tab(
    page, form_site, service
):
    open_form(page, form_site + CONTACT["fi"])
    fill_form(page, "fi")
    page.goto(form_site + GROUP_PAGE["fi"])
    open_form(page, form_site + CONTACT["fi"])
    expect(page.locator('[name="message"]')).to_have_value(MESSAGE)
    expect(page.locator('[name="service"]')).to_have_value(WORDS["fi"]["group"])
    expect(page.locator('[name="consent"]')).to_be_checked()


def test_draft_is_cleared_after_a_successful_send(page, form_site, service):
    open_form(page, form_site + CONTACT["fi"])
    fill_form(page, "fi")
    send_button(page, "fi").click()
    expect(page.get_by_role("status")).to_have_text(WORDS["fi"]["sent"])
    open_form(page, form_site + CONTACT["fi"])
    expect(page.locator('[name="message"]')).to_have_value("")
    expect(page.locator('[name="name"]')).to_have_value("")


def test_draft_survives_a_reload(page, form_site, service):
    open_form(page, form_site + CONTACT["fi"])
    fill_form(page, "fi")
    page.reload()
    expect(page.locator('[name="message"]')).to_have_value(MESSAGE)


# The first paint and the form script's request, as the page's own timings record them.
PAINT_AND_SCRIPT = """() => ({
  paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
  script: performance.getEntriesByType("resource")
    .filter((entry) => entry.name.includes("/js/contact-form."))
    .map((entry) => entry.startTime),
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_form_script_is_requested_only_after_the_first_paint(
    page, form_site, service, lang
):
    open_form(page, form_site + CONTACT[lang])
    timings = page.evaluate(PAINT_AND_SCRIPT)
    [script] = timings["script"]
    assert script > timings["paint"], timings


def test_what_was_typed_before_the_script_arrived_stays_and_goes_into_the_draft(
    page, form_site, service
):
    open_form(page, form_site + CONTACT["fi"])
    fill_form(page, "fi")  # the draft of this tab
    page.goto(form_site + GROUP_PAGE["fi"])
    message, other_service = "Toinen viesti ennen skriptiä.", "Yksilötyönohjaus"

    def type_while_the_script_is_on_its_way(route):
        page.locator('[name="message"]').fill(message)
        page.locator('[name="service"]').select_option(label=other_service)
        route.continue_()

    page.route("**/js/contact-form.*", type_while_the_script_is_on_its_way)
    open_form(page, form_site + CONTACT["fi"] + "?service=group")
    expect(page.locator('[name="message"]')).to_have_value(message)
    expect(page.locator('[name="service"]')).to_have_value(other_service)
    # What the visitor left alone comes from the draft.
    expect(page.locator('[name="name"]')).to_have_value(VISITOR["name"])
    expect(page.locator('[name="consent"]')).to_be_checked()
    draft = page.evaluate(
        "() => sessionStorage.getItem('contact-draft:' + location.pathname)"
    )
    assert json.loads(draft)["message"] == message
