"""The Returns tab lists every problem of a sheet, errors first, each kind in row order; a row of the sheet is
shown with its own problem (its error first); clicking a problem goes to its row and cell (a row not used: where
it would have been)."""

from __future__ import annotations

import datetime as dt
import random

import openpyxl
from PySide6.QtCore import Qt

from desktop_app.domain.problems import Problem, Severity
from desktop_app.gui.returns_tab import SortedProblems
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures

BAD_ROWS = (12, 250, 640, 1180)  # the sheet's rows (as Excel numbers them) whose date cannot be read


def test_problems_are_listed_errors_first_in_row_order_and_each_row_finds_its_own():
    chooser = random.Random(7)
    severities = [Severity.NOTE, Severity.WARNING, Severity.ERROR]
    problems = [
        Problem(chooser.choice(severities), f"problem {n}", row=chooser.choice([None, *range(2, 40)]))
        for n in range(400)
    ]
    problems_of = SortedProblems(problems)
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
    assert len(problems_of) == 400
    assert problems_of.listed == sorted(problems, key=lambda p: (rank[p.severity], p.row or 0))
    for row in range(1, 41):
        mine = [p for p in problems if p.row == row]
        first = next((p for p in mine if p.severity is Severity.ERROR), mine[0] if mine else None)
        assert problems_of.get(row) == (None if first is None else (first.severity.value, first.message))


def test_every_problem_is_listed_in_row_order_and_a_click_goes_to_its_cell(make_window, qtbot, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Log"
    workbook.active.append(["Complaint Ref", "Process", "Stage", "Date Received"])
    for row in range(2, 1301):
        received = "31/02/2022" if row in BAD_ROWS else dt.date(2022, 5, 9)
        workbook.active.append([f"C{row}", "Statutory", "1", received])
    path = tmp_path / "log with bad dates.xlsx"
    workbook.save(path)
    window = make_window()
    window.import_paths([path])
    wait_for_task(qtbot, window)
    tab = window.returns_tab
    listed = tab.problems_model.problems
    errors = [p for p in listed if p.severity is Severity.ERROR]
    assert [p.row for p in errors] == list(BAD_ROWS)
    assert listed[: len(errors)] == errors  # errors first
    assert tab.problems_model.rowCount() == len(window.project.imports[0].sheets[0].problems)

    last = len(errors) - 1  # row 1180: beyond the rows the table holds until it is scrolled
    tab.problems.scrollTo(tab.problems_model.index(last, 0))
    qtbot.mouseClick(
        tab.problems.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.problems.visualRect(tab.problems_model.index(last, 1)).center(),
    )
    current = tab.table.currentIndex()
    model = tab.table_model
    assert model.headerData(current.column(), Qt.Orientation.Horizontal) == "Received"
    assert model.data(model.index(current.row(), 0)) == "C1181"  # row 1180 is not used: the row read after it
    assert model.data(model.index(current.row() - 1, 0)) == "C1179"
