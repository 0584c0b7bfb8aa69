"""Where each imported file was found on this machine: kept in the user's data folder, never in the project.

A project names an import by its file name and SHA-256 only (it is e-mailed, and a
path would show the author's home folder). To read a file again the window needs its
folder, so it remembers, per machine and user, the last place a file with that
SHA-256 was imported from, in a small JSON file readable by the user alone. The file
is written (and flushed to disk) on a thread of its own, one write after another, so
an import never waits for the disk; `flush` waits for what is still being written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path, PureWindowsPath

from desktop_app import safe_files
from desktop_app.project.model import ImportedFile

log = logging.getLogger("scrutiny.project")

#: The newest remembered; older ones are forgotten (a file imported years ago can be imported anew).
MAX_LOCATIONS = 2000


class ImportLocations:
    """SHA-256 of an imported file -> the absolute path it was imported from on this machine."""

    def __init__(self, path: Path):
        self.path = path
        self._paths: dict[str, str] = self._read()
        self._writer: ThreadPoolExecutor | None = None  # started with the first write
        self._written: Future | None = None  # the newest write

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError) as exc:
            log.warning("%s cannot be read (%s): import locations start afresh", self.path.name, exc)
            return {}
        if not isinstance(data, dict):
            return {}
        return {sha: path for sha, path in data.items() if isinstance(sha, str) and isinstance(path, str)}

    def remember(self, imports: Iterable[ImportedFile]) -> None:
        """Keep the location of every import that has one (imported here, or opened from an older project)."""
        self.remember_paths({imported.provenance.sha256: imported.source_path for imported in imports})

    def remember_paths(self, paths: dict[str, str]) -> None:
        """Keep where each file (SHA-256 -> absolute path) was read from: the imports', the partnership papers'."""
        found = {sha: path for sha, path in paths.items() if _is_absolute(path) and self._paths.get(sha) != path}
        if not found:
            return
        for sha in found:
            self._paths.pop(sha, None)  # newest last
        self._paths.update(found)
        self._paths = dict(list(self._paths.items())[-MAX_LOCATIONS:])
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-locations")
        self._written = self._writer.submit(self._write, json.dumps(self._paths, indent=1, ensure_ascii=False))

    def _write(self, text: str) -> None:
        try:
            safe_files.private_folder(self.path.parent)
            safe_files.write_atomically(self.path, text, private=True)
        except OSError as exc:
            log.warning("could not remember where the imported files are (%s)", exc)

    def flush(self) -> None:
        """Wait until what was remembered is on disk (the window closing, or a test reading the file)."""
        if self._written is not None:
            self._written.result()

    def location(self, imported: ImportedFile) -> Path | None:
        """Where `imported` was read from on this machine, if that is known."""
        if _is_absolute(imported.source_path):
            return Path(imported.source_path)
        return self.path_of(imported.provenance.sha256)

    def path_of(self, sha256: str) -> Path | None:
        """Where the file with `sha256` was last read from on this machine, if that is known."""
        known = self._paths.get(sha256)
        return Path(known) if known else None


def _is_absolute(path: str) -> bool:
    return Path(path).is_absolute() or PureWindowsPath(path).is_absolute()
