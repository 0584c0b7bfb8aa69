"""A MARAC's year held against its benchmarks (seed 001's needs assessment, seed 000's item 11).

SafeLives estimates 40 high-risk cases per 10,000 adult women, and recommends
the shares of a MARAC's referrals that come from the police, are male victims,
are repeats, and so on; the Council of Europe's minimum is one refuge space per
10,000 population. The benchmarks are data (resources/domestic_abuse_benchmarks.toml,
with their source and date) and the return's column names too
(resources/marac_return_vocabulary.toml). Here each year's figure is worked out
at full precision, put in its band (below, within, at or above its benchmark)
and said in one plain statement, written by domain.formatting, such as "58%
above the SafeLives estimate of 467".

A return may give a year's figures in quarters ("2020-21 Q1"): the quarters'
counts are added up, and a year short of a quarter is not held against a year's
estimate (its shares still are).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from desktop_app.domain.formatting import Formatter, format_value, half_up, missing
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.vocabulary import add_spellings, normalise
from desktop_app.paths import RESOURCES

DEFAULT_BENCHMARKS = RESOURCES / "domestic_abuse_benchmarks.toml"
DEFAULT_MARAC_VOCABULARY = RESOURCES / "marac_return_vocabulary.toml"
#: The counts of a MARAC year, then the populations they are held against.
COUNTS = ("referrals", "police", "male", "bame", "disability", "lgbt", "repeats", "refuge_spaces")
POPULATIONS = ("adult_women", "population", "bame_population")
FIELDS = ("period", *COUNTS, *POPULATIONS)
KINDS = ("expected_count", "minimum_count", "share")
QUARTERS_IN_YEAR = 4
_YEAR = r"(?P<start>(?:19|20)\d\d)\s*[-/–]\s*(?P<end>(?:19|20)?\d\d)"
_QUARTER = r"Q\s*(?P<quarter>[1-4])"
_PERIOD_FORMS = (
    re.compile(rf"^{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_QUARTER}\s*,?\s*{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_YEAR}\s*,?\s*{_QUARTER}$", re.IGNORECASE),
)


class Band(str, enum.Enum):
    """Where a figure falls against its benchmark."""

    BELOW = "below"
    WITHIN = "within"  # inside a range, or at a single figure or minimum
    ABOVE = "above"
    NOT_COMPARED = "not compared"


@dataclass(frozen=True)
class Benchmark:
    """One measure's benchmark, as resources/domestic_abuse_benchmarks.toml gives it."""

    key: str
    label: str
    kind: str
    count: str
    name: str
    source: str
    date: str
    seen_in: str = ""
    rate: float | None = None
    per: float | None = None
    population: str = ""
    low: float | None = None
    high: float | None = None
    places: int = 0
    local_share: str = ""
    local_name: str = ""
    unit: str = ""  # what a count counts, in the statement: "28 spaces below"

    @property
    def single(self) -> bool:
        """A share against one figure ('about 8%'), not a range."""
        return self.kind == "share" and self.low == self.high


@dataclass(frozen=True)
class MaracVocabulary:
    columns: dict[str, str]  # normalised header -> field
    headers: dict[str, str]  # field -> its first spelling, for messages

    def field_for_header(self, header: object) -> str | None:
        return self.columns.get(normalise(header))


@dataclass(frozen=True)
class Period:
    """A year ('2020-21') and, for a quarter's row, its quarter (1-4; 0 for a year's)."""

    year: str
    quarter: int = 0


@dataclass(frozen=True)
class Comparison:
    """One measure of one year against its benchmark, at full precision.

    `value`: the count, or the share of referrals (per cent); `expected_low` and `expected_high`: the
    benchmark in the same units (the estimate of cases, the minimum of spaces, or the range); `difference`:
    how far the figure lies outside the benchmark (per cent of the estimate, spaces, or percentage points
    from the nearer end of the range); `reason`: why it is not compared, where it is not.
    """

    benchmark: Benchmark
    period: str
    count: float | None
    base: float | None
    value: float | None
    expected_low: float | None
    expected_high: float | None
    difference: float | None
    band: Band
    reason: str = ""
    against: str = ""  # the benchmark's name in the statement (the local share's, for that comparison)

    @property
    def key(self) -> str:
        return self.benchmark.key if not self.against else f"{self.benchmark.key}_local"


def _number(spec: dict[str, Any], name: str, where: str) -> float | None:
    value = spec.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ResourceFileError(f"{where} {name} must be a number of at least 0, not {value!r}")
    return float(value)


@settings_file
def load_benchmarks(path: Path = DEFAULT_BENCHMARKS) -> dict[str, Benchmark]:
    """The benchmarks in the file's order; a mistake names the file and key."""
    data = read_toml(path)
    benchmarks: dict[str, Benchmark] = {}
    for key, spec in data.get("benchmarks", {}).items():
        where = f"{path.name}: [benchmarks.{key}]"
        kind = spec.get("kind")
        if kind not in KINDS:
            raise ResourceFileError(f"{where} kind must be one of {list(KINDS)}, not {kind!r}")
        if spec.get("count") not in COUNTS:
            raise ResourceFileError(f"{where} count must be one of {list(COUNTS)}, not {spec.get('count')!r}")
        for name in ("label", "name", "source", "date"):
            if not str(spec.get(name, "")).strip():
                raise ResourceFileError(f"{where} {name} must say something")
        numbers = {name: _number(spec, name, where) for name in ("rate", "per", "low", "high")}
        if kind == "share":
            if numbers["low"] is None or numbers["high"] is None or numbers["low"] > numbers["high"]:
                raise ResourceFileError(f"{where} a share needs low and high (per cent), low no more than high")
        elif not numbers["rate"] or not numbers["per"] or spec.get("population") not in POPULATIONS[:2]:
            raise ResourceFileError(f"{where} a count needs rate, per and population ('adult_women' or 'population')")
        local = str(spec.get("local_share", ""))
        if local and local != "bame_population":
            raise ResourceFileError(f"{where} local_share can only be 'bame_population', not {local!r}")
        benchmarks[key] = Benchmark(
            key,
            str(spec["label"]),
            kind,
            str(spec["count"]),
            str(spec["name"]),
            str(spec["source"]),
            str(spec["date"]),
            str(spec.get("seen_in", "")),
            population=str(spec.get("population", "")),
            places=int(spec.get("places", 0)),
            local_share=local,
            local_name=str(spec.get("local_name", "the local population's share")),
            unit=str(spec.get("unit", "")),
            **numbers,
        )
    if not benchmarks:
        raise ResourceFileError(f"{path.name}: has no [benchmarks.…] tables")
    return benchmarks


@settings_file
def load_marac_vocabulary(path: Path = DEFAULT_MARAC_VOCABULARY) -> MaracVocabulary:
    """The spellings of the return's columns; a field the file does not know is an error naming it."""
    data = read_toml(path)
    columns: dict[str, str] = {}
    headers: dict[str, str] = {}
    for name, spellings in data.get("columns", {}).items():
        if name not in FIELDS:
            raise ResourceFileError(f"{path.name}: [columns] {name!r} is not a MARAC field; use one of {list(FIELDS)}")
        add_spellings(columns, path.name, "[columns]", name, spellings)
        headers[name] = spellings[0]
    for name in ("period", "referrals"):
        if name not in headers:
            raise ResourceFileError(f"{path.name}: [columns] must spell {name!r}")
    return MaracVocabulary(columns, headers)


def read_period(text: object) -> Period | None:
    """'2020-21', '2020/2021', 'Q1 2020-21' or '2020-21 Q1' as a year (written '2020-21') and quarter;
    None where it is none of these."""
    words = re.sub(r"\s+", " ", str(text)).strip()
    for form in _PERIOD_FORMS:
        found = form.match(words)
        if found is None:
            continue
        start, end = int(found["start"]), found["end"]
        if int(end[-2:]) != (start + 1) % 100:
            return None
        quarter = int(found.groupdict().get("quarter") or 0)
        return Period(f"{start}-{end[-2:]}", quarter)
    return None


def marac_years(rows: pd.DataFrame) -> pd.DataFrame:
    """The return's rows (a `year` and `quarter` column, 0 for a year's row, and the FIELDS' figures) as one
    row per year, oldest first: the quarters' counts added up (missing only where every quarter's is), the
    populations the latest quarter's that gives one, and `quarters` how many quarters the year holds."""
    records = []
    for year, group in rows.groupby("year", sort=True):
        record: dict[str, object] = {"period": year}
        annual = bool((group["quarter"] == 0).any())
        record["quarters"] = QUARTERS_IN_YEAR if annual else int(group["quarter"].nunique())
        for name in COUNTS:
            values = pd.to_numeric(group[name], errors="coerce") if name in group else pd.Series(dtype="float64")
            record[name] = float(values.sum()) if values.notna().any() else None
        for name in POPULATIONS:
            values = pd.to_numeric(group[name], errors="coerce").dropna() if name in group else pd.Series(dtype=float)
            record[name] = float(values.iloc[-1]) if len(values) else None
        records.append(record)
    return pd.DataFrame.from_records(records, columns=["period", "quarters", *COUNTS, *POPULATIONS])


def compare_year(year: pd.Series, benchmark: Benchmark) -> list[Comparison]:
    """`year` (a row of marac_years) against `benchmark`: one comparison, two for a share with a local
    population's share (BAME: SafeLives' 8% and the census share)."""
    if benchmark.kind == "share":
        comparisons = [_share(year, benchmark, benchmark.low, benchmark.high, "")]
        if benchmark.local_share:
            local = _known(year.get(benchmark.local_share))
            comparisons.append(_share(year, benchmark, local, local, benchmark.local_name))
        return comparisons
    return [_count(year, benchmark)]


def compare_years(years: pd.DataFrame, benchmarks: dict[str, Benchmark]) -> list[Comparison]:
    """Every year against every benchmark: the years oldest first, the benchmarks in the file's order."""
    return [
        comparison
        for _, year in years.iterrows()
        for benchmark in benchmarks.values()
        for comparison in compare_year(year, benchmark)
    ]


def _known(value: object) -> float | None:
    return None if missing(value) else float(value)  # type: ignore[arg-type]


def _in_sentence(label: str) -> str:
    """A label inside a sentence: 'Male victims' -> 'male victims', but 'LGBT victims' and 'MARAC referrals' kept."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def _not_compared(year: pd.Series, benchmark: Benchmark, reason: str, **known: Any) -> Comparison:
    values = {"count": None, "base": None, "value": None, "expected_low": None, "expected_high": None, **known}
    return Comparison(benchmark, str(year["period"]), **values, difference=None, band=Band.NOT_COMPARED, reason=reason)


def _count(year: pd.Series, benchmark: Benchmark) -> Comparison:
    """A count against an estimate (the difference in per cent of it) or a minimum (in the count's units)."""
    period = str(year["period"])
    count = _known(year.get(benchmark.count))
    population = _known(year.get(benchmark.population))
    if count is None:
        return _not_compared(year, benchmark, f"the return gives no {_in_sentence(benchmark.label)} for {period}")
    if population is None or population <= 0:
        words = "adult female population" if benchmark.population == "adult_women" else "population"
        return _not_compared(year, benchmark, f"the return gives no {words} for {period}", count=count, value=count)
    assert benchmark.rate is not None and benchmark.per is not None
    expected = benchmark.rate * population / benchmark.per
    quarters = int(year.get("quarters", QUARTERS_IN_YEAR))
    if quarters < QUARTERS_IN_YEAR:
        reason = f"{period} has {quarters} of its 4 quarters: a part year is not held against a year's benchmark"
        return _not_compared(year, benchmark, reason, count=count, base=population, value=count, expected_low=expected)
    if benchmark.kind == "minimum_count":
        minimum = float(half_up(expected))  # the seed's 28 for 27.6: a whole number of spaces
        difference = count - minimum
        band = Band.BELOW if difference < 0 else Band.WITHIN if difference == 0 else Band.ABOVE
        return Comparison(benchmark, period, count, population, count, minimum, minimum, difference, band)
    excess = (count / expected - 1) * 100 if expected else None
    shown = half_up(excess) if excess is not None else 0
    band = Band.ABOVE if shown > 0 else Band.BELOW if shown < 0 else Band.WITHIN
    return Comparison(benchmark, period, count, population, count, expected, expected, excess, band)


def _share(year: pd.Series, benchmark: Benchmark, low: float | None, high: float | None, against: str) -> Comparison:
    """The count as a share of referrals against `low`-`high` per cent; the band is decided on the share
    as written (so "75%" is never "above 75%"), the difference in points from the nearer end."""
    period = str(year["period"])
    count, referrals = _known(year.get(benchmark.count)), _known(year.get("referrals"))
    label = _in_sentence(benchmark.label)
    if count is None:
        return _not_compared(year, benchmark, f"the return gives no figure for {label} in {period}")
    if not referrals:
        return _not_compared(year, benchmark, f"the return gives no referrals for {period}", count=count)
    value = count / referrals * 100
    known: dict[str, Any] = {
        "count": count,
        "base": referrals,
        "value": value,
        "expected_low": low,
        "expected_high": high,
    }
    if low is None or high is None:
        reason = f"the return gives no local population share for {period}"
        return Comparison(
            benchmark, period, **known, difference=None, band=Band.NOT_COMPARED, reason=reason, against=against
        )
    shown = float(half_up(value, benchmark.places))
    if shown < low:
        band, difference = Band.BELOW, low - shown
    elif shown > high:
        band, difference = Band.ABOVE, shown - high
    else:
        band, difference = Band.WITHIN, 0.0
    return Comparison(benchmark, period, **known, difference=difference, band=band, against=against)


def referral_change(years: pd.DataFrame) -> float | None:
    """The latest year's referrals as a change on the year before's, per cent (seed 001: '28% increase on
    2019-20'); None with fewer than two years or a part year."""
    whole = years[years["quarters"] == QUARTERS_IN_YEAR]
    if len(whole) < 2 or len(whole) != len(years):
        return None
    now, before = _known(whole["referrals"].iloc[-1]), _known(whole["referrals"].iloc[-2])
    if now is None or not before:
        return None
    return (now / before - 1) * 100


# --- how a comparison is written ------------------------------------------------------------------


def _plain(value: float) -> str:
    """A benchmark's own figure as its source writes it: 60, 2.5, 467."""
    return format_value(value, None, 0 if float(value).is_integer() else 1)


def value_text(comparison: Comparison, formatter: Formatter) -> str:
    """The year's figure: '737', '83%', '7.9%'; 'n/a' where the return gives none."""
    if comparison.value is None:
        return formatter.count(comparison.count)
    if comparison.benchmark.kind == "share":
        return formatter.percent(comparison.value, (comparison.count,), comparison.benchmark.places)
    return formatter.count(comparison.value)


def benchmark_text(comparison: Comparison) -> str:
    """The benchmark in the value's units: '467', 'at least 28', '60–75%', 'about 8%', '2.6%'."""
    low, high = comparison.expected_low, comparison.expected_high
    kind = comparison.benchmark.kind
    if low is None:
        return "n/a"
    if kind == "expected_count":
        return format_value(low, None, 0)
    if kind == "minimum_count":
        return f"at least {format_value(low, None, 0)}"
    if comparison.against:
        return f"{_plain(low)}%"
    assert high is not None
    return f"{_plain(low)}–{_plain(high)}%" if low != high else f"about {_plain(low)}%"


def statement(comparison: Comparison, formatter: Formatter) -> str:
    """The comparison in one plain statement, to stand in a sentence (a table cell capitalises it): '58% above
    the SafeLives estimate of 467', '8 percentage points above the SafeLives recommended range of 60–75%',
    '28 spaces below the Council of Europe minimum of 28', 'within the SafeLives recommended range of
    5–10%'; else why it is not compared."""
    if comparison.band is Band.NOT_COMPARED:
        return f"not compared: {comparison.reason}"
    benchmark = comparison.benchmark
    name = comparison.against or benchmark.name
    target = benchmark_text(comparison).removeprefix("at least ").removeprefix("about ")
    assert comparison.difference is not None
    if benchmark.kind == "expected_count":
        if comparison.band is Band.WITHIN:
            return f"in line with {name} of {target}"
        return f"{formatter.percent(abs(comparison.difference))} {comparison.band.value} {name} of {target}"
    if benchmark.kind == "minimum_count":
        if comparison.band is Band.WITHIN:
            return f"meeting {name} of {target}"
        count = " ".join(filter(None, (formatter.count(abs(comparison.difference)), benchmark.unit)))
        return f"{count} {comparison.band.value} {name} of {target}"
    if comparison.band is Band.WITHIN:
        return f"{'at' if benchmark.single or comparison.against else 'within'} {name} of {target}"
    points = format_value(comparison.difference, None, benchmark.places)
    unit = "percentage point" if points in ("1", "1.0") else "percentage points"
    return f"{points} {unit} {comparison.band.value} {name} of {target}"
