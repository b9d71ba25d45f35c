"""Fill in a project copy as the owner does before going live: facts and texts."""

import re

from supervision_site.owner_facts.facts import FACTS, MARKER_TEXT, literal

# What the owner writes in place of each marked text, by the page's language.
OWN_TEXT = {
    "fi": "Olen työskennellyt työnohjaajana vuodesta 2015.",
    "en": "I have worked as a work supervisor since 2015.",
}


def set_line(text, pattern, line):
    """Return ``text`` with the one line matching ``pattern`` replaced by ``line``."""
    found = re.findall(pattern, text, flags=re.M)
    assert len(found) == 1, f"{pattern!r} matches {len(found)} lines"
    return re.sub(pattern, line.replace("\\", r"\\"), text, flags=re.M)


def fill_in(project):
    """Write every fact's example in pelicanconf.py and a text for every marker."""
    conf = project / "pelicanconf.py"
    text = conf.read_text("utf-8")
    for fact in FACTS:
        name = fact.setting
        text = set_line(
            text, rf"^{name} = .*$", f"{name} = {literal(fact.examples['fi'])}"
        )
        if "en" in fact.examples:
            english = f'    "{name}": {literal(fact.examples["en"])},'
            text = set_line(text, rf'^    "{name}": .*,$', english)
    conf.write_text(text, "utf-8")
    for page in (project / "content").rglob("*.md"):
        lang = page.relative_to(project / "content").parts[0]
        written = page.read_text("utf-8")
        page.write_text(MARKER_TEXT.sub(OWN_TEXT[lang], written), "utf-8")
    return project
