"""The tables of remedies, compensation and refused complaints, shared by the complaints reports.

Each function lays out one for a report.complaints.ComplaintsBuilder: the compensation paid by service with its total, the
remedies given by kind, and (the corporate report) the complaints refused by reason, each from the figures
of report.remedies_figures; where the log keeps no column for one, a note says so (never a table of zeros).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from desktop_app.domain.complaint_remedies import compliments_by_service, refusal_counts, remedy_type_counts
from desktop_app.report.complaints_figures import NOT_RECORDED, keys_of
from desktop_app.report.model import Block, Cell, CellKind, Note, Paragraph, Table
from desktop_app.report.remedies_figures import service_keys

if TYPE_CHECKING:  # the builder imports this module
    from desktop_app.report.complaints import ComplaintsBuilder

#: The table words every complaints report's text file holds for its remedies tables.
REMEDY_TABLE_WORDS = (
    "compensation_service",
    "compensation_payments",
    "compensation_amount",
    "compensation_total",
    "compensation_footnote",
    "compensation_none",
    "compensation_not_recorded_note",
    "remedy_type_heading",
    "remedy_type_number",
    "remedy_type_total",
    "remedy_type_none",
    "remedy_type_not_recorded_note",
)
#: The children's report's words for its table of compliments by service.
COMPLIMENT_TABLE_WORDS = (
    "compliments_service",
    "compliments_number",
    "compliments_total",
    "compliments_none",
    "compliments_not_recorded_note",
)
#: The corporate report's words for its table of refused complaints.
REFUSED_TABLE_WORDS = (
    "refused_reason",
    "refused_number",
    "refused_total",
    "refused_footnote",
    "refused_none",
    "refused_not_recorded_note",
)


def remedies_tables(report: ComplaintsBuilder) -> list[Block]:
    """The compensation paid by service (with the total), then the remedies given by kind."""
    return [*compensation_blocks(report), *remedy_type_blocks(report)]


def compensation_blocks(report: ComplaintsBuilder) -> list[Block]:
    if report.figures["compensation_total"] == NOT_RECORDED:
        return [Note(report.words("compensation_not_recorded_note"))]
    keys = service_keys(report.summary, report.text.procedures)
    if not keys:
        return [Paragraph(report.words("compensation_none"))]
    columns = [report.words(f"compensation_{word}") for word in ("service", "payments", "amount")]
    body = [
        report.numbers(
            report.figures[f"compensation_{key}_name"],
            report.named(f"compensation_{key}_payments", CellKind.COUNT),
            report.named(f"compensation_{key}_amount", CellKind.NUMBER),
        )
        for key in keys.values()
    ]
    total = [report.named("compensation_payments", CellKind.COUNT), report.named("compensation_total", CellKind.NUMBER)]
    body.append(report.numbers(report.words("compensation_total"), *total, bold=True))
    footnote = report.words("compensation_footnote")
    return [report.footnoted_table("compensation", columns, body, "compensation", footnote)]


def remedy_type_blocks(report: ComplaintsBuilder) -> list[Block]:
    counts = remedy_type_counts(report.summary, report.text.procedures)
    return _counted_by_code(report, "remedy", "remedy_type", "remedies_given", counts, "")


def refused_blocks(report: ComplaintsBuilder) -> list[Block]:
    """The complaints the council refused to accept, by reason (the complaint handling code, 8.1)."""
    counts = refusal_counts(report.summary, report.text.procedures)
    return _counted_by_code(report, "refused", "refused", "refused", counts, report.words("refused_footnote"))


def compliments_blocks(report: ComplaintsBuilder) -> list[Block]:
    """The compliments the log holds, by the service they were about, with their total."""
    counts = compliments_by_service(report.summary, report.text.procedures)
    if counts is None:
        return [Note(report.words("compliments_not_recorded_note"))]
    if not counts:
        return [Paragraph(report.words("compliments_none"))]
    columns = [report.words("compliments_service"), report.words("compliments_number")]
    body = [
        report.numbers(report.figures[f"compliments_{key}_name"], report.named(f"compliments_{key}", CellKind.COUNT))
        for key in keys_of(list(counts)).values()
    ]
    body.append(
        report.numbers(report.words("compliments_total"), report.named("compliments_logged", CellKind.COUNT), bold=True)
    )
    return [
        Table(
            "compliments",
            [[Cell(column) for column in columns]],
            body,
            "counted_by_code",
            total_rows=(len(body),),
            footnotes=report.suppression_notes(),
            caption=columns[0],
        )
    ]


def _counted_by_code(
    report: ComplaintsBuilder, prefix: str, words: str, total: str, counts: Mapping[str, int] | None, footnote: str
) -> list[Block]:
    """A table of counts by a vocabulary's codes with its total, or the note or sentence for none."""
    if counts is None:
        return [Note(report.words(f"{words}_not_recorded_note"))]
    if not counts:
        return [Paragraph(report.words(f"{words}_none"))]
    heading = "reason" if prefix == "refused" else "heading"
    columns = [report.words(f"{words}_{heading}"), report.words(f"{words}_number")]
    body = [
        report.numbers(report.figures[f"{prefix}_{code}_name"], report.named(f"{prefix}_{code}", CellKind.COUNT))
        for code in counts
    ]
    body.append(report.numbers(report.words(f"{words}_total"), report.named(total, CellKind.COUNT), bold=True))
    return [
        Table(
            words,
            [[Cell(column) for column in columns]],
            body,
            "counted_by_code",
            total_rows=(len(body),),
            footnotes=[note for note in (footnote, *report.suppression_notes()) if note],
            caption=columns[0],
            layout="table_kept_with_footnotes",
        )
    ]
