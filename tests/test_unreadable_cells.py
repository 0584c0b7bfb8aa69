"""A date or extension nobody can read leaves its complaint out of only the figures that need that cell."""

import datetime as dt
import json

import pytest

from desktop_app.cli import main
from desktop_app.excel.complaints_log import read_complaints_log

D = dt.date
HEADER = ["Ref", "Procedure", "Stage", "Date Received", "Date Acknowledged", "Date Responded", "Extension", "Outcome"]
# Corporate Stage 1: acknowledge in 5 working days, respond in 10 from the acknowledgement (20 with an extension)
IN_TIME = ["Corporate", "Stage 1", D(2022, 5, 3), D(2022, 5, 4), D(2022, 5, 11), "No", "Upheld"]


def complaint(reference, **cells):
    row = [reference, *IN_TIME]
    for column, value in cells.items():
        row[HEADER.index(column)] = value
    return row


@pytest.fixture
def log(write_workbook):
    return write_workbook(
        [
            complaint("OK1"),
            complaint("OK2", Outcome="Not upheld"),
            complaint("RESP", **{"Date Responded": "31/02/2023"}),
            complaint("ACK", **{"Date Acknowledged": "soon"}),
            complaint("EXT", Extension="Maybe", **{"Date Responded": D(2022, 6, 1)}),
        ],
        header=HEADER,
    )


def corporate_stage_1(log_path, capsys):
    assert main(["complaints", str(log_path), "--from", "2022-04-01", "--as-of", "2023-06-01", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    [row] = [s for s in figures["stages"] if (s["procedure"], s["stage"]) == ("corporate", "1")]
    return row, figures


def test_every_complaint_stays_in_the_figures_that_do_not_need_the_unread_cell(log, rules, vocabulary, capsys):
    row, _ = corporate_stage_1(log, capsys)

    assert row["received"] == 5  # nobody is lost to a typo
    assert row["upheld"] == 4 and row["decided"] == 5  # the outcomes are all readable
    assert row["finalised"] == 4  # RESP: nobody can tell whether it was answered...
    assert row["open"] == 0  # ...so it is not counted open (or overdue) either
    assert row["overdue"] == 0
    # timed: OK1, OK2 (in time), EXT's days count but its limit is unknown; ACK's clock starts at the
    # unreadable acknowledgement, RESP's ends at the unreadable response
    assert (row["in_time"], row["in_time_pct"]) == (2, 100.0)
    assert row["acknowledged"] == 4  # only ACK's acknowledgement clock needs the unreadable date


def test_each_unread_cell_is_one_warning_that_says_what_it_leaves_out(log, rules, vocabulary):
    imported = read_complaints_log(log, vocabulary, rules)
    by_cell = {problem.cell: problem for problem in imported.problems}

    assert {by_cell[cell].severity.name for cell in ("F6", "E7", "G8")} == {"WARNING"}
    assert "left out of the finalised, open, overdue and timeliness figures" in by_cell["F6"].message
    assert by_cell["F6"].value == "31/02/2023"
    assert "left out of the timeliness figures that need this date" in by_cell["E7"].message
    assert "left out of the in-time and overdue figures" in by_cell["G8"].message
    assert not [p for p in imported.problems if "counted as open" in p.message]  # one message per fact
    assert imported.log["unread"].tolist() == ["", "", "responded", "acknowledged", "extension"]


def test_the_appendix_says_under_the_table_what_was_left_out(log, capsys):
    assert main(["complaints", str(log), "--from", "2022-04-01", "--as-of", "2023-06-01"]) == 0
    printed = capsys.readouterr().out

    assert "1 complaint is counted as received but left out of the finalised, open and in-time figures" in printed
    assert "1 complaint is left out of the timeliness figures that need the date acknowledged" in printed
    assert "1 complaint is left out of the in-time figure: whether an extension was agreed cannot be read" in printed
