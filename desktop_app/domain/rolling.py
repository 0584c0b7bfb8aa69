"""Rolling 12-month figures from a monthly series, as the ChAT and the dashboards show them.

A month's figure covers the twelve months ending with it. A month with no
figure makes every window that holds it missing, rather than a figure over
eleven months that looks like twelve: "last 12 months" always means twelve.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

WINDOW = 12
METHODS = ("sum", "mean", "ratio_of_sums")
_FIGURES = ["value", "numerator", "denominator"]


def rolling_12_months(series: pd.DataFrame, methods: pd.Series) -> pd.DataFrame:
    """Per id and month: the 12-month figure by the id's method.

    `series` is a monthly series frame (id, month, value, numerator,
    denominator, sheet, row) with one row per id and month; `methods` maps id
    to "sum", "mean" or "ratio_of_sums" (ids not in it are left out). "sum" and
    "mean" add or average the months' values into `value`; "ratio_of_sums"
    adds numerators and denominators separately, leaving the division to the
    caller, which knows the multiplier. Each id runs from its first month in
    the series to its last, gaps included (as missing months).
    """
    series = series[series["id"].isin(methods.index)]
    if series.empty:
        return series[["id", "month", *_FIGURES, "sheet", "row"]]
    months = pd.date_range(series["month"].min(), series["month"].max(), freq="MS").astype(series["month"].dtype)
    wide = series.pivot(index="month", columns="id", values=_FIGURES).reindex(months)
    sums = pd.DataFrame(window_sums(wide.to_numpy()), index=wide.index, columns=wide.columns)
    rolled = pd.DataFrame({name: sums[name].stack() for name in _FIGURES}).rename_axis(["month", "id"]).reset_index()
    rolled = _within_each_span(rolled, series)
    method = rolled["id"].map(methods)
    total = rolled["value"]
    rolled["value"] = np.select([method.eq("sum"), method.eq("mean")], [total, total / WINDOW], np.nan)
    by_ratio = method.eq("ratio_of_sums")
    rolled[["numerator", "denominator"]] = rolled[["numerator", "denominator"]].where(by_ratio, axis=0)
    provenance = series[["id", "month", "sheet", "row"]]
    rolled = rolled.merge(provenance, on=["id", "month"], how="left")
    return rolled[["id", "month", *_FIGURES, "sheet", "row"]]


def window_sums(monthly: np.ndarray) -> np.ndarray:
    """Per row (a month) and column, the sum of that month and the eleven before it.

    Each window is added up on its own, so a missing (NaN) month makes exactly the
    twelve windows that hold it missing; so do the first eleven months, which
    have no full window.
    """
    padded = np.vstack([np.full((WINDOW - 1, monthly.shape[1]), np.nan), monthly])
    summed: np.ndarray = sliding_window_view(padded, WINDOW, axis=0).sum(axis=-1)
    return summed


def _within_each_span(rolled: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Only the months from each id's first month in the series to its last."""
    spans = series.groupby("id")["month"].agg(first="min", last="max")
    first = rolled["id"].map(spans["first"])
    last = rolled["id"].map(spans["last"])
    return rolled[(rolled["month"] >= first) & (rolled["month"] <= last)].reset_index(drop=True)
