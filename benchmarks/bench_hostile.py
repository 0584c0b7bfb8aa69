"""How long `check` takes, and how much memory at its peak, on hostile files, beside the sample log.

    python benchmarks/bench_hostile.py [--csv-rows 75]

Each file is checked in a process of its own (so each peak is its own): a 22 KB workbook whose one far cell
sits at XFD1048576, one at CV1000000 (100 columns by a million rows), and a 200,000-column CSV (about 30 MB).
The anchor is `check` on the bundled sample complaints log. Every figure is printed beside the anchor's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.paths import SAMPLE_COMPLAINTS_LOG  # noqa: E402


def far_cell_workbook(path: Path, cell: str) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Reference", "Procedure", "Stage", "Date Received"])
    sheet.append(["R1", "Statutory", "1", "2023-05-01"])
    sheet[cell] = "x"
    workbook.save(path)
    return path


def wide_csv(path: Path, columns: int, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(f"c{n}" for n in range(columns)) + "\n")
        line = ",".join(str(n % 10) for n in range(columns)) + "\n"
        for _ in range(rows):
            out.write(line)
    return path


def checked(path: Path) -> tuple[float, float, int]:
    """Seconds, peak resident MB and exit code of `check` on `path`, in a process of its own."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "desktop_app", "check", str(path)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv-rows", type=int, default=75)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "far cell XFD1048576": far_cell_workbook(Path(folder) / "far.xlsx", "XFD1048576"),
            "far cell CV1000000 (100 x 1M)": far_cell_workbook(Path(folder) / "tall.xlsx", "CV1000000"),
            "200,000-column CSV": wide_csv(Path(folder) / "wide.csv", 200_000, args.csv_rows),
        }
        anchor_seconds, anchor_mb, _ = checked(SAMPLE_COMPLAINTS_LOG)
        print(f"anchor: check on the sample log: {anchor_seconds:.2f} s, peak {anchor_mb:.0f} MB")
        for name, path in files.items():
            seconds, mb, code = checked(path)
            size = path.stat().st_size / 1e6
            print(
                f"{name} ({size:.1f} MB): {seconds:.2f} s ({seconds / anchor_seconds:.1f}x), "
                f"peak {mb:.0f} MB ({mb / anchor_mb:.1f}x), exit {code}"
            )


if __name__ == "__main__":
    main()
