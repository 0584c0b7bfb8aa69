"""What python-calamine does not tell about a sheet: hidden rows, formulas with no value, month cells.

calamine reads cached values fast but silently drops a formula cell whose
value was never calculated (a workbook saved by a script, or with manual
calculation), and does not say which rows are hidden. Both are facts a report
author must hear about, so the sheet's XML is scanned for them: a byte scan,
not a parse, because a 100,000-row sheet is tens of megabytes. The small
workbook.xml and its relationships are parsed with defusedxml, as is
styles.xml, for the date cells shown as a month ("May-23": a plan's milestone
means the month, not its first day, and calamine gives only the date).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_HIDDEN_ROW = re.compile(rb'<row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_FORMULA = re.compile(rb"<f[\s>/]")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3}\d+)"')
_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")
_STYLED_CELL = re.compile(rb"<c\b([^>]*\bs=\"\d+\"[^>]*)>")
_STYLE = re.compile(rb'\bs="(\d+)"')
# A number cell holding NaN or infinity (written by a script; Excel cannot): calamine reads it as a float,
# or in a date-formatted cell as 30/12/1899.
# (Cased by hand, not re.IGNORECASE, which would cost the regex its fast search for "<v>".)
_NON_FINITE = re.compile(rb"<v>\s*([+-]?(?:[nN][aA][nN]|[iI][nN][fF])[a-zA-Z]*)\s*</v>")


#: The most cells a sheet may span (its last row times its last column) before it is refused unread: reading
#: is dense, so a single cell at XFD1048576 would need 17 billion. 5 million is 100,000 rows by 50 columns.
MAX_SHEET_CELLS = 5_000_000
_CELL_AT = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')
# A reference past column Z or row 99,999: only then can a sheet span more than 2.6 million cells. (No \b
# before r: it would cost the regex its fast search for the literal start.)
_FAR_REFERENCE = re.compile(rb'r="(?=[A-Z]{2}|[A-Z]\d{6})([A-Z]{1,3})(\d{1,7})"')
#: Every other reference is within column Z and row 99,999.
_NEAR = (99_999, 26)


@dataclass
class SheetFacts:
    hidden_rows: set[int] = field(default_factory=set)  # Excel row numbers
    uncalculated_formulas: list[str] = field(default_factory=list)  # cell references, e.g. "C7"
    # (row, column) of the farthest cell, worked out where the far references could make the sheet too large
    last_cell: tuple[int, int] = (0, 0)
    too_large: str = ""  # why the sheet is refused unread, where it spans too many cells
    non_finite: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column), 0-based -> "NaN"
    month_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, column), 0-based: shown as "mmm-yy"

    @property
    def cells_spanned(self) -> int:
        return self.last_cell[0] * self.last_cell[1]


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the path of its XML inside the archive."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PACKAGE_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        parts[sheet.get("name")] = path
    return parts


def scan_sheet(xml: bytes | bytearray, month_styles: frozenset[bytes] = frozenset()) -> SheetFacts:
    """Hidden rows, uncalculated formula cells, NaN or infinite numbers, cells in a month style (`month_styles`:
    their style numbers) and the extent of one sheet's XML.

    Each fact is looked for in one pass of a fast search; the extent is worked out cell by cell only where
    the references past Z or row 99,999 leave the sheet possibly larger than MAX_SHEET_CELLS.
    """
    facts = SheetFacts()
    far = _FAR_REFERENCE.findall(xml)
    rows_at_most = max([_NEAR[0], *(int(row) for row in {row for _, row in far})])
    columns_at_most = max([_NEAR[1], *(_column_number(letters) for letters in {letters for letters, _ in far})])
    references = _CELL_AT.findall(xml) if rows_at_most * columns_at_most > MAX_SHEET_CELLS else []
    if references:
        rows = max(map(int, {row for _, row in references}))
        columns = max(_column_number(letters) for letters in {letters for letters, _ in references})
        facts.last_cell = (rows, columns)
        if facts.cells_spanned > MAX_SHEET_CELLS:
            facts.too_large = (
                f"has a cell as far as {letters_of(columns)}{rows}, so it spans {facts.cells_spanned:,} cells, more "
                f"than the {MAX_SHEET_CELLS:,} a return may; it was not read (delete the far rows and columns in "
                "Excel, or copy the table to a new sheet)"
            )
            return facts
    for match in _NON_FINITE.finditer(xml):
        reference = _CELL_AT.match(xml, max(0, xml.rfind(b"<c ", 0, match.start())))
        if reference:
            position = (int(reference.group(2)) - 1, _column_number(reference.group(1)) - 1)
            facts.non_finite[position] = match.group(1).decode()
    if month_styles:
        for match in _STYLED_CELL.finditer(xml):
            attributes = match.group(1)
            style, reference = _STYLE.search(attributes), _CELL_REF.search(attributes)
            if style and reference and style.group(1) in month_styles:
                letters = reference.group(1).rstrip(b"0123456789")
                row = int(reference.group(1)[len(letters) :])
                facts.month_cells.add((row - 1, _column_number(letters) - 1))
    for match in _HIDDEN_ROW.finditer(xml) if b'hidden="' in xml else ():
        number = _ROW_NUMBER.search(match.group(0))
        if number:
            facts.hidden_rows.add(int(number.group(1)))
    for match in _FORMULA.finditer(xml):
        start = xml.rfind(b"<c ", 0, match.start())
        end = xml.find(b"</c>", match.start())
        if start < 0 or end < 0:
            continue
        cell = xml[start:end]
        if not _VALUE.search(cell):
            reference = _CELL_REF.search(cell)
            if reference:
                facts.uncalculated_formulas.append(reference.group(1).decode())
    return facts


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def letters_of(column: int) -> str:
    """'XFD' for column 16384."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def month_styles(archive: zipfile.ZipFile) -> frozenset[bytes]:
    """The numbers of the cell styles (styles.xml's cellXfs) whose number format shows a month and year but no
    day ("mmm-yy", "mmmm yyyy"), as the sheets' XML writes them."""
    try:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return frozenset()
    codes = {17: "mmm-yy"}
    for number_format in styles.iter(f"{_MAIN}numFmt"):
        codes[int(number_format.get("numFmtId", "-1"))] = number_format.get("formatCode", "")
    found = set()
    cell_styles = next(styles.iter(f"{_MAIN}cellXfs"), None)
    for number, style in enumerate(cell_styles if cell_styles is not None else ()):
        if _is_month_format(codes.get(int(style.get("numFmtId", "0")), "")):
            found.add(str(number).encode())
    return frozenset(found)


def _is_month_format(code: str) -> bool:
    """'mmm-yy', 'mmmm yyyy': a month and a year, no day, no time (text in quotes and escapes ignored)."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code).casefold()
    return "m" in bare and "y" in bare and not any(letter in bare for letter in "dhs")


def scan_workbook(archive: zipfile.ZipFile, inflated: dict[str, bytearray] | None = None) -> dict[str, SheetFacts]:
    """SheetFacts per sheet name; a sheet whose XML cannot be found is left out. `inflated`: sheets' XML
    already inflated (by member name), read from the archive only where it is not there."""
    inflated = inflated or {}
    facts = {}
    months = month_styles(archive)
    for name, path in sheet_parts(archive).items():
        try:
            facts[name] = scan_sheet(inflated[path] if path in inflated else archive.read(path), months)
        except KeyError:
            continue
    return facts
