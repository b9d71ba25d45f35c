"""`make check`: the spelling and typography of every page's prose."""

import sys

import pytest
from conftest import ROOT, run_command

from spellcheck import words
from spellcheck.__main__ import main as spellcheck_main
from spellcheck.check import Checker
from spellcheck.prose import prose_lines

FINNISH_PAGE = """Title: Arviointi
Summary: Työnohjauksen toimivuutta arvioidaan.
Key: process

Tilaaja saa arvion työnohjauksen tomivuuden kehityksestä.
"""


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


def test_the_shipped_content_passes():
    result = run_check(ROOT / "content")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("no slips.\n")


def test_finnish_misspelling_is_caught_with_the_right_word_suggested(checker):
    assert slips(checker, FINNISH_PAGE, "fi") == [
        (5, "tomivuuden", ["omivuuden", "toimivuuden"])
    ]


def test_english_misspelling_is_caught_with_the_right_word_suggested(checker):
    text = "Title: Process\nSummary: How it goes.\n\nYou will recieve a summary.\n"
    [(line, word, suggestions)] = slips(checker, text, "en")
    assert (line, word) == (4, "recieve")
    assert suggestions[0] == "receive"


def test_each_language_uses_its_own_dictionary(checker):
    assert slips(checker, "Title: Työnohjaus\n\nTyönohjaus auttaa.\n", "fi") == []
    assert [word for _, word, _ in slips(checker, "Title: Työnohjaus\n", "en")] == [
        "Työnohjaus"
    ]


def test_words_of_the_project_word_list_pass_in_any_case(checker):
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
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}/fi/prosessi.md:5: tomivuuden → omivuuden, toimivuuden"
    )


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
    assert result.stdout.splitlines()[0] == (
        f"warning: {tmp_path}/fi/prosessi.md:5: tomivuuden → omivuuden, toimivuuden"
    )
    assert "the site is published anyway" in result.stdout


def test_make_publish_runs_the_check_as_warnings_after_building():
    make = ["make", "--dry-run", "--always-make", "--no-print-directory", "publish"]
    dry_run = run_command(make, check=True).stdout.splitlines()
    assert "scripts/build.py publishconf.py" in dry_run[-2]
    assert dry_run[-1].endswith("python -m spellcheck --warn content")


@pytest.mark.parametrize(("options", "code"), [([], 2), (["--warn"], 0)])
def test_a_missing_dictionary_is_named_with_how_to_install_it(
    tmp_path, monkeypatch, capsys, options, code
):
    monkeypatch.setattr(words, "HUNSPELL_DICTIONARIES", tmp_path)
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "page.md").write_text("Title: A page\n", "utf-8")
    assert spellcheck_main([*options, str(tmp_path)]) == code
    assert capsys.readouterr().out == (
        "The spelling was not checked: the English dictionary (en_GB) is not "
        "installed: apt-get install hunspell-en-gb.\n"
    )
