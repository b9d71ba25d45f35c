"""Run pelican with its messages as plain lines: no timestamps, columns or tracebacks.

Usage: python scripts/pelican_plain.py [pelican's arguments ...]

Pelican's own handler prints through rich, folds long lines and shows a
traceback for some errors. Here every warning or error is one line,
``warning: …`` or ``error: …``, with paths relative to the project. Messages
that our checks report again with the file, the field and an example of what
is right are left to them.
"""

import atexit
import gc
import logging
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Pelican's messages that the services and site_checks plugins explain better.
REPORTED_BY_OUR_CHECKS = (
    "Could not process %s",  # site_checks: "could not be read (the reason)"
    "Skipping %s: could not find information about '%s'",  # services: "missing"
    "Unable to find '%s', skipping url replacement.",  # site_checks: broken link
    "Cannot get modification stamp for %s\n\t%s",  # site_checks: missing picture
    "Unknown status '%s' for file %s, skipping it. (Not in %s)",  # site_checks
    # Pelican's own slip on that same path: it reads a page's deprecated name.
    "filename has been deprecated since 3.2.0.  Use source_path instead.",
)


class PlainHandler(logging.Handler):
    """Print each warning or error as one plain line on standard error."""

    def __init__(self, stream=None):
        super().__init__(logging.WARNING)
        self.stream = stream

    def emit(self, record):
        """Print the record's message alone: no traceback, no folding."""
        if record.msg in REPORTED_BY_OUR_CHECKS:
            return
        try:
            message = " ".join(record.getMessage().split())
        except (TypeError, ValueError):
            message = str(record.msg)
        message = message.replace(f"{ROOT}/", "") + where(record)
        level = "warning" if record.levelno < logging.ERROR else "error"
        print(f"{level}: {message}", file=self.stream or sys.stderr, flush=True)


def where(record):
    """Return `` (file:line)`` of the error: a template's, or a settings file's.

    A template or syntax error carries its place; any other error in a settings
    file (a value written without quotes) is placed by its traceback's last line
    in a file at the project's top level.
    """
    for argument in record.args if isinstance(record.args, tuple) else ():
        if getattr(argument, "filename", None) and getattr(argument, "lineno", None):
            name = argument.filename.replace(f"{ROOT}/", "")
            return f" ({name}:{argument.lineno})"
    trace = record.exc_info[2] if record.exc_info else None
    for frame in reversed(traceback.extract_tb(trace)):
        if Path(frame.filename).parent == ROOT:
            return f" ({Path(frame.filename).name}:{frame.lineno})"
    return ""


def install():
    """Send every log record at warning level and above to one plain handler."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(PlainHandler())
    root.setLevel(logging.WARNING)


def collect_from_now_on(_pelican):
    """Freeze what Python, Pelican and the plugins loaded, and collect from now on.

    Those objects live until the build ends: frozen, no collection walks them
    again. The language sites' later ``initialized`` leave it as it is.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main(arguments):
    """Run pelican's command line with plain messages; return its exit code.

    The garbage collector is off until the plugins are loaded (see
    ``collect_from_now_on``): what starting makes lives to the end.
    """
    gc.disable()
    install()
    from pelican import main as pelican_main
    from pelican import signals

    signals.initialized.connect(collect_from_now_on)

    try:
        pelican_main([*arguments, "--log-handler", "plain"])
    except SystemExit as stop:
        return stop.code
    return 0


def leave(code):
    """End the process with ``code`` once the exit handlers ran, without teardown.

    Everything the build wrote is closed by now; Python's own teardown would
    only free every object of the build one by one (0.05 s here).
    """
    if sys.getprofile() is not None:  # a profiler writes its report as Python ends
        sys.exit(code)
    if code is not None and not isinstance(code, int):  # as sys.exit shows it
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":
    try:
        leave(main(sys.argv[1:]))
    except KeyboardInterrupt:  # Ctrl-C: the build that started this says so
        sys.exit(130)
