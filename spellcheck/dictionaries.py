"""Each language's dictionary: where it comes from, and how it tells and suggests words.

Finnish: the Voikko library where the system has it with a Finnish dictionary,
else pyvoikko from PyPI (pure Python, voikko-fi inside). English: the en_GB
Hunspell files of npm's dictionary-en-gb (node_modules), else the system's, read
by spylls. Finding a source is cheap; loading it (about a second) happens only
when a page must be checked.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from itertools import islice
from pathlib import Path

import libvoikko

from .suggest import suggestions

SUGGESTIONS = 3
PROJECT = Path(__file__).resolve().parent.parent
NPM_ENGLISH = PROJECT / "node_modules" / "dictionary-en-gb"
SYSTEM_ENGLISH = Path("/usr/share/hunspell/en_GB")


class DictionaryMissing(RuntimeError):
    """A language's dictionary is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Source:
    """A language's dictionary: a name that changes with its version, and its loader."""

    name: str
    load: Callable[[], object]


class Voikko:
    """Finnish through the system's Voikko library (libvoikko and voikko-fi)."""

    def __init__(self):
        self.voikko = libvoikko.Voikko("fi")

    def known(self, word):
        """Return whether the dictionary knows ``word``."""
        return self.voikko.spell(word)

    def suggest(self, word):
        """Return a few spellings the writer may have meant."""
        return self.voikko.suggest(word)[:SUGGESTIONS]


def installed_voikko():
    """Return the name of the system's Voikko with its Finnish dictionary, or None.

    Asked before any ``libvoikko.Voikko`` is made: made without the library, one
    raises, and then raises again from its destructor.
    """
    try:
        library = libvoikko.Voikko.getVersion()
        finnish = [d for d in libvoikko.Voikko.listDicts() if d.language == "fi"]
    except (OSError, AttributeError, libvoikko.VoikkoException):
        return None
    if not finnish:
        return None
    return f"libvoikko {library}, {finnish[0].description}"


class PyVoikko:
    """Finnish through pyvoikko, which only analyses words: suggestions are edits."""

    def __init__(self):
        import pyvoikko

        self.analyse = pyvoikko.analyse

    def known(self, word):
        """Return whether the dictionary knows ``word`` (it knows lower-case forms)."""
        return bool(self.analyse(word.lower()))

    def suggest(self, word):
        """Return a few spellings one edit away that the dictionary knows."""
        return suggestions(word, self.known, SUGGESTIONS)


class Hunspell:
    """English through a Hunspell dictionary (``path`` without .aff/.dic), by spylls."""

    def __init__(self, path):
        from spylls.hunspell import Dictionary

        self.dictionary = Dictionary.from_files(str(path))

    def known(self, word):
        """Return whether the dictionary knows ``word``."""
        return self.dictionary.lookup(word.replace("’", "'"))

    def suggest(self, word):
        """Return a few spellings the writer may have meant."""
        return list(islice(self.dictionary.suggest(word), SUGGESTIONS))


def finnish():
    """Return the Finnish source: the system's Voikko, else pyvoikko."""
    voikko = installed_voikko()
    if voikko:
        return Source(voikko, Voikko)
    try:
        name = f"pyvoikko {version('pyvoikko')}"
    except ImportError as error:
        raise DictionaryMissing(
            "the Finnish dictionary (pyvoikko) is not installed: "
            "make check installs it into .venv"
        ) from error
    return Source(name, PyVoikko)


def english_files():
    """Return the en_GB Hunspell files without their suffix, or None."""
    for path in (NPM_ENGLISH / "index", SYSTEM_ENGLISH):
        if path.with_suffix(".aff").is_file() and path.with_suffix(".dic").is_file():
            return path
    return None


def english():
    """Return the English source: npm's dictionary-en-gb, else the system's en_GB."""
    path = english_files()
    if path is None:
        raise DictionaryMissing(
            "the English dictionary (en_GB, npm package dictionary-en-gb) is not "
            "installed: make check installs it into node_modules"
        )
    if path.is_relative_to(NPM_ENGLISH):
        name = f"dictionary-en-gb {version_of_npm_package(NPM_ENGLISH)}"
    else:
        stat = path.with_suffix(".dic").stat()
        name = f"{path} {stat.st_size} {stat.st_mtime_ns}"
    return Source(name, lambda: Hunspell(path))


def version_of_npm_package(folder):
    """Return the version an installed npm package's package.json gives."""
    return json.loads((folder / "package.json").read_text("utf-8"))["version"]


SOURCES = {"fi": finnish, "en": english}
