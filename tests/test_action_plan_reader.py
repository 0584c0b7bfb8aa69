"""Reading an action plan as a partnership keeps it: real workbooks written with openpyxl, with the plan's slips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.domain.milestones import MilestoneKind
from desktop_app.excel.action_plan import read_action_plan
from desktop_app.excel.workbook import WorkbookError
from sample_data.make_action_plan import HEADERS


def action(number, priority, milestone, rag=None, how="Deliver it.") -> tuple:
    return (number, priority, "DA Act 2021", "A deliverable.", how, "T & F Group 2", "Measured.", milestone, rag)


def write_plan(path: Path, rows: list, merged_themes: bool = True, header=HEADERS) -> Path:
    """A plan: a title row, a blank row, the header on row 3, then `rows` (a str is a theme heading row)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet["A1"] = "Domestic Abuse Action Plan 2023-2028"
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        if isinstance(row, str):
            sheet.append([row])
            if merged_themes:
                sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=9)
            continue
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "mmm-yy" if cell.value.day == 1 else "dd/mm/yyyy"
    book.save(path)
    return path


@pytest.fixture
def slips(tmp_path) -> Path:
    """Two themes (the second's heading written alone in the No. column, not merged), multi-paragraph cells,
    every way of writing a milestone, and the slips seed 002's plan has and more."""
    return write_plan(
        tmp_path / "plan.xlsx",
        [
            "Leadership and Governance -",
            "Ensuring the Partnership has an effective structure.",
            action(1, "Agree the structure of the Partnership.", dt.datetime(2023, 5, 1), "Complete"),
            action(
                2,
                "Raise awareness of the review.",
                "Sept 23 and ongoing",
                "Amber - two boards still to visit",
                how="Attend the boards.\n\nReport back to the Partnership.",
            ),
            action(None, "Develop a reporting framework.", dt.datetime(2023, 9, 15), "Green"),
            action(3, "Review the Terms of Reference.", "Quarterly", "Purple"),
            action(5, "Develop an annual report.", "TBC", ""),
            action(5, "Agree partnership branding.", "Dec 23 and on going", "red"),
            HEADERS,  # pasted from Word page by page
            action(6, "Develop a risk register.", "Sep-25", "G"),
        ],
    )


def test_themes_are_the_merged_heading_rows_with_their_descriptions(slips):
    plan = read_action_plan(slips).plan
    assert plan.title == "Domestic Abuse Action Plan 2023-2028"
    assert [theme.name for theme in plan.themes] == ["Leadership and Governance"]
    assert plan.themes[0].description == "Ensuring the Partnership has an effective structure."
    assert [action.number for action in plan.actions] == ["1", "2", "", "3", "5", "5", "6"]
    assert plan.headers["status"] == "Progress RAG Rated"


def test_a_heading_alone_in_the_number_column_starts_a_theme_without_a_merge(tmp_path):
    path = write_plan(
        tmp_path / "plan.xlsx",
        ["Prevent", action(1, "Inform the public.", "May-24"), "Protect & Repair:", action(1, "Support.", "May-24")],
        merged_themes=False,
    )
    plan = read_action_plan(path).plan
    assert [(theme.name, len(theme.actions)) for theme in plan.themes] == [("Prevent", 1), ("Protect & Repair", 1)]


def test_cells_keep_their_paragraphs_and_a_rag_cell_its_note(slips):
    second = read_action_plan(slips).plan.actions[1]
    assert second.how == "Attend the boards.\n\nReport back to the Partnership."
    assert (second.given.code, second.given.note) == ("amber", "two boards still to visit")


def test_milestones_are_read_as_the_plan_writes_them(slips):
    milestones = [action.milestone for action in read_action_plan(slips).plan.actions]
    read = [(m.kind, m.text, m.due, m.start) for m in milestones]
    assert read == [
        (MilestoneKind.MONTH, "May-23", dt.date(2023, 5, 31), None),  # a date cell shown "mmm-yy": the month
        (MilestoneKind.OPEN_ENDED, "Sept 23 and ongoing", None, dt.date(2023, 9, 1)),
        (MilestoneKind.DATE, "15 September 2023", dt.date(2023, 9, 15), None),  # a dated cell: the day
        (MilestoneKind.RECURRING, "Quarterly", None, None),
        (MilestoneKind.UNREAD, "TBC", None, None),
        (MilestoneKind.OPEN_ENDED, "Dec 23 and on going", None, dt.date(2023, 12, 1)),
        (MilestoneKind.MONTH, "Sep-25", dt.date(2025, 9, 30), None),
    ]


def test_every_slip_names_its_row_column_and_value(slips):
    found = {(p.row, p.column, p.value, p.message) for p in read_action_plan(slips).problems}
    assert (
        8,
        "No.",
        "Develop a reporting framework.",
        "Leadership and Governance: an action has no number (after 2)",
    ) in found
    assert (10, "No.", "5", "Leadership and Governance: the numbering skips 4") in found
    assert (11, "No.", "5", "Leadership and Governance: number 5 is used twice (first on row 10)") in found
    unknown = [p for p in read_action_plan(slips).problems if p.value == "Purple"]
    assert unknown and unknown[0].row == 9 and unknown[0].column == "Progress RAG Rated" and unknown[0].cell == "I9"
    tbc = [p for p in read_action_plan(slips).problems if p.value == "TBC"]
    assert tbc and tbc[0].column == "What are the key milestones & Completion Date?" and "not a date" in tbc[0].message
    assert any(p.row == 12 and "repeats the header" in p.message for p in read_action_plan(slips).problems)
    assert all(p.file == "plan.xlsx" and p.sheet == "Plan" for p in read_action_plan(slips).problems)


def test_a_rag_column_empty_for_every_action_is_said_once(tmp_path):
    path = write_plan(
        tmp_path / "plan.xlsx", ["Prevent", action(1, "Inform.", "May-23"), action(2, "Train.", "May-24")]
    )
    problems = read_action_plan(path).problems
    assert [p.message for p in problems if p.column == "Progress RAG Rated"] == [
        "the RAG column is empty for every one of the 2 actions: the plan gives no progress, so each action is "
        "shown as a status rule decides it or as not rated"
    ]


def test_a_workbook_without_a_plan_header_is_refused_in_one_sentence(tmp_path):
    path = write_plan(tmp_path / "other.xlsx", [], header=("Reference", "Summary"))
    with pytest.raises(WorkbookError, match="other.xlsx: no sheet has an action plan's header row"):
        read_action_plan(path)
