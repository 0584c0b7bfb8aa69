"""What changed in a return between two imports of it: rows added, removed and changed.

Rows are compared by what they hold, not by where they stand: a row inserted
near the top of a log moves every row below it down in Excel, but those rows
have not changed. Rows that differ are paired by the kind's key (a complaint's
reference and stage, an indicator's id and period, ...): a pair is a changed
row; the rest were added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop_app.domain.imports import Provenance, SheetImport
from desktop_app.domain.returns import ReturnKind

#: Where a row came from, not what it says: left out of the comparison.
PLACE_COLUMNS = ("sheet", "row")

#: Per kind, the columns that name a row: two rows with the same key are one row, changed.
ROW_KEYS: dict[ReturnKind, tuple[str, ...]] = {
    ReturnKind.COMPLAINTS_LOG: ("reference", "stage"),
    ReturnKind.OMBUDSMAN: ("reference",),
    ReturnKind.COMPLIMENTS: (),
    ReturnKind.INDICATORS: ("id", "period"),
    ReturnKind.BENCHMARK_QUARTILES: ("id", "comparator", "period"),
    ReturnKind.BENCHMARK_MEMBERS: ("id", "comparator", "period", "authority"),
    ReturnKind.POPULATION: ("area", "age_band", "year"),
    ReturnKind.MONTHLY_SERIES: ("id", "month"),
    ReturnKind.WEEKLY_SERIES: ("id", "week_ending"),
    ReturnKind.SURVEY: ("theme",),
    ReturnKind.CROSS_TAB: ("row_label", "column_label"),
    ReturnKind.CATEGORY_COUNTS: ("category",),
}


@dataclass
class SheetChanges:
    """One sheet, before and after. `before` and `after` hold the changed rows, in the same order."""

    sheet: str
    kind: ReturnKind | None
    added: pd.DataFrame
    removed: pd.DataFrame
    before: pd.DataFrame
    after: pd.DataFrame
    unchanged: int
    note: str = ""  # "new sheet", "no longer in the file", "now read as ..."

    @property
    def changed(self) -> int:
        return len(self.after)

    @property
    def any(self) -> bool:
        return bool(len(self.added) or len(self.removed) or len(self.after) or self.note)

    def changed_cells(self) -> pd.DataFrame:
        """One line per changed cell: the row's key, the Excel row now, the column, before and after."""
        keys = [column for column in ROW_KEYS.get(self.kind, ()) if column in self.after.columns]
        parts = []
        for column in _content_columns(self.after):
            old, new = self.before[column].to_numpy(), self.after[column].to_numpy()
            differs = ~(_equal(old, new))
            if differs.any():
                part = self.after.loc[differs, keys + ["row"]].reset_index(drop=True)
                part["column"] = column
                part["before"] = pd.Series(old[differs], dtype=object)
                part["after"] = pd.Series(new[differs], dtype=object)
                parts.append(part)
        if not parts:
            return pd.DataFrame(columns=keys + ["row", "column", "before", "after"])
        return pd.concat(parts, ignore_index=True).sort_values("row", kind="stable", ignore_index=True)

    def summary(self) -> str:
        counts = ", ".join(
            f"{number:,} {what}"
            for number, what in ((self.changed, "changed"), (len(self.added), "added"), (len(self.removed), "removed"))
            if number
        )
        return f"{self.sheet}: " + "; ".join(part for part in (self.note, counts or "no change") if part)


@dataclass
class ImportChanges:
    """A file imported again: what is different in each of its sheets."""

    before: Provenance
    after: Provenance
    sheets: list[SheetChanges] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(len(sheet.added) for sheet in self.sheets)

    @property
    def removed(self) -> int:
        return sum(len(sheet.removed) for sheet in self.sheets)

    @property
    def changed(self) -> int:
        return sum(sheet.changed for sheet in self.sheets)

    @property
    def any(self) -> bool:
        return any(sheet.any for sheet in self.sheets)

    def sheet(self, name: str) -> SheetChanges:
        return next(sheet for sheet in self.sheets if sheet.sheet == name)

    def __str__(self) -> str:
        """The first line says it all; then one line per sheet that changed."""
        name = self.after.file
        if not self.any:
            same = "the same file" if self.before.sha256 == self.after.sha256 else "no row has changed"
            return f"{name}: nothing has changed since it was last imported ({same})"
        counts = ", ".join(
            f"{number:,} {what}"
            for number, what in ((self.changed, "changed"), (self.added, "added"), (self.removed, "removed"))
        )
        lines = [f"{name}: rows {counts}"]
        lines += [f"  {sheet.summary()}" for sheet in self.sheets if sheet.any]
        return "\n".join(lines)


def compare_imports(
    before: Provenance, old: list[SheetImport], after: Provenance, new: list[SheetImport]
) -> ImportChanges:
    """What is different between two imports of a file, sheet by sheet (sheets matched by name)."""
    changes = ImportChanges(before, after)
    old_sheets = {sheet.sheet: sheet for sheet in old if sheet.frame is not None}
    new_sheets = {sheet.sheet: sheet for sheet in new if sheet.frame is not None}
    for name in list(old_sheets) + [name for name in new_sheets if name not in old_sheets]:
        was, now = old_sheets.get(name), new_sheets.get(name)
        if was is None:
            changes.sheets.append(_whole(now, added=True, note=f"new sheet ({_kind_text(now.kind)})"))
        elif now is None:
            changes.sheets.append(_whole(was, added=False, note="no longer in the file"))
        elif was.kind is not now.kind or list(was.frame.columns) != list(now.frame.columns):
            sheet = _whole(now, added=True, note=f"now read as {_kind_text(now.kind)} (was {_kind_text(was.kind)})")
            sheet.removed = was.frame
            changes.sheets.append(sheet)
        else:
            changes.sheets.append(compare_frames(name, now.kind, was.frame, now.frame))
    return changes


def compare_frames(sheet: str, kind: ReturnKind | None, old: pd.DataFrame, new: pd.DataFrame) -> SheetChanges:
    """Rows of `old` and `new` (same columns) matched by content, then the rest by key."""
    content = _content_columns(new)
    matched = _match(_row_hashes(old, content), _row_hashes(new, content))
    old_left = np.setdiff1d(np.arange(len(old)), matched[0])
    new_left = np.setdiff1d(np.arange(len(new)), matched[1])
    keys = [column for column in ROW_KEYS.get(kind, ()) if column in new.columns]
    if keys and len(old_left) and len(new_left):
        pairs = _match(_row_hashes(old.iloc[old_left], keys), _row_hashes(new.iloc[new_left], keys))
        before, after = old_left[pairs[0]], new_left[pairs[1]]
    else:
        before = after = np.array([], dtype=np.int64)
    return SheetChanges(
        sheet,
        kind,
        added=new.iloc[np.setdiff1d(new_left, after)].reset_index(drop=True),
        removed=old.iloc[np.setdiff1d(old_left, before)].reset_index(drop=True),
        before=old.iloc[before].reset_index(drop=True),
        after=new.iloc[after].reset_index(drop=True),
        unchanged=len(matched[0]),
    )


def _whole(sheet: SheetImport, added: bool, note: str) -> SheetChanges:
    frame = sheet.frame
    empty = frame.iloc[:0]
    return SheetChanges(
        sheet.sheet, sheet.kind, frame if added else empty, empty if added else frame, empty, empty, 0, note
    )


def _kind_text(kind: ReturnKind | None) -> str:
    return kind.value.replace("_", " ") if kind else "not a return"


def _content_columns(frame: pd.DataFrame) -> list[str]:
    return [column for column in frame.columns if column not in PLACE_COLUMNS]


def _row_hashes(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """A 64-bit hash of each row's values in `columns`; a missing value hashes the same however it is written."""
    subset = frame[columns].copy()
    for column in columns:
        if subset[column].dtype == object:
            subset[column] = subset[column].where(subset[column].notna(), None)
    return pd.util.hash_pandas_object(subset, index=False).to_numpy()


def _match(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of equal hashes paired one to one (the first with the first, and so on)."""
    a = pd.DataFrame(
        {"hash": left, "n": pd.Series(left).groupby(left).cumcount().to_numpy(), "left": np.arange(len(left))}
    )
    b = pd.DataFrame(
        {"hash": right, "n": pd.Series(right).groupby(right).cumcount().to_numpy(), "right": np.arange(len(right))}
    )
    both = a.merge(b, on=["hash", "n"]).sort_values("left")
    return both["left"].to_numpy(dtype=np.int64), both["right"].to_numpy(dtype=np.int64)


def _equal(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    missing_old, missing_new = pd.isna(old), pd.isna(new)
    with np.errstate(invalid="ignore"):
        same = np.asarray(old == new, dtype=bool)
    return (same & ~missing_old & ~missing_new) | (missing_old & missing_new)
