"""The indicators engine's rules on small hand-checked cases: rolling figures, periods, definitions,
population, quartiles, status and presentation."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from desktop_app.domain.formatting import format_change, format_change_pct, format_value
from desktop_app.domain.indicators import (
    Catalogue,
    IndicatorDefinition,
    IndicatorResults,
    IndicatorReturns,
    StatusRule,
    calculate_indicators,
    load_catalogue,
)
from desktop_app.domain.quartiles import quartile_position
from tests.test_indicators import calculate, catalogue, indicator, messages, population, row_of  # noqa: F401

CONTACTS = IndicatorDefinition("CONTACTS", "Contacts, last 12 months", "count", polarity="none", rolling="sum")
VISITS_MEAN = IndicatorDefinition("VISITS-MEAN", "Visits in time (mean)", "percent", polarity="high", rolling="mean")
VISITS_RATIO = IndicatorDefinition("VISITS-RATIO", "In time", "percent", polarity="high", rolling="ratio_of_sums")
REFERRALS_RATE = IndicatorDefinition(
    "REFERRALS-RATE", "Referrals per 10,000 children", "rate_per_10000", polarity="low", age_band="0-17", rolling="sum"
)
SCORE = IndicatorDefinition("SCORE", "A score", "number", polarity="high")
REVIEWS = IndicatorDefinition(
    "REVIEWS", "Annual reviews within 12 months", "percent", polarity="high", status=StatusRule("target", tolerance=5)
)
IN_TIME = IndicatorDefinition("IN-TIME", "In time", "percent", polarity="high", status=StatusRule("scheme_123"))


def catalogue_of(*definitions: IndicatorDefinition) -> Catalogue:
    """A catalogue of just these definitions, with the shipped unit spellings."""
    return Catalogue({definition.id: definition for definition in definitions}, load_catalogue().unit_names)


def series(id_: str, first: str, values=None, numerators=None, denominators=None) -> pd.DataFrame:
    """A monthly series from `first` ('2022-01'), one month per figure; None leaves a month blank."""
    months = pd.date_range(first, periods=len(values if values is not None else numerators), freq="MS")
    figures = {"value": values, "numerator": numerators, "denominator": denominators}
    return pd.DataFrame({"id": id_, "month": months, **figures}).astype({name: "float64" for name in figures})


def monthly_results(monthly: pd.DataFrame, *definitions: IndicatorDefinition, **frames) -> IndicatorResults:
    return calculate_indicators(IndicatorReturns(monthly=monthly, **frames), catalogue_of(*definitions))


def history_values(results: IndicatorResults, id_: str) -> pd.Series:
    """An indicator's value by month ('2023-07')."""
    rows = results.history[results.history["id"] == id_]
    return rows.set_index(rows["period_end"].dt.strftime("%Y-%m"))["value"]


# --- rolling 12 months -----------------------------------------------------------------


def test_rolling_sum_adds_the_last_twelve_months():
    results = monthly_results(series("CONTACTS", "2022-08", values=list(range(1, 14))), CONTACTS)  # Aug 22 to Aug 23
    values = history_values(results, "CONTACTS")
    assert values.index[0] == "2022-08" and values[:"2023-06"].isna().all()  # fewer than 12 months: no figure
    assert values["2023-07"] == 78  # 1 + 2 + ... + 12
    row = row_of(results, "CONTACTS")
    assert (row["period"], row["value"], row["previous"], row["change"]) == ("August 2023", 90, 78, 12)


def test_a_month_with_no_figure_leaves_every_window_holding_it_missing():
    figures = [100.0] * 26  # January 2022 to February 2024
    figures[13] = None  # February 2023 blank
    blank = series("CONTACTS", "2022-01", values=figures)
    for monthly in (blank, blank.drop(index=13)):  # blank, or not listed at all
        values = history_values(monthly_results(monthly, CONTACTS), "CONTACTS")
        assert values["2023-01"] == 1200
        assert len(values["2023-02":"2024-01"]) == 12 and values["2023-02":"2024-01"].isna().all()
        assert values["2024-02"] == 1200  # March 2023 to February 2024: whole again


def test_the_latest_month_missing_is_shown_missing_with_a_warning():
    results = monthly_results(series("CONTACTS", "2022-01", values=[100.0] * 12 + [None]), CONTACTS)
    row = row_of(results, "CONTACTS")
    assert row["period"] == "January 2023" and np.isnan(row["value"]) and row["previous"] == 1200
    assert messages(results) == [
        "CONTACTS, January 2023: no value, and no numerator and denominator to work it out from",
    ]


def test_mean_of_months_and_ratio_of_sums_differ():
    # Six months with 1 of 2 visits in time (50%), six with 30 of 40 (75%).
    numerators, denominators = [1] * 6 + [30] * 6, [2] * 6 + [40] * 6
    monthly = pd.concat(
        [
            series("VISITS-MEAN", "2023-01", numerators=numerators, denominators=denominators),
            series("VISITS-RATIO", "2023-01", numerators=numerators, denominators=denominators),
        ]
    )
    results = monthly_results(monthly, VISITS_MEAN, VISITS_RATIO)
    assert row_of(results, "VISITS-MEAN")["value"] == pytest.approx(62.5)  # (6 x 50 + 6 x 75) / 12
    assert row_of(results, "VISITS-RATIO")["value"] == pytest.approx(186 / 252 * 100)  # 73.81%: each visit counts once


def test_a_rolling_rate_is_the_twelve_month_count_over_the_population():
    results = monthly_results(
        series("REFERRALS-RATE", "2023-01", values=[300.0] * 12),
        REFERRALS_RATE,
        population=population(("0-17", 2023, 54_000)),
    )
    december = results.history.set_index("period").loc["December 2023"]
    assert december["numerator"] == 3600
    assert december["value"] == pytest.approx(666.667, abs=1e-3)  # 3,600 / 54,000 x 10,000


def test_the_return_wins_over_the_series_and_the_series_fills_the_rest():
    returned = pd.DataFrame(
        [
            indicator("CONTACTS", "2023-02", 1250.0, commentary="as published"),
            indicator("CONTACTS", "2023-01", None, commentary="figure to come"),
        ]
    )
    results = monthly_results(series("CONTACTS", "2022-01", values=[100.0] * 14), CONTACTS, indicators=returned)
    row = row_of(results, "CONTACTS")
    assert (row["value"], row["previous"], row["commentary"]) == (1250, 1200, "as published")


def test_a_month_listed_twice_in_the_series_uses_the_first():
    monthly = series("CONTACTS", "2022-01", values=[100.0] * 12)
    results = monthly_results(pd.concat([monthly, monthly.tail(1).assign(value=5.0)]), CONTACTS)
    assert row_of(results, "CONTACTS")["value"] == 1200
    assert messages(results) == [
        "CONTACTS, December 2022: this month is listed twice in the monthly series: the first is used",
    ]


# --- periods and change -----------------------------------------------------------------


def test_each_indicator_shows_its_latest_period_on_or_before_the_chosen_date():
    rows = [
        indicator("SCORE", "2022-07", 10.0),
        indicator("SCORE", "2023-06", 11.0),
        indicator("SCORE", "2023-07", 12.0),
    ]
    june = row_of(calculate(catalogue_of(SCORE), *rows, period=pd.Timestamp("2023-06-30")), "SCORE")
    assert june[["period", "value", "previous", "previous_period"]].tolist() == ["June 2023", 11, 10, "July 2022"]
    assert np.isnan(june["same_period_last_year"])  # no June 2022 in the return
    july = row_of(calculate(catalogue_of(SCORE), *rows), "SCORE")
    assert (july["period"], july["previous"], july["same_period_last_year"]) == ("July 2023", 11, 10)


def test_a_change_smaller_than_the_tolerance_is_the_same():
    tolerant = IndicatorDefinition("SCORE", "A score", "number", polarity="low", tolerance=0.05)
    rows = indicator("SCORE", "2023-06", 26.46), indicator("SCORE", "2023-07", 26.50)
    row = row_of(calculate(catalogue_of(tolerant), *rows), "SCORE")
    assert (row["direction"], row["judgement"]) == ("same", "same")
    assert row["change"] == pytest.approx(0.04)  # kept: only judged as no change


def test_percent_change_is_missing_from_zero():
    row = row_of(
        calculate(catalogue_of(SCORE), indicator("SCORE", "2023-06", 0.0), indicator("SCORE", "2023-07", 3.0)), "SCORE"
    )
    assert row["change"] == 3 and np.isnan(row["change_pct"])


def test_the_table_follows_the_order_of_the_return():
    table = calculate(
        catalogue_of(SCORE, REVIEWS),
        indicator("SCORE", "2023-07", 1.0),
        indicator("REVIEWS", "2023-07", 50.0),
        indicator("SCORE", "2023-06", 2.0),
    ).table
    assert table["id"].tolist() == ["SCORE", "REVIEWS"]


def test_an_undated_row_among_dated_ones_is_not_used():
    survey = pd.DataFrame([{"theme": "SCORE", "polarity": "high", "value": 99.0, "sheet": "Survey", "row": 4}])
    results = calculate(catalogue_of(SCORE), indicator("SCORE", "2023-07", 1.0), survey=survey)
    assert row_of(results, "SCORE")["value"] == 1
    [problem] = results.problems
    assert (problem.sheet, problem.row) == ("Survey", 4)
    assert problem.message == (
        "SCORE: has no period end date, so it cannot be placed among the indicator's other periods: not used"
    )


# --- definitions: catalogue and return --------------------------------------------------


def test_the_return_overrides_the_catalogues_unit_and_polarity():
    results = calculate(
        catalogue_of(SCORE),
        indicator("SCORE", "2023-06", None, numerator=1, denominator=4, unit="%", polarity="Low"),
        indicator("SCORE", "2023-07", None, numerator=1, denominator=5, unit="%", polarity="Low"),
    )
    row = row_of(results, "SCORE")
    assert row[["unit", "polarity", "value", "decimals", "judgement"]].tolist() == ["percent", "low", 20.0, 1, "better"]


def test_an_indicator_of_the_councils_own_needs_only_its_return():
    results = calculate(
        catalogue_of(),
        indicator("LOCAL-1", "2023-06", 10.0, unit="Count", polarity="high", group="Demand"),
        indicator("LOCAL-1", "2023-07", 12.0, unit="Count", polarity="high", group="Demand"),
    )
    assert row_of(results, "LOCAL-1")[["unit", "group", "judgement"]].tolist() == ["count", "Demand", "better"]
    assert results.problems == ()


def test_what_the_engine_cannot_judge_is_said(catalogue):
    results = calculate(
        catalogue,
        indicator("LOCAL-2", "2023-07", 10.0),
        indicator("LOCAL-3", "2023-07", 10.0, unit="bananas", polarity="high"),
    )
    assert messages(results) == [
        "LOCAL-2, July 2023: no polarity (is high or low good?) in the return or the catalogue: "
        "no judgement, status rule or quartile",
        "LOCAL-3, July 2023: unit 'bananas' is not one the catalogue knows: its own unit is used",
        "LOCAL-2, July 2023: not in the catalogue and the return gives no unit: its value is shown as given",
        "LOCAL-3, July 2023: not in the catalogue and the return gives no unit: its value is shown as given",
    ]


def test_a_period_listed_twice_uses_the_first_and_says_where():
    results = calculate(
        catalogue_of(SCORE),
        indicator("SCORE", "2023-07", 1.0, sheet="KPIs", row=5),
        indicator("SCORE", "2023-07", 2.0, sheet="KPIs", row=9),
    )
    assert row_of(results, "SCORE")["value"] == 1
    [problem] = results.problems
    assert (problem.sheet, problem.row) == ("KPIs", 9)
    assert problem.message == "SCORE, July 2023: listed twice for this period: the first is used"


# --- population ---------------------------------------------------------------------------


def referrals_rate(population_table: pd.DataFrame, area: str | None = None) -> IndicatorResults:
    """3,808 referrals in the 12 months to July 2023, as a rate."""
    returns = IndicatorReturns(
        indicators=pd.DataFrame([indicator("REFERRALS-RATE", "2023-07", numerator=3808)]),
        population=population_table,
        area=area,
    )
    return calculate_indicators(returns, catalogue_of(REFERRALS_RATE))


def test_a_rate_uses_the_latest_earlier_population_with_a_note():
    results = referrals_rate(population(("0-17", 2021, 53_000), ("0 - 17", 2022, 54_100), ("18+", 2023, 220_000)))
    assert row_of(results, "REFERRALS-RATE")["value"] == pytest.approx(3808 / 54_100 * 10_000)
    assert messages(results) == ["REFERRALS-RATE, July 2023: no population for 2023: 2022's is used"]


def test_a_rate_with_no_population_is_missing_with_a_warning():
    results = referrals_rate(population(("0-17", 2024, 54_100)))
    assert np.isnan(row_of(results, "REFERRALS-RATE")["value"])
    assert messages(results) == [
        "REFERRALS-RATE, July 2023: no population for age band '0-17' in 2023 or before: the rate cannot be worked out",
    ]


def test_a_population_table_of_several_areas_needs_ours_named():
    table = pd.concat([population(("0-17", 2023, 54_100)), population(("0-17", 2023, 70_000)).assign(area="Wirral")])
    assert row_of(referrals_rate(table, area="Wirral"), "REFERRALS-RATE")["value"] == pytest.approx(3808 / 7)
    assert messages(referrals_rate(table))[0].startswith("the population return holds 2 areas (Sefton, Wirral)")


# --- quartiles ------------------------------------------------------------------------------


def benchmarked(value: float, polarity: str = "high", **frames) -> tuple[pd.Series, list[str]]:
    """Our one indicator's row (July 2023, `value`) against the benchmarks given, and the problem messages."""
    definition = IndicatorDefinition("SCORE", "A score", "number", polarity=polarity)
    returns = IndicatorReturns(indicators=pd.DataFrame([indicator("SCORE", "2023-07", value)]), **frames)
    results = calculate_indicators(returns, catalogue_of(definition))
    return row_of(results, "SCORE"), messages(results)


def cut_points(lower: float, upper: float, comparator: str = "england", **fields) -> pd.DataFrame:
    fields = {"id": "SCORE", "comparator": comparator, "lower_quartile": lower, "upper_quartile": upper, **fields}
    return pd.DataFrame([fields])


def members(values: list[float | None], comparator: str = "sn", **fields) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"id": "SCORE", "comparator": comparator, "authority": f"LA{n}", "value": value, **fields}
            for n, value in enumerate(values)
        ]
    )


@pytest.mark.parametrize(
    ("value", "polarity", "position"),
    [
        (81, "high", "top"),
        (80, "high", "middle"),
        (60, "high", "middle"),
        (59, "high", "bottom"),
        (59, "low", "top"),
        (60, "low", "middle"),
        (80, "low", "middle"),
        (81, "low", "bottom"),
    ],
)
def test_a_value_on_a_cut_point_is_in_the_middle(value, polarity, position):
    # Cut points 60 and 80: ✔ and ✘ mean past a cut point, whichever way is good.
    row, _ = benchmarked(value, polarity, quartiles=cut_points(60, 80))
    assert row["england_quartile"] == position


def test_members_cut_points_are_linear_percentiles():
    # Eight members 10 ... 80: the 25th percentile sits at position 1.75, 20 + 0.75 x 10 = 27.5;
    # the 75th at 5.25, 60 + 0.25 x 10 = 62.5 (numpy 'linear', Excel's QUARTILE.INC).
    values = [80, 10, 70, 20, 60, 30, 50, 40]
    positions = {value: benchmarked(value, members=members(values))[0]["sn_quartile"] for value in (63, 62.5, 27.5, 27)}
    assert positions == {63: "top", 62.5: "middle", 27.5: "middle", 27: "bottom"}
    assert benchmarked(27, "low", members=members(values))[0]["sn_quartile"] == "top"


def test_fewer_than_four_members_give_no_quartile():
    row, notes = benchmarked(99, members=members([10, 20, 30, None]))
    assert row["sn_quartile"] is None
    assert notes == ["SCORE, July 2023: statistical neighbours: 3 members have a value; a quartile needs 4"]
    row, notes = benchmarked(99, members=members([10, 20, 30, 40]))
    assert row["sn_quartile"] == "top" and notes == []


def test_published_cut_points_for_our_period_are_preferred():
    quartiles = pd.concat(
        [
            cut_points(10, 20, "nw", period="2022-23", average=15.0),
            cut_points(60, 80, "nw", period="July 2023", average=70.0),
            cut_points(90, 95, "nw", period="2021-22", average=92.0),
        ]
    )
    row, _ = benchmarked(50, quartiles=quartiles, members=members([1, 2, 3, 4], "nw", period="July 2023"))
    assert (row["nw"], row["nw_quartile"]) == (70, "bottom")


def test_crossed_cut_points_are_a_warning():
    row, problems = benchmarked(50, quartiles=cut_points(80, 60))
    assert row["england_quartile"] is None
    assert problems == [
        "SCORE, July 2023: the England lower quartile is above the upper quartile: no quartile is given",
    ]


def test_quartile_position_needs_every_figure_and_a_polarity():
    value, lower, upper = pd.Series([70.0, np.nan, 70.0]), pd.Series([60.0] * 3), pd.Series([80.0] * 3)
    positions = quartile_position(value, lower, upper, pd.Series(["high", "high", None]))
    assert positions.tolist() == ["middle", None, None]


# --- status -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"), [(65.0, "met"), (70.0, "met"), (60.0, "within tolerance"), (57.0, "missed")]
)
def test_target_rule(value, status):
    # Annual reviews within 12 months: 57% against a 65% target (seed 000) is missed.
    results = calculate(catalogue_of(REVIEWS), indicator("REVIEWS", "2024-03", value, target=65))
    assert row_of(results, "REVIEWS")[["status", "status_source"]].tolist() == [status, "rule"]


def test_a_typed_status_wins_over_the_rule():
    results = calculate(catalogue_of(REVIEWS), indicator("REVIEWS", "2024-03", 57.0, target=65, status=" Amber "))
    assert row_of(results, "REVIEWS")[["status", "status_source"]].tolist() == ["Amber", "author"]
    assert messages(results) == ["REVIEWS, March 2024: the author's status 'Amber' differs from the rule's 'missed'"]


@pytest.mark.parametrize(
    ("june", "july", "sn", "status"),
    [
        (85.0, 90.0, 89.0, "1"),
        (95.0, 90.0, 90.0, "1"),
        (70.0, 80.0, 89.0, "2"),
        (80.0, 80.0, 89.0, "3"),
        (85.0, 80.0, 89.0, "3"),
    ],
)
def test_scheme_123(june, july, sn, status):
    # 1: at or better than the statistical neighbours; 2: short of them but improving; 3: short and not improving.
    rows = indicator("IN-TIME", "2023-06", june, sn=sn), indicator("IN-TIME", "2023-07", july, sn=sn)
    assert row_of(calculate(catalogue_of(IN_TIME), *rows), "IN-TIME")["status"] == status


def test_a_status_rule_that_cannot_apply_is_noted():
    results = calculate(
        catalogue_of(REVIEWS, IN_TIME),
        indicator("REVIEWS", "2024-03", 57.0),
        indicator("IN-TIME", "2024-03", 57.0),
    )
    assert row_of(results, "REVIEWS")["status"] is None and row_of(results, "IN-TIME")["status_source"] is None
    assert messages(results) == [
        "REVIEWS, March 2024: its status rule needs a target",
        "IN-TIME, March 2024: the 1/2/3 status needs the statistical neighbours value",
    ]


# --- presentation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "text"),
    [
        (2_703_204.0, "gbp", 0, "£2,703,204"),
        (28.4, "percent", 1, "28.4%"),
        (114.05, "rate_per_10000", 1, "114.1"),
        (14_213.0, "count", 0, "14,213"),
        (4196.16, "hours", 2, "4,196.16"),
        (-1.2, "gbp", 0, "-£1"),
        (0.5, "count", 0, "1"),
        (2.5, "count", 0, "3"),
        (-0.04, "number", 1, "0.0"),
        (None, "count", 0, ""),
        (np.nan, "percent", 1, ""),
    ],
)
def test_format_value_rounds_half_up_once(value, unit, decimals, text):
    assert format_value(value, unit, decimals) == text


def test_format_change():
    assert format_change(5975.0, 0.2215, "gbp", 0) == "▲ £5,975 (+0.2%)"
    assert format_change(-1.2, -0.21, "gbp", 0) == "▼ -£1 (-0.2%)"
    assert format_change(-1.4, -4.93, "percent", 1) == "▼ -1.4pp (-4.9%)"
    assert format_change(0.04, 0.15, "number", 1, direction="same") == "no change"
    # a change that rounds to nothing has no arrow, whichever way it went (seed 000's card printed "▼ £0 (0.0%)")
    assert format_change(-0.17, -0.03, "gbp", 0, direction="down") == "no change"
    assert format_change(0.049, 0.2, "percent", 1, direction="up") == "no change"
    assert format_change(0.05, 0.2, "percent", 1, direction="up") == "▲ 0.1pp (+0.2%)"
    assert format_change(3.0, None, "count", 0) == "▲ 3"
    assert format_change(None, None, "count", 0) == ""


def test_format_change_pct_the_share_a_card_prints_beside_the_value_then():
    assert format_change_pct(37, 12.013, 0) == "+12.0%"
    assert format_change_pct(-1.2, -0.21, 0) == "-0.2%"
    assert format_change_pct(-0.17, -0.03, 0) == "no change"  # as the change itself: nothing, not "-0.0%"
    assert format_change_pct(3.0, None, 0) == format_change_pct(None, None, 0) == ""


def test_records_are_plain_python_for_json():
    results = calculate(catalogue_of(SCORE), indicator("SCORE", "2023-06", 1.0), indicator("SCORE", "2023-07", 2.5))
    [record] = results.records()
    assert json.loads(json.dumps(record)) == record
    assert [record[key] for key in ("value", "previous", "target", "polarity", "row")] == [2.5, 1.0, None, "high", None]
