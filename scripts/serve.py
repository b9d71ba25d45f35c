"""Preview the site: rebuild on every save and reload the page open in the browser.

Usage: python -m scripts.serve SETTINGS_FILE [--port N] [--editor] [pelican options]

The preview is built into ``.preview/``, so ``output/`` keeps the published
site. Each HTML page is served with one more line, a same-origin
script that waits for the next build and reloads the page; the files on disk
never carry it, so it cannot reach a published site. With ``--editor`` the
editor is served too, under ``/admin/`` (``make edit``).
"""

import argparse
import shutil
import signal
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import watchfiles
from pelican import Pelican, get_config, parse_arguments
from pelican.log import LimitFilter, console
from pelican.settings import read_settings

from editor.config import EDITOR_PATH
from editor.local_backend import EditorUnavailable
from editor.server import Editor
from scripts import pelican_plain

ROOT = Path(__file__).resolve().parent.parent
PREVIEW = ROOT / ".preview"
WATCHED = ("content", "theme", "pelicanconf.py")  # a plugin's change needs a restart
WATCH_START_MOST = 10  # seconds the preview waits for its watcher before it goes on
# What Pelican's reader made of each Markdown file, kept between the builds of
# one preview, so that a save reads only the file saved. It is emptied when the
# preview starts and when pelicanconf.py (with its MARKDOWN settings) changes.
READER_CACHE = ROOT / "cache" / "preview"
PREVIEW_SETTINGS = {
    "SITE_CHECK_PAGE_BUDGET": None,  # the weight and script checks are for publish
    "CACHE_CONTENT": True,
    "LOAD_CONTENT_CACHE": True,
    "CONTENT_CACHING_LAYER": "reader",
    "CACHE_PATH": str(READER_CACHE),
}
RELOAD_PATH = "/__preview__/reload.js"
EVENTS_PATH = "/__preview__/events"
# Waits for a build other than the one the page came from, then reloads; after a
# restart of the preview the count starts again, which also differs.
RELOAD_SCRIPT = "\n".join(
    [
        'const build = new URL(document.currentScript.src).searchParams.get("build");',
        f'const events = new EventSource("{EVENTS_PATH}?build=" + build);',
        "events.onmessage = () => { events.close(); location.reload(); };",
    ]
)


class Builds:
    """Count the successful builds and wake whoever waits for the next one."""

    def __init__(self):
        self.number = 0
        self.changed = threading.Condition()

    def done(self):
        """Record one more successful build."""
        with self.changed:
            self.number += 1
            self.changed.notify_all()

    def wait_other_than(self, number, timeout):
        """Wait until the latest build is not ``number``; return whether it is not."""
        with self.changed:
            return self.changed.wait_for(lambda: self.number != number, timeout)


def build(arguments):
    """Build the preview once; return whether it succeeded."""
    LimitFilter._raised_messages.clear()  # show repeated warnings on every build
    LimitFilter._group_count.clear()
    started = time.perf_counter()
    try:
        settings = read_settings(
            arguments.settings, override={**get_config(arguments), **PREVIEW_SETTINGS}
        )
        Pelican(settings).run()
    except SystemExit:
        print("The preview was not rebuilt: fix the problems above and save again.")
        return False
    except Exception as error:  # a template or plugin error: one line, keep serving
        print(f"error: {type(error).__name__}: {error}")
        print("The preview was not rebuilt: fix the problem above and save again.")
        return False
    print(f"Rebuilt the preview in {time.perf_counter() - started:.1f} s.", flush=True)
    return True


def rebuild_on_change(arguments, builds, stop, watching):
    """Rebuild after every save in the watched files, until ``stop`` is set.

    A save is taken as done once 10 ms pass with no other change: an editor
    writes a page in one go, and the owner waits for every millisecond here.
    The settings file is watched anew after each of its saves, since many
    editors save a file by writing a new one and renaming it over the old.
    ``watching`` is set once the files are watched (the first answer of the
    watcher, a change or a quiet tenth of a second), so no save goes unseen.
    """
    while not stop.is_set():
        paths = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
        for changes in watchfiles.watch(
            *paths, step=10, stop_event=stop, rust_timeout=100, yield_on_timeout=True
        ):
            watching.set()
            if not changes:
                continue
            names = {Path(path).relative_to(ROOT).as_posix() for _, path in changes}
            print(f"Changed: {', '.join(sorted(names))}", flush=True)
            if "pelicanconf.py" in names:
                shutil.rmtree(READER_CACHE, ignore_errors=True)
            if build(arguments):
                builds.done()
            if "pelicanconf.py" in names:
                break  # an editor may have saved a new file in its place: watch that


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serve the preview folder, with the reload script in every HTML page."""

    builds = None  # set by main()
    editor = None  # set by main() when the editor is served

    def do_GET(self):
        """Serve a page with the reload script, the script, its events, or a file."""
        path = self.path.split("?", 1)[0]
        if self.editor and path.startswith(EDITOR_PATH):
            return self.editor.get(self, path)
        if path == RELOAD_PATH:
            return self.send_text(RELOAD_SCRIPT, "text/javascript")
        if path == EVENTS_PATH:
            return self.send_events()
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file() and path.endswith(("/", ".html")):
            return self.send_page(file)
        return super().do_GET()

    def do_POST(self):
        """Answer the editor's checks and its "new service"; nothing else is posted."""
        path = self.path.split("?", 1)[0]
        if self.editor and path.startswith(EDITOR_PATH):
            return self.editor.post(self, path)
        return self.send_text("Not found", "text/plain", status=404)

    def send_text(self, text, content_type, status=200):
        """Send ``text`` as the whole answer, never cached."""
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def send_page(self, file):
        """Send an HTML page with the reload script before ``</head>``."""
        tag = f'<script src="{RELOAD_PATH}?build={self.builds.number}" defer></script>'
        html = file.read_text("utf-8").replace("</head>", tag + "</head>", 1)
        self.send_text(html, "text/html")

    def send_events(self):
        """Tell the page, as a Server-Sent Event, when another build is ready."""
        query = self.path.partition("?")[2]
        seen = int(query.removeprefix("build=")) if query.startswith("build=") else 0
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            while not self.builds.wait_other_than(seen, timeout=15):
                self.wfile.write(b": still here\n\n")  # keeps the connection open
                self.wfile.flush()
            self.wfile.write(b"data: reload\n\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def log_message(self, format, *args):
        """Keep the terminal for the owner's messages."""


def port_number(text):
    """Return ``PORT`` as a port number, or stop with what it may be."""
    if not text.isdigit() or int(text) > 65535:  # 0: any free port
        raise argparse.ArgumentTypeError(
            f"PORT={text} is not a port; write a number such as 8001"
        )
    return int(text)


def main(argv):
    """Build, serve and rebuild until interrupted; return the exit code."""
    parser = argparse.ArgumentParser(prog="make serve")
    parser.add_argument("settings")
    parser.add_argument("--port", type=port_number, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--editor", action="store_true", help="serve /admin/ too")
    known, options = parser.parse_known_args(argv)
    pelican_plain.install()
    console.quiet = True  # one line of ours per build instead of pelican's summary
    arguments = parse_arguments(
        [str(ROOT / "content"), "-o", str(PREVIEW), "-s", known.settings, *options]
    )
    builds = Builds()
    handler = partial(PreviewHandler, directory=str(PREVIEW))
    PreviewHandler.builds = builds
    try:
        server = ThreadingHTTPServer((known.bind, known.port), handler)
    except OSError as error:
        command = "make edit" if known.editor else "make serve"
        print(
            f"Cannot serve on {known.bind}:{known.port} ({error.strerror}); is a "
            "preview already running? Stop it, or choose another port: "
            f"{command} PORT=8001"
        )
        return 1
    server.daemon_threads = True
    port = server.server_address[1]
    # Stopped like Ctrl+C, so that the editor's backend stops with the preview.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        if known.editor:
            PreviewHandler.editor = Editor(ROOT, known.settings, port, PREVIEW)
            PreviewHandler.editor.start()
        serve(server, arguments, builds)
    except EditorUnavailable as error:
        print(f"The editor cannot start: {error}")
        return 1
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if PreviewHandler.editor:
            PreviewHandler.editor.stop()
    return 0


def serve(server, arguments, builds):
    """Build once, then serve and rebuild after every save until interrupted."""
    PREVIEW.mkdir(exist_ok=True)
    shutil.rmtree(READER_CACHE, ignore_errors=True)  # kept for this preview only
    if build(arguments):
        builds.done()
    stop, watching = threading.Event(), threading.Event()
    watcher = threading.Thread(
        target=rebuild_on_change, args=(arguments, builds, stop, watching), daemon=True
    )
    watcher.start()
    watching.wait(timeout=WATCH_START_MOST)  # announced once a save will be seen
    host, port = server.server_address[:2]
    print(f"Preview: http://{host}:{port}/ (stop with Ctrl+C)", flush=True)
    if PreviewHandler.editor:
        print(f"Editor: http://{host}:{port}{EDITOR_PATH}", flush=True)
    try:
        server.serve_forever()
    finally:
        stop.set()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
