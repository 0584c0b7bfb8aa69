"""The lessons-learned register: read from a real workbook with awkward cells, what changed between two
reporting dates, its section in each complaints appendix (the PDF read back), the required-contents check,
and the project file keeping every reporting date."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.complaints import summarise
from desktop_app.domain.lessons import LessonEntry, lessons_report, load_lessons_vocabulary
from desktop_app.domain.periods import Period
from desktop_app.domain.problems import Severity
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.excel.lessons import read_lessons_register
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.project import store
from desktop_app.project.model import Project
from desktop_app.report.adults_complaints import adults_complaints_document
from desktop_app.report.complaints import complaints_document
from desktop_app.report.corporate_complaints import corporate_complaints_document
from desktop_app.report.model import Note, Table
from tests.pdf_structure import page_lines, pdf_lines, structure_problems

SAMPLE_DATA = SAMPLE_COMPLAINTS_LOG.parent
SAMPLE_REGISTER = SAMPLE_DATA / "lessons_register_2022-23.xlsx"
LAST, NOW = dt.date(2022, 3, 31), dt.date(2023, 3, 31)
VOCABULARY = load_lessons_vocabulary()
HEADER = ["Ref", "Status at", "Service", "Learning point", "Action", "Owner", "Due", "Progress"]
TITLE = (("Lessons learned from complaints",), ())


#: A service no report leaves out (resources/lessons_vocabulary.toml [reports]): every report prints its points.
EVERY_REPORTS = "Customer Services"


def row(reference, reported, learning, status, due=None, owner="Complaints Manager", service=EVERY_REPORTS):
    return [reference, reported, service, learning, f"Act on {learning.lower()}", owner, due, status]


#: Last year's report: A complete, B in progress, C not started, D in progress (not restated this year).
#: This year: A restated complete, B complete, C in progress and overdue, E new, F new and complete.
TWO_DATES = [
    row("LL-A", LAST, "Letters late", "Complete", NOW),
    row("LL-B", LAST, "No apology", "In progress", dt.date(2022, 12, 31)),
    row("LL-C", LAST, "Wrong leaflet", "Not started", dt.date(2022, 9, 30)),
    row("LL-D", LAST, "Long waits", "In progress", dt.date(2023, 12, 31)),
    row("ll-a", NOW, "Letters late", "complete", NOW),  # its reference spelt another way: the same point
    row("LL-B", NOW, "No apology", "Completed", dt.date(2022, 12, 31)),
    row("LL-C", NOW, "Wrong leaflet", "on track", dt.date(2022, 9, 30)),
    row("LL-E", NOW, "Jargon in letters", "Not started", dt.date(2023, 9, 30)),
    row("LL-F", NOW, "Remedies differ", "Done", dt.date(2023, 2, 1)),
]


@pytest.fixture
def register(write_workbook) -> Path:
    return write_workbook(TWO_DATES, header=HEADER, title_rows=TITLE, sheet="Register", name="lessons.xlsx")


@pytest.fixture
def awkward(write_workbook) -> Path:
    rows = [
        row("LL-1", NOW, "Letters late", "In progress", dt.date(2023, 1, 31)),
        row("LL-2", NOW, "No apology", None),  # blank status
        row("LL-3", NOW, "Wrong leaflet", "In progress", "31/02/2023"),  # a due date that is no date
        row("LL-1", NOW, "Letters late again", "Complete"),  # the reference again at the same date
        row("LL-4", "next March", "Long waits", "In progress"),  # a reporting date that is no date
        row("LL-5", NOW, "Jargon", "Parked"),  # a status the vocabulary does not know
        [],
        row("LL-6", NOW, "Remedies differ", "Not started", dt.date(2023, 6, 30)),
    ]
    return write_workbook(rows, header=HEADER, title_rows=TITLE, sheet="Register", name="awkward.xlsx")


@pytest.fixture(scope="module")
def summary():
    from desktop_app.domain.rules import load_rules
    from desktop_app.domain.vocabulary import load_vocabulary

    rules, vocabulary = load_rules(), load_vocabulary()
    log = read_complaints_log(SAMPLE_COMPLAINTS_LOG, vocabulary, rules).log
    year = Period(dt.date(2022, 4, 1), dt.date(2023, 3, 31))
    return rules, summarise(log, rules, vocabulary.outcome_classes, year, dt.date(2023, 4, 28))


# --- reading the register ------------------------------------------------------------------------


def test_each_awkward_cell_is_a_problem_naming_its_cell_and_leaves_out_only_its_own_row(awkward):
    read = read_lessons_register(awkward)
    assert [entry.reference for entry in read.entries] == ["LL-1", "LL-3", "LL-6"]
    found = {(p.row, p.column, p.cell): (p.severity, p.message, p.value) for p in read.problems}
    assert all(p.file == "awkward.xlsx" and p.sheet == "Register" for p in read.problems)
    # header on row 3: the blank status is on row 5, column H
    severity, message, _ = found[(5, "Progress", "H5")]
    assert severity is Severity.ERROR and message.startswith("the status is blank; use one of 'Not started'")
    severity, message, value = found[(6, "Due", "G6")]
    assert severity is Severity.WARNING and value == "31/02/2023" and "kept without a due date" in message
    severity, message, value = found[(7, "Ref", "A7")]
    assert severity is Severity.ERROR and value == "LL-1" and "given again for 31/03/2023" in message
    assert found[(8, "Status at", "B8")][2] == "next March"
    assert found[(9, "Progress", "H9")][1].startswith("the status is not a status this register knows")
    assert len(read.problems) == 5  # the blank row is passed over in silence
    # the point whose due date could not be read is kept, with no due date, and never counted overdue
    report = lessons_report(read.entries, VOCABULARY, NOW)
    assert [point.reference for point in report.points] == ["LL-1", "LL-3", "LL-6"]
    assert [point.reference for point in report.overdue] == ["LL-1"]


def test_a_workbook_without_the_registers_header_is_refused_by_name(write_workbook):
    from desktop_app.excel.workbook import WorkbookError

    path = write_workbook([["LL-1", "x"]], header=["Ref", "Notes"], name="notes.xlsx")
    with pytest.raises(WorkbookError, match=r"notes.xlsx: no sheet has a lessons register's header row"):
        read_lessons_register(path)


# --- what changed between two reporting dates ----------------------------------------------------


def test_the_changes_since_the_last_report(register):
    entries = read_lessons_register(register).entries
    report = lessons_report(entries, VOCABULARY, dt.date(2023, 4, 28))
    assert (report.as_of, report.previous) == (NOW, LAST)
    # A was complete at the last report: reported then, not printed again; D, not restated, keeps its status
    assert [p.reference for p in report.done_before] == ["ll-a"]
    assert [p.reference for p in report.points] == ["LL-B", "LL-C", "LL-D", "LL-E", "LL-F"]
    assert [p.reference for p in report.new] == ["LL-E", "LL-F"]
    assert [(c.after.reference, c.before.status, c.after.status) for c in report.changed] == [
        ("LL-B", "in_progress", "complete"),
        ("LL-C", "not_started", "in_progress"),
    ]
    assert [p.reference for p in report.completed] == ["LL-B", "LL-F"]
    assert [p.reference for p in report.overdue] == ["LL-C"]  # due 30/09/2022, in progress at 31/03/2023
    assert report.counts(VOCABULARY) == {"not_started": 1, "in_progress": 2, "delayed": 0, "complete": 2}
    # at last year's report there was no report before: nothing changed since one
    first = lessons_report(entries, VOCABULARY, dt.date(2022, 4, 28))
    assert first.previous is None and not (first.new or first.changed or first.completed)
    assert [p.reference for p in first.overdue] == []
    assert lessons_report(entries, VOCABULARY, dt.date(2021, 3, 31)) is None


# --- which report prints which points ------------------------------------------------------------


def test_a_report_leaves_out_the_services_its_reports_table_names_spelt_any_way():
    assert VOCABULARY.left_out("corporate") == frozenset() and VOCABULARY.left_out(None) == frozenset()
    adults = entry("LL-1", NOW, service="adult social care")  # spelt as the register spells it
    childrens = entry("LL-2", NOW, service="CHILDRENS  SOCIAL CARE")
    nobody = entry("LL-3", NOW, service="")  # no service: every report's
    assert VOCABULARY.belongs_elsewhere(adults, "childrens") and not VOCABULARY.belongs_elsewhere(adults, "adults")
    assert VOCABULARY.belongs_elsewhere(childrens, "adults") and not VOCABULARY.belongs_elsewhere(
        childrens, "childrens"
    )
    assert not any(VOCABULARY.belongs_elsewhere(point, "corporate") for point in (adults, childrens, nobody))
    assert not any(VOCABULARY.belongs_elsewhere(nobody, regime) for regime in ("childrens", "adults"))
    with pytest.raises(ValueError, match="'housing' is not a report"):
        VOCABULARY.left_out("housing")


def test_a_point_moved_to_another_service_leaves_the_changes_of_the_report_that_no_longer_prints_it():
    entries = [
        entry("LL-1", LAST, "not_started", "Children's Social Care"),
        entry("LL-1", NOW, "in_progress", "Adult Social Care"),  # handed to adults' services this year
        entry("LL-2", NOW, "not_started", "Children's Social Care"),
    ]
    childrens = lessons_report(entries, VOCABULARY, NOW, report="childrens")
    assert [p.reference for p in childrens.points] == ["LL-2"] and childrens.elsewhere == 1
    assert not childrens.changed and [p.reference for p in childrens.new] == ["LL-2"]
    adults = lessons_report(entries, VOCABULARY, NOW, report="adults")
    assert [c.after.reference for c in adults.changed] == ["LL-1"] and adults.elsewhere == 1


@pytest.mark.parametrize(
    ("reports", "message"),
    [
        ("[reports.housing]\nleaves_out = []", r"lessons\.toml: \[reports\.housing\] is not a report"),
        ('[reports.adults]\nleaves_out = "Corporate"', r"lessons\.toml: \[reports\.adults\] leaves_out must be a list"),
        ('[reports.adults]\nleaves_out = ["Corporate", 3]', r"lessons\.toml: \[reports\.adults\] leaves_out must be"),
        ('[reports.adults]\nleave_out = ["Corporate"]', r"lessons\.toml: \[reports\.adults\] takes only leaves_out"),
        ('reports = ["adults"]', r"lessons\.toml: \[reports\] must be tables"),
    ],
)
def test_a_bad_reports_entry_is_refused_naming_the_file_and_table(tmp_path, reports, message):
    from desktop_app.domain.lessons import DEFAULT_LESSONS_VOCABULARY
    from desktop_app.domain.resource_files import ResourceFileError

    shipped = DEFAULT_LESSONS_VOCABULARY.read_text(encoding="utf-8")
    path = tmp_path / "lessons.toml"
    shipped = shipped[: shipped.index("[reports.childrens]")]
    # a key of the file's top (not a table) goes before its first table
    path.write_text(shipped + reports if reports.startswith("[") else reports + "\n" + shipped, encoding="utf-8")
    with pytest.raises(ResourceFileError, match=message):
        load_lessons_vocabulary(path)


def test_the_appendix_whose_services_have_no_point_says_where_the_points_are(summary):
    rules, year = summary
    entries = [entry("LL-1", NOW, service="Children's Social Care"), entry("LL-2", NOW, service="Corporate")]
    document = adults_complaints_document(year, rules, lessons=entries)
    blocks = section(document, "improvements").blocks
    assert not [block for block in blocks if isinstance(block, Table) and block.key == "lessons"]
    assert f"{ELSEWHERE_NOTE} 2." in [block.text for block in blocks if isinstance(block, Note)]
    assert document.figures["lessons_elsewhere"].text == "2"


def entry(reference: str, reported: dt.date, status: str = "in_progress", service: str = "") -> LessonEntry:
    return LessonEntry(
        reference, reported, f"Point {reference}", status, "An action", "Complaints Manager", None, service
    )


# --- the appendices ---------------------------------------------------------------------------------


def section(document, key):
    [found] = [s for s in document.sections if s.key == key]
    return found


def test_each_appendix_prints_the_register_and_its_changes_after_the_sections_words(register, summary):
    rules, year = summary
    entries = read_lessons_register(register).entries
    documents = {
        "learning": complaints_document(year, rules, lessons=entries),
        "adults": adults_complaints_document(year, rules, lessons=entries),
        "corporate": corporate_complaints_document(year, rules, lessons=entries),
    }
    for key, document in documents.items():
        blocks = section(document, "learning" if key == "learning" else "improvements").blocks
        tables = {block.key: block for block in blocks if isinstance(block, Table)}
        points, changes = tables["lessons"], tables["lessons_changes"]
        assert blocks.index(points) > 0  # after the author's words
        assert [[cell.text for cell in r] for r in points.body][1] == [
            "LL-C",
            "**Customer Services**: Wrong leaflet",
            "Act on wrong leaflet",
            "Complaints Manager",
            "30 September 2022",
            "In progress (overdue)",
        ]
        assert [[cell.text for cell in r][2:] for r in changes.body] == [
            ["New", "Not started"],
            ["New", "Complete"],
            ["In progress", "Complete"],
            ["Not started", "In progress"],
        ]
        assert [cell.text for cell in changes.header[0]][2:] == ["At 31 March 2022", "At 31 March 2023"]
        figures = {name: document.figures[name].text for name in document.figures if name.startswith("lessons_")}
        assert figures["lessons_points"] == "5" and figures["lessons_overdue"] == "1"
        assert (figures["lessons_new"], figures["lessons_changed"], figures["lessons_completed"]) == ("2", "2", "2")
        notes = [block.text for block in blocks if isinstance(block, Note)]
        assert "Learning points already complete at the last report (31 March 2022) are not shown again: 1." in notes


def test_without_a_register_the_section_is_the_authors_words_alone(summary):
    rules, year = summary
    blocks = section(complaints_document(year, rules), "learning").blocks
    assert not [block for block in blocks if isinstance(block, Table)]
    assert complaints_document(year, rules).figures["lessons_points"].text == "not recorded"


def required_sections(capsys, *args: str) -> set[str]:
    main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--json", *args])
    findings = json.loads(capsys.readouterr().out)["findings"]
    return {finding["where"]["section"] for finding in findings if finding["kind"] == "required_contents"}


def test_the_register_counts_as_the_learning_and_improvement_part_of_each_regime(capsys):
    # the shipped words leave the learning and improvement parts as prompts: the register's table stands for them
    register = ["--lessons", str(SAMPLE_REGISTER)]
    assert "learning" in required_sections(capsys, "--regime", "childrens")
    assert "learning" not in required_sections(capsys, "--regime", "childrens", *register)
    assert "improvements" in required_sections(capsys, "--regime", "corporate")
    assert "improvements" not in required_sections(capsys, "--regime", "corporate", *register)


#: Each report's words beside the sample log, and what its register prints
#: at 31 March 2023: the points, the summary and changes sentences, and how many points it leaves out.
REGIME_REPORTS = {
    "childrens": (
        ["--text", str(SAMPLE_DATA / "complaints_report_text_2022-23.toml")],
        ["LL-01", "LL-02", "LL-05", "LL-06"],
        "Of its 4 points, complete: 2; in progress: 1; delayed: 0; not started: 1; overdue: 1.",
        "Since the last report (31 March 2022), new learning points: 2; status changed: 2; completed: 2.",
        3,
    ),
    "adults": (
        ["--text", str(SAMPLE_DATA / "adults_complaints_report_text_2022-23.toml")],
        ["LL-04", "LL-07", "LL-08"],
        "Of its 3 points, complete: 1; in progress: 1; delayed: 1; not started: 0; overdue: 0.",
        "Since the last report (31 March 2022), new learning points: 2; status changed: 1; completed: 1.",
        4,
    ),
    "corporate": (
        [
            "--text",
            str(SAMPLE_DATA / "corporate_complaints_report_text_2022-23.toml"),
            "--self-assessment",
            str(SAMPLE_DATA / "complaint_code_self_assessment_2022-23.toml"),
        ],
        ["LL-01", "LL-02", "LL-04", "LL-05", "LL-06", "LL-07", "LL-08"],
        "Of its 7 points, complete: 3; in progress: 2; delayed: 1; not started: 1; overdue: 1.",
        "Since the last report (31 March 2022), new learning points: 4; status changed: 3; completed: 3.",
        0,
    ),
}
ELSEWHERE_NOTE = "Learning points about other services are in those services' own reports, so are not shown here:"


@pytest.mark.parametrize("regime", list(REGIME_REPORTS))
def test_each_reports_pdf_prints_only_its_own_services_learning_points(regime, tmp_path, capsys):
    words, printed, summary_sentence, changes_sentence, elsewhere = REGIME_REPORTS[regime]
    out = tmp_path / f"{regime}.pdf"
    args = ["--regime", regime, *words, "--lessons", str(SAMPLE_REGISTER), "--out", str(out)]
    assert main(["report", "complaints", str(SAMPLE_COMPLAINTS_LOG), *args]) == 0
    lines = pdf_lines(out)
    start = lines.index("Changes since the last report")
    register = [line.split()[0] for line in lines[:start] if line.startswith("LL-0")]
    assert sorted(set(register)) == printed  # in the register's table, its points alone
    assert not any(line.startswith("LL-0") and line.split()[0] not in printed for line in lines)
    text = " ".join(lines)
    assert summary_sentence in text and changes_sentence in text
    if elsewhere:
        assert f"{ELSEWHERE_NOTE} {elsewhere}." in text
    else:
        assert ELSEWHERE_NOTE not in text
    # the register's footnote is on a page with some of its rows, never alone at the top of the next
    [page] = [page for page in page_lines(out) if any(line.startswith("Status at 31 March 2023.") for line in page)]
    footnote = next(n for n, line in enumerate(page) if line.startswith("Status at 31 March 2023."))
    assert any(line.startswith(printed[-1]) for line in page[:footnote])
    assert structure_problems(out) == []  # the register's tables tagged as every other table


def test_the_childrens_pdf_marks_the_overdue_point_and_leaves_out_the_one_done_before(tmp_path):
    out = tmp_path / "complaints.pdf"
    text = SAMPLE_DATA / "complaints_report_text_2022-23.toml"
    args = ["--text", str(text), "--lessons", str(SAMPLE_REGISTER), "--out", str(out)]
    assert main(["report", "complaints", str(SAMPLE_COMPLAINTS_LOG), *args]) == 0
    lines = pdf_lines(out)
    start = lines.index("Changes since the last report")
    [overdue] = [n for n, line in enumerate(lines[:start]) if line.startswith("LL-02 Children's Social Care:")]
    assert lines[overdue].endswith("In progress") and lines[overdue + 1].endswith("(overdue)")
    assert not any(line.startswith("LL-03") for line in lines)  # complete by the last report
    assert "are not shown again: 1." in " ".join(lines)
    # the owner column is wide enough for a role's longest word
    assert not any(line.endswith("Commission-") or line.startswith("ing ") for line in lines)


def test_the_registers_slips_are_the_proofs_findings_naming_their_cells(awkward, capsys):
    main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--lessons", str(awkward), "--json"])
    findings = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["kind"] == "lessons"]
    assert len(findings) == 5
    blank = next(f for f in findings if f["where"]["row"] == 5)
    assert blank["severity"] == "error" and blank["where"]["column"] == "Progress"
    assert "awkward.xlsx, sheet 'Register', row 5, column 'Progress', cell H5" in blank["message"]


# --- the project file ---------------------------------------------------------------------------


def test_the_project_carries_each_reporting_date_from_year_to_year(register, tmp_path):
    project = Project()
    entries = read_lessons_register(register).entries
    project.record_lessons([e for e in entries if e.reported == NOW], "lessons_2023.xlsx")
    project.record_lessons([e for e in entries if e.reported == LAST], "lessons_2022.xlsx")  # kept in date order
    again = [entry("LL-B", NOW, "complete"), entry("LL-Z", NOW)]
    project.record_lessons(again, "lessons_2023_corrected.xlsx")  # the same date again replaces it
    path = tmp_path / "report.scrutiny"
    store.save(project, path)

    reopened = store.load(path)
    assert reopened.lessons == project.lessons
    assert [(e.reference, e.reported) for e in reopened.lessons] == [
        *((e.reference, e.reported) for e in entries if e.reported == LAST),
        ("LL-B", NOW),
        ("LL-Z", NOW),
    ]
    assert reopened.lessons[1].due == dt.date(2022, 12, 31) and reopened.lessons[-1].due is None
    assert reopened.history[-1].description == "Recorded the lessons-learned register at 31 March 2023"
    report = lessons_report(reopened.lessons, VOCABULARY, NOW)
    assert [p.reference for p in report.new] == ["LL-Z"]


def test_a_project_file_of_version_2_opens_with_no_register(tmp_path):
    path = tmp_path / "old.scrutiny"
    store.save(Project(sections={"Summary": "Words."}), path)
    connection = sqlite3.connect(path)
    connection.executescript("DROP TABLE lesson_entries; PRAGMA user_version = 2;")
    connection.close()
    project = store.load(path)
    assert project.sections == {"Summary": "Words."} and project.lessons == []
    project.record_lessons([entry("LL-1", NOW)], "lessons.xlsx")
    store.save(project, path)
    assert store.load(path).lessons == project.lessons


# --- the sample -----------------------------------------------------------------------------------


def test_the_sample_register_shows_changes_between_its_two_reporting_dates():
    read = read_lessons_register(SAMPLE_REGISTER)
    assert read.problems == []
    report = lessons_report(read.entries, VOCABULARY, dt.date(2023, 4, 28))
    assert (report.as_of, report.previous) == (NOW, LAST)
    assert [len(getattr(report, name)) for name in ("points", "new", "changed", "completed", "overdue")] == [
        7,
        4,
        3,
        3,
        1,
    ]
    assert [p.reference for p in report.done_before] == ["LL-03"]
    assert report.elsewhere == 0  # the whole register


@pytest.mark.parametrize(
    ("regime", "points", "done_before", "elsewhere"),
    [
        ("childrens", ["LL-01", "LL-02", "LL-05", "LL-06"], ["LL-03"], 3),
        ("adults", ["LL-04", "LL-07", "LL-08"], [], 4),  # LL-03 was corporate's
        ("corporate", ["LL-01", "LL-02", "LL-04", "LL-05", "LL-06", "LL-07", "LL-08"], ["LL-03"], 0),
    ],
)
def test_each_report_of_the_sample_register_holds_its_own_services_points(regime, points, done_before, elsewhere):
    entries = read_lessons_register(SAMPLE_REGISTER).entries
    report = lessons_report(entries, VOCABULARY, NOW, report=regime)
    assert [p.reference for p in report.points] == points
    assert [p.reference for p in report.done_before] == done_before
    assert report.elsewhere == elsewhere
    assert all(p.reference in points for p in (*report.new, *report.completed, *report.overdue))
    assert all(change.after.reference in points for change in report.changed)
