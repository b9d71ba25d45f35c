"""Run a project copy's preview, for the measurements."""

import re
import subprocess
import sys
import threading
from contextlib import contextmanager


@contextmanager
def running_preview(folder, *options, announced=r"Preview: (http://\S+)"):
    """Run the copy's preview with ``options``; yield the URL it announces.

    The rest of what it prints is read and dropped, so that its lines never fill
    the pipe and stop it (every build warns about the placeholder facts).
    """
    command = [sys.executable, "-u", "-m", "scripts.serve", "pelicanconf.py", *options]
    preview = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        url = announced_url(preview, announced)
        threading.Thread(target=preview.stdout.read, daemon=True).start()
        yield url
    finally:
        preview.terminate()
        preview.wait()


def announced_url(preview, pattern):
    """Return the URL of the preview's first line matching ``pattern``."""
    for line in preview.stdout:
        found = re.search(pattern, line)
        if found:
            return found[1]
    raise RuntimeError("the preview did not start")
