"""Reading a safe accommodation return (Domestic Abuse Act 2021, Part 4) as a council keeps it.

The return's sheet is labelled rows under a header of years ("Measure | 2022-23 |
2023-24"): heading rows ("Specialist characteristics", a label and no figures)
say which part the rows below belong to, so "Other reason" under "Households
whose support ended" is that reason; then the strategy's rows (published?
Yes/No, the date published, the date last reviewed). The rows' spellings are
resources/safe_accommodation_vocabulary.toml's. A second sheet, or another
workbook, may hold the department's published tables: a row per area (a region,
England), a column per row of the return, the publisher's symbols ([c], [x]) as
printed. Every cell that cannot be read is a problem naming the file, sheet,
row, column and value; a figure not given is a note, never a zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop_app.domain.imports import Provenance
from desktop_app.domain.marac import read_period
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.safe_accommodation import (
    PublishedTables,
    SafeAccommodationReturn,
    SafeAccommodationVocabulary,
    Strategy,
    load_safe_accommodation_vocabulary,
)
from desktop_app.domain.vocabulary import normalise
from desktop_app.excel.cells import parse_dates, shown
from desktop_app.excel.counts import missing_words, read_counts
from desktop_app.excel.table import cell_name
from desktop_app.excel.workbook import Sheet, Source, WorkbookError, opened

HEADER_SEARCH_ROWS = 30
MIN_KNOWN_ROWS = 2
VOCABULARY_FILE = "safe_accommodation_vocabulary.toml"


@dataclass
class SafeAccommodationImport:
    """What one file holds: the council's return (None where it holds only published tables), the published
    tables (None where it holds none), and every problem found."""

    provenance: Provenance
    figures: SafeAccommodationReturn | None = None
    published: PublishedTables | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ReturnHeader:
    row: int  # 0-based
    label_column: int
    years: dict[int, str]  # column -> '2023-24'


@dataclass(frozen=True)
class PublishedHeader:
    row: int
    area_column: int
    fields: dict[int, str]  # column -> field


def return_header(sheet: Sheet, vocabulary: SafeAccommodationVocabulary) -> ReturnHeader | None:
    """The first row of years ('2022-23', '2023-24', none a quarter) with, below it, rows the return knows (two at
    least, so another return's row of years above a 'Male' row is not taken for one)."""
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        years = {}
        for position, cell in enumerate(row):
            period = read_period(shown(cell))
            if period is not None and period.quarter == 0:
                years[position] = period.year
        if not years or min(years) == 0:
            continue
        label_column = next((at for at in range(min(years)) if shown(row[at]).strip()), 0)
        below = (shown(r[label_column]) for r in sheet.rows[index + 1 :] if len(r) > label_column)
        known = {vocabulary.field_for(label, None) for label in below} - {None}
        if len(known) >= MIN_KNOWN_ROWS:
            return ReturnHeader(index, label_column, years)
    return None


def published_header(sheet: Sheet, vocabulary: SafeAccommodationVocabulary) -> PublishedHeader | None:
    """The first row naming the area and at least two of the return's rows as columns."""
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        area = next((at for at, cell in enumerate(row) if normalise(shown(cell)) in vocabulary.area_headers), None)
        if area is None:
            continue
        columns = {}
        for position, cell in enumerate(row):
            key = vocabulary.field_for(shown(cell), None) if position != area else None
            if key and key not in columns.values():
                columns[position] = key
        if len(columns) >= 2:
            return PublishedHeader(index, area, columns)
    return None


def is_safe_accommodation(path: Path | Source, vocabulary: SafeAccommodationVocabulary | None = None) -> bool:
    """Whether a sheet of the file is a safe accommodation return or the published tables."""
    vocabulary = vocabulary or load_safe_accommodation_vocabulary()
    return any(return_header(sheet, vocabulary) or published_header(sheet, vocabulary) for sheet in opened(path).sheets)


def read_safe_accommodation(
    path: Path | Source, vocabulary: SafeAccommodationVocabulary | None = None
) -> SafeAccommodationImport:
    """The return and the published tables of a file (the first sheet of each); WorkbookError where it has
    neither."""
    vocabulary = vocabulary or load_safe_accommodation_vocabulary()
    source = opened(path)
    read = SafeAccommodationImport(source.provenance)
    for sheet in source.sheets:
        header = return_header(sheet, vocabulary)
        if header is not None and read.figures is None:
            read.figures = _Sheet(read, sheet, vocabulary).return_rows(header)
            continue
        published = published_header(sheet, vocabulary)
        if published is not None and read.published is None:
            read.published = _Sheet(read, sheet, vocabulary).published_rows(published)
    if read.figures is None and read.published is None:
        raise WorkbookError(
            f"{source.provenance.file}: no sheet is a safe accommodation return (a header of years such as "
            f"2023-24 above rows {VOCABULARY_FILE} names) or the published tables (a column 'Area' and "
            "columns named as the return's rows)"
        )
    return read


class _Sheet:
    """One sheet being read, with the problems it adds to its file's."""

    def __init__(self, read: SafeAccommodationImport, sheet: Sheet, vocabulary: SafeAccommodationVocabulary) -> None:
        self.read, self.sheet, self.vocabulary = read, sheet, vocabulary
        self.words = missing_words()
        self.where = f"{read.provenance.file}, sheet '{sheet.name}'"

    def cell(self, index: int, position: int) -> object:
        row = self.sheet.rows[index]
        return row[position] if position < len(row) else ""

    def problem(self, severity: Severity, message: str, index: int, position: int, column: str) -> None:
        value = shown(self.cell(index, position))
        cell = cell_name(position, index + 1)
        file = self.read.provenance.file
        self.read.problems.append(Problem(severity, message, file, self.sheet.name, index + 1, column, cell, value))

    # --- the council's return ---------------------------------------------------------------------

    def return_rows(self, header: ReturnHeader) -> SafeAccommodationReturn:
        vocabulary = self.vocabulary
        years = dict(sorted(header.years.items(), key=lambda item: item[1]))
        rows: dict[str, int] = {}  # field -> its row
        strategy_rows: dict[str, int] = {}
        group: str | None = None
        label_at = header.label_column
        label_header = shown(self.cell(header.row, label_at)).strip() or "label"
        for index in range(header.row + 1, len(self.sheet.rows)):
            label = shown(self.cell(index, header.label_column)).strip()
            given = [at for at in years if shown(self.cell(index, at)).strip()]
            if not label and not given:
                continue
            if not given and normalise(label) in vocabulary.headings:  # a heading, though a row may share its words
                group = vocabulary.headings[normalise(label)]
                continue
            key = vocabulary.field_for(label, group) if label else None
            row_kind = vocabulary.strategy_rows.get(normalise(label)) if label else None
            if key is None and row_kind is None:
                if given:
                    message = f"has figures, but its label is not one of the return's rows ({VOCABULARY_FILE})"
                    self.problem(Severity.WARNING, f"{message}; the row is not used", index, label_at, label_header)
                else:
                    message = "is neither a heading nor a row the return knows; passed over"
                    self.problem(Severity.NOTE, message, index, label_at, label_header)
                continue
            found = rows if key is not None else strategy_rows
            name = key if key is not None else row_kind
            assert name is not None
            if name in found:
                self.problem(
                    Severity.ERROR,
                    f"the row is given again (first on row {found[name] + 1}); the first row is used",
                    index,
                    label_at,
                    label_header,
                )
                continue
            found[name] = index
        figures = pd.DataFrame(float("nan"), index=list(vocabulary.fields), columns=list(years.values()))
        for position, year in years.items():
            if not rows:
                break
            indexes = list(rows.values())
            values = pd.Series([self.cell(index, position) for index in indexes], index=indexes, dtype="object")
            numbers, found_problems, _ = read_counts(values, self.words)
            for index, (severity, message) in found_problems.items():
                self.problem(severity, message, int(index), position, year)  # type: ignore[call-overload]
            for key, index in rows.items():
                figures.at[key, year] = numbers[index]
                if not shown(values[index]).strip():
                    self.problem(
                        Severity.NOTE,
                        f"no figure is given for {year}: the appendix says so, and counts it nowhere",
                        index,
                        position,
                        year,
                    )
        for key, spec in vocabulary.fields.items():
            if key not in rows:
                self.read.problems.append(
                    Problem(
                        Severity.NOTE,
                        f"the return has no row for {spec.label!r} ({vocabulary.groups[spec.group].label}); "
                        "the appendix says it is not given",
                        self.read.provenance.file,
                        self.sheet.name,
                    )
                )
        return SafeAccommodationReturn(figures, self.strategy(strategy_rows, years), self.where)

    def strategy(self, rows: dict[str, int], years: dict[int, str]) -> Strategy:
        """The strategy's answers from the latest year's cell that gives one."""
        read: dict[str, object] = {}
        for name, index in rows.items():
            filled = [at for at in reversed(years) if shown(self.cell(index, at)).strip()]
            if not filled:
                self.problem(
                    Severity.NOTE, "no answer is given in any year's column", index, max(years), years[max(years)]
                )
                continue
            position = filled[0]
            value = self.cell(index, position)
            if name == "published":
                answer = self.vocabulary.answers.get(normalise(shown(value)))
                if answer is None:
                    self.problem(
                        Severity.WARNING,
                        "is not Yes or No; the strategy's status is not given",
                        index,
                        position,
                        years[position],
                    )
                read[name] = answer
                continue
            parsed, reason = parse_dates(pd.Series([value], dtype="object"))
            if pd.isna(parsed.iloc[0]):
                why = reason.iloc[0] or "is not a date"
                self.problem(Severity.WARNING, f"{why}; the date is not given", index, position, years[position])
                continue
            read[name] = parsed.iloc[0].date()
        published = read.get("published")
        if published is None and isinstance(read.get("published_on"), dt.date):
            published = True
        return Strategy(published, read.get("published_on"), read.get("reviewed_on"))  # type: ignore[arg-type]

    # --- the published tables -----------------------------------------------------------------------

    def published_rows(self, header: PublishedHeader) -> PublishedTables:
        header_row = self.sheet.rows[header.row]
        areas: dict[str, int] = {}
        for index in range(header.row + 1, len(self.sheet.rows)):
            area = shown(self.cell(index, header.area_column)).strip()
            if not area:
                if any(shown(self.cell(index, at)).strip() for at in header.fields):
                    self.problem(
                        Severity.WARNING,
                        "the row has figures but no area; it is not used",
                        index,
                        header.area_column,
                        "area",
                    )
                continue
            if area in areas:
                self.problem(
                    Severity.ERROR, "the area is given again; its first row is used", index, header.area_column, "area"
                )
                continue
            areas[area] = index
        fields = list(self.vocabulary.fields)
        values = pd.DataFrame(float("nan"), index=list(areas), columns=fields)
        symbols = pd.DataFrame("", index=list(areas), columns=fields, dtype="object")
        indexes = list(areas.values())
        for position, key in header.fields.items():
            column = shown(header_row[position]).strip()
            cells = pd.Series([self.cell(index, position) for index in indexes], index=list(areas), dtype="object")
            numbers, found, written = read_counts(cells, self.words)
            for area, (severity, message) in found.items():
                if severity is not Severity.NOTE:  # a publisher's symbol is printed as published, not a problem
                    self.problem(severity, message, areas[str(area)], position, column)
            values[key] = numbers
            symbols[key] = written
        return PublishedTables(values, symbols, self.where)
