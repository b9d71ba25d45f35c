"""Write ``.br`` and ``.gz`` copies beside every text file of the production site.

Hosts that serve precompressed files send these instead of compressing on each
request, so they are made at the formats' best settings: brotli at quality 11
and gzip at level 9. Brotli at 11 costs about 15 ms a page, so each copy is
also kept in a cache folder under the name of its file's content hash, and a
later build links it from there (``place``) for every file that did not change.
A copy is written only when it is smaller than the file. Pages are compressed
as they are written, on one thread beside the build (``Copies.begin``), and
the rest once every file is written, on every core, while the build reads the
finished site (``Copies.start_rest``, ``Copies.finish``).
"""

import gzip
import hashlib
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from .files import files_under

BROTLI_QUALITY = 11
GZIP_LEVEL = 9
# Cached copies are named after the content hash and these settings.
COMPRESSORS = {
    f".br{BROTLI_QUALITY}": lambda data: brotli.compress(
        data, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY
    ),
    f".gz{GZIP_LEVEL}": lambda data: gzip.compress(
        data, compresslevel=GZIP_LEVEL, mtime=0
    ),
}


def cache_folder(settings):
    """Return the folder of the cached copies: ``compressed`` in ``CACHE_PATH``."""
    return Path(settings["CACHE_PATH"], "compressed")


def entry_path(data, kind, cache):
    """Return where the cache keeps ``data`` in one format."""
    return cache / (hashlib.sha256(data).hexdigest() + kind)


def cached_copy(data, kind, cache):
    """Return the cache entry of ``data`` in one format, made first if missing.

    The entry is empty when the format would not make the data smaller. It is
    written under a name of its own and then renamed, so a file of the same
    bytes compressed at the same time never reads half an entry.
    """
    entry = entry_path(data, kind, cache)
    if not entry.exists():
        packed = COMPRESSORS[kind](data)
        partial = entry.with_name(f"{entry.name}.{threading.get_ident()}")
        partial.write_bytes(packed if len(packed) < len(data) else b"")
        os.replace(partial, entry)
    return entry


def place(entry, copy):
    """Put a cache entry at ``copy``: a hard link where the file system allows one.

    Nothing writes into a published copy, so the entry and the copy can share
    their bytes on the disk.
    """
    try:
        os.link(entry, copy)
    except OSError:
        shutil.copyfile(entry, copy)


class Copies:
    """The cache entries of one build: begun as pages are written, then the rest.

    ``begin`` hands a written file to one thread that compresses it while the
    build goes on (its other core reads and writes); an entry asked for later
    (``entry``) is waited for if that thread has begun it, else made there.
    """

    def __init__(self, settings):
        self.cache = cache_folder(settings)
        self.cache.mkdir(parents=True, exist_ok=True)
        self.extensions = settings["COMPRESS_EXTENSIONS"]
        self.begun = {}
        self.early = None
        self.pool, self.files = None, []  # every file's copies (``start_rest``)

    def begin(self, file):
        """Start compressing a written text file's bytes into the cache."""
        if file.suffix in self.extensions:
            self.begin_bytes(file.read_bytes())

    def begin_bytes(self, data):
        """Start compressing the bytes of a file to come into the cache."""
        for kind in COMPRESSORS:
            entry = entry_path(data, kind, self.cache)
            if entry not in self.begun:
                self.early = self.early or ThreadPoolExecutor(1)
                self.begun[entry] = self.early.submit(
                    cached_copy, data, kind, self.cache
                )

    def entry(self, data, kind):
        """Return the cache entry of ``data`` in one format, once it is made."""
        begun = self.begun.get(entry_path(data, kind, self.cache))
        if begun is not None and not begun.cancel():
            return begun.result()
        return cached_copy(data, kind, self.cache)

    def start_rest(self, settings):
        """Begin compressing every text file of the output, largest first, on all cores.

        Brotli and zlib release the GIL while they work, so the build can go on
        meanwhile; ``finish`` waits for the copies.
        """
        files = files_under(settings["OUTPUT_PATH"], settings["COMPRESS_EXTENSIONS"])
        files.sort(key=lambda file: file.stat().st_size, reverse=True)
        self.pool = ThreadPoolExecutor(os.cpu_count())
        self.files = [self.pool.submit(compress_file, file, self) for file in files]

    def finish(self):
        """Wait for every file's copies; drop the unused cache entries; return how many.

        What still waits for the early thread is cancelled (the pool made it).
        """
        results = [future.result() for future in self.files]
        self.pool.shutdown()
        if self.early:
            self.early.shutdown(cancel_futures=True)
        used = {entry for entries, _ in results for entry in entries}
        for entry in self.cache.iterdir():
            if entry.name not in used:
                entry.unlink()
        return sum(written for _, written in results)


def compress_file(file, copies):
    """Write a file's copies from the cache; return the entries used and copies made."""
    data = file.read_bytes()
    entries, written = [], 0
    for kind in COMPRESSORS:
        entry = copies.entry(data, kind)
        copy = file.with_name(file.name + kind[:3])
        copy.unlink(missing_ok=True)  # never leave an older copy of other bytes
        if entry.stat().st_size:
            place(entry, copy)
            written += 1
        entries.append(entry.name)
    return entries, written


def compress_tree(settings, copies=None):
    """Write the compressed copies of every text file in the output; return how many.

    With the entries ``copies`` began as the pages were written.
    """
    copies = copies or Copies(settings)
    copies.start_rest(settings)
    return copies.finish()
