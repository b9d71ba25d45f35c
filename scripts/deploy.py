"""Copy the published site to DEPLOY_TARGET with rsync, never over other files.

Usage: python scripts/deploy.py [--check] TARGET

rsync --delete makes the target exactly the site, so a local target must be an
empty folder, or one an earlier deploy filled (it leaves ``MARK`` there); the
project's own folder, one inside it or one above it is refused. A remote target
(``host:path``) is the owner's web root and is taken as given. ``--check`` only
says whether the target can be used, before anything is built.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = ".make-deploy"  # left in a local target, so that the next deploy may replace it
HOW = "make deploy DEPLOY_TARGET=user@host:/var/www/site (or an empty local folder)"


def is_remote(target):
    """Return whether rsync reads ``target`` as remote: a colon before any slash."""
    return ":" in target.split("/", 1)[0]


def refusal(target):
    """Return why ``target`` cannot be deployed to, in one line, or None."""
    if not target.strip():
        return f"Say where to: {HOW}"
    if is_remote(target):
        return None
    folder = Path(target).expanduser().resolve()
    said = f"DEPLOY_TARGET={target}"
    if folder == ROOT or ROOT in folder.parents or folder in ROOT.parents:
        return f"{said}: that folder holds the project itself; give a folder outside it"
    if folder.exists() and not folder.is_dir():
        return f"{said}: that is a file; give a folder"
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARK).exists():
        return (
            f"{said}: that folder already holds other files, which the copy would "
            "delete; give an empty folder or one an earlier make deploy filled"
        )
    return None


def deploy(target):
    """Copy ``output/`` to ``target``; return rsync's exit code."""
    command = ["rsync", "--recursive", "--links", "--times", "--delete"]
    command += ["--checksum", "--human-readable", f"--filter=protect {MARK}"]
    result = subprocess.run([*command, "output/", target], cwd=ROOT, check=False)
    if result.returncode == 0 and not is_remote(target):
        (Path(target).expanduser() / MARK).touch()
    return result.returncode


def main(arguments):
    """Check the target (and with no ``--check``, deploy); return the exit code."""
    check = arguments[:1] == ["--check"]
    target = arguments[-1] if len(arguments) > check else ""
    problem = refusal(target)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return 0 if check else deploy(target)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
