"""Seed 000's prose figures printed from the data: contacts up 10% on the year before (0-19), 22% more annual
reviews than in the same period last year (0-29) and around 30% of safeguarding referrals leading to a section
42 enquiry (0-35). Each is one domain function (domain.indicator_measures) and one formatter
(report.performance_figures), a {placeholder} the shipped performance text uses; read from real workbooks: the
sample monthly return and returns the tests write."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from desktop_app.domain.indicator_measures import share_counts, year_on_year
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, has_month_average, load_catalogue
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.paths import SAMPLE_DATA
from desktop_app.pdf.performance_report import write_performance_report
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_figures import MISSING, performance_texts
from desktop_app.report.performance_text import DEFAULT_TEXT_FILE, load_performance_text
from tests.pdf_structure import page_lines
from tests.test_adult_charts import charts_of, paragraphs_of

MONTHLY = SAMPLE_DATA / "monthly_series_2021-2024.xlsx"
HEADER = ("ID", "Month", "Value", "Numerator", "Denominator", "Notes")
MONTHS = [dt.date(2022 + (11 + n) // 12, (11 + n) % 12 + 1, 1) for n in range(24)]  # Dec 2022 - Nov 2024


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return Importer().import_file(MONTHLY).frame(ReturnKind.MONTHLY_SERIES)


def results_of(monthly: pd.DataFrame):
    return calculate_indicators(IndicatorReturns(monthly=monthly), load_catalogue())


def monthly_return(write_workbook, series: dict[str, list[tuple]]) -> pd.DataFrame:
    """A monthly series return written as a real workbook, one (value, numerator, denominator) a month, and read."""
    rows = [
        (series_id, month, *figures, None)
        for series_id, months in series.items()
        for month, figures in zip(MONTHS[-len(months) :], months, strict=True)
    ]
    path = write_workbook(rows, HEADER, (("Adult Social Care - monthly counts",),), "Monthly", "monthly.xlsx")
    imported = Importer().import_file(path)
    assert [p for p in imported.problems if p.severity.name == "ERROR"] == []
    return imported.frame(ReturnKind.MONTHLY_SERIES)


# --- the sample return gives the seed's figures ---------------------------------------------------------------


def test_the_sample_return_gives_seed_000s_three_figures(sample):
    results = results_of(sample)
    contacts = year_on_year(results, "ASC-M02")
    assert (contacts.value, contacts.year_before) == (25_800, 23_455)  # 2,150 a month, risen by 10%
    assert contacts.change_pct == pytest.approx(10.0, abs=0.05)
    reviews = year_on_year(results, "ASC-M15")
    assert (reviews.value, reviews.year_before, reviews.period) == (2_440, 2_000, "November 2024")
    assert reviews.change_pct == pytest.approx(22.0)
    s42 = share_counts(results, "ASC-M16")
    assert (s42.numerator, s42.denominator) == (986, 3_288)  # the 12 months' 274 referrals a month
    figures = performance_texts(results)
    assert figures["asc_contacts_year_on_year"] == "up 10.0%" and figures["asc_contacts_year_before"] == "23,455"
    assert figures["asc_annual_reviews_value"] == "2,440" and figures["asc_annual_reviews_year_before"] == "2,000"
    assert figures["asc_annual_reviews_year_on_year"] == "up 22.0%"
    assert figures["asc_safeguarding_s42_value"] == "30.0%"
    assert (figures["asc_safeguarding_s42_numerator"], figures["asc_safeguarding_s42_denominator"]) == ("986", "3,288")


def test_the_shipped_text_prints_the_three_sentences_in_the_appendix(sample, tmp_path):
    results = results_of(sample)
    document = performance_document(results, monthly=sample)
    assert "an average of 2,150 a month: up 10.0% on the 23,455 of the 12 months before" in paragraphs_of(
        document, "first_contact"
    )
    assert (
        "During the 12 months to November 2024, teams completed 2,440 annual reviews, up 22.0% on the 2,000 "
        "completed in the 12 months before." in paragraphs_of(document, "reviews")
    )
    assert (
        "Of the 3,288 referrals in the 12 months to November 2024, 986 (30.0%) led to a section 42 enquiry"
        in paragraphs_of(document, "safeguarding_activity")
    )
    path = tmp_path / "appendix.pdf"
    write_performance_report(results, path, monthly=sample)
    printed = " ".join(line for page in page_lines(path) for line in page)
    for words in ("up 10.0% on the 23,455", "2,440 annual reviews, up 22.0% on the 2,000", "986 (30.0%) led to"):
        assert words in printed


# --- the figures follow the data ----------------------------------------------------------------------------


def test_a_fall_no_change_and_a_share_from_a_return_of_our_own(write_workbook):
    monthly = monthly_return(
        write_workbook,
        {
            "ASC-M02": [(1_000, None, None)] * 12 + [(900, None, None)] * 12,  # 12,000 then 10,800
            "ASC-M15": [(150, None, None)] * 24,  # the same each year
            "ASC-M11": [(None, 55, 100)] * 24,  # the section's chart: the share of long-term clients reviewed
            "ASC-M16": [(None, 10, 40)] * 12 + [(None, 12, 40)] * 12,  # 144 of 480 in the last 12 months
        },
    )
    results = results_of(monthly)
    figures = performance_texts(results)
    assert figures["asc_contacts_year_on_year"] == "down 10.0%" and figures["asc_contacts_year_before"] == "12,000"
    assert figures["asc_annual_reviews_year_on_year"] == "unchanged"
    assert figures["asc_safeguarding_s42_value"] == "30.0%"
    assert (figures["asc_safeguarding_s42_numerator"], figures["asc_safeguarding_s42_denominator"]) == ("144", "480")
    # 25.0% to 30.0%: a share's change on the year is in points, not a per cent of a per cent ("up 20.0%")
    assert figures["asc_safeguarding_s42_year_on_year"] == "up 5.0 percentage points"
    assert figures["asc_safeguarding_s42_year_before"] == "25.0%"
    document = performance_document(results, monthly=monthly)
    assert "down 10.0% on the 12,000 of the 12 months before" in paragraphs_of(document, "first_contact")
    assert "2,440" not in paragraphs_of(document, "reviews")
    assert "1,800 annual reviews, unchanged on the 1,800" in paragraphs_of(document, "reviews")


def test_a_year_the_return_does_not_reach_back_to_is_no_figure(write_workbook):
    """Twelve months only: this year's 12-month count, and nothing a year before it to set it against."""
    monthly = monthly_return(write_workbook, {"ASC-M02": [(2_000, None, None)] * 13})
    results = results_of(monthly)
    assert year_on_year(results, "ASC-M02") is None
    assert share_counts(results, "ASC-M02") is None  # a count, not a share of anything
    figures = performance_texts(results)
    assert figures["asc_contacts_value"] == "24,000"
    assert figures["asc_contacts_year_on_year"] == MISSING and figures["asc_contacts_year_before"] == MISSING
    document = performance_document(results, monthly=monthly)
    assert "on the 12 months before" not in paragraphs_of(document, "first_contact")


def test_the_new_series_are_in_the_catalogue_and_the_shipped_text_names_their_figures():
    catalogue = load_catalogue()
    reviews, s42 = catalogue.definitions["ASC-ANNUAL-REVIEWS"], catalogue.definitions["ASC-SAFEGUARDING-S42"]
    assert (reviews.unit, reviews.rolling, "ASC-M15" in reviews.aliases) == ("count", "sum", True)
    assert (s42.unit, s42.rolling, "ASC-M16" in s42.aliases) == ("percent", "ratio_of_sums", True)
    shipped = DEFAULT_TEXT_FILE.read_text(encoding="utf-8")
    for name in ("asc_contacts_year_on_year", "asc_annual_reviews_year_on_year", "asc_safeguarding_s42_numerator"):
        assert "{" + name + "}" in shipped
    load_performance_text()


# --- one rule for a 12-month average ----------------------------------------------------------------------------


def test_a_count_has_a_12_month_average_and_a_share_a_rate_or_a_cost_has_none(sample):
    assert has_month_average("count")
    assert not any(has_month_average(unit) for unit in ("percent", "rate_per_10000", "gbp", None))
    results = results_of(sample)
    table = results.table.set_index("id")
    assert table.loc["ASC-M02", "month_average"] == 2_150  # 25,800 contacts in 12 months
    assert pd.isna(table.loc["ASC-M16", "month_average"])  # 30.0% of referrals: no average month
    charts = charts_of(performance_document(results, monthly=sample))
    assert [s.style for s in charts["Contacts received by month"].series] == ["bars", "line"]


def test_a_monthly_counts_chart_of_a_share_draws_its_bars_without_an_average(sample, tmp_path):
    shipped = DEFAULT_TEXT_FILE.read_text(encoding="utf-8")
    path = tmp_path / "text.toml"
    path.write_text(
        shipped.replace(
            'indicator = "ASC-CONTACTS"\nkind = "monthly_counts"',
            'indicator = "ASC-SAFEGUARDING-S42"\nkind = "monthly_counts"\nseries = "ASC-M16"',
            1,
        ),
        encoding="utf-8",
    )
    results = results_of(sample)
    chart = charts_of(performance_document(results, monthly=sample, text=load_performance_text(path)))[
        "Contacts received by month"
    ]
    assert [s.style for s in chart.series] == ["bars"]


def test_the_proof_of_the_shipped_sentences_finds_nothing(capsys):
    """986 of 3,288 is 29.99%: the live "30.0%" beside them is the share at the report's rounding, no slip."""
    from tests.test_proof import performance_proof, serious

    _, findings = performance_proof(capsys)
    sections = ("first_contact", "reviews", "safeguarding_activity")
    assert [f for f in findings if f["where"]["section"] in sections and f["kind"] == "percentage"] == []
    assert serious(findings) == []
