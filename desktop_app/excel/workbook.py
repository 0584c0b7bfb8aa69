"""Opening a return (.xlsx, .xlsm or .csv) safely, into plain grids of cell values.

The file is read once into memory, so it is never locked or modified while the
user works, and its SHA-256 is taken from the same bytes the figures come from.
A file that cannot be read at all raises WorkbookError with one plain sentence.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineWorkbook

from desktop_app.domain.imports import Provenance
from desktop_app.excel.xlsx_parts import SheetFacts, scan_workbook

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
EXCEL_MAX_COLUMNS = 16_384  # column XFD: a CSV wider than a worksheet is refused
CSV_SUFFIXES = {".csv", ".txt"}
_OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
_ZIP_SIGNATURE = b"PK\x03\x04"
#: Limits that keep memory and time bounded on hostile files: a return is never
#: this large, and a "zip bomb" would otherwise take all of a laptop's memory.
MAX_FILE_BYTES = 300_000_000
MAX_INFLATED_BYTES = 1_000_000_000
MAX_RATIO = 200


class WorkbookError(Exception):
    """The file cannot be read as a return at all; the message says why, in plain English."""


@dataclass
class Sheet:
    """One sheet's cells as calamine reads them: row 0 is Excel's row 1, "" is empty."""

    name: str
    rows: list[list[object]]
    hidden: bool = False
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # 0-based, inclusive
    facts: SheetFacts = field(default_factory=SheetFacts)


@dataclass
class Source:
    provenance: Provenance
    sheets: list[Sheet]


def open_source(path: Path) -> Source:
    """Every sheet of a workbook, or the one table of a CSV file."""
    path = Path(path)
    data = _read_bytes(path)
    modified = path.stat().st_mtime
    provenance = Provenance(
        path.name,
        len(data),
        dt.datetime.fromtimestamp(modified).isoformat(timespec="seconds"),
        hashlib.sha256(data).hexdigest(),
    )
    if not data:
        raise WorkbookError(f"{path.name}: is empty")
    if data.startswith(_OLE_SIGNATURE):
        raise WorkbookError(_ole_reason(path.name, data))
    if data.startswith(_ZIP_SIGNATURE):
        return Source(provenance, _workbook_sheets(path.name, data))
    if path.suffix.lower() in CSV_SUFFIXES:
        return Source(provenance, [_csv_sheet(path, data)])
    raise WorkbookError(f"{path.name}: is not an Excel workbook (.xlsx or .xlsm) or a CSV file")


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise WorkbookError(f"{path.name}: no such file")
    if path.is_dir():
        raise WorkbookError(f"{path.name}: is a folder, not a workbook")
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would wait for ever, a device read without end
            raise WorkbookError(f"{path.name}: is not a file of its own (a pipe, device or socket); it was not read")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookError(f"{path.name}: is {size / 1e6:.0f} MB, far larger than any return; it was not read")
        return path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"{path.name}: cannot be opened ({exc.strerror or exc})") from exc


def _ole_reason(name: str, data: bytes) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (
            f"{name}: is password-protected; open it in Excel, remove the password "
            "(File > Info > Protect Workbook) and save a copy"
        )
    return f"{name}: is in the old Excel 97-2003 format; open it in Excel and save it as .xlsx"


def _workbook_sheets(name: str, data: bytes) -> list[Sheet]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError(f"{name}: is damaged or not an Excel workbook ({exc})") from exc
    inflated = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if inflated > MAX_INFLATED_BYTES or (inflated > 50_000_000 and inflated / packed > MAX_RATIO):
        raise WorkbookError(
            f"{name}: would take {inflated / 1e9:.1f} GB of memory to read, far more than a return needs; it was not read"
        )
    if "xl/workbook.xml" not in archive.namelist():
        raise WorkbookError(f"{name}: is a zip archive but not an Excel workbook")
    try:
        facts = scan_workbook(archive)
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        hidden = {meta.name for meta in workbook.sheets_metadata if not str(meta.visible).endswith("Visible")}
        sheets = []
        for sheet_name in workbook.sheet_names:
            sheet_facts = facts.get(sheet_name, SheetFacts())
            if sheet_facts.too_large:  # refused before calamine's dense read could take the memory
                sheets.append(Sheet(sheet_name, [], sheet_name in hidden, [], sheet_facts))
                continue
            sheet = workbook.get_sheet_by_name(sheet_name)
            sheets.append(
                Sheet(
                    sheet_name,
                    sheet.to_python(skip_empty_area=False),
                    sheet_name in hidden,
                    list(sheet.merged_cell_ranges or []),
                    sheet_facts,
                )
            )
        return sheets
    except WorkbookError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's errors and its panics (not Exceptions), zipfile and XML errors
        raise WorkbookError(f"{name}: is damaged and cannot be read ({type(exc).__name__}: {exc})") from exc


def _csv_sheet(path: Path, data: bytes) -> Sheet:
    """A CSV export from a case system: UTF-8 (with or without BOM) or Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything; latin-1 decodes everything
        text = data.decode("latin-1")
    if "\x00" in text:
        raise WorkbookError(f"{path.name}: is not a text (CSV) file")
    try:
        dialect = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    width = max((len(row) for row in rows), default=0)
    if width > EXCEL_MAX_COLUMNS:
        raise WorkbookError(
            f"{path.name}: has {width:,} columns, more than the {EXCEL_MAX_COLUMNS:,} Excel allows, so it is no "
            "return; it was not read"
        )
    return Sheet(path.stem, [row + [""] * (width - len(row)) for row in rows])
