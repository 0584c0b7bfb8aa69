"""Does the window stay responsive while a 100,000-row complaints log imports?

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_import.py [--rows 100000]

A timer on the GUI thread asks to run every 10 ms; the longest gap between two
runs while the import is under way is the longest the window was frozen.
Prints that gap, the 99th percentile gap and the import's wall time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import write_log
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.gui.main_window import MainWindow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "log.xlsx"
        write_log(log, args.rows)
        window = MainWindow(Path(folder) / "data", QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.show()
        ticks: list[float] = []
        probe = QTimer()
        probe.setInterval(10)
        probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
        probe.start()
        started = time.perf_counter()
        window.import_paths([log])
        while window.task.running:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        for _ in range(20):  # let the table show the rows
            app.processEvents()
            time.sleep(0.005)
        probe.stop()
        gaps = sorted((b - a) * 1000 for a, b in zip(ticks, ticks[1:]))
        rows = sum(sheet.rows for imported in window.project.imports for sheet in imported.sheets)
        print(
            f"{rows:,} rows imported in {elapsed:.2f} s; timer gaps over {len(gaps)} ticks: "
            f"longest {gaps[-1]:.0f} ms, 99th percentile {gaps[int(len(gaps) * 0.99)]:.0f} ms, "
            f"median {statistics.median(gaps):.0f} ms"
        )


if __name__ == "__main__":
    main()
