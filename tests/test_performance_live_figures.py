"""Live figures the performance appendix's prose and tables state as the seeds' papers do (issue 17): the ChAT
review at the precision the return gives its figures (seed 002: 829, 26%, 171 (25%)), the safeguarding
heatmap's "70% ... in a care home or own home" (seed 000, 0-39) worked out from the heatmap's own counts, and
each printed only where the data gives it; from the sample returns, or from a copy of one the test changes."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop_app.domain.formatting import format_as_given
from desktop_app.domain.indicator_measures import cross_tab_share, months_below_average
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.domain.returns import ReturnKind
from desktop_app.paths import RESOURCES, SAMPLE_DATA
from desktop_app.report.model import Paragraph
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_figures import performance_texts
from desktop_app.report.performance_text import PerformanceTextError, load_performance_text
from tests.test_chat_comparisons import frames_of

SURVEY = SAMPLE_DATA / "survey_2023-24.xlsx"
CHILDRENS = SAMPLE_DATA / "childrens_performance_2023.xlsx"
HOMES = "care home or the person's own home"


def results_of(*paths):
    return calculate_indicators(IndicatorReturns.of(frames_of(*paths)), load_catalogue())


def paragraphs_of(document, key: str) -> str:
    section = next(s for s in document.sections if s.key == key)
    return " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "shown"),
    [
        (829.0, "rate_per_10000", 1, "829"),
        (26.0, "percent", 1, "26%"),
        (20.5, "percent", 1, "20.5%"),
        (728.93, "rate_per_10000", 1, "728.9"),  # never more places than the catalogue's
        (1000.0, "count", 0, "1,000"),
        (None, "percent", 1, ""),
    ],
)
def test_a_figure_at_the_precision_it_is_given(value, unit, decimals, shown):
    assert format_as_given(value, unit, decimals) == shown


def test_the_chat_review_prints_the_returns_figures_as_given_and_the_dashboard_keeps_its_place():
    results = results_of(CHILDRENS)
    figures = performance_texts(results, text=load_performance_text())
    assert (figures["chat_01_previous_as_given"], figures["chat_01_value_as_given"]) == ("829", "611")
    assert figures["chat_08_value_as_given"] == "25%" and figures["chat_08_previous_as_given"] == "20.5%"
    review = next(
        b for s in performance_document(results).sections for b in s.blocks if getattr(b, "key", "") == "chat_review"
    )
    rows = {row[0]: row[1:4] for row in review.texts()[1:]}
    assert rows["Referrals per 10K"] == ["829", "611", "579"]
    assert rows["Re-referrals"] == ["26%", "26%", "21%"]
    assert rows["Number of ICPCs resulting from S47"] == ["193 (20.5%)", "171 (25%)", "NA"]
    # The monthly dashboard's rate keeps the catalogue's one place (728.9, 703.9), as the paper prints it.
    dashboard = [row for key, t in _tables(results).items() if key.startswith("dashboard") for row in t.texts()]
    assert any(row[1].startswith("Referral Starts") and row[3] == "703.9" for row in dashboard)


def _tables(results):
    return {b.key: b for s in performance_document(results).sections for b in s.blocks if hasattr(b, "texts")}


def test_the_share_of_abuse_in_a_care_home_or_own_home_is_worked_out_from_the_heatmap():
    frames = frames_of(SURVEY)
    found = cross_tab_share(frames[ReturnKind.CROSS_TAB], ["Safeguarding"], ["Care Home", "Own Home"])
    assert found is not None and (found.count, found.total) == (4_035, 5_732)
    assert found.share == pytest.approx(70.394, abs=0.001)
    words = paragraphs_of(performance_document(results_of(SURVEY)), "safeguarding")
    assert f"70.4% of the abuse in these enquiries took place in a {HOMES} (4,035 of 5,732)." in words


def test_without_an_own_home_row_the_heatmap_sentence_is_not_printed(tmp_path):
    book = openpyxl.load_workbook(SURVEY)
    sheet = book["Safeguarding"]
    own_home = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Own Home")
    sheet.delete_rows(own_home)
    changed = tmp_path / "survey.xlsx"
    book.save(changed)
    results = results_of(changed)
    assert cross_tab_share(results.cross_tabs, ["Safeguarding"], ["Care Home", "Own Home"]) is None
    document = performance_document(results)
    words = paragraphs_of(document, "safeguarding")
    assert "The heatmap below shows safeguarding enquiries" in words and HOMES not in words
    reasons = [why for what, why in document.left_out if what.startswith("“Safeguarding Enquiries")]
    assert reasons and "the returns give no figure for {safeguarding_care_home_or_own_home_share}" in reasons[0]


MONTHLY = SAMPLE_DATA / "monthly_series_2021-2024.xlsx"
PLACEMENTS = "ASC-LONG-TERM-PLACEMENTS"


def captions_of(document, key: str) -> str:
    section = next(s for s in document.sections if s.key == key)
    return " ".join(
        p.text for b in section.blocks for p in getattr(b, "blocks", (b,)) if getattr(p, "layout", "") == "caption"
    )


def monthly_document(path):
    frames = frames_of(path)
    results = calculate_indicators(IndicatorReturns.of(frames), load_catalogue())
    return results, frames, performance_document(results, monthly=frames[ReturnKind.MONTHLY_SERIES])


def test_the_placements_chart_says_how_many_of_the_last_7_months_were_below_the_12_month_average():
    """Seed 000: "4 out of the last 7 months having lower than average number of new placements". The sample's
    May, July, September and November 2024 (39, 38, 37, 36) are below their rolling average months (42.3, 42.5,
    42.4, 42.5); June, August and October are above."""
    results, frames, document = monthly_document(MONTHLY)
    found = months_below_average(results, frames[ReturnKind.MONTHLY_SERIES], "ASC-M01", 7)
    assert found is not None and (found.below, found.months, found.period) == (4, 7, "November 2024")
    assert "In 4 of the last 7 months new placements were below that average." in captions_of(
        document, "long_term_care"
    )


def test_a_month_above_its_average_is_not_counted_and_without_the_monthly_counts_the_sentence_goes(tmp_path):
    book = openpyxl.load_workbook(MONTHLY)
    sheet = book["Monthly"]
    november = next(
        row
        for row in sheet.iter_rows(min_row=3)
        if row[0].value == "ASC-M01" and row[1].value == dt.datetime(2024, 11, 1)
    )
    november[2].value = 60  # above the 12 months' average month, now 44.5
    changed = tmp_path / "monthly.xlsx"
    book.save(changed)
    _, _, document = monthly_document(changed)
    assert "In 3 of the last 7 months new placements were below that average." in captions_of(
        document, "long_term_care"
    )
    results = results_of(MONTHLY)
    assert months_below_average(results, None, "ASC-M01", 7) is None
    without = performance_document(results)  # no monthly series: the bars' counts are not given
    words = captions_of(without, "long_term_care")
    assert "against the average month of the 12 months to it." in words and "of the last" not in words


FINANCE = "Since the start of the financial year (the week ending 5 April 2024, £2,594,461) the total weekly cost is"


def weekly_document(path):
    frames = frames_of(path)
    results = calculate_indicators(IndicatorReturns.of(frames), load_catalogue())
    weekly = frames.get(ReturnKind.WEEKLY_SERIES)
    return performance_document(results, monthly=frames[ReturnKind.MONTHLY_SERIES], weekly=weekly)


def changed_weekly(tmp_path, change) -> object:
    """A copy of the sample monthly workbook with its Weekly sheet's rows changed by `change(sheet)`."""
    book = openpyxl.load_workbook(MONTHLY)
    change(book["Weekly"])
    path = tmp_path / "monthly.xlsx"
    book.save(path)
    return path


def test_the_weekly_cost_since_the_start_of_the_financial_year_is_the_first_april_week_against_the_latest():
    """Seed 000: "Total weekly expenditure has increased since the beginning of the financial year by £109k ...
    up by 100 people": the week ending 5 April 2024 (£2,594,461; 4,669 clients) against 29 November 2024
    (£2,703,204; 4,769)."""
    words = paragraphs_of(weekly_document(MONTHLY), "finance")
    assert f"{FINANCE} up £108,743 (+4.2%), and the client count is up 100 (+2.1%) on its 4,669." in words


def test_a_weekly_cost_that_fell_since_april_says_so(tmp_path):
    def lower_the_last_week(sheet):
        last = [row for row in sheet.iter_rows(min_row=3) if row[0].value == "ASC-W01"][-1]
        last[2].value = 2_500_000

    words = paragraphs_of(weekly_document(changed_weekly(tmp_path, lower_the_last_week)), "finance")
    assert f"{FINANCE} down £94,461 (-3.6%)" in words


def test_without_an_april_week_the_change_since_the_start_of_the_year_is_not_printed(tmp_path):
    def drop_april(sheet):
        for row in reversed(list(sheet.iter_rows(min_row=3))):
            when = row[1].value
            if row[0].value == "ASC-W01" and isinstance(when, dt.datetime) and when.month == 4:
                sheet.delete_rows(row[0].row)

    document = weekly_document(changed_weekly(tmp_path, drop_april))
    words = paragraphs_of(document, "finance")
    assert "The average weekly cost is the total weekly cost" in words and "financial year" not in words
    assert any("{asc_weekly_cost_fy_change_words}" in why for _, why in document.left_out)


@pytest.mark.parametrize(
    ("shipped", "written", "error"),
    [
        ("recent_months = 7", "recent_months = 0", "recent_months must be a whole number from 1 to 24, not 0"),
        ("recent_months = 7", "recent_months = 25", "recent_months must be a whole number from 1 to 24, not 25"),
        ('show = "cards"\nhorizons', 'shares = { all = ["Care Home"] }\nshow = "cards"\nhorizons', "need show"),
    ],
)
def test_a_text_file_asking_for_a_figure_the_data_cannot_give_says_so(tmp_path, shipped, written, error):
    text = (RESOURCES / "performance_report_text.toml").read_text(encoding="utf-8")
    assert shipped in text
    path = tmp_path / "text.toml"
    path.write_text(text.replace(shipped, written, 1), encoding="utf-8")
    with pytest.raises(PerformanceTextError, match=error):
        load_performance_text(path)
