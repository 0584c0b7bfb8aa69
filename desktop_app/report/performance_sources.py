"""The returns an appendix's figures come from, for its "Sources" table (seed 000's provenance stamp).

    sources = return_sources([(imported.result, imported.imported_at) for imported in project.imports])
    sources = return_sources([(result, None) for result in results])  # the command line: the files' dates

Each return used: its file name (never where it was), the sheets read from it, the period its figures cover and
the date it was imported into the project, or, where no project imported it (the command line reads the files
as they are), the date the file was last modified, saying which: a reader can tell the figures' vintage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import pandas as pd

from desktop_app.domain.formatting import long_date
from desktop_app.domain.imports import ImportResult, SheetImport
from desktop_app.domain.returns import ReturnKind

IMPORTED = "imported"  # the date is the day a project imported the file
MODIFIED = "modified"  # the date is the file's own: the day it was last saved


@dataclass(frozen=True)
class ReturnSource:
    """One return the figures come from: `file` its name, `sheets` the sheets read from it, `period` what its
    figures cover ('' where its sheets give no period), `date` a long date and `dated` whether that is the day
    it was IMPORTED or the day the file was MODIFIED."""

    file: str
    sheets: tuple[str, ...]
    period: str
    date: str
    dated: str


def return_sources(
    imports: Iterable[tuple[ImportResult, str | None]], kinds: Collection[ReturnKind] | None = None
) -> tuple[ReturnSource, ...]:
    """Each of `imports` (a return as read, and when a project imported it: ISO 8601, or None for the file's
    own modified date) that has a sheet read (of one of `kinds`, where given: a project also holds returns
    other appendices read), in the order given; a file given twice (by its fingerprint) once."""
    sources = []
    seen = set()
    for result, imported_at in imports:
        used = [
            sheet
            for sheet in result.sheets
            if sheet.kind is not None and (kinds is None or sheet.kind in kinds) and _read(sheet)
        ]
        if not used or result.provenance.sha256 in seen:
            continue
        seen.add(result.provenance.sha256)
        when, dated = (imported_at, IMPORTED) if imported_at else (result.provenance.modified, MODIFIED)
        sources.append(
            ReturnSource(
                file=_name_only(result.provenance.file),
                sheets=tuple(sheet.sheet for sheet in used),
                period=_covered(used),
                date=_day(when),
                dated=dated,
            )
        )
    return tuple(sources)


def _read(sheet: SheetImport) -> bool:
    return sheet.frame is not None and len(sheet.frame) > 0


def _name_only(file: str) -> str:
    """The file's name: a path (which a project never keeps, but an older one might) loses its folders."""
    return file.replace("\\", "/").rsplit("/", 1)[-1]


def _day(iso: str) -> str:
    try:
        return long_date(dt.datetime.fromisoformat(iso).date())
    except ValueError:
        return iso


def _covered(sheets: list[SheetImport]) -> str:
    """The period the sheets' figures cover: the first period to the last (as the return writes them, in the
    order of their ends), the first week or month to the last, or the periods a benchmark names."""
    firsts: list[tuple[object, str]] = []
    lasts: list[tuple[object, str]] = []
    named: list[str] = []
    for sheet in sheets:
        frame = sheet.frame
        assert frame is not None
        if "period_end" in frame.columns and "period" in frame.columns:
            dated = frame.dropna(subset=["period_end"]).sort_values("period_end", kind="stable")
            if len(dated):
                firsts.append((dated["period_end"].iloc[0], str(dated["period"].iloc[0])))
                lasts.append((dated["period_end"].iloc[-1], str(dated["period"].iloc[-1])))
                continue
        for column, word in (("week_ending", "week ending "), ("month", "")):
            if column in frame.columns:
                days = pd.to_datetime(frame[column], errors="coerce").dropna()
                if len(days):
                    first, last = days.min(), days.max()
                    month = column == "month"
                    firsts.append((first, word + (f"{first:%B %Y}" if month else long_date(first.date()))))
                    lasts.append((last, word + (f"{last:%B %Y}" if month else long_date(last.date()))))
                break
        else:
            if "period" in frame.columns:
                named += [str(p) for p in frame["period"].dropna() if str(p).strip()]
    if firsts:
        first = min(firsts, key=lambda pair: pd.Timestamp(pair[0]))[1]
        last = max(lasts, key=lambda pair: pd.Timestamp(pair[0]))[1]
        return first if first == last else f"{first} to {last}"
    return ", ".join(dict.fromkeys(named))
