"""Remember why Pelican could not read a content file.

Pelican logs "Could not process …" and carries on without the page; the
handler keeps the exception that was being handled at that moment.
"""

import logging
import sys

PELICAN_MESSAGE = "Could not process %s"


class FailedReads(logging.Handler):
    """Keep the reason each unreadable content file failed, by its path."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.reasons = {}

    def emit(self, record):
        """Store the active exception of a "Could not process" record."""
        if record.msg == PELICAN_MESSAGE and record.args:
            error = sys.exc_info()[1]
            self.reasons[str(record.args[0])] = str(error) or type(error).__name__


FAILED_READS = FailedReads()
logging.getLogger("pelican.generators").addHandler(FAILED_READS)


def unread_files(context):
    """Return (path, reason) for every content file Pelican failed to read."""
    failed = sorted(
        path
        for path, content in context["generated_content"].items()
        if content is None
    )
    return [(path, FAILED_READS.reasons.get(path, "unknown error")) for path in failed]
