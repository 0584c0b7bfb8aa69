"""The kinds of return a report author brings, and the shape each takes once read.

A return is read from a sheet (or CSV) into a DataFrame with the columns below.
The Excel reader (desktop_app.excel) makes these frames and reports what it
could not read; the calculations (complaints, indicators) take them as they are.
Every frame also carries `sheet` and `row`, so a figure can be traced back to
the cell it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pandas as pd

from desktop_app.domain.complaints import LOG_COLUMNS, LOG_DTYPES
from desktop_app.domain.lessons import REGISTER_DTYPES


class ReturnKind(str, Enum):
    COMPLAINTS_LOG = "complaints_log"
    OMBUDSMAN = "ombudsman"
    COMPLIMENTS = "compliments"
    INDICATORS = "indicators"
    BENCHMARK_QUARTILES = "benchmark_quartiles"
    BENCHMARK_MEMBERS = "benchmark_members"
    POPULATION = "population"
    MONTHLY_SERIES = "monthly_series"
    WEEKLY_SERIES = "weekly_series"
    SURVEY = "survey"
    CROSS_TAB = "cross_tab"
    CATEGORY_COUNTS = "category_counts"
    LESSONS_REGISTER = "lessons_register"  # read by excel/lessons.py, its columns in resources/lessons_vocabulary.toml


@dataclass(frozen=True)
class Field:
    name: str
    dtype: str  # "text", "number", "year", "date", "month", "polarity", "comparator", "arrow"
    required: bool
    meaning: str


def _fields(*specs: tuple[str, str, bool, str]) -> tuple[Field, ...]:
    return tuple(Field(*spec) for spec in specs)


#: Comparator groups, as codes. Their column names are in resources/returns_vocabulary.toml.
COMPARATORS = ("sn", "nw", "england")

#: Per kind: the fields a sheet of that kind holds. Column header spellings for each
#: field live in resources/returns_vocabulary.toml; the complaints log's in
#: resources/complaints_vocabulary.toml.
RETURN_FIELDS: dict[ReturnKind, tuple[Field, ...]] = {
    ReturnKind.OMBUDSMAN: _fields(
        ("reference", "text", True, "the complaint's reference"),
        ("summary", "text", False, "what the complaint was about"),
        ("decision", "text", True, "the Ombudsman's final decision, as written"),
        ("received", "date", False, "when the Ombudsman contacted the council"),
        ("decided", "date", False, "date of the final decision"),
    ),
    ReturnKind.COMPLIMENTS: _fields(
        ("date", "date", True, "date received"),
        ("service", "text", False, "the service complimented"),
        ("source", "text", False, "who paid the compliment"),
        ("text", "text", False, "what they said"),
    ),
    ReturnKind.INDICATORS: _fields(
        ("id", "text", True, "the indicator's id, e.g. 'ASCOF 2A' or 'CSC-REF-RATE'"),
        ("name", "text", True, "the indicator as the committee knows it"),
        ("group", "text", False, "Demand, Timeliness, Effectiveness, Management, Outcomes, ..."),
        ("unit", "text", False, "count, %, rate per 10,000, rate per 100,000, £, hours"),
        ("polarity", "polarity", False, "'high' or 'low': which way is good"),
        ("period", "text", True, "the period as written: 'July 2023', '2022-23', 'Q1 2023/24'"),
        ("period_end", "date", False, "the last day of that period (filled in by the reader)"),
        ("value", "number", False, "the value as given (missing: worked out from numerator/denominator)"),
        ("numerator", "number", False, ""),
        ("denominator", "number", False, ""),
        ("target", "number", False, ""),
        ("status", "text", False, "a status the author typed; it wins over the rule"),
        ("commentary", "text", False, ""),
        ("action", "text", False, ""),
        ("sn", "number", False, "statistical neighbours' value"),
        ("nw", "number", False, "North West value"),
        ("england", "number", False, "England value"),
        ("published", "number", False, "our latest published figure (ChAT's comparisons: the LA's published value)"),
        ("published_period", "text", False, "the period of that published figure and its comparators: '2021-22'"),
        (
            "arrow",
            "arrow",
            False,
            "the direction of travel the author typed: 'up', 'down' or 'same' (as typed in arrow_typed)",
        ),
    ),
    ReturnKind.BENCHMARK_QUARTILES: _fields(
        ("id", "text", True, "indicator id (or survey theme)"),
        ("comparator", "comparator", True, "'sn', 'nw' or 'england'"),
        ("period", "text", False, "the period the benchmark is for"),
        ("lower_quartile", "number", True, "25th percentile of the group's values"),
        ("median", "number", False, "50th percentile"),
        ("upper_quartile", "number", True, "75th percentile"),
        ("average", "number", False, "the group's published average"),
    ),
    ReturnKind.BENCHMARK_MEMBERS: _fields(
        ("id", "text", True, "indicator id (or survey theme)"),
        ("comparator", "comparator", True, "'sn', 'nw' or 'england'"),
        ("period", "text", False, ""),
        ("authority", "text", True, "the member council"),
        ("value", "number", True, "its value"),
    ),
    ReturnKind.POPULATION: _fields(
        ("area", "text", True, "the council's area, e.g. 'Sefton'"),
        ("age_band", "text", True, "'0-17', '18-64', '65+', '18+', 'All ages'"),
        ("year", "year", True, "mid-year estimate year"),
        ("population", "number", True, ""),
    ),
    ReturnKind.MONTHLY_SERIES: _fields(
        ("id", "text", True, "indicator id"),
        ("month", "month", True, "the month (first day)"),
        ("value", "number", False, "the month's count or value"),
        ("numerator", "number", False, "for ratio-of-sums rolling figures"),
        ("denominator", "number", False, ""),
    ),
    ReturnKind.WEEKLY_SERIES: _fields(
        ("id", "text", True, "indicator id"),
        ("week_ending", "date", True, "the last day of the week"),
        ("value", "number", True, "the week's value (for the change cards)"),
    ),
    ReturnKind.SURVEY: _fields(
        ("theme", "text", True, "the survey measure, e.g. 'Control (carers)'"),
        ("polarity", "polarity", True, "'high' or 'low'"),
        ("value", "number", True, "our value"),
        ("sn", "number", False, "statistical neighbours' average"),
        ("nw", "number", False, "North West average"),
        ("england", "number", False, "England average"),
    ),
    ReturnKind.CATEGORY_COUNTS: _fields(
        ("category", "text", True, "e.g. Good, RI, Inadequate"),
        ("count", "number", True, ""),
        ("percent", "number", False, "the percentage as published (checked against the counts)"),
    ),
}

_PANDAS_DTYPES = {
    "text": "object",
    "number": "float64",
    "year": "Int64",
    "date": "datetime64[s]",
    "month": "datetime64[s]",
    "polarity": "object",
    "comparator": "object",
    "arrow": "object",
}
PROVENANCE_DTYPES = {"sheet": "object", "row": "int64"}

#: Number fields whose cell may hold a publisher's symbol for a figure withheld or not available (DfE's `c`,
#: `x`, `z`, `low`, ONS's `:`, `..`; resources/returns_vocabulary.toml lists them): the number is missing and
#: the symbol is kept as written in `<field>_symbol`, to be shown as published, never as a zero.
SYMBOL_FIELDS: dict[ReturnKind, tuple[str, ...]] = {
    ReturnKind.INDICATORS: (*COMPARATORS, "published"),
    ReturnKind.SURVEY: COMPARATORS,
    ReturnKind.BENCHMARK_MEMBERS: ("value",),
}


def return_dtypes(kind: ReturnKind) -> dict[str, str]:
    """Column name -> pandas dtype for a kind's frame, provenance included.

    A survey's `block` is the header its row sits under, as written over the theme column: a sheet laid out
    as seed 000's service users' table has three blocks headed Satisfaction, Health and Social Contact, each
    with a header row of its own; a sheet with one header has one block.
    """
    if kind is ReturnKind.COMPLAINTS_LOG:
        return dict(LOG_DTYPES)
    if kind is ReturnKind.LESSONS_REGISTER:
        return dict(REGISTER_DTYPES)
    if kind is ReturnKind.CROSS_TAB:  # long form: one row per (row label, column label)
        return {"row_label": "object", "column_label": "object", "count": "float64", **PROVENANCE_DTYPES}
    dtypes = {field.name: _PANDAS_DTYPES[field.dtype] for field in RETURN_FIELDS[kind]}
    symbols = {f"{name}_symbol": "object" for name in SYMBOL_FIELDS.get(kind, ())}
    typed = {f"{field.name}_typed": "object" for field in RETURN_FIELDS[kind] if field.dtype == "arrow"}
    block = {"block": "object"} if kind is ReturnKind.SURVEY else {}
    return {**dtypes, **symbols, **typed, **block, **PROVENANCE_DTYPES}


def conform_return(kind: ReturnKind, frame: pd.DataFrame) -> pd.DataFrame:
    """The kind's columns in order, with their types; absent optional columns are empty."""
    dtypes = return_dtypes(kind)
    frame = frame.reindex(columns=list(dtypes))
    if kind is ReturnKind.COMPLAINTS_LOG:
        frame["extension"] = frame["extension"].fillna(False)
    return frame.astype(dtypes)


__all__ = [
    "COMPARATORS",
    "LOG_COLUMNS",
    "RETURN_FIELDS",
    "SYMBOL_FIELDS",
    "ReturnKind",
    "conform_return",
    "return_dtypes",
]
