"""The Help menu's windows: the user guide, the keyboard shortcuts, and About Scrutiny Studio.

Each is a window beside the main window, not a modal box (the author reads the guide while working),
made once and brought to the front when asked for again. The shortcuts are read from the window's
menus and tabs each time they are shown, so the list cannot disagree with them; About reads each
library's version and licence from its installed metadata, which build.spec copies into the installer.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import QSysInfo, Qt, qVersion
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence, QTextBlock, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import desktop_app
from desktop_app import __version__
from desktop_app.paths import RESOURCES

USER_GUIDE = RESOURCES / "guide" / "user_guide.md"
FONT_LICENCE = RESOURCES / "fonts" / "LICENSE-DejaVu.txt"
#: The distributions the application imports (pyproject.toml's dependencies; a test keeps the two the same).
#: What they stand on in turn is read from their metadata.
LIBRARIES = (
    "PySide6-Essentials",
    "pyqtgraph",
    "reportlab",
    "pikepdf",
    "python-docx",
    "pypdfium2",
    "pandas",
    "numpy",
    "openpyxl",
    "python-calamine",
    "holidays",
    "defusedxml",
)
QT_LICENCE_NOTE = (
    "Qt and Qt for Python (PySide6) are used under the GNU Lesser General Public License, version 3. "
    "Their libraries are separate files in the application's folder, which may be replaced with other "
    "builds of the same version."
)


def show_window(parent: QWidget, kind: type[QDialog]) -> QDialog:
    """The `kind` window of `parent`, made the first time, brought up to date and to the front after."""
    dialog = parent.findChild(kind, kind.__name__)
    if dialog is None:
        dialog = kind(parent)
        dialog.setObjectName(kind.__name__)
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def plain(text: str) -> str:
    """A menu's or tab's words as a person reads them: no mnemonic '&', no trailing '…'."""
    return re.sub(r"&(.)", r"\1", text).rstrip("…").rstrip(".").strip()


def native(sequences: Iterable[QKeySequence]) -> str:
    """Key sequences as this platform writes them (Ctrl+S; ⌘S on a Mac), 'Ctrl+Shift+Z or Ctrl+Y'."""
    texts = (s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())
    return " or ".join(dict.fromkeys(texts))  # Redo is Ctrl+Y twice where that is the platform's own Redo


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    return buttons


# --- the user guide ------------------------------------------------------------------------------


class UserGuideDialog(QDialog):
    """The guide shipped under resources/guide, with its headings listed as contents to go to."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Scrutiny Studio user guide")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenLinks(False)  # nothing in it leaves this window
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.contents = QListWidget()
        self.contents.setAccessibleName("Contents")
        self.contents.setWordWrap(True)
        self.contents.currentItemChanged.connect(self._go_to_heading)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 660])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(_closing_buttons(self))
        self.resize(980, 720)
        self.refresh()

    def refresh(self) -> None:
        try:
            text = USER_GUIDE.read_text(encoding="utf-8")
        except OSError as exc:
            text = (
                f"# The user guide is missing\n\nThis installation lacks its user guide ({exc.strerror or exc}); "
                "the README that comes with Scrutiny Studio describes the same steps."
            )
        self.browser.setMarkdown(text)
        self.contents.clear()
        for level, title, block in self._heading_blocks():
            item = QListWidgetItem("    " * (level - 1) + title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            item.setData(Qt.ItemDataRole.UserRole, block.blockNumber())
            self.contents.addItem(item)

    def headings(self) -> list[tuple[int, str]]:
        """The guide's headings as its document holds them: (level, words), in order."""
        return [(level, title) for level, title, _ in self._heading_blocks()]

    def _heading_blocks(self) -> Iterator[tuple[int, str, QTextBlock]]:
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                yield level, block.text(), block
            block = block.next()

    def _go_to_heading(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        document = self.browser.document()
        block = document.findBlockByNumber(item.data(Qt.ItemDataRole.UserRole))
        self.browser.verticalScrollBar().setValue(int(document.documentLayout().blockBoundingRect(block).top()))
        self.browser.setTextCursor(QTextCursor(block))  # the caret too, so a screen reader reads on from there


# --- the keyboard shortcuts ----------------------------------------------------------------------


@dataclass(frozen=True)
class Shortcut:
    """`keys` do `command`; `group` is where the command is (a menu, or the tabs)."""

    group: str
    command: str
    keys: str


def window_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every shortcut of `window`'s menus' actions (and of actions outside them), then the mnemonics of the
    menus and the tabs (Alt and the underlined letter)."""
    found: list[Shortcut] = []
    seen: set[QAction] = set()
    menus = [entry.menu() for entry in window.menuBar().actions() if entry.menu() is not None]
    for menu in menus:
        found += _menu_shortcuts(plain(menu.title()), menu, seen)
    elsewhere = list(window.actions())
    for toolbar in window.findChildren(QToolBar):
        elsewhere += toolbar.actions()
    found += [
        Shortcut("Other", plain(action.text()), native(action.shortcuts()))
        for action in dict.fromkeys(elsewhere)
        if action not in seen and action.shortcuts()
    ]
    found += [
        Shortcut("Menus", f"{plain(menu.title())} menu", keys)
        for menu in menus
        if (keys := native([QKeySequence.mnemonic(menu.title())]))
    ]
    for tabs in window.findChildren(QTabWidget):
        group = _tabs_group(window, tabs)
        for index in range(tabs.count()):
            keys = native([QKeySequence.mnemonic(tabs.tabText(index))])
            if keys:
                found.append(Shortcut(group, plain(tabs.tabText(index)), keys))
    return found


def _menu_shortcuts(group: str, menu: QMenu, seen: set[QAction]) -> list[Shortcut]:
    found = []
    for action in menu.actions():
        seen.add(action)
        if action.menu() is not None:
            found += _menu_shortcuts(group, action.menu(), seen)
        elif action.shortcuts():
            found.append(Shortcut(group, plain(action.text()), native(action.shortcuts())))
    return found


def _tabs_group(window: QMainWindow, tabs: QTabWidget) -> str:
    """'Tabs' for the window's own tabs; 'Complaints tab' for tabs inside the Complaints tab."""
    main = _outermost(tabs)
    if tabs is main:
        return "Tabs"
    widget = tabs.parentWidget()
    while widget is not None and main.indexOf(widget) < 0:
        widget = widget.parentWidget()
    return f"{plain(main.tabText(main.indexOf(widget)))} tab" if widget is not None else "Tabs"


def _outermost(tabs: QTabWidget) -> QTabWidget:
    """The tab widget that holds `tabs` and lies in no other (the window's own tabs, wherever they sit)."""
    outer, widget = tabs, tabs.parentWidget()
    while widget is not None:
        if isinstance(widget, QTabWidget):
            outer = widget
        widget = widget.parentWidget()
    return outer


class ShortcutsDialog(QDialog):
    """The parent window's shortcuts (window_shortcuts), grouped by menu, read afresh at each showing."""

    def __init__(self, parent: QMainWindow):
        super().__init__(parent)
        self.window_of_shortcuts = parent
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(_closing_buttons(self))
        self.resize(560, 640)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for shortcut in window_shortcuts(self.window_of_shortcuts):
            if shortcut.group not in groups:
                groups[shortcut.group] = QTreeWidgetItem(self.tree, [shortcut.group])
                font = groups[shortcut.group].font(0)
                font.setBold(True)
                groups[shortcut.group].setFont(0, font)
                groups[shortcut.group].setFirstColumnSpanned(True)
            QTreeWidgetItem(groups[shortcut.group], [shortcut.command, shortcut.keys])
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows: (group, command, keys) for each shortcut."""
        return [
            (group.text(0), group.child(row).text(0), group.child(row).text(1))
            for group in (self.tree.topLevelItem(index) for index in range(self.tree.topLevelItemCount()))
            for row in range(group.childCount())
        ]


# --- About ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


def libraries(names: Iterable[str] = LIBRARIES) -> list[Library]:
    """`names` and every distribution they require in turn (extras aside), as installed here, by name.

    A requirement that is not installed (one for another platform) is passed over; one of `names` itself
    that is missing is listed as such, so a broken installation says so rather than hiding it."""
    found: dict[str, Library] = {}
    todo = [(name, True) for name in names]
    while todo:
        name, wanted = todo.pop(0)
        key = _normal(name)
        if key in found:
            continue
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            if wanted:
                found[key] = Library(name, "?", "not found in this installation")
            continue
        found[key] = Library(distribution.metadata["Name"] or name, distribution.version, _licence(distribution))
        for requirement in distribution.requires or []:
            if "extra" not in requirement.partition(";")[2]:
                todo.append((re.match(r"[A-Za-z0-9._-]+", requirement).group(), False))
    return sorted(found.values(), key=lambda library: library.name.lower())


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence(distribution: importlib.metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, its licence classifiers, or its licence
    field's first line (some hold the whole text)."""
    metadata = distribution.metadata
    expression = metadata.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        classifier.split(" :: ")[-1]
        for classifier in metadata.get_all("Classifier") or []
        if classifier.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    field = (metadata.get("License") or "").strip().splitlines()
    return field[0][:80] if field else "not stated"


def about_text(data_folder: Path | None = None, settings_file: str = "") -> str:
    """Everything About shows, as plain text (what Copy gives IT)."""
    lines = [
        f"Scrutiny Studio {__version__}",
        desktop_app.__doc__.partition(": ")[2].strip(),
        "",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"System: {QSysInfo.prettyProductName()} ({QSysInfo.currentCpuArchitecture()})",
    ]
    if data_folder is not None:
        lines.append(f"Data folder: {data_folder}")
    if settings_file:
        lines.append(f"Settings: {settings_file}")
    found = libraries()
    width = max(len(f"{library.name} {library.version}") for library in found)
    lines += ["", "Libraries", "", "Scrutiny Studio is built on these libraries, each under its own licence:", ""]
    lines += [f"  {f'{library.name} {library.version}'.ljust(width)}  {library.licence}" for library in found]
    lines += ["", textwrap.fill(QT_LICENCE_NOTE, 100), "", "Fonts", ""]
    try:
        lines.append(FONT_LICENCE.read_text(encoding="utf-8").rstrip())
    except OSError as exc:
        lines.append(f"The fonts' licence is missing from this installation ({exc.strerror or exc}).")
    return "\n".join(lines) + "\n"


class AboutDialog(QDialog):
    """The version, the libraries and fonts with their licences, and where this computer keeps its data;
    selectable, and copied whole with Copy (for IT)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About Scrutiny Studio")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("About Scrutiny Studio")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        buttons = _closing_buttons(self)
        self.copy_button = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip("Copy all of this, to paste into a message to IT")
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self.refresh()

    def refresh(self) -> None:
        window = self.parent()
        settings = getattr(window, "settings", None)
        self.text.setPlainText(
            about_text(getattr(window, "data_folder", None), settings.fileName() if settings is not None else "")
        )

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text.toPlainText())
