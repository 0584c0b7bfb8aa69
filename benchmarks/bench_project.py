"""How long a report project with a five-year-scale complaints log takes to save and open.

    .venv/bin/python benchmarks/bench_project.py [--rows 100000] [--repeat 5]

Builds a project holding the sample returns plus a synthetic complaints log of
`--rows` rows, then prints the median of `--repeat` runs of: saving it (a new
file, renamed over the old one), opening it (beside its anchor, pandas.read_sql
of every table of the same file, and the ratio), writing a recovery copy, and
comparing two readings of the log that differ in 1% of rows (what the window
shows after a re-import).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd
from bench_complaints import median_seconds, synthetic_log

from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer, ImportResult, SheetImport
from desktop_app.excel.workbook import Provenance
from desktop_app.paths import SAMPLE_DATA
from desktop_app.project import store
from desktop_app.project.changes import compare_frames
from desktop_app.project.model import Project


def big_project(rows: int) -> Project:
    project = Project()
    importer = Importer()
    for path in sorted(SAMPLE_DATA.glob("*.xlsx")):
        project.add_import(importer.import_file(path), path)
    log = synthetic_log(rows)
    sheet = SheetImport("Log", ReturnKind.COMPLAINTS_LOG, 1, frame=log)
    project.add_import(ImportResult(Provenance("log.xlsx", 0, "2024-06-01T09:00:00", "0" * 64), [sheet]), "log.xlsx")
    return project


def read_every_table(path: Path) -> None:
    """The anchor: pandas.read_sql of every table of the project file, nothing checked or rebuilt."""
    with sqlite3.connect(path) as connection:
        names = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in names:
            pd.read_sql(f'SELECT * FROM "{name}"', connection)
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    project = big_project(args.rows)
    log = project.frame(ReturnKind.COMPLAINTS_LOG)
    changed = log.copy()
    changed.loc[::100, "outcome"] = "withdrawn"  # 1% of rows
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{store.PROJECT_SUFFIX}"
        store.save(project, path)
        print(
            f"{args.rows:,}-row complaints log plus the sample returns, median of {args.repeat} runs "
            f"({path.stat().st_size / 1e6:.1f} MB file)"
        )
        print(f"  save:           {median_seconds(lambda: store.save(project, path), args.repeat):.3f} s")
        opening = median_seconds(lambda: store.load(path), args.repeat)
        anchor = median_seconds(lambda: read_every_table(path), args.repeat)
        print(
            f"  open:           {opening:.3f} s   anchor (pandas.read_sql of every table) {anchor:.3f} s   "
            f"ratio {opening / anchor:.1f}x"
        )
        print(
            f"  recovery copy:  "
            f"{median_seconds(lambda: store.save_recovery(project, Path(folder) / 'data', path), args.repeat):.3f} s"
        )
        compare = lambda: compare_frames("Log", ReturnKind.COMPLAINTS_LOG, log, changed)  # noqa: E731
        print(f"  what changed:   {median_seconds(compare, args.repeat):.3f} s")


if __name__ == "__main__":
    main()
