"""Reading a domestic abuse series return: a sheet per service, as a partnership officer keeps them.

Each sheet is named for its service ("Police", "IDVA", "Early Help"): a header
row whose first cell is "Measure" (or "Locality") and then its periods
("2019-20", "12 months to June 2021"), a row per measure; where a service gives
a measure by locality, a heading row (its label and no figures) is followed by a
row per locality and, if the sheet has it, a total, which is checked against
the localities and never read over them. The sheets, measures and localities are
resources/domestic_abuse_series.toml's. Every cell that cannot be read is a
problem naming the file, sheet, row, column and value; a figure not given is a
note, never a zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from desktop_app.domain.da_series import Measure, Series, SeriesSpec, SeriesVocabulary, row_key
from desktop_app.domain.imports import Provenance
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.vocabulary import normalise
from desktop_app.excel.cells import shown
from desktop_app.excel.counts import missing_words, read_counts
from desktop_app.excel.table import cell_name
from desktop_app.excel.workbook import Sheet, Source

HEADER_SEARCH_ROWS = 30
VOCABULARY_FILE = "domestic_abuse_series.toml"


@dataclass
class SeriesImport:
    """What one workbook holds: each series found (by its key) and every problem found."""

    provenance: Provenance
    series: dict[str, Series] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class SeriesHeader:
    row: int  # 0-based
    label_column: int
    periods: dict[int, str]  # column -> its period as written


def series_header(sheet: Sheet, vocabulary: SeriesVocabulary, spec: SeriesSpec | None = None) -> SeriesHeader | None:
    """The first row with a label header ('Measure', or a series of categories' own: 'Referral source', 'Month')
    and something written to its right."""
    headers = vocabulary.label_headers | ({normalise(spec.category)} if spec is not None and spec.category else set())
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        label = next((at for at, cell in enumerate(row) if normalise(shown(cell)) in headers), None)
        if label is None:
            continue
        periods = {at: shown(row[at]).strip() for at in range(label + 1, len(row)) if shown(row[at]).strip()}
        if periods:
            return SeriesHeader(index, label, periods)
    return None


def is_series_workbook(source: Source, vocabulary: SeriesVocabulary) -> bool:
    """Whether a sheet of the workbook is named for a series and has its header."""
    return any(
        (spec := vocabulary.series_for_sheet(sheet.name)) is not None
        and series_header(sheet, vocabulary, spec) is not None
        for sheet in source.sheets
    )


def read_series(source: Source, vocabulary: SeriesVocabulary) -> SeriesImport:
    """Every series of the workbook (a sheet each; a series' second sheet is an error, the first used), in the order
    of the series file, whatever the order of the sheets."""
    read = SeriesImport(source.provenance)
    sheets: dict[str, str] = {}
    for sheet in source.sheets:
        spec = vocabulary.series_for_sheet(sheet.name)
        header = series_header(sheet, vocabulary, spec)
        file = source.provenance.file
        if spec is None:
            if header is not None:
                message = f"the sheet is not one of the series ({VOCABULARY_FILE} names their sheets); passed over"
                read.problems.append(Problem(Severity.NOTE, message, file, sheet.name))
            continue
        if header is None:
            message = f"no header row (a cell such as 'Measure' with the periods to its right) for {spec.label}"
            read.problems.append(Problem(Severity.ERROR, f"{message}; the sheet is not used", file, sheet.name))
            continue
        if spec.key in sheets:
            message = f"{spec.label} is given again (first on sheet '{sheets[spec.key]}'); the first sheet is used"
            read.problems.append(Problem(Severity.ERROR, message, file, sheet.name))
            continue
        sheets[spec.key] = sheet.name
        read.series[spec.key] = _SheetReader(read, sheet, spec, header, vocabulary.total_words).series()
    read.series = {key: read.series[key] for key in vocabulary.series if key in read.series}  # the file's order
    return read


class _SheetReader:
    """One service's sheet being read, with the problems it adds to its file's."""

    def __init__(
        self, read: SeriesImport, sheet: Sheet, spec: SeriesSpec, header: SeriesHeader, total_words: frozenset[str]
    ) -> None:
        self.read, self.sheet, self.spec, self.header = read, sheet, spec, header
        self.total_words = total_words
        self.words = missing_words()
        self.label_header = shown(self.cell(header.row, header.label_column)).strip()
        self.periods: dict[int, str] = {}
        for at, period in header.periods.items():
            if period in self.periods.values():
                self.problem(Severity.ERROR, "the period is given again; its second column is not used", header.row, at)
            else:
                self.periods[at] = period

    def cell(self, index: int, position: int) -> object:
        row = self.sheet.rows[index]
        return row[position] if position < len(row) else ""

    def problem(self, severity: Severity, message: str, index: int, position: int, column: str = "") -> None:
        value = shown(self.cell(index, position))
        file, cell = self.read.provenance.file, cell_name(position, index + 1)
        column = column or self.periods.get(position, "") or self.label_header
        self.read.problems.append(Problem(severity, message, file, self.sheet.name, index + 1, column, cell, value))

    def series(self) -> Series:
        rows: dict[str, tuple[int, pd.Series]] = {}  # row key -> (its row, its figures)
        totals: dict[str, int] = {}  # a by-locality measure -> its total's row
        heading: Measure | None = None
        label_at = self.header.label_column
        for index in range(self.header.row + 1, len(self.sheet.rows)):
            label = shown(self.cell(index, label_at)).strip()
            given = [at for at in self.periods if shown(self.cell(index, at)).strip()]
            if not label and not given:
                continue
            if self.spec.by_category:
                if normalise(label) in self.total_words and not self.spec.percent:
                    totals.setdefault("", index)
                elif label:
                    self.keep(rows, label, index)
                elif given:
                    message = "has figures but no label saying which of them it is; the row is not used"
                    self.problem(Severity.WARNING, message, index, label_at)
                continue
            measure = self.spec.measure_for(label) if label else None
            locality = self.spec.locality_for(label) if label else None
            if measure is not None and measure.by_locality:
                heading = measure
                if given:
                    message = "is the heading over the localities, so its figures are not used (the localities are)"
                    self.problem(Severity.WARNING, message, index, given[0])
                continue
            if measure is not None:
                heading = None
                self.keep(rows, row_key(measure.key), index)
            elif locality is not None and heading is not None:
                self.keep(rows, row_key(heading.key, locality), index)
            elif normalise(label) in self.total_words and heading is not None:
                totals.setdefault(heading.key, index)
            elif locality is not None:
                message = "is a locality, but no heading above it names its measure; the row is not used"
                self.problem(Severity.WARNING, message, index, label_at)
            elif given:
                message = f"has figures, but its label is not one of the series' rows ({VOCABULARY_FILE})"
                self.problem(Severity.WARNING, f"{message}; the row is not used", index, label_at)
            else:
                self.problem(
                    Severity.NOTE, "is neither a heading nor a row the series knows; passed over", index, label_at
                )
        values = pd.DataFrame(
            {key: figures for key, (_, figures) in rows.items()}, index=list(self.periods.values()), dtype=float
        ).T
        self.missing_rows(values)
        series = Series(self.spec, values.reindex(columns=list(self.periods.values())), self.where())
        for measure, index in totals.items():
            self.check_total(series, measure, index)
        return series

    def where(self) -> str:
        return f"{self.read.provenance.file}, sheet '{self.sheet.name}'"

    def keep(self, rows: dict[str, tuple[int, pd.Series]], key: str, index: int) -> None:
        """Read a row's figures into `rows` (a row given again is an error, the first kept)."""
        if key in rows:
            message = f"the row is given again (first on row {rows[key][0] + 1}); the first row is used"
            self.problem(Severity.ERROR, message, index, self.header.label_column)
            return
        cells = pd.Series([self.cell(index, at) for at in self.periods], index=list(self.periods))
        numbers, found, _ = read_counts(cells, self.words, whole=not self.spec.percent)
        for at, (severity, message) in found.items():
            self.problem(severity, message, index, int(at))  # type: ignore[call-overload]
        for at in self.periods:
            if not shown(self.cell(index, at)).strip():
                self.problem(Severity.NOTE, "no figure is given: it is left out, not read as zero", index, at)
        rows[key] = (index, pd.Series(numbers.to_numpy(dtype=float), index=list(self.periods.values())))

    def missing_rows(self, values: pd.DataFrame) -> None:
        """A measure (or a locality of one) the sheet has no row for: a warning naming the sheet."""
        for measure in self.spec.measures.values():
            places = self.spec.localities if measure.by_locality else ("",)
            absent = [place for place in places if row_key(measure.key, place) not in values.index]
            if not absent or (measure.optional and len(absent) == len(places)):
                continue  # an optional measure is given whole or not at all
            what = measure.label + (f" ({', '.join(absent)})" if measure.by_locality else "")
            message = f"no row for {what}; its figures are not given"
            file = self.read.provenance.file
            self.read.problems.append(Problem(Severity.WARNING, message, file, self.sheet.name))

    def check_total(self, series: Series, measure: str, index: int) -> None:
        """A total row under the localities (or categories) that they do not add up to: a warning naming its cell."""
        if measure:
            added = series.row(measure)
        else:
            added = series.values.sum(axis=0).where(series.values.notna().all(axis=0))
        rows_are = self.spec.category_plural if not measure else "localities"
        for at, period in self.periods.items():
            cell = pd.Series([self.cell(index, at)])
            total, _, _ = read_counts(cell, self.words)
            if pd.isna(total[0]) or pd.isna(added[period]) or total[0] == added[period]:
                continue
            message = (
                f"the total is {shown(self.cell(index, at))}, but the {rows_are} add up to {added[period]:,.0f}; "
                f"the {rows_are} are used"
            )
            self.problem(Severity.WARNING, message, index, at)
