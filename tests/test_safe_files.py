"""The one way the application writes a file: whole or not at all, with a retry while Windows holds the old one."""

import errno
import os
import stat
import sys

import pytest

from desktop_app import safe_files
from desktop_app.safe_files import write_atomically


def test_a_file_is_written_whole_and_keeps_the_permissions_of_the_one_it_replaces(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)

    write_atomically(target, b"new")
    write_atomically(tmp_path / "mappings.json", "caf\u00e9")

    assert target.read_bytes() == b"new"
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert (tmp_path / "mappings.json").read_text(encoding="utf-8") == "caf\u00e9"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mappings.json", "report.pdf"]


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="there is no folder"):
        write_atomically(tmp_path / "gone" / "report.pdf", b"x")


def test_a_file_held_by_a_virus_scanner_is_tried_again_on_windows(tmp_path, monkeypatch):
    held = iter([PermissionError(13, "in use"), PermissionError(13, "in use")])
    replace = os.replace

    def scanner_holds_it(source, target):
        failure = next(held, None)
        if failure:
            raise failure
        replace(source, target)

    monkeypatch.setattr(safe_files.sys, "platform", "win32")
    monkeypatch.setattr(safe_files.os, "replace", scanner_holds_it)
    monkeypatch.setattr(safe_files.time, "sleep", lambda seconds: None)
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    write_atomically(target, b"new")

    assert target.read_bytes() == b"new"


def test_elsewhere_a_refused_rename_fails_at_once_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refused(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_files.sys, "platform", "linux")
    monkeypatch.setattr(safe_files.os, "replace", refused)
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    with pytest.raises(PermissionError):
        write_atomically(target, b"new")

    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_new_file_is_written_only_where_there_is_none(tmp_path):
    lock = tmp_path / ".~lock.report.scrutiny#"

    safe_files.write_new(lock, "first window")
    with pytest.raises(FileExistsError):
        safe_files.write_new(lock, "second window")

    assert lock.read_text(encoding="utf-8") == "first window"
    assert [p.name for p in tmp_path.iterdir()] == [lock.name]


def test_where_the_folder_takes_no_links_a_new_file_is_still_written_only_once(tmp_path, monkeypatch):
    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(safe_files.sys, "platform", "linux")
    monkeypatch.setattr(safe_files.os, "link", no_links)
    lock = tmp_path / ".~lock.report.scrutiny#"

    safe_files.write_new(lock, b"first window")
    with pytest.raises(FileExistsError):
        safe_files.write_new(lock, b"second window")

    assert lock.read_bytes() == b"first window"
    assert [p.name for p in tmp_path.iterdir()] == [lock.name]
