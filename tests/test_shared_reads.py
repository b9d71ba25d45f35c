"""Reading is done once: each file once per build, with one Markdown converter."""

from collections import Counter

from conftest import ROOT
from markdown import Markdown
from pelican import Pelican
from pelican.settings import read_settings

from supervision_site.shared_reads.plugin import MarkdownReader


def test_each_content_file_is_converted_once_for_both_languages(tmp_path, monkeypatch):
    converted, converters = [], []
    original_convert, original_init = Markdown.convert, Markdown.__init__

    def counting_convert(self, source):
        converted.append(source)
        return original_convert(self, source)

    def counting_init(self, **options):
        converters.append(self)
        original_init(self, **options)

    monkeypatch.setattr(Markdown, "convert", counting_convert)
    monkeypatch.setattr(Markdown, "__init__", counting_init)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(tmp_path)}
    )
    Pelican(settings).run()
    files = Counter(
        path.read_text("utf-8") for path in (ROOT / "content").rglob("*.md")
    )
    assert len(files) > 20
    assert Counter(text for text in converted if text in files) == files
    assert len(converters) == 1
    assert (tmp_path / "en" / "index.html").is_file()
    assert (tmp_path / "index.html").is_file()


def reader(tmp_path):
    """Return our Markdown reader with the site's Markdown settings."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    settings["PATH"] = str(tmp_path)
    return MarkdownReader(settings)


def test_one_converter_carries_nothing_from_one_file_to_the_next(tmp_path):
    first = tmp_path / "first.md"
    first.write_text(
        "Title: First\n\nThe HTML spec[^1].\n\n"
        "*[HTML]: HyperText Markup Language\n[^1]: A note.\n",
        "utf-8",
    )
    second = tmp_path / "second.md"
    second.write_text("Title: Second\nSummary: *Short*\n\nPlain HTML.\n", "utf-8")
    read = reader(tmp_path).read
    html, metadata = read(str(first))
    assert "<abbr" in html and "footnote" in html
    assert metadata["title"] == "First"
    html, metadata = read(str(second))
    assert html == "<p>Plain HTML.</p>"
    assert metadata["title"] == "Second"
    assert metadata["summary"] == "<p><em>Short</em></p>"
    # Read again, the first file gives what a new converter gives.
    fresh = Markdown(**reader(tmp_path).settings["MARKDOWN"])
    assert read(str(first)) == (
        fresh.convert(first.read_text("utf-8")),
        {"title": "First"},
    )
