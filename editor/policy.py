"""The editor page's own Content-Security-Policy (the public pages keep theirs)."""

# Decap CMS compiles its configuration's schema into functions (Ajv, hence
# 'unsafe-eval'), styles its interface with inline <style> elements (emotion),
# and shows its preview in a frame of the same origin; the rest stays strict.
EDITOR_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
HEADER_ONLY = ("frame-ancestors",)


def build_editor_csp(connect=(), images=(), for_meta=False):
    """Return the editor's policy; ``connect`` and ``images`` add allowed origins."""
    directives = dict(EDITOR_DIRECTIVES)
    directives["connect-src"] = " ".join(["'self'", *connect])
    directives["img-src"] = " ".join([directives["img-src"], *images])
    return "; ".join(
        f"{name} {value}"
        for name, value in directives.items()
        if not (for_meta and name in HEADER_ONLY)
    )
