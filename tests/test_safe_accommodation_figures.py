"""The safe accommodation figures worked by hand: each row's share of its part, the strategy's three-yearly review
against the report date on its boundary, and the published areas' shares with the publisher's symbols."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from desktop_app.domain.safe_accommodation import (
    ReviewState,
    Strategy,
    load_safe_accommodation_vocabulary,
    report_date,
    review_status,
    rows_short_of_total,
    shares,
)

VOCABULARY = load_safe_accommodation_vocabulary()


def year(**counts: float) -> pd.Series:
    return pd.Series({key: counts.get(key, float("nan")) for key in VOCABULARY.fields}, dtype="float64")


@pytest.mark.parametrize(
    ("as_at", "state"),
    [
        (dt.date(2025, 1, 4), ReviewState.NOT_DUE),
        (dt.date(2025, 1, 5), ReviewState.DUE_ON_REPORT_DATE),  # the due date itself has not passed
        (dt.date(2025, 1, 6), ReviewState.PASSED),
    ],
)
def test_the_review_is_due_three_years_after_publication_and_passed_only_after_that_day(as_at, state):
    review = review_status(Strategy(True, dt.date(2022, 1, 5)), as_at, VOCABULARY.review_years)
    assert (review.due, review.state, review.reviewed_from) == (dt.date(2025, 1, 5), state, "published")


def test_a_review_counts_from_the_last_review_and_29_february_falls_due_on_the_28th():
    review = review_status(Strategy(True, dt.date(2021, 12, 1), dt.date(2024, 2, 29)), dt.date(2027, 3, 1), 3)
    assert (review.due, review.state, review.reviewed_from) == (dt.date(2027, 2, 28), ReviewState.PASSED, "reviewed")


def test_without_a_date_the_review_is_not_known_and_the_report_date_is_the_years_end():
    assert review_status(Strategy(True), dt.date(2024, 3, 31), 3).state is ReviewState.UNKNOWN
    assert report_date("2023-24") == dt.date(2024, 3, 31)


def test_each_row_is_a_share_of_its_parts_base():
    found = shares(year(adults=412, children=634, disabled=41, households_not_supported=86, no_space=52), VOCABULARY)
    assert found["adults"].base == 1046 and found["adults"].value == pytest.approx(39.388, abs=1e-3)
    assert found["disabled"].base == 412 and found["disabled"].value == pytest.approx(9.951, abs=1e-3)
    assert found["no_space"].value == pytest.approx(60.465, abs=1e-3)
    assert found["refuge"].value is None  # no bedspaces given: no share, and no zero


def test_a_sum_short_of_a_row_gives_no_share():
    found = shares(year(refuge=29, dispersed=11, sanctuary=6, second_stage=6), VOCABULARY)  # other_bedspaces missing
    assert found["refuge"].base is None and found["refuge"].value is None


def test_a_withheld_row_or_base_prints_the_publishers_symbol():
    values = year(adults=4120, children=5480, refuge=352, dispersed=140, second_stage=61, other_bedspaces=25)
    symbols = pd.Series("", index=values.index, dtype="object")
    symbols["disabled"], symbols["sanctuary"] = "[c]", "[x]"
    found = shares(values, VOCABULARY, symbols)
    assert (found["disabled"].symbol, found["disabled"].value) == ("[c]", None)
    assert (found["refuge"].symbol, found["refuge"].value) == ("[x]", None)  # its base needs the withheld sanctuary
    assert found["children"].value == pytest.approx(57.083, abs=1e-3)  # 5,480 of 9,600


def test_reasons_that_do_not_add_up_to_their_households_are_found():
    reasons = {"no_space": 52, "needs_not_met": 15, "risk": 7, "declined": 8, "not_supported_other": 4}
    group = VOCABULARY.groups["not_supported"]
    assert rows_short_of_total(year(households_not_supported=86, **reasons), group, VOCABULARY) is None
    assert rows_short_of_total(year(households_not_supported=90, **reasons), group, VOCABULARY) == 86
    assert (
        rows_short_of_total(year(households_not_supported=90, no_space=52), group, VOCABULARY) is None
    )  # not all given
    assert rows_short_of_total(year(adults=1, disabled=5), VOCABULARY.groups["characteristics"], VOCABULARY) is None
