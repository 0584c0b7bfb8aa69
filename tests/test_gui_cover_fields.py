"""The cover sheet's further committees and Core Purpose words, driven as an author would: added from the
keyboard, undone, kept in the project and reopened, printed in the exported cover (PDF and Word) and held to
the proof of the cover; a layout that does not print a field disables it and says why."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.report_tab import COVER
from tests.cover_pages import drawn_words, in_order
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures

FIRST = ("Overview and Scrutiny Committee (Adult Social Care and Health)", "2023-09-05")
FURTHER = ("Overview and Scrutiny Committee (Regeneration and Skills)", QDate(2023, 9, 19))
VULNERABLE = "Survivors and their children are among the most vulnerable members of our communities."


@pytest.fixture
def window(make_window) -> MainWindow:
    window = make_window()
    window.resize(1280, 900)
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_section(COVER)
    for name, text in {
        "report_to": FIRST[0],
        "meeting_date": FIRST[1],
        "subject": "Domestic Abuse Update",
        "report_of": "Assistant Director of People (Communities)",
    }.items():
        tab.set_cover(name, text)
    return window


def add_committee(window: MainWindow, qtbot, committee: str, date: QDate) -> None:
    """Press 'Add a further committee', type the committee, press Enter, choose its date, press Enter."""
    editor = window.report_tab.further_meetings
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    name, day, _ = editor.rows[-1]
    assert name.hasFocus()  # the cursor goes to the new row
    qtbot.keyClicks(name, committee)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    day.setFocus()
    day.setDate(date)
    qtbot.keyClick(day, Qt.Key.Key_Return)


def test_a_further_committee_is_kept_reopened_and_printed_with_its_date(window, make_window, qtbot, tmp_path):
    tab = window.report_tab
    add_committee(window, qtbot, FURTHER[0], FURTHER[1])
    assert tab.further_meetings.values() == [{"committee": FURTHER[0], "date": "2023-09-19"}]
    tab.cover.grab().save(str(tmp_path / "cover-form.png"))
    path = tmp_path / "da.scrutiny"
    assert window.save_to(path)
    window.close()

    again = make_window()
    assert again.open_project(path, ask=False)
    shown = again.report_tab.further_meetings
    [(name, day, _)] = shown.rows
    assert name.text() == FURTHER[0] and day.date() == FURTHER[1]
    again.export_cover_to(tmp_path / "cover.pdf")
    wait_for_task(qtbot, again)
    words = drawn_words(tmp_path / "cover.pdf")
    rows = words[: words.index("Subject:")]
    assert in_order(rows, ["Report to:", FIRST[0], "Tuesday 5 September 2023", FURTHER[0], "Tuesday 19 September 2023"])

    again.export_cover_to(tmp_path / "cover.docx")
    wait_for_task(qtbot, again)
    table = docx.Document(str(tmp_path / "cover.docx")).tables[0]
    committees = [(row.cells[1].text, row.cells[3].text) for row in table.rows[:2]]
    assert committees == [(FIRST[0], "Tuesday 5 September 2023"), (FURTHER[0], "Tuesday 19 September 2023")]


def test_undo_takes_an_added_row_away_and_redo_puts_it_back(window, qtbot):
    editor = window.report_tab.further_meetings
    add_committee(window, qtbot, FURTHER[0], FURTHER[1])
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    assert len(editor.rows) == 2
    window.undo_stack.undo()
    assert len(editor.rows) == 1 and editor.rows[0][0].text() == FURTHER[0]
    window.undo_stack.undo()  # the date
    window.undo_stack.undo()  # the committee's name
    window.undo_stack.undo()  # the row
    assert editor.rows == [] and "further_meetings" not in window.project.cover
    window.undo_stack.redo()
    assert len(editor.rows) == 1

    add_committee(window, qtbot, "Cabinet", QDate(2023, 9, 28))
    remove = editor.rows[0][2]
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert [row[0].text() for row in editor.rows] == ["Cabinet"]
    window.undo_stack.undo()
    assert len(editor.rows) == 2


def test_the_proof_of_the_cover_queries_a_further_committees_date(window, qtbot, tmp_path, answers):
    add_committee(window, qtbot, FURTHER[0], QDate(2024, 9, 19))  # a year slipped
    add_committee(window, qtbot, "Cabinet", QDate(1900, 1, 1))  # no date chosen
    window.export_cover_to(tmp_path / "cover.pdf")
    wait_for_task(qtbot, window)
    shown, _ = answers
    [said] = [words for kind, _, words in shown if kind == "inform" and "cover's checks" in words]
    assert "run from 5 September 2023 to 19 September 2024" in said
    assert "the date of meeting of Cabinet is not given" in said


def test_the_core_purpose_words_print_and_a_layout_without_the_table_disables_it(window, qtbot, tmp_path):
    tab = window.report_tab
    purposes = tab.purposes
    assert purposes.isEnabled() and list(purposes.fields)[:2] == ["vulnerable", "communities"]
    field = purposes.fields["vulnerable"]
    field.setFocus()
    qtbot.keyClicks(field, VULNERABLE)
    purposes.fields["communities"].setFocus()  # leaving the field keeps it
    assert "vulnerable" in window.project.cover["core_purpose"]
    window.export_cover_to(tmp_path / "cover.pdf")
    wait_for_task(qtbot, window)
    words = drawn_words(tmp_path / "cover.pdf")
    assert f"Protect the most vulnerable {VULNERABLE}" in words
    assert "Facilitate confident and resilient communities NA" in words

    layout = tab.cover_template
    layout.setCurrentIndex(layout.findData("sefton_2025"))
    layout.activated.emit(layout.currentIndex())
    assert not purposes.isEnabled() and "has no table of the council's purposes" in purposes.reason.text()
    assert tab.further_meetings.add_button.isEnabled()
    assert not tab.cover_fields["reasons"].isEnabled()  # 2025's layout prints no reasons
    QApplication.processEvents()  # the form laid out again without the purposes' rows, for the picture
    tab.cover.grab().save(str(tmp_path / "cover-form-2025.png"))

    layout.setCurrentIndex(layout.findData("wirral"))
    layout.activated.emit(layout.currentIndex())
    assert not tab.further_meetings.add_button.isEnabled()
    assert "prints one committee only" in tab.further_meetings.reason.text()
    window.undo_stack.undo()
    window.undo_stack.undo()  # back to Sefton's 2023 layout: the words are still there
    assert purposes.isEnabled() and purposes.fields["vulnerable"].toPlainText() == VULNERABLE
