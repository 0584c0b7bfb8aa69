"""How long the application takes to show its window: from source and from the built bundle.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 5] [--bundle dist/ScrutinyStudio] [--build]

Each run is a fresh process started the way a user starts the application
(`python -m desktop_app`, or the bundle's executable), with `selftest
--measure-startup`: it opens the main window as the application does (the
sample returns start importing in the background, as at a real start), prints
the wall-clock time of the window's first paint and quits. The time from
starting the process to that paint is one run. After one run to warm the disk
cache, prints the median (and the fastest and slowest) of `--repeat` runs.

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


def first_paint_seconds(command: list[str], environment: dict[str, str]) -> float:
    """Start `command`, wait for its "first-paint <time>" line, and return the seconds from start to paint."""
    started = time.time()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=environment, cwd=ROOT)
    except subprocess.TimeoutExpired:
        raise SystemExit(
            f"{' '.join(command)} did not paint its window within 180 s (does its command line know `selftest`?)"
        ) from None
    painted = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("first-paint ")]
    if result.returncode != 0 or not painted:
        raise SystemExit(f"{' '.join(command)} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    return float(painted[0]) - started


def measure(label: str, command: list[str], repeat: int, environment: dict[str, str]) -> float:
    first_paint_seconds(command, environment)  # warms the disk cache and Python's bytecode cache
    times = [first_paint_seconds(command, environment) for _ in range(repeat)]
    median = statistics.median(times)
    print(
        f"{label:<8} median {median:.2f} s to the first painted window "
        f"(fastest {min(times):.2f} s, slowest {max(times):.2f} s, {repeat} runs)",
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
    print(f"Qt platform: {environment['QT_QPA_PLATFORM']}", flush=True)
    measure("source", source_command(), args.repeat, environment)
    with tempfile.TemporaryDirectory(prefix="scrutiny-bench-") as folder:
        bundle = build(Path(folder)) if args.build else args.bundle
        executable = bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
        if not executable.exists():
            print(
                f"bundle   not measured: there is no {executable} (build it: pyinstaller build.spec, or pass --build)"
            )
            return
        measure("bundle", [str(executable), "selftest", "--measure-startup"], args.repeat, environment)


if __name__ == "__main__":
    main()
