"""The start page a first-time user meets: the sample, their own log or returns, a project, a recent one."""

import datetime as dt
import logging
import sys

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from desktop_app.gui import app
from desktop_app.gui.main_window import MainWindow
from desktop_app.paths import SAMPLE_DATA, SAMPLE_RETURNS
from desktop_app.project import store
from desktop_app.project.model import Project
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures

LOG_HEADER = ["Ref", "Procedure", "Stage", "Date Received", "Date Acknowledged", "Date Responded", "Outcome"]
D = dt.date


@pytest.fixture
def own_log(write_workbook):
    """The author's own complaints log: 20 corporate Stage 1 complaints."""
    rows = [
        [f"C{n}", "Corporate", "Stage 1", D(2022, 5, 3), D(2022, 5, 4), D(2022, 5, 11), "Upheld"] for n in range(1, 21)
    ]
    return write_workbook(rows, header=LOG_HEADER, name="our complaints 2022-23.xlsx")


@pytest.fixture
def started(qtbot, tmp_path, monkeypatch, answers):
    """The window as `python -m desktop_app` opens it (app.open_window), over a settings file of the test's."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(app, "data_folder", lambda: tmp_path / "data")
    monkeypatch.setattr(app, "MainWindow", lambda folder: MainWindow(folder, settings))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    handlers = list(logging.getLogger("scrutiny").handlers)

    def start(paths=()):
        window = app.open_window(list(paths))
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        return window

    yield start
    for handler in set(logging.getLogger("scrutiny").handlers) - set(handlers):
        logging.getLogger("scrutiny").removeHandler(handler)
        handler.close()


def on_start_page(window) -> bool:
    return window.pages.currentWidget() is window.start_page and window.start_page.isVisible()


def on_tabs(window) -> bool:
    return window.pages.currentWidget() is window.tabs and window.tabs.isVisible()


def received(window) -> int:
    return int(window.workspace.complaints().stages["received"].sum())


def answer_file_dialog(monkeypatch, paths):
    """The import dialog answered with `paths`; what it was asked (title and file filters) is recorded."""
    asked = []

    def choose(parent, title, folder, filters, *args, **kwargs):
        asked.append((title, filters))
        return [str(p) for p in paths], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    return asked


def test_with_no_file_the_window_opens_on_the_start_page_with_its_buttons(started, qtbot):
    window = started()
    qtbot.waitUntil(lambda: on_start_page(window))
    page = window.start_page
    buttons = [page.sample_button, page.complaints_button, page.performance_button, page.open_button]
    assert [b.accessibleName() for b in buttons] == [
        "Look around the sample report",
        "Import my complaints log",
        "Import my performance returns",
        "Open a project",
    ]
    assert all(b.isVisible() and b.isEnabled() and b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    keys = [QKeySequence.mnemonic(b.text()).toString() for b in buttons]
    assert keys == ["Alt+L", "Alt+C", "Alt+P", "Alt+O"]
    assert not set(keys) & {"Alt+F", "Alt+E", "Alt+H"}  # the menu bar's
    assert "committee report" in page.welcome.text()
    assert page.no_recent.isVisible() and not page.recent.isVisible()  # nothing recent yet
    assert window.project.imports == [] and not window.tabs.isVisible()


def test_unsaved_work_offered_back_at_start_opens_on_the_tabs(started, qtbot, tmp_path, own_log):
    from desktop_app.excel.importer import Importer

    project = Project()
    result = Importer().import_file(own_log)
    project.imports = [project.make_import(result, own_log)]
    store.save_recovery(project, tmp_path / "data")
    window = started()
    qtbot.waitUntil(lambda: on_tabs(window))
    assert [i.provenance.file for i in window.project.imports] == [own_log.name]


def test_look_around_the_sample_shows_the_tabs_with_the_samples_returns(started, qtbot):
    window = started()
    qtbot.waitUntil(lambda: on_start_page(window))
    qtbot.keyClick(window.start_page.sample_button, Qt.Key.Key_Return)  # the keyboard, as a mouse would
    wait_for_task(qtbot, window)
    assert on_tabs(window) and window.showing_sample
    assert sorted(i.provenance.file for i in window.project.imports) == sorted(SAMPLE_RETURNS)
    assert window.returns_tab.tree.topLevelItemCount() == len(SAMPLE_RETURNS)


def test_import_my_complaints_log_opens_only_that_log_not_summed_with_the_sample(
    started, qtbot, monkeypatch, answers, own_log
):
    shown, _ = answers
    window = started()
    window.open_sample([SAMPLE_DATA / name for name in SAMPLE_RETURNS])
    wait_for_task(qtbot, window)
    window.start_page_action.trigger()  # File > Start page, with the sample open
    assert on_start_page(window)
    asked = answer_file_dialog(monkeypatch, [own_log])

    qtbot.mouseClick(window.start_page.complaints_button, Qt.MouseButton.LeftButton)
    wait_for_task(qtbot, window)

    assert asked == [("Import your complaints log", "Complaints log (*.xlsx *.xlsm *.csv);;All files (*)")]
    assert on_tabs(window) and not window.showing_sample and window.path is None
    assert [i.provenance.file for i in window.project.imports] == [own_log.name]
    assert received(window) == 20  # the log's own complaints, none of the sample's
    assert not [box for box in shown if box[1] == "The sample returns are open"]  # nothing to choose: a new report


def test_import_my_performance_returns_asks_for_returns_and_cancelling_stays(started, qtbot, monkeypatch):
    window = started()
    qtbot.waitUntil(lambda: on_start_page(window))
    asked = answer_file_dialog(monkeypatch, [])  # the dialog cancelled
    window.start_page.performance_button.click()
    assert asked == [("Import your performance returns", "Performance returns (*.xlsx *.xlsm *.csv);;All files (*)")]
    assert on_start_page(window) and window.task is None

    answer_file_dialog(monkeypatch, [SAMPLE_DATA / "population_2023.xlsx"])
    window.start_page.performance_button.click()
    wait_for_task(qtbot, window)
    assert on_tabs(window) and [i.provenance.file for i in window.project.imports] == ["population_2023.xlsx"]


def test_a_recent_project_is_listed_and_opens_on_enter(make_window, qtbot, tmp_path):
    saved = tmp_path / "Complaints 2022-23.scrutiny"
    project = Project()
    project.set_setting("agenda_item", 7)
    store.save(project, saved)
    window = make_window()
    window.settings.setValue("recent_projects", [str(saved)])
    window.show_start_page()
    recent = window.start_page.recent
    assert recent.isVisible() and recent.count() == 1
    assert recent.item(0).text() == f"Complaints 2022-23.scrutiny\n{tmp_path}"

    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert on_tabs(window) and window.path == saved
    assert window.project.settings["agenda_item"] == 7


def test_a_missing_recent_project_is_marked_not_found(make_window, qtbot, tmp_path, answers):
    shown, _ = answers
    there, gone = tmp_path / "there.scrutiny", tmp_path / "moved" / "gone.scrutiny"
    store.save(Project(), there)
    window = make_window()
    window.settings.setValue("recent_projects", [str(gone), str(there)])
    window.show_start_page()
    recent = window.start_page.recent
    missing, found = recent.item(0), recent.item(1)
    assert missing.text() == f"gone.scrutiny  (not found)\n{gone.parent}"
    assert "not found" in missing.data(Qt.ItemDataRole.AccessibleTextRole)
    assert missing.foreground().color() != found.foreground().color()  # greyed
    assert "not found" not in found.text()

    recent.setCurrentItem(missing)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert [box[1] for box in shown] == ["Cannot open the project"]
    assert on_start_page(window)


def test_new_project_from_the_start_page_goes_to_empty_tabs(make_window):
    window = make_window()
    window.show_start_page()
    assert on_start_page(window)
    window.new_action.trigger()
    assert on_tabs(window) and window.project.imports == []
    assert window.returns_tab.tree.topLevelItemCount() == 0


def test_the_start_page_at_laptop_size(make_window, qtbot, tmp_path):
    """A picture of the page to look at (1366x768, a council laptop): saved beside the test's files."""
    window = make_window()
    window.resize(1366, 768)
    store.save(Project(), tmp_path / "Annual complaints 2022-23.scrutiny")
    window.settings.setValue(
        "recent_projects",
        [str(tmp_path / "Annual complaints 2022-23.scrutiny"), str(tmp_path / "old" / "Performance Q3.scrutiny")],
    )
    window.show_start_page()
    qtbot.waitExposed(window)
    picture = window.grab()
    assert picture.width() == 1366 and picture.save(str(tmp_path / "start.png"))
    last = window.start_page.open_button
    assert last.visibleRegion().boundingRect() == last.rect()  # every button in view, none scrolled away
