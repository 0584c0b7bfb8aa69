"""Working days: what counts, and the two sums every complaint clock needs.

Working days exclude Saturdays, Sundays and England and Wales bank holidays
(from the `holidays` package, England explicitly: the UK-wide list would add
Scottish and Northern Irish days). A council's closure days are added only for
procedures that use them. Day of receipt is day 0.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

import numpy as np

DAY = "datetime64[D]"


class WeekendReceipt(str, Enum):
    """How to count a complaint received on a non-working day."""

    DAY0 = "day0"  # the next working day is day 0 (as the ICO counts)
    DAY1 = "day1"  # the next working day is day 1


def england_bank_holidays(first_year: int, last_year: int) -> list[dt.date]:
    """Bank holidays in England and Wales, the one-off days included."""
    return list(_england_bank_holidays(first_year, last_year))


@functools.lru_cache(maxsize=32)
def _england_bank_holidays(first_year: int, last_year: int) -> tuple[dt.date, ...]:
    """Worked out once per range of years: `holidays` takes milliseconds per year. Imported here, when first
    needed (on the window's figures thread), not with the domain: its import takes a quarter of a second."""
    import holidays

    years = range(first_year, last_year + 1)
    return tuple(sorted(holidays.country_holidays("GB", subdiv="ENG", years=years)))


@dataclass(frozen=True)
class WorkingCalendar:
    """A numpy business-day calendar with the counting rules around it."""

    calendar: np.busdaycalendar
    weekend_receipt: WeekendReceipt = WeekendReceipt.DAY0

    @classmethod
    def for_years(
        cls,
        first_year: int,
        last_year: int,
        closure_days: Iterable[dt.date] = (),
        weekend_receipt: WeekendReceipt = WeekendReceipt.DAY0,
    ) -> WorkingCalendar:
        days = england_bank_holidays(first_year, last_year) + list(closure_days)
        return cls(np.busdaycalendar(holidays=np.array(days, dtype=DAY)), weekend_receipt)

    def _starts_late(self, start: np.ndarray) -> np.ndarray:
        """1 where a clock starting on a non-working day counts that day as day 1."""
        if self.weekend_receipt is WeekendReceipt.DAY0:
            return np.zeros(start.shape, dtype=np.int64)
        return (~np.is_busday(start, busdaycal=self.calendar)).astype(np.int64)

    def working_days(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Working days after `start` up to and including `end` (no NaT allowed)."""
        start, end = start.astype(DAY), end.astype(DAY)
        counted: np.ndarray = np.busday_count(start, end, busdaycal=self.calendar) + self._starts_late(start)
        return counted

    def due_dates(self, start: np.ndarray, limits: np.ndarray) -> np.ndarray:
        """The last working day on which a clock of `limits` days is still in time."""
        start = start.astype(DAY)
        offsets = np.asarray(limits, dtype=np.int64) - self._starts_late(start)
        return np.busday_offset(start, offsets, roll="forward", busdaycal=self.calendar)
