"""Equality monitoring of complainants and councillors' and MPs' enquiries by ward, as a committee reads them:
a real .xlsx log written by the test, every count worked out by hand, suppression at its boundary, the share
not recorded, the address not known, a log without the columns (a note, never zeros), the PDF and the Word
file read back, and the command line's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.paths import RESOURCES, SAMPLE_COMPLAINTS_LOG
from desktop_app.report.adults_complaints import adults_complaints_document, load_adults_text
from desktop_app.report.complaints import complaints_document
from desktop_app.report.corporate_complaints import corporate_complaints_document, load_corporate_text
from desktop_app.report.model import Note
from desktop_app.report.text import load_report_text
from tests.conftest import HEADER
from tests.factories import date

SAMPLE_DATA = Path(SAMPLE_COMPLAINTS_LOG).parent
YEAR_2022 = Period(date("2022-04-01"), date("2023-03-31"))
AS_OF = "2023-04-28"
WITH_EQUALITY = [*HEADER, "Record type", "Sex", "Ethnicity", "Disability", "Ward"]
THIS_YEAR = ["--from", "2022-04-01", "--to", "2023-03-31"]


def complaint(ref, sex, ethnicity, disability, stage="1", received="06/06/2022"):
    """A corporate complaint answered the day it came, not upheld, with its complainant's characteristics."""
    return [ref, "Corporate", stage, received, received, received, "No", "Not upheld", "Waste", "Resident"] + [
        None,
        sex,
        ethnicity,
        disability,
        None,
    ]


def enquiry(ref, kind, ward, received="04/07/2022"):
    """A councillor's or an MP's enquiry, answered, with the ward of its address."""
    return [ref, "Corporate", "1", received, received, "11/07/2022", None, None, None, "Councillor", kind] + [
        None,
        None,
        None,
        ward,
    ]


# Twelve Stage 1 complaints in 2022-23. Sex: Female 5 (at the threshold: shown), Male 4 (under it: "<5"), not
# recorded 3 (a blank, "Prefer not to say" and a word the vocabulary does not know). Ethnic group: White 6,
# Mixed 5, Asian 1 (hidden alone, so Mixed is hidden too), none not recorded. Disability: No 6, not recorded 6
# (four blanks and two "Not known"): 50%.
COMPLAINTS = [
    complaint("C01", "Female", "White British", "No"),
    complaint("C02", "F", "White", "No"),
    complaint("C03", "Woman", "White Other", "No"),
    complaint("C04", "Female", "White", "No"),
    complaint("C05", "female", "White", "No"),
    complaint("C06", "Male", "White", "No"),
    complaint("C07", "M", "Mixed", None),
    complaint("C08", "Male", "Mixed", None),
    complaint("C09", "Man", "Mixed", None),
    complaint("C10", None, "Mixed", None),
    complaint("C11", "Prefer not to say", "Mixed", "Not known"),
    complaint("C12", "Femail", "Asian", "Not known"),
    # C01 at Stage 2, and a complaint of the year before: in no equality count of the year
    complaint("C01", "Female", "Black", "Yes", stage="2", received="01/07/2022"),
    complaint("C00", "Male", "Black", "Yes", received="06/06/2021"),
]
# Enquiries: Abbey 2 councillors' and 1 MP's, Brook 1 councillor's, and two whose address is not known (a
# blank ward and "Not known"); one of the year before.
ENQUIRIES = [
    enquiry("E1", "Member enquiry", "Abbey"),
    enquiry("E2", "Councillor enquiry", "Abbey"),
    enquiry("E3", "MP enquiry", "Abbey"),
    enquiry("E4", "Member enquiry", "Brook"),
    enquiry("E5", "Member enquiry", None),
    enquiry("E6", "MP letter", "Not known"),
    enquiry("E0", "Member enquiry", "Brook", received="04/07/2021"),
]


@pytest.fixture
def equality_log(write_workbook) -> Path:
    return write_workbook([*COMPLAINTS, *ENQUIRIES], header=WITH_EQUALITY)


@pytest.fixture
def plain_log(write_workbook) -> Path:
    """The same complaints from a log that keeps none of the columns."""
    return write_workbook([row[:10] for row in COMPLAINTS], name="plain.xlsx")


def summary_of(log: Path, rules, vocabulary):
    imported = read_complaints_log(log, vocabulary, rules)
    return imported, summarise(imported.log, rules, vocabulary.outcome_classes, YEAR_2022, date(AS_OF))


def notes(document, section: str) -> list[str]:
    [found] = [s for s in document.sections if s.key == section]
    return [block.text for block in found.blocks if isinstance(block, Note)]


EQUALITY_TABLE = [
    ["Characteristic and group", "Number", "% of complaints"],
    ["Sex", "", ""],
    ["Female", "5", "42%"],
    ["Male", "<5", "[c]"],
    ["Not recorded or not given", "<5", "[c]"],
    ["Ethnic group", "", ""],
    ["Asian, Asian British or Asian Welsh", "<5", "[c]"],
    ["Black, Black British, Black Welsh, Caribbean or African", "0", "0%"],
    ["Mixed or Multiple ethnic groups", "[c]", "[c]"],
    ["White", "6", "50%"],
    ["Other ethnic group", "0", "0%"],
    ["Not recorded or not given", "0", "0%"],
    ["Disability", "", ""],
    ["Yes", "0", "0%"],
    ["No", "6", "50%"],
    ["Not recorded or not given", "6", "50%"],
]


def test_complainants_are_counted_by_characteristic_with_small_counts_hidden(equality_log, rules, vocabulary):
    _, summary = summary_of(equality_log, rules, vocabulary)
    document = corporate_complaints_document(summary, rules)
    # the log keeps no age band column: no rows for it, never zeros
    assert document.table("equality").texts() == EQUALITY_TABLE
    figures = document.figures
    assert figures["equality_recorded"].text == "12"
    # a hidden count keeps no value a --json could give away
    assert figures["equality_sex_male"].value is None and figures["equality_sex_female"].value == 5
    assert figures["equality_disability_not_recorded_pct"].text == "50%"


def test_the_reports_own_threshold_hides_more(equality_log, rules, vocabulary):
    _, summary = summary_of(equality_log, rules, vocabulary)
    table = corporate_complaints_document(summary, rules, suppress_below=6).table("equality").texts()
    assert table[2:5] == [  # Female's 5 is now under the threshold
        ["Female", "<6", "[c]"],
        ["Male", "<6", "[c]"],
        ["Not recorded or not given", "<6", "[c]"],
    ]


def test_a_word_the_vocabulary_does_not_know_is_named_and_counted_as_not_recorded(equality_log, rules, vocabulary):
    imported, _ = summary_of(equality_log, rules, vocabulary)
    assert [p for p in imported.problems if p.severity.value != "note"] == [
        p for p in imported.problems if p.column == "Sex"
    ]
    [problem] = [p for p in imported.problems if p.column == "Sex"]
    assert (problem.severity.value, problem.row, problem.cell, problem.value) == ("warning", 15, "L15", "Femail")
    assert problem.message.startswith(
        "'Femail' is not a sex the vocabulary knows (1 complaint, the first here): counted as not recorded"
    )
    assert '[sex] female = ["Femail"]' in problem.message


def test_enquiries_are_counted_by_ward_with_the_address_not_known_apart(equality_log, rules, vocabulary):
    _, summary = summary_of(equality_log, rules, vocabulary)
    document = corporate_complaints_document(summary, rules)
    assert document.table("enquiries").texts() == [
        ["Ward", "Councillors' enquiries", "MPs' enquiries", "All enquiries"],
        ["Abbey", "2", "1", "3"],
        ["Brook", "1", "0", "1"],  # E0 was the year before
        ["Address not known", "1", "1", "2"],  # a blank ward and "Not known": never a ward
        ["All wards", "4", "2", "6"],
    ]
    # an enquiry is no complaint
    assert document.figures["corporate_stage1_received"].text == "12"
    assert document.figures["equality_recorded"].text == "12"


def test_a_log_without_the_columns_says_so(plain_log, rules, vocabulary, capsys):
    _, summary = summary_of(plain_log, rules, vocabulary)
    document = corporate_complaints_document(summary, rules)
    assert notes(document, "equality") == [
        "The complaints log does not record the age, sex, ethnicity or disability of complainants, so this report "
        "cannot monitor them."
    ]
    assert notes(document, "enquiries") == [
        "The complaints log does not record enquiries from councillors or MPs (it has no record type column), so "
        "this report cannot count them by ward."
    ]
    assert main(["complaints", str(plain_log), *THIS_YEAR, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["equality"] is None
    # the adults' good-practice item is then named by the proof
    main(["proof", "complaints", str(plain_log), *THIS_YEAR, "--regime", "adults", "--json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    [missing] = [f for f in findings if f["kind"] == "required_contents" and f["where"]["section"] == "equality"]
    assert missing["severity"] == "warning" and "protected characteristics" in missing["message"]


def test_the_json_gives_the_suppressed_counts_and_the_required_contents(equality_log, capsys):
    assert main(["complaints", str(equality_log), *THIS_YEAR, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    equality = summary["equality"]
    assert (equality["suppress_below"], equality["complaints"]) == (5, 12)
    sex = {c["characteristic"]: c for c in equality["characteristics"]}["sex"]
    assert sex["groups"] == [
        {"group": "female", "count": 5, "pct": 41.7, "shown": "5", "shown_pct": "42%"},
        {"group": "male", "count": None, "pct": None, "shown": "<5", "shown_pct": "[c]"},
    ]
    assert sex["not_recorded"] == {
        "group": "not_recorded",
        "count": None,
        "pct": None,
        "shown": "<5",
        "shown_pct": "[c]",
    }
    assert [c["characteristic"] for c in equality["characteristics"]] == ["sex", "ethnicity", "disability"]
    # a corporate log makes the children's report by default: its regime's items, each with its source
    required = summary["required_contents"]
    assert {tuple(item) for item in required} == {("item", "source", "present")}
    assert required[0]["item"] == "the representations made to the Council" and required[0]["present"] is True
    assert "Getting the Best from Complaints" in required[1]["source"]


def test_the_pdf_and_the_word_file_print_the_tables(equality_log, tmp_path, capsys):
    for out in (tmp_path / "corporate.pdf", tmp_path / "corporate.docx"):
        assert main(["report", "corporate", str(equality_log), *THIS_YEAR, "--out", str(out)]) == 0
    lines = [
        " ".join(line.split())
        for page in PdfReader(tmp_path / "corporate.pdf").pages
        for line in page.extract_text(extraction_mode="layout").splitlines()
    ]
    assert "Equality Monitoring of Complainants" in lines
    assert "Female 5 42%" in lines and "Male <5 [c]" in lines and "Mixed or Multiple ethnic groups [c] [c]" in lines
    assert "Address not known 1 1 2" in lines and "All wards 4 2 6" in lines
    word = docx.Document(str(tmp_path / "corporate.docx"))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]
    # a characteristic's heading row is one cell across the table, so Word repeats its words in each column
    merged = [[row[0]] * 3 if row[1:] == ["", ""] else row for row in EQUALITY_TABLE]
    assert merged in tables


def test_a_text_file_written_before_the_sections_still_reads(tmp_path, equality_log, rules, vocabulary):
    words = (RESOURCES / "complaints_report_text.toml").read_text(encoding="utf-8")
    for key in ("equality", "enquiries"):
        start = words.index(f"[sections.{key}]")
        words = words[:start] + words[words.index("[sections.", start + 1) :]
    path = tmp_path / "old_text.toml"
    path.write_text(words, encoding="utf-8")
    _, summary = summary_of(equality_log, rules, vocabulary)
    document = complaints_document(summary, rules, load_report_text(path))
    assert not {"equality", "enquiries"} & {section.key for section in document.sections}


@pytest.mark.parametrize(
    "regime",
    [
        ["--regime", "childrens", "--text", str(SAMPLE_DATA / "complaints_report_text_2022-23.toml")],
        ["--regime", "adults", "--text", str(SAMPLE_DATA / "adults_complaints_report_text_2022-23.toml")],
        [
            "--regime",
            "corporate",
            "--text",
            str(SAMPLE_DATA / "corporate_complaints_report_text_2022-23.toml"),
            "--self-assessment",
            str(SAMPLE_DATA / "complaint_code_self_assessment_2022-23.toml"),
        ],
    ],
)
def test_the_samples_proof_stays_clean_in_every_regime(regime, capsys):
    assert main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--json", *regime]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f for f in findings if f["severity"] not in ("info", "note")] == []


def test_the_sample_prints_both_tables_in_every_report(rules, vocabulary):
    _, summary = summary_of(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    corporate_text = load_corporate_text(SAMPLE_DATA / "corporate_complaints_report_text_2022-23.toml")
    documents = {
        "childrens": complaints_document(
            summary, rules, load_report_text(SAMPLE_DATA / "complaints_report_text_2022-23.toml")
        ),
        "adults": adults_complaints_document(
            summary, rules, load_adults_text(SAMPLE_DATA / "adults_complaints_report_text_2022-23.toml")
        ),
        "corporate": corporate_complaints_document(summary, rules, corporate_text),
    }
    enquiries = {}
    for name, document in documents.items():
        assert document.table("equality").texts()[1] == ["Age band", "", ""], name
        enquiries[name] = document.table("enquiries").texts()
        assert enquiries[name][-2][0] == "Address not known", name
    # the children's report counts the statutory and the corporate procedures' enquiries, the others their own
    assert [table[-1] for table in enquiries.values()] == [
        ["All wards", "14", "7", "21"],
        ["All wards", "2", "1", "3"],
        ["All wards", "9", "4", "13"],
    ]


def test_the_json_gives_the_enquiries_by_ward_as_the_appendix_prints_them(equality_log, capsys):
    assert main(["complaints", str(equality_log), *THIS_YEAR, "--json"]) == 0
    enquiries = json.loads(capsys.readouterr().out)["enquiries"]
    childrens = enquiries["childrens"]  # the report a corporate log makes: its corporate complaints' enquiries
    assert childrens["procedures"] == ["childrens_statutory", "corporate"]
    assert [
        (w["ward"], w["address_not_known"], w["member_enquiry"], w["mp_enquiry"], w["total"])
        for w in childrens["wards"]
    ] == [
        ("Abbey", False, 2, 1, 3),
        ("Brook", False, 1, 0, 1),  # E0 was the year before
        (None, True, 1, 1, 2),  # a blank ward and "Not known": never a ward
    ]
    assert childrens["all_wards"] == {"member_enquiry": 4, "mp_enquiry": 2, "total": 6}
    # the adults' report has no enquiry of this log: its table is empty, not missing
    assert enquiries["adults"] == {
        "procedures": ["adult_social_care"],
        "wards": [],
        "all_wards": {"member_enquiry": 0, "mp_enquiry": 0, "total": 0},
    }


def test_the_samples_json_enquiries_are_the_figures_each_appendix_prints(rules, vocabulary, capsys):
    assert main(["complaints", str(SAMPLE_COMPLAINTS_LOG), *THIS_YEAR, "--as-of", AS_OF, "--json"]) == 0
    enquiries = json.loads(capsys.readouterr().out)["enquiries"]
    _, summary = summary_of(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    text = load_report_text()
    for report, document in (
        ("childrens", complaints_document(summary, rules, text)),
        ("adults", adults_complaints_document(summary, rules)),
    ):
        printed = document.table("enquiries").texts()[1:]
        record = enquiries[report]
        wards = [
            [w["ward"] or "Address not known", *(str(w[c]) for c in ("member_enquiry", "mp_enquiry", "total"))]
            for w in record["wards"]
        ]
        totals = [str(record["all_wards"][c]) for c in ("member_enquiry", "mp_enquiry", "total")]
        assert printed == [*wards, ["All wards", *totals]]
    assert enquiries["childrens"]["all_wards"]["total"] == 21 and enquiries["adults"]["all_wards"]["total"] == 3


def test_the_plain_text_prints_the_equality_table_with_its_hidden_counts_and_the_enquiries(equality_log, capsys):
    assert main(["complaints", str(equality_log), *THIS_YEAR]) == 0
    lines = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]
    start = lines.index("Characteristic and group Number % of complaints")
    assert lines[start + 1 : start + 5] == ["Sex", "Female 5 42%", "Male <5 [c]", "Not recorded or not given <5 [c]"]
    assert "Mixed or Multiple ethnic groups [c] [c]" in lines[start:]  # hidden so Asian's 1 cannot be worked out
    ward = lines.index("Ward Councillors' enquiries MPs' enquiries All enquiries")
    assert lines[ward + 1 : ward + 5] == ["Abbey 2 1 3", "Brook 1 0 1", "Address not known 1 1 2", "All wards 4 2 6"]
