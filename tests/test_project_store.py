"""The report project file: it reopens as it was saved, survives a killed save and a crash,
opens files from older versions, and says in one sentence why a file is not a project."""

import datetime as dt
import decimal
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from desktop_app.domain.problems import Severity
from desktop_app.domain.returns import ReturnKind, conform_return
from desktop_app.excel.importer import Importer
from desktop_app.paths import SAMPLE_DATA
from desktop_app.project import store
from desktop_app.project.frames import read_frame, write_frame
from desktop_app.project.model import Project

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(SAMPLE_DATA.glob("*.xlsx"))
LOG_WORKBOOK = SAMPLE_DATA / "complaints_log_2021-2023.xlsx"


@pytest.fixture(scope="module")
def importer(rules, vocabulary):
    return Importer(rules, vocabulary)


@pytest.fixture(scope="module")
def sample_project(importer) -> Project:
    """A report made from every sample workbook, with everything an author sets and writes."""
    project = Project()
    for path in SAMPLES:
        project.add_import(importer.import_file(path), path)
    project.set_setting("period", (dt.date(2022, 4, 1), dt.date(2023, 3, 31)))
    project.set_setting("stage_limits", {"1": 10, "2": 25, "3": 20})
    project.set_setting("closure_days", [dt.date(2022, 12, 27), dt.date(2022, 12, 28)])
    project.set_setting("suppression_threshold", 5)
    project.set_cover("title", "Annual Complaints Report 2022-23")
    project.set_cover("author", "Jo Bloggs, Complaints Manager")
    project.set_section("Summary", "Complaints fell by 12%.\n\nStage 2 reviews rose.")
    project.set_section("Introduction", "This report covers …")  # after Summary: the paper's order, not A-Z
    project.set_note("CSC-D01", "commentary", "Contacts remain high.")
    project.set_note("CSC-D01", "action", "Review front door.")
    project.set_note("CHAT-02", "status", "2")
    project.remember_mapping(
        ["Ref", "Rcvd", "Outcome"],
        ReturnKind.OMBUDSMAN,
        {"Ref": "reference", "Rcvd": "received", "Outcome": "decision"},
    )
    return project


def assert_same_imports(loaded: Project, saved: Project) -> None:
    assert [i.id for i in loaded.imports] == [i.id for i in saved.imports]
    for got, want in zip(loaded.imports, saved.imports, strict=True):
        assert (got.provenance, got.source_path, got.imported_at) == (  # the name only: no author's folder
            want.provenance,
            store.file_name(want.source_path),
            want.imported_at,
        )
        for got_sheet, want_sheet in zip(got.sheets, want.sheets, strict=True):
            assert (
                got_sheet.sheet,
                got_sheet.kind,
                got_sheet.header_row,
                got_sheet.columns,
                got_sheet.labels,
                got_sheet.hidden,
                got_sheet.problems,
            ) == (
                want_sheet.sheet,
                want_sheet.kind,
                want_sheet.header_row,
                want_sheet.columns,
                want_sheet.labels,
                want_sheet.hidden,
                want_sheet.problems,
            )
            if want_sheet.frame is None:
                assert got_sheet.frame is None
            else:
                assert_exactly_equal(got_sheet.frame, want_sheet.frame)


def assert_exactly_equal(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """assert_frame_equal, and every text cell of the same Python type (None is not NaN, 5 is not '5')."""
    assert_frame_equal(got, want, check_exact=True)
    for column in want.columns[want.dtypes.eq(object)]:
        assert [type(v) for v in got[column]] == [type(v) for v in want[column]], column


def assert_same_project(loaded: Project, saved: Project) -> None:
    assert_same_imports(loaded, saved)
    assert loaded.settings == saved.settings
    assert list(loaded.sections) == list(saved.sections)
    assert (loaded.cover, loaded.sections, loaded.indicator_notes, loaded.mappings, loaded.history, loaded.uid) == (
        saved.cover,
        saved.sections,
        saved.indicator_notes,
        saved.mappings,
        saved.history,
        saved.uid,
    )


# --- saving and opening ------------------------------------------------------------


def test_a_report_made_from_every_sample_workbook_reopens_as_it_was(tmp_path, sample_project):
    path = tmp_path / "Annual report.scrutiny"
    store.save(sample_project, path)

    loaded = store.load(path)

    assert_same_project(loaded, sample_project)
    assert type(loaded.settings["period"]) is tuple and type(loaded.settings["period"][0]) is dt.date
    assert loaded.problems == sample_project.problems and any(p.severity is Severity.WARNING for p in loaded.problems)
    log = loaded.frame(ReturnKind.COMPLAINTS_LOG)
    assert (
        len(log) == 602 and log["complainant_group"].isna().sum() == 580
    )  # 22 cared for (4 of them representations, 6 compliments), none an adult
    assert [edit.description for edit in loaded.history][: len(SAMPLES)] == [
        f"Imported {path.name}" for path in SAMPLES
    ]


def test_a_reopened_report_maps_a_colleagues_file_the_way_its_author_did(tmp_path, sample_project):
    store.save(sample_project, tmp_path / "r.scrutiny")

    memory = store.load(tmp_path / "r.scrutiny").mapping_memory()

    assert memory.recall(["REF", "rcvd", "outcome"]) == (
        ReturnKind.OMBUDSMAN,
        {"Ref": "reference", "Rcvd": "received", "Outcome": "decision"},
    )


def test_each_return_is_a_table_any_sqlite_tool_can_read(tmp_path, sample_project):
    path = tmp_path / "r.scrutiny"
    store.save(sample_project, path)

    with sqlite3.connect(path) as connection:
        [(table,)] = connection.execute("SELECT frame_table FROM sheets WHERE sheet = 'Complaints Log'").fetchall()
        first = connection.execute(f'SELECT reference, received, extension FROM "{table}" ORDER BY rowid').fetchone()
        [(file, sha256)] = connection.execute(
            "SELECT file, sha256 FROM imports WHERE file LIKE 'complaints%'"
        ).fetchall()
    connection.close()

    assert first == ("ASC/21/0001", "2021-04-01T00:00:00", 0)
    [log_import] = [i for i in sample_project.imports if i.provenance.file == LOG_WORKBOOK.name]
    assert (file, sha256) == (LOG_WORKBOOK.name, log_import.provenance.sha256)


def test_saving_again_replaces_the_file_and_never_writes_into_it(tmp_path, sample_project):
    path = tmp_path / "r.scrutiny"
    store.save(Project(sections={"Summary": "first draft"}), path)
    with open(path, "rb") as old_file:  # what a reader (or a mail client) holding the file still sees
        store.save(sample_project, path)
        old_bytes = old_file.read()

    assert store.load(path).sections == sample_project.sections
    assert b"first draft" in old_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.scrutiny"]


def test_a_save_that_fails_leaves_the_previous_file_and_no_litter(tmp_path):
    path = tmp_path / "r.scrutiny"
    store.save(Project(sections={"Summary": "saved"}), path)
    broken = Project(settings={"period": object()})  # not something a project file can keep

    with pytest.raises(TypeError, match="cannot keep a value of type object"):
        store.save(broken, path)

    assert store.load(path).sections == {"Summary": "saved"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.scrutiny"]


def test_imports_keep_their_ids_and_new_ones_never_reuse_them(tmp_path, importer):
    project = Project()
    result = importer.import_file(SAMPLE_DATA / "population_2023.xlsx")
    first, second = project.make_import(result, "a.xlsx"), project.make_import(result, "b.xlsx")
    project.imports = [first, second]
    project.remove_import(second.id)
    store.save(project, tmp_path / "r.scrutiny")

    reopened = store.load(tmp_path / "r.scrutiny")

    assert first.id != second.id
    assert reopened.add_import(result, "c.xlsx").id not in (first.id, second.id)


# --- frames: every kind of column comes back exactly ------------------------------------


def odd_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "mixed": pd.Series(["CSC/1", 12345, 2.5, None], dtype=object),
            "nan_text": pd.Series(["a", np.nan, "b", np.nan], dtype=object),  # as the complaints log has them
            "odd": pd.Series([True, dt.date(2023, 1, 2), decimal.Decimal("1.20"), pd.NA], dtype=object),
            "Int64": pd.array([1, None, 3, 4], dtype="Int64"),
            "flag": [True, False, True, True],
            "maybe": pd.array([True, None, False, True], dtype="boolean"),
            "f32": np.array([1.5, np.nan, np.inf, -2.0], dtype="float32"),
            "ns": pd.to_datetime(["2020-01-01 10:00:00.123456789", None, "1970-01-01", "2000-02-29"], format="ISO8601"),
            "london": pd.to_datetime(
                ["2023-07-01 10:00", None, "2023-01-01", "2023-10-29 01:30"], format="ISO8601"
            ).tz_localize("Europe/London", ambiguous=True),
            "waited": pd.to_timedelta(["1 day", None, "5s", "-3h"]),
            "band": pd.Categorical(["b", "a", None, "b"], categories=["b", "a"], ordered=True),
            "str": pd.array(["x", None, "z", ""], dtype="str"),
            "Value": [1, 2, 3, 4],
            'say "when"': ["a", "b", "c", "d"],
        }
    )


@pytest.mark.parametrize(
    "frame",
    [
        odd_frame(),
        odd_frame().iloc[:0],
        pd.DataFrame([[1, 2, 3]], columns=["a", "A", 5]),  # names SQL cannot take as they are
        pd.DataFrame({"x": [1.0, 2.0]}, index=pd.Index(["r1", "r2"], name="key")),
        pd.DataFrame(index=pd.RangeIndex(3)),
    ],
    ids=["odd columns", "no rows", "clashing names", "text index", "no columns"],
)
def test_a_frame_of_any_kind_comes_back_exactly(frame):
    connection = sqlite3.connect(":memory:")

    layout = write_frame(connection, "t", frame)

    assert_exactly_equal(read_frame(connection, "t", layout), frame)


CELLS = st.one_of(
    st.none(),
    st.just(np.nan),
    st.text(max_size=5),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(CELLS, max_size=8))
def test_any_mixture_of_text_numbers_and_blanks_in_a_column_comes_back_exactly(cells):
    frame = pd.DataFrame({"cell": pd.Series(cells, dtype=object)})
    connection = sqlite3.connect(":memory:")

    layout = write_frame(connection, "t", frame)

    assert_exactly_equal(read_frame(connection, "t", layout), frame)


# --- a save killed part way ---------------------------------------------------------------

SAVER = textwrap.dedent("""
    import sys, time
    from desktop_app.project import store
    seed, target = sys.argv[1], sys.argv[2]
    project = store.load(seed)
    generation = 0
    while True:
        generation += 1
        project.settings["generation"] = generation
        print(f"saving {generation} {time.perf_counter()}", flush=True)
        store.save(project, target)
        print(f"saved {generation} {time.perf_counter()}", flush=True)
""")


@pytest.mark.slow
def test_a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one(tmp_path, importer):
    result = importer.import_file(LOG_WORKBOOK)
    [log] = [sheet for sheet in result.sheets if sheet.frame is not None]
    log.frame = pd.concat([log.frame] * 150, ignore_index=True)  # 50,000 rows: a save takes a while
    seed = Project()
    seed.add_import(result, LOG_WORKBOOK)
    store.save(seed, tmp_path / "seed.scrutiny")

    interrupted = 0
    for number, fraction in enumerate((0.05, 0.25, 0.5, 0.75, 0.95, 1.05)):
        folder = tmp_path / f"kill{number}"
        folder.mkdir()
        target = folder / "report.scrutiny"
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(tmp_path / "seed.scrutiny"), str(target)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            _, _, started = child.stdout.readline().split()
            _, _, finished = child.stdout.readline().split()  # generation 1 is on disk
            duration = float(finished) - float(started)
            assert child.stdout.readline().startswith("saving 2")
            time.sleep(duration * fraction)
        finally:
            child.kill()  # SIGKILL: no clean-up of any kind
            child.wait()
            child.stdout.close()

        reopened = store.load(target)

        assert reopened.settings["generation"] in (1, 2)
        assert len(reopened.frame(ReturnKind.COMPLAINTS_LOG)) == 602 * 150
        interrupted += any(p.name.endswith(".saving") for p in folder.iterdir())
    assert interrupted, "no kill landed during a save: the test proved nothing"


# --- recovery after a crash -------------------------------------------------------------------


def test_work_autosaved_after_the_last_save_is_offered_back_as_it_was(tmp_path, sample_project):
    data, path = tmp_path / "data", tmp_path / "report.scrutiny"
    store.save(sample_project, path)
    working = store.load(path)
    working.set_section("Summary", "Complaints fell by 15% (corrected).")
    working.remove_import(working.imports[0].id)

    store.save_recovery(working, data, path)  # the timer fires; then the application crashes

    assert store.recovery_newer(data, path)
    [offered] = store.pending_recoveries(data)
    assert offered.project_path == path and offered.name == "report.scrutiny"
    restored = store.load_recovery(data, path)
    assert_same_project(restored, working)
    assert store.load(path).sections["Summary"] == "Complaints fell by 12%.\n\nStage 2 reviews rose."


def test_a_recovery_copy_older_than_the_saved_file_is_not_offered(tmp_path, sample_project):
    data, path = tmp_path / "data", tmp_path / "report.scrutiny"
    store.save_recovery(sample_project, data, path)
    store.save(sample_project, path)  # saved after the autosave (and the window forgot to discard it)

    assert not store.recovery_newer(data, path)
    assert store.pending_recoveries(data) == []


def test_discarding_removes_the_copy(tmp_path):
    data, path = tmp_path / "data", tmp_path / "report.scrutiny"
    store.save_recovery(Project(sections={"Summary": "draft"}), data, path)

    store.discard_recovery(data, path)

    assert not store.recovery_newer(data, path) and store.pending_recoveries(data) == []


def test_an_untitled_report_is_offered_back_at_the_next_start(tmp_path):
    data = tmp_path / "data"
    untitled, other = Project(sections={"Summary": "never saved"}), Project(sections={"Summary": "another"})
    store.save_recovery(untitled, data)
    store.save_recovery(other, data)

    offered = store.pending_recoveries(data)

    assert sorted(recovery.load().sections["Summary"] for recovery in offered) == ["another", "never saved"]
    assert all(recovery.project_path is None and recovery.name == "an untitled report" for recovery in offered)
    store.save_recovery(untitled, data, tmp_path / "now saved.scrutiny")  # saved, then autosaved again
    assert [r.project_path for r in store.pending_recoveries(data)].count(None) == 1


def test_a_recovery_copy_is_offered_when_the_saved_file_is_gone_or_damaged(tmp_path):
    data, path = tmp_path / "data", tmp_path / "report.scrutiny"
    store.save(Project(), path)
    store.save_recovery(Project(sections={"Summary": "unsaved"}), data, path)
    path.write_bytes(path.read_bytes()[:3000])

    assert store.recovery_newer(data, path)
    path.unlink()
    assert store.load_recovery(data, path).sections == {"Summary": "unsaved"}


def test_one_project_has_one_recovery_copy_whatever_the_spelling_of_its_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"

    assert store.recovery_path(data, "report.scrutiny") == store.recovery_path(data, tmp_path / "report.scrutiny")
    assert store.recovery_path(data, "report.scrutiny") != store.recovery_path(data, "other/report.scrutiny")


# --- files from older versions ------------------------------------------------------------------


def write_version_0(path: Path) -> None:
    """A project as the prototype saved it: key/value `project`, `files`, problems inside `sheets`."""
    import json

    layout = {
        "rows": 2,
        "columns_dtype": "str",
        "columns_name": None,
        "index": {"range": [0, 2, 1], "name": None},
        "columns": [
            {"label": "area", "sql": "area", "dtype": "object", "store": "plain", "missing": "none"},
            {"label": "age_band", "sql": "age_band", "dtype": "object", "store": "plain", "missing": "none"},
            {"label": "year", "sql": "year", "dtype": "Int64", "store": "masked"},
            {"label": "population", "sql": "population", "dtype": "float64", "store": "float"},
            {"label": "sheet", "sql": "sheet", "dtype": "object", "store": "plain", "missing": "none"},
            {"label": "row", "sql": "row", "dtype": "int64", "store": "int"},
        ],
    }
    problems = [
        {
            "severity": "warning",
            "message": "year missing",
            "file": "population.xlsx",
            "sheet": "Population",
            "row": 4,
            "column": "Year",
            "cell": "C4",
            "value": "",
        }
    ]
    parts = {
        "uid": "0123abcd",
        "saved_at": "2024-03-01T10:00:00+00:00",
        "app_version": "0.0.9",
        "settings": {"suppression_threshold": 5},
        "cover": {"title": "Draft"},
        "sections": {"Summary": "Old text"},
        "notes": {"CSC-D01": {"commentary": "High"}},
        "mappings": {"abc": {"kind": "population", "labels": ["Area", "Band"], "columns": {"Area": "area"}}},
        "history": [{"at": "2024-03-01T09:00:00+00:00", "description": "Imported population.xlsx", "data": {}}],
    }
    connection = sqlite3.connect(path)
    connection.executescript(f"""
        PRAGMA application_id = {0x53635374};
        CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT, size INTEGER, modified TEXT, hash TEXT, path TEXT,
                            imported_at TEXT);
        CREATE TABLE sheets (file_id INTEGER, position INTEGER, sheet TEXT, kind TEXT, header_row INTEGER,
                             columns TEXT, labels TEXT, hidden INTEGER, frame_table TEXT, frame_layout TEXT,
                             problems TEXT);
        CREATE TABLE population_sheet (area, age_band, year INTEGER, population REAL, sheet, row INTEGER);
        INSERT INTO population_sheet VALUES ('Sefton', '0-17', 2023, 55000.0, 'Population', 3),
                                            ('Sefton', '18+', NULL, 220000.0, 'Population', 4);
        INSERT INTO files VALUES (7, 'population.xlsx', 5480, '2024-02-01T09:00:00', '{"ab" * 32}',
                                  'C:\\Returns\\population.xlsx', '2024-03-01T09:00:00+00:00');
    """)
    connection.executemany("INSERT INTO project VALUES (?, ?)", [(k, json.dumps(v)) for k, v in parts.items()])
    connection.execute(
        "INSERT INTO sheets VALUES (7, 0, 'Population', 'population', 2, ?, ?, 0, 'population_sheet', ?, ?)",
        (
            json.dumps({"area": "Area"}),
            json.dumps(["Area", "Band", "Year", "People"]),
            json.dumps(layout),
            json.dumps(problems),
        ),
    )
    connection.commit()
    connection.close()


def test_a_project_from_the_prototype_opens_and_is_saved_in_the_current_format(tmp_path):
    path = tmp_path / "old.scrutiny"
    write_version_0(path)
    before = path.read_bytes()

    project = store.load(path)

    assert path.read_bytes() == before  # opening never changes the file
    [imported] = project.imports
    assert (imported.id, imported.provenance.file, imported.source_path) == (
        7,
        "population.xlsx",
        "C:\\Returns\\population.xlsx",
    )
    expected = conform_return(
        ReturnKind.POPULATION,
        pd.DataFrame(
            {
                "area": ["Sefton", "Sefton"],
                "age_band": ["0-17", "18+"],
                "year": [2023, None],
                "population": [55000.0, 220000.0],
                "sheet": ["Population", "Population"],
                "row": [3, 4],
            }
        ),
    )
    assert_exactly_equal(imported.sheets[0].frame, expected)
    assert [(p.severity, p.cell, p.message) for p in imported.problems] == [(Severity.WARNING, "C4", "year missing")]
    assert (project.uid, project.settings, project.cover, project.sections, project.indicator_notes) == (
        "0123abcd",
        {"suppression_threshold": 5},
        {"title": "Draft"},
        {"Summary": "Old text"},
        {"CSC-D01": {"commentary": "High"}},
    )
    assert project.mappings["abc"]["columns"] == {"Area": "area"}
    assert project.history[0].description == "Imported population.xlsx"
    assert project.add_import(imported.result, "again.xlsx").id == 8

    store.save(project, path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (store.SCHEMA_VERSION,)
    connection.close()
    assert_same_project(store.load(path), project)


# --- files that are not projects ---------------------------------------------------------------------


def plain_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()


def newer_version(path: Path) -> None:
    store.save(Project(), path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    connection.close()


def truncated(path: Path) -> None:
    store.save(Project(sections={"Summary": "x" * 50_000}), path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def zeroed_page(path: Path) -> None:
    store.save(Project(sections={"Summary": "x" * 50_000}), path)
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 4] = bytes(4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "make, says",
    [
        (lambda p: p.write_bytes(os.urandom(5000)), "is not a Scrutiny Studio project"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: shutil.copy(LOG_WORKBOOK, p), "is not a Scrutiny Studio project (it is a zip file"),
        (plain_sqlite, "is not a Scrutiny Studio project (it is a database made by another program)"),
        (newer_version, "was saved by a newer version of Scrutiny Studio"),
        (truncated, "is damaged"),
        (lambda p: (truncated(p), p.write_bytes(p.read_bytes()[:50])), "is damaged"),
        (zeroed_page, "is damaged"),
    ],
    ids=[
        "random bytes",
        "empty",
        "a workbook",
        "another program's database",
        "newer version",
        "cut in half",
        "cut in the header",
        "a page wiped",
    ],
)
def test_a_file_that_is_not_a_project_says_why_in_one_sentence_and_is_left_alone(tmp_path, make, says):
    path = tmp_path / "Annual report.scrutiny"
    make(path)
    before = path.read_bytes()

    with pytest.raises(store.ProjectFileError) as raised:
        store.load(path)

    message = str(raised.value)
    assert message.startswith("Annual report.scrutiny: ") and says in message
    assert "\n" not in message and message.count(". ") == 0
    assert path.read_bytes() == before


def test_a_project_someone_opened_in_another_sqlite_tool_still_opens(tmp_path, sample_project):
    path = tmp_path / "r.scrutiny"
    store.save(sample_project, path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")  # as some database browsers leave a file
    connection.execute("UPDATE sections SET text = 'Edited by hand' WHERE name = 'Summary'")
    connection.commit()
    connection.close()

    assert store.load(path).sections["Summary"] == "Edited by hand"


def test_a_missing_file_or_a_folder_is_named(tmp_path):
    with pytest.raises(store.ProjectFileError, match=r"^gone.scrutiny: no such file$"):
        store.load(tmp_path / "gone.scrutiny")
    with pytest.raises(store.ProjectFileError, match="is a folder"):
        store.load(tmp_path)


# --- importing a file again ----------------------------------------------------------------------


def test_importing_a_changed_log_again_shows_the_rows_added_removed_and_changed(tmp_path, importer):
    workbook = openpyxl.load_workbook(LOG_WORKBOOK)
    sheet = workbook["Complaints Log"]
    assert (sheet["A9"].value, sheet["H9"].value, sheet["A524"].value) == (
        "CSC/21/0002",
        "Partially upheld",
        "CSC/22/0098",
    )
    sheet.delete_rows(524)  # CSC/22/0098 taken out of the log
    sheet["H9"] = "Upheld"  # CSC/21/0002's outcome corrected
    sheet.insert_rows(5)  # a late entry at the top: every row below moves down
    for column, value in zip(
        "ABCDEFGHIJ",
        [
            "CSC/21/0000",
            "Corporate",
            "Stage 1",
            dt.datetime(2021, 4, 1),
            None,
            None,
            "No",
            "Ongoing",
            "Staff Attitude",
            "Parent",
        ],
    ):
        sheet[f"{column}5"] = value
    changed = tmp_path / LOG_WORKBOOK.name
    workbook.save(changed)
    project = Project()
    imported = project.add_import(importer.import_file(LOG_WORKBOOK), LOG_WORKBOOK)

    changes = project.replace_import(imported.id, importer.import_file(changed), changed)

    log = changes.sheet("Complaints Log")
    assert (log.changed, len(log.added), len(log.removed), log.unchanged) == (1, 1, 1, 600)
    assert log.added["reference"].tolist() == ["CSC/21/0000"] and log.removed["reference"].tolist() == ["CSC/22/0098"]
    cells = log.changed_cells()
    assert cells[["reference", "column", "before", "after"]].values.tolist() == [
        ["CSC/21/0002", "outcome", "partially_upheld", "upheld"],
        ["CSC/21/0002", "decision", "Partially upheld", "Upheld"],
    ]
    assert str(changes).splitlines()[0] == f"{LOG_WORKBOOK.name}: rows 1 changed, 1 added, 1 removed"
    assert log.before["row"].tolist() == [9] and log.after["row"].tolist() == [10]
    assert project.imports[0].id == imported.id and project.imports[0].source_path == str(changed)
    assert len(project.frame(ReturnKind.COMPLAINTS_LOG)) == 602
    assert project.history[-1].data["changed"] == 1


def test_importing_the_same_file_again_says_nothing_changed(importer):
    project = Project()
    old = project.make_import(importer.import_file(SAMPLE_DATA / "childrens_performance_2023.xlsx"), "a.xlsx")
    new = project.make_import(
        importer.import_file(SAMPLE_DATA / "childrens_performance_2023.xlsx"), "a.xlsx", replacing=old
    )

    assert project.describe_changes(old, new) == (
        "childrens_performance_2023.xlsx: nothing has changed since it was last imported (the same file)"
    )


# --- the layering ------------------------------------------------------------------------------------


def test_the_project_package_imports_without_qt():
    script = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("blocked for this test: " + name)
        sys.meta_path.insert(0, Block())
        import desktop_app.project.store, desktop_app.project.model
        assert not [m for m in sys.modules if m.startswith("desktop_app.gui")]
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
