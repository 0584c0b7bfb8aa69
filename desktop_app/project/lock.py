"""The lock file beside an open project, and the project file as a window last read or wrote it.

While a window has `report.scrutiny` open it keeps `.~lock.report.scrutiny#` beside it (the name
LibreOffice gives its own lock files; hidden on macOS and Linux): a few lines of JSON saying who has it
open (user name), on which computer (host name), in which process, and since when (ISO 8601, with the
offset from UTC). A second window that opens the project reads it and offers the project read-only. A
lock looks left over from a crash, and may be taken over, where its process no longer runs on this
computer, where it comes from another computer and is older than STALE_AFTER, or where it cannot be read.

The lock is written whole and only where there is none yet (safe_files.write_new), so two windows that
open the project at once cannot both take it; a window removes it only while it is still its own.

A lock warns only the windows that look for one. For whatever else changes the file (a copy put back, a
window whose folder took no lock), FileStamp records the file's size, modification time and identity
when the window opened or saved it, so Save can ask before writing over someone else's work.

Standard library only; no Qt.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import logging
import os
import platform
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop_app import safe_files

log = logging.getLogger("scrutiny.project")

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
#: A lock from another computer older than this looks left over (no one keeps a report open overnight).
STALE_AFTER = dt.timedelta(hours=12)
_MAX_LOCK_BYTES = 64 * 1024
_MAX_PID = 2**31 - 1

__all__ = [
    "STALE_AFTER",
    "UNREADABLE",
    "FileStamp",
    "Holder",
    "ProjectLock",
    "ProjectLockedError",
    "lock_path",
    "process_running",
    "read_holder",
]


def lock_path(project: str | Path) -> Path:
    """Where the lock of the project file `project` is kept: beside it, named after it."""
    project = Path(project)
    return project.with_name(f"{LOCK_PREFIX}{project.name}{LOCK_SUFFIX}")


@dataclass(frozen=True)
class Holder:
    """Who a lock file says has the project open. `since` is None where the file says nothing usable."""

    user: str
    host: str
    pid: int
    since: dt.datetime | None  # aware
    token: str = ""  # tells this window's lock from another's, whoever and wherever they are

    def on_this_computer(self) -> bool:
        return self.host.casefold() == _host().casefold()

    def stale(self, now: dt.datetime | None = None) -> bool:
        """Whether the lock looks left over from a crash: unreadable, its process gone from this computer,
        or from another computer and older than STALE_AFTER."""
        if self.since is None:
            return True
        if self.on_this_computer():
            return not process_running(self.pid)
        return (now or _now()) - self.since > STALE_AFTER

    def describe(self, project_name: str, now: dt.datetime | None = None) -> str:
        """What the author is told: who has `project_name` open, where and since when, and whether the lock
        looks left over from a crash."""
        if self.since is None:
            return (
                f"{project_name} has a lock file that cannot be read. It looks left over from a crash: take it over "
                "unless you know someone else is working on the project."
            )
        now = now or _now()
        when = _when(self.since, now)
        if not self.stale(now):
            return f"{project_name} is open by {self.user} on {self.host} since {when}."
        if self.on_this_computer():
            return (
                f"{project_name} was opened by {self.user} on {self.host} at {when}, but that Scrutiny Studio is no "
                "longer running: the lock looks left over from a crash."
            )
        hours = int(STALE_AFTER.total_seconds() // 3600)
        return (
            f"{project_name} was opened by {self.user} on {self.host} at {when}, more than {hours} hours ago: the "
            f"lock may be left over from a crash. Take it over only if you know {self.user} has closed it."
        )


#: What a lock file that cannot be read says: someone, somewhere, at no known time (stale).
UNREADABLE = Holder("someone", "an unknown computer", 0, None)


class ProjectLockedError(Exception):
    """Another window holds the lock on a project, or a crash left it there."""

    def __init__(self, project: Path, holder: Holder):
        super().__init__(holder.describe(project.name))
        self.project = project
        self.holder = holder


@dataclass(frozen=True)
class ProjectLock:
    """The lock this window holds on `project`: taken by `acquire` or `take_over`, given back by `release`."""

    project: Path
    holder: Holder

    @property
    def path(self) -> Path:
        return lock_path(self.project)

    @classmethod
    def acquire(cls, project: str | Path) -> ProjectLock:
        """Take the lock on `project`.

        Raises ProjectLockedError where a lock file is there already (held, or left over: see `Holder.stale`),
        and OSError where the folder cannot be written (a read-only share).
        """
        project = Path(project)
        holder = _this_window()
        for _attempt in range(3):  # a lock given back between our write and our reading it: try again
            try:
                safe_files.write_new(lock_path(project), _lock_text(project, holder))
                return cls(project, holder)
            except FileExistsError:
                there = read_holder(project)
            if there is not None:
                raise ProjectLockedError(project, there)
        raise ProjectLockedError(project, UNREADABLE)

    @classmethod
    def take_over(cls, project: str | Path, left_over: Holder) -> ProjectLock:
        """Put this window's lock in place of `left_over` (as read when the author was asked).

        Raises ProjectLockedError where the lock file now says something else (another window took it over
        first), and OSError where it cannot be written.
        """
        project = Path(project)
        there = read_holder(project)
        if there is None:
            return cls.acquire(project)
        if there != left_over:
            raise ProjectLockedError(project, there)
        holder = _this_window()
        safe_files.write_atomically(lock_path(project), _lock_text(project, holder))
        log.info("took over the lock on %s left by %s on %s", project.name, left_over.user, left_over.host)
        return cls(project, holder)

    def release(self) -> None:
        """Remove the lock file while it is still this window's (never one another window took over)."""
        there = read_holder(self.project)
        if there is None or there.token != self.holder.token:
            return
        try:
            self.path.unlink()
        except OSError as exc:
            log.warning("the lock on %s could not be removed: %s", self.project.name, exc)


def read_holder(project: str | Path) -> Holder | None:
    """Who holds the lock on `project`: None where there is no lock file, UNREADABLE where it says nothing usable."""
    path = lock_path(project)
    try:
        with open(path, "rb") as stream:
            data = stream.read(_MAX_LOCK_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a folder of that name, or no right to read it
        log.warning("the lock file %s cannot be read: %s", path.name, exc)
        return UNREADABLE
    return _holder(data)


def _holder(data: bytes) -> Holder:
    if len(data) > _MAX_LOCK_BYTES:
        return UNREADABLE
    try:
        fields = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return UNREADABLE
    if not isinstance(fields, dict):
        return UNREADABLE
    user, host, pid, since, token = (fields.get(key) for key in ("user", "host", "pid", "since", "token"))
    if not (isinstance(user, str) and isinstance(host, str) and isinstance(since, str) and isinstance(token, str)):
        return UNREADABLE
    if type(pid) is not int or not 0 < pid <= _MAX_PID or not user.split() or not host.split():
        return UNREADABLE
    try:
        moment = dt.datetime.fromisoformat(since)
    except ValueError:
        return UNREADABLE
    return Holder(" ".join(user.split())[:100], " ".join(host.split())[:100], pid, moment.astimezone(), token)


def _lock_text(project: Path, holder: Holder) -> str:
    since = holder.since.isoformat() if holder.since else ""
    fields = {
        "application": "Scrutiny Studio",
        "project": project.name,
        "user": holder.user,
        "host": holder.host,
        "pid": holder.pid,
        "since": since,
        "token": holder.token,
    }
    return json.dumps(fields, indent=1, ensure_ascii=False) + "\n"


def _this_window() -> Holder:
    return Holder(_user(), _host(), os.getpid(), _now().replace(microsecond=0), secrets.token_hex(8))


def _user() -> str:
    try:
        return getpass.getuser() or "someone"
    except (OSError, KeyError, ImportError):  # no user name in the environment, nor in the password database
        return "someone"


def _host() -> str:
    return platform.node() or "an unnamed computer"


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    """'14:02 on 6 December' in this computer's time; the year too where it is not this year."""
    local, today = moment.astimezone(), now.astimezone()
    year = "" if local.year == today.year else f" {local.year}"
    return f"{local:%H:%M} on {local.day} {local:%B}{year}"


@dataclass(frozen=True)
class FileStamp:
    """A file's size, modification time (to the nanosecond) and identity, as a window saw it when it opened or
    saved it: a different stamp later means someone else changed the file. The identity (inode, or NTFS file
    index) tells a file saved over it (a new file renamed into place) even within the clock's last tick."""

    size: int
    modified_ns: int
    file_id: int = 0

    @classmethod
    def of(cls, path: str | Path) -> FileStamp | None:
        """`path`'s stamp now; None where there is no file there (moved or deleted) or it cannot be looked at."""
        try:
            status = os.stat(path)
        except OSError:
            return None
        return cls(status.st_size, status.st_mtime_ns, status.st_ino)


def process_running(pid: int) -> bool:
    """Whether process `pid` runs on this computer (a lock whose process is gone was left by a crash)."""
    if not 0 < pid <= _MAX_PID:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)  # signal 0: asks only whether it is there
    except ProcessLookupError:
        return False
    except PermissionError:  # there, but another user's
        return True
    except OSError:
        return False
    return True


if sys.platform == "win32":  # os.kill(pid, 0) would end the process on Windows: ask the kernel instead
    import ctypes
    from ctypes import wintypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.OpenProcess.restype = wintypes.HANDLE
    _kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    _kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    _kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    _kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    _QUERY_LIMITED_INFORMATION, _ACCESS_DENIED, _STILL_ACTIVE = 0x1000, 5, 259

    def _windows_process_running(pid: int) -> bool:
        handle = _kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return bool(ctypes.get_last_error() == _ACCESS_DENIED)  # there, but not ours to look at
        try:
            code = wintypes.DWORD()
            if not _kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == _STILL_ACTIVE)
        finally:
            _kernel32.CloseHandle(handle)
