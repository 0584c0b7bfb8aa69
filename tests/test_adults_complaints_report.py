"""The adults' annual complaints report (the 2009 Regulations, regulation 18) as a committee would read it: a
small log written by the test, its figures checked by hand, the PDF and the Word file read back; and the
sample log, whose children's appendix the adults' complaints beside it leave as it was."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import docx
import pytest

from desktop_app.cli import main
from desktop_app.domain.adult_measures import six_month_cases
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from desktop_app.report.adults_complaints import (
    DEFAULT_ADULTS_TEXT_FILE,
    SECTIONS,
    adults_complaints_document,
    load_adults_text,
)
from desktop_app.report.complaints import complaints_document
from desktop_app.report.proof import proof_findings
from tests.conftest import HEADER
from tests.factories import case, date, log_of
from tests.pdf_structure import pdf_lines

ADULTS_HEADER = [*HEADER, "Agreed Response Date", "Joint with NHS"]
YEAR_2022 = Period(date("2022-04-01"), date("2023-03-31"))
AS_OF = "2023-04-03"  # a Monday: six months after A7's receipt (Monday 3 October 2022)
TITLE = "Adult Social Care Complaints Annual Report 2022 - 2023"
SAMPLE_TEXT = SAMPLE_DATA / "adults_complaints_report_text_2022-23.toml"
# Ref, Process, Stage, Received, Acknowledged, Responded, Extension, Outcome, Category, Made by, Agreed, Joint
ROWS = [
    # agreed 27 May, answered 20 May: in time; upheld; joint with the NHS
    [
        "A1",
        "Adult social care",
        "1",
        "03/05/2022",
        None,
        "20/05/2022",
        None,
        "Upheld",
        "Charging",
        "Relative",
        "27/05/2022",
        "Yes",
    ],
    # agreed 31 May, answered 6 June: late; partly upheld
    [
        "A2",
        "ASC",
        "1",
        "04/05/2022",
        None,
        "06/06/2022",
        None,
        "Partly upheld",
        "Charging",
        "Service user",
        "31/05/2022",
        None,
    ],
    # no agreed date: the local target of 20 working days; 4 July to 1 August is exactly 20
    ["A3", "ASC", "1", "04/07/2022", None, "01/08/2022", None, "Not upheld", "Care", "Relative", None, "No"],
    # 4 July to 2 August is 21 working days: late against the target
    ["A4", "ASC", "1", "04/07/2022", None, "02/08/2022", None, "Not upheld", "Care", "Relative", None, None],
    # answered on the day six months after receipt: within six months (and by the agreed date)
    ["A5", "ASC", "1", "15/06/2022", None, "15/12/2022", None, "Not upheld", "Care", "Carer", "15/12/2022", None],
    # a day later: more than six months, and after the agreed date
    ["A6", "ASC", "1", "15/06/2022", None, "16/12/2022", None, "Not upheld", "Care", "Carer", "01/09/2022", None],
    # still open; six months after receipt falls on the as-at day: not yet past six months
    ["A7", "ASC", "1", "03/10/2022", None, None, None, "Ongoing", "Care", "Relative", "28/11/2022", None],
    # still open; six months after receipt was 30 March: past six months on the as-at day
    ["A8", "ASC", "1", "30/09/2022", None, None, None, "Ongoing", "Care", "Relative", "25/11/2022", None],
    # withdrawn by the agreed date: answered in time, no finding
    ["A9", "ASC", "1", "10/01/2023", None, "20/01/2023", None, "Withdrawn", "Charging", "Relative", "07/02/2023", None],
    # the Council told of two referrals to the Ombudsman in the year
    [
        "A1",
        "ASC",
        "Ombudsman",
        "10/08/2022",
        None,
        "30/09/2022",
        None,
        "Closed after initial enquiries",
        None,
        None,
        None,
        None,
    ],
    ["A6", "ASC", "Ombudsman", "20/01/2023", None, "10/03/2023", None, "Upheld", None, None, None, None],
    # a children's complaint in the same log: in neither adults' figure
    ["C1", "Statutory", "1", "04/05/2022", None, "10/05/2022", None, "Upheld", "Decision Making", "Parent", None, None],
]


@pytest.fixture
def adults_log(write_workbook) -> Path:
    return write_workbook(ROWS, header=ADULTS_HEADER)


def run_json(capsys, log: Path, *args: str) -> dict:
    assert main(["complaints", str(log), "--as-of", AS_OF, "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def figures_of(log: Path, rules, vocabulary, as_of: str = AS_OF) -> dict[str, str]:
    imported = read_complaints_log(log, vocabulary, rules)
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(as_of))
    document = adults_complaints_document(summary, rules)
    return {name: figure.text for name, figure in document.figures.items()}


# --- the figures, checked by hand ------------------------------------------------------


def test_well_founded_counts_upheld_and_partly_upheld_of_the_adults_complaints_alone(capsys, adults_log):
    summary = run_json(capsys, adults_log)
    # A1 upheld and A2 partly upheld are well-founded; A3-A6 not upheld; A9 withdrawn and A7, A8 open have no
    # finding; C1, a children's complaint, is not counted
    assert summary["well_founded"] == {
        "adult_social_care": {"received": 9, "upheld": 1, "partly_upheld": 1, "count": 2, "of": 6, "pct": 33.3}
    }


def test_the_outcomes_table_and_its_well_founded_footnote(adults_log, rules, vocabulary):
    imported = read_complaints_log(adults_log, vocabulary, rules)
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF))
    table = adults_complaints_document(summary, rules).table("outcomes")
    assert table.texts()[1:] == [
        ["Upheld", "1"],
        ["Partly upheld", "1"],
        ["Well-founded*", "2"],
        ["Not upheld", "4"],
        ["Withdrawn or closed without a finding", "1"],
        ["Not yet answered", "2"],
        ["Complaints received", "9"],
    ]
    assert "counts each complaint it upheld or partly upheld as well-founded" in table.footnotes[0]
    assert "33% of the 6 complaints with a finding were well-founded" in table.footnotes[0]


def test_in_time_is_against_the_date_agreed_with_the_complainant_else_the_local_target(
    capsys, adults_log, rules, vocabulary
):
    figures = figures_of(adults_log, rules, vocabulary)
    # agreed: A1, A5, A9 by the date, A2, A6 after it; no date agreed: A3 on its 20th working day, A4 on its 21st
    assert (figures["adults_agreed_finalised"], figures["adults_agreed_in_time"]) == ("5", "3")
    assert (figures["adults_target_finalised"], figures["adults_target_in_time"]) == ("2", "1")
    assert (figures["adults_finalised"], figures["adults_in_time"], figures["adults_in_time_pct"]) == ("7", "4", "57%")
    cases = {(c["reference"], c["stage"]): c for c in run_json(capsys, adults_log)["cases"]}
    late = cases[("A2", "1")]
    assert (late["due"], late["agreed_due"], late["in_time"]) == ("2022-05-31", True, False)
    boundary = cases[("A3", "1")]
    assert (boundary["agreed_due"], boundary["working_days"], boundary["in_time"]) == (False, 20, True)
    assert cases[("A4", "1")]["in_time"] is False


def test_six_month_cases_are_counted_from_the_day_six_months_after_receipt(adults_log, rules, vocabulary):
    figures = figures_of(adults_log, rules, vocabulary)
    # A6 answered a day after six months (A5, answered on the day, is within them); A8 open past six months
    # on 3 April; A7's six months end on 3 April itself
    assert figures["adults_six_months_answered_after"] == "1"
    assert figures["adults_six_months_open_past"] == "1"
    assert figures["adults_six_months_passed"] == "2"
    next_day = figures_of(adults_log, rules, vocabulary, as_of="2023-04-04")
    assert (next_day["adults_six_months_open_past"], next_day["adults_six_months_passed"]) == ("2", "3")


def test_six_months_after_the_last_day_of_a_month_is_the_last_day_of_a_shorter_one():
    cases = log_of(
        case("E1", "adult_social_care", received="2022-08-31", responded="2023-02-28"),
        case("E2", "adult_social_care", received="2022-08-31", responded="2023-03-01"),
        case("E3", "adult_social_care", received="2022-08-31"),
    )
    found = six_month_cases(cases, date("2023-02-28"))
    assert found["answered_after"].tolist() == [False, True, False]
    assert found["open_past"].tolist() == [False, False, False]
    assert six_month_cases(cases, date("2023-03-01"))["open_past"].tolist() == [False, False, True]


def test_ombudsman_referrals_and_joint_nhs_complaints(adults_log, rules, vocabulary):
    figures = figures_of(adults_log, rules, vocabulary)
    assert figures["ombudsman_contacts"] == "2"  # the two referrals the Council was told of in 2022-23
    assert (figures["adults_joint_nhs"], figures["adults_joint_nhs_well_founded"]) == ("1", "1")


# --- the appendix as the committee reads it ----------------------------------------------------


def test_the_adults_pdf_holds_the_headings_the_figures_and_the_footnote(adults_log, tmp_path, capsys):
    out = tmp_path / "adults.pdf"
    args = ["report", "complaints", str(adults_log), "--regime", "adults", "--out", str(out), "--as-of", AS_OF]
    assert main(args) == 0
    lines = pdf_lines(out)
    text = " ".join(lines)
    assert TITLE in text
    for title in (section.title for section in load_adults_text().sections.values()):
        assert title in text, title  # a long heading wraps onto a second line
    for row in (
        "Well-founded* 2",
        "Complaints received 9",
        "The date agreed with the complainant 5 3 60%",
        "All complaints answered 7 4 57%",
        "Answered more than six months after receipt 1",
        "Total 2",
        "Charging 3 2",
        "TOTAL 9 2",
        "Closed after initial enquiries 1",
    ):
        assert row in lines, row
    assert "the Council counts each complaint it upheld or partly upheld as well-founded" in text
    assert "This year 1 complaints were handled jointly with the NHS, 1 of them well-founded" in text
    assert "Stage 2" not in text  # one stage: no stage table


def test_the_adults_word_file_holds_the_same_tables(adults_log, tmp_path, rules, vocabulary):
    out = tmp_path / "adults.docx"
    args = ["report", "complaints", str(adults_log), "--regime", "adults", "--out", str(out), "--as-of", AS_OF]
    assert main(args) == 0
    word = docx.Document(str(out))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [section.title for section in load_adults_text().sections.values()]
    imported = read_complaints_log(adults_log, vocabulary, rules)
    document = adults_complaints_document(
        summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF)), rules
    )
    tables = {table.key: table for table in document.tables()}
    shown = [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables[1:]]
    assert shown == [tables[key].texts() for key in tables]
    assert any("upheld or partly upheld as well-founded" in p.text for p in word.paragraphs)


def test_the_report_follows_the_logs_procedures_unless_a_regime_is_named(write_workbook, tmp_path, capsys):
    adults_only = write_workbook(ROWS[:-1], header=ADULTS_HEADER, name="adults.xlsx")
    both = write_workbook(ROWS, header=ADULTS_HEADER, name="both.xlsx")
    for log, title in ((adults_only, TITLE), (both, "Children's Services Complaints Annual Report 2022 - 2023")):
        out = tmp_path / f"{log.stem}.pdf"
        assert main(["report", "complaints", str(log), "--out", str(out), "--as-of", AS_OF]) == 0
        assert title in " ".join(pdf_lines(out))
    out = tmp_path / "childrens.pdf"
    assert main(["report", "complaints", str(adults_only), "--regime", "childrens", "--out", str(out)]) == 0
    assert "Children's Services Complaints Annual Report" in " ".join(pdf_lines(out))


def test_a_log_without_agreed_dates_or_joint_marks_says_so(write_workbook, rules, vocabulary):
    log = write_workbook([row[:10] for row in ROWS])  # the log as kept before the two columns were added
    imported = read_complaints_log(log, vocabulary, rules)
    document = adults_complaints_document(
        summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF)), rules
    )
    assert document.table("timeliness").texts()[1:] == [
        ["The local target of 20 working days (no date agreed)", "7", "3", "43%"]
    ]
    notes = [note.text for note in document.notes()]
    assert any("measured against the Council's local target of 20 working days" in note for note in notes)
    [joint] = [section for section in document.sections if section.key == "joint_nhs"]
    assert "does not record which complaints were made jointly" in joint.blocks[0].text
    assert document.figures["adults_joint_nhs"].text == "not recorded"


# --- the sample log ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_summary(rules, vocabulary):
    imported = read_complaints_log(SAMPLE_COMPLAINTS_LOG, vocabulary, rules)
    return summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date("2023-11-01"))


def test_the_samples_adults_appendix_has_the_generators_figures_and_no_prompts(sample_summary, rules):
    document = adults_complaints_document(sample_summary, rules, load_adults_text(SAMPLE_TEXT))
    figures = {name: figure.text for name, figure in document.figures.items()}
    expected = {
        "adults_received": "94",
        "adults_well_founded": "37",
        "adults_decided": "86",
        "adults_agreed_finalised": "84",
        "adults_agreed_in_time": "68",
        "adults_target_finalised": "8",
        "adults_target_in_time": "5",
        "adults_six_months_answered_after": "2",
        "adults_six_months_open_past": "2",  # received September 2022 and March 2023, open on 1 November 2023
        "adults_joint_nhs": "7",
        "ombudsman_contacts": "5",
        "adults_received_last_year": "78",
    }
    assert {name: figures[name] for name in expected} == expected
    assert [section.key for section in document.sections] == list(SECTIONS)
    assert [finding.text for finding in proof_findings(document) if "prompt" in finding.text] == []


def test_the_samples_childrens_appendix_leaves_the_adults_complaints_out(sample_summary, rules):
    document = complaints_document(sample_summary, rules)
    assert [t.key for t in document.tables() if t.key.startswith("stages_")] == ["stages_statutory", "stages_corporate"]
    assert document.figures["complaints_all_procedures"].text == "171"  # the children's and corporate Stage 1
    assert document.table("themes").texts()[-1] == ["TOTAL", "98", "28", "73", "13"]
    assert document.figures["ombudsman_contacts"].text == "6"


def test_an_agreed_date_that_cannot_be_read_leaves_its_complaint_out_of_the_in_time_figures(
    write_workbook, rules, vocabulary
):
    rows = [list(row) for row in ROWS]
    rows[1][10] = "31/02/2022"  # A2's agreed date: no such day
    imported = read_complaints_log(write_workbook(rows, header=ADULTS_HEADER), vocabulary, rules)
    [problem] = imported.problems
    assert problem.column == "Agreed Response Date" and "left out of the timeliness figures" in problem.message
    document = adults_complaints_document(
        summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF)), rules
    )
    assert document.figures["adults_received"].text == "9"  # still received, and still well-founded
    assert document.figures["adults_finalised"].text == "6"  # but not timed
    assert any("the response date agreed with the complainant cannot be read" in note.text for note in document.notes())


def test_the_complaints_command_prints_the_adults_tables_after_the_childrens(capsys, adults_log):
    assert main(["complaints", str(adults_log), "--as-of", AS_OF]) == 0
    lines = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]
    assert lines.index("CSC Statutory Complaints Total Response within timescale* Upheld") < lines.index(
        "Well-founded* 2"
    )
    assert "All complaints answered 7 4 57%" in lines and "Answered more than six months after receipt 1" in lines


def test_the_sample_adults_report_gives_the_proof_nothing_to_query(capsys, tmp_path):
    """Its words say the service 'has fallen short' (a saying, not a fall in a figure) beside received 78 to 94."""
    out = tmp_path / "adults.pdf"
    args = ["--regime", "adults", "--text", str(SAMPLE_TEXT), "--out", str(out)]
    assert main(["report", "complaints", str(SAMPLE_COMPLAINTS_LOG), *args]) == 0
    printed = capsys.readouterr()
    assert "warning" not in printed.err and "error" not in printed.err, printed.err


# --- the shipped words and the sample's ----------------------------------------------------------

PROMPT_SPLIT = re.compile(r"\[[^\]\n]{2,}\]")
#: The fictional council's matters and actions, which only the sample's words may state.
SAMPLE_SPECIFICS = ("home care", "charg", "financial assessment", "four weeks", "hospital trust", "discharge", "winter")


def test_the_shipped_words_prompt_where_the_sample_states_a_councils_own_matters(capsys):
    """Every council starts from the shipped words, so they hold prompts, not the fictional council's matters: they
    differ from the sample's words only in the sections the proof names as still having a prompt, and there only
    where a prompt stands; every live figure and every other word is the sample's."""
    shipped = tomllib.loads(DEFAULT_ADULTS_TEXT_FILE.read_text(encoding="utf-8"))
    sample = tomllib.loads(SAMPLE_TEXT.read_text(encoding="utf-8"))
    assert {key: value for key, value in shipped.items() if key != "sections"} == {
        key: value for key, value in sample.items() if key != "sections"
    }
    assert list(shipped["sections"]) == list(sample["sections"]) == list(SECTIONS)
    prompted = set()
    for key, section in shipped["sections"].items():
        assert set(section) == set(sample["sections"][key]), key
        for part, words in section.items():
            theirs = sample["sections"][key][part]
            assert not PROMPT_SPLIT.search(theirs), (key, part)  # the sample leaves no prompt
            if words == theirs:
                continue
            prompted.add(key)
            assert PROMPT_SPLIT.search(words), (key, part)  # a difference is a prompt
            for kept in PROMPT_SPLIT.split(words):  # the words around a prompt are the sample's, figures and all
                assert kept.strip() in theirs, (key, part, kept)
    assert prompted == {
        "received",
        "timeliness",
        "themes",
        "joint_nhs",
        "equality",
        "ombudsman",
        "general_importance",
        "improvements",
    }
    outside_prompts = " ".join(PROMPT_SPLIT.sub("", words) for words in _words_of(shipped["sections"])).lower()
    assert [word for word in SAMPLE_SPECIFICS if word in outside_prompts] == []
    sample_words = " ".join(_words_of(sample["sections"])).lower()
    assert all(word in sample_words for word in SAMPLE_SPECIFICS)
    for figure in ("{adults_six_months_passed}", "{adults_joint_nhs}", "{adults_joint_nhs_well_founded}"):
        assert figure in outside_prompts  # the live figures stay in the shipped words

    assert main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--regime", "adults", "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["where"]["section"] for f in findings if f["kind"] == "prompt"} == prompted
    assert all(f["severity"] == "warning" for f in findings if f["kind"] == "prompt")
    required = {f["where"]["section"] for f in findings if f["kind"] == "required_contents"}
    assert required == {"general_importance", "improvements"}  # the referrals' number is the log's table
    args = ["--regime", "adults", "--text", str(SAMPLE_TEXT), "--json"]
    assert main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), *args]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f for f in findings if f["severity"] != "info"] == []


def _words_of(sections: dict) -> list[str]:
    return [words for section in sections.values() for words in section.values()]


def test_the_referrals_number_counts_as_given_by_the_table_or_else_by_the_authors_words(write_workbook, capsys):
    """Regulation 18(2)(c): the number referred to the Ombudsman is the log's table; a year without a referral
    prints a sentence instead, and then the section's words must be the author's, not a prompt."""

    def required(log: Path, *words: str) -> set[str]:
        main(["proof", "complaints", str(log), "--regime", "adults", "--as-of", AS_OF, "--json", *words])
        findings = json.loads(capsys.readouterr().out)["findings"]
        return {f["where"]["section"] for f in findings if f["kind"] == "required_contents"}

    with_referrals = write_workbook(ROWS, header=ADULTS_HEADER, name="referrals.xlsx")
    without = write_workbook([row for row in ROWS if row[2] != "Ombudsman"], header=ADULTS_HEADER, name="none.xlsx")
    assert "ombudsman" not in required(with_referrals)  # the shipped words' prompt beside the table
    assert "ombudsman" in required(without)  # no table, and the words are still a prompt
    assert "ombudsman" not in required(without, "--text", str(SAMPLE_TEXT))
