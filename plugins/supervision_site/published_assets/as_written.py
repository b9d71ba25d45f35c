"""Minify each page as Pelican writes it, and start its compressed copies at once.

Brotli at quality 11 is most of a production build's own work. It releases the
GIL, so each written page is compressed in worker threads while Pelican renders
the next ones. This only fills the cache of compressed copies: the last step
(``compress_tree``) still reads every file of the finished output and takes
each copy from the cache by the file's hash, so a file written again later, or
one this never saw, gets the copies of its final bytes all the same.
"""

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .compressed import COMPRESSORS, cache_folder, cached_copy
from .minify import minify_file


class WrittenFiles:
    """The files of one production build minified and compressed as they came."""

    def __init__(self):
        self.pool = None
        self.futures = []
        self.minified = {}  # path: the hash of the minified bytes written there

    def start(self, settings):
        """Begin with the settings of the main site's build."""
        self.cache = cache_folder(settings)
        self.cache.mkdir(parents=True, exist_ok=True)
        self.suffixes = settings["COMPRESS_EXTENSIONS"]
        self.pool = ThreadPoolExecutor(os.cpu_count())
        self.futures, self.minified = [], {}

    def add(self, path):
        """Minify a file just written and compress it in the background."""
        path = Path(path)
        if self.pool is None or path.suffix not in self.suffixes:
            return
        data = minify_file(path)
        self.minified[path] = hashlib.sha256(data).digest()
        for kind in COMPRESSORS:
            self.futures.append(self.pool.submit(cached_copy, data, kind, self.cache))

    def finish(self):
        """Wait for the copies under way.

        An error of a copy (a full disk) is raised here, as the last step would.
        """
        if self.pool is None:
            return
        self.pool.shutdown(wait=True)
        self.pool = None
        for future in self.futures:
            future.result()
