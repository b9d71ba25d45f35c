"""Check every Markdown page of a content folder; report one line per slip."""

from pathlib import Path

from .prose import prose_lines
from .typography import typography_slips
from .words import DICTIONARIES, Speller, read_word_list

WORD_LIST = "sanasto.txt"


def page_language(path, content):
    """Return a page's language: the first folder under the content folder."""
    return Path(path).relative_to(content).parts[0]


class Checker:
    """Check pages, loading each language's dictionary once, when first needed."""

    def __init__(self, content):
        self.content = Path(content)
        self.word_list = self.content / WORD_LIST
        self.own_words = read_word_list(self.word_list)
        self._spellers = {}

    def speller(self, lang):
        """Return the speller of ``lang``, or None when it has no dictionary."""
        if lang not in self._spellers:
            dictionary = DICTIONARIES.get(lang)
            self._spellers[lang] = dictionary and Speller(dictionary(), self.own_words)
        return self._spellers[lang]

    def check_text(self, text, lang):
        """Yield (line number, finding) for every slip in a page's text."""
        speller = self.speller(lang)
        for number, line in prose_lines(text):
            if speller is not None:
                for finding in speller.unknown_words(line):
                    yield number, finding
            for finding in typography_slips(line, lang):
                yield number, finding

    def check_file(self, path):
        """Yield (line number, finding) for every slip in one page."""
        text = Path(path).read_text("utf-8")
        yield from self.check_text(text, page_language(path, self.content))

    def pages(self):
        """Return every Markdown page of the content folder, sorted."""
        return sorted(self.content.rglob("*.md"))


def describe(path, number, finding, word_list):
    """Return one slip as the owner reads it: ``file:line: word → suggestions``."""
    if finding.suggestions:
        right = ", ".join(finding.suggestions)
    else:
        right = f"no suggestions; if it is right, add it to {word_list}"
    line = f"{path}:{number}: {finding.text} → {right}"
    return f"{line} ({finding.reason})" if finding.reason else line
