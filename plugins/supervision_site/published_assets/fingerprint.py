"""Hashed copies of the theme's static files, so they can be cached for a year."""

from pathlib import Path

from supervision_site.site_links.assets import hashed_theme_files


def copy_fingerprinted(static_dir, settings):
    """Copy every published theme file in ``static_dir`` to its hashed name beside it.

    The plain names stay, for references that must not change (an og:image
    shared long ago, a favicon requested by name).
    """
    written = []
    for name, hashed in hashed_theme_files(settings):
        published, target = Path(static_dir, name), Path(static_dir, hashed)
        if published.is_file():
            target.write_bytes(published.read_bytes())
            written.append(target)
    return written
