"""Reading a safe accommodation return as a council keeps it: real workbooks written with openpyxl, with the awkward
cells councils type and the bad ones named by their cell."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.domain.problems import Severity
from desktop_app.excel.safe_accommodation import read_safe_accommodation
from desktop_app.excel.workbook import WorkbookError
from desktop_app.paths import SAMPLE_DATA


def workbook(path: Path, rows: list[tuple], published: list[tuple] | None = None) -> Path:
    """A return: a title, a header of years on row 3, then `rows` from row 4; `published` on a second sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Return"
    sheet["A1"] = "Safe accommodation return"
    sheet.append([])
    sheet.append(["Measure", "2022-23", "2023-24"])
    for row in rows:
        sheet.append(list(row))
    if published is not None:
        tables = book.create_sheet("Published")
        for row in published:
            tables.append(list(row))
    book.save(path)
    return path


def test_the_sample_return_reads_without_a_warning_and_holds_its_hand_worked_figures():
    read = read_safe_accommodation(SAMPLE_DATA / "safe_accommodation_2023-24.xlsx")
    assert [p.severity for p in read.problems if p.severity is not Severity.NOTE] == []
    figures = read.figures.figures
    assert read.figures.periods == ["2022-23", "2023-24"]
    assert figures.loc[["adults", "children", "households_supported"], "2023-24"].tolist() == [412, 634, 398]
    assert figures.at["not_supported_other", "2023-24"] == 4 and figures.at["ended_other", "2023-24"] == 19
    assert read.figures.strategy.published is True
    assert read.figures.strategy.published_on == dt.date(2022, 1, 5)
    assert list(read.published.values.index) == ["North West", "England"]
    assert read.published.symbols.at["North West", "older"] == "[c]"


def test_awkward_cells_are_read_as_a_council_types_them(tmp_path):
    rows = [
        ("  ADULTS SUPPORTED: ", "1,046", 412),  # a label in capitals with a colon; a count typed as text
        ("Accompanying children", " 634 ", 634.0),
        ("Households whose support ended", None, None),  # a heading row that shares a row's words
        ("Moved on to settled accommodation", 10, 12),
        ("Other reason", 3, 4),  # under the heading above: the ended reason
        ("Households that could not be supported", None, None),
        ("Other", 1, 2),  # now the not-supported reason
        ("Strategy", None, None),
        ("Has the strategy been published?", "", "Y"),
        ("Date published", "5 January 2022", ""),
        ("Last reviewed", dt.datetime(2024, 12, 1), None),
    ]
    read = read_safe_accommodation(workbook(tmp_path / "return.xlsx", rows))
    figures = read.figures.figures
    assert figures.at["adults", "2022-23"] == 1046 and figures.at["children", "2022-23"] == 634
    assert (figures.at["settled", "2023-24"], figures.at["ended_other", "2023-24"]) == (12, 4)
    assert (figures.at["ended_other", "2022-23"], figures.at["not_supported_other", "2023-24"]) == (3, 2)
    assert read.figures.strategy.published is True
    assert read.figures.strategy.published_on == dt.date(2022, 1, 5)
    assert read.figures.strategy.reviewed_on == dt.date(2024, 12, 1)
    assert [p for p in read.problems if p.severity is not Severity.NOTE] == []


def test_an_unreadable_count_is_a_warning_naming_its_cell_and_it_is_left_out_never_zero(tmp_path):
    path = workbook(
        tmp_path / "return.xlsx", [("Adults supported", 371, "about 400"), ("Children supported", 560, 634)]
    )
    read = read_safe_accommodation(path)
    (problem,) = [p for p in read.problems if p.severity is Severity.WARNING]
    assert (problem.file, problem.sheet, problem.row, problem.column, problem.cell, problem.value) == (
        "return.xlsx",
        "Return",
        4,
        "2023-24",
        "C4",
        "about 400",
    )
    assert "is not a number; the figure is left out" in problem.message
    assert math.isnan(read.figures.figures.at["adults", "2023-24"])
    assert read.figures.figures.at["adults", "2022-23"] == 371


def test_a_missing_cell_and_a_missing_row_are_notes_naming_where(tmp_path):
    path = workbook(tmp_path / "return.xlsx", [("Adults supported", 371, None), ("Children supported", 560, 634)])
    problems = read_safe_accommodation(path).problems
    blank = next(p for p in problems if p.cell == "C4")
    assert blank.severity is Severity.NOTE and "no figure is given for 2023-24" in blank.message
    refuge = next(p for p in problems if "'Refuge'" in p.message)
    assert refuge.severity is Severity.NOTE and refuge.sheet == "Return" and not refuge.cell
    assert "the return has no row for 'Refuge' (Commissioned bedspaces, by type)" in refuge.message


def test_bad_cells_each_named_a_row_given_twice_an_unknown_label_a_date_and_an_answer(tmp_path):
    rows = [
        ("Adults supported", 371, "40%"),
        ("Children supported", -2, 634),
        ("Adults", 1, 1),
        ("Bedspaces in hotels", 3, 4),
        ("Strategy published", "", "Maybe"),
        ("Date strategy published", "", "31/02/2022"),
    ]
    problems = {p.cell: p for p in read_safe_accommodation(workbook(tmp_path / "return.xlsx", rows)).problems}
    assert "is a percentage, but the column holds counts" in problems["C4"].message
    assert problems["B5"].message == "is below zero; the figure is left out"
    assert problems["A6"].severity is Severity.ERROR and "given again (first on row 4)" in problems["A6"].message
    assert problems["A7"].severity is Severity.WARNING and problems["A7"].value == "Bedspaces in hotels"
    assert "its label is not one of the return's rows" in problems["A7"].message
    assert problems["C8"].message == "is not Yes or No; the strategy's status is not given"
    assert problems["C9"].severity is Severity.WARNING and problems["C9"].value == "31/02/2022"


def test_the_published_tables_keep_the_publishers_symbols_as_printed(tmp_path):
    published = [
        ("Support in safe accommodation, 2023-24",),
        ("Region", "Adults supported", "Children supported", "Disabled", "Refuge bedspaces"),
        ("North West", "4,120", 5480, "[c]", "x"),
        ("England", 29830, 38960, 3910, 2715),
        ("", 1, 2, 3, 4),
    ]
    read = read_safe_accommodation(
        workbook(tmp_path / "return.xlsx", [("Adults", 1, 2), ("Children", 3, 4)], published)
    )
    tables = read.published
    assert tables.values.at["North West", "adults"] == 4120 and math.isnan(tables.values.at["North West", "disabled"])
    assert (tables.symbols.at["North West", "disabled"], tables.symbols.at["North West", "refuge"]) == ("[c]", "x")
    (problem,) = [p for p in read.problems if p.sheet == "Published"]
    assert (problem.cell, problem.message) == ("A5", "the row has figures but no area; it is not used")


def test_a_workbook_that_is_neither_says_what_it_must_hold(tmp_path):
    book = Workbook()
    book.active.append(["Indicator", "Value"])
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(WorkbookError, match=r"other.xlsx: no sheet is a safe accommodation return .*2023-24"):
        read_safe_accommodation(tmp_path / "other.xlsx")
