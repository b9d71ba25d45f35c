"""Stop the build when the written site has a broken link or a page over budget.

Runs on pelican-granular-signals' last stages of the main site, after every
language is written and minified: the pages are read on ``compress``, while
production compresses them, and weighed with their compressed copies on
``deploy``. The build then exits non-zero with one plain line per problem;
the Makefile builds into a fresh folder, so the published site stays as it was.
"""

import dataclasses
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from supervision_site.core.languages import is_main_site, main_language
from supervision_site.core.problems import Problem, at_field, stop_on, text_line
from supervision_site.core.settings import apply_defaults

from .budget import blocking_scripts, blocking_stylesheets, first_trip
from .links import SiteLinks
from .site import BuiltSite
from .unread import explain, unread_files

PREFIX = "SITE_CHECK_"
DEFAULTS = {
    # What a page's first round trip may carry: its HTML and render-blocking CSS,
    # in bytes after brotli. None skips the weight and script checks (the live
    # preview does, to rebuild faster; publishing never does).
    "SITE_CHECK_PAGE_BUDGET": 14 * 1024,
    # How many requests a page may make on its first load (make weight and the
    # tests count them in a browser).
    "SITE_CHECK_REQUESTS_MOST": 4,
}
# A reference to a file with one of these suffixes is a picture.
IMAGE_SUFFIXES = {".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp"}
# A link to a page ends in one of these, or in none (/palvelut/).
PAGE_SUFFIXES = {"", ".html", ".htm", ".md"}
SOURCES = "_SITE_CHECK_SOURCES"  # set by the build: content file of each output file


def check_every_file_read(generator):
    """Stop as soon as the pages are read when a content file could not be read.

    This comes before the other checks: a page that is not read makes its
    translation look missing, which would only be a second, misleading line.
    """
    content = Path(generator.settings["PATH"])
    problems = []
    for path, error in unread_files(generator.context):
        field, message = explain(content / path, error)
        problem = Problem(f"{content.name}/{path}", field, message)
        problems.append(at_field(problem, content / path))
    stop_on(problems)


def record_sources(generators):
    """Remember which content file each output file was written from."""
    settings = generators[0].settings
    main_lang = main_language(settings)
    sources = {}
    for generator in generators:
        for page in getattr(generator, "pages", []) + getattr(
            generator, "hidden_pages", []
        ):
            for content in [page, *page.translations]:
                prefix = "" if content.lang == main_lang else f"{content.lang}/"
                sources[prefix + content.save_as] = content.relative_source_path
    settings[SOURCES] = sources


def page_source(file, settings):
    """Return the content file a built file came from (``content/fi/x.md``), or None."""
    built = file.relative_to(settings["OUTPUT_PATH"]).as_posix()
    source = settings.get(SOURCES, {}).get(built)
    return f"{Path(settings['PATH']).name}/{source}" if source else None


def describe(file, settings):
    """Name the content file a built file came from, or the built file itself."""
    built = file.relative_to(settings["OUTPUT_PATH"]).as_posix()
    return page_source(file, settings) or f"the theme's page {built}"


@dataclasses.dataclass
class SiteReading:
    """What the written pages were found to hold, before any of them is weighed."""

    site: BuiltSite
    problems: list = dataclasses.field(default_factory=list)  # links, scripts
    stylesheets: dict = dataclasses.field(default_factory=dict)  # blocking, by page


def read_site(settings):
    """Parse every page once, for all but its weight; return the SiteReading.

    A page's broken references and blocking scripts are problems; the
    stylesheets it waits for are kept to weigh it. Nothing here needs the
    compressed copies.
    """
    site = BuiltSite(settings["OUTPUT_PATH"], settings["SITEURL"])
    reading, links = SiteReading(site), SiteLinks(site)
    broken = []
    for file in site.pages():
        document = site.document(file)
        broken += links.broken_in(file, document)
        if settings["SITE_CHECK_PAGE_BUDGET"] is None:
            continue
        reading.stylesheets[file] = blocking_stylesheets(document)
        reading.problems += [
            blocking_script(file, script, settings)
            for script in blocking_scripts(document)
        ]
    broken += links.broken_in_style_sheets()
    reading.problems += [
        broken_reference(file, reference, settings) for file, reference in broken
    ]
    return reading


def weight_problems(reading, settings):
    """Return a Problem for every page whose first round trip is over budget."""
    limit, problems = settings["SITE_CHECK_PAGE_BUDGET"], []
    for file, stylesheets in reading.stylesheets.items():
        _, compressed = first_trip(file, stylesheets, reading.site)
        if compressed > limit:
            problems.append(
                Problem(
                    describe(file, settings),
                    "page weight",
                    f"{compressed / 1024:.1f} KB compressed with its styles, over "
                    f"the budget of {limit / 1024:.0f} KB; shorten the page or "
                    "split it in two",
                )
            )
    return problems


def find_problems(settings, reading=None):
    """Return a Problem for every broken reference and page over budget.

    Each page is parsed once (``read_site``, unless ``reading`` holds it), and
    then weighed.
    """
    reading = reading or read_site(settings)
    return reading.problems + weight_problems(reading, settings)


def blocking_script(file, script, settings):
    """Return the Problem of a script that blocks rendering, a page's or the theme's."""
    source = page_source(file, settings)
    if source is None:
        message = f"“{script}” blocks rendering; load it with <script defer>"
        return Problem(describe(file, settings), "script", message)
    return Problem(
        source,
        "script",
        "a page's text cannot run a script (the site's security policy blocks it); "
        "remove the <script> from the text",
        text_line(Path(settings["PATH"]).parent / source, "<script"),
    )


def broken_reference(file, reference, settings):
    """Return the Problem of a reference that leads nowhere: a picture or a page."""
    source = describe(file, settings)
    written = Path(settings["PATH"]).parent / source
    name = PurePosixPath(urlsplit(reference).path).name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return Problem(
            source,
            "image",
            f"the picture “{name}” is not in content/images/; save it there under "
            f"that name, or correct the name: ![description]({{static}}/images/{name})",
            text_line(written, name),
        )
    if suffix not in PAGE_SUFFIXES:  # a document such as a PDF
        return Problem(
            source,
            "link",
            f"the file “{name}” is not in content/images/; save it there under that "
            f"name, or correct the name: [description]({{static}}/images/{name})",
            text_line(written, name),
        )
    return Problem(
        source,
        "link",
        f"“{reference}” leads to no page of the site; link to another page "
        "by its file, e.g. [Yhteystiedot]({filename}/fi/yhteystiedot.md)",
        text_line(written, reference),
    )


# The main site's pages, read on ``compress`` while their copies are made.
readings = []


def read_written_site(pelican):
    """Read the finished pages while the compressed copies are made."""
    if is_main_site(pelican.settings):
        readings[:] = [read_site(pelican.settings)]


def check_site(pelican):
    """Stop the build with one line per problem in the written site."""
    if is_main_site(pelican.settings):
        reading = readings.pop() if readings else None
        stop_on(find_problems(pelican.settings, reading))


def register():
    """Connect the handlers; the granular signals must exist first."""
    granular_signals.register()
    signals.initialized.connect(apply_defaults)
    signals.page_generator_finalized.connect(check_every_file_read)
    signals.all_generators_finalized.connect(record_sources)
    blinker.signal("compress").connect(read_written_site)
    blinker.signal("deploy").connect(check_site)
