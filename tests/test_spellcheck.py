"""`make check`: the spelling and typography of every page's prose."""

import dataclasses
import subprocess
import sys

import pytest
from conftest import ROOT, copy_with_environment, require_tool, run_command

from spellcheck import check, dictionaries
from spellcheck.__main__ import main as spellcheck_main
from spellcheck.check import Checker
from spellcheck.dictionaries import PyVoikko, Source, english_files
from spellcheck.prose import prose_lines
from spellcheck.suggest import one_edit_away, suggestions, with_case_of

FINNISH_PAGE = """Title: Arviointi
Summary: Työnohjauksen toimivuutta arvioidaan.
Key: process

Tilaaja saa arvion työnohjauksen tomivuuden kehityksestä.
"""


@pytest.fixture(scope="session")
def english_dictionary():
    """Return the en_GB Hunspell files; fail under CI, skip elsewhere, without them."""
    files = english_files()
    dic = files and files.with_suffix(".dic")
    return require_tool(dic, "The English dictionary", "make test installs it")


@pytest.fixture(scope="session")
def pyvoikko():
    """Return the Finnish dictionary of PyPI's pyvoikko, whatever the system has."""
    return PyVoikko()


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    """Return a checker of an empty content folder with a small word list."""
    content = tmp_path_factory.mktemp("content")
    (content / "sanasto.txt").write_text("# names\nFormspree\n", "utf-8")
    return Checker(content)


def slips(checker, text, lang):
    """Return (line, written, suggestions) for every slip in a page's text."""
    return [
        (number, finding.text, finding.suggestions)
        for number, finding in checker.check_text(text, lang)
    ]


def run_check(content, *options):
    """Run `python -m spellcheck` on a content folder; return the run."""
    return run_command([sys.executable, "-m", "spellcheck", *options, str(content)])


def test_the_shipped_content_passes(english_dictionary):
    result = run_check(ROOT / "content")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("no slips.\n")


def test_finnish_misspelling_is_caught_with_the_right_word_suggested(checker):
    [(line, word, suggested)] = slips(checker, FINNISH_PAGE, "fi")
    assert (line, word) == (5, "tomivuuden")
    assert "toimivuuden" in suggested


def test_english_misspelling_is_caught_with_the_right_word_suggested(
    checker, english_dictionary
):
    text = "Title: Process\nSummary: How it goes.\n\nYou will recieve a summary.\n"
    [(line, word, suggestions)] = slips(checker, text, "en")
    assert (line, word) == (4, "recieve")
    assert suggestions[0] == "receive"


def test_each_language_uses_its_own_dictionary(checker, english_dictionary):
    assert slips(checker, "Title: Työnohjaus\n\nTyönohjaus auttaa.\n", "fi") == []
    assert [word for _, word, _ in slips(checker, "Title: Työnohjaus\n", "en")] == [
        "Työnohjaus"
    ]


def test_words_of_the_project_word_list_pass_in_any_case(checker, english_dictionary):
    assert (
        slips(checker, "Title: X\n\nLomake lähtee Formspree-palveluun.\n", "fi") == []
    )
    assert slips(checker, "Title: X\n\nFORMSPREE sends it on.\n", "en") == []


def test_abbreviations_and_halves_of_compounds_are_known(checker):
    text = "Title: X\n\nEsim. sosiaali- ja terveysalan työ, kirjat jne. ovat tuttuja.\n"
    assert slips(checker, text, "fi") == []


def test_summary_is_checked_but_other_fields_are_not(checker):
    text = (
        "Title: Arviointi\nSummary: Tomivuuden arviointi.\nKey: tomivuuden\n\nTeksti.\n"
    )
    assert [(line, word) for line, word, _ in slips(checker, text, "fi")] == [
        (2, "Tomivuuden")
    ]


@pytest.mark.parametrize(
    "hidden",
    [
        "[linkki](https://example.fi/tomivuuden)",
        "[linkki]({filename}tomivuuden.md)",
        "`tomivuuden`",
        "<!-- tomivuuden -->",
        '<span class="tomivuuden">teksti</span>',
        "https://example.fi/tomivuuden",
        "tomivuuden@example.fi",
        "www.tomivuuden.fi",
    ],
)
def test_urls_code_comments_and_link_targets_are_not_prose(hidden):
    [(_, line)] = list(prose_lines(f"Title: X\n\nKatso {hidden} tästä.\n"))[1:]
    assert "tomivuuden" not in line


def test_fenced_code_and_multiline_comments_are_not_prose():
    text = "Title: X\n\n```\ntomivuuden\n```\n\n<!--\ntomivuuden\n-->\nTeksti.\n"
    assert [line.strip() for _, line in prose_lines(text)] == ["X", "Teksti."]


def test_words_keep_their_line_and_column():
    written = "Ensimmäinen [linkki](https://a.fi/b) ja sana."
    number, line = list(prose_lines(f"Title: X\n\n{written}\n"))[1]
    assert (number, line.index(" ja ")) == (3, written.index(" ja "))


def test_hyphen_in_a_number_range_is_flagged_with_the_en_dash(checker):
    text = "Title: X\n\nTapaamiset 4-6 viikon välein.\n"
    assert slips(checker, text, "fi") == [(3, "4-6", ["4–6"])]


@pytest.mark.parametrize(
    "fine", ["4–6 viikkoa", "2024-05-01", "puhelin 040-1234567", "6-4 voitto"]
)
def test_en_dashes_dates_and_other_hyphens_pass(checker, fine):
    assert slips(checker, f"Title: X\n\nTeksti {fine}.\n", "fi") == []


def test_straight_quotes_in_finnish_are_flagged_with_finnish_quotes(checker):
    text = 'Title: X\n\nSe on "hyvä kysymys" meille.\n'
    assert slips(checker, text, "fi") == [(3, '"hyvä kysymys"', ["”hyvä kysymys”"])]


def test_finnish_quotes_pass(checker):
    assert slips(checker, "Title: X\n\nSe on ”hyvä kysymys” meille.\n", "fi") == []


def test_command_prints_file_line_word_and_suggestions_and_fails(tmp_path):
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "prosessi.md").write_text(FINNISH_PAGE, "utf-8")
    result = run_check(tmp_path)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{tmp_path}/fi/prosessi.md:5: tomivuuden → ")
    assert "toimivuuden" in first.split(" → ")[1].split(", ")


def test_command_names_a_file_that_is_not_utf8(tmp_path):
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "sivu.md").write_bytes("Title: Sivu ä\n".encode("latin-1"))
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path}/fi/sivu.md:1: the file is not UTF-8 text" in result.stdout


def test_publishing_shows_the_same_slips_as_warnings_and_goes_on(tmp_path):
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "prosessi.md").write_text(FINNISH_PAGE, "utf-8")
    result = run_check(tmp_path, "--warn")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith(
        f"warning: {tmp_path}/fi/prosessi.md:5: tomivuuden → "
    )
    assert "the site is published anyway" in result.stdout


def test_make_publish_shows_the_slips_after_the_build_and_only_when_it_built(
    tmp_path,
):
    project = copy_with_environment(tmp_path / "site")
    page = project / "content" / "fi" / "tyonohjausprosessi.md"
    slip = "Arvioimme työnohjauksen tomivuuden yhdessä."
    page.write_text(page.read_text("utf-8") + f"\n{slip}\n", "utf-8")
    make = ["make", "--no-print-directory", "publish"]
    built = run_command([*make, "ALLOW_PLACEHOLDERS=1"], project)
    assert built.returncode == 0, built.stderr
    lines = built.stdout.splitlines()
    published = next(n for n, line in enumerate(lines) if line.startswith("Published:"))
    warned = next(n for n, line in enumerate(lines) if "tomivuuden →" in line)
    assert warned > published
    refused = run_command([*make, "ALLOW_PLACEHOLDERS="], project)
    assert refused.returncode != 0
    assert "tomivuuden" not in refused.stdout + refused.stderr


@pytest.mark.parametrize(("options", "code"), [([], 2), (["--warn"], 0)])
def test_a_missing_dictionary_is_named_with_how_to_install_it(
    tmp_path, monkeypatch, capsys, options, code
):
    monkeypatch.setattr(dictionaries, "NPM_ENGLISH", tmp_path / "dictionary-en-gb")
    monkeypatch.setattr(dictionaries, "SYSTEM_ENGLISH", tmp_path / "en_GB")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "page.md").write_text("Title: A page\n", "utf-8")
    assert spellcheck_main([*options, str(tmp_path)]) == code
    assert capsys.readouterr().out == (
        "The spelling was not checked: the English dictionary (en_GB, npm package "
        "dictionary-en-gb) is not installed: make check installs it into "
        "node_modules.\n"
    )


def test_pyvoikko_knows_toimivuuden_and_not_tomivuuden(pyvoikko):
    assert pyvoikko.known("toimivuuden")
    assert pyvoikko.known("Työnohjaus")
    assert not pyvoikko.known("tomivuuden")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("tomivuuden", "toimivuuden"), ("Tyonohjaus", "Työnohjaus")],
)
def test_pyvoikko_suggests_the_word_meant_first(pyvoikko, written, meant):
    assert pyvoikko.suggest(written)[0] == meant


def test_the_registry_dictionaries_catch_a_slip_in_each_language_with_suggestions(
    tmp_path, monkeypatch, english_dictionary
):
    monkeypatch.setattr(
        check,
        "SOURCES",
        {"fi": lambda: Source("pyvoikko", PyVoikko), "en": dictionaries.english},
    )
    assert dictionaries.english().name == "dictionary-en-gb 3.0.0"
    english = "Title: Process\n\nYou will recieve a summary.\n"
    assert slips(Checker(tmp_path), FINNISH_PAGE, "fi") == [
        (5, "tomivuuden", ["toimivuuden", "omivuuden"])
    ]
    [(line, word, suggested)] = slips(Checker(tmp_path), english, "en")
    assert (line, word, suggested[0]) == (3, "recieve", "receive")


def test_without_the_voikko_library_pyvoikko_is_used_and_nothing_is_printed():
    # A machine without libvoikko: loading the library fails as it does there.
    code = (
        "import libvoikko\n"
        "def missing(cls, path=None):\n"
        "    raise OSError('libvoikko.so.1: cannot open shared object file')\n"
        "libvoikko.VoikkoLibrary.open = classmethod(missing)\n"
        "from spellcheck.dictionaries import finnish\n"
        "print(finnish().name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert (result.stdout, result.stderr) == ("pyvoikko 0.6\n", "")


def test_spellings_one_edit_away_include_a_letter_left_out_and_swapped():
    candidates = set(one_edit_away("tomivuuden", "aiu"))
    assert {"toimivuuden", "otmivuuden", "omivuuden", "tamivuuden"} <= candidates
    assert "työnohjaus" in set(one_edit_away("tyonohjaus", ""))


def test_suggestions_keep_the_first_letter_first_then_the_order_of_edits():
    known = {"omivuuden", "toimivuuden", "tomivuudet"}.__contains__
    assert suggestions("tomivuuden", known, 3) == [
        "toimivuuden",
        "tomivuudet",
        "omivuuden",
    ]
    assert suggestions("tomivuuden", known, 1) == ["toimivuuden"]


@pytest.mark.parametrize(
    ("written", "suggested"),
    [("sana", "sana"), ("Sana", "Sana"), ("SANA", "SANA"), ("A", "A")],
)
def test_suggestions_take_the_letter_case_of_the_slip(written, suggested):
    assert with_case_of(written, "sana" if len(written) > 1 else "a") == suggested


def content_with_a_slip(folder):
    """Write a content folder with one Finnish slip and a word list; return it."""
    content = folder / "content"
    (content / "fi").mkdir(parents=True)
    (content / "fi" / "prosessi.md").write_text(FINNISH_PAGE, "utf-8")
    (content / "sanasto.txt").write_text("Formspree\n", "utf-8")
    return content


def no_loading(monkeypatch):
    """Make loading any dictionary fail the test; the sources keep their names."""

    def fail():
        raise AssertionError("a dictionary was loaded")

    found = {lang: find() for lang, find in dictionaries.SOURCES.items()}
    monkeypatch.setattr(
        check,
        "SOURCES",
        {
            lang: lambda s=s: dataclasses.replace(s, load=fail)
            for lang, s in found.items()
        },
    )


def test_an_unchanged_page_is_reported_again_without_loading_a_dictionary(
    tmp_path, monkeypatch, capsys
):
    content = content_with_a_slip(tmp_path)
    assert spellcheck_main([str(content)]) == 1
    first = capsys.readouterr().out
    assert "tomivuuden" in first
    assert (tmp_path / ".cache" / "spellcheck.json").is_file()
    no_loading(monkeypatch)
    assert spellcheck_main([str(content)]) == 1
    assert capsys.readouterr().out == first


@pytest.mark.parametrize(
    "change",
    [
        lambda content: (content / "sanasto.txt").write_text("tomivuuden\n", "utf-8"),
        lambda content: (content / "fi" / "prosessi.md").write_text(
            FINNISH_PAGE.replace("tomivuuden", "toimivuuden"), "utf-8"
        ),
    ],
    ids=["word list", "page"],
)
def test_a_changed_page_or_word_list_is_checked_again(tmp_path, capsys, change):
    content = content_with_a_slip(tmp_path)
    assert spellcheck_main([str(content)]) == 1
    change(content)
    capsys.readouterr()
    assert spellcheck_main([str(content)]) == 0
    assert capsys.readouterr().out == "Spelling and typography: 1 page, no slips.\n"
