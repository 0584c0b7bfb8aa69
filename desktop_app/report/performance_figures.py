"""Every figure of the performance appendix, formatted once, by name.

`performance_figures` is the one place where a figure of the performance
appendix becomes text: the prose placeholders ("{csc_contacts_value}") and the
table cells, cards and captions all read its result, so a sentence cannot say
one thing and a table another. The values come from IndicatorResults
(domain.indicators.calculate_indicators; the weekly series through
domain.weekly.weekly_results) at full precision and are written by
domain.formatting.format_value and format_change with the indicator's decimals.

Names: `period` and `previous_period` (the periods most indicators show),
`area`; then for each indicator, KEY being its id in lower case with
underscores (CSC-ASSESSMENTS-45-DAYS -> csc_assessments_45_days), and also
its catalogue entry's id where it is the one indicator linked to that entry
(a return's CSC-T02, linked by its name to CSC-ASSESSMENTS-45-DAYS, has its
figures under both csc_t02 and csc_assessments_45_days; with two linked to
one entry, neither has the entry's names):
KEY_name, KEY_period, KEY_previous_period, KEY_value, KEY_month_average (a 12-month count's average month, where
the catalogue rolls the indicator by "sum"), KEY_previous,
KEY_change ("▼ -1.7pp"), KEY_change_words ("down 1.7 percentage points"),
KEY_arrow (▲ ▼ -; "-" and unchanged where the change rounds to nothing), KEY_judgement (better, worse,
unchanged), KEY_status (the return's or the author's: a catalogue rule's status is not printed),
KEY_status_label (its meaning in the status vocabulary), KEY_target, KEY_sn,
KEY_nw, KEY_england, with KEY_value_as_given, KEY_previous_as_given and KEY_sn_as_given (at the precision the
return gives them, at most the catalogue's places: "829", "26%", "20.5%", as seed 002's ChAT review prints them)
(a publisher's symbol such as "c" or "z" as published, where the return gives one in
place of the number), KEY_sn_marker (and _nw_, _england_: ✔ ▬ ✘),
KEY_at_sn_rate (our count at the statistical neighbours' rate),
KEY_at_sn_change ("a reduction of 130"); against our latest published figure (ChAT's comparisons with published
statistics) KEY_published (a symbol such as "c" as published), KEY_published_period, KEY_travel ("Increase",
"Decrease", "No change": our value against the published one), KEY_travel_arrow, KEY_travel_judgement, KEY_range
("Higher", "In range", "Lower": the published figure against the middle 50% of all councils) and KEY_range_marker
(✔ outside it on the good side, ✘ on the poor side, = within it, as ChAT's key marks it); the conditions KEY_if_up, KEY_if_down, KEY_if_unchanged,
KEY_if_better and KEY_if_worse, which print nothing and are there only where the change against the previous
period says so (a sentence naming one is printed only when the data says what it says); and per change card horizon
KEY_week_change, KEY_month_change, KEY_quarter_change, KEY_year_change, with
KEY_week_then (the value a week before), KEY_week_change_pct (the change as a share of it, "+12.0%"), and so
on, and the conditions KEY_week_if_up, KEY_year_if_down, KEY_month_if_unchanged and so on, which hold where the
change on the value that far back goes that way;
from domain.indicator_measures, KEY_year_on_year ("up 10.0%": the latest figure against the one for the period
ending a year before, for a rolling 12-month count the 12 months before) with KEY_year_before (that figure), and
KEY_numerator and KEY_denominator (the counts a share was worked out from: "986" of "3,288"); and for each of a
"table" section's `shares`, SECTION_NAME_share ("70.4%": those rows of its cross tab against its total),
SECTION_NAME_count ("4,035") and SECTION_NAME_of ("5,732"), SECTION being the section's key and NAME the share's;
KEY_fy_change ("▲ £108,743 (+4.2%)": the latest figure against the first of the financial year, the first period
ending in April, for the weekly series its first week), with KEY_fy_change_words ("up £108,743 (+4.2%)"),
KEY_fy_then (that figure), KEY_fy_from (its period, "5 April 2024") and the conditions KEY_fy_if_up, _if_down and
_if_unchanged; for a "monthly_counts" chart with `recent_months`, KEY_below_average ("4": the months of the last
KEY_below_average_of, "7", whose own count was below the average month of the 12 months to it).
A figure the results do not have is "n/a" (MISSING).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from desktop_app.domain.formatting import (
    ARROWS,
    format_as_given,
    format_change,
    format_change_pct,
    format_value,
    half_up,
    missing,
)
from desktop_app.domain.indicator_measures import (
    CrossTabShare,
    MonthsBelowAverage,
    ShareCounts,
    SinceYearStart,
    YearOnYear,
    all_share_counts,
    cross_tab_share,
    months_below_average,
    since_financial_year_start,
    years_on_year,
)
from desktop_app.domain.indicator_series import MonthlySeries
from desktop_app.domain.indicators import HORIZONS, IndicatorResults, catalogue_links
from desktop_app.domain.quartiles import MARKS
from desktop_app.domain.returns import COMPARATORS
from desktop_app.report.complaints_figures import key_of
from desktop_app.report.model import Figure
from desktop_app.report.performance_text import PerformanceText
from desktop_app.report.statuses import StatusVocabulary, load_statuses

#: Shown in prose for a figure the results do not have; a table leaves the cell blank, as the papers do.
MISSING = "n/a"
JUDGEMENT_WORDS = {"better": "better", "worse": "worse", "same": "unchanged"}
#: ChAT's words for the direction of travel since the published statistics and the place against all councils.
TRAVEL_WORDS = {"up": "Increase", "down": "Decrease", "same": "No change"}
RANGE_WORDS = {"higher": "Higher", "in range": "In range", "lower": "Lower"}
RANGE_MARKS = {"better": MARKS["top"], "worse": MARKS["bottom"]}
#: ChAT's key marks a figure within the middle 50% of all councils "=" (not RAG-rated).
IN_RANGE_MARK = "="
#: The figures also given at the precision the return gives them (KEY_value_as_given: "829" where KEY_value,
#: at the catalogue's one place for the dashboard, is "829.0"), as seed 002's ChAT review prints them.
AS_GIVEN = ("value", "previous", "sn")
#: The conditions a sentence may name (KEY_if_<condition>): each holds where the direction or the judgement of
#: the change against the previous period is the one it names.
CONDITIONS = {"up": "up", "down": "down", "unchanged": "same", "better": "better", "worse": "worse"}
#: The conditions a sentence may name per change card horizon (KEY_year_if_up): each holds where the change on the
#: value that far back goes the way it names (a change that rounds to nothing is unchanged).
HORIZON_CONDITIONS = {"up": "up", "down": "down", "unchanged": "same"}

#: The figures each indicator may have, KEY_<suffix> (the change cards' per horizon); a name of this shape
#: whose KEY is an indicator the returns do not give is data not given, not a slip of the author's pen.
INDICATOR_FIGURES = (
    "name",
    "period",
    "previous_period",
    "value",
    "month_average",
    "previous",
    "target",
    *COMPARATORS,
    *(f"{name}_as_given" for name in AS_GIVEN),
    "change",
    "change_words",
    "arrow",
    "judgement",
    "status",
    "status_label",
    *(f"{group}_marker" for group in COMPARATORS),
    "at_sn_rate",
    "at_sn_change",
    "published",
    "published_period",
    "travel",
    "travel_arrow",
    "travel_judgement",
    "range",
    "range_marker",
    *(f"if_{condition}" for condition in CONDITIONS),
    "year_on_year",
    "year_before",
    "numerator",
    "denominator",
    "below_average",
    "below_average_of",
    *(f"fy_{part}" for part in ("change", "change_words", "then", "from")),
    *(f"fy_if_{condition}" for condition in HORIZON_CONDITIONS),
    *(f"{horizon}_{part}" for horizon in HORIZONS for part in ("change", "change_pct", "then")),
    *(f"{horizon}_if_{condition}" for horizon in HORIZONS for condition in HORIZON_CONDITIONS),
)

Row = Mapping[Any, Any]
Put = Callable[..., None]


def indicator_keys_of(name: str) -> list[str]:
    """The indicator KEYs a figure's name may be of ('csc_contacts_year_then' -> ['csc_contacts'])."""
    return [name.removesuffix(f"_{suffix}") for suffix in INDICATOR_FIGURES if name.endswith(f"_{suffix}")]


def present(value: object) -> bool:
    return not missing(value)


def decimals_of(row: Row) -> int:
    return int(row["decimals"]) if present(row.get("decimals")) else 1


def unit_of(row: Row) -> str | None:
    unit = row.get("unit")
    return unit if isinstance(unit, str) else None


def usual_period(periods: object) -> str:
    """The period most of `periods` show ('' if none)."""
    counted = Counter(p for p in periods if isinstance(p, str))  # type: ignore[attr-defined]
    return counted.most_common(1)[0][0] if counted else ""


def performance_texts(
    results: IndicatorResults,
    weekly: IndicatorResults | None = None,
    text: PerformanceText | None = None,
    statuses: StatusVocabulary | None = None,
    monthly: MonthlySeries | None = None,
) -> dict[str, str]:
    """Every figure of the appendix as the text it prints, by placeholder name."""
    figures = performance_figures(results, weekly, text, statuses, monthly)
    return {name: figure.text for name, figure in figures.items()}


def performance_figures(
    results: IndicatorResults,
    weekly: IndicatorResults | None = None,
    text: PerformanceText | None = None,
    statuses: StatusVocabulary | None = None,
    monthly: MonthlySeries | None = None,
) -> dict[str, Figure]:
    """Every figure of the appendix, its value and its text, by name (see the module docstring for the names);
    `monthly`: the monthly series frame, whose months' own counts a "monthly_counts" chart draws."""
    statuses = statuses or load_statuses()
    figures: dict[str, Figure] = {}

    def put(name: str, shown: str, value: object = None, unit: str | None = None, condition: bool = False) -> None:
        if name in figures:
            raise ValueError(
                f"two figures are named {{{name}}}: an indicator is in both the monthly and the weekly "
                "results, or two ids differ only in punctuation"
            )
        if hasattr(value, "item"):  # a numpy scalar: its Python value
            value = value.item()
        kept = None if missing(value) else value if isinstance(value, (int, float, str)) else str(value)
        figures[name] = Figure(name, shown if shown or condition else MISSING, kept, unit)

    table = results.table
    period, previous = usual_period(table["period"]), usual_period(table["previous_period"])
    put("period", period, period or None)
    put("previous_period", previous, previous or None)
    area = (text.document.get("area", "") if text else "") or "our area"
    put("area", area, area)
    keys = figure_keys(results, weekly, text.meant if text else None)
    for section in text.sections if text else ():
        for share_name, rows in section.shares.items():
            found = cross_tab_share(results.cross_tabs, section.sheets, rows, section.parts)
            _share_figures(put, f"{section.key}_{key_of(share_name)}", found)
        for chart in section.charts:
            linked = [id_ for id_, named in keys.items() if key_of(chart.indicator) in named]
            if chart.recent_months is None or len(linked) != 1 or f"{key_of(chart.indicator)}_below_average" in figures:
                continue
            below = months_below_average(results, monthly, linked[0], chart.recent_months, chart.series)
            for key in keys[linked[0]]:
                _below_average_figures(put, key, below, chart.recent_months)
    for source in (results, weekly):
        if source is None:
            continue
        measures = years_on_year(source), all_share_counts(source)
        since_start = since_financial_year_start(source)
        for row in source.table.to_dict("records"):
            for key in keys[row["id"]]:
                _indicator_figures(put, key, row, statuses)
                _measure_figures(put, key, row, *measures)
                _since_start_figures(put, key, row, since_start.get(str(row["id"])))
        for card in source.cards.to_dict("records"):
            unit, decimals = unit_of(card), decimals_of(card)
            change = format_change(card["change"], card["change_pct"], unit, decimals, card["direction"])
            share = format_change_pct(card["change"], card["change_pct"], decimals)
            for key in keys[card["id"]]:
                put(f"{key}_{card['horizon']}_change", change, card["change"], unit)
                put(f"{key}_{card['horizon']}_change_pct", share, card["change_pct"], "percent")
                put(f"{key}_{card['horizon']}_then", format_value(card["then"], unit, decimals), card["then"], unit)
                _horizon_conditions(put, f"{key}_{card['horizon']}", card, decimals)
    return figures


def meant_links(
    links: Mapping[str, tuple[str, ...]], meant: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """`links` (catalogue entry -> the indicators linked to it) as the text means them: where two are linked,
    the first of the text's [meant] ids among them, else all of them (and which is meant cannot be told)."""
    return {
        entry: next(((id_,) for id_ in meant.get(entry, ()) if id_ in linked), linked) if len(linked) > 1 else linked
        for entry, linked in links.items()
    }


def figure_keys(
    results: IndicatorResults,
    weekly: IndicatorResults | None = None,
    meant: Mapping[str, tuple[str, ...]] | None = None,
) -> dict[str, list[str]]:
    """Each indicator's id -> the KEYs its figures are named by: its own id's, and its catalogue entry's where
    it is the one indicator linked to that entry, or the one the text's [meant] says (and no indicator has that
    key of its own)."""
    ids = [str(id_) for source in (results, weekly) if source is not None for id_ in source.table["id"]]
    keys = {id_: [key_of(id_)] for id_ in ids}
    own = {key_of(id_) for id_ in ids}
    for entry, linked in meant_links(catalogue_links(results, weekly), meant or {}).items():
        if len(linked) == 1 and key_of(entry) not in own:
            keys[linked[0]].append(key_of(entry))
    return keys


def _horizon_conditions(put: Put, name: str, card: Row, decimals: int) -> None:
    """NAME_if_up, NAME_if_down, NAME_if_unchanged of one change card's horizon: "" where it holds, else
    missing (so a sentence naming one is printed only when the change that far back goes that way)."""
    change = card["change"] if present(card["change"]) else None
    direction = card["direction"] if isinstance(card["direction"], str) else None
    if change is not None and half_up(change, decimals) == 0:
        direction = "same"
    for condition, meant in HORIZON_CONDITIONS.items():
        holds = change is not None and direction == meant
        put(f"{name}_if_{condition}", "" if holds else MISSING, True if holds else None, condition=True)


def _indicator_figures(put: Put, key: str, row: Row, statuses: StatusVocabulary) -> None:
    unit, decimals = unit_of(row), decimals_of(row)
    put(f"{key}_name", str(row["name"] or row["id"]), row["name"] or row["id"])
    put(f"{key}_period", row["period"] or "", row["period"])
    put(f"{key}_previous_period", row["previous_period"] or "", row["previous_period"])
    for name in ("value", "month_average", "previous", "target", *COMPARATORS, "published"):
        value = row[name] if present(row[name]) else None
        symbol = row.get(f"{name}_symbol") if value is None else None  # "c", "z": shown as published
        shown = symbol if isinstance(symbol, str) else format_value(value, unit, decimals)
        put(f"{key}_{name}", shown, value, unit)
        if name in AS_GIVEN:  # at the precision the return gives it (seed 002's ChAT review: 829, 26%, 20.5%)
            as_given = symbol if isinstance(symbol, str) else format_as_given(value, unit, decimals)
            put(f"{key}_{name}_as_given", as_given, value, unit)
    change = row["change"] if present(row["change"]) else None
    direction = row["direction"] if isinstance(row["direction"], str) else None
    judgement = row["judgement"] if isinstance(row["judgement"], str) else None
    if change is not None and half_up(change, decimals) == 0:  # shown as no change: no arrow, no better or worse
        direction, judgement = "same", "same" if judgement else None
    put(f"{key}_change", format_change(change, row["change_pct"], unit, decimals, direction), change, unit)
    put(f"{key}_change_words", change_words(change, row["change_pct"], unit, decimals, direction), change, unit)
    put(f"{key}_arrow", ARROWS.get(direction, "") if direction else "", direction)
    put(f"{key}_judgement", JUDGEMENT_WORDS.get(judgement, "") if judgement else "", judgement)
    for condition, meant in CONDITIONS.items():  # "" (printed as nothing) where it holds, else missing
        holds = meant in (direction, judgement)
        put(f"{key}_if_{condition}", "" if holds else MISSING, True if holds else None, condition=True)
    _published_figures(put, key, row, decimals)
    # The status the return (or the author, in the window) gave; a catalogue rule's is the window's suggestion.
    given = row.get("status_source") == "author" and present(row["status"])
    status = str(row["status"]).strip() if given else ""
    put(f"{key}_status", status, status or None)
    found = statuses.find(status) if status else None
    put(f"{key}_status_label", found.label if found else "", found.label if found else None)
    for group in COMPARATORS:
        quartile = row[f"{group}_quartile"]
        put(f"{key}_{group}_marker", MARKS.get(quartile, "") if isinstance(quartile, str) else "", quartile)
    at_rate = row["at_sn_rate"] if present(row["at_sn_rate"]) else None
    put(f"{key}_at_sn_rate", format_value(at_rate, "count", 0), at_rate, "count")
    difference = row["at_sn_difference"] if present(row["at_sn_difference"]) else None
    words = ""
    if difference is not None:
        amount = format_value(abs(difference), "count", 0)
        words = "no change" if amount == "0" else f"{'a reduction' if difference < 0 else 'an increase'} of {amount}"
    put(f"{key}_at_sn_change", words, difference, "count")


def _measure_figures(
    put: Put, key: str, row: Row, years: Mapping[str, YearOnYear], shares: Mapping[str, ShareCounts]
) -> None:
    """KEY_year_on_year and KEY_year_before; KEY_numerator and KEY_denominator (domain.indicator_measures)."""
    unit, decimals = unit_of(row), decimals_of(row)
    found = years.get(str(row["id"]))
    put(f"{key}_year_on_year", year_on_year_words(found, unit, decimals), None if found is None else found.change, unit)
    before = None if found is None else found.year_before
    put(f"{key}_year_before", format_value(before, unit, decimals), before, unit)
    counts = shares.get(str(row["id"]))
    for name in ("numerator", "denominator"):
        count = None if counts is None else getattr(counts, name)
        put(f"{key}_{name}", format_value(count, "count", 0 if count is None or count.is_integer() else 1), count)


def _share_figures(put: Put, key: str, found: CrossTabShare | None) -> None:
    """KEY_share ("70.4%"), KEY_count ("4,035") and KEY_of ("5,732"): a cross tab's rows against its total."""
    put(f"{key}_share", format_share(found), None if found is None else found.share, "percent")
    put(f"{key}_count", format_value(None if found is None else found.count, "count", 0), found and found.count)
    put(f"{key}_of", format_value(None if found is None else found.total, "count", 0), found and found.total)


def _since_start_figures(put: Put, key: str, row: Row, found: SinceYearStart | None) -> None:
    """KEY_fy_change ("▲ £108,743 (+4.2%)"), KEY_fy_change_words ("up £108,743 (+4.2%)"), KEY_fy_then
    ("£2,594,461"), KEY_fy_from ("5 April 2024") and the conditions KEY_fy_if_up, _if_down, _if_unchanged: the
    latest figure against the first of the financial year (domain.indicator_measures)."""
    unit, decimals = unit_of(row), decimals_of(row)
    change = None if found is None else found.change
    share = None if found is None else found.change_pct
    direction = None if found is None else "same" if half_up(found.change, decimals) == 0 else found.direction
    put(f"{key}_fy_change", format_change(change, share, unit, decimals, direction), change, unit)
    put(f"{key}_fy_change_words", change_words(change, share, unit, decimals, direction), change, unit)
    then = None if found is None else found.then
    put(f"{key}_fy_then", format_value(then, unit, decimals), then, unit)
    since = None if found is None else found.start_period
    put(f"{key}_fy_from", since or "", since)
    for condition, meant in HORIZON_CONDITIONS.items():
        holds = direction == meant
        put(f"{key}_fy_if_{condition}", "" if holds else MISSING, True if holds else None, condition=True)


def _below_average_figures(put: Put, key: str, found: MonthsBelowAverage | None, months: int) -> None:
    """KEY_below_average ("4") of the last KEY_below_average_of ("7") months: only where the data gives it."""
    put(f"{key}_below_average", format_months(found), None if found is None else found.below, "count")
    put(f"{key}_below_average_of", format_months(found, of=True), None if found is None else months, "count")


def format_months(found: MonthsBelowAverage | None, of: bool = False) -> str:
    """The months below the average ('4'), or `of` how many ('7'); '' where the data does not give them."""
    return "" if found is None else format_value(found.months if of else found.below, "count", 0)


def format_share(found: CrossTabShare | None, decimals: int = 1) -> str:
    """A cross tab's rows' share of its total as a sentence gives it: '70.4%' ('' where the data has none)."""
    return "" if found is None else format_value(found.share, "percent", decimals)


def year_on_year_words(found: YearOnYear | None, unit: str | None, decimals: int, pct_decimals: int = 1) -> str:
    """A change on a year before for a sentence: 'up 10.0%', 'down 3.2%', 'unchanged' (where the change rounds
    to nothing at the figure's places); a percentage's change in points ('up 2.3 percentage points', never a
    per cent of a per cent); a change on nothing is said as the amount: 'up 12'."""
    if found is None:
        return ""
    if half_up(found.change, decimals) == 0 or found.direction == "same":
        return "unchanged"
    verb = "up" if found.direction == "up" else "down"
    if unit == "percent":
        return f"{verb} {format_value(abs(found.change), None, decimals)} percentage points"
    if found.change_pct is None:
        return f"{verb} {format_value(abs(found.change), None, decimals)}"
    return f"{verb} {format_value(abs(found.change_pct), None, pct_decimals)}%"


def _published_figures(put: Put, key: str, row: Row, decimals: int) -> None:
    """Our value against our latest published figure, and that figure against the middle 50% of all councils."""
    put(f"{key}_published_period", _text(row, "published_period") or "", _text(row, "published_period"))
    change = row.get("published_change")
    direction, judgement = _text(row, "published_direction"), _text(row, "published_judgement")
    if direction and isinstance(change, float) and half_up(change, decimals) == 0:  # shown as no change, as a card
        direction, judgement = "same", "same" if judgement else None
    put(f"{key}_travel", TRAVEL_WORDS.get(direction, "") if direction else "", direction)
    put(f"{key}_travel_arrow", ARROWS.get(direction, "") if direction else "", direction)
    put(f"{key}_travel_judgement", JUDGEMENT_WORDS.get(judgement, "") if judgement else "", judgement)
    position, ranged = _text(row, "range_position"), _text(row, "range_judgement")
    put(f"{key}_range", RANGE_WORDS.get(position, "") if position else "", position)
    marker = RANGE_MARKS.get(ranged, "") if ranged else IN_RANGE_MARK if position == "in range" else ""
    put(f"{key}_range_marker", marker, ranged or (position if marker else None))


def _text(row: Row, name: str) -> str | None:
    """A text column of `row` (None where it is missing)."""
    value = row.get(name)
    return value if isinstance(value, str) else None


def change_words(
    change: float | None, change_pct: float | None, unit: str | None, decimals: int, direction: str | None
) -> str:
    """A change for a sentence: 'down 1.7 percentage points', 'up 199 (+1.4%)', 'unchanged'."""
    if change is None or direction is None:
        return ""
    amount = format_value(abs(change), None if unit == "percent" else unit, decimals)
    if direction == "same" or plain_number(amount) == "0":
        return "unchanged"
    verb = "up" if direction == "up" else "down"
    if unit == "percent":
        return f"{verb} {amount} percentage points"
    percent = "" if not present(change_pct) else f" ({format_value(change_pct, None, 1)}%)"
    if percent and not percent.startswith(" (-"):
        percent = percent.replace(" (", " (+", 1)
    return f"{verb} {amount}{percent}"


def plain_number(figure: str) -> str:
    """A figure as the published survey tables print it: no % sign, no trailing zeros ('21.0%' -> '21')."""
    if not figure or not figure[-1:].isdigit() and not figure.endswith("%"):
        return figure  # a publisher's symbol ("..", "c") as published
    shown = figure.removesuffix("%")
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return shown
