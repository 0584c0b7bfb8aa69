"""What a careful reader would query on a cover sheet before it goes out.

The slips seen in published papers (domain.md section 6): a date in the text on a
meeting's day and month but in another year (a cover dated "7th January 2024"
for a 7 January 2025 meeting), a weekday that does not fit its date, an empty
"Report of", an empty required field, a prompt left in [square brackets], and a
consultation reference whose year is neither a meeting's nor the year before.
A report to several committees (seed 002's covers) has each committee's date
held to the same checks, and dates of one round of meetings more than
MEETINGS_SPAN_DAYS apart are queried (a year slipped in one of them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from desktop_app.domain.formatting import long_date
from desktop_app.domain.problems import Problem, Severity
from desktop_app.report.cover_template import WEEKDAYS, WRITTEN_DATE, CoverTemplate, Meeting, date_of, empty, meetings

_REFERENCE = re.compile(r"\b(?P<code>[A-Z]{2})\.?\s?(?P<number>\d{3,5})/(?P<year>\d{2})(?P<dots>\.{2,})?")
_PROMPT = re.compile(r"\[[^\]\n]{2,}\]")
#: The most days between the first and the last of the meetings a report goes to: a round of committees
#: meets within weeks, so dates further apart have a year (or a month) written wrong.
MEETINGS_SPAN_DAYS = 183


class CoverSlip(NamedTuple):
    """One thing to query on a cover: `kind` what was checked ("empty", "meeting_date", "weekday", "date",
    "date_year", "meetings_span", "prompt", "reference", "appendices", "purposes"), and the problem."""

    kind: str
    problem: Problem


def check_cover(
    values: Mapping[str, object],
    template: CoverTemplate | None = None,
    appendices: Sequence[str] | None = None,
    source: str = "",
) -> list[Problem]:
    """What a careful reader would query before the cover goes out; an empty list when nothing is amiss."""
    return [slip.problem for slip in cover_slips(values, template, appendices, source)]


def cover_slips(
    values: Mapping[str, object],
    template: CoverTemplate | None = None,
    appendices: Sequence[str] | None = None,
    source: str = "",
) -> list[CoverSlip]:
    """check_cover's problems, each with the kind of check that found it (the proof's `kind`)."""
    slips: list[CoverSlip] = []

    def warn(kind: str, message: str, name: str = "", value: str = "", severity: Severity = Severity.WARNING) -> None:
        slips.append(CoverSlip(kind, Problem(severity, message, file=source, column=name, value=value)))

    required = template.required if template else ("report_to", "meeting_date", "subject", "report_of")
    if "report_of" in required and empty(values.get("report_of")):  # (a partnership's header has none)
        warn("empty", "'Report of' is empty: say which officer the report is from", "report_of")
    for name in required:
        if name != "report_of" and empty(values.get(name)):
            label = template.labels.get(name, name) if template else name
            warn("empty", f"{label.rstrip(':')} is empty", name)

    held = meetings(values)
    for meeting in held:
        slips += _meeting_slips(meeting, source, several=len(held) > 1)
    days = [meeting.day for meeting in held if meeting.day is not None]
    if days and (max(days) - min(days)).days > MEETINGS_SPAN_DAYS:
        first, last = min(days), max(days)
        warn(
            "meetings_span",
            f"the dates of meeting run from {long_date(first)} to {long_date(last)}, over "
            f"{(last - first).days} days for one round of committees: is a year a slip?",
            "further_meetings",
            ", ".join(long_date(day) for day in days),
        )

    for name, text in cover_texts(values):
        dated = name not in ("meeting_date", "further_meetings")  # the dates of meeting are checked above
        for found in WRITTEN_DATE.finditer(text) if dated else ():
            day = date_of(found)
            if day is None:
                warn("date", f"'{found[0]}' is not a date in the calendar", name, found[0])
                continue
            if found["weekday"] and found["weekday"].lower() != WEEKDAYS[day.weekday()].lower():
                warn("weekday", f"'{found[0]}': {long_date(day)} is a {WEEKDAYS[day.weekday()]}", name, found[0])
            slipped = [
                meeting
                for meeting in days
                if (day.month, day.day) == (meeting.month, meeting.day) and day.year != meeting.year
            ]
            if slipped and day not in days:
                warn(
                    "date_year",
                    f"'{found[0]}' has the meeting's day and month but the year {day.year}, and the meeting is on "
                    f"{long_date(slipped[0])}: is the year a slip?",
                    name,
                    found[0],
                )
        for found in _PROMPT.finditer(text):
            warn("prompt", f"the prompt {found[0]} has not been replaced", name, found[0])
        for found in _REFERENCE.finditer(text):
            if found["dots"]:
                warn("reference", f"the reference {found[0]} looks unfinished", name, found[0], Severity.NOTE)
            if days:
                year = 2000 + int(found["year"])
                if not any(year in (meeting.year, meeting.year - 1) for meeting in days):
                    warn(
                        "reference",
                        f"the reference {found['code']}{found['number']}/{found['year']} is from 20{found['year']}, "
                        f"and the meeting is in {days[0].year}",
                        name,
                        found[0],
                        Severity.NOTE,
                    )
    if template is not None:
        slips += _unfilled_purposes(values, template, source)
    listed = list(appendices) if appendices is not None else values.get("appendices") or []
    if template is not None and any(b["type"] == "appendices" for b in template.blocks) and not listed:
        warn(
            "appendices",
            "no appendices are listed: say 'None' in the template's words, or give the appendices",
            "appendices",
            severity=Severity.NOTE,
        )
    return slips


def _unfilled_purposes(values: Mapping[str, object], template: CoverTemplate, source: str) -> list[CoverSlip]:
    """A note for a table of the council's purposes whose every row would say NA: words not yet given."""
    slips = []
    for block in template.blocks:
        given = values.get(block["field"]) if block["type"] == "purposes" else None
        if block["type"] != "purposes" or (isinstance(given, dict) and any(str(v).strip() for v in given.values())):
            continue
        table = template.label(block["field"]).rstrip(":")
        message = f"no purpose has words: every row of '{table}' says {block.get('none', 'NA')}"
        slips.append(CoverSlip("purposes", Problem(Severity.NOTE, message, file=source, column=block["field"])))
    return slips


def _meeting_slips(meeting: Meeting, source: str, several: bool) -> list[CoverSlip]:
    """A date of meeting that cannot be read, or whose weekday is not its date's; of a report to several
    committees, naming the committee."""
    whose = f"the date of meeting of {meeting.committee}" if several and meeting.committee else "the date of meeting"
    written = meeting.written

    def slip(kind: str, message: str) -> CoverSlip:
        said = written if isinstance(written, str) else "" if written is None else str(written)
        return CoverSlip(kind, Problem(Severity.WARNING, message, file=source, column=meeting.field, value=said))

    unwritten = not isinstance(written, dt.date) and not str(written or "").strip()
    if meeting.field == "further_meetings" and (unwritten or not meeting.committee.strip()):
        # a further committee is a row of the window's cover sheet: one half left empty prints half a row
        if unwritten:
            return [slip("meeting_date", f"{whose} is not given")]
        return [slip("meeting_date", f"the further meeting on {written} names no committee")]
    if not isinstance(written, str) or not written.strip():
        return []
    day = meeting.day

    if day is None:
        return [
            slip(
                "meeting_date",
                f"{whose} is not a date this check can read (write it as 2025-01-07, or 'Tuesday 7 January 2025')",
            )
        ]
    found = WRITTEN_DATE.search(written)
    if found and found["weekday"] and found["weekday"].lower() != WEEKDAYS[day.weekday()].lower():
        return [slip("weekday", f"{whose} says {found['weekday']} but {long_date(day)} is a {WEEKDAYS[day.weekday()]}")]
    return []


def cover_texts(values: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    """(field, text) for every piece of text in the values, list items and table cells included."""
    for name, value in values.items():
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    yield name, item
                elif isinstance(item, dict):
                    for cell in item.values():
                        if isinstance(cell, str):
                            yield name, cell
