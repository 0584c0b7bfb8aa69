"""Working days as the complaint regulations count them."""

import numpy as np
import pytest

from desktop_app.domain.calendar import WeekendReceipt, WorkingCalendar, england_bank_holidays
from tests.factories import date


def days(start: str, end: str, calendar: WorkingCalendar) -> int:
    return int(
        calendar.working_days(np.array([start], dtype="datetime64[D]"), np.array([end], dtype="datetime64[D]"))[0]
    )


def due(start: str, limit: int, calendar: WorkingCalendar) -> str:
    return str(calendar.due_dates(np.array([start], dtype="datetime64[D]"), np.array([limit]))[0])


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar.for_years(2021, 2026)


def test_received_monday_responded_tuesday_is_one_day(calendar):
    assert days("2022-05-09", "2022-05-10", calendar) == 1


def test_same_day_response_is_day_zero(calendar):
    assert days("2022-05-09", "2022-05-09", calendar) == 0


def test_weekend_receipt_counts_monday_as_day_zero_by_default(calendar):
    assert days("2022-05-07", "2022-05-09", calendar) == 0  # Saturday to Monday
    assert days("2022-05-07", "2022-05-10", calendar) == 1
    assert due("2022-05-07", 10, calendar) == "2022-05-23"


def test_weekend_receipt_as_day_one_is_a_setting():
    calendar = WorkingCalendar.for_years(2021, 2026, weekend_receipt=WeekendReceipt.DAY1)
    assert days("2022-05-07", "2022-05-09", calendar) == 1
    assert due("2022-05-07", 10, calendar) == "2022-05-20"
    assert days("2022-05-09", "2022-05-10", calendar) == 1  # weekday receipts unchanged
    assert days("2022-05-07", "2022-05-20", calendar) == 10  # in time on its due date


@pytest.mark.parametrize(
    "holiday", ["2022-06-03", "2022-09-19", "2023-05-08"], ids=["jubilee", "state funeral", "coronation"]
)
def test_one_off_bank_holidays_are_not_working_days(calendar, holiday):
    assert date(holiday) in england_bank_holidays(2022, 2023)
    assert not np.is_busday(np.datetime64(holiday), busdaycal=calendar.calendar)


def test_jubilee_weekend_hand_count(calendar):
    # Received Wed 1 June 2022; Thu 2 and Fri 3 June were bank holidays.
    assert days("2022-06-01", "2022-06-06", calendar) == 1
    assert due("2022-06-01", 10, calendar) == "2022-06-17"  # 6-10 June, 13-17 June


def test_christmas_to_new_year_2025(calendar):
    # numpy's busday_count does not count the start day: 19 Dec 2025 to 9 Jan 2026 is 12.
    assert days("2025-12-19", "2026-01-09", calendar) == 12


def test_scottish_and_northern_irish_days_are_working_days_in_england(calendar):
    assert np.is_busday(np.datetime64("2022-11-30"), busdaycal=calendar.calendar)  # St Andrew's Day
    assert np.is_busday(np.datetime64("2022-07-12"), busdaycal=calendar.calendar)  # Battle of the Boyne
    assert np.is_busday(np.datetime64("2022-08-01"), busdaycal=calendar.calendar)  # Scottish summer holiday


def test_closure_days_are_added_only_to_the_calendar_that_asks(calendar):
    closed = WorkingCalendar.for_years(2021, 2026, closure_days=[date("2022-12-28"), date("2022-12-29")])
    assert days("2022-12-23", "2023-01-04", calendar) == 5  # 28, 29, 30 Dec, 3, 4 Jan
    assert days("2022-12-23", "2023-01-04", closed) == 3
