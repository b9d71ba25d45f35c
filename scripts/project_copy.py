"""Copy the project's sources (not its builds) to build or preview them elsewhere."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a copy of the project needs to build and preview as the owner does.
PROJECT_FILES = (
    "content",
    "editor",
    "plugins",
    "scripts",
    "spellcheck",
    "theme",
    "pelicanconf.py",
    "publishconf.py",
    "package.json",
    "package-lock.json",
)
# Installed tools the copy shares (the English dictionary of `make check`).
PROJECT_LINKS = ("node_modules",)


def copy_project(folder, project=ROOT):
    """Copy the sources of ``project`` (this one) into ``folder``; return it."""
    for name in PROJECT_FILES:
        source = Path(project) / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, folder / name, ignore=ignore)
        else:
            shutil.copy(source, folder / name)
    for name in PROJECT_LINKS:
        if (ROOT / name).exists():
            (folder / name).symlink_to(ROOT / name)
    return folder
