"""Date each source file: its last commit, or its modification time when uncommitted."""

import logging
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)


def run_git(folder, *arguments):
    """Return the output of a git command run in ``folder``, or None when it fails."""
    command = ["git", "-c", "core.quotepath=off", *arguments]
    try:
        result = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError) as error:
        logger.debug("[search_metadata] git gave no dates for %s: %s", folder, error)
        return None
    return result.stdout


def read_commit_dates(folder):
    """Return the date of the last commit of every committed file under ``folder``."""
    log = run_git(folder, "log", "--format=%x00%cI", "--name-only", "--relative")
    dates, date = {}, None
    for line in (log or "").splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line:
            dates.setdefault(line, date)
    return dates


def read_uncommitted_files(folder):
    """Return the files under ``folder`` whose changes are not committed yet."""
    diff = run_git(folder, "diff", "HEAD", "--name-only", "--relative")
    return set((diff or "").splitlines())


def modification_time(path, timezone):
    """Return a file's modification time as a W3C datetime."""
    stamp = datetime.fromtimestamp(Path(path).stat().st_mtime, ZoneInfo(timezone))
    return stamp.isoformat(timespec="seconds")


def build_last_modified(paths, folder, timezone):
    """Return the W3C datetime of each source file's last change, by path.

    A committed, unchanged file is dated by its last commit, so a fresh clone
    keeps the dates; a new or edited file by its modification time.
    """
    committed = read_commit_dates(folder)
    uncommitted = read_uncommitted_files(folder)
    dates = {}
    for path in paths:
        name = Path(path).relative_to(folder).as_posix()
        if name in committed and name not in uncommitted:
            dates[path] = committed[name]
        else:
            dates[path] = modification_time(path, timezone)
    return dates
