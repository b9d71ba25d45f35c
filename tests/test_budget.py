"""Fast on a phone: each page's first round trip, requests and images stay in budget.

The figures of every page are printed in a table at the end of the test run.
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

import brotli
import pytest
from bs4 import BeautifulSoup
from conftest import SITEURL, site_path, url_path

FIRST_ROUND_TRIP = 14 * 1024  # bytes after brotli: HTML plus render-blocking CSS
MAX_REQUESTS = 4
# A photo at twice the density, as JPEG or WebP, weighs less than this.
MAX_IMAGE_BYTES_PER_PIXEL = 1.5
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


@dataclass
class Figures:
    """What one page costs a visitor on the first load."""

    html: int
    css: int
    blocking_scripts: list = field(default_factory=list)
    unsized_images: list = field(default_factory=list)
    heavy_images: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    @property
    def first_round_trip(self):
        """Return the brotli bytes of the HTML and its render-blocking CSS."""
        return self.html + self.css


def brotli_size(file):
    """Return the size of a file after brotli compression."""
    return len(brotli.compress(file.read_bytes()))


def blocking_stylesheets(page):
    """Return the URLs of the style sheets that block rendering on a screen."""
    return [
        link["href"]
        for link in page.find_all("link", rel="stylesheet", href=True)
        if link.get("media", "all").strip() != "print"
    ]


def is_blocking_script(script):
    """Return whether a script element holds up parsing (classic, no defer/async)."""
    kind = script.get("type", "").strip().lower()
    if kind not in JAVASCRIPT_TYPES or kind == "module":
        return False
    deferred = script.has_attr("defer") or script.has_attr("async")
    return not (script.get("src") and deferred)


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


def built_url(file, url):
    """Return the absolute URL of a reference written in a built file."""
    return urljoin(f"{SITEURL}/{file.as_posix()}", url)


def measure(folder, file):
    """Return the figures of one built page that its files alone tell."""
    page = BeautifulSoup((folder / file).read_text("utf-8"), "html.parser")
    css = sum(
        brotli_size(folder / site_path(built_url(file, url)).lstrip("/"))
        for url in blocking_stylesheets(page)
    )
    unsized, heavy = image_problems(folder, file, page)
    return Figures(
        html=brotli_size(folder / file),
        css=css,
        blocking_scripts=[
            script.get("src", "inline script")
            for script in page.find_all("script")
            if is_blocking_script(script)
        ],
        unsized_images=unsized,
        heavy_images=heavy,
    )


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
        f"{'page':<52}{'HTML':>7}{'CSS':>7}{'total':>7}{'req':>5}"
        f"{'blocking js':>13}{'images':>8}",
    ]
    for path, page in figures.items():
        images = len(page.unsized_images) + len(page.heavy_images)
        lines.append(
            f"{path:<52}{page.html:>7}{page.css:>7}{page.first_round_trip:>7}"
            f"{len(page.requests):>5}{len(page.blocking_scripts):>13}"
            f"{'ok' if not images else f'{images} bad':>8}"
        )
    lines.append(
        f"(bytes after brotli, budget {FIRST_ROUND_TRIP}; "
        f"requests on first load, budget {MAX_REQUESTS})"
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
    assert not pages, f"Over {FIRST_ROUND_TRIP} bytes after brotli:\n" + "\n".join(
        pages
    )


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


def test_measure_finds_blocking_scripts_and_bad_images(tmp_path):
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
    assert page.css == brotli_size(tmp_path / "css" / "site.css")
    assert page.blocking_scripts == ["a.js", "inline script"]
    assert page.unsized_images == ["photo.jpg"]
    assert page.heavy_images == ["photo.jpg"]
