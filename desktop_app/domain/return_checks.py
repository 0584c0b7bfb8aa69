"""Figures in the returns that their own tables contradict: what the proof before publishing holds the
returns of an appendix to, beside the author's words (report.proof_words; report.proof_tables words these).

- one indicator's comparator values in two tables (the same id, or two ids linked to one catalogue entry),
  and one id's values for one period in two tables, that cannot be one number rounded (63.5 and 50; not
  207.5 and 207);
- an arrow typed in an indicator return (its direction of travel) that the value and the one before it
  contradict (26.5 to 26.5 printed ▲; nothing before 7.74% printed ▼);
- row arithmetic where the columns say how they relate (resources/proof_tables.toml [[columns]]: Budget,
  Forecast, Variance), and an indicator's value against its own numerator and denominator;
- a rate against the two indicators it follows from ([[rates]]: contacts converted to referrals);
- a total, or an average a month, over the last months against the monthly series, or against each other
  ([[period_totals]]);
- a published weekly ratio (the average weekly cost) against its own total and count, week by week;
- a change written in an indicator's commentary ("13% increase") against its value and the one before it: per
  cent where the values give percentage points (62% to 75%), and a change its values do not give
  ([commentary]);
- a comparator group's published average against the mean of its members' values, the group's members as
  resources/comparator_groups.toml lists them (domain.comparator_groups).

The parts and Total of a table are the reader's check (excel.returns_reader: TOTAL rows and columns).
Each `Disagreement` says where it is (file, sheet, row, and column as the return writes it), what the
return says, what its own figures give, and what to do.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from desktop_app.domain.comparator_groups import ComparatorGroup, load_comparator_groups, member_averages
from desktop_app.domain.formatting import half_up
from desktop_app.domain.imports import ImportResult
from desktop_app.domain.indicators import UNIT_DECIMALS, UNIT_MULTIPLIERS
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.returns import COMPARATORS, ReturnKind
from desktop_app.domain.vocabulary import normalise
from desktop_app.paths import RESOURCES

RETURN_CHECKS_FILE = RESOURCES / "proof_tables.toml"
ERROR, WARNING = "error", "warning"
COMPARATOR_NAMES = {"sn": "the statistical neighbours' value", "nw": "the North West value", "england": "England's"}
HOWS = {"columns": ("difference", "sum", "ratio"), "period_totals": ("sum", "mean")}
#: The end of a sentence in a commentary (a full stop inside "approx. 6%" is none: a capital follows an end).
_SENTENCE_END = re.compile(r"[.;!?]\s+(?=[A-Z])")
#: What a header says besides its name: its unit in pounds ("£m", "(£)") and words in brackets ("(as published)").
_HEADER_EXTRAS = re.compile(r"\([^)]*\)|\[[^\]]*\]|£\s?(?:m|k|000s?|bn)?(?!\w)", re.IGNORECASE)


class ReturnChecksError(ResourceFileError):
    """resources/proof_tables.toml says something the proof cannot use."""


def header_key(label: object) -> str:
    """A header as the checks match it: 'Variance £m' -> 'variance', 'DoT (as published)' -> 'dot', 'Client %'
    -> 'clientpercent' (a share is not the count beside it)."""
    return normalise(_HEADER_EXTRAS.sub(" ", str(label)).replace("%", " percent "))


@dataclass(frozen=True)
class ColumnRule:
    """A column worked out from others in its row: `result` and each of `of` are header keys."""

    result: frozenset[str]
    how: str
    of: tuple[frozenset[str], ...]
    multiplier: float = 1.0


@dataclass(frozen=True)
class RateRule:
    rate: str
    numerator: str
    denominator: str
    multiplier: float


@dataclass(frozen=True)
class PeriodTotalRule:
    indicator: str
    series: str
    months: int
    how: str


@dataclass(frozen=True)
class CommentaryChanges:
    """How a commentary writes a change: "13% increase", "a decrease of 6%", "6 percentage points up". `said`
    matches the number (`number`), its unit (`unit`) and the word (`word`, looked up in `directions`)."""

    said: re.Pattern[str]
    directions: Mapping[str, str]  # a change word (casefolded) -> "up" or "down"
    points: frozenset[str]  # the units (casefolded, spaces single) that mean percentage points
    hedges: re.Pattern[str]  # words that make a change in their sentence a wish or a what-if ("would need")

    def claims(self, commentary: str) -> Iterator[re.Match[str]]:
        """The changes `commentary` says happened: not those in a sentence with a hedge before them."""
        for said in self.said.finditer(commentary):
            starts = [m.end() for m in _SENTENCE_END.finditer(commentary, 0, said.start())]
            if not self.hedges.search(commentary, starts[-1] if starts else 0, said.start()):
                yield said


@dataclass(frozen=True)
class ReturnChecks:
    """The words and relations of resources/proof_tables.toml."""

    columns: tuple[ColumnRule, ...]
    rates: tuple[RateRule, ...]
    period_totals: tuple[PeriodTotalRule, ...]
    commentary: CommentaryChanges


@settings_file
def load_return_checks(path: Path = RETURN_CHECKS_FILE) -> ReturnChecks:
    """Read and check resources/proof_tables.toml; a mistake names the table and key."""
    data = read_toml(path)
    where = path.name

    def words(value: object, here: str) -> list[str]:
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
            raise ReturnChecksError(f"{where}: {here} must be a list of words in quotes")
        return value

    if "arrows" in data:
        raise ReturnChecksError(
            f"{where}: [arrows] is no longer read here: a direction of travel column's names and arrows are in "
            "returns_vocabulary.toml (kinds.indicators.columns arrow, [values.arrow])"
        )
    columns = []
    for number, spec in enumerate(data.get("columns", []), start=1):
        here = f"[[columns]] number {number}"
        how = _how(spec, "columns", f"{where}: {here}")
        of = spec.get("of")
        if not isinstance(of, list) or len(of) < 2 or (how != "sum" and len(of) != 2):
            raise ReturnChecksError(f"{where}: {here}: of must list two columns (any number for a sum), each a list")
        columns.append(
            ColumnRule(
                frozenset(header_key(w) for w in words(spec.get("result"), f"{here}: result")),
                how,
                tuple(frozenset(header_key(w) for w in words(part, f"{here}: of")) for part in of),
                float(spec.get("multiplier", 1)),
            )
        )
    rates = [
        RateRule(
            _name(spec, "rate", where),
            _name(spec, "numerator", where),
            _name(spec, "denominator", where),
            float(spec.get("multiplier", 100)),
        )
        for spec in data.get("rates", [])
    ]
    totals = []
    for number, spec in enumerate(data.get("period_totals", []), start=1):
        months = spec.get("months")
        if not isinstance(months, int) or months < 2:
            raise ReturnChecksError(f"{where}: [[period_totals]] number {number}: months must be a whole number over 1")
        how = _how(spec, "period_totals", f"{where}: [[period_totals]] number {number}")
        totals.append(PeriodTotalRule(_name(spec, "indicator", where), _name(spec, "series", where), months, how))
    commentary = data.get("commentary", {})
    directions = {
        word.strip().casefold(): direction
        for direction in ("up", "down")
        for word in words(commentary.get(direction), f"[commentary] {direction}")
    }
    points = [" ".join(w.casefold().split()) for w in words(commentary.get("points"), "[commentary] points")]
    return ReturnChecks(
        tuple(columns),
        tuple(rates),
        tuple(totals),
        CommentaryChanges(
            _change_pattern(directions, points),
            directions,
            frozenset(points),
            _words_pattern(words(commentary.get("hedges"), "[commentary] hedges")),
        ),
    )


def _words_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of `phrases` as whole words, ignoring case and spacing."""
    return re.compile(rf"(?<!\w)(?:{_alternatives(phrases)})(?!\w)", re.IGNORECASE)


def _alternatives(phrases: Iterable[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


def _change_pattern(directions: Iterable[str], points: Iterable[str]) -> re.Pattern[str]:
    """A change as a commentary writes it: the number and its unit right before the word ("13% increase") or
    right after it and "of" or "by" ("a decrease of 6%"); a word between ("approx.") makes it no claim."""
    word = rf"(?P<word>{_alternatives(directions)})"
    number = rf"(?<![\w.,])(?P<number>\d+(?:\.\d+)?)\s?(?P<unit>%|per\s?cent(?!\w)|(?:{_alternatives(points)})(?!\w))"
    before, after = word.replace("word>", "word_after>"), number.replace("<number>", "<number_after>")
    after = after.replace("<unit>", "<unit_after>")
    return re.compile(rf"{number}\s+{word}(?!\w)|(?<!\w){before}\s+(?:of|by)\s+{after}", re.IGNORECASE)


def _how(spec: object, table: str, here: str) -> str:
    how = spec.get("how") if isinstance(spec, dict) else None
    if how not in HOWS[table]:
        raise ReturnChecksError(f"{here}: how must be one of {list(HOWS[table])}, not {how!r}")
    return str(how)


def _name(spec: object, key: str, where: str) -> str:
    value = spec.get(key) if isinstance(spec, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ReturnChecksError(f"{where}: {key} must be an indicator's id or name in quotes")
    return value.strip()


@functools.cache
def shipped_return_checks() -> ReturnChecks:
    """The shipped relations, read once."""
    return load_return_checks()


# --- what the checks find ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Disagreement:
    """A figure of a return that another figure of the returns contradicts: `says` as the return writes it,
    `computed` what its own figures give; `column` the header as written."""

    severity: str
    kind: str
    file: str | None
    sheet: str | None
    row: int | None
    column: str | None
    says: str
    computed: str | None
    message: str


@dataclass(frozen=True)
class WeeklyRatios:
    """The weekly series' ratios (name -> numerator id, denominator id) and their ids' catalogue links, as the
    performance text gives them; `money`: the names whose ratio is in pounds."""

    ratios: Mapping[str, tuple[str, str]]
    ids: Mapping[str, str]
    money: frozenset[str] = frozenset()


def return_disagreements(
    results: Sequence[ImportResult],
    indicators: pd.DataFrame,
    checks: ReturnChecks | None = None,
    weekly: WeeklyRatios | None = None,
    groups: Mapping[str, ComparatorGroup] | None = None,
) -> list[Disagreement]:
    """Everything the returns' own figures contradict. `indicators`: the calculated indicators' table (its
    id, catalogue_id, name, unit and decimals say how each id is printed and which entry it is linked to; an
    indicator row's typed arrow is its `arrow`, read with it); `groups`: the comparator groups (resources/comparator_groups.toml by default)."""
    checks = checks or shipped_return_checks()
    rows = _indicator_rows(results, indicators)
    found = _comparator_conflicts(rows, results) + _period_conflicts(rows, results)
    found += _arrow_conflicts(rows, results)
    found += _own_ratio_conflicts(rows, results)
    found += _rate_conflicts(rows, checks.rates, results)
    found += _period_total_conflicts(rows, _frames(results, ReturnKind.MONTHLY_SERIES), checks.period_totals)
    found += _column_conflicts(_frames(results, ReturnKind.CROSS_TAB), checks.columns, results)
    if weekly is not None:
        found += _weekly_ratio_conflicts(_frames(results, ReturnKind.WEEKLY_SERIES), weekly)
    found += _member_average_conflicts(results, load_comparator_groups() if groups is None else groups)
    found += _commentary_change_conflicts(rows, checks.commentary, results)
    return found


def _frames(results: Sequence[ImportResult], kind: ReturnKind) -> pd.DataFrame:
    """Every sheet of `kind` with its file (a file with none is passed over: its empty frame costs a moment)."""
    holding = [r for r in results if any(s.kind is kind and s.frame is not None and len(s.frame) for s in r.sheets)]
    given = [result.frame(kind).assign(file=result.provenance.file) for result in holding]
    return pd.concat(given, ignore_index=True) if given else pd.DataFrame()


def _indicator_rows(results: Sequence[ImportResult], indicators: pd.DataFrame) -> pd.DataFrame:
    """Every row of the indicator returns, with its file, its catalogue link (`key`: the entry, else its own
    id), and the places and multiplier its unit prints and works with."""
    rows = _frames(results, ReturnKind.INDICATORS)
    if rows.empty:
        return rows
    rows = rows.dropna(subset=["id"]).assign(id=lambda f: f["id"].astype(str).str.strip())
    known = indicators.drop_duplicates("id").set_index("id") if len(indicators) else pd.DataFrame()
    linked = rows["id"].map(known["catalogue_id"]) if "catalogue_id" in known else pd.Series(None, index=rows.index)
    unit = rows["id"].map(known["unit"]) if "unit" in known else pd.Series(None, index=rows.index)
    decimals = rows["id"].map(known["decimals"]) if "decimals" in known else pd.Series(np.nan, index=rows.index)
    return rows.assign(
        key=linked.astype(object).where(linked.notna(), rows["id"]),
        printed_unit=unit,
        places=pd.to_numeric(decimals, errors="coerce").fillna(unit.map(UNIT_DECIMALS)).fillna(1).astype(int),
        multiplier=unit.map(UNIT_MULTIPLIERS).fillna(1).astype(float),
    )


def _label(results: Sequence[ImportResult], file: str, sheet: str, field: str) -> str:
    """The header a return writes for `field` on that sheet (the field's name where it is not known)."""
    for result in results:
        if result.provenance.file == file:
            for found in result.sheets:
                if found.sheet == sheet and found.columns.get(field):
                    return found.columns[field]
    return field


# --- a group's published average against its members' values -----------------------------------------


def _member_average_conflicts(
    results: Sequence[ImportResult], groups: Mapping[str, ComparatorGroup]
) -> list[Disagreement]:
    """A published group average (a benchmark quartiles' Average) that its group's members' values do not give,
    rounded to the places it is published with."""
    members, published = (
        _frames(results, ReturnKind.BENCHMARK_MEMBERS),
        _frames(results, ReturnKind.BENCHMARK_QUARTILES),
    )
    if members.empty or published.empty:
        return []
    keys = ["id", "comparator", "period"]
    tidy = {"id": lambda f: f["id"].astype(str).str.strip(), "comparator": lambda f: f["comparator"].str.casefold()}
    averages = member_averages(members.assign(**tidy), groups)
    given = published.dropna(subset=["average"]).assign(**tidy)
    found: list[Disagreement] = []
    for _, row in given.merge(averages, on=keys, suffixes=("", "_members")).iterrows():
        if not row["members"] or _gives(row["average"], row["average_members"], _places(row["average"])):
            continue
        group = groups.get(row["group"]) if isinstance(row["group"], str) else None
        whose = f"{group.name}'s {group.size} members ({group.source}, {group.date})" if group else "the members"
        says, computed = _shown(row["average"]), _rounded(row["average_members"], _places(row["average"]))
        outside = f"; not in the group, so not counted: {', '.join(row['outside'])}" if row["outside"] else ""
        found.append(
            Disagreement(
                WARNING,
                "member_average",
                row["file"],
                row["sheet"],
                int(row["row"]),
                _label(results, row["file"], row["sheet"], "average"),
                says,
                computed,
                f"{row['id']} ({COMPARATOR_NAMES[row['comparator']]}, {row['period']}, {_at(row)}): the published "
                f"average is {says}, but the {row['members']} of {whose} with a value average {computed}{outside}: "
                "check the average or the members before publishing.",
            )
        )
    return found


# --- comparators and values in two tables ---------------------------------------------------------------


def _comparator_conflicts(rows: pd.DataFrame, results: Sequence[ImportResult]) -> list[Disagreement]:
    """One indicator (one catalogue entry) with comparator values in two tables that cannot be one number."""
    found: list[Disagreement] = []
    if rows.empty:
        return found
    for comparator in COMPARATORS:
        given = rows[rows[comparator].notna()].sort_values("period_end", na_position="first", kind="stable")
        latest = given.groupby(["key", "file", "sheet"], sort=False).tail(1)
        for key, tables in latest.groupby("key", sort=False):
            if len(tables) < 2:
                continue
            first = tables.iloc[0]
            for _, other in tables.iloc[1:].iterrows():
                if _could_be_one(first[comparator], other[comparator]):
                    continue
                says, theirs = _shown(other[comparator]), _shown(first[comparator])
                found.append(
                    _row_disagreement(
                        other,
                        WARNING,
                        "comparator_conflict",
                        _label(results, other["file"], other["sheet"], comparator),
                        says,
                        theirs,
                        f"{other['name']} ({_at(other)}) gives {COMPARATOR_NAMES[comparator]} as {says}, but "
                        f"{first['name']} ({_at(first)}) gives {theirs} for the same indicator ({key}): "
                        "the appendix prints both; correct the one that is wrong.",
                    )
                )
    return found


def _period_conflicts(rows: pd.DataFrame, results: Sequence[ImportResult]) -> list[Disagreement]:
    """One id given for one period in two tables, with values that cannot be one number."""
    found: list[Disagreement] = []
    if rows.empty:
        return found
    given = rows[rows["value"].notna() & rows["period_end"].notna()]
    tables = given.drop_duplicates(["id", "period_end", "file", "sheet"])  # each table's first row of each
    in_two = tables[tables.duplicated(["id", "period_end"], keep=False)]  # only those in two tables can differ
    for _, same in in_two.groupby(["id", "period_end"], sort=False):
        first = same.iloc[0]
        for _, other in same.iloc[1:].iterrows():
            if _could_be_one(first["value"], other["value"]):
                continue
            says, theirs = _shown(other["value"]), _shown(first["value"])
            found.append(
                _row_disagreement(
                    other,
                    WARNING,
                    "period_conflict",
                    _label(results, other["file"], other["sheet"], "value"),
                    says,
                    theirs,
                    f"{other['id']} for {other['period']} ({_at(other)}) is {says}, but {_at(first)} gives {theirs} "
                    "for the same period: correct the one that is wrong.",
                )
            )
    return found


# --- arrows --------------------------------------------------------------------------------------------

_MOVES = {"up": "went up", "down": "went down", "same": "stayed the same"}


def _arrow_conflicts(rows: pd.DataFrame, results: Sequence[ImportResult]) -> list[Disagreement]:
    """An arrow typed in a return (its `arrow`: up, down or same, as typed in `arrow_typed`) that the indicator's
    value and its value the period before contradict."""
    found: list[Disagreement] = []
    if rows.empty or "arrow" not in rows or rows["arrow"].isna().all():
        return found
    with_before = rows.assign(before=_values_before(rows))
    typed = with_before[with_before["arrow"].notna()]
    for _, row in typed.iterrows():
        said = str(row["arrow"])
        arrow = row["arrow_typed"] if isinstance(row.get("arrow_typed"), str) else said
        now, then = row["value"], row["before"]
        if pd.isna(now) or pd.isna(then):
            if said == "same":
                continue  # "-" where there is nothing to compare: no direction, as it says
            missing = "it has no value" if pd.isna(now) else f"there is no value before {_shown(now)} to compare with"
            computed, why = "none", missing
        else:
            places = int(row["places"])
            moved = _moved(then, now, places)
            if moved == said:
                continue
            computed = moved
            why = f"the value {_MOVES[moved]}, from {_shown(then)} to {_shown(now)}"
        found.append(
            _row_disagreement(
                row,
                WARNING,
                "arrow",
                _label(results, row["file"], row["sheet"], "arrow"),
                arrow,
                computed,
                f"{row['name']} ({row['period']}, {_at(row)}): the return's arrow is {arrow}, but {why}; the "
                "appendix prints its own arrow from the values: correct the return's.",
            )
        )
    return found


def _values_before(rows: pd.DataFrame) -> pd.Series:
    """For each row, its indicator's value the period before in the same table (NaN where it has none)."""
    dated = rows[rows["period_end"].notna()].drop_duplicates(["file", "sheet", "id", "period_end"])
    ordered = dated.sort_values("period_end", kind="stable")
    before = ordered.groupby(["file", "sheet", "id"], sort=False)["value"].shift()
    keys = ["file", "sheet", "id", "period_end"]
    earlier = ordered[keys].assign(before=before.astype(float))
    return rows[keys].merge(earlier, on=keys, how="left")["before"].set_axis(rows.index)


def _moved(then: float, now: float, places: int) -> str:
    then_shown, now_shown = half_up(then, places), half_up(now, places)
    return "same" if then_shown == now_shown else "up" if now_shown > then_shown else "down"


# --- a figure and the figures it follows from ---------------------------------------------------------------


def _own_ratio_conflicts(rows: pd.DataFrame, results: Sequence[ImportResult]) -> list[Disagreement]:
    """A value with its own numerator and denominator that do not give it, at the places the appendix prints."""
    if rows.empty:
        return []
    given = rows[rows[["value", "numerator", "denominator"]].notna().all(axis=1) & rows["denominator"].ne(0)]
    found = []
    for _, row in given.iterrows():
        working = f"its own numerator and denominator, {_shown(row['numerator'])} of {_shown(row['denominator'])}, give"
        slip = _rate_slip(
            row,
            row["numerator"] / row["denominator"] * row["multiplier"],
            results,
            working,
            "correct the value, or leave it empty so it is worked out.",
        )
        if slip is not None:
            found.append(slip)
    return found


def _rate_slip(
    row: pd.Series, exact: float, results: Sequence[ImportResult], working: str, fix: str
) -> Disagreement | None:
    """The rate of `row` against `exact`, what `working` gives, when the two differ at the places printed."""
    places = int(row["places"])
    if _gives(row["value"], exact, places):
        return None
    computed, says = _rounded(exact, places), _rounded(row["value"], places)
    return _row_disagreement(
        row,
        WARNING,
        "rate",
        _label(results, row["file"], row["sheet"], "value"),
        says,
        computed,
        f"{row['name']} ({row['period']}, {_at(row)}) is {says}, but {working} {computed}: {fix}",
    )


def _named(rows: pd.DataFrame, name: str) -> pd.Series:
    """The rows an id, a catalogue entry's id or a name (as the return writes it) names."""
    key = normalise(name)
    return rows["id"].map(normalise).eq(key) | rows["key"].map(normalise).eq(key) | rows["name"].map(normalise).eq(key)


def _rate_conflicts(
    rows: pd.DataFrame, rules: Iterable[RateRule], results: Sequence[ImportResult]
) -> list[Disagreement]:
    """A rate that does not follow from the two indicators it is of, for the same period."""
    found: list[Disagreement] = []
    if rows.empty:
        return found
    dated = rows[rows["value"].notna() & rows["period_end"].notna()]
    for rule in rules:
        tops = dated[_named(dated, rule.numerator)].drop_duplicates("period_end").set_index("period_end")
        bottoms = dated[_named(dated, rule.denominator)].drop_duplicates("period_end").set_index("period_end")
        for _, row in dated[_named(dated, rule.rate)].iterrows():
            when = row["period_end"]
            if when not in tops.index or when not in bottoms.index or bottoms.loc[when, "value"] == 0:
                continue
            top, bottom = tops.loc[when], bottoms.loc[when]
            working = f"{top['name']} {_shown(top['value'])} over {bottom['name']} {_shown(bottom['value'])} gives"
            slip = _rate_slip(
                row,
                top["value"] / bottom["value"] * rule.multiplier,
                results,
                working,
                "correct the rate or the counts.",
            )
            if slip is not None:
                found.append(slip)
    return found


def _period_total_conflicts(
    rows: pd.DataFrame, monthly: pd.DataFrame, rules: Iterable[PeriodTotalRule]
) -> list[Disagreement]:
    """A total or an average a month over the last months, against the monthly series it counts (or where
    the returns give no such series, against another such figure of the same series and months)."""
    found: list[Disagreement] = []
    if rows.empty:
        return found
    dated = rows[rows["value"].notna() & rows["period_end"].notna()]
    links = dict(zip(rows["id"], rows["key"], strict=True))
    series = monthly.dropna(subset=["id", "month"]) if len(monthly) else monthly
    if len(series):
        series = series.assign(key=series["id"].astype(str).str.strip().map(lambda i: links.get(i, i)))
    claims: dict[tuple[str, int, pd.Timestamp], list[tuple[pd.Series, float, str]]] = {}
    for rule in rules:
        for _, row in dated[_named(dated, rule.indicator)].iterrows():
            end = pd.Timestamp(row["period_end"]).to_period("M")
            months = pd.period_range(end=end, periods=rule.months, freq="M")
            span = f"{months[0].strftime('%B %Y')} to {months[-1].strftime('%B %Y')}"
            total = row["value"] * (rule.months if rule.how == "mean" else 1)
            counted = _series_total(series, rule.series, months)
            if counted is None:  # held to the other figures of the same months instead
                claims.setdefault((normalise(rule.series), rule.months, end.to_timestamp()), []).append(
                    (row, total, span)
                )
                continue
            exact = counted / rule.months if rule.how == "mean" else counted
            if _gives(row["value"], exact, _places(row["value"])):
                continue
            average = _rounded(counted / rule.months, 0)
            gives = _rounded(exact, _places(row["value"]))
            found.append(
                _row_disagreement(
                    row,
                    WARNING,
                    "period_total",
                    "value",
                    _shown(row["value"]),
                    gives,
                    f"{row['name']} ({_at(row)}) is {_shown(row['value'])}, but the monthly series of {rule.series} "
                    f"gives {_rounded(counted, 0)} for {span} ({average} a month on average): correct it.",
                )
            )
    for said in claims.values():
        found += _claims_disagreeing(said)
    return found


def _series_total(series: pd.DataFrame, name: str, months: pd.PeriodIndex) -> float | None:
    """The monthly series' total over `months`, where it gives every one of them."""
    if series.empty:
        return None
    key = normalise(name)
    named = series[series["key"].map(normalise).eq(key) | series["id"].astype(str).map(normalise).eq(key)]
    named = named[named["value"].notna()]
    by_month = named.assign(month=pd.to_datetime(named["month"]).dt.to_period("M")).drop_duplicates("month")
    values = by_month.set_index("month")["value"].reindex(months)
    return None if values.isna().any() else float(values.sum())


def _claims_disagreeing(said: list[tuple[pd.Series, float, str]]) -> list[Disagreement]:
    """Two figures over the same months of one series (an average a month and a total) that disagree."""
    found = []
    first, first_total, span = said[0]
    for row, total, _ in said[1:]:
        tolerance = 0.5 * 10.0 ** -_places(first["value"]) * (first_total / first["value"] if first["value"] else 1)
        tolerance += 0.5 * 10.0 ** -_places(row["value"]) * (total / row["value"] if row["value"] else 1)
        if abs(total - first_total) < tolerance:
            continue
        found.append(
            _row_disagreement(
                row,
                WARNING,
                "period_total",
                "value",
                _shown(row["value"]),
                _rounded(first_total * row["value"] / total if total else first_total, _places(row["value"])),
                f"{row['name']} ({_at(row)}) makes {_rounded(total, 0)} for {span}, but {first['name']} "
                f"({_at(first)}), {_shown(first['value'])}, makes {_rounded(first_total, 0)} for the same months: "
                "correct the one that is wrong.",
            )
        )
    return found


def _column_conflicts(
    cross_tabs: pd.DataFrame, rules: Iterable[ColumnRule], results: Sequence[ImportResult]
) -> list[Disagreement]:
    """A column worked out from others in its row (Variance = Forecast - Budget) that its row contradicts."""
    found: list[Disagreement] = []
    if cross_tabs.empty:
        return found
    for (file, sheet), table in cross_tabs.groupby(["file", "sheet"], sort=False):
        wide = table.pivot_table(index="row", columns="column_label", values="count", aggfunc="first", sort=False)
        labels = table.drop_duplicates("row").set_index("row")["row_label"]
        by_key = {header_key(label): label for label in wide.columns}
        for rule in rules:
            result = next((by_key[k] for k in by_key if k in rule.result), None)
            parts = [next((by_key[k] for k in by_key if k in names), None) for names in rule.of]
            if result is None or any(part is None for part in parts):
                continue
            for row, cells in wide.iterrows():
                values = [cells[result], *(cells[part] for part in parts)]
                if any(pd.isna(v) for v in values):
                    continue
                disagreement = _column_disagreement(rule, result, parts, values)  # type: ignore[arg-type]
                if disagreement is None:
                    continue
                computed, working = disagreement
                where = f"sheet '{sheet}', row {row}"
                found.append(
                    Disagreement(
                        ERROR,
                        "row_arithmetic",
                        str(file),
                        str(sheet),
                        int(row),
                        str(result),
                        _shown(values[0]),
                        computed,
                        f"{labels.get(row, '')} ({where}): {result} is {_shown(values[0])}, but {working} is "
                        f"{computed}: correct it.",
                    )
                )
    return found


def _column_disagreement(
    rule: ColumnRule, result: str, parts: Sequence[str], values: Sequence[float]
) -> tuple[str, str] | None:
    """(what the row's columns give, how) where the result column is not that; None where it is."""
    printed, inputs = values[0], values[1:]
    places = max(_places(v) for v in values)
    if rule.how == "difference":
        exact = inputs[0] - inputs[1]
        working = f"{parts[0]} {_shown(inputs[0])} less {parts[1]} {_shown(inputs[1])}"
        slack = sum(0.5 * 10.0 ** -_places(v) for v in values)
        if abs(printed - exact) <= slack + 1e-9 or abs(printed + exact) <= slack + 1e-9:
            return None
    elif rule.how == "sum":
        exact = float(sum(inputs))
        working = " plus ".join(f"{part} {_shown(v)}" for part, v in zip(parts, inputs, strict=True))
        if abs(printed - exact) <= sum(0.5 * 10.0 ** -_places(v) for v in values) + 1e-9:
            return None
    else:
        if inputs[1] == 0:
            return None
        exact = inputs[0] / inputs[1] * rule.multiplier
        working = f"{parts[0]} {_shown(inputs[0])} over {parts[1]} {_shown(inputs[1])}"
        if _gives(printed, exact, _places(printed)):
            return None
    return _rounded(exact, places), working


def _weekly_ratio_conflicts(weekly: pd.DataFrame, ratios: WeeklyRatios) -> list[Disagreement]:
    """A published weekly ratio (the average weekly cost) that its own total and count, that week, do not give:
    the latest such week, with how many others."""
    found: list[Disagreement] = []
    if weekly.empty:
        return found
    frame = weekly.dropna(subset=["id", "week_ending", "value"]).assign(id=lambda f: f["id"].astype(str).str.strip())
    links = {normalise(k): normalise(v) for k, v in ratios.ids.items()}
    for name, (numerator, denominator) in ratios.ratios.items():
        wanted = normalise(name)
        keys = frame["id"].map(normalise)
        published = frame[keys.eq(wanted) | keys.map(links).eq(wanted)]
        if published.empty:
            continue
        tops = frame[frame["id"].eq(numerator)].drop_duplicates("week_ending").set_index("week_ending")["value"]
        bottoms = frame[frame["id"].eq(denominator)].drop_duplicates("week_ending").set_index("week_ending")["value"]
        wrong = []
        for _, row in published.sort_values("week_ending").iterrows():
            week = row["week_ending"]
            if week not in tops.index or week not in bottoms.index or bottoms[week] == 0:
                continue
            exact = tops[week] / bottoms[week]
            if not _gives(row["value"], exact, _places(row["value"])):
                wrong.append((row, tops[week], bottoms[week], exact))
        if not wrong:
            continue
        row, top, bottom, exact = wrong[-1]
        pound = "£" if name in ratios.money else ""
        week = pd.Timestamp(row["week_ending"])
        others = len(wrong) - 1
        more = f" ({others} other week{'s' if others != 1 else ''} too)" if others else ""
        says, computed = f"{pound}{_shown(row['value'])}", f"{pound}{_rounded(exact, 2)}"
        found.append(
            _row_disagreement(
                row,
                ERROR,
                "published_ratio",
                "value",
                says,
                computed,
                f"{row['id']} for the week ending {week.day} {week:%B %Y} ({_at(row)}) is published as {says}, but "
                f"its own {numerator} {pound}{_shown(top)} over {denominator} {_shown(bottom)} is {computed}{more}: "
                "the published figure is contradicted by its inputs; correct it, or leave it to be worked out.",
            )
        )
    return found


# --- a change written in the commentary ------------------------------------------------------------------


def _commentary_change_conflicts(
    rows: pd.DataFrame, words: CommentaryChanges, results: Sequence[ImportResult]
) -> list[Disagreement]:
    """A change an indicator's commentary writes ("13% increase") that its value and the value before it do not
    give: per cent written for a change in percentage points (62% to 75% is 13 points, a rise of 21%) and the
    reverse, a change of another size, or the other way."""
    if rows.empty or "commentary" not in rows:
        return []
    found: list[Disagreement] = []
    said = rows.assign(before=_values_before(rows))
    for _, row in said[said["commentary"].notna() & said["value"].notna()].iterrows():
        then, now = float(row["before"]), float(row["value"])
        if np.isnan(then) or then == 0:
            continue
        for said in words.claims(str(row["commentary"])):
            slip = _change_slip(row, said, then, now, words, _label(results, row["file"], row["sheet"], "commentary"))
            if slip is not None:
                found.append(slip)
    return found


def _change_slip(
    row: pd.Series, said: re.Match[str], then: float, now: float, words: CommentaryChanges, column: str
) -> Disagreement | None:
    """The slip of one change the commentary of `row` writes (`said`), if its values contradict it."""
    number = said.group("number") or said.group("number_after")
    unit = " ".join((said.group("unit") or said.group("unit_after")).casefold().split())
    direction = words.directions[" ".join((said.group("word") or said.group("word_after")).casefold().split())]
    places = len(number.partition(".")[2])
    written, in_points = Decimal(number), unit in words.points
    percent = row["printed_unit"] == "percent"
    points, relative = half_up(abs(now - then), places), half_up(abs(now - then) / abs(then) * 100, places)
    is_points, is_relative = percent and points == written, relative == written
    moved = _moved(then, now, int(row["places"]))
    change = f"{_shown(float(points))} percentage points"
    share = f"{_shown(float(relative))}%"
    values = f"{_shown(then)} to {_shown(now)}"
    where = f"{row['name']} ({row['period']}, {_at(row)})"
    fix = "correct the commentary"
    if moved not in (direction, "same") or (moved == "same" and written != 0):
        gives = "stayed the same" if moved == "same" else _MOVES[moved]
        kind, computed, why = "change", moved, f"but the value {gives}, from {values}"
    elif percent and not in_points and is_points and not is_relative:
        kind, computed = "points_as_percent", change
        why, fix = f"but {values} is a change of {change}, which is {share} of what it was", f"write {change}"
    elif percent and in_points and is_relative and not is_points:
        kind, computed = "percent_as_points", change
        why = f"but that is the change as a share of what it was ({share}); {values} is {change}"
        fix = f"write {share}, or {change}"
    elif not (is_points if in_points else is_relative or is_points):
        gives = f"{change} ({share} of what it was)" if percent else share
        kind, computed, why = "change", gives, f"but {values} is a change of {gives}"
    else:
        return None
    says = said.group(0)
    return _row_disagreement(
        row,
        WARNING,
        kind,
        column,
        says,
        computed,
        f"{where}: the commentary says “{says}”, {why}: {fix}.",
    )


# --- numbers as printed ---------------------------------------------------------------------------------


def _places(value: float) -> int:
    """The decimal places a typed number shows (a whole number none; at most six)."""
    number = Decimal(repr(float(value)))
    if number == number.to_integral_value():
        return 0
    exponent = number.normalize().as_tuple().exponent
    return min(6, -exponent) if isinstance(exponent, int) else 0


def _could_be_one(first: float, second: float) -> bool:
    """Two printed numbers that may be one number rounded: 207.5 and 207, not 89 and 90."""
    half = 0.5 * 10.0 ** -_places(first) + 0.5 * 10.0 ** -_places(second)
    return abs(float(first) - float(second)) < half - 1e-12


def _gives(printed: float, exact: float, places: int) -> bool:
    """`exact` and `printed`, rounded half up to the `places` the appendix prints, are the same."""
    return half_up(exact, places) == half_up(printed, places)


def _shown(value: float) -> str:
    return f"{float(value):,.10g}"


def _rounded(value: float, places: int) -> str:
    return f"{half_up(value, places):,}"


def _row_disagreement(
    row: pd.Series, severity: str, kind: str, column: str, says: str, computed: str, message: str
) -> Disagreement:
    """A disagreement found in one imported row: its file, sheet and row are the row's."""
    return Disagreement(severity, kind, row["file"], row["sheet"], int(row["row"]), column, says, computed, message)


def _at(row: pd.Series) -> str:
    return f"sheet '{row['sheet']}', row {int(row['row'])}"
