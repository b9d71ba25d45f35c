"""The benchmark's report: tables, the targets met or missed, and the JSON."""

import json
import os
import platform
import subprocess
import time
from pathlib import Path

from tools.bench_timing import ROOT

# Targets (DESIGN.md, Budgets): our clean build at most this many times the
# peer's, our build after one edit at most this many times the peer's, the
# preview's median from a save to the page showing it, in seconds.
MOST_CLEAN = 1.0
MOST_WARM = 0.8
MOST_PREVIEW = 0.3
# Time per page at the largest generated size at most this many times that at
# the size below (with two sizes of generated services).
MOST_GROWTH = 1.2


def ratios(size, build):
    """Return (wall, CPU) of our ``build`` ("clean" or "warm") to the peer's."""
    ours, peer = size["builds"]["ours"][build], size["builds"]["peer"][build]
    return (
        ours["seconds"] / peer["seconds"],
        ours["cpu_seconds"] / peer["cpu_seconds"],
    )


def format_table(sizes):
    """Return every build's medians, each size with its contenders, as plain text."""
    head = (
        f"{'':<24}{'clean: s':>9}{'CPU s':>8}{'× ours':>8}"
        f"{'after one edit: s':>19}{'CPU s':>8}{'× ours':>8}{'peak MB':>9}"
    )
    lines = [head, "-" * len(head)]
    for size in sizes:
        lines.append(f"{size['label']} ({size['pages']} pages)")
        ours = size["builds"]["ours"]
        for name, builds in size["builds"].items():
            clean, warm = builds["clean"], builds["warm"]
            lines.append(
                f"  {name:<22}{clean['seconds']:>9.2f}{clean['cpu_seconds']:>8.2f}"
                f"{clean['seconds'] / ours['clean']['seconds']:>8.2f}"
                f"{warm['seconds']:>19.2f}{warm['cpu_seconds']:>8.2f}"
                f"{warm['seconds'] / ours['warm']['seconds']:>8.2f}"
                f"{max(clean['peak_mb'], warm['peak_mb']):>9.0f}"
            )
    return "\n".join(lines)


def format_phases(sizes):
    """Return where a clean build's CPU time goes: ours beside the peer's."""
    names = list(sizes[0]["builds"]["ours"]["clean"]["phases"])
    width = max(map(len, names))
    head = f"{'CPU s (medians, clean)':<{width}}" + "".join(
        f"  {size['label']:>20}: ours  peer" for size in sizes
    )
    lines = [head, "-" * len(head)]
    for name in names:
        cells = "".join(
            f"  {size['builds']['ours']['clean']['phases'][name]:>26.2f}"
            f"  {size['builds']['peer']['clean']['phases'][name]:>4.2f}"
            for size in sizes
        )
        lines.append(f"{name:<{width}}{cells}")
    return "\n".join(lines)


def check_targets(sizes, preview=None):
    """Return (target, measured, met) for every target, judged on wall time.

    Wall time is what the owner waits for; both builds compress in parallel.
    """
    results = []
    for size in sizes:
        for build, most, what in (
            ("clean", MOST_CLEAN, "clean publish"),
            ("warm", MOST_WARM, "publish after one edit"),
        ):
            wall, cpu = ratios(size, build)
            results.append(
                (
                    f"{size['label']}: {what} ≤ {most}× the peer",
                    f"{wall:.2f}× wall ({cpu:.2f}× CPU)",
                    wall <= most,
                )
            )
    generated = [size for size in sizes if isinstance(size["size"], int)]
    if len(generated) > 1:
        below, top = generated[-2], generated[-1]
        per_page = [
            size["builds"]["ours"]["clean"]["seconds"] / size["pages"]
            for size in (below, top)
        ]
        growth = per_page[1] / per_page[0]
        results.append(
            (
                f"time per page at {top['label']} ≤ {MOST_GROWTH}× "
                f"that at {below['label']}",
                f"{growth:.2f}×",
                growth <= MOST_GROWTH,
            )
        )
    if preview:
        times = preview["times"]
        results.append(
            (
                f"save to preview ≤ {MOST_PREVIEW} s median",
                f"{preview['median']:.2f} s (range {min(times):.2f}–{max(times):.2f}"
                f" s, {len(times)} saves)",
                preview["median"] <= MOST_PREVIEW,
            )
        )
    return results


def format_targets(targets):
    """Return one line per target: met or missed, and the figure."""
    return "\n".join(
        f"{'met   ' if met else 'MISSED'}  {target}: {measured}"
        for target, measured, met in targets
    )


def format_shared_work(sizes):
    """Return the ratio of the work both builds do, beside the targets."""
    shared = ", ".join(
        f"{size['shared_cpu_ratio']:.2f}× for {size['label']}" for size in sizes
    )
    return (
        "Not a target: the work both builds do (all but minification, "
        f"compression and checks), ours to the peer's CPU time: {shared}"
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
    """Return what the figures were measured on, and how loaded it was."""
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": os.getloadavg()[0],
    }


def write_report(report, data):
    """Write the figures as JSON, with the commit, the date and the machine."""
    report = Path(report)
    report.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "commit": git_commit(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
        **data,
    }
    report.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    print(f"\nWritten: {report}")
