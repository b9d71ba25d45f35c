"""Run decap-server, Decap CMS's local backend, writing the files of this project."""

import os
import socket
import subprocess
import time
from pathlib import Path

from scripts import tool_paths

from .files import DECAP_SERVER, INSTALL

STARTING = 20  # seconds: a generous ceiling for Node.js to start on a busy machine


class EditorUnavailable(RuntimeError):
    """The editor cannot start; the message says why and what to do."""


def backend_port(preview_port):
    """Return the port of the local backend: the preview's port plus 81 (8081)."""
    return preview_port + 81


def port_is_free(port):
    """Return whether a server could listen on 127.0.0.1 at ``port`` now."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class LocalBackend:
    """decap-server on 127.0.0.1 in file-system mode, started and stopped with us."""

    def __init__(self, root, port, origin):
        self.root = Path(root)
        self.port = port
        self.origin = origin
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        """Start the server; raise ``EditorUnavailable`` when it cannot."""
        if not port_is_free(self.port):
            raise EditorUnavailable(
                f"port {self.port}, where its local backend runs, is taken by another "
                "program; stop it, or choose other ports: make edit PORT=8001 (the "
                f"backend then takes {backend_port(8001)})"
            )
        node = tool_paths.node()
        script = self.root / DECAP_SERVER
        if node is None:
            raise EditorUnavailable(
                "Node.js is missing, and make edit could not install it (see the "
                "lines above): install Node.js 20 or later with your system's packages"
            )
        if not script.is_file():
            raise EditorUnavailable(f"{DECAP_SERVER} is missing: run {INSTALL}")
        environment = {
            **os.environ,
            "PORT": str(self.port),
            "BIND_HOST": "127.0.0.1",
            "MODE": "fs",
            "GIT_REPO_DIRECTORY": str(self.root),
            "ORIGIN": self.origin,
            "LOG_LEVEL": "warn",
        }
        self.process = subprocess.Popen(
            [node, str(script)], cwd=self.root, env=environment
        )
        self.wait_until_listening()

    def wait_until_listening(self):
        """Return once the server takes connections; stop it if it never does."""
        deadline = time.monotonic() + STARTING
        while self.process.poll() is None and time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise EditorUnavailable(
            f"its local backend did not start on port {self.port}; is an editor "
            "already running? Stop it, or choose another port: make edit PORT=8001"
        )

    def stop(self):
        """Stop the server."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=STARTING)
            self.process = None
