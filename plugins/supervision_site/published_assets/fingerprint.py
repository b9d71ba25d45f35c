"""Hashed copies of the theme's static files, so they can be cached for a year."""

from pathlib import Path

from supervision_site.site_links.assets import theme_asset_name


def copy_fingerprinted(static_dir, settings):
    """Copy every published theme file in ``static_dir`` to its hashed name beside it.

    The plain names stay, for references that must not change (an og:image
    shared long ago, a favicon requested by name).
    """
    source_root = Path(settings["THEME"], "static")
    written = []
    for source in sorted(path for path in source_root.rglob("*") if path.is_file()):
        relative = source.relative_to(source_root).as_posix()
        published = Path(static_dir, relative)
        target = Path(static_dir, theme_asset_name(relative, settings))
        if published.is_file() and target != published:
            target.write_bytes(published.read_bytes())
            written.append(target)
    return written
