"""Run pelican and note the CPU time at which each phase of its build begins.

Usage: PHASE_CLOCK_MARKS=FILE python tools/phase_clock.py [pelican's arguments ...]

The benchmark runs its builds through this. The marks are the CPU seconds of
the process and of its finished workers (the peer compresses in a pool) when
pelican starts, when a site has loaded its plugins (``initialized``) and
written its pages (``finalized``), when each production step sent by
pelican-granular-signals begins (``minify``, ``compress``, ``deploy``) and
when pelican is done; they are written as JSON to the file named by
``PHASE_CLOCK_MARKS``. Pelican calls a signal's handlers in the order they
were connected, and ours are connected before pelican loads any plugin, so
each runs before the plugins' own.
"""

import json
import os
import sys
import time
from contextlib import ExitStack
from itertools import pairwise
from pathlib import Path

import blinker
import pelican
from pelican import signals

MARKS_VARIABLE = "PHASE_CLOCK_MARKS"
# Pelican's own signals, then the production steps of pelican-granular-signals.
SIGNALS = {
    "initialized": signals.initialized,
    "finalized": signals.finalized,
    **{step: blinker.signal(step) for step in ("minify", "compress", "deploy")},
}
# The phases of a build, each from its mark to the next one present.
BOUNDARIES = ("start", *SIGNALS, "end")
START_UP = "starting Python and Pelican"
# The steps of our production build that plain Pelican does not have.
PRODUCTION_PHASES = ("minification", "compression", "checks")
PHASES = (
    "loading settings and plugins",
    "reading and writing",
    "after writing (other plugins, summary)",
    *PRODUCTION_PHASES,
)


def phases(marks):
    """Return {phase: CPU seconds} from a build's marks, its start-up first.

    A language subsite is built inside the main site's build, so the main
    site's ``initialized`` is the first of its kind and its later marks are the
    last ones; a step the build does not have takes no time.
    """
    times = {}
    for step, moment in marks:
        if step != "initialized" or step not in times:
            times[step] = moment
    for name, following in reversed(list(pairwise(BOUNDARIES))):
        times.setdefault(name, times[following])
    moments = [times[name] for name in BOUNDARIES]
    spans = (later - earlier for earlier, later in pairwise(moments))
    return {START_UP: times["start"], **dict(zip(PHASES, spans, strict=True))}


def cpu_seconds():
    """Return the CPU seconds of this process and of the workers it has waited for."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def noting(marks, step):
    """Return a signal handler that notes the CPU time of ``step`` in ``marks``."""

    def note(_sender, **_):
        marks.append((step, cpu_seconds()))

    return note


def run(marks_file, arguments):
    """Run pelican with ``arguments``, noting the marks; write them when it ends."""
    marks = [("start", cpu_seconds())]
    try:
        with ExitStack() as connected:
            for step, signal in SIGNALS.items():
                connected.enter_context(signal.connected_to(noting(marks, step)))
            pelican.main(arguments)
    finally:
        marks.append(("end", cpu_seconds()))
        Path(marks_file).write_text(json.dumps(marks), "utf-8")


if __name__ == "__main__":
    if MARKS_VARIABLE not in os.environ:
        sys.exit(f"Set {MARKS_VARIABLE} to the file the marks go to.\n\n{__doc__}")
    run(os.environ[MARKS_VARIABLE], sys.argv[1:])
