"""Column mappings a user made once, remembered for files of the same shape.

A shape is the header row as it reads (normalised), so next month's return
with the same columns maps itself. The memory is a small JSON file in the
user's own data folder, written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from desktop_app.domain.returns import ReturnKind
from desktop_app.domain.vocabulary import normalise


def shape_key(labels: list[str]) -> str:
    """The same for two header rows that say the same, whatever the case, spacing or punctuation."""
    text = "|".join(normalise(label) for label in labels)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class MappingMemory:
    """Header shape -> the kind of return and the fields its columns hold."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._shapes: dict[str, dict] = {}
        if path and path.exists():
            try:
                self._shapes = json.loads(path.read_text(encoding="utf-8")).get("shapes", {})
            except (OSError, ValueError, AttributeError):
                self._shapes = {}  # a damaged memory only costs the user a re-mapping

    def recall(self, labels: list[str]) -> tuple[ReturnKind | None, dict[str, str]] | None:
        found = self._shapes.get(shape_key(labels))
        if not found:
            return None
        kind = ReturnKind(found["kind"]) if found.get("kind") else None
        return kind, dict(found.get("columns", {}))

    def remember(self, labels: list[str], kind: ReturnKind | None, columns: dict[str, str]) -> None:
        """Keep `columns` (header as written -> field) for every header that reads like `labels`."""
        self._shapes[shape_key(labels)] = {"kind": kind.value if kind else None, "labels": labels, "columns": columns}
        if self.path:
            write_atomically(self.path, json.dumps({"shapes": self._shapes}, indent=1, ensure_ascii=False))


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
