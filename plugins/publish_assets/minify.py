"""Minify the written HTML, CSS and JavaScript in place."""

from pathlib import Path

import minify_html
import rcssmin
import rjsmin

MINIFIERS = {
    ".html": lambda text: minify_html.minify(
        text,
        minify_css=True,
        minify_js=True,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
    ),
    ".css": rcssmin.cssmin,
    ".js": rjsmin.jsmin,
}


def minify_tree(folder):
    """Minify every HTML, CSS and JS file below ``folder``; return how many."""
    count = 0
    for path in Path(folder).rglob("*"):
        minify = MINIFIERS.get(path.suffix)
        if minify and path.is_file():
            path.write_text(minify(path.read_text("utf-8")), "utf-8")
            count += 1
    return count
