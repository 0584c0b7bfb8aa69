"""How long the complaints engine takes on a five-year-scale log.

    .venv/bin/python benchmarks/bench_complaints.py [--rows 100000] [--repeat 5] [--excel]

Prints the median of `--repeat` runs of each step. `--excel` also writes the
log to a real .xlsx (openpyxl, write-only) and times reading it back.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.domain.complaints import case_timeliness, conform_log, summarise  # noqa: E402
from desktop_app.domain.periods import Period  # noqa: E402
from desktop_app.domain.rules import load_rules  # noqa: E402
from desktop_app.domain.vocabulary import load_vocabulary  # noqa: E402

THEMES = ["Decision Making", "Finance / Funding", "Information and Advice", "Quality of service",
          "Health and Safety", "Staff Attitude"]
OUTCOMES = ["upheld", "partially_upheld", "not_upheld", "withdrawn", "ongoing"]


def synthetic_log(rows: int, seed: int = 1) -> pd.DataFrame:
    """Five years of complaints across every procedure and stage, 5% still open."""
    rng = np.random.default_rng(seed)
    received = np.datetime64("2019-04-01") + rng.integers(0, 5 * 365, rows).astype("timedelta64[D]")
    taken = rng.gamma(2.0, 6.0, rows).astype(int)
    responded = (received + taken.astype("timedelta64[D]")).astype("datetime64[s]")
    open_ = rng.random(rows) < 0.05
    responded[open_] = np.datetime64("NaT")
    procedure = rng.choice(["childrens_statutory", "corporate", "adult_social_care"], rows, p=[0.5, 0.4, 0.1])
    stage = rng.choice(["1", "2", "3", "ombudsman"], rows, p=[0.85, 0.1, 0.03, 0.02])
    stage[(procedure != "childrens_statutory") & (stage == "3")] = "2"
    stage[(procedure == "adult_social_care") & (stage == "2")] = "1"
    acknowledged = (received + rng.integers(0, 6, rows).astype("timedelta64[D]")).astype("datetime64[s]")
    acknowledged[rng.random(rows) < 0.2] = np.datetime64("NaT")
    return conform_log(
        pd.DataFrame(
            {
                "reference": [f"C{n:06d}" for n in range(rows)],
                "procedure": procedure,
                "stage": stage,
                "received": received.astype("datetime64[s]"),
                "acknowledged": acknowledged,
                "responded": responded,
                "extension": rng.random(rows) < 0.1,
                "outcome": np.where(open_, "ongoing", rng.choice(OUTCOMES[:4], rows)),
                "theme": rng.choice(THEMES, rows),
                "complainant_group": np.where(rng.random(rows) < 0.04, "cared_for", None),
                "sheet": "Log",
                "row": np.arange(rows) + 2,
            }
        )
    )


def median_seconds(step, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--excel", action="store_true", help="also time reading the log from .xlsx")
    args = parser.parse_args()

    rules, vocabulary = load_rules(), load_vocabulary()
    log = synthetic_log(args.rows)
    year = Period(dt.date(2022, 4, 1), dt.date(2023, 3, 31))
    as_of = dt.date(2024, 6, 1)
    print(f"{args.rows:,} rows, median of {args.repeat} runs")
    print(f"  case timeliness, whole log: {median_seconds(lambda: case_timeliness(log, rules, as_of), args.repeat):.3f} s")
    print(f"  summary of one year:        "
          f"{median_seconds(lambda: summarise(log, rules, vocabulary.outcome_classes, year, as_of), args.repeat):.3f} s")
    if args.excel:
        time_excel(log, rules, vocabulary, max(1, args.repeat // 2))


def time_excel(log: pd.DataFrame, rules, vocabulary, repeat: int) -> None:
    import openpyxl

    from desktop_app.excel.complaints_log import read_complaints_log

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.xlsx"
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("Complaints Log")
        sheet.append(["Complaints log (synthetic)"])
        sheet.append(["Complaint Ref", "Process", "Stage", "Date Received", "Date Acknowledged",
                      "Date Responded", "Extension Agreed", "Outcome", "Category"])
        procedure = {"childrens_statutory": "Statutory", "corporate": "Corporate", "adult_social_care": "ASC"}
        outcome = {"upheld": "Upheld", "partially_upheld": "Partly upheld", "not_upheld": "Not upheld",
                   "withdrawn": "Withdrawn", "ongoing": "Ongoing"}
        for row in log.itertuples(index=False):
            sheet.append([row.reference, procedure[row.procedure], row.stage, row.received.date(),
                          None if pd.isna(row.acknowledged) else row.acknowledged.date(),
                          None if pd.isna(row.responded) else row.responded.date(),
                          "Yes" if row.extension else "No", outcome[row.outcome], row.theme])
        workbook.save(path)
        seconds = median_seconds(lambda: read_complaints_log(path, vocabulary, rules), repeat)
        print(f"  read .xlsx ({path.stat().st_size / 1e6:.1f} MB):        {seconds:.3f} s")


if __name__ == "__main__":
    main()
