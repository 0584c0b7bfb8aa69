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
    "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d-%m-%y", "%d.%m.%Y", "%d.%m.%y",
    "%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %y",
    "%A %d %B %Y", "%a %d %b %Y", "%B %d %Y",
)
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")


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
    """`convert` applied once per distinct value: a column of 100,000 cells has a few dozen spellings."""
    present = values.dropna()
    distinct = pd.unique(present)
    mapping = dict(zip(distinct, (convert(value) for value in distinct)))
    return present.map(mapping).reindex(values.index).astype("object")


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
    if is_number.any():
        serial = values[is_number].astype("float64")
        ok = (serial >= SERIAL_RANGE[0]) & (serial <= SERIAL_RANGE[1]) & (serial == serial.round())
        parsed[ok[ok].index] = EXCEL_EPOCH + pd.to_timedelta(serial[ok], unit="D")
        reason[ok[~ok].index] = "is a number, not a date"

    is_text = _of_type(values, str) & ~blank
    if is_text.any():
        text = values[is_text].str.strip()
        cleaned = text.str.replace(_ORDINAL, "", regex=True).str.replace(_TIME_OF_DAY, "", regex=True)
        cleaned = cleaned.str.replace(r"\s+", " ", regex=True).str.replace(",", "", regex=False)
        from_text = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
        for form in TEXT_DATE_FORMATS:
            missing = from_text.isna()
            if not missing.any():
                break
            from_text[missing] = pd.to_datetime(cleaned[missing], format=form, errors="coerce")
        parsed[is_text] = from_text
        unread = from_text.isna()
        reason[unread[unread].index] = cleaned[unread].map(_why_not_a_date)

    other = ~blank & ~is_date & ~is_number & ~is_text
    reason[other] = "is not a date"
    return parsed, reason


def _as_datetime(value: dt.date | pd.Timestamp) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def _why_not_a_date(text: str) -> str:
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
