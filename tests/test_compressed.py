"""The compressed copies written beside every text file of the production site."""

import gzip

import brotli

from supervision_site.published_assets.compressed import compress_tree

TEXT = "".join(
    f"<p>Työnohjaus {number}: tavoitteet ja arki.</p>\n" for number in range(200)
)


def settings(folder, quality):
    return {
        "OUTPUT_PATH": str(folder),
        "COMPRESS_EXTENSIONS": {".html", ".css"},
        "COMPRESS_BROTLI_QUALITY": quality,
    }


def test_text_files_get_brotli_and_gzip_copies_of_the_same_bytes(tmp_path):
    (tmp_path / "en").mkdir()
    page = tmp_path / "en" / "index.html"
    page.write_text(TEXT, "utf-8")
    (tmp_path / "site.css").write_text("body { color: black; }\n" * 50, "utf-8")
    (tmp_path / "photo.png").write_bytes(TEXT.encode())
    (tmp_path / "tiny.html").write_text("<p>", "utf-8")
    assert compress_tree(settings(tmp_path, 5)) == 4
    for file in (page, tmp_path / "site.css"):
        data = file.read_bytes()
        assert brotli.decompress(file.with_name(file.name + ".br").read_bytes()) == data
        assert gzip.decompress(file.with_name(file.name + ".gz").read_bytes()) == data
    # Not a listed text file, or one that compression would make larger.
    written = sorted(path.name for path in tmp_path.rglob("*.??"))
    assert written == ["index.html.br", "index.html.gz", "site.css.br", "site.css.gz"]


def test_the_brotli_quality_is_the_sites_setting(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(TEXT, "utf-8")
    sizes = {}
    for quality in (1, 11):
        compress_tree(settings(tmp_path, quality))
        sizes[quality] = (tmp_path / "index.html.br").read_bytes()
    expected = brotli.compress(page.read_bytes(), mode=brotli.MODE_TEXT, quality=11)
    assert sizes[11] == expected
    assert len(sizes[1]) > len(sizes[11])


def test_a_file_that_no_longer_shrinks_loses_its_older_copies(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(TEXT, "utf-8")
    compress_tree(settings(tmp_path, 5))
    page.write_text("<p>", "utf-8")
    compress_tree(settings(tmp_path, 5))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["index.html"]
