"""A board report's table read from the sheet its source names (training, services, prompts, findings).

The sheet's first row with anything in it is its header, and says the table's
kind (domain.board_report); every row under it with anything in it is a row of
the table, its cells as text: a date as the papers write it, a cell's lines and
paragraphs as typed. A sheet that is not there, or a header that is no kind,
is a BoardTableError naming the file, sheet and row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.domain.board_report import BoardRules, BoardTable
from desktop_app.domain.formatting import long_date
from desktop_app.excel.workbook import Source, WorkbookError, open_source


class BoardTableError(WorkbookError):
    """A table the report names cannot be read: the file, sheet, row and what is wrong."""


def read_board_table(source: Source | Path, sheet_name: str, rules: BoardRules) -> BoardTable:
    """The table on `sheet_name` of `source` (an open workbook, or its path)."""
    workbook = source if isinstance(source, Source) else open_source(source)
    file = workbook.provenance.file
    sheets = {sheet.name.strip().casefold(): sheet for sheet in workbook.sheets}
    sheet = sheets.get(sheet_name.strip().casefold())
    if sheet is None:
        names = ", ".join(f"'{s.name}'" for s in workbook.sheets)
        raise BoardTableError(f"{file}: has no sheet '{sheet_name}' (its sheets: {names})")
    rows = [[cell_text(value) for value in row] for row in sheet.rows]
    filled = [number for number, row in enumerate(rows) if any(row)]
    if not filled:
        raise BoardTableError(f"{file}, sheet '{sheet.name}': is empty")
    header_at = filled[0]
    header = rows[header_at]
    kind = rules.kind_of(header)
    if kind is None:
        shown = " | ".join(cell for cell in header if cell)
        kinds = "; ".join(" | ".join(k.columns) for k in rules.kinds.values())
        raise BoardTableError(
            f"{file}, sheet '{sheet.name}', row {header_at + 1}: the header {shown!r} is no kind of table "
            f"the report knows ({kinds})"
        )
    positions = {kind.column_of(cell): number for number, cell in enumerate(header) if cell}
    body = []
    for number in filled[1:]:
        row = rows[number]
        body.append(tuple(row[positions[column]] if positions[column] < len(row) else "" for column in kind.columns))
    if not body:
        raise BoardTableError(f"{file}, sheet '{sheet.name}': has a header on row {header_at + 1} but no rows under it")
    return BoardTable(kind, file, sheet.name, tuple(body))


def cell_text(value: object) -> str:
    """A cell as the report prints it: a date '12 March 2021', a whole number without '.0', lines kept."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()
