"""An indicator's figures month by month, for its charts: the rolling figure and each month's own count.

A chart of the performance appendix (and of the window, later) draws these at
full precision; report.charts describes them, the writers draw them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from desktop_app.domain.indicators import IndicatorResults

Values = tuple[float | None, ...]
#: The monthly series return (ReturnKind.MONTHLY_SERIES): id, month, value, sheet, row.
MonthlySeries = pd.DataFrame


def _values(series: pd.Series) -> Values:
    return tuple(None if pd.isna(v) else float(v) for v in series)


def rolling_history(results: IndicatorResults, indicator: str, months: int) -> tuple[list[dt.date], Values]:
    """The last `months` months of the indicator's history (first of each month), with its value each month."""
    history = results.history
    rows = history[history["id"].eq(indicator) & history["period_end"].notna()]
    if rows.empty:
        return [], ()
    by_month = rows.assign(month=rows["period_end"].dt.to_period("M")).drop_duplicates("month", keep="last")
    last = by_month["month"].max()
    periods = pd.period_range(end=last, periods=months, freq="M")
    values = by_month.set_index("month")["value"].reindex(periods)
    first_known = values.first_valid_index()
    if first_known is None:
        return [], ()
    periods = periods[periods >= min(first_known, by_month["month"].min())]
    values = values.reindex(periods)
    return [m.to_timestamp().date() for m in periods], _values(values)


def monthly_average(rolling_totals: Values) -> Values:
    """A rolling 12-month total as the average month in it."""
    return tuple(None if v is None else v / 12 for v in rolling_totals)


def monthly_counts(
    monthly: pd.DataFrame | None,
    results: IndicatorResults,
    indicator: str,
    months: Sequence[dt.date],
    series: str | None = None,
) -> Values:
    """Each month's own count from the monthly series: the return's rows the indicator's history came from.

    `series`: the monthly return's own id, where it is not found through the cells the history was read from.
    """
    if monthly is None or monthly.empty:
        return tuple(None for _ in months)
    series_id = series or monthly_series_id(monthly, results, indicator)
    rows = monthly[monthly["id"].astype(str).str.strip().eq(series_id)].dropna(subset=["month"])
    by_month = rows.assign(month=pd.to_datetime(rows["month"]).dt.to_period("M")).drop_duplicates("month")
    values = by_month.set_index("month")["value"].reindex(pd.PeriodIndex([pd.Period(m, "M") for m in months]))
    return _values(values)


def monthly_series_id(monthly: pd.DataFrame, results: IndicatorResults, indicator: str) -> str:
    """The monthly return's own id for an indicator: found through the cells its history was read from."""
    history = results.history
    traced = history.loc[
        history["id"].eq(indicator) & history["sheet"].notna() & history["row"].notna(), ["sheet", "row"]
    ]
    rows = monthly.dropna(subset=["id"])
    matched = rows.merge(traced.astype({"row": "int64"}), on=["sheet", "row"]) if len(traced) else rows.iloc[0:0]
    found = Counter(str(i).strip() for i in matched["id"])
    return found.most_common(1)[0][0] if found else indicator
