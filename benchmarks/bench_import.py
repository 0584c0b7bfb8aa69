"""How long importing takes, against plain pandas.read_excel on the same files.

    .venv/bin/python benchmarks/bench_import.py [--rows 100000] [--sheets 20] [--repeat 3]

Writes, in a temporary folder, a complaints log of `--rows` rows and an
indicator workbook of `--sheets` sheets (500 indicator-periods each), then
prints the median of `--repeat` runs of: our importer (python-calamine plus
parsing and checks), pandas.read_excel(engine="calamine") and
pandas.read_excel(engine="openpyxl") (reading only, no checks).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

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


def write_log(path: Path, rows: int) -> None:
    log = synthetic_log(rows)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Complaints Log")
    sheet.append(["Complaints log (synthetic)"])
    sheet.append(
        [
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
    )
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
                print(f"  {name:<34} {median_seconds(step, args.repeat):7.2f} s")


if __name__ == "__main__":
    main()
