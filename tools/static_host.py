"""A static host on 127.0.0.1 that sends the headers of the site's ``_headers``.

``_headers`` is read under both hosts' documented rules. Cloudflare Pages
applies every matching rule, joins the values of one header with a comma and
detaches a header of the rules before with ``! Name``; Netlify applies every
matching rule too, a later value of a header replacing an earlier one, and has
no detach lines. The server sends a path what Cloudflare Pages would.
"""

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def read_rules(text):
    """Return the rules of a ``_headers`` file: [(pattern, headers, detached)]."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), [], set()))
        elif line.strip().startswith("!"):
            rules[-1][2].add(line.strip()[1:].strip().lower())
        else:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def pattern_matches(pattern, path):
    """Return whether a rule's URL pattern covers ``path``: ``*`` is a splat,
    ``:name`` a placeholder for one path segment, anything else literal."""
    parts = re.split(r"(\*|:[A-Za-z]\w*)", pattern)
    expression = "".join(
        ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
        for part in parts
    )
    return re.fullmatch(expression, path) is not None


def cloudflare_headers(rules, path):
    """Return {name: value} as Cloudflare Pages sends them for ``path``.

    Matching rules apply in the file's order, each first detaching the headers
    it names with ``!`` (from the rules before it), then adding its own. A
    pattern written twice keeps only its later rule, in the earlier one's place.
    """
    by_pattern = {pattern: (headers, detach) for pattern, headers, detach in rules}
    values = {}
    for pattern, (headers, detach) in by_pattern.items():
        if pattern_matches(pattern, path):
            for name in detach:
                values.pop(name, None)
            for name, value in headers:
                values.setdefault(name.lower(), []).append(value)
    return {name: ", ".join(found) for name, found in values.items()}


def netlify_headers(rules, path):
    """Return {name: value} as Netlify sends them for ``path``."""
    values = {}
    for pattern, headers, _ in rules:
        if pattern_matches(pattern, path):
            values.update({name.lower(): value for name, value in headers})
    return values


class HostLikeHandler(SimpleHTTPRequestHandler):
    """Serve files quietly, with the headers ``_headers`` gives their path."""

    def end_headers(self):
        rules_file = Path(self.directory, "_headers")
        if rules_file.is_file():
            rules = read_rules(rules_file.read_text("utf-8"))
            for name, value in cloudflare_headers(
                rules, self.path.split("?")[0]
            ).items():
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        pass


class StaticServer:
    """Serve a folder on 127.0.0.1 from a thread; ``url`` has no trailing slash."""

    def __init__(self, directory):
        handler = partial(HostLikeHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
