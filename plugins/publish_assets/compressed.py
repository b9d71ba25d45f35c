"""Give the files that did not change since the last build their compressed copies.

pelican-precompress compresses every text file at brotli's best quality (about
20 ms a page) and leaves alone a copy that already exists. Builds start from an
empty folder, so before it runs the copies kept from earlier builds are put
back beside each file whose exact bytes they were made from; after it ran,
this build's copies are kept under ``CACHE_PATH`` and the older ones dropped.
"""

import hashlib
import shutil
from pathlib import Path

FOLDER = "compressed"  # under CACHE_PATH
SUFFIXES = {".br": "PRECOMPRESS_BROTLI", ".gz": "PRECOMPRESS_GZIP"}


def copy_suffixes(settings):
    """Return the suffixes of the compressed copies this build makes."""
    return [suffix for suffix, name in SUFFIXES.items() if settings.get(name)]


def compressible_files(settings):
    """Yield (file, digest of its bytes) for each text file to be compressed."""
    extensions = settings.get("PRECOMPRESS_TEXT_EXTENSIONS", ())
    for file in sorted(Path(settings["OUTPUT_PATH"]).rglob("*")):
        if file.suffix in extensions and file.is_file():
            yield file, hashlib.sha256(file.read_bytes()).hexdigest()


def restore_copies(settings):
    """Put each kept copy beside the file it was made from; return how many."""
    kept = Path(settings["CACHE_PATH"]) / FOLDER
    suffixes = copy_suffixes(settings)
    if not suffixes or not kept.is_dir():
        return 0
    restored = 0
    for file, digest in compressible_files(settings):
        for suffix in suffixes:
            copy = kept / (digest + suffix)
            if copy.is_file():
                shutil.copyfile(copy, file.with_name(file.name + suffix))
                restored += 1
    return restored


def keep_copies(settings):
    """Keep this build's copies, named by the digest of what they compress."""
    suffixes = copy_suffixes(settings)
    if not suffixes:
        return
    kept = Path(settings["CACHE_PATH"]) / FOLDER
    kept.mkdir(parents=True, exist_ok=True)
    names = set()
    for file, digest in compressible_files(settings):
        for suffix in suffixes:
            copy = file.with_name(file.name + suffix)
            if copy.is_file():
                names.add(digest + suffix)
                if not (kept / (digest + suffix)).exists():
                    shutil.copyfile(copy, kept / (digest + suffix))
    for old in kept.iterdir():
        if old.name not in names:
            old.unlink()
