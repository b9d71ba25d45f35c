"""Run pelican and note the CPU time at which each phase of its build begins.

Usage: PHASE_CLOCK_MARKS=FILE python tools/phase_clock.py [--launcher] [pelican options]

With ``--launcher`` the build runs as ``make publish`` runs it, through
``scripts/pelican_plain.py``: plain messages, the garbage collector off until
the plugins are loaded (here it is turned off before Pelican loads, to connect
the marks, as the launcher's ``main`` does first; a checkout whose launcher never
turns it on again is timed with it off), and an end without Python's teardown.

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

import gc
import json
import os
import sys
import time
from contextlib import ExitStack
from itertools import pairwise
from pathlib import Path

import blinker

MARKS_VARIABLE = "PHASE_CLOCK_MARKS"
LAUNCHER = "--launcher"
# Pelican's own signals, then the production steps of pelican-granular-signals.
PRODUCTION_STEPS = ("minify", "compress", "deploy")
MARKED = ("initialized", "finalized", *PRODUCTION_STEPS)
# The phases of a build, each from its mark to the next one present.
BOUNDARIES = ("start", *MARKED, "end")
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


def marked_signals():
    """Return the signal of each mark, loading Pelican."""
    from pelican import signals

    pelicans = {"initialized": signals.initialized, "finalized": signals.finalized}
    return {**pelicans, **{step: blinker.signal(step) for step in PRODUCTION_STEPS}}


def pelican_build(arguments):
    """Run pelican's command line, as the peer's build does."""
    import pelican

    pelican.main(arguments)


def launcher_build(arguments):
    """Run pelican through our launcher's ``main``; return its exit code."""
    from scripts import pelican_plain

    return pelican_plain.main(arguments)


def run(marks_file, arguments, build=pelican_build):
    """Run ``build`` with ``arguments``, noting the marks; write them when it ends.

    The first mark follows the loading of Pelican, as a build's own start does.
    Return what ``build`` returns.
    """
    signals = marked_signals()
    marks = [("start", cpu_seconds())]
    try:
        with ExitStack() as connected:
            for step, signal in signals.items():
                connected.enter_context(signal.connected_to(noting(marks, step)))
            return build(arguments)
    finally:
        marks.append(("end", cpu_seconds()))
        Path(marks_file).write_text(json.dumps(marks), "utf-8")


if __name__ == "__main__":
    if MARKS_VARIABLE not in os.environ:
        sys.exit(f"Set {MARKS_VARIABLE} to the file the marks go to.\n\n{__doc__}")
    if sys.argv[1:2] == [LAUNCHER]:
        gc.disable()  # before Pelican loads, as the launcher's main does first
        code = run(os.environ[MARKS_VARIABLE], sys.argv[2:], launcher_build)
        from scripts import pelican_plain

        pelican_plain.leave(code)  # and ends as the launcher does
    else:
        run(os.environ[MARKS_VARIABLE], sys.argv[1:])
