"""The page-weight report of the production build: every page, beside the budget."""

import json

import brotli
from conftest import SITEURL, parse_page

from tools import weight


def fetched(site, path):
    """Return the distinct files a browser fetches for a page, read independently.

    An icon written into the page as a data: URI is not fetched.
    """
    page = parse_page(site, path)
    urls = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    urls += [link["href"] for link in page.find_all("link", rel="icon")]
    urls += [tag["src"] for tag in page.find_all(["script", "img"], src=True)]
    return {url for url in urls if not url.startswith("data:")}


def test_report_lists_every_page_once_and_writes_json(
    site, html_files, tmp_path, capsys
):
    destination = tmp_path / "weight.json"
    assert weight.main(["--site", str(site), "--report", str(destination)]) == 0
    printed = capsys.readouterr().out
    data = json.loads(destination.read_text("utf-8"))
    assert len(data["pages"]) == len(html_files)
    for page in data["pages"]:
        assert printed.count(f"\n{page['path']} ") == 1
    assert f"{len(html_files)} of {len(html_files)} pages within the budget" in printed


def test_html_is_weighed_raw_and_as_the_brotli_copy_the_host_sends(site):
    weights = {w.path: w for w in weight.weigh_site(site, SITEURL)}
    home = site / "index.html"
    assert weights["/"].raw["html"] == home.stat().st_size
    packed = (site / "index.html.br").read_bytes()
    assert brotli.decompress(packed) == home.read_bytes()
    assert weights["/"].brotli["html"] == len(packed)


def test_requests_count_the_page_and_every_file_it_fetches(site, page_paths):
    weights = {w.path: w for w in weight.weigh_site(site, SITEURL)}
    for path in page_paths:
        assert weights[path].requests == 1 + len(fetched(site, path)), path


def test_style_sheets_are_weighed_with_every_page_that_links_them(site):
    weights = {w.path: w for w in weight.weigh_site(site, SITEURL)}
    [css] = (site / "theme/css").glob("site.*.css")
    assert weights["/palvelut/"].raw["css"] == css.stat().st_size
    assert weights["/palvelut/"].brotli["css"] == len(
        (css.parent / (css.name + ".br")).read_bytes()
    )


def test_a_page_over_the_first_trip_budget_is_marked_over():
    heavy = weight.PageWeight("/heavy/", first_trip=weight.FIRST_TRIP_MOST + 1)
    table = weight.format_table([heavy, weight.PageWeight("/light/")])
    assert "/heavy/" in table.splitlines()[2] and table.splitlines()[2].endswith("OVER")
    assert table.splitlines()[3].endswith("within")


def test_a_page_with_too_many_requests_is_over_the_budget():
    assert not weight.PageWeight("/x/", requests=weight.REQUESTS_MOST + 1).within_budget
