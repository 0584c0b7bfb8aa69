"""Reading a MARAC return from a real workbook: the sample's seed 001 figures, quarters, and bad cells named."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.domain.problems import Severity
from desktop_app.excel.marac import read_marac_return
from desktop_app.excel.workbook import WorkbookError
from desktop_app.paths import SAMPLE_DATA

HEADER = ("Year", "Referrals", "Police referrals", "Male victims", "LGBT", "Adult female population")


def workbook(path: Path, rows: list[tuple], header: tuple = HEADER, title: str = "MARAC 2020-21") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Return"
    sheet["A1"] = title
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_the_sample_return_holds_seed_001s_figures():
    read = read_marac_return(SAMPLE_DATA / "marac_2019-2021.xlsx")
    assert read.problems == []
    years = read.years.set_index("period")
    assert list(years.index) == ["2019-20", "2020-21"]
    assert years.loc["2020-21", ["referrals", "police", "male", "population"]].tolist() == [737, 612, 58, 275_899]
    assert years.loc["2019-20", "referrals"] == 576


def test_a_count_that_is_not_a_number_is_a_problem_naming_its_cell_and_the_figure_is_left_out(tmp_path):
    path = workbook(tmp_path / "marac.xlsx", [("2020-21", 737, "six hundred", 58, 7, 116_750)])
    read = read_marac_return(path)
    (problem,) = read.problems
    assert (problem.severity, problem.file, problem.sheet, problem.row, problem.column, problem.cell) == (
        Severity.WARNING,
        "marac.xlsx",
        "Return",
        4,
        "Police referrals",
        "C4",
    )
    assert problem.value == "six hundred"
    assert "is not a number; the figure is left out" in str(problem)
    year = read.years.iloc[0]
    assert year["referrals"] == 737 and year["police"] is None  # left out, never a zero


def test_a_period_that_is_not_a_year_leaves_its_row_out_with_an_error(tmp_path):
    path = workbook(tmp_path / "marac.xlsx", [("2020-21", 737, 612, 58, 7, 116_750), ("Last year", 576, 467, 38, 5, 1)])
    read = read_marac_return(path)
    (problem,) = read.problems
    assert (problem.severity, problem.row, problem.cell, problem.value) == (Severity.ERROR, 5, "A5", "Last year")
    assert list(read.years["period"]) == ["2020-21"]


def test_a_percentage_in_a_count_column_and_a_share_over_the_referrals_are_named(tmp_path):
    path = workbook(tmp_path / "marac.xlsx", [("2020-21", 737, "83%", 800, "n/a", 116_750)])
    problems = {p.column: p for p in read_marac_return(path).problems}
    assert "is a percentage, but the column holds counts" in problems["Police referrals"].message
    assert problems["Male victims"].message.startswith("is more than the 737 referrals of its row")
    assert problems["LGBT"].severity is Severity.NOTE  # n/a: no number, not a zero


def test_quarters_are_added_up_and_a_quarter_given_twice_is_named(tmp_path):
    rows = [(f"2020-21 Q{q}", 180, 150, 14, 2, 116_750) for q in (1, 2, 3, 4)] + [("Q4 2020-21", 1, 1, 1, 1, 1)]
    read = read_marac_return(workbook(tmp_path / "quarters.xlsx", rows))
    (problem,) = read.problems
    assert (problem.severity, problem.row) == (Severity.ERROR, 8)
    assert "2020-21 Q4 is given again" in problem.message
    year = read.years.iloc[0]
    assert (year["period"], year["quarters"], year["referrals"], year["police"]) == ("2020-21", 4, 720, 600)


def test_a_workbook_without_a_marac_header_says_what_it_must_name(tmp_path):
    path = workbook(tmp_path / "other.xlsx", [("a", 1)], header=("Indicator", "Value"))
    with pytest.raises(WorkbookError, match=r"other.xlsx: no sheet has a MARAC return's header row .*'Year'"):
        read_marac_return(path)
