"""Resolve a site's references against a base URL: what urljoin gives, faster."""

from urllib.parse import urljoin

# References that stand as they are: a scheme of their own.
ABSOLUTE = ("https://", "http://", "data:", "mailto:", "tel:")
# Characters of a reference that urljoin reads as more than a path.
NOT_IN_A_PLAIN_PATH = frozenset(":?#;\\")
# Characters of a base URL after which urljoin does more than append a path.
NOT_IN_A_PLAIN_BASE = frozenset("?#;\\")


def is_plain_path(reference):
    """Return whether a reference is a path with no dots, scheme, query or fragment."""
    return (
        NOT_IN_A_PLAIN_PATH.isdisjoint(reference)
        and "/." not in reference
        and not reference.startswith((".", "//"))
    )


def join_url(base, reference):
    """Return ``reference`` resolved against ``base``, as ``urljoin`` would.

    A site's own links are nearly all plain paths, root-relative
    (``/palvelut/``) or relative to a base that ends in ``/``: those are put
    together directly, at a fraction of urljoin's cost, which every page's
    links and checks pay hundreds of times. Anything else goes to urljoin.
    """
    if reference.startswith(ABSOLUTE):
        return reference
    plain_base = NOT_IN_A_PLAIN_BASE.isdisjoint(base) and "/." not in base
    if not (is_plain_path(reference) and plain_base and base.endswith("/")):
        return urljoin(base, reference)
    if reference.startswith("/"):
        host = base.find("//")
        return (base[: base.find("/", host + 2)] if host >= 0 else "") + reference
    return base + reference
