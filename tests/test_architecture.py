"""docs/architecture.md stays true: every module of the package, and its signals."""

import re

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "supervision_site"
ROW = re.compile(r"^\| `(?P<module>[\w/]+\.py)` \| (?P<signals>[^|]*) \|", re.M)
# A handler connected to a signal; every plugin connects the core's defaults too.
CONNECTED = re.compile(
    r'(?:signals\.(\w+)|blinker\.signal\("(\w+)"\))\.connect\((?!apply_defaults)'
)


def table_rows():
    """Return the signals each row of the module table names, by module."""
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    return {
        row["module"]: set(re.findall(r"`(\w+)`", row["signals"]))
        for row in ROW.finditer(text)
    }


def connected_signals(module):
    """Return the signals a module's source connects a handler to."""
    source = (PACKAGE / module).read_text("utf-8")
    return {
        name for match in CONNECTED.finditer(source) for name in match.groups() if name
    }


def test_the_module_table_names_every_module_of_the_package_and_no_other():
    modules = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "__init__.py"
    }
    assert set(table_rows()) == modules


def test_each_row_names_the_signals_its_module_connects():
    rows = table_rows()
    connected = {module: connected_signals(module) for module in rows}
    connected["core/settings.py"] = {"initialized"}  # connected by every plugin
    assert rows == connected
