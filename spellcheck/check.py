"""Check every Markdown page of a content folder; report one line per slip."""

from pathlib import Path

from .dictionaries import SOURCES
from .prose import prose_lines
from .typography import typography_slips
from .words import Finding, Speller, read_word_list

WORD_LIST = "sanasto.txt"


def page_language(path, content):
    """Return a page's language: the first folder under the content folder."""
    return Path(path).relative_to(content).parts[0]


class Checker:
    """Check pages, loading each language's dictionary once, when first needed.

    With a ``cache`` (a ``SlipCache``), an unchanged page's slips come from it.
    """

    def __init__(self, content, cache=None):
        self.content = Path(content)
        self.word_list = self.content / WORD_LIST
        self.own_words = read_word_list(self.word_list)
        self.cache = cache
        self._sources = {}
        self._spellers = {}

    def source(self, lang):
        """Return the dictionary source of ``lang``, or None when it has none."""
        if lang not in self._sources:
            find = SOURCES.get(lang)
            self._sources[lang] = find and find()
        return self._sources[lang]

    def speller(self, lang):
        """Return the speller of ``lang``, or None when it has no dictionary."""
        if lang not in self._spellers:
            source = self.source(lang)
            self._spellers[lang] = source and Speller(source.load(), self.own_words)
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
        """Return (line number, finding) for every slip in one page."""
        text = Path(path).read_text("utf-8")
        lang = page_language(path, self.content)
        if self.cache is None:
            return list(self.check_text(text, lang))
        source = self.source(lang)
        key = self.cache.key(lang, source and source.name, sorted(self.own_words), text)
        kept = self.cache.get(key)
        if kept is None:
            kept = [
                [number, finding.text, finding.suggestions, finding.reason]
                for number, finding in self.check_text(text, lang)
            ]
            self.cache.put(key, kept)
        return [(number, Finding(*finding)) for number, *finding in kept]

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
