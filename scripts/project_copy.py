"""Copy the project's sources (not its builds) to build or preview them elsewhere."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a copy of the project needs to build and preview as the owner does.
PROJECT_FILES = (
    "content",
    "plugins",
    "scripts",
    "spellcheck",
    "theme",
    "pelicanconf.py",
    "publishconf.py",
)


def copy_project(folder, project=ROOT):
    """Copy the sources of ``project`` (this one) into ``folder``; return it."""
    for name in PROJECT_FILES:
        source = Path(project) / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, folder / name, ignore=ignore)
        else:
            shutil.copy(source, folder / name)
    return folder
