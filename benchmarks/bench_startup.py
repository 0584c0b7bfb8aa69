"""How long the application takes to show its window, from source beside an empty window, and from the bundle.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 5] [--bundle dist/ScrutinyStudio] [--build]

Each run is a fresh process started the way a user starts the application
(`python -m desktop_app`, or the bundle's executable), with `selftest
--measure-startup`: it opens the main window on its start page as the
application does, prints the wall-clock time of the window's first paint,
builds the tabs (as the application does just after that paint), prints that
time too and quits. The time from starting the process to that paint is one run.

The anchor is an empty QMainWindow from the same Python, started as a fresh
process too and timed the same way (gui/first_paint.py); runs of the two take
turns, so a machine busy with other work slows both alike. After one run of each
to warm the disk cache, prints the median (and the fastest and slowest) of
`--repeat` runs and the ratio of the medians (the goal: at most 1.5).

The bundle is dist/ScrutinyStudio (made by `pyinstaller build.spec`), or the
folder given with --bundle; --build builds one into a temporary folder first.
Qt draws off screen unless QT_QPA_PLATFORM says otherwise (a machine with no
screen needs that; under a desktop, set QT_QPA_PLATFORM=xcb or windows).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "ScrutinyStudio"
EMPTY_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
from desktop_app.gui.first_paint import after_first_paint
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
after_first_paint(window, lambda: (print(f"first-paint {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def times_seconds(command: list[str], environment: dict[str, str]) -> dict[str, float]:
    """Start `command` and return the seconds from its start to each "<what> <time>" line it prints
    ("first-paint", and from the application "tabs-built")."""
    started = time.time()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=environment, cwd=ROOT)
    except subprocess.TimeoutExpired:
        raise SystemExit(
            f"{' '.join(command)} did not paint its window within 180 s (does its command line know `selftest`?)"
        ) from None
    times = {}
    for line in result.stdout.splitlines():
        what, _, when = line.partition(" ")
        if what in ("first-paint", "tabs-built"):
            times[what] = float(when) - started
    if result.returncode != 0 or "first-paint" not in times:
        raise SystemExit(f"{' '.join(command)} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    return times


def measure(commands: dict[str, list[str]], repeat: int, environment: dict[str, str]) -> dict[str, list[dict]]:
    """Each command's times over `repeat` runs, the commands taking turns (after one run each to warm up)."""
    for command in commands.values():
        times_seconds(command, environment)  # warms the disk cache and Python's bytecode cache
    runs: dict[str, list[dict]] = {label: [] for label in commands}
    for _ in range(repeat):
        for label, command in commands.items():
            runs[label].append(times_seconds(command, environment))
    return runs


def report(label: str, runs: list[dict], what: str = "first-paint", saying: str = "to the first painted window"):
    times = [run[what] for run in runs if what in run]
    median = statistics.median(times)
    print(
        f"{label:<13} median {median:.2f} s {saying} "
        f"(fastest {min(times):.2f} s, slowest {max(times):.2f} s, {len(times)} runs)",
        flush=True,
    )
    return median


def source_command() -> list[str]:
    return [sys.executable, "-m", "desktop_app", "selftest", "--measure-startup"]


def build(into: Path) -> Path:
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(into / "dist"),
            "--workpath",
            str(into / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=into,
    )
    print(f"built in {time.monotonic() - started:.0f} s", flush=True)
    return into / "dist" / NAME


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / NAME, help="the built application's folder")
    parser.add_argument("--build", action="store_true", help="build the bundle into a temporary folder first")
    args = parser.parse_args()
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as at a user's second start: the bytecode is cached
    print(f"Qt platform: {environment['QT_QPA_PLATFORM']}", flush=True)
    runs = measure(
        {"empty window": [sys.executable, "-c", EMPTY_WINDOW], "source": source_command()}, args.repeat, environment
    )
    anchor = report("empty window", runs["empty window"])
    source = report("source", runs["source"])
    print(f"{'':<13} ratio {source / anchor:.2f}x the empty window's first paint (goal: at most 1.5x)")
    report("source", runs["source"], "tabs-built", "to the tabs built, after the first paint")
    with tempfile.TemporaryDirectory(prefix="scrutiny-bench-") as folder:
        bundle = build(Path(folder)) if args.build else args.bundle
        executable = bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
        if not executable.exists():
            print(
                f"bundle   not measured: there is no {executable} (build it: pyinstaller build.spec, or pass --build)"
            )
            return
        bundle_runs = measure({"bundle": [str(executable), "selftest", "--measure-startup"]}, args.repeat, environment)
        report("bundle", bundle_runs["bundle"])


if __name__ == "__main__":
    main()
