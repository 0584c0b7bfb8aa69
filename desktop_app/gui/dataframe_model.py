"""A pandas DataFrame in a QTableView, without copying it into widgets.

Rows are handed to the view in chunks as the user scrolls (canFetchMore /
fetchMore, as Spyder's DataFrame editor does), so 100,000 rows open at once,
and cells are formatted in data() by role (a code shown as its word there too,
cell by cell as it is seen, not column by column as the frame is set). Rows with
a problem are tinted and carry the problem as a tooltip.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Protocol

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

CHUNK_ROWS = 500
_TINT = {"error": QColor(253, 226, 226), "warning": QColor(255, 243, 205), "note": QColor(230, 240, 250)}
_HIDDEN_COLUMNS = {"sheet"}


class RowProblems(Protocol):
    """What a row is tinted with: (severity, text) by the row's Excel row number (a dict will do)."""

    def __len__(self) -> int: ...

    def get(self, row: int) -> tuple[str, str] | None: ...


class DataFrameModel(QAbstractTableModel):
    """Read-only view of a frame; `row_problems` gives a frame row's problem by its Excel row number, asked only
    when the row is drawn, and `words` a column's codes to the words shown for them."""

    def __init__(self, frame: pd.DataFrame | None = None, row_problems: RowProblems | None = None, parent=None):
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._columns: list[str] = []
        self._loaded = 0
        self._row_problems: RowProblems = {}
        self._words: list[dict[str, str] | None] = []
        self.set_frame(frame if frame is not None else pd.DataFrame(), row_problems or {})

    def set_frame(
        self,
        frame: pd.DataFrame,
        row_problems: RowProblems | None = None,
        words: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._frame = frame
        self._columns = [c for c in frame.columns if c not in _HIDDEN_COLUMNS]
        self._words = [(words or {}).get(column) for column in self._columns]
        self._loaded = min(CHUNK_ROWS, len(frame))
        self._row_problems = row_problems or {}
        self.endResetModel()

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._loaded < len(self._frame)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        more = min(CHUNK_ROWS, len(self._frame) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def ensure_row_loaded(self, row: int) -> None:
        """Fetch chunks until `row` exists in the view (to jump to a problem's row)."""
        while row >= self._loaded and self.canFetchMore():
            self.fetchMore()

    def row_for_excel_row(self, excel_row: int) -> int | None:
        if "row" not in self._frame:
            return None
        matches = (self._frame["row"].to_numpy() == excel_row).nonzero()[0]
        return int(matches[0]) if len(matches) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            name = self._columns[section]
            return "Excel row" if name == "row" else name.replace("_", " ").capitalize()
        return str(section + 1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._frame.iat[row, self._frame.columns.get_loc(self._columns[column])]
            words = self._words[column]
            text = words.get(value, value) if words and isinstance(value, str) else _shown(value)
            if role == Qt.ItemDataRole.ToolTipRole:
                problem = self._problem(row)
                return f"{text}\n\n{problem[1]}" if problem else (text if len(text) > 40 else None)
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            problem = self._problem(row)
            return QBrush(_TINT[problem[0]]) if problem else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._frame.iat[row, self._frame.columns.get_loc(self._columns[column])]
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if numeric else None
        return None

    def _problem(self, row: int) -> tuple[str, str] | None:
        if not self._row_problems or "row" not in self._frame:
            return None
        return self._row_problems.get(int(self._frame["row"].iat[row]))


def _shown(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "Yes" if value else "No"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.10g}"
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return (
            value.strftime("%d/%m/%Y") if value == pd.Timestamp(value).normalize() else value.strftime("%d/%m/%Y %H:%M")
        )
    return str(value)
