"""Time our production build against plain Pelican on generated services.

Usage: python scripts/bench.py [--sizes 10 100 1000] [--runs 5] [--report FILE]
       python scripts/bench.py --profile 1000
       python scripts/bench.py --stages 100 [--runs 5] [--baseline ../older]
       (each also with --on-disk)

For each size (services in every language) the same generated Markdown is
built in turns with our production settings (publishconf.py: our theme and
plugins, minification, compression and every check) and with plain Pelican
(scripts/plainconf.py: its default theme, no plugins); each build's wall time,
CPU time, peak memory and the CPU time of each of its phases (noted by
scripts/phase_clock.py) are recorded and the medians reported. Then, with
Pelican's content cache on, one page is edited and the site rebuilt. The
figures are printed as a table and written as JSON. Everything is built in
memory (``/dev/shm``) where the system has room there, so that a slow disk's
file creation does not count in the figures; ``--on-disk`` builds in the
system's temporary folder instead.

``--profile SIZE`` instead runs one of our builds under pyinstrument and
writes its report beside the JSON. ``--stages SIZE`` times our build with
the stages plain Pelican does not have left out one after another (the
checks, then compression, then minification), beside plain Pelican, and with
``--baseline`` the production build of another checkout (an older commit).
"""

import argparse
import json
import os
import platform
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import phase_clock
import synthetic

ROOT = Path(__file__).resolve().parent.parent
PUBLISHCONF = ROOT / "publishconf.py"
PLAINCONF = ROOT / "scripts" / "plainconf.py"
# Every timed build notes when each of its phases begins (scripts/phase_clock.py).
PELICAN = [sys.executable, str(ROOT / "scripts" / "phase_clock.py")]
# What a build's CPU time holds beyond its last mark.
EXIT = "exiting (and child processes)"
SIZES = (10, 100, 1000)
RUNS = 5
# Targets: our build at most this many times plain Pelican's; time per page at
# the largest size at most this many times that at the size below; a rebuild
# after one edit at most this share of a full build.
MOST_RATIO = 1.5
MOST_GROWTH = 1.2
MOST_INCREMENTAL = 0.5
# A home page listing a thousand services is far over the page budget; the
# benchmark keeps weighing every page but lets the build finish.
BENCH_OVERRIDES = {"SITE_CHECK_PAGE_BUDGET": 10**9}
CACHE_OVERRIDES = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
# The sites are generated and built in a folder in memory when the system has
# one with room to spare (the three sizes take about 60 MB), so that a slow
# disk's file creation does not count in the figures (README, Benchmarks).
MEMORY_FOLDER = Path("/dev/shm")
MEMORY_NEEDED = 512 * 2**20
# Our build with stages left out, each row leaving out one more: what is left
# in the last row is reading and writing both languages with our theme.
# Stages are plugins, by name, and compression, which published_assets does (and
# older checkouts left to pelican-precompress).
LAST_STAGE = "  … and minification"
COMPRESSION = "compression"
CHECKS = "supervision_site.site_checks"
ASSETS = "supervision_site.published_assets"
LEFT_OUT = {
    "ours": (),
    "without the checks": (CHECKS,),
    "  … and compression": (CHECKS, COMPRESSION),
    LAST_STAGE: (CHECKS, COMPRESSION, ASSETS),
}
OLDER_COMPRESSION = "pelican.plugins.precompress"


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
        """Return the CPU seconds of the work plain Pelican also does: all but
        the production steps (minification, compression, checks)."""
        production = phase_clock.PRODUCTION_PHASES
        return self.cpu_seconds - sum(self.phases[name] for name in production)


def run_timed(command, log, folder=ROOT):
    """Run ``command`` in ``folder`` (the project's); return its Measure.

    The command is a build through scripts/phase_clock.py, which writes its
    marks to the file named in the environment, beside the log.
    """
    marks = Path(log).with_suffix(".marks.json")
    marks.unlink(missing_ok=True)
    environment = {**os.environ, phase_clock.MARKS_VARIABLE: str(marks)}
    with open(log, "w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=folder, stdout=out, stderr=out, env=environment
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
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


def service_key_settings(generated):
    """Return settings that list the known service keys, extended by ``generated``.

    A setting named like ``SERVICE_KEYS`` in pelicanconf.py (a list, or a
    mapping from key to details) gets the generated keys; in a mapping each
    takes the details of the real service it copies.
    """
    found = {}
    for name, value in read_settings().items():
        if not (name.isupper() and "SERVICE" in name and name.endswith("KEYS")):
            continue
        if isinstance(value, dict):
            found[name] = {item.key: value.get(item.real_key) for item in generated}
        elif isinstance(value, list | tuple | set):
            found[name] = [item.key for item in generated]
    return found


def read_settings():
    """Return the names pelicanconf.py defines."""
    return runpy.run_path(str(ROOT / "pelicanconf.py"))


class Site:
    """The generated content of one size and the commands that build it."""

    def __init__(self, folder, services):
        self.folder = Path(folder)
        self.content = self.folder / "content"
        self.plain_content = self.folder / "plain-content"
        self.output = self.folder / "output"
        self.cache = self.folder / "cache"
        self.plain_cache = self.folder / "plain-cache"
        self.cold_cache = self.folder / "cold-cache"  # emptied before each full build
        self.log = self.folder / "build.log"
        generated = synthetic.write_content(ROOT / "content", self.content, services)
        main_lang = read_settings()["DEFAULT_LANG"]
        synthetic.copy_for_plain_pelican(self.content, self.plain_content, main_lang)
        self.templates = self.folder / "plain-templates"
        synthetic.write_page_templates(self.content, self.templates)
        self.pages = sum(1 for _ in self.content.rglob("*.md"))
        self.edited = self.content / generated[0].files[0]
        self.plain_edited = self.plain_content / generated[0].files[0]
        self.overrides = {**BENCH_OVERRIDES, **service_key_settings(generated)}

    def ours(self, **overrides):
        """Return the command of our production build."""
        return PELICAN + self.our_arguments(**overrides)

    def our_arguments(self, checkout=ROOT, **overrides):
        """Return pelican's arguments for our production build (of ``checkout``)."""
        arguments = [str(self.content), "-o", str(self.output)]
        arguments += ["-s", str(Path(checkout) / PUBLISHCONF.name)]
        overrides = {"CACHE_PATH": str(self.cold_cache), **overrides}
        return arguments + overrides_option({**self.overrides, **overrides})

    def plain(self, **overrides):
        """Return the command of plain Pelican's build."""
        command = [*PELICAN, str(self.plain_content)]
        command += ["-o", str(self.output), "-s", str(PLAINCONF)]
        templates = {"THEME_TEMPLATES_OVERRIDES": [str(self.templates)]}
        return command + overrides_option({**templates, **overrides})

    def cached(self):
        """Return the command of our build with Pelican's content cache on."""
        return self.ours(**CACHE_OVERRIDES, CACHE_PATH=str(self.cache))

    def plain_cached(self):
        """Return the command of plain Pelican's build with its content cache on."""
        return self.plain(**CACHE_OVERRIDES, CACHE_PATH=str(self.plain_cache))

    def build(self, command, folder=ROOT):
        """Build into an empty output folder, nothing cached; return the Measure.

        The disks are flushed first: when the sites are on disk, the deleting
        of the last build's files then does not slow down the writing of this
        one's.
        """
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.cold_cache, ignore_errors=True)
        os.sync()
        return run_timed(command, self.log, folder)

    def edit(self, number):
        """Change one service page's text (and its plain copy's), as an owner would."""
        later = time.time() + 1
        for page in (self.edited, self.plain_edited):
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


def time_full_builds(site, runs):
    """Time our build and plain Pelican's in turns; return their summaries."""
    ours, plain = [], []
    for run in range(runs):
        turns = [(site.ours(), ours), (site.plain(), plain)]
        for command, measures in turns if run % 2 == 0 else reversed(turns):
            measures.append(site.build(command))
    return summary(ours), summary(plain)


def time_incremental(site, runs):
    """Time full builds with the content cache, then rebuilds after one edit.

    Return the summaries of ours (full, rebuild) and plain Pelican's rebuild.
    """
    cold, warm, plain_warm = [], [], []
    for run in range(runs):
        shutil.rmtree(site.cache, ignore_errors=True)
        shutil.rmtree(site.plain_cache, ignore_errors=True)
        cold.append(site.build(site.cached()))
        site.edit(run)
        warm.append(run_timed(site.cached(), site.log))
        site.build(site.plain_cached())
        site.edit(run)
        plain_warm.append(run_timed(site.plain_cached(), site.log))
    return summary(cold), summary(warm), summary(plain_warm)


def measure_size(services, runs, folder):
    """Return the figures of one size."""
    site = Site(Path(folder) / f"services-{services}", services)
    ours, plain = time_full_builds(site, runs)
    cold, warm, plain_warm = time_incremental(site, runs)
    return {
        "services": services,
        "pages": site.pages,
        "ours": ours,
        "plain": plain,
        "ratio": ours["seconds"] / plain["seconds"],
        "cpu_ratio": ours["cpu_seconds"] / plain["cpu_seconds"],
        "shared_cpu_ratio": ours["shared_cpu_seconds"] / plain["shared_cpu_seconds"],
        "ms_per_page": 1000 * ours["seconds"] / site.pages,
        "cpu_ms_per_page": 1000 * ours["cpu_seconds"] / site.pages,
        "incremental": {
            "cold_cache": cold,
            "after_one_edit": warm,
            "share_of_full": warm["seconds"] / ours["seconds"],
            "cpu_share_of_full": warm["cpu_seconds"] / ours["cpu_seconds"],
            "plain_after_one_edit": plain_warm,
            "plain_cpu_share_of_full": plain_warm["cpu_seconds"] / plain["cpu_seconds"],
        },
    }


def check_targets(sizes):
    """Return (target, measured, met) for every target, judged on CPU time.

    CPU time (of the build and its worker processes) stays steady when other
    work shares the machine; wall time is shown beside it.
    """
    results = [
        (
            f"{size['services']} services: ours ≤ {MOST_RATIO}× plain Pelican",
            f"{size['cpu_ratio']:.2f}× CPU ({size['ratio']:.2f}× wall)",
            size["cpu_ratio"] <= MOST_RATIO,
        )
        for size in sizes
    ]
    if len(sizes) > 1:
        below, top = sizes[-2], sizes[-1]
        growth = top["cpu_ms_per_page"] / below["cpu_ms_per_page"]
        wall = top["ms_per_page"] / below["ms_per_page"]
        results.append(
            (
                f"ms/page at {top['services']} ≤ {MOST_GROWTH}× "
                f"ms/page at {below['services']}",
                f"{growth:.2f}× CPU ({wall:.2f}× wall)",
                growth <= MOST_GROWTH,
            )
        )
    for size in sizes:
        edit = size["incremental"]
        results.append(
            (
                f"{size['services']} services: rebuild after one edit "
                f"≤ {MOST_INCREMENTAL:.0%} of a full build",
                f"{edit['cpu_share_of_full']:.0%} CPU "
                f"({edit['share_of_full']:.0%} wall; plain Pelican's own: "
                f"{edit['plain_cpu_share_of_full']:.0%} CPU)",
                edit["cpu_share_of_full"] <= MOST_INCREMENTAL,
            )
        )
    return results


def format_table(sizes):
    """Return the figures as a plain-text table: wall time first, then CPU time."""
    head = (
        "services  pages  ours s  plain s  ratio  ms/page  |  ours cpu s  "
        "plain cpu s  ratio  ms/page  |  ours MB  plain MB  |  edit s  edit cpu s  "
        "plain edit cpu s"
    )
    lines = [head, "-" * len(head)]
    for size in sizes:
        ours, plain, edit = size["ours"], size["plain"], size["incremental"]
        lines.append(
            f"{size['services']:>8}  {size['pages']:>5}  {ours['seconds']:>6.2f}  "
            f"{plain['seconds']:>7.2f}  {size['ratio']:>5.2f}  "
            f"{size['ms_per_page']:>7.1f}  |  {ours['cpu_seconds']:>10.2f}  "
            f"{plain['cpu_seconds']:>11.2f}  {size['cpu_ratio']:>5.2f}  "
            f"{size['cpu_ms_per_page']:>7.1f}  |  {ours['peak_mb']:>7.0f}  "
            f"{plain['peak_mb']:>8.0f}  |  "
            f"{edit['after_one_edit']['seconds']:>6.2f}  "
            f"{edit['after_one_edit']['cpu_seconds']:>10.2f}  "
            f"{edit['plain_after_one_edit']['cpu_seconds']:>16.2f}"
        )
    return "\n".join(lines)


def format_phases(sizes):
    """Return where a full build's CPU time goes: ours beside plain Pelican's."""
    names = list(sizes[0]["ours"]["phases"])
    width = max(map(len, names))
    head = f"{'CPU s (medians)':<{width}}" + "".join(
        f"  {size['services']:>5} services: ours  plain" for size in sizes
    )
    lines = [head, "-" * len(head)]
    for name in names:
        lines.append(
            f"{name:<{width}}"
            + "".join(
                f"  {size['ours']['phases'][name]:>20.2f}"
                f"  {size['plain']['phases'][name]:>5.2f}"
                for size in sizes
            )
        )
    return "\n".join(lines)


def format_shared_work(sizes):
    """Return the ratio of the work both builds do, beside the targets."""
    ratios = ", ".join(
        f"{size['shared_cpu_ratio']:.2f}× at {size['services']}" for size in sizes
    )
    return (
        "Not a target: the work both builds do (all but minification, "
        f"compression and checks), ours to plain Pelican's CPU time: {ratios}"
    )


def format_targets(targets):
    """Return one line per target: met or missed, and the figure."""
    return "\n".join(
        f"{'met   ' if met else 'MISSED'}  {target}: {measured}"
        for target, measured, met in targets
    )


def git_commit(checkout=ROOT):
    """Return the commit being measured, or an empty string outside git."""
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip()


def machine():
    """Return what the figures were measured on."""
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": os.getloadavg()[0],
    }


def memory_folder():
    """Return the system's folder in memory if it has room for the sites, else None."""
    has_room = (
        MEMORY_FOLDER.is_dir()
        and shutil.disk_usage(MEMORY_FOLDER).free >= MEMORY_NEEDED
    )
    return MEMORY_FOLDER if has_room else None


def work_folder(on_disk=False):
    """Return a new temporary folder for the sites and their builds: in memory
    unless ``on_disk`` or the system has no room there."""
    parent = None if on_disk else memory_folder()
    return tempfile.TemporaryDirectory(prefix="bench-", dir=parent)


def benchmark(sizes, runs, report, on_disk=False):
    """Measure every size, print the table and targets, write the JSON report."""
    started = machine()
    with work_folder(on_disk) as folder:
        built_in = str(Path(folder).parent)
        results = []
        for services in sizes:
            print(f"Building {services} services, {runs} runs each …", flush=True)
            results.append(measure_size(services, runs, folder))
    targets = check_targets(results)
    print()
    print(format_table(results))
    print()
    print(format_phases(results))
    print()
    print(format_targets(targets))
    print(format_shared_work(results))
    report.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "commit": git_commit(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": started,
        "built_in": built_in,
        "load_average_after": os.getloadavg()[0],
        "runs": runs,
        "sizes": results,
        "targets": [
            {"target": target, "measured": measured, "met": met}
            for target, measured, met in targets
        ],
    }
    report.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    print(f"\nWritten: {report}")


def production_plugins(checkout):
    """Return the plugins of a checkout's production build (read in that checkout)."""
    script = "import json, runpy; print(json.dumps(runpy.run_path('publishconf.py')"
    script += "['PLUGINS']))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def stage_overrides(left_out, checkout=ROOT):
    """Return the settings of a checkout's build without the stages ``left_out``."""
    plugins, overrides = production_plugins(checkout), {}
    if COMPRESSION in left_out:
        left_out = (*left_out, OLDER_COMPRESSION)
        overrides["COMPRESS_EXTENSIONS"] = []
    overrides["PLUGINS"] = [name for name in plugins if name not in left_out]
    if ASSETS in left_out:
        overrides["ASSET_FINGERPRINT"] = False  # no hashed copies are written
    return overrides


def time_stages(services, runs, report, baseline=None, on_disk=False):
    """Time our build with stages left out, and plain Pelican; print and write.

    With ``baseline`` (another checkout of the project) its production build
    is timed in the same turns, on the same content.
    """
    with work_folder(on_disk) as folder:
        built_in = str(Path(folder).parent)
        site = Site(folder, services)
        commands = {
            name: (site.ours(**stage_overrides(left_out)), ROOT)
            for name, left_out in LEFT_OUT.items()
        }
        if baseline:
            commit = git_commit(baseline)
            for name in ("ours", LAST_STAGE):
                overrides = stage_overrides(LEFT_OUT[name], baseline)
                command = PELICAN + site.our_arguments(baseline, **overrides)
                commands[f"{name} at {commit}"] = (command, baseline)
        commands["plain Pelican"] = (site.plain(), ROOT)
        measures = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, checkout) in commands.items():
                measures[name].append(site.build(command, checkout))
    stages = {name: summary(measured) for name, measured in measures.items()}
    full = stages["ours"]["cpu_seconds"]
    print(f"{services} services, {site.pages} pages, medians of {runs} runs:")
    print(f"{'':<34}  {'CPU s':>6}  {'wall s':>6}  {'of ours':>7}")
    for name, figures in stages.items():
        print(
            f"{name:<34}  {figures['cpu_seconds']:>6.2f}  {figures['seconds']:>6.2f}"
            f"  {figures['cpu_seconds'] / full:>7.0%}"
        )
    destination = report.with_name(f"stages-{services}.json")
    destination.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "commit": git_commit(),
        "machine": machine(),
        "built_in": built_in,
        "stages": stages,
    }
    destination.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    print(f"\nWritten: {destination}")


def profile(services, report, on_disk=False):
    """Run one of our builds under pyinstrument; write its report beside the JSON."""
    report.parent.mkdir(parents=True, exist_ok=True)
    destination = report.with_name(f"profile-{services}.txt")
    with work_folder(on_disk) as folder:
        site = Site(folder, services)
        command = [sys.executable, "-m", "pyinstrument", "--outfile"]
        command += [str(destination), *PELICAN[1:], *site.our_arguments()]
        run_timed(command, site.log)
    print(f"Written: {destination}")


def parse_arguments(arguments):
    """Return the command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--report", type=Path, default=ROOT / "reports/bench.json")
    parser.add_argument("--profile", type=int, metavar="SIZE")
    parser.add_argument("--stages", type=int, metavar="SIZE")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT")
    parser.add_argument(
        "--on-disk", action="store_true", help="build in the system's temporary folder"
    )
    return parser.parse_args(arguments)


def main(arguments):
    """Run the benchmark or the profile; return the exit code."""
    options = parse_arguments(arguments)
    try:
        if options.profile:
            profile(options.profile, options.report, options.on_disk)
        elif options.stages:
            time_stages(
                options.stages,
                options.runs,
                options.report,
                options.baseline,
                options.on_disk,
            )
        else:
            benchmark(
                sorted(options.sizes), options.runs, options.report, options.on_disk
            )
    except BuildFailed as error:
        print(f"A build failed:\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
