"""The command line's writer: tables of a report model as aligned plain text.

The cells print the text the PDF prints (the same `Cell.text`), so a figure
reads the same on the terminal as in the committee paper; only the look
differs: **bold** marks are dropped, numbers are right-aligned, a heading that
spans columns is written over the first of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from desktop_app.domain.formatting import json_number
from desktop_app.domain.imports import Provenance
from desktop_app.domain.problems import Problem
from desktop_app.report.model import Document, Table

_BOLD = re.compile(r"\*\*(.+?)\*\*")
GAP = "  "


def plain(text: str) -> str:
    """Mark-up dropped: '**Corporate**: rules' -> 'Corporate: rules'."""
    return _BOLD.sub(r"\1", text).replace("\n", " ")


def table_text(table: Table) -> str:
    """`table` as lines of aligned columns, its footnotes under it."""
    rows = [[plain(text) for text in row] for row in table.texts()]
    covered = {
        (row, column)
        for span in table.spans
        for row in range(span.row, span.row + span.rows)
        for column in range(span.column, span.column + span.columns)
        if (row, column) != (span.row, span.column)
    }
    across = {(span.row, span.column): span.columns for span in table.spans if span.columns > 1}
    columns = max((len(row) for row in rows), default=0)
    widths = [0] * columns
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            if (number, column) not in covered and (number, column) not in across and number not in table.group_rows:
                widths[column] = max(widths[column], len(text))
    for (number, column), count in across.items():  # a heading over several columns widens the last of them
        room = sum(widths[column : column + count]) + len(GAP) * (count - 1)
        widths[column + count - 1] += max(0, len(rows[number][column]) - room)
    lines = []
    for number, row in enumerate(rows):
        if number in table.group_rows:
            lines.append(row[0])
            continue
        cells = []
        column = 0
        while column < len(row):
            count = across.get((number, column), 1)
            width = sum(widths[column : column + count]) + len(GAP) * (count - 1)
            shown = "" if (number, column) in covered else row[column]
            numeric = column > 0 and _numeric(table, number, column)
            cells.append(shown.rjust(width) if numeric and count == 1 else shown.ljust(width))
            column += count
        lines.append(GAP.join(cells).rstrip())
    lines += [plain(note) for note in table.footnotes]
    return "\n".join(lines)


def _numeric(table: Table, number: int, column: int) -> bool:
    """Whether a cell is right-aligned: a number, or a header over numbers (a header over a table with no
    body, too)."""
    if number >= len(table.header):
        return table.rows[number][column].kind.numeric
    below = [row[column] for row in table.body if column < len(row) and row[column].text]
    return not below or below[0].kind.numeric


def checked_text(problems: Sequence[Problem], tables: Iterable[Table]) -> str:
    """What `check` prints of a return after its first lines: its problems, then its appendix's tables."""
    lines = [f"{len(problems)} problems", *(f"  {problem}" for problem in problems)]
    for table in tables:
        lines += ["", table_text(table)]
    return "\n".join(lines)


def checked_json(
    schema: str, provenance: Provenance, problems: Sequence[Problem], document: Document | None, **more: object
) -> dict[str, object]:
    """`check --json` of a return: its schema, the file, what else it holds (`more`), its problems, and each
    figure of its appendix by name (its text as printed and its value)."""
    return {
        "schema": schema,
        "file": provenance.file,
        "sha256": provenance.sha256,
        **more,
        "problems": [problem.to_dict() for problem in problems],
        "figures": figures_json(document),
    }


def figures_json(document: Document | None) -> dict[str, dict[str, object]]:
    """Each figure of an appendix by name, for a command's --json: its text as printed and its value."""
    figures = document.figures if document is not None else {}
    return {
        name: {
            "text": figure.text,
            "value": figure.value if isinstance(figure.value, str) else json_number(figure.value),
        }
        for name, figure in figures.items()
    }
