"""How long the complaints engine takes on a five-year-scale log.

    .venv/bin/python benchmarks/bench_complaints.py [--rows 100000] [--repeat 5]

Prints the median of `--repeat` runs of each step. Reading the log from Excel
is measured by benchmarks/bench_import.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.domain.complaints import case_timeliness, conform_log, summarise
from desktop_app.domain.periods import Period
from desktop_app.domain.rules import load_rules
from desktop_app.domain.vocabulary import load_vocabulary

THEMES = [
    "Decision Making",
    "Finance / Funding",
    "Information and Advice",
    "Quality of service",
    "Health and Safety",
    "Staff Attitude",
]
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
    args = parser.parse_args()

    rules, vocabulary = load_rules(), load_vocabulary()
    log = synthetic_log(args.rows)
    year = Period(dt.date(2022, 4, 1), dt.date(2023, 3, 31))
    as_of = dt.date(2024, 6, 1)
    print(f"{args.rows:,} rows, median of {args.repeat} runs")
    print(
        f"  case timeliness, whole log: {median_seconds(lambda: case_timeliness(log, rules, as_of), args.repeat):.3f} s"
    )
    print(
        f"  summary of one year:        "
        f"{median_seconds(lambda: summarise(log, rules, vocabulary.outcome_classes, year, as_of), args.repeat):.3f} s"
    )


if __name__ == "__main__":
    main()
