"""Time our production build against the peer, side by side on the same Markdown.

Usage: python -m tools.bench [--sizes real 1000] [--runs 5] [--against CHECKOUT ...]
                             [--preview-rounds 10] [--report FILE]
       python -m tools.bench --stages 1000 [--runs 5]
       python -m tools.bench --profile 1000
       (each also with --on-disk)

For each size (``real``: the real content; a number: that many services in
every language) the same Markdown is built in turns by our production build
(publishconf.py) and by the peer (tools/peerconf.py: Pelican's default theme,
pelican-i18n-subsites, pelican-precompress), and by the production build of
every ``--against`` checkout: each first clean (no output, no cache), then
again after one page is edited (our build into a new folder with its cache
kept, as ``make publish``; the peer into its last output, as Pelican does).
Then the preview is timed from a save to the page showing it. The medians
are printed with the targets and written as JSON. The sites are built in
memory (``/dev/shm``) where the system has room there, so that a slow disk's
file creation does not count; ``--on-disk`` builds in the temporary folder.

``--stages SIZE`` times clean builds of ours with the stages the peer lacks
left out one after another (the checks, compression, minification);
``--profile SIZE`` runs one of our builds under pyinstrument.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from tools import bench_report, bench_timing
from tools.bench_site import write_site
from tools.bench_timing import ROOT, BuildFailed

SIZES = ("real", "1000")
RUNS = 5
PREVIEW_ROUNDS = 10
# The sites are generated and built in a folder in memory when the system has
# one with room to spare, so that a slow disk's file creation does not count.
MEMORY_FOLDER = Path("/dev/shm")
MEMORY_NEEDED = 512 * 2**20
# Our build with stages left out, each row leaving out one more: the plugins
# left out, and the settings that turn a stage off. What is left in the last
# row is reading and writing both languages with our theme.
LAST_STAGE = "… and minification"
CHECKS = "supervision_site.site_checks"
ASSETS = "supervision_site.published_assets"
LEFT_OUT = {
    "ours": ((), {}),
    "without the checks": ((CHECKS,), {}),
    "… and compression": ((CHECKS,), {"COMPRESS_EXTENSIONS": []}),
    # No hashed copies are written without published_assets.
    LAST_STAGE: ((CHECKS, ASSETS), {"ASSET_FINGERPRINT": False}),
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


def parse_size(text):
    """Return ``None`` for the real site, else the number of services."""
    return None if text == "real" else int(text)


def label(services):
    """Return how the report names a size."""
    return "the real site" if services is None else f"{services:,} services"


def measure_size(services, runs, folder, against=()):
    """Return the figures of one size: every contender, clean and after an edit."""
    folder = Path(folder, "real" if services is None else f"services-{services}")
    site = write_site(ROOT / "content", folder, services)
    contenders = [bench_timing.ours(site, folder), bench_timing.peer(site, folder)]
    contenders += [
        bench_timing.ours(site, folder, checkout, name=Path(checkout).name)
        for checkout in against
    ]
    builds = bench_timing.time_side_by_side(contenders, runs)
    ours, peer = builds["ours"]["clean"], builds["peer"]["clean"]
    return {
        "size": services or "real",
        "label": label(services),
        "pages": site.pages,
        "builds": builds,
        "shared_cpu_ratio": ours["shared_cpu_seconds"] / peer["shared_cpu_seconds"],
    }


def measure_preview(rounds):
    """Return the preview's times from a save to the page showing it, or None."""
    from scripts.chromium import CHROMIUM

    if not rounds or CHROMIUM is None or not Path(CHROMIUM).exists():
        return None
    from tools.measure_preview import measure

    times = measure(rounds)
    return {"times": times, "median": statistics.median(times)}


def benchmark(options):
    """Measure every size and the preview; print the tables and targets, write JSON."""
    sizes = [parse_size(size) for size in options.sizes]
    with work_folder(options.on_disk) as folder:
        built_in = str(Path(folder).parent)
        results = []
        for services in sizes:
            print(f"Building {label(services)}, {options.runs} runs …", flush=True)
            results.append(
                measure_size(services, options.runs, folder, options.against)
            )
    preview = measure_preview(options.preview_rounds)
    targets = bench_report.check_targets(results, preview)
    for block in (
        bench_report.format_table(results),
        bench_report.format_phases(results),
        bench_report.format_targets(targets),
    ):
        print(f"\n{block}")
    print(bench_report.format_shared_work(results))
    bench_report.write_report(
        options.report,
        {
            "built_in": built_in,
            "runs": options.runs,
            "sizes": results,
            "preview": preview,
            "targets": [
                {"target": target, "measured": measured, "met": met}
                for target, measured, met in targets
            ],
        },
    )


def stage_overrides(plugins_left_out, settings):
    """Return the settings of our build without some plugins, with ``settings``."""
    plugins = [name for name in read_plugins() if name not in plugins_left_out]
    return {"PLUGINS": plugins, **settings}


def read_plugins():
    """Return the plugins of our production build."""
    from runpy import run_path

    return run_path(str(ROOT / "publishconf.py"))["PLUGINS"]


def time_stages(options):
    """Time clean builds of ours with stages left out, and the peer; print and write."""
    services = parse_size(options.stages)
    with work_folder(options.on_disk) as folder:
        built_in = str(Path(folder).parent)
        site = write_site(ROOT / "content", folder, services)
        contenders = [
            bench_timing.ours(site, folder, name=name, **stage_overrides(*left_out))
            for name, left_out in LEFT_OUT.items()
        ]
        contenders.append(bench_timing.peer(site, folder))
        stages = bench_timing.time_clean_builds(contenders, options.runs)
    full = stages["ours"]["cpu_seconds"]
    print(f"{label(services)}, {site.pages} pages, medians of {options.runs} runs:")
    print(f"{'':<24}  {'CPU s':>6}  {'wall s':>6}  {'of ours':>7}")
    for name, figures in stages.items():
        print(
            f"{name:<24}  {figures['cpu_seconds']:>6.2f}  {figures['seconds']:>6.2f}"
            f"  {figures['cpu_seconds'] / full:>7.0%}"
        )
    destination = options.report.with_name(f"stages-{options.stages}.json")
    bench_report.write_report(destination, {"built_in": built_in, "stages": stages})


def profile(options):
    """Run one of our builds under pyinstrument; write its report beside the JSON."""
    destination = options.report.with_name(f"profile-{options.profile}.txt")
    destination.parent.mkdir(parents=True, exist_ok=True)
    with work_folder(options.on_disk) as folder:
        site = write_site(ROOT / "content", folder, parse_size(options.profile))
        build = bench_timing.ours(site, folder)
        command = [sys.executable, "-m", "pyinstrument", "--outfile"]
        command += [str(destination), *build.command()[1:]]
        bench_timing.run_timed(command, build.log, environment=build.environment)
    print(f"Written: {destination}")


def parse_arguments(arguments):
    """Return the command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=SIZES)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--against", type=Path, nargs="+", default=())
    parser.add_argument("--preview-rounds", type=int, default=PREVIEW_ROUNDS)
    parser.add_argument("--report", type=Path, default=ROOT / "reports/bench.json")
    parser.add_argument("--profile", metavar="SIZE")
    parser.add_argument("--stages", metavar="SIZE")
    parser.add_argument(
        "--on-disk", action="store_true", help="build in the system's temporary folder"
    )
    return parser.parse_args(arguments)


def main(arguments):
    """Run the benchmark, the stages or the profile; return the exit code."""
    options = parse_arguments(arguments)
    mode = profile if options.profile else time_stages if options.stages else benchmark
    try:
        mode(options)
    except BuildFailed as error:
        print(f"A build failed:\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
