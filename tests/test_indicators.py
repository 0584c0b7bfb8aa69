"""The indicators engine reproduces the figures the seeds' papers publish (no Excel, no Qt).

Frames are built here in the shapes desktop_app.domain.returns gives; line
numbers point into /work/shared/seeds.
"""

from __future__ import annotations

import pandas as pd
import pytest

from desktop_app.domain.formatting import ARROWS, format_change, format_value
from desktop_app.domain.indicators import (
    Catalogue,
    IndicatorResults,
    IndicatorReturns,
    calculate_indicators,
    load_catalogue,
)
from desktop_app.domain.quartiles import MARKS

# --- building returns ------------------------------------------------------------


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


def month(label: str) -> dict[str, object]:
    """A monthly period as a return writes it ('July 2023') and the reader dates it (its last day)."""
    period = pd.Period(label, "M")
    return {"period": period.strftime("%B %Y"), "period_end": period.end_time.normalize()}


def indicator(id_: str, period: str, value: float | None = None, **fields: object) -> dict[str, object]:
    """One row of an indicator return: `id_` as written (it is the name too), `period` as '2023-07'."""
    return {"id": id_, "name": id_, **month(period), "value": value, **fields}


def dated(id_: str, day: str, value: float | None = None, **fields: object) -> dict[str, object]:
    """One row of an indicator return for a period ending on `day` (a week, say)."""
    return {"id": id_, "name": id_, "period": day, "period_end": pd.Timestamp(day), "value": value, **fields}


def population(*rows: tuple[str, int, float]) -> pd.DataFrame:
    """Our area's population: (age band, year, population) rows."""
    return pd.DataFrame(rows, columns=["age_band", "year", "population"]).assign(area="Sefton")


def calculate(catalogue: Catalogue, *rows: dict[str, object], period=None, **frames: object) -> IndicatorResults:
    returns = IndicatorReturns(indicators=pd.DataFrame(rows) if rows else None, **frames)
    return calculate_indicators(returns, catalogue, period)


def id_of(results: IndicatorResults, id_: str) -> str:
    """A row's own id: `id_` where a row has it, else that of the one row linked to the catalogue entry `id_`."""
    table = results.table
    if table["id"].eq(id_).any():
        return id_
    [linked] = table.loc[table["catalogue_id"].eq(id_), "id"]
    return str(linked)


def row_of(results: IndicatorResults, id_: str) -> pd.Series:
    """The row of `id_`, or of the one row linked to the catalogue entry `id_`."""
    return results.table.set_index("id").loc[id_of(results, id_)]


def messages(results: IndicatorResults) -> list[str]:
    return [problem.message for problem in results.problems]


# --- ChAT review (seed 002 lines 2432-2460) ------------------------------------------

CHAT = [  # as written, Jan 23, July 23, SN rate
    ("Referrals per 10K", 829, 611, 579),
    ("Assessments completed 45 days", 74, 56, 89),
    ("S47 per 10k", 348, 260, 207),
    ("CP per 10k", 66, 59, 50),
    ("Cared for 10k", 114, 114, 90),
]


def test_chat_review_directions_and_judgements(catalogue):
    rows = [
        row
        for name, january, july, sn in CHAT
        for row in (indicator(name, "2023-01", january, sn=sn), indicator(name, "2023-07", july, sn=sn))
    ]
    table = calculate(catalogue, *rows).table
    assert table["id"].tolist() == [name for name, *_ in CHAT]  # as written, each linked by its name
    assert table["catalogue_id"].tolist() == [
        "CSC-REFERRALS-RATE",
        "CSC-ASSESSMENTS-45-DAYS",
        "CSC-S47-RATE",
        "CSC-CP-RATE",
        "CSC-CARED-FOR-RATE",
    ]
    assert table["period"].tolist() == ["July 2023"] * 5
    assert table["previous_period"].tolist() == ["January 2023"] * 5
    assert table["direction"].tolist() == ["down", "down", "down", "down", "same"]
    # Fewer referrals, S47 enquiries and plans are better (demand well above the SN rate); slower assessments worse.
    assert table["judgement"].tolist() == ["better", "worse", "better", "better", "same"]
    # No status typed: the 1/2/3 rule. All are short of the SN rate; improving gives 2, not improving 3.
    assert table["status"].tolist() == ["2", "3", "2", "2", "3"]
    assert set(table["status_source"]) == {"rule"}
    # "Significant decrease of over 25%" (S47, line 2448): 348 -> 260 is -25.3%.
    assert table.set_index("catalogue_id").loc["CSC-S47-RATE", "change_pct"] == pytest.approx(-88 / 348 * 100)


# --- dashboard (seed 002 lines 2461-2500) ----------------------------------------------

DASHBOARD = [  # as written, June, July, SN, published status, published arrow
    ("MASH Contact Starts in last 12 Months (Nos)", 14014, 14213, None, "2", "▲"),
    ("Referral Starts in last 12 Months (Nos)", 3943, 3808, None, "2", "▼"),
    ("Contact to Referral Conversion Rate Last 12 Months (%)", 28.4, 27.0, None, "2", "▼"),
    ("Referral Starts in last 12 Months (Rate per 10,000 children)", 728.9, 703.9, 579.3, "3", "▼"),
    ("Cared for Children - Currently Open (Nos)", 610, 617, None, "3", "▲"),
    ("Cared for Children - Currently Open (Rate per 10,000 children)", 112.8, 114.1, 89, "3", "▲"),
    ("Assessments Completed within 45 Working Days - in last 12 Months (%)", 68.2, 66.5, 89.2, "3", "▼"),
    (
        "Initial Child Protection Conferences held within 15 Working Days - in last 12 Months (%)",
        86.3,
        83.5,
        82.5,
        "1",
        "▼",
    ),
    ("Cared for Children (Open) with a Visit within Statutory Timescales (%)", 91.0, 92.2, None, "1", "▲"),
    (
        "Children who became the subject of a Child Protection Plan for a subsequent time in last 12 Months (%)",
        16.4,
        18.3,
        25.1,
        "1",
        "▲",
    ),
    ("Care Experienced aged 19-21 Currently in Education, Employment, or Training (%)", 45.6, 45, 50, "2", "▼"),
]


def dashboard(catalogue: Catalogue, with_status: bool) -> IndicatorResults:
    rows = []
    for name, june, july, sn, status, _ in DASHBOARD:
        rows += [indicator(name, "2023-06", june, sn=sn), indicator(name, "2023-07", july, sn=sn)]
        if with_status:
            rows[-1]["status"] = status
    return calculate(catalogue, *rows)


def test_dashboard_direction_arrows(catalogue):
    table = dashboard(catalogue, with_status=True).table
    assert table["direction"].map(ARROWS).tolist() == [arrow for *_, arrow in DASHBOARD]
    assert table["judgement"].tolist() == [
        None,
        "better",
        "better",
        "better",
        "worse",
        "worse",
        "worse",
        "worse",
        "better",
        "worse",
        "worse",
    ]


def test_assessments_within_45_days_fall_further_from_the_sn_rate(catalogue):
    row = row_of(dashboard(catalogue, with_status=False), "CSC-ASSESSMENTS-45-DAYS")
    assert (row["previous"], row["value"], row["sn"]) == (68.2, 66.5, 89.2)
    assert (row["direction"], row["judgement"], row["status"], row["status_source"]) == ("down", "worse", "3", "rule")
    assert row["change"] == pytest.approx(-1.7)
    assert format_value(row["value"], row["unit"], row["decimals"]) == "66.5%"


def test_the_authors_status_wins_and_a_different_rule_status_is_noted(catalogue):
    results = dashboard(catalogue, with_status=True)
    table = results.table
    assert table["status"].tolist() == [status for *_, status, _ in DASHBOARD]
    assert set(table["status_source"]) == {"author"}
    # The 1/2/3 rule agrees with the author on the assessments (3), cared-for rate (3), ICPC (1) and
    # repeat plans (1); the author judged the referral rate (improving: rule 2) and EET (worse: rule 3) otherwise.
    assert [m for m in messages(results) if "differs" in m] == [
        "Referral Starts in last 12 Months (Rate per 10,000 children), July 2023: "
        "the author's status '3' differs from the rule's '2'",
        "Care Experienced aged 19-21 Currently in Education, Employment, or Training (%), July 2023: "
        "the author's status '2' differs from the rule's '3'",
    ]


def test_dashboard_arrows_that_the_figures_do_not_support(catalogue):
    results = calculate(
        catalogue,
        indicator(
            "Children with a Previous Referral within 12 months of their latest Referral - Rolling 12 Months (%)",
            "2023-06",
            26.5,
            sn=21.1,
        ),
        indicator(
            "Children with a Previous Referral within 12 months of their latest Referral - Rolling 12 Months (%)",
            "2023-07",
            26.5,
            sn=21.1,
        ),
        indicator("Sickness Absence", "2023-06", None),
        indicator("Sickness Absence", "2023-07", 7.74),
    )
    # Published ▲ for 26.5 -> 26.5 (line 2486): from unrounded figures, or a slip; as published it is no change.
    rereferrals = row_of(results, "CSC-REREFERRALS")
    assert (rereferrals["direction"], rereferrals["judgement"]) == ("same", "same")
    # Published ▼ for NA -> 7.74% (line 2494): there is nothing to compare with.
    sickness = row_of(results, "CSC-SICKNESS")
    assert sickness["direction"] is None and sickness["judgement"] is None
    assert format_value(sickness["value"], sickness["unit"], sickness["decimals"]) == "7.74%"


# --- counterfactual (seed 002 lines 2403-2407) ---------------------------------------------


def test_cared_for_children_at_the_statistical_neighbours_rate(catalogue):
    # "617 cared for children ... at the same rate as our statistical neighbours this number
    # would be 487, a reduction of 130": 114 per 10,000 against 90, 0-17 population about 54,100.
    results = calculate(
        catalogue,
        indicator("Cared for 10k", "2023-07", numerator=617, sn=90),
        population=population(("0-17", 2023, 54_100)),
    )
    row = row_of(results, "CSC-CARED-FOR-RATE")
    assert row["value"] == pytest.approx(114.048, abs=1e-3)
    assert format_value(row["value"], row["unit"], 0) == "114"
    assert row["at_sn_rate"] == pytest.approx(486.9)
    assert format_value(row["at_sn_rate"], "count", 0) == "487"
    assert row["at_sn_difference"] == pytest.approx(-130.1)
    assert format_value(row["at_sn_difference"], "count", 0) == "-130"
    assert messages(results) == ["Cared for 10k, July 2023: the 1/2/3 status needs the previous period's value"]


def test_a_rate_given_as_a_value_still_has_a_counterfactual(catalogue):
    results = calculate(
        catalogue,
        indicator("Cared for 10k", "2023-07", 114.0, sn=90),
        population=population(("0-17", 2023, 54_100)),
    )
    row = row_of(results, "CSC-CARED-FOR-RATE")
    assert row["at_sn_rate"] == pytest.approx(486.9)
    assert row["at_sn_difference"] == pytest.approx(486.9 - 616.74)  # 114 x 5.41 = 616.74 children


# --- change cards (seed 000 lines 195-225) ---------------------------------------------------

WEEKS = {  # the week shown, and the same seven days a week, a month, a quarter and a year before
    "2024-11-29": (2_703_204, 4_769),
    "2024-11-22": (2_697_229, 4_757),
    "2024-11-01": (2_678_980, 4_687),
    "2024-08-30": (2_667_155, 4_647),
    "2023-12-01": (2_432_333, 4_716),
}


def weekly_finance(catalogue: Catalogue) -> IndicatorResults:
    rows = [
        row
        for day, (cost, clients) in WEEKS.items()
        for row in (
            dated("Total Weekly Cost", day, cost),
            dated("Client Count Snapshot", day, clients),
            dated("Average Weekly Cost", day, numerator=cost, denominator=clients),
        )
    ]
    return calculate(catalogue, *rows)


def card_texts(results: IndicatorResults, id_: str, pct_decimals: int = 1) -> dict[str, str]:
    cards = results.cards[results.cards["id"] == id_of(results, id_)]
    return {
        card.horizon: format_change(
            card.change, card.change_pct, card.unit, card.decimals, card.direction, pct_decimals
        )
        for card in cards.itertuples()
    }


def test_total_weekly_cost_cards(catalogue):
    results = weekly_finance(catalogue)
    row = row_of(results, "ASC-WEEKLY-COST")
    assert format_value(row["value"], row["unit"], row["decimals"]) == "£2,703,204"
    assert card_texts(results, "ASC-WEEKLY-COST") == {
        "week": "▲ £5,975 (+0.2%)",
        "month": "▲ £24,224 (+0.9%)",
        "quarter": "▲ £36,049 (+1.4%)",
        "year": "▲ £270,871 (+11.1%)",
    }


def test_client_count_cards(catalogue):
    results = weekly_finance(catalogue)
    assert format_value(row_of(results, "ASC-CLIENTS")["value"], "count", 0) == "4,769"
    assert card_texts(results, "ASC-CLIENTS") == {
        "week": "▲ 12 (+0.3%)",
        "month": "▲ 82 (+1.7%)",
        "quarter": "▲ 122 (+2.6%)",
        "year": "▲ 53 (+1.1%)",
    }


def test_average_weekly_cost_is_worked_out_from_the_totals(catalogue):
    # Slip in the published card: "Average Weekly Cost £564", but £2,703,204 / 4,769 = £566.83.
    # The published changes (▲ £2, ▼ -£1, ▼ -£1, ▲ £48) do not follow from the totals either.
    results = weekly_finance(catalogue)
    row = row_of(results, "ASC-AVERAGE-WEEKLY-COST")
    assert row["value"] == pytest.approx(566.83, abs=0.005)
    assert format_value(row["value"], row["unit"], row["decimals"]) == "£567"
    assert card_texts(results, "ASC-AVERAGE-WEEKLY-COST") == {
        "week": "no change",  # £567.00 a week before: 17p less, which rounds to £0 (never "▼ £0 (0.0%)")
        "month": "▼ -£5 (-0.8%)",
        "quarter": "▼ -£7 (-1.2%)",
        "year": "▲ £51 (+9.9%)",  # £515.77 a year before; published ▲ £48 (+9.3%)
    }


def test_reablement_year_on_year_percentages_use_unrounded_values(catalogue):
    # Seed 000 lines 244-262: Packages 345, last year 308 (+12.01%); hours 4,196.16 vs 3,672.39 (+14.26%);
    # hours per person 12.2 vs 11.9 shown as +2.01%: only 12.163 vs 11.923 gives that (12.2 / 11.9 is +2.52%).
    rows = [
        row
        for day, packages, hours in (("2023-11-29", 308, 3_672.39), ("2024-11-29", 345, 4_196.16))
        for row in (
            dated("Packages Of Care", day, packages),
            dated("Total Weekly Hours", day, hours),
            dated("Average Weekly Hours Per Person", day, numerator=hours, denominator=packages),
        )
    ]
    results = calculate(catalogue, *rows)
    assert card_texts(results, "ASC-REABLEMENT-PACKAGES", pct_decimals=2) == {"year": "▲ 37 (+12.01%)"}
    assert card_texts(results, "ASC-REABLEMENT-HOURS", pct_decimals=2) == {"year": "▲ 523.77 (+14.26%)"}
    per_person = row_of(results, "ASC-REABLEMENT-HOURS-PER-PERSON")
    assert format_value(per_person["value"], "hours", 1) == "12.2"
    assert format_value(per_person["same_period_last_year"], "hours", 1) == "11.9"
    assert per_person["value"] == pytest.approx(12.163, abs=5e-4)
    assert per_person["same_period_last_year"] == pytest.approx(11.923, abs=5e-4)
    assert card_texts(results, "ASC-REABLEMENT-HOURS-PER-PERSON", pct_decimals=2) == {"year": "▲ 0.2 (+2.01%)"}


# --- survey quartile markers (seed 000 lines 411-470) ------------------------------------

# theme, good is, Sefton, then statistical neighbours, North West, England: (published marker, average)
CARERS = [
    ("Satisfaction (carers)", "high", 63.4, ("▬", 69.5), ("▬", 66.8), ("▬", 67.1)),
    ("Control (carers)", "high", 13.7, ("✘", 21.4), ("✘", 21), ("✘", 21.5)),
    ("Time spent (carers)", "high", 11, ("✘", 15.3), ("✘", 15.1), ("✘", 16)),
    ("Self-neglect (carers)", "high", 46.7, ("▬", 47.1), ("▬", 47), ("▬", 46.7)),
    ("Social contact (carers)", "high", 26.8, ("▬", 30.8), ("▬", 30.4), ("▬", 30)),
    ("Involvement (carers)", "high", 29.3, ("✘", 38.3), ("✘", 36.9), ("✘", 36.9)),
    ("Financial difficulties (carers)", "high", 52.8, ("▬", 57.1), ("▬", 54), ("▬", 53.4)),
    ("Safety (carers)", "high", 79.7, ("▬", 81.7), ("▬", 82.3), ("▬", 81)),
    ("Information & Advice (carers)", "high", 55.3, ("✘", 63.1), ("✘", 58.7), ("▬", 59)),
    ("Loneliness (carers)", "low", 19.9, ("✘", 13.4), ("✘", 15.6), ("✘", 13.3)),
]
ASCS = [
    ("Satisfaction (service users)", "high", 89.6, ("▬", 90), ("▬", 88.9), ("▬", 88.7)),
    ("Choice (service users)", "high", 65.2, ("✘", 70.2), ("▬", 67.8), ("▬", 66.2)),
    ("Control (service users)", "high", 75.3, ("✘", 79.6), ("▬", 78.6), ("▬", 77.6)),
    ("General health (service users)", "low", 19.2, ("▬", 18), ("▬", 19.6), ("▬", 18.3)),
    ("Pain and discomfort (service users)", "low", 15.6, ("✘", 13), ("▬", 13.9), ("✘", 13.2)),
    ("Anxiety and depression (service users)", "low", 12.1, ("✘", 7.8), ("✘", 9), ("✘", 8.7)),
    ("Social contact (service users)", "high", 74.6, ("✘", 79.4), ("▬", 77.6), ("▬", 76.9)),
    ("Loneliness (service users)", "low", 43.2, ("✘", 39.4), ("▬", 39.6), ("▬", 40.8)),
    ("Time spent (service users)", "high", 62.2, ("✘", 70.8), ("✘", 69.1), ("✘", 69.1)),
    ("Getting outside (service users)", "high", 28.9, ("▬", 31.2), ("▬", 29.7), ("▬", 29.6)),
]
GROUPS = ("sn", "nw", "england")


def invented_cut_points(value: float, polarity: str, marker: str, average: float) -> tuple[float, float]:
    """A plausible lower and upper quartile for a group of which the papers publish only the average.

    The inter-quartile range holds the average and lies clear of Sefton's value
    on the side the published marker says (▬: it holds Sefton's value too).
    """
    if marker == "▬":
        return min(value, average) - 1, max(value, average) + 1
    if (polarity == "high") == (marker == "✘"):  # Sefton below the range
        lower = value + 0.5
        return lower, max(average, lower) + 1
    upper = value - 0.5
    return min(average, upper) - 1, upper


def survey_returns() -> IndicatorReturns:
    themes = CARERS + ASCS
    survey = pd.DataFrame(
        [(theme, polarity, value, *(average for _, average in groups)) for theme, polarity, value, *groups in themes],
        columns=["theme", "polarity", "value", *GROUPS],
    )
    quartiles = pd.DataFrame(
        [
            (theme, code, *invented_cut_points(value, polarity, marker, average))
            for theme, polarity, value, *groups in themes
            for code, (marker, average) in zip(GROUPS, groups, strict=True)
        ],
        columns=["id", "comparator", "lower_quartile", "upper_quartile"],
    )
    return IndicatorReturns(survey=survey, quartiles=quartiles)


def test_every_survey_marker_follows_from_the_groups_cut_points(catalogue):
    results = calculate_indicators(survey_returns(), catalogue)
    table = results.table
    shown = table[[f"{code}_quartile" for code in GROUPS]].map(MARKS.get)
    published = [[marker for marker, _ in theme[3:]] for theme in CARERS + ASCS]
    assert shown.values.tolist() == published
    assert table["id"].str.startswith(("SACE-", "ASCS-")).all()
    assert results.problems == ()


def test_a_marker_is_not_the_distance_from_the_average(catalogue):
    # Information & Advice (carers) 55.3 is ✘ against the North West (average 58.7) and ▬ against
    # England (average 59): closer to the average yet worse placed. The groups' spreads decide.
    row = row_of(calculate_indicators(survey_returns(), catalogue), "SACE-INFORMATION")
    assert (row["nw"], row["england"]) == (58.7, 59)
    assert (row["nw_quartile"], row["england_quartile"]) == ("bottom", "middle")


def test_for_loneliness_low_is_good(catalogue):
    row = row_of(calculate_indicators(survey_returns(), catalogue), "SACE-LONELINESS")
    assert row["polarity"] == "low"
    assert (row["value"], row["sn"]) == (19.9, 13.4)
    assert row["sn_quartile"] == "bottom"  # the most lonely carers: the worst quarter
