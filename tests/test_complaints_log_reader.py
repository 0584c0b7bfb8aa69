"""Reading hand-kept complaints logs from real .xlsx files."""

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from desktop_app.domain.problems import Severity
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.excel.workbook import WorkbookError

GOOD = [
    "R1",
    "Statutory",
    "1",
    dt.date(2022, 5, 9),
    None,
    dt.date(2022, 5, 20),
    "No",
    "Upheld",
    "Decision Making",
    "Parent",
]


def read(path, rules, vocabulary):
    return read_complaints_log(path, vocabulary, rules)


def errors(imported):
    return [p for p in imported.problems if p.severity is Severity.ERROR]


def test_header_below_titles_and_varied_spellings(write_workbook, rules, vocabulary):
    path = write_workbook(
        [
            GOOD,
            [],
            [
                "R2",
                "CSC statutory",
                "Stage One",
                "03/04/2022",
                None,
                "3 April 2022",
                "Y",
                "Partly upheld",
                "Theme",
                "Parent",
            ],
            ["R3", "Corporate", "Stage 2", 44700, "20/05/2022", "20th May 2022", "", "Not upheld", None, None],
            [],
            ["R4", "ASC", 1, dt.datetime(2022, 6, 1, 14, 30), None, None, None, "Ongoing", None, None],
            [
                "R5",
                "Statutory children's",
                "LGSCO",
                "1-Jun-22",
                None,
                None,
                None,
                "Closed after initial enquiries",
                None,
                None,
            ],
            ["R6", "Corporate", "1", "1 June 2022", None, None, None, None, None, None],
        ],
        header=[
            "Ref",
            "Procedure",
            "Level",
            "Received",
            "Acknowledged",
            "Date closed",
            "Extended",
            "Outcome",
            "Theme",
            "Complainant",
        ],
        title_rows=[["Children's complaints"], ["Kept by the Complaints Team"], []],
    )
    imported = read(path, rules, vocabulary)
    assert imported.header_row == 4
    [stage2_alone] = imported.problems  # R3 is at Stage 2 with no Stage 1 in the log
    assert (stage2_alone.severity, stage2_alone.row, stage2_alone.cell) == (Severity.WARNING, 8, "C8")
    assert "no Stage 1 for this reference" in stage2_alone.message
    log = imported.log
    assert log["reference"].tolist() == ["R1", "R2", "R3", "R4", "R5", "R6"]
    assert log["procedure"].tolist() == [
        "childrens_statutory",
        "childrens_statutory",
        "corporate",
        "adult_social_care",
        "childrens_statutory",
        "corporate",
    ]
    assert log["stage"].tolist() == ["1", "1", "2", "1", "ombudsman", "1"]
    assert log["received"].dt.strftime("%Y-%m-%d").tolist() == [
        "2022-05-09",
        "2022-04-03",
        "2022-05-19",
        "2022-06-01",
        "2022-06-01",
        "2022-06-01",
    ]
    assert log["responded"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2022-05-20",
        "2022-04-03",
        "2022-05-20",
        "",
        "",
        "",
    ]
    assert log["extension"].tolist() == [False, True, False, False, False, False]
    assert log["outcome"].fillna("").tolist() == [
        "upheld",
        "partially_upheld",
        "not_upheld",
        "ongoing",
        "closed_after_initial_enquiries",
        "",
    ]
    assert log["row"].tolist() == [5, 7, 8, 10, 11, 12]  # Excel's row numbers, blank rows skipped


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (3, "04/13/2022", "US-style date"),
        (3, "31/02/2022", "not a real date"),
        (3, "next Tuesday", "not a date"),
        (3, 12, "is a number, not a date"),
        (3, None, "no date received"),
        (5, dt.date(2022, 5, 1), "is before the date received (09/05/2022)"),
        (0, None, "no complaint reference"),
        (1, "Housing", "is not a value this column accepts"),
        (1, None, "no procedure"),
        (2, "Stage 9", "is not a value this column accepts"),
    ],
    ids=[
        "us-date",
        "impossible-date",
        "words",
        "small-number",
        "no-received",
        "response-before-receipt",
        "no-reference",
        "unknown-procedure",
        "no-procedure",
        "unknown-stage",
    ],
)
def test_unreadable_cell_is_an_error_naming_the_cell_and_the_rest_still_loads(
    write_workbook, rules, vocabulary, column, value, message
):
    bad = list(GOOD)
    bad[column] = value
    bad[0] = bad[0] if column == 0 else "BAD"
    imported = read(write_workbook([GOOD, bad]), rules, vocabulary)
    assert imported.log["reference"].tolist() == ["R1"]
    [problem] = errors(imported)
    assert message in problem.message and problem.message.endswith("the row is not used")
    assert (problem.sheet, problem.row) == ("Complaints Log", 5)
    assert problem.cell == f"{'ABCDEFGH'[column]}5"
    assert (
        problem.column
        == [
            "Complaint Ref",
            "Process",
            "Stage",
            "Date Received",
            "Date Acknowledged",
            "Date Responded",
            "Extension Agreed",
            "Outcome",
        ][column]
    )
    if value is not None and column != 5:
        assert problem.value == str(value)


def test_warnings_keep_the_row(write_workbook, rules, vocabulary):
    rows = [
        ["W1", "Statutory", "1", dt.date(2022, 5, 9), None, dt.date(2022, 5, 20), "No", "Ongoing", None, None],
        ["W2", "Statutory", "1", dt.date(2022, 5, 9), None, None, "No", "Upheld", None, None],
        ["W3", "Statutory", "1", dt.date(2022, 5, 9), None, dt.date(2022, 5, 20), "No", None, None, None],
    ]
    imported = read(write_workbook(rows, header=[*HEADER_WITH_NOTES]), rules, vocabulary)
    assert len(imported.log) == 3
    messages = {(p.row, p.severity): p.message for p in imported.problems}
    assert "counted as finalised" in messages[(4, Severity.WARNING)]
    assert "counted as open" in messages[(5, Severity.WARNING)]
    assert "left out of the upheld figure" in messages[(6, Severity.WARNING)]
    assert "not used for the complaints figures" in messages[(3, Severity.NOTE)]


HEADER_WITH_NOTES = [
    "Complaint Ref",
    "Process",
    "Stage",
    "Date Received",
    "Date Acknowledged",
    "Date Responded",
    "Extension Agreed",
    "Outcome",
    "Category",
    "Made by",
    "Officer notes",
]


def test_the_same_complaint_twice_at_one_stage_is_named_with_both_rows_and_counted_once(
    write_workbook, rules, vocabulary
):
    other = ["R2", *GOOD[1:]]
    imported = read(write_workbook([GOOD, other, [" R1 ", *GOOD[1:]]]), rules, vocabulary)  # the third is padded
    assert imported.log["reference"].tolist() == ["R1", "R2"]
    [twice] = imported.problems
    assert (twice.severity, twice.row, twice.column) == (Severity.WARNING, 6, "Complaint Ref")
    assert twice.message == "the same complaint at the same stage as row 4: counted once, from that row"


def test_ombudsman_decisions_are_kept_as_written(write_workbook, rules, vocabulary):
    row = [
        "R9",
        "Statutory",
        "Ombudsman",
        dt.date(2022, 5, 9),
        None,
        None,
        None,
        "Closed: complainant withdrew",
        None,
        None,
    ]
    imported = read(write_workbook([row]), rules, vocabulary)
    assert imported.problems == []
    assert imported.log.loc[0, "decision"] == "Closed: complainant withdrew"
    assert pd.isna(imported.log.loc[0, "outcome"])


def test_log_is_found_on_a_later_sheet(tmp_path, rules, vocabulary):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Read me"
    workbook.active.append(["This workbook holds the complaints log"])
    log = workbook.create_sheet("Data")
    log.append(["Reference", "Type", "Stage", "Date logged"])
    log.append(["R1", "Corporate", "1", dt.date(2022, 5, 9)])
    path = tmp_path / "two sheets.xlsx"
    workbook.save(path)
    imported = read(path, rules, vocabulary)
    assert imported.sheet == "Data" and len(imported.log) == 1
    assert imported.log["responded"].isna().all()  # optional columns may be absent


def test_hidden_sheet_is_read_with_a_warning(tmp_path, rules, vocabulary):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Summary"])
    hidden = workbook.create_sheet("Log")
    hidden.sheet_state = "hidden"
    hidden.append(["Reference", "Type", "Stage", "Date logged"])
    hidden.append(["R1", "Corporate", "1", dt.date(2022, 5, 9)])
    path = tmp_path / "hidden.xlsx"
    workbook.save(path)
    imported = read(path, rules, vocabulary)
    assert len(imported.log) == 1
    assert [p.message for p in imported.problems] == ["the complaints log is on a hidden sheet"]


def test_missing_required_column_is_named(write_workbook, rules, vocabulary):
    path = write_workbook([["R1", "1", dt.date(2022, 5, 9)]], header=["Reference", "Stage", "Date Received"])
    with pytest.raises(WorkbookError, match="has no column for procedure"):
        read(path, rules, vocabulary)


def test_sheet_with_no_log_header(write_workbook, rules, vocabulary):
    path = write_workbook([[1, 2]], header=["Month", "Value"])
    with pytest.raises(WorkbookError, match="no sheet has a complaints log header"):
        read(path, rules, vocabulary)


def test_files_that_are_not_workbooks(tmp_path, rules, vocabulary):
    text = tmp_path / "notes.xlsx"
    text.write_text("Reference,Stage\n")
    with pytest.raises(WorkbookError, match="notes.xlsx: is not an Excel workbook"):
        read(text, rules, vocabulary)
    with pytest.raises(WorkbookError, match="missing.xlsx: no such file"):
        read(tmp_path / "missing.xlsx", rules, vocabulary)


def test_password_protected_workbook(write_workbook, tmp_path, rules, vocabulary):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_workbook([GOOD])
    locked = tmp_path / "locked.xlsx"
    with open(plain, "rb") as source, open(locked, "wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    with pytest.raises(WorkbookError, match="locked.xlsx: is password-protected"):
        read(locked, rules, vocabulary)


def test_a_true_cell_is_not_the_number_1(write_workbook, rules, vocabulary):
    """TRUE and 1 are equal in Python: each is still read as itself, wherever the other comes first."""
    true_stage = [*GOOD[:2], True, *GOOD[3:]]
    number_stage = [*GOOD[:2], 1, *GOOD[3:]]
    extension_true = [*GOOD[:6], True, *GOOD[7:]]
    extension_one = [*GOOD[:6], 1, *GOOD[7:]]
    rows = [true_stage, number_stage, extension_one, extension_true]
    path = write_workbook([[f"R{n}", *row[1:]] for n, row in enumerate(rows, start=1)])
    imported = read(path, rules, vocabulary)
    assert [(p.row, p.column, p.value) for p in errors(imported)] == [(4, "Stage", "True")]
    log = imported.log.set_index("reference")
    assert log.loc["R2", "stage"] == "1"
    assert log.loc["R4", "extension"] and "extension" not in log.loc["R4", "unread"]
    assert log.loc["R3", "unread"] == "extension"
