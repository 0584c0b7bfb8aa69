"""A council's safe accommodation return (Domestic Abuse Act 2021, Part 4) and what the appendix works out from it.

Each year the council reports to the department the people it supported in
safe accommodation (adults and children), the adult victims with specialist
characteristics, the households it could not support and those whose support
ended (each by reason), and the bedspaces it commissioned by type; its Part 4
strategy must be published and reviewed within each three-year period. The
return's rows, their groups and what each row is a share of are data
(resources/safe_accommodation_vocabulary.toml). Here: each row's share of its
group's base, the strategy's review date against the report date, and the same
shares of the published regional and England tables, a publisher's symbol
(`[c]`, `[x]`) kept as printed where a figure or its base is withheld.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop_app.domain.formatting import missing
from desktop_app.domain.periods import Period
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.vocabulary import add_spellings, normalise
from desktop_app.paths import RESOURCES

DEFAULT_SAFE_ACCOMMODATION_VOCABULARY = RESOURCES / "safe_accommodation_vocabulary.toml"
SUM = "sum"
STRATEGY_ROWS = ("published", "published_on", "reviewed_on")


@dataclass(frozen=True)
class Group:
    """A part of the return: its heading, and what its rows are a share of ("sum", a field's key, or "")."""

    key: str
    label: str
    share_of: str
    total_label: str = ""
    adds_up: bool = False  # the rows add up to the share_of field (one reason a household)


@dataclass(frozen=True)
class ReturnField:
    key: str
    group: str
    label: str
    short: str  # under a chart's bar: "NRPF"


@dataclass(frozen=True)
class SafeAccommodationVocabulary:
    groups: dict[str, Group]
    fields: dict[str, ReturnField]  # in the file's order
    spellings: dict[str, str]  # normalised label -> field
    within_group: dict[str, dict[str, str]]  # group -> normalised label -> field
    headings: dict[str, str]  # normalised heading -> group ("strategy" for the strategy's)
    strategy_rows: dict[str, str]  # normalised label -> published, published_on or reviewed_on
    answers: dict[str, bool]  # normalised Yes / No -> True / False
    area_headers: frozenset[str]
    review_years: int

    def field_for(self, label: object, group: str | None) -> str | None:
        """The field a row's label names: under its group's heading first, then anywhere."""
        words = normalise(label)
        return self.within_group.get(group or "", {}).get(words) or self.spellings.get(words)

    def in_group(self, group: str) -> list[str]:
        return [key for key, spec in self.fields.items() if spec.group == group]


@dataclass(frozen=True)
class Strategy:
    """The Part 4 strategy as the return gives it: published or not (None: not said), and its dates."""

    published: bool | None = None
    published_on: dt.date | None = None
    reviewed_on: dt.date | None = None


@dataclass
class SafeAccommodationReturn:
    """The figures (a row per field of the vocabulary, a column per year, oldest first; NaN where not given)
    and the strategy."""

    figures: pd.DataFrame
    strategy: Strategy = field(default_factory=Strategy)
    source: str = ""  # where it was read: "FILE, sheet 'SHEET'"

    @property
    def periods(self) -> list[str]:
        return [str(column) for column in self.figures.columns]


@dataclass
class PublishedTables:
    """The department's published figures for regions and England: a row per area, a column per field;
    `symbols` holds the publisher's symbol ('[c]', '[x]') as printed where a figure is withheld, else ''."""

    values: pd.DataFrame
    symbols: pd.DataFrame
    source: str = ""


class ReviewState(str, enum.Enum):
    NOT_DUE = "not due"
    DUE_ON_REPORT_DATE = "due on the report date"
    PASSED = "passed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class StrategyReview:
    """When the strategy's review falls due (`reviewed_from` + review_years) and how it stands at `as_at`."""

    due: dt.date | None
    state: ReviewState
    as_at: dt.date
    reviewed_from: str = ""  # "published" or "reviewed": which date the review is counted from


@dataclass(frozen=True)
class Share:
    """A row as a share of its base (per cent, full precision), or the publisher's symbol where the row or its
    base is withheld; `value` None with no symbol where the table gives neither."""

    count: float | None
    base: float | None
    value: float | None
    symbol: str = ""


@settings_file
def load_safe_accommodation_vocabulary(
    path: Path = DEFAULT_SAFE_ACCOMMODATION_VOCABULARY,
) -> SafeAccommodationVocabulary:
    """The return's groups, rows and their spellings; a mistake names the file and key."""
    data = read_toml(path)
    groups = {}
    for key, spec in data.get("groups", {}).items():
        groups[key] = Group(
            key,
            str(spec["label"]),
            str(spec.get("share_of", "")),
            str(spec.get("total_label", "")),
            spec.get("adds_up", False) is True,
        )
    fields: dict[str, ReturnField] = {}
    spellings: dict[str, str] = {}
    for key, spec in data.get("fields", {}).items():
        if spec.get("group") not in groups:
            raise ResourceFileError(f"{path.name}: [fields.{key}] group must be one of {list(groups)}")
        fields[key] = ReturnField(key, str(spec["group"]), str(spec["label"]), str(spec.get("short", spec["label"])))
        add_spellings(spellings, path.name, f"[fields.{key}] spellings", key, list(spec["spellings"]))
    for group in groups.values():
        if group.share_of not in ("", SUM, *fields):
            raise ResourceFileError(f"{path.name}: [groups.{group.key}] share_of must be 'sum', '' or a field's key")
        if group.adds_up and group.share_of in ("", SUM):
            raise ResourceFileError(f"{path.name}: [groups.{group.key}] adds_up needs share_of to name a field")
        if group.share_of == SUM and not group.total_label:
            raise ResourceFileError(f"{path.name}: [groups.{group.key}] a share of the sum needs a total_label")
    within: dict[str, dict[str, str]] = {}
    for group, words in data.get("within_group", {}).items():
        for spelling, key in words.items():
            if fields.get(key) is None or fields[key].group != group:
                raise ResourceFileError(
                    f"{path.name}: [within_group.{group}] {spelling!r} must name a field of {group}"
                )
            within.setdefault(group, {})[normalise(spelling)] = key
    strategy = data.get("strategy", {})
    headings: dict[str, str] = {}
    for key, spec in data.get("groups", {}).items():
        add_spellings(headings, path.name, f"[groups.{key}] headings", key, list(spec["headings"]))
    add_spellings(headings, path.name, "[strategy] headings", "strategy", list(strategy.get("headings", [])))
    rows: dict[str, str] = {}
    for name in STRATEGY_ROWS:
        add_spellings(rows, path.name, f"[strategy] {name}", name, list(strategy.get(name, [])))
    answers = {normalise(word): True for word in strategy.get("yes", [])}
    answers |= {normalise(word): False for word in strategy.get("no", [])}
    years = strategy.get("review_years")
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise ResourceFileError(f"{path.name}: [strategy] review_years must be a whole number of years, not {years!r}")
    areas = frozenset(normalise(word) for word in data.get("published", {}).get("area", []))
    if not fields or not areas:
        raise ResourceFileError(f"{path.name}: needs [fields.…] tables and [published] area spellings")
    return SafeAccommodationVocabulary(groups, fields, spellings, within, headings, rows, answers, areas, years)


# --- shares -------------------------------------------------------------------------------------


def group_total(values: pd.Series, group: Group, vocabulary: SafeAccommodationVocabulary) -> float | None:
    """A group's base: its rows added up (None unless every row is given) or the field it names."""
    if group.share_of == SUM:
        parts = [values.get(key) for key in vocabulary.in_group(group.key)]
        return None if any(missing(part) for part in parts) else float(sum(parts))
    if not group.share_of or missing(values.get(group.share_of)):
        return None
    return float(values[group.share_of])


def shares(
    values: pd.Series, vocabulary: SafeAccommodationVocabulary, symbols: pd.Series | None = None
) -> dict[str, Share]:
    """Each row of a group with a base as a share of it; where the row or the base is withheld (a symbol
    in `symbols`), the symbol, never a guess."""
    symbols = symbols if symbols is not None else pd.Series("", index=values.index, dtype="object")
    found: dict[str, Share] = {}
    for group in vocabulary.groups.values():
        if not group.share_of:
            continue
        base_keys = vocabulary.in_group(group.key) if group.share_of == SUM else [group.share_of]
        base_symbol = next((str(symbols.get(key) or "") for key in base_keys if symbols.get(key)), "")
        base = group_total(values, group, vocabulary)
        for key in vocabulary.in_group(group.key):
            count = None if missing(values.get(key)) else float(values[key])
            symbol = str(symbols.get(key) or "") or base_symbol
            if symbol or count is None or not base:
                found[key] = Share(count, base, None, symbol)
            else:
                found[key] = Share(count, base, count / base * 100)
    return found


def rows_short_of_total(values: pd.Series, group: Group, vocabulary: SafeAccommodationVocabulary) -> float | None:
    """For a group whose rows should add up to its base (one reason a household): the rows' sum where it is not
    the base, else None (None too where a row or the base is not given)."""
    if not group.adds_up:
        return None
    parts = [values.get(key) for key in vocabulary.in_group(group.key)]
    base = values.get(group.share_of)
    if missing(base) or any(missing(part) for part in parts):
        return None
    added = float(sum(parts))
    return None if added == float(base) else added


# --- the strategy's review ----------------------------------------------------------------------------


def report_date(period: str) -> dt.date:
    """The end of a year written '2023-24': 31 March 2024, the date its figures are as at."""
    start = int(period[:4])
    return Period.year_containing(dt.date(start, 4, 1)).end


def years_after(day: dt.date, years: int) -> dt.date:
    """The same date `years` later (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def review_status(strategy: Strategy, as_at: dt.date, review_years: int) -> StrategyReview:
    """The review is due `review_years` after the last review, or after publication where none is given; it
    has passed where the report date is after the due date (on the day itself it is due, not passed)."""
    since, which = (strategy.reviewed_on, "reviewed") if strategy.reviewed_on else (strategy.published_on, "published")
    if since is None:
        return StrategyReview(None, ReviewState.UNKNOWN, as_at)
    due = years_after(since, review_years)
    if as_at > due:
        state = ReviewState.PASSED
    elif as_at == due:
        state = ReviewState.DUE_ON_REPORT_DATE
    else:
        state = ReviewState.NOT_DUE
    return StrategyReview(due, state, as_at, which)
