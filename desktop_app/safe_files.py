"""Writing a file so that it is whole or untouched: the one way the application writes its files.

Projects, recovery copies, PDFs and the column mappings file are all written
the same way: built beside the target under a temporary name, flushed to disk,
and renamed over it (os.replace, atomic on every file system we support). If
the process dies at any moment the user has the old file or the new one, never
half of one, and a failed write leaves no temporary file behind. On Windows a
virus scanner may hold the old file open for a moment, so the rename is tried
again for about five seconds before the error is reported.

A new file gets the permissions the user's umask gives; a replaced file keeps its own. Files that
hold every imported row (recovery copies) are written `private`: readable by the user alone (0600
on POSIX, in a 0700 folder). A write killed part way leaves a `.saving` temporary: the next start
removes those older than the process (`remove_stale_temporaries`, `remove_stale_temporaries_under`).
A lock file is written `write_new`: only where there is none yet, so two windows cannot both take it.

Standard library only, and no other module of the application: every layer may use it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("scrutiny.files")

TEMPORARY_SUFFIX = ".saving"
#: A temporary of ours: ".<target name>.<8 hex digits>.saving".
_TEMPORARY_NAME = re.compile(r"^\..+\.[0-9a-f]{8}" + re.escape(TEMPORARY_SUFFIX) + "$")
#: Temporaries last changed before this process started were left by a write that was killed.
_PROCESS_STARTED = time.time()
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
_REPLACE_ATTEMPTS = 10


def write_atomically(path: str | Path, data: bytes | str, private: bool = False) -> None:
    """Write `data` (text as UTF-8) to `path`, replacing the file there only once the new one is complete.

    The folder must exist (FileNotFoundError names it otherwise). A replaced file keeps its permissions,
    a new one gets the umask's; `private`: readable by the user alone, whatever was there.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path, private) as temporary, open(temporary, "wb") as stream:
        stream.write(content)


def write_new(path: str | Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `path` only where no file is there yet (FileExistsError otherwise).

    For a lock file: of two windows that try at once only one succeeds, and a reader never sees half of it.
    The file is built beside `path`, then linked to its name (POSIX) or renamed to it (Windows, whose rename
    never replaces a file); where the folder takes no links (some network shares) it is created exclusively
    and written in one call.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(os.path.abspath(path))
    if not path.parent.is_dir():
        raise FileNotFoundError(f"cannot write {path.name}: there is no folder {path.parent}")
    remove_stale_temporaries(path)
    temporary = _create_temporary(path, private=False)
    try:
        with open(temporary, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if sys.platform == "win32":
            os.rename(temporary, path)
        else:
            _link_or_create(temporary, path, content)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_folder(path.parent)


def _link_or_create(temporary: Path, path: Path, content: bytes) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here: an exclusive create, written in one call
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        try:
            os.write(descriptor, content)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def atomic_path(path: str | Path, private: bool = False) -> Iterator[Path]:
    """A new, empty file beside `path` to write; when the block ends it is flushed and renamed over `path`.

    If the block raises, the temporary file is removed and `path` is as it was. For writers that
    need a file name rather than bytes (SQLite). `private`: as for write_atomically.
    """
    path = Path(os.path.abspath(path))
    if not path.parent.is_dir():
        raise FileNotFoundError(f"cannot write {path.name}: there is no folder {path.parent}")
    remove_stale_temporaries(path)
    temporary = _create_temporary(path, private)
    try:
        yield temporary
        _fsync(temporary)
        replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def replace(temporary: Path, path: Path) -> None:
    """os.replace, tried again for a moment on Windows, where a virus scanner may hold the old file open."""
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(temporary, path)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == _REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(0.1 * (attempt + 1))


def remove_stale_temporaries(path: Path) -> None:
    """Our temporary files beside `path` left by a write that was killed part way (before this process began)."""
    prefix = f".{path.name}."
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix):
            _remove_if_stale(entry)


def remove_stale_temporaries_under(folder: Path) -> None:
    """Every temporary of ours in `folder` and its subfolders left by a killed write (at start-up, the data folder)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            remove_stale_temporaries_under(Path(entry.path))
        else:
            _remove_if_stale(entry)


def _remove_if_stale(entry: os.DirEntry) -> None:
    if not _TEMPORARY_NAME.match(entry.name):
        return
    try:
        if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < _PROCESS_STARTED:
            os.unlink(entry.path)
            log.info("removed %s, left by a write that did not finish", entry.name)
    except OSError:
        pass


def private_folder(folder: Path) -> Path:
    """`folder`, made if need be, that only the user can open (0700 on POSIX; Windows: the profile's own rights)."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    if sys.platform != "win32":
        os.chmod(folder, PRIVATE_FOLDER_MODE)
    return folder


def _create_temporary(path: Path, private: bool) -> Path:
    """A new, empty file beside `path`, with the permissions `path` has (or a new file gets); or private ones."""
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
        mode = PRIVATE_FILE_MODE if private else 0o666  # the umask takes its part of 0o666
        try:
            descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), mode)
        except FileExistsError:
            continue
        os.close(descriptor)
        if not private:
            try:
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
            except OSError:
                pass  # no file there yet: the umask's permissions
        return temporary


def _fsync(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no such call and needs none)."""
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
