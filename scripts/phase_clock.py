"""Run pelican and note the CPU time at which each stage of its build begins.

Usage: PHASE_CLOCK_MARKS=FILE python scripts/phase_clock.py [pelican's arguments ...]

The benchmark runs its builds through this. The marks are the process's CPU
seconds when pelican starts, when a site has loaded its plugins
(``initialized``) and written its pages (``finalized``), when each production
step sent by pelican-granular-signals begins (``minify``, ``compress``,
``deploy``) and when pelican is done; they are written as JSON to the file
named by ``PHASE_CLOCK_MARKS``. The handlers are connected before pelican loads
any plugin, so each runs before theirs.
"""

import json
import os
import sys
import time
from pathlib import Path

import blinker
import pelican
from pelican import signals

# Pelican's own signals, then the production steps of pelican-granular-signals.
SIGNALS = {
    "initialized": signals.initialized,
    "finalized": signals.finalized,
    **{step: blinker.signal(step) for step in ("minify", "compress", "deploy")},
}
STEPS = tuple(SIGNALS)
MARKS_VARIABLE = "PHASE_CLOCK_MARKS"
FIRST_OF_KIND = ("start", "initialized")
# The stages of a build, each from its mark to the next one present.
BOUNDARIES = ("start", *STEPS, "end")
PHASES = (
    "loading settings and plugins",
    "reading and writing",
    "other plugins at the end",
    "minification",
    "compression",
    "checks",
)


def phases(marks):
    """Return {phase: CPU seconds} from a build's marks.

    A language subsite is built inside the main site's build, so the main
    site's ``initialized`` is the first of its kind and its later marks are the
    last ones; a step the build does not have takes no time.
    """
    times = {}
    for step, moment in marks:
        if step not in times or step not in FIRST_OF_KIND:
            times[step] = moment
    for index in range(len(BOUNDARIES) - 2, 0, -1):
        times.setdefault(BOUNDARIES[index], times[BOUNDARIES[index + 1]])
    moments = [times[name] for name in BOUNDARIES]
    return {
        phase: later - earlier
        for phase, earlier, later in zip(PHASES, moments, moments[1:], strict=False)
    }


def noting(marks, step):
    """Return a signal handler that notes the CPU time of ``step`` in ``marks``."""

    def note(_sender, **_):
        marks.append((step, time.process_time()))

    return note


def run(marks_file, arguments):
    """Run pelican with ``arguments``, noting the marks; write them when it ends."""
    marks = [("start", time.process_time())]
    for step, signal in SIGNALS.items():
        signal.connect(noting(marks, step), weak=False)
    try:
        pelican.main(arguments)
    finally:
        marks.append(("end", time.process_time()))
        Path(marks_file).write_text(json.dumps(marks), "utf-8")


if __name__ == "__main__":
    run(os.environ[MARKS_VARIABLE], sys.argv[1:])
