"""An action plan's RAG history across reporting dates: two workbooks of one plan, what changed between them in
the appendix (the PDF and the Word file read back), and the project file keeping both dates."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.domain.action_plans import load_plan_rules, load_plan_vocabulary
from desktop_app.domain.plan_history import changes_since, plan_report, report_before
from desktop_app.domain.plan_progress import FROM_RULE, NOT_RATED, assess
from desktop_app.excel.action_plan import read_action_plan
from desktop_app.project import store
from desktop_app.project.model import Project
from tests.test_action_plan_reader import action, write_plan

DECEMBER, MARCH, JUNE = dt.date(2023, 12, 31), dt.date(2024, 3, 31), dt.date(2024, 6, 30)
VOCABULARY = load_plan_vocabulary()
RULES = load_plan_rules(vocabulary=VOCABULARY)


@pytest.fixture
def plans(tmp_path) -> tuple[Path, Path]:
    """The plan at 31 December 2023 and at 31 March 2024: Prevent 1 slips from green to amber, Prevent 2 stays
    amber, Prevent 3 (no rating, due Jan-24) is red by rule in March, Prevent 4 is closed (taken out of the plan),
    Protect 1 is complete, and Protect 2 is new."""
    december = write_plan(
        tmp_path / "plan_december.xlsx",
        [
            "Prevent -",
            action(1, "Public information on abuse", dt.date(2024, 6, 1), "Green - the campaign is planned"),
            action(2, "Training for GPs", dt.date(2024, 6, 1), "Amber - the trainer has left"),
            action(3, "A harm reduction pack", dt.date(2024, 1, 1)),
            action(4, "Audit the training packages", dt.date(2023, 11, 1), "Complete"),
            "Protect & Repair -",
            action(1, "Support groups for survivors", dt.date(2024, 3, 1), "Green"),
        ],
    )
    march = write_plan(
        tmp_path / "plan_march.xlsx",
        [
            "Prevent -",
            action(1, "Public information on abuse", dt.date(2024, 6, 1), "Amber - the helpline contract was delayed"),
            action(2, "Training for GPs", dt.date(2024, 6, 1), "Amber - a new trainer starts in May"),
            action(3, "A harm reduction pack", dt.date(2024, 1, 1)),
            "Protect & Repair -",
            action(1, "Support groups for survivors", dt.date(2024, 3, 1), "Complete - all groups ran"),
            action(2, "Safe Places in pharmacies", dt.date(2024, 9, 1), "Green"),
        ],
    )
    return december, march


def report_of(path: Path, as_of: dt.date):
    imported = read_action_plan(path, VOCABULARY)
    return plan_report(assess(imported.plan, RULES, as_of), imported.provenance.file, imported.provenance.sha256)


def test_between_two_reporting_dates_the_moves_new_and_closed_actions_are_found(plans):
    changes = changes_since(report_of(plans[0], DECEMBER), report_of(plans[1], MARCH))
    moved = [(m.after.theme, m.after.number, m.before.status, m.after.status, m.after.note) for m in changes.moved]
    assert moved == [
        ("Prevent", "1", "green", "amber", "the helpline contract was delayed"),
        ("Prevent", "3", NOT_RATED, "red", ""),  # no rating, and its milestone passed in January: the rule's red
        ("Protect & Repair", "1", "green", "complete", "all groups ran"),
    ]
    assert changes.moved[1].after.source == FROM_RULE
    assert [(r.theme, r.number, r.status) for r in changes.new] == [("Protect & Repair", "2", "green")]
    assert [(r.theme, r.number, r.status) for r in changes.closed] == [("Prevent", "4", "complete")]


def test_the_project_keeps_each_reporting_date_and_reopens_with_both(plans, tmp_path):
    project = Project()
    assert project.record_plan_report(report_of(plans[1], MARCH)) is False
    assert project.record_plan_report(report_of(plans[0], DECEMBER)) is False  # imported late: kept in date order
    assert project.record_plan_report(report_of(plans[1], MARCH)) is True  # the same date again replaces it
    path = tmp_path / "report.scrutiny"
    store.save(project, path)

    reopened = store.load(path)
    assert [report.as_of for report in reopened.plan_reports] == [DECEMBER, MARCH]
    assert reopened.plan_reports == project.plan_reports
    assert reopened.plan_reports[1].file == "plan_march.xlsx"
    assert [edit.description for edit in reopened.history] == [
        "Recorded the action plan's ratings at 31 March 2024 for a new reporting date",
        "Recorded the action plan's ratings at 31 December 2023 for a new reporting date",
        "Recorded the action plan's ratings at 31 March 2024 again",
    ]
    previous = report_before(reopened.plan_reports, JUNE)
    assert previous is not None and previous.as_of == MARCH
    assert report_before(reopened.plan_reports, MARCH).as_of == DECEMBER
    assert report_before(reopened.plan_reports, DECEMBER) is None
    changes = changes_since(reopened.plan_reports[0], reopened.plan_reports[1])
    assert len(changes.moved) == 3 and len(changes.new) == 1 and len(changes.closed) == 1


def test_a_project_file_of_version_1_opens_with_no_reporting_dates(tmp_path):
    path = tmp_path / "old.scrutiny"
    store.save(Project(sections={"Summary": "Words."}), path)
    connection = sqlite3.connect(path)
    connection.executescript(
        "DROP TABLE lesson_entries; DROP TABLE plan_ratings; DROP TABLE plan_reports; PRAGMA user_version = 1;"
    )
    connection.close()
    project = store.load(path)
    assert project.sections == {"Summary": "Words."} and project.plan_reports == []
    project.record_plan_report(one_action_report(tmp_path))
    store.save(project, path)
    assert len(store.load(path).plan_reports) == 1


def one_action_report(tmp_path: Path):
    plan = write_plan(tmp_path / "one.xlsx", ["Prevent -", action(1, "An action", dt.date(2024, 6, 1), "Green")])
    return report_of(plan, MARCH)


@pytest.fixture
def appendix(plans, tmp_path) -> Path:
    out = tmp_path / "plan.pdf"
    arguments = ["report", "action-plan", str(plans[1]), "--out", str(out), "--docx", "--as-of", "31/03/2024"]
    assert main([*arguments, "--previous", str(plans[0]), "--previous-as-of", "31/12/2023"]) == 0
    return out


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_pdf_says_what_changed_since_the_last_report(appendix):
    text = pdf_text(appendix)
    changed = text[text.index("What changed since the last report Since") : text.rindex("Exceptions: red and amber")]
    assert (
        "Since the last report, at 31 December 2023: 3 actions moved to another RAG rating, 1 action joined the plan, "
        "and 1 action left it (closed)." in changed
    )
    assert "Ratings that moved" in changed and "New actions" in changed and "Actions closed" in changed
    assert "Public information on abuse Green Amber the helpline contract was delayed" in changed
    assert "A harm reduction pack Not rated Red Set by rule" in changed
    assert "Safe Places in pharmacies Green" in changed
    assert "Audit the training packages Complete" in changed
    assert "Training for GPs" not in changed  # amber at both dates: its rating did not move


def test_the_word_copy_has_the_same_changes(appendix):
    word = docx.Document(str(appendix.with_suffix(".docx")))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "What changed since the last report" in headings and "Ratings that moved" in headings
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]
    moved = next(table for table in tables if table[0][3:4] == ["At 31 December 2023"])
    rows = moved[1:]
    assert rows[0] == [
        "Prevent",
        "1",
        "Public information on abuse",
        "Green",
        "Amber",
        "the helpline contract was delayed",
    ]
    assert [row[2] for row in rows] == [
        "Public information on abuse",
        "A harm reduction pack",
        "Support groups for survivors",
    ]
    closed = next(table for table in tables if table[0][-1] == "Last rating, at 31 December 2023")
    assert closed[1:] == [["Prevent", "4", "Audit the training packages", "Complete"]]


def test_without_an_earlier_report_the_section_says_there_is_none_to_compare(plans, tmp_path):
    out = tmp_path / "first.pdf"
    assert main(["report", "action-plan", str(plans[1]), "--out", str(out), "--as-of", "31/03/2024"]) == 0
    text = pdf_text(out)
    assert "There is no earlier report of the plan to compare with" in text
    assert "Ratings that moved" not in text
    assert "The plan has 5 actions under 2 themes." in text


def test_plan_json_gives_the_changes(plans, capsys):
    arguments = ["plan", str(plans[1]), "--as-of", "31/03/2024", "--json"]
    assert main([*arguments, "--previous", str(plans[0]), "--previous-as-of", "31/12/2023"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert changes["previous_as_of"] == "2023-12-31" and changes["previous_file"] == "plan_december.xlsx"
    assert [(item["number"], item["from"], item["to"]) for item in changes["moved"]] == [
        ("1", "green", "amber"),
        ("3", "not_rated", "red"),
        ("1", "green", "complete"),
    ]
    assert [item["priority"] for item in changes["new"]] == ["Safe Places in pharmacies"]
    assert changes["closed"] == [
        {"theme": "Prevent", "number": "4", "priority": "Audit the training packages", "last_status": "complete"}
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "error: --previous needs --previous-as-of, the date of that last report"),
        (["--previous-as-of", "31/03/2024"], "error: --previous-as-of (31/03/2024) must be before the report date"),
    ],
)
def test_a_previous_plan_without_an_earlier_date_is_one_line_and_exit_2(plans, capsys, extra, message):
    arguments = ["plan", str(plans[1]), "--as-of", "31/03/2024", "--previous", str(plans[0]), *extra]
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_a_sentence_counts_one_action_in_the_singular(tmp_path):
    plan = write_plan(tmp_path / "one.xlsx", ["Prevent -", action(1, "An action", dt.date(2023, 6, 1), "Amber")])
    out = tmp_path / "one.pdf"
    assert main(["report", "action-plan", str(plan), "--out", str(out), "--as-of", "31/03/2024"]) == 0
    text = pdf_text(out)
    assert "The plan has 1 action under 1 theme." in text
    assert "At 31 March 2024 the plan rates 1 action red or amber." in text
    assert "1 actions" not in text and "1 themes" not in text
