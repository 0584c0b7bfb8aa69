"""The author's words for the performance report appendix, read from resources/performance_report_text.toml.

The words are data: a performance team edits the file (or a copy of it) each
cycle. The file lists the appendix's sections in order; a section is the
author's prose and, where it says `show = ...`, one of "dashboard" (the
indicators by group), "survey" (benchmark tables with quartile markers),
"cards" (change cards), "charts" (monthly counts or rolling percentages),
"table" (a cross tab as its sheet lays it out, with a worked-out total, or
shaded as a heatmap), "categories" (category counts with their shares),
"review" (indicators in one table as the return lists them: metric, the two
periods, SN and comment, as seed 002 prints its ChAT review) or "comparisons"
(ChAT's comparisons with published statistics: our latest figure, its direction
of travel since the published one, the published figures and our place against
the middle 50% of all councils, with ChAT's key).
Prose holds live figures as placeholders ("{csc_contacts_value}"), filled by
report.text.fill from report.performance_figures; the mark-up is report.prose's.
The statuses' labels and colours are not here: they are the one status
vocabulary of resources/status_vocabulary.toml (report.statuses).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.indicators import HORIZONS
from desktop_app.domain.resource_files import read_toml, settings_file
from desktop_app.domain.returns import COMPARATORS
from desktop_app.paths import RESOURCES
from desktop_app.report.text import DOCUMENT_KEYS as APPENDIX_DOCUMENT_KEYS
from desktop_app.report.text import PAGE_WORDS, ReportTextError, document_words, strings_of, table_words

DEFAULT_TEXT_FILE = RESOURCES / "performance_report_text.toml"

SHOWS = ("dashboard", "survey", "cards", "charts", "table", "categories", "review", "comparisons")
UNITS = ("count", "percent", "hours", "number", "gbp")  # a cross tab column's (domain.indicators' units)
#: monthly_counts: a bar a month (a flow: contacts received) with the rolling 12-month average as a line;
#: rolling_percent: a rolling 12-month figure as a line; month_end: a count at each month's end (a snapshot:
#: a waiting list) as a line from zero.
CHART_KINDS = ("monthly_counts", "rolling_percent", "month_end")
#: What a chart's dashed level may be: a comparator group's average or the indicator's target.
CHART_COMPARATORS = (*COMPARATORS, "target")
CARD_SHOWS = ("change", "then")
#: The [document] words: every appendix's, and the area the figures are of.
DOCUMENT_KEYS = (*APPENDIX_DOCUMENT_KEYS, "area")
TABLE_WORDS = (
    *PAGE_WORDS,
    "title_details_period",
    "status_key_heading",
    "dashboard_status",
    "dashboard_metric",
    "dashboard_previous",
    "dashboard_current",
    "dashboard_sn",
    "dashboard_direction",
    "dashboard_comment",
    "dashboard_action",
    "dashboard_continued",
    "direction_key",
    "other_group",
    "survey_theme",
    "survey_good_is",
    "survey_ours",
    "survey_sn",
    "survey_nw",
    "survey_england",
    "good_is_high",
    "good_is_low",
    "quartile_key_top",
    "quartile_key_middle",
    "quartile_key_bottom",
    "card_week",
    "card_month",
    "card_quarter",
    "card_year",
    *(f"card_{horizon}_then" for horizon in HORIZONS),
    "card_then",
    "card_as_at",
    "card_since_april",
    "chart_no_data",
    "sources_title",
    "sources_text",
    "sources_file",
    "sources_sheets",
    "sources_period",
    "sources_date",
    "sources_imported",
    "sources_modified",
    "sources_no_period",
)
_SECTION_KEYS = {
    "key",
    "title",
    "text",
    "more_text",
    "show",
    "groups",
    "sheets",
    "ids",
    "landscape",
    "plain_numbers",
    "cards",
    "horizons",
    "card_shows",
    "since_april",
    "charts",
    "headings",
    "units",
    "parts",
    "total",
    "ratios",
    "heatmap",
    "joined",
    "proportions",
    "proportions_title",
    "shares",
}
_CARD_KEYS = {"indicator", "label"}
_CHART_KEYS = {
    "indicator",
    "kind",
    "title",
    "bars",
    "line",
    "comparator",
    "comparator_label",
    "months",
    "series",
    "caption",
    "recent_months",
}


class PerformanceTextError(ReportTextError):
    """The performance report text cannot be used: a missing word, an unknown section or indicator."""


# --- the author's words ------------------------------------------------------------------


@dataclass(frozen=True)
class CardSpec:
    indicator: str
    label: str


@dataclass(frozen=True)
class ChartSpec:
    indicator: str
    kind: str
    title: str
    bars: str = ""
    line: str = ""
    comparator: str | None = None
    comparator_label: str = ""
    months: int = 24
    series: str | None = None  # the monthly series' own id, where it is not the indicator's
    caption: str = ""
    #: "monthly_counts": the last months whose counts below the 12-month average its words may give
    #: ({KEY_below_average} of the last {KEY_below_average_of} months), KEY the indicator's
    recent_months: int | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    text: str = ""
    more_text: str = ""
    show: str | None = None
    groups: tuple[str, ...] = ()
    sheets: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    landscape: bool = False
    plain_numbers: bool = False
    cards: tuple[CardSpec, ...] = ()
    horizons: tuple[str, ...] = tuple(HORIZONS)
    #: what a card's line per horizon shows: "change" ('Year Change: ▲ 37 (+12.0%)') or "then", the value it is
    #: compared with ('Last Year: 308 (+12.0%)', as seed 000's reablement cards put it)
    card_shows: str = "change"
    #: "cards": a line under each card's date with its change since the financial year began ('Since April:
    #: ▲ £108,743 (+4.2%)', KEY_fy_change, the [tables] word card_since_april), where the data gives one
    since_april: bool = False
    charts: tuple[ChartSpec, ...] = ()
    #: "table" and "categories": the header over the row labels (and, for categories, over the counts and
    #: the shares); a cross tab column's unit by its label (else a count); the rows that break another down,
    #: by the row they break down; the total row's label ('' for none); the columns that are a ratio of two
    #: others, by label; whether the cells are shaded by their size (a heatmap: the numbers are printed too)
    headings: tuple[str, ...] = ()
    units: dict[str, str] = field(default_factory=dict)
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    total: str = ""
    ratios: dict[str, tuple[str, str]] = field(default_factory=dict)
    heatmap: bool = False
    #: "review": an indicator printed in brackets after another's figures, in its row ("193 (20.5%)"), by the id
    #: of the one it follows
    joined: dict[str, str] = field(default_factory=dict)
    #: "table": share columns drawn as a chart after the table, a stacked bar each, a part per row that no
    #: other row breaks down (seed 000's reablement delivery proportions), titled `proportions_title`
    proportions: tuple[str, ...] = ()
    proportions_title: str = ""
    #: "table": the shares of the cross tab's total its prose may state, by name: the row labels added up
    #: ({KEY_NAME_share}, {KEY_NAME_count} of {KEY_NAME_of}: seed 000's "70% ... in a care home or own home")
    shares: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class PerformanceText:
    document: dict[str, str]
    tables: dict[str, str]
    sections: tuple[Section, ...]
    weekly_ids: dict[str, str] = field(default_factory=dict)  # the weekly return's id -> the catalogue's
    weekly_ratios: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (numerator id, denominator id)
    source: str = "performance_report_text.toml"
    #: catalogue id -> the returns' own ids the text means by it where two indicators are linked to it, first
    #: found first ([meant]: a dashboard's row rather than the ChAT review's)
    meant: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def words(self, key: str) -> str:
        try:
            return self.tables[key]
        except KeyError:
            raise PerformanceTextError(f"{self.source}: [tables] has no {key!r}") from None


@settings_file
def load_performance_text(path: Path = DEFAULT_TEXT_FILE) -> PerformanceText:
    """Read and check a performance report text file; a mistake names the table and key."""
    data = read_toml(path)
    where = path.name
    if "status" in data:
        raise PerformanceTextError(
            f"{where}: [status] has moved: the statuses' labels and colours are in status_vocabulary.toml"
        )
    unknown = sorted(set(data) - {"document", "tables", "weekly", "sections", "meant"})
    if unknown:
        raise PerformanceTextError(f"{where}: unknown table [{unknown[0]}]")

    document = document_words(data, where, DOCUMENT_KEYS, PerformanceTextError)
    tables = table_words(data, where, TABLE_WORDS, PerformanceTextError, shipped=DEFAULT_TEXT_FILE)

    weekly = _table(data, "weekly", where)
    ids = strings_of(weekly.get("ids", {}), f"{where}: [weekly.ids]", error=PerformanceTextError)
    ratios = {}
    for name, pair in weekly.get("ratios", {}).items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise PerformanceTextError(f'{where}: [weekly.ratios] {name} must be ["numerator id", "denominator id"]')
        ratios[str(name)] = (pair[0], pair[1])

    specs = data.get("sections", [])
    if not isinstance(specs, list) or not specs:
        raise PerformanceTextError(f"{where}: no [[sections]]: the report needs at least one")
    sections = tuple(_section(where, number, spec) for number, spec in enumerate(specs, start=1))
    keys = [section.key for section in sections]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise PerformanceTextError(f"{where}: two [[sections]] have the key {twice[0]!r}")
    meant = {}
    for entry, own in _table(data, "meant", where).items():
        if not (isinstance(own, list) and own and all(isinstance(id_, str) for id_ in own)):
            raise PerformanceTextError(
                f'{where}: [meant] {entry} must be a list of the returns\' ids, e.g. ["CSC-T02"]'
            )
        meant[str(entry)] = tuple(own)
    return PerformanceText(document, tables, sections, ids, ratios, where, meant)


def _section(where: str, number: int, spec: object) -> Section:
    here = f"{where}: [[sections]] number {number}"
    if not isinstance(spec, dict):
        raise PerformanceTextError(f"{here} must be a table")
    key = spec.get("key")
    if isinstance(key, str) and key:
        here = f"{where}: [[sections]] {key!r}"
    extra = sorted(set(spec) - _SECTION_KEYS)
    if extra:
        raise PerformanceTextError(f"{here}: unknown key {extra[0]!r}; use {sorted(_SECTION_KEYS)}")
    if not isinstance(key, str) or not key.strip():
        raise PerformanceTextError(f'{here} needs a key (a name for the section, e.g. "dashboard")')
    if not str(spec.get("title", "")).strip():
        raise PerformanceTextError(f"{here}: title must not be empty")
    show = spec.get("show")
    if show is not None and show not in SHOWS:
        raise PerformanceTextError(f"{here}: show {show!r} is not one of {list(SHOWS)}")
    for name in ("text", "more_text", "title"):
        if name in spec and not isinstance(spec[name], str):
            raise PerformanceTextError(f"{here}: {name} must be text in quotes")
    lists = {
        name: _names(spec, name, here) for name in ("groups", "sheets", "ids", "horizons", "headings", "proportions")
    }
    unknown_horizons = [h for h in lists["horizons"] if h not in HORIZONS]
    if unknown_horizons:
        raise PerformanceTextError(f"{here}: horizon {unknown_horizons[0]!r} is not one of {list(HORIZONS)}")
    if show in ("table", "categories") and not lists["sheets"]:
        raise PerformanceTextError(f'{here}: show = "{show}" names the sheets it shows, e.g. sheets = ["Audit"]')
    units = strings_of(spec.get("units", {}), f"{here}: units", error=PerformanceTextError)
    unknown_units = [unit for unit in units.values() if unit not in UNITS]
    if unknown_units:
        raise PerformanceTextError(f"{here}: units: {unknown_units[0]!r} is not one of {list(UNITS)}")
    parts = {str(row): _names(spec["parts"], row, f"{here}: parts") for row in _table(spec, "parts", here)}
    ratios = {}
    for column, pair in _table(spec, "ratios", here).items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise PerformanceTextError(f'{here}: ratios: {column} must be ["numerator column", "denominator column"]')
        ratios[str(column)] = (pair[0], pair[1])
    shares = {str(name): _names(spec["shares"], name, f"{here}: shares") for name in _table(spec, "shares", here)}
    if shares and show != "table":
        raise PerformanceTextError(f'{here}: shares are of a cross tab: they need show = "table"')
    if not isinstance(spec.get("total", ""), str):
        raise PerformanceTextError(f"{here}: total must be the total row's label, in quotes")
    if show == "survey" and not lists["groups"]:
        raise PerformanceTextError(f'{here}: a survey section names its groups, e.g. groups = ["Carers survey"]')
    cards = tuple(_card(here, n, c) for n, c in enumerate(spec.get("cards", []), start=1))
    charts = tuple(_chart(here, n, c) for n, c in enumerate(spec.get("charts", []), start=1))
    card_shows = spec.get("card_shows", "change")
    if card_shows not in CARD_SHOWS:
        raise PerformanceTextError(f"{here}: card_shows {card_shows!r} is not one of {list(CARD_SHOWS)}")
    if show == "cards" and not cards:
        raise PerformanceTextError(f'{here}: show = "cards" needs cards = [{{ indicator = "...", label = "..." }}]')
    if show == "charts" and not charts:
        raise PerformanceTextError(f'{here}: show = "charts" needs charts = [{{ indicator = "...", kind = "..." }}]')
    return Section(
        key=key,
        title=spec["title"],
        text=spec.get("text", ""),
        more_text=spec.get("more_text", ""),
        show=show,
        groups=lists["groups"],
        sheets=lists["sheets"],
        ids=lists["ids"],
        landscape=bool(spec.get("landscape", show == "dashboard")),
        plain_numbers=bool(spec.get("plain_numbers", False)),
        cards=cards,
        horizons=lists["horizons"] or tuple(HORIZONS),
        card_shows=card_shows,
        since_april=bool(spec.get("since_april", False)),
        charts=charts,
        headings=lists["headings"],
        units=units,
        parts=parts,
        total=spec.get("total", ""),
        ratios=ratios,
        heatmap=bool(spec.get("heatmap", False)),
        joined=strings_of(spec.get("joined", {}), f"{here}: joined", error=PerformanceTextError),
        proportions=lists["proportions"],
        proportions_title=str(spec.get("proportions_title", "")),
        shares=shares,
    )


def _card(where: str, number: int, spec: object) -> CardSpec:
    here = f"{where}: cards number {number}"
    if (
        not isinstance(spec, dict)
        or not isinstance(spec.get("indicator"), str)
        or not isinstance(spec.get("label"), str)
    ):
        raise PerformanceTextError(f"{here} needs an indicator (its id) and a label")
    extra = sorted(set(spec) - _CARD_KEYS)
    if extra:
        raise PerformanceTextError(f"{here}: unknown key {extra[0]!r}")
    return CardSpec(spec["indicator"], spec["label"])


def _chart(where: str, number: int, spec: object) -> ChartSpec:
    here = f"{where}: charts number {number}"
    if (
        not isinstance(spec, dict)
        or not isinstance(spec.get("indicator"), str)
        or not isinstance(spec.get("title"), str)
    ):
        raise PerformanceTextError(f"{here} needs an indicator (its id) and a title")
    extra = sorted(set(spec) - _CHART_KEYS)
    if extra:
        raise PerformanceTextError(f"{here}: unknown key {extra[0]!r}; use {sorted(_CHART_KEYS)}")
    kind = spec.get("kind")
    if kind not in CHART_KINDS:
        raise PerformanceTextError(f"{here}: kind {kind!r} is not one of {list(CHART_KINDS)}")
    comparator = spec.get("comparator")
    if comparator is not None and comparator not in CHART_COMPARATORS:
        raise PerformanceTextError(f"{here}: comparator {comparator!r} is not one of {list(CHART_COMPARATORS)}")
    months = spec.get("months", 24)
    if isinstance(months, bool) or not isinstance(months, int) or not 2 <= months <= 120:
        raise PerformanceTextError(f"{here}: months must be a whole number from 2 to 120, not {months!r}")
    texts = {name: spec.get(name, "") for name in ("bars", "line", "comparator_label", "caption")}
    if not all(isinstance(value, str) for value in texts.values()):
        raise PerformanceTextError(f"{here}: bars, line, comparator_label and caption must be text in quotes")
    series = spec.get("series")
    if series is not None and not isinstance(series, str):
        raise PerformanceTextError(f"{here}: series must be the monthly return's id, in quotes")
    recent = spec.get("recent_months")
    if recent is not None and (isinstance(recent, bool) or not isinstance(recent, int) or not 1 <= recent <= months):
        raise PerformanceTextError(f"{here}: recent_months must be a whole number from 1 to {months}, not {recent!r}")
    if recent is not None and kind != "monthly_counts":
        raise PerformanceTextError(f'{here}: recent_months counts months below the average: kind = "monthly_counts"')
    return ChartSpec(
        spec["indicator"],
        kind,
        spec["title"],
        texts["bars"],
        texts["line"],
        comparator,
        texts["comparator_label"],
        months,
        series,
        texts["caption"],
        recent,
    )


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise PerformanceTextError(f"{where}: [{key}] must be a table")
    return value


def _names(spec: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PerformanceTextError(f"{where}: {key} must be a list of names in quotes")
    return tuple(value)
