"""The Returns tab: the imported files and sheets, the selected sheet's rows, and its problems.

Clicking a problem takes the table to its row and cell. The sheet's columns can
be mapped again (the Designer dialog), and a changed file re-imported.

Signals:
    remap_requested(int, str): import id and sheet name the user wants to map
    reimport_requested(int): import id to read again from its file
    remove_requested(int): import id to take out of the project
"""

from __future__ import annotations

import datetime as dt
import operator

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.formatting import long_date
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.gui.dataframe_model import DataFrameModel
from desktop_app.gui.mapping_dialog import kind_label

_SEVERITY_COLOUR = {
    Severity.ERROR: QColor(176, 0, 32),
    Severity.WARNING: QColor(150, 90, 0),
    Severity.NOTE: QColor(60, 60, 60),
}
_ROLE_IMPORT, _ROLE_SHEET = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
_severity_of, _row_of = operator.attrgetter("severity"), operator.attrgetter("row")


class SortedProblems:
    """A sheet's problems in the order the list shows them (errors, warnings, notes, each in row order), and
    the problem a row of the sheet is tinted with (its first error, else its first problem), found only when the
    row is drawn: sorted by numpy once, not looked at one by one in Python (thousands on a large log). Each
    problem's grade and row are read once, at C speed (`map`), and the errors counted from the grades."""

    def __init__(self, problems: list[Problem]):
        severity = np.fromiter(map(_ORDER.__getitem__, map(_severity_of, problems)), dtype=np.int8, count=len(problems))
        # None (a problem about the whole sheet) becomes NaN, then -1: before every row
        rows = np.nan_to_num(np.array(list(map(_row_of, problems)), dtype=float), nan=-1).astype(np.int64)
        self.errors = int(np.count_nonzero(severity == _ORDER[Severity.ERROR]))
        self.listed = list(map(problems.__getitem__, np.lexsort((np.maximum(rows, 0), severity)).tolist()))
        by_row = np.lexsort((severity > 0, rows))  # stable: within a row, errors first, each in the sheet's order
        self._problems = problems
        self._order, self._rows = by_row, rows[by_row]

    def __len__(self) -> int:
        return len(self._problems)

    def get(self, row: int) -> tuple[str, str] | None:
        """(severity, what is wrong) of the problem row `row` (as Excel numbers it) is shown with, if any."""
        at = int(np.searchsorted(self._rows, row))
        if at == len(self._rows) or self._rows[at] != row:
            return None
        problem = self._problems[int(self._order[at])]
        return problem.severity.value, str(problem.message)


class ProblemsModel(QAbstractTableModel):
    """The problems of one sheet: severity, row, column, value, what is wrong."""

    COLUMNS = ("Grade", "Row", "Column", "Value", "What is wrong")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem] | SortedProblems) -> None:
        self.beginResetModel()
        self.problems = (problems if isinstance(problems, SortedProblems) else SortedProblems(problems)).listed
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = (
                problem.severity.value.capitalize(),
                "" if problem.row is None else str(problem.row),
                problem.column + (f" ({problem.cell})" if problem.cell else ""),
                problem.value,
                problem.message,
            )
            return cells[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(_SEVERITY_COLOUR[problem.severity])
        return None


class ReturnsTab(QWidget):
    remap_requested = Signal(int, str)
    reimport_requested = Signal(int)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Returns")
        self._imports: list = []
        self._sorted_problems: dict[int, tuple[object, SortedProblems]] = {}  # id(sheet) -> (sheet, its problems)
        #: column -> code -> the word shown for it (the vocabulary's words; set by the window)
        self.words: dict[str, dict[str, str]] = {}

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Return", "Kind", "Rows", "Problems"])
        self.tree.setAccessibleName("Imported returns")
        self.tree.setRootIsDecorated(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setMinimumWidth(360)
        self.tree.currentItemChanged.connect(self._show_current)

        self.table_model = DataFrameModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("Rows of the selected sheet")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setDefaultSectionSize(120)
        self.table.verticalHeader().setDefaultSectionSize(22)

        self.problems_model = ProblemsModel()
        self.problems = QTableView()
        self.problems.setModel(self.problems_model)
        self.problems.setAccessibleName("Problems in the selected sheet")
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        for column, width in enumerate((70, 60, 190, 120)):  # fixed: measuring thousands of rows would stall
            self.problems.setColumnWidth(column, width)
        self.problems.activated.connect(self.go_to_problem)
        self.problems.clicked.connect(self.go_to_problem)

        self.caption = QLabel("Import returns with File > Import returns (Ctrl+I), or drop files on this window.")
        self.caption.setWordWrap(True)
        self.map_button = QPushButton("&Map columns…")
        self.map_button.setToolTip("Say what this sheet is and what each column holds")
        self.reimport_button = QPushButton("Re-imp&ort")
        self.reimport_button.setToolTip("Read the file again, and see what changed")
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setToolTip("Take this file out of the report")
        for button in (self.map_button, self.reimport_button, self.remove_button):
            button.setEnabled(False)
        self.map_button.clicked.connect(lambda: self._emit_for_current(self.remap_requested, with_sheet=True))
        self.reimport_button.clicked.connect(lambda: self._emit_for_current(self.reimport_requested))
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.remove_requested))

        buttons = QHBoxLayout()
        buttons.addWidget(self.caption, 1)
        buttons.addStretch()
        for button in (self.map_button, self.reimport_button, self.remove_button):
            buttons.addWidget(button)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.problems)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right_panel = QWidget()
        right_layout = QVBoxLayout(right_panel)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(right)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right_panel)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([440, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # --- filling -----------------------------------------------------------

    def set_imports(self, imports: list) -> None:
        """Show the project's imported files; keep the selection where it can be kept."""
        current = self.current_selection()
        self._imports = list(imports)
        shown = {id(sheet) for imported in self._imports for sheet in imported.sheets}
        self._sorted_problems = {key: kept for key, kept in self._sorted_problems.items() if key in shown}
        self.tree.clear()
        for imported in self._imports:
            sheets = imported.sheets
            problems = sum(len(s.problems) for s in sheets)
            errors = sum(self._sorted(s).errors for s in sheets)  # graded once per sheet, kept while it is shown
            rows = sum(s.rows for s in sheets)
            top = QTreeWidgetItem(
                [f"{imported.provenance.file}  ({rows:,} rows, {_count_text(problems, errors, 'problems')})"]
            )
            top.setData(0, _ROLE_IMPORT, imported.id)
            top.setToolTip(
                0,
                f"{imported.source_path}\nSHA-256 {imported.provenance.sha256}\nimported {_when(imported.imported_at)}",
            )
            for sheet in sheets:
                sheet_errors = self._sorted(sheet).errors
                child = QTreeWidgetItem(
                    [
                        sheet.sheet + (" (hidden)" if sheet.hidden else ""),
                        kind_label(sheet.kind),
                        f"{sheet.rows:,}",
                        _count_text(len(sheet.problems), sheet_errors),
                    ]
                )
                child.setData(0, _ROLE_IMPORT, imported.id)
                child.setData(0, _ROLE_SHEET, sheet.sheet)
                if sheet_errors:
                    child.setForeground(3, QBrush(_SEVERITY_COLOUR[Severity.ERROR]))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)
        if not (current and self.select(*current)):  # the file shown was removed: show another, or nothing
            self._select_first_sheet()
        self.caption.setVisible(not self._imports)

    def select(self, import_id: int, sheet: str | None) -> bool:
        for top_index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(top_index)
            if top.data(0, _ROLE_IMPORT) != import_id:
                continue
            target = top
            for child_index in range(top.childCount()):
                if top.child(child_index).data(0, _ROLE_SHEET) == sheet:
                    target = top.child(child_index)
            self.tree.setCurrentItem(target)
            return True
        return False

    def current_selection(self) -> tuple[int, str | None] | None:
        item = self.tree.currentItem()
        return (item.data(0, _ROLE_IMPORT), item.data(0, _ROLE_SHEET)) if item else None

    def _select_first_sheet(self) -> None:
        if self.tree.topLevelItemCount() and self.tree.topLevelItem(0).childCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0).child(0))
        else:
            self._show_current(None, None)

    def _current_sheet(self):
        selection = self.current_selection()
        if not selection:
            return None, None
        imported = next((i for i in self._imports if i.id == selection[0]), None)
        if imported is None or selection[1] is None:
            return imported, None
        return imported, next((s for s in imported.sheets if s.sheet == selection[1]), None)

    def _show_current(self, current, previous) -> None:
        imported, sheet = self._current_sheet()
        # a register's column names are resources/lessons_vocabulary.toml's, not a mapping's
        self.map_button.setEnabled(sheet is not None and sheet.kind is not ReturnKind.LESSONS_REGISTER)
        self.reimport_button.setEnabled(imported is not None)
        self.remove_button.setEnabled(imported is not None)
        if sheet is None:
            self.table_model.set_frame(pd.DataFrame())
            problems = [p for s in imported.sheets for p in s.problems] if imported else []
            self.problems_model.set_problems(problems)
            return
        problems = self._sorted(sheet)
        frame = sheet.frame if sheet.frame is not None else pd.DataFrame()
        words = self.words if sheet.kind is ReturnKind.COMPLAINTS_LOG else None  # a log's codes in words
        self.table_model.set_frame(frame, problems, words)
        self.problems_model.set_problems(problems)

    def _sorted(self, sheet) -> SortedProblems:
        """The sheet's problems sorted, once while it is in the project (showing it again costs nothing)."""
        kept = self._sorted_problems.get(id(sheet))
        if kept is None or kept[0] is not sheet:
            kept = self._sorted_problems[id(sheet)] = (sheet, SortedProblems(sheet.problems))
        return kept[1]

    # --- going to a problem -------------------------------------------------

    def go_to_problem(self, index: QModelIndex) -> None:
        """Select the row and cell a problem is about (rows not read show the nearest row read)."""
        problem = self.problems_model.problems[index.row()]
        if problem.row is None:
            return
        frame = self.table_model.frame
        if "row" not in frame or frame.empty:
            return
        rows = frame["row"].to_numpy()
        position = int((rows < problem.row).sum())  # the row itself, or where it would have been
        position = min(position, len(rows) - 1)
        self.table_model.ensure_row_loaded(position)
        column = self._column_for(problem)
        target = self.table_model.index(position, column)
        self.table.setCurrentIndex(target)
        self.table.selectionModel().select(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _column_for(self, problem: Problem) -> int:
        imported, sheet = self._current_sheet()
        if sheet is None:
            return 0
        field_name = next((name for name, label in sheet.columns.items() if label == problem.column), None)
        columns = [c for c in self.table_model.frame.columns if c != "sheet"]
        return columns.index(field_name) if field_name in columns else 0

    def _emit_for_current(self, signal, with_sheet: bool = False) -> None:
        selection = self.current_selection()
        if not selection:
            return
        if with_sheet:
            if selection[1] is not None:
                signal.emit(selection[0], selection[1])
        else:
            signal.emit(selection[0])


def _when(stamp: str) -> str:
    """'2026-12-06T21:58:34+00:00' as '6 December 2026 at 21:58' (local time), or as written if it is not a time."""
    try:
        moment = dt.datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{long_date(moment.date())} at {moment:%H:%M}"


def _count_text(problems: int, errors: int, noun: str = "") -> str:
    if not problems:
        return f"no {noun}".strip() if noun else "none"
    noun = noun.rstrip("s") + ("s" if problems != 1 else "") if noun else ""
    counted = f"{problems:,} {noun}".strip()
    return f"{counted} ({errors:,} {'error' if errors == 1 else 'errors'})" if errors else counted
