"""Give templates the Content-Security-Policy for a ``<meta http-equiv>`` tag.

GitHub Pages sets no headers, so every page carries the policy in its
``<meta>``; ``published_assets`` writes the same policy into ``_headers``.
"""

from pelican import signals

from supervision_site.core.settings import apply_defaults

from .policy import build_csp

PREFIX = None
DEFAULTS = {
    # How long browsers and caches may keep a page before asking again.
    "HTML_CACHE_CONTROL": "public, max-age=600, must-revalidate",
}


def add_template_helpers(generator):
    """Install the meta-tag form of the policy as a template global."""
    generator.env.globals["meta_csp"] = build_csp(generator.settings, for_meta=True)


def register():
    """Connect the handlers."""
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_template_helpers)
