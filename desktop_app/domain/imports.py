"""The shapes of an imported return, with where it came from.

The Excel reader (desktop_app.excel) makes them and the project file
(desktop_app.project) stores them; both stand on this module and never on each
other, so the file format and the reader can change apart.
"""

from __future__ import annotations

import hashlib
import operator
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.domain.complaints import COMPLAINT_KEY
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.returns import ReturnKind, conform_return
from desktop_app.domain.vocabulary import normalise

_severity_of = operator.attrgetter("severity")


@dataclass(frozen=True)
class Provenance:
    """Which file the figures came from, so any of them can be traced back."""

    file: str
    size: int
    modified: str  # ISO 8601, local time of the file system
    sha256: str

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "size": self.size, "modified": self.modified, "sha256": self.sha256}


@dataclass
class SheetImport:
    """One sheet: what it was taken to be, and what was read from it."""

    sheet: str
    kind: ReturnKind | None
    header_row: int | None  # as Excel numbers it
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written
    labels: list[str] = field(default_factory=list)  # every header cell, left to right
    frame: pd.DataFrame | None = None
    problems: list[Problem] = field(default_factory=list)
    hidden: bool = False

    @property
    def rows(self) -> int:
        """The sheet's rows read: a cross-tab's long form holds a row per cell, so its source rows are counted."""
        if self.frame is None:
            return 0
        if "row" not in self.frame.columns:
            return len(self.frame)
        rows = self.frame["row"]
        if rows.is_monotonic_increasing:
            # a sheet's rows in order (as read): count where the row changes, not a hash of every row's number;
            # the Returns tab asks for this for each sheet each time it lists them
            numbers = rows.to_numpy()
            return int(np.count_nonzero(numbers[1:] != numbers[:-1])) + 1 if len(numbers) else 0
        return int(rows.nunique())


@dataclass
class ImportResult:
    provenance: Provenance
    sheets: list[SheetImport]

    @property
    def problems(self) -> list[Problem]:
        return [problem for sheet in self.sheets for problem in sheet.problems]

    def count(self, severity: Severity) -> int:
        """How many of the problems are of `severity` (their grades read at C speed: thousands on a large log)."""
        return sum(list(map(_severity_of, sheet.problems)).count(severity) for sheet in self.sheets)

    def frame(self, kind: ReturnKind) -> pd.DataFrame:
        """Every sheet of `kind` as one frame (empty, with the right columns, where there is none)."""
        frames = [s.frame for s in self.sheets if s.kind is kind and s.frame is not None and len(s.frame)]
        return pd.concat(frames, ignore_index=True) if frames else conform_return(kind, pd.DataFrame())


def with_repeats_named(result: ImportResult, earlier: list[tuple[str, pd.DataFrame]]) -> ImportResult:
    """`result` with a warning on each complaint its log shares with a log imported before (`earlier`: each
    file's name and complaints log): the complaint is counted once, from the earlier file."""
    if not earlier:
        return result
    first = pd.concat([log.assign(file=file) for file, log in earlier], ignore_index=True)
    first = first.drop_duplicates(COMPLAINT_KEY)[[*COMPLAINT_KEY, "file", "sheet", "row"]].rename(
        columns={"sheet": "sheet_first", "row": "row_first"}
    )
    sheets = []
    for sheet in result.sheets:
        if sheet.kind is not ReturnKind.COMPLAINTS_LOG or sheet.frame is None or sheet.frame.empty:
            sheets.append(sheet)
            continue
        repeats = sheet.frame[[*COMPLAINT_KEY, "row"]].merge(first, on=COMPLAINT_KEY)
        label = sheet.columns.get("reference", "reference")
        problems = [
            Problem(
                Severity.WARNING,
                f"the same complaint at the same stage as {file}, sheet '{where}', row {row_first}: counted once, "
                "from that file",
                result.provenance.file,
                sheet.sheet,
                int(row),
                label,
                "",
                str(reference),
            )
            for reference, row, file, where, row_first in repeats[
                ["reference", "row", "file", "sheet_first", "row_first"]
            ].itertuples(index=False)
        ]
        sheets.append(replace(sheet, problems=[*sheet.problems, *problems]))
    return replace(result, sheets=sheets)


# --- column mappings ---------------------------------------------------------------


def shape_key(labels: list[str]) -> str:
    """The same for two header rows that say the same, whatever the case, spacing or punctuation."""
    text = "|".join(normalise(label) for label in labels)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class MappingMemory:
    """Column mappings a user made once, for files of the same shape: header shape -> kind and fields.

    A shape is the header row as it reads (normalised), so next month's return with the same
    columns maps itself. Held in memory; desktop_app.excel.mappings.MappingFile keeps one in
    the user's data folder, and a project keeps its own (Project.mappings, in `shapes`' form).
    """

    def __init__(self, shapes: dict[str, dict[str, Any]] | None = None):
        self._shapes: dict[str, dict[str, Any]] = dict(shapes or {})

    @property
    def shapes(self) -> dict[str, dict[str, Any]]:
        """shape key -> {"kind": ReturnKind value or None, "labels": [...], "columns": {header: field}}."""
        return self._shapes

    def recall(self, labels: list[str]) -> tuple[ReturnKind | None, dict[str, str]] | None:
        found = self._shapes.get(shape_key(labels))
        if not found:
            return None
        kind = ReturnKind(found["kind"]) if found.get("kind") else None
        return kind, dict(found.get("columns", {}))

    def remember(self, labels: list[str], kind: ReturnKind | None, columns: dict[str, str]) -> None:
        """Keep `columns` (header as written -> field) for every header that reads like `labels`."""
        self._shapes[shape_key(labels)] = {"kind": kind.value if kind else None, "labels": labels, "columns": columns}
