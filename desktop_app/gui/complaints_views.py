"""The Complaints tab's tables: the appendix's tables as the PDF prints them, and lists of cases.

`FigureTableModel` adapts a report model `Table` (the appendix's words and figures); the lists of cases are
DataFrameModels (the frame stays a frame), whose subclass here only adds how a row looks.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop_app.gui.column_widths import fit_columns
from desktop_app.gui.dataframe_model import DataFrameModel
from desktop_app.report.model import Selection, Table

# The appendix's colours (resources/report_style.toml: table_header_background, table_total_background).
HEADER_BACKGROUND = QColor("#d9e2f3")
TOTAL_BACKGROUND = QColor("#e7e6e6")
OVERDUE_TINT = QColor(253, 226, 226)
LATE_TINT = QColor(255, 243, 205)
LABEL_COLUMN_MIN = 150
NUMBER_COLUMN_MIN = 72
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class FigureTableModel(QAbstractTableModel):
    """A table of the appendix: header rows tinted and bold, totals bold, each figure saying what it counts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = Table("", [], [], "")
        self._rows: list[list[str]] = []
        self._columns = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self._header_brush, self._total_brush = QBrush(HEADER_BACKGROUND), QBrush(TOTAL_BACKGROUND)

    def set_table(self, table: Table) -> bool:
        """Show `table`; True where its shape or words changed (so rows may need new heights), False where
        only figures changed (the view keeps its row heights)."""
        old, rows = self._rows, table.texts()
        same = (
            len(old) == len(rows)
            and old[: len(self.table.header)] == rows[: len(table.header)]
            and [r[0] for r in old] == [r[0] for r in rows]
            and self.table.spans == table.spans
        )
        if same:
            self.table, self._rows = table, rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self._columns - 1))
            return False
        self.beginResetModel()
        self.table, self._rows = table, rows
        self._columns = max((len(row) for row in rows), default=0)
        self.endResetModel()
        return True

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def text(self, row: int, column: int) -> str:
        cells = self._rows[row]
        return cells[column] if column < len(cells) else ""

    def cell(self, index: QModelIndex) -> Selection | None:
        """The cases behind the figure at `index`, or None where it is not a figure."""
        if not index.isValid():
            return None
        return self.table.rows[index.row()][index.column()].selection

    def column_heading(self, column: int) -> str:
        """The header rows' words over `column` (a spanned heading counts for each column under it)."""
        words = []
        for row in range(len(self.table.header)):
            text = self.text(row, column)
            for span in self.table.spans:
                if span.row <= row < span.row + span.rows and span.column <= column < span.column + span.columns:
                    text = self._rows[span.row][span.column]
            if text and text not in words:
                words.append(text)
        return ", ".join(words)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        header = row < len(self.table.header)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if header or row in self.table.total_rows else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if header:
                return self._header_brush
            return self._total_brush if row in self.table.total_rows else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return _LEFT
            return _CENTRE if header else _RIGHT
        value = self.text(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.cell(index)
            if found is None:
                return None
            return f"{found.label}: {value}\nDouble-click, or press Enter, to list the cases behind this figure."
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if header or column == 0:
                return value
            return f"{self.text(row, 0)}, {self.column_heading(column)}: {value}"
        return None


class FigureTable(QTableView):
    """A table of the appendix, as tall as its rows (the page around it scrolls), keyboard-navigable.

    Signals:
        figure_chosen(object): the `Selection` of a figure the user double-clicked or pressed Enter on
    """

    figure_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.figures = FigureTableModel(self)
        self.setModel(self.figures)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleDescription("Double-click a figure, or press Enter on it, to list the cases behind it")
        self.activated.connect(self._activated)

    def set_table(self, table: Table) -> None:
        self.setAccessibleName(f"Table: {table.caption or table.key}")
        if not self.figures.set_table(table):
            return  # the same rows with new figures: the layout stands
        self.clearSpans()
        for span in table.spans:
            self.setSpan(span.row, span.column, span.rows, span.columns)
        for column in range(self.figures.columnCount()):
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.setMinimumWidth(
            LABEL_COLUMN_MIN + NUMBER_COLUMN_MIN * (self.figures.columnCount() - 1) + 2 * self.frameWidth()
        )
        self._share_width()
        self.fit()

    def _share_width(self) -> None:
        """The label column gets about a third of the width, the figures share the rest equally."""
        columns = self.figures.columnCount()
        width = self.viewport().width()
        if columns <= 1:
            self.setColumnWidth(0, width)
            return
        label = max(LABEL_COLUMN_MIN, int(width * 0.3))
        number = max(NUMBER_COLUMN_MIN, (width - label) // (columns - 1))
        self.setColumnWidth(0, width - number * (columns - 1) if width > label + number * (columns - 1) else label)
        for column in range(1, columns):
            self.setColumnWidth(column, number)

    def fit(self) -> None:
        """Rows as tall as their wrapped words; the table as tall as its rows."""
        self.resizeRowsToContents()
        height = sum(self.rowHeight(row) for row in range(self.figures.rowCount()))
        self.setFixedHeight(height + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._share_width()
            self.fit()

    def _activated(self, index: QModelIndex) -> None:
        cell = self.figures.cell(index)
        if cell is not None:
            self.figure_chosen.emit(cell)


class CasesModel(DataFrameModel):
    """Cases, one a row: column names shown as written; overdue rows red, late answers amber (the
    'Overdue', 'Working days overdue' and 'In time' columns say so in words too)."""

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return str(self.frame.columns[section])
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        frame = self.frame
        if role == Qt.ItemDataRole.BackgroundRole:
            row = index.row()
            if "Working days overdue" in frame or ("Overdue" in frame and bool(frame["Overdue"].iat[row])):
                return QBrush(OVERDUE_TINT)
            in_time = frame["In time"].iat[row] if "In time" in frame else None
            if in_time is not None and in_time is not pd.NA and not bool(in_time):
                return QBrush(LATE_TINT)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            name = frame.columns[index.column()]
            return _RIGHT if name in ("Working days", "Limit", "Working days overdue") else None
        return super().data(index, role)


class CasesList(QWidget):
    """A caption and the cases under it."""

    def __init__(self, name: str, caption: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = CasesModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(name)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrow keys move within it
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)

    def show_cases(self, caption: str, cases: pd.DataFrame, drop_shared: bool = True) -> None:
        """Show `cases`; columns with nothing in them (a statement date, a note, no limit at an ombudsman
        stage) and, with `drop_shared`, a procedure or stage every case shares (the caption names it) are
        left out."""
        empty = []
        if len(cases):
            empty = [name for name in cases.columns[1:] if (cases[name].isna() | cases[name].eq("")).all()]
            if drop_shared:
                empty += [name for name in ("Procedure", "Stage") if name in cases and cases[name].nunique() == 1]
        self.caption.setText(caption)
        self.model.set_frame(cases.drop(columns=empty))
        fit_columns(self.table)
