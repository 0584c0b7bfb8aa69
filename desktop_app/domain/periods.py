"""Reporting periods: a council's year runs 1 April to 31 March unless it says otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import pandas as pd

Dated = TypeVar("Dated")


@dataclass(frozen=True)
class Period:
    """Inclusive dates; complaints belong to the period in which they were received."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def year_containing(cls, day: dt.date, year_start: tuple[int, int] = (4, 1)) -> Period:
        month, first = year_start
        start = _on_or_before_28(day.year, month, first)
        if start > day:
            start = _on_or_before_28(day.year - 1, month, first)
        return cls(start, _on_or_before_28(start.year + 1, month, first) - dt.timedelta(days=1))

    @classmethod
    def latest_year(cls, dates: pd.Series, year_start: tuple[int, int], otherwise: dt.date) -> Period:
        """The reporting year of the latest date (a log's latest complaint), or of `otherwise` when there is none."""
        latest = dates.max() if len(dates) else None
        day = otherwise if latest is None or latest != latest else latest.date()
        return cls.year_containing(day, year_start)

    def previous_year(self) -> Period:
        """The same dates one year earlier (29 February becomes the 28th)."""
        return Period(_year_earlier(self.start), _year_earlier(self.end))

    @property
    def label(self) -> str:
        """'2022-23' for a whole year starting in 2022, else the two dates."""
        if self.end == _on_or_before_28(self.start.year + 1, self.start.month, self.start.day) - dt.timedelta(days=1):
            return f"{self.start.year}-{(self.start.year + 1) % 100:02d}"
        return f"{self.start:%d %B %Y} to {self.end:%d %B %Y}"


def _on_or_before_28(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return dt.date(year, month, 28)


def _year_earlier(day: dt.date) -> dt.date:
    return _on_or_before_28(day.year - 1, day.month, day.day)


def reporting_years(received: pd.Series, year_start: tuple[int, int]) -> list[Period]:
    """The reporting years that dates `received` fall in, latest first."""
    received = received.dropna()
    if received.empty:
        return []
    first = Period.year_containing(received.min().date(), year_start)
    last = Period.year_containing(received.max().date(), year_start)
    years = [last]
    while years[-1].start > first.start:
        years.append(years[-1].previous_year())
    return years


def default_as_at(period: Period, days_after: int, today: dt.date) -> dt.date:
    """The day a period's figures are as at, where the author names none: `days_after` its last day (time
    for the last responses to be logged), or today where that is sooner. Judging a past year's open
    complaints as at today would count them hundreds of working days overdue."""
    return min(period.end + dt.timedelta(days=days_after), today)


def latest_report(
    reports: Iterable[Dated], day: dt.date, date_of: Callable[[Dated], dt.date], *, on_the_day: bool = False
) -> Dated | None:
    """The report with the latest date before `day` (`on_the_day`: on or before it), or None: the report an
    appendix at `day` compares with, or prints. A register or a plan kept at several reporting dates asks it."""
    earlier = [report for report in reports if date_of(report) < day or (on_the_day and date_of(report) == day)]
    return max(earlier, key=date_of) if earlier else None
