"""Covers of seed 002 (a report to several committees, each with its date; the Core Purpose table), seed 000
(Sefton's 2025 layout) and seed 003 (the Safer Communities Partnership's header), read back from the PDF and
the Word document, and the proof of each committee's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pikepdf
import pytest

from desktop_app.export import write_appendix
from desktop_app.paths import RESOURCES
from desktop_app.pdf.cover import write_cover_report
from desktop_app.report.cover import cover_model, form_text, values_from_form
from desktop_app.report.cover_template import SAMPLE_COVER, CoverTemplateError, load_cover_template, load_cover_values
from desktop_app.report.model import PageOptions
from desktop_app.report.proof_cover import cover_findings
from tests.cover_pages import drawn_words, in_order
from tests.pdf_structure import page_lines, structure_problems

SAMPLES = RESOURCES.parent / "sample_data"
THREE_COMMITTEES = SAMPLES / "cover_domestic_abuse_2023.toml"  # seed 002, item 7 (lines 1438-1442)
COMMITTEES = [
    ("Overview and Scrutiny Committee (Adult Social Care and Health)", "Tuesday 5 September 2023"),
    ("Overview and Scrutiny Committee (Regeneration and Skills)", "Tuesday 19 September 2023"),
    ("Overview and Scrutiny Committee (Children's Services and Safeguarding)", "Tuesday 26 September 2023"),
]
PURPOSES = [  # seed 002 lines 2341-2352, in its order
    "Protect the most vulnerable",
    "Facilitate confident and resilient communities",
    "Commission, broker and provide core services",
    "Place – leadership and influencer",
    "Drivers of change and reform",
    "Facilitate sustainable economic prosperity",
    "Greater income for social investment",
    "Cleaner Greener",
]
SEFTON_2025_LABELS = [  # seed 000 lines 47-140, in the order the sheet prints them
    "Report Title:",
    "Date of meeting:",
    "Report to:",
    "Report of:",
    "Portfolio:",
    "Wards affected:",
    "Is this a key decision:",
    "Included in Forward Plan:",
    "Exempt/confidential report:",
    "Summary:",
    "Recommendation(s):",
    "1. The Rationale and Evidence for the Recommendations",
    "2. Financial Implications",
    "3. Legal Implications",
    "4. Corporate Risk Implications",
    "5. Staffing HR Implications",
    "6. Conclusion",
    "Alternative Options Considered and Rejected",
    "Equality Implications:",
    "Impact on Children and Young People:",
    "Climate Emergency Implications:",
    "What consultations have taken place on the proposals and when?",
    "(A) Internal Consultations",
    "(B) External Consultations",
    "Implementation Date for the Decision:",
    "Contact Officer:",
    "Telephone Number:",
    "Email Address:",
    "Appendices:",
    "Background Papers:",
]


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cover") / "three.pdf"
    _, problems = write_cover_report(THREE_COMMITTEES, "sefton", path, options=PageOptions(agenda_item=7))
    assert problems == []
    return path


# --- several committees -----------------------------------------------------------------------------------


def test_each_committee_is_a_row_with_its_date_under_report_to(three):
    """Read in drawing order: a table's cells one after another, row by row."""
    words = drawn_words(three)
    rows = words[: words.index("Subject:")]
    first, *further = COMMITTEES
    assert in_order(rows, ["Report to:", first[0], "Date of Meeting:", first[1], *(p for row in further for p in row)])
    assert rows.count("Report to:") == 1 and rows.count("Date of Meeting:") == 1  # the labels are not repeated


def test_the_labels_head_every_committee_row_for_a_screen_reader(three):
    assert structure_problems(three) == []
    with pikepdf.open(three) as pdf:
        table = next(k for k in pdf.Root.StructTreeRoot.K.K if k.S == pikepdf.Name.Table)
        first_row = table.K[0].K[0].K
        heads = [cell for cell in first_row if cell.S == pikepdf.Name.TH]
        assert [int(cell.A.RowSpan) for cell in heads] == [3, 3]  # Report to and Date of Meeting, over 3 rows


def test_the_word_cover_has_the_committees_in_merged_label_cells(tmp_path):
    document, _ = cover_model(THREE_COMMITTEES, "sefton")
    word = docx.Document(str(write_appendix(document, tmp_path / "three.docx")))
    rows = [[cell.text for cell in row.cells] for row in word.tables[0].rows[:4]]
    assert [(row[1], row[3]) for row in rows[:3]] == COMMITTEES
    assert [row[0] for row in rows[:3]] == ["Report to:"] * 3  # one cell merged down: Word gives its text each row
    assert word.tables[0].rows[1].cells[0]._tc is word.tables[0].rows[0].cells[0]._tc
    assert rows[3][0] == "Subject:"
    assert len(word.core_properties.subject) <= 255  # Word's limit, with three committees named


def proof_of(**changes) -> list:
    values = load_cover_values(THREE_COMMITTEES)
    further = [dict(meeting) for meeting in values["further_meetings"]]
    for number, date in changes.items():
        further[int(number[-1]) - 1]["date"] = date
    return cover_findings({**values, "further_meetings": further}, load_cover_template("sefton"), None, "da.toml")


def test_the_proof_holds_each_committees_date_to_its_weekday():
    """Seed 002 item 7's committees meet on Tuesdays 5, 19 and 26 September 2023."""
    assert [f for f in proof_of() if f.severity != "info"] == []
    found = proof_of(further1="Tuesday 20 September 2023", further2="Tuesday 26 September 2023")
    [wrong] = [f for f in found if f.kind == "weekday"]
    assert wrong.severity == "error"
    assert "Overview and Scrutiny Committee (Regeneration and Skills) says Tuesday" in wrong.message
    assert "20 September 2023 is a Wednesday" in wrong.message
    assert wrong.where.column == "further_meetings" and wrong.says == "Tuesday 20 September 2023"


def test_the_proof_queries_two_committees_dates_a_year_apart():
    found = proof_of(further2="Thursday 26 September 2024")
    assert [f.kind for f in found if f.severity != "info"] == ["meetings_span"]
    assert "run from 5 September 2023 to 26 September 2024" in found[0].message
    unread = proof_of(further1="the week after")
    assert [(f.kind, f.says) for f in unread] == [("meeting_date", "the week after")]
    assert "of Overview and Scrutiny Committee (Regeneration and Skills) is not a date" in unread[0].message


def test_a_date_in_the_words_a_year_off_the_second_committees_is_queried():
    values = load_cover_values(THREE_COMMITTEES)
    values["summary"] += " It goes to the Regeneration and Skills committee on 19 September 2022."
    found = cover_findings(values, load_cover_template("sefton"), None, "da.toml")
    [slip] = [f for f in found if f.kind == "date_year"]
    assert "the meeting is on 19 September 2023" in slip.message


def test_a_strict_report_refuses_a_committee_date_whose_weekday_is_wrong(tmp_path, capsys):
    from desktop_app.cli import main

    text = THREE_COMMITTEES.read_text(encoding="utf-8").replace("Tuesday 19 September", "Monday 19 September")
    values = tmp_path / "slip.toml"
    values.write_text(text, encoding="utf-8")
    out = tmp_path / "cover.pdf"
    assert main(["report", "cover", str(values), "--template", "sefton", "--out", str(out), "--strict"]) != 0
    assert not out.exists()
    assert "says Monday but 19 September 2023 is a Tuesday" in capsys.readouterr().err


def test_a_further_meetings_row_must_stand_under_the_committees_row(tmp_path):
    text = (RESOURCES / "cover_templates" / "sefton.toml").read_text(encoding="utf-8")
    rows = '    ["report_to", "meeting_date"],\n    ["further_meetings"],'
    assert rows in text
    path = tmp_path / "ours.toml"
    path.write_text(
        text.replace(rows, '    ["further_meetings"],\n    ["report_to", "meeting_date"],', 1), encoding="utf-8"
    )
    with pytest.raises(CoverTemplateError, match="'further_meetings' goes alone in its row, under the row"):
        load_cover_template(path)
    with pytest.raises(CoverTemplateError, match=r"further_meetings must be a list of \{ committee"):
        cover_model({"further_meetings": [{"committee": "Cabinet", "when": "soon"}]}, "sefton")


# --- the Core Purpose table --------------------------------------------------------------------------------


def test_the_core_purpose_table_lists_every_purpose_in_order_na_where_left_out(three, tmp_path):
    words = drawn_words(three)
    assert in_order(words, ["Contribution to the Council's Core Purpose:", *PURPOSES, "What consultations"])
    assert "Protect the most vulnerable Domestic abuse survivors and their children" in " ".join(
        line for page in page_lines(three) for line in page
    )
    values = {**load_cover_values(SAMPLE_COVER)}
    path, _ = write_cover_report(values, "sefton", tmp_path / "sample.pdf")
    lines = [line for page in page_lines(path) for line in page]
    assert "Drivers of change and reform NA" in lines and "Cleaner Greener NA" in lines
    document, _ = cover_model(values, "sefton")
    word = docx.Document(str(write_appendix(document, tmp_path / "sample.docx")))
    table = next(t for t in word.tables if t.rows[0].cells[0].text == PURPOSES[0])
    assert [row.cells[0].text for row in table.rows] == PURPOSES
    assert table.rows[7].cells[1].text == "NA"


def test_a_purpose_the_template_does_not_list_is_named():
    values = {**load_cover_values(SAMPLE_COVER), "core_purpose": {"vulnerabel": "..."}}
    with pytest.raises(CoverTemplateError, match="core_purpose has no purpose 'vulnerabel'"):
        cover_model(values, "sefton")
    cover_model(values, "wirral")  # a layout without the table leaves the words be


# --- Sefton's 2025 layout and the partnership's header -------------------------------------------------


def test_sefton_2025_prints_seed_000s_fields_in_its_order(tmp_path):
    path, problems = write_cover_report(
        SAMPLE_COVER, "sefton_2025", tmp_path / "2025.pdf", appendices=["Appendix 1 – Adult Social Care Performance"]
    )
    assert problems == [] and structure_problems(path) == []
    words = drawn_words(path)
    assert in_order(words, SEFTON_2025_LABELS)
    lines = [line for page in page_lines(path) for line in page]
    assert lines[:2] == ["Report Title: Social Care Performance", "Date of meeting: Tuesday 7 January 2025"]
    assert any(line.startswith("(1) note the contents of the report") for line in lines)
    assert "The recommendations within this report will have a neutral impact." in lines
    assert "Contribution to the Council" not in words and "Have a neutral impact" not in words  # 2023's tables
    at = lines.index("1. The Rationale and Evidence for the Recommendations")
    assert lines[at + 1].startswith("Adult social care assesses performance")  # its paragraphs are not numbered


def test_the_partnership_header_numbers_its_sections_and_recommendations(tmp_path):
    """Seed 003: Report to / Date of Meeting / Subject, then 1. Background with 1.1, and 5.1 a recommendation."""
    path, problems = write_cover_report(
        SAMPLES / "cover_sscp_2018.toml", "sefton_safer_communities", tmp_path / "h.pdf"
    )
    assert problems == [] and structure_problems(path) == []
    lines = page_lines(path)[0]
    assert lines[:5] == [
        "Report to: Sefton Safer Communities Partnership",
        "Date of Meeting: 13 September 2018",
        "Subject: Sefton Domestic and Sexual Abuse Strategy update",
        "1. Background",
        "1.1 Sefton's Domestic and Sexual Abuse Strategy (2015-18) was approved by the SSCP",
    ]
    assert "2. Recommendations" in lines
    assert any(line.startswith("2.1 The SSCP is asked to note the report") for line in lines)
    values = {**load_cover_values(SAMPLES / "cover_sscp_2018.toml")}
    values["further_meetings"] = [{"committee": "Sefton Domestic Abuse Executive Group", "date": dt.date(2018, 9, 20)}]
    path, _ = write_cover_report(values, "sefton_safer_communities", tmp_path / "two.pdf")
    assert page_lines(path)[0][1] == "Sefton Domestic Abuse Executive Group, 20 September 2018"


def test_a_core_purpose_table_with_no_words_is_a_note_not_a_warning():
    from desktop_app.domain.problems import Severity
    from desktop_app.report.cover_check import check_cover

    values = {k: v for k, v in load_cover_values(SAMPLE_COVER).items() if k != "core_purpose"}
    [note] = check_cover(values, load_cover_template("sefton"), ["Appendix A"])
    assert note.severity is Severity.NOTE and note.column == "core_purpose"
    assert note.message == "no purpose has words: every row of 'Contribution to the Council's Core Purpose' says NA"
    assert check_cover(values, load_cover_template("sefton_2025"), ["Appendix A"]) == []  # 2025's has no such table


def test_the_word_cover_starts_on_its_first_page(tmp_path):
    """A cover has no title page before it: its particulars table is the first thing, not a page break."""
    document, _ = cover_model(THREE_COMMITTEES, "sefton")
    word = docx.Document(str(write_appendix(document, tmp_path / "three.docx")))
    first = word.element.body[0]
    assert first.tag == docx.oxml.ns.qn("w:tbl")
    breaks = [br for br in word.element.body.iter(docx.oxml.ns.qn("w:br")) if br.get(docx.oxml.ns.qn("w:type"))]
    assert breaks == []  # the sections run on: no page left blank


# --- the window's cover sheet: its further committees and purposes as the project keeps them ---------------


def test_the_window_keeps_further_committees_and_purposes_as_text_the_cover_reads():
    template = load_cover_template("sefton")
    fields = {
        "report_to": COMMITTEES[0][0],
        "meeting_date": "2023-09-05",
        "further_meetings": form_text(
            [
                {"committee": COMMITTEES[1][0], "date": "2023-09-19"},
                {"committee": "", "date": ""},  # a row added and never filled: nothing to print
                {"committee": "Cabinet", "date": ""},
            ]
        ),
        "core_purpose": form_text({"vulnerable": "Survivors are supported.", "communities": " "}),
    }
    values = values_from_form(fields, template)
    assert values["further_meetings"] == [
        {"committee": COMMITTEES[1][0], "date": dt.date(2023, 9, 19)},
        {"committee": "Cabinet", "date": ""},
    ]
    assert values["core_purpose"] == {"vulnerable": "Survivors are supported."}
    found = cover_findings(values, template, ["Appendix 1"], "the cover sheet")
    assert [f.text for f in found if f.kind == "meeting_date"] == [
        "Report to: the date of meeting of Cabinet is not given"
    ]
    with pytest.raises(CoverTemplateError, match="the cover sheet's further_meetings cannot be read"):
        values_from_form({"further_meetings": "Cabinet, 28 September"}, template)
