"""Opening a return (.xlsx, .xlsm or .csv) safely, into plain grids of cell values.

The file is read once into memory, so it is never locked or modified while the
user works, and its SHA-256 is taken from the same bytes the figures come from.
A file that cannot be read at all raises WorkbookError with one plain sentence.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import hashlib
import io
import stat
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
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

    @functools.cached_property
    def grid(self) -> np.ndarray:
        """The cells as one two-dimensional array (rows by columns, short rows padded with ""), made once:
        the readers take whole columns of it."""
        widths = set(map(len, self.rows))
        grid = np.full((len(self.rows), max(widths, default=0)), "", dtype=object)
        if len(widths) == 1:  # as calamine and the CSV reader give them
            grid[:] = self.rows
        else:
            for number, row in enumerate(self.rows):
                grid[number, : len(row)] = row
        return grid


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


def opened(file: Path | Source) -> Source:
    """`file` read (a Source already read is taken as it is, so that a command reads each file once)."""
    return file if isinstance(file, Source) else open_source(Path(file))


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
    sheet_xml = _check_inflated_sizes(name, data, members)
    try:
        facts = scan_workbook(archive, sheet_xml)
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        hidden = {meta.name for meta in workbook.sheets_metadata if not str(meta.visible).endswith("Visible")}
        sheets = []
        for sheet_name in workbook.sheet_names:
            sheet_facts = facts.get(sheet_name, SheetFacts())
            if sheet_facts.too_large:  # refused before calamine's dense read could take the memory
                sheets.append(Sheet(sheet_name, [], sheet_name in hidden, [], sheet_facts))
                continue
            sheet = workbook.get_sheet_by_name(sheet_name)
            rows = sheet.to_python(skip_empty_area=False)
            sheets.append(
                Sheet(
                    sheet_name,
                    _finite(rows, sheet_facts.non_finite),
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


_INPUT_STEP, _OUTPUT_STEP = 1 << 16, 1 << 20
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then the name's and the extra field's lengths


def _check_inflated_sizes(name: str, data: bytes, members: list[zipfile.ZipInfo]) -> dict[str, bytearray]:
    """Every member inflates to exactly the size its header declares, within MAX_INFLATED_BYTES in all.

    The headers are the archive's own word: a member that declares 1 KB may inflate to gigabytes, and
    the spreadsheet library would inflate it all. So each member's deflate stream is inflated here in
    steps of 1 MB at most, with a running total, and the file is refused as soon as a member passes its declared
    size (or the total passes the bound), with memory held to one step beyond what is kept.

    Returns the worksheets' XML (by member name), kept as it is inflated, so the scan for what calamine does
    not tell (xlsx_parts) does not inflate it again; it is never more than the size its header declares.
    """
    total, whole, kept = 0, memoryview(data), {}
    for member in members:
        start = member.header_offset
        signature, name_length, extra_length = (
            _LOCAL_HEADER.unpack_from(data, start) if 0 <= start <= len(data) - _LOCAL_HEADER.size else (b"", 0, 0)
        )
        begin = start + _LOCAL_HEADER.size + name_length + extra_length
        packed = whole[begin : begin + member.compress_size]
        if signature != _ZIP_SIGNATURE or len(packed) != member.compress_size:
            raise WorkbookError(f"{name}: is damaged (its part {member.filename} is cut short); it was not read")
        keep = bytearray(member.file_size) if member.filename.startswith(WORKSHEETS) else None
        if member.compress_type == zipfile.ZIP_STORED:
            size = len(packed)
            if keep is not None and size == member.file_size:
                keep[:] = packed
        elif member.compress_type == zipfile.ZIP_DEFLATED:
            size = _inflated_size(packed, member.file_size + 1, keep)
            if size is None:
                raise WorkbookError(
                    f"{name}: is damaged (its part {member.filename} cannot be inflated); it was not read"
                )
        else:
            raise WorkbookError(
                f"{name}: its part {member.filename} is compressed in a way Excel never uses; it was not read"
            )
        total += size
        if size != member.file_size or total > MAX_INFLATED_BYTES:
            raise WorkbookError(
                f"{name}: its part {member.filename} says it holds {member.file_size:,} bytes but inflates to "
                f"{'more' if size > member.file_size else f'{size:,}'}: the file is damaged or made to exhaust "
                "memory; it was not read"
            )
        if keep is not None:
            kept[member.filename] = keep
    return kept


#: Where Excel keeps the worksheets' XML inside a workbook.
WORKSHEETS = "xl/worksheets/"


def _inflated_size(packed: memoryview, bound: int, keep: bytearray | None = None) -> int | None:
    """How many bytes a raw deflate stream inflates to, counting no further than `bound`; None if it is
    not deflate. The input goes in 64 KB at a time, so no step copies more than that. With `keep`, the
    bytes inflated are written into it as far as it reaches."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    try:
        for start in range(0, len(packed), _INPUT_STEP):
            pending: bytes | memoryview = packed[start : start + _INPUT_STEP]
            while pending and not inflater.eof:
                step = inflater.decompress(pending, _OUTPUT_STEP)
                if keep is not None and size + len(step) <= len(keep):
                    keep[size : size + len(step)] = step
                size += len(step)
                if size >= bound:
                    return size
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        rest = inflater.flush()
        if keep is not None and size + len(rest) <= len(keep):
            keep[size : size + len(rest)] = rest
        return size + len(rest)
    except zlib.error:
        return None


def _finite(rows: list[list[object]], words: dict[tuple[int, int], str]) -> list[list[object]]:
    """A number cell holding NaN or infinity keeps the word written in it, so the reader names the cell
    (calamine reads NaN as a blank, or in a date-formatted cell as 30/12/1899)."""
    for (row, column), word in words.items():
        if row < len(rows) and column < len(rows[row]):
            rows[row][column] = word
    return rows


#: Byte order marks, longest first (UTF-32's starts like UTF-16's). Excel's "Unicode Text" is UTF-16 LE with one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Separators a CSV may clearly use instead of the comma, and how much of the file shows which.
_OTHER_DELIMITERS = (";", "\t", "|")
_SAMPLE_CHARACTERS = 64_000


def _csv_sheet(path: Path, data: bytes) -> Sheet:
    """A CSV export from a case system or Excel: UTF-8, UTF-16 or UTF-32 with their byte order mark,
    else UTF-8 or Windows-1252; comma-separated as Excel writes it unless the file clearly uses another."""
    text = _decoded(data)
    if "\x00" in text:
        raise WorkbookError(f"{path.name}: is not a text (CSV) file")
    # A field may be as long as the file (a long note typed in one cell); never lower a limit set elsewhere.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=_delimiter(text))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise WorkbookError(f"{path.name}: cannot be read as CSV at line {reader.line_num} ({exc})") from exc
    width = max((len(row) for row in rows), default=0)
    if width > EXCEL_MAX_COLUMNS:
        raise WorkbookError(
            f"{path.name}: has {width:,} columns, more than the {EXCEL_MAX_COLUMNS:,} Excel allows, so it is no "
            "return; it was not read"
        )
    return Sheet(path.stem, [row + [""] * (width - len(row)) for row in rows])


def _decoded(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    for encoding in (*_utf16_without_bom(data), "utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # Windows-1252 leaves five bytes undefined; Latin-1 decodes everything


def _utf16_without_bom(data: bytes) -> tuple[str, ...]:
    """("utf-16-le",) or ("utf-16-be",) when the file's start is UTF-16 text without its byte order mark.

    Some case systems write that; as UTF-8 it would be a NUL after every letter. Text that is mostly
    ASCII has a zero byte in every other place, the odd places for little-endian, the even for big."""
    start = data[:4096]
    pairs = len(start) // 2
    if pairs < 2:
        return ()
    even_zeros, odd_zeros = start[0 : 2 * pairs : 2].count(0), start[1 : 2 * pairs : 2].count(0)
    if odd_zeros >= 0.4 * pairs and even_zeros <= 0.05 * pairs:
        return ("utf-16-le",)
    if even_zeros >= 0.4 * pairs and odd_zeros <= 0.05 * pairs:
        return ("utf-16-be",)
    return ()


def _delimiter(text: str) -> str:
    """The comma (the standard dialect, doubled quotes inside quoted fields: csv.excel), unless the start
    of the file splits more consistently on a semicolon, tab or pipe.

    csv.Sniffer is not used: it guesses the quoting too, and took `"He said ""no"" twice"` apart."""
    sample = text[:_SAMPLE_CHARACTERS]
    cut = len(text) > len(sample)

    def consistency(delimiter: str) -> float:
        """The share of the sample's records with the field count most of them have (0 for one field)."""
        try:
            records = list(csv.reader(io.StringIO(sample, newline=None), delimiter=delimiter))
        except csv.Error:
            return 0.0
        if cut and len(records) > 1:
            records.pop()  # cut short by the sample's end
        widths = Counter(len(record) for record in records if any(field.strip() for field in record))
        if not widths:
            return 0.0
        width, count = widths.most_common(1)[0]
        return count / sum(widths.values()) if width >= 2 else 0.0

    shares = {delimiter: consistency(delimiter) for delimiter in (",", *_OTHER_DELIMITERS)}
    best = max(shares, key=lambda delimiter: shares[delimiter])  # the comma first among equals
    return best if shares[best] >= 0.9 and shares[best] > shares[","] else ","
