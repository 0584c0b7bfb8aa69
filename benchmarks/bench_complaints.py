"""How long the summary of one year of a five-year complaints log takes, beside numpy's own speed.

    .venv/bin/python benchmarks/bench_complaints.py [--rows 100000 1000000] [--repeat 5]

For each size: the median of `--repeat` runs of the summary of one year (which
times that year's and the year before's complaints), beside its anchor, numpy's
busday_offset and busday_count over every row of the log with the same bank
holidays (the least any timing of the log could cost), and the ratio; then the
summary's peak memory (tracemalloc) and how the time grows with the rows.
Reading the log from Excel is measured by benchmarks/bench_import.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.domain.calendar import DAY, WorkingCalendar
from desktop_app.domain.complaints import conform_log, summarise
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


def anchor(log: pd.DataFrame, calendar: WorkingCalendar) -> None:
    """numpy alone: a due date for every row and the working days taken by every answered one."""
    received = log["received"].to_numpy(dtype=DAY)
    responded = log["responded"].to_numpy(dtype=DAY)
    answered = ~np.isnat(responded)
    np.busday_offset(received, 20, roll="forward", busdaycal=calendar.calendar)
    np.busday_count(received[answered], responded[answered], busdaycal=calendar.calendar)


def peak_mib(step) -> float:
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    rules, vocabulary = load_rules(), load_vocabulary()
    year = Period(dt.date(2022, 4, 1), dt.date(2023, 3, 31))
    as_of = dt.date(2024, 6, 1)
    calendar = WorkingCalendar.for_years(2018, 2026)  # the log's years and room after, as the engine builds it
    print(f"summary of one year of a five-year log, median of {args.repeat} runs")
    first: tuple[int, float] | None = None
    for rows in args.rows:
        log = synthetic_log(rows)
        summarise_year = functools.partial(summarise, log, rules, vocabulary.outcome_classes, year, as_of)
        summary = median_seconds(summarise_year, args.repeat)
        numpy_only = median_seconds(functools.partial(anchor, log, calendar), args.repeat)
        memory = peak_mib(summarise_year)
        print(
            f"  {rows:>9,} rows: {summary:.3f} s   anchor (numpy busday_offset + busday_count, every row) "
            f"{numpy_only * 1000:.1f} ms   ratio {summary / numpy_only:.0f}x   peak memory {memory:.0f} MiB "
            f"(the log itself {log.memory_usage(deep=True).sum() / 2**20:.0f} MiB)"
        )
        if first is None:
            first = (rows, summary)
        else:
            print(f"    {rows / first[0]:.0f}x the rows took {summary / first[1]:.1f}x the time")


if __name__ == "__main__":
    main()
