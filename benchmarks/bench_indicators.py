"""How long the indicators engine takes to recalculate a large appendix.

    .venv/bin/python benchmarks/bench_indicators.py [--indicators 500] [--months 60] [--repeat 7]

Every indicator has a monthly series (a fifth of them with a gap), a row in
the indicator return for each of its last two months, and benchmarks against
all three comparator groups: published cut points for the statistical
neighbours, members' values for the North West (23 councils) and England (153).
Prints the median of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_complaints import median_seconds

from desktop_app.domain.indicators import (
    Catalogue,
    IndicatorDefinition,
    IndicatorReturns,
    calculate_indicators,
    load_catalogue,
)
from desktop_app.domain.returns import ReturnKind
from desktop_app.domain.rolling import rolling_12_months

KINDS = [  # unit, rolling, polarity, age band
    ("count", "sum", "low", None),
    ("percent", "ratio_of_sums", "high", None),
    ("percent", "mean", "high", None),
    ("rate_per_10000", "sum", "low", "0-17"),
    ("number", None, "high", None),
]
MEMBERS = {"nw": 23, "england": 153}


def synthetic_catalogue(count: int) -> Catalogue:
    definitions = {}
    for n in range(count):
        unit, rolling, polarity, age_band = KINDS[n % len(KINDS)]
        id_ = f"IND-{n:04d}"
        definitions[id_] = IndicatorDefinition(
            id_,
            f"Indicator {n}",
            unit,
            group="Demand",
            polarity=polarity,
            age_band=age_band,
            rolling=rolling,
            tolerance=0.05,
        )
    return Catalogue(definitions, load_catalogue().unit_names)


def synthetic_returns(count: int, months: int, seed: int = 1) -> IndicatorReturns:
    rng = np.random.default_rng(seed)
    ids = np.array([f"IND-{n:04d}" for n in range(count)])
    first = pd.Timestamp("2019-04-01")
    month_starts = pd.date_range(first, periods=months, freq="MS")
    monthly = pd.DataFrame(
        {
            "id": np.repeat(ids, months),
            "month": np.tile(month_starts, count),
            "value": rng.poisson(300, count * months).astype(float),
            "numerator": rng.integers(50, 90, count * months).astype(float),
            "denominator": np.full(count * months, 100.0),
            "sheet": "Series",
            "row": np.arange(count * months) + 2,
        }
    )
    gaps = rng.random(count * months) < 0.2 / months  # about a fifth of the series miss one month
    monthly = monthly[~gaps]

    last_two = month_starts[-2:]
    indicators = pd.DataFrame(
        {
            "id": np.repeat(ids, 2),
            "name": np.repeat([f"Indicator {n}" for n in range(count)], 2),
            "period": np.tile(last_two.strftime("%B %Y"), count),
            "period_end": np.tile(last_two + pd.offsets.MonthEnd(0), count),
            "commentary": "See analysis",
            "status": np.where(rng.random(count * 2) < 0.3, "2", None),
            "sn": rng.normal(300, 50, count * 2),
            "sheet": "KPIs",
            "row": np.arange(count * 2) + 2,
        }
    )
    quartiles = pd.DataFrame(
        {
            "id": ids,
            "comparator": "sn",
            "lower_quartile": 250.0,
            "median": 300.0,
            "upper_quartile": 350.0,
            "average": 300.0,
            "sheet": "Benchmarks",
            "row": np.arange(count) + 2,
        }
    )
    members = pd.concat(
        [
            pd.DataFrame(
                {
                    "id": np.repeat(ids, size),
                    "comparator": comparator,
                    "authority": np.tile([f"LA{k}" for k in range(size)], count),
                    "value": rng.normal(300, 60, count * size),
                }
            )
            for comparator, size in MEMBERS.items()
        ],
        ignore_index=True,
    )
    years = np.arange(first.year, first.year + months // 12 + 2)
    population = pd.DataFrame(
        {"area": "Sefton", "age_band": "0-17", "year": years, "population": 54_000.0 + 100 * (years - first.year)}
    )
    return IndicatorReturns(
        indicators=indicators, monthly=monthly, quartiles=quartiles, members=members, population=population
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=500)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    catalogue = synthetic_catalogue(args.indicators)
    returns = synthetic_returns(args.indicators, args.months)
    series = returns.frame(ReturnKind.MONTHLY_SERIES)
    methods = catalogue.frame["rolling"].dropna()
    results = calculate_indicators(returns, catalogue)  # once before timing: catalogue tables are cached
    print(
        f"{args.indicators:,} indicators, {len(returns.monthly):,} monthly rows, "
        f"{len(returns.members):,} member values; {len(results.history):,} indicator-periods, "
        f"{len(results.problems):,} problems; median of {args.repeat} runs"
    )
    rolling = median_seconds(lambda: rolling_12_months(series, methods), args.repeat)
    whole = median_seconds(lambda: calculate_indicators(returns, catalogue), args.repeat)
    print(f"  rolling 12 months alone:  {rolling:.3f} s")
    print(f"  whole recalculation:      {whole:.3f} s")


if __name__ == "__main__":
    main()
