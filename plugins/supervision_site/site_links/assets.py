"""Names of the theme's static files: content-hashed in production."""

import hashlib
from pathlib import Path, PurePosixPath
from urllib.parse import quote

HASH_LENGTH = 10
# Characters a data: URI in a double-quoted attribute may keep as they are.
DATA_URI_SAFE = "=:/;,'()!*.-_~"


def fingerprinted_name(path, data):
    """Return ``css/site.css`` as ``css/site.<hash>.css`` for the given bytes."""
    path = PurePosixPath(path)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def theme_asset_name(path, settings):
    """Return the name a theme static file is published under."""
    if not settings.get("ASSET_FINGERPRINT"):
        return path
    return fingerprinted_name(
        path, Path(settings["THEME"], "static", path).read_bytes()
    )


def svg_data_uri(path, settings):
    """Return a theme SVG file as a ``data:`` URI, which costs no request."""
    text = Path(settings["THEME"], "static", path).read_text("utf-8").strip()
    # Single quotes need no escaping in the attribute, double ones three bytes.
    return "data:image/svg+xml," + quote(text.replace('"', "'"), safe=DATA_URI_SAFE)
