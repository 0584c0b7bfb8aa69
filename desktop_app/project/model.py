"""The report project: one committee paper with its appendices, as the author works on it.

Plain Python objects, no Qt and no file format: desktop_app.project.store
saves and loads them. The window changes a project through the methods below
(or, for undo, by putting back a list of imports it kept), and each method
that changes something the paper says records an Edit in `history`.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from desktop_app.domain.formatting import long_date
from desktop_app.domain.imports import ImportResult, MappingMemory, Provenance, SheetImport, shape_key
from desktop_app.domain.lessons import (
    LessonEntry,
    frame_entries,
    reporting_dates,
    with_entries,
    with_import_removed,
)
from desktop_app.domain.plan_history import PlanReport, with_report
from desktop_app.domain.problems import Problem
from desktop_app.domain.returns import ReturnKind, conform_return
from desktop_app.project.changes import ImportChanges, compare_imports

#: The fields of an indicator's note the report uses.
NOTE_FIELDS = ("commentary", "action", "status")


def now() -> str:
    """The local time, with its offset from UTC, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Edit:
    """One change the author made: when, what (in words), and the details."""

    at: str
    description: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class ImportedFile:
    """A return file as it was when imported: where from, its fingerprint, and every sheet read from it."""

    id: int
    provenance: Provenance
    source_path: str
    imported_at: str
    sheets: list[SheetImport] = field(default_factory=list)

    @property
    def result(self) -> ImportResult:
        return ImportResult(self.provenance, self.sheets)

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems

    @property
    def rows(self) -> int:
        return sum(sheet.rows for sheet in self.sheets)

    @property
    def lessons(self) -> list[LessonEntry]:
        """The lessons-learned register's entries the file holds (none for a return of another kind)."""
        if not any(sheet.kind is ReturnKind.LESSONS_REGISTER for sheet in self.result.sheets):
            return []  # most files (a complaints log): no frame to build
        return frame_entries(self.result.frame(ReturnKind.LESSONS_REGISTER))


@dataclass(eq=False)
class Project:
    """Everything a report needs, and everything the author wrote for it."""

    imports: list[ImportedFile] = field(default_factory=list)
    #: The report's settings: period, stage limits, closure days, suppression threshold, ...
    #: Any value desktop_app.project.values can keep (JSON, dates, tuples, ...).
    settings: dict[str, Any] = field(default_factory=dict)
    cover: dict[str, str] = field(default_factory=dict)  # cover sheet field -> text
    sections: dict[str, str] = field(default_factory=dict)  # section -> text, in the paper's order
    indicator_notes: dict[str, dict[str, str]] = field(default_factory=dict)  # indicator id -> NOTE_FIELDS -> text
    #: Column mappings, in MappingMemory's shape: shape key -> {"kind", "labels", "columns"}.
    mappings: dict[str, dict[str, Any]] = field(default_factory=dict)
    history: list[Edit] = field(default_factory=list)
    #: The action plan's ratings at each reporting date, in date order (domain.plan_history).
    plan_reports: list[PlanReport] = field(default_factory=list)
    #: The lessons-learned register's entries at each reporting date, in date order (domain.lessons).
    lessons: list[LessonEntry] = field(default_factory=list)
    #: Names the recovery copy of a project that was never saved; kept in the file.
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)
    #: The id the next import gets: ids are never reused, even after an import is removed.
    next_import_id: int = 1

    # --- imported files ---------------------------------------------------------

    def make_import(
        self, result: ImportResult, source_path: str | Path, replacing: ImportedFile | None = None
    ) -> ImportedFile:
        """`result` as an import of this project, not yet added (the window adds it through its undo stack).

        `replacing`: the import this one will take the place of; the new one keeps its id.
        """
        if replacing is not None:
            import_id = replacing.id
        else:
            import_id = max([self.next_import_id, *(imported.id + 1 for imported in self.imports)])
            self.next_import_id = import_id + 1
        return ImportedFile(import_id, result.provenance, str(source_path), now(), list(result.sheets))

    def add_import(self, result: ImportResult, source_path: str | Path) -> ImportedFile:
        imported = self.make_import(result, source_path)
        self.imports.append(imported)
        self.record(
            f"Imported {imported.provenance.file}",
            import_id=imported.id,
            sha256=imported.provenance.sha256,
            rows=imported.rows,
        )
        return imported

    def replace_import(
        self, import_id: int, result: ImportResult, source_path: str | Path | None = None
    ) -> ImportChanges:
        """Put a new reading of a file in the place of the old one; say what changed in it."""
        old = self.get_import(import_id)
        new = self.make_import(result, source_path if source_path is not None else old.source_path, replacing=old)
        self.imports[self.imports.index(old)] = new
        changes = self.compare(old, new)
        self.record(
            f"Imported {new.provenance.file} again",
            import_id=import_id,
            sha256_before=old.provenance.sha256,
            sha256=new.provenance.sha256,
            added=changes.added,
            removed=changes.removed,
            changed=changes.changed,
        )
        return changes

    def remove_import(self, import_id: int) -> ImportedFile:
        imported = self.get_import(import_id)
        self.imports.remove(imported)
        self.record(f"Removed {imported.provenance.file}", import_id=import_id, sha256=imported.provenance.sha256)
        return imported

    def get_import(self, import_id: int) -> ImportedFile:
        for imported in self.imports:
            if imported.id == import_id:
                return imported
        raise KeyError(f"no import with id {import_id}")

    @staticmethod
    def compare(old: ImportedFile, new: ImportedFile) -> ImportChanges:
        """Rows added, removed and changed, sheet by sheet, between two imports of a file."""
        return compare_imports(old.provenance, old.sheets, new.provenance, new.sheets)

    def describe_changes(self, old: ImportedFile, new: ImportedFile) -> str:
        """`compare` in words: a first line that says it all, then one line per sheet that changed."""
        return str(self.compare(old, new))

    def frame(self, kind: ReturnKind) -> pd.DataFrame:
        """Every sheet of `kind` in every import, in import order, as one frame (empty, with its columns, if none)."""
        frames = [
            sheet.frame
            for imported in self.imports
            for sheet in imported.sheets
            if sheet.kind is kind and sheet.frame is not None and len(sheet.frame)
        ]
        return pd.concat(frames, ignore_index=True) if frames else conform_return(kind, pd.DataFrame())

    @property
    def problems(self) -> list[Problem]:
        return [problem for imported in self.imports for problem in imported.problems]

    # --- the action plan's reporting dates -----------------------------------------

    def record_plan_report(self, report: PlanReport) -> bool:
        """Keep the plan's ratings at `report.as_of` beside the earlier dates' (a plan imported again at a later
        date adds a date); True where it replaced the ratings already kept for that date."""
        replaced = any(kept.as_of == report.as_of for kept in self.plan_reports)
        self.plan_reports = with_report(self.plan_reports, report)
        verb = "again" if replaced else "for a new reporting date"
        self.record(
            f"Recorded the action plan's ratings at {long_date(report.as_of)} {verb}",
            as_of=report.as_of.isoformat(),
            file=report.file,
            sha256=report.sha256,
            actions=len(report.ratings),
        )
        return replaced

    # --- the lessons-learned register ------------------------------------------------

    def record_lessons(self, entries: list[LessonEntry], file: str) -> None:
        """Keep the register's entries of `file` beside the earlier reporting dates' (last year's report stays;
        a date the file holds again replaces what was kept for it)."""
        self.lessons = with_entries(self.lessons, entries)
        dates = ", ".join(long_date(date) for date in reporting_dates(entries))
        self.record(
            f"Recorded the lessons-learned register at {dates or 'no reporting date'}",
            file=file,
            entries=len(entries),
        )

    def lessons_with(self, imported: ImportedFile) -> list[LessonEntry]:
        """The register once `imported` is added: the reporting dates it holds replace those kept (not yet
        recorded: the window records it through its undo stack)."""
        return with_entries(self.lessons, imported.lessons)

    def lessons_without(self, removed: ImportedFile, remaining: list[ImportedFile]) -> list[LessonEntry]:
        """The register once `removed` is taken out, `remaining` the imports left: the dates it held go, but
        as another file left holds them."""
        return with_import_removed(self.lessons, removed.lessons, [imported.lessons for imported in remaining])

    # --- what the author sets and writes -----------------------------------------

    def set_setting(self, key: str, value: Any) -> None:
        self._set(self.settings, key, value, f"Set {key}", setting=key)

    def set_cover(self, name: str, text: str) -> None:
        self._set(self.cover, name, text, f"Edited the cover sheet's {name}", cover=name)

    def set_section(self, name: str, text: str) -> None:
        self._set(self.sections, name, text, f"Edited the section '{name}'", section=name)

    def set_note(self, indicator: str, name: str, text: str) -> None:
        """An indicator's commentary, action or status (see NOTE_FIELDS)."""
        notes = self.indicator_notes.setdefault(indicator, {})
        self._set(notes, name, text, f"Edited the {name} of {indicator}", indicator=indicator, field=name)
        if not notes:
            del self.indicator_notes[indicator]

    def remember_mapping(self, labels: list[str], kind: ReturnKind | None, columns: dict[str, str]) -> None:
        """Keep a column mapping with the report, so that a colleague's copy maps the same files the same way."""
        entry = {"kind": kind.value if kind else None, "labels": list(labels), "columns": dict(columns)}
        self._set(
            self.mappings,
            shape_key(labels),
            entry,
            f"Mapped the columns of {' | '.join(labels)[:60]}",
            labels=list(labels),
        )

    def mapping_memory(self) -> MappingMemory:
        """The project's mappings as a MappingMemory for the Importer (held in memory, never written)."""
        memory = MappingMemory()
        for entry in self.mappings.values():
            memory.remember(
                entry["labels"], ReturnKind(entry["kind"]) if entry.get("kind") else None, entry.get("columns", {})
            )
        return memory

    def snapshot(self) -> Project:
        """A copy later edits leave as it is, for writing out on another thread (the autosave): the containers
        are copied, the imported frames (never changed in place) are shared."""
        return dataclasses.replace(
            self,
            imports=[dataclasses.replace(imported, sheets=list(imported.sheets)) for imported in self.imports],
            settings=copy.deepcopy(self.settings),
            cover=dict(self.cover),
            sections=dict(self.sections),
            indicator_notes={indicator: dict(fields) for indicator, fields in self.indicator_notes.items()},
            mappings=copy.deepcopy(self.mappings),
            history=list(self.history),
            lessons=list(self.lessons),
        )

    def record(self, description: str, **data: Any) -> Edit:
        edit = Edit(now(), description, data)
        self.history.append(edit)
        return edit

    def _set(self, where: dict[str, Any], key: str, value: Any, description: str, **data: Any) -> None:
        """Set or (with None) clear `where[key]`, and record it, when it changes."""
        before = where.get(key)
        if before == value and (key in where) == (value is not None):
            return
        if value is None:
            where.pop(key, None)
        else:
            where[key] = value
        self.record(description, **data, before=before, after=value)
