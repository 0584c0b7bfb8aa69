"""The project file's layout, its version, and the steps that bring an older file up to date.

A project file is an SQLite database. `PRAGMA application_id` says it is
Scrutiny Studio's (any other SQLite file has another number, usually 0);
`PRAGMA user_version` is the layout's version. When the layout changes:
add the new tables to TABLES, raise SCHEMA_VERSION, and add to MIGRATIONS a
step from the version before, which rewrites an opened file's tables (in
memory: the user's file itself is only ever replaced by a save). A test opens
a hand-made file of every older version.

Version 3, table by table (JSON columns hold desktop_app.project.values JSON):

  meta             key -> value: application, app version, saved_at (UTC), project uid, next import id,
                   and for a recovery copy: recovery_for (the project's path, '' when never saved)
  settings         key, value (JSON), position
  cover            name, text, position
  sections         name, text, position (the paper's order)
  indicator_notes  indicator, name (commentary, action, status), text, position
  mappings         shape (MappingMemory's key), kind, labels (JSON), columns (JSON), position
  history          position, at, description, data (JSON)
  imports          id, position, file, size, modified, sha256, source_path (the file's name only; older
                   files hold its full path, dropped at the next save), imported_at
  sheets           import_id, position, sheet, kind, header_row, columns (JSON), labels (JSON), hidden,
                   frame_table (NULL: nothing read), frame_layout (JSON: dtypes, labels, index; see frames.py)
  problems         import_id, sheet_position, position, severity, message, file, sheet, row, column_name, cell, value
  data_<import>_<sheet>   one table per sheet's frame, a row per row, in order
  plan_reports     position (date order), as_of (ISO date), title, file, sha256: the action plan at each
                   reporting date (domain.plan_history.PlanReport)
  plan_ratings     report_position, position, theme, number, priority, status (a status code or 'not_rated'),
                   source ('plan', 'rule' or ''), note: each action's rating at that date
  lesson_entries   position (date order), reference, reported (ISO date), learning, status (a status code of
                   resources/lessons_vocabulary.toml), action, owner, due (ISO date or NULL), service: the
                   lessons-learned register at each reporting date (domain.lessons.LessonEntry)

Version 2 was version 3 without lesson_entries.
Version 1 was version 2 without plan_reports and plan_ratings.

Version 0 was the prototype's layout: everything but the files and sheets in
one key/value table `project` (JSON), the files in `files` (with `path` and
`hash` for source_path and sha256) and each sheet's problems as a JSON list in
the `sheets` row. It had the same application_id and user_version 0.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

#: "ScSt": identifies a Scrutiny Studio project among SQLite files (PRAGMA application_id).
APPLICATION_ID = 0x53635374
SCHEMA_VERSION = 3

PLAN_TABLES = """
CREATE TABLE plan_reports (
    position INTEGER PRIMARY KEY, as_of TEXT NOT NULL UNIQUE, title TEXT NOT NULL, file TEXT NOT NULL,
    sha256 TEXT NOT NULL);
CREATE TABLE plan_ratings (
    report_position INTEGER NOT NULL REFERENCES plan_reports (position), position INTEGER NOT NULL,
    theme TEXT NOT NULL, number TEXT NOT NULL, priority TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (report_position, position));
"""

#: The tables of version 1 (the step from version 0 makes them).
TABLES_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE cover (name TEXT PRIMARY KEY, text TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE sections (name TEXT PRIMARY KEY, text TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE indicator_notes (
    indicator TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (indicator, name));
CREATE TABLE mappings (
    shape TEXT PRIMARY KEY, kind TEXT, labels TEXT NOT NULL, columns TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE history (position INTEGER PRIMARY KEY, at TEXT NOT NULL, description TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY, position INTEGER NOT NULL, file TEXT NOT NULL, size INTEGER NOT NULL,
    modified TEXT NOT NULL, sha256 TEXT NOT NULL, source_path TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE sheets (
    import_id INTEGER NOT NULL REFERENCES imports (id), position INTEGER NOT NULL, sheet TEXT NOT NULL,
    kind TEXT, header_row INTEGER, columns TEXT NOT NULL, labels TEXT NOT NULL, hidden INTEGER NOT NULL,
    frame_table TEXT, frame_layout TEXT,
    PRIMARY KEY (import_id, position));
CREATE TABLE problems (
    import_id INTEGER NOT NULL, sheet_position INTEGER NOT NULL, position INTEGER NOT NULL,
    severity TEXT NOT NULL, message TEXT NOT NULL, file TEXT NOT NULL, sheet TEXT NOT NULL, row INTEGER,
    column_name TEXT NOT NULL, cell TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (import_id, sheet_position, position));
"""
LESSON_TABLES = """
CREATE TABLE lesson_entries (
    position INTEGER PRIMARY KEY, reference TEXT NOT NULL, reported TEXT NOT NULL, learning TEXT NOT NULL,
    status TEXT NOT NULL, action TEXT NOT NULL, owner TEXT NOT NULL, due TEXT, service TEXT NOT NULL);
"""
TABLES = TABLES_V1 + PLAN_TABLES + LESSON_TABLES

#: The tables a file of the current version must have.
REQUIRED_TABLES = frozenset(
    (
        "meta",
        "settings",
        "cover",
        "sections",
        "indicator_notes",
        "mappings",
        "history",
        "imports",
        "sheets",
        "problems",
        "plan_reports",
        "plan_ratings",
        "lesson_entries",
    )
)


def frame_table(import_id: int, sheet_position: int) -> str:
    return f"data_{import_id}_{sheet_position}"


def _from_0(connection: sqlite3.Connection) -> None:
    """Version 0 -> 1: the key/value `project` table becomes a table per part; `files` becomes `imports`;
    each sheet's problems move from a JSON list to rows of `problems`. The frames' tables stay as they are."""
    parts = {key: json.loads(value) for key, value in connection.execute("SELECT key, value FROM project")}
    connection.execute("ALTER TABLE sheets RENAME TO sheets_v0")
    connection.executescript(TABLES_V1)
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("application", "Scrutiny Studio"),
            ("app_version", parts.get("app_version", "")),
            ("saved_at", parts.get("saved_at", "")),
            ("project_uid", parts.get("uid", "")),
        ],
    )
    for table in ("settings", "cover", "sections"):
        items = parts.get(table, {})
        connection.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?)",
            [
                (name, json.dumps(value, ensure_ascii=False) if table == "settings" else value, position)
                for position, (name, value) in enumerate(items.items())
            ],
        )
    notes = [
        (indicator, name, text) for indicator, fields in parts.get("notes", {}).items() for name, text in fields.items()
    ]
    connection.executemany(
        "INSERT INTO indicator_notes VALUES (?, ?, ?, ?)", [(*note, position) for position, note in enumerate(notes)]
    )
    connection.executemany(
        "INSERT INTO mappings VALUES (?, ?, ?, ?, ?)",
        [
            (
                shape,
                entry.get("kind"),
                json.dumps(entry.get("labels", []), ensure_ascii=False),
                json.dumps(entry.get("columns", {}), ensure_ascii=False),
                position,
            )
            for position, (shape, entry) in enumerate(parts.get("mappings", {}).items())
        ],
    )
    connection.executemany(
        "INSERT INTO history VALUES (?, ?, ?, ?)",
        [
            (position, edit["at"], edit["description"], json.dumps(edit.get("data", {}), ensure_ascii=False))
            for position, edit in enumerate(parts.get("history", []))
        ],
    )
    connection.execute("""
        INSERT INTO imports (id, position, file, size, modified, sha256, source_path, imported_at)
        SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1, name, size, modified, hash, path, imported_at FROM files""")
    connection.execute("""
        INSERT INTO sheets (import_id, position, sheet, kind, header_row, columns, labels, hidden, frame_table,
                            frame_layout)
        SELECT file_id, position, sheet, kind, header_row, columns, labels, hidden, frame_table, frame_layout
        FROM sheets_v0""")
    for import_id, sheet_position, problems in connection.execute(
        "SELECT file_id, position, problems FROM sheets_v0"
    ).fetchall():
        connection.executemany(
            "INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    import_id,
                    sheet_position,
                    position,
                    problem["severity"],
                    problem["message"],
                    problem.get("file", ""),
                    problem.get("sheet", ""),
                    problem.get("row"),
                    problem.get("column", ""),
                    problem.get("cell", ""),
                    problem.get("value", ""),
                )
                for position, problem in enumerate(json.loads(problems))
            ],
        )
    connection.executescript("DROP TABLE sheets_v0; DROP TABLE files; DROP TABLE project;")


def _from_1(connection: sqlite3.Connection) -> None:
    """Version 1 -> 2: the action plan's reporting dates, none yet."""
    connection.executescript(PLAN_TABLES)


def _from_2(connection: sqlite3.Connection) -> None:
    """Version 2 -> 3: the lessons-learned register, no entry yet."""
    connection.executescript(LESSON_TABLES)


#: version -> the step that turns a file of that version into one of the next.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _from_0, 1: _from_1, 2: _from_2}


def migrate(connection: sqlite3.Connection, version: int) -> None:
    """Bring an opened file from `version` up to SCHEMA_VERSION, one step at a time."""
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](connection)
        connection.execute(f"PRAGMA user_version = {step + 1}")
    connection.commit()
