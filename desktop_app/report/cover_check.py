"""What a careful reader would query on a cover sheet before it goes out.

The slips seen in published papers (domain.md section 6): a date in the text on the
meeting's day and month but in another year (a cover dated "7th January 2024"
for a 7 January 2025 meeting), a weekday that does not fit its date, an empty
"Report of", an empty required field, a prompt left in [square brackets], and a
consultation reference whose year is neither the meeting's nor the year before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from desktop_app.domain.formatting import long_date
from desktop_app.domain.problems import Problem, Severity
from desktop_app.report.cover_template import WEEKDAYS, WRITTEN_DATE, CoverTemplate, date_of, empty, meeting_day

_REFERENCE = re.compile(r"\b(?P<code>[A-Z]{2})\.?\s?(?P<number>\d{3,5})/(?P<year>\d{2})(?P<dots>\.{2,})?")
_PROMPT = re.compile(r"\[[^\]\n]{2,}\]")


class CoverSlip(NamedTuple):
    """One thing to query on a cover: `kind` what was checked ("empty", "meeting_date", "weekday", "date",
    "date_year", "prompt", "reference", "appendices"), and the problem."""

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
    if empty(values.get("report_of")):
        warn("empty", "'Report of' is empty: say which officer the report is from", "report_of")
    for name in required:
        if name != "report_of" and empty(values.get(name)):
            label = template.labels.get(name, name) if template else name
            warn("empty", f"{label.rstrip(':')} is empty", name)

    meeting = meeting_day(values)
    written = values.get("meeting_date")
    if isinstance(written, str) and written.strip() and meeting is None:
        warn(
            "meeting_date",
            "the date of meeting is not a date this check can read (write it as 2025-01-07, or "
            "'Tuesday 7 January 2025')",
            "meeting_date",
            written,
        )
    if meeting is not None and isinstance(written, str):
        found = WRITTEN_DATE.search(written)
        if found and found["weekday"] and found["weekday"].lower() != WEEKDAYS[meeting.weekday()].lower():
            warn(
                "weekday",
                f"the date of meeting says {found['weekday']} but {long_date(meeting)} is a {WEEKDAYS[meeting.weekday()]}",
                "meeting_date",
                written,
            )

    for name, text in cover_texts(values):
        if name == "meeting_date":
            continue
        for found in WRITTEN_DATE.finditer(text):
            day = date_of(found)
            if day is None:
                warn("date", f"'{found[0]}' is not a date in the calendar", name, found[0])
                continue
            if found["weekday"] and found["weekday"].lower() != WEEKDAYS[day.weekday()].lower():
                warn("weekday", f"'{found[0]}': {long_date(day)} is a {WEEKDAYS[day.weekday()]}", name, found[0])
            if (
                meeting is not None
                and (day.month, day.day) == (meeting.month, meeting.day)
                and day.year != meeting.year
            ):
                warn(
                    "date_year",
                    f"'{found[0]}' has the meeting's day and month but the year {day.year}, and the meeting is on "
                    f"{long_date(meeting)}: is the year a slip?",
                    name,
                    found[0],
                )
        for found in _PROMPT.finditer(text):
            warn("prompt", f"the prompt {found[0]} has not been replaced", name, found[0])
        for found in _REFERENCE.finditer(text):
            if found["dots"]:
                warn("reference", f"the reference {found[0]} looks unfinished", name, found[0], Severity.NOTE)
            if meeting is not None:
                year = 2000 + int(found["year"])
                if year not in (meeting.year, meeting.year - 1):
                    warn(
                        "reference",
                        f"the reference {found['code']}{found['number']}/{found['year']} is from 20{found['year']}, "
                        f"and the meeting is in {meeting.year}",
                        name,
                        found[0],
                        Severity.NOTE,
                    )
    listed = list(appendices) if appendices is not None else values.get("appendices") or []
    if template is not None and any(b["type"] == "appendices" for b in template.blocks) and not listed:
        warn(
            "appendices",
            "no appendices are listed: say 'None' in the template's words, or give the appendices",
            "appendices",
            severity=Severity.NOTE,
        )
    return slips


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
