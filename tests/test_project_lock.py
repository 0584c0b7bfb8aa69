"""The lock beside an open project: who holds it, when it looks left over, and that garbage never raises."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import safe_files
from desktop_app.project.lock import (
    STALE_AFTER,
    UNREADABLE,
    FileStamp,
    Holder,
    ProjectLock,
    ProjectLockedError,
    lock_path,
    process_running,
    read_holder,
)


def dead_pid() -> int:
    """The number of a process that has finished (a crashed window's)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def write_lock(project: Path, **fields) -> None:
    """A lock file as another window (or a crash) left it."""
    lock = {
        "application": "Scrutiny Studio",
        "user": "asha",
        "host": "PLANNING-07",
        "pid": 4242,
        "since": "2024-12-06T14:02:00+00:00",
        "token": "theirs",
    }
    lock_path(project).write_text(json.dumps({**lock, **fields}), encoding="utf-8")


def refuse_new_files_in(monkeypatch, folder: Path) -> None:
    """What a read-only share does: no new file may be made in `folder` (even by root, who ignores chmod)."""
    original = os.open

    def refusing(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and Path(path).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(safe_files.os, "open", refusing)


def test_the_lock_says_who_where_which_process_and_since_when_and_goes_on_release(tmp_path):
    project = tmp_path / "report.scrutiny"
    project.write_bytes(b"a project")

    lock = ProjectLock.acquire(project)

    assert lock.path == tmp_path / ".~lock.report.scrutiny#"
    written = json.loads(lock.path.read_text(encoding="utf-8"))
    assert written["project"] == "report.scrutiny" and written["pid"] == os.getpid()
    assert written["user"] and written["host"]
    since = dt.datetime.fromisoformat(written["since"])
    assert since.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - since) < dt.timedelta(minutes=5)
    assert read_holder(project) == lock.holder
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~lock.report.scrutiny#", "report.scrutiny"]

    lock.release()
    lock.release()  # twice: nothing to do

    assert read_holder(project) is None and not lock.path.exists()


def test_a_second_window_is_told_who_holds_the_project_and_may_not_take_it_over(tmp_path):
    project = tmp_path / "report.scrutiny"
    first = ProjectLock.acquire(project)

    with pytest.raises(ProjectLockedError) as refused:
        ProjectLock.acquire(project)

    holder = refused.value.holder
    assert holder == first.holder and not holder.stale()
    since = first.holder.since.astimezone()
    assert holder.describe("report.scrutiny") == (
        f"report.scrutiny is open by {holder.user} on {holder.host} since {since:%H:%M} on {since.day} {since:%B}."
    )
    assert str(refused.value) == holder.describe("report.scrutiny")


def test_a_lock_whose_process_is_gone_looks_left_over_and_can_be_taken_over(tmp_path):
    project = tmp_path / "report.scrutiny"
    ProjectLock.acquire(project)  # then the window crashed: its process is gone
    holder = read_holder(project)
    write_lock(project, user=holder.user, host=holder.host, pid=dead_pid())
    left_over = read_holder(project)

    assert left_over.on_this_computer() and left_over.stale()
    assert "no longer running: the lock looks left over from a crash" in left_over.describe("report.scrutiny")
    with pytest.raises(ProjectLockedError):
        ProjectLock.acquire(project)

    mine = ProjectLock.take_over(project, left_over)

    assert read_holder(project) == mine.holder and mine.holder.pid == os.getpid()
    mine.release()
    assert not lock_path(project).exists()


def test_a_lock_from_another_computer_looks_left_over_only_after_twelve_hours(tmp_path):
    project = tmp_path / "report.scrutiny"
    write_lock(project, host="PLANNING-07", since="2024-12-06T14:02:00+00:00")
    holder = read_holder(project)
    opened = dt.datetime(2024, 12, 6, 14, 2, tzinfo=dt.UTC)

    assert not holder.stale(opened + dt.timedelta(hours=11))
    assert holder.stale(opened + STALE_AFTER + dt.timedelta(minutes=1))
    later = holder.describe("report.scrutiny", opened + dt.timedelta(days=1))
    assert "more than 12 hours ago" in later and "Take it over only if you know asha has closed it" in later


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b"{not json",
        b'{"user": "asha", "host": "PLANNING-07", "pid": "4242", "since": "2024-12-06T14:02:00", "token": ""}',
        b'{"user": "asha", "host": "PLANNING-07", "pid": 4242, "since": "the sixth", "token": ""}',
        b'{"user": "", "host": "PLANNING-07", "pid": 4242, "since": "2024-12-06T14:02:00", "token": ""}',
        b'{"user": "asha", "host": "PLANNING-07", "pid": 99999999999, "since": "2024-12-06", "token": ""}',
        b"[" * 100_000,
        b" " * 70_000 + b"{}",
    ],
    ids=["empty", "binary", "a list", "half json", "pid as text", "no time", "no user", "huge pid", "deep", "huge"],
)
def test_a_garbage_lock_file_is_unreadable_stale_and_can_be_taken_over(tmp_path, content):
    project = tmp_path / "report.scrutiny"
    lock_path(project).write_bytes(content)

    holder = read_holder(project)

    assert holder == UNREADABLE and holder.since is None and holder.stale()
    assert "has a lock file that cannot be read. It looks left over from a crash" in holder.describe("report.scrutiny")
    with pytest.raises(ProjectLockedError) as refused:
        ProjectLock.acquire(project)
    assert refused.value.holder == UNREADABLE
    taken = ProjectLock.take_over(project, holder)
    assert read_holder(project) == taken.holder


def test_a_folder_where_the_lock_should_be_is_unreadable_and_taking_it_over_fails_plainly(tmp_path):
    project = tmp_path / "report.scrutiny"
    lock_path(project).mkdir()

    assert read_holder(project) == UNREADABLE
    with pytest.raises(OSError):
        ProjectLock.take_over(project, UNREADABLE)


def test_a_window_gives_back_only_its_own_lock(tmp_path):
    project = tmp_path / "report.scrutiny"
    mine = ProjectLock.acquire(project)
    write_lock(project)  # someone took it over, thinking it left over

    mine.release()

    assert read_holder(project).token == "theirs"


def test_taking_over_refuses_a_lock_that_changed_since_the_author_was_asked(tmp_path):
    project = tmp_path / "report.scrutiny"
    write_lock(project, pid=dead_pid(), host="PLANNING-07")
    asked_about = read_holder(project)
    write_lock(project, user="ben", token="his")  # another window took it over first

    with pytest.raises(ProjectLockedError) as refused:
        ProjectLock.take_over(project, asked_about)

    assert refused.value.holder.user == "ben"


def test_taking_over_a_lock_given_back_meanwhile_simply_takes_it(tmp_path):
    project = tmp_path / "report.scrutiny"

    lock = ProjectLock.take_over(project, UNREADABLE)

    assert read_holder(project) == lock.holder


def test_a_folder_that_cannot_be_written_raises_oserror_and_leaves_nothing(tmp_path, monkeypatch):
    project = tmp_path / "report.scrutiny"
    project.write_bytes(b"a project")
    refuse_new_files_in(monkeypatch, tmp_path)

    with pytest.raises(PermissionError):
        ProjectLock.acquire(project)

    assert [p.name for p in tmp_path.iterdir()] == ["report.scrutiny"]


def test_this_process_runs_and_a_finished_one_does_not():
    assert process_running(os.getpid())
    assert not process_running(dead_pid())
    assert not process_running(0) and not process_running(-1) and not process_running(2**40)


def test_this_computer_is_known_by_its_name_in_any_case():
    assert Holder("me", platform.node().upper(), 1, None).on_this_computer()
    assert not Holder("me", platform.node() + "-2", 1, None).on_this_computer()


def test_the_stamp_changes_when_the_file_is_written_again_and_is_none_when_it_is_gone(tmp_path):
    project = tmp_path / "report.scrutiny"
    project.write_bytes(b"first")
    stamp = FileStamp.of(project)

    assert FileStamp.of(project) == stamp
    os.utime(project, ns=(stamp.modified_ns + 1_000_000, stamp.modified_ns + 1_000_000))
    assert FileStamp.of(project) != stamp
    project.write_bytes(b"second, longer")
    assert FileStamp.of(project).size == len(b"second, longer")
    project.unlink()
    assert FileStamp.of(project) is None


def test_a_file_saved_over_within_the_same_tick_and_of_the_same_size_has_another_stamp(tmp_path):
    project = tmp_path / "report.scrutiny"
    project.write_bytes(b"first")
    stamp = FileStamp.of(project)
    theirs = tmp_path / "theirs"
    theirs.write_bytes(b"other")
    os.utime(theirs, ns=(stamp.modified_ns, stamp.modified_ns))

    os.replace(theirs, project)  # how a save (theirs or ours) puts the new file in place

    assert (FileStamp.of(project).size, FileStamp.of(project).modified_ns) == (stamp.size, stamp.modified_ns)
    assert FileStamp.of(project) != stamp
