"""The editor on the published site, for the owner's git host, when settings ask.

Off while ``EDITOR_GITHUB_REPO`` is empty: then ``make publish`` writes no
editor. On, the site gets ``/admin/``: Decap CMS signing in to GitHub, saving
each change as a commit that the repository's workflow tests and publishes.
"""

import json
import shutil
from pathlib import Path

from .config import build_config
from .files import DECAP_DIST, INSTALL, STATIC
from .policy import build_editor_csp

DEFAULTS = {
    "EDITOR_GITHUB_REPO": "",  # "owner/repository"; empty: no editor online
    "EDITOR_GITHUB_BRANCH": "main",
    "EDITOR_OAUTH_URL": "https://api.netlify.com",  # the GitHub sign-in service
    "EDITOR_OAUTH_SITE": "",  # the sign-in service's site, e.g. "x.netlify.app"
}
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"
DECAP_FILES = ("decap-cms.js", "*.decap-cms.js", "*.wasm")
CHARSET = '<meta charset="utf-8">'


def setting(settings, name):
    """Return an editor setting, or its default."""
    return settings.get(name) or DEFAULTS[name]


def is_online(settings):
    """Return whether the settings ask for the editor on the published site."""
    return bool(settings.get("EDITOR_GITHUB_REPO"))


def build_github_backend(settings):
    """Return Decap's GitHub backend from the settings."""
    backend = {
        "name": "github",
        "repo": setting(settings, "EDITOR_GITHUB_REPO"),
        "branch": setting(settings, "EDITOR_GITHUB_BRANCH"),
        "base_url": setting(settings, "EDITOR_OAUTH_URL"),
    }
    if settings.get("EDITOR_OAUTH_SITE"):
        backend["site_domain"] = settings["EDITOR_OAUTH_SITE"]
    return backend


def online_policy(for_meta=False):
    """Return the online editor's policy: GitHub's API and avatars may be reached."""
    return build_editor_csp([GITHUB_API], [GITHUB_AVATARS], for_meta=for_meta)


def build_headers_rule():
    """Return the ``_headers`` rule that gives /admin/ its own policy, alone."""
    return (
        "/admin/*\n  ! Content-Security-Policy\n"
        f"  Content-Security-Policy: {online_policy()}\n"
    )


def copy_decap(root, admin):
    """Copy Decap CMS's files from node_modules; stop plainly when they are missing."""
    dist = root / DECAP_DIST
    if not (dist / "decap-cms.js").is_file():
        raise SystemExit(
            f"{DECAP_DIST}/decap-cms.js is missing, and EDITOR_GITHUB_REPO asks for "
            f"the editor: run {INSTALL}"
        )
    (admin / "decap").mkdir(parents=True)
    for pattern in DECAP_FILES:
        for file in dist.glob(pattern):
            shutil.copy(file, admin / "decap" / file.name)


def write_online_editor(root, settings, output, pages):
    """Write /admin/ into the built site: the page, its files and configuration."""
    admin = Path(output) / "admin"
    copy_decap(Path(root), admin)
    for file in STATIC.iterdir():
        shutil.copy(file, admin / file.name)
    page = (STATIC / "index.html").read_text("utf-8")
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{online_policy(True)}">'
    )
    (admin / "index.html").write_text(page.replace(CHARSET, CHARSET + meta, 1), "utf-8")
    config = build_config(
        Path(root), settings, build_github_backend(settings), pages, local=False
    )
    (admin / "config.json").write_text(json.dumps(config), "utf-8")
    headers = Path(output) / "_headers"
    if headers.is_file():
        headers.write_text(headers.read_text("utf-8") + build_headers_rule(), "utf-8")
