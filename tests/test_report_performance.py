"""The performance appendix's model: the chart's alternative text from its data, the dashboard's group order
shared by the window and the PDF, and the status colours the window and the PDF share."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.indicators import IndicatorResults, IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.gui.indicators_model import GROUP, STATUS, IndicatorsModel
from desktop_app.paths import SAMPLE_DATA
from desktop_app.pdf.style import load_style
from desktop_app.report.charts import chart_alt_text
from desktop_app.report.complaints_figures import key_of
from desktop_app.report.model import Cards, Chart, ChartSeries, Keep, Table
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_text import load_performance_text
from desktop_app.report.statuses import load_statuses, style_colours

RETURNS = [
    "childrens_performance_2023.xlsx",
    "benchmarks_2023.xlsx",
    "survey_2023-24.xlsx",
    "population_2023.xlsx",
    "monthly_series_2021-2024.xlsx",
]
MONTHS = ("August 2022", "September 2022", "October 2022", "November 2022")


@pytest.fixture(scope="module")
def frames() -> dict[ReturnKind, pd.DataFrame | None]:
    importer = Importer()
    imported = [importer.import_file(SAMPLE_DATA / name) for name in RETURNS]
    by_kind: dict[ReturnKind, pd.DataFrame | None] = {}
    for kind in ReturnKind:
        parts = [part for part in (result.frame(kind) for result in imported) if len(part)]
        by_kind[kind] = pd.concat(parts, ignore_index=True) if parts else None
    return by_kind


@pytest.fixture(scope="module")
def results(frames) -> IndicatorResults:
    kinds = (
        ReturnKind.INDICATORS,
        ReturnKind.MONTHLY_SERIES,
        ReturnKind.SURVEY,
        ReturnKind.BENCHMARK_QUARTILES,
        ReturnKind.BENCHMARK_MEMBERS,
        ReturnKind.POPULATION,
    )
    return calculate_indicators(IndicatorReturns(*(frames[kind] for kind in kinds)), load_catalogue())


def chart(kind: str, *series: ChartSeries, unit: str = "count", decimals: int = 0) -> Chart:
    labels = tuple(f"{month[:3]} {month[-2:]}" for month in MONTHS)
    return Chart("c", kind, "Contacts by month", labels, series, "", unit=unit, periods=MONTHS, decimals=decimals)


# --- a chart's alternative text, from its data -------------------------------------------------


def test_the_alternative_text_of_bars_and_a_rising_line():
    bars = ChartSeries("Contacts received", (1402.0, 1051.0, 1200.4, 1300.0), style="bars")
    line = ChartSeries("Rolling 12-month average", (1150.2, None, 1200.0, 1250.6))
    assert chart_alt_text(chart("monthly_counts", bars, line)) == (
        "Bar chart with a line: Contacts by month, August 2022 to November 2022. "
        "Contacts received: between 1,051 and 1,402 a month, 1,300 in November 2022. "
        "Rolling 12-month average: rose from 1,150 in August 2022 to 1,251 in November 2022."
    )


def test_the_alternative_text_of_a_falling_percentage_with_a_comparator():
    line = ChartSeries("Within 45 days", (68.25, 70.0, 61.0, 66.5))
    level = ChartSeries("Statistical neighbours", (89.2,) * 4, style="dashed")
    text = chart_alt_text(chart("rolling_percent", line, level, unit="%", decimals=1))
    assert text == (
        "Line chart: Contacts by month, August 2022 to November 2022. "
        "Within 45 days: fell from 68.3% in August 2022 to 66.5% in November 2022 (between 61.0% and 70.0%). "
        "Statistical neighbours: a level of 89.2%."
    )
    flat = ChartSeries("Within 45 days", (66.5, None, None, 66.5))
    assert "unchanged at 66.5%" in chart_alt_text(chart("rolling_percent", flat, unit="%", decimals=1))
    assert chart_alt_text(dataclasses.replace(chart("rolling_percent"), labels=(), periods=())).endswith(
        "There are no figures to draw."
    )


def assessments_chart_of(indicator: str):
    """The report text with its assessments chart (and its sentences) naming `indicator`."""
    text = load_performance_text()
    sections = []
    for section in text.sections:
        charts = tuple(
            dataclasses.replace(
                c,
                indicator=indicator,
                caption=c.caption.replace("csc_assessments_45_days", key_of(indicator)),
                comparator_label=c.comparator_label.replace("csc_assessments_45_days", key_of(indicator)),
            )
            if c.indicator == "CSC-ASSESSMENTS-45-DAYS"
            else c
            for c in section.charts
        )
        sections.append(dataclasses.replace(section, charts=charts))
    return dataclasses.replace(text, sections=tuple(sections))


def test_the_sample_charts_carry_their_data_and_say_what_they_show(results, frames):
    # The sample's dashboard (CSC-T02) and ChAT (CHAT-04) both have an assessments-in-45-days row linked to the
    # catalogue's CSC-ASSESSMENTS-45-DAYS: a chart of that entry cannot tell which, so the text names CSC-T02.
    document = performance_document(
        results,
        weekly=frames[ReturnKind.WEEKLY_SERIES],
        monthly=frames[ReturnKind.MONTHLY_SERIES],
        text=assessments_chart_of("CSC-T02"),
    )
    charts = [block for s in document.sections for k in s.blocks if isinstance(k, Keep) for block in k.blocks]
    charts = [block for block in charts if isinstance(block, Chart)]
    # the children's front door (seed 002), then seed 000's fourteen adult charts
    assert [c.kind for c in charts] == [
        *("monthly_counts", "monthly_counts", "rolling_percent"),
        "monthly_counts",  # long-term placements
        *("monthly_counts", "rolling_percent", "rolling_percent"),  # first point of contact
        *("month_end",) * 6,  # waiting lists: social work, OT, DoLS, visual impairment, OT, OT CCP
        "rolling_percent",  # annual reviews, with its target
        *("monthly_counts", "rolling_percent", "month_end"),  # safeguarding
    ]
    contacts = charts[0]
    assert contacts.labels[-1] == "Jul 23" and contacts.periods[-1] == "July 2023"
    assert all(len(series.values) == len(contacts.labels) for series in contacts.series)
    assert contacts.alt_text.startswith("Bar chart with a line: MASH contacts received by month, ")
    assert "to July 2023" in contacts.alt_text
    assert charts[2].unit == "%" and "Statistical neighbours (89.2%): a level of 89.2%." in charts[2].alt_text
    [cards] = [b for s in document.sections if s.key == "finance" for b in s.blocks if isinstance(b, Cards)]
    assert [card.label for card in cards.cards] == ["Total Weekly Cost", "Average Weekly Cost", "Client Count Snapshot"]
    assert cards.cards[0].changes[0] == ("Week Change", "▲ £5,975 (+0.2%)")


# --- one group order for the window and the PDF ------------------------------------------------


def dashboard_groups(document) -> list[str]:
    return [table.heading for table in document.tables() if table.key.startswith("dashboard_")]


def window_groups(model: IndicatorsModel, dashboard_ids: set[str]) -> list[str]:
    shown = []
    for row in range(model.rowCount()):
        if model.indicator_id(row) in dashboard_ids:
            shown.append(model.index(row, GROUP).data())
    return list(dict.fromkeys(shown))


def test_the_window_and_the_pdf_order_the_dashboard_groups_alike(qapp, results, frames):
    """The returns list Outcomes first, the text file names Demand first: both follow the text file."""
    table = results.table
    outcomes_first = pd.concat([table[table["group"].eq("Outcomes")], table[~table["group"].eq("Outcomes")]])
    shuffled = dataclasses.replace(results, table=outcomes_first.reset_index(drop=True))
    document = performance_document(shuffled, weekly=frames[ReturnKind.WEEKLY_SERIES])
    named = [g for s in load_performance_text().sections if s.key == "dashboard" for g in s.groups]
    assert dashboard_groups(document)[: len(named)] == named

    model = IndicatorsModel()
    model.set_results(shuffled, shuffled, {})
    dashboard = set(table.loc[table["sheet"].eq("Dashboard"), "id"])
    assert window_groups(model, dashboard) == named


# --- one status vocabulary: the same colour in the window and the PDF ----------------------------


def test_the_window_and_the_pdf_shade_each_status_alike(qapp, results, frames):
    statuses = load_statuses()
    style = load_style()
    table = results.table.copy()
    codes = list(statuses.codes)
    dashboard = table.index[table["sheet"].eq("Dashboard")][: len(codes)]
    table.loc[dashboard, "status"] = codes
    marked = dataclasses.replace(results, table=table)

    document = performance_document(marked, weekly=frames[ReturnKind.WEEKLY_SERIES])
    pdf_shading = {
        row[0].text: row[0].background
        for t in document.tables()
        if t.key.startswith("dashboard_")
        for row in t.body
        if row[0].text
    }
    model = IndicatorsModel()
    model.set_results(marked, marked, {})
    for status in statuses.statuses:
        assert pdf_shading[status.code] == status.colour, status
        row = model.row_of(str(table.loc[dashboard[codes.index(status.code)], "id"]))
        brush = model.index(row, STATUS).data(Qt.ItemDataRole.BackgroundRole)
        expected = style.colours[status.colour].hexval().replace("0x", "#")
        assert brush.color().name() == expected == style_colours()[status.colour].lower(), status
    assert statuses.find("Met").colour == "status_good"  # "met" is shaded as "1" is, in the window and the PDF
    [key] = [t for t in document.tables() if t.key == "status_key"]
    assert [row[0].text for row in key.body] == codes  # both schemes are in use, so both are keyed
    assert isinstance(key, Table) and key.layout == "key"
