"""Figures the performance appendix's prose states of an indicator beyond its table row's cells.

Seed 000 says "the number of people contacting ... has risen by 10% in the last year", "teams have completed 22%
more annual reviews compared to the same period last year" and "a number require a section 42 enquiry (around
30%)". Each is worked out here once, at full precision, from the indicators' results
(domain.indicators.calculate_indicators); report.performance_figures writes them as text:

- `year_on_year`: an indicator's latest figure against its figure for the period ending a year before (for a
  rolling 12-month count, the 12 months to this month against the 12 months before them);
- `share_counts`: the counts a share is worked out from (the section 42 enquiries and the referrals of the 12
  months), so a sentence can give "986 of the 3,288" beside the 30.0%;
- `cross_tab_share`: some rows' share of a cross tab's total (seed 000's "70% of abuse is perpetrated in a care
  home or the victim's own home": the heatmap's Care Home and Own Home rows, 4,035 of its 5,732 enquiries);
- `months_below_average`: of the last months of a "monthly_counts" chart, how many months' own count was below
  the average month of the 12 months to it, the bars and the line the chart draws (seed 000's "4 out of the
  last 7 months having lower than average number of new placements");
- `since_financial_year_start`: an indicator's latest figure against its first of the financial year (the first
  period ending in April: for the weekly series its first week of April), as seed 000's "Total weekly expenditure
  has increased since the beginning of the financial year by £109k".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from desktop_app.domain.cross_tabs import cross_tab_grid, cross_tab_total
from desktop_app.domain.indicator_series import MonthlySeries, monthly_average, monthly_counts, rolling_history
from desktop_app.domain.indicators import IndicatorResults


@dataclass(frozen=True)
class YearOnYear:
    """An indicator's latest figure against its figure a year before, unrounded."""

    indicator: str
    period: str
    value: float
    year_before: float
    change: float  # value - year_before, in the indicator's unit
    change_pct: float | None  # the change as a % of year_before; None where that is zero

    @property
    def direction(self) -> str:
        return _direction(self.change)


@dataclass(frozen=True)
class ShareCounts:
    """The latest period's numerator and denominator of an indicator worked out as a share of them."""

    indicator: str
    period: str
    numerator: float
    denominator: float


def _change(value: float, earlier: float) -> tuple[float, float | None]:
    """`value` less `earlier`, and that as a % of `earlier` (None where `earlier` is zero)."""
    change = value - earlier
    return change, None if earlier == 0 else change * 100 / abs(earlier)


def _direction(change: float) -> str:
    return "up" if change > 0 else "down" if change < 0 else "same"


def _known(value: object) -> bool:
    return isinstance(value, (int, float)) and not pd.isna(value)


def years_on_year(results: IndicatorResults) -> dict[str, YearOnYear]:
    """Each indicator's latest figure against the one for the period ending a year before it, by id (an
    indicator without a figure for either is left out)."""
    table = results.table
    found: dict[str, YearOnYear] = {}
    for id_, period, value, before in zip(
        table["id"], table["period"], table["value"], table["same_period_last_year"], strict=True
    ):
        if not _known(value) or not _known(before) or str(id_) in found:
            continue
        change, share = _change(float(value), float(before))
        found[str(id_)] = YearOnYear(str(id_), str(period or ""), float(value), float(before), change, share)
    return found


def year_on_year(results: IndicatorResults, indicator: str) -> YearOnYear | None:
    """`indicator`'s latest figure against the one for the period ending a year before it (None where the
    results have no figure for either)."""
    return years_on_year(results).get(indicator)


def all_share_counts(results: IndicatorResults) -> dict[str, ShareCounts]:
    """Each indicator's latest numerator and denominator (for a rolling share, the 12 months' sums), by id; an
    indicator given as a figure, not worked out from two counts, is left out."""
    latest = results.table[["id", "period"]].drop_duplicates("id")
    history = results.history[["id", "period", "numerator", "denominator"]]
    rows = latest.merge(history, on=["id", "period"], how="inner").drop_duplicates("id", keep="last")
    rows = rows[rows["numerator"].notna() & rows["denominator"].notna()]
    return {
        str(id_): ShareCounts(str(id_), str(period or ""), float(numerator), float(denominator))
        for id_, period, numerator, denominator in zip(
            rows["id"], rows["period"], rows["numerator"], rows["denominator"], strict=True
        )
    }


def share_counts(results: IndicatorResults, indicator: str) -> ShareCounts | None:
    """The numerator and denominator `indicator`'s latest figure was worked out from (for a rolling share, the
    12 months' sums); None where it was given as a figure, not worked out."""
    return all_share_counts(results).get(indicator)


@dataclass(frozen=True)
class CrossTabShare:
    """Some rows of a cross tab added up, against its total (every row no other row breaks down), unrounded."""

    sheet: str
    rows: tuple[str, ...]
    count: float
    total: float

    @property
    def share(self) -> float:
        """`count` as a % of `total`."""
        return self.count * 100 / self.total


def cross_tab_share(
    cross_tabs: pd.DataFrame,
    sheets: Sequence[str],
    rows: Sequence[str],
    parts: Mapping[str, Sequence[str]] | None = None,
) -> CrossTabShare | None:
    """The `rows` of the first of `sheets` whose cross tab has them all, added up across its columns, against
    that cross tab's total (domain.cross_tabs.cross_tab_total: a row `parts` breaks down counted once). None
    where no sheet has every row, a row has no count, or the total is nothing: the data does not give it."""
    for sheet in sheets:
        grid = cross_tab_grid(cross_tabs, sheet)
        if grid.empty or not rows or any(row not in grid.index for row in rows):
            continue
        counts = grid.loc[list(rows)].sum(axis=1, min_count=1)
        total = cross_tab_total(grid, parts).sum(min_count=1)
        if counts.isna().any() or pd.isna(total) or total == 0:
            return None
        return CrossTabShare(sheet, tuple(rows), float(counts.sum()), float(total))
    return None


@dataclass(frozen=True)
class MonthsBelowAverage:
    """Of the last `months` months to `period`, the number whose own count was below the average month of the
    12 months to it."""

    indicator: str
    period: str
    below: int
    months: int


def months_below_average(
    results: IndicatorResults,
    monthly: MonthlySeries | None,
    indicator: str,
    last: int,
    series: str | None = None,
) -> MonthsBelowAverage | None:
    """How many of the last `last` months' own counts (the monthly series' rows `indicator`'s history came
    from; `series` the return's own id where that does not find them) were below that month's rolling 12-month
    average month (its rolling total over 12), as a "monthly_counts" chart draws them. None where any of those
    months lacks its count or its average: the data does not give it."""
    months, totals = rolling_history(results, indicator, last)
    if len(months) < last:
        return None
    counts = monthly_counts(monthly, results, indicator, months, series)
    averages = monthly_average(totals)
    pairs = [(count, average) for count, average in zip(counts, averages, strict=True)]
    known = [(count, average) for count, average in pairs if count is not None and average is not None]
    if len(known) < last:
        return None
    below = sum(1 for count, average in known if count < average)
    return MonthsBelowAverage(indicator, f"{months[-1]:%B %Y}", below, last)


#: The month the financial year starts (1 April, as English councils' does).
FINANCIAL_YEAR_START_MONTH = 4


@dataclass(frozen=True)
class SinceYearStart:
    """An indicator's latest figure against its first of the financial year, unrounded."""

    indicator: str
    period: str  # the latest
    start_period: str  # the first of the financial year ("5 April 2024")
    value: float
    then: float
    change: float  # value - then, in the indicator's unit
    change_pct: float | None  # the change as a % of then; None where that is zero

    @property
    def direction(self) -> str:
        return _direction(self.change)


def financial_year_start(day: dt.date) -> dt.date:
    """The first day of the financial year `day` is in (1 April 2024 for 29 November 2024 and 5 April 2024)."""
    year = day.year if day.month >= FINANCIAL_YEAR_START_MONTH else day.year - 1
    return dt.date(year, FINANCIAL_YEAR_START_MONTH, 1)


def since_financial_year_start(results: IndicatorResults) -> dict[str, SinceYearStart]:
    """Each indicator's latest figure against its first in the financial year of that figure, by id: the first
    period ending in its first month (April). An indicator without a figure for such a period, or whose latest
    figure is that one, is left out: the data does not give a change since the year began."""
    history = results.history
    rows = history[history["period_end"].notna() & history["value"].notna()]
    found: dict[str, SinceYearStart] = {}
    for id_, own in rows.groupby("id", sort=False):
        own = own.sort_values("period_end", kind="stable")
        last = own.iloc[-1]
        start = financial_year_start(pd.Timestamp(last["period_end"]).date())
        ends = own["period_end"].dt.date
        first = own[(ends >= start) & (own["period_end"].dt.month == start.month)]
        if first.empty or first.index[0] == last.name:
            continue
        then = first.iloc[0]
        change, share = _change(float(last["value"]), float(then["value"]))
        found[str(id_)] = SinceYearStart(
            str(id_),
            str(last["period"] or ""),
            str(then["period"] or ""),
            float(last["value"]),
            float(then["value"]),
            change,
            share,
        )
    return found
