"""A rebuild redoes only what changed: reading once, compressing only new bytes."""

import hashlib
from pathlib import Path

import brotli
import pytest
from conftest import ROOT
from pelican import Pelican
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from test_publish import copy_with_environment, make


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Return a copy of the project, published once."""
    copy = copy_with_environment(tmp_path_factory.mktemp("rebuild") / "site")
    first = make(copy, "publish")
    assert first.returncode == 0, first.stdout + first.stderr
    return copy


def digest(file):
    """Return the name the kept copies of a file's bytes go by."""
    return hashlib.sha256(file.read_bytes()).hexdigest()


def test_each_content_file_is_read_once_for_both_languages(tmp_path, monkeypatch):
    reads = []
    original = MarkdownReader.read

    def counting_read(self, source_path):
        reads.append(Path(source_path).relative_to(ROOT / "content").as_posix())
        return original(self, source_path)

    monkeypatch.setattr(MarkdownReader, "read", counting_read)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(tmp_path)}
    )
    Pelican(settings).run()
    written = sorted(
        path.relative_to(ROOT / "content").as_posix()
        for path in (ROOT / "content").rglob("*.md")
    )
    assert sorted(reads) == written
    assert (tmp_path / "en" / "index.html").is_file()
    assert (tmp_path / "index.html").is_file()


def test_a_rebuild_takes_the_compressed_copy_of_an_unchanged_page(project):
    home = project / "output" / "index.html"
    kept = project / "cache" / "compressed" / f"{digest(home)}.br"
    assert kept.read_bytes() == home.with_name("index.html.br").read_bytes()
    # Plant a copy that decompresses to the same page but is made differently.
    planted = brotli.compress(home.read_bytes(), quality=1)
    kept.write_bytes(planted)
    again = make(project, "publish")
    assert again.returncode == 0, again.stdout + again.stderr
    assert (project / "output" / "index.html.br").read_bytes() == planted


def test_an_edited_page_is_compressed_anew_and_old_copies_are_dropped(project):
    page = project / "content" / "fi" / "tyonohjaaja.md"
    page.write_text(page.read_text("utf-8") + "\nUusi kappale.\n", "utf-8")
    again = make(project, "publish")
    assert again.returncode == 0, again.stdout + again.stderr
    built = project / "output" / "tyonohjaaja" / "index.html"
    assert "Uusi kappale." in built.read_text("utf-8")
    compressed = built.with_name("index.html.br").read_bytes()
    assert brotli.decompress(compressed) == built.read_bytes()
    copies = [
        path
        for path in (project / "output").resolve().rglob("*")
        if path.suffix in (".br", ".gz")
    ]
    needed = {digest(copy.with_suffix("")) + copy.suffix for copy in copies}
    kept = {path.name for path in (project / "cache" / "compressed").iterdir()}
    assert kept == needed
