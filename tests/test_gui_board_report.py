"""The Partnership tab's Board report page, as its author meets it: words typed with the plan's live figures,
undone, previewed with the PDF's paragraph numbers, checked and exported, and kept in the project."""

from __future__ import annotations

import datetime as dt
import shutil

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.gui.board_report_page import BOARD_REPORT, STARTER, BoardReportPage
from desktop_app.paths import SAMPLE_DATA
from tests.test_export_check import CheckAnswers
from tests.test_gui_partnership_tab import MARAC, MARCH_PLAN, load_plan, pdf_text, wait_for_task
from tests.test_gui_window import answers, make_window  # noqa: F401 - fixtures

WORDS = """+++
title = "Partnership Board: progress report"
author = "The Board"
subject = "The action plan"
+++

# Progress

The plan stood as below at {plan_as_of}.

{past_due_count} actions are past their milestone: {past_due_actions}.
"""


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def tab(window, qtbot):
    window.tabs.setCurrentWidget(window.partnership_tab)
    tab = window.partnership_tab
    load_plan(qtbot, tab, MARCH_PLAN, dt.date(2024, 3, 31))
    tab.side.setCurrentWidget(tab.board_page)
    return tab


def type_words(qtbot, page: BoardReportPage, words: str) -> None:
    """Words typed at the end of the editor, and the pause in typing that keeps them."""
    page.editor.setFocus()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    for at, line in enumerate(words.split("\n")):
        if at:
            qtbot.keyClick(page.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(page.editor, line)
    qtbot.waitUntil(lambda: not page.edit_pause.isActive() and not page.preview_pause.isActive())


def set_words(qtbot, page: BoardReportPage, words: str) -> None:
    page.editor.setPlainText(words)
    qtbot.waitUntil(lambda: not page.edit_pause.isActive() and not page.preview_pause.isActive())


def test_the_preview_numbers_the_paragraphs_with_the_plans_past_due_count(tab, qtbot, tmp_path):
    page = tab.board_page
    assert page.editor.toPlainText() == STARTER  # a new project starts from words to edit
    set_words(qtbot, page, WORDS)
    preview = page.preview_text()
    assert "1. Progress" in preview
    assert "1.1  The plan stood as below at 31 March 2024." in preview.replace("\xa0", " ")
    assert "1.2  15 actions are past their milestone: Leadership and Governance 2," in preview.replace("\xa0", " ")
    tab.window().resize(1280, 800)
    tab.grab().save(str(tmp_path / "board-report-page.png"))


def test_typing_is_one_undoable_edit_per_pause_and_undo_puts_the_words_back(tab, window, qtbot):
    page = tab.board_page
    set_words(qtbot, page, WORDS)
    assert window.project.settings[BOARD_REPORT] == WORDS
    type_words(qtbot, page, "\n# Next steps\n\nThe Board meets in June.")
    assert window.project.settings[BOARD_REPORT].endswith("The Board meets in June.")
    assert "2. Next steps" in page.preview_text() and "2.1" in page.preview_text()
    assert window.undo_stack.undoText() == "Edit the board report"
    window.undo_stack.undo()
    assert page.editor.toPlainText() == WORDS
    assert "Next steps" not in page.preview_text()
    window.undo_stack.redo()
    assert page.editor.toPlainText().endswith("The Board meets in June.")


def test_words_cleared_stay_cleared(tab, window, qtbot):
    page = tab.board_page
    set_words(qtbot, page, "")
    assert window.project.settings[BOARD_REPORT] == "" and page.editor.toPlainText() == ""
    assert "line 1: the file must start with a line '+++'" in page.problem.text()
    window.undo_stack.undo()
    assert page.editor.toPlainText() == STARTER


def test_a_figure_the_papers_do_not_have_is_said_with_its_line(tab, qtbot):
    page = tab.board_page
    set_words(qtbot, page, WORDS.replace("{past_due_count}", "{past_due_cont}"))
    assert page.problem.isVisible() or not page.isVisible()
    assert "Board report, line 11: unknown placeholder {past_due_cont} (did you mean {past_due_count}?)" in (
        page.problem.text()
    )


def test_the_marac_figures_are_live_too_once_the_returns_are_loaded(tab, qtbot):
    tab.load_returns([MARAC])
    wait_for_task(qtbot, tab)
    page = tab.board_page
    set_words(qtbot, page, WORDS + "\nThe MARAC heard {referrals_value} cases.\n")
    assert "1.3  The MARAC heard 737 cases." in page.preview_text().replace("\xa0", " ")


def test_the_export_is_checked_first_and_writes_a_pdf_holding_the_figure(
    tab, window, answers, qtbot, tmp_path, monkeypatch
):
    page = tab.board_page
    set_words(qtbot, page, WORDS + "\nOf them, 15 are past due.\n")
    check = CheckAnswers(answers)
    out = tmp_path / "Board report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), "PDF (*.pdf)"))
    check.press = "15 is {past_due_count}"  # the typed count: its button goes to the words
    window.tabs.setCurrentWidget(window.returns_tab)
    page.export_dialog()
    assert any("15 is {past_due_count}: make it live" in finding for finding in check.findings())
    assert not out.exists() and window.tabs.currentWidget() is tab and tab.side.currentWidget() is page
    check.press = "export"
    page.export_dialog()
    wait_for_task(qtbot, tab)
    text = pdf_text(out)
    assert "1.2 15 actions are past their milestone: Leadership and Governance 2" in text
    assert "31 March 2024" in text
    word = tmp_path / "Board report.docx"
    page.export_to(word)
    wait_for_task(qtbot, tab)
    paragraphs = [paragraph.text for paragraph in docx.Document(str(word)).paragraphs]
    assert any("15 actions are past their milestone: Leadership and Governance 2" in said for said in paragraphs)


def test_the_words_are_kept_in_the_project_and_shown_again_when_it_is_reopened(
    tab, window, make_window, qtbot, tmp_path
):
    page = tab.board_page
    set_words(qtbot, page, WORDS)
    type_words(qtbot, page, "\nTyped just before saving.")  # kept by the save, within its typing pause
    path = tmp_path / "board.scrutiny"
    assert window.save_to(path)
    window.close()
    again = make_window()
    assert again.open_project(path)
    reopened = again.partnership_tab
    wait_for_task(qtbot, reopened)
    assert reopened.board_page.editor.toPlainText() == WORDS + "\nTyped just before saving."
    assert "15 actions are past their milestone" in reopened.board_page.preview_text()


def test_the_sample_report_typed_in_the_window_exports_with_its_tables_read_beside_the_project(
    tab, window, answers, qtbot, tmp_path
):
    for name in ("board_report_tables_2020-21.xlsx", "board_report_campaign.png", "marac_2019-2021.xlsx"):
        shutil.copy(SAMPLE_DATA / name, tmp_path / name)
    assert window.save_to(tmp_path / "board.scrutiny")  # the words' files are read beside the project
    tab.load_returns([MARAC])
    wait_for_task(qtbot, tab)
    page = tab.board_page
    set_words(qtbot, page, (SAMPLE_DATA / "board_report_2020-21.md").read_text(encoding="utf-8"))
    preview = page.preview_text()
    assert page.error == ""
    assert "discussed 737 cases" in preview  # the MARAC return loaded on the tab
    assert "[The table of the sheet 'Training' is read from the workbook when the report is exported.]" in preview
    CheckAnswers(answers).press = "export"
    out = tmp_path / "Board report.pdf"
    assert window.checked_before_export("board")
    page.export_to(out)
    wait_for_task(qtbot, tab)
    text = pdf_text(out)
    assert "discussed 737 cases" in text
    assert "Name of training" in text and "read from the workbook" not in text  # the table itself
