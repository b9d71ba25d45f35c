"""Names of the theme's static files: content-hashed in production."""

import hashlib
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
    return fingerprinted_name(path, source.read_bytes())
