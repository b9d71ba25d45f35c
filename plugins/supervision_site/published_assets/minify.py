"""Minify the written HTML, CSS and JavaScript in place."""

import hashlib

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


def minify_file(path):
    """Minify one file in place if it is HTML, CSS or JS; return its bytes."""
    minify = MINIFIERS.get(path.suffix)
    if minify is None:
        return path.read_bytes()
    data = minify(path.read_text("utf-8")).encode("utf-8")
    path.write_bytes(data)
    return data


def minify_tree(folder, minified=None):
    """Minify every HTML, CSS and JS file below ``folder``; return how many.

    ``minified`` maps files already minified to the hash of what was written
    there; a file that still holds those bytes is left as it is.
    """
    minified = minified or {}
    paths = files_under(folder, MINIFIERS)
    for path in paths:
        done = minified.get(path)
        if done is None or hashlib.sha256(path.read_bytes()).digest() != done:
            minify_file(path)
    return len(paths)
