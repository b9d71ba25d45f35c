"""Find the prose of a Markdown page: the words a visitor reads, with their lines.

Front-matter keys and values are left out except ``Title`` and ``Summary``;
code, HTML comments and tags, link targets, URLs and e-mail addresses are
blanked out with spaces so that every word keeps its line and column.
"""

import re

from supervision_site.core.front_matter import parse_front_matter

PROSE_FIELDS = ("title", "summary")
FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
HIDDEN = re.compile(
    r"`+[^`]*`+"  # inline code
    r"|<[A-Za-z/][^>]*>"  # HTML tags and their attributes
    r"|\]\([^)]*\)"  # link targets: ](…)
    r"|^[ \t]{0,3}\[[^\]]+\]:.*$"  # reference definitions: [x]: url
    r"|\{[a-z]+\}\S*"  # Pelican's {filename}… and {static}…
    r"|\b(?:https?://|www\.)\S+"  # bare URLs
    r"|\b(?:[\w-]+\.)+(?:fi|com|org|net|eu|io|se)\b\S*"  # domain names
    r"|\S+@\S+\.\w+",  # e-mail addresses
    re.MULTILINE,
)


def blank(match):
    """Return the matched text as spaces, keeping its line breaks."""
    return re.sub(r"[^\n]", " ", match.group())


def without_code_blocks(lines):
    """Return the lines with fenced code blocks blanked out."""
    kept, fence = [], None
    for line in lines:
        match = FENCE.match(line)
        if fence is None and match:
            fence = match["fence"]
            kept.append("")
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            kept.append("")
        else:
            kept.append(line)
    return kept


def prose_lines(text):
    """Yield (line number, text) for every line of a page that holds prose."""
    front = parse_front_matter(text)
    for field in front.fields:
        if field.name.lower() in PROSE_FIELDS:
            yield field.line, " " * field.column + field.value
    body = "\n".join(without_code_blocks(front.body.split("\n")))
    body = COMMENT.sub(blank, body)
    body = HIDDEN.sub(blank, body)
    for number, line in enumerate(body.split("\n"), start=front.body_line):
        if line.strip():
            yield number, line
