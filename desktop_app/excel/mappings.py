"""The column mappings a user made once, kept in a small JSON file in the user's own data folder.

The memory itself (shapes, recall, remember) is the domain's
(desktop_app.domain.imports.MappingMemory); this keeps it in a file, written
atomically, so the next session maps next month's return by itself.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from desktop_app.domain.imports import MappingMemory
from desktop_app.domain.returns import ReturnKind


class MappingFile(MappingMemory):
    """A MappingMemory read from `path` and written back to it at every change (none without a path)."""

    def __init__(self, path: Path | None = None):
        shapes = {}
        if path and path.exists():
            try:
                shapes = json.loads(path.read_text(encoding="utf-8")).get("shapes", {})
            except (OSError, ValueError, AttributeError):
                shapes = {}  # a damaged memory only costs the user a re-mapping
        super().__init__(shapes)
        self.path = path

    def remember(self, labels: list[str], kind: ReturnKind | None, columns: dict[str, str]) -> None:
        super().remember(labels, kind, columns)
        if self.path:
            write_atomically(self.path, json.dumps({"shapes": self.shapes}, indent=1, ensure_ascii=False))


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target, then rename over it: the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
