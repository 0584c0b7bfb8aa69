"""The action plan appendix as a committee reads it: the sample plan through the command line, the PDF and the
Word file read back."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.paths import SAMPLE_DATA
from tests.pdf_structure import page_lines, structure_problems, tagged_lines

SAMPLE_PLAN = SAMPLE_DATA / "action_plan_2023-2028.xlsx"
PLAN_HEADER_END = "Progress RAG"


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("plan") / "plan.pdf"
    status = main(
        [
            "report",
            "action-plan",
            str(SAMPLE_PLAN),
            "--out",
            str(out),
            "--docx",
            "--as-of",
            "31/03/2024",
            "--agenda-item",
            "7",
        ]
    )
    assert status == 0
    return out, out.with_suffix(".docx")


@pytest.fixture(scope="module")
def pages(written) -> list[list[str]]:
    return page_lines(written[0])


@pytest.fixture(scope="module")
def reading(written) -> str:
    """The words a screen reader reads, in reading order (a cell's lines joined)."""
    return " ".join(line for page in tagged_lines(written[0]) for line in page)


def test_the_title_page_says_the_plan_and_its_report_date(pages):
    first = " ".join(pages[0])
    assert "Sefton Domestic Abuse Action Plan" in first and "Progress at 31 March 2024" in first


def test_the_summary_counts_each_theme_by_rag_rating(pages):
    lines = [line for page in pages for line in page]
    assert "Theme Red Amber Green Complete Not rated Total" in lines
    assert "Prevent 1 3 12 4 2 22" in lines
    assert "All themes 8 12 32 20 2 74" in lines


def test_the_exceptions_carry_their_notes_and_a_missing_note_is_a_prompt(reading):
    exceptions = reading[reading.rindex("Exceptions: red and amber actions") : reading.rindex("Milestones past due")]
    assert "provider withdrew in December 2023; re-procurement is under way." in exceptions
    assert "[No progress note given: ask the lead for one]" in exceptions  # Protect & Repair 3: red by rule, no note
    # 14 of the 20 have passed their milestone; Leadership and Governance 16, Prevent 5 and Protect & Repair 2 are
    # not yet due, and Prevent 15 and 17 and Protect & Repair 17 go on ("Dec 23 and on going"): no completion date
    assert exceptions.count("past due") == 14


def test_the_plan_is_on_landscape_pages_whose_header_repeats(written, pages):
    reader = PdfReader(written[0])
    plan_pages = [number for number, page in enumerate(pages) if any(line.endswith(PLAN_HEADER_END) for line in page)]
    assert len(plan_pages) >= 4
    for number in plan_pages:
        box = reader.pages[number].mediabox
        assert box.width > box.height, f"page {number + 1} is not landscape"
    continued = [line for page in pages for line in page if line.endswith("(continued)")]
    assert "Leadership and Governance (continued)" in continued


def test_a_status_a_rule_decided_says_so_under_it(reading):
    # three actions red by rule (Leadership and Governance 18, Protect & Repair 3 and 25), each shown in the
    # exceptions, the milestones past due and the plan
    assert reading.count("Set by rule: its milestone has passed and it is not marked complete") == 9


def test_the_pdf_is_tagged_and_its_chart_has_alternative_text(written):
    assert structure_problems(written[0]) == []
    with pikepdf.open(written[0]) as pdf:
        alts = [str(node.get("/Alt")) for node in _nodes(pdf.Root.StructTreeRoot) if node.get("/S") == "/Figure"]
    assert len(alts) == 1
    assert "Leadership and Governance: 20 actions (3 red, 4 amber, 4 green, 9 complete)" in alts[0]
    assert "Prevent: 22 actions (1 red, 3 amber, 12 green, 4 complete, 2 not rated)" in alts[0]


def _nodes(node):
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary):
            yield kid
            yield from _nodes(kid)


def test_the_word_copy_has_headings_repeating_headers_and_landscape_pages(written):
    word = docx.Document(str(written[1]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    for title in ("Summary of progress", "Exceptions: red and amber actions", "Milestones past due", "The action plan"):
        assert title in headings
    assert "Children and Young People" in headings
    plan_tables = [table for table in word.tables if table.rows[0].cells[-1].text == "Progress RAG Rated"]
    assert len(plan_tables) == 4
    for table in plan_tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert any(section.page_width > section.page_height for section in word.sections)
    pictures = word.element.body.xpath(".//wp:docPr")
    assert len(pictures) == 1 and "74 actions" in pictures[0].get("descr")


def test_plan_lists_the_slips_with_their_rows(capsys):
    assert main(["plan", str(SAMPLE_PLAN), "--as-of", "31/03/2024"]) == 0
    out = capsys.readouterr().out
    assert "row 14, column 'No.': Leadership and Governance: an action has no number (after 7)" in out
    assert "row 71, column 'No.': Protect & Repair: the numbering skips 19" in out
    assert "All themes                   8     12     32        20          2     74" in out


def test_plan_json_gives_the_counts_exceptions_and_past_due(capsys):
    assert main(["plan", str(SAMPLE_PLAN), "--as-of", "31/03/2024", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "action-plan/1"
    assert document["counts"]["total"] == {
        "red": 8,
        "amber": 12,
        "green": 32,
        "complete": 20,
        "not_rated": 2,
        "total": 74,
    }
    # past due: the 14 red and amber ones above, and Leadership and Governance's unnumbered action, green at Sep-23
    assert len(document["exceptions"]) == 20 and len(document["past_due"]) == 15
    by_rule = [item for item in document["past_due"] if item["status_from"] == "rule"]
    assert [(item["theme"], item["number"], item["status"], item["due"]) for item in by_rule] == [
        ("Leadership and Governance", "18", "red", "2023-09-30"),
        ("Protect & Repair", "3", "red", "2023-12-31"),
        ("Protect & Repair", "25", "red", "2023-09-30"),
    ]


def test_a_file_that_is_no_plan_is_one_line_and_exit_2(tmp_path, capsys):
    other = tmp_path / "notes.csv"
    other.write_text("Reference,Summary\nC1,Late reply\n")
    assert main(["report", "action-plan", str(other), "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: notes.csv: no sheet has an action plan's header row") and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_the_sample_plan_at_two_reporting_dates_says_what_changed(capsys):
    earlier = SAMPLE_DATA / "action_plan_2023-2028_december_2023.xlsx"
    arguments = ["plan", str(SAMPLE_PLAN), "--as-of", "31/03/2024", "--json"]
    assert main([*arguments, "--previous", str(earlier), "--previous-as-of", "31/12/2023"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    moved = [(item["theme"], item["number"], item["from"], item["to"]) for item in changes["moved"]]
    assert moved == [
        ("Leadership and Governance", "2", "green", "amber"),
        ("Leadership and Governance", "4", "amber", "red"),
        ("Leadership and Governance", "13", "green", "amber"),
        ("Prevent", "1", "green", "amber"),
        ("Prevent", "14", "green", "complete"),
        ("Prevent", "17", "amber", "red"),
        ("Protect & Repair", "1", "green", "complete"),
        ("Protect & Repair", "2", "amber", "red"),
        ("Protect & Repair", "3", "not_rated", "red"),  # unrated: not due at 31 December, red by rule in March
        ("Children and Young People", "2", "green", "amber"),
    ]
    assert [(item["theme"], item["number"]) for item in changes["new"]] == [
        ("Protect & Repair", "27"),
        ("Children and Young People", "6"),
    ]
    assert [(item["theme"], item["number"], item["last_status"]) for item in changes["closed"]] == [
        ("Leadership and Governance", "20", "complete")
    ]
