"""How long importing takes, beside python-calamine's raw read and pandas.read_excel of the same files.

    .venv/bin/python benchmarks/bench_import.py [--rows 100000] [--sheets 20] [--repeat 3] [--csv-rows 1000000]

Writes, in a temporary folder, a complaints log of `--rows` rows and an
indicator workbook of `--sheets` sheets (500 indicator-periods each), then
prints the median of `--repeat` runs of: our importer (python-calamine plus
parsing and checks), the anchor (python-calamine's raw read of every sheet to
Python lists, which every import includes), pandas.read_excel(engine="calamine")
and pandas.read_excel(engine="openpyxl") (reading only, no checks), each with
its ratio to the anchor.

A log of `--csv-rows` rows (default 1,000,000) is measured as a CSV file: as a
workbook it would span more cells than a sheet may (xlsx_parts.MAX_SHEET_CELLS)
and is refused unread. Its anchor is pandas.read_csv; the import's peak memory
(tracemalloc) is printed beside the file's size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_complaints import median_seconds, synthetic_log

from desktop_app.excel.importer import Importer

PROCEDURE = {"childrens_statutory": "Statutory", "corporate": "Corporate", "adult_social_care": "ASC"}
OUTCOME = {
    "upheld": "Upheld",
    "partially_upheld": "Partly upheld",
    "not_upheld": "Not upheld",
    "withdrawn": "Withdrawn",
    "ongoing": "Ongoing",
}


HEADER = [
    "Complaint Ref",
    "Process",
    "Stage",
    "Date Received",
    "Date Acknowledged",
    "Date Responded",
    "Extension Agreed",
    "Outcome",
    "Category",
]


def write_log(path: Path, rows: int) -> None:
    log = synthetic_log(rows)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Complaints Log")
    sheet.append(["Complaints log (synthetic)"])
    sheet.append(HEADER)
    for row in log.itertuples(index=False):
        sheet.append(
            [
                row.reference,
                PROCEDURE[row.procedure],
                row.stage,
                row.received.date(),
                None if pd.isna(row.acknowledged) else row.acknowledged.date(),
                None if pd.isna(row.responded) else row.responded.date(),
                "Yes" if row.extension else "No",
                OUTCOME[row.outcome],
                row.theme,
            ]
        )
    workbook.save(path)


def write_log_csv(path: Path, rows: int) -> None:
    """The same log as a CSV export of a case system (dates day first)."""
    log = synthetic_log(rows)
    dates = {name: log[name].dt.strftime("%d/%m/%Y").fillna("") for name in ("received", "acknowledged", "responded")}
    frame = pd.DataFrame(
        dict(
            zip(
                HEADER,
                [
                    log["reference"],
                    log["procedure"].map(PROCEDURE),
                    log["stage"],
                    dates["received"],
                    dates["acknowledged"],
                    dates["responded"],
                    np.where(log["extension"], "Yes", "No"),
                    log["outcome"].map(OUTCOME),
                    log["theme"],
                ],
                strict=True,
            )
        )
    )
    frame.to_csv(path, index=False)


def raw_read(path: Path) -> None:
    """The anchor: python-calamine's read of every sheet to Python lists, as the importer reads them."""
    workbook = CalamineWorkbook.from_path(str(path))
    for name in workbook.sheet_names:
        workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)


def write_indicator_workbook(path: Path, sheets: int, rows_per_sheet: int = 500) -> None:
    rng = np.random.default_rng(2)
    months = pd.date_range("2019-04-01", periods=60, freq="MS")
    workbook = openpyxl.Workbook(write_only=True)
    for number in range(sheets):
        sheet = workbook.create_sheet(f"Service {number + 1}")
        sheet.append([f"Performance return, service {number + 1}"])
        sheet.append([])
        sheet.append(["ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value", "Target", "SN", "England"])
        for row in range(rows_per_sheet):
            month = months[row % 60]
            value = rng.normal(60, 15)
            sheet.append(
                [
                    f"S{number}-{row // 60:02d}",
                    f"Measure {row // 60}",
                    "Timeliness",
                    "%",
                    "High" if row % 2 else "Low",
                    month.strftime("%B %Y"),
                    f"{value:.1f}" if row % 7 == 0 else round(value, 1),
                    65,
                    70.2,
                    68.9,
                ]
            )
    workbook.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--sheets", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--csv-rows", type=int, default=1_000_000, help="0 to leave the CSV log out")
    args = parser.parse_args()
    importer = Importer()
    with tempfile.TemporaryDirectory() as folder:
        log, indicators = Path(folder) / "log.xlsx", Path(folder) / "indicators.xlsx"
        write_log(log, args.rows)
        write_indicator_workbook(indicators, args.sheets)
        for label, path in (
            (f"complaints log, {args.rows:,} rows", log),
            (f"indicator workbook, {args.sheets} sheets", indicators),
        ):
            print(f"{label} ({path.stat().st_size / 1e6:.1f} MB), median of {args.repeat} runs")
            anchor = median_seconds(lambda path=path: raw_read(path), args.repeat)
            print(f"  {'anchor: python-calamine raw read':<34} {anchor:7.2f} s")
            steps = {
                "our importer (calamine + checks)": lambda path=path: importer.import_file(path),
                "pandas.read_excel, calamine": lambda path=path: pd.read_excel(
                    path, sheet_name=None, engine="calamine"
                ),
                "pandas.read_excel, openpyxl": lambda path=path: pd.read_excel(
                    path, sheet_name=None, engine="openpyxl"
                ),
            }
            for name, step in steps.items():
                seconds = median_seconds(step, args.repeat)
                print(f"  {name:<34} {seconds:7.2f} s   {seconds / anchor:4.1f}x the raw read")
        if args.csv_rows:
            csv_log = Path(folder) / "log.csv"
            write_log_csv(csv_log, args.csv_rows)
            print(f"complaints log as CSV, {args.csv_rows:,} rows ({csv_log.stat().st_size / 1e6:.0f} MB), one run")
            anchor = median_seconds(lambda: pd.read_csv(csv_log, dtype=str, keep_default_na=False), 1)
            start = time.perf_counter()
            importer.import_file(csv_log)
            seconds = time.perf_counter() - start
            tracemalloc.start()
            importer.import_file(csv_log)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            print(f"  {'anchor: pandas.read_csv':<34} {anchor:7.2f} s")
            print(
                f"  {'our importer (csv + checks)':<34} {seconds:7.2f} s   {seconds / anchor:4.1f}x   peak {peak:,.0f} MiB"
            )


if __name__ == "__main__":
    main()
