"""What python-calamine does not tell about a sheet: hidden rows and formulas with no value.

calamine reads cached values fast but silently drops a formula cell whose
value was never calculated (a workbook saved by a script, or with manual
calculation), and does not say which rows are hidden. Both are facts a report
author must hear about, so the sheet's XML is scanned for them: a byte scan,
not a parse, because a 100,000-row sheet is tens of megabytes. The small
workbook.xml and its relationships are parsed with defusedxml.
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


@dataclass
class SheetFacts:
    hidden_rows: set[int] = field(default_factory=set)  # Excel row numbers
    uncalculated_formulas: list[str] = field(default_factory=list)  # cell references, e.g. "C7"


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


def scan_sheet(xml: bytes) -> SheetFacts:
    """Hidden rows and uncalculated formula cells of one sheet's XML."""
    facts = SheetFacts()
    for match in _HIDDEN_ROW.finditer(xml):
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


def scan_workbook(archive: zipfile.ZipFile) -> dict[str, SheetFacts]:
    """SheetFacts per sheet name; a sheet whose XML cannot be found is left out."""
    facts = {}
    for name, path in sheet_parts(archive).items():
        try:
            facts[name] = scan_sheet(archive.read(path))
        except KeyError:
            continue
    return facts
