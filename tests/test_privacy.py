"""Privacy on a shared laptop: private recovery copies and log, the umask honoured, no full-data left-overs,
and a project that names its imports without the author's folders."""

import os
import shutil
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from desktop_app import safe_files
from desktop_app.excel.importer import Importer
from desktop_app.gui.app import remove_left_overs, set_up_logging
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.project import store
from desktop_app.project.model import Project
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    def set_umask(value: int) -> None:
        os.umask(value)

    before = os.umask(0o022)
    yield set_umask
    os.umask(before)


@pytest.fixture(scope="module")
def project() -> Project:
    project = Project()
    project.add_import(Importer().import_file(SAMPLE_COMPLAINTS_LOG), SAMPLE_COMPLAINTS_LOG)
    return project


@posix_only
def test_a_recovery_copy_holding_every_row_is_readable_by_the_user_alone(tmp_path, umask, project):
    copy = store.save_recovery(project, tmp_path / "data", tmp_path / "report.scrutiny")

    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
    assert len(store.load(copy).imports[0].sheets[0].frame) == 602


@posix_only
def test_the_log_is_readable_by_the_user_alone_even_one_an_older_version_left_open(tmp_path, umask):
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "scrutiny-studio.log").write_text("old\n")
    os.chmod(logs / "scrutiny-studio.log", 0o644)

    path = set_up_logging(tmp_path)

    assert mode(path) == 0o600 and mode(logs) == 0o700


@posix_only
def test_written_files_honour_a_private_umask_and_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o077)
    pdf = tmp_path / "appendix.pdf"
    safe_files.write_atomically(pdf, b"%PDF-1.7")
    assert mode(pdf) == 0o600
    os.chmod(pdf, 0o640)
    safe_files.write_atomically(pdf, b"%PDF-1.7 again")
    assert mode(pdf) == 0o640


def test_what_a_killed_save_left_is_removed_at_the_next_start_and_nothing_newer(tmp_path):
    data, documents = tmp_path / "data", tmp_path / "Documents"
    (data / "recovery").mkdir(parents=True)
    documents.mkdir()
    killed = [data / "recovery" / ".x.recovery.0a1b2c3d.saving", documents / ".report.scrutiny.deadbeef.saving"]
    started = safe_files._PROCESS_STARTED
    for path in killed:
        path.write_bytes(b"every imported row")
        os.utime(path, (started - 1, started - 1))  # last written before this process began
    not_ours = documents / "notes.saving"
    not_ours.write_text("the user's")
    os.utime(not_ours, (started - 1, started - 1))
    in_progress = documents / ".report.scrutiny.0badf00d.saving"
    in_progress.write_bytes(b"a save running now")

    remove_left_overs(data, [str(documents / "report.scrutiny")])

    assert not any(path.exists() for path in killed)
    assert not_ours.exists() and in_progress.exists()


def test_a_failed_save_leaves_no_temporary_file(tmp_path, project):
    project.settings["unstorable"] = object()
    try:
        with pytest.raises(TypeError):
            store.save(project, tmp_path / "report.scrutiny")
    finally:
        del project.settings["unstorable"]
    assert list(tmp_path.iterdir()) == []


def test_the_project_names_each_import_without_the_authors_folders(tmp_path, project):
    path = tmp_path / "report.scrutiny"
    store.save(project, path)

    with sqlite3.connect(path) as connection:
        kept = connection.execute("SELECT file, source_path, sha256 FROM imports").fetchall()
    assert kept == [(SAMPLE_COMPLAINTS_LOG.name, SAMPLE_COMPLAINTS_LOG.name, project.imports[0].provenance.sha256)]
    assert str(SAMPLE_COMPLAINTS_LOG.parent).encode() not in path.read_bytes()


def test_read_again_finds_the_file_on_this_machine_and_an_old_project_loses_its_path_on_save(
    make_window, qtbot, tmp_path, answers, project
):
    shown, _ = answers
    returns = tmp_path / "returns"
    returns.mkdir()
    log = shutil.copy(SAMPLE_COMPLAINTS_LOG, returns / "log.xlsx")
    old = tmp_path / "old.scrutiny"
    store.save(project, old)
    with sqlite3.connect(old) as connection:  # as a version before this one wrote it
        connection.execute("UPDATE imports SET source_path = ?", (str(log),))

    window = make_window()
    assert window.open_project(old)
    window.save_to(old)
    window.close()
    with sqlite3.connect(old) as connection:
        assert connection.execute("SELECT source_path FROM imports").fetchall() == [("log.xlsx",)]

    again = make_window()  # the next session on this machine: the project has the name only
    assert again.open_project(old, ask=False)
    again.reimport(again.project.imports[0].id)
    wait_for_task(qtbot, again)
    assert [box[1] for box in shown] == ["What changed"]
    again.close()

    (tmp_path / "data" / "import_locations.json").unlink()  # another machine: it cannot know where the file is
    elsewhere = make_window()
    assert elsewhere.open_project(old, ask=False)
    elsewhere.reimport(elsewhere.project.imports[0].id)
    assert shown[-1][1] == "File not found" and "does not know where" in shown[-1][2]
