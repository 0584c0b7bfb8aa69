"""An action plan's milestone, read from what its author wrote, without a guess.

Plans write a completion date as a date ("31/05/2023", a date cell), a month
("May-23", "Sept 23", a date cell shown as "mmm-yy"), a start that goes on
("Dec 23 and on going"), or a cycle ("Quarterly"). A month is due by its last
day. Anything else ("TBC", "Q3", "May-23, Sep-23") is `unread`, with the reason:
never a date made up from it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass

from desktop_app.domain.formatting import long_date
from desktop_app.domain.vocabulary import normalise

_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: "May-23", "Sept 23", "May 2023", "May '23", "May/23"
_MONTH = re.compile(rf"^({_MONTH_NAMES})\.?[\s\-/']*(\d{{2}}|\d{{4}})$", re.IGNORECASE)
#: "31/05/2023", "31-05-23", "31.5.2023" (day first, as councils write)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2}|\d{4})$")
#: "31 May 2023", "31st May 23"
_WORDED_DATE = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th)?[\s\-]+({_MONTH_NAMES})\.?[\s\-,]+(\d{{2}}|\d{{4}})$", re.IGNORECASE
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_JOINERS = re.compile(r"[\s\-–—,;:&]+$")


class MilestoneKind(str, enum.Enum):
    """What a milestone cell says."""

    DATE = "date"  # a day: due on it
    MONTH = "month"  # a month: due by its last day
    OPEN_ENDED = "open_ended"  # a start that goes on: no completion date
    RECURRING = "recurring"  # a cycle ("Quarterly"): no completion date
    UNREAD = "unread"  # written, but not as any of these
    NONE = "none"  # nothing written


@dataclass(frozen=True)
class MilestoneWords:
    """The words that make a milestone a start that goes on, or a cycle (resources/action_plan_vocabulary.toml)."""

    ongoing: tuple[str, ...]
    recurring: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    """A milestone as written (`text`; a date cell as a date or a month) and as read: its kind, its completion date (`due`, a date or a
    month's last day), the start of an open-ended one, and why it could not be read."""

    kind: MilestoneKind
    text: str
    due: dt.date | None = None
    start: dt.date | None = None
    reason: str = ""

    def passed(self, as_of: dt.date) -> bool:
        """True where the completion date is before `as_of` (an open-ended, recurring or unread one never is)."""
        return self.due is not None and self.due < as_of


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def read_milestone(value: object, words: MilestoneWords, month_cell: bool = False) -> Milestone:
    """The milestone a cell holds. `value` is the cell's text, or its date where the cell holds one;
    `month_cell`: the date cell is shown as a month ("mmm-yy"), so it means that month, not its first day."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if month_cell:
            return Milestone(MilestoneKind.MONTH, f"{value:%b-%y}", due=month_end(value.year, value.month))
        return Milestone(MilestoneKind.DATE, long_date(value), due=value)
    text = "" if value is None else str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text:
        return Milestone(MilestoneKind.NONE, "")
    folded = normalise(text)
    if folded in {normalise(word) for word in words.recurring}:
        return Milestone(MilestoneKind.RECURRING, text)
    if folded in {normalise(word) for word in words.ongoing}:
        return Milestone(MilestoneKind.OPEN_ENDED, text)
    for word in sorted(words.ongoing, key=len, reverse=True):
        head = _without_suffix(text, word)
        if head is None:
            continue
        start = _day_or_month(head)
        if isinstance(start, str):
            return Milestone(MilestoneKind.UNREAD, text, reason=f"its start, {head!r}, {start}")
        return Milestone(MilestoneKind.OPEN_ENDED, text, start=start[0])
    read = _day_or_month(text)
    if isinstance(read, str):
        return Milestone(MilestoneKind.UNREAD, text, reason=read)
    day, is_month = read
    if is_month:
        return Milestone(MilestoneKind.MONTH, text, due=month_end(day.year, day.month))
    return Milestone(MilestoneKind.DATE, text, due=day)


def _without_suffix(text: str, word: str) -> str | None:
    """`text` without a trailing `word` (and the joining words before it), or None where it does not end so."""
    pattern = re.compile(r"\s+".join(re.escape(part) for part in word.split()) + r"\.?$", re.IGNORECASE)
    match = pattern.search(text)
    if not match or match.start() == 0:
        return None
    head = _JOINERS.sub("", text[: match.start()]).strip()
    return head.removesuffix(" and").removesuffix(" then").strip() or None


def _day_or_month(text: str) -> tuple[dt.date, bool] | str:
    """(the day, or the month's first day, and whether it is a month), or why `text` is neither."""
    text = text.strip()
    try:
        match = _MONTH.match(text)
        if match:
            return dt.date(_year(match.group(2)), _MONTHS[match.group(1).casefold()], 1), True
        match = _NUMERIC_DATE.match(text)
        if match:
            return dt.date(_year(match.group(3)), int(match.group(2)), int(match.group(1))), False
        match = _WORDED_DATE.match(text)
        if match:
            return dt.date(_year(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1))), False
        match = _ISO_DATE.match(text)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))), False
    except ValueError as exc:
        return f"is not a real date ({exc})"
    return (
        "is not a date (31/05/2023), a month (May-23), a start that goes on (Dec 23 and on going) "
        "or a cycle (Quarterly); write one of those"
    )


def _year(digits: str) -> int:
    """A year as written: '23' is 2023 (a plan's years are this century's)."""
    return 2000 + int(digits) if len(digits) == 2 else int(digits)
