"""The corporate complaints report of the Ombudsman's complaint handling code (its section 8) as a committee
would read it: a small log written by the test, each stage's figures worked out by hand, the self-assessment
read back from the PDF and the Word file, the annual letter's sentence, and the sample log."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from desktop_app.cli import main
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.domain.self_assessment import load_self_assessment, self_assessment_data, self_assessment_from_data
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.report.corporate_complaints import (
    DEFAULT_CORPORATE_TEXT_FILE,
    SECTIONS,
    corporate_complaints_document,
    load_corporate_text,
)
from tests.factories import date
from tests.pdf_structure import pdf_lines

YEAR_2022 = Period(date("2022-04-01"), date("2023-03-31"))
AS_OF = "2023-04-28"
TITLE = "Annual Complaints Performance and Service Improvement Report 2022 - 2023"
# Ref, Process, Stage, Received, Acknowledged, Responded, Extension, Outcome, Category, Made by
ROWS = [
    # Mon 6 June to Mon 13 June: acknowledged on the 5th working day; answered on the 10th after (27 June)
    ["K1", "Corporate", "1", "06/06/2022", "13/06/2022", "27/06/2022", "No", "Upheld", "Waste", "Resident"],
    # acknowledged on the 6th working day (late); answered 10 working days after that acknowledgement
    ["K2", "Corporate", "1", "06/06/2022", "14/06/2022", "28/06/2022", "No", "Not upheld", "Waste", "Resident"],
    # an extension agreed: answered on the 15th working day after acknowledgement, within the 20 it allows
    ["K3", "Corporate", "1", "04/07/2022", "05/07/2022", "26/07/2022", "Yes", "Partly upheld", "Parking", "Resident"],
    # an extension agreed, and still late: the 23rd working day after acknowledgement
    ["K4", "Corporate", "1", "04/07/2022", "06/07/2022", "08/08/2022", "Yes", "Not upheld", "Parking", "Resident"],
    # not acknowledged, still open: in no acknowledgement or answered figure
    ["K5", "Corporate", "1", "01/08/2022", None, None, None, "Ongoing", "Parking", "Resident"],
    # K1 taken to Stage 2: acknowledged on the 4th working day, answered on the 20th after it
    ["K1", "Corporate", "2", "04/07/2022", "08/07/2022", "05/08/2022", "No", "Not upheld", "Waste", "Resident"],
    # and on to the Ombudsman
    ["K1", "Corporate", "Ombudsman", "01/09/2022", None, "01/12/2022", None, "Closed after initial enquiries"],
    # a children's complaint in the same log: in no corporate figure
    ["C1", "Statutory", "1", "06/06/2022", "07/06/2022", "10/06/2022", None, "Upheld", "Decision Making", "Parent"],
]
SELF_ASSESSMENT = """
[self_assessment]
code = "Local Government and Social Care Ombudsman Complaint Handling Code"
assessed = 2023-05-15

[[requirements]]
section = "1. Definition"
requirement = "Uses the code's definition"
complies = "yes"
evidence = "Policy 2.1"

[[requirements]]
section = "6. Stage 1"
requirement = "Acknowledge in 5 days"
complies = "No"
evidence = "Log review"
action = "Train staff"
action_date = 2023-09-30

[[requirements]]
section = "9. Scrutiny"
requirement = "A member oversees"
complies = "no"
"""
LETTER = """[figures]
letter_upheld_pct = 60.2
letter_upheld_average_pct = 59.6
letter_compliance_pct = 100
letter_compliance_average_pct = 98
letter_remedy_pct = 10
letter_remedy_average_pct = 14.5
"""


@pytest.fixture
def corporate_log(write_workbook) -> Path:
    return write_workbook(ROWS)


@pytest.fixture
def assessment_file(tmp_path) -> Path:
    path = tmp_path / "self_assessment.toml"
    path.write_text(SELF_ASSESSMENT, encoding="utf-8")
    return path


@pytest.fixture
def letter_text(tmp_path) -> Path:
    """The shipped words with the annual letter's figures entered."""
    path = tmp_path / "corporate_text.toml"
    path.write_text(DEFAULT_CORPORATE_TEXT_FILE.read_text(encoding="utf-8").replace("[figures]\n", LETTER, 1))
    return path


def document_of(log: Path, rules, vocabulary, text: Path | None = None, assessment: Path | None = None):
    imported = read_complaints_log(log, vocabulary, rules)
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF))
    return corporate_complaints_document(
        summary,
        rules,
        load_corporate_text(text) if text else None,
        load_self_assessment(assessment) if assessment else None,
    )


# --- each stage's figures, worked out by hand ----------------------------------------------------


def test_each_stages_figures_against_the_codes_limits(corporate_log, rules, vocabulary):
    figures = {name: figure.text for name, figure in document_of(corporate_log, rules, vocabulary).figures.items()}
    stage1 = {
        "received": "5",
        "acknowledged": "4",  # K5 has no date acknowledged
        "acknowledged_in_time": "3",  # K2 on the 6th working day
        "acknowledged_in_time_pct": "75%",
        "timed": "4",  # K5 is not answered
        "in_time_within_limit": "2",  # K1 and K2 on the 10th working day after acknowledgement
        "in_time_within_limit_pct": "50%",
        "in_time_within_extension": "1",  # K3; K4 is late even with its extension
        "in_time_within_extension_pct": "25%",
        "extended": "2",
        "extended_pct": "40%",  # of the 5 received
        "upheld": "2",  # K1 upheld, K3 partly upheld, of the 4 with a finding
        "upheld_pct": "50%",
        "escalated": "1",  # K1 to Stage 2
        "escalation_pct": "20%",
    }
    assert {name: figures[f"corporate_stage1_{name}"] for name in stage1} == stage1
    stage2 = {
        "received": "1",
        "acknowledged_in_time_pct": "100%",
        "in_time_within_limit_pct": "100%",  # the 20th working day after acknowledgement
        "extended_pct": "0%",
        "upheld_pct": "0%",
        "escalated": "1",  # to the Ombudsman
        "escalation_pct": "100%",
    }
    assert {name: figures[f"corporate_stage2_{name}"] for name in stage2} == stage2
    limits = ("stage1_acknowledgement_limit", "stage1_limit", "stage1_extended_limit", "stage2_limit")
    assert [figures[f"corporate_{name}"] for name in limits] == ["5", "10", "20", "20"]


def test_the_stage_table_sets_each_count_beside_its_share(corporate_log, rules, vocabulary):
    table = document_of(corporate_log, rules, vocabulary).table("code_stages")
    assert table.texts()[:2] == [["Measure", "Stage 1", "", "Stage 2", ""], ["", "Number", "%", "Number", "%"]]
    assert table.texts()[2:] == [
        ["Complaints received", "5", "", "1", ""],
        ["Acknowledged within 5 working days of receipt*", "3", "75%", "1", "100%"],
        [
            "Answered within 10 (Stage 1) or 20 (Stage 2) working days of acknowledgement*",
            "2",
            "50%",
            "1",
            "100%",
        ],
        ["Answered later, within an agreed extension*", "1", "25%", "0", "0%"],
        ["Extension agreed*", "2", "40%", "0", "0%"],
        ["Upheld or partly upheld*", "2", "50%", "0", "0%"],
        ["Taken on to the next stage*", "1", "20%", "1", "100%"],
    ]


# --- the annual letter -----------------------------------------------------------------------------


def test_the_letters_sentence_compares_the_rates_as_they_are_printed(corporate_log, rules, vocabulary, letter_text):
    document = document_of(corporate_log, rules, vocabulary, text=letter_text)
    assert document.table("ombudsman_letter").texts()[1:] == [
        ["Complaints upheld (of those investigated in detail)", "60%", "60%"],
        ["Compliance with the Ombudsman's recommendations", "100%", "98%"],
        ["Satisfactory remedy provided by the Council before the complaint reached the Ombudsman", "10%", "15%"],
    ]
    [section] = [section for section in document.sections if section.key == "ombudsman_letter"]
    sentence = " ".join(block.text for block in section.blocks if hasattr(block, "text"))
    # 60.2 against 59.6 both print as 60%: the same, never "higher" beside two equal figures
    assert "it investigated in detail, the same as the average of 60% for similar councils" in sentence
    assert "complied with 100% of the Ombudsman's recommendations, higher than the average of 98%" in sentence
    assert "satisfactory remedy before the complaint reached the Ombudsman, lower than the average of 15%" in sentence


def test_before_the_letter_arrives_the_report_says_it_is_awaited(corporate_log, rules, vocabulary):
    document = document_of(corporate_log, rules, vocabulary)
    [section] = [section for section in document.sections if section.key == "ombudsman_letter"]
    assert [block.text for block in section.blocks] == [
        "The Ombudsman's annual review letter for 2022-23 has not yet been received. Its figures will be reported "
        "to the committee when it arrives."
    ]
    assert "ombudsman_letter" not in [table.key for table in document.tables()]


# --- the self-assessment, as the committee reads it -------------------------------------------------------


def test_the_self_assessment_in_the_pdf_and_the_word_file(corporate_log, assessment_file, letter_text, tmp_path):
    out = tmp_path / "corporate.pdf"
    args = ["report", "corporate", str(corporate_log), "--out", str(out), "--docx", "--as-of", AS_OF]
    assert main([*args, "--self-assessment", str(assessment_file), "--text", str(letter_text)]) == 0
    rows = [
        ["Code section", "Requirement", "Complies", "Evidence", "Action and date"],
        ["1. Definition", "Uses the code's definition", "Yes", "Policy 2.1", "–"],
        ["6. Stage 1", "Acknowledge in 5 days", "No", "Log review", "Train staff (by 30 September 2023)"],
        ["9. Scrutiny", "A member oversees", "No", "–", "–"],
    ]
    word = docx.Document(str(out.with_suffix(".docx")))
    [shown] = [table for table in word.tables if table.rows[0].cells[0].text == "Code section"]
    assert [[cell.text for cell in row.cells] for row in shown.rows] == rows
    text = " ".join(pdf_lines(out))
    assert TITLE in text
    for title in (section.title for section in load_corporate_text().sections.values()):
        assert title in text, title
    for row in rows[:3]:
        # a cell's words may wrap onto a second line; each row's cells are read across in order
        assert all(cell.split()[0] in text for cell in row), row
    assert "1. Definition Uses the code's definition Yes Policy 2.1" in text
    assert "(assessed: 15 May 2023). 1 of the 3 requirements are met and 2 not met." in text
    assert "none is written for 9. Scrutiny" in text  # a requirement not met with no action


def test_a_slip_in_the_self_assessment_names_the_file_the_requirement_and_the_key(
    corporate_log, assessment_file, tmp_path, capsys
):
    assessment_file.write_text(SELF_ASSESSMENT.replace('complies = "No"', 'complies = "partly"'), encoding="utf-8")
    out = tmp_path / "corporate.pdf"
    args = ["report", "corporate", str(corporate_log), "--out", str(out), "--self-assessment", str(assessment_file)]
    assert main(args) == 2
    error = capsys.readouterr().err
    assert "self_assessment.toml: [[requirements]] number 2 (section 6. Stage 1): complies must be" in error
    assert "'partly'" in error and "Traceback" not in error
    assert not out.exists()


# --- the sample log --------------------------------------------------------------------------------------


def test_the_samples_corporate_report(rules, vocabulary):
    imported = read_complaints_log(SAMPLE_COMPLAINTS_LOG, vocabulary, rules)
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date("2023-11-01"))
    document = corporate_complaints_document(summary, rules)
    assert [section.key for section in document.sections] == list(SECTIONS)
    figures = {name: figure.text for name, figure in document.figures.items()}
    # the children's report's corporate Stage 1 and Stage 2 counts, from the same log
    assert (figures["corporate_stage1_received"], figures["corporate_stage2_received"]) == ("73", "5")
    assert figures["corporate_stage1_escalation_pct"] == figures["corporate_escalation_pct"] == "7%"
    # the template: every requirement of the code listed, none yet assessed
    table = document.table("self_assessment")
    assert (len(table.body), figures["code_requirements"], figures["code_not_assessed"]) == (10, "10", "10")
    assert {row[2] for row in table.texts()[1:]} == {"Not yet assessed"}


def test_the_sample_self_assessment_has_a_dated_action_for_each_requirement_not_met():
    assessment = load_self_assessment(SAMPLE_COMPLAINTS_LOG.parent / "complaint_code_self_assessment_2022-23.toml")
    assert assessment.counts() == {"requirements": 10, "complies": 7, "not_complies": 3, "not_assessed": 0}
    assert [(r.section, r.action_date.isoformat()) for r in assessment.not_met() if r.action_date] == [
        ("6. Stage 1", "2023-10-31"),
        ("6. Stage 2", "2023-10-31"),
        ("9. Scrutiny and oversight", "2024-03-31"),
    ]
    assert assessment.without_action() == ()


def test_a_self_assessment_kept_as_plain_data_reads_back_as_it_was_read():
    """A project keeps the self-assessment as JSON (File > Import self-assessment): every answer, evidence,
    action and date comes back, and the file it came from is still named."""
    assessment = load_self_assessment(SAMPLE_COMPLAINTS_LOG.parent / "complaint_code_self_assessment_2022-23.toml")
    kept = json.loads(json.dumps(self_assessment_data(assessment)))
    assert self_assessment_from_data(kept, kept["source"]) == assessment
    kept["requirements"][5]["action_date"] = "31/10/2023"
    with pytest.raises(ValueError, match=r"complaint_code_self_assessment_2022-23.toml: \[\[requirements\]\] number 6"):
        self_assessment_from_data(kept, kept["source"])


def test_report_complaints_with_the_corporate_regime_writes_the_same_report(corporate_log, tmp_path):
    out = tmp_path / "corporate.pdf"
    args = ["report", "complaints", str(corporate_log), "--regime", "corporate", "--out", str(out), "--as-of", AS_OF]
    assert main(args) == 0
    text = " ".join(pdf_lines(out))
    assert TITLE in text and "Taken on to the next stage* 1 20% 1 100%" in text
    assert not out.with_suffix(".docx").exists()  # the Word file only with report corporate --docx
