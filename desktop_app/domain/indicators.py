"""The indicators engine: values, change, judgement, status and benchmarks for a performance appendix.

It takes the returns of desktop_app.domain.returns (indicators, monthly series,
survey, benchmark quartiles and members, population) and the catalogue
(resources/indicator_catalogue.toml). Every figure is worked out for all
indicators at once with merges and group-bys and kept at full precision:
rounding happens once, in domain.formatting, when a figure is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.quartiles import (
    MIN_MEMBERS,
    member_cut_points,
    quartile_position,
    range_judgement,
    range_position,
)
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.returns import COMPARATORS, ReturnKind, return_dtypes
from desktop_app.domain.rolling import METHODS, WINDOW, rolling_12_months
from desktop_app.domain.vocabulary import normalise
from desktop_app.paths import RESOURCES

DEFAULT_CATALOGUE_FILE = RESOURCES / "indicator_catalogue.toml"

UNIT_MULTIPLIERS = {
    "count": 1,
    "percent": 100,
    "rate_per_10000": 10_000,
    "rate_per_100000": 100_000,
    "gbp": 1,
    "hours": 1,
    "number": 1,
}
UNIT_DECIMALS = {"count": 0, "percent": 1, "rate_per_10000": 1, "rate_per_100000": 1, "gbp": 0, "hours": 2, "number": 1}
UNITS = tuple(UNIT_MULTIPLIERS)
RATE_UNITS = ("rate_per_10000", "rate_per_100000")
#: Units with a 12-month average month (has_month_average): counts only.
MONTH_AVERAGE_UNITS = frozenset({"count"})
POLARITIES = ("high", "low", "none")  # "none": neither way is better, said on purpose
STATUS_RULES = ("target", "scheme_123")
COMPARATOR_LABELS = {"sn": "statistical neighbours", "nw": "North West", "england": "England"}

#: Change-card horizons. "Then" is the period ending nearest the same date this much
#: earlier, within NEAR_DAYS: like seven-day periods for a weekly series, like months
#: for a monthly one (31 July less a month is 30 June; less a year, 31 July).
HORIZONS = {
    "week": pd.DateOffset(weeks=1),
    "month": pd.DateOffset(months=1),
    "quarter": pd.DateOffset(months=3),
    "year": pd.DateOffset(years=1),
}
NEAR_DAYS = 3

#: The indicators table, one row per indicator. `id` is the return's own id, as written; `catalogue_id` the
#: catalogue entry it is linked to (by id or alias, else by the indicator's name; None: none), whose definition
#: it takes where the return says nothing different: a link, never a new id. Figures are unrounded; `decimals`
#: says how many places to show. `change` is value - previous in the indicator's unit (points for a percentage),
#: `change_pct` the change as a % of previous; direction "up" | "down" | "same";
#: judgement "better" | "worse" | "same"; *_quartile "top" | "middle" | "bottom" (quartiles.MARKS);
#: *_symbol the publisher's symbol a comparator's cell held in place of a number ("c", "z", ":"), as written;
#: block a survey theme's block in its sheet (the header it sits under: Satisfaction, Health, ...);
#: published our latest published figure (its symbol in published_symbol, its period in published_period) and
#: published_change, published_direction and published_judgement our value against it (ChAT's direction of travel
#: since the published statistics); range_position "higher" | "in range" | "lower": the published figure (our
#: value where none is given; none where it is a symbol) against the middle 50% of the England group's councils,
#: range_judgement "better" | "worse" outside it (quartiles.range_position);
#: status_source "author" | "rule"; at_sn_rate our count at the statistical neighbours' rate and
#: at_sn_difference that less our count; note what the user should know of how the figure was (or was not)
#: worked out, e.g. which population band a rate is per; sheet and row where the figure came from. None: not known.
TABLE_COLUMNS = [
    "id",
    "catalogue_id",
    "name",
    "group",
    "unit",
    "polarity",
    "period",
    "value",
    "month_average",
    "previous",
    "previous_period",
    "change",
    "change_pct",
    "direction",
    "judgement",
    "same_period_last_year",
    "target",
    "status",
    "status_source",
    "sn",
    "nw",
    "england",
    "sn_quartile",
    "nw_quartile",
    "england_quartile",
    "sn_symbol",
    "nw_symbol",
    "england_symbol",
    "published",
    "published_symbol",
    "published_period",
    "published_change",
    "published_direction",
    "published_judgement",
    "range_position",
    "range_judgement",
    "at_sn_rate",
    "at_sn_difference",
    "decimals",
    "commentary",
    "action",
    "note",
    "block",
    "sheet",
    "row",
]
HISTORY_COLUMNS = [
    "id",
    "catalogue_id",
    "name",
    "group",
    "unit",
    "polarity",
    "period",
    "period_end",
    "value",
    "numerator",
    "denominator",
    "previous",
    "change",
    "change_pct",
    "direction",
    "judgement",
    "same_period_last_year",
    "tolerance",
    "decimals",
    "sheet",
    "row",
]
CARD_COLUMNS = [
    "id",
    "horizon",
    "period",
    "value",
    "then",
    "change",
    "change_pct",
    "direction",
    "judgement",
    "unit",
    "decimals",
]
_FIGURES = ["value", "numerator", "denominator"]


# --- the catalogue ---------------------------------------------------------------


class CatalogueError(ResourceFileError):
    """The indicator catalogue says something that cannot be used."""


@dataclass(frozen=True)
class StatusRule:
    """How a status is worked out where the author typed none (the catalogue file says how each reads)."""

    type: str  # "target" or "scheme_123"
    tolerance: float = 0.0  # target: how far short of it still counts as "within tolerance"
    comparator: str = "sn"  # scheme_123: the group whose value counts as good


@dataclass(frozen=True)
class IndicatorDefinition:
    id: str
    name: str
    unit: str
    group: str | None = None
    polarity: str | None = None  # one of POLARITIES, or None where the catalogue does not say
    multiplier: float | None = None  # None: the unit's
    age_band: str | None = None
    decimals: int | None = None  # None: the unit's
    tolerance: float = 0.0
    rolling: str | None = None
    status: StatusRule | None = None
    aliases: tuple[str, ...] = ()
    target: float | None = None  # the council's own target, where a return's row gives none


@dataclass(frozen=True)
class Catalogue:
    definitions: dict[str, IndicatorDefinition]
    unit_names: dict[str, str] = field(default_factory=lambda: {_unit_key(unit): unit for unit in UNITS})

    @cached_property
    def frame(self) -> pd.DataFrame:
        """One row per id, the status rule spread over status_rule, status_tolerance and status_comparator."""
        columns = [
            "name",
            "group",
            "unit",
            "polarity",
            "multiplier",
            "age_band",
            "decimals",
            "tolerance",
            "rolling",
            "status_rule",
            "status_tolerance",
            "status_comparator",
            "target",
        ]
        rows = {
            d.id: [
                d.name,
                d.group,
                d.unit,
                d.polarity,
                UNIT_MULTIPLIERS[d.unit] if d.multiplier is None else d.multiplier,
                d.age_band,
                UNIT_DECIMALS[d.unit] if d.decimals is None else d.decimals,
                d.tolerance,
                d.rolling,
                d.status and d.status.type,
                d.status.tolerance if d.status else np.nan,
                d.status and d.status.comparator,
                np.nan if d.target is None else d.target,
            ]
            for d in self.definitions.values()
        }
        return pd.DataFrame.from_dict(rows, orient="index", columns=columns).astype(
            {
                "multiplier": "float64",
                "decimals": "int64",
                "tolerance": "float64",
                "status_tolerance": "float64",
                "target": "float64",
            }
        )

    @cached_property
    def lookup(self) -> dict[str, str]:
        """Each id and alias, normalised, to its id."""
        return {normalise(name): d.id for d in self.definitions.values() for name in (d.id, *d.aliases)}

    def resolve(self, ids: pd.Series) -> pd.Series:
        """Each id as the catalogue names it (an alias or another spelling resolved), else as written.

        Each distinct spelling is worked out once: a members' table repeats every id many times.
        """
        codes, spellings = pd.factorize(ids)
        written = pd.Series(spellings, dtype=object).str.strip()
        keys = written.str.replace("’", "", regex=False).str.replace("'", "", regex=False)
        keys = keys.str.replace(r"[\W_]+", "", regex=True).str.casefold()  # vocabulary.normalise, over a column
        named = keys.map(self.lookup).astype(object).fillna(written).to_numpy()
        with_missing = np.append(named, np.array([None], dtype=object))  # code -1: missing
        return pd.Series(with_missing[codes], index=ids.index, dtype=object)


@settings_file
def load_catalogue(path: Path = DEFAULT_CATALOGUE_FILE) -> Catalogue:
    """Read and check a catalogue file; a mistake names the file, the indicator and the key."""
    data = read_toml(path)
    unit_names = _unit_names(path.name, data.get("unit_names", {}))
    definitions = {str(id_): _definition(path.name, str(id_), spec) for id_, spec in data.get("indicators", {}).items()}
    names: dict[str, str] = {}
    for definition in definitions.values():
        for name in (definition.id, *definition.aliases):
            owner = names.setdefault(normalise(name), definition.id)
            if owner != definition.id:
                raise CatalogueError(
                    f"{path.name}: indicator '{definition.id}': 'aliases': {name!r} already names '{owner}'"
                )
    return Catalogue(definitions, unit_names)


_DEFINITION_KEYS = (
    "name",
    "group",
    "unit",
    "polarity",
    "multiplier",
    "age_band",
    "decimals",
    "tolerance",
    "rolling",
    "status",
    "aliases",
    "target",
)


def _definition(file: str, id_: str, spec: object) -> IndicatorDefinition:
    where = f"{file}: indicator '{id_}'"
    if not isinstance(spec, dict):
        raise CatalogueError(f"{where}: must be a table of keys")
    unknown = [key for key in spec if key not in _DEFINITION_KEYS]
    if unknown:
        raise CatalogueError(f"{where}: unknown key '{unknown[0]}'; the keys are {', '.join(_DEFINITION_KEYS)}")
    unit = _choice(where, spec, "unit", UNITS, required=True) or ""  # required: never empty here
    aliases = spec.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise CatalogueError(f"{where}: 'aliases' must be a list of names")
    return IndicatorDefinition(
        id=id_,
        name=_text(where, spec, "name", required=True) or "",
        unit=unit,
        group=_text(where, spec, "group"),
        polarity=_choice(where, spec, "polarity", POLARITIES),
        multiplier=_number(where, spec, "multiplier", UNIT_MULTIPLIERS[unit], above_zero=True),
        age_band=_text(where, spec, "age_band"),  # a rate without one uses the population's only band
        decimals=_whole(where, spec, "decimals", UNIT_DECIMALS[unit]),
        tolerance=_number(where, spec, "tolerance", 0.0),
        rolling=_choice(where, spec, "rolling", METHODS),
        status=_status_rule(where, spec.get("status")),
        aliases=tuple(aliases),
        target=_number(where, spec, "target", 0.0) if "target" in spec else None,
    )


def _status_rule(where: str, spec: object) -> StatusRule | None:
    if spec is None:
        return None
    where = f"{where}: 'status'"
    if not isinstance(spec, dict):
        raise CatalogueError(f'{where}: must be a table such as {{ type = "target", tolerance = 5 }}')
    unknown = [key for key in spec if key not in ("type", "tolerance", "comparator")]
    if unknown:
        raise CatalogueError(f"{where}: unknown key '{unknown[0]}'")
    return StatusRule(
        _choice(where, spec, "type", STATUS_RULES, required=True) or "",
        _number(where, spec, "tolerance", 0.0),
        _choice(where, spec, "comparator", COMPARATORS) or "sn",
    )


def _choice(where: str, spec: dict[str, Any], key: str, allowed: tuple[str, ...], required: bool = False) -> str | None:
    value = spec.get(key)
    if (value is None and required) or (value is not None and value not in allowed):
        raise CatalogueError(f"{where}: '{key}' must be one of {', '.join(allowed)}")
    return value


def _text(where: str, spec: dict[str, Any], key: str, required: bool = False) -> str | None:
    value = spec.get(key)
    if (value is None and required) or (value is not None and not (isinstance(value, str) and value.strip())):
        raise CatalogueError(f"{where}: '{key}' must be given as text")
    return value


def _number(where: str, spec: dict[str, Any], key: str, default: float, above_zero: bool = False) -> float:
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 or (above_zero and value == 0):
        raise CatalogueError(f"{where}: '{key}' must be a number {'above' if above_zero else 'of at least'} 0")
    return float(value)


def _whole(where: str, spec: dict[str, Any], key: str, default: int) -> int:
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CatalogueError(f"{where}: '{key}' must be a whole number of at least 0")
    return value


_NOT_UNIT_TEXT = r"[^\w%£]|_"


def _unit_key(text: str) -> str:
    """A unit spelling without case, spaces or punctuation, keeping % and £: 'Rate per 10,000' -> 'rateper10000'."""
    return re.sub(_NOT_UNIT_TEXT, "", text.casefold())


def _unit_names(file: str, table: dict[str, Any]) -> dict[str, str]:
    names = {_unit_key(unit): unit for unit in UNITS}
    for unit, spellings in table.items():
        where = f"{file}: [unit_names]"
        if unit not in UNITS:
            raise CatalogueError(f"{where}: unknown unit '{unit}'; the units are {', '.join(UNITS)}")
        if not isinstance(spellings, list) or not all(isinstance(spelling, str) for spelling in spellings):
            raise CatalogueError(f"{where}: '{unit}' must be a list of spellings")
        for spelling in spellings:
            owner = names.setdefault(_unit_key(spelling), unit)
            if owner != unit:
                raise CatalogueError(f"{where}: {spelling!r} is listed under both '{owner}' and '{unit}'")
    return names


# --- the returns brought -----------------------------------------------------------


@dataclass(frozen=True)
class IndicatorReturns:
    """The returns an indicators appendix is made from; any may be left out.

    Each frame is shaped as desktop_app.domain.returns says for its kind. The
    population is our area's: give `area` to pick it from a table of several.
    `links`: the author's own links of a return's ids to catalogue entries
    (e.g. a weekly series' "ASC-W01" -> "ASC-WEEKLY-COST"), over those
    recognised by id, alias or name; the ids stay as the return writes them.
    """

    indicators: pd.DataFrame | None = None
    monthly: pd.DataFrame | None = None
    survey: pd.DataFrame | None = None
    quartiles: pd.DataFrame | None = None
    members: pd.DataFrame | None = None
    population: pd.DataFrame | None = None
    area: str | None = None
    links: Mapping[str, str] = field(default_factory=dict)
    cross_tabs: pd.DataFrame | None = None
    categories: pd.DataFrame | None = None

    @classmethod
    def of(cls, frames: Mapping[ReturnKind, pd.DataFrame | None], area: str | None = None) -> IndicatorReturns:
        """The returns from frames by kind (kinds it does not use are ignored, those missing left out)."""
        given: dict[str, Any] = {name: frames.get(kind) for kind, name in _RETURN_NAMES.items()}
        return cls(**given, area=area)

    def frame(self, kind: ReturnKind) -> pd.DataFrame:
        """The kind's frame with all its columns and types; empty where none was brought."""
        given = getattr(self, _RETURN_NAMES[kind])
        dtypes = {**return_dtypes(kind), "row": "Int64"}  # a frame built in code may have no row numbers
        frame = pd.DataFrame() if given is None else given
        return frame.reindex(columns=list(dtypes)).astype(dtypes).reset_index(drop=True)


#: The field of IndicatorReturns holding each kind of return.
_RETURN_NAMES = {
    ReturnKind.INDICATORS: "indicators",
    ReturnKind.MONTHLY_SERIES: "monthly",
    ReturnKind.SURVEY: "survey",
    ReturnKind.BENCHMARK_QUARTILES: "quartiles",
    ReturnKind.BENCHMARK_MEMBERS: "members",
    ReturnKind.POPULATION: "population",
    ReturnKind.CROSS_TAB: "cross_tabs",
    ReturnKind.CATEGORY_COUNTS: "categories",
}


# --- results -------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorResults:
    """What an indicators appendix shows.

    `table`: one row per indicator for the chosen period (TABLE_COLUMNS), in
    the order the returns first list them; `history`: every indicator and
    period with its value and change, for charts; `cards`: per indicator and
    horizon, the change-card figures; `problems`: what to check or fix; `cross_tabs` and `categories`: the
    returns' cross tabs (reablement by type, safeguarding by location and abuse) and category counts (audit
    judgements) as read, for the appendix's tables of them (domain.cross_tabs).
    """

    table: pd.DataFrame
    history: pd.DataFrame
    cards: pd.DataFrame
    problems: tuple[Problem, ...]
    cross_tabs: pd.DataFrame = field(default_factory=lambda: IndicatorReturns().frame(ReturnKind.CROSS_TAB))
    categories: pd.DataFrame = field(default_factory=lambda: IndicatorReturns().frame(ReturnKind.CATEGORY_COUNTS))

    def records(self) -> list[dict[str, object]]:
        """The table as plain Python values, None where missing: ready for JSON."""
        records: list[dict[str, object]] = self.table.astype(object).where(self.table.notna(), None).to_dict("records")
        return records


def catalogue_links(*results: IndicatorResults | None) -> dict[str, tuple[str, ...]]:
    """Each catalogue entry that indicators of `results` are linked to but none has as its own id, with the ids
    of those linked to it, in table order.

    A report's words and an older project's notes name indicators by their catalogue ids: where one indicator
    is linked to the entry, it is the one they mean; where two are, they could mean either.
    """
    tables = [r.table[["id", "catalogue_id"]] for r in results if r is not None]
    if not tables:
        return {}
    table = pd.concat(tables, ignore_index=True)
    linked = table[table["catalogue_id"].notna() & ~table["catalogue_id"].isin(table["id"])]
    return {
        str(entry): tuple(str(id_) for id_ in rows["id"]) for entry, rows in linked.groupby("catalogue_id", sort=False)
    }


def calculate_indicators(
    returns: IndicatorReturns, catalogue: Catalogue, period: dt.date | None = None
) -> IndicatorResults:
    """Every indicator's figures as at `period`: its latest period ending on or before that date
    (by default its latest period), with change, judgement, status, benchmarks and counterfactual."""
    rows, problems = _gathered(returns, catalogue)
    population, population_problems = _our_population(returns.frame(ReturnKind.POPULATION), returns.area)
    history = _with_changes(_with_values(_with_band(_defined(rows, catalogue), population, returns.area), population))
    table = latest(history, period).sort_values("order", kind="stable").reset_index(drop=True)
    table, benchmark_problems = _with_benchmarks(table, returns, catalogue)
    table = _with_month_average(_with_counterfactual(_with_status(_against_published(table))))
    problems += population_problems + benchmark_problems + _table_problems(table)
    return IndicatorResults(
        _shown(table)[TABLE_COLUMNS],
        _shown(history)[HISTORY_COLUMNS],
        change_cards(history, period),
        tuple(problems),
        returns.frame(ReturnKind.CROSS_TAB),
        returns.frame(ReturnKind.CATEGORY_COUNTS),
    )


# --- gathering the rows: the return, the monthly series, the survey ------------------


def _gathered(returns: IndicatorReturns, catalogue: Catalogue) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per indicator and period from every source, each id as its return writes it, linked to its
    catalogue entry in `catalogue_id`.

    The indicator return wins over the monthly series for a period both give;
    the series fills the periods (and figures) the return lacks. `order` keeps
    the order in which the returns first list each indicator. A survey gives
    themes, not ids: a theme the catalogue knows is its entry's id.
    """
    given = returns.frame(ReturnKind.INDICATORS).dropna(subset=["id"])
    given = given.assign(id=_written(given["id"]))
    links = _links(given, catalogue, returns.links)
    given = given.assign(catalogue_id=given["id"].map(links), order=np.arange(len(given), dtype=float))
    listed_twice = given["period_end"].notna() & given.duplicated(["id", "period_end"])
    problems = _problems(given[listed_twice], Severity.WARNING, "listed twice for this period: the first is used")
    series, series_problems = _series_rows(returns.frame(ReturnKind.MONTHLY_SERIES), catalogue, links)
    series = series.assign(order=np.arange(len(series), dtype=float) + len(given))
    rows = _combined(given[~listed_twice], series)

    survey = returns.frame(ReturnKind.SURVEY).dropna(subset=["theme"]).rename(columns={"theme": "id"})
    survey = survey.assign(
        id=catalogue.resolve(survey["id"]),
        catalogue_id=_entries(survey["id"], catalogue),
        order=np.arange(len(survey), dtype=float) + len(given) + len(series),
    )
    rows = pd.concat([rows, survey], ignore_index=True)
    undatable = rows["period_end"].isna() & rows.groupby("id")["id"].transform("size").gt(1)
    problems += series_problems + _problems(
        rows[undatable],
        Severity.WARNING,
        "has no period end date, so it cannot be placed among the indicator's other periods: not used",
    )
    return rows[~undatable].reset_index(drop=True), problems


def _written(ids: pd.Series) -> pd.Series:
    """Ids as the return writes them, as text without the spaces around them."""
    return ids.astype(object).str.strip()


def _links(given: pd.DataFrame, catalogue: Catalogue, own: Mapping[str, str]) -> dict[str, str]:
    """A return's own ids (e.g. 'CSC-D04') -> the catalogue entry each is linked to: the author's own link,
    else the entry the id names (its id or an alias), else the entry the indicator's name names.

    An id linked to no entry is left out. The monthly series of the same council uses the same ids, so it
    is linked through the same links.
    """
    linked = _entries(given["id"], catalogue).fillna(_entries(given["name"].fillna(""), catalogue))
    found = pd.Series(linked.to_numpy(), index=given["id"].to_numpy(), dtype=object).dropna()
    return {**found[~found.index.duplicated()].to_dict(), **own}


def _entries(names: pd.Series, catalogue: Catalogue) -> pd.Series:
    """The catalogue entry each id or name names (the entry's id or an alias); missing where it names none."""
    named = catalogue.resolve(names)
    return named.where(named.isin(list(catalogue.definitions)))


def _series_rows(
    monthly: pd.DataFrame, catalogue: Catalogue, links: Mapping[str, str]
) -> tuple[pd.DataFrame, list[Problem]]:
    """Per id and month, indicator-shaped: the rolling 12-month figure where the linked catalogue
    entry asks for one, else the month's own figures."""
    monthly = monthly.dropna(subset=["id", "month"])
    ids = _written(monthly["id"])
    linked = ids.map(links).astype(object)  # as the return's rows of the same id are linked
    monthly = monthly.assign(
        id=ids,
        catalogue_id=linked.fillna(_entries(ids, catalogue)),
        month=monthly["month"].dt.to_period("M").dt.to_timestamp().astype("datetime64[s]"),
    )
    listed_twice = monthly.duplicated(["id", "month"])
    twice = monthly[listed_twice]
    problems = _problems(
        twice.assign(period=_month_labels(twice["month"])),
        Severity.WARNING,
        "this month is listed twice in the monthly series: the first is used",
    )
    monthly = monthly[~listed_twice]
    definitions = catalogue.frame
    method = monthly["catalogue_id"].map(definitions["rolling"])
    # A mean of monthly percentages may be given as numerators and denominators.
    monthly_ratio = (
        monthly["numerator"] / monthly["denominator"] * monthly["catalogue_id"].map(definitions["multiplier"])
    )
    monthly = monthly.assign(value=monthly["value"].fillna(monthly_ratio.where(method.eq("mean"))))

    methods = pd.Series(method.to_numpy(), index=monthly["id"].to_numpy()).dropna()
    rolled = rolling_12_months(monthly, methods[~methods.index.duplicated()])
    entry_of = monthly.drop_duplicates("id").set_index("id")["catalogue_id"]
    rolled = rolled.assign(catalogue_id=rolled["id"].map(entry_of))
    rolled_definitions = definitions.reindex(rolled["catalogue_id"])
    summed_rate = (rolled_definitions["unit"].isin(RATE_UNITS) & rolled_definitions["rolling"].eq("sum")).to_numpy()
    rolled = rolled.assign(  # a rate's 12-month count is its numerator, over the population
        numerator=rolled["numerator"].where(~summed_rate, rolled["value"]),
        value=rolled["value"].where(~summed_rate),
    )
    rows = pd.concat([rolled, monthly.loc[method.isna(), rolled.columns]], ignore_index=True)
    return rows.assign(
        period=_month_labels(rows["month"]),
        period_end=(rows["month"] + pd.offsets.MonthEnd(0)).astype("datetime64[s]"),
    ).drop(columns="month"), problems


def _month_labels(months: pd.Series) -> pd.Series:
    """'July 2023' for each month, each distinct month formatted once."""
    codes, distinct = pd.factorize(months)
    labels = np.asarray(pd.DatetimeIndex(distinct).strftime("%B %Y"), dtype=object)
    return pd.Series(labels[codes], index=months.index)


def _combined(given: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """The return's rows and the series' rows as one: a return row without a figure takes the series'."""
    rows = given.merge(series, on=["id", "period_end"], how="outer", suffixes=("", "_series"), indicator=True)
    from_series = rows["_merge"].ne("left_only") & rows["value"].isna() & rows["numerator"].isna()
    for column in [*_FIGURES, "sheet", "row"]:
        rows[column] = rows[column].where(~from_series, rows[f"{column}_series"])
    rows["period"] = rows["period"].fillna(rows["period_series"])
    rows["order"] = rows["order"].fillna(rows["order_series"])
    rows["catalogue_id"] = rows["catalogue_id"].astype(object).fillna(rows["catalogue_id_series"])
    return rows.drop(columns=[name for name in rows.columns if name.endswith("_series")] + ["_merge"])


# --- definitions and values ----------------------------------------------------------


def _defined(rows: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Each row with its definition: its linked catalogue entry's, where the return says no different."""
    rows = rows.merge(
        catalogue.frame, left_on="catalogue_id", right_index=True, how="left", suffixes=("", "_catalogue")
    )
    written = rows["unit"].astype(object)
    unit = written.str.casefold().str.replace(_NOT_UNIT_TEXT, "", regex=True).map(catalogue.unit_names)
    unit = unit.astype(object)
    rows["unit_as_written"] = written.where(unit.isna())
    rows["unit"] = unit.fillna(rows["unit_catalogue"]).astype(object)
    same_unit = rows["unit"].eq(rows["unit_catalogue"])
    rows["multiplier"] = rows["multiplier"].where(same_unit, rows["unit"].map(UNIT_MULTIPLIERS)).fillna(1.0)
    decimals = rows["decimals"].where(same_unit, rows["unit"].map(UNIT_DECIMALS))
    rows["decimals"] = decimals.fillna(UNIT_DECIMALS["number"]).astype("int64")
    polarity = rows["polarity"].astype(object).str.strip().str.casefold()
    rows["polarity"] = polarity.where(polarity.isin(["high", "low"])).astype(object).fillna(rows["polarity_catalogue"])
    rows["name"] = rows["name"].fillna(rows["name_catalogue"]).fillna(rows["id"])
    rows["group"] = rows["group"].fillna(rows["group_catalogue"])
    rows["tolerance"] = rows["tolerance"].fillna(0.0)
    rows["target"] = pd.to_numeric(rows["target"], errors="coerce").fillna(rows["target_catalogue"])
    rows["catalogued"] = rows["catalogue_id"].isin(catalogue.frame.index)
    return rows.drop(columns=[name for name in rows.columns if name.endswith("_catalogue")])


def _our_population(population: pd.DataFrame, area: str | None) -> tuple[pd.DataFrame, list[Problem]]:
    """The population rows for our area: `area`'s, or the whole table where it holds one area."""
    if area is not None:
        population = population[population["area"].str.strip().str.casefold().eq(area.strip().casefold())]
    areas = population["area"].dropna().unique()
    if area is None and len(areas) > 1:
        message = (
            f"the population return holds {len(areas)} areas ({', '.join(map(str, areas))}): "
            "say which is ours; no rate is worked out from it"
        )
        return population.iloc[0:0], [Problem(Severity.WARNING, message)]
    return population, []


def _with_band(rows: pd.DataFrame, population: pd.DataFrame, area: str | None) -> pd.DataFrame:
    """A rate whose definition names no age band is per the population's only band for its year (the
    latest year up to its period's that the population has), said in `note`; with several bands, or none,
    it has no band, and `note` says which bands there are."""
    unbanded = rows["unit"].isin(RATE_UNITS) & rows["age_band"].isna() & rows["denominator"].isna()
    known = population.dropna(subset=["age_band", "year", "population"])
    bands = {int(year): list(dict.fromkeys(group["age_band"].str.strip())) for year, group in known.groupby("year")}
    areas = population["area"].dropna().unique()
    place = str(areas[0]) if len(areas) == 1 else area or "our area"
    band, note = pd.Series(None, index=rows.index, dtype=object), pd.Series(None, index=rows.index, dtype=object)
    for wanted, members in rows[unbanded].groupby(rows["period_end"].dt.year):
        year = max((y for y in bands if y <= wanted), default=None)
        found = bands.get(year, []) if year is not None else []
        entry = np.where(members["catalogued"], "the catalogue entry names none", "it is not in the catalogue")
        if len(found) == 1:
            band[members.index] = found[0]
            note[members.index] = f"per the population return's only band for {place} {year}, {found[0]}"
            continue
        # A rate the return gives needs no band; one to be worked out from its numerator cannot be.
        to_work_out = members["value"].isna().to_numpy()
        if found:
            there = f"the population return has bands {', '.join(found)} for {place} {year}"
        elif known.empty:
            there = "no population return was given"
        else:
            there = f"the population return has no bands for {place} in {int(wanted)} or before"
        note[members.index[to_work_out]] = [f"not calculated: {there}; {why}" for why in entry[to_work_out]]
    return rows.assign(age_band=rows["age_band"].fillna(band), note=note)


def _with_values(rows: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Values as given, or numerator / denominator x multiplier. A rate's denominator, where the
    return gives none, is the population of its age band in the year its period ends (or the
    latest earlier year). `base` is that denominator: the counterfactual needs it too."""
    rate = rows["unit"].isin(RATE_UNITS)
    wanted_year = rows["period_end"].dt.year.astype("float64")
    found = _population_for(rows["age_band"].where(rate), wanted_year, population)
    uses_population = rate & rows["denominator"].isna()
    base = rows["denominator"].where(~uses_population, found["population"])
    return rows.assign(
        base=base,
        value=rows["value"].fillna(rows["numerator"] / base * rows["multiplier"]),
        population_wanted=wanted_year.where(uses_population),
        population_year=found["population_year"].where(uses_population),
    )


def _population_for(age_band: pd.Series, year: pd.Series, population: pd.DataFrame) -> pd.DataFrame:
    """Per row, the population of its age band in its year, or in the latest earlier year the
    table has (`population_year` says which); missing where there is none."""
    wanted = pd.DataFrame({"band": _band_keys(age_band), "year": year}).dropna()
    wanted = wanted.assign(year=wanted["year"].astype("int64"), position=wanted.index).sort_values("year")
    known = population.dropna(subset=["age_band", "year", "population"])
    table = (
        pd.DataFrame(
            {
                "band": _band_keys(known["age_band"]),
                "year": known["year"].astype("int64"),
                "population": known["population"],
                "population_year": known["year"],
            }
        )
        .drop_duplicates(["band", "year"])
        .sort_values("year")
    )
    found = pd.merge_asof(wanted, table, on="year", by="band", direction="backward")
    return found.set_index("position")[["population", "population_year"]].reindex(age_band.index)


def _band_keys(age_band: pd.Series) -> pd.Series:
    """'0 - 17', '0–17' and '0-17' as one."""
    keys = age_band.astype(object).str.casefold().str.replace(r"\s+", "", regex=True)
    return keys.str.replace("–", "-", regex=False)


# --- change, direction and judgement ---------------------------------------------------


def _with_changes(history: pd.DataFrame) -> pd.DataFrame:
    """Each period's change against the indicator's previous period and its value a year earlier."""
    history = history.sort_values(["id", "period_end"], na_position="first", kind="stable").reset_index(drop=True)
    by_id = history.groupby("id", sort=False)
    previous = by_id["value"].shift()
    change = history["value"] - previous
    direction = direction_of(change, history["tolerance"])
    return history.assign(
        previous=previous,
        previous_period=by_id["period"].shift(),
        change=change,
        change_pct=percent_change(change, previous),
        direction=direction,
        judgement=judgement_of(direction, history["polarity"]),
        same_period_last_year=_value_near(history, history["id"], history["period_end"] - HORIZONS["year"]),
    )


def percent_change(change: pd.Series, previous: pd.Series) -> pd.Series:
    """The change as a % of the earlier value; missing where that is zero or missing."""
    return (change * 100.0 / previous.abs()).where(previous.ne(0))


def direction_of(change: pd.Series, tolerance: pd.Series | float = 0.0) -> pd.Series:
    """'up', 'down', or 'same' where the change is smaller than the tolerance; None with nothing to compare."""
    same = (change.abs() < tolerance) | change.eq(0)
    return _first_of([same, change > 0, change < 0], ["same", "up", "down"], change.index)


def judgement_of(direction: pd.Series, polarity: pd.Series) -> pd.Series:
    """'better', 'worse' or 'same' in the sense of good performance; None without a direction or polarity."""
    high, low = polarity.eq("high"), polarity.eq("low")
    up, down = direction.eq("up"), direction.eq("down")
    return _first_of(
        [high & up | low & down, high & down | low & up, (high | low) & direction.eq("same")],
        ["better", "worse", "same"],
        direction.index,
    )


def _first_of(conditions: list[pd.Series], choices: list[str | pd.Series], index: pd.Index) -> pd.Series:
    """The choice of the first condition that holds, row by row; None where none does."""
    chosen = np.select(
        [np.asarray(condition, dtype=bool) for condition in conditions],
        [np.asarray(choice, dtype=object) for choice in choices],
        np.array(None, dtype=object),
    )
    return pd.Series(chosen, index=index, dtype=object)


def _value_near(history: pd.DataFrame, ids: pd.Series, when: pd.Series) -> pd.Series:
    """Each id's value for its period ending nearest `when` (within NEAR_DAYS days); missing where none does."""
    wanted = pd.DataFrame({"id": ids, "when": when}).dropna()
    wanted = wanted.assign(position=wanted.index).sort_values("when")
    dated = history.loc[history["period_end"].notna(), ["id", "period_end", "value"]].sort_values("period_end")
    found = pd.merge_asof(
        wanted,
        dated,
        left_on="when",
        right_on="period_end",
        by="id",
        direction="nearest",
        tolerance=pd.Timedelta(days=NEAR_DAYS),
    )
    return found.set_index("position")["value"].reindex(ids.index)


def latest(history: pd.DataFrame, period: dt.date | None = None) -> pd.DataFrame:
    """Each indicator's row for its latest period ending on or before `period` (any, where None).

    `history` is sorted by id and period end, as _with_changes leaves it; an
    undated row (a survey's) is its indicator's only row, so it is taken.
    """
    if period is not None:
        history = history[history["period_end"].isna() | (history["period_end"] <= pd.Timestamp(period))]
    return history.groupby("id", sort=False).tail(1).reset_index(drop=True)


def change_cards(history: pd.DataFrame, period: dt.date | None = None) -> pd.DataFrame:
    """Per indicator and horizon (week, month, quarter, year): its latest value, the value then, and the change.

    A horizon the series cannot answer (a week back in a monthly series) is left out.
    """
    current = latest(history, period).dropna(subset=["period_end"])
    cards = pd.concat(
        [
            current.assign(horizon=horizon, then=_value_near(history, current["id"], current["period_end"] - offset))
            for horizon, offset in HORIZONS.items()
        ],
        ignore_index=True,
    ).dropna(subset=["then"])
    change = cards["value"] - cards["then"]
    direction = direction_of(change, cards["tolerance"])
    cards = cards.assign(
        change=change,
        change_pct=percent_change(change, cards["then"]),
        direction=direction,
        judgement=judgement_of(direction, cards["polarity"]),
        horizon_order=cards["horizon"].map({name: n for n, name in enumerate(HORIZONS)}),
    )
    return cards.sort_values(["id", "horizon_order"])[CARD_COLUMNS].reset_index(drop=True)


# --- benchmarks, status, counterfactual ------------------------------------------------


def _with_benchmarks(
    table: pd.DataFrame, returns: IndicatorReturns, catalogue: Catalogue
) -> tuple[pd.DataFrame, list[Problem]]:
    """Comparator values (the return's, else the group's published average, else its members' mean) and the quartile
    position against each group.

    A row's benchmarks are those of its catalogue entry (of its own id where it has none). Per
    indicator and group one benchmark is used: one with cut points before one without, then one for
    the same period as ours, then published cut points before members' values, then the one listed last.
    """
    published = returns.frame(ReturnKind.BENCHMARK_QUARTILES).dropna(subset=["id", "comparator"])
    members = returns.frame(ReturnKind.BENCHMARK_MEMBERS).dropna(subset=["id", "comparator"])
    published, members = (
        frame.assign(id=catalogue.resolve(frame["id"]), comparator=frame["comparator"].str.strip().str.casefold())
        for frame in (published, members)
    )
    benchmarks = pd.concat(
        [published.assign(published=True), member_cut_points(members).assign(published=False)], ignore_index=True
    )
    rows = pd.DataFrame(
        {"row_id": table["id"], "id": table["catalogue_id"].fillna(table["id"]), "period": table["period"]}
    )
    candidates = rows.merge(benchmarks.assign(listed=np.arange(len(benchmarks))), on="id", suffixes=("", "_benchmark"))
    candidates = candidates.assign(
        usable=candidates["lower_quartile"].notna() & candidates["upper_quartile"].notna(),
        same_period=candidates["period_benchmark"].eq(candidates["period"]),
    ).sort_values(["usable", "same_period", "published", "listed"])
    chosen = candidates.groupby(["row_id", "comparator"]).tail(1)

    table = table.copy()
    problems: list[Problem] = []
    for code in COMPARATORS:
        group = chosen[chosen["comparator"].eq(code)].set_index("row_id")
        lower, upper = table["id"].map(group["lower_quartile"]), table["id"].map(group["upper_quartile"])
        counted = table["id"].map(group["members"])
        published = table[f"{code}_symbol"].notna()  # a symbol as published is not filled from elsewhere
        table[code] = table[code].where(published, table[code].fillna(table["id"].map(group["average"])))
        crossed = lower > upper
        position = quartile_position(table["value"], lower, upper, table["polarity"])
        table[f"{code}_quartile"] = position.where(~crossed, None)
        if code == "england":  # the England group's spread is all councils': ChAT's middle 50%
            suppressed = table["published_symbol"].notna()
            placed = table["published"].where(table["published"].notna() | suppressed, table["value"])
            table["range_position"] = range_position(placed, lower, upper).where(~crossed, None)
            table["range_judgement"] = range_judgement(table["range_position"], table["polarity"])
        label = COMPARATOR_LABELS[code]
        problems += _problems(
            table[crossed],
            Severity.WARNING,
            f"the {label} lower quartile is above the upper quartile: no quartile is given",
        ) + _problems(
            table[counted < MIN_MEMBERS],
            Severity.NOTE,
            f"{label}: "
            + counted.astype("Int64").astype(str)
            + f" members have a value; a quartile needs {MIN_MEMBERS}",
        )
    return table, problems


def _against_published(table: pd.DataFrame) -> pd.DataFrame:
    """Our value against our latest published figure: ChAT's direction of travel since the published statistics."""
    change = table["value"] - table["published"]
    direction = direction_of(change, table["tolerance"])
    return table.assign(
        published_change=change,
        published_direction=direction,
        published_judgement=judgement_of(direction, table["polarity"]),
    )


def _with_status(table: pd.DataFrame) -> pd.DataFrame:
    """The author's status where typed (status_source 'author'), else the definition's rule's ('rule')."""
    sign = table["polarity"].map({"high": 1.0, "low": -1.0})
    rule = table["status_rule"]
    beyond_target = (table["value"] - table["target"]) * sign
    by_target = _first_of(
        [beyond_target >= 0, beyond_target >= -table["status_tolerance"], beyond_target.notna()],
        ["met", "within tolerance", "missed"],
        table.index,
    )
    comparator = np.select(
        [table["status_comparator"].eq(code) for code in COMPARATORS], [table[code] for code in COMPARATORS], np.nan
    )
    beyond_comparator = (table["value"] - comparator) * sign
    not_good = beyond_comparator < -table["tolerance"]
    by_scheme = _first_of(
        [
            beyond_comparator >= -table["tolerance"],
            not_good & table["judgement"].eq("better"),
            not_good & table["judgement"].isin(["same", "worse"]),
        ],
        ["1", "2", "3"],
        table.index,
    )
    by_rule = by_target.where(rule.eq("target"), by_scheme.where(rule.eq("scheme_123"), None))
    unexplained = rule.notna() & table["value"].notna() & by_rule.isna()
    why = _first_of(
        [sign.isna(), rule.eq("target"), pd.isna(comparator), table["judgement"].isna()],
        [
            "its status rule needs a polarity",
            "its status rule needs a target",
            "the 1/2/3 status needs the " + table["status_comparator"].map(COMPARATOR_LABELS) + " value",
            "the 1/2/3 status needs the previous period's value",
        ],
        table.index,
    )
    author = table["status"].astype(object).str.strip()
    author = author.where(author.ne(""))
    return table.assign(
        status=author.fillna(by_rule),
        status_source=_first_of([author.notna(), by_rule.notna()], ["author", "rule"], table.index),
        rule_status=by_rule,
        status_note=why.where(unexplained, None),
    )


def _with_counterfactual(table: pd.DataFrame) -> pd.DataFrame:
    """What our count would be at the statistical neighbours' rate (their rate x our base / multiplier),
    and that less our count: -130 means 130 fewer. The base of a rate is the population, of a
    percentage its denominator."""
    base = table["base"].where(table["unit"].isin([*RATE_UNITS, "percent"]))
    at_sn_rate = table["sn"] * base / table["multiplier"]
    ours = table["numerator"].fillna(table["value"] * base / table["multiplier"])
    return table.assign(at_sn_rate=at_sn_rate, at_sn_difference=at_sn_rate - ours)


# --- problems and output ---------------------------------------------------------------


def _table_problems(table: pd.DataFrame) -> list[Problem]:
    """What the user should know about each indicator's figures for the period shown."""
    rate = table["unit"].isin(RATE_UNITS)
    no_population = rate & table["base"].isna() & (table["value"].isna() | table["sn"].notna())
    wanted = table["population_wanted"].astype("Int64").astype(str)
    author, by_rule = table["status"].where(table["status_source"].eq("author")), table["rule_status"]
    differs = author.astype("str").str.casefold().ne(by_rule.astype("str").str.casefold())
    differs &= author.notna() & by_rule.notna()
    other_year = table["population_year"].notna() & table["population_year"].ne(table["population_wanted"])
    return [
        *_problems(
            table[table["polarity"].isna()],
            Severity.WARNING,
            "no polarity (is high or low good?) in the return or the catalogue: no judgement, status rule or quartile",
        ),
        *_problems(
            table[table["unit_as_written"].notna()],
            Severity.WARNING,
            "unit '" + table["unit_as_written"].astype(str) + "' is not one the catalogue knows: its own unit is used",
        ),
        *_problems(
            table[~table["catalogued"] & table["unit"].isna()],
            Severity.NOTE,
            "not in the catalogue and the return gives no unit: its value is shown as given",
        ),
        *_problems(table[table["note"].notna() & table["age_band"].isna()], Severity.WARNING, table["note"]),
        *_problems(table[table["note"].notna() & table["age_band"].notna()], Severity.NOTE, table["note"]),
        *_problems(
            table[no_population & table["age_band"].notna() & table["value"].isna()],
            Severity.WARNING,
            "no population for age band '"
            + table["age_band"].astype(str)
            + "' in "
            + wanted
            + " or before: the rate cannot be worked out",
        ),
        *_problems(
            table[no_population & table["age_band"].notna() & table["value"].notna()],
            Severity.NOTE,
            "no population for age band '"
            + table["age_band"].astype(str)
            + "' in "
            + wanted
            + " or before: the count at the statistical neighbours' rate is not worked out",
        ),
        *_problems(
            table[table["value"].isna() & ~no_population],
            Severity.WARNING,
            "no value, and no numerator and denominator to work it out from",
        ),
        *_problems(
            table[other_year],
            Severity.NOTE,
            "no population for " + wanted + ": " + table["population_year"].astype("Int64").astype(str) + "'s is used",
        ),
        *_problems(table[author.isna() & table["status_note"].notna()], Severity.NOTE, table["status_note"]),
        *_problems(
            table[differs],
            Severity.NOTE,
            "the author's status '" + author.astype(str) + "' differs from the rule's '" + by_rule.astype(str) + "'",
        ),
    ]


def _problems(rows: pd.DataFrame, severity: Severity, message: str | pd.Series) -> list[Problem]:
    """One problem per row, placed at the row's sheet and row, its message led by the indicator and period."""
    if rows.empty:
        return []
    period = (", " + rows["period"].astype(object)).fillna("")
    messages = rows["id"].astype(str) + period + ": " + (message if isinstance(message, str) else message[rows.index])
    return [
        Problem(severity, text, sheet="" if pd.isna(sheet) else str(sheet), row=None if pd.isna(row) else int(row))
        for text, sheet, row in zip(messages, rows["sheet"], rows["row"], strict=True)
    ]


def has_month_average(unit: object) -> bool:
    """Whether an indicator in `unit` has a 12-month average month to print or draw: a count has ("2,150
    contacts a month", the dashed line of a monthly chart); a percentage, a rate or a cost does not (an
    average of month-end shares is no share of anything). The report's figures and the window's trend chart
    both ask here."""
    return unit in MONTH_AVERAGE_UNITS


def _with_month_average(table: pd.DataFrame) -> pd.DataFrame:
    """`month_average`: a 12-month count's average month ("2,150 contacts a month"), where the catalogue rolls
    the indicator's monthly series by "sum" and its unit has one (has_month_average)."""
    counted = table["rolling"].eq("sum") & table["unit"].map(has_month_average).astype(bool)
    return table.assign(month_average=(table["value"] / WINDOW).where(counted))


def _shown(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing text as None, and polarity 'none' (neither way is better) as None."""
    text = frame.select_dtypes(include=["object", "str"]).columns
    shown = frame.assign(polarity=frame["polarity"].where(frame["polarity"].isin(["high", "low"]), None))
    shown[text] = shown[text].astype(object).where(shown[text].notna(), None)
    return shown.assign(row=shown["row"].astype("Int64"))
