"""Writing a file so that it is whole or untouched: the one way the application writes its files.

Projects, recovery copies, PDFs and the column mappings file are all written
the same way: built beside the target under a temporary name, flushed to disk,
and renamed over it (os.replace, atomic on every file system we support). If
the process dies at any moment the user has the old file or the new one, never
half of one, and a failed write leaves no temporary file behind. On Windows a
virus scanner may hold the old file open for a moment, so the rename is tried
again for about five seconds before the error is reported.

Standard library only, and no other module of the application: every layer may use it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("scrutiny.files")

TEMPORARY_SUFFIX = ".saving"
_STALE_TEMPORARY_SECONDS = 3600
_REPLACE_ATTEMPTS = 10


def write_atomically(path: str | Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `path`, replacing the file there only once the new one is complete.

    The folder must exist (FileNotFoundError names it otherwise). A replaced file keeps its permissions.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as temporary, open(temporary, "wb") as stream:
        stream.write(content)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A new, empty file beside `path` to write; when the block ends it is flushed and renamed over `path`.

    If the block raises, the temporary file is removed and `path` is as it was. For writers that
    need a file name rather than bytes (SQLite).
    """
    path = Path(os.path.abspath(path))
    if not path.parent.is_dir():
        raise FileNotFoundError(f"cannot write {path.name}: there is no folder {path.parent}")
    remove_stale_temporaries(path)
    temporary = _create_temporary(path)
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
    """Temporary files beside `path` left by a write that was killed part way (an hour old or more)."""
    prefix = f".{path.name}."
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMPORARY_SUFFIX):
            try:
                if time.time() - entry.stat().st_mtime > _STALE_TEMPORARY_SECONDS:
                    os.unlink(entry.path)
                    log.info("removed %s, left by a write that did not finish", entry.name)
            except OSError:
                pass


def _create_temporary(path: Path) -> Path:
    """A new, empty file beside `path`, with the permissions `path` has (or a new file would get)."""
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
        try:
            descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(descriptor)
        try:
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        except OSError:
            pass  # no file there yet: it keeps the folder's defaults
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
