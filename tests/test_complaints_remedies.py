"""Remedies, compensation and refused complaints, as a committee reads them: a real .xlsx log written by the
test, each figure worked out by hand, a log without the columns (a note, and null in the JSON, never a
zero), the PDF read back, and the required-contents check of each regime."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.report.complaints import complaints_document
from desktop_app.report.corporate_complaints import corporate_complaints_document
from desktop_app.report.model import Note
from tests.conftest import HEADER
from tests.factories import date

SAMPLE_DATA = Path(SAMPLE_COMPLAINTS_LOG).parent
YEAR_2022 = Period(date("2022-04-01"), date("2023-03-31"))
AS_OF = "2023-04-28"
WITH_REMEDIES = [*HEADER, "Service", "Compensation (£)", "Remedy type", "Reason not accepted", "Record type"]


def logged(ref, process, stage, received, responded, outcome, service, paid=None, remedy=None, reason=None, kind=None):
    """A row of the log: acknowledged the day it was received, made by a resident."""
    return [
        ref,
        process,
        stage,
        received,
        received if responded else None,
        responded,
        "No" if responded else None,
        outcome,
        "Waste",
        "Resident",
        service,
        paid,
        remedy,
        reason,
        kind,
    ]


ROWS = [
    logged("R1", "Corporate", "1", "06/06/2022", "20/06/2022", "Upheld", "Waste", 150, "Payment"),
    # compensation typed as text, with pence
    logged("R2", "Corporate", "1", "06/06/2022", "20/06/2022", "Partly upheld", "Waste", "£75.50", "Apology"),
    # a remedy with no payment: a blank compensation cell is nothing paid
    logged("R3", "Corporate", "1", "04/07/2022", "18/07/2022", "Upheld", "Parking", None, "Written apology"),
    # R1 again at Stage 2: a second payment on the same complaint
    logged("R1", "Corporate", "2", "04/07/2022", "01/08/2022", "Upheld", "Waste", 100, "Refund"),
    # no service recorded
    logged("R5", "Corporate", "1", "01/08/2022", "15/08/2022", "Upheld", None, 40, "Payment"),
    # four complaints not accepted, one for a reason the vocabulary does not know (counted as other)
    logged("N1", "Corporate", "1", "05/09/2022", "08/09/2022", "Not accepted", "Waste", reason="Out of time"),
    logged("N2", "Corporate", "1", "05/09/2022", "08/09/2022", "Not accepted", "Parking", reason="Tribunal"),
    logged("N3", "Corporate", "1", "03/10/2022", "06/10/2022", "Not accepted", "Parking", reason="Court action"),
    logged("N4", "Corporate", "1", "03/10/2022", "06/10/2022", "Not accepted", "Parking", reason="Anonymous letter"),
    # refused the year before: not this year's
    logged("N0", "Corporate", "1", "03/10/2021", "06/10/2021", "Not accepted", "Parking", reason="Out of time"),
    # compliments: two about Fostering, one with no service; one of the year before
    logged("P1", "Statutory", "1", "01/06/2022", None, None, "Fostering", kind="Compliment"),
    logged("P2", "Statutory", "1", "01/07/2022", None, None, "Fostering", kind="Thanks"),
    logged("P3", "Statutory", "1", "01/08/2022", None, None, None, kind="Compliment"),
    logged("P0", "Statutory", "1", "01/08/2021", None, None, "Fostering", kind="Compliment"),
    # a children's complaint in the same log: in no corporate figure
    logged("C1", "Statutory", "1", "06/06/2022", "10/06/2022", "Upheld", "Fostering", 500, "Payment"),
]


@pytest.fixture
def remedies_log(write_workbook) -> Path:
    return write_workbook(ROWS, header=WITH_REMEDIES)


@pytest.fixture
def plain_log(write_workbook) -> Path:
    """The same complaints from a log that keeps none of the three columns."""
    return write_workbook([row[:10] for row in ROWS if row[0][0] not in "NP"], name="plain.xlsx")


def corporate_of(log: Path, rules, vocabulary):
    imported = read_complaints_log(log, vocabulary, rules)
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF))
    return imported, corporate_complaints_document(summary, rules)


def texts(document, section: str) -> list[str]:
    [found] = [s for s in document.sections if s.key == section]
    return [block.text for block in found.blocks if isinstance(block, Note)]


def test_refused_complaints_are_counted_by_reason_and_in_no_other_figure(remedies_log, rules, vocabulary):
    imported, document = corporate_of(remedies_log, rules, vocabulary)
    figures = {name: figure.text for name, figure in document.figures.items()}
    assert figures["corporate_stage1_received"] == "4"  # R1, R2, R3, R5: the refused four are not received
    assert figures["refused"] == "4"  # N0 was refused the year before
    assert document.table("refused").texts()[1:] == [
        ["Made more than twelve months after the events", "1"],
        ["A right of appeal or tribunal applies", "1"],
        ["Subject to legal proceedings", "1"],
        ["Another reason", "1"],
        ["All complaints not accepted", "4"],
    ]
    [unknown] = [p for p in imported.problems if "Anonymous letter" in p.message]
    assert "counted as other" in unknown.message and unknown.row == 12


def test_compensation_by_service_and_in_total_and_the_remedies_by_kind(remedies_log, rules, vocabulary):
    _, document = corporate_of(remedies_log, rules, vocabulary)
    assert document.table("compensation").texts() == [
        ["Service", "Complaints with a payment", "Compensation paid"],
        ["Waste", "3", "£325.50"],  # 150 + 75.50 + 100 (R1 paid at both stages)
        ["Service not recorded", "1", "£40"],
        ["All services", "4", "£365.50"],  # C1's £500 is a children's complaint
    ]
    assert document.table("remedy_type").texts()[1:] == [
        ["Financial remedy", "3"],  # Payment, Refund, Payment
        ["Apology", "2"],  # Apology, Written apology
        ["All remedies", "5"],
    ]


def test_a_log_without_the_columns_says_so_and_the_json_says_null(plain_log, rules, vocabulary, capsys):
    _, document = corporate_of(plain_log, rules, vocabulary)
    assert texts(document, "refused") == [
        "The complaints log does not record the complaints the Council refused to accept, so this report cannot "
        "summarise them."
    ]
    assert texts(document, "remedies") == [
        "The complaints log does not record compensation paid, so this report cannot give it.",
        "The complaints log does not record the kinds of remedy given, so this report cannot count them.",
    ]
    assert main(["complaints", str(plain_log), "--from", "2022-04-01", "--to", "2023-03-31", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["compensation"] is None and summary["remedies"] is None and summary["refused"] is None
    assert {stage["refused"] for stage in summary["stages"]} == {None}


def test_the_json_gives_the_same_figures(remedies_log, capsys):
    assert main(["complaints", str(remedies_log), "--from", "2022-04-01", "--to", "2023-03-31", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["compensation"]["total"] == 865.5  # the log's every procedure: the corporate £365.50 and C1
    assert summary["compensation"]["by_service"][0] == {"service": "Fostering", "payments": 1, "amount": 500.0}
    assert summary["refused"] == {"out_of_time": 1, "statutory_appeal": 1, "legal_proceedings": 1, "other": 1}
    refused = {(s["procedure"], s["stage"]): s["refused"] for s in summary["stages"]}
    assert refused[("corporate", "1")] == 4 and refused[("corporate", "2")] == 0


def test_compliments_are_counted_by_service_and_in_no_complaint_figure(remedies_log, plain_log, rules, vocabulary):
    def childrens(log: Path):
        imported = read_complaints_log(log, vocabulary, rules)
        summary = summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF))
        return complaints_document(summary, rules)

    document = childrens(remedies_log)
    assert document.table("compliments").texts() == [
        ["Service", "Compliments"],
        ["Fostering", "2"],  # P0 was the year before
        ["Service not recorded", "1"],
        ["All services", "3"],
    ]
    assert document.figures["statutory_stage1_received"].text == "1"  # C1 only
    # the words and the key figures give the log's count, not a figure typed in the text file beside it
    [section] = [s for s in document.sections if s.key == "compliments"]
    [sentence] = [b.text for b in section.blocks if "compliments about" in getattr(b, "text", "")]
    assert sentence.startswith("In 2022-23 the Council recorded 3 compliments about Children's Social Care")
    assert ["Compliments recorded", "3"] in [row[:2] for row in document.table("key_figures").texts()]
    assert texts(childrens(plain_log), "compliments") == [
        "The complaints log does not record compliments (it has no record type column), so this report cannot "
        "count them by service."
    ]


def test_the_pdf_prints_the_tables(remedies_log, tmp_path, capsys):
    out = tmp_path / "corporate.pdf"
    assert (
        main(
            ["report", "corporate", str(remedies_log), "--from", "2022-04-01", "--to", "2023-03-31", "--out", str(out)]
        )
        == 0
    )
    pages = PdfReader(out).pages
    lines = [
        " ".join(line.split()) for page in pages for line in page.extract_text(extraction_mode="layout").splitlines()
    ]
    assert "Complaints the Council Did Not Accept" in lines
    assert "All complaints not accepted 4" in lines
    assert "Waste 3 £325.50" in lines and "All services 4 £365.50" in lines


# --- the required contents of each regime -------------------------------------------------------


def required(capsys, *args: str) -> list[dict]:
    main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--json", *args])
    findings = json.loads(capsys.readouterr().out)["findings"]
    return [finding for finding in findings if finding["kind"] == "required_contents"]


def test_the_sample_with_its_texts_has_every_required_part_of_each_regime(capsys):
    corporate = [
        "--regime",
        "corporate",
        "--text",
        str(SAMPLE_DATA / "corporate_complaints_report_text_2022-23.toml"),
        "--self-assessment",
        str(SAMPLE_DATA / "complaint_code_self_assessment_2022-23.toml"),
    ]
    assert required(capsys, *corporate) == []
    adults = ["--regime", "adults", "--text", str(SAMPLE_DATA / "adults_complaints_report_text_2022-23.toml")]
    assert required(capsys, *adults) == []
    childrens = ["--regime", "childrens", "--text", str(SAMPLE_DATA / "complaints_report_text_2022-23.toml")]
    assert required(capsys, *childrens) == []


def test_a_part_left_as_a_prompt_or_not_in_the_log_is_named(capsys, plain_log):
    # the shipped corporate text leaves the author's parts as prompts and has no annual letter entered
    found = {f["where"]["section"]: f["message"] for f in required(capsys, "--regime", "corporate")}
    assert set(found) == {
        "root_causes",
        "non_compliance",
        "improvements",
        "ombudsman_letter",
        "ombudsman",
        "governance_response",
    }
    assert found["governance_response"].endswith(
        "(Complaint Handling Code, 8.2): its section still has the author's prompt."
    )
    assert (
        "annual letter" in found["ombudsman_letter"] and "its table is not in the report" in found["ombudsman_letter"]
    )
    # a log that does not record refusals cannot summarise them
    main(["proof", "complaints", str(plain_log), "--regime", "corporate", "--json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    [refused] = [f for f in findings if f["kind"] == "required_contents" and f["where"]["section"] == "refused"]
    assert refused["severity"] == "warning"
    assert refused["message"] == (
        "Required contents: the report does not yet have a summary of the types of complaints the Council refused "
        "to accept (Complaint Handling Code, 8.1(b)): the complaints log does not record it."
    )
