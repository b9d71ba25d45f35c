"""Problems found in the content or the built site, reported together in plain lines.

Shared by the plugins that check the site; not a Pelican plugin itself.
"""

import sys
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, explained for the owner."""

    path: str
    field: str
    message: str

    def line(self):
        """Return the problem as one plain line: file, field, what is wrong."""
        return f"{self.path}: {self.field}: {self.message}"


def report(problems, stream=None):
    """Print each problem once, sorted, one line each; return how many there were."""
    lines = sorted({problem.line() for problem in problems})
    for line in lines:
        print(line, file=stream or sys.stderr)
    return len(lines)


def stop_on(problems):
    """Report the problems and end the build with exit code 1 when there are any."""
    if problems:
        count = report(problems)
        print(
            f"The site was not built: fix the {count} problem(s) above and run again.",
            file=sys.stderr,
        )
        raise SystemExit(1)
