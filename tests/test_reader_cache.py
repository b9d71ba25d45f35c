"""The production build converts each content file once, for every language."""

from collections import Counter

from conftest import ROOT
from markdown import Markdown
from pelican import Pelican
from pelican.settings import read_settings


def build_counting_conversions(tmp_path, monkeypatch):
    """Build the real site into ``tmp_path``; return the Markdown converted."""
    converted, original = [], Markdown.convert

    def counting(self, source):
        converted.append(source)
        return original(self, source)

    monkeypatch.setattr(Markdown, "convert", counting)
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
        },
    )
    Pelican(settings).run()
    return converted


def test_each_file_is_converted_once_for_both_languages(tmp_path, monkeypatch):
    files = Counter(
        path.read_text("utf-8") for path in (ROOT / "content").rglob("*.md")
    )
    converted = build_counting_conversions(tmp_path, monkeypatch)
    assert len(files) > 20
    assert Counter(text for text in converted if text in files) == files
    assert (tmp_path / "output" / "en" / "index.html").is_file()
    assert not (tmp_path / "cache" / "en").exists()
