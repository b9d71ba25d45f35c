"""Where compiled templates are kept: by name, file, text and how Jinja compiles.

Jinja's own file cache keys a template by its name and file alone, though what
its code does also depends on the environment: the delimiters, the extensions
and, once i18n_subsites has installed the catalogs, whether ``{% trans %}``
formats its variables itself (``newstyle_gettext``). Both language sites share
one cache, and a child process fills it (``compiled_templates``): an environment set up
in any other way finds nothing kept and compiles the template itself.
"""

from jinja2 import FileSystemBytecodeCache

# The environment's attributes that change the code a template compiles to.
COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "newstyle_gettext",
)


def compile_options(environment):
    """Return, as text, how ``environment`` compiles a template."""
    escape = environment.autoescape
    values = [getattr(environment, name, None) for name in COMPILE_OPTIONS]
    values += [
        sorted(environment.extensions),
        environment.finalize is not None,
        getattr(escape, "__qualname__", escape),  # a function: its name
    ]
    return repr(values)


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, keyed by how they were compiled too."""

    def get_bucket(self, environment, name, filename, source):
        """Return the bucket of a template compiled the way ``environment`` compiles."""
        keyed = f"{name}\0{compile_options(environment)}"
        return super().get_bucket(environment, keyed, filename, source)
