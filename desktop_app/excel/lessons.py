"""Reading a lessons-learned register: a row per learning point per reporting date.

The sheet may have a title row or two, then a header naming at least the reference, the reporting date,
the learning point and the status (the spellings of resources/lessons_vocabulary.toml), then the rows.
Every cell that cannot be read is a problem naming the file, sheet, row, column and value, and leaves out
only what it says: a row without a reference, reporting date, learning point or a status the vocabulary
knows is not used; a due date that is not a date keeps the point without one (so it is never counted
overdue); a reference given twice for one reporting date keeps its first row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop_app.domain.imports import Provenance
from desktop_app.domain.lessons import LessonEntry, LessonsVocabulary, load_lessons_vocabulary
from desktop_app.domain.problems import Problem, Severity
from desktop_app.excel.cells import parse_dates, shown
from desktop_app.excel.table import cell_name
from desktop_app.excel.workbook import Sheet, Source, WorkbookError, open_source

HEADER_SEARCH_ROWS = 30
NEEDED = ("reference", "reported", "learning", "status")


@dataclass
class LessonsImport:
    """The register's entries as read, the file they came from, and every problem found."""

    entries: list[LessonEntry]
    provenance: Provenance
    problems: list[Problem] = field(default_factory=list)


def lessons_header(sheet: Sheet, vocabulary: LessonsVocabulary) -> tuple[int, dict[str, int]] | None:
    """The first row naming the needed columns, and the column of each field it names."""
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(row):
            name = vocabulary.field_for_header(cell) if shown(cell).strip() else None
            if name and name not in columns:
                columns[name] = position
        if set(NEEDED) <= set(columns):
            return index, columns
    return None


@dataclass
class RegisterSheet:
    """One sheet of a register as read: its header row (as Excel numbers it), each field's header as written,
    the header's cells, the entries with the row each was read from, and the sheet's problems."""

    sheet: Sheet
    header_row: int
    columns: dict[str, str]
    labels: list[str]
    entries: list[LessonEntry]
    rows: list[int]
    problems: list[Problem]


def read_register_sheets(source: Source, vocabulary: LessonsVocabulary | None = None) -> list[RegisterSheet]:
    """Every sheet of `source` with a register's header, read (a reference given twice for one reporting date
    is a problem across the sheets too); none where no sheet has one. The command line's --lessons and the
    importer of returns both read a register here."""
    vocabulary = vocabulary or load_lessons_vocabulary()
    seen: set[tuple[str, dt.date]] = set()
    read = []
    for sheet in source.sheets:
        found = lessons_header(sheet, vocabulary)
        if found is None:
            continue
        header, columns = found
        reader = _SheetReader(source.provenance.file, sheet, header, columns, vocabulary, seen)
        reader.read()
        labels = {name: shown(sheet.rows[header][at]).strip() for name, at in columns.items()}
        cells = [text for text in (shown(cell).strip() for cell in sheet.rows[header]) if text]
        read.append(RegisterSheet(sheet, header + 1, labels, cells, reader.entries, reader.rows, reader.problems))
    return read


def read_lessons_register(path: Path, vocabulary: LessonsVocabulary | None = None) -> LessonsImport:
    """The register's entries from every sheet with its header; WorkbookError where no sheet has one."""
    vocabulary = vocabulary or load_lessons_vocabulary()
    source = open_source(Path(path))
    sheets = read_register_sheets(source, vocabulary)
    if not sheets:
        needed = ", ".join(repr(vocabulary.headers[name]) for name in NEEDED)
        raise WorkbookError(
            f"{source.provenance.file}: no sheet has a lessons register's header row (it must name {needed})"
        )
    entries = [entry for sheet in sheets for entry in sheet.entries]
    return LessonsImport(entries, source.provenance, [problem for sheet in sheets for problem in sheet.problems])


@dataclass
class _SheetReader:
    file: str
    sheet: Sheet
    header: int
    columns: dict[str, int]
    vocabulary: LessonsVocabulary
    seen: set[tuple[str, dt.date]]  # every sheet's so far: a reference given twice is found across them
    entries: list[LessonEntry] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # the sheet row (as Excel numbers it) of each entry
    problems: list[Problem] = field(default_factory=list)

    def problem(self, severity: Severity, message: str, index: int, name: str = "") -> None:
        at = self.columns.get(name)
        label = shown(self.sheet.rows[self.header][at]).strip() if at is not None else ""
        cell = cell_name(at, index + 1) if at is not None else ""
        value = shown(self.cell(index, name)) if name else ""
        self.problems.append(Problem(severity, message, self.file, self.sheet.name, index + 1, label, cell, value))

    def cell(self, index: int, name: str) -> object:
        row = self.sheet.rows[index]
        at = self.columns.get(name)
        return row[at] if at is not None and at < len(row) else ""

    def text(self, index: int, name: str) -> str:
        return " ".join(shown(self.cell(index, name)).split())

    def date(self, index: int, name: str) -> tuple[dt.date | None, str]:
        """The cell's date, or None with the reason it is not one ('' for a blank cell)."""
        parsed, reason = parse_dates(pd.Series([self.cell(index, name)], dtype="object"))
        return (None, reason.iloc[0]) if pd.isna(parsed.iloc[0]) else (parsed.iloc[0].date(), "")

    def read(self) -> None:
        seen = self.seen
        for index in range(self.header + 1, len(self.sheet.rows)):
            if not any(shown(value).strip() for value in self.sheet.rows[index]):
                continue
            entry = self.entry(index)
            if entry is None:
                continue
            if (entry.key, entry.reported) in seen:
                self.problem(
                    Severity.ERROR,
                    f"the reference {entry.reference} is given again for {entry.reported:%d/%m/%Y}; the first row "
                    "for it is used and this one is not",
                    index,
                    "reference",
                )
                continue
            seen.add((entry.key, entry.reported))
            self.entries.append(entry)
            self.rows.append(index + 1)

    def entry(self, index: int) -> LessonEntry | None:
        """The row's entry, or None (with the problem named) where it cannot be used."""
        unused = "; the row is not used"
        reference, learning, status_word = (self.text(index, name) for name in ("reference", "learning", "status"))
        for name, value in (("reference", reference), ("learning", learning)):
            if not value:
                self.problem(
                    Severity.ERROR, f"the {self.vocabulary.headers[name].lower()} is blank{unused}", index, name
                )
                return None
        reported, reason = self.date(index, "reported")
        if reported is None:
            self.problem(Severity.ERROR, f"the reporting date {reason or 'is blank'}{unused}", index, "reported")
            return None
        words = ", ".join(repr(status.label) for status in self.vocabulary.statuses.values())
        status = self.vocabulary.status_code(status_word) if status_word else None
        if status is None:
            said = "is blank" if not status_word else "is not a status this register knows"
            self.problem(Severity.ERROR, f"the status {said}; use one of {words}{unused}", index, "status")
            return None
        due, reason = self.date(index, "due")
        if reason:
            self.problem(
                Severity.WARNING,
                f"the due date {reason}; the point is kept without a due date, so it is not counted as overdue",
                index,
                "due",
            )
        return LessonEntry(
            reference,
            reported,
            learning,
            status,
            self.text(index, "action"),
            self.text(index, "owner"),
            due,
            self.text(index, "service"),
        )
