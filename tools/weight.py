"""Print what every page of the production site weighs, beside the budget.

Usage: python -m tools.weight [--site FOLDER] [--report FILE]

Without ``--site`` the real content is built with publishconf.py into a
temporary folder first. For each page: bytes of HTML, CSS, JavaScript and
images, raw and compressed with brotli (as the host sends them), the number
of requests, and the first round trip (HTML plus render-blocking CSS,
compressed) against the budget; the same figures are written as JSON.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from supervision_site.core.settings import read_site_settings
from supervision_site.site_checks.budget import measure_page
from supervision_site.site_checks.site import BuiltSite

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = read_site_settings(ROOT / "publishconf.py")
FIRST_TRIP_MOST = SETTINGS["SITE_CHECK_PAGE_BUDGET"]  # HTML and blocking CSS, brotli
REQUESTS_MOST = SETTINGS["SITE_CHECK_REQUESTS_MOST"]
KINDS = ("html", "css", "js", "images")
# Files a host sends compressed; images in other formats are sent as they are.
TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".json", ".txt", ".xml"}


@dataclass
class PageWeight:
    """What one page costs a visitor."""

    path: str
    raw: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    brotli: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    requests: int = 1
    first_trip: int = 0

    @property
    def within_budget(self):
        """Return whether the page keeps to both budgets."""
        return self.first_trip <= FIRST_TRIP_MOST and self.requests <= REQUESTS_MOST


def resources(document):
    """Return (kind, URL) of every file a browser fetches for a parsed page.

    An icon written into the page as a ``data:`` URI is not fetched.
    """
    found = []
    for link in document.iter("link"):
        rel, href = (link.get("rel") or "").lower().split(), link.get("href")
        if href and "stylesheet" in rel:
            found.append(("css", href))
        elif href and "icon" in rel and not href.startswith("data:"):
            found.append(("images", href))
    found += [("js", s.get("src")) for s in document.iter("script") if s.get("src")]
    found += [("images", i.get("src")) for i in document.iter("img") if i.get("src")]
    return list(dict.fromkeys(found))


def sent_size(file, site):
    """Return the bytes a host sends for a file: brotli for text, else as it is."""
    if file.suffix in TEXT_SUFFIXES:
        return site.compressed_size(file)
    return file.stat().st_size


def weigh_page(file, site):
    """Return the PageWeight of one written page."""
    document = site.document(file)
    weight = PageWeight(site.url(file).removeprefix(site.siteurl) or "/")
    weight.raw["html"] = file.stat().st_size
    weight.brotli["html"] = site.compressed_size(file)
    for kind, href in resources(document):
        weight.requests += 1
        target = site.target(urljoin(site.url(file), href))
        if target is not None and target.is_file():
            weight.raw[kind] += target.stat().st_size
            weight.brotli[kind] += sent_size(target, site)
    weight.first_trip = measure_page(file, document, site)[1]
    return weight


def weigh_site(folder, siteurl):
    """Return the PageWeight of every page of a written site."""
    site = BuiltSite(folder, siteurl)
    return [weigh_page(file, site) for file in site.pages()]


def format_table(weights):
    """Return the weights as a plain-text table with the budget beside them."""
    width = max(len(weight.path) for weight in weights)
    kinds = "".join(f"{kind + ' raw':>11}{kind + ' br':>10}" for kind in KINDS)
    head = (
        f"{'page':<{width}}{kinds}  requests  first trip br  "
        f"budget (≤ {FIRST_TRIP_MOST // 1024} KB, ≤ {REQUESTS_MOST} requests)"
    )
    lines = [head, "-" * len(head)]
    for weight in weights:
        sizes = "".join(
            f"{weight.raw[kind]:>11}{weight.brotli[kind]:>10}" for kind in KINDS
        )
        lines.append(
            f"{weight.path:<{width}}{sizes}  {weight.requests:>8}  "
            f"{weight.first_trip:>13}  {'within' if weight.within_budget else 'OVER'}"
        )
    return "\n".join(lines)


def build(folder):
    """Build the real content with publishconf.py into ``folder``."""
    command = [sys.executable, "-m", "pelican", "content", "-o", str(folder)]
    command += ["-s", "publishconf.py"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr + "The production build failed.")


def report(folder, siteurl, destination):
    """Print the table of a written site and write it as JSON; return the weights."""
    weights = weigh_site(folder, siteurl)
    print(format_table(weights))
    over = [weight.path for weight in weights if not weight.within_budget]
    print(f"\n{len(weights) - len(over)} of {len(weights)} pages within the budget.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "budget": {"first_trip_bytes": FIRST_TRIP_MOST, "requests": REQUESTS_MOST},
        "pages": [
            {**asdict(weight), "within_budget": weight.within_budget}
            for weight in weights
        ],
    }
    destination.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    print(f"Written: {destination}")
    return weights


def main(arguments):
    """Weigh the given or a fresh production build; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a production build to weigh")
    parser.add_argument("--report", type=Path, default=ROOT / "reports/weight.json")
    options = parser.parse_args(arguments)
    siteurl = SETTINGS["SITEURL"]
    if options.site:
        weights = report(options.site, siteurl, options.report)
    else:
        with tempfile.TemporaryDirectory(prefix="weight-") as folder:
            build(folder)
            weights = report(Path(folder), siteurl, options.report)
    return 0 if all(weight.within_budget for weight in weights) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
