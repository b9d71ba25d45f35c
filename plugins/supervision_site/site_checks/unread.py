"""Remember why Pelican could not read a content file, and say it plainly.

Pelican logs "Could not process …" and carries on without the page; the
handler keeps the exception that was being handled at that moment.
"""

import logging
import re
import sys
from pathlib import Path

from supervision_site.core.front_matter import read_front_matter
from supervision_site.service_facts.schema import MISSING, STATUSES, not_one_of

PELICAN_MESSAGE = "Could not process %s"
DATE_ERROR = re.compile(r"'(?P<value>.*)' is not a valid date")


class FailedReads(logging.Handler):
    """Keep the exception each unreadable content file failed with, by its path."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.errors = {}

    def emit(self, record):
        """Store the active exception of a "Could not process" record."""
        if record.msg == PELICAN_MESSAGE and record.args:
            self.errors[str(record.args[0])] = sys.exc_info()[1]


FAILED_READS = FailedReads()
logging.getLogger("pelican.generators").addHandler(FAILED_READS)


def unread_files(context):
    """Return (path, exception or None) of each content file Pelican could not read."""
    failed = sorted(
        path
        for path, content in context["generated_content"].items()
        if content is None
    )
    return [(path, FAILED_READS.errors.get(path)) for path in failed]


def front_matter(file):
    """Return the fields at the top of a content file, whatever its encoding."""
    return read_front_matter(file, errors="replace")


def field_holding(file, value):
    """Return the name of the front-matter field whose value is ``value``, or None."""
    fields = front_matter(file).fields
    return next((field.name for field in fields if field.value == value), None)


def explain(file, error):
    """Return (field, message) saying why ``file`` could not be read."""
    if isinstance(error, UnicodeDecodeError):
        return (
            "file",
            "is not saved as UTF-8 text; open it in a text editor and save it "
            "with the encoding UTF-8",
        )
    date = DATE_ERROR.fullmatch(str(error)) if isinstance(error, ValueError) else None
    if date:
        value = date["value"]
        name = field_holding(file, value) or "Date"
        return (
            name,
            f'"{value}" is not a date, and the pages of this site need none; '
            f'remove the line "{name}: {value}"',
        )
    if error is None and not Path(file).read_bytes().strip():
        return (
            "file",
            'is empty; start it with the lines "Title: …", "Summary: …" and '
            '"Key: …", then an empty line and the text',
        )
    status = front_matter(file).first("status")
    if error is None and status and status.value.lower() not in STATUSES:
        return "Status", not_one_of("status", status.value, STATUSES)
    if error is None and front_matter(file).first("title") is None:
        return "Title", MISSING["title"]
    if error is None:
        return "file", "could not be read; the line above says why"
    return "file", f"could not be read ({str(error) or type(error).__name__})"
