"""Every MARAC benchmark comparison, hand-worked from seed 001's needs assessment (and fictional years where
the seed prints no figure)."""

from __future__ import annotations

import pandas as pd
import pytest

from desktop_app.domain.formatting import Formatter
from desktop_app.domain.marac import (
    Band,
    Period,
    benchmark_text,
    compare_year,
    load_benchmarks,
    marac_years,
    read_period,
    referral_change,
    statement,
    value_text,
)
from desktop_app.domain.resource_files import ResourceFileError

FORMATTER = Formatter()
#: Seed 001's 2020-21: 737 referrals, 612 from the police (83%), 58 male (7.9%); 275,899 people; 2.6% BAME.
#: 116,750 adult women make SafeLives' 467 (40 x 116,750 / 10,000 = 467.0). The other counts are fictional.
SEED_2020_21 = {
    "year": "2020-21",
    "quarter": 0,
    "referrals": 737,
    "police": 612,
    "male": 58,
    "bame": 29,
    "disability": 140,
    "lgbt": 20,
    "repeats": 320,
    "refuge_spaces": 0,
    "adult_women": 116_750,
    "population": 275_899,
    "bame_population": 2.6,
}


@pytest.fixture(scope="module")
def benchmarks():
    return load_benchmarks()


def year(**changes) -> pd.Series:
    return marac_years(pd.DataFrame([{**SEED_2020_21, **changes}])).iloc[0]


def compared(benchmarks, key: str, **changes):
    comparisons = {c.key: c for name in benchmarks for c in compare_year(year(**changes), benchmarks[name])}
    return comparisons[key]


def said(comparison) -> tuple[str, str, str, str]:
    return (
        value_text(comparison, FORMATTER),
        benchmark_text(comparison),
        comparison.band.value,
        statement(comparison, FORMATTER),
    )


def test_referrals_against_the_safelives_estimate_are_58_percent_above(benchmarks):
    # 40 x 116,750 / 10,000 = 467; 737 / 467 = 1.578 -> 58% above (seed 001: "58% greater")
    comparison = compared(benchmarks, "referrals")
    assert comparison.expected_low == pytest.approx(467.0)
    assert comparison.difference == pytest.approx(57.816, abs=1e-3)
    assert said(comparison) == ("737", "467", "above", "58% above the SafeLives estimate of 467")


def test_referrals_under_the_estimate_say_below_and_a_close_count_says_in_line(benchmarks):
    # 350 / 467 = 0.7495 -> 25% below; 469 / 467 = 1.0043 -> rounds to 0%: in line
    assert said(compared(benchmarks, "referrals", referrals=350))[2:] == (
        "below",
        "25% below the SafeLives estimate of 467",
    )
    assert said(compared(benchmarks, "referrals", referrals=469))[2:] == (
        "within",
        "in line with the SafeLives estimate of 467",
    )


def test_police_share_is_8_points_above_the_range(benchmarks):
    # 612 / 737 = 83.04% -> "83%", 83 - 75 = 8 points
    assert said(compared(benchmarks, "police")) == (
        "83%",
        "60–75%",
        "above",
        "8 percentage points above the SafeLives recommended range of 60–75%",
    )


def test_a_share_that_writes_as_the_top_of_the_range_is_within_it(benchmarks):
    # 555 / 737 = 75.31% is written "75%": within 60-75%, never "0 points above"
    assert said(compared(benchmarks, "police", police=555))[2:] == (
        "within",
        "within the SafeLives recommended range of 60–75%",
    )


def test_male_victims_are_within_5_to_10_percent(benchmarks):
    # 58 / 737 = 7.87% -> "7.9%" (seed 001)
    assert said(compared(benchmarks, "male")) == (
        "7.9%",
        "5–10%",
        "within",
        "within the SafeLives recommended range of 5–10%",
    )


def test_bame_against_safelives_and_against_the_local_population(benchmarks):
    # 29 / 737 = 3.93% -> "3.9%": 8 - 3.9 = 4.1 points below; 3.9 - 2.6 = 1.3 points above
    assert said(compared(benchmarks, "bame")) == (
        "3.9%",
        "about 8%",
        "below",
        "4.1 percentage points below the SafeLives figure of 8%",
    )
    assert said(compared(benchmarks, "bame_local")) == (
        "3.9%",
        "2.6%",
        "above",
        "1.3 percentage points above the local population's share of 2.6%",
    )


def test_disability_below_19_percent(benchmarks):
    # 140 / 737 = 19.00% -> "19.0%": at the figure; 100 / 737 = 13.57% -> "13.6%": 5.4 points below
    assert said(compared(benchmarks, "disability"))[2:] == ("within", "at the recommended figure of 19%")
    assert said(compared(benchmarks, "disability", disability=100)) == (
        "13.6%",
        "about 19%",
        "below",
        "5.4 percentage points below the recommended figure of 19%",
    )


def test_lgbt_within_and_below_the_estimated_range(benchmarks):
    # 20 / 737 = 2.71% -> within 2.5-5.8%; 8 / 737 = 1.09% -> "1.1%": 2.5 - 1.1 = 1.4 points below
    assert said(compared(benchmarks, "lgbt"))[2:] == ("within", "within the estimated range of 2.5–5.8%")
    assert said(compared(benchmarks, "lgbt", lgbt=8)) == (
        "1.1%",
        "2.5–5.8%",
        "below",
        "1.4 percentage points below the estimated range of 2.5–5.8%",
    )


def test_repeats_against_28_to_40_percent(benchmarks):
    # 320 / 737 = 43.42% -> "43.4%": 3.4 points above; 200 / 737 = 27.14% -> "27.1%": 0.9 points below
    assert said(compared(benchmarks, "repeats"))[2:] == (
        "above",
        "3.4 percentage points above the SafeLives recommended range of 28–40%",
    )
    assert said(compared(benchmarks, "repeats", repeats=200))[3] == (
        "0.9 percentage points below the SafeLives recommended range of 28–40%"
    )


def test_refuge_spaces_against_the_council_of_europe_minimum(benchmarks):
    # 275,899 / 10,000 = 27.59 -> 28 spaces (seed 001's table: 275,899 | 28 | 0)
    assert said(compared(benchmarks, "refuge")) == (
        "0",
        "at least 28",
        "below",
        "28 spaces below the Council of Europe minimum of 28",
    )
    assert said(compared(benchmarks, "refuge", refuge_spaces=28))[3] == "meeting the Council of Europe minimum of 28"
    assert said(compared(benchmarks, "refuge", refuge_spaces=31))[3] == (
        "3 spaces above the Council of Europe minimum of 28"
    )


def test_a_missing_figure_or_population_is_not_compared_and_says_why(benchmarks):
    assert said(compared(benchmarks, "lgbt", lgbt=None))[2:] == (
        "not compared",
        "not compared: the return gives no figure for LGBT victims in 2020-21",
    )
    assert statement(compared(benchmarks, "referrals", adult_women=None), FORMATTER) == (
        "not compared: the return gives no adult female population for 2020-21"
    )
    assert compared(benchmarks, "bame_local", bame_population=None).band is Band.NOT_COMPARED


def test_quarters_add_up_to_their_year_and_a_part_year_is_not_held_against_the_estimate(benchmarks):
    quarter = {**SEED_2020_21, "referrals": 180, "police": 150}
    four = marac_years(pd.DataFrame([{**quarter, "quarter": q} for q in (1, 2, 3, 4)]))
    assert four.loc[0, "referrals"] == 720 and four.loc[0, "quarters"] == 4
    three = marac_years(pd.DataFrame([{**quarter, "quarter": q} for q in (1, 2, 3)])).iloc[0]
    (referrals,) = compare_year(three, benchmarks["referrals"])
    assert referrals.band is Band.NOT_COMPARED
    assert "has 3 of its 4 quarters" in referrals.reason
    (police,) = compare_year(three, benchmarks["police"])  # 450 / 540 = 83.3%: shares still compared
    assert (value_text(police, FORMATTER), police.band) == ("83%", Band.ABOVE)


def test_the_change_on_the_year_before_is_28_percent():
    # seed 001: 737 "is a 28% increase on 2019-20"; 576 in 2019-20 gives 737 / 576 = 1.2795
    years = marac_years(pd.DataFrame([{**SEED_2020_21, "year": "2019-20", "referrals": 576}, SEED_2020_21]))
    assert list(years["period"]) == ["2019-20", "2020-21"]
    assert FORMATTER.change(737, 576, referral_change(years)) == ("▲ 28%", "increased by 28%")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2020-21", Period("2020-21")),
        ("2020/2021", Period("2020-21")),
        ("Q1 2020-21", Period("2020-21", 1)),
        ("2020-21 Q4", Period("2020-21", 4)),
        ("2020-22", None),
        ("Twenty", None),
    ],
)
def test_periods_are_read_as_years_and_quarters(text, period):
    assert read_period(text) == period


def test_a_benchmark_file_with_a_share_missing_its_range_names_the_file_and_table(tmp_path):
    path = tmp_path / "benchmarks.toml"
    path.write_text(
        '[benchmarks.police]\nlabel = "Police"\nkind = "share"\ncount = "police"\nlow = 60\n'
        'name = "the range"\nsource = "SafeLives"\ndate = "2022"\n',
        encoding="utf-8",
    )
    with pytest.raises(ResourceFileError, match=r"benchmarks.toml: \[benchmarks.police\] a share needs low and high"):
        load_benchmarks(path)


def test_every_shipped_benchmark_says_its_source_date_and_where_it_was_checked(benchmarks):
    assert list(benchmarks) == ["referrals", "police", "male", "bame", "disability", "lgbt", "repeats", "refuge"]
    assert all(b.source and b.date and b.seen_in for b in benchmarks.values())
    assert (benchmarks["police"].low, benchmarks["police"].high) == (60, 75)
    assert (benchmarks["refuge"].rate, benchmarks["refuge"].per) == (1, 10_000)
