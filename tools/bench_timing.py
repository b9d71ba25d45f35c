"""Time builds side by side: wall time, CPU time, peak memory and phases of each.

Every timed build runs through tools/phase_clock.py, which notes the CPU time
at which each phase of the build begins.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from scripts.project_copy import copy_project
from tools import phase_clock

ROOT = Path(__file__).resolve().parent.parent
PHASE_CLOCK = [sys.executable, str(ROOT / "tools" / "phase_clock.py")]
PEERCONF = ROOT / "tools" / "peerconf.py"
# What a build's CPU time holds beyond its last mark.
EXIT = "exiting (and child processes)"
# A home page listing a thousand services is far over the page budget; the
# benchmark keeps weighing every page but lets the build finish.
BENCH_OVERRIDES = {"SITE_CHECK_PAGE_BUDGET": 10**9}


class BuildFailed(Exception):
    """A timed build exited non-zero."""


@dataclass(frozen=True)
class Measure:
    """One build: wall seconds, CPU seconds (with its workers), peak memory, and
    the CPU seconds of each of its phases."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    phases: dict

    @property
    def shared_cpu_seconds(self):
        """Return the CPU seconds of the work the peer also does: all but the
        production steps (minification, compression, checks)."""
        production = phase_clock.PRODUCTION_PHASES
        return self.cpu_seconds - sum(self.phases[name] for name in production)


def run_timed(command, log, folder=ROOT, environment=None):
    """Run ``command`` in ``folder``, with ``environment`` added; return its Measure.

    The command is a build through tools/phase_clock.py, which writes its
    marks to the file named in the environment, beside the log.
    """
    marks = Path(log).with_suffix(".marks.json")
    marks.unlink(missing_ok=True)
    environment = {
        **os.environ,
        **(environment or {}),
        phase_clock.MARKS_VARIABLE: str(marks),
    }
    # As on the owner's machine, Python keeps the modules it compiles.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    with open(log, "w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=folder, stdout=out, stderr=out, env=environment
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        tail = Path(log).read_text("utf-8", "replace").splitlines()[-20:]
        raise BuildFailed(f"{' '.join(map(str, command))}\n" + "\n".join(tail))
    # ru_maxrss is in kilobytes on Linux: the largest of the build and its workers.
    cpu_seconds = usage.ru_utime + usage.ru_stime
    peak_mb = usage.ru_maxrss / 1024
    return Measure(seconds, cpu_seconds, peak_mb, phase_seconds(marks, cpu_seconds))


def phase_seconds(marks, cpu_seconds):
    """Return {phase: CPU seconds} of a build from its marks and its CPU time."""
    phases = phase_clock.phases(json.loads(marks.read_text("utf-8")))
    return {**phases, EXIT: cpu_seconds - sum(phases.values())}


def overrides_option(overrides):
    """Return pelican's ``-e`` option for the given settings (values as JSON)."""
    if not overrides:
        return []
    return ["-e", *(f"{name}={json.dumps(value)}" for name, value in overrides.items())]


class Contender:
    """One build under test: its command, and the folders it writes and keeps.

    It runs in ``checkout`` with the settings file of that name there, and
    keeps what it caches in ``checkout``'s ``cache/``; ``environment`` is added
    to its builds' environment. ``keeps_output``: a later
    build writes into the last one's output folder (Pelican's own way);
    otherwise each build starts from an empty one, as ``make publish`` builds
    into a new folder under ``.builds/``. ``launcher``: it runs through
    ``scripts/pelican_plain.py``, as ``make publish`` does.
    """

    def __init__(self, name, site, folder, checkout, settings_file, **options):
        self.name, self.site, self.checkout = name, site, Path(checkout)
        self.output = Path(folder) / f"output-{name}"
        self.log = Path(folder) / f"build-{name}.log"
        self.cache = self.checkout / "cache"
        self.settings_file = self.checkout / settings_file
        self.overrides = options.get("overrides", {})
        self.keeps_output = options.get("keeps_output", False)
        self.environment = options.get("environment", {})
        self.launcher = options.get("launcher", False)

    def command(self):
        """Return the command of one build."""
        command = [*PHASE_CLOCK, *([phase_clock.LAUNCHER] if self.launcher else [])]
        command += [str(self.site.content), "-o", str(self.output)]
        command += ["-s", str(self.settings_file)]
        return command + overrides_option(self.overrides)

    def clean(self):
        """Build with no output folder and no cache; return the Measure.

        The disks are flushed first: when the sites are on disk, the deleting
        of the last build's files then does not slow down this one's writing.
        """
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)
        os.sync()
        return run_timed(self.command(), self.log, self.checkout, self.environment)

    def warm(self):
        """Build again, keeping the cache (and the output if the build does)."""
        if not self.keeps_output:
            shutil.rmtree(self.output, ignore_errors=True)
            os.sync()
        return run_timed(self.command(), self.log, self.checkout, self.environment)


def ours(site, folder, project=ROOT, name="ours", **overrides):
    """Return our production build, in a copy of ``project`` with its own cache.

    The environment installs this checkout's package, so the copy's own
    ``plugins/`` (and ``editor/``) are put first on its builds' path: an
    ``--against`` checkout is timed with its own code.
    """
    checkout = copy_project(Path(folder) / f"project-{name}", project)
    overrides = {**BENCH_OVERRIDES, **overrides}
    own_code = {
        "PYTHONPATH": os.pathsep.join([str(checkout / "plugins"), str(checkout)])
    }
    return Contender(
        name,
        site,
        folder,
        checkout,
        "publishconf.py",
        overrides=overrides,
        environment=own_code,
        launcher=True,
    )


def peer(site, folder):
    """Return the peer's build: Pelican, its default theme, subsites, precompress."""
    checkout = Path(folder) / "project-peer"
    checkout.mkdir()
    shutil.copy(PEERCONF, checkout)
    overrides = {"THEME_TEMPLATES_OVERRIDES": [str(site.peer_templates)]}
    return Contender(
        "peer",
        site,
        folder,
        checkout,
        PEERCONF.name,
        overrides=overrides,
        keeps_output=True,
    )


def edit(page, number):
    """Add a sentence to one page, as an owner would, and give it a later time."""
    later = time.time() + 1
    text = page.read_text("utf-8")
    page.write_text(f"{text}\n\nMuutos {number}.\n", "utf-8")
    os.utime(page, (later, later))


def summary(measures):
    """Return the medians of some runs (the largest peak memory), and every run.

    Each phase's median is taken on its own, so they need not add up to the
    median of the whole build.
    """
    return {
        "seconds": statistics.median(m.seconds for m in measures),
        "cpu_seconds": statistics.median(m.cpu_seconds for m in measures),
        "shared_cpu_seconds": statistics.median(m.shared_cpu_seconds for m in measures),
        "peak_mb": max(m.peak_mb for m in measures),
        "phases": {
            name: statistics.median(m.phases[name] for m in measures)
            for name in measures[0].phases
        },
        "runs": [asdict(m) for m in measures],
    }


def time_side_by_side(contenders, runs):
    """Time a clean build of each contender, then one after an edit, in turns.

    The order of the contenders is reversed every other run. Return
    {name: {"clean": summary, "warm": summary}}.
    """
    clean = {contender.name: [] for contender in contenders}
    warm = {contender.name: [] for contender in contenders}
    for run in range(runs):
        turns = contenders if run % 2 == 0 else contenders[::-1]
        for contender in turns:
            clean[contender.name].append(contender.clean())
        edit(contenders[0].site.edited, run)
        for contender in turns:
            warm[contender.name].append(contender.warm())
    return {
        name: {"clean": summary(clean[name]), "warm": summary(warm[name])}
        for name in clean
    }


def time_clean_builds(contenders, runs):
    """Time clean builds of each contender in turns; return {name: summary}."""
    measures = {contender.name: [] for contender in contenders}
    for _ in range(runs):
        for contender in contenders:
            measures[contender.name].append(contender.clean())
    return {name: summary(measured) for name, measured in measures.items()}
