"""The lessons-learned register of the annual complaints reports, and what changed since the last report.

Each learning point has its action, the owner (a role, never a person's name), a due date and a status.
The register is carried from year to year: it keeps every reporting date's entries (`LessonEntry`, one per
point per date), so the appendix at one date can say what changed since the report before it: the points
new to the register, the points whose status moved, those completed, and those overdue at the reporting
date (due before it, not done). A point not restated at a later date keeps its last status. The statuses,
their words and which are done are data (resources/lessons_vocabulary.toml).

Each report prints only its own services' points: the vocabulary's [reports.REGIME] tables name the services
(as the register's Service column spells them) each report leaves out, and the report counts the points it
left out (`LessonsReport.elsewhere`), so it can say they are in their own reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop_app.domain.periods import latest_report
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.vocabulary import add_spellings, normalise
from desktop_app.paths import RESOURCES

DEFAULT_LESSONS_VOCABULARY = RESOURCES / "lessons_vocabulary.toml"
#: The register's fields, in the order the appendix prints them.
FIELDS = ("reference", "reported", "service", "learning", "action", "owner", "due", "status")
#: The reports that print the register (the regimes of the complaints reports), each with its [reports] table.
REPORTS = ("childrens", "adults", "corporate")
#: The fields a register's header must name.
REQUIRED_FIELDS = ("reference", "reported", "learning", "status")
#: A register sheet's frame as an import keeps it (a row per entry, with the sheet and row it was read from):
#: the window's Returns tab shows it, and the project's register is recorded from it (`frame_entries`).
REGISTER_DTYPES = {
    **{name: "datetime64[s]" if name in ("reported", "due") else "object" for name in FIELDS},
    "sheet": "object",
    "row": "int64",
}


@dataclass(frozen=True)
class LessonStatus:
    code: str
    label: str
    done: bool


@dataclass(frozen=True)
class LessonsVocabulary:
    columns: dict[str, str]  # normalised header -> field
    headers: dict[str, str]  # field -> its first spelling, for messages
    statuses: dict[str, LessonStatus]  # code -> status, in the file's order
    spellings: dict[str, str]  # normalised word -> status code
    #: report (a regime of REPORTS) -> the normalised services whose points it leaves out
    reports: dict[str, frozenset[str]] = field(default_factory=dict)

    def left_out(self, report: str | None) -> frozenset[str]:
        """The services (normalised) whose points `report` leaves out: none for a report the file does not
        name, or for None (the whole register)."""
        if report is not None and report not in REPORTS:
            raise ValueError(f"{report!r} is not a report of the lessons register; use one of {list(REPORTS)}")
        return self.reports.get(report, frozenset()) if report is not None else frozenset()

    def belongs_elsewhere(self, entry: LessonEntry, report: str | None) -> bool:
        """Whether `entry` is a point of a service `report` leaves out (a point with no service is every
        report's)."""
        return bool(entry.service.strip()) and normalise(entry.service) in self.left_out(report)

    def field_for_header(self, header: object) -> str | None:
        return self.columns.get(normalise(header))

    def status_code(self, written: object) -> str | None:
        """The status a register's word means, or None for a word the vocabulary does not know."""
        return self.spellings.get(normalise(written))

    def is_done(self, code: str) -> bool:
        return self.statuses[code].done


@settings_file
def load_lessons_vocabulary(path: Path = DEFAULT_LESSONS_VOCABULARY) -> LessonsVocabulary:
    """The register's column spellings and statuses; a slip names the file and key."""
    data = read_toml(path)
    where = path.name
    columns: dict[str, str] = {}
    headers: dict[str, str] = {}
    for name, names in data.get("columns", {}).items():
        if name not in FIELDS:
            raise ResourceFileError(f"{where}: [columns] {name!r} is not a register field; use one of {list(FIELDS)}")
        add_spellings(columns, where, "[columns]", name, list(names))
        headers[name] = str(names[0])
    missing = [name for name in REQUIRED_FIELDS if name not in headers]
    if missing:
        raise ResourceFileError(f"{where}: [columns] must spell {missing[0]!r}")
    statuses: dict[str, LessonStatus] = {}
    spellings: dict[str, str] = {}
    for code, spec in data.get("statuses", {}).items():
        here = f"{where}: [statuses.{code}]"
        if not str(spec.get("label", "")).strip():
            raise ResourceFileError(f"{here} needs a label")
        if not isinstance(spec.get("done"), bool):
            raise ResourceFileError(f"{here} done must be true or false")
        statuses[code] = LessonStatus(code, str(spec["label"]), spec["done"])
        add_spellings(spellings, where, "[statuses]", code, [str(spec["label"]), *spec.get("words", [])])
    if not statuses:
        raise ResourceFileError(f"{where}: there is no [statuses.CODE] table")
    return LessonsVocabulary(columns, headers, statuses, spellings, _reports(data.get("reports", {}), where))


def _reports(data: object, where: str) -> dict[str, frozenset[str]]:
    """The [reports.REGIME] tables: the services each report leaves out, normalised."""
    if not isinstance(data, dict):
        raise ResourceFileError(f"{where}: [reports] must be tables [reports.REGIME], one of {list(REPORTS)}")
    reports: dict[str, frozenset[str]] = {}
    for report, spec in data.items():
        here = f"{where}: [reports.{report}]"
        if report not in REPORTS:
            raise ResourceFileError(f"{here} is not a report; use one of {list(REPORTS)}")
        if not isinstance(spec, dict) or set(spec) - {"leaves_out"}:
            raise ResourceFileError(f"{here} takes only leaves_out = [the services the report leaves out]")
        services = spec.get("leaves_out", [])
        if not isinstance(services, list) or not all(isinstance(s, str) and s.strip() for s in services):
            raise ResourceFileError(f"{here} leaves_out must be a list of services, as the register spells them")
        reports[report] = frozenset(normalise(service) for service in services)
    return reports


@dataclass(frozen=True)
class LessonEntry:
    """One learning point as the register stood at one reporting date (`status` a code of the vocabulary)."""

    reference: str
    reported: dt.date
    learning: str
    status: str
    action: str = ""
    owner: str = ""
    due: dt.date | None = None
    service: str = ""

    @property
    def key(self) -> str:
        """What makes it the same point at another date: its reference, spelt either way."""
        return normalise(self.reference)


def register_frame(entries: Iterable[LessonEntry], sheet: str, rows: Iterable[int]) -> pd.DataFrame:
    """The entries of one sheet as its import's frame, each with the sheet row it was read from."""
    records = [
        {**{name: getattr(entry, name) for name in FIELDS}, "sheet": sheet, "row": row}
        for entry, row in zip(entries, rows, strict=True)
    ]
    frame = pd.DataFrame.from_records(records, columns=list(REGISTER_DTYPES))
    for name in ("reported", "due"):
        frame[name] = pd.to_datetime(frame[name])
    return frame.astype(REGISTER_DTYPES)


def frame_entries(frame: pd.DataFrame) -> list[LessonEntry]:
    """The entries of a register's frame (`register_frame`), in its order."""
    return [
        LessonEntry(
            **{name: "" if pd.isna(value) else str(value) for name, value in row.items() if name in _TEXT_FIELDS},
            reported=pd.Timestamp(row["reported"]).date(),
            due=None if pd.isna(row["due"]) else pd.Timestamp(row["due"]).date(),
        )
        for row in frame.to_dict("records")
    ]


_TEXT_FIELDS = tuple(name for name in FIELDS if name not in ("reported", "due"))


def with_import_removed(
    kept: Iterable[LessonEntry], removed: Iterable[LessonEntry], remaining: Iterable[Iterable[LessonEntry]]
) -> list[LessonEntry]:
    """The register `kept` once a register file whose entries were `removed` is taken out of the project: the
    reporting dates that file held go, and come back as the files still in the project (`remaining`, in the
    order they were imported) hold them."""
    dates = {entry.reported for entry in removed}
    register = [entry for entry in kept if entry.reported not in dates]
    for entries in remaining:
        register = with_entries(register, [entry for entry in entries if entry.reported in dates])
    return register


def _itself(day: dt.date) -> dt.date:
    return day


def reporting_dates(entries: Iterable[LessonEntry]) -> list[dt.date]:
    return sorted({entry.reported for entry in entries})


def with_entries(kept: Iterable[LessonEntry], added: Iterable[LessonEntry]) -> list[LessonEntry]:
    """The register `kept` with `added`: a reporting date `added` holds replaces the kept entries of that
    date (a register imported again), the other dates are kept (last year's report stays)."""
    added = list(added)
    dates = {entry.reported for entry in added}
    return sorted([*(entry for entry in kept if entry.reported not in dates), *added], key=lambda e: e.reported)


def register_at(entries: Iterable[LessonEntry], as_of: dt.date) -> list[LessonEntry]:
    """Each point's latest entry on or before `as_of`, in the order the points first appear."""
    latest: dict[str, LessonEntry] = {}
    for entry in sorted((e for e in entries if e.reported <= as_of), key=lambda e: e.reported):
        latest[entry.key] = entry
    return list(latest.values())


def is_overdue(entry: LessonEntry, vocabulary: LessonsVocabulary, as_of: dt.date) -> bool:
    """Due before `as_of` and not done."""
    return entry.due is not None and entry.due < as_of and not vocabulary.is_done(entry.status)


@dataclass(frozen=True)
class StatusChange:
    before: LessonEntry
    after: LessonEntry


@dataclass(frozen=True)
class LessonsReport:
    """The register as the appendix prints it at `as_of` (its latest reporting date on or before the report's
    date), and what changed since `previous` (the reporting date before, None at the first report)."""

    as_of: dt.date
    previous: dt.date | None
    points: tuple[LessonEntry, ...]  # the points printed: all but those already done at the last report
    done_before: tuple[LessonEntry, ...]  # done at the last report: reported then, left out now
    new: tuple[LessonEntry, ...]
    changed: tuple[StatusChange, ...]
    completed: tuple[LessonEntry, ...]  # done now, not done (or not there) at the last report
    overdue: tuple[LessonEntry, ...]
    elsewhere: int = 0  # the points left out as other services' (they would be printed in their own report)

    def counts(self, vocabulary: LessonsVocabulary) -> dict[str, int]:
        """The points printed by status code, in the vocabulary's order."""
        return {code: sum(point.status == code for point in self.points) for code in vocabulary.statuses}


def lessons_report(
    entries: Iterable[LessonEntry], vocabulary: LessonsVocabulary, report_date: dt.date, report: str | None = None
) -> LessonsReport | None:
    """The register at its latest reporting date on or before `report_date`, with the changes since the
    reporting date before it; None where the register has no entry by then. `report` (a regime of REPORTS;
    None: the whole register) leaves out the points of the services its [reports] table names, counting
    those it would otherwise print."""
    entries = list(entries)
    dates = reporting_dates(entries)
    as_of = latest_report(dates, report_date, _itself, on_the_day=True)
    if as_of is None:
        return None
    previous = latest_report(dates, as_of, _itself)
    now = register_at(entries, as_of)
    before = {entry.key: entry for entry in register_at(entries, previous)} if previous else {}

    def done_before(point: LessonEntry) -> bool:
        return point.key in before and vocabulary.is_done(before[point.key].status)

    elsewhere = sum(not done_before(point) and vocabulary.belongs_elsewhere(point, report) for point in now)
    now = [point for point in now if not vocabulary.belongs_elsewhere(point, report)]
    points = tuple(point for point in now if not done_before(point))
    changed = tuple(
        StatusChange(before[point.key], point)
        for point in points
        if point.key in before and before[point.key].status != point.status
    )
    return LessonsReport(
        as_of,
        previous,
        points,
        tuple(point for point in now if done_before(point)),
        tuple(point for point in points if previous and point.key not in before),
        changed,
        tuple(point for point in points if previous and vocabulary.is_done(point.status)),
        tuple(point for point in points if is_overdue(point, vocabulary, as_of)),
        elsewhere,
    )
