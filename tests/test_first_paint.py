"""The window is drawn and usable before pandas and pyqtgraph are imported, and fills in just after."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.excel.importer import Importer
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.project import store
from desktop_app.project.model import Project

ROOT = Path(__file__).resolve().parents[1]
#: `python -m desktop_app [FILE]` in a fresh Python, noting what the window is at its first paint (before the
#: start-up's own work after that paint) and once that work is done; then it quits.
START = """
import json, sys
from PySide6.QtWidgets import QApplication
from desktop_app.cli import main
from desktop_app.gui import app, first_paint, messages

messages.answer_for_tests = lambda kind, title, text: print("box", kind, title, text, file=sys.stderr)
seen = {}


def state(window):
    return {
        "pandas": "pandas" in sys.modules,
        "pyqtgraph": "pyqtgraph" in sys.modules,
        "visible": window.isVisible(),
        "title": window.windowTitle(),
        "menus": [action.text() for action in window.menuBar().actions()],
        "file_menu": [action.text() for action in window.menuBar().actions()[0].menu().actions() if action.text()],
        "page": window.pages.currentWidget().accessibleName(),
        "sample_button": window.start_page.sample_button.isVisible() and window.start_page.sample_button.isEnabled(),
        "status": window.status_text.text(),
    }


def note_and_start(window, start):
    def at_first_paint():
        seen["painted"] = state(window)
        start()
        seen["started"] = state(window)
        seen["imports"] = [imported.provenance.file for imported in window.project.imports]
        print(json.dumps(seen))
        QApplication.quit()

    first_paint.after_first_paint(window, at_first_paint)


app.after_first_paint = note_and_start
sys.exit(main(sys.argv[1:]))
"""


def start(tmp_path: Path, *args: str) -> dict:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", START, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_start_page_and_menus_are_drawn_before_pandas_or_pyqtgraph_is_imported(tmp_path):
    seen = start(tmp_path)

    painted = seen["painted"]
    assert not painted["pandas"] and not painted["pyqtgraph"]
    assert painted["visible"] and painted["page"] == "Start page" and painted["sample_button"]
    assert painted["menus"] == ["&File", "&Edit", "&Help"]
    assert "&Open…" in painted["file_menu"] and "&Import returns…" in painted["file_menu"]
    assert painted["title"] == "Untitled report[*] – Scrutiny Studio"
    started = seen["started"]
    assert started["pandas"] and started["page"] == "Start page"  # the tabs are built behind it


def test_a_project_named_at_start_opens_on_its_tabs_after_the_first_paint(tmp_path):
    project = Project()
    result = Importer().import_file(SAMPLE_COMPLAINTS_LOG)
    project.imports = [project.make_import(result, SAMPLE_COMPLAINTS_LOG)]
    path = tmp_path / f"Complaints{store.PROJECT_SUFFIX}"
    store.save(project, path)

    seen = start(tmp_path, str(path))

    painted = seen["painted"]
    assert not painted["pandas"] and painted["visible"]
    assert painted["status"] == f"Opening {path.name}…" and not painted["sample_button"]  # not to be clicked
    started = seen["started"]
    assert started["page"] == "Editors" and started["title"].startswith(path.name)
    assert seen["imports"] == [SAMPLE_COMPLAINTS_LOG.name]


def _typing_only_names(tree: ast.Module) -> set[str]:
    """The names a module imports under `if TYPE_CHECKING:` (so they are not there when it runs)."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, (ast.Import, ast.ImportFrom)):
                    names |= {alias.asname or alias.name.split(".")[0] for alias in statement.names}
    return names


def _used_without_import(function: ast.AST, names: set[str]) -> list[int]:
    """Lines where `function` (a top-level function or a method, nested functions included) uses one of
    `names` at run time, outside annotations, without importing it itself."""
    imported = {
        alias.asname or alias.name.split(".")[0]
        for node in ast.walk(function)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    in_annotations = {
        id(name)
        for node in ast.walk(function)
        for annotation in (getattr(node, "returns", None), getattr(node, "annotation", None))
        if annotation is not None
        for name in ast.walk(annotation)
    }
    return [
        node.lineno
        for node in ast.walk(function)
        if isinstance(node, ast.Name) and node.id in names - imported and id(node) not in in_annotations
    ]


def test_a_module_that_imports_for_type_checking_only_imports_what_it_runs_where_it_runs_it():
    """mypy cannot see it: a name imported only for the type checker and used in code is a NameError the
    first time a user runs that command (the summary's Ombudsman register did so)."""
    slips = []
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _typing_only_names(tree)
        if not names:
            continue
        tops = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        tops += [m for c in tree.body if isinstance(c, ast.ClassDef) for m in c.body if isinstance(m, ast.FunctionDef)]
        for function in tops:
            slips += [f"{path.relative_to(ROOT)}:{line}" for line in _used_without_import(function, names)]
    assert slips == []
