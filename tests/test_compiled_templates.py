"""The theme's templates, compiled by a child process while the build reads."""

import os
import sys

from conftest import ROOT, run_command, run_pelican
from jinja2 import DictLoader, Environment

from supervision_site.compiled_templates import plugin
from supervision_site.core.template_cache import TemplateCache

THEME_TEMPLATES = sorted(
    path.relative_to(ROOT / "theme" / "templates").as_posix()
    for path in (ROOT / "theme" / "templates").rglob("*.html")
)
# The production settings, with compiled templates kept in a folder of the test's.
SETTINGS = """
from pelican.settings import get_settings_from_file
from supervision_site.core.template_cache import TemplateCache

globals().update(get_settings_from_file({root!r} + "/publishconf.py"))
PATH, THEME = {root!r} + "/content", {root!r} + "/theme"
OUTPUT_PATH, CACHE_PATH = {folder!r} + "/output", {folder!r} + "/cache"
JINJA_ENVIRONMENT = {{**JINJA_ENVIRONMENT, "bytecode_cache": TemplateCache({cache!r})}}
"""
# Start the child as a build's main site would, and wait for it as its writer would.
CHILD_ALONE = """
import sys
from types import SimpleNamespace

from supervision_site.compiled_templates import plugin
from supervision_site.core.settings import read_site_settings

plugin.start_compiling(SimpleNamespace(settings=read_site_settings(sys.argv[1])))
print(len(plugin.children))
plugin.wait_for_templates(None)
"""
# Note the name of every template the build compiles itself, on standard error.
COUNT_COMPILED = """
import sys
import jinja2

compile_template = jinja2.Environment.compile


def noted(self, source, name=None, *args, **kwargs):
    print("compiled:", name, file=sys.stderr)
    return compile_template(self, source, name, *args, **kwargs)


jinja2.Environment.compile = noted
"""


def settings_with_template_cache(tmp_path):
    """Write production settings that keep compiled templates in ``tmp_path``."""
    cache = tmp_path / "jinja"
    cache.mkdir()
    settings = tmp_path / "settings.py"
    text = SETTINGS.format(root=str(ROOT), folder=str(tmp_path), cache=str(cache))
    settings.write_text(text, "utf-8")
    return settings, cache


def start_child(settings):
    """Fork the child for ``settings`` and wait for it; return how many were forked."""
    run = run_command([sys.executable, "-c", CHILD_ALONE, str(settings)], check=True)
    return int(run.stdout)


def test_the_child_compiles_every_template_the_pages_need(tmp_path):
    settings, cache = settings_with_template_cache(tmp_path)
    assert start_child(settings) == 1
    assert len(list(cache.iterdir())) == len(THEME_TEMPLATES)
    output = tmp_path / "output"
    run = run_pelican(ROOT / "content", output, str(settings), first=COUNT_COMPILED)
    assert run.returncode == 0, run.stdout + run.stderr
    compiled = compiled_by_the_build(run)
    # The build compiles only the templates of Pelican's that our theme leaves out.
    assert compiled
    assert not compiled & set(THEME_TEMPLATES)
    assert (output / "palvelut" / "yksilotyonohjaus" / "index.html").is_file()


def compiled_by_the_build(run):
    """Return the templates a build noted compiling itself (its child is silent)."""
    return {
        line.removeprefix("compiled: ")
        for line in run.stderr.splitlines()
        if line.startswith("compiled: ")
    }


def test_a_build_with_nothing_compiled_has_a_child_compile_the_theme(tmp_path):
    settings, cache = settings_with_template_cache(tmp_path)
    output = tmp_path / "output"
    run = run_pelican(ROOT / "content", output, str(settings), first=COUNT_COMPILED)
    assert run.returncode == 0, run.stdout + run.stderr
    assert compiled_by_the_build(run)  # Pelican's own, which the theme leaves out
    assert not compiled_by_the_build(run) & set(THEME_TEMPLATES)
    assert len(list(cache.iterdir())) > len(THEME_TEMPLATES)


def test_no_child_is_forked_when_templates_are_already_compiled(tmp_path):
    settings, cache = settings_with_template_cache(tmp_path)
    (cache / "kept.cache").write_bytes(b"")
    assert start_child(settings) == 0


def compiled_count(environment):
    """Compile a template with ``environment``; return how often Jinja compiled."""
    calls = []
    compile_template = environment.compile

    def counted(*args, **kwargs):
        calls.append(args)
        return compile_template(*args, **kwargs)

    environment.compile = counted
    environment.get_template("page.html")
    return len(calls)


def test_a_template_compiled_another_way_is_compiled_again(tmp_path):
    loader = DictLoader({"page.html": "{% trans n=2 %}{{ n }} sivua{% endtrans %}"})
    cache = TemplateCache(str(tmp_path))

    def environment(newstyle):
        made = Environment(
            loader=loader, extensions=["jinja2.ext.i18n"], bytecode_cache=cache
        )
        made.install_null_translations(newstyle=newstyle)
        return made

    assert compiled_count(environment(newstyle=False)) == 1
    assert compiled_count(environment(newstyle=False)) == 0
    newstyle = environment(newstyle=True)
    assert compiled_count(newstyle) == 1
    assert newstyle.get_template("page.html").render() == "2 sivua"


def test_a_child_reaped_elsewhere_counts_as_ended():
    assert plugin.has_ended(os.getpid())  # not a child: nothing to wait for
