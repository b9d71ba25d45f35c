"""The editor's routes in the preview: its page and files, its settings, its checks.

``make edit`` serves them under ``/admin/`` beside the preview; ``make serve``
and the published site have none of them.
"""

import json
from pathlib import Path

from pelican import signals
from pelican.settings import read_settings

from scripts.new_service import NewServiceError, write_service

from .checks import UnknownField, check_value
from .config import (
    CHECK_PATH,
    EDITOR_PATH,
    NEW_SERVICE_PATH,
    build_config,
    build_local_backend,
)
from .content import page_address
from .files import DECAP_DIST, STATIC
from .local_backend import LocalBackend, backend_port
from .policy import build_editor_csp

DECAP_PATH = EDITOR_PATH + "decap/"
CONFIG_PATH = EDITOR_PATH + "config.json"


class Editor:
    """The editor of one project: its local backend and the routes the preview adds."""

    def __init__(self, root, settings_file, port, output):
        self.root = Path(root)
        self.output = Path(output).resolve()
        self.settings_file = self.root / settings_file
        self.origin = f"http://127.0.0.1:{port}"
        self.backend = LocalBackend(self.root, backend_port(port), self.origin)
        self.pages = {}  # content file -> its address on the site, from the builds
        signals.page_generator_write_page.connect(self.remember_page)

    def remember_page(self, generator, content):
        """Note where a built page of the preview is served."""
        path = Path(content.source_path).resolve().relative_to(self.root).as_posix()
        built = Path(generator.output_path, content.save_as).resolve()
        self.pages[path] = page_address(built.relative_to(self.output).as_posix())

    def start(self):
        """Start the local backend."""
        self.backend.start()

    def stop(self):
        """Stop the local backend."""
        self.backend.stop()
        signals.page_generator_write_page.disconnect(self.remember_page)

    def config(self):
        """Return the configuration, built from the current settings and schema."""
        settings = read_settings(str(self.settings_file))
        return build_config(
            self.root, settings, build_local_backend(self.backend.url), self.pages
        )

    def policy(self):
        """Return the editor page's policy: the local backend may be reached."""
        return build_editor_csp(connect=[self.backend.url])

    def file_for(self, path):
        """Return the file a GET of ``path`` under /admin/ serves, or None."""
        if path == EDITOR_PATH:
            return STATIC / "index.html"
        if path.startswith(DECAP_PATH):
            folder, name = self.root / DECAP_DIST, path.removeprefix(DECAP_PATH)
        else:
            folder, name = STATIC, path.removeprefix(EDITOR_PATH)
        file = folder / name
        return file if "/" not in name and file.is_file() else None

    def get(self, handler, path):
        """Answer a GET under /admin/."""
        if path == CONFIG_PATH:
            return send(handler, 200, "application/json", json.dumps(self.config()))
        file = self.file_for(path)
        if file is None:
            return send(handler, 404, "text/plain", "Not found")
        content_type = handler.guess_type(str(file))
        return send(handler, 200, content_type, file.read_bytes(), self.policy())

    def post(self, handler, path):
        """Answer a POST to the editor's checks or to "new service"."""
        if not self.is_own_request(handler):
            return send(handler, 403, "text/plain", "Forbidden")
        length = int(handler.headers.get("Content-Length", 0))
        try:
            request = json.loads(handler.rfile.read(length) or b"{}")
            if path == CHECK_PATH:
                answer = self.check(request)
            elif path == NEW_SERVICE_PATH:
                answer = self.new_service(request)
            else:
                return send(handler, 404, "text/plain", "Not found")
        except (ValueError, LookupError, TypeError, OSError, UnknownField) as error:
            return send(handler, 400, "text/plain", str(error))
        return send(handler, 200, "application/json", json.dumps(answer))

    def is_own_request(self, handler):
        """Return whether a POST comes from the editor page: JSON, from our origin."""
        return handler.headers.get("Origin") == self.origin and handler.headers.get(
            "Content-Type", ""
        ).startswith("application/json")

    def check(self, request):
        """Return the build's message for one value, or none when it is taken."""
        settings = read_settings(str(self.settings_file))
        message = check_value(
            self.root,
            settings,
            str(request["path"]),
            str(request["field"]),
            str(request["value"]),
        )
        return {"message": message}

    def new_service(self, request):
        """Write a new service's pages in every language, as ``make new-service``."""
        try:
            paths, order = write_service(
                str(request["key"]),
                str(request.get("fi") or "") or None,
                str(request.get("en") or "") or None,
            )
        except NewServiceError as error:
            return {"message": str(error)}
        return {"paths": paths, "order": order}


def send(handler, status, content_type, body, policy=None):
    """Send a whole answer, never cached; with the editor's policy for its files."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    handler.send_response(status)
    charset = "; charset=utf-8" if content_type.startswith("text") else ""
    handler.send_header("Content-Type", content_type + charset)
    handler.send_header("Content-Length", str(len(data)))
    handler.send_header("Cache-Control", "no-store")
    if policy:
        handler.send_header("Content-Security-Policy", policy)
    handler.end_headers()
    handler.wfile.write(data)
