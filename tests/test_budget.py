"""Fast on a phone: each page's first round trip, requests and images stay in budget.

The figures of every page are printed in a table at the end of the test run.
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

import brotli
import pytest
from bs4 import BeautifulSoup
from conftest import SETTINGS, SITEURL, site_path, url_path

from supervision_site.site_checks.budget import measure_page
from supervision_site.site_checks.site import BuiltSite

FIRST_ROUND_TRIP = SETTINGS["SITE_CHECK_PAGE_BUDGET"]  # HTML and blocking CSS, brotli
MAX_REQUESTS = SETTINGS["SITE_CHECK_REQUESTS_MOST"]
# A photo at twice the density, as JPEG or WebP, weighs less than this.
MAX_IMAGE_BYTES_PER_PIXEL = 1.5


@dataclass
class Figures:
    """What one page costs a visitor on the first load."""

    raw: int  # bytes of the HTML and its render-blocking CSS
    first_round_trip: int  # the same after brotli
    blocking_scripts: list = field(default_factory=list)
    unsized_images: list = field(default_factory=list)
    heavy_images: list = field(default_factory=list)
    requests: list = field(default_factory=list)


def built_url(file, url):
    """Return the absolute URL of a reference written in a built file."""
    return urljoin(f"{SITEURL}/{file.as_posix()}", url)


def image_problems(folder, file, page):
    """Return the ``img`` sources without width and height, and the too heavy ones."""
    unsized, heavy = [], []
    for image in page.find_all("img"):
        source = image.get("src", "")
        width, height = image.get("width", ""), image.get("height", "")
        if not (width.isdigit() and height.isdigit()):
            unsized.append(source)
            continue
        image_file = folder / site_path(built_url(file, source)).lstrip("/")
        limit = int(width) * int(height) * MAX_IMAGE_BYTES_PER_PIXEL
        if image_file.suffix != ".svg" and image_file.stat().st_size > limit:
            heavy.append(source)
    return unsized, heavy


def measure(folder, file):
    """Return the figures of one built page that its files alone tell."""
    site = BuiltSite(folder, SITEURL)
    raw, compressed, scripts = measure_page(
        folder / file, site.document(folder / file), site
    )
    page = BeautifulSoup((folder / file).read_text("utf-8"), "html.parser")
    unsized, heavy = image_problems(folder, file, page)
    return Figures(raw, compressed, scripts, unsized, heavy)


def first_load_requests(browser, url):
    """Return the URLs a fresh phone-sized tab requests while loading a page."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(url, wait_until="networkidle")
    context.close()
    return requests


def table(figures):
    """Return the lines of a table of every page's figures."""
    lines = [
        f"{'page':<48}{'bytes':>8}{'brotli':>8}{'requests':>10}"
        f"{'blocking js':>13}{'bad images':>12}",
    ]
    for path, page in figures.items():
        bad_images = len(page.unsized_images) + len(page.heavy_images)
        lines.append(
            f"{path:<48}{page.raw:>8}{page.first_round_trip:>8}"
            f"{len(page.requests):>10}{len(page.blocking_scripts):>13}{bad_images:>12}"
        )
    lines.append(
        f"(HTML plus render-blocking CSS, budget {FIRST_ROUND_TRIP} bytes after "
        f"brotli; requests on first load, budget {MAX_REQUESTS})"
    )
    return lines


@pytest.fixture(scope="module")
def figures(site, html_files, browser, live_site, report):
    """Measure every page of the production build; print the table at the end."""
    found = {}
    for file in html_files:
        path = url_path(file)
        found[path] = measure(site, file)
        found[path].requests = first_load_requests(browser, live_site + path)
    report("Budget per page", table(found))
    return found


def listed(figures, check):
    """Return a line for each page where ``check`` finds something to report."""
    return [
        f"{path}: {found}" for path, page in figures.items() if (found := check(page))
    ]


def test_html_and_blocking_css_fit_in_the_first_round_trip(figures):
    pages = listed(
        figures,
        lambda page: page.first_round_trip > FIRST_ROUND_TRIP and page.first_round_trip,
    )
    message = f"Over {FIRST_ROUND_TRIP} bytes after brotli:\n"
    assert not pages, message + "\n".join(pages)


def test_no_page_has_a_render_blocking_script(figures):
    pages = listed(figures, lambda page: page.blocking_scripts)
    assert not pages, "Render-blocking scripts:\n" + "\n".join(pages)


def test_first_load_makes_at_most_four_requests(figures):
    pages = listed(
        figures, lambda page: len(page.requests) > MAX_REQUESTS and page.requests
    )
    assert not pages, f"More than {MAX_REQUESTS} requests:\n" + "\n".join(pages)


def test_first_load_requests_nothing_from_another_host(figures, live_site):
    host = urlparse(live_site).netloc
    pages = listed(
        figures,
        lambda page: [url for url in page.requests if urlparse(url).netloc != host],
    )
    assert not pages, "Requests to other hosts:\n" + "\n".join(pages)


def test_every_image_is_sized_and_compressed(figures):
    pages = listed(figures, lambda page: page.unsized_images + page.heavy_images)
    assert not pages, (
        "Images without width and height, or heavier than "
        f"{MAX_IMAGE_BYTES_PER_PIXEL} bytes a pixel:\n" + "\n".join(pages)
    )


def test_measure_counts_blocking_css_and_finds_blocking_scripts_and_bad_images(
    tmp_path,
):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body { color: black; }" * 50)
    (tmp_path / "css" / "print.css").write_text("body { color: black; }")
    (tmp_path / "photo.jpg").write_bytes(bytes(1000))
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="css/site.css">'
        '<link rel="stylesheet" href="css/print.css" media="print">'
        '<script src="a.js"></script><script src="b.js" defer></script>'
        '<script src="c.js" async></script><script type="module">1</script>'
        '<script type="application/ld+json">{}</script><script>1</script>'
        '<img src="photo.jpg" alt="">'
        '<img src="photo.jpg" width="20" height="20" alt="">'
        '<img src="photo.jpg" width="40" height="40" alt="">'
    )
    page = measure(tmp_path, Path("index.html"))
    html, css = (tmp_path / "index.html").read_bytes(), tmp_path / "css" / "site.css"
    assert page.first_round_trip == len(brotli.compress(html, quality=11)) + len(
        brotli.compress(css.read_bytes(), quality=11)
    )
    assert page.blocking_scripts == ["a.js", "inline script"]
    assert page.unsized_images == ["photo.jpg"]
    assert page.heavy_images == ["photo.jpg"]
