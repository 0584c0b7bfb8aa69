"""The rows under a header, and the problems found in them, cell by cell.

Both the complaints log reader and the other return readers take the body of a
sheet as a frame (one column per field, indexed by Excel's row numbers) and
report unreadable cells through a RowProblems, which names the file, sheet,
row, column, cell and value of every problem and remembers which rows are in
error (those are left out of the result).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.vocabulary import normalise
from desktop_app.excel.cells import distinct_cells, shown
from desktop_app.excel.headers import Header
from desktop_app.excel.workbook import Sheet


def cell_name(position: int, row: int) -> str:
    """'C7' for column position 2 (0-based) on Excel row 7."""
    return f"{column_letters(position)}{row}"


def column_letters(position: int) -> str:
    """'C' for column position 2 (0-based)."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def body_frame(sheet: Sheet, header: Header) -> pd.DataFrame:
    """The cells below the header, one column per field, blank rows dropped, indexed by Excel row."""
    body = sheet.grid[header.index + 1 :]
    columns = {}
    for position in sorted(header.fields):
        if position < body.shape[1]:
            cells = body[:, position].copy()
            cells[cells == ""] = None
        else:
            cells = np.full(len(body), None, dtype=object)
        columns[header.fields[position]] = cells
    start = header.index + 2
    frame = pd.DataFrame(columns, index=pd.RangeIndex(start, start + len(body)), dtype="object")
    return frame[~frame.isna().all(axis=1)]


def total_rows(sheet: Sheet, header: Header, rows: pd.Index, total_words: dict[str, str]) -> pd.Index:
    """Rows (Excel numbers) whose first filled cell says Total: checked, not read as data."""
    found = []
    for row in rows:
        cells = sheet.rows[row - 1]
        first = next((cell for cell in cells[:3] if cell not in ("", None)), None)
        if isinstance(first, str) and normalise(first) in total_words:
            found.append(row)
    return pd.Index(found, dtype="int64")


def non_data_rows(sheet: Sheet, header: Header, rows: pd.Index) -> tuple[pd.Index, pd.Index]:
    """Rows that are not data: the header repeated (a sub-table starts) and lone notes.

    A repeated header has at least half of its filled cells equal to the header's
    labels in the same columns. A note is a row with one filled cell holding a
    sentence (or starting with '*'), such as a footnote or a key below a table.
    Worked out a column at a time: filled cells counted per row, each distinct value compared with its
    label once; a column of nearly all different values (the reference) only in the rows that could
    still be a header.
    """
    header_row = {
        position: normalise(cell) for position, cell in enumerate(sheet.rows[header.index]) if cell not in ("", None)
    }
    cells = sheet.grid[rows.to_numpy(dtype=np.int64) - 1]
    filled = np.zeros(cells.shape, dtype=bool)
    same = np.zeros(len(cells), dtype=np.int64)
    spelt_apart = []  # columns compared cell by cell, in the rows that could be a header only
    for position in range(cells.shape[1]):
        column = cells[:, position]
        filled[:, position] = (column != "") & ~np.equal(column, None)
        if position not in header_row:
            continue
        codes, values = distinct_cells(np.where(filled[:, position], column, None))
        if len(values) * 2 > len(column):  # nearly every cell different: nothing saved value by value
            spelt_apart.append(position)
            continue
        label = header_row[position]
        matches = np.array([normalise(value) == label for value in values] + [False])[codes]
        odd = filled[:, position] & (codes < 0)  # filled, but read as missing (NaN)
        matches[odd] = [normalise(cell) == label for cell in cells[odd, position]]
        same += matches
    count = filled.sum(axis=1)
    if spelt_apart:
        could_be = (count >= 2) & ((same + filled[:, spelt_apart].sum(axis=1)) * 2 >= count)
        for position in spelt_apart:
            label, at = header_row[position], np.flatnonzero(could_be & filled[:, position])
            same[at] += np.array([normalise(cell) == label for cell in cells[at, position]], dtype=bool)
    repeats = (count >= 2) & (same * 2 >= count)
    alone = np.flatnonzero(count == 1)
    lone_cells = cells[alone, filled[alone].argmax(axis=1)] if len(alone) else []
    notes = [
        row for row, cell in zip(rows[alone], lone_cells, strict=True) if isinstance(cell, str) and _is_sentence(cell)
    ]
    return pd.Index(rows[repeats], dtype="int64"), pd.Index(notes, dtype="int64")


def _is_sentence(text: str) -> bool:
    text = text.strip()
    return text.startswith(("*", "Note", "Source")) or (len(text) >= 15 and " " in text)


class RowProblems:
    """Collects problems about cells of one sheet; remembers which rows are in error."""

    def __init__(self, file: str, sheet: Sheet, header: Header, raw: pd.DataFrame):
        self.file, self.sheet, self.header, self.raw = file, sheet, header, raw
        self.problems: list[Problem] = []
        self.errors = pd.Series(False, index=raw.index)

    def add(self, severity: Severity, field_name: str, mask: pd.Series, message: pd.Series | str) -> None:
        """One problem per row where `mask` holds; an ERROR also marks the row as not used."""
        mask = mask.reindex(self.raw.index, fill_value=False).fillna(False).astype(bool)
        if not mask.any():
            return
        if severity is Severity.ERROR:
            self.errors |= mask
        position = self.header.column_of(field_name)
        rows = mask.index[mask.to_numpy()]
        values = self.raw[field_name].loc[rows] if field_name in self.raw else pd.Series(None, index=rows)
        messages = [message] * len(rows) if isinstance(message, str) else message.loc[rows]
        suffix = ": the row is not used" if severity is Severity.ERROR else ""
        label = self.header.labels.get(position, field_name) if position is not None else field_name
        letters = column_letters(position) if position is not None else None
        self.problems.extend(
            Problem(
                severity,
                f"{text}{suffix}",
                self.file,
                self.sheet.name,
                row,
                label,
                f"{letters}{row}" if letters is not None else "",
                shown(value),
            )
            for row, text, value in zip(rows.tolist(), messages, values.tolist(), strict=True)
        )

    def add_once_per_word(self, field_name: str, mask: pd.Series, message: Callable[[str, int], str]) -> None:
        """One WARNING per distinct word (as normalised) where `mask` holds, at its first row:
        `message(word, rows)` says what it is and how to teach it. The rows stay in use."""
        mask = mask.reindex(self.raw.index, fill_value=False).fillna(False).astype(bool)
        if not mask.any() or field_name not in self.raw:
            return
        words = self.raw.loc[mask, field_name].map(lambda value: shown(value).strip())
        keys = words.map(normalise)
        position = self.header.column_of(field_name)
        label = self.header.labels.get(position, field_name) if position is not None else field_name
        for _, rows in words.groupby(keys, sort=False):
            first = int(rows.index[0])
            word = rows.iloc[0]
            self.problems.append(
                Problem(
                    Severity.WARNING,
                    message(word, len(rows)),
                    self.file,
                    self.sheet.name,
                    first,
                    label,
                    cell_name(position, first) if position is not None else "",
                    word,
                )
            )

    def set_aside(self, repeats: pd.Index, notes: pd.Index) -> None:
        """Say which rows were not read as data, and why."""
        for row in repeats:
            self.note_sheet(Severity.NOTE, "the header again (a sub-table starts here): not data", int(row))
        for row in notes:
            self.note_sheet(Severity.NOTE, "a note, not data: not read", int(row))

    def note_sheet(self, severity: Severity, message: str, row: int | None = None, column: str = "") -> None:
        self.problems.append(Problem(severity, message, self.file, self.sheet.name, row, column))

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda problem: (problem.row or 0, problem.cell))
