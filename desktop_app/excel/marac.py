"""Reading a MARAC return: one row per year ("2020-21") or per quarter ("2020-21 Q1").

The sheet has a title row or two, then a header naming at least the period and
the referrals (the spellings of resources/marac_return_vocabulary.toml), then a
row per year or quarter: referrals, those from the police, male victims, BAME,
disability, LGBT, repeat cases, refuge spaces, and the populations the
benchmarks need (adult women, everyone, the BAME share). Every cell that cannot
be read is a problem naming the file, sheet, row, column and value: a period
that is not one leaves its row out, a count that is not a number leaves that
figure out (its measure is then "not compared", with the reason), never a zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop_app.domain.imports import Provenance
from desktop_app.domain.marac import (
    COUNTS,
    POPULATIONS,
    MaracVocabulary,
    load_marac_vocabulary,
    marac_years,
    read_period,
)
from desktop_app.domain.problems import Problem, Severity
from desktop_app.excel.cells import shown
from desktop_app.excel.counts import missing_words, read_counts
from desktop_app.excel.table import cell_name
from desktop_app.excel.workbook import Sheet, Source, WorkbookError, opened

HEADER_SEARCH_ROWS = 30
#: The first cell of a row that totals the rows above it: passed over, not read as a year.
TOTAL_WORDS = ("total", "totals", "grand total", "all years")


@dataclass
class MaracImport:
    """The return's rows as read (`year`, `quarter` and each field), its years, and every problem found."""

    rows: pd.DataFrame
    provenance: Provenance
    problems: list[Problem] = field(default_factory=list)

    @property
    def years(self) -> pd.DataFrame:
        """One row per year, the quarters added up (domain.marac.marac_years)."""
        return marac_years(self.rows)


def marac_header(sheet: Sheet, vocabulary: MaracVocabulary) -> tuple[int, dict[int, str]] | None:
    """The first row naming the period and the referrals, and which column holds which field."""
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        for position, cell in enumerate(row):
            name = vocabulary.field_for_header(cell) if shown(cell).strip() else None
            if name and name not in columns.values():
                columns[position] = name
        if {"period", "referrals"} <= set(columns.values()):
            return index, columns
    return None


def read_marac_return(path: Path | Source, vocabulary: MaracVocabulary | None = None) -> MaracImport:
    """The return's years and quarters from every sheet with a MARAC header; WorkbookError where none has one."""
    vocabulary = vocabulary or load_marac_vocabulary()
    source = opened(path)
    file = source.provenance.file
    frames: list[pd.DataFrame] = []
    problems: list[Problem] = []
    words = missing_words()
    for sheet in source.sheets:
        found = marac_header(sheet, vocabulary)
        if found is not None:
            frame, found_problems = _read_sheet(file, sheet, *found, words)
            frames.append(frame)
            problems += found_problems
    if not frames:
        needed = ", ".join(repr(vocabulary.headers[name]) for name in ("period", "referrals"))
        raise WorkbookError(f"{file}: no sheet has a MARAC return's header row (it must name {needed})")
    rows = pd.concat(frames, ignore_index=True)
    rows, repeated = _one_row_per_period(rows, file)
    return MaracImport(rows, source.provenance, problems + repeated)


def _read_sheet(
    file: str, sheet: Sheet, header: int, columns: dict[int, str], words: dict[str, str]
) -> tuple[pd.DataFrame, list[Problem]]:
    labels = {name: shown(sheet.rows[header][position]).strip() for position, name in columns.items()}
    position = {name: at for at, name in columns.items()}
    problems: list[Problem] = []

    def problem(severity: Severity, message: str, index: int, name: str, value: object) -> None:
        cell = cell_name(position[name], index + 1)
        problems.append(Problem(severity, message, file, sheet.name, index + 1, labels[name], cell, shown(value)))

    def cell(row: list[object], name: str) -> object:
        at = position.get(name)
        return row[at] if at is not None and at < len(row) else ""

    kept: list[int] = []
    periods: list[tuple[str, int]] = []
    for index in range(header + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if not any(shown(value).strip() for value in row):
            continue
        written = shown(cell(row, "period")).strip()
        if written.casefold() in TOTAL_WORDS:
            continue
        period = read_period(written)
        if period is None:
            problem(
                Severity.ERROR,
                "the period is not a year such as 2020-21 or a quarter such as 2020-21 Q1; the row is not used",
                index,
                "period",
                written,
            )
            continue
        kept.append(index)
        periods.append((period.year, period.quarter))
    data = pd.DataFrame(
        {"year": [year for year, _ in periods], "quarter": [quarter for _, quarter in periods], "sheet": sheet.name},
        index=kept,
    )
    data["row"] = [index + 1 for index in kept]
    for name in (*COUNTS, *POPULATIONS):
        if name not in position:
            data[name] = float("nan")
            continue
        values = pd.Series([cell(sheet.rows[index], name) for index in kept], index=kept, dtype="object")
        numbers, found, _ = read_counts(values, words, whole=name in COUNTS)
        for index, (severity, message) in found.items():
            problem(severity, message, index, name, values[index])  # type: ignore[arg-type]
        data[name] = numbers
    for index in kept:
        referrals = data.at[index, "referrals"]
        for name in ("police", "male", "bame", "disability", "lgbt", "repeats"):
            if name in position and data.at[index, name] > referrals:
                problem(
                    Severity.WARNING,
                    f"is more than the {referrals:,.0f} referrals of its row; check the figure",
                    index,
                    name,
                    cell(sheet.rows[index], name),
                )
    return data.reset_index(drop=True), problems


def _one_row_per_period(rows: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """A year or quarter given twice keeps its first row; a year given whole and in quarters keeps the whole
    year's row; each dropped row is a problem naming it."""
    problems: list[Problem] = []
    whole_years = set(rows.loc[rows["quarter"] == 0, "year"])
    keep = []
    seen: set[tuple[str, int]] = set()
    for index, row in rows.iterrows():
        period = (str(row["year"]), int(row["quarter"]))
        label = period[0] if not period[1] else f"{period[0]} Q{period[1]}"
        if period in seen:
            message = f"{label} is given again; the first row for it is used and this one is not"
        elif period[1] and period[0] in whole_years:
            message = f"{period[0]} is given as a whole year too; its quarters' rows are not added to it"
        else:
            seen.add(period)
            keep.append(index)
            continue
        problems.append(Problem(Severity.ERROR, message, file, str(row["sheet"]), int(row["row"])))
    return rows.loc[keep].reset_index(drop=True), problems
