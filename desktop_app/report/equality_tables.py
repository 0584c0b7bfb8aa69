"""The equality monitoring table and the table of councillors' and MPs' enquiries by ward, shared by the
complaints reports: each lays out, for a report.complaints.ComplaintsBuilder, the figures of
report.equality_figures; where the log keeps no column for one, a note says so (never a table of zeros).

A report prints them in its sections `equality` and `enquiries`, where its text file has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.complaints import ENQUIRIES
from desktop_app.domain.equality import CHARACTERISTICS, NOT_RECORDED
from desktop_app.report.complaints_figures import NOT_RECORDED as FIGURE_NOT_RECORDED
from desktop_app.report.equality_figures import ADDRESS_NOT_KNOWN, ward_keys
from desktop_app.report.model import Block, Cell, CellKind, Note, Paragraph, Table

if TYPE_CHECKING:  # the builder imports this module
    from desktop_app.report.complaints import ComplaintsBuilder

#: The words a text file holds for its equality table, where it has the section.
EQUALITY_TABLE_WORDS = (
    "equality_group",
    "equality_number",
    "equality_share",
    *(f"equality_{name}" for name in CHARACTERISTICS),
    "equality_not_recorded",
    "equality_footnote",
    "equality_not_recorded_note",
)
#: The words a text file holds for its table of enquiries by ward, where it has the section.
ENQUIRY_TABLE_WORDS = (
    "enquiries_ward",
    *(f"enquiries_{kind}" for kind in ENQUIRIES),
    "enquiries_total",
    "enquiries_all_wards",
    "enquiries_address_not_known",
    "enquiries_footnote",
    "enquiries_none",
    "enquiries_not_recorded_note",
)


def equality_blocks(report: ComplaintsBuilder) -> list[Block]:
    """The Stage 1 complaints by each characteristic the log keeps: a heading row per characteristic, a row
    per group with its number and share, and those not recorded (a long table: it runs on over a page, its
    header repeated)."""
    if report.figures["equality_recorded"] == FIGURE_NOT_RECORDED:
        return [Note(report.words("equality_not_recorded_note"))]
    columns = [report.words(f"equality_{word}") for word in ("group", "number", "share")]
    body: list[list[Cell]] = []
    group_rows = []
    for characteristic in CHARACTERISTICS:
        prefix = f"equality_{characteristic}_"
        codes = [name[len(prefix) : -len("_name")] for name in report.figures if _is_name(name, prefix)]
        if not codes:
            continue
        group_rows.append(1 + len(body))
        body.append([Cell(report.words(f"equality_{characteristic}")), Cell(), Cell()])
        for code in codes:
            label = (
                report.words("equality_not_recorded")
                if code == NOT_RECORDED
                else report.figures[f"{prefix}{code}_name"]
            )
            body.append(
                report.numbers(
                    label,
                    report.named(f"{prefix}{code}", CellKind.COUNT),
                    report.named(f"{prefix}{code}_pct", CellKind.PERCENT),
                )
            )
    return [
        Table(
            "equality",
            [report.header(*columns)],
            body,
            "complainants",
            group_rows=tuple(group_rows),
            footnotes=[report.words("equality_footnote")],
            caption=columns[0],
        )
    ]


def _is_name(name: str, prefix: str) -> bool:
    return name.startswith(prefix) and name.endswith("_name")


def enquiry_blocks(report: ComplaintsBuilder) -> list[Block]:
    """The councillors' and MPs' enquiries by ward, those whose address is not known last, and their total."""
    if report.figures["enquiries"] == FIGURE_NOT_RECORDED:
        return [Note(report.words("enquiries_not_recorded_note"))]
    keys = ward_keys(report.summary, report.text.procedures)
    if not keys:
        return [Paragraph(report.words("enquiries_none"))]
    columns = [report.words(f"enquiries_{word}") for word in ("ward", *ENQUIRIES, "total")]
    body = []
    for key in keys.values():
        prefix = f"enquiries_{key}"
        known = key != ADDRESS_NOT_KNOWN
        label = report.figures[f"{prefix}_name"] if known else report.words("enquiries_address_not_known")
        counts = [report.named(f"{prefix}_{column}", CellKind.COUNT) for column in (*ENQUIRIES, "total")]
        body.append(report.numbers(label, *counts))
    total = [report.named(name, CellKind.COUNT) for name in (*(f"enquiries_{kind}" for kind in ENQUIRIES), "enquiries")]
    body.append(report.numbers(report.words("enquiries_all_wards"), *total, bold=True))
    return [report.footnoted_table("enquiries", columns, body, "enquiries", report.words("enquiries_footnote"))]
