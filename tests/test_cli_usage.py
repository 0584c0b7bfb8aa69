"""Mistakes on the command line: a mistyped command, a missing file, a UK date, a Linux without Qt's libraries."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.cli import main
from desktop_app.gui import qt_libraries
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG

ROOT = Path(__file__).resolve().parents[1]
FRESH_DEBIAN_LACKS = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def run_without_a_screen(*args: str) -> subprocess.CompletedProcess:
    """`python -m desktop_app ARGS` where there is no screen (where the sample summary used to print, status 0)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_a_word_that_is_neither_a_command_nor_a_file_names_the_nearest_command():
    done = run_without_a_screen("export", "x.xlsx")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: 'export' is neither a command nor a file; did you mean 'report'? Commands:")
    assert "complaints, report, check, indicators, selftest" in done.stderr and done.stderr.count("\n") == 1


def test_a_word_like_no_command_lists_the_commands():
    done = run_without_a_screen("xyzzy")
    assert done.returncode == 2
    err = done.stderr
    assert "'xyzzy' is neither a command nor a file. Commands: complaints, report" in err and "did you mean" not in err


def test_a_missing_file_is_refused_not_opened(tmp_path):
    done = run_without_a_screen(str(tmp_path / "nothere.xlsx"))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"error: {tmp_path / 'nothere.xlsx'}: no such file\n"


def test_an_existing_file_still_opens_the_window(monkeypatch):
    opened = []
    monkeypatch.setattr(cli, "_window", lambda paths: opened.append(paths) or 0)
    assert main([str(SAMPLE_COMPLAINTS_LOG)]) == 0
    assert opened == [[SAMPLE_COMPLAINTS_LOG]]


def complaints_json(capsys, *period: str) -> dict:
    assert main(["complaints", str(SAMPLE_COMPLAINTS_LOG), *period, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_uk_dates_give_the_same_summary_as_iso_dates(capsys):
    uk = complaints_json(capsys, "--from", "01/04/2022", "--to", "31 March 2023", "--as-of", "1 Nov 2023")
    iso = complaints_json(capsys, "--from", "2022-04-01", "--to", "2023-03-31", "--as-of", "2023-11-01")
    assert uk["period"] == {"from": "2022-04-01", "to": "2023-03-31", "label": "2022-23"}
    assert uk["as_of"] == "2023-11-01"
    assert uk == iso


@pytest.mark.parametrize("written", ["01/04/2022", "1/4/2022", "1 April 2022", "1 Apr 2022", "2022-04-01"])
def test_each_way_of_writing_the_first_of_april(capsys, written):
    summary = complaints_json(capsys, "--from", written, "--as-of", "2023-11-01")
    assert summary["period"]["from"] == "2022-04-01"  # day first, never 4 January


@pytest.mark.parametrize(
    ("argument", "value", "reason"),
    [
        ("--from", "31/02/2022", "is not a real date (day/month/year)"),
        ("--to", "04/13/2023", "looks like a US-style date (month first)"),
        ("--as-of", "soon", "is not a date this reader understands"),
    ],
)
def test_an_impossible_date_is_a_usage_error_naming_the_argument(capsys, argument, value, reason):
    with pytest.raises(SystemExit) as stopped:
        main(["complaints", str(SAMPLE_COMPLAINTS_LOG), argument, value])
    assert stopped.value.code == 2
    assert f"error: argument {argument}: '{value}' {reason}" in capsys.readouterr().err


@pytest.fixture
def x11_screen(monkeypatch):
    """A Linux X11 desktop where Qt would choose its xcb plugin; the window itself is never opened."""
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    opened = []
    monkeypatch.setattr("desktop_app.gui.app.run", lambda paths: opened.append(paths) or 0)
    return opened


def test_missing_x11_libraries_are_named_with_their_packages(x11_screen, monkeypatch, capsys):
    monkeypatch.setattr(qt_libraries, "_loads", lambda library: library not in FRESH_DEBIAN_LACKS)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "cannot open its window" in err and "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in err
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1'" in err and err.count("\n") == 1
    assert x11_screen == []


def test_with_every_library_the_window_opens(x11_screen, monkeypatch):
    monkeypatch.setattr(qt_libraries, "_loads", lambda library: True)
    assert main([]) == 0
    assert x11_screen == [[]]


@pytest.mark.parametrize(
    "environment", [{"XDG_SESSION_TYPE": "wayland"}, {"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "wayland"}]
)
def test_no_x11_check_where_qt_draws_otherwise(x11_screen, monkeypatch, environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(qt_libraries, "_loads", lambda library: False)
    assert main([]) == 0
    assert x11_screen == [[]]
