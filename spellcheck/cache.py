"""Keep each page's slips between runs, so that an unchanged page loads no dictionary.

A page's entry is keyed by its text and language, the dictionary's name and
version, the project's word list and the checker's own code: a change to any of
them checks the page again. Each run keeps only the entries of the pages it saw.
"""

import hashlib
import json
import os
from pathlib import Path

CHECKER_CODE = Path(__file__).resolve().parent


def checker_fingerprint():
    """Return a hash of the spell checker's own code."""
    digest = hashlib.sha256()
    for module in sorted(CHECKER_CODE.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()


class SlipCache:
    """A JSON file of each page's slips, read once and written once per run."""

    def __init__(self, path):
        self.path = Path(path)
        try:
            self.saved = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.saved = {}
        self.kept = {}
        self.fingerprint = checker_fingerprint()

    def key(self, *parts):
        """Return the key of one page's entry, made from the parts that decide it."""
        text = json.dumps([self.fingerprint, *parts], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key):
        """Return the slips kept under ``key``, or None."""
        if key in self.saved:
            self.kept[key] = self.saved[key]
        return self.kept.get(key)

    def put(self, key, slips):
        """Keep ``slips`` (JSON-ready) under ``key``."""
        self.kept[key] = slips

    def save(self):
        """Write this run's entries in place of the file's, in one rename."""
        if self.kept == self.saved:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        partial.write_text(json.dumps(self.kept, ensure_ascii=False), "utf-8")
        partial.replace(self.path)
