"""The MARAC appendix as a report model: each measure, year by year, against its benchmark (seed 001's shape).

Title page, contents, then: the summary (a sentence or two of live figures and
a table of every measure: each year's figure, the benchmark, and the latest
year's plain statement, with a note for each measure not compared and why),
each measure with its statement and a chart of a bar a year over the benchmark
(a band for a range, a dashed line for one figure; the alternative text states
every figure), and the benchmarks with their sources and dates. Every figure is
one of domain.marac's comparisons, written once here through domain.formatting.

Figure names: latest_period, previous_period, years_total, referrals_change;
KEY_value, KEY_benchmark, KEY_statement for the latest year, and
KEY_PERIOD_value and so on for each year (police_2019_20_value), where KEY is a
benchmark's key, or bame_local for BAME against the local population's share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from desktop_app.domain.formatting import Formatter, format_value
from desktop_app.domain.marac import (
    Benchmark,
    Comparison,
    benchmark_text,
    compare_years,
    referral_change,
    statement,
    value_text,
)
from desktop_app.report.appendix_text import AppendixText, WordsBuilder, capitalised, period_key
from desktop_app.report.marac_text import load_marac_text
from desktop_app.report.model import (
    Block,
    Cell,
    CellKind,
    Chart,
    ChartSeries,
    Document,
    Figure,
    Heading,
    Note,
    PageOptions,
    Table,
)
from desktop_app.report.prose import prose_blocks

SUMMARY_MEASURE_SHARE = 0.26
SUMMARY_BENCHMARK_SHARE = 0.15
SOURCES_SHARES = (0.2, 0.12, 0.46, 0.22)


def marac_document(
    years: pd.DataFrame,
    benchmarks: dict[str, Benchmark],
    text: AppendixText | None = None,
    options: PageOptions | None = None,
    as_at: dt.date | None = None,
) -> Document:
    """The appendix of `years` (domain.marac.marac_years, at least one) against `benchmarks`."""
    if years.empty:
        raise ValueError("the MARAC return has no year to report")
    return MaracBuilder(years, benchmarks, text or load_marac_text(), options or PageOptions(), as_at).document()


class MaracBuilder(WordsBuilder):
    kind = "marac"

    def __init__(
        self,
        years: pd.DataFrame,
        benchmarks: dict[str, Benchmark],
        text: AppendixText,
        options: PageOptions,
        as_at: dt.date | None,
    ) -> None:
        self.formatter = Formatter()
        self.text, self.options, self.as_at = text, options, as_at
        self.benchmarks = benchmarks
        self.periods = [str(period) for period in years["period"]]
        self.latest = self.periods[-1]
        self.comparisons: dict[str, dict[str, Comparison]] = {}  # key -> period -> comparison
        for comparison in compare_years(years, benchmarks):
            self.comparisons.setdefault(comparison.key, {})[comparison.period] = comparison
        self.all_figures = self.figures_of(years)
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}

    # --- figures ---------------------------------------------------------------------------

    def figures_of(self, years: pd.DataFrame) -> dict[str, Figure]:
        figures: dict[str, Figure] = {}

        def add(name: str, text: str, value: float | str | None = None, unit: str | None = None) -> None:
            figures[name] = Figure(name, text, value, unit)

        add("latest_period", self.latest, self.latest)
        previous = self.periods[-2] if len(self.periods) > 1 else ""
        add("previous_period", previous, previous)
        add("years_total", self.formatter.count(len(self.periods)), len(self.periods), "count")
        change = referral_change(years)
        if change is None:
            add("referrals_change", "were not compared with an earlier whole year")
        else:
            counts = years["referrals"]
            add(
                "referrals_change", self.formatter.change(int(counts.iloc[-1]), int(counts.iloc[-2]), change)[1], change
            )
        for key, by_period in self.comparisons.items():
            for period, comparison in by_period.items():
                unit = "percent" if comparison.benchmark.kind == "share" else "count"
                names = [f"{key}_{period_key(period)}"] + ([key] if period == self.latest else [])
                for name in names:
                    add(f"{name}_value", value_text(comparison, self.formatter), comparison.value, unit)
                    add(f"{name}_benchmark", benchmark_text(comparison), comparison.expected_low, unit)
                    add(f"{name}_statement", statement(comparison, self.formatter), comparison.difference)
        return figures

    # --- words ---------------------------------------------------------------------------------

    def label(self, key: str) -> str:
        return (
            self.words("bame_local") if key.endswith("_local") else self.comparisons[key][self.latest].benchmark.label
        )

    # --- the document ------------------------------------------------------------------------------

    def section_blocks(self) -> dict[str, Callable[[], list[Block]]]:
        return {"summary": self.summary, "measures": self.measures, "sources": self.sources}

    # --- the summary table -------------------------------------------------------------------------

    def value_cell(self, comparison: Comparison | None) -> Cell:
        if comparison is None:
            return Cell(self.formatter.count(None), CellKind.COUNT)
        name = f"{comparison.key}_{period_key(comparison.period)}_value"
        if comparison.benchmark.kind != "share" or comparison.base is None:
            return Cell(self.figures[name], CellKind.COUNT, figure=name)
        muted = self.words(
            "of_referrals", count=self.formatter.count(comparison.count), base=self.formatter.count(comparison.base)
        )
        return Cell(self.figures[name], CellKind.PERCENT, figure=name, muted=muted)

    def benchmark_cell(self, key: str, comparison: Comparison) -> Cell:
        """The benchmark, with how a count's is worked out under it ("40 per 10,000 of 116,750 adult women")."""
        name = f"{key}_benchmark"
        benchmark = comparison.benchmark
        if benchmark.kind == "share" or comparison.base is None or benchmark.rate is None or benchmark.per is None:
            return Cell(self.figures[name], CellKind.NUMBER, figure=name)
        basis = self.words(
            f"basis_{benchmark.population}",
            rate=format_value(benchmark.rate, None, 0 if benchmark.rate.is_integer() else 1),
            per=self.formatter.count(benchmark.per),
            population=self.formatter.count(comparison.base),
        )
        return Cell(self.figures[name], CellKind.NUMBER, figure=name, muted=basis)

    def summary(self) -> list[Block]:
        header = [
            Cell(self.words("measure")),
            *(Cell(period) for period in self.periods),
            Cell(self.words("benchmark")),
            Cell(self.words("against")),
        ]
        body = []
        notes: list[Block] = []
        for key, by_period in self.comparisons.items():
            latest = by_period[self.latest]
            body.append(
                [
                    Cell(self.label(key)),
                    *(self.value_cell(by_period.get(period)) for period in self.periods),
                    self.benchmark_cell(key, latest),
                    Cell(capitalised(self.figures[f"{key}_statement"]), figure=f"{key}_statement"),
                ]
            )
            for period, comparison in by_period.items():
                if comparison.reason:
                    notes.append(
                        Note(
                            self.words(
                                "not_compared_note", label=self.label(key), period=period, reason=comparison.reason
                            )
                        )
                    )
        years = len(self.periods)
        rest = 1 - SUMMARY_MEASURE_SHARE - SUMMARY_BENCHMARK_SHARE
        year_share = min(0.11, rest * 0.4 / years)
        shares = (SUMMARY_MEASURE_SHARE, *([year_share] * years), SUMMARY_BENCHMARK_SHARE, rest - year_share * years)
        table = Table(
            "marac_summary", [header], body, "", caption=self.text.sections["summary"][0], column_shares=shares
        )
        return [table, *notes]

    # --- each measure with its chart -------------------------------------------------------------

    def measures(self) -> list[Block]:
        blocks: list[Block] = []
        for key, by_period in self.comparisons.items():
            latest = by_period[self.latest]
            label = self.label(key)
            blocks.append(Heading(label, level=2, in_contents=False, keep_with_next=True))
            sentence = f"{self.latest}: {self.figures[f'{key}_value']}, {self.figures[f'{key}_statement']}."
            blocks += prose_blocks(sentence, keep_last_with_next=True, figures=(f"{key}_value", f"{key}_statement"))
            blocks.append(self.chart(key, label, latest.benchmark, by_period))
        return blocks

    def chart(self, key: str, label: str, benchmark: Benchmark, by_period: dict[str, Comparison]) -> Chart:
        """A bar a year over the benchmark; the alternative text says each year's figure and statement."""
        share = benchmark.kind == "share"
        items = [by_period.get(period) for period in self.periods]
        values = tuple(item.value if item else None for item in items)
        lows = tuple(item.expected_low if item else None for item in items)
        highs = tuple(item.expected_high if item else None for item in items)
        latest = by_period[self.latest]
        name = latest.against or benchmark.name
        band_label = capitalised(self.words("chart_band", name=name, benchmark=self.figures[f"{key}_benchmark"]))
        series = (
            ChartSeries(label, values, style="bars", colour="chart_bar"),
            ChartSeries(band_label, lows, style="band", colour="chart_band", upper=highs),
        )
        what = f"{label} as a share of MARAC referrals" if share else label
        figures = ", ".join(
            f"{period} {self.figures[f'{key}_{period_key(period)}_value']}"
            for period, item in zip(self.periods, items, strict=True)
            if item is not None
        )
        against = "; ".join(
            f"{period}: {self.figures[f'{key}_{period_key(period)}_statement']}"
            for period, item in zip(self.periods, items, strict=True)
            if item is not None
        )
        alt = f"Bar chart of {what[:1].lower() + what[1:] if what[1:2].islower() else what} by year: {figures}. "
        alt += f"{band_label} is marked across the chart. {against}."
        title = f"{label}, {self.periods[0]} to {self.latest}" if len(self.periods) > 1 else f"{label}, {self.latest}"
        return Chart(
            f"marac_{key}",
            "benchmark_bars",
            title,
            tuple(self.periods),
            series,
            alt,
            unit="%" if share else "count",
            decimals=benchmark.places if share else 0,
        )

    # --- the sources ------------------------------------------------------------------------------

    def sources(self) -> list[Block]:
        header = [Cell(self.words(f"sources_{name}")) for name in ("benchmark", "figure", "source", "date")]
        body = []
        for key, by_period in self.comparisons.items():
            if key.endswith("_local"):
                continue
            benchmark = by_period[self.latest].benchmark
            body.append(
                [
                    Cell(benchmark.label),
                    Cell(self.figures[f"{key}_benchmark"], CellKind.NUMBER, figure=f"{key}_benchmark"),
                    Cell(benchmark.source),
                    Cell(benchmark.date),
                ]
            )
        return [Table("marac_sources", [header], body, "", layout="small_words", column_shares=SOURCES_SHARES)]
