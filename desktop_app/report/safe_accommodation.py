"""The safe accommodation appendix (Domestic Abuse Act 2021, Part 4) as a report model.

One section, "Safe accommodation (Domestic Abuse Act 2021, Part 4)", standing
alone behind its own title page or after the MARAC appendix's sections in a
partnership paper: a part per [sections.KEY] of the words, each a sub-heading,
its words and its tables. A group's table gives each row's count year by year
and its share of the group's base in the latest year; the strategy's table its
status, dates and how its review stands at the report date (flagged where the
review date has passed); beside the region and England (given the published
tables) each row's share for this council and each area, a withheld figure's
symbol printed as published; then the sources and notes. Every figure is one
of domain.safe_accommodation's, written once here through domain.formatting;
the figure names are listed in resources/safe_accommodation_report_text.toml.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop_app.domain.formatting import Formatter, long_date, missing
from desktop_app.domain.safe_accommodation import (
    SUM,
    Group,
    PublishedTables,
    ReviewState,
    SafeAccommodationReturn,
    SafeAccommodationVocabulary,
    Share,
    group_total,
    report_date,
    review_status,
    rows_short_of_total,
    shares,
)
from desktop_app.paths import RESOURCES
from desktop_app.report.appendix import appended_part
from desktop_app.report.appendix_text import (
    AppendixText,
    TableWords,
    WordsBuilder,
    capitalised,
    load_appendix_text,
    period_key,
)
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
    ListItem,
    Note,
    PageOptions,
    Paragraph,
    Section,
    Table,
)

DEFAULT_SAFE_ACCOMMODATION_TEXT = RESOURCES / "safe_accommodation_report_text.toml"
#: The parts in order, and the groups each part's tables show.
PART_GROUPS = {
    "people": ("supported", "households"),
    "characteristics": ("characteristics",),
    "not_supported": ("not_supported",),
    "ended": ("ended",),
    "bedspaces": ("bedspaces",),
}
SECTIONS = (*PART_GROUPS, "strategy", "comparison", "sources")
TABLE_WORDS = (
    "section_title",
    "share",
    "of_base",
    "not_given",
    "our_area",
    "comparison_share",
    "strategy_item",
    "strategy_value",
    "strategy_published",
    "strategy_published_on",
    "strategy_reviewed_on",
    "strategy_review_due",
    "strategy_review",
    "yes",
    "no",
    "not_reviewed",
    "review_passed",
    "review_due_on_report_date",
    "review_not_due",
    "review_unknown",
    "sources_figures",
    "sources_source",
    "source_return",
    "source_published",
    "source_review_rule",
    "review_rule",
    "not_given_note",
    "withheld_note",
    "sum_note",
    "chart_area",
    "chart_title",
    "chart_bars",
    "chart_mark",
    "chart_alt",
    "partnership_title",
    "partnership_subtitle",
    "partnership_period",
)
#: The group the comparison's chart shows.
CHART_GROUP = "characteristics"
LABEL_SHARE = 0.42
SHARE_COLUMN = 0.28
#: A table of up to so many rows is kept on one page with its notes.
KEEP_ROWS = 12
STRATEGY_SHARES = (0.4, 0.6)
SOURCES_SHARES = (0.3, 0.7)


def load_safe_accommodation_text(path: Path = DEFAULT_SAFE_ACCOMMODATION_TEXT) -> AppendixText:
    """Read and check the appendix's words; a mistake names the table and key."""
    return load_appendix_text(path, TABLE_WORDS, SECTIONS, shipped=DEFAULT_SAFE_ACCOMMODATION_TEXT)


def area_key(area: str) -> str:
    """'North West' -> 'north_west', for figure names."""
    return re.sub(r"[^0-9a-z]+", "_", area.casefold()).strip("_")


def safe_accommodation_document(
    figures: SafeAccommodationReturn,
    vocabulary: SafeAccommodationVocabulary,
    published: PublishedTables | None = None,
    text: AppendixText | None = None,
    options: PageOptions | None = None,
    as_at: dt.date | None = None,
) -> Document:
    """The appendix of the return (at least one year) and, given them, the published tables beside it; the
    strategy's review is held against `as_at` (default: the end of the return's latest year)."""
    if not figures.periods:
        raise ValueError("the safe accommodation return has no year to report")
    builder = SafeAccommodationBuilder(
        figures, vocabulary, published, text or load_safe_accommodation_text(), options or PageOptions(), as_at
    )
    return builder.document()


def partnership_document(marac: Document, part: Document, text: AppendixText | None = None) -> Document:
    """The MARAC appendix with the safe accommodation section after it, on a new page, and the figures of both;
    its title, subtitle, running title and period the partnership's ([tables] partnership_title, partnership_subtitle,
    partnership_period)."""
    both = appended_part(marac, part)
    words = TableWords(
        text or load_safe_accommodation_text(), {name: figure.text for name, figure in both.figures.items()}
    )
    title, subtitle, period = (
        words.words(key) for key in ("partnership_title", "partnership_subtitle", "partnership_period")
    )
    title_page = None
    if marac.title_page is not None:  # its details end with the period its figures are for (WordsBuilder)
        *details, (label, _) = marac.title_page.details
        title_page = replace(marac.title_page, title=title, subtitle=subtitle, details=(*details, (label, period)))
    return replace(both, metadata=replace(marac.metadata, title=title), title_page=title_page, running_title=title)


def kept_with_heading(heading: Heading, part: list[Block]) -> list[Block]:
    """A part under its heading, the heading and the words before its first table kept on that table's page
    where the table is kept whole."""
    first = next((at for at, block in enumerate(part) if not isinstance(block, (Paragraph, ListItem))), len(part))
    kept = part[first] if first < len(part) else None
    if isinstance(kept, Keep):
        return [Keep((heading, *part[:first], *kept.blocks)), *part[first + 1 :]]
    return [heading, *part]


class SafeAccommodationBuilder(WordsBuilder):
    kind = "safe_accommodation"

    def __init__(
        self,
        figures: SafeAccommodationReturn,
        vocabulary: SafeAccommodationVocabulary,
        published: PublishedTables | None,
        text: AppendixText,
        options: PageOptions,
        as_at: dt.date | None,
    ) -> None:
        self.formatter = Formatter()
        self.text, self.options = text, options
        self.vocabulary, self.published, self.source = vocabulary, published, figures.source
        self.counts = figures.figures
        self.periods = figures.periods
        self.latest = self.periods[-1]
        self.as_at = as_at
        self.report_date = as_at or report_date(self.latest)
        self.review = review_status(figures.strategy, self.report_date, vocabulary.review_years)
        self.strategy = figures.strategy
        self.shares = shares(self.counts[self.latest], vocabulary)
        self.area_shares: dict[str, dict[str, Share]] = {}
        if published is not None:
            for area in published.values.index:
                values, symbols = published.values.loc[area], published.symbols.loc[area]
                self.area_shares[str(area)] = shares(values, vocabulary, symbols)
        self.figures = {}  # the words filled while the figures are worked out need none of them
        self.all_figures = self.figures_of()
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}

    # --- figures ---------------------------------------------------------------------------------

    def share_text(self, share: Share) -> str:
        """'10.0%', or the publisher's symbol where the share rests on a withheld figure."""
        if share.symbol:
            return share.symbol
        return self.formatter.percent(share.value, (share.count, share.base), 1)

    def figures_of(self) -> dict[str, Figure]:
        figures: dict[str, Figure] = {}

        def add(name: str, text: str, value: float | str | None = None, unit: str | None = None) -> None:
            figures[name] = Figure(name, text, value, unit)

        add("sa_latest_period", self.latest, self.latest)
        previous = self.periods[-2] if len(self.periods) > 1 else ""
        add("sa_previous_period", previous, previous)
        add("sa_report_date", long_date(self.report_date), self.report_date.isoformat())
        for key in self.vocabulary.fields:
            for period in self.periods:
                value = self.counts.at[key, period]
                count = None if missing(value) else float(value)
                names = [f"sa_{key}_{period_key(period)}"] + ([f"sa_{key}"] if period == self.latest else [])
                for name in names:
                    add(name, self.formatter.count(count), count, "count")
            if key in self.shares:
                add(f"sa_{key}_share", self.share_text(self.shares[key]), self.shares[key].value, "percent")
            for area, found in self.area_shares.items():
                if key in found:
                    share = found[key]
                    add(f"sa_{key}_{area_key(area)}_share", self.share_text(share), share.value, "percent")
        for group in self.vocabulary.groups.values():
            if group.share_of != SUM:
                continue
            for period in self.periods:
                total = group_total(self.counts[period], group, self.vocabulary)
                names = [f"sa_{group.key}_total_{period_key(period)}"]
                names += [f"sa_{group.key}_total"] if period == self.latest else []
                for name in names:
                    add(name, self.formatter.count(total), total, "count")
        published = self.strategy.published
        add(
            "sa_strategy_published",
            self.words("not_given") if published is None else self.words("yes" if published else "no"),
            None if published is None else str(published),
        )
        for name in ("published_on", "reviewed_on"):
            day = getattr(self.strategy, name)
            if day is None and name == "reviewed_on" and self.strategy.published_on is not None:
                words = self.words("not_reviewed")
            else:
                words = long_date(day) if day else self.words("not_given")
            add(f"sa_strategy_{name}", words, day.isoformat() if day else None)
        due = self.review.due
        add(
            "sa_strategy_review_due",
            long_date(due) if due else self.words("not_given"),
            due.isoformat() if due else None,
        )
        state = {
            ReviewState.PASSED: "review_passed",
            ReviewState.DUE_ON_REPORT_DATE: "review_due_on_report_date",
            ReviewState.NOT_DUE: "review_not_due",
            ReviewState.UNKNOWN: "review_unknown",
        }[self.review.state]
        words = self.words(state, due=long_date(due) if due else "")
        add("sa_strategy_review", words, self.review.state.value)
        return figures

    # --- the document ------------------------------------------------------------------------------

    def section_blocks(self) -> dict[str, Callable[[], list[Block]]]:
        blocks: dict[str, Callable[[], list[Block]]] = {
            part: functools.partial(self.group_tables, groups) for part, groups in PART_GROUPS.items()
        }
        return blocks | {"strategy": self.strategy_table, "comparison": self.comparison, "sources": self.sources}

    def sections(self) -> list[Section]:
        """One section: each part a sub-heading (the comparison only where the published tables are given)."""
        blocks: list[Block] = []
        for key, title, part in self.parts():
            if key == "comparison" and self.published is None:
                continue
            blocks += kept_with_heading(Heading(title, level=2, keep_with_next=True), part)
        return [Section("safe_accommodation", self.words("section_title"), blocks)]

    # --- a group's table ---------------------------------------------------------------------------

    def base_words(self, group: Group) -> str:
        if group.share_of == SUM:
            return group.total_label[:1].lower() + group.total_label[1:]
        label = self.vocabulary.fields[group.share_of].label
        return label[:1].lower() + label[1:]

    def group_tables(self, groups: tuple[str, ...]) -> list[Block]:
        return [block for group in groups for block in self.group_table(group)]

    def group_table(self, key: str) -> list[Block]:
        group = self.vocabulary.groups[key]
        with_share = bool(group.share_of)
        header = [Cell(group.label), *(Cell(period) for period in self.periods)]
        if with_share:
            header.append(Cell(self.words("share", base=self.base_words(group))))
        body: list[list[Cell]] = []
        notes: list[Block] = []
        for field in self.vocabulary.in_group(key):
            label = self.vocabulary.fields[field].label
            row = [Cell(label)]
            for period in self.periods:
                name = f"sa_{field}_{period_key(period)}"
                row.append(Cell(self.figures[name], CellKind.COUNT, figure=name))
                if missing(self.counts.at[field, period]):
                    notes.append(Note(self.words("not_given_note", label=label, period=period)))
            if with_share:
                row.append(self.share_cell(f"sa_{field}_share", self.shares[field]))
            body.append(row)
        for period in self.periods:
            added = rows_short_of_total(self.counts[period], group, self.vocabulary)
            if added is not None:
                base = self.counts.at[group.share_of, period]
                words = self.words(
                    "sum_note",
                    period=period,
                    sum=self.formatter.count(added),
                    base=self.formatter.count(base),
                    base_words=self.base_words(group),
                )
                notes.append(Note(words))
        totals: tuple[int, ...] = ()
        if group.share_of == SUM:
            row = [Cell(group.total_label, bold=True)]
            for period in self.periods:
                name = f"sa_{key}_total_{period_key(period)}"
                row.append(Cell(self.figures[name], CellKind.COUNT, bold=True, figure=name))
            body.append([*row, Cell("", CellKind.PERCENT)])
            totals = (len(body),)  # the header row comes first
        years = len(self.periods)
        share_column = (SHARE_COLUMN,) if with_share else ()
        year_share = (1 - LABEL_SHARE - sum(share_column)) / years
        shares = (LABEL_SHARE, *([year_share] * years), *share_column)
        table = Table(
            f"safe_accommodation_{key}",
            [header],
            body,
            "",
            total_rows=totals,
            caption=group.label,
            column_shares=shares,
            row_headers=(0,),
        )
        return [Keep((table, *notes))] if len(body) <= KEEP_ROWS else [table, *notes]

    def share_cell(self, name: str, share: Share) -> Cell:
        muted = ""
        if share.value is not None:
            muted = self.words(
                "of_base", count=self.formatter.count(share.count), base=self.formatter.count(share.base)
            )
        return Cell(self.figures[name], CellKind.PERCENT, figure=name, muted=muted)

    # --- the strategy ------------------------------------------------------------------------------------

    def strategy_table(self) -> list[Block]:
        header = [Cell(self.words("strategy_item")), Cell(self.words("strategy_value"))]
        body = []
        for name in ("published", "published_on", "reviewed_on", "review_due", "review"):
            figure = f"sa_strategy_{name}"
            text = self.figures[figure]
            passed = name == "review" and self.review.state is ReviewState.PASSED
            if passed:  # flagged in words and in bold, the shading only beside them
                text = f"**{capitalised(text)}**"
            body.append(
                [
                    Cell(self.words(f"strategy_{name}")),
                    Cell(text, figure=figure, background="status_poor" if passed else None),
                ]
            )
        return [
            Table(
                "safe_accommodation_strategy",
                [header],
                body,
                "",
                caption=self.text.sections["strategy"][0],
                column_shares=STRATEGY_SHARES,
                row_headers=(0,),
            )
        ]

    # --- beside the region and England ---------------------------------------------------------------

    def comparison(self) -> list[Block]:
        if self.published is None:
            return []
        areas = list(self.area_shares)
        header = [Cell(self.words("comparison_share")), Cell(self.words("our_area")), *(Cell(area) for area in areas)]
        body: list[list[Cell]] = []
        groups: list[int] = []
        for group in self.vocabulary.groups.values():
            fields = [field for field in self.vocabulary.in_group(group.key) if field in self.shares]
            shown = [field for field in fields if self.published.values[field].notna().any() or self.withheld(field)]
            if not shown:
                continue
            body.append([Cell(group.label, bold=True)] + [Cell("")] * len(header[1:]))
            groups.append(len(body))
            for field in shown:
                row = [
                    Cell(self.vocabulary.fields[field].label),
                    self.share_cell(f"sa_{field}_share", self.shares[field]),
                ]
                for area in areas:
                    name = f"sa_{field}_{area_key(area)}_share"
                    row.append(self.share_cell(name, self.area_shares[area][field]))
                body.append(row)
        share = (1 - LABEL_SHARE) / (len(areas) + 1)
        table = Table(
            "safe_accommodation_comparison",
            [header],
            body,
            "",
            group_rows=tuple(groups),
            caption=self.text.sections["comparison"][0],
            column_shares=(LABEL_SHARE, *([share] * (len(areas) + 1))),
            row_headers=(0,),
        )
        symbols = sorted({str(s) for s in self.published.symbols.to_numpy().ravel() if str(s)})
        notes: list[Block] = [Note(self.words("withheld_note", symbols=", ".join(symbols)))] if symbols else []
        title = Paragraph(f"**{self.words('chart_title', area=self.chart_area(areas))}**", keep_with_next=True)
        return [table, *notes, Keep((title, self.comparison_chart(areas)))]

    def chart_area(self, areas: list[str]) -> str:
        """The area the chart marks: chart_area's words where the tables have it, else their last."""
        wanted = self.words("chart_area")
        return wanted if wanted in areas else areas[-1]

    def comparison_chart(self, areas: list[str]) -> Chart:
        """The characteristics' shares for this council as bars, one area's marked on each; the alternative text
        states every figure as the table prints it."""
        area = self.chart_area(areas)
        fields = self.vocabulary.in_group(CHART_GROUP)
        ours = [self.shares[field] for field in fields]
        theirs = [self.area_shares[area][field] for field in fields]
        marks = tuple(share.value if not share.symbol else None for share in theirs)
        series = (
            ChartSeries(
                self.words("chart_bars"), tuple(share.value for share in ours), style="bars", colour="chart_bar"
            ),
            ChartSeries(self.words("chart_mark", area=area), marks, style="band", colour="chart_band", upper=marks),
        )
        figures = "; ".join(
            f"{self.vocabulary.fields[field].label} {self.figures[f'sa_{field}_share']} "
            f"({area} {self.figures[f'sa_{field}_{area_key(area)}_share']})"
            for field in fields
        )
        return Chart(
            "safe_accommodation_characteristics",
            "benchmark_bars",
            "",  # its title is the paragraph over it, which the PDF and the Word copy both print
            tuple(self.vocabulary.fields[field].short for field in fields),
            series,
            self.words("chart_alt", area=area, figures=figures),
            unit="%",
            decimals=1,
        )

    def withheld(self, field: str) -> bool:
        assert self.published is not None
        return bool((self.published.symbols[field] != "").any())

    # --- the sources ------------------------------------------------------------------------------------

    def sources(self) -> list[Block]:
        header = [Cell(self.words("sources_figures")), Cell(self.words("sources_source"))]
        body = [[Cell(self.words("source_return")), Cell(self.source)]]
        if self.published is not None:
            body.append([Cell(self.words("source_published")), Cell(self.published.source)])
        years = str(self.vocabulary.review_years)
        body.append([Cell(self.words("source_review_rule")), Cell(self.words("review_rule", years=years))])
        table = Table(
            "safe_accommodation_sources",
            [header],
            body,
            "",
            layout="small_words",
            column_shares=SOURCES_SHARES,
            row_headers=(0,),
        )
        return [Keep((table,))]  # so that its heading stands on its page
