"""A large log's figures are worked out while the window goes on answering: the tabs say they are working, show the
new figures once they are in, and never show figures that a newer change has superseded. Opening a project reads
it while the window answers.

The sample log stands in for a large one (the row count from which figures go to their thread is set to 0), and
the work is held until the window's own timer has ticked: a window that waited for the work would never tick.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QTimer

from desktop_app.gui import background_figures, main_window
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.project import store
from desktop_app.workspace import Workspace
from tests.test_gui_window import TASK_TIMEOUT_MS, answers, make_window, wait_for_task  # noqa: F401 - fixtures

AS_OF = dt.date(2023, 11, 1)
FIGURE = "statutory_stage1_in_time_pct"
TICKS = 3  # the window's timer ticks this often before held work may go on
HOLD_S = 30  # held work goes on after this long regardless (the test then fails on its tick count)


def limits(days: int) -> dict:
    return {"childrens_statutory": {"1": {"response": {"limit": days}}}}


@pytest.fixture
def window(make_window, qtbot, monkeypatch):
    monkeypatch.setattr(background_figures, "BACKGROUND_FROM_ROWS", 0)
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    window.workspace.as_of = AS_OF
    window.project_changed.emit()
    qtbot.waitUntil(lambda: not window.figures.busy, timeout=TASK_TIMEOUT_MS)
    return window


class Ticks:
    """The window's own timer: counts its ticks, and lets held work go on after `TICKS` of them."""

    def __init__(self):
        self.count = 0
        self.go_on = threading.Event()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1
        if self.count >= TICKS:
            self.go_on.set()

    def hold(self, function):
        """`function`, made to wait for the ticks first (it runs on another thread)."""

        def held(*args, **kwargs):
            self.go_on.wait(HOLD_S)
            return function(*args, **kwargs)

        return held


def expected_figure(window, days: int) -> str:
    """The figure as the workspace works it out at once for the limit `days` (the one calculation)."""
    project = window.project.snapshot()
    project.settings["limits"] = limits(days)
    workspace = Workspace(project, as_of=AS_OF)
    return workspace.figures()[FIGURE]


def set_limit(window, days: int) -> None:
    window.edit(
        f"Stage 1 limit {days} days",
        lambda value: window.project.set_setting("limits", value),
        window.project.settings.get("limits"),
        limits(days),
    )


def write_conclusions(window, qtbot, text: str) -> None:
    """The author's words with a live figure in the conclusions (the appendix's figures are worked out again)."""
    report = window.report_tab
    report.select_section("conclusions")
    report.editor.selectAll()
    report.editor.insertPlainText(text)
    report.keep_pending_text()
    qtbot.waitUntil(lambda: not window.figures.busy, timeout=TASK_TIMEOUT_MS)


def test_the_report_and_complaints_tabs_say_they_are_working_then_show_the_new_figures(window, qtbot, monkeypatch):
    report, complaints = window.report_tab, window.complaints_tab
    window.tabs.setCurrentWidget(report)
    write_conclusions(window, qtbot, f"In time: {{{FIGURE}}}.")
    before = report.figures[FIGURE]
    assert f"In time: {before}." in report.preview.toPlainText()
    ticks = Ticks()
    monkeypatch.setattr(background_figures, "work_out", ticks.hold(background_figures.work_out))

    set_limit(window, 20)
    assert report.working.isVisibleTo(report) and report.figures == {} and not report.picker.isEnabled()
    assert "In time: …." in report.preview.toPlainText()
    window.tabs.setCurrentWidget(complaints)
    assert complaints.pages.currentWidget() is complaints.working

    qtbot.waitUntil(lambda: not window.figures.busy, timeout=TASK_TIMEOUT_MS)
    assert ticks.count >= TICKS  # the window answered while the figures were worked out
    assert report.figures[FIGURE] == expected_figure(window, 20) != before
    assert complaints.pages.currentIndex() == 1  # the tables, with the new figures
    window.tabs.setCurrentWidget(report)  # the Report tab, filled when shown, has them too
    assert not report.working.isVisibleTo(report) and report.picker.isEnabled()
    assert f"In time: {report.figures[FIGURE]}." in report.preview.toPlainText()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.figures.busy, timeout=TASK_TIMEOUT_MS)
    assert report.figures[FIGURE] == before


def test_figures_superseded_by_a_newer_change_are_never_shown(window, qtbot, monkeypatch):
    report = window.report_tab
    shown: list[str | None] = []
    window.figures.worked_out.connect(lambda: shown.append(report.figures.get(FIGURE)))  # after the tab's refresh
    ticks = Ticks()
    monkeypatch.setattr(background_figures, "work_out", ticks.hold(background_figures.work_out))

    set_limit(window, 5)  # its figures are being worked out, held...
    set_limit(window, 20)  # ...when this change comes
    qtbot.waitUntil(lambda: not window.figures.busy, timeout=TASK_TIMEOUT_MS)
    qtbot.wait(100)  # time for a late result of the older change to come in (it must not be shown)
    newer, older = expected_figure(window, 20), expected_figure(window, 5)
    assert newer != older
    assert shown == [newer] and report.figures[FIGURE] == newer
    assert window.workspace.figures()[FIGURE] == newer


def test_an_export_waits_for_the_figures_and_writes_the_new_ones(window, qtbot, monkeypatch, tmp_path):
    from pypdf import PdfReader

    write_conclusions(window, qtbot, f"In time: {{{FIGURE}}}.")
    ticks = Ticks()
    monkeypatch.setattr(background_figures, "work_out", ticks.hold(background_figures.work_out))
    set_limit(window, 20)
    out = tmp_path / "appendix.pdf"
    window.export_to(out)
    wait_for_task(qtbot, window)
    assert ticks.count >= TICKS
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert f"In time: {expected_figure(window, 20)}." in text


def test_opening_a_project_reads_it_while_the_window_answers(window, qtbot, monkeypatch, tmp_path):
    path = tmp_path / f"saved{store.PROJECT_SUFFIX}"
    assert window.save_to(path)
    window.new_project()
    monkeypatch.setattr(main_window, "READ_ON_A_THREAD_FROM_BYTES", 0)
    ticks = Ticks()
    menus_while_reading: list[bool] = []
    ticks.timer.timeout.connect(lambda: menus_while_reading.append(window.menuBar().isEnabled()))
    monkeypatch.setattr(store, "load", ticks.hold(store.load))

    assert window.open_project(path)
    assert ticks.count >= TICKS and menus_while_reading and not any(menus_while_reading)
    assert window.path == path and window.menuBar().isEnabled()
    qtbot.waitUntil(lambda: not window.figures.busy, timeout=TASK_TIMEOUT_MS)
    assert window.report_tab.figures[FIGURE] == Workspace(store.load(path)).figures()[FIGURE]


def test_a_section_edit_keeps_the_figures_shown_and_fills_its_words_at_once(window, qtbot):
    report = window.report_tab
    window.tabs.setCurrentWidget(report)
    before = dict(report.figures)
    working = []  # whether the tab says it is working out the figures, after each change
    window.project_changed.connect(lambda: working.append(report.working.isVisibleTo(report)))
    report.select_section("conclusions")
    report.editor.selectAll()
    report.editor.insertPlainText(f"In time: {{{FIGURE}}}.")
    report.keep_pending_text()
    assert working and not any(working) and not window.figures.busy  # nothing worked out again
    assert report.figures == before and report.picker.isEnabled()
    assert f"In time: {before[FIGURE]}." in report.preview.toPlainText()

    window.figures.wait()  # as an export does: the appendix with the new words
    conclusions = next(
        section for section in window.workspace.complaints_document().sections if section.key == "conclusions"
    )
    assert any(f"In time: {before[FIGURE]}." in getattr(block, "text", "") for block in conclusions.blocks)
