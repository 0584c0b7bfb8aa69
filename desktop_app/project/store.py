"""Saving and opening a report project file, and the recovery copy kept while the author works.

A project file is an SQLite database (SQLite as an application file format):
any SQLite tool can read it, each imported sheet is a table, and one file
holds the whole report, to be emailed and reopened next cycle.

Saving never writes into the user's file. The new file is built beside it
under a temporary name, flushed to disk, and renamed over the old one
(desktop_app.safe_files, with its retry on Windows): if the process dies at
any moment, the user has the old file or the new one, never half of one.

A project is made to be e-mailed, so it names each imported file by its
name and SHA-256 only, never by the folder it was found in (the author's home
folder): the window remembers where each file was on this machine, outside
the project (desktop_app.project.locations). Recovery copies hold every
imported row, so they are readable by the user alone.

Opening reads the whole file into memory first, so the file is neither locked
nor changed; an older layout is brought up to date there (schema.MIGRATIONS),
and anything that is not a project this version can read raises
ProjectFileError with one sentence that names the file.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any

from desktop_app import __version__, safe_files
from desktop_app.domain.imports import Provenance, SheetImport
from desktop_app.domain.lessons import LessonEntry
from desktop_app.domain.plan_history import PlanReport, RatedAction
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.project import values
from desktop_app.project.frames import FETCH_ROWS, read_frame, write_frame
from desktop_app.project.model import Edit, ImportedFile, Project
from desktop_app.project.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    REQUIRED_TABLES,
    SCHEMA_VERSION,
    TABLES,
    frame_table,
    migrate,
)

log = logging.getLogger("scrutiny.project")

PROJECT_SUFFIX = ".scrutiny"
RECOVERY_SUFFIX = ".recovery"
_SQLITE_HEADER = b"SQLite format 3\x00"

__all__ = [
    "MIGRATIONS",
    "PROJECT_SUFFIX",
    "SCHEMA_VERSION",
    "ProjectFileError",
    "Recovery",
    "discard_recovery",
    "file_name",
    "load",
    "load_recovery",
    "pending_recoveries",
    "pending_recovery",
    "recovery_newer",
    "recovery_path",
    "save",
    "save_recovery",
]


class ProjectFileError(Exception):
    """A file that cannot be opened as a project; the message is one sentence that names the file."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{Path(path).name}: {reason}")
        self.path = Path(path)
        self.reason = reason


# --- saving -----------------------------------------------------------------------


def save(project: Project, path: str | Path) -> None:
    """Write `project` to `path`, replacing the file there (if any) only once the new one is complete.

    Raises OSError (with a plain `strerror`) when the folder cannot be written or the disk is full.
    """
    _write(project, Path(path), {})


def file_name(source_path: str) -> str:
    """The name of an imported file without its folder, whichever system's separators the path uses."""
    return PureWindowsPath(source_path).name


def _write(project: Project, path: Path, extra_meta: dict[str, str], private: bool = False) -> None:
    try:
        with safe_files.atomic_path(path, private) as temporary:
            connection = sqlite3.connect(temporary, isolation_level=None)
            try:
                _write_database(connection, project, extra_meta)
            finally:
                connection.close()
    except sqlite3.OperationalError as exc:  # the disk filled up, or the folder went away: to the caller, an OSError
        raise OSError(errno.ENOSPC if "full" in str(exc) else errno.EIO, _one_line(exc)) from exc


def _write_database(connection: sqlite3.Connection, project: Project, extra_meta: dict[str, str]) -> None:
    # The file is a temporary one that is thrown away if anything fails, so no journal is needed.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.execute("BEGIN")
    for statement in _statements(TABLES):  # not executescript: it would commit the transaction begun above
        connection.execute(statement)
    meta = {
        "application": "Scrutiny Studio",
        "app_version": __version__,
        "saved_at": _utc_now(),
        "project_uid": project.uid,
        "next_import_id": str(project.next_import_id),
        **extra_meta,
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.executemany(
        "INSERT INTO settings VALUES (?, ?, ?)",
        [(key, values.dumps(value), n) for n, (key, value) in enumerate(project.settings.items())],
    )
    for table, texts in (("cover", project.cover), ("sections", project.sections)):
        connection.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?)", [(name, text, n) for n, (name, text) in enumerate(texts.items())]
        )
    notes = [
        (indicator, name, text)
        for indicator, fields in project.indicator_notes.items()
        for name, text in fields.items()
    ]
    connection.executemany(
        "INSERT INTO indicator_notes VALUES (?, ?, ?, ?)", [(*note, n) for n, note in enumerate(notes)]
    )
    connection.executemany(
        "INSERT INTO mappings VALUES (?, ?, ?, ?, ?)",
        [
            (shape, entry.get("kind"), values.dumps(entry.get("labels", [])), values.dumps(entry.get("columns", {})), n)
            for n, (shape, entry) in enumerate(project.mappings.items())
        ],
    )
    connection.executemany(
        "INSERT INTO history VALUES (?, ?, ?, ?)",
        [(n, edit.at, edit.description, values.dumps(edit.data)) for n, edit in enumerate(project.history)],
    )
    for n, imported in enumerate(project.imports):
        _write_import(connection, imported, n)
    _write_plan_reports(connection, project.plan_reports)
    connection.executemany(
        "INSERT INTO lesson_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (n, e.reference, e.reported.isoformat(), e.learning, e.status, e.action, e.owner, _iso(e.due), e.service)
            for n, e in enumerate(project.lessons)
        ],
    )
    connection.execute("COMMIT")


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _write_plan_reports(connection: sqlite3.Connection, reports: list[PlanReport]) -> None:
    for n, report in enumerate(reports):
        connection.execute(
            "INSERT INTO plan_reports VALUES (?, ?, ?, ?, ?)",
            (n, report.as_of.isoformat(), report.title, report.file, report.sha256),
        )
        connection.executemany(
            "INSERT INTO plan_ratings VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (n, position, rating.theme, rating.number, rating.priority, rating.status, rating.source, rating.note)
                for position, rating in enumerate(report.ratings)
            ],
        )


def _statements(script: str) -> list[str]:
    return [statement for statement in script.split(";") if statement.strip()]


def _write_import(connection: sqlite3.Connection, imported: ImportedFile, position: int) -> None:
    provenance = imported.provenance
    connection.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            int(imported.id),
            position,
            provenance.file,
            int(provenance.size),
            provenance.modified,
            provenance.sha256,
            file_name(imported.source_path),  # the name alone: the folder is the author's, not the paper's
            imported.imported_at,
        ),
    )
    for sheet_position, sheet in enumerate(imported.sheets):
        table = layout = None
        if sheet.frame is not None:
            table = frame_table(imported.id, sheet_position)
            layout = values.dumps(write_frame(connection, table, sheet.frame))
        connection.execute(
            "INSERT INTO sheets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                imported.id,
                sheet_position,
                sheet.sheet,
                sheet.kind.value if sheet.kind else None,
                _int(sheet.header_row),
                values.dumps(sheet.columns),
                values.dumps(sheet.labels),
                int(sheet.hidden),
                table,
                layout,
            ),
        )
        connection.executemany(
            "INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    imported.id,
                    sheet_position,
                    n,
                    problem.severity.value,
                    problem.message,
                    problem.file,
                    problem.sheet,
                    _int(problem.row),
                    problem.column,
                    problem.cell,
                    problem.value,
                )
                for n, problem in enumerate(sheet.problems)
            ],
        )


def _int(number: int | None) -> int | None:
    """A row number as sqlite3 takes it (a reader may hand over a numpy integer)."""
    return None if number is None else int(number)


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


# --- opening -----------------------------------------------------------------------


def load(path: str | Path) -> Project:
    """The project saved in `path`, brought up to this version's layout (the file itself is not changed)."""
    path = Path(path)
    connection = _open(path)
    try:
        return _read_project(connection)
    except ProjectFileError:
        raise
    except _DAMAGE as exc:
        raise ProjectFileError(path, f"is damaged and cannot be opened ({_one_line(exc)})") from exc
    finally:
        connection.close()


#: What a tampered or damaged file makes reading it raise: JSON nested thousands deep (RecursionError),
#: a duration or number too big for its type (OverflowError, decimal.InvalidOperation), a value of
#: the wrong type (TypeError, or ValueError from _row).
_DAMAGE = (
    sqlite3.Error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    RecursionError,
    ArithmeticError,
    MemoryError,
)


def _open(path: Path) -> sqlite3.Connection:
    """An in-memory copy of the project file at `path`, checked, and migrated to SCHEMA_VERSION."""
    data = _read_bytes(path)
    _check_header(path, data)
    if data[18:20] == b"\x02\x02":  # marked for write-ahead logging by some other tool: read it as a plain file
        data = data[:18] + b"\x01\x01" + data[20:]
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(data)
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if application_id != APPLICATION_ID:
            raise ProjectFileError(path, "is not a Scrutiny Studio project (it is a database made by another program)")
        if version > SCHEMA_VERSION:
            raise ProjectFileError(
                path,
                f"was saved by a newer version of Scrutiny Studio (project format {version}; this version "
                f"opens format {SCHEMA_VERSION} and older): update Scrutiny Studio to open it",
            )
        check = connection.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise ProjectFileError(path, f"is damaged and cannot be opened ({check[0][0]})")
        if version < SCHEMA_VERSION:
            log.info("%s is in project format %d: bringing it up to format %d", path.name, version, SCHEMA_VERSION)
            migrate(connection, version)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not REQUIRED_TABLES <= tables:
            missing = ", ".join(sorted(REQUIRED_TABLES - tables))
            raise ProjectFileError(path, f"is damaged and cannot be opened (it has no table {missing})")
        return connection
    except ProjectFileError:
        connection.close()
        raise
    except _DAMAGE as exc:
        connection.close()
        raise ProjectFileError(path, f"is damaged and cannot be opened ({_one_line(exc)})") from exc


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ProjectFileError(path, "no such file")
    if path.is_dir():
        raise ProjectFileError(path, "is a folder, not a project file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ProjectFileError(path, f"cannot be opened ({exc.strerror or exc})") from exc


def _check_header(path: Path, data: bytes) -> None:
    """What the first bytes say: an SQLite database, whole; or what else the file is."""
    if not data:
        raise ProjectFileError(path, "is empty, not a Scrutiny Studio project")
    if not data.startswith(_SQLITE_HEADER):
        if _SQLITE_HEADER.startswith(data[:16]) and len(data) < 100:
            raise ProjectFileError(path, "is damaged: it ends after a few bytes (was it copied only in part?)")
        if data.startswith(b"PK\x03\x04"):
            raise ProjectFileError(
                path,
                "is not a Scrutiny Studio project (it is a zip file, such as an Excel "
                "workbook: import a return instead of opening it)",
            )
        raise ProjectFileError(path, "is not a Scrutiny Studio project (it is not a database at all)")
    if len(data) < 100:
        raise ProjectFileError(path, "is damaged: it ends inside its header (was it copied only in part?)")
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(data[28:32], "big")
    pages_valid = data[24:28] == data[92:96] and pages > 0
    if page_size < 512 or len(data) % page_size or (pages_valid and len(data) < pages * page_size):
        raise ProjectFileError(path, "is damaged: it is shorter than it says it is (was it copied only in part?)")


def _rows(connection: sqlite3.Connection, query: str, *kinds: type | tuple[type, ...]) -> list[tuple]:
    """The rows of `query`, each value checked to be of its column's kind (None allowed where the kind says)."""
    table = query.split(" FROM ")[1].split()[0]
    cursor = connection.execute(query)
    rows: list[tuple] = []
    while chunk := cursor.fetchmany(FETCH_ROWS):  # not all at once: the window's thread runs between chunks
        rows.extend(chunk)
    for row in rows:
        for value, kind in zip(row, kinds, strict=True):
            if not isinstance(value, kind) or type(value) is bool:
                raise ValueError(f"table {table} holds {str(value)[:40]!r} where {_kind_name(kind)} belongs")
    return rows


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({int: "a number", str: "text", type(None): "nothing"}.get(k, k.__name__) for k in kinds)


def _json(text: str, kind: type, where: str) -> Any:
    """A JSON column's value, which must be a `kind` (a list of text, a mapping of text to text)."""
    value = values.loads(text)
    items = value if isinstance(value, list) else [*value.keys(), *value.values()] if isinstance(value, dict) else None
    if not isinstance(value, kind) or items is None or not all(isinstance(item, str) for item in items):
        raise ValueError(f"the {where} of a sheet are not {'a list' if kind is list else 'a table'} of text")
    return value


_TEXT, _NUMBER = str, int
_MAYBE_TEXT, _MAYBE_NUMBER = (str, type(None)), (int, type(None))


def _read_project(connection: sqlite3.Connection) -> Project:
    meta = dict(_rows(connection, "SELECT key, value FROM meta", _TEXT, _MAYBE_TEXT))
    project = Project()
    project.uid = meta.get("project_uid") or project.uid
    project.settings = {
        key: values.loads(value)
        for key, value in _rows(connection, "SELECT key, value FROM settings ORDER BY position", _TEXT, _TEXT)
    }
    project.cover = dict(_rows(connection, "SELECT name, text FROM cover ORDER BY position", _TEXT, _TEXT))
    project.sections = dict(_rows(connection, "SELECT name, text FROM sections ORDER BY position", _TEXT, _TEXT))
    for indicator, name, text in _rows(
        connection, "SELECT indicator, name, text FROM indicator_notes ORDER BY position", _TEXT, _TEXT, _TEXT
    ):
        project.indicator_notes.setdefault(indicator, {})[name] = text
    project.mappings = {
        shape: {"kind": kind, "labels": values.loads(labels), "columns": values.loads(columns)}
        for shape, kind, labels, columns in connection.execute(
            "SELECT shape, kind, labels, columns FROM mappings ORDER BY position"
        )
    }
    project.history = [
        Edit(at, description, values.loads(data))
        for at, description, data in _rows(
            connection, "SELECT at, description, data FROM history ORDER BY position", _TEXT, _TEXT, _TEXT
        )
    ]
    problems: dict[tuple[int, int], list[Problem]] = {}
    for import_id, sheet_position, *fields in _rows(
        connection,
        "SELECT import_id, sheet_position, severity, message, file, sheet, row, column_name, cell, value"
        " FROM problems ORDER BY import_id, sheet_position, position",
        *(_NUMBER, _NUMBER, _TEXT, _TEXT, _TEXT, _TEXT, _MAYBE_NUMBER, _TEXT, _TEXT, _TEXT),
    ):
        severity, *rest = fields
        problems.setdefault((import_id, sheet_position), []).append(Problem(Severity(severity), *rest))
    sheets: dict[int, list[SheetImport]] = {}
    for import_id, position, name, kind, header_row, columns, labels, hidden, table, layout in _rows(
        connection,
        "SELECT import_id, position, sheet, kind, header_row, columns, labels, hidden, frame_table, frame_layout"
        " FROM sheets ORDER BY import_id, position",
        *(_NUMBER, _NUMBER, _TEXT, _MAYBE_TEXT, _MAYBE_NUMBER, _TEXT, _TEXT, _NUMBER, _MAYBE_TEXT, _MAYBE_TEXT),
    ):
        frame = read_frame(connection, table, values.loads(layout)) if table else None
        sheets.setdefault(import_id, []).append(
            SheetImport(
                name,
                ReturnKind(kind) if kind else None,
                header_row,
                _json(columns, dict, "columns"),
                _json(labels, list, "labels"),
                frame,
                problems.get((import_id, position), []),
                bool(hidden),
            )
        )
    for import_id, file, size, modified, sha256, source_path, imported_at in _rows(
        connection,
        "SELECT id, file, size, modified, sha256, source_path, imported_at FROM imports ORDER BY position",
        *(_NUMBER, _TEXT, _NUMBER, _TEXT, _TEXT, _TEXT, _TEXT),
    ):
        project.imports.append(
            ImportedFile(
                import_id, Provenance(file, size, modified, sha256), source_path, imported_at, sheets.get(import_id, [])
            )
        )
    project.next_import_id = max(
        [int(meta.get("next_import_id") or 1), *(imported.id + 1 for imported in project.imports)]
    )
    project.plan_reports = _read_plan_reports(connection)
    project.lessons = _read_lessons(connection)
    return project


def _read_lessons(connection: sqlite3.Connection) -> list[LessonEntry]:
    """The lessons-learned register's entries, every reporting date's, in the order they were kept."""
    return [
        LessonEntry(
            reference,
            dt.date.fromisoformat(reported),
            learning,
            status,
            action,
            owner,
            None if due is None else dt.date.fromisoformat(due),
            service,
        )
        for reference, reported, learning, status, action, owner, due, service in _rows(
            connection,
            "SELECT reference, reported, learning, status, action, owner, due, service FROM lesson_entries"
            " ORDER BY position",
            *(_TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _MAYBE_TEXT, _TEXT),
        )
    ]


def _read_plan_reports(connection: sqlite3.Connection) -> list[PlanReport]:
    """The action plan's reporting dates, in date order, each with its actions' ratings in the plan's order."""
    ratings: dict[int, list[RatedAction]] = {}
    for report_position, *fields in _rows(
        connection,
        "SELECT report_position, theme, number, priority, status, source, note FROM plan_ratings"
        " ORDER BY report_position, position",
        *(_NUMBER, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT),
    ):
        ratings.setdefault(report_position, []).append(RatedAction(*fields))
    reports = [
        PlanReport(dt.date.fromisoformat(as_of), title, file, sha256, tuple(ratings.get(position, [])))
        for position, as_of, title, file, sha256 in _rows(
            connection,
            "SELECT position, as_of, title, file, sha256 FROM plan_reports ORDER BY position",
            *(_NUMBER, _TEXT, _TEXT, _TEXT, _TEXT),
        )
    ]
    return sorted(reports, key=lambda report: report.as_of)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# --- recovery copies -----------------------------------------------------------------


@dataclass(frozen=True)
class Recovery:
    """A recovery copy with work that was never saved."""

    copy: Path
    project_path: Path | None  # None: a project that was never saved
    autosaved_at: str  # UTC, ISO 8601
    saved_at: str | None  # when the project file was last saved (None: no file, or it cannot be read)

    @property
    def name(self) -> str:
        return self.project_path.name if self.project_path else "an untitled report"

    def load(self) -> Project:
        return load(self.copy)

    def discard(self) -> None:
        self.copy.unlink(missing_ok=True)


def recovery_path(folder: str | Path, path: str | Path | None, project: Project | None = None) -> Path:
    """Where the recovery copy of the project saved at `path` (or of an untitled `project`) lives in `folder`."""
    recoveries = Path(folder) / "recovery"
    if path is None:
        if project is None:
            raise ValueError("an untitled project's recovery copy is named by the project: pass it")
        return recoveries / f"untitled-{project.uid}{RECOVERY_SUFFIX}"
    key = hashlib.sha256(_path_key(path).encode("utf-8")).hexdigest()[:16]
    stem = re.sub(r"[^\w\- ]+", "_", Path(path).stem)[:40]
    return recoveries / f"{stem}-{key}{RECOVERY_SUFFIX}"


def save_recovery(project: Project, folder: str | Path, path: str | Path | None = None) -> Path:
    """Autosave: write a recovery copy of `project` (saved at `path`, or never saved) into `folder`."""
    copy = recovery_path(folder, path, project)
    safe_files.private_folder(copy.parent)
    _write(project, copy, {"recovery_for": os.path.abspath(path) if path is not None else ""}, private=True)
    if path is not None:  # saved since the last autosave: the untitled copy is superseded
        recovery_path(folder, None, project).unlink(missing_ok=True)
    return copy


def pending_recovery(folder: str | Path, path: str | Path | None, project: Project | None = None) -> Recovery | None:
    """The recovery copy for the project at `path` (or untitled `project`) if it is newer than the saved file."""
    if path is None and project is None:
        return None
    copy = recovery_path(folder, path, project)
    return _pending(copy) if copy.exists() else None


def recovery_newer(folder: str | Path, path: str | Path | None, project: Project | None = None) -> bool:
    """Whether to offer the author the recovery copy of this project (it holds work never saved)."""
    return pending_recovery(folder, path, project) is not None


def load_recovery(folder: str | Path, path: str | Path | None, project: Project | None = None) -> Project:
    return load(recovery_path(folder, path, project))


def discard_recovery(folder: str | Path, path: str | Path | None, project: Project | None = None) -> None:
    """Remove the recovery copy (after a save, or when the author declines it); nothing to do if there is none.

    An untitled project's copy is named by the project: pass `project` when `path` is None.
    """
    if path is None and project is None:
        return
    recovery_path(folder, path, project).unlink(missing_ok=True)
    if path is not None and project is not None:
        recovery_path(folder, None, project).unlink(missing_ok=True)


def pending_recoveries(folder: str | Path) -> list[Recovery]:
    """Every recovery copy in `folder` that holds unsaved work, newest first: what to offer at start-up."""
    recoveries = Path(folder) / "recovery"
    if not recoveries.is_dir():
        return []
    found = [_pending(copy) for copy in recoveries.glob(f"*{RECOVERY_SUFFIX}")]
    return sorted((recovery for recovery in found if recovery), key=lambda r: r.autosaved_at, reverse=True)


def _pending(copy: Path) -> Recovery | None:
    meta = _read_meta(copy)
    if meta is None:
        log.warning("recovery copy %s cannot be read; it is not offered", copy)
        return None
    autosaved_at = meta.get("saved_at", "")
    project_path = Path(meta["recovery_for"]) if meta.get("recovery_for") else None
    saved = _read_meta(project_path) if project_path is not None and project_path.exists() else None
    saved_at = saved.get("saved_at") if saved else None
    if saved_at and _instant(saved_at) >= _instant(autosaved_at):
        return None  # saved since: the copy is out of date
    return Recovery(copy, project_path, autosaved_at, saved_at)


def _read_meta(path: Path) -> dict[str, str] | None:
    """A project file's meta table, read without opening the whole file; None if it is not a project."""
    try:
        connection = sqlite3.connect(f"{Path(os.path.abspath(path)).as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        return dict(connection.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _instant(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _path_key(path: str | Path) -> str:
    """The same for every spelling of one file's path (relative, or in another case on Windows)."""
    return os.path.normcase(os.path.abspath(path))
