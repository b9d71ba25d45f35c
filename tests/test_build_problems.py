"""Problems name the file and, when it is known, the line the owner has to change."""

from supervision_site.core.problems import (
    Problem,
    at_field,
    field_line,
    problem_lines,
    text_line,
)

PAGE = """Title: Ryhmätyönohjaus
Summary: Ryhmässä opitaan toinen toisilta
    ja jatketaan.
Key: group
Session: puolitoista

Teksti, jossa on Session: sana ja [linkki]({filename}prosessi.md).
"""


def test_line_without_a_number_names_file_and_field():
    problem = Problem("content/fi/a.md", "Title", "missing")
    assert problem.line() == "content/fi/a.md: Title: missing"


def test_line_with_a_number_puts_it_after_the_file():
    problem = Problem("content/fi/a.md", "Session", "wrong", 5)
    assert problem.line() == "content/fi/a.md:5: Session: wrong"


def test_field_is_found_on_its_front_matter_line_in_any_case(tmp_path):
    (tmp_path / "page.md").write_text(PAGE, "utf-8")
    assert field_line(tmp_path / "page.md", "Session") == 5
    assert field_line(tmp_path / "page.md", "key") == 4


def test_field_is_not_found_in_the_text_after_the_front_matter(tmp_path):
    (tmp_path / "page.md").write_text(PAGE.replace("Session: puolitoista\n", ""))
    assert field_line(tmp_path / "page.md", "Session") is None


def test_front_matter_ends_at_a_line_without_a_colon_as_markdown_reads_it(tmp_path):
    (tmp_path / "page.md").write_text(PAGE.replace("Summary: ", "Summary "), "utf-8")
    assert field_line(tmp_path / "page.md", "Key") is None


def test_problem_takes_the_line_of_its_field(tmp_path):
    (tmp_path / "page.md").write_text(PAGE, "utf-8")
    problem = at_field(Problem("content/fi/page.md", "Key", "x"), tmp_path / "page.md")
    assert problem.line() == "content/fi/page.md:4: Key: x"


def test_text_is_found_on_its_line_and_an_unreadable_file_has_none(tmp_path):
    (tmp_path / "page.md").write_text(PAGE, "utf-8")
    assert text_line(tmp_path / "page.md", "{filename}prosessi.md") == 7
    (tmp_path / "latin.md").write_bytes("Title: ä\n".encode("latin-1"))
    assert field_line(tmp_path / "latin.md", "Title") is None
    assert text_line(tmp_path / "missing.md", "x") is None


def test_problems_are_reported_once_each_by_file_and_line_number():
    problems = [
        Problem("content/b.md", "Key", "puuttuu", 2),
        Problem("content/a.md", "Order", "ei ole luku", 10),
        Problem("content/a.md", "Session", "ei ole kesto", 4),
        Problem("content/a.md", "Session", "ei ole kesto", 4),
        Problem("content/a.md", "Title", "puuttuu"),
    ]
    assert problem_lines(problems) == [
        "content/a.md: Title: puuttuu",
        "content/a.md:4: Session: ei ole kesto",
        "content/a.md:10: Order: ei ole luku",
        "content/b.md:2: Key: puuttuu",
    ]
