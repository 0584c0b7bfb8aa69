"""Garbage, damaged archives and odd cells: the importer says one clear thing, never crashes or hangs."""

import datetime as dt
import io
import struct
import tracemalloc
import zipfile
import zlib

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.excel.importer import Importer
from desktop_app.excel.workbook import WorkbookError

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode() for n in range(1, 10)
    )
    + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    b"<si><t>&lol9;</t></si></sst>"
)


@pytest.fixture(scope="module")
def importer(rules, vocabulary):
    return Importer(rules, vocabulary)


def small_workbook_bytes(rows=(("ID", "Month", "Value"), ("A", "Jan-23", 1))) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rezip(
    data: bytes, replace: dict[str, bytes] | None = None, drop: set[str] = frozenset(), declared: int | None = None
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in drop:
                target.writestr(name, (replace or {}).get(name, source.read(name)))
    out = buffer.getvalue()
    if declared is not None:  # forge the central directory's uncompressed sizes
        out = out.replace(b"PK\x01\x02", b"PK\x01\x02", 1)
        archive = bytearray(out)
        position = archive.find(b"PK\x01\x02")
        while position >= 0:
            archive[position + 24 : position + 28] = declared.to_bytes(4, "little")
            position = archive.find(b"PK\x01\x02", position + 4)
        out = bytes(archive)
    return out


def shared_string_workbook() -> bytes:
    """A workbook whose one cell uses the shared strings table (the usual Excel layout)."""
    data = small_workbook_bytes()
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    )
    content_types = (
        zipfile.ZipFile(io.BytesIO(data))
        .read("[Content_Types].xml")
        .replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            b'spreadsheetml.sharedStrings+xml"/></Types>',
        )
    )
    return rezip(
        data,
        {
            "xl/worksheets/sheet1.xml": sheet,
            "[Content_Types].xml": content_types,
            "xl/sharedStrings.xml": BILLION_LAUGHS,
        },
    )


DAMAGED = {
    "empty": (b"", "is empty"),
    "random bytes": (bytes(range(256)) * 40, "is not an Excel workbook"),
    "truncated archive": (small_workbook_bytes()[:700], "is damaged"),
    "zip of something else": (
        rezip(small_workbook_bytes(), drop={"xl/workbook.xml"}),
        "is a zip archive but not an Excel workbook",
    ),
    "declared 4 GB": (rezip(small_workbook_bytes(), declared=4_000_000_000), "memory to read"),
    "sheet XML garbage": (
        rezip(small_workbook_bytes(), {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"}),
        "is damaged",
    ),
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_damaged_file_gives_one_clear_sentence(tmp_path, importer, name):
    data, reason = DAMAGED[name]
    path = tmp_path / "return.xlsx"
    path.write_bytes(data)
    with pytest.raises(WorkbookError) as raised:
        importer.import_file(path)
    message = str(raised.value)
    assert message.startswith("return.xlsx: ") and reason in message and "\n" not in message


def test_entity_expansion_is_not_performed(tmp_path, importer):
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(shared_string_workbook())
    try:
        result = importer.import_file(path)
    except WorkbookError as error:
        assert str(error).startswith("laughs.xlsx: ")
    else:
        assert len(repr([sheet.problems for sheet in result.sheets])) < 10_000  # not a billion "lol"s


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=0, max_size=3000), cut=st.integers(min_value=0, max_value=6000))
def test_garbage_and_cut_archives_raise_only_the_importers_error(tmp_path, importer, data, cut):
    for blob in (data, small_workbook_bytes()[:cut], b"PK\x03\x04" + data):
        path = tmp_path / "fuzz.xlsx"
        path.write_bytes(blob)
        try:
            importer.import_file(path)
        except WorkbookError as error:
            assert str(error).startswith("fuzz.xlsx: ")


CELLS = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["n/a", "-", "*", "1,234", "28%", "£2,703,204", "04/13/2022", "3 April 2022", "Total", "Stage 9"]),
)
HEADERS = [
    ["Complaint Ref", "Process", "Stage", "Date Received", "Date Responded", "Outcome", "Extension Agreed"],
    ["ID", "Indicator", "Period", "Value", "Good is", "Target", "England"],
    ["Area", "Age band", "Year", "Population"],
    ["Indicator", "Comparator", "Lower quartile", "Upper quartile"],
    ["Judgement", "Count", "%"],
    ["", "Received", "Upheld", "Total"],
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.sampled_from(HEADERS), rows=st.lists(st.lists(CELLS, min_size=1, max_size=8), max_size=12))
def test_odd_cells_under_every_header_are_problems_not_crashes(tmp_path, importer, header, rows):
    workbook = openpyxl.Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / "odd.xlsx"
    workbook.save(path)
    result = importer.import_file(path)
    for sheet in result.sheets:
        for problem in sheet.problems:
            assert problem.message and problem.sheet == sheet.sheet


# --- what is not a regular file, and an --out that names an input -----------------------------------


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_or_a_device_is_refused_at_once(tmp_path, importer, capsys):
    import os

    from desktop_app.cli import main

    fifo = tmp_path / "returns.csv"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever
    with pytest.raises(WorkbookError, match="returns.csv: is not a file of its own"):
        importer.import_file(fifo)
    endless = tmp_path / "log.xlsx"
    endless.symlink_to("/dev/zero")  # reading it would fill the memory
    assert main(["check", str(endless)]) == 2
    assert "log.xlsx: is not a file of its own" in capsys.readouterr().err


def test_out_naming_an_input_is_refused_and_the_workbook_is_kept(tmp_path, capsys):
    from desktop_app.cli import main
    from desktop_app.paths import SAMPLE_COMPLAINTS_LOG

    log = tmp_path / "log.xlsx"
    log.write_bytes(SAMPLE_COMPLAINTS_LOG.read_bytes())
    before = log.read_bytes()
    assert main(["report", "complaints", str(log), "--out", str(tmp_path / "." / "log.xlsx")]) == 2
    assert "--out log.xlsx is one of the files read (log.xlsx)" in capsys.readouterr().err
    assert log.read_bytes() == before


def test_indicators_on_a_file_with_no_indicator_sheet_says_so(tmp_path, capsys):
    from desktop_app.cli import main
    from desktop_app.paths import SAMPLE_COMPLAINTS_LOG

    assert main(["indicators", str(SAMPLE_COMPLAINTS_LOG)]) == 2
    error = capsys.readouterr().err
    assert "no sheet is an indicator return" in error and SAMPLE_COMPLAINTS_LOG.name in error


def test_a_far_cell_or_a_csv_wider_than_excel_is_refused_in_moments(tmp_path, importer):
    workbook = openpyxl.Workbook()
    workbook.active.append(["ID", "Month", "Value"])
    workbook.active["XFD1048576"] = "x"  # read densely, this cell alone would need 17 billion cells
    far = tmp_path / "far.xlsx"
    workbook.save(far)
    [sheet] = importer.import_file(far).sheets
    [problem] = sheet.problems
    assert "has a cell as far as XFD1048576" in problem.message and "it was not read" in problem.message
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{n}" for n in range(20_000)) + "\n" + ",".join("1" * 20_000) + "\n")
    with pytest.raises(WorkbookError, match="has 20,000 columns, more than the 16,384 Excel allows"):
        importer.import_file(wide)


def lying_shared_strings(inflated: int, declared: int = 1_000) -> bytes:
    """A workbook whose shared strings part inflates to `inflated` bytes (one huge valid string) while its
    headers say it holds `declared`, with the CRC of those first bytes, as a zip bomb does."""
    source = zipfile.ZipFile(io.BytesIO(shared_string_workbook()))
    start = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    step = b"A" * (1 << 20)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name != "xl/sharedStrings.xml":
                target.writestr(name, source.read(name))
        with target.open("xl/sharedStrings.xml", "w") as part:  # written in steps, never whole in memory
            part.write(start)
            for _ in range(inflated // len(step)):
                part.write(step)
            part.write(b"</t></si></sst>")
    archive = bytearray(buffer.getvalue())
    member = zipfile.ZipFile(io.BytesIO(bytes(archive))).getinfo("xl/sharedStrings.xml")
    forged = struct.pack("<L", zlib.crc32((start + step)[:declared]))
    for header, crc_at in ((member.header_offset, 14), (_central_entry(archive, member.filename), 16)):
        archive[header + crc_at : header + crc_at + 4] = forged
        archive[header + crc_at + 8 : header + crc_at + 12] = struct.pack("<L", declared)
    return bytes(archive)


def _central_entry(archive: bytearray, name: str) -> int:
    position = archive.find(b"PK\x01\x02")
    while archive[position + 46 : position + 46 + len(name)] != name.encode():
        position = archive.find(b"PK\x01\x02", position + 4)
    return position


def test_a_zip_member_that_lies_about_its_size_is_refused_with_bounded_memory(tmp_path, importer):
    data = lying_shared_strings(300_000_000)  # 300 MB inflated, declared as 1 KB
    assert len(data) < 1_000_000
    assert zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml")[:5] == b"<sst "  # the CRC passes
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        with pytest.raises(WorkbookError) as refused:
            importer.import_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(refused.value)
    assert message == (
        "bomb.xlsx: its part xl/sharedStrings.xml says it holds 1,000 bytes but inflates to more: the file is "
        "damaged or made to exhaust memory; it was not read"
    )
    assert peak < 30_000_000  # a few 1 MB steps, never the 300 MB
