"""The Help menu: the user guide (F1), the keyboard shortcuts read from the window, and About."""

import re
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

import desktop_app
from desktop_app.gui import help_dialogs
from desktop_app.gui.help_dialogs import AboutDialog, ShortcutsDialog, UserGuideDialog, plain
from tests.test_gui_window import answers, make_window  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "resources" / "guide" / "user_guide.md"


def native(key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def menu_commands(window) -> set[str]:
    """'File > Import returns', 'Edit > Undo', ...: every command of the window's menus, as a person reads it."""
    commands = set()
    for entry in window.menuBar().actions():
        menu = entry.menu()
        commands |= {f"{plain(menu.title())} > {plain(action.text())}" for action in menu.actions() if action.text()}
    return commands


def test_f1_opens_the_user_guide_at_its_headings(make_window, qtbot, tmp_path):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a key goes to the active window
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(UserGuideDialog, "UserGuideDialog")
    assert guide is not None and guide.isVisible() and guide.windowTitle() == "Scrutiny Studio user guide"
    headings = guide.headings()
    assert headings[0] == (1, "Scrutiny Studio user guide")
    for words in (
        "From a complaints log to the agenda pack",
        "What each tab is for",
        "The check before an export",
        "Teaching the council's own words",
        "Where Scrutiny Studio writes files",
        "When a file is refused",
    ):
        assert (2, words) in headings
    assert [
        (3, tab) for tab in ("Returns", "Indicators", "Complaints", "Partnership progress", "Report", "Preview")
    ] == [heading for heading in headings if heading[0] == 3]
    contents = [guide.contents.item(row).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(len(headings))]
    assert contents == [words for _, words in headings]  # what a screen reader says for each entry
    refused = next(row for row, words in enumerate(contents) if words == "When a file is refused")
    guide.contents.setCurrentRow(refused)
    assert guide.browser.textCursor().block().text() == "When a file is refused"  # the caret goes there too
    guide.grab().save(str(tmp_path / "user-guide.png"))
    qtbot.keyClick(window, Qt.Key.Key_F1)  # asked for again: the same window, not a second one
    assert window.findChildren(UserGuideDialog) == [guide]


def test_the_guide_names_only_commands_the_menus_have_and_every_step_of_the_readme(make_window):
    window = make_window()
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    commands = menu_commands(window)
    named = [guide[found.start() :] for found in re.finditer(r"\b(File|Edit|Help) > ", guide)]
    assert len(named) > 10
    assert [words[:40] for words in named if not any(words.startswith(command) for command in commands)] == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    using_it = readme.split("## Using it", 1)[1].split("\n## ", 1)[0]
    bold = {plain(words) for words in re.findall(r"\*\*(.+?)\*\*", " ".join(using_it.split()))}
    assert len(bold) > 10 and {words for words in bold if words not in guide} == set()
    assert not re.search(r"`(reference|as_of)\b|as_of =|desktop_app|resources/", guide)  # no internal names


def test_the_shortcuts_are_read_from_the_window_itself(make_window, tmp_path):
    window = make_window()
    window.shortcuts_action.trigger()
    shortcuts = window.findChild(ShortcutsDialog, "ShortcutsDialog")
    rows = shortcuts.rows()
    assert ("File", "Save", native(QKeySequence.StandardKey.Save)) in rows
    assert ("File", "Export complaints report", native("Ctrl+E")) in rows
    assert ("Help", "User guide", native(QKeySequence.StandardKey.HelpContents)) in rows
    assert ("Tabs", "Returns", native("Alt+R")) in rows and ("Tabs", "Preview", native("Alt+V")) in rows
    assert ("Complaints tab", "Overdue", native("Alt+O")) in rows
    assert ("Menus", "Help menu", native("Alt+H")) in rows
    assert not [row for row in rows if row[1] == "Export cover report"]  # it has no key
    shortcuts.grab().save(str(tmp_path / "shortcuts.png"))

    window.export_cover_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
    window.shortcuts_action.trigger()
    assert ("File", "Export cover report", native("Ctrl+Shift+K")) in shortcuts.rows()


def test_about_names_the_version_the_libraries_and_the_fonts_licences(make_window, tmp_path):
    window = make_window()
    window.about_action.trigger()
    about = window.findChild(AboutDialog, "AboutDialog")
    text = about.text.toPlainText()
    assert text.startswith(f"Scrutiny Studio {desktop_app.__version__}\n")
    assert re.search(r"^  PySide6_Essentials 6\.\S+ +LGPL-3\.0-only", text, re.MULTILINE)
    for library in ("reportlab", "pandas", "numpy", "openpyxl", "python-calamine", "python-docx", "pikepdf"):
        assert re.search(rf"^  {library} \d\S* +\S", text, re.MULTILINE | re.IGNORECASE), library
    assert "GNU Lesser General Public License" in text
    assert "DejaVu Sans 2.37" in text and "Bitstream Vera Fonts Copyright" in text
    assert f"Data folder: {window.data_folder}" in text
    assert about.text.isReadOnly() and about.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    about.copy_button.click()
    assert QApplication.clipboard().text() == text
    about.grab().save(str(tmp_path / "about.png"))


def test_about_lists_the_libraries_pyproject_depends_on_and_its_version():
    """One list of what the application stands on (pyproject.toml's), one version (desktop_app's)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dependencies = [
        re.match(r"[A-Za-z0-9._-]+", requirement).group() for requirement in project["project"]["dependencies"]
    ]
    assert sorted(help_dialogs.LIBRARIES) == sorted(dependencies)
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "desktop_app.__version__"}
    found = {library.name.lower().replace("_", "-"): library for library in help_dialogs.libraries()}
    assert {"lxml", "et-xmlfile", "shiboken6"} <= set(found)  # what they require in turn
    assert all(library.version != "?" for library in found.values())
