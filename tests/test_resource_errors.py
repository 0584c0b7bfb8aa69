"""A mistake in a settings file, or a tampered project, is one sentence that names the file: never a traceback."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.excel.importer import Importer
from desktop_app.paths import RESOURCES, SAMPLE_COMPLAINTS_LOG
from desktop_app.project import store
from desktop_app.project.model import Project
from tests.test_gui_window import answers, make_window  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[1]
START_WINDOW = """
import sys
from desktop_app.gui import messages
messages.answer_for_tests = lambda kind, title, text: print(kind, title, text, sep=" | ")
from desktop_app.gui.app import run
sys.exit(run([]))
"""


@pytest.fixture
def installation(tmp_path):
    """A copy of the application whose shipped settings a test may spoil."""
    root = tmp_path / "install"
    shutil.copytree(ROOT / "desktop_app", root / "desktop_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(RESOURCES, root / "resources")

    def spoil(name: str, old: str, new: str) -> Path:
        path = root / "resources" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return root

    return spoil


def run_in(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(root), "XDG_DATA_HOME": str(root / "share")}
    return subprocess.run(
        [sys.executable, *args], cwd=root, capture_output=True, text=True, timeout=120, env=env, check=False
    )


SPOILS = [
    ("limit = 10, extended_limit = 20", "limit = -5, extended_limit = 20", "'limit' must be a whole number"),
    ('year_start = "04-01"', "year_start = 4", "year_start = 4 is not a month and day"),
    ("closure_days = []", "closure_days = 3", "closure_days must be a list of dates"),
]


@pytest.mark.parametrize(("old", "new", "says"), SPOILS)
def test_the_command_line_names_the_settings_file_not_the_log(installation, old, new, says):
    root = installation("complaint_procedures.toml", old, new)

    done = run_in(root, "-m", "desktop_app", "complaints", str(SAMPLE_COMPLAINTS_LOG))

    assert done.returncode == 2 and "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("error: complaint_procedures.toml:") and says in line
    assert SAMPLE_COMPLAINTS_LOG.name not in line


def test_a_wrong_kind_of_value_in_any_settings_file_is_named(installation):
    root = installation("returns_vocabulary.toml", "reference = [", "reference = 4 #")

    done = run_in(root, "-m", "desktop_app", "check", str(SAMPLE_COMPLAINTS_LOG))

    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: returns_vocabulary.toml: a setting has a value of the wrong kind")


def test_the_window_shows_the_same_sentence_and_ends_with_status_2(installation):
    root = installation("complaint_procedures.toml", *SPOILS[0][:2])
    cli = run_in(root, "-m", "desktop_app", "complaints", str(SAMPLE_COMPLAINTS_LOG)).stderr.strip()

    done = run_in(root, "-c", START_WINDOW)

    assert done.returncode == 2 and "Traceback" not in done.stderr
    [box] = [line for line in done.stdout.splitlines() if line.startswith("warn | ")]
    _, title, text = box.split(" | ", 2)
    assert title == "Scrutiny Studio cannot start"
    assert text.startswith(cli.removeprefix("error: "))


# --- tampered projects -------------------------------------------------------------------------

TAMPERINGS = {
    "deeply nested JSON in a setting": ("UPDATE settings SET value = ?", "[" * 100_000 + "]" * 100_000),
    "deeply nested JSON in the history": ("UPDATE history SET data = ?", '{"a":' * 50_000 + "1" + "}" * 50_000),
    "a huge duration": ("UPDATE settings SET value = ?", '{"$timedelta": [1000000000000000000, 0, 0]}'),
    "a number too big for its type": ("UPDATE settings SET value = ?", '{"$numpy": "<i8", "value": ' + "9" * 30 + "}"),
    "a decimal that is not one": ("UPDATE settings SET value = ?", '{"$decimal": "lots"}'),
    "text where a size belongs": ("UPDATE imports SET size = ?", "big"),
    "bytes where a sheet name belongs": ("UPDATE sheets SET sheet = ?", b"\x00\xff"),
    "a table where labels belong": ("UPDATE sheets SET labels = ?", json.dumps({"a": 1})),
    "text where a header row belongs": ("UPDATE sheets SET header_row = ?", "third"),
    "a far too large row count": (
        "UPDATE sheets SET frame_layout = json_set(frame_layout, '$.rows', ?)",
        9_223_372_036_854_775_807,
    ),
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> Path:
    project = Project()
    project.add_import(Importer().import_file(SAMPLE_COMPLAINTS_LOG), SAMPLE_COMPLAINTS_LOG)
    project.set_setting("suppress_below", 5)
    path = tmp_path_factory.mktemp("saved") / "report.scrutiny"
    store.save(project, path)
    return path


def tampered(saved: Path, folder: Path, how: str) -> Path:
    path = folder / "tampered.scrutiny"
    shutil.copy(saved, path)
    statement, value = TAMPERINGS[how]
    with sqlite3.connect(path) as connection:
        assert connection.execute(statement, (value,)).rowcount >= 1
    return path


@pytest.mark.parametrize("how", TAMPERINGS)
def test_a_tampered_project_cannot_be_opened_in_one_sentence(saved, tmp_path, how):
    path = tampered(saved, tmp_path, how)

    with pytest.raises(store.ProjectFileError) as raised:
        store.load(path)

    assert str(raised.value).startswith("tampered.scrutiny: is damaged and cannot be opened (")
    assert len(str(raised.value).splitlines()) == 1


@pytest.mark.parametrize("how", ["deeply nested JSON in a setting", "a huge duration", "text where a size belongs"])
def test_the_window_says_a_tampered_project_cannot_be_opened(make_window, saved, tmp_path, answers, how):
    shown, _ = answers
    window = make_window()

    assert not window.open_project(tampered(saved, tmp_path, how))

    [(kind, title, text)] = shown
    assert (kind, title) == ("warn", "Cannot open the project")
    assert text.startswith("tampered.scrutiny: is damaged and cannot be opened")
