"""The editor's local backend (decap-server) says plainly when it cannot start."""

import socket

import pytest

from editor.local_backend import EditorUnavailable, LocalBackend


def test_a_backend_port_taken_by_another_program_is_told_before_node_starts(tmp_path):
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        backend = LocalBackend(tmp_path, port, "http://127.0.0.1:8000")
        with pytest.raises(EditorUnavailable, match=f"port {port}, where its local"):
            backend.start()
    assert backend.process is None
