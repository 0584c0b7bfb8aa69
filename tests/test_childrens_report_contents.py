"""What the 2006 Regulations and "Getting the Best from Complaints" ask of the children's report beyond the
stage tables: the Ombudsman's decisions case by case, in time within the limit and within an agreed extension
apart, who complained, advocacy, cared-for children's complaints and representations. Real .xlsx logs (with and
without the optional columns), read by the log reader, the PDF and the command line's JSON read back."""

from __future__ import annotations

import json
import re

import pytest

from desktop_app.cli import main
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.domain.problems import Severity
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.pdf.complaints_report import write_complaints_report
from desktop_app.report.complaints import complaints_document
from tests.conftest import HEADER
from tests.factories import date
from tests.pdf_structure import pdf_lines

YEAR_2022 = Period(date("2022-04-01"), date("2023-03-31"))
AS_OF = "2023-06-30"
EXTRA = ["Service", "Advocacy", "Record type", "Ombudsman Reference", "Remedy"]

# Statutory Stage 1 complaints received on Monday 9 May 2022 (limit 10 working days, 20 with an extension):
# 8 working days (within the limit), 15 with an extension (within the extension), 15 without one (late),
# 25 with one (late), 5 with one (within the limit: it was not needed), and one still open.
STAGE_1 = [
    [
        "S1",
        "Statutory",
        "Stage 1",
        "09/05/2022",
        None,
        "19/05/2022",
        "No",
        "Not upheld",
        "Quality",
        "Young person",
        "Children in Need",
        "Yes",
        "Complaint",
        None,
        None,
    ],
    [
        "S2",
        "Statutory",
        "Stage 1",
        "09/05/2022",
        None,
        "30/05/2022",
        "Yes",
        "Upheld",
        "Quality",
        "Cared for young person",
        "Cared for Children",
        "Yes",
        "Complaint",
        None,
        None,
    ],
    [
        "S3",
        "Statutory",
        "Stage 1",
        "09/05/2022",
        None,
        "30/05/2022",
        "No",
        "Not upheld",
        "Quality",
        "Mum",
        "Children in Need",
        None,
        None,
        None,
        None,
    ],
    [
        "S4",
        "Statutory",
        "Stage 1",
        "09/05/2022",
        None,
        "15/06/2022",
        "Yes",
        "Not upheld",
        "Quality",
        "Foster carer",
        "Fostering",
        "No",
        "Complaint",
        None,
        None,
    ],
    [
        "S5",
        "Statutory",
        "Stage 1",
        "09/05/2022",
        None,
        "16/05/2022",
        "Yes",
        "Not upheld",
        "Quality",
        "Parent",
        "Children in Need",
        "No",
        "Complaint",
        None,
        None,
    ],
    [
        "S6",
        "Statutory",
        "Stage 1",
        "09/05/2022",
        None,
        None,
        None,
        None,
        "Quality",
        None,
        "Children in Need",
        None,
        None,
        None,
        None,
    ],
]
REPRESENTATIONS = [
    [
        "R1",
        "Statutory",
        "Stage 1",
        "01/06/2022",
        None,
        "08/06/2022",
        None,
        None,
        "Quality",
        "Young person",
        "Children in Need",
        "Yes",
        "Representation",
        None,
        None,
    ],
    [
        "R2",
        "Statutory",
        "Stage 1",
        "01/07/2022",
        None,
        None,
        None,
        None,
        "Quality",
        "Parent",
        "Children in Need",
        None,
        "Comment",
        None,
        None,
    ],
]
OMBUDSMAN = [
    # received last year, decided this year: in the register
    [
        "S0",
        "Statutory",
        "Ombudsman",
        "10/02/2022",
        None,
        "12/05/2022",
        None,
        "Closed as premature complaint",
        "Quality",
        "Parent",
        "Child Protection",
        None,
        None,
        "21 011 222",
        None,
    ],
    # received and decided this year, written with an en dash as the Ombudsman writes it
    [
        "S1",
        "Statutory",
        "Ombudsman",
        "01/06/2022",
        None,
        "01/09/2022",
        None,
        "Closed after initial enquiries – no further action",
        "Quality",
        "Young person",
        "Children in Need",
        None,
        None,
        "22 002 333",
        "Apology and £200",
    ],
    # received this year, decided the next: a contact of the year, not one of its decisions
    [
        "S4",
        "Statutory",
        "Ombudsman",
        "01/03/2023",
        None,
        "10/05/2023",
        None,
        "Closed after initial enquiries",
        "Quality",
        "Foster carer",
        "Fostering",
        None,
        None,
        "22 019 444",
        None,
    ],
    # a decision the vocabulary does not know, and no Ombudsman reference: kept as written
    [
        "C9",
        "Corporate",
        "Ombudsman",
        "01/07/2022",
        None,
        "03/10/2022",
        None,
        "Upheld: fault causing injustice",
        "Quality",
        "Parent",
        "Children in Need",
        None,
        None,
        None,
        "Pay £300",
    ],
]


@pytest.fixture
def full_log(write_workbook):
    """A log keeping every optional column."""
    return write_workbook([*STAGE_1, *REPRESENTATIONS, *OMBUDSMAN], header=[*HEADER, *EXTRA], name="full.xlsx")


@pytest.fixture
def bare_log(write_workbook):
    """The same complaints in a log with none of the optional columns (nor Made by)."""
    rows = [row[:9] for row in [*STAGE_1, *OMBUDSMAN]]
    return write_workbook(rows, header=HEADER[:9], name="bare.xlsx")


def summary_of(path, rules, vocabulary):
    read = read_complaints_log(path, vocabulary, rules)
    return read, summarise(read.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF))


def complaints_json(capsys, path) -> dict:
    assert main(["complaints", str(path), "--as-of", AS_OF, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def stage_record(document: dict, procedure: str, stage: str) -> dict:
    return next(row for row in document["stages"] if row["procedure"] == procedure and row["stage"] == stage)


# --- in time within the limit, and within an agreed extension -------------------------------------------


def test_in_time_within_the_limit_and_within_an_extension_are_counted_apart(full_log, rules, vocabulary, capsys):
    """5 finalised: 2 within 10 working days, 1 within the 20 of its extension, 2 late; 60% in time in all."""
    _, summary = summary_of(full_log, rules, vocabulary)
    figures = complaints_document(summary, rules).figures
    assert figures["statutory_stage1_in_time_within_limit_pct"].text == "40%"
    assert figures["statutory_stage1_in_time_within_extension_pct"].text == "20%"
    assert figures["statutory_stage1_in_time_pct"].text == "60%"
    assert figures["statutory_stage1_extended"].text == "3"

    record = stage_record(complaints_json(capsys, full_log), "childrens_statutory", "1")
    assert (record["finalised"], record["in_time"], record["extended"]) == (5, 3, 3)
    assert (record["in_time_within_limit"], record["in_time_within_extension"]) == (2, 1)
    assert (record["in_time_within_limit_pct"], record["in_time_within_extension_pct"]) == (40.0, 20.0)


# --- the Ombudsman's register -------------------------------------------------------------------


def test_the_register_lists_the_cases_decided_in_the_year_and_the_count_by_decision_matches(
    full_log, rules, vocabulary, capsys, tmp_path
):
    _, summary = summary_of(full_log, rules, vocabulary)
    path = write_complaints_report(summary, rules, tmp_path / "report.pdf")
    lines = pdf_lines(path)
    text = "\n".join(lines)
    register = text[text.index("Reference Service") : text.index("The cases the Ombudsman decided in 2022-23")]
    assert re.findall(r"^(21 011 222|22 002 333|Not recorded) ", register, flags=re.MULTILINE) == [
        "21 011 222",  # received in 2021-22, decided 12 May 2022
        "22 002 333",
        "Not recorded",  # the corporate case, whose reference the log leaves blank
    ]
    assert "22 019 444" not in text  # received in the year but decided in the next
    assert "Apology and £200" in register and "Pay £300" in register
    assert "Upheld: fault causing" in register  # a decision the vocabulary does not know, as written
    assert {  # this year and last (the log's one 2021-22 contact was decided this year)
        "Closed after initial enquiries – no further action 1 0",
        "Closed as premature complaint 1 0",
        "Upheld: fault causing injustice 1 0",
        "Total 3 0",
    } <= set(lines)
    assert "6 contacts received in the year" not in text and "3 contacts received in the year" in text

    document = complaints_json(capsys, full_log)
    cases = document["ombudsman_decisions"]
    assert [(case["ombudsman_reference"], case["category"], case["decided"]) for case in cases] == [
        ("21 011 222", "premature", "2022-05-12"),
        ("22 002 333", "no_further_action", "2022-09-01"),
        (None, "upheldfaultcausinginjustice", "2022-10-03"),
    ]
    assert sum(row["cases"] for row in document["ombudsman_decided"]) == len(cases)


# --- who complained, advocacy, cared-for children, representations ---------------------------------------


def test_who_complained_advocacy_cared_for_and_representations_from_their_columns(
    full_log, rules, vocabulary, capsys, tmp_path
):
    read, summary = summary_of(full_log, rules, vocabulary)
    [unknown] = [p for p in read.problems if "not a complainant the vocabulary knows" in p.message]
    assert unknown.severity is Severity.WARNING and unknown.value == "Mum" and "counted as other" in unknown.message

    lines = pdf_lines(write_complaints_report(summary, rules, tmp_path / "report.pdf"))
    # 6 statutory Stage 1 complaints (the two representations are not among them)
    assert any(line.startswith("Stage 1 6 60% 20%") for line in lines)  # received, in time, upheld
    assert {
        "Child or young person 2 33%",
        "Parent 1 17%",
        "Carer (including foster carers and special guardians) 1 17%",
        "Advocate 0 0%",
        "Other (relatives, professionals and others) 1 17%",
        "Not recorded 1 17%",
        "All complaints received 6 100%",
        "Complainants supported by an advocate 2 33%",
        "Representations that were not complaints 2 –",
    } <= set(lines)
    assert any(line.startswith("Complaints made by cared for children and young people") for line in lines)

    document = complaints_json(capsys, full_log)
    assert document["complainants"] == {
        "child": 2,
        "parent": 1,
        "carer": 1,
        "advocate": 0,
        "other": 1,
        "not_recorded": 1,
        "total": 6,
    }
    assert document["advocacy"] == {"provided": 2, "of": 6, "pct": 33.3}
    assert document["representations"] == 2
    assert document["cared_for"] == {"count": 1, "of": 6, "pct": 16.7}
    assert stage_record(document, "childrens_statutory", "1")["received"] == 6


def test_a_log_without_the_optional_columns_says_so_and_gives_no_zeros(bare_log, rules, vocabulary, capsys, tmp_path):
    _, summary = summary_of(bare_log, rules, vocabulary)
    text = "\n".join(pdf_lines(write_complaints_report(summary, rules, tmp_path / "report.pdf")))
    flat = " ".join(text.split())
    assert "does not record who made each complaint" in flat
    assert "does not record whether an advocate supported each complainant" in flat
    assert "does not say which of its records are representations" in flat
    assert "All complaints received" not in flat and "Representations that were not complaints" not in flat
    # the register without a service column (the log keeps none), its references not recorded
    assert "Reference Ombudsman's final decision Date decided Remedy or recommendation" in flat
    assert "Not recorded Closed as premature complaint 12 May 2022" in flat

    document = complaints_json(capsys, bare_log)
    assert document["complainants"] is None and document["advocacy"] is None
    assert document["representations"] is None and document["cared_for"]["count"] is None
    assert stage_record(document, "childrens_statutory", "1")["received"] == 6
