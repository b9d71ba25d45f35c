"""The editor on the published site: none unless the settings ask for one."""

import json

import pytest
from bs4 import BeautifulSoup
from conftest import NODE_MODULES, ROOT, require_tool, run_pelican
from playwright.sync_api import expect

from tools.static_host import StaticServer, cloudflare_headers, read_rules

REPOSITORY = "omistaja/tyonohjaus"
SIGN_IN_SITE = "tyonohjaus.netlify.app"
DECAP = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
WATCH_POLICY = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.policyViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="module")
def online_site(tmp_path_factory):
    """Return a production build with the editor turned on in the settings."""
    require_tool(DECAP, "Decap CMS", "make test installs it")
    output = tmp_path_factory.mktemp("online")
    settings = [
        f'EDITOR_GITHUB_REPO="{REPOSITORY}"',
        f'EDITOR_OAUTH_SITE="{SIGN_IN_SITE}"',
    ]
    result = run_pelican(ROOT / "content", output, "publishconf.py", "-e", *settings)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def meta_policy(file):
    """Return the Content-Security-Policy of a built page's <meta> tag."""
    page = BeautifulSoup(file.read_text("utf-8"), "html.parser")
    return page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_published_site_has_no_editor_by_default(site, html_files):
    assert html_files
    assert not (site / "admin").exists()
    assert "/admin/" not in (site / "_headers").read_text("utf-8")


def test_online_editor_saves_to_the_repository_of_the_settings(online_site):
    config = json.loads((online_site / "admin" / "config.json").read_text("utf-8"))
    assert config["cms"]["backend"] == {
        "name": "github",
        "repo": REPOSITORY,
        "branch": "main",
        "base_url": "https://api.netlify.com",
        "site_domain": SIGN_IN_SITE,
    }
    # Without the preview server there is nothing to answer checks or write pages.
    assert (config["site"]["check_url"], config["site"]["new_service_url"]) == (
        None,
        None,
    )


def test_online_editor_knows_the_address_of_every_built_page(online_site):
    config = json.loads((online_site / "admin" / "config.json").read_text("utf-8"))
    pages = config["site"]["pages"]
    assert pages["content/en/services/group-supervision.md"] == (
        "/en/services/group-supervision/"
    )
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*.md")}
    assert set(pages) == sources
    for address in pages.values():
        built = online_site / address.lstrip("/")
        assert (built / "index.html" if address.endswith("/") else built).is_file()


def test_public_pages_keep_their_policy_and_the_editor_has_its_own(online_site, site):
    for file in site.rglob("*.html"):
        same = online_site / file.relative_to(site)
        assert meta_policy(same) == meta_policy(file)
    editor = meta_policy(online_site / "admin" / "index.html")
    assert "connect-src 'self' https://api.github.com" in editor
    assert editor != meta_policy(site / "index.html")
    rules = read_rules((online_site / "_headers").read_text("utf-8"))
    header = cloudflare_headers(rules, "/admin/")["content-security-policy"]
    assert set(header.split("; ")) == {*editor.split("; "), "frame-ancestors 'none'"}
    public = cloudflare_headers(rules, "/palvelut/")["content-security-policy"]
    assert public != header


def test_online_editor_is_decap_as_installed_not_minified(online_site):
    copied = online_site / "admin" / "decap" / "decap-cms.js"
    assert copied.read_bytes() == DECAP.read_bytes()


def test_online_editor_opens_at_github_sign_in_without_asking_another_host(
    browser, online_site
):
    with StaticServer(online_site) as server:
        context = browser.new_context()
        context.add_init_script(WATCH_POLICY)
        requests = []
        context.on("request", lambda request: requests.append(request.url))
        tab = context.new_page()
        tab.goto(server.url + "/admin/")
        expect(tab.get_by_role("button", name="Kirjaudu GitHubilla")).to_be_visible(
            timeout=60_000
        )
        violations = tab.evaluate("window.policyViolations")
        context.close()
    assert [url for url in requests if not url.startswith(server.url)] == []
    assert violations == []
