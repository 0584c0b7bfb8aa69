"""Opening a workbook safely, with a plain reason when it cannot be opened."""

from __future__ import annotations

import zipfile
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
_ZIP_SIGNATURE = b"PK\x03\x04"
#: A workbook inflating to more than this, or by more than this ratio, is refused
#: before any reader sees it (a "zip bomb" would take all the laptop's memory).
MAX_INFLATED_BYTES = 1_000_000_000
MAX_RATIO = 200


class WorkbookError(Exception):
    """The file cannot be read as a workbook at all; the message says why, in plain English."""


def open_workbook(path: Path) -> CalamineWorkbook:
    """Open .xlsx/.xlsm for reading values (cached formula results; macros never run)."""
    path = Path(path)
    if not path.exists():
        raise WorkbookError(f"{path.name}: no such file")
    if path.is_dir():
        raise WorkbookError(f"{path.name}: is a folder, not a workbook")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookError(f"{path.name}: cannot be opened ({exc.strerror})") from exc
    if head.startswith(_OLE_SIGNATURE):
        raise WorkbookError(_ole_reason(path))
    if not head.startswith(_ZIP_SIGNATURE):
        raise WorkbookError(f"{path.name}: is not an Excel workbook (.xlsx or .xlsm)")
    _check_inflated_size(path)
    try:
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise WorkbookError(f"{path.name}: is damaged or not an Excel workbook ({exc})") from exc


def _ole_reason(path: Path) -> str:
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        return f"{path.name}: is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and save a copy"
    return f"{path.name}: is in the old Excel 97-2003 format; open it in Excel and save it as .xlsx"


def _check_inflated_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookError(f"{path.name}: is damaged or not an Excel workbook ({exc})") from exc
    inflated = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if inflated > MAX_INFLATED_BYTES or (inflated > 50_000_000 and inflated / packed > MAX_RATIO):
        raise WorkbookError(
            f"{path.name}: would take {inflated / 1e9:.1f} GB of memory to read, far more than a return needs; it was not read"
        )
