"""Suggest spellings for a dictionary that can only tell a right word from a wrong one.

pyvoikko recognises Finnish words but suggests nothing, so the candidates are the
spellings one edit away from the slip (the dots of ä or ö left out or added, a
letter swapped with the next, left out, mistyped or doubled), kept when the
dictionary knows them. Spellings that keep the first letter come first, since a
slip there is rare; then the kinds of edit in that order.
"""

FINNISH_LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
DOTS = {"a": "ä", "ä": "a", "o": "ö", "ö": "o"}


def one_edit_away(word, letters):
    """Yield each spelling one edit from ``word``, kind by kind."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if right[:1] in DOTS:
            yield left + DOTS[right[0]] + right[1:]
    for left, right in splits:
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
    for left, right in splits:
        for letter in letters:
            yield left + letter + right
    for left, right in splits:
        if right:
            for letter in letters:
                yield left + letter + right[1:]
    for left, right in splits:
        if right:
            yield left + right[1:]


def with_case_of(word, suggestion):
    """Return ``suggestion`` written in the letter case of ``word``."""
    if len(word) > 1 and word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def suggestions(word, known, count, letters=FINNISH_LETTERS):
    """Return up to ``count`` spellings near ``word`` that ``known`` accepts."""
    lower = word.lower()
    candidates = dict.fromkeys(one_edit_away(lower, letters))
    right = [
        candidate for candidate in candidates if candidate != lower and known(candidate)
    ]
    right.sort(key=lambda candidate: candidate[:1] != lower[:1])
    return [with_case_of(word, candidate) for candidate in right[:count]]
