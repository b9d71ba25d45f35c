"""Split prose into words and tell which ones a language's dictionary knows."""

import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import libvoikko
from spylls.hunspell import Dictionary

# A word: letters, joined by hyphens or apostrophes, with a Finnish case ending
# after a colon (EU:n).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?::[^\W\d_]+)?")
SUGGESTIONS = 3
HUNSPELL_DICTIONARIES = Path("/usr/share/hunspell")


class DictionaryMissing(RuntimeError):
    """A language's dictionary is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Finding:
    """One slip on one line: what was written, what may be meant, and why."""

    text: str
    suggestions: list = field(default_factory=list)
    reason: str = ""


def words(line):
    """Yield the words of one line of prose, each with the character after it."""
    for match in WORD.finditer(line):
        yield match.group(), line[match.end() : match.end() + 1]


def read_word_list(path):
    """Return the project's own words: one a line, ``#`` starts a comment."""
    if not Path(path).is_file():
        return frozenset()
    lines = Path(path).read_text("utf-8").splitlines()
    entries = (line.split("#", 1)[0].strip() for line in lines)
    return frozenset(entry.lower() for entry in entries if entry)


class Voikko:
    """Finnish spelling through libvoikko and the voikko-fi dictionary."""

    def __init__(self):
        try:
            self.voikko = libvoikko.Voikko("fi")
        except (OSError, libvoikko.VoikkoException) as error:
            raise DictionaryMissing(
                "the Finnish dictionary (Voikko) is not installed: "
                "apt-get install libvoikko1 voikko-fi"
            ) from error

    def known(self, word):
        """Return whether the dictionary knows ``word``."""
        return self.voikko.spell(word)

    def suggest(self, word):
        """Return a few spellings the writer may have meant."""
        return self.voikko.suggest(word)[:SUGGESTIONS]


class Hunspell:
    """English spelling through a Hunspell dictionary (British English)."""

    def __init__(self, name="en_GB"):
        try:
            self.dictionary = Dictionary.from_files(str(HUNSPELL_DICTIONARIES / name))
        except OSError as error:
            raise DictionaryMissing(
                f"the English dictionary ({name}) is not installed: "
                "apt-get install hunspell-en-gb"
            ) from error

    def known(self, word):
        """Return whether the dictionary knows ``word``."""
        return self.dictionary.lookup(word.replace("’", "'"))

    def suggest(self, word):
        """Return a few spellings the writer may have meant."""
        return list(islice(self.dictionary.suggest(word), SUGGESTIONS))


DICTIONARIES = {"fi": Voikko, "en": Hunspell}


class Speller:
    """Check words against one language's dictionary and the project's word list."""

    def __init__(self, dictionary, own_words):
        self.dictionary = dictionary
        self.own_words = own_words
        self._known = {}

    def is_own(self, word):
        """Return whether the project's word list has ``word`` (or its stem)."""
        stem = word.split(":", 1)[0]
        return word.lower() in self.own_words or stem.lower() in self.own_words

    def known(self, word):
        """Return whether ``word`` is right: as a whole, or each part of a compound."""
        if word not in self._known:
            parts = re.split(r"-", word)
            self._known[word] = (
                self.is_own(word)
                or self.dictionary.known(word)
                or (
                    len(parts) > 1
                    and all(
                        self.is_own(part) or self.dictionary.known(part)
                        for part in parts
                    )
                )
            )
        return self._known[word]

    def unknown_words(self, line):
        """Yield a finding for each word of a line the dictionary does not know.

        A word followed by a full stop may be an abbreviation (``esim.``), and
        one followed by a hyphen the first half of a compound (``sosiaali- ja``).
        """
        reported = set()
        for word, after in words(line):
            if word in reported or self.known(word):
                continue
            if after in ".-" and after and self.known(word + after):
                continue
            reported.add(word)
            yield Finding(word, self.dictionary.suggest(word))
