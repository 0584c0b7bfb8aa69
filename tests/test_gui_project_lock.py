"""Two windows on one project: the second is told who has it and offered it read-only, a lock left by a crash
can be taken over, and a file changed on disk by someone else is never written over or reloaded unasked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.paths import SAMPLE_DATA
from desktop_app.project import store
from desktop_app.project.lock import lock_path, read_holder
from tests.test_gui_window import (  # noqa: F401 - fixtures
    answers,
    as_if_its_process_died,
    make_window,
    wait_for_autosave,
    wait_for_task,
)
from tests.test_project_lock import refuse_new_files_in

POPULATION = SAMPLE_DATA / "population_2023.xlsx"


@pytest.fixture
def saved(make_window, qtbot, tmp_path):
    """A project with one return, saved by a window that keeps it open."""
    window = make_window()
    window.import_paths([POPULATION])
    wait_for_task(qtbot, window)
    project_file = tmp_path / "report.scrutiny"
    assert window.save_to(project_file)
    return window, project_file


@pytest.fixture
def save_dialog(monkeypatch):
    """The Save As dialog, answered with the next of `chosen` (each a path), and the names it suggested."""
    chosen: list[Path] = []
    suggested: list[str] = []

    def get_save_file_name(parent, caption, proposed, filters):
        suggested.append(Path(proposed).name)
        return (str(chosen.pop(0)), filters) if chosen else ("", filters)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return chosen, suggested


def set_agenda_item(window, item: int) -> None:
    window.edit("Set the agenda item", lambda v: window.project.set_setting("agenda_item", v), None, item)


def saved_elsewhere(project_file: Path, item: int) -> None:
    """Someone else's save of the project (another copy of the program, or a copy put back)."""
    theirs = store.load(project_file)
    theirs.set_setting("agenda_item", item)
    store.save(theirs, project_file)


def test_a_second_window_is_offered_the_project_read_only_and_its_save_does_not_overwrite_it(
    saved, make_window, answers, save_dialog, tmp_path
):
    shown, replies = answers
    first, project_file = saved
    holder = read_holder(project_file)
    before = project_file.read_bytes()

    replies["ask_locked"] = "read_only"
    second = make_window()
    assert second.open_project(project_file)

    since = holder.since.astimezone()
    assert shown[-1] == (
        "ask_locked",
        "Open in another window",
        f"report.scrutiny is open by {holder.user} on {holder.host} since {since:%H:%M} on {since.day} {since:%B}.",
    )
    assert second.windowTitle().startswith("report.scrutiny (read-only)")
    assert "read-only" in second.status_text.text()
    assert read_holder(project_file) == holder  # the first window's lock, untouched

    set_agenda_item(second, 7)
    chosen, suggested = save_dialog
    chosen += [project_file, tmp_path / "my copy.scrutiny"]
    assert not second.save()  # Save asks for a name; the first window's file is refused
    assert suggested == ["report (copy).scrutiny"]
    assert shown[-1][:2] == ("warn", "Not saved") and "report.scrutiny is open by" in shown[-1][2]
    assert project_file.read_bytes() == before

    assert second.save()
    assert project_file.read_bytes() == before
    assert store.load(tmp_path / "my copy.scrutiny").settings["agenda_item"] == 7
    assert second.windowTitle().startswith("my copy.scrutiny[*]")  # its own file now, not read-only
    assert read_holder(tmp_path / "my copy.scrutiny") == second.file_lock.holder

    first.close()
    second.close()
    assert [p.name for p in tmp_path.glob(".~lock.*")] == []


def test_a_read_only_window_keeps_its_own_recovery_copy(saved, make_window, qtbot, answers):
    shown, replies = answers
    first, project_file = saved
    replies["ask_locked"] = "read_only"
    second = make_window()
    assert second.open_project(project_file)
    assert shown[-1][0] == "ask_locked"  # the first window's unsaved work is not offered to the second
    set_agenda_item(first, 3)
    set_agenda_item(second, 7)
    first.autosave()
    second.autosave()  # then this window's process dies
    wait_for_autosave(qtbot, second)
    second.undo_stack.setClean()
    second.deleteLater()
    first.undo_stack.setClean()
    first.close()  # the first closes without saving: its copy goes, the second's stays

    next_start = make_window()
    assert next_start.offer_pending_recovery()
    assert shown[-1][1] == "Recover unsaved work?" and "an untitled report" in shown[-1][2]
    assert next_start.project.settings["agenda_item"] == 7 and next_start.path is None


def test_a_lock_left_by_a_crashed_window_is_offered_for_take_over(saved, make_window, answers):
    shown, replies = answers
    crashed, project_file = saved
    crashed.deleteLater()
    as_if_its_process_died(project_file)
    left_over = read_holder(project_file)

    replies["ask_locked"] = "cancel"
    window = make_window()
    assert not window.open_project(project_file)
    kind, title, text = shown[-1]
    assert (kind, title) == ("ask_locked", "Left over from a crash?")
    assert "but that Scrutiny Studio is no longer running: the lock looks left over from a crash" in text
    assert read_holder(project_file) == left_over and window.path is None

    replies["ask_locked"] = "take_over"
    assert window.open_project(project_file)
    assert read_holder(project_file) == window.file_lock.holder != left_over
    assert not window.read_only and window.windowTitle().startswith("report.scrutiny[*]")


def test_the_lock_goes_when_the_window_closes_opens_another_or_starts_a_new_report(saved, make_window, tmp_path):
    window, first_file = saved
    other = make_window()
    second_file = tmp_path / "second.scrutiny"
    assert other.save_to(second_file)
    other.close()
    assert not lock_path(second_file).exists()

    assert lock_path(first_file).exists()
    assert window.new_project()
    assert not lock_path(first_file).exists()
    assert window.open_project(first_file)
    assert read_holder(first_file) == window.file_lock.holder
    assert window.open_project(second_file)
    assert not lock_path(first_file).exists() and lock_path(second_file).exists()
    window.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".scrutiny" or "lock" in p.name) == [
        "report.scrutiny",
        "second.scrutiny",
    ]


def test_a_file_changed_on_disk_makes_save_ask(saved, answers, save_dialog, tmp_path):
    shown, replies = answers
    window, project_file = saved
    saved_elsewhere(project_file, 12)
    set_agenda_item(window, 7)

    replies["ask_overwrite"] = "cancel"
    assert not window.save()
    assert shown[-1][:2] == ("ask_overwrite", "Changed by someone else")
    assert "report.scrutiny was changed on disk since you opened or last saved it here" in shown[-1][2]
    assert store.load(project_file).settings["agenda_item"] == 12 and window.isWindowModified()

    replies["ask_overwrite"] = "save_as"
    save_dialog[0].append(tmp_path / "mine.scrutiny")
    assert window.save()
    assert store.load(project_file).settings["agenda_item"] == 12
    assert store.load(tmp_path / "mine.scrutiny").settings["agenda_item"] == 7
    assert not lock_path(project_file).exists()  # this window holds its new file now

    saved_elsewhere(tmp_path / "mine.scrutiny", 13)
    set_agenda_item(window, 8)
    replies["ask_overwrite"] = "overwrite"
    asked = len(shown)
    assert window.save()
    assert shown[asked][0] == "ask_overwrite"
    assert store.load(tmp_path / "mine.scrutiny").settings["agenda_item"] == 8
    set_agenda_item(window, 9)
    asked = len(shown)
    assert window.save()  # saved by this window since: nothing to ask
    assert len(shown) == asked


def test_coming_back_to_a_window_whose_file_changed_says_so_once_and_reopens_only_when_asked(saved, answers, qtbot):
    shown, replies = answers
    window, project_file = saved
    saved_elsewhere(project_file, 12)

    replies["ask"] = "keep"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    qtbot.waitUntil(lambda: any(kind == "ask" for kind, _, _ in shown))
    kind, title, text = shown[-1]
    assert (kind, title) == ("ask", "Changed by someone else")
    assert text.startswith("report.scrutiny was changed on disk since you opened or last saved it here")
    assert "changed on disk by someone else" in window.status_text.text()
    assert "agenda_item" not in window.project.settings  # kept as it was: never reloaded unasked

    asked = len(shown)
    window.check_file_on_disk()
    assert len(shown) == asked  # told once

    saved_elsewhere(project_file, 13)
    replies["ask"] = "reopen"
    window.check_file_on_disk()
    assert window.project.settings["agenda_item"] == 13 and not window.isWindowModified()
    assert read_holder(project_file) == window.file_lock.holder
    asked = len(shown)
    window.check_file_on_disk()
    assert len(shown) == asked  # reopened: nothing changed since


def test_a_garbage_lock_file_is_offered_for_take_over(make_window, tmp_path, answers, qtbot):
    shown, replies = answers
    window = make_window()
    project_file = tmp_path / "report.scrutiny"
    assert window.save_to(project_file)
    window.close()
    lock_path(project_file).write_bytes(b"\x00\xffnot a lock at all{")

    replies["ask_locked"] = "take_over"
    again = make_window()
    assert again.open_project(project_file)
    assert shown[-1][:2] == ("ask_locked", "Left over from a crash?")
    assert "has a lock file that cannot be read" in shown[-1][2]
    assert read_holder(project_file) == again.file_lock.holder


def test_a_folder_where_no_lock_can_be_written_still_opens_the_project(make_window, tmp_path, answers, monkeypatch):
    shown, _ = answers
    window = make_window()
    project_file = tmp_path / "report.scrutiny"
    assert window.save_to(project_file)
    window.close()
    refuse_new_files_in(monkeypatch, tmp_path)  # a read-only share

    again = make_window()
    assert again.open_project(project_file)
    assert shown == []  # nothing to ask: no one else's lock, and the project opens
    assert "its folder cannot be written" in again.status_text.text()
    assert not lock_path(project_file).exists() and not again.read_only
