"""The start page: what Scrutiny Studio does, and the first steps from it.

Shown in place of the tabs when the window opens with no file (and no unsaved work to offer back), and again
from File > Start page. Each button says where it leads; the recent projects are File > Open Recent's, a
project no longer where it was saved greyed and marked "not found". The page chooses the files to import but
opens nothing itself: the window does, through its signals.

Signals:
    sample_requested(): look around the bundled sample report
    import_requested(list): the author's own returns (paths, as str), to read into a new report
    open_requested(): choose a project to open (File > Open)
    recent_requested(str): open the recent project saved at this path
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

WELCOME = (
    "Scrutiny Studio turns your council's complaints log and performance returns into the appendices of a "
    "committee report, as PDF or Word, with every figure worked out the same way each time."
)
#: Each import button's dialog: its title and the files it offers.
IMPORTS = {
    "complaints": ("Import your complaints log", "Complaints log (*.xlsx *.xlsm *.csv);;All files (*)"),
    "performance": (
        "Import your performance returns",
        "Performance returns (*.xlsx *.xlsm *.csv);;All files (*)",
    ),
}
_NOT_FOUND = QColor(110, 110, 110)  # 5:1 on white: greyed, and still readable
_PATH = Qt.ItemDataRole.UserRole
_LOOK = """
#StartTitle { font-size: 18pt; font-weight: bold; color: #1f3a5f }
#StartWelcome { font-size: 11pt; color: #333333 }
#StartHeading { font-size: 11pt; font-weight: bold; color: #1f3a5f }
#StartNote { color: #595959 }
QCommandLinkButton { font-size: 10.5pt; background: #ffffff; border: 1px solid #c4c9d0; border-radius: 6px; padding: 8px 10px }
QCommandLinkButton:hover { background: #f2f6fb; border-color: #1f3a5f }
QCommandLinkButton:focus { border: 2px solid #1f5fa8 }
#RecentProjects { background: #ffffff; border: 1px solid #c4c9d0; border-radius: 6px; padding: 4px }
#RecentProjects { selection-background-color: #dce8f5; selection-color: #1a1a1a }
#RecentProjects::item { padding: 6px 6px; border-bottom: 1px solid #e6e8eb }
"""


class StartPage(QWidget):
    """The first steps (see the module's docstring); `folder()` is where the import dialogs start."""

    sample_requested = Signal()
    import_requested = Signal(list)
    open_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, folder: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._folder = folder
        self.setObjectName("StartPage")
        self.setAccessibleName("Start page")

        title = QLabel("Welcome to Scrutiny Studio")
        title.setObjectName("StartTitle")
        title.setAccessibleName("Welcome to Scrutiny Studio")
        self.welcome = QLabel(WELCOME)
        self.welcome.setObjectName("StartWelcome")
        self.welcome.setWordWrap(True)

        self.sample_button = self._button(
            "&Look around the sample report",
            "A made-up council's complaints log and returns, ready to explore. Nothing is saved unless you ask.",
            self.sample_requested.emit,
        )
        self.complaints_button = self._button(
            "Import my &complaints log…",
            "An Excel or CSV log, one row a complaint: a new report of your own.",
            lambda: self._choose("complaints"),
        )
        self.performance_button = self._button(
            "Import my &performance returns…",
            "Indicator returns, benchmarks, surveys or monthly figures: a new report of your own.",
            lambda: self._choose("performance"),
        )
        self.open_button = self._button(
            "&Open a project…",
            "A report you saved before (a .scrutiny file).",
            self.open_requested.emit,
        )
        steps = QVBoxLayout()
        steps.setSpacing(6)
        for button in (self.sample_button, self.complaints_button, self.performance_button, self.open_button):
            steps.addWidget(button)
        steps.addStretch(1)

        recent_label = QLabel("&Recent projects")
        recent_label.setObjectName("StartHeading")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent projects")
        self.recent.setAccessibleDescription("Press Enter to open the chosen project")
        self.recent.setObjectName("RecentProjects")
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.recent.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        recent_label.setBuddy(self.recent)
        self.no_recent = QLabel("The projects you save or open will be listed here.")
        self.no_recent.setObjectName("StartNote")
        self.no_recent.setWordWrap(True)
        recent = QVBoxLayout()
        recent.setSpacing(6)  # not the columns' spacing, which a nested layout takes by default
        recent.addWidget(recent_label)
        recent.addWidget(self.recent)
        recent.addWidget(self.no_recent)
        recent.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(steps, 1)
        columns.addLayout(recent, 1)

        column = QWidget()
        column.setObjectName("StartColumn")
        column.setMaximumWidth(980)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(32, 32, 32, 32)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(self.welcome)
        inner.addSpacing(12)
        inner.addLayout(columns, 1)

        centred = QWidget()
        centring = QHBoxLayout(centred)
        centring.addWidget(column)
        scroll = QScrollArea()
        scroll.setWidget(centred)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setStyleSheet(_LOOK)
        self.setTabOrder(self.open_button, self.recent)

    def _button(self, text: str, description: str, slot: Callable[[], None]) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAccessibleDescription(description)
        button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        button.clicked.connect(slot)
        return button

    def show_recent(self, projects: list[str]) -> None:
        """List `projects` (newest first), each name over its folder; one no longer there is marked."""
        self.recent.clear()
        for path in map(Path, projects):
            found = path.exists()
            item = QListWidgetItem(f"{path.name}{'' if found else '  (not found)'}\n{path.parent}")
            item.setData(_PATH, str(path))
            item.setToolTip(str(path) if found else f"{path} is no longer there: it was moved, renamed or deleted")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{path.stem}{'' if found else ', not found'}, in {path.parent}",
            )
            if not found:
                item.setForeground(QBrush(_NOT_FOUND))
            self.recent.addItem(item)
        self.recent.setVisible(bool(projects))
        self.no_recent.setVisible(not projects)
        if projects:
            self.recent.setCurrentRow(0)

    def focus_first(self) -> None:
        self.sample_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self, kind: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        title, filters = IMPORTS[kind]
        paths, _ = QFileDialog.getOpenFileNames(self, title, self._folder(), filters)
        if paths:
            self.import_requested.emit(paths)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(_PATH))
