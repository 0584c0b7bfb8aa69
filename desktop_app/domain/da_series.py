"""The domestic abuse series of a needs assessment (seed 001) and what the appendix works out from them.

A partnership officer gathers each service's figures year by year: the police's
incidents and crimes, IDVA referrals, children supported, Early Help episodes and
social care assessments by locality, homelessness duties, the sanctuary scheme,
expected against recorded prevalence. Which series there are, their measures
and what is said of each are data (resources/domestic_abuse_series.toml). Here:
a measure's change on the year before (or on the first year), its share of
another, its rate per 100,000 of a population by locality, and the gap between
an expected and a recorded count, each at full precision; domain.formatting
writes them.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from desktop_app.domain.formatting import half_up, missing
from desktop_app.domain.marac import Benchmark, Comparison, compare_year
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.vocabulary import normalise
from desktop_app.paths import RESOURCES

DEFAULT_SERIES_VOCABULARY = RESOURCES / "domestic_abuse_series.toml"
STATEMENT_KINDS = ("change", "share", "rate", "gap", "expected", "benchmark")
#: What may be said of a series of categories (a row per referral source, offence type or month).
CATEGORY_KINDS = ("top", "category_changes", "rank")
#: A series of categories' charts: its largest categories in the latest period, or the latest period's categories as
#: bars with the period before as a line (2020's months against 2019's).
CATEGORY_CHARTS = ("top", "all", "periods")
DEFAULT_PREVALENCE = RESOURCES / "domestic_abuse_prevalence.toml"
#: A by-locality measure's row of all its localities added up.
TOTAL = "total"


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    spellings: frozenset[str]  # normalised, the label's among them
    by_locality: bool = False
    optional: bool = False  # a sheet may leave it out without a warning


@dataclass(frozen=True)
class StatementSpec:
    """What the appendix says of a measure (`kind` one of STATEMENT_KINDS)."""

    kind: str
    measure: str
    of: str = ""  # a share's base, a gap's expected measure
    population: str = ""  # a rate's
    per: int = 0
    age_band: str = ""  # a rate's population in the population return: its age band ("0-18")
    since_first: bool = False  # a change on the first year, not the year before
    benchmark: str = ""  # a benchmark's: its key in resources/domestic_abuse_benchmarks.toml (a share's range)
    top: int = 0  # a top statement's: how many of the largest categories


@dataclass(frozen=True)
class SeriesSpec:
    key: str
    label: str
    sheets: frozenset[str]  # normalised
    measures: dict[str, Measure]
    statements: tuple[StatementSpec, ...]
    chart: str
    localities: tuple[str, ...] = ()
    total_label: str = ""  # a by-locality measure's row of all its localities, where not [tables] total
    category: str = ""  # a series of categories: what a row is ("referral source"); every row is one
    category_plural: str = ""
    unit: str = ""  # what its counts count ("referrals")
    percent: bool = False  # its figures are per cents (a share each council publishes), not counts
    own: str = ""  # a rank statement's: the series whose share statement gives the council's own figure

    @property
    def by_category(self) -> bool:
        return bool(self.category)

    def measure_for(self, label: str) -> Measure | None:
        wanted = normalise(label)
        return next((measure for measure in self.measures.values() if wanted in measure.spellings), None)

    def locality_for(self, label: str) -> str | None:
        wanted = normalise(label)
        return next((locality for locality in self.localities if normalise(locality) == wanted), None)


@dataclass(frozen=True)
class SeriesVocabulary:
    series: dict[str, SeriesSpec]  # in the file's order
    label_headers: frozenset[str]
    total_words: frozenset[str]

    def series_for_sheet(self, name: str) -> SeriesSpec | None:
        wanted = normalise(name)
        return next((spec for spec in self.series.values() if wanted in spec.sheets), None)


@settings_file
def load_series_vocabulary(path: Path = DEFAULT_SERIES_VOCABULARY) -> SeriesVocabulary:
    """Read and check the series file; a mistake names the file and key."""
    data = read_toml(path)
    series = {}
    for key, spec in data.get("series", {}).items():
        where = f"{path.name}: [series.{key}]"
        measures = {
            name: Measure(
                name,
                str(item["label"]),
                frozenset(normalise(s) for s in [item["label"], *item.get("spellings", [])]),
                bool(item.get("by_locality", False)),
                bool(item.get("optional", False)),
            )
            for name, item in spec.get("measures", {}).items()
        }
        localities = tuple(str(locality) for locality in spec.get("localities", []))
        if any(measure.by_locality for measure in measures.values()) and not localities:
            raise ResourceFileError(f"{where} has a measure by locality but no localities")
        category = str(spec.get("category", ""))
        chart = str(spec.get("chart", ""))
        sheets = frozenset(normalise(s) for s in spec.get("sheets", []))
        if category:
            statements = tuple(_category_statement(item, where) for item in spec.get("statements", []))
            if chart not in CATEGORY_CHARTS:
                raise ResourceFileError(f"{where} chart {chart!r} is not one of {', '.join(CATEGORY_CHARTS)}")
            if not sheets:
                raise ResourceFileError(f"{where} needs sheets")
        else:
            statements = tuple(_statement(item, measures, where) for item in spec.get("statements", []))
            if chart not in measures:
                raise ResourceFileError(f"{where} chart {chart!r} is not one of its measures")
            if not sheets or not measures:
                raise ResourceFileError(f"{where} needs sheets and measures")
        series[key] = SeriesSpec(
            key,
            str(spec["label"]),
            sheets,
            measures,
            statements,
            chart,
            localities,
            str(spec.get("total_label", "")),
            category,
            str(spec.get("category_plural", f"{category}s" if category else "")),
            str(spec.get("unit", "")),
            spec.get("values", "counts") == "percent",
            str(spec.get("own", "")),
        )
    return SeriesVocabulary(
        series,
        frozenset(normalise(word) for word in data.get("label_headers", [])),
        frozenset(normalise(word) for word in data.get("total_words", [])),
    )


def _category_statement(item: dict[str, object], where: str) -> StatementSpec:
    kind = str(item.get("kind", ""))
    if kind not in CATEGORY_KINDS:
        raise ResourceFileError(f"{where} a statement's kind {kind!r} is not one of {', '.join(CATEGORY_KINDS)}")
    top = item.get("top", 0)
    if kind in ("top", "rank") and (not isinstance(top, int) or isinstance(top, bool) or top < 1):
        raise ResourceFileError(f"{where} a {kind} statement needs top (how many categories, 1 or more)")
    return StatementSpec(kind, "", top=int(top) if kind in ("top", "rank") else 0)  # type: ignore[call-overload]


def _statement(item: dict[str, object], measures: dict[str, Measure], where: str) -> StatementSpec:
    kind, measure = str(item.get("kind", "")), str(item.get("measure", ""))
    spec = StatementSpec(
        kind,
        measure,
        str(item.get("of", "")),
        str(item.get("population", "")),
        int(item.get("per", 0)),  # type: ignore[call-overload]
        str(item.get("age_band", "")),
        item.get("from") == "first",
        str(item.get("benchmark", "")),
    )
    if kind not in STATEMENT_KINDS:
        raise ResourceFileError(f"{where} a statement's kind {kind!r} is not one of {', '.join(STATEMENT_KINDS)}")
    named = (
        [measure]
        + ([spec.of] if kind in ("share", "gap", "benchmark") else [])
        + ([spec.population] if kind in ("rate", "expected") else [])
    )
    unknown = [name for name in named if name not in measures]
    if unknown:
        raise ResourceFileError(f"{where} a {kind} statement names {unknown[0]!r}, not one of its measures")
    if kind == "rate" and (spec.per <= 0 or not measures[measure].by_locality):
        raise ResourceFileError(f"{where} a rate needs per (above zero) and a measure by locality")
    if kind == "benchmark" and not spec.benchmark:
        raise ResourceFileError(f"{where} a benchmark statement needs the benchmark's key")
    if kind == "expected" and (measures[measure].by_locality or not measures[spec.population].by_locality):
        raise ResourceFileError(f"{where} an expected count needs a population by locality (its age and sex bands)")
    if kind == "expected" and spec.of and (spec.of not in measures or not measures[spec.of].by_locality):
        raise ResourceFileError(f"{where} an expected count's `of` (the recorded by band) needs a measure by locality")
    return spec


# --- a series as read -----------------------------------------------------------------------------


def row_key(measure: str, locality: str = "") -> str:
    """A row of a series' table: 'referrals', or 'episodes/North' for a locality's row."""
    return f"{measure}/{locality}" if locality else measure


@dataclass(frozen=True)
class Series:
    """One service's figures: a row per measure (and per locality), a column per period, NaN where not given;
    `source` says where they were read (file and sheet)."""

    spec: SeriesSpec
    values: pd.DataFrame
    source: str
    population_source: str = ""  # where a rate's populations were taken from, where not the sheet

    @property
    def periods(self) -> list[str]:
        return [str(period) for period in self.values.columns]

    @property
    def categories(self) -> list[str]:
        """A series of categories' rows, as the sheet writes them, in its order."""
        return [str(label) for label in self.values.index] if self.spec.by_category else []

    def row(self, measure: str, locality: str = "") -> pd.Series:
        """A measure's figures by period; a by-locality measure's without a locality: its localities added up
        (NaN for a period where one of them is not given)."""
        if locality or measure not in self.spec.measures or not self.spec.measures[measure].by_locality:
            key = row_key(measure, locality)
            if key in self.values.index:
                return self.values.loc[key].astype(float)
            return pd.Series(float("nan"), index=self.values.columns)
        places = pd.concat([self.row(measure, place) for place in self.spec.localities], axis=1)
        return places.sum(axis=1).where(places.notna().all(axis=1))


def period_year(period: str) -> int | None:
    """The mid-year estimate a period's population is taken from: the first year its label writes ('2021-22' and
    '12 months to June 2021' -> 2021); None where it writes none."""
    found = re.search(r"(?<!\d)(\d{4})(?!\d)", period)
    return int(found.group(1)) if found else None


def with_population(series: Series, population: pd.DataFrame, source: str) -> tuple[Series, list[str]]:
    """The series with each rate's populations taken from the population return (`population`: area, age_band,
    year, population), a locality's row being the area of its name with the rate's age band, in the year each
    period starts; the sheet's own row kept where the return has none. Also each locality and period the return
    gives no population for ('North 2021-22'), where the series has a rate asking for one."""
    values, absent = series.values.copy(), []
    known = population.dropna(subset=["area", "age_band", "year", "population"])
    keys = pd.Series(
        list(zip(known["area"].map(normalise), known["age_band"].map(normalise), known["year"].astype(int))),
        index=known.index,
    )
    found = dict(zip(keys, known["population"].astype(float)))
    used = False
    for spec in series.spec.statements:
        if spec.kind != "rate" or not spec.age_band:
            continue
        for locality in series.spec.localities:
            key = row_key(spec.population, locality)
            if key not in values.index:
                values.loc[key] = float("nan")
            for period in series.periods:
                year = period_year(period)
                people = found.get((normalise(locality), normalise(spec.age_band), year)) if year else None
                if people is None:
                    absent.append(f"{locality} {period}")
                    continue
                values.at[key, period] = people
                used = True
    if not used:
        return series, absent
    return Series(series.spec, values, series.source, source), absent


# --- what is worked out ---------------------------------------------------------------------------


class Direction(str, enum.Enum):
    UP = "up"
    DOWN = "down"
    SAME = "same"
    UNKNOWN = "unknown"  # a figure not given, or an earlier figure of none


@dataclass(frozen=True)
class Change:
    measure: str
    latest_period: str
    earlier_period: str
    latest: float | None
    earlier: float | None
    change_pct: float | None  # full precision, signed
    direction: Direction


def change(series: Series, measure: str, since_first: bool = False) -> Change | None:
    """The latest period's figure against the one before it (or the first period's); None with one period."""
    periods = series.periods
    if len(periods) < 2:
        return None
    row = series.row(measure)
    latest_period, earlier_period = periods[-1], periods[0] if since_first else periods[-2]
    latest, earlier = _known(row[latest_period]), _known(row[earlier_period])
    if latest is None or earlier is None or earlier == 0:
        return Change(measure, latest_period, earlier_period, latest, earlier, None, Direction.UNKNOWN)
    pct = (latest / earlier - 1) * 100
    direction = Direction.SAME if latest == earlier else Direction.UP if latest > earlier else Direction.DOWN
    return Change(measure, latest_period, earlier_period, latest, earlier, pct, direction)


@dataclass(frozen=True)
class Share:
    period: str
    count: float | None
    base: float | None
    pct: float | None


def shares(series: Series, measure: str, of: str) -> list[Share]:
    """The measure as a share of `of`, per cent, each period (None where either is not given or the base is 0)."""
    counts, bases = series.row(measure), series.row(of)
    found = []
    for period in series.periods:
        count, base = _known(counts[period]), _known(bases[period])
        pct = count / base * 100 if count is not None and base else None
        found.append(Share(period, count, base, pct))
    return found


@dataclass(frozen=True)
class Rate:
    period: str
    locality: str
    count: float | None
    population: float | None
    rate: float | None  # per `per`


def rates(series: Series, measure: str, population: str, per: int) -> list[Rate]:
    """Each locality's (and all localities') count per `per` of its population, each period."""
    found = []
    for locality in (*series.spec.localities, ""):
        counts, people = series.row(measure, locality), series.row(population, locality)
        for period in series.periods:
            count, base = _known(counts[period]), _known(people[period])
            rate = count / base * per if count is not None and base else None
            found.append(Rate(period, locality or TOTAL, count, base, rate))
    return found


@dataclass(frozen=True)
class RateSpread:
    """The latest period's highest and lowest locality rates and how many times the one is the other."""

    highest: Rate
    lowest: Rate
    times: float


def rate_spread(found: list[Rate], period: str) -> RateSpread | None:
    """Of the localities' rates in `period` (all given, the lowest above zero), the highest against the lowest."""
    places = [rate for rate in found if rate.period == period and rate.locality != TOTAL]
    if len(places) < 2 or any(rate.rate is None for rate in places):
        return None
    highest = max(places, key=lambda rate: rate.rate or 0.0)
    lowest = min(places, key=lambda rate: rate.rate or 0.0)
    if not lowest.rate:
        return None
    assert highest.rate is not None
    return RateSpread(highest, lowest, highest.rate / lowest.rate)


@dataclass(frozen=True)
class Gap:
    period: str
    expected: float | None
    recorded: float | None
    gap: float | None  # expected less recorded
    recorded_pct: float | None  # recorded as a share of expected


def gaps(series: Series, recorded: str, expected: str) -> list[Gap]:
    """Each period's expected count less its recorded count (seed 001: 10,301 - 3,076 = 7,225)."""
    found = []
    wanted, seen = series.row(expected), series.row(recorded)
    for period in series.periods:
        expect, record = _known(wanted[period]), _known(seen[period])
        if expect is None or record is None:
            found.append(Gap(period, expect, record, None, None))
        else:
            found.append(Gap(period, expect, record, expect - record, record / expect * 100 if expect else None))
    return found


def benchmark_comparisons(series: Series, spec: StatementSpec, benchmarks: dict[str, Benchmark]) -> list[Comparison]:
    """Each period's share of the measure in `of` against a share benchmark (seed 001 holds the IDVA service's
    victims against SafeLives' ranges: male 5-10%, disability 19%, LGBT 2.5-5.8%), decided as domain.marac
    decides a MARAC year's; ResourceFileError where the benchmark is not a share in the benchmarks file."""
    benchmark = benchmarks.get(spec.benchmark)
    if benchmark is None or benchmark.kind != "share":
        raise ResourceFileError(
            f"domestic_abuse_series.toml: [series.{series.spec.key}] names the benchmark {spec.benchmark!r}, "
            "not a share of domestic_abuse_benchmarks.toml"
        )
    counts, bases = series.row(spec.measure), series.row(spec.of)
    found = []
    for period in series.periods:
        year = pd.Series({"period": period, benchmark.count: counts[period], "referrals": bases[period]})
        found.append(compare_year(year, replace(benchmark, local_share=""))[0])
    return found


# --- a series of categories (seed 001's referral sources, offence types, months, relationships) ----


@dataclass(frozen=True)
class Top:
    """A period's largest categories and what they make of all of them."""

    period: str
    largest: tuple[tuple[str, float], ...]  # (category, count), the largest first
    top_total: float
    total: float
    share: float  # per cent
    categories: int  # how many categories the period gives a count for


def category_total(series: Series, period: str) -> float | None:
    """All the categories' counts of a period added up; None where one is not given."""
    counts = [_known(series.values.at[label, period]) for label in series.categories]
    if not counts or any(count is None for count in counts):
        return None
    return float(sum(count or 0.0 for count in counts))


def top_categories(series: Series, top: int, period: str | None = None) -> Top | None:
    """The `top` largest categories of `period` (the latest; a tie goes to the row written first) and their share
    of all; None where a category's count is not given (the share of all cannot be known) or all are zero."""
    period = period or series.periods[-1]
    total = category_total(series, period)
    if not total:
        return None
    counts = [(label, float(series.values.at[label, period])) for label in series.categories]
    largest = tuple(sorted(counts, key=lambda item: -item[1])[:top])
    top_total = sum(count for _, count in largest)
    return Top(period, largest, top_total, total, top_total / total * 100, len(counts))


def category_shares(series: Series, period: str) -> dict[str, float | None]:
    """Each category's share of all of a period's, per cent (None where the total is not known)."""
    total = category_total(series, period)
    found: dict[str, float | None] = {}
    for label in series.categories:
        count = _known(series.values.at[label, period])
        found[label] = count / total * 100 if count is not None and total else None
    return found


def category_changes(series: Series) -> list[Change]:
    """Each category's latest count against the period before's (as `change` works out a measure's)."""
    return [found for label in series.categories if (found := change(series, label)) is not None]


@dataclass(frozen=True)
class Rank:
    """The council's own figure among its neighbours' (seed 001: 8.7% against CIPFA neighbours' up to 21.8%)."""

    own: float
    period: str
    higher: int  # neighbours with a higher figure
    lower: int
    same: int
    neighbours: tuple[tuple[str, float], ...]  # the highest first (those given)
    position: int  # 1 the highest, counting the council among them

    @property
    def count(self) -> int:
        return len(self.neighbours)


def rank_among(series: Series, own: float | None, period: str) -> Rank | None:
    """Where `own` stands among the neighbours' figures of the latest period (those given), compared at full
    precision; None where there is no own figure or no neighbour's."""
    latest = series.periods[-1]
    given = [(label, _known(series.values.at[label, latest])) for label in series.categories]
    neighbours = tuple(sorted(((label, value) for label, value in given if value is not None), key=lambda i: -i[1]))
    if own is None or not neighbours:
        return None
    higher = sum(value > own for _, value in neighbours)
    lower = sum(value < own for _, value in neighbours)
    return Rank(own, period, higher, lower, len(neighbours) - higher - lower, neighbours, higher + 1)


# --- expected prevalence (seed 001: 10,301 expected against 3,076 recorded) -----------------------


@dataclass(frozen=True)
class PrevalenceRates:
    """Each age and sex band's rate, per cent (resources/domestic_abuse_prevalence.toml), and their source."""

    rates: dict[str, float]  # band as written -> per cent
    source: str
    date: str
    illustrative: bool

    def rate_for(self, band: str) -> float | None:
        wanted = normalise(band)
        return next((rate for name, rate in self.rates.items() if normalise(name) == wanted), None)


@settings_file
def load_prevalence_rates(path: Path = DEFAULT_PREVALENCE) -> PrevalenceRates:
    """Read and check the prevalence rates; a mistake names the file and key."""
    data = read_toml(path)
    rates: dict[str, float] = {}
    for band, rate in data.get("rates", {}).items():
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 100:
            raise ResourceFileError(f"{path.name}: [rates] {band!r} = {rate!r} is not a per cent from 0 to 100")
        rates[str(band)] = float(rate)
    source = str(data.get("source", "")).strip()
    if not rates or not source:
        raise ResourceFileError(f"{path.name} needs [rates] and a source line")
    return PrevalenceRates(rates, source, str(data.get("date", "")), bool(data.get("illustrative", False)))


@dataclass(frozen=True)
class BandExpected:
    """One age and sex band: its population in a period, its rate and the whole people expected."""

    band: str
    period: str
    population: float | None
    rate: float | None  # per cent
    expected: int | None  # population x rate / 100, rounded half up to whole people
    recorded: float | None = None  # where the sheet gives the recorded by band too

    @property
    def recorded_pct(self) -> float | None:
        """The recorded as a share of the expected, per cent: the lower, the more unmet need."""
        if self.recorded is None or not self.expected:
            return None
        return self.recorded / self.expected * 100


def lowest_recorded(bands: list[BandExpected]) -> BandExpected | None:
    """Of one period's bands, the one whose recorded is the smallest share of its expected (the first so low)."""
    known = [band for band in bands if band.recorded_pct is not None]
    return min(known, key=lambda band: band.recorded_pct or 0.0) if known else None


def expected_by_band(series: Series, spec: StatementSpec, rates: PrevalenceRates) -> list[BandExpected]:
    """Each band's expected victims each period: its population times its rate, rounded half up to whole people
    here (so the bands add up to the total the words give); None where the population or rate is not given."""
    found = []
    for band in series.spec.localities:
        people = series.row(spec.population, band)
        recorded = series.row(spec.of, band) if spec.of else None
        rate = rates.rate_for(band)
        for period in series.periods:
            population = _known(people[period])
            expected = None
            if population is not None and rate is not None:
                expected = int(half_up(population * rate / 100))
            seen = _known(recorded[period]) if recorded is not None else None
            found.append(BandExpected(band, period, population, rate, expected, seen))
    return found


def with_expected(series: Series, rates: PrevalenceRates) -> tuple[Series, list[str]]:
    """The series with each expected statement's measure worked out from its population by band, in each period
    the sheet gives no figure of its own for; also each band with a population but no rate ('Male 75+')."""
    values, absent = series.values.copy(), []
    changed = False
    for spec in series.spec.statements:
        if spec.kind != "expected":
            continue
        bands = expected_by_band(series, spec, rates)
        absent += [band.band for band in bands if band.rate is None and band.population is not None]
        given = series.row(spec.measure)
        for period in series.periods:
            if _known(given[period]) is not None:
                continue
            counts = [band.expected for band in bands if band.period == period]
            if not counts or any(count is None for count in counts):
                continue
            if spec.measure not in values.index:
                values.loc[spec.measure] = float("nan")
            values.at[spec.measure, period] = float(sum(count or 0 for count in counts))
            changed = True
    found = Series(series.spec, values, series.source, series.population_source) if changed else series
    return found, list(dict.fromkeys(absent))


def _known(value: object) -> float | None:
    return None if missing(value) else float(value)  # type: ignore[arg-type]
