"""The build's own checks of the written site: links that lead nowhere, page weight."""

import brotli
import pytest
from conftest import ROOT, SETTINGS, SITEURL, run_pelican

from supervision_site.site_checks.budget import measure_site
from supervision_site.site_checks.links import SiteLinks
from supervision_site.site_checks.plugin import find_problems
from supervision_site.site_checks.site import BuiltSite

STYLE = "body{color:#222}" * 40


def page(body, head=""):
    """Return a small HTML document."""
    return (
        '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>t</title>'
        f'<link rel="stylesheet" href="/theme/site.css">{head}</head>'
        f"<body>{body}</body></html>"
    )


@pytest.fixture
def built(tmp_path):
    """Return a written site: two pages, a style sheet and an image."""
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme/site.css").write_text(STYLE + "a{background:url(dot.svg)}")
    (tmp_path / "theme/dot.svg").write_text("<svg></svg>")
    (tmp_path / "palvelut").mkdir()
    (tmp_path / "palvelut/index.html").write_text(
        page('<h1 id="alku">Palvelut</h1><a href="/">Etusivu</a>')
    )
    (tmp_path / "index.html").write_text(
        page(
            '<a href="/palvelut/">Palvelut</a> <a href="/palvelut/#alku">alku</a>'
            f' <a href="{SITEURL}/palvelut/">absolute</a>'
            ' <a href="https://elsewhere.example/x">elsewhere</a>'
            ' <a href="mailto:a@example.fi">mail</a>'
            ' <img src="theme/dot.svg" srcset="theme/dot.svg 1x, theme/dot.svg 2x"'
            ' alt="">'
        )
    )
    return tmp_path


def broken(folder):
    """Return the broken references of a written site, by file name."""
    return sorted(
        (file.relative_to(folder).as_posix(), reference)
        for file, reference in SiteLinks(BuiltSite(folder, SITEURL)).broken()
    )


def add_page(folder, path, body, head=""):
    """Write one more page into the site."""
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(page(body, head))
    return file


def test_a_site_whose_references_all_resolve_has_no_broken_link(built):
    assert broken(built) == []


# A page added to the small site, and the references in it that lead nowhere.
REFERENCES = {
    "a link to a missing page": ('<a href="/en/missing/">x</a>', "", ["/en/missing/"]),
    "a link to a missing anchor of an existing page": (
        '<a href="/palvelut/#loppu">x</a>',
        "",
        ["/palvelut/#loppu"],
    ),
    "a link to an anchor of the page itself": (
        '<p id="here"></p><a href="#here">x</a>',
        "",
        [],
    ),
    "a missing image in srcset": (
        '<img src="/theme/dot.svg" srcset="/x.png 2x">',
        "",
        ["/x.png"],
    ),
    "a missing file in an inline style": (
        '<p style="background:url(/nothing.png)">x</p>',
        "",
        ["/nothing.png"],
    ),
    "a missing file in a style element": (
        "",
        "<style>a{background:url(/none.png)}</style>",
        ["/none.png"],
    ),
    "a form posting to a missing page": (
        '<form action="/en/send/"></form>',
        "",
        ["/en/send/"],
    ),
}


@pytest.mark.parametrize(
    ("body", "head", "expected"), REFERENCES.values(), ids=REFERENCES
)
def test_a_reference_that_leads_nowhere_is_broken(built, body, head, expected):
    add_page(built, "en/index.html", body, head)
    assert broken(built) == [("en/index.html", reference) for reference in expected]


def test_a_missing_file_in_a_style_sheet_is_broken(built):
    (built / "theme/more.css").write_text("b{background:url(gone.svg)}")
    assert broken(built) == [("theme/more.css", "gone.svg")]


def test_external_links_are_listed_and_never_counted_as_broken(built):
    assert SiteLinks(BuiltSite(built, SITEURL)).external() == [
        "https://elsewhere.example/x"
    ]


def weights(folder):
    """Return (raw, compressed, blocking scripts) of every page, by file name."""
    return {
        file.relative_to(folder).as_posix(): (raw, compressed, scripts)
        for file, raw, compressed, scripts in measure_site(folder, SITEURL)
    }


def brotli_size(file):
    """Return the size of a file compressed with brotli at its best quality."""
    return len(brotli.compress(file.read_bytes(), quality=11))


def test_a_page_weighs_its_html_and_blocking_styles_compressed_with_brotli(built):
    html, css = built / "index.html", built / "theme/site.css"
    raw, compressed, scripts = weights(built)["index.html"]
    assert raw == html.stat().st_size + css.stat().st_size
    assert compressed == brotli_size(html) + brotli_size(css)
    assert scripts == []


def test_a_style_sheet_for_print_does_not_count_towards_the_weight(built):
    head = '<link rel="stylesheet" media="print" href="/theme/print.css">'
    file = add_page(built, "en/index.html", "", head)
    (built / "theme/print.css").write_text(STYLE)
    css = built / "theme/site.css"
    raw, _, _ = weights(built)["en/index.html"]
    assert raw == file.stat().st_size + css.stat().st_size


def test_a_current_brotli_copy_gives_the_compressed_size(built):
    html = (built / "index.html").read_bytes()
    packed = brotli.compress(html, quality=5)
    (built / "index.html.br").write_bytes(packed)
    _, compressed, _ = weights(built)["index.html"]
    assert compressed == len(packed) + brotli_size(built / "theme/site.css")


def test_a_stale_brotli_copy_is_ignored(built):
    (built / "index.html.br").write_bytes(brotli.compress(b"<p>old</p>", quality=11))
    _, compressed, _ = weights(built)["index.html"]
    html, css = built / "index.html", built / "theme/site.css"
    assert compressed == brotli_size(html) + brotli_size(css)


def test_a_script_without_defer_blocks_rendering(built):
    add_page(built, "en/index.html", "", '<script src="/theme/x.js"></script>')
    (built / "theme/x.js").write_text("1")
    assert weights(built)["en/index.html"][2] == ["/theme/x.js"]
    assert weights(built)["index.html"][2] == []


def test_deferred_module_and_data_scripts_do_not_block(built):
    head = (
        '<script defer src="/theme/x.js"></script>'
        '<script type="module" src="/theme/x.js"></script>'
        '<script type="application/ld+json">{}</script>'
    )
    add_page(built, "en/index.html", "", head)
    (built / "theme/x.js").write_text("1")
    assert weights(built)["en/index.html"][2] == []


def settings_for(folder, budget):
    """Return the settings the checks read."""
    return {
        "OUTPUT_PATH": str(folder),
        "SITEURL": SITEURL,
        "PATH": str(folder.parent / "content"),
        "SITE_CHECK_PAGE_BUDGET": budget,
    }


def test_every_problem_is_one_plain_line(built):
    add_page(built, "en/index.html", '<a href="/en/missing/">x</a>')
    add_page(built, "en/x/index.html", "", '<script src="/theme/site.css"></script>')
    problems = [
        problem.line() for problem in find_problems(settings_for(built, budget=100))
    ]
    assert any("“/en/missing/” leads to no page" in line for line in problems)
    assert any("over the budget of" in line for line in problems)
    assert any("“/theme/site.css” blocks rendering" in line for line in problems)
    assert all("\n" not in line for line in problems)


def test_a_site_within_budget_with_good_links_has_no_problem(built):
    budget = SETTINGS["SITE_CHECK_PAGE_BUDGET"]
    assert find_problems(settings_for(built, budget)) == []


# The checks may only read the build's brotli copies, never compress a page.
READ_COPIES_ONLY = """
import brotli
from types import SimpleNamespace
from supervision_site.site_checks import site

site.brotli = SimpleNamespace(decompress=brotli.decompress, error=brotli.error)
"""


def test_a_production_build_weighs_each_page_with_its_compressed_copies(tmp_path):
    budget = 3500  # the style sheet's 2.2 KB and the shortest pages' 1.3 KB
    output = tmp_path / "output"
    options = ["-e", f"SITE_CHECK_PAGE_BUDGET={budget}"]
    run = run_pelican(
        ROOT / "content", output, "publishconf.py", *options, first=READ_COPIES_ONLY
    )
    assert run.returncode == 1
    over = [line for line in run.stderr.splitlines() if "page weight" in line]
    pages = list(output.rglob("*.html"))
    assert 0 < len(over) < len(pages)
    assert all("over the budget of 3 KB" in line for line in over)


# Note, as the build reaches ``deploy``, whether its pages were read already.
READ_BEFORE_DEPLOY = """
import blinker
from supervision_site.site_checks import plugin


def deploying(_sender, **_):
    print("read before deploy:", bool(plugin.readings))


blinker.signal("deploy").connect(deploying)
"""


def test_a_production_build_reads_its_pages_while_they_are_compressed(tmp_path):
    output = tmp_path / "output"
    run = run_pelican(
        ROOT / "content", output, "publishconf.py", first=READ_BEFORE_DEPLOY
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "read before deploy: True" in run.stdout
