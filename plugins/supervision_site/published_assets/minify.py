"""Minify the written HTML, CSS and JavaScript in place."""

import minify_html
import rcssmin
import rjsmin

from .files import files_under

MINIFIERS = {
    # Inline scripts stay as written: the policy allows each by the hash of its text.
    ".html": lambda text: minify_html.minify(
        text,
        minify_css=True,
        minify_js=False,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
    ),
    ".css": rcssmin.cssmin,
    ".js": rjsmin.jsmin,
}


def minify_tree(folder):
    """Minify every HTML, CSS and JS file below ``folder``; return how many."""
    paths = files_under(folder, MINIFIERS)
    for path in paths:
        minify = MINIFIERS[path.suffix]
        path.write_text(minify(path.read_text("utf-8")), "utf-8")
    return len(paths)
