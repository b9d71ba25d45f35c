"""Give templates the Content-Security-Policy for a <meta http-equiv> tag."""

from pelican import signals

from .policy import build_csp


def add_template_helpers(generator):
    """Install the meta-tag form of the policy as a template global."""
    generator.env.globals["meta_csp"] = build_csp(generator.settings, for_meta=True)


def register():
    """Connect the handler."""
    signals.generator_init.connect(add_template_helpers)
