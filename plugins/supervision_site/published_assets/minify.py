"""Minify the written HTML, CSS and JavaScript.

Pages are minified as they are written (``page_writer``); the theme's style
sheets and scripts are minified in place once every language is written.
"""

import minify_html
import rcssmin
import rjsmin

from .files import files_under


def minify_html_text(text):
    """Return a page's HTML minified.

    Inline scripts stay as written: the policy allows each by the hash of its text.
    """
    return minify_html.minify(
        text,
        minify_css=True,
        minify_js=False,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
    )


MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def published_bytes(path):
    """Return a file's bytes as the site publishes them: CSS and JS minified."""
    minify = MINIFIERS.get(path.suffix)
    if minify is None:
        return path.read_bytes()
    return minify(path.read_text("utf-8")).encode("utf-8")


def minify_tree(folder):
    """Minify every CSS and JS file below ``folder``; return how many."""
    paths = files_under(folder, MINIFIERS)
    for path in paths:
        path.write_bytes(published_bytes(path))
    return len(paths)
