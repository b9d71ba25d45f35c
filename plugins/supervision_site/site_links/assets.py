"""Names of the theme's static files: content-hashed in production."""

import hashlib
from functools import cache
from pathlib import Path, PurePosixPath

HASH_LENGTH = 10


def fingerprinted_name(path, data):
    """Return ``css/site.css`` as ``css/site.<hash>.css`` for the given bytes."""
    path = PurePosixPath(path)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def theme_asset_name(path, settings):
    """Return the name a theme static file is published under."""
    if not settings.get("ASSET_FINGERPRINT"):
        return path
    source = Path(settings["THEME"], "static", path)
    stat = source.stat()
    return fingerprinted_file_name(path, str(source), stat.st_mtime_ns, stat.st_size)


@cache
def fingerprinted_file_name(path, source, mtime_ns, size):
    """Return ``fingerprinted_name`` of a file, read once while it is unchanged."""
    return fingerprinted_name(path, Path(source).read_bytes())


def hashed_theme_files(settings):
    """Return (name, published name) of each theme static file published hashed."""
    root = Path(settings["THEME"], "static")
    names = sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
    )
    published = ((name, theme_asset_name(name, settings)) for name in names)
    return [(name, hashed) for name, hashed in published if hashed != name]
