"""Write robots.txt: every crawler may read every page; the sitemap's address."""

from pathlib import Path


def build_robots(sitemap_url):
    """Return the text of a robots.txt that allows everything and names the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"


def write_robots(sitemap_url, output_path):
    """Write robots.txt at the root of the output folder."""
    Path(output_path, "robots.txt").write_text(build_robots(sitemap_url), "utf-8")
