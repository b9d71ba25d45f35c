"""Compile the theme's templates in a second process while the build reads the pages.

A build that finds no compiled templates kept (``core.template_cache``, the
``bytecode_cache`` of ``JINJA_ENVIRONMENT``) compiles each one as the first
page that needs it is written, on the one core that reads and writes: about
0.15 s for our theme. Here a child forked as the main site starts compiles the
theme's templates into that cache while the parent reads the content, in an
environment set up as the build sets up its own; the parent waits for it before
the first site writes and then only loads them. A template's error is the
build's to report: it compiles that one itself. Nothing is forked when the cache
already holds compiled templates (a later build compiles just a changed one, as
it needs it), without ``os.fork`` or a second core, or while another thread runs
(a forked child would have only the forking one).
"""

import logging
import os
import signal
import threading
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.plugins.i18n_subsites.i18n_subsites import install_templates_translations

from supervision_site.core.languages import is_main_site
from supervision_site.core.settings import apply_defaults
from supervision_site.core.template_cache import TemplateCache

PREFIX = None
DEFAULTS = {}
# How long the parent waits at most; a child still compiling then is stopped.
WAIT_MOST = 10.0
children = []


def cores():
    """Return how many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def is_empty(folder):
    """Return whether a folder holds nothing."""
    with os.scandir(folder) as entries:
        return not any(entries)


def should_fork(settings):
    """Return whether a child should compile the templates beside this build."""
    template_cache = settings["JINJA_ENVIRONMENT"].get("bytecode_cache")
    return (
        hasattr(os, "fork")
        and cores() > 1
        and threading.active_count() == 1
        and isinstance(template_cache, TemplateCache)
        and is_empty(template_cache.directory)
    )


def compile_templates(settings):
    """Compile the theme's own templates into the template cache.

    The environment is made as Pelican's generators make theirs (with the
    plugins' filters: Jinja checks at compile time that each one exists), with
    the catalogs installed as i18n_subsites installs them before any page is
    written.
    """
    generator = Generator(
        context={},
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    install_templates_translations(generator)
    folder = Path(settings["THEME"], "templates")
    for template in sorted(folder.rglob("*.html")):
        try:
            generator.env.get_template(template.relative_to(folder).as_posix())
        except Exception:  # the build compiles it again, and reports why
            continue


def start_compiling(pelican):
    """Fork the child that compiles the templates, as the main site starts."""
    settings = pelican.settings
    if not is_main_site(settings) or not should_fork(settings):
        return
    pid = os.fork()
    if pid:
        children.append(pid)
        return
    try:  # the child: silent, and gone without running the parent's exit handlers
        logging.disable(logging.CRITICAL)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        compile_templates(settings)
    finally:
        os._exit(0)


def has_ended(pid):
    """Return whether a child has ended, reaping it if so.

    A child already reaped elsewhere (the system does when SIGCHLD is ignored)
    has ended too.
    """
    try:
        return os.waitpid(pid, os.WNOHANG) != (0, 0)
    except ChildProcessError:
        return True


def wait_for_templates(_pelican):
    """Wait for the child before a site writes (no writer of its own to return)."""
    while children:
        pid = children.pop()
        deadline = time.monotonic() + WAIT_MOST
        while not has_ended(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                has_ended(pid)
                break
            time.sleep(0.001)


if hasattr(os, "register_at_fork"):  # a process forked later has no child of ours
    os.register_at_fork(after_in_child=children.clear)


def register():
    """Fork once the settings are complete; wait before a site's writer is chosen."""
    signals.initialized.connect(apply_defaults)  # the plugins' filters read them
    signals.initialized.connect(start_compiling)
    signals.get_writer.connect(wait_for_templates)
