"""The rows under a header, and the problems found in them, cell by cell.

Both the complaints log reader and the other return readers take the body of a
sheet as a frame (one column per field, indexed by Excel's row numbers) and
report unreadable cells through a RowProblems, which names the file, sheet,
row, column, cell and value of every problem and remembers which rows are in
error (those are left out of the result).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.vocabulary import normalise
from desktop_app.excel.cells import shown
from desktop_app.excel.headers import Header
from desktop_app.excel.workbook import Sheet


def cell_name(position: int, row: int) -> str:
    """'C7' for column position 2 (0-based) on Excel row 7."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"


def body_frame(sheet: Sheet, header: Header) -> pd.DataFrame:
    """The cells below the header, one column per field, blank rows dropped, indexed by Excel row."""
    body = sheet.rows[header.index + 1 :]
    positions = sorted(header.fields)
    frame = pd.DataFrame(body, dtype="object").reindex(columns=positions) if body else pd.DataFrame(columns=positions)
    frame = frame.rename(columns=header.fields).replace("", None)
    frame.index = pd.RangeIndex(header.index + 2, header.index + 2 + len(frame))
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
    """
    header_row = {
        position: normalise(cell) for position, cell in enumerate(sheet.rows[header.index]) if cell not in ("", None)
    }
    repeats, notes = [], []
    for row in rows:
        filled = [(position, cell) for position, cell in enumerate(sheet.rows[row - 1]) if cell not in ("", None)]
        same = sum(header_row.get(position) == normalise(cell) for position, cell in filled)
        if len(filled) >= 2 and same * 2 >= len(filled):
            repeats.append(row)
        elif len(filled) == 1 and isinstance(filled[0][1], str) and _is_sentence(filled[0][1]):
            notes.append(row)
    return pd.Index(repeats, dtype="int64"), pd.Index(notes, dtype="int64")


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
        values = self.raw[field_name] if field_name in self.raw else pd.Series(None, index=self.raw.index)
        messages = pd.Series(message, index=self.raw.index) if isinstance(message, str) else message
        suffix = ": the row is not used" if severity is Severity.ERROR else ""
        label = self.header.labels.get(position, field_name) if position is not None else field_name
        for row in mask[mask].index:
            self.problems.append(
                Problem(
                    severity,
                    f"{messages[row]}{suffix}",
                    self.file,
                    self.sheet.name,
                    int(row),
                    label,
                    cell_name(position, int(row)) if position is not None else "",
                    shown(values[row]),
                )
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
