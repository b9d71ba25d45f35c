"""Problems found in the content or the built site, reported together in plain lines.

Shared by the plugins that check the site; not a Pelican plugin itself.
"""

import sys
from dataclasses import dataclass, replace
from pathlib import Path

from .front_matter import read_front_matter


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, explained for the owner."""

    path: str
    field: str
    message: str
    line_number: int | None = None  # where in the file, when known

    def line(self):
        """Return the problem as one plain line: file and line, field, what is wrong."""
        where = f"{self.path}:{self.line_number}" if self.line_number else self.path
        return f"{where}: {self.field}: {self.message}"


def source_lines(source):
    """Return the lines of a content file, or none when it cannot be read."""
    try:
        return Path(source).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def field_line(source, field):
    """Return the number of the front-matter line that sets ``field``, or None."""
    try:
        found = read_front_matter(source).first(field)
    except (OSError, UnicodeDecodeError):
        return None
    return found.line if found else None


def text_line(source, text):
    """Return the number of the first line of a file that holds ``text``, or None."""
    for number, line in enumerate(source_lines(source), start=1):
        if text in line:
            return number
    return None


def at_field(problem, source):
    """Return the problem with the line of its field in ``source``, when found.

    A problem that already has its line keeps it.
    """
    if problem.line_number:
        return problem
    return replace(problem, line_number=field_line(source, problem.field))


def problem_lines(problems):
    """Return each problem's line once, by file and line number."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line_number or 0, p.line()))
    return list(dict.fromkeys(problem.line() for problem in ordered))


def not_built(count):
    """Return the closing line of a build stopped by ``count`` problems."""
    return f"The site was not built: fix the {count} problem(s) above and run again."


def stop_on(problems, closing=not_built):
    """Print each problem's line and ``closing`` for their count; then exit with 1.

    Nothing happens when there are no problems.
    """
    if problems:
        lines = problem_lines(problems)
        for line in lines:
            print(line, file=sys.stderr)
        print(closing(len(lines)), file=sys.stderr)
        raise SystemExit(1)
