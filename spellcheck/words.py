"""Split prose into words and tell which ones a language's dictionary knows."""

import re
from dataclasses import dataclass, field
from pathlib import Path

# A word: letters, joined by hyphens or apostrophes, with a Finnish case ending
# after a colon (EU:n).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?::[^\W\d_]+)?")


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
