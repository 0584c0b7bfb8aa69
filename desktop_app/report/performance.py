"""The performance appendix as a report model: dashboard tables, survey benchmarks, change cards and charts.

    document = performance_document(results, weekly=weekly_frame, monthly=monthly_frame,
                                    text=load_performance_text(), options=PageOptions(...))

Title page, contents, then the sections the report text file lists, in its
order. A section is the author's words and, where it says `show = ...`, one of:

- "dashboard": the indicators by group (Demand, Timeliness, Effectiveness,
  Management, Outcomes, ...; in `dashboard_group_order`, which the window's
  Indicators tab uses too), a table per group as seed 002's dashboard prints
  them: Status (shaded as the status vocabulary says), Metric, Previous,
  Current, SN, direction of travel, Comment, Action; the status key before the
  first dashboard with statuses; on landscape pages unless the section says
  otherwise;
- "survey": the quartile key, then benchmark tables as seed 000 prints them:
  Theme, Good is, our value, then each comparator group's average with the
  quartile marker of our value in that group (✔ top, ▬ middle, ✘ bottom);
- "cards": change cards (seed 000's "Weekly Summary"): the latest value and
  its change on a week, a month, a quarter and a year before
  (domain.weekly.weekly_results for the weekly series), and, where the section says `since_april = true`, a
  line under its date with the change since the financial year began (the text's KEY_fy_change);
- "charts": monthly counts with the rolling 12-month average, a percentage
  over rolling 12 months, or a count at each month's end (a waiting list), with
  a comparator's or the target's level dashed across it (`Chart` nodes with
  their alternative text, report.charts);
- "review": the indicators of its sheets in one table as the return lists them, as seed 002 prints its ChAT
  review: metric, the two periods, SN, comment, its figures at the precision the return gives them (829, 26%,
  20.5%); an indicator `joined` to another in brackets after its figures;
- "comparisons": ChAT's comparisons with published statistics (seed 002's page 23): our latest figure, its
  direction of travel since the published one, the published LA, SN and England figures, our place against
  the middle 50% of all councils and the figures' date, with ChAT's key in words and marks.

Every figure is one of `performance_figures`; every word the text file's or the author's.

The text names an indicator by its id: a return's own id, or a catalogue entry's, which means the one indicator
linked to that entry (performance_figures.figure_keys); where two of the returns' indicators are linked to one
entry, the text's sentences, cards and charts naming the entry cannot say which is meant and are left out (a
dashboard or survey listing the entry shows both).

The appendix is written from whatever returns are given: a sentence naming a figure the returns do not give
(an indicator, a comparator, a year-back value), a chart, card or table whose indicator is not there, and a
section left with nothing to show are left out, each with the reason, in `Document.left_out`
(`left_out_report` words it for the command line and the window). A name no return could give (a slip
such as {csc_assesments_45_days_value}) is still an error naming the nearest known name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from desktop_app.domain.cross_tabs import category_shares, cross_tab_grid, cross_tab_total
from desktop_app.domain.formatting import NO_CHANGE, format_value
from desktop_app.domain.indicator_series import MonthlySeries, monthly_average, monthly_counts, rolling_history
from desktop_app.domain.indicators import (
    COMPARATOR_LABELS,
    HORIZONS,
    UNIT_DECIMALS,
    Catalogue,
    IndicatorResults,
    catalogue_links,
    has_month_average,
    load_catalogue,
)
from desktop_app.domain.quartiles import MARKS
from desktop_app.domain.returns import COMPARATORS
from desktop_app.domain.weekly import WeeklySeries, weekly_results
from desktop_app.report.appendix import appendix_document
from desktop_app.report.charts import month_label, month_name, with_alt_text, with_authored_alt_texts
from desktop_app.report.complaints_figures import key_of
from desktop_app.report.model import (
    Block,
    Card,
    Cards,
    Cell,
    CellKind,
    Chart,
    ChartSeries,
    Document,
    Footnote,
    Heading,
    Keep,
    ListItem,
    PageOptions,
    Paragraph,
    Section,
    Space,
    Span,
    Table,
)
from desktop_app.report.performance_figures import (
    CONDITIONS,
    IN_RANGE_MARK,
    INDICATOR_FIGURES,
    MISSING,
    Row,
    decimals_of,
    figure_keys,
    indicator_keys_of,
    meant_links,
    performance_figures,
    plain_number,
    present,
    usual_period,
)
from desktop_app.report.performance_sources import ReturnSource
from desktop_app.report.performance_text import (
    ChartSpec,
    PerformanceText,
    load_performance_text,
)
from desktop_app.report.performance_text import Section as TextSection
from desktop_app.report.prose import prose_blocks, without_sentences
from desktop_app.report.statuses import StatusVocabulary, load_statuses
from desktop_app.report.text import DOCUMENT_KEYS, fill, placeholders_in

#: The chart kinds drawn as a line of the indicator's figure each month (monthly_counts adds bars).
LINE_KINDS = ("rolling_percent", "month_end")


#: What a figure's cell holds, by the indicator's unit (writers align numbers alike; the kind says what it is).
UNIT_KINDS = {
    "count": CellKind.COUNT,
    "percent": CellKind.PERCENT,
    "gbp": CellKind.MONEY,
    "rate_per_10000": CellKind.RATE,
    "rate_per_100000": CellKind.RATE,
}
JUDGED = ("better", "worse")
QUOTED_LENGTH = 70  # a left-out sentence is quoted up to this many characters
WORD_ROOM = 6  # letters: the least room a cross tab's column is given, as if its header's longest word had them
PART_MARK = "▸ "  # before a cross tab's row that breaks down the row above it
#: What a sentence naming KEY_if_<condition> says happened, for the reason it is left out where it did not.
CONDITION_WORDS = {
    "up": "rise",
    "down": "fall",
    "unchanged": "stay the same",
    "better": "get better",
    "worse": "get worse",
}
CONDITION_UNMET = "the data does not say it"
#: A heatmap's shades (colours of the style), from the smallest values to the largest.
HEAT_SHADES = ("heat_1", "heat_2", "heat_3", "heat_4")


def left_out_report(document: Document) -> str:
    """What the appendix left out and why, one line each ('' if nothing): the command line prints it after
    writing, the window shows it when the export is done."""
    if not document.left_out:
        return ""
    lines = [f"- {what}: {why}" for what, why in document.left_out]
    return "\n".join([f"Left out of the appendix ({len(lines)}), each for the reason given:", *lines])


def dashboard_group_order(groups: Iterable[object], text: PerformanceText, first: Sequence[str] = ()) -> dict[str, int]:
    """Each dashboard group's place: `first` (a section's own groups), then the groups the report's dashboards
    name, in their order, then the others in the order `groups` (the results' groups) first lists them.

    The PDF's dashboards and the window's Indicators tab both order their groups by it; indicators without a
    group come after every group (as "Other").
    """
    named = [*first, *(g for s in text.sections if s.show == "dashboard" for g in s.groups)]
    named += [g for g in groups if isinstance(g, str)]
    order: dict[str, int] = {}
    for group in named:
        order.setdefault(group, len(order))
    return order


def performance_document(
    results: IndicatorResults,
    *,
    weekly: WeeklySeries | IndicatorResults | None = None,
    monthly: MonthlySeries | None = None,
    text: PerformanceText | None = None,
    options: PageOptions | None = None,
    title: str | None = None,
    catalogue: Catalogue | None = None,
    statuses: StatusVocabulary | None = None,
    alt_texts: Mapping[str, str] | None = None,
    sources: Sequence[ReturnSource] = (),
) -> Document:
    """The appendix of `results` as a report model: every figure formatted once, every word filled.

    `weekly`: a weekly series frame (see domain.weekly.weekly_results, with the text's [weekly] ids and
    ratios) or results already worked out from one, for the change cards; `monthly`: the monthly series
    frame, whose months' own counts are the bars of a "monthly_counts" chart (the rolling figures come from
    `results.history`). `title` replaces the text file's; `alt_texts`: the author's alternative text of
    charts, by chart key, in place of the worked-out text. What the returns do not give is left out and
    listed in the document's `left_out`; raises UnknownPlaceholderError for a name no return could give.
    `sources`: the returns the figures come from (report.performance_sources.return_sources), listed in a last
    section, "Sources of the figures", with their sheets, periods and dates (none given: no such section).
    """
    text = text or load_performance_text()
    catalogue = catalogue or load_catalogue()
    if weekly is not None and not isinstance(weekly, IndicatorResults):
        weekly = weekly_results(weekly, catalogue, text.weekly_ids, text.weekly_ratios)
    builder = _Builder(results, weekly, monthly, text, options or PageOptions(), statuses or load_statuses(), catalogue)
    builder.sources = tuple(sources)
    return with_authored_alt_texts(builder.document(title), alt_texts or {})


class _Builder:
    """Fills the words and lays out the tables, cards and charts of one appendix."""

    def __init__(
        self,
        results: IndicatorResults,
        weekly: IndicatorResults | None,
        monthly: MonthlySeries | None,
        text: PerformanceText,
        options: PageOptions,
        statuses: StatusVocabulary,
        catalogue: Catalogue,
    ) -> None:
        self.results = results
        self.weekly = weekly
        self.monthly = monthly
        self.text = text
        self.options = options
        self.statuses = statuses
        self.all_figures = performance_figures(results, weekly, text, statuses, monthly)
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}
        self.table = results.table.set_index("id", drop=False)
        # The status key: the statuses of every scheme the given statuses use, once, before the first dashboard
        # with any (a catalogue rule's status is not printed: performance_figures).
        given = results.table.loc[results.table["status_source"].eq("author"), "status"]
        self.key_statuses = statuses.in_schemes(statuses.schemes_of(given.dropna()))
        self.status_key_shown = False
        # The indicators the returns give, and those the text or the catalogue knows (a figure of one of
        # these that is not given is left out, not an error), by their figures' KEY.
        self.weekly_series = {*text.weekly_ids, *text.weekly_ids.values(), *text.weekly_ratios}
        self.given_keys = {key for keys in figure_keys(results, weekly, text.meant).values() for key in keys}
        self.table_links = catalogue_links(results, weekly)  # a table listing an entry shows every row linked
        self.links = meant_links(self.table_links, text.meant)  # a sentence, card or chart means one
        # The names of the catalogue entries two indicators are linked to: right, but without figures here.
        self.undecided = [
            f"{key_of(entry)}_{suffix}"
            for entry, ids in self.links.items()
            if len(ids) > 1
            for suffix in INDICATOR_FIGURES
        ]
        named = [s.ids for s in text.sections] + [[c.indicator for c in s.cards + s.charts] for s in text.sections]
        known = [*catalogue.definitions, *self.weekly_series, *(id_ for ids in named for id_ in ids)]
        self.known = {key_of(id_): id_ for id_ in known}
        self.left_out: list[tuple[str, str]] = []
        self.sources: tuple[ReturnSource, ...] = ()

    # --- words ---------------------------------------------------------------------

    def fill(self, template: str, where: str, figures: Mapping[str, str] | None = None) -> str:
        figures = self.figures if figures is None else figures
        return fill(template, figures, f"{self.text.source}: {where}", self.undecided)

    def words(self, key: str) -> str:
        return self.fill(self.text.words(key), f"[tables] {key}")

    def ids_of(self, indicator: str) -> tuple[str, ...]:
        """The ids of the indicators (of the monthly results) the text means by `indicator`: the one of that
        id, else those linked to that catalogue entry."""
        if indicator in self.table.index:
            return (indicator,)
        return tuple(id_ for id_ in self.table_links.get(indicator, ()) if id_ in self.table.index)

    def id_of(self, indicator: str, source: IndicatorResults) -> str | None:
        """The id in `source` of the one indicator the text means by `indicator` (None: none, or two)."""
        ids = source.table["id"]
        if ids.eq(indicator).any():
            return indicator
        linked = self.links.get(indicator, ())
        return linked[0] if len(linked) == 1 and ids.eq(linked[0]).any() else None

    def not_given(self, indicator: str) -> str:
        """Why an indicator's table, card or chart is left out: the returns do not give it, or give two
        indicators linked to that catalogue entry."""
        linked = self.links.get(indicator, ())
        if len(linked) > 1:
            return (
                f"the returns have {len(linked)} indicators linked to the catalogue's {indicator} "
                f"({_listed(linked)}), so which is meant cannot be told: name one by its own id"
            )
        if indicator in self.weekly_series and self.weekly is None:
            return f"it needs {indicator}, from the weekly series, which was not given"
        return f"it needs {indicator}, which none of the returns gives"

    def absent(self, name: str) -> str | None:
        """Why the figure `name` cannot be shown (None: it can, or no return could give it: fill names it)."""
        shown = self.figures.get(name)
        condition = next((c for c in CONDITIONS if name.endswith(f"_if_{c}")), None)
        if shown == MISSING and condition:
            key = name.removesuffix(f"_if_{condition}")
            horizon = next((h for h in HORIZONS if key.endswith(f"_{h}") and f"{key}_name" not in self.figures), None)
            key = key.removesuffix(f"_{horizon}") if horizon else key
            indicator = self.figures.get(f"{key}_name")
            if indicator:
                since = f"over the {horizon}" if horizon else "on the period before"
                return f"{CONDITION_UNMET}: {indicator} did not {CONDITION_WORDS[condition]} {since}"
        if shown is not None:
            return None if shown != MISSING else f"the returns give no figure for {{{name}}}"
        for key in indicator_keys_of(name):
            if key in self.given_keys:
                return f"the returns give no figure for {{{name}}}"
            if key in self.known:
                return self.not_given(self.known[key])
        return None

    def why_not(self, sentence: str) -> str | None:
        reasons = [why for name in placeholders_in(sentence) if (why := self.absent(name.strip()))]
        return "; ".join(dict.fromkeys(reasons)) or None

    def pruned(self, template: str, what: str) -> str:
        """`template` without the sentences whose figures the returns do not give, each noted as left out."""
        text, dropped = without_sentences(template, self.why_not)
        for sentence, why in dropped:
            if CONDITION_UNMET not in why:  # a sentence the data does not bear out is not missing anything
                self.leave_out(f"{what}, the sentence “{_quoted(sentence)}”", why)
        return text

    def kept(self, template: str, where: str, what: str) -> str:
        """`template` filled, without the sentences whose figures the returns do not give."""
        return self.fill(self.pruned(template, what), where)

    def leave_out(self, what: str, why: str) -> None:
        self.left_out.append((what, why))

    def prose(self, template: str, where: str, what: str, keep: bool = False) -> list[Block]:
        text = self.pruned(template, what)
        names = tuple(dict.fromkeys(placeholders_in(text)))
        return prose_blocks(self.fill(text, where), keep_last_with_next=keep, figures=names)

    def figure(self, name: str) -> str:
        """A figure for a table cell: blank where the results have none (as the papers leave it)."""
        value = self.figures.get(name, MISSING)
        return "" if value == MISSING else value

    # --- the document ----------------------------------------------------------------

    def document(self, title: str | None) -> Document:
        document = self.text.document
        about = {key: self.kept(document.get(key, ""), f"[document] {key}", f"The {key}") for key in DOCUMENT_KEYS}
        period = self.figures["period"]
        return appendix_document(
            "performance",
            about,
            sections=self.sections(),
            options=self.options,
            words=self.words,
            figures=self.all_figures,
            period=None if period == MISSING else (self.words("title_details_period"), period),
            title=title or about["title"] or about["subject"],
            left_out=tuple(self.left_out),
        )

    def sections(self) -> list[Section]:
        """The text's sections; one with nothing of the returns to show is left out whole, with its reasons."""
        sections = []
        for section in self.text.sections:
            where = f"[[sections]] {section.key!r}"
            before = len(self.left_out)
            title = self.kept(section.title, f"{where} title", f"Section {section.key!r}")
            what = f"“{title or section.key}”"
            blocks = self.prose(section.text, f"{where} text", what, keep=bool(section.show))
            before_shown = len(self.left_out)
            shown = self.shown(section, where, what)
            shown_reasons = [why for _, why in self.left_out[before_shown:]]
            blocks += shown + self.prose(section.more_text, f"{where} more_text", what)
            if title and blocks and (shown or not section.show):
                sections.append(Section(section.key, title, blocks, landscape=section.landscape))
                continue
            reasons = shown_reasons or [why for _, why in self.left_out[before:]] or [self.words("chart_no_data")]
            del self.left_out[before:]
            self.leave_out(f"The section {what}", "; ".join(dict.fromkeys(reasons)))
        if self.sources:
            sections.append(self.sources_section())
        return sections

    def sources_section(self) -> Section:
        """Each return the figures come from: its file's name, the sheets used, the period covered and the date
        it was imported (or, read from the file as it is, the date the file was saved), seed 000's stamp."""
        header = self.header(*(self.words(f"sources_{w}") for w in ("file", "sheets", "period", "date")))
        body = [
            [
                Cell(source.file),
                Cell(", ".join(source.sheets)),
                Cell(source.period or self.words("sources_no_period")),
                Cell(
                    self.fill(
                        self.text.words(f"sources_{source.dated}"),
                        f"[tables] sources_{source.dated}",
                        {"date": source.date},
                    )
                ),
            ]
            for source in self.sources
        ]
        table = Table("sources", [header], body, "", column_shares=(0.36, 0.24, 0.2, 0.2), row_headers=(0,))
        return Section("sources", self.words("sources_title"), [Paragraph(self.words("sources_text")), table])

    def shown(self, section: TextSection, where: str, what: str) -> list[Block]:
        """The section's dashboard, surveys, cards or charts: [] where the returns give none of them."""
        if section.show == "dashboard":
            return self.dashboard(section, what)
        if section.show == "survey":
            return self.surveys(section, what)
        if section.show == "cards":
            return self.cards(section, what)
        if section.show == "charts":
            return self.charts(section, where, what)
        if section.show == "table":
            return self.cross_tabs(section, what)
        if section.show == "categories":
            return self.categories(section, what)
        if section.show == "review":
            return self.review(section, what)
        if section.show == "comparisons":
            return self.comparisons(section, what)
        return []

    # --- cells ---------------------------------------------------------------------

    def header(self, *words: str) -> list[Cell]:
        return [Cell(w) for w in words]

    def number(self, name: str, row: Row, plain: bool, muted: str = "") -> Cell:
        """The cell of figure `name` (of the indicator `row`), the survey tables' plain way if `plain`."""
        shown = plain_number(self.figure(name)) if plain else self.figure(name)
        kind = UNIT_KINDS.get(row["unit"], CellKind.NUMBER) if isinstance(row["unit"], str) else CellKind.NUMBER
        return Cell(shown, kind, figure=name, muted=muted if shown else "")

    # --- the dashboard -------------------------------------------------------------------

    def dashboard_rows(self, section: TextSection, what: str) -> Any:
        """The section's indicators: its sheets and ids, its groups (in `dashboard_group_order`; a review as listed)."""
        table = self.results.table
        surveyed = {group for s in self.text.sections if s.show == "survey" for group in s.groups}
        rows = table[~table["group"].isin(list(surveyed))] if not section.groups else table
        if section.sheets:
            rows = rows[rows["sheet"].isin(list(section.sheets))]
        if section.ids:
            for unknown in (i for i in section.ids if not self.ids_of(i)):
                self.leave_out(f"{what}, the dashboard's row {unknown}", self.not_given(unknown))
            rows = rows[rows["id"].isin([id_ for i in section.ids for id_ in self.ids_of(i)])]
        if section.groups:
            rows = rows[rows["group"].isin(list(section.groups))]
        if section.show == "review":
            return rows  # as the return lists them (seed 002's ChAT review), not regrouped
        order = dashboard_group_order(table["group"], self.text, section.groups)
        position = rows["group"].map(order).fillna(len(order))
        return rows.assign(_order=position).sort_values("_order", kind="stable").drop(columns="_order")

    def dashboard(self, section: TextSection, what: str) -> list[Block]:
        rows = self.dashboard_rows(section, what)
        if rows.empty:
            kept_to = [
                f"{name} {', '.join(values)}"
                for name, values in (("sheets", section.sheets), ("groups", section.groups), ("ids", section.ids))
                if values
            ]
            within = f" ({'; '.join(kept_to)})" if kept_to else ""
            self.leave_out(f"{what}, its dashboard", f"none of the returns' indicators is in it{within}")
            return []
        current_period, previous_period = usual_period(rows["period"]), usual_period(rows["previous_period"])
        blocks: list[Block] = []
        # A Status column only where the return gave statuses (the ChAT review has none, as the paper).
        with_status = any(self.figure(f"{key_of(id_)}_status") for id_ in rows["id"])
        if with_status and self.key_statuses and not self.status_key_shown:
            blocks += self.status_key()
            self.status_key_shown = True
        head = self.header(
            *([self.words("dashboard_status")] if with_status else []),
            self.words("dashboard_metric"),
            _with_period(self.words("dashboard_previous"), previous_period),
            _with_period(self.words("dashboard_current"), current_period),
            self.words("dashboard_sn"),
            self.words("dashboard_direction"),
            self.words("dashboard_comment"),
            self.words("dashboard_action"),
        )
        for number, (group, members) in enumerate(rows.groupby("group", sort=False, dropna=False), start=1):
            name = group if isinstance(group, str) else self.words("other_group")
            body = [
                self.dashboard_row(row, current_period, previous_period, section.plain_numbers)[not with_status :]
                for row in members.to_dict("records")
            ]
            key = f"{section.key}_{key_of(name)}_{number}"
            continued = self.fill(
                self.text.words("dashboard_continued"), "[tables] dashboard_continued", {"group": name}
            )
            blocks.append(
                Table(
                    key,
                    [head],
                    body,
                    "dashboard" if with_status else "dashboard_without_status",
                    layout="small_top",
                    heading=name,
                    caption=name,
                    heading_continued=continued,
                )
            )
        blocks.append(Footnote(self.words("direction_key")))
        return blocks

    def dashboard_row(self, row: Row, current_period: str, previous_period: str, plain: bool) -> list[Cell]:
        key = key_of(row["id"])

        def with_own_period(name: str, period: object, usual: str) -> Cell:
            return self.number(name, row, plain, period if isinstance(period, str) and period != usual else "")

        status = self.figure(f"{key}_status")
        found = self.statuses.find(status) if status else None
        arrow = self.figure(f"{key}_arrow")
        judgement = self.all_figures[f"{key}_judgement"].value
        return [
            Cell(
                status, CellKind.STATUS, bold=True, figure=f"{key}_status", background=found.colour if found else None
            ),
            Cell(self.figure(f"{key}_name"), figure=f"{key}_name"),
            with_own_period(f"{key}_previous", row["previous_period"], previous_period),
            with_own_period(f"{key}_value", row["period"], current_period),
            self.number(f"{key}_sn", row, plain),
            Cell(arrow, CellKind.ARROW, figure=f"{key}_arrow", colour=judgement if judgement in JUDGED else None),
            Cell(row["commentary"] or ""),
            Cell(row["action"] or ""),
        ]

    def rows_of(self, section: TextSection, what: str, table: str) -> Any:
        """The section's indicators (dashboard_rows), or none with the reason noted."""
        rows = self.dashboard_rows(section, what)
        if rows.empty:
            within = f" (sheets {', '.join(section.sheets)})" if section.sheets else ""
            self.leave_out(f"{what}, its {table}", f"none of the returns' indicators is in it{within}")
        return rows

    # --- the review (seed 002's ChAT review) ----------------------------------------------

    def review(self, section: TextSection, what: str) -> list[Block]:
        rows = self.rows_of(section, what, "review")
        if rows.empty:
            return []
        current, previous = usual_period(rows["period"]), usual_period(rows["previous_period"])
        given = [*section.headings, "", "", "", "", ""][:5]
        defaults = (
            self.words("dashboard_metric"),
            _with_period(self.words("dashboard_previous"), previous),
            _with_period(self.words("dashboard_current"), current),
            self.words("dashboard_sn"),
            self.words("dashboard_comment"),
        )
        header = self.header(*(words or default for words, default in zip(given, defaults, strict=True)))
        followers = {key_of(after) for after in section.joined.values()}
        joined = {key_of(first): key_of(after) for first, after in section.joined.items()}
        body = []
        for row in rows.to_dict("records"):
            key = key_of(row["id"])
            if key in followers:
                continue
            cells = [
                Cell(self.figure(f"{key}_name"), figure=f"{key}_name", term=True),
                self.number(f"{key}_previous_as_given", row, section.plain_numbers),
                self.number(f"{key}_value_as_given", row, section.plain_numbers),
                self.number(f"{key}_sn_as_given", row, section.plain_numbers),
                Cell(row["commentary"] or ""),
            ]
            after = joined.get(key)
            for position, suffix in ((1, "previous_as_given"), (2, "value_as_given")):
                also = self.figure(f"{after}_{suffix}") if after else ""
                if also and cells[position].text:
                    cell = cells[position]
                    cells[position] = Cell(f"{cell.text} ({also})", cell.kind, figure=cell.figure)
            body.append(cells)
        return [Table(f"{section.key}_review", [header], body, "review", layout="small", row_headers=(0,))]

    # --- ChAT's comparisons with published statistics ----------------------------------------

    def comparisons(self, section: TextSection, what: str) -> list[Block]:
        rows = self.rows_of(section, what, "comparisons")
        if rows.empty:
            return []
        words = self.words
        top = [
            Cell(words("comparisons_indicator")),
            Cell(words("comparisons_latest")),
            Cell(),
            Cell(words("comparisons_published")),
            Cell(),
            Cell(),
            Cell(),
            Cell(words("comparisons_date")),
        ]
        second = self.header(
            "",
            words("comparisons_la"),
            words("comparisons_travel"),
            words("comparisons_la"),
            words("comparisons_sn"),
            words("comparisons_england"),
            words("comparisons_range"),
            "",
        )
        spans = (Span(0, 0, rows=2), Span(0, 1, columns=2), Span(0, 3, columns=4), Span(0, 7, rows=2))
        body = [self.comparison_row(row, section.plain_numbers) for row in rows.to_dict("records")]
        table = Table(f"{section.key}_comparisons", [top, second], body, "comparisons", spans=spans, layout="small")
        key = Keep(
            tuple(
                ListItem(words(f"comparisons_key_{name}"), marker=marker)
                for name, marker in (
                    ("travel", "▲ ▼"),
                    ("same", "-"),
                    ("good", MARKS["top"]),
                    ("poor", MARKS["bottom"]),
                    ("in_range", IN_RANGE_MARK),
                )
            )
        )
        return [key, table]

    def comparison_row(self, row: Row, plain: bool) -> list[Cell]:
        key = key_of(row["id"])
        travel, arrow = self.figure(f"{key}_travel"), self.figure(f"{key}_travel_arrow")
        judgement = self.all_figures[f"{key}_travel_judgement"].value
        position, marker = self.figure(f"{key}_range"), self.figure(f"{key}_range_marker")
        return [
            Cell(self.figure(f"{key}_name"), figure=f"{key}_name", term=True),
            self.number(f"{key}_value", row, plain),
            Cell(
                f"{arrow} {travel}".strip() if travel and arrow != "-" else travel,
                CellKind.ARROW,
                figure=f"{key}_travel",
                colour=judgement if judgement in JUDGED else None,
            ),
            self.number(f"{key}_published", row, plain),
            self.number(f"{key}_sn", row, plain),
            self.number(f"{key}_england", row, plain),
            Cell(f"{marker} {position}".strip(), figure=f"{key}_range"),
            Cell(self.figure(f"{key}_published_period"), figure=f"{key}_published_period"),
        ]

    def status_key(self) -> list[Block]:
        """What each status means, its cell shaded as the dashboard shades it."""
        body = [
            [Cell(status.code, CellKind.STATUS, bold=True, background=status.colour), Cell(status.label)]
            for status in self.key_statuses
        ]
        heading = Heading(self.words("status_key_heading"), level=2, in_contents=False, in_outline=False)
        table = Table("status_key", [], body, "status_key", layout="key")
        return [Keep((heading, table)), Space("table_space_after")]

    # --- survey benchmarks ----------------------------------------------------------------

    def surveys(self, section: TextSection, what: str) -> list[Block]:
        table = self.results.table
        tables: list[Block] = []
        for group in section.groups:
            rows = table[table["group"].eq(group)]
            if section.ids:
                rows = rows[rows["id"].isin([id_ for i in section.ids for id_ in self.ids_of(i)])]
            if rows.empty:
                self.leave_out(f"{what}, the table {group!r}", f"no indicator of the returns is in the group {group!r}")
                continue
            blocks = rows.groupby([rows["sheet"].fillna(""), rows["block"].fillna("")], sort=False)
            if blocks.ngroups == 1:
                tables.append(self.survey_table(f"{section.key}_{key_of(group)}", group, rows, section.plain_numbers))
                continue
            for (_, block), members in blocks:  # a table per block, headed as the sheet heads it (seed 000)
                name = f"{section.key}_{key_of(group)}_{key_of(block)}"
                tables.append(self.survey_table(name, block, members, section.plain_numbers, block))
        if not tables:
            return []
        key = Keep(
            tuple(
                ListItem(self.words(f"quartile_key_{position}"), marker=MARKS[position])
                for position in ("top", "middle", "bottom")
            )
        )
        return [key, *tables]

    def survey_table(self, name: str, group: str, rows: Any, plain: bool, block: str = "") -> Table:
        """A benchmark table of `rows`; `block`: the block's name, over the themes in place of "Theme"."""
        header = self.header(
            block or self.words("survey_theme"),
            self.words("survey_good_is"),
            self.words("survey_ours"),
            self.words("survey_sn"),
            self.words("survey_nw"),
            self.words("survey_england"),
        )
        good_is = {"high": self.words("good_is_high"), "low": self.words("good_is_low")}
        body = []
        for row in rows.to_dict("records"):
            key = key_of(row["id"])
            cells = [
                Cell(self.figure(f"{key}_name"), figure=f"{key}_name", term=True),
                Cell(good_is.get(row["polarity"], ""), CellKind.POLARITY),
                self.number(f"{key}_value", row, plain),
            ]
            for comparator in COMPARATORS:
                cell = self.number(f"{key}_{comparator}", row, plain)
                marker = self.figure(f"{key}_{comparator}_marker")
                cells.append(Cell(f"{marker} {cell.text}".strip() if cell.text else "", cell.kind, figure=cell.figure))
            body.append(cells)
        return Table(name, [header], body, "survey", layout="small", caption=group)

    # --- cross tabs and category counts, as their sheets lay them out ------------------------

    def cross_tabs(self, section: TextSection, what: str) -> list[Block]:
        tables: list[Block] = []
        for sheet in section.sheets:
            grid = cross_tab_grid(self.results.cross_tabs, sheet)
            if grid.empty:
                self.leave_out(
                    f"{what}, the table {sheet!r}", f"none of the returns has a cross tab on a sheet {sheet!r}"
                )
                continue
            tables.append(self.cross_tab(section, sheet, grid))
            if section.proportions:
                tables += self.proportions(section, sheet, grid, what)
        return tables

    def proportions(self, section: TextSection, sheet: str, grid: Any, what: str) -> list[Block]:
        """The section's share columns as a stacked bar each, a part per row no other row breaks down."""
        columns = [column for column in section.proportions if column in grid.columns]
        if not columns:
            self.leave_out(
                f"{what}, its chart of {sheet!r}", f"the sheet has none of the columns {section.proportions}"
            )
            return []
        parts = {label for labels in section.parts.values() for label in labels}
        rows = [label for label in grid.index if label not in parts]
        colours = ("chart_bar", "heat_3", "chart_line", "heat_2")
        series = tuple(
            ChartSeries(str(row), tuple(float(grid.at[row, c]) for c in columns), "bars", colours[n % len(colours)])
            for n, row in enumerate(rows)
        )
        title = self.fill(section.proportions_title or sheet, f"[[sections]] {section.key!r} proportions_title")
        key = f"{section.key}_{key_of(sheet)}_proportions"
        chart = Chart(key, "status_bars", title, tuple(columns), series, "", unit="%", decimals=1)
        return [Keep((Heading(title, level=2, in_contents=False), with_alt_text(chart)))]

    def cross_tab(self, section: TextSection, sheet: str, grid: Any) -> Table:
        """The grid with its columns' units; the rows that break another down marked under it; the total."""
        units = [section.units.get(column, "count") for column in grid.columns]
        kinds = [UNIT_KINDS.get(unit, CellKind.NUMBER) for unit in units]

        def cells(values: Any, shades: Sequence[str | None] = (), bold: bool = False) -> list[Cell]:
            shown = [format_value(v, unit, UNIT_DECIMALS[unit]) for v, unit in zip(values, units, strict=True)]
            return [
                Cell(text, kind, bold=bold, background=shade)
                for text, kind, shade in zip(shown, kinds, [*shades] or [None] * len(shown), strict=True)
            ]

        parts = {label for labels in section.parts.values() for label in labels}
        shades = heat_shades(grid) if section.heatmap else [[] for _ in grid.index]
        body = [
            [Cell(f"{PART_MARK}{label}" if label in parts else str(label)), *cells(row, shade)]
            for label, row, shade in zip(grid.index, grid.to_numpy(), shades, strict=True)
        ]
        totals: tuple[int, ...] = ()
        if section.total:
            total = cross_tab_total(grid, section.parts, section.ratios)
            body.append([Cell(section.total, bold=True), *cells(total.to_numpy(), bold=True)])
            totals = (len(body),)  # the header row is row 0
        first = section.headings[0] if section.headings else ""
        header = self.header(first, *(str(column) for column in grid.columns))
        shares = _column_shares([str(column) for column in grid.columns])
        return Table(
            f"{section.key}_{key_of(sheet)}",
            [header],
            body,
            "",
            total_rows=totals,
            caption=sheet,
            layout="small",
            column_shares=shares,
            row_headers=(0,),
        )

    def categories(self, section: TextSection, what: str) -> list[Block]:
        tables: list[Block] = []
        headings = [*section.headings, "", "", ""][:3]
        for sheet in section.sheets:
            shares = category_shares(self.results.categories, sheet)
            if shares.empty:
                self.leave_out(f"{what}, the table {sheet!r}", f"none of the returns has category counts on {sheet!r}")
                continue
            body = [
                [
                    Cell(str(row["category"])),
                    Cell(format_value(row["count"], "count", 0), CellKind.COUNT),
                    Cell(format_value(row["share"], "percent", 0), CellKind.PERCENT),
                ]
                for row in shares.to_dict("records")
            ]
            tables.append(
                Table(
                    f"{section.key}_{key_of(sheet)}",
                    [self.header(*headings)],
                    body,
                    "",
                    caption=sheet,
                    column_shares=(0.5, 0.25, 0.25),
                    row_headers=(0,),
                )
            )
        return tables

    # --- change cards ------------------------------------------------------------------------

    def judgement(self, indicator: str, horizon: str) -> str | None:
        """Whether the change over `horizon` is better or worse (None: neither, or no polarity)."""
        for source in (self.weekly, self.results):
            found_id = self.id_of(indicator, source) if source is not None else None
            if source is None or found_id is None:
                continue
            cards = source.cards[source.cards["id"].eq(found_id)]
            if len(cards):
                judged = cards.loc[cards["horizon"].eq(horizon), "judgement"]
                found = judged.iloc[0] if len(judged) and isinstance(judged.iloc[0], str) else None
                return found if found in JUDGED else None
        return None

    def cards(self, section: TextSection, what: str) -> list[Block]:
        cards = []
        for spec in section.cards:
            key = key_of(spec.indicator)
            if key not in self.given_keys:
                self.leave_out(f"{what}, the card “{spec.label}”", self.not_given(spec.indicator))
                continue
            period = self.figure(f"{key}_period")
            as_at = ""
            if period:
                as_at = self.fill(
                    self.text.words("card_as_at"), "[tables] card_as_at", {**self.figures, "period": period}
                )
            horizons = [h for h in HORIZONS if h in section.horizons and self.figure(f"{key}_{h}_change")]
            if section.card_shows == "then":  # no arrow: the value it is compared with, and the change's share
                changes = tuple((self.words(f"card_{h}_then"), self.then_line(key, h)) for h in horizons)
                colours: tuple[str | None, ...] = ()
            else:
                changes = tuple((self.words(f"card_{h}"), self.figure(f"{key}_{h}_change")) for h in horizons)
                colours = tuple(
                    None if change == NO_CHANGE else self.judgement(spec.indicator, h)
                    for h, (_, change) in zip(horizons, changes, strict=True)
                )
            since = self.figure(f"{key}_fy_change") if section.since_april else ""
            if since:  # the same figure as the text's {KEY_fy_change} (domain.since_financial_year_start)
                line = self.fill(self.text.words("card_since_april"), "[tables] card_since_april", {"change": since})
                as_at = f"{as_at}\n{line}" if as_at else line
            cards.append(Card(spec.label, self.figure(f"{key}_value"), changes, as_at, colours))
        return [Cards(tuple(cards))] if cards else []

    def then_line(self, key: str, horizon: str) -> str:
        """A card's line for `horizon` as "then": '308 (+12.0%)' (the [tables] word card_then)."""
        shown = {"then": self.figure(f"{key}_{horizon}_then"), "change_pct": self.figure(f"{key}_{horizon}_change_pct")}
        return self.fill(self.text.words("card_then"), "[tables] card_then", {**self.figures, **shown})

    # --- charts ----------------------------------------------------------------------------------

    def charts(self, section: TextSection, where: str, what: str) -> list[Block]:
        blocks: list[Block] = []
        for number, spec in enumerate(section.charts, start=1):
            here = f"{where} charts number {number}"
            chart_what = f"{what}, the chart “{spec.title}”"
            indicator = self.id_of(spec.indicator, self.results)
            if indicator is None:
                self.leave_out(chart_what, self.not_given(spec.indicator))
                continue
            title = self.kept(spec.title, f"{here} title", chart_what)
            chart = self.chart(spec, indicator, title, f"{section.key}_{number}", here) if title else None
            if chart is None:
                self.leave_out(chart_what, f"the returns give no monthly figures of {spec.indicator}")
                continue
            parts: list[Block] = [Heading(title, level=2, in_contents=False), chart]
            caption = self.kept(spec.caption, f"{here} caption", f"{chart_what}'s caption")
            if caption:
                parts.append(Paragraph(caption, layout="caption"))
            blocks.append(Keep(tuple(parts)))
        return blocks

    def chart(self, spec: ChartSpec, indicator: str, title: str, key: str, here: str) -> Chart | None:
        """The chart of `spec` (of the results' `indicator`) as data, with its alternative text; None where the
        results have no months."""
        months, line = rolling_history(self.results, indicator, spec.months)
        if spec.kind in LINE_KINDS:  # a line alone starts at its first figure
            first = next((n for n, value in enumerate(line) if value is not None), len(line))
            months, line = months[first:], line[first:]
        if not months:
            return None
        labels = tuple(month_label(m) for m in months)
        periods = tuple(month_name(m) for m in months)
        row: Row = self.table.loc[indicator].to_dict()
        if spec.kind == "monthly_counts":
            bars = monthly_counts(self.monthly, self.results, indicator, months, spec.series)
            counts: tuple[ChartSeries, ...] = (
                ChartSeries(self.fill(spec.bars, f"{here} bars"), bars, style="bars", colour="chart_bar"),
            )
            if has_month_average(row["unit"]):  # a count's 12-month average month; a share has none
                counts += (ChartSeries(self.fill(spec.line, f"{here} line"), monthly_average(line)),)
            chart = Chart(key, spec.kind, title, labels, counts, "", periods=periods)
            return with_alt_text(chart)
        series: tuple[ChartSeries, ...] = (ChartSeries(self.fill(spec.line, f"{here} line"), line),)
        if spec.comparator and present(row[spec.comparator]):
            named = "Target" if spec.comparator == "target" else COMPARATOR_LABELS[spec.comparator].capitalize()
            comparator_label = self.fill(spec.comparator_label, f"{here} comparator_label") or named
            level = float(row[spec.comparator])
            series += (ChartSeries(comparator_label, (level,) * len(months), "dashed", "chart_comparator"),)
        unit = "%" if row["unit"] == "percent" else row["unit"] if isinstance(row["unit"], str) else "count"
        chart = Chart(
            key,
            spec.kind,
            title,
            labels,
            series,
            "",
            unit=unit,
            floor_at_zero=spec.kind == "month_end",  # a count at month end is read by its height
            periods=periods,
            decimals=decimals_of(row),
        )
        return with_alt_text(chart)


def heat_shades(grid: Any) -> list[list[str | None]]:
    """Each cell's shade in a heatmap, row by row: the quarter of the grid's filled cells its count falls in,
    smallest first (HEAT_SHADES; ties share a shade); none for a blank cell. By rank, not by size: one large
    count (seed 000's 1,101 neglect enquiries in care homes) would leave every other cell the palest."""
    ranks = grid.stack().rank(method="max", pct=True).unstack().reindex(index=grid.index, columns=grid.columns)
    bands = len(HEAT_SHADES)
    return [
        [HEAT_SHADES[min(int(r * bands - 1e-9), bands - 1)] if present(r) else None for r in row]
        for row in ranks.to_numpy()
    ]


def _column_shares(labels: Sequence[str]) -> tuple[float, ...]:
    """A cross tab's widths: the row labels from 14% to 40% of the width, the columns sharing the rest in
    proportion to their header's longest word (a line may break at a space or after "/"; a word of fewer than
    WORD_ROOM letters counts as that many, so a number fits), so that every word can be printed whole."""
    first = min(0.4, max(0.14, 1 - 0.09 * len(labels)))
    longest = [max([WORD_ROOM, *(len(word) for word in re.split(r"[\s/]+", label))]) for label in labels]
    return (first, *((1 - first) * letters / sum(longest) for letters in longest))


def _quoted(sentence: str) -> str:
    """A sentence of the author's as the list of what was left out quotes it: its start."""
    return sentence if len(sentence) <= QUOTED_LENGTH else sentence[: QUOTED_LENGTH - 1].rstrip() + "…"


def _listed(ids: Sequence[str]) -> str:
    """'A and B', 'A, B and C'."""
    return " and ".join([", ".join(ids[:-1]), ids[-1]]) if len(ids) > 1 else "".join(ids)


def _with_period(words: str, period: str) -> str:
    return f"{words}\n({period})" if period else words
