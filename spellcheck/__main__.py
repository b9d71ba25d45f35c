"""Spell-check the site's pages: ``python -m spellcheck [--warn] [CONTENT]``.

Prints ``file:line: word → suggestions`` for each slip and exits 1 when there
are any; with ``--warn`` it prints them as warnings and exits 0. Each page's slips
are kept in ``.cache/spellcheck.json`` beside the content folder, so a page that
has not changed is not checked again.
"""

import argparse
import os
import sys
from pathlib import Path

from .cache import SlipCache
from .check import Checker, describe
from .dictionaries import DictionaryMissing

CACHE_FILE = Path(".cache", "spellcheck.json")


def relative(path):
    """Return ``path`` relative to the working folder when it is inside it."""
    path = os.path.relpath(path)
    return path if not path.startswith("..") else os.path.abspath(path)


def main(argv=None):
    """Check every page; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m spellcheck")
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument(
        "--warn", action="store_true", help="report slips but exit 0 (for publishing)"
    )
    args = parser.parse_args(argv)
    cache = SlipCache(Path(args.content).resolve().parent / CACHE_FILE)
    checker = Checker(args.content, cache)
    word_list = relative(checker.word_list)
    count, pages = 0, checker.pages()
    for page in pages:
        try:
            slips = checker.check_file(page)
        except DictionaryMissing as error:
            print(f"The spelling was not checked: {error}.")
            return 0 if args.warn else 2
        except UnicodeDecodeError:
            print(f"{relative(page)}:1: the file is not UTF-8 text; save it as UTF-8")
            count += 1
            continue
        for number, finding in slips:
            line = describe(relative(page), number, finding, word_list)
            print(f"warning: {line}" if args.warn else line)
            count += 1
    cache.save()
    if count == 0:
        number = f"{len(pages)} page{'' if len(pages) == 1 else 's'}"
        print(f"Spelling and typography: {number}, no slips.")
        return 0
    if args.warn:
        print(
            f"{count} spelling or typography warning(s); the site is published anyway."
        )
        return 0
    print(
        f"{count} spelling or typography slip(s): correct them, or add a word that "
        f"is right to {word_list}."
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
