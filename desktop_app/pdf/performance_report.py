"""The performance report appendix as a PDF: dashboard tables, survey benchmarks, change cards and charts.

    write_performance_report(results, path, text=load_performance_text(), options=PageOptions(...),
                             weekly=weekly_frame, monthly=monthly_frame)

Title page, contents, then the sections the report text file lists, in its
order. A section is the author's words and, where it says `show = ...`, one of:

- "dashboard": the indicators by group (Demand, Timeliness, Effectiveness,
  Management, Outcomes, ...) as seed 002's dashboard prints them: Status,
  Metric, Previous, Current, SN, direction of travel, Comment, Action; on
  landscape pages unless the section says otherwise;
- "survey": benchmark tables as seed 000 prints them: Theme, Good is, our
  value, then each comparator group's average with the quartile marker of our
  value in that group (✔ top, ▬ middle, ✘ bottom) and the key;
- "cards": change cards (seed 000's "Weekly Summary"): the latest value and
  its change on a week, a month, a quarter and a year before;
- "charts": monthly counts with the rolling 12-month average, or a percentage
  over rolling 12 months, drawn as vector graphics (desktop_app.pdf.charts).

Every figure comes from IndicatorResults (calculate_indicators), and becomes
text once, in `performance_figures`, through indicators.format_value and
format_change with the indicator's decimals: the prose placeholders and the
table cells read the same mapping, so a sentence cannot say one thing and a
table another.

The weekly series (ReturnKind.WEEKLY_SERIES) is not part of IndicatorReturns,
so `weekly_results` turns a weekly frame into indicator rows (ids mapped to the
catalogue's by the report text's [weekly] table, ratios such as the average
weekly cost worked out from two series) and runs calculate_indicators on them:
the cards are that calculation's `cards` (indicators.change_cards).

The file is written atomically (desktop_app.safe_files.write_atomically).
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from desktop_app.domain.formatting import ARROWS, format_change, format_value
from desktop_app.domain.indicators import (
    HORIZONS,
    Catalogue,
    IndicatorResults,
    IndicatorReturns,
    calculate_indicators,
    load_catalogue,
)
from desktop_app.domain.quartiles import MARKS
from desktop_app.domain.resource_files import read_toml
from desktop_app.domain.returns import COMPARATORS
from desktop_app.paths import RESOURCES
from desktop_app.pdf.charts import Series, monthly_counts_chart, rolling_percent_chart
from desktop_app.pdf.document import AppendixDocTemplate, Heading, contents, title_page
from desktop_app.pdf.prose import inline, prose
from desktop_app.pdf.style import COLOUR_NAMES, ReportStyle, load_style
from desktop_app.report.complaints_figures import key_of
from desktop_app.report.model import PageOptions
from desktop_app.report.text import ReportTextError, UnknownPlaceholderError, fill
from desktop_app.safe_files import write_atomically

DEFAULT_TEXT_FILE = RESOURCES / "performance_report_text.toml"

#: Shown in prose for a figure the results do not have; a table leaves the cell blank, as the papers do.
MISSING = "n/a"
SHOWS = ("dashboard", "survey", "cards", "charts")
CHART_KINDS = ("monthly_counts", "rolling_percent")
DOCUMENT_KEYS = (
    "title",
    "appendix",
    "subtitle",
    "author",
    "subject",
    "keywords",
    "report_to",
    "meeting_date",
    "report_of",
    "area",
)
TABLE_WORDS = (
    "contents_heading",
    "blank_page",
    "title_details_report_to",
    "title_details_meeting_date",
    "title_details_report_of",
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
    "card_as_at",
    "chart_no_data",
)
JUDGEMENT_WORDS = {"better": "better", "worse": "worse", "same": "unchanged"}
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
    "charts",
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
    charts: tuple[ChartSpec, ...] = ()


@dataclass(frozen=True)
class StatusLevel:
    label: str
    colour: str | None = None  # a key of the style's [colours]


@dataclass(frozen=True)
class PerformanceText:
    document: dict[str, str]
    tables: dict[str, str]
    status: dict[str, StatusLevel]
    sections: tuple[Section, ...]
    weekly_ids: dict[str, str] = field(default_factory=dict)  # the weekly return's id -> the catalogue's
    weekly_ratios: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (numerator id, denominator id)
    source: str = "performance_report_text.toml"

    def words(self, key: str) -> str:
        try:
            return self.tables[key]
        except KeyError:
            raise PerformanceTextError(f"{self.source}: [tables] has no {key!r}") from None


def load_performance_text(path: Path = DEFAULT_TEXT_FILE) -> PerformanceText:
    """Read and check a performance report text file; a mistake names the table and key."""
    data = read_toml(path)
    where = path.name
    unknown = sorted(set(data) - {"document", "tables", "status", "weekly", "sections"})
    if unknown:
        raise PerformanceTextError(f"{where}: unknown table [{unknown[0]}]")

    document = _strings(data.get("document", {}), f"{where}: [document]", lists=("keywords",))
    for key in ("title", "author", "subject"):
        if not document.get(key, "").strip():
            raise PerformanceTextError(f"{where}: [document] {key} must not be empty")
    extra = sorted(set(document) - set(DOCUMENT_KEYS))
    if extra:
        raise PerformanceTextError(f"{where}: [document] unknown key {extra[0]!r}; use one of {list(DOCUMENT_KEYS)}")

    tables = _strings(data.get("tables", {}), f"{where}: [tables]")
    missing = [key for key in TABLE_WORDS if key not in tables]
    if missing:
        raise PerformanceTextError(f"{where}: [tables] {missing[0]} is missing")

    status = {}
    for level, spec in _table(data, "status", where).items():
        here = f"{where}: [status.{level}]"
        if not isinstance(spec, dict) or not isinstance(spec.get("label"), str):
            raise PerformanceTextError(
                f'{here} needs a label, e.g. {{ label = "Not improving", colour = "status_poor" }}'
            )
        colour = spec.get("colour")
        if colour is not None and colour not in COLOUR_NAMES:
            raise PerformanceTextError(
                f"{here} colour {colour!r} is not a colour of the report style "
                f"({', '.join(c for c in COLOUR_NAMES if c.startswith('status'))}, ...)"
            )
        status[str(level)] = StatusLevel(spec["label"], colour)

    weekly = _table(data, "weekly", where)
    ids = _strings(weekly.get("ids", {}), f"{where}: [weekly.ids]")
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
    return PerformanceText(document, tables, status, sections, ids, ratios, where)


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
    lists = {name: _names(spec, name, here) for name in ("groups", "sheets", "ids", "horizons")}
    unknown_horizons = [h for h in lists["horizons"] if h not in HORIZONS]
    if unknown_horizons:
        raise PerformanceTextError(f"{here}: horizon {unknown_horizons[0]!r} is not one of {list(HORIZONS)}")
    if show == "survey" and not lists["groups"]:
        raise PerformanceTextError(f'{here}: a survey section names its groups, e.g. groups = ["Carers survey"]')
    cards = tuple(_card(here, n, c) for n, c in enumerate(spec.get("cards", []), start=1))
    charts = tuple(_chart(here, n, c) for n, c in enumerate(spec.get("charts", []), start=1))
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
        charts=charts,
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
    if comparator is not None and comparator not in COMPARATORS:
        raise PerformanceTextError(f"{here}: comparator {comparator!r} is not one of {list(COMPARATORS)}")
    months = spec.get("months", 24)
    if isinstance(months, bool) or not isinstance(months, int) or not 2 <= months <= 120:
        raise PerformanceTextError(f"{here}: months must be a whole number from 2 to 120, not {months!r}")
    texts = {name: spec.get(name, "") for name in ("bars", "line", "comparator_label", "caption")}
    if not all(isinstance(value, str) for value in texts.values()):
        raise PerformanceTextError(f"{here}: bars, line, comparator_label and caption must be text in quotes")
    series = spec.get("series")
    if series is not None and not isinstance(series, str):
        raise PerformanceTextError(f"{here}: series must be the monthly return's id, in quotes")
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
    )


def _table(data: dict, key: str, where: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise PerformanceTextError(f"{where}: [{key}] must be a table")
    return value


def _strings(table: object, where: str, lists: tuple[str, ...] = ()) -> dict[str, str]:
    if not isinstance(table, dict):
        raise PerformanceTextError(f"{where} must be a table")
    out = {}
    for name, value in table.items():
        if name in lists:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise PerformanceTextError(f"{where} {name} must be a list of words")
            out[name] = ", ".join(value)
            continue
        if not isinstance(value, str):
            raise PerformanceTextError(f"{where} {name} must be text in quotes, not {value!r}")
        out[str(name)] = value
    return out


def _names(spec: dict, key: str, where: str) -> tuple[str, ...]:
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PerformanceTextError(f"{where}: {key} must be a list of names in quotes")
    return tuple(value)


# --- the weekly series -------------------------------------------------------------------


def weekly_results(
    weekly: pd.DataFrame,
    catalogue: Catalogue | None = None,
    ids: Mapping[str, str] | None = None,
    ratios: Mapping[str, tuple[str, str]] | None = None,
) -> IndicatorResults:
    """The weekly series (id, week_ending, value) as indicators, with their change cards.

    `ids` maps the return's ids to the catalogue's (so a card knows its unit:
    "ASC-W01" -> "ASC-WEEKLY-COST" is shown in pounds); an id not in it is
    matched against the catalogue's ids and aliases as written. `ratios` adds
    an indicator worked out week by week from two series (numerator id,
    denominator id, as the return writes them), e.g. the average weekly cost
    from the total cost and the client count: the engine divides, at full
    precision. The figures come from calculate_indicators, the cards from its
    change_cards (week, month, quarter and year before).
    """
    catalogue = catalogue or load_catalogue()
    ids = dict(ids or {})
    frame = weekly.dropna(subset=["id", "week_ending"]).copy()
    frame["id"] = frame["id"].astype(str).str.strip()
    week_ending = pd.to_datetime(frame["week_ending"]).astype("datetime64[s]")
    base = pd.DataFrame(
        {
            "id": frame["id"].map(lambda id_: ids.get(id_, id_)),
            "period": week_ending.map(_day),
            "period_end": week_ending,
            "value": frame["value"].astype("float64"),
            "sheet": frame.get("sheet"),
            "row": frame.get("row"),
        }
    )
    parts = [base]
    for name, (numerator, denominator) in (ratios or {}).items():
        top = frame.loc[frame["id"].eq(numerator)].assign(week=week_ending)
        bottom = frame.loc[frame["id"].eq(denominator)].assign(week=week_ending)
        both = top.merge(bottom, on="week", suffixes=("", "_denominator"))
        if both.empty:
            raise ValueError(
                f"the weekly ratio {name} needs the series {numerator!r} and {denominator!r} "
                "for the same weeks; the weekly return has no such weeks"
            )
        parts.append(
            pd.DataFrame(
                {
                    "id": name,
                    "period": both["week"].map(_day),
                    "period_end": both["week"],
                    "numerator": both["value"].astype("float64"),
                    "denominator": both["value_denominator"].astype("float64"),
                    "sheet": both.get("sheet"),
                    "row": both.get("row"),
                }
            )
        )
    rows = pd.concat(parts, ignore_index=True)
    return calculate_indicators(IndicatorReturns(indicators=rows), catalogue)


def _day(value) -> str:
    return f"{value.day} {value:%B %Y}"


# --- every figure, once ------------------------------------------------------------------


def _present(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


def _decimals(row: Mapping) -> int:
    return int(row["decimals"]) if _present(row.get("decimals")) else 1


def _unit(row: Mapping) -> str | None:
    return row["unit"] if isinstance(row.get("unit"), str) else None


def performance_figures(
    results: IndicatorResults,
    weekly: IndicatorResults | None = None,
    text: PerformanceText | None = None,
) -> dict[str, str]:
    """Every figure of the report as text, by placeholder name.

    Names: `period` and `previous_period` (the periods most indicators show),
    `area`; then for each indicator, KEY being its id in lower case with
    underscores (CSC-ASSESSMENTS-45-DAYS -> csc_assessments_45_days):
    KEY_name, KEY_period, KEY_previous_period, KEY_value, KEY_previous,
    KEY_change ("▼ -1.7pp"), KEY_change_words ("down 1.7 percentage points"), KEY_arrow (▲ ▼ -), KEY_judgement (better, worse,
    unchanged), KEY_status, KEY_status_label, KEY_target, KEY_sn, KEY_nw,
    KEY_england, KEY_sn_marker (and _nw_, _england_: ✔ ▬ ✘), KEY_at_sn_rate
    (our count at the statistical neighbours' rate), KEY_at_sn_change ("a
    reduction of 130"), and per change card horizon KEY_week_change,
    KEY_month_change, KEY_quarter_change, KEY_year_change, with
    KEY_week_then (the value a week before), and so on.
    A figure the results do not have is "n/a".
    """
    figures: dict[str, str] = {}

    def put(name: str, value: str) -> None:
        if name in figures:
            raise ValueError(
                f"two figures are named {{{name}}}: an indicator is in both the monthly and the weekly "
                "results, or two ids differ only in punctuation"
            )
        figures[name] = value if value else MISSING

    table = results.table
    periods = Counter(p for p in table["period"] if isinstance(p, str))
    previous = Counter(p for p in table["previous_period"] if isinstance(p, str))
    put("period", periods.most_common(1)[0][0] if periods else "")
    put("previous_period", previous.most_common(1)[0][0] if previous else "")
    put("area", (text.document.get("area", "") if text else "") or "our area")
    status_labels = {level: spec.label for level, spec in (text.status if text else {}).items()}
    for source in (results, weekly):
        if source is None:
            continue
        for row in source.table.to_dict("records"):
            _indicator_figures(put, row, status_labels)
        for card in source.cards.to_dict("records"):
            key = key_of(card["id"])
            unit, decimals = _unit(card), _decimals(card)
            put(
                f"{key}_{card['horizon']}_change",
                format_change(card["change"], card["change_pct"], unit, decimals, card["direction"]),
            )
            put(f"{key}_{card['horizon']}_then", format_value(card["then"], unit, decimals))
    return figures


def _indicator_figures(put, row: Mapping, status_labels: Mapping[str, str]) -> None:
    key = key_of(row["id"])
    unit, decimals = _unit(row), _decimals(row)
    value = lambda name: format_value(row[name] if _present(row[name]) else None, unit, decimals)  # noqa: E731
    put(f"{key}_name", str(row["name"] or row["id"]))
    put(f"{key}_period", row["period"] or "")
    put(f"{key}_previous_period", row["previous_period"] or "")
    for name in ("value", "previous", "target", *COMPARATORS):
        put(f"{key}_{name}", value(name))
    change = row["change"] if _present(row["change"]) else None
    put(f"{key}_change", format_change(change, row["change_pct"], unit, decimals, row["direction"]))
    put(f"{key}_change_words", _change_words(change, row["change_pct"], unit, decimals, row["direction"]))
    put(f"{key}_arrow", ARROWS.get(row["direction"], "") if isinstance(row["direction"], str) else "")
    put(f"{key}_judgement", JUDGEMENT_WORDS.get(row["judgement"], "") if isinstance(row["judgement"], str) else "")
    status = str(row["status"]).strip() if _present(row["status"]) else ""
    put(f"{key}_status", status)
    put(f"{key}_status_label", status_labels.get(status, ""))
    for group in COMPARATORS:
        quartile = row[f"{group}_quartile"]
        put(f"{key}_{group}_marker", MARKS.get(quartile, "") if isinstance(quartile, str) else "")
    at_rate = row["at_sn_rate"] if _present(row["at_sn_rate"]) else None
    put(f"{key}_at_sn_rate", format_value(at_rate, "count", 0))
    difference = row["at_sn_difference"] if _present(row["at_sn_difference"]) else None
    words = ""
    if difference is not None:
        amount = format_value(abs(difference), "count", 0)
        words = "no change" if amount == "0" else f"{'a reduction' if difference < 0 else 'an increase'} of {amount}"
    put(f"{key}_at_sn_change", words)


# --- writing -------------------------------------------------------------------------------


def write_performance_report(
    results: IndicatorResults,
    path: Path,
    *,
    text: PerformanceText | None = None,
    options: PageOptions = PageOptions(),
    weekly: pd.DataFrame | IndicatorResults | None = None,
    monthly: pd.DataFrame | None = None,
    catalogue: Catalogue | None = None,
    style: ReportStyle | None = None,
    title: str | None = None,
) -> Path:
    """Write the appendix to `path` (atomically) and return it.

    `weekly`: a weekly series frame (ReturnKind.WEEKLY_SERIES; see
    `weekly_results`) or results already worked out from one, for the change
    cards; `monthly`: the monthly series frame (ReturnKind.MONTHLY_SERIES),
    whose months' own counts are the bars of a "monthly_counts" chart (the
    rolling figures come from `results.history`). `title` replaces the text
    file's. Raises PerformanceTextError (an unknown placeholder or indicator)
    or StyleError before anything is written.
    """
    path = Path(path)
    pdf = render_performance_report(
        results,
        text=text,
        options=options,
        weekly=weekly,
        monthly=monthly,
        catalogue=catalogue,
        style=style,
        title=title,
    )
    write_atomically(path, pdf)
    return path


def render_performance_report(
    results: IndicatorResults,
    *,
    text: PerformanceText | None = None,
    options: PageOptions = PageOptions(),
    weekly: pd.DataFrame | IndicatorResults | None = None,
    monthly: pd.DataFrame | None = None,
    catalogue: Catalogue | None = None,
    style: ReportStyle | None = None,
    title: str | None = None,
) -> bytes:
    """The appendix as PDF bytes (the same input gives the same bytes)."""
    text = text or load_performance_text()
    style = style or load_style()
    if isinstance(weekly, pd.DataFrame):
        weekly = weekly_results(weekly, catalogue, text.weekly_ids, text.weekly_ratios)
    figures = performance_figures(results, weekly, text)
    report = _Report(results, weekly, monthly, text, style, figures, options, title)
    story = report.story()
    buffer = io.BytesIO()
    document = AppendixDocTemplate(
        buffer,
        style,
        options,
        title=report.title,
        author=report.fill(text.document["author"], "[document] author"),
        subject=report.fill(text.document["subject"], "[document] subject"),
        keywords=report.fill(text.document.get("keywords", ""), "[document] keywords"),
        running_title=report.title,
    )
    document.multiBuild(story)
    return buffer.getvalue()


class _Report:
    """Builds the story of one report: words filled, tables, cards and charts made from the figures."""

    def __init__(
        self,
        results: IndicatorResults,
        weekly: IndicatorResults | None,
        monthly: pd.DataFrame | None,
        text: PerformanceText,
        style: ReportStyle,
        figures: dict[str, str],
        options: PageOptions,
        title: str | None,
    ) -> None:
        self.results = results
        self.weekly = weekly
        self.monthly = monthly
        self.text = text
        self.style = style
        self.figures = figures
        self.options = options
        self.title = title or self.fill(text.document["title"], "[document] title")
        self.table = results.table.set_index("id", drop=False)
        self.status_key_shown = False  # the status key comes once, before the first dashboard that has statuses

    # --- words ---------------------------------------------------------------------

    def fill(self, template: str, where: str) -> str:
        try:
            return fill(template, self.figures, f"{self.text.source}: {where}")
        except UnknownPlaceholderError as exc:
            if self.weekly is None and self.text.weekly_ids:
                raise UnknownPlaceholderError(
                    f"{exc} (figures of the weekly series need the weekly return, and none was given)"
                ) from None
            raise

    def words(self, key: str) -> str:
        return self.fill(self.text.words(key), f"[tables] {key}")

    def cell(self, markup: str, kind: str = "table_small") -> Paragraph:
        """A cell from paragraph mark-up (already escaped)."""
        return Paragraph(markup, self.style[kind])

    def text_cell(self, words: str, kind: str = "table_small") -> Paragraph:
        """A cell from plain text: escaped, **bold** made bold, each line kept (a '•' list stays a list)."""
        return Paragraph(inline(words).replace("\n", "<br/>"), self.style[kind])

    def figure(self, name: str) -> str:
        """A figure for a table cell: blank where the results have none (as the papers leave it)."""
        value = self.figures.get(name, MISSING)
        return "" if value == MISSING else value

    def colour(self, name: str) -> str:
        return self.style.colours[name].hexval().replace("0x", "#")

    # --- the document ----------------------------------------------------------------

    def story(self) -> list[Flowable]:
        style = self.style
        story: list[Flowable] = []
        if self.options.needs_filler:
            story += [
                Spacer(1, style.text_height * 0.42),
                Paragraph(inline(self.words("blank_page")), style["blank_page"]),
                NextPageTemplate("title"),
                PageBreak(),
            ]
        story += self.title_page()
        story += [NextPageTemplate("contents"), PageBreak()]
        story += [
            Heading(inline(self.words("contents_heading")), style["contents_heading"], in_contents=False),
            contents(style),
        ]
        landscape = None
        for section in self.text.sections:
            where = f"[[sections]] {section.key!r}"
            if landscape is None or section.landscape != landscape:
                story += [NextPageTemplate("body_landscape" if section.landscape else "body"), PageBreak()]
            else:
                story.append(
                    PageBreak() if style.sections_start_on_new_page else CondPageBreak(style.section_min_space)
                )
            landscape = section.landscape
            story.append(Heading(inline(self.fill(section.title, f"{where} title")), style["heading1"]))
            story += prose(self.fill(section.text, f"{where} text"), style, keep_last_with_next=bool(section.show))
            story += self.shown(section, where)
            story += prose(self.fill(section.more_text, f"{where} more_text"), style)
        return story

    def shown(self, section: Section, where: str) -> list[Flowable]:
        if section.show == "dashboard":
            return self.dashboard(section)
        if section.show == "survey":
            return self.surveys(section, where)
        if section.show == "cards":
            return self.cards(section, where)
        if section.show == "charts":
            return self.charts(section, where)
        return []

    def title_page(self) -> list[Flowable]:
        document = self.text.document
        appendix, subtitle = (
            inline(self.fill(document[key], f"[document] {key}")) if document.get(key) else None
            for key in ("appendix", "subtitle")
        )
        rows = []
        for key, words in (
            ("report_to", "title_details_report_to"),
            ("meeting_date", "title_details_meeting_date"),
            ("report_of", "title_details_report_of"),
        ):
            value = self.fill(document.get(key, ""), f"[document] {key}").strip()
            if value:
                rows.append(
                    [self.text_cell(f"**{self.words(words)}**", "title_detail"), self.text_cell(value, "title_detail")]
                )
        if self.figures["period"] != MISSING:
            rows.append(
                [
                    self.text_cell(f"**{self.words('title_details_period')}**", "title_detail"),
                    self.text_cell(self.figures["period"], "title_detail"),
                ]
            )
        return title_page(self.style, inline(self.title), appendix, subtitle, rows)

    # --- tables -----------------------------------------------------------------------

    def grid(
        self,
        rows: list[list],
        widths: list[float],
        extra: Sequence[tuple] = (),
        header_rows: int = 1,
        keep: list[Flowable] | None = None,
    ) -> list[Flowable]:
        """A table whose header rows repeat on every page it runs onto, and whose rows never split."""
        table = Table(
            rows,
            colWidths=widths,
            repeatRows=header_rows,
            splitByRow=1,
            splitInRow=0,
            hAlign="LEFT",
            style=self.style.table_style(header_rows=header_rows),
        )
        table.setStyle(list(extra))
        # No space above the table: a heading before it must be kept with the table itself.
        return [table, Spacer(1, self.style.table_space_after)]

    def header(self, *words: str, kind: str = "table_header") -> list[Paragraph]:
        return [self.text_cell(w, kind) for w in words]

    def widths(self, name: str, landscape: bool) -> list[float]:
        return self.style.column_widths(name, self.style.landscape_text_width if landscape else None)

    # --- the dashboard -------------------------------------------------------------------

    def dashboard_rows(self, section: Section) -> pd.DataFrame:
        """The section's indicators: its sheets and ids, grouped in its order of groups, else the results' order."""
        table = self.results.table
        surveyed = {group for s in self.text.sections if s.show == "survey" for group in s.groups}
        rows = table[~table["group"].isin(list(surveyed))] if not section.groups else table
        if section.sheets:
            rows = rows[rows["sheet"].isin(list(section.sheets))]
        if section.ids:
            unknown = [i for i in section.ids if i not in set(table["id"])]
            if unknown:
                raise PerformanceTextError(
                    f"{self.text.source}: [[sections]] {section.key!r}: ids: "
                    f"{unknown[0]!r} is not an indicator of the results"
                )
            rows = rows[rows["id"].isin(list(section.ids))]
        if section.groups:
            rows = rows[rows["group"].isin(list(section.groups))]
        # Groups in the section's order, else in the order the report's dashboards name them,
        # then in the results' order; indicators without a group last.
        named = [*section.groups, *(g for s in self.text.sections if s.show == "dashboard" for g in s.groups)]
        named += [g for g in table["group"] if isinstance(g, str)]
        order = {}
        for group in named:
            order.setdefault(group, len(order))
        position = rows["group"].map(order).fillna(len(order))
        return rows.assign(_order=position).sort_values("_order", kind="stable").drop(columns="_order")

    def dashboard(self, section: Section) -> list[Flowable]:
        rows = self.dashboard_rows(section)
        if rows.empty:
            return [Paragraph(inline(self.words("chart_no_data")), self.style["body"])]
        periods = Counter(p for p in rows["period"] if isinstance(p, str))
        previous = Counter(p for p in rows["previous_period"] if isinstance(p, str))
        current_period = periods.most_common(1)[0][0] if periods else ""
        previous_period = previous.most_common(1)[0][0] if previous else ""
        flowables: list[Flowable] = []
        if rows["status"].notna().any() and self.text.status and not self.status_key_shown:
            flowables += self.status_key(section.landscape)
            self.status_key_shown = True
        head = self.header(
            self.words("dashboard_status"),
            self.words("dashboard_metric"),
            _with_period(self.words("dashboard_previous"), previous_period),
            _with_period(self.words("dashboard_current"), current_period),
            self.words("dashboard_sn"),
            self.words("dashboard_direction"),
            self.words("dashboard_comment"),
            self.words("dashboard_action"),
        )
        widths = self.widths("dashboard", section.landscape)
        for group, members in rows.groupby("group", sort=False, dropna=False):
            name = group if isinstance(group, str) else self.words("other_group")
            table_rows = [head]
            extra: list[tuple] = []
            for number, row in enumerate(members.to_dict("records"), start=1):
                table_rows.append(self.dashboard_row(row, current_period, previous_period, section.plain_numbers))
                status = str(row["status"]).strip() if _present(row["status"]) else ""
                level = self.text.status.get(status)
                if level and level.colour:
                    extra.append(("BACKGROUND", (0, number), (0, number), self.style.colours[level.colour]))
            extra.append(("VALIGN", (0, 1), (-1, -1), "TOP"))
            flowables += self.headed_table(name, table_rows, widths, extra, landscape=section.landscape)
        flowables.append(Paragraph(inline(self.words("direction_key")), self.style["footnote"]))
        return flowables

    def dashboard_row(self, row: Mapping, current_period: str, previous_period: str, plain: bool) -> list:
        key = key_of(row["id"])
        number = lambda name: _plain(self.figure(name)) if plain else self.figure(name)  # noqa: E731

        def with_own_period(name: str, period: object, usual: str) -> Paragraph:
            shown = inline(number(name))
            if shown and isinstance(period, str) and period != usual:
                shown += f'<br/><font size="6.5" color="{self.colour("muted")}">{inline(period)}</font>'
            return self.cell(shown, "table_small_number")

        arrow = self.figure(f"{key}_arrow")
        judgement = row["judgement"] if isinstance(row["judgement"], str) else None
        if arrow and judgement in ("better", "worse"):
            arrow_markup = f'<font color="{self.colour(judgement)}">{inline(arrow)}</font>'
        else:
            arrow_markup = inline(arrow)
        return [
            self.cell(f"<b>{inline(self.figure(f'{key}_status'))}</b>", "table_small_number"),
            self.text_cell(self.figure(f"{key}_name")),
            with_own_period(f"{key}_previous", row["previous_period"], previous_period),
            with_own_period(f"{key}_value", row["period"], current_period),
            self.cell(inline(number(f"{key}_sn")), "table_small_number"),
            self.cell(arrow_markup, "table_number"),
            self.text_cell(row["commentary"] or ""),
            self.text_cell(row["action"] or ""),
        ]

    def headed_table(
        self, heading: str, rows: list[list], widths: list[float], extra: Sequence[tuple], landscape: bool
    ) -> list[Flowable]:
        """A group's heading and its table, the heading never alone at the foot of a page.

        The table may run over pages (its header repeats), so it is not kept
        with its heading as a whole: the page breaks first only where the
        heading, the header row and the first row would not fit.
        """
        style = self.style["heading2"]
        loose = style.clone(f"{style.name}-loose", keepWithNext=0)
        title = Heading(inline(heading), loose, level=1, in_contents=False)
        width = self.style.landscape_text_width if landscape else self.style.text_width
        first = Table(rows[:2], colWidths=widths, style=self.style.table_style())
        need = title.wrap(width, 10_000)[1] + loose.spaceBefore + loose.spaceAfter + first.wrap(width, 10_000)[1]
        return [CondPageBreak(need), title, *self.grid(rows, widths, extra)]

    def status_key(self, landscape: bool) -> list[Flowable]:
        rows = []
        extra = []
        for number, (level, spec) in enumerate(self.text.status.items()):
            rows.append([self.cell(f"<b>{inline(level)}</b>", "table_small_number"), self.text_cell(spec.label)])
            if spec.colour:
                extra.append(("BACKGROUND", (0, number), (0, number), self.style.colours[spec.colour]))
        key_width = self.style.landscape_text_width if landscape else self.style.text_width
        table = Table(
            rows,
            colWidths=self.style.column_widths("status_key", min(key_width, self.style.text_width)),
            hAlign="LEFT",
            style=self.style.table_style(header_rows=0),
        )
        table.setStyle(extra)
        return [
            KeepTogether([Paragraph(inline(self.words("status_key_heading")), self.style["heading2"]), table]),
            Spacer(1, self.style.table_space_after),
        ]

    # --- survey benchmarks ----------------------------------------------------------------

    def surveys(self, section: Section, where: str) -> list[Flowable]:
        table = self.results.table
        flowables: list[Flowable] = [self.quartile_key()]
        unknown = [g for g in section.groups if not table["group"].eq(g).any()]
        if unknown:
            raise PerformanceTextError(
                f"{self.text.source}: {where}: groups: no indicator of the results is in the group {unknown[0]!r}"
            )
        for group in section.groups:
            rows = table[table["group"].eq(group)]
            if section.ids:
                rows = rows[rows["id"].isin(list(section.ids))]
            flowables += self.survey_table(rows, section.plain_numbers)
        return flowables

    def quartile_key(self) -> Flowable:
        items = [
            Paragraph(inline(self.words(f"quartile_key_{position}")), self.style["bullet"], bulletText=MARKS[position])
            for position in ("top", "middle", "bottom")
        ]
        return KeepTogether(items)

    def survey_table(self, rows: pd.DataFrame, plain: bool) -> list[Flowable]:
        header = self.header(
            self.words("survey_theme"),
            self.words("survey_good_is"),
            self.words("survey_ours"),
            self.words("survey_sn"),
            self.words("survey_nw"),
            self.words("survey_england"),
        )
        body = [header]
        for row in rows.to_dict("records"):
            key = key_of(row["id"])
            number = lambda name: _plain(self.figure(name)) if plain else self.figure(name)  # noqa: E731
            polarity = row["polarity"]
            good_is = (
                self.words("good_is_high")
                if polarity == "high"
                else self.words("good_is_low")
                if polarity == "low"
                else ""
            )
            cells = [
                self.cell(_theme_markup(self.figure(f"{key}_name"))),
                self.text_cell(good_is, "table_small_number"),
                self.text_cell(number(f"{key}_value"), "table_small_number"),
            ]
            for group in COMPARATORS:
                value = number(f"{key}_{group}")
                marker = self.figure(f"{key}_{group}_marker")
                cells.append(self.text_cell(f"{marker} {value}".strip() if value else "", "table_small_number"))
            body.append(cells)
        return [
            Spacer(1, self.style.table_space_before),
            *self.grid(body, self.widths("survey", False), [("VALIGN", (1, 1), (-1, -1), "MIDDLE")]),
        ]

    # --- change cards ------------------------------------------------------------------------

    def card_rows(self, indicator: str) -> pd.DataFrame:
        for source in (self.weekly, self.results):
            if source is None:
                continue
            cards = source.cards[source.cards["id"].eq(indicator)]
            if len(cards):
                return cards
        return pd.DataFrame()

    def cards(self, section: Section, where: str) -> list[Flowable]:
        flowables: list[Flowable] = []
        widths = self.widths("cards", False)
        known = set(self.results.table["id"]) | (set(self.weekly.table["id"]) if self.weekly is not None else set())
        for spec in section.cards:
            if spec.indicator not in known:
                hint = "" if self.weekly is not None else " (no weekly series was given)"
                raise PerformanceTextError(
                    f"{self.text.source}: {where}: cards: {spec.indicator!r} is not an indicator of the results{hint}"
                )
            key = key_of(spec.indicator)
            horizons = [h for h in section.horizons if self.figures.get(f"{key}_{h}_change", MISSING) != MISSING]
            period = self.figure(f"{key}_period")
            rows = [
                [self.text_cell(spec.label, "card_label")] + [""] * 3,
                [self.text_cell(self.figure(f"{key}_value"), "card_value")] + [""] * 3,
            ]
            spans = [("SPAN", (0, 0), (3, 0)), ("SPAN", (0, 1), (3, 1))]
            if period:
                as_at = fill(
                    self.text.words("card_as_at"),
                    {**self.figures, "period": period},
                    f"{self.text.source}: [tables] card_as_at",
                )
                rows.append([self.text_cell(as_at, "footnote")] + [""] * 3)
                spans.append(("SPAN", (0, 2), (3, 2)))
            changes = []
            for horizon in HORIZONS:
                if horizon in horizons:
                    change = self.figure(f"{key}_{horizon}_change")
                    changes.append(
                        self.cell(
                            f"<b>{inline(self.words('card_' + horizon))}</b><br/>"
                            f"{self.arrow_markup(change, spec.indicator, horizon)}",
                            "card_change",
                        )
                    )
            if changes:
                rows.append(changes + [""] * (4 - len(changes)))
            table = Table(rows, colWidths=widths, hAlign="LEFT")
            table.setStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.style.fonts.regular),
                    ("BACKGROUND", (0, 0), (-1, -1), self.style.colours["card_background"]),
                    ("BOX", (0, 0), (-1, -1), self.style.grid_width, self.style.colours["table_grid"]),
                    (
                        "LINEABOVE",
                        (0, len(rows) - 1),
                        (-1, len(rows) - 1),
                        self.style.grid_width,
                        self.style.colours["table_grid"],
                    ),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), self.style.padding * 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), self.style.padding * 2),
                    ("TOPPADDING", (0, 0), (-1, -1), self.style.padding * 0.75),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), self.style.padding),
                    *spans,
                ]
            )
            flowables += [Spacer(1, self.style.table_space_before), KeepTogether([table]), Spacer(1, 8)]
        return flowables

    def arrow_markup(self, change: str, indicator: str, horizon: str) -> str:
        """The change, its arrow coloured where the change is better or worse (polarity permitting)."""
        rows = self.card_rows(indicator)
        judgement = rows.loc[rows["horizon"].eq(horizon), "judgement"]
        judged = judgement.iloc[0] if len(judgement) and isinstance(judgement.iloc[0], str) else None
        markup = inline(change)
        if judged in ("better", "worse") and change[:1] in "▲▼":
            markup = f'<font color="{self.colour(judged)}">{markup[:1]}</font>{markup[1:]}'
        return markup

    # --- charts ----------------------------------------------------------------------------------

    def charts(self, section: Section, where: str) -> list[Flowable]:
        flowables: list[Flowable] = []
        width = self.style.landscape_text_width if section.landscape else self.style.text_width
        for number, spec in enumerate(section.charts, start=1):
            here = f"{where} charts number {number}"
            if spec.indicator not in self.table.index:
                raise PerformanceTextError(
                    f"{self.text.source}: {here}: {spec.indicator!r} is not an indicator of the results"
                )
            months, line = self.rolling_history(spec)
            if spec.kind == "rolling_percent":  # a line alone starts at its first figure
                first = next((n for n, value in enumerate(line) if value is not None), len(line))
                months, line = months[first:], line[first:]
            title = Heading(
                inline(self.fill(spec.title, f"{here} title")), self.style["heading2"], level=1, in_contents=False
            )
            parts: list[Flowable] = [title]
            if not months:
                parts.append(Paragraph(inline(self.words("chart_no_data")), self.style["body"]))
            elif spec.kind == "monthly_counts":
                bars = self.monthly_counts(spec, months)
                average = tuple(None if v is None else v / 12 for v in line)
                parts.append(
                    monthly_counts_chart(
                        months,
                        Series(self.fill(spec.bars, f"{here} bars"), bars),
                        Series(self.fill(spec.line, f"{here} line"), average),
                        self.style,
                        width=width,
                    )
                )
            else:
                row = self.table.loc[spec.indicator]
                comparator = None
                if spec.comparator and _present(row[spec.comparator]):
                    comparator = float(row[spec.comparator])
                parts.append(
                    rolling_percent_chart(
                        months,
                        Series(self.fill(spec.line, f"{here} line"), line),
                        self.style,
                        width=width,
                        comparator=comparator,
                        comparator_label=self.fill(spec.comparator_label, f"{here} comparator_label"),
                        suffix="%" if row["unit"] == "percent" else "",
                    )
                )
            if spec.caption:
                parts.append(Paragraph(inline(self.fill(spec.caption, f"{here} caption")), self.style["caption"]))
            flowables.append(KeepTogether(parts))
        return flowables

    def rolling_history(self, spec: ChartSpec) -> tuple[list[pd.Timestamp], tuple[float | None, ...]]:
        """The last `months` months of the indicator's history (first of each month), with its value each month."""
        history = self.results.history
        rows = history[history["id"].eq(spec.indicator) & history["period_end"].notna()]
        if rows.empty:
            return [], ()
        by_month = rows.assign(month=rows["period_end"].dt.to_period("M")).drop_duplicates("month", keep="last")
        last = by_month["month"].max()
        months = pd.period_range(end=last, periods=spec.months, freq="M")
        values = by_month.set_index("month")["value"].reindex(months)
        first_known = values.first_valid_index()
        if first_known is None:
            return [], ()
        months = months[months >= min(first_known, by_month["month"].min())]
        values = values.reindex(months)
        return [m.to_timestamp() for m in months], tuple(None if pd.isna(v) else float(v) for v in values)

    def monthly_counts(self, spec: ChartSpec, months: list[pd.Timestamp]) -> tuple[float | None, ...]:
        """Each month's own count from the monthly series: the return's rows that the indicator's history came from."""
        monthly = self.monthly
        if monthly is None or monthly.empty:
            return tuple(None for _ in months)
        series_id = spec.series or self.series_id(spec.indicator)
        rows = monthly[monthly["id"].astype(str).str.strip().eq(series_id)].dropna(subset=["month"])
        by_month = rows.assign(month=pd.to_datetime(rows["month"]).dt.to_period("M")).drop_duplicates("month")
        values = by_month.set_index("month")["value"].reindex(pd.PeriodIndex([pd.Period(m, "M") for m in months]))
        return tuple(None if pd.isna(v) else float(v) for v in values)

    def series_id(self, indicator: str) -> str:
        """The monthly return's own id for an indicator: found through the cells its history was read from."""
        history = self.results.history
        traced = history.loc[
            history["id"].eq(indicator) & history["sheet"].notna() & history["row"].notna(), ["sheet", "row"]
        ]
        monthly = self.monthly.dropna(subset=["id"])
        matched = (
            monthly.merge(traced.astype({"row": "int64"}), on=["sheet", "row"]) if len(traced) else monthly.iloc[0:0]
        )
        found = Counter(str(i).strip() for i in matched["id"])
        return found.most_common(1)[0][0] if found else indicator


def _change_words(
    change: float | None, change_pct: float | None, unit: str | None, decimals: int, direction: object
) -> str:
    """A change for a sentence: 'down 1.7 percentage points', 'up 199 (+1.4%)', 'unchanged'."""
    if change is None or not isinstance(direction, str):
        return ""
    amount = format_value(abs(change), None if unit == "percent" else unit, decimals)
    if direction == "same" or _plain(amount) == "0":
        return "unchanged"
    verb = "up" if direction == "up" else "down"
    if unit == "percent":
        return f"{verb} {amount} percentage points"
    percent = "" if not _present(change_pct) else f" ({format_value(change_pct, None, 1)}%)"
    if percent and not percent.startswith(" (-"):
        percent = percent.replace(" (", " (+", 1)
    return f"{verb} {amount}{percent}"


def _with_period(words: str, period: str) -> str:
    return f"{words}\n({period})" if period else words


def _plain(figure: str) -> str:
    """A figure as the published survey tables print it: no % sign, no trailing zeros ('21.0%' -> '21')."""
    if not figure:
        return figure
    shown = figure.removesuffix("%")
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return shown


def _theme_markup(name: str) -> str:
    """'Control (carers with ...)' as the papers print a theme: the theme bold, its definition italic."""
    head, bracket, rest = name.partition(" (")
    if not bracket:
        return f"<b>{inline(name)}</b>"
    return f"<b>{inline(head)}</b> <i>({inline(rest)}</i>"


__all__ = [
    "CardSpec",
    "ChartSpec",
    "PerformanceText",
    "PerformanceTextError",
    "Section",
    "load_performance_text",
    "performance_figures",
    "render_performance_report",
    "weekly_results",
    "write_performance_report",
]
