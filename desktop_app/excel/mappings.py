"""The column mappings a user made once, kept in a small JSON file in the user's own data folder.

The memory itself (shapes, recall, remember) is the domain's
(desktop_app.domain.imports.MappingMemory); this keeps it in a file, written
atomically, so the next session maps next month's return by itself.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.domain.imports import MappingMemory
from desktop_app.domain.returns import ReturnKind
from desktop_app.safe_files import write_atomically


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
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps({"shapes": self.shapes}, indent=1, ensure_ascii=False))
