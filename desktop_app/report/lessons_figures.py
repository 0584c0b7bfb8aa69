"""The figures of the lessons-learned register, formatted once, by name, for every complaints report.

From domain.lessons.lessons_report; each is "not recorded" where no register was given:

- lessons_as_of (the register's reporting date the report prints), lessons_previous (the one before it,
  "not recorded" at the register's first report)
- lessons_points (the points printed), lessons_new, lessons_changed (status moved), lessons_completed,
  lessons_overdue (due before lessons_as_of, not done), lessons_done_before (done by the last report, not
  printed again), lessons_elsewhere (the points of services this report leaves out, as
  resources/lessons_vocabulary.toml's [reports] tables say: they are in those services' own reports)
- lessons_status_CODE and lessons_status_CODE_name (CODE a status of resources/lessons_vocabulary.toml)

The counts are of learning points, not people, so they are never suppressed.
"""

from __future__ import annotations

from desktop_app.domain.formatting import Formatter, long_date
from desktop_app.domain.lessons import LessonsReport, LessonsVocabulary
from desktop_app.report.complaints_figures import NOT_RECORDED, Put

#: The counts of a LessonsReport, by figure name.
COUNTS = ("points", "new", "changed", "completed", "overdue", "done_before")


def lessons_figures(put: Put, report: LessonsReport | None, vocabulary: LessonsVocabulary) -> None:
    """Add the register's figures (`report` None: no register, or none of its dates by the report's)."""
    fmt = Formatter()
    for code, status in vocabulary.statuses.items():
        put(f"lessons_status_{code}_name", status.label)
    if report is None:
        for name in ("as_of", "previous", *COUNTS, "elsewhere", *(f"status_{code}" for code in vocabulary.statuses)):
            put(f"lessons_{name}", NOT_RECORDED)
        return
    put("lessons_as_of", long_date(report.as_of), report.as_of.isoformat(), "date")
    if report.previous is None:
        put("lessons_previous", NOT_RECORDED)
    else:
        put("lessons_previous", long_date(report.previous), report.previous.isoformat(), "date")
    for name in COUNTS:
        count = len(getattr(report, name))
        put(f"lessons_{name}", fmt.count(count), count, "count")
    put("lessons_elsewhere", fmt.count(report.elsewhere), report.elsewhere, "count")
    for code, count in report.counts(vocabulary).items():
        put(f"lessons_status_{code}", fmt.count(count), count, "count")
