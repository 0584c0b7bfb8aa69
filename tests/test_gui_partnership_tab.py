"""The Partnership tab, driven as a user would: the sample action plan at two reporting dates, the MARAC and safe
accommodation returns, the check before export, the PDF read back, the project reopened, a bad workbook."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.cli import main
from desktop_app.gui.partnership_tab import PartnershipTab
from desktop_app.paths import SAMPLE_DATA
from tests.test_export_check import CheckAnswers
from tests.test_gui_window import TASK_TIMEOUT_MS, answers, make_window  # noqa: F401 - fixtures

MARCH_PLAN = SAMPLE_DATA / "action_plan_2023-2028.xlsx"
DECEMBER_PLAN = SAMPLE_DATA / "action_plan_2023-2028_december_2023.xlsx"
MARAC = SAMPLE_DATA / "marac_2019-2021.xlsx"
SAFE_ACCOMMODATION = SAMPLE_DATA / "safe_accommodation_2023-24.xlsx"


def wait_for_task(qtbot, tab: PartnershipTab) -> None:
    qtbot.waitUntil(lambda: tab.task is not None and not tab.task.running, timeout=TASK_TIMEOUT_MS)


def load_plan(qtbot, tab: PartnershipTab, path, as_of: dt.date) -> None:
    tab.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
    tab.load_plan(path)
    wait_for_task(qtbot, tab)


def rows(table) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def shown(tab: PartnershipTab, kind: str, key: str) -> list[list[str]]:
    """The rows of the table on show whose accessible name is the appendix's table `key`'s."""
    document = tab.document(kind)
    assert document is not None
    table = document.table(key)
    name = f"Table: {table.caption or table.key}"
    [view] = [view for view in tab.tables(kind) if view.accessibleName() == name]
    return rows(view)


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def problems(tab: PartnershipTab) -> list[list[str]]:
    return rows(tab.problems)


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def tab(window) -> PartnershipTab:
    window.tabs.setCurrentWidget(window.partnership_tab)
    return window.partnership_tab


@pytest.fixture
def plans_loaded(tab, qtbot) -> PartnershipTab:
    """The sample plan as at the last report, then as at this one: the tab compares them."""
    load_plan(qtbot, tab, DECEMBER_PLAN, dt.date(2023, 12, 31))
    load_plan(qtbot, tab, MARCH_PLAN, dt.date(2024, 3, 31))
    return tab


@pytest.fixture
def loaded(plans_loaded, qtbot) -> PartnershipTab:
    plans_loaded.load_returns([MARAC, SAFE_ACCOMMODATION])
    wait_for_task(qtbot, plans_loaded)
    return plans_loaded


def test_the_tab_shows_the_plans_counts_exceptions_changes_slips_and_the_marac_figures(loaded, window, qtbot, tmp_path):
    summary = shown(loaded, "action_plan", "plan_summary")
    assert summary[0] == ["Theme", "Red", "Amber", "Green", "Complete", "Not rated", "Total"]
    assert summary[1] == ["Leadership and Governance", "3", "4", "4", "9", "0", "20"]
    assert summary[-1] == ["All themes", "8", "12", "32", "20", "2", "74"]
    exceptions = shown(loaded, "action_plan", "plan_exceptions")
    assert len(exceptions) - 1 == 8 + 12  # the red and amber actions, under one header row
    assert any("the annual report is drafted but has not been agreed" in " ".join(row) for row in exceptions)
    moved = shown(loaded, "action_plan", "plan_moved")
    assert moved[0][3:5] == ["At 31 December 2023", "At 31 March 2024"]
    assert ["Leadership and Governance", "4"] == moved[2][:2] and moved[2][3:5] == ["Amber", "Red"]
    assert "ratings are kept for 31/12/2023, 31/03/2024" in loaded.summary.text()
    listed = problems(loaded)
    assert ["Warning", "action_plan_2023-2028.xlsx", "Action Plan", "71", "No.", "20"] in [row[:6] for row in listed]
    assert any(row[:4] == ["Note", "safe_accommodation_2023-24.xlsx", "Return", "19"] for row in listed)
    window.resize(1280, 800)
    loaded.grab().save(str(tmp_path / "partnership-plan.png"))

    loaded.side.setCurrentWidget(loaded.returns_page)
    marac = shown(loaded, "partnership", "marac_summary")
    assert marac[1] == ["MARAC referrals", "576", "737", "467", "58% above the SafeLives estimate of 467"]
    assert marac[-1][-1] == "28 spaces below the Council of Europe minimum of 28"
    assert shown(loaded, "partnership", "safe_accommodation_strategy")  # the safe accommodation section follows
    loaded.grab().save(str(tmp_path / "partnership-marac.png"))

    window.undo_stack.undo()  # the returns
    wait_for_task(qtbot, loaded)
    assert loaded.document("partnership") is None and loaded.tables("partnership") == []
    window.undo_stack.undo()  # the March plan: December's is shown, with nothing to compare with
    wait_for_task(qtbot, loaded)
    assert [report.as_of for report in window.project.plan_reports] == [dt.date(2023, 12, 31)]
    assert "plan_moved" not in [table.key for table in loaded.document("action_plan").tables()]
    window.undo_stack.redo()
    wait_for_task(qtbot, loaded)
    assert shown(loaded, "action_plan", "plan_moved")[2][3:5] == ["Amber", "Red"]


def test_a_go_there_button_shows_the_slip_then_the_export_writes_the_command_lines_appendix(
    plans_loaded, window, answers, qtbot, tmp_path, monkeypatch
):
    check = CheckAnswers(answers)
    out = tmp_path / "Action plan appendix.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), "PDF (*.pdf)"))
    window.tabs.setCurrentWidget(window.returns_tab)
    check.press = "numbering skips 19"
    plans_loaded.export_dialog()  # the action plan appendix is the one chosen first
    findings = check.findings()
    assert any("[No progress note given: ask the lead for one]" in finding for finding in findings)
    assert window.tabs.currentWidget() is plans_loaded and not out.exists()
    [selected] = {index.row() for index in plans_loaded.problems.selectionModel().selectedRows()}
    assert problems(plans_loaded)[selected][1] == "action_plan_2023-2028.xlsx"

    check.press = "export"
    plans_loaded.export_dialog()
    wait_for_task(qtbot, plans_loaded)
    text = pdf_text(out)
    assert (
        "Since the last report, at 31 December 2023: 10 actions moved to another RAG rating, 2 actions joined the "
        "plan, and 1 action left it (closed)." in text
    )
    assert "All themes 8 12 32 20 2 74" in text
    by_the_command_line = tmp_path / "cli.pdf"
    arguments = ["report", "action-plan", str(MARCH_PLAN), "--out", str(by_the_command_line), "--as-of", "31/03/2024"]
    assert main([*arguments, "--previous", str(DECEMBER_PLAN), "--previous-as-of", "31/12/2023"]) == 0
    assert text == pdf_text(by_the_command_line)  # the same appendix, page for page


def test_the_marac_and_safe_accommodation_appendix_exports_as_word_checked_first(tab, window, answers, qtbot, tmp_path):
    tab.load_returns([MARAC, SAFE_ACCOMMODATION])
    wait_for_task(qtbot, tab)
    window.edit("Set the agenda item", lambda item: window.project.set_setting("agenda_item", item), None, 11)
    wait_for_task(qtbot, tab)  # the returns read again for the page options
    assert tab.document("partnership").options.agenda_item == 11
    check = CheckAnswers(answers)
    check.press = "export"
    assert window.checked_before_export("partnership")
    assert any("cell B19" in finding for finding in check.findings())  # the return's slip, naming its cell
    out = tmp_path / "partnership.docx"
    tab.export_to(out, "partnership")
    wait_for_task(qtbot, tab)
    exported = docx.Document(str(out))
    assert exported.sections[0].header.paragraphs[0].text == "Agenda Item 11"  # set after the returns were read
    assert any("Safe accommodation" in paragraph.text for paragraph in exported.paragraphs)
    cells = {cell.text for table in exported.tables for row in table.rows for cell in row.cells}
    assert "58% above the SafeLives estimate of 467" in cells


def test_the_papers_are_kept_in_the_project_and_read_again_when_it_is_reopened(
    loaded, window, make_window, qtbot, tmp_path
):
    path = tmp_path / "partnership.scrutiny"
    assert window.save_to(path)
    window.close()
    again = make_window()
    assert again.open_project(path)
    tab = again.partnership_tab
    wait_for_task(qtbot, tab)
    assert shown(tab, "action_plan", "plan_summary")[-1] == ["All themes", "8", "12", "32", "20", "2", "74"]
    assert shown(tab, "action_plan", "plan_moved")[2][3:5] == ["Amber", "Red"]
    assert shown(tab, "partnership", "marac_summary")[1][2] == "737"
    assert "/" not in "".join(map(str, again.project.settings["partnership_papers"]))  # names, never paths


def test_a_workbook_that_is_no_plan_is_a_problem_naming_it_and_changes_nothing(
    tab, window, answers, qtbot, write_workbook
):
    shown_boxes, _ = answers
    bad = write_workbook([["a", 1]], header=["Name", "Value"], title_rows=(), sheet="Sheet1", name="not a plan.xlsx")
    load_plan(qtbot, tab, bad, dt.date(2024, 3, 31))
    [(_, title, text)] = [box for box in shown_boxes if box[0] == "warn"]
    assert title == "Not loaded" and "not a plan.xlsx: no sheet has an action plan's header row" in text
    assert problems(tab)[0][:2] == ["Error", "not a plan.xlsx"]
    assert window.project.plan_reports == [] and not window.dirty


def set_detail(window, qtbot, appendix: str, detail: str, words: str) -> None:
    """Report > Appendix details: select the appendix's field, type over it and press Enter, as an author does."""
    from desktop_app.gui.report_tab import DETAILS_PAGE

    report = window.report_tab
    window.tabs.setCurrentWidget(report)
    report.select_section(DETAILS_PAGE)
    field = report.details.fields[appendix, detail]
    assert field.isVisible()
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, words)
    qtbot.keyClick(field, Qt.Key.Key_Return)


PARTNERSHIP_DETAILS = {
    "appendix": "Appendix 3",
    "report_to": "Sefton Safer Communities Partnership",
    "meeting_date": "Thursday 13 June 2024",
    "report_of": "Head of Community Safety",
    "author": "Community Safety Team",
}


def test_the_partnership_appendices_print_the_details_set_on_the_report_tab(tab, window, qtbot, tmp_path):
    load_plan(qtbot, tab, MARCH_PLAN, dt.date(2024, 3, 31))
    tab.load_returns([MARAC])
    wait_for_task(qtbot, tab)
    shipped = tmp_path / "shipped.pdf"
    tab.export_to(shipped, "partnership")
    wait_for_task(qtbot, tab)
    assert "Appendix B" in pdf_text(shipped) and "Appendix 3" not in pdf_text(shipped)

    for detail, words in PARTNERSHIP_DETAILS.items():
        set_detail(window, qtbot, "partnership", detail, words)
    set_detail(window, qtbot, "action_plan", "appendix", "Appendix 2")
    wait_for_task(qtbot, tab)  # the papers are read again with their details
    out = tmp_path / "partnership.pdf"
    tab.export_to(out, "partnership")
    wait_for_task(qtbot, tab)
    reader = PdfReader(out)
    title_page = " ".join(reader.pages[0].extract_text().split())
    for words in ("Appendix 3", "Sefton Safer Communities Partnership", "Thursday 13 June 2024", "Head of Community"):
        assert words in title_page
    assert "Appendix B" not in pdf_text(out)
    assert reader.metadata.author == "Community Safety Team"

    plan = tmp_path / "plan.pdf"
    tab.export_to(plan, "action_plan")
    wait_for_task(qtbot, tab)
    words = pdf_text(plan)
    assert "Appendix 2" in words and "Appendix A" not in words
    assert "Sefton Safer Communities Partnership" not in words  # set for the partnership's appendix alone

    window.undo_stack.undo()  # the plan's label: read again, the shipped label is back
    wait_for_task(qtbot, tab)
    tab.export_to(plan, "action_plan")
    wait_for_task(qtbot, tab)
    assert "Appendix A" in pdf_text(plan)
