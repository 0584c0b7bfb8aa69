"""The lessons-learned register's part of a complaints report: the register, then what changed since the
last report.

After the words of the section each report keeps it in (the children's "learning", the adults' and the
corporate "improvements"): a sentence of the register's counts, the table of its points (reference,
learning point, action, owner as a role, due date, status, an overdue one marked), and what changed since
the register's reporting date before: the points new to it and those whose status moved, as a table with a
sentence of the counts. Each report prints only its own services' points (the builder's `regime`, and
resources/lessons_vocabulary.toml's [reports] tables): a footnote under the register says how many points
about other services were left out for their own reports. Figures from report.lessons_figures; words from
the report's text file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.formatting import long_date
from desktop_app.domain.lessons import LessonEntry, LessonsReport, is_overdue
from desktop_app.report.model import Block, Cell, CellKind, Heading, Note, Paragraph, Table

if TYPE_CHECKING:  # the builder imports this module
    from desktop_app.report.complaints import ComplaintsBuilder

#: The table words every complaints report's text file holds for the register.
LESSONS_TABLE_WORDS = (
    "lessons_summary",
    "lessons_none",
    "lessons_heading",
    "lessons_reference",
    "lessons_learning",
    "lessons_action",
    "lessons_owner",
    "lessons_due",
    "lessons_status",
    "lessons_not_written",
    "lessons_overdue",
    "lessons_footnote",
    "lessons_done_before_note",
    "lessons_elsewhere_note",
    "lessons_first_report",
    "lessons_changes_heading",
    "lessons_changes_summary",
    "lessons_changes_none",
    "lessons_change_before",
    "lessons_change_now",
    "lessons_change_new",
)
_POINT_COLUMNS = ("reference", "learning", "action", "owner", "due", "status")


def lessons_blocks(report: ComplaintsBuilder) -> list[Block]:
    """The register and its changes; nothing where the report was given no register."""
    if report.lessons is None:
        return []
    lessons = report.lessons_report
    if lessons is None:
        return [Paragraph(report.words("lessons_none"))]
    blocks = [*_sentence(report, "lessons_summary"), _points_table(report, lessons)] if lessons.points else []
    if lessons.elsewhere and not lessons.points:  # no table to carry the footnote
        blocks.append(Note(report.words("lessons_elsewhere_note")))
    if lessons.done_before:
        blocks.append(Note(report.words("lessons_done_before_note")))
    if lessons.previous is None:
        return [*blocks, Paragraph(report.words("lessons_first_report"))]
    blocks.append(Heading(report.words("lessons_changes_heading"), level=2, in_contents=False, keep_with_next=True))
    if not (lessons.new or lessons.changed):
        return [*blocks, *_sentence(report, "lessons_changes_none")]
    return [*blocks, *_sentence(report, "lessons_changes_summary", keep=True), _changes_table(report, lessons)]


def _sentence(report: ComplaintsBuilder, key: str, keep: bool = False) -> list[Block]:
    """A sentence of the register's counts, naming the live figures it holds (`keep`: on the page of the
    table after it)."""
    return report.prose(report.text.words(key), f"[tables] {key}", keep=keep)


def _points_table(report: ComplaintsBuilder, lessons: LessonsReport) -> Table:
    vocabulary = report.lessons_vocabulary
    blank = report.words("lessons_not_written")
    body = []
    for point in lessons.points:
        status = vocabulary.statuses[point.status].label
        if is_overdue(point, vocabulary, lessons.as_of):
            status = f"{status} ({report.words('lessons_overdue')})"
        body.append(
            [
                Cell(point.reference),
                Cell(_learning(point)),
                Cell(point.action or blank),
                Cell(point.owner or blank),
                Cell(long_date(point.due) if point.due else blank, CellKind.TEXT),
                Cell(status),
            ]
        )
    columns = [report.words(f"lessons_{word}") for word in _POINT_COLUMNS]
    return Table(
        "lessons",
        [[Cell(column) for column in columns]],
        body,
        "lessons",
        footnotes=[
            report.words("lessons_footnote"),
            *([report.words("lessons_elsewhere_note")] if lessons.elsewhere else []),
        ],
        caption=columns[1],
        layout="small_top",
        heading=report.words("lessons_heading"),  # kept with the first rows; the table may run on
    )


def _changes_table(report: ComplaintsBuilder, lessons: LessonsReport) -> Table:
    """The points new since the last report, then those whose status moved: as they were, as they are."""
    labels = {code: status.label for code, status in report.lessons_vocabulary.statuses.items()}
    new = report.words("lessons_change_new")
    rows = [(point, new) for point in lessons.new]
    rows += [(change.after, labels[change.before.status]) for change in lessons.changed]
    body = [
        [Cell(point.reference), Cell(_learning(point)), Cell(before), Cell(labels[point.status])]
        for point, before in rows
    ]
    columns = [
        report.words("lessons_reference"),
        report.words("lessons_learning"),
        report.words("lessons_change_before"),
        report.words("lessons_change_now"),
    ]
    return Table(
        "lessons_changes",
        [[Cell(column) for column in columns]],
        body,
        "lessons_changes",
        caption=columns[1],
        layout="table_kept_with_footnotes",
    )


def _learning(point: LessonEntry) -> str:
    """The learning point, after its service where the register names one."""
    return f"**{point.service}**: {point.learning}" if point.service else point.learning
