"""Reading cell values the way people type them into UK council spreadsheets.

Each parser takes a column of raw cell values and returns the parsed column
with, beside it, the reason each unreadable cell could not be read ("" where it
was read or was empty), so the caller can report the row and leave it out.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

#: Excel's day 0 (serial 1 is 1 January 1900, with Excel's phantom 29 February 1900).
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
#: Serial numbers read as dates: 1 January 1990 to 31 December 2099.
SERIAL_RANGE = (32874, 73050)
#: Text date forms, day first (UK). Tried in order; the first that reads a cell wins.
TEXT_DATE_FORMATS = (
    "%d/%m/%Y",
    "%d/%m/%y",
    "%d-%m-%Y",
    "%d-%m-%y",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%d %b %y",
    "%A %d %B %Y",
    "%a %d %b %Y",
    "%B %d %Y",
)
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.IGNORECASE)
# A time of day after a date: 14:32, 14:32:05.123, 2:32 PM, 2:32pm, 2:32 p.m.
_TIME = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
_TIME_OF_DAY = re.compile(rf"(?<=\d)[ T]\s*{_TIME}$", re.IGNORECASE)
_TIME_ONLY = re.compile(rf"^{_TIME}$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")


#: What pandas.api.types.infer_dtype calls a column of one kind of value, in which values that are equal
#: also read alike (in a mixed column True, 1 and 1.0 are equal in Python but read differently).
_ONE_KIND = {"string", "date", "datetime", "floating", "integer", "boolean", "decimal", "time", "timedelta", "empty"}


def distinct_cells(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's number among the column's distinct values (-1 for None and NaN), and those values in the
    order they first appear; values of different types (True, 1, 1.0) are kept apart."""
    codes, values = pd.factorize(cells)
    if pd.api.types.infer_dtype(cells, skipna=True) in _ONE_KIND:
        return codes, values
    kinds = pd.factorize(np.fromiter((id(type(cell)) for cell in cells), dtype=np.int64, count=len(cells)))[0]
    known = codes >= 0
    codes = codes.copy()
    codes[known], _ = pd.factorize(codes[known] * (int(kinds.max()) + 1) + kinds[known])
    firsts = np.unique(codes[known], return_index=True)[1]
    return codes, cells[known][firsts]


class Distinct:
    """A column of cells as its distinct values and, per cell, which of them it holds.

    A column of 100,000 cells has a few dozen spellings (or a couple of thousand dates): each parser
    below reads the distinct values once and its results are spread back over the cells.
    """

    def __init__(self, cells: pd.Series):
        self.index = cells.index
        codes, values = distinct_cells(cells.to_numpy(dtype=object))
        self.codes = np.where(codes < 0, len(values), codes)  # an empty cell holds the None after the values
        self.values = pd.Series(np.append(values, None), dtype="object")
        self._blank: pd.Series | None = None

    def spread(self, result: pd.Series) -> pd.Series:
        """A result per distinct value as a result per cell."""
        return pd.Series(result.to_numpy()[self.codes], index=self.index, dtype=result.dtype)

    def read(self, parse, *args):
        """`parse(values, *args)` over the distinct values, its result (or each of its results) per cell."""
        results = parse(self.values, *args)
        if isinstance(results, tuple):
            return tuple(self.spread(result) for result in results)
        return self.spread(results)

    @property
    def blank(self) -> pd.Series:
        """is_blank per cell, worked out once."""
        if self._blank is None:
            self._blank = self.read(is_blank)
        return self._blank


def is_blank(values: pd.Series) -> pd.Series:
    """Empty cells, and cells holding only spaces."""
    blank = values.isna()
    text = _of_type(values, str)
    if text.any():
        blank[text] = values[text].str.strip().eq("")
    return blank


def _of_type(values: pd.Series, *types: type) -> pd.Series:
    """Cells holding a value of one of `types` (one pass over the column's types)."""
    return values.map(type, na_action="ignore").isin(types)


def per_distinct(values: pd.Series, convert) -> pd.Series:
    """`convert` applied once per distinct value (told apart by type: a TRUE cell is not the number 1): a
    column of 100,000 cells has a few dozen spellings. Missing cells stay missing."""
    present = values.dropna()
    codes, distinct = distinct_cells(present.to_numpy(dtype=object))
    converted = [convert(value) for value in distinct]
    # typed as pandas types a column of the results (text, numbers, or objects)
    return pd.Series([converted[code] for code in codes], index=present.index).reindex(values.index).astype("object")


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates from Excel dates, serial numbers and UK text dates.

    A US-style date such as 04/13/2022 is refused, not read as 13 April: a day
    and month that could be swapped are always read day first.
    """
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[s]")
    reason = pd.Series("", index=values.index, dtype="object")
    blank = is_blank(values)

    is_date = _of_type(values, dt.date, dt.datetime, pd.Timestamp) & ~blank
    if is_date.any():
        parsed[is_date] = pd.to_datetime(values[is_date].map(_as_datetime)).dt.normalize()

    is_number = _of_type(values, int, float, np.int64, np.float64) & ~blank
    # A CSV holds an Excel date kept as a number as its text ("44367.6055").
    is_serial_text = _of_type(values, str) & values.astype("string").str.fullmatch(_SERIAL_TEXT).fillna(False)
    if is_number.any() or is_serial_text.any():
        serial = pd.to_numeric(values[is_number | is_serial_text].astype("string").str.strip())
        is_number |= is_serial_text
        # A fraction is the time of day (a date and time kept as a number): the date is the whole day.
        ok = (serial >= SERIAL_RANGE[0]) & (serial < SERIAL_RANGE[1] + 1)
        parsed[ok[ok].index] = EXCEL_EPOCH + pd.to_timedelta(np.floor(serial[ok]), unit="D")
        reason[ok[~ok].index] = "is a number, not a date"

    is_text = _of_type(values, str) & ~blank & ~is_serial_text
    if is_text.any():
        text = values[is_text].str.strip()
        cleaned = text.str.replace(_ORDINAL, "", regex=True).str.replace(_TIME_OF_DAY, "", regex=True)
        cleaned = cleaned.str.replace(r"\s+", " ", regex=True).str.replace(",", "", regex=False)
        from_text = _first_format(cleaned, TEXT_DATE_FORMATS)
        parsed[is_text] = from_text
        unread = from_text.isna()
        reason[unread[unread].index] = cleaned[unread].map(_why_not_a_date)

    other = ~blank & ~is_date & ~is_number & ~is_text
    reason[other] = values[other].map(
        lambda value: _TIME_NO_DATE if isinstance(value, (dt.time, dt.timedelta)) else "is not a date"
    )
    return parsed, reason


def _first_format(text: pd.Series, formats: tuple[str, ...]) -> pd.Series:
    """Each text read by the first of `formats` that reads it (NaT where none does)."""
    read = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
    for form in formats:
        missing = read.isna()
        if not missing.any():
            break
        read[missing] = pd.to_datetime(text[missing], format=form, errors="coerce")
    return read


def _as_datetime(value: dt.date | pd.Timestamp) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


_SERIAL_TEXT = r"\s*\d{5}(?:\.\d+)?\s*"
_TIME_NO_DATE = "is a time of day with no date; write the date, e.g. 03/04/2022 (a time after it is allowed)"


def _why_not_a_date(text: str) -> str:
    if _TIME_ONLY.match(text):
        return _TIME_NO_DATE
    match = _NUMERIC_DATE.match(text)
    if match:
        first, second = int(match.group(1)), int(match.group(2))
        if second > 12 and first <= 12:
            return "looks like a US-style date (month first); write it day first, e.g. 13/04/2022"
        return "is not a real date (day/month/year)"
    return "is not a date this reader understands; use day/month/year, e.g. 03/04/2022"


def parse_codes(values: pd.Series, lookup: dict[str, str], normalise) -> tuple[pd.Series, pd.Series]:
    """Codes for spellings the vocabulary knows; the reason for the rest ("" for blanks)."""
    blank = is_blank(values)
    codes = per_distinct(values, lambda value: lookup.get(normalise(_as_text(value))))
    codes[blank] = None
    reason = pd.Series("", index=values.index, dtype="object")
    reason[~blank & codes.isna()] = "is not a value this column accepts"
    return codes, reason


def _as_text(value: object) -> str:
    """A cell as text; 1.0 (a number typed as a stage) reads as '1'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_text(values: pd.Series) -> pd.Series:
    """Free text cells, trimmed; blanks become missing."""
    text = per_distinct(values, lambda value: _as_text(value).strip() or None)
    return text.where(text.notna(), None)


def shown(value: object) -> str:
    """A cell value as the user would recognise it in a message."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (dt.datetime, pd.Timestamp)) and value == pd.Timestamp(value).normalize():
        return pd.Timestamp(value).strftime("%d/%m/%Y")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    return _as_text(value)


_NUMBER_NOISE = re.compile(r"[£$€,\s\u00a0\u2009]")
_PARENTHESISED = re.compile(r"^\((.*)\)$")


def parse_numbers(values: pd.Series, missing_words: dict[str, str]) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Numbers from number cells and from numbers typed as text ("1,234", "28%", "£2,703,204", "(5)").

    Returns the numbers, the reason each unreadable cell could not be read, and
    a marker per cell: "percent" where a % sign was stripped, or the code of a
    word that stands for no number ("not_applicable" for n/a or -, "suppressed"
    for * or c), from `missing_words` (normalised spelling -> code).
    """
    numbers = pd.Series(np.nan, index=values.index, dtype="float64")
    reason = pd.Series("", index=values.index, dtype="object")
    marker = pd.Series("", index=values.index, dtype="object")
    blank = is_blank(values)

    is_number = _of_type(values, int, float, np.int64, np.float64) & ~blank
    numbers[is_number] = values[is_number].astype("float64")
    infinite = is_number & np.isinf(numbers)
    numbers[infinite] = np.nan
    reason[infinite] = "is infinite, not a number"
    is_text = _of_type(values, str) & ~blank
    if is_text.any():
        read = per_distinct(values[is_text], lambda text: _number_from_text(text, missing_words))
        numbers[is_text] = read.map(lambda found: found[0]).astype("float64")
        reason[is_text] = read.map(lambda found: found[1])
        marker[is_text] = read.map(lambda found: found[2])
    other = ~blank & ~is_number & ~is_text
    reason[other] = values[other].map(
        lambda v: (
            "is TRUE/FALSE, not a number"
            if isinstance(v, bool)
            else "is a date, not a number"
            if isinstance(v, (dt.date, pd.Timestamp))
            else "is not a number"
        )
    )
    return numbers, reason, marker


def _number_from_text(text: str, missing_words: dict[str, str]) -> tuple[float, str, str]:
    stripped = text.strip()
    word = missing_words.get(stripped.casefold())
    if word:
        return np.nan, "", word
    cleaned = _NUMBER_NOISE.sub("", stripped).replace("−", "-").replace("–", "-")
    negative = _PARENTHESISED.match(cleaned)
    if negative:
        cleaned = "-" + negative.group(1)
    percent = cleaned.endswith("%")
    cleaned = cleaned.rstrip("%")
    try:
        number = float(cleaned)
    except ValueError:
        return np.nan, "is not a number", ""
    if not np.isfinite(number):
        return np.nan, "is not a number", ""
    return number, "", "percent" if percent else ""


_MONTH_FORMATS = ("%b-%y", "%b %y", "%B %Y", "%b %Y", "%B-%Y", "%b-%Y", "%Y-%m", "%m/%Y", "%B %y")


def parse_months(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The first day of the month each cell names: a date, or text like 'Jan-23' or 'January 2023'."""
    dates, reason = parse_dates(values)
    unread = reason != ""
    if unread.any():
        text = values[unread].astype(str).str.strip().str.replace(r"\s+", " ", regex=True)
        dates[unread] = _first_format(text, _MONTH_FORMATS)
        reason[unread & dates.notna()] = ""
        reason[unread & dates.isna()] = "is not a month this reader understands; write e.g. 'Jan-23' or 'January 2023'"
    return dates.dt.to_period("M").dt.start_time.astype("datetime64[s]"), reason


_FINANCIAL_YEAR = re.compile(r"^(?:FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_QUARTER = re.compile(r"^Q([1-4])\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})$", re.IGNORECASE)


def period_ends(values: pd.Series) -> pd.Series:
    """The last day of the period each cell names, or NaT where it names none.

    Understands a date (that day), a month ('July 2023', 'Jul-23': its last day),
    a financial year ('2022-23', '2022/23': 31 March 2023) and a financial-year
    quarter ('Q1 2023/24': 30 June 2023). A bare month name has no year and gives NaT.
    Each distinct spelling is worked out once, all of them together.
    """
    present = values.dropna()
    distinct = pd.Series(pd.unique(present), dtype="object")
    ends = pd.Series(pd.NaT, index=distinct.index, dtype="datetime64[s]")
    is_text = _of_type(distinct, str)
    dates, reason = parse_dates(distinct.where(~is_text, None))
    ends[~is_text] = dates[~is_text]

    text = distinct[is_text].str.strip()
    years = text.str.extract(_FINANCIAL_YEAR)
    fy = years[0].notna() & _consecutive(years[0], years[1])
    ends[fy[fy].index] = pd.to_datetime((years.loc[fy, 0].astype(int) + 1).astype(str) + "-03-31")
    quarters = text.str.extract(_QUARTER)
    fq = quarters[0].notna() & _consecutive(quarters[1], quarters[2])
    if fq.any():
        quarter = quarters.loc[fq, 0].astype(int)
        year = quarters.loc[fq, 1].astype(int) + (quarter == 4)
        month = quarter.map({1: 6, 2: 9, 3: 12, 4: 3})
        ends[fq[fq].index] = pd.to_datetime({"year": year, "month": month, "day": 1}) + pd.offsets.MonthEnd(0)
    rest = text[~fy & ~fq]
    full_date = rest.str.match(_NUMERIC_DATE) | rest.str.contains(
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{2,4}", regex=True
    )
    months, month_reason = parse_months(rest[~full_date])
    ok = month_reason == ""
    ends[ok[ok].index] = months[ok] + pd.offsets.MonthEnd(0)
    day, day_reason = parse_dates(rest[full_date])
    ends[day.index] = day.where(day_reason == "")
    mapping = dict(zip(distinct, ends))
    return present.map(mapping).reindex(values.index).astype("datetime64[s]")


def _consecutive(first: pd.Series, second: pd.Series) -> pd.Series:
    """Whether 'first-second' names two consecutive years ('2022-23', '2022/2023')."""
    first_year = pd.to_numeric(first, errors="coerce")
    second_year = pd.to_numeric(second, errors="coerce")
    modulus = np.where(second.str.len() == 2, 100, 10_000)
    return ((first_year + 1) % modulus == second_year).fillna(False).astype(bool)
