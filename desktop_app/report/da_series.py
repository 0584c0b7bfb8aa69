"""The domestic abuse series part of the partnership appendix as a report model.

One section, "Domestic abuse: the needs assessment's series", standing alone
behind its own title page or after the MARAC and safe accommodation parts: a
part per series the return holds, in the order of domestic_abuse_series.toml,
each a sub-heading, its words, the statements the domain works out (a change on
the year before, a share, a rate per 100,000 by locality, a gap between the
expected and the recorded), a table of every figure by period and a chart of
its chart measure with alternative text stating each figure; then the sources.
Every figure is one of domain.da_series's, written once here through
domain.formatting; the figure names are listed in
resources/domestic_abuse_series_report_text.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from desktop_app.domain.da_series import (
    TOTAL,
    BandExpected,
    Change,
    Direction,
    PrevalenceRates,
    Series,
    SeriesVocabulary,
    StatementSpec,
    benchmark_comparisons,
    category_changes,
    category_shares,
    category_total,
    change,
    expected_by_band,
    gaps,
    load_prevalence_rates,
    lowest_recorded,
    rank_among,
    rate_spread,
    rates,
    shares,
    top_categories,
    with_expected,
)
from desktop_app.domain.formatting import Formatter, format_value, missing
from desktop_app.domain.marac import Band, Benchmark, Comparison, benchmark_text, load_benchmarks, value_text
from desktop_app.domain.marac import statement as benchmark_statement
from desktop_app.paths import RESOURCES
from desktop_app.report.appendix import appended_part
from desktop_app.report.appendix_text import AppendixText, TableWords, WordsBuilder, capitalised, load_appendix_text
from desktop_app.report.model import (
    Block,
    Cell,
    CellKind,
    Chart,
    ChartSeries,
    Document,
    Figure,
    Heading,
    Keep,
    Note,
    PageOptions,
    Paragraph,
    Section,
    Table,
)
from desktop_app.report.prose import prose_blocks
from desktop_app.report.text import placeholders_in

DEFAULT_SERIES_TEXT = RESOURCES / "domestic_abuse_series_report_text.toml"
TABLE_WORDS = (
    "section_title",
    "partnership_title",
    "measure",
    "total",
    "change_up",
    "change_down",
    "change_same",
    "change_unknown",
    "share",
    "share_one",
    "share_label",
    "rate",
    "rate_spread",
    "rate_label",
    "gap",
    "gap_label",
    "recorded_share_label",
    "not_given_note",
    "chart_title",
    "chart_alt",
    "rate_chart_title",
    "rate_chart_alt",
    "sources_series",
    "sources_source",
    "source_with_population",
    "expected",
    "band_heading",
    "band_population",
    "band_rate",
    "band_expected",
    "band_chart_title",
    "band_chart_alt",
    "band_chart_recorded_alt",
    "band_chart_recorded_title",
    "band_recorded",
    "band_recorded_share",
    "expected_lowest",
    "rates_source",
    "rates_illustrative",
    "benchmark",
    "benchmark_chart_title",
    "benchmark_chart_alt",
    "benchmark_band",
    "benchmark_source",
    "top",
    "category_changes",
    "category_fell",
    "category_share",
    "category_total",
    "category_others",
    "top_chart_title",
    "top_chart_alt",
    "rank",
    "rank_own",
    "all_chart_title",
    "all_chart_alt",
    "periods_chart_title",
    "periods_chart_alt",
)
SOURCES = "sources"
LABEL_SHARE = 0.4
RATE_PLACES = 1
SHARE_PLACES = 1
SOURCES_SHARES = (0.45, 0.55)


def load_series_text(path: Path = DEFAULT_SERIES_TEXT, vocabulary: SeriesVocabulary | None = None) -> AppendixText:
    """Read and check the part's words: a section per series and the sources; a mistake names the table and key."""
    from desktop_app.domain.da_series import load_series_vocabulary

    keys = tuple((vocabulary or load_series_vocabulary()).series)
    return load_appendix_text(path, TABLE_WORDS, (*keys, SOURCES), shipped=DEFAULT_SERIES_TEXT)


def name_key(words: str) -> str:
    """A locality or period as figure names write it: 'North' -> 'north', '2019-20' -> '2019_20', '12 months to
    June 2021' -> '12_months_to_june_2021'."""
    return re.sub(r"[^0-9a-z]+", "_", words.casefold()).strip("_")


def lowered(label: str) -> str:
    """A label set inside a sentence: 'Children supported' -> 'children supported' ('IDVA' kept)."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def series_document(
    series: dict[str, Series],
    text: AppendixText | None = None,
    options: PageOptions | None = None,
    as_at: dt.date | None = None,
    rates: PrevalenceRates | None = None,
) -> Document:
    """The part of the series read (at least one), standing alone behind its own title page; an expected count
    the sheet does not give is worked out with `rates` (resources/domestic_abuse_prevalence.toml's)."""
    if not series:
        raise ValueError("the domestic abuse series return holds no series to report")
    builder = SeriesBuilder(series, text or load_series_text(), options or PageOptions(), as_at, rates)
    return builder.document()


def partnership_with_series(document: Document, part: Document, text: AppendixText | None = None) -> Document:
    """The partnership's paper (MARAC, safe accommodation) with the series section after it, titled for all its
    parts ([tables] partnership_title)."""
    text = text or load_series_text()
    both = appended_part(document, part)
    title = TableWords(text, {name: figure.text for name, figure in both.figures.items()}).words("partnership_title")
    title_page = replace(document.title_page, title=title) if document.title_page is not None else None
    return replace(both, metadata=replace(both.metadata, title=title), title_page=title_page, running_title=title)


class SeriesBuilder(WordsBuilder):
    kind = "domestic_abuse_series"

    def __init__(
        self,
        series: dict[str, Series],
        text: AppendixText,
        options: PageOptions,
        as_at: dt.date | None,
        rates: PrevalenceRates | None = None,
    ) -> None:
        self.formatter = Formatter()
        self.rates: PrevalenceRates | None = None
        self.bands: dict[str, list[BandExpected]] = {}  # series -> its expected statement's bands
        if any(spec.kind == "expected" for item in series.values() for spec in item.spec.statements):
            self.rates = rates or load_prevalence_rates()
            series = {key: with_expected(item, self.rates)[0] for key, item in series.items()}
            for key, item in series.items():
                for spec in item.spec.statements:
                    if spec.kind == "expected":
                        self.bands[key] = expected_by_band(item, spec, self.rates)
        self.series = series
        self.benchmarks: dict[str, Benchmark] = {}
        self.comparisons: dict[tuple[str, str], list[Comparison]] = {}  # (series, measure) -> a period each
        if any(spec.kind == "benchmark" for item in series.values() for spec in item.spec.statements):
            self.benchmarks = load_benchmarks()
            for key, item in series.items():
                for spec in item.spec.statements:
                    if spec.kind == "benchmark":
                        found = benchmark_comparisons(item, spec, self.benchmarks)
                        if any(comparison.count is not None for comparison in found):
                            self.comparisons[(key, spec.measure)] = found
        self.text, self.options, self.as_at = text, options, as_at
        self.latest = ", ".join(dict.fromkeys(item.periods[-1] for item in series.values() if item.periods))
        self.figures = {}
        self.all_figures: dict[str, Figure] = {}
        self.statements: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # series -> (words, figure names)
        for key, item in series.items():
            self.add_figures(key, item)
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}
        for key, item in series.items():
            self.statements[key] = [self.statement(key, item, spec) for spec in item.spec.statements]

    # --- figures ---------------------------------------------------------------------------------

    def add(self, name: str, text: str, value: float | str | None = None, unit: str | None = None) -> None:
        self.all_figures[name] = Figure(name, text, value, unit)

    def add_by_period(
        self, name: str, item: Series, values: Mapping[str, tuple[str, float | str | None]], unit: str
    ) -> None:
        """A figure per period (NAME_PERIOD), the latest period's as NAME and the one before it as NAME_last_year
        (the pair the proof holds the words' comparisons to)."""
        for period, (text, value) in values.items():
            self.add(f"{name}_{name_key(period)}", text, value, unit)
        for suffix, at in (("", -1), ("_last_year", -2)):
            if len(item.periods) >= -at:
                text, value = values[item.periods[at]]
                self.add(f"{name}{suffix}", text, value, unit)

    def count_text(self, value: float | None) -> str:
        return self.formatter.count(value)

    def add_category_figures(self, key: str, item: Series) -> None:
        """A series of categories': each category's count and share by period, all of them, the top few and
        each category's change."""
        periods = item.periods
        if item.spec.percent:  # each a figure as published: no total, share or top
            for label in item.categories:
                row = item.row(label)
                values = {p: (self.percent_text(_value(row[p])), _value(row[p])) for p in periods}
                self.add_by_period(f"das_{key}_{name_key(label)}", item, values, "percent")
            self.add(f"das_{key}_categories", f"{len(item.categories):,}", len(item.categories), "count")
            return
        for label in item.categories:
            name = f"das_{key}_{name_key(label)}"
            row = item.row(label)
            self.add_by_period(
                name, item, {p: (self.count_text(_value(row[p])), _value(row[p])) for p in periods}, "count"
            )
        totals = {p: category_total(item, p) for p in periods}
        self.add_by_period(f"das_{key}_total", item, {p: (self.count_text(t), t) for p, t in totals.items()}, "count")
        by_period = {p: category_shares(item, p) for p in periods}
        for label in item.categories:
            values = {
                p: (self.formatter.percent(found[label], (item.row(label)[p], totals[p]), SHARE_PLACES), found[label])
                for p, found in by_period.items()
            }
            self.add_by_period(f"das_{key}_{name_key(label)}_share", item, values, "percent")
        self.add(f"das_{key}_categories", f"{len(item.categories):,}", len(item.categories), "count")
        for spec in item.spec.statements:
            if spec.kind == "top":
                top = top_categories(item, spec.top)
                if top is not None:
                    self.add(f"das_{key}_top_count", f"{len(top.largest):,}", len(top.largest), "count")
                    self.add(f"das_{key}_top", self.count_text(top.top_total), top.top_total, "count")
                    share = self.formatter.percent(top.share, (top.top_total, top.total), SHARE_PLACES)
                    self.add(f"das_{key}_top_share", share, top.share, "percent")
            elif spec.kind == "category_changes":
                for found in category_changes(item):
                    self.add(
                        f"das_{key}_{name_key(found.measure)}_change",
                        self.change_text(found),
                        found.change_pct,
                        "percent",
                    )

    def add_figures(self, key: str, item: Series) -> None:
        periods = item.periods
        if item.spec.by_category:
            self.add(f"das_{key}_latest_period", periods[-1] if periods else "", periods[-1] if periods else "")
            earlier = periods[-2] if len(periods) > 1 else ""
            self.add(f"das_{key}_earlier_period", earlier, earlier)
            self.add_category_figures(key, item)
            return
        self.add(f"das_{key}_latest_period", periods[-1] if periods else "", periods[-1] if periods else "")
        earlier = periods[-2] if len(periods) > 1 else ""
        self.add(f"das_{key}_earlier_period", earlier, earlier)
        for measure in item.spec.measures.values():
            places = ("", *item.spec.localities) if measure.by_locality else ("",)
            for place in places:
                row = item.row(measure.key, place)
                name = f"das_{key}_{measure.key}" + (f"_{name_key(place)}" if place else "")
                values = {p: (self.count_text(_value(row[p])), _value(row[p])) for p in periods}
                self.add_by_period(name, item, values, "count")
        for spec in item.spec.statements:
            self.add_statement_figures(key, item, spec)

    def add_statement_figures(self, key: str, item: Series, spec: StatementSpec) -> None:
        name = f"das_{key}_{spec.measure}"
        if spec.kind == "change":
            found = change(item, spec.measure, spec.since_first)
            if found is not None:
                self.add(f"{name}_change", self.change_text(found), found.change_pct, "percent")
        elif spec.kind == "share":
            values = {
                share.period: (
                    self.formatter.percent(share.pct, (share.count, share.base), SHARE_PLACES),
                    share.pct,
                )
                for share in shares(item, spec.measure, spec.of)
            }
            self.add_by_period(f"{name}_share", item, values, "percent")
        elif spec.kind == "rate":
            found_rates = rates(item, spec.measure, spec.population, spec.per)
            for place in (*item.spec.localities, TOTAL):
                values = {
                    rate.period: (self.rate_text(rate.rate), rate.rate)
                    for rate in found_rates
                    if rate.locality == place
                }
                self.add_by_period(f"{name}_{name_key(place)}_rate", item, values, "rate")
        elif spec.kind == "benchmark":
            found_comparisons = self.comparisons.get((key, spec.measure), [])
            if not found_comparisons:
                return
            shares_found = {c.period: (value_text(c, self.formatter), c.value) for c in found_comparisons}
            self.add_by_period(f"{name}_share", item, shares_found, "percent")
            against = {c.period: (benchmark_statement(c, self.formatter), c.band.value) for c in found_comparisons}
            self.add_by_period(f"{name}_against", item, against, "text")
            latest = found_comparisons[-1]
            self.add(f"{name}_benchmark", benchmark_text(latest), benchmark_text(latest), "text")
        elif spec.kind == "expected":
            for band in item.spec.localities:
                held = [b for b in self.bands.get(key, []) if b.band == band]
                values = {b.period: (self.count_text(b.expected), float_or_none(b.expected)) for b in held}
                self.add_by_period(f"{name}_{name_key(band)}", item, values, "count")
                rate = held[0].rate if held else None
                self.add(f"das_{key}_rate_{name_key(band)}", self.band_rate_text(rate), rate, "percent")
                if spec.of:
                    shares_found = {
                        b.period: (
                            self.formatter.percent(b.recorded_pct, (b.recorded, b.expected), SHARE_PLACES),
                            b.recorded_pct,
                        )
                        for b in held
                    }
                    self.add_by_period(f"das_{key}_recorded_share_{name_key(band)}", item, shares_found, "percent")
            if spec.of:
                now = [b for b in self.bands.get(key, []) if b.period == item.periods[-1]]
                seen = [b.recorded for b in now]
                wanted = [b.expected for b in now]
                if now and None not in seen and None not in wanted and sum(e or 0 for e in wanted):
                    pct = sum(r or 0.0 for r in seen) / sum(e or 0 for e in wanted) * 100
                    text = self.formatter.percent(pct, (), SHARE_PLACES)
                    self.add(f"das_{key}_recorded_share_all_bands", text, pct, "percent")
        else:
            found_gaps = gaps(item, spec.measure, spec.of)
            values = {gap.period: (self.count_text(gap.gap), gap.gap) for gap in found_gaps}
            self.add_by_period(f"das_{key}_gap", item, values, "count")
            recorded = {
                gap.period: (
                    self.formatter.percent(gap.recorded_pct, (gap.recorded, gap.expected), SHARE_PLACES),
                    gap.recorded_pct,
                )
                for gap in found_gaps
            }
            self.add_by_period(f"das_{key}_recorded_share", item, recorded, "percent")

    def change_text(self, found: Change) -> str:
        """The change as an unsigned per cent, '50%' (the statement's words say which way)."""
        if found.change_pct is None:
            return self.formatter.count(None)
        return self.formatter.percent(abs(found.change_pct), (found.latest, found.earlier))

    def percent_text(self, value: float | None) -> str:
        return self.formatter.percent(value, (), SHARE_PLACES)

    def own_share(self, item: Series) -> tuple[float | None, str, str]:
        """A rank statement's own figure: the latest share of the series it names (its value, period, text)."""
        own = self.series.get(item.spec.own)
        spec = next((s for s in own.spec.statements if s.kind == "share"), None) if own is not None else None
        if own is None or spec is None:
            return None, "", ""
        latest = shares(own, spec.measure, spec.of)[-1]
        return latest.pct, latest.period, self.figures[f"das_{own.spec.key}_{spec.measure}_share"]

    def band_rate_text(self, value: float | None) -> str:
        """A prevalence rate as its file writes it: '12%', '8.5%'."""
        if value is None:
            return self.formatter.count(None)
        return f"{format_value(value, None, 0 if float(value).is_integer() else 1)}%"

    def rate_text(self, value: float | None) -> str:
        return self.formatter.count(None) if value is None else format_value(value, None, RATE_PLACES)

    # --- statements --------------------------------------------------------------------------------

    def category_statement(self, key: str, item: Series, spec: StatementSpec) -> tuple[str, tuple[str, ...]]:
        """What is said of a series of categories: its top few's share of all, or which rose and which fell."""
        more = dict(
            category=item.spec.category,
            category_plural=item.spec.category_plural,
            unit=item.spec.unit,
            categories=self.figures[f"das_{key}_categories"],
        )
        if spec.kind == "rank":
            own, period, own_text = self.own_share(item)
            rank = rank_among(item, own, period)
            if rank is None:
                return "", ()
            highest = rank.neighbours[: spec.top]
            listed = ", ".join(f"{label} {self.figures[f'das_{key}_{name_key(label)}']}" for label, _ in highest)
            words = self.words(
                "rank",
                **more,
                own=own_text,
                period=period,
                higher=f"{rank.higher:,}",
                lower=f"{rank.lower:,}",
                count=f"{rank.count:,}",
                lowest=self.percent_text(rank.neighbours[-1][1]),
                highest=self.percent_text(rank.neighbours[0][1]),
                top_count=f"{len(highest):,}",
                listed=listed,
            )
            return words, tuple(f"das_{key}_{name_key(label)}" for label, _ in highest)
        if spec.kind == "top":
            top = top_categories(item, spec.top)
            if top is None:
                return "", ()
            names = tuple(f"das_{key}_{name_key(label)}" for label, _ in top.largest)
            listed = "; ".join(
                f"{label} {self.figures[name]}" for (label, _), name in zip(top.largest, names, strict=True)
            )
            figures = (f"das_{key}_top", f"das_{key}_total", f"das_{key}_top_share")
            words = self.words(
                "top",
                **more,
                top_count=self.figures[f"das_{key}_top_count"],
                top=self.figures[figures[0]],
                total=self.figures[figures[1]],
                top_share=self.figures[figures[2]],
                period=top.period,
                listed=listed,
            )
            return words, (*figures, *names)
        found = [c for c in category_changes(item) if c.direction is not Direction.UNKNOWN]
        if not found:
            return "", ()
        fell = [c for c in found if c.direction is Direction.DOWN]
        fell_list = "; ".join(
            self.words(
                "category_fell",
                label=c.measure,
                change=self.figures[f"das_{key}_{name_key(c.measure)}_change"],
                earlier=self.count_text(c.earlier),
                latest=self.count_text(c.latest),
            )
            for c in fell
        )
        words = self.words(
            "category_changes",
            **more,
            earlier_period=found[0].earlier_period,
            latest_period=found[0].latest_period,
            rose=f"{sum(c.direction is Direction.UP for c in found):,}",
            fell=f"{len(fell):,}",
            fell_list=f": {fell_list}" if fell_list else "",
        )
        return words, tuple(f"das_{key}_{name_key(c.measure)}_change" for c in fell)

    def statement(self, key: str, item: Series, spec: StatementSpec) -> tuple[str, tuple[str, ...]]:
        """A statement's words, filled, and the figures it names."""
        if item.spec.by_category:
            return self.category_statement(key, item, spec)
        measure = item.spec.measures[spec.measure]
        name = f"das_{key}_{spec.measure}"
        label = lowered(measure.label)
        latest = item.periods[-1]
        if spec.kind == "change":
            found = change(item, spec.measure, spec.since_first)
            if found is None:
                return "", ()
            kind = {Direction.UP: "change_up", Direction.DOWN: "change_down", Direction.SAME: "change_same"}
            words = kind.get(found.direction, "change_unknown")
            earlier = f"{name}_{name_key(found.earlier_period)}"
            names: tuple[str, ...] = (name, f"{name}_change", earlier)
            filled = self.words(
                words,
                Measure=measure.label,
                measure=label,
                latest=self.figures[name],
                latest_period=found.latest_period,
                change=self.figures.get(f"{name}_change", ""),
                earlier=self.figures[earlier],
                earlier_period=found.earlier_period,
            )
            return filled, names
        if spec.kind == "share":
            base = item.spec.measures[spec.of]
            share = f"{name}_share"
            more = dict(
                Measure=measure.label,
                measure=label,
                base_measure=lowered(base.label),
                share=self.figures[share],
                period=latest,
                count=self.figures[name],
                base=self.figures[f"das_{key}_{spec.of}"],
            )
            if len(item.periods) < 2:
                return self.words("share_one", **more), (share, name)
            earlier = item.periods[-2]
            words = self.words(
                "share", **more, earlier_share=self.figures[f"{share}_{name_key(earlier)}"], earlier_period=earlier
            )
            return words, (share, name)
        if spec.kind == "rate":
            places = item.spec.localities
            names = tuple(f"{name}_{name_key(place)}_rate" for place in places)
            listed = "; ".join(f"{place} {self.figures[figure]}" for place, figure in zip(places, names, strict=True))
            population = lowered(item.spec.measures[spec.population].label)
            words = self.words(
                "rate",
                Measure=measure.label,
                measure=label,
                per=f"{spec.per:,}",
                population=population,
                period=latest,
                rates=listed,
            )
            spread = rate_spread(rates(item, spec.measure, spec.population, spec.per), latest)
            if spread is not None:
                times = format_value(spread.times, None, 1)
                words += " " + self.words(
                    "rate_spread", highest=spread.highest.locality, lowest=spread.lowest.locality, times=times
                )
            return words, names
        if spec.kind == "benchmark":
            found_comparisons = self.comparisons.get((key, spec.measure), [])
            if not found_comparisons or found_comparisons[-1].band is Band.NOT_COMPARED:
                return "", ()
            names = (f"{name}_share", name, f"{name}_against")
            words = self.words(
                "benchmark",
                Measure=measure.label,
                period=latest,
                share=self.figures[names[0]],
                base_measure=lowered(item.spec.measures[spec.of].label),
                count=self.figures[name],
                base=self.figures[f"das_{key}_{spec.of}"],
                against=self.figures[names[2]],
            )
            return words, names
        if spec.kind == "expected":
            bands = [band for band in self.bands.get(key, []) if band.period == latest and band.expected is not None]
            if not bands:
                return "", ()
            most = max(bands, key=lambda band: band.expected or 0)
            most_name = f"{name}_{name_key(most.band)}"
            words = self.words(
                "expected",
                expected=self.figures[name],
                measure=label,
                period=latest,
                bands=str(len(bands)),
                most=most.band,
                most_expected=self.figures[most_name],
                most_rate=self.figures[f"das_{key}_rate_{name_key(most.band)}"],
            )
            lowest = lowest_recorded(bands) if spec.of else None
            if lowest is None:
                return words, (name, most_name)
            band_key = name_key(lowest.band)
            recorded_name = f"das_{key}_{spec.of}_{band_key}"
            share_name = f"das_{key}_recorded_share_{band_key}"
            words += " " + self.words(
                "expected_lowest",
                band=lowest.band,
                recorded=self.figures[recorded_name],
                expected=self.figures[f"{name}_{band_key}"],
                share=self.figures[share_name],
            )
            return words, (name, most_name, recorded_name, share_name)
        expected = item.spec.measures[spec.of]
        names = (f"das_{key}_{spec.of}", name, f"das_{key}_gap", f"das_{key}_recorded_share")
        words = self.words(
            "gap",
            expected=self.figures[names[0]],
            expected_measure=lowered(expected.label),
            recorded=self.figures[name],
            recorded_measure=label,
            period=latest,
            gap=self.figures[names[2]],
            recorded_share=self.figures[names[3]],
        )
        return words, names

    # --- the document ------------------------------------------------------------------------------

    def parts(self) -> list[tuple[str, str, list[Block]]]:
        """A part per series held (its words, statements, table and chart), then the sources."""
        found = []
        for key in [*self.series, SOURCES]:
            title, words = self.text.sections[key]
            where = f"[sections.{key}]"
            names = tuple(dict.fromkeys(placeholders_in(words)))
            blocks: list[Block] = prose_blocks(
                self.fill(words, f"{where} text").strip(), keep_last_with_next=True, figures=names
            )
            if key == SOURCES:
                blocks += self.sources()
            else:
                blocks += [Paragraph(words, figures) for words, figures in self.statements[key] if words]
                blocks += self.series_blocks(key, self.series[key])
            found.append((key, self.fill(title, f"{where} title"), blocks))
        return found

    def sections(self) -> list[Section]:
        blocks: list[Block] = []
        for _, title, part in self.parts():  # a part fits on a page: kept whole, its heading with its table and chart
            blocks.append(Keep((Heading(title, level=2, keep_with_next=True), *part)))
        return [Section("domestic_abuse_series", self.words("section_title"), blocks)]

    def rank_table(self, key: str, item: Series) -> Table:
        """The neighbours' figures of the latest period, the highest first, the council's own among them in bold."""
        latest = item.periods[-1]
        own, period, own_text = self.own_share(item)
        rank = rank_among(item, own, period)
        rows = list(rank.neighbours) if rank else []
        body: list[list[Cell]] = []
        placed = rank is None
        for label, value in rows:
            if not placed and rank is not None and value < rank.own:
                body.append(
                    [
                        Cell(self.words("rank_own", period=period), bold=True),
                        Cell(own_text, CellKind.PERCENT, bold=True),
                    ]
                )
                placed = True
            figure = f"das_{key}_{name_key(label)}_{name_key(latest)}"
            body.append([Cell(label), Cell(self.figures[figure], CellKind.PERCENT, figure=figure)])
        if not placed:
            body.append(
                [Cell(self.words("rank_own", period=period), bold=True), Cell(own_text, CellKind.PERCENT, bold=True)]
            )
        absent = [label for label in item.categories if label not in dict(rows)]
        body += [[Cell(label), Cell(self.formatter.count(None), CellKind.PERCENT)] for label in absent]
        header = [Cell(capitalised(item.spec.category)), Cell(f"{capitalised(item.spec.unit)}, {latest}")]
        return Table(
            f"das_{key}",
            [header],
            body,
            "",
            caption=item.spec.label,
            column_shares=(0.6, 0.4),
            row_headers=(0,),
        )

    def category_blocks(self, key: str, item: Series) -> list[Block]:
        """A series of categories: a table of every category by period (and its share of all, where the series
        says which are the largest), then its chart; a series of published per cents: a table ranking them."""
        if item.spec.percent:
            return [self.rank_table(key, item)]
        periods = item.periods
        latest = periods[-1]
        shared = any(spec.kind == "top" for spec in item.spec.statements)
        header = [Cell(capitalised(item.spec.category)), *(Cell(period) for period in periods)]
        if shared:
            header.append(Cell(self.words("category_share", period=latest)))
        body: list[list[Cell]] = []
        for label in [*item.categories, ""]:
            name = f"das_{key}_{name_key(label)}" if label else f"das_{key}_total"
            bold = not label
            cells = [Cell(label or self.words("category_total", unit=item.spec.unit), bold=bold)]
            for period in periods:
                figure = f"{name}_{name_key(period)}"
                cells.append(Cell(self.figures[figure], CellKind.COUNT, figure=figure, bold=bold))
            if shared:
                figure = f"{name}_share"
                cells.append(
                    Cell(self.figures.get(figure, ""), CellKind.PERCENT, figure=figure if label else None, bold=bold)
                )
            body.append(cells)
        columns = len(periods) + (1 if shared else 0)
        share = (1 - LABEL_SHARE) / max(columns, 1)
        table = Table(
            f"das_{key}",
            [header],
            body,
            "",
            total_rows=(len(body),),
            caption=item.spec.label,
            column_shares=(LABEL_SHARE, *([share] * columns)),
            row_headers=(0,),
        )
        notes: list[Block] = []
        if any(cell.text == self.formatter.count(None) for row in body for cell in row[1:]):
            notes.append(Note(self.words("not_given_note")))
        chart = self.periods_chart(key, item) if item.spec.chart == "periods" and len(periods) > 1 else None
        chart = chart or self.top_chart(key, item)
        if chart is None:
            return [table, *notes]
        return [table, *notes, Paragraph(f"**{chart.title}**", keep_with_next=True), replace(chart, title="")]

    def top_chart(self, key: str, item: Series) -> Chart | None:
        """The latest period's largest categories (as many as its top statement's, else all) and the rest as one."""
        latest = item.periods[-1]
        top = next((spec.top for spec in item.spec.statements if spec.kind == "top"), len(item.categories))
        if item.spec.chart != "top":
            top = len(item.categories)
        found = top_categories(item, top)
        if found is None:
            return None
        labels = [label for label, _ in found.largest]
        values: list[float | None] = [count for _, count in found.largest]
        texts = [self.figures[f"das_{key}_{name_key(label)}"] for label in labels]
        if found.categories > len(labels):
            others = found.total - found.top_total
            labels.append(self.words("category_others", category_plural=item.spec.category_plural))
            values.append(others)
            texts.append(self.count_text(others))
        figures = "; ".join(f"{label} {text}" for label, text in zip(labels, texts, strict=True))
        all_shown = found.categories == len(found.largest)
        more = dict(
            period=latest,
            category_plural=item.spec.category_plural,
            unit=item.spec.unit,
            series=item.spec.label,
            Unit=capitalised(item.spec.unit),
            category=item.spec.category,
            top_count=f"{len(found.largest):,}",
        )
        return Chart(
            f"das_{key}_top",
            "benchmark_bars",
            self.words("all_chart_title" if all_shown else "top_chart_title", **more),
            tuple(labels),
            (ChartSeries(capitalised(item.spec.unit), tuple(values), style="bars", colour="chart_bar"),),
            self.words("all_chart_alt" if all_shown else "top_chart_alt", **more, figures=figures),
        )

    def periods_chart(self, key: str, item: Series) -> Chart:
        """The latest period's categories as bars and the period before's as a line (2020's months, 2019's)."""
        latest, earlier = item.periods[-1], item.periods[-2]
        labels = item.categories

        def listed(period: str) -> str:
            return "; ".join(
                f"{label} {self.figures[f'das_{key}_{name_key(label)}_{name_key(period)}']}" for label in labels
            )

        more = dict(
            latest=latest,
            earlier=earlier,
            unit=item.spec.unit,
            Unit=capitalised(item.spec.unit),
            category=item.spec.category,
            category_plural=item.spec.category_plural,
        )
        return Chart(
            f"das_{key}_periods",
            "monthly_counts",
            self.words("periods_chart_title", **more),
            tuple(labels),
            (
                ChartSeries(
                    latest, tuple(_value(item.row(label)[latest]) for label in labels), style="bars", colour="chart_bar"
                ),
                ChartSeries(earlier, tuple(_value(item.row(label)[earlier]) for label in labels), style="line"),
            ),
            self.words(
                "periods_chart_alt",
                **more,
                series=item.spec.label,
                latest_figures=listed(latest),
                earlier_figures=listed(earlier),
            ),
        )

    def series_blocks(self, key: str, item: Series) -> list[Block]:
        if item.spec.by_category:
            return self.category_blocks(key, item)
        table = self.series_table(key, item)
        notes: list[Block] = []
        if any(cell.text == self.formatter.count(None) for row in table.body for cell in row[1:]):
            notes.append(Note(self.words("not_given_note")))
        charts = [self.chart(key, item)]
        charts += [self.rate_chart(key, item, spec) for spec in item.spec.statements if spec.kind == "rate"]
        charts += [
            self.benchmark_chart(key, item, spec)
            for spec in item.spec.statements
            if spec.kind == "benchmark" and (key, spec.measure) in self.comparisons
        ]
        gaps = [spec for spec in item.spec.statements if spec.kind == "gap"]
        if gaps:  # the expected beside the recorded, in place of the recorded alone
            charts = [self.gap_chart(key, item, spec) for spec in gaps]
        tables: list[Block] = []
        for spec in item.spec.statements:
            if spec.kind == "expected" and any(band.expected is not None for band in self.bands.get(key, [])):
                tables.append(self.band_table(key, item, spec))
                charts += self.band_charts(key, item, spec)
                assert self.rates is not None
                if self.rates.illustrative:
                    notes.append(Note(self.words("rates_illustrative")))
        titled: list[Block] = []  # a chart's title is the paragraph over it, which the PDF and Word copy both print
        for chart in charts:
            titled += [Paragraph(f"**{chart.title}**", keep_with_next=True), replace(chart, title="")]
        return [table, *tables, *notes, *titled]

    def band_table(self, key: str, item: Series, spec: StatementSpec) -> Table:
        """The latest period's population, rate and expected victims by age and sex band, and all bands."""
        latest = item.periods[-1]
        header = [
            Cell(self.words("band_heading")),
            Cell(self.words("band_population")),
            Cell(self.words("band_rate")),
            Cell(self.words("band_expected")),
        ]
        recorded = self.recorded_by_band(key, spec)
        if recorded:
            header += [Cell(self.words("band_recorded")), Cell(self.words("band_recorded_share"))]
        population, expected = f"das_{key}_{spec.population}", f"das_{key}_{spec.measure}"
        body = []
        for band in item.spec.localities:
            names = [
                f"{population}_{name_key(band)}",
                f"das_{key}_rate_{name_key(band)}",
                f"{expected}_{name_key(band)}",
            ]
            kinds = [CellKind.COUNT, CellKind.PERCENT, CellKind.COUNT]
            if recorded:
                names += [f"das_{key}_{spec.of}_{name_key(band)}", f"das_{key}_recorded_share_{name_key(band)}"]
                kinds += [CellKind.COUNT, CellKind.PERCENT]
            cells = [Cell(self.figures[n], k, figure=n) for n, k in zip(names, kinds, strict=True)]
            body.append([Cell(band), *cells])
        total = item.spec.total_label or self.words("total")
        last = [
            Cell(total, bold=True),
            Cell(self.figures[population], CellKind.COUNT, figure=population, bold=True),
            Cell(""),
            Cell(self.figures[expected], CellKind.COUNT, figure=expected, bold=True),
        ]
        if recorded:
            all_recorded, all_share = f"das_{key}_{spec.of}", f"das_{key}_recorded_share_all_bands"
            last += [
                Cell(self.figures[all_recorded], CellKind.COUNT, figure=all_recorded, bold=True),
                Cell(self.figures.get(all_share, self.formatter.count(None)), CellKind.PERCENT, bold=True),
            ]
        body.append(last)
        return Table(
            f"das_{key}_bands",
            [header],
            body,
            "",
            total_rows=(len(body),),
            caption=f"{item.spec.label}: {lowered(self.words('band_expected'))}, {latest}",
            column_shares=(0.25, 0.15, 0.15, 0.15, 0.15, 0.15) if recorded else (0.34, 0.22, 0.22, 0.22),
            row_headers=(0,),
        )

    def recorded_by_band(self, key: str, spec: StatementSpec) -> bool:
        """Whether the sheet gives the recorded by band for the expected statement (any band, any period)."""
        return bool(spec.of) and any(band.recorded is not None for band in self.bands.get(key, []))

    def benchmark_chart(self, key: str, item: Series, spec: StatementSpec) -> Chart:
        """The measure's share each period as a bar over its benchmark (a band for a range, a dashed level for one
        figure), as the MARAC part draws its own; the alternative text states each share and where it falls."""
        found = self.comparisons[(key, spec.measure)]
        measure, base = item.spec.measures[spec.measure], item.spec.measures[spec.of]
        name = f"das_{key}_{spec.measure}"
        benchmark = found[-1].benchmark
        band = capitalised(
            self.words("benchmark_band", name=benchmark.name, benchmark=self.figures[f"{name}_benchmark"])
        )
        figures = "; ".join(f"{c.period} {self.figures[f'{name}_share_{name_key(c.period)}']}" for c in found)
        against = "; ".join(
            f"{c.period}: {self.figures[f'{name}_against_{name_key(c.period)}']}"
            for c in found
            if c.band is not Band.NOT_COMPARED
        )
        more = dict(Measure=measure.label, measure=lowered(measure.label), base_measure=lowered(base.label))
        return Chart(
            f"das_{key}_{spec.measure}_benchmark",
            "benchmark_bars",
            self.words("benchmark_chart_title", **more),
            tuple(item.periods),
            (
                ChartSeries(measure.label, tuple(c.value for c in found), style="bars", colour="chart_bar"),
                ChartSeries(
                    band,
                    tuple(c.expected_low for c in found),
                    style="band",
                    colour="chart_band",
                    upper=tuple(c.expected_high for c in found),
                ),
            ),
            self.words(
                "benchmark_chart_alt", **more, series=item.spec.label, figures=figures, band=band, against=against
            ),
            unit="%",
            decimals=benchmark.places,
        )

    def band_charts(self, key: str, item: Series, spec: StatementSpec) -> list[Chart]:
        """The latest period's expected victims by age, a chart for each sex (seed 001's age and gender chart):
        a band's first word ('Female 16-19') is its group, the rest its bar's label."""
        latest = item.periods[-1]
        groups: dict[str, list[str]] = {}
        for band in item.spec.localities:
            first, _, rest = band.partition(" ")
            groups.setdefault(first if rest else "", []).append(band)
        charts = []
        for group, bands in groups.items():
            names = [f"das_{key}_{spec.measure}_{name_key(band)}" for band in bands]
            values = tuple(_value(self.all_figures[name].value) for name in names)
            figures = "; ".join(f"{band} {self.figures[name]}" for band, name in zip(bands, names, strict=True))
            labels = tuple(band.partition(" ")[2] or band for band in bands)
            if self.recorded_by_band(key, spec):
                seen = [f"das_{key}_{spec.of}_{name_key(band)}" for band in bands]
                recorded = "; ".join(f"{band} {self.figures[name]}" for band, name in zip(bands, seen, strict=True))
                charts.append(
                    Chart(
                        f"das_{key}_bands_{name_key(group or 'all')}",
                        "monthly_counts",
                        self.words(
                            "band_chart_recorded_title", period=latest, group=group or self.words("band_heading")
                        ),
                        labels,
                        (
                            ChartSeries(self.words("band_expected"), values, style="bars", colour="chart_bar"),
                            ChartSeries(
                                self.words("band_recorded"),
                                tuple(_value(self.all_figures[name].value) for name in seen),
                                style="line",
                            ),
                        ),
                        self.words(
                            "band_chart_recorded_alt",
                            period=latest,
                            figures=figures,
                            recorded=recorded,
                            group=lowered(group),
                        ),
                        periods=tuple(bands),
                    )
                )
                continue
            charts.append(
                Chart(
                    f"das_{key}_bands_{name_key(group or 'all')}",
                    "benchmark_bars",
                    self.words("band_chart_title", period=latest, group=group or self.words("band_heading")),
                    labels,
                    (ChartSeries(self.words("band_expected"), values, style="bars", colour="chart_bar"),),
                    self.words("band_chart_alt", period=latest, figures=figures, group=lowered(group)),
                    periods=tuple(bands),
                )
            )
        return charts

    def series_table(self, key: str, item: Series) -> Table:
        periods = item.periods
        header = [Cell(self.words("measure")), *(Cell(period) for period in periods)]
        body: list[list[Cell]] = []
        groups: list[int] = []
        totals: list[int] = []

        def row(label: str, name: str, kind: CellKind, bold: bool = False) -> None:
            cells = [Cell(label, bold=bold)]
            for period in periods:
                figure = f"{name}_{name_key(period)}"
                cells.append(Cell(self.figures[figure], kind, figure=figure, bold=bold))
            body.append(cells)

        def group(label: str) -> None:
            body.append([Cell(label, bold=True)] + [Cell("")] * len(periods))
            groups.append(len(body))

        banded = {
            name for spec in item.spec.statements if spec.kind == "expected" for name in (spec.population, spec.of)
        }
        for measure in item.spec.measures.values():
            name = f"das_{key}_{measure.key}"
            if measure.key in banded:  # in the bands' own table
                continue
            if not measure.by_locality:
                row(measure.label, name, CellKind.COUNT)
                continue
            group(measure.label)
            for place in item.spec.localities:
                row(place, f"{name}_{name_key(place)}", CellKind.COUNT)
            row(self.words("total"), name, CellKind.COUNT, bold=True)
            totals.append(len(body))
        for spec in item.spec.statements:
            name = f"das_{key}_{spec.measure}"
            measure = item.spec.measures[spec.measure]
            if spec.kind == "share":
                base = lowered(item.spec.measures[spec.of].label)
                label = self.words("share_label", measure=lowered(measure.label), base_measure=base)
                row(label, f"{name}_share", CellKind.PERCENT)
            elif spec.kind == "rate":
                population = lowered(item.spec.measures[spec.population].label)
                group(self.words("rate_label", per=f"{spec.per:,}", population=population))
                for place in item.spec.localities:
                    row(place, f"{name}_{name_key(place)}_rate", CellKind.RATE)
                row(self.words("total"), f"{name}_{TOTAL}_rate", CellKind.RATE, bold=True)
                totals.append(len(body))
            elif spec.kind == "benchmark" and (key, spec.measure) in self.comparisons:
                base = lowered(item.spec.measures[spec.of].label)
                label = self.words("share_label", measure=lowered(measure.label), base_measure=base)
                row(label, f"{name}_share", CellKind.PERCENT)
            elif spec.kind == "gap":
                row(self.words("gap_label"), f"das_{key}_gap", CellKind.COUNT)
                row(self.words("recorded_share_label"), f"das_{key}_recorded_share", CellKind.PERCENT)
        share = (1 - LABEL_SHARE) / max(len(periods), 1)
        return Table(
            f"das_{key}",
            [header],
            body,
            "",
            total_rows=tuple(totals),
            group_rows=tuple(groups),
            caption=item.spec.label,
            column_shares=(LABEL_SHARE, *([share] * len(periods))),
            row_headers=(0,),
        )

    def chart(self, key: str, item: Series) -> Chart:
        """The chart measure's figure each period as a bar; the alternative text states each as printed."""
        measure = item.spec.measures[item.spec.chart]
        name = f"das_{key}_{measure.key}"
        values = tuple(_value(item.row(measure.key)[period]) for period in item.periods)
        figures = "; ".join(f"{period} {self.figures[f'{name}_{name_key(period)}']}" for period in item.periods)
        label = lowered(measure.label)
        return Chart(
            f"das_{key}",
            "benchmark_bars",
            self.words("chart_title", series=item.spec.label, measure=capitalised(label)),
            tuple(item.periods),
            (ChartSeries(capitalised(label), values, style="bars", colour="chart_bar"),),
            self.words("chart_alt", series=item.spec.label, measure=label, figures=figures),
        )

    def rate_chart(self, key: str, item: Series, spec: StatementSpec) -> Chart:
        """The latest period's rate by locality as bars (seed 001's chart of the localities' rates)."""
        latest = item.periods[-1]
        places = item.spec.localities
        names = [f"das_{key}_{spec.measure}_{name_key(place)}_rate" for place in places]
        values = tuple(_value(self.all_figures[name].value) for name in names)
        population = lowered(item.spec.measures[spec.population].label)
        label = self.words("rate_label", per=f"{spec.per:,}", population=population)
        figures = "; ".join(f"{place} {self.figures[name]}" for place, name in zip(places, names, strict=True))
        what = f"{lowered(label)}, {latest}, by locality"
        return Chart(
            f"das_{key}_rates",
            "benchmark_bars",
            self.words("rate_chart_title", series=item.spec.label, measure=capitalised(what)),
            places,
            (ChartSeries(f"{label}, {latest}", values, style="bars", colour="chart_bar"),),
            self.words("rate_chart_alt", series=item.spec.label, measure=what, figures=figures),
            unit="rate",
            decimals=RATE_PLACES,
        )

    def gap_chart(self, key: str, item: Series, spec: StatementSpec) -> Chart:
        """The latest period's expected count beside its recorded count (seed 001's 10,301 against 3,076)."""
        latest = item.periods[-1]
        measures = [item.spec.measures[spec.of], item.spec.measures[spec.measure]]
        names = [f"das_{key}_{measure.key}" for measure in measures]
        values = tuple(_value(self.all_figures[name].value) for name in names)
        figures = "; ".join(
            f"{measure.label} {self.figures[name]}" for measure, name in zip(measures, names, strict=True)
        )
        what = f"{lowered(measures[0].label)} and {lowered(measures[1].label)}, {latest}"
        return Chart(
            f"das_{key}_gap",
            "benchmark_bars",
            self.words("rate_chart_title", series=item.spec.label, measure=capitalised(what)),
            tuple(measure.label for measure in measures),
            (ChartSeries(latest, values, style="bars", colour="chart_bar"),),
            self.words("rate_chart_alt", series=item.spec.label, measure=what, figures=figures),
        )

    def sources(self) -> list[Block]:
        header = [Cell(self.words("sources_series")), Cell(self.words("sources_source"))]
        body = [
            [
                Cell(item.spec.label),
                Cell(
                    self.words("source_with_population", source=item.source, population=item.population_source)
                    if item.population_source
                    else item.source
                ),
            ]
            for item in self.series.values()
        ]
        used = {c[0].benchmark.key: c[0].benchmark for c in self.comparisons.values()}
        for benchmark in used.values():
            source = self.words("benchmark_source", source=benchmark.source, date=benchmark.date)
            body.append([Cell(benchmark.label), Cell(source)])
        if self.rates is not None:
            source = self.words("rates_source", source=self.rates.source, date=self.rates.date)
            body.append([Cell(self.words("band_rate")), Cell(source)])
        table = Table(
            "das_sources", [header], body, "", layout="small_words", column_shares=SOURCES_SHARES, row_headers=(0,)
        )
        return [table]


def float_or_none(value: int | None) -> float | None:
    return None if value is None else float(value)


def _value(value: object) -> float | None:
    return None if missing(value) else float(value)  # type: ignore[arg-type]
