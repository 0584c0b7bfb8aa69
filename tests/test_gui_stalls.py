"""A large project's long work leaves the window answering: the recovery copy is written while the author
goes on, and holds the work as it was when the copy was begun."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from desktop_app.domain.imports import ImportResult, Provenance, SheetImport
from desktop_app.domain.returns import ReturnKind
from desktop_app.project import store
from desktop_app.project.model import Project
from tests.factories import large_log
from tests.test_gui_project_lock import set_agenda_item
from tests.test_gui_window import answers, make_window, wait_for_autosave  # noqa: F401 - fixtures

ROWS = 50_000


@pytest.fixture(scope="module")
def large_log_project(tmp_path_factory):
    """A project with a 50,000-row complaints log, saved once for the module."""
    project = Project()
    sheet = SheetImport("Log", ReturnKind.COMPLAINTS_LOG, 1, frame=large_log(ROWS))
    project.add_import(ImportResult(Provenance("log.xlsx", 0, "2024-06-01T09:00:00", "0" * 64), [sheet]), "log.xlsx")
    path = tmp_path_factory.mktemp("large") / f"report{store.PROJECT_SUFFIX}"
    store.save(project, path)
    return path


@pytest.fixture
def large_project(large_log_project, tmp_path):
    """A copy of that project of the test's own (a save changes it)."""
    path = tmp_path / large_log_project.name
    path.write_bytes(large_log_project.read_bytes())
    return path


def test_the_window_answers_while_a_large_projects_recovery_copy_is_written(large_project, make_window, qtbot):
    window = make_window()
    assert window.open_project(large_project)
    set_agenda_item(window, 3)
    ticks_while_writing = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks_while_writing.append(window.autosaving) if window.autosaving else None)
    timer.start()
    window.autosave()
    wait_for_autosave(qtbot, window)
    timer.stop()
    assert ticks_while_writing  # the timer ran while the copy was being written
    copy = store.load_recovery(window.data_folder, large_project)
    assert copy.settings["agenda_item"] == 3
    assert len(copy.frame(ReturnKind.COMPLAINTS_LOG)) == ROWS


def test_an_edit_made_while_the_copy_is_written_goes_into_the_next(large_project, make_window, qtbot):
    window = make_window()
    assert window.open_project(large_project)
    set_agenda_item(window, 3)
    window.autosave()
    set_agenda_item(window, 7)  # while the copy of the 3 is written
    wait_for_autosave(qtbot, window)
    assert store.load_recovery(window.data_folder, large_project).settings["agenda_item"] == 3
    window.autosave()
    wait_for_autosave(qtbot, window)
    assert store.load_recovery(window.data_folder, large_project).settings["agenda_item"] == 7
    assert window.project.settings["agenda_item"] == 7


def test_saving_while_the_copy_is_written_leaves_no_copy_to_offer(large_project, make_window, qtbot):
    window = make_window()
    assert window.open_project(large_project)
    set_agenda_item(window, 3)
    window.autosave()
    assert window.save()
    assert not store.recovery_newer(window.data_folder, large_project)
