"""The real window, driven as a user would: import, map a column, save, reopen, undo, recover."""

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop_app.domain.returns import ReturnKind
from desktop_app.gui import messages
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.mapping_dialog import ColumnMappingDialog
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from desktop_app.project.lock import lock_path
from tests.test_project_lock import dead_pid

TASK_TIMEOUT_MS = 60_000


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answered without a person; every box shown is recorded."""
    shown: list[tuple[str, str, str]] = []
    replies = {"ask_save": "discard", "ask_yes_no": True}

    def answer(kind, title, text):
        shown.append((kind, title, text))
        return replies.get(kind)

    monkeypatch.setattr(messages, "answer_for_tests", answer)
    return shown, replies


@pytest.fixture
def make_window(qtbot, tmp_path, answers):
    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(tmp_path / "data", settings)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def wait_for_task(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.task is not None and not window.task.running, timeout=TASK_TIMEOUT_MS)


def wait_for_autosave(qtbot, window: MainWindow) -> None:
    """The recovery copy is written by a thread: wait until it is on disk."""
    qtbot.waitUntil(lambda: not window.autosaving, timeout=TASK_TIMEOUT_MS)


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """What happens when files are dragged from Explorer onto the window."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


def tree_rows(window: MainWindow) -> list[tuple[str, ...]]:
    tree = window.returns_tab.tree
    rows = []
    for top_index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(top_index)
        rows.append(tuple(top.text(c) for c in range(4)))
        rows += [tuple(top.child(i).text(c) for c in range(4)) for i in range(top.childCount())]
    return rows


def test_dropped_workbooks_import_in_the_background_and_show(make_window, qtbot, tmp_path):
    window = make_window()
    drop_files(window, [SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA / "population_2023.xlsx"])
    assert window.progress_bar.isVisible() and window.cancel_button.isVisible()
    wait_for_task(qtbot, window)
    rows = tree_rows(window)
    assert rows[0][0] == "complaints_log_2021-2023.xlsx  (602 rows, 1 problem)"
    assert ("Complaints Log", "Complaints log", "602", "none") in rows
    assert ("Population", "Population", "12", "1") in rows
    assert window.returns_tab.table_model.rowCount() > 0 and window.isWindowModified()
    assert "Imported complaints_log_2021-2023.xlsx, population_2023.xlsx" in window.status_text.text()
    window.grab().save(str(tmp_path / "returns-tab.png"))


def test_a_bad_workbook_shows_its_problems_and_clicking_one_goes_to_the_cell(make_window, qtbot, tmp_path, answers):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Log"
    workbook.active.append(["Complaint Ref", "Process", "Stage", "Date Received"])
    for number in range(1, 700):
        workbook.active.append([f"C{number}", "Statutory", "1", dt.date(2022, 5, 9)])
    workbook.active.append(["C700", "Statutory", "1", "04/13/2022"])
    bad = tmp_path / "bad log.xlsx"
    workbook.save(bad)
    window = make_window()
    window.import_paths([bad])
    wait_for_task(qtbot, window)
    assert answers[0] == []  # no box: the problems are shown in place
    tab = window.returns_tab
    assert ("Log", "Complaints log", "699", "1 (1 error)") in tree_rows(window)
    problem = tab.problems_model.problems[0]
    assert (problem.row, problem.cell, problem.value) == (701, "D701", "04/13/2022")
    tab.go_to_problem(tab.problems_model.index(0, 0))
    current = tab.table.currentIndex()
    assert (
        current.row() == 698 and tab.table_model.headerData(current.column(), Qt.Orientation.Horizontal) == "Received"
    )
    window.grab().save(str(tmp_path / "problems.png"))


def test_an_unreadable_file_is_one_clear_message(make_window, qtbot, tmp_path, answers):
    notes = tmp_path / "notes.xlsx"
    notes.write_text("not a workbook")
    window = make_window()
    window.import_paths([notes])
    wait_for_task(qtbot, window)
    assert answers[0] == [
        ("warn", "Some files could not be read", "notes.xlsx: is not an Excel workbook (.xlsx or .xlsm) or a CSV file")
    ]
    assert window.project.imports == []


def test_undo_and_redo_an_import(make_window, qtbot):
    window = make_window()
    window.import_paths([SAMPLE_DATA / "population_2023.xlsx"])
    wait_for_task(qtbot, window)
    assert len(window.project.imports) == 1
    window.undo_action.trigger()
    assert window.project.imports == [] and tree_rows(window) == [] and not window.isWindowModified()
    window.redo_action.trigger()
    assert len(window.project.imports) == 1 and tree_rows(window)[0][0].startswith("population_2023.xlsx")


def test_map_an_unrecognised_column_once_and_it_is_remembered(make_window, qtbot, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Log"
    workbook.active.append(["Case No", "Process", "Stage", "Date Received"])
    workbook.active.append(["C1", "Corporate", "1", dt.date(2022, 5, 9)])
    first = tmp_path / "may.xlsx"
    workbook.save(first)
    window = make_window()
    window.import_paths([first])
    wait_for_task(qtbot, window)
    [sheet] = window.project.imports[0].sheets
    assert sheet.kind is None and sheet.labels == ["Case No", "Process", "Stage", "Date Received"]

    dialog = ColumnMappingDialog(sheet.sheet, "may.xlsx", sheet.kind, sheet.labels, sheet.columns, window)
    dialog.set_kind(ReturnKind.COMPLAINTS_LOG)
    dialog.set_choice("Case No", "reference")
    dialog.set_choice("Process", "procedure")
    dialog.set_choice("Stage", "stage")
    dialog.set_choice("Date Received", "received")
    dialog.dialog.grab().save(str(tmp_path / "mapping-dialog.png"))
    kind, mapping, remember = dialog.result()
    window.apply_mapping(window.project.imports[0].id, sheet.sheet, kind, mapping, remember)
    wait_for_task(qtbot, window)
    [sheet] = window.project.imports[0].sheets
    assert sheet.kind is ReturnKind.COMPLAINTS_LOG and sheet.frame["reference"].tolist() == ["C1"]

    workbook.active["A2"] = "C2"
    june = tmp_path / "june.xlsx"
    workbook.save(june)
    window.import_paths([june])  # next month's file of the same shape maps itself
    wait_for_task(qtbot, window)
    june_sheet = window.project.imports[-1].sheets[0]
    assert june_sheet.kind is ReturnKind.COMPLAINTS_LOG and june_sheet.frame["reference"].tolist() == ["C2"]


def test_save_close_and_reopen(make_window, qtbot, tmp_path, answers):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    project_file = tmp_path / "complaints report.scrutiny"
    assert window.save_to(project_file)
    assert not window.isWindowModified() and window.windowTitle().startswith("complaints report.scrutiny")
    window.close()
    assert answers[0] == []  # saved: closing asks nothing

    again = make_window()
    assert again.recent_projects()[0] == str(project_file)
    assert again.open_project(project_file)
    assert ("Complaints Log", "Complaints log", "602", "none") in tree_rows(again)
    frame = again.project.frame(ReturnKind.COMPLAINTS_LOG)
    assert len(frame) == 602 and frame["received"].min() == frame["received"].min()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(make_window, qtbot, answers):
    shown, replies = answers
    window = make_window()
    window.import_paths([SAMPLE_DATA / "population_2023.xlsx"])
    wait_for_task(qtbot, window)
    replies["ask_save"] = "cancel"
    assert not window.close() and window.isVisible()
    assert shown[-1][0] == "ask_save"
    replies["ask_save"] = "discard"
    assert window.close()


def as_if_its_process_died(project: Path) -> None:
    """What a crash leaves beside the project: the window's lock, naming a process that has gone."""
    lock = lock_path(project)
    lock.write_text(json.dumps({**json.loads(lock.read_text(encoding="utf-8")), "pid": dead_pid()}), encoding="utf-8")


def test_work_is_recovered_after_a_crash(make_window, qtbot, tmp_path, answers):
    shown, replies = answers
    project_file = tmp_path / "report.scrutiny"
    window = make_window()
    assert window.save_to(project_file)
    window.import_paths([SAMPLE_DATA / "population_2023.xlsx"])
    wait_for_task(qtbot, window)
    window.autosave()  # the timer's work; then the process dies without saving
    wait_for_autosave(qtbot, window)
    window.undo_stack.setClean()
    window.deleteLater()
    as_if_its_process_died(project_file)

    replies["ask_locked"] = "take_over"
    after_crash = make_window()
    assert after_crash.open_project(project_file)
    assert shown[-2][:2] == ("ask_locked", "Left over from a crash?")
    assert shown[-1][:2] == ("ask_yes_no", "Recover unsaved work?")
    assert [i.provenance.file for i in after_crash.project.imports] == ["population_2023.xlsx"]
    assert after_crash.isWindowModified()  # recovered work is not yet saved


def test_an_untitled_report_is_offered_back_at_the_next_start(make_window, qtbot, answers):
    shown, _ = answers
    window = make_window()
    window.import_paths([SAMPLE_DATA / "population_2023.xlsx"])
    wait_for_task(qtbot, window)
    window.autosave()
    wait_for_autosave(qtbot, window)
    window.undo_stack.setClean()  # the process dies here; nothing was saved
    window.deleteLater()

    next_start = make_window()
    assert next_start.offer_pending_recovery()
    assert shown[-1][1] == "Recover unsaved work?" and "an untitled report" in shown[-1][2]
    assert [i.provenance.file for i in next_start.project.imports] == ["population_2023.xlsx"]
    assert not make_window().offer_pending_recovery()  # offered once, then gone


def test_reimport_a_changed_file_and_see_what_changed(make_window, qtbot, tmp_path, answers):
    shown, _ = answers
    workbook = openpyxl.Workbook()
    workbook.active.append(["Area", "Age band", "Year", "Population"])
    workbook.active.append(["Sefton", "0-17", 2023, 54098])
    workbook.active.append(["Sefton", "18+", 2023, 226985])
    path = tmp_path / "population.xlsx"
    workbook.save(path)
    window = make_window()
    window.import_paths([path])
    wait_for_task(qtbot, window)
    workbook.active["D2"] = 54100  # corrected
    workbook.active.append(["Sefton", "65+", 2023, 69402])  # added
    workbook.save(path)
    window.reimport(window.project.imports[0].id)
    wait_for_task(qtbot, window)
    kind, title, text = shown[-1]
    assert (kind, title) == ("inform", "What changed")
    assert "1 changed, 1 added" in text.splitlines()[0]
    assert window.project.frame(ReturnKind.POPULATION)["population"].tolist() == [54100, 226985, 69402]
    window.undo_stack.undo()
    assert window.project.frame(ReturnKind.POPULATION)["population"].tolist() == [54098, 226985]


def test_qt_calls_into_python_do_not_leak_references_to_none(qtbot):
    """PySide6 6.12.0 lost one reference to None per call from Qt into Python, and a long session
    on Python 3.11 died of it; the pinned Qt binding must not."""
    import sys

    from PySide6.QtWidgets import QWidget

    class Resized(QWidget):
        def resizeEvent(self, event):
            pass

    widget = Resized()
    qtbot.addWidget(widget)
    widget.show()
    before = sys.getrefcount(None)
    for step in range(500):
        widget.resize(100 + step % 7, 100)
    assert before - sys.getrefcount(None) < 50
