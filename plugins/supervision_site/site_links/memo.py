"""Work on a language's pages done once per build, not once per page written.

Templates call helpers such as ``page_for`` and ``service_pages`` on every
page; each answer depends only on the list of pages, so it is kept in the
context and made again only when that list is replaced or changes length.
"""

MEMO = "site_links_memo"  # context entry: name -> (pages stamp, result)


def pages_stamp(context):
    """Return what identifies this context's lists of pages."""
    pages, hidden = context.get("pages", []), context.get("hidden_pages", [])
    return id(pages), len(pages), id(hidden), len(hidden)


def once_per_pages(context, name, build):
    """Return ``build(context)``, made once for the context's current pages."""
    memo = context.setdefault(MEMO, {})
    stamp = pages_stamp(context)
    if name not in memo or memo[name][0] != stamp:
        memo[name] = (stamp, build(context))
    return memo[name][1]
