"""The compressed copies written beside every text file of the production site."""

import gzip
import shutil
from concurrent.futures import wait

import brotli
import pytest
from conftest import ROOT

from supervision_site.published_assets import compressed
from supervision_site.published_assets.compressed import compress_tree
from supervision_site.published_assets.minify import minify_tree, published_bytes

TEXT = "".join(
    f"<p>Työnohjaus {number}: tavoitteet ja arki.</p>\n" for number in range(200)
)


def settings(folder):
    return {
        "OUTPUT_PATH": str(folder / "output"),
        "CACHE_PATH": str(folder / "cache"),
        "COMPRESS_EXTENSIONS": {".html", ".css"},
    }


@pytest.fixture
def output(tmp_path):
    """Return an output folder with one page in it."""
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / "index.html").write_text(TEXT, "utf-8")
    return folder


def counting_compressors(monkeypatch):
    """Count each call of a compressor; return the list of compressed inputs."""
    calls = []
    for kind, compress in list(compressed.COMPRESSORS.items()):

        def counted(data, compress=compress):
            calls.append(data)
            return compress(data)

        monkeypatch.setitem(compressed.COMPRESSORS, kind, counted)
    return calls


def test_text_files_get_brotli_and_gzip_copies_of_the_same_bytes(tmp_path, output):
    (output / "en").mkdir()
    page = output / "en" / "index.html"
    page.write_text(TEXT, "utf-8")
    (output / "site.css").write_text("body { color: black; }\n" * 50, "utf-8")
    (output / "photo.png").write_bytes(TEXT.encode())
    (output / "tiny.html").write_text("<p>", "utf-8")
    assert compress_tree(settings(tmp_path)) == 6
    for file in (page, output / "site.css"):
        data = file.read_bytes()
        assert brotli.decompress(file.with_name(file.name + ".br").read_bytes()) == data
        assert gzip.decompress(file.with_name(file.name + ".gz").read_bytes()) == data
    # Not a listed text file, or one that compression would make larger.
    written = sorted(
        path.relative_to(output).as_posix() for path in output.rglob("*.??")
    )
    assert written == [
        "en/index.html.br",
        "en/index.html.gz",
        "index.html.br",
        "index.html.gz",
        "site.css.br",
        "site.css.gz",
    ]


def test_copies_are_brotli_at_quality_11_and_gzip_at_level_9(tmp_path, output):
    compress_tree(settings(tmp_path))
    data = (output / "index.html").read_bytes()
    best = brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)
    assert (output / "index.html.br").read_bytes() == best
    assert (output / "index.html.gz").read_bytes() == gzip.compress(
        data, compresslevel=9, mtime=0
    )


def test_a_later_build_compresses_only_the_files_that_changed(
    tmp_path, output, monkeypatch
):
    (output / "other.html").write_text(TEXT + "<p>Toinen sivu.</p>", "utf-8")
    compress_tree(settings(tmp_path))
    calls = counting_compressors(monkeypatch)
    (output / "index.html").write_text(TEXT + "<p>Muutos.</p>", "utf-8")
    (output / "other.html.br").unlink()  # a fresh output folder has no copies
    assert compress_tree(settings(tmp_path)) == 4
    assert calls == [(output / "index.html").read_bytes()] * 2
    data = (output / "other.html").read_bytes()
    assert brotli.decompress((output / "other.html.br").read_bytes()) == data


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path, output):
    compress_tree(settings(tmp_path))
    (output / "index.html").write_text(TEXT + "<p>Muutos.</p>", "utf-8")
    compress_tree(settings(tmp_path))
    cache = tmp_path / "cache" / "compressed"
    assert len(list(cache.iterdir())) == len(compressed.COMPRESSORS)


def test_a_file_that_no_longer_shrinks_loses_its_older_copies(tmp_path, output):
    page = output / "index.html"
    compress_tree(settings(tmp_path))
    page.write_text("<p>", "utf-8")
    compress_tree(settings(tmp_path))
    assert sorted(path.name for path in output.iterdir()) == ["index.html"]


def test_a_page_begun_as_it_is_written_is_compressed_once(
    tmp_path, output, monkeypatch
):
    calls = counting_compressors(monkeypatch)
    copies = compressed.Copies(settings(tmp_path))
    copies.begin(output / "index.html")
    wait(copies.begun.values())
    cache = tmp_path / "cache" / "compressed"
    assert len(list(cache.iterdir())) == len(compressed.COMPRESSORS)
    assert compress_tree(settings(tmp_path), copies) == 2
    assert calls == [(output / "index.html").read_bytes()] * 2


def test_a_style_sheet_begun_before_it_is_published_is_compressed_once(
    tmp_path, monkeypatch
):
    source = ROOT / "theme" / "static" / "css" / "site.css"
    published = tmp_path / "output" / "site.css"
    published.parent.mkdir()
    shutil.copy(source, published)
    calls = counting_compressors(monkeypatch)
    copies = compressed.Copies(settings(tmp_path))
    copies.begin_bytes(published_bytes(source))
    wait(copies.begun.values())
    minify_tree(published.parent)
    assert len(calls) == 2
    assert compress_tree(settings(tmp_path), copies) == 2
    assert len(calls) == 2
    data = published.read_bytes()
    assert brotli.decompress(published.with_name("site.css.br").read_bytes()) == data
