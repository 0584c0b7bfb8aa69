"""How every figure is written, in one place: the PDF, the window, the command line and the prose all call these.

Rounding is half away from zero, as Excel's ROUND does (Python's round() goes to
the even neighbour: 12.5 would print 12), on the value's shortest decimal form
(so 114.05 shows as 114.1). Values stay at full precision until they are
written here. JSON output carries numbers, not text: `json_number` rounds a
percentage there to one decimal place, by the same rule, any other number to
12 significant digits (so no float noise: 41.99999999999999 is 42), and writes
NaN and infinity as null, which `json_text` (every JSON document) then enforces.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

NOT_APPLICABLE = "n/a"
SUPPRESSED_PERCENT = "[c]"
UP, DOWN, LEVEL = "▲", "▼", "▬"
ARROWS = {"up": UP, "down": DOWN, "same": "-"}
#: A change that rounds to nothing at the places shown: no arrow, no "£0 (0.0%)".
NO_CHANGE = "no change"

_BEFORE = {"gbp": "£"}
_AFTER = {"percent": "%"}


def missing(value: object) -> bool:
    """None, pandas' NA or NaT, or a float NaN."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def half_up(value: float, places: int = 0) -> Decimal:
    """`value` rounded half away from zero to `places` decimal places."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)


def round_half_up(value: float, places: int = 0) -> str:
    """12.5 -> '13', 28.42 -> '28': half away from zero, as Excel's ROUND."""
    return str(half_up(value, places))


#: Significant digits a JSON number keeps: past every figure's precision, short of float noise.
JSON_DIGITS = 12


def json_number(value: object, places: int | None = None) -> int | float | None:
    """A JSON number, or None for missing, NaN or infinity; with `places`, rounded half up (a percentage: 1),
    else to JSON_DIGITS significant digits."""
    if missing(value):
        return None
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        return None
    number = float(half_up(number, places)) if places is not None else float(f"{number:.{JSON_DIGITS}g}")
    return int(number) if places is None and number.is_integer() else number


def json_text(document: object) -> str:
    """A JSON document as the command line prints it; a NaN or infinity that escaped json_number is an
    error here, never the invalid JSON `Infinity`."""
    return json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False)


def long_date(day: dt.date) -> str:
    """'1 April 2022': the papers' way of writing a date."""
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Formatter:
    """How a count, a percentage and a change are written.

    With `suppress_below` (say 5), a count from 1 to 4 is written "<5", and a
    percentage or change resting on such a count (as numerator or base) is
    written "[c]". Zero is shown: it identifies nobody. Totals are not
    suppressed, so a suppressed cell can sometimes be worked out from its row
    or column: this is primary suppression only.
    """

    suppress_below: int | None = None

    def hidden(self, count: int | None) -> bool:
        return bool(self.suppress_below) and count is not None and 0 < count < (self.suppress_below or 0)

    def count(self, value: object) -> str:
        if missing(value):
            return NOT_APPLICABLE
        number = int(value)  # type: ignore[call-overload]
        if self.hidden(number):
            return f"<{self.suppress_below}"
        return f"{number:,}"

    def counted(self, value: int, one: str, many: str) -> str:
        """A count with its noun: "1 action", "7 actions" ("<5 actions" where the count is suppressed)."""
        return f"{self.count(value)} {one if value == 1 and not self.hidden(value) else many}"

    def percent(self, value: object, counts: tuple[object, ...] = (), places: int = 0) -> str:
        """`value` (0-100, full precision) rounded half up; `counts` are what it rests on."""
        if missing(value):
            return NOT_APPLICABLE
        if any(self.hidden(None if missing(c) else int(c)) for c in counts):  # type: ignore[call-overload]
            return SUPPRESSED_PERCENT
        return f"{round_half_up(float(value), places)}%"  # type: ignore[arg-type]

    def change(self, now: int, before: int, change_pct: object) -> tuple[str, str]:
        """(arrow form, words) for a count that went from `before` to `now`."""
        if self.hidden(now) or self.hidden(before):
            return SUPPRESSED_PERCENT, "changed (figures too small to publish)"
        if now == before:
            return f"{LEVEL} 0%", "stayed the same"
        if before == 0 or missing(change_pct):
            return UP, f"increased from none to {self.count(now)}"
        shown = round_half_up(abs(float(change_pct)), 0)  # type: ignore[arg-type]
        arrow = UP if now > before else DOWN
        verb = "increased" if now > before else "decreased"
        if shown == "0":
            return f"{arrow} <1%", f"{verb} by less than 1%"
        return f"{arrow} {shown}%", f"{verb} by {shown}%"

    def money(self, value: object) -> str:
        """Pounds as the papers print them: '£1,490', '£150.50' (pence only where there are some); money
        is never suppressed (a count of payments beside it is)."""
        if missing(value):
            return NOT_APPLICABLE
        pence = half_up(float(value), 2) % 1 != 0  # type: ignore[arg-type]
        return format_value(float(value), "gbp", 2 if pence else 0)  # type: ignore[arg-type]

    def days(self, value: object) -> str:
        if missing(value):
            return NOT_APPLICABLE
        return round_half_up(float(value), 1).removesuffix(".0")  # type: ignore[arg-type]


def format_value(value: float | None, unit: str | None, decimals: int) -> str:
    """A figure as the papers print it: '£2,703,204', '28.4%', '114.1', '14,213'; '' where missing."""
    if missing(value):
        return ""
    rounded = half_up(value, decimals)  # type: ignore[arg-type]
    sign = "-" if rounded < 0 else ""
    return f"{sign}{_BEFORE.get(unit or '', '')}{abs(rounded):,.{decimals}f}{_AFTER.get(unit or '', '')}"


def given_decimals(value: float | None, decimals: int) -> int:
    """The places `value` is given to, at most `decimals`: 829 has none, 20.5 one, 728.93 (at 1) one."""
    if missing(value):
        return 0
    rounded = half_up(value, decimals).normalize()  # type: ignore[arg-type]
    exponent = int(rounded.as_tuple().exponent)
    return max(0, min(int(decimals), -exponent))


def format_as_given(value: float | None, unit: str | None, decimals: int) -> str:
    """A figure at the precision the return gives it, at most `decimals` places, as seed 002's ChAT review
    prints its figures: '829', '26%', '20.5%' (where format_value, at one place, writes '829.0', '26.0%')."""
    if missing(value):
        return ""
    return format_value(value, unit, given_decimals(value, decimals))


def format_change(
    change: float | None,
    change_pct: float | None,
    unit: str | None,
    decimals: int,
    direction: str | None = None,
    pct_decimals: int = 1,
) -> str:
    """A change card's change: '▲ £5,975 (+0.2%)', '▼ -£1 (-0.2%)'; a percentage changes by points: '▼ -1.4pp'.

    The arrow is `direction`'s (which allows for a tolerance), else the change's sign. A change that rounds
    to zero at `decimals` places is NO_CHANGE, without an arrow: '▼ £0 (0.0%)' would say it fell by nothing.
    """
    if change is None or missing(change):
        return ""
    if half_up(change, decimals) == 0:
        return NO_CHANGE
    direction = direction or ("up" if change > 0 else "down" if change < 0 else "same")
    points = unit == "percent"
    amount = f"{format_value(change, None, decimals)}pp" if points else format_value(change, unit, decimals)
    if change_pct is None or missing(change_pct):
        return f"{ARROWS[direction]} {amount}"
    return f"{ARROWS[direction]} {amount} ({format_change_pct(change, change_pct, decimals, pct_decimals)})"


def format_change_pct(change: float | None, change_pct: float | None, decimals: int, pct_decimals: int = 1) -> str:
    """A change card's change as a share of what it was: '+12.0%', '-0.2%'; NO_CHANGE where the change itself
    rounds to zero at `decimals` places (as format_change says); '' where there is no such share."""
    if change is None or missing(change) or change_pct is None or missing(change_pct):
        return ""
    if half_up(change, decimals) == 0:
        return NO_CHANGE
    plus = "+" if half_up(change_pct, pct_decimals) > 0 else ""
    return f"{plus}{format_value(change_pct, None, pct_decimals)}%"


#: Counts and percentages with nothing suppressed.
UNSUPPRESSED = Formatter()
