"""Importing a whole file: every sheet recognised by its header, read, and checked.

This is the one entry point the command line and the window use. A sheet's
kind comes from its header (or from the user, or from a mapping the user made
for a file of the same shape); each kind has its reader; everything found is a
Problem with file, sheet, row, column and value. A lessons-learned register's
sheet is read by excel/lessons.py, as `--lessons` reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.imports import ImportResult, MappingMemory, SheetImport
from desktop_app.domain.lessons import load_lessons_vocabulary, register_frame
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.domain.rules import ComplaintRules, load_rules
from desktop_app.domain.vocabulary import OwnWords, Vocabulary, load_vocabulary
from desktop_app.excel.complaints_log import parse_complaints_log
from desktop_app.excel.headers import (
    HEADER_SEARCH_ROWS,
    Header,
    ReturnsVocabulary,
    find_header,
    header_labels,
    load_returns_vocabulary,
    match_columns,
)
from desktop_app.excel.lessons import RegisterSheet, read_register_sheets
from desktop_app.excel.mappings import MappingFile
from desktop_app.excel.returns_reader import find_cross_tab, parse_cross_tab, parse_return
from desktop_app.excel.workbook import Sheet, Source, WorkbookError, open_source

Progress = Callable[[float, str], None]


class Importer:
    """Holds the vocabularies and rules, read once, and imports files with them."""

    def __init__(
        self,
        rules: ComplaintRules | None = None,
        vocabulary: Vocabulary | None = None,
        returns_vocabulary: ReturnsVocabulary | None = None,
        mappings: MappingMemory | None = None,
    ):
        self.rules = rules or load_rules()
        self.vocabulary = vocabulary or load_vocabulary()
        self.returns_vocabulary = returns_vocabulary or load_returns_vocabulary(self.vocabulary)
        self.mappings = mappings or MappingMemory()
        self.lessons_vocabulary = load_lessons_vocabulary()

    def import_file(
        self,
        path: Path,
        kinds: dict[str, ReturnKind | None] | None = None,
        progress: Progress | None = None,
        overrides: dict[str, dict[str, str]] | None = None,
    ) -> ImportResult:
        """Read every sheet; `kinds` sets a sheet's kind by name (None: not a return),
        `overrides` maps a sheet's header labels to fields (sheet -> label -> field)."""
        progress = progress or (lambda fraction, text: None)
        progress(0.0, f"Opening {Path(path).name}")
        return self.import_source(open_source(Path(path)), kinds, progress, overrides)

    def import_source(
        self,
        source: Source,
        kinds: dict[str, ReturnKind | None] | None = None,
        progress: Progress | None = None,
        overrides: dict[str, dict[str, str]] | None = None,
    ) -> ImportResult:
        """`import_file` of a file already read."""
        overrides = overrides or {}
        progress = progress or (lambda fraction, text: None)
        kinds = kinds or {}
        registers = {read.sheet.name: read for read in read_register_sheets(source, self.lessons_vocabulary)}
        sheets = []
        for number, sheet in enumerate(source.sheets):
            progress(0.3 + 0.7 * number / len(source.sheets), f"Reading sheet '{sheet.name}'")
            if sheet.name in registers and sheet.name not in kinds:
                sheets.append(_register_sheet(registers[sheet.name]))
                continue
            sheets.append(
                self._import_sheet(
                    source.provenance.file, sheet, kinds.get(sheet.name), sheet.name in kinds, overrides.get(sheet.name)
                )
            )
        return ImportResult(source.provenance, sheets)

    def _import_sheet(
        self, file: str, sheet: Sheet, kind: ReturnKind | None, chosen: bool, overrides: dict[str, str] | None = None
    ) -> SheetImport:
        if chosen and kind is None:
            return SheetImport(
                sheet.name,
                None,
                None,
                hidden=sheet.hidden,
                problems=[Problem(Severity.NOTE, "set aside by the user: not a return", file, sheet.name)],
            )
        if sheet.facts.too_large:
            return SheetImport(
                sheet.name,
                None,
                None,
                hidden=sheet.hidden,
                problems=[Problem(Severity.ERROR, f"the sheet {sheet.facts.too_large}", file, sheet.name)],
            )
        header = self._header(sheet, kind, overrides)
        if header is None:
            message = (
                "empty"
                if not any(any(c not in ("", None) for c in row) for row in sheet.rows)
                else f"not recognised as a return: no row in its first {HEADER_SEARCH_ROWS} names the columns of one"
            )
            likely = _likely_header(sheet)
            return SheetImport(
                sheet.name,
                None,
                likely[0] + 1 if likely else None,
                labels=likely[1] if likely else [],
                hidden=sheet.hidden,
                problems=[Problem(Severity.NOTE, message, file, sheet.name)],
            )
        if header.kind is ReturnKind.COMPLAINTS_LOG:
            frame, problems = parse_complaints_log(sheet, header, file, self.vocabulary, self.rules)
        elif header.kind is ReturnKind.CROSS_TAB:
            frame, problems = parse_cross_tab(sheet, header, file, self.returns_vocabulary)
        else:
            frame, problems = parse_return(sheet, header, file, self.returns_vocabulary)
        columns = {name: header.labels.get(position, "") for position, name in header.fields.items()}
        return SheetImport(
            sheet.name,
            header.kind,
            header.row_number,
            columns,
            [header.labels[p] for p in sorted(header.labels)],
            frame,
            _sheet_problems(file, sheet, header) + problems,
            sheet.hidden,
        )

    def _header(self, sheet: Sheet, kind: ReturnKind | None, overrides: dict[str, str] | None = None) -> Header | None:
        """The user's mapping, a remembered one, the vocabularies, then a plain table of counts."""
        if overrides and kind not in (None, ReturnKind.CROSS_TAB):
            header = find_header(sheet, self.returns_vocabulary, kind, overrides)
            if header:
                return header
        for index in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
            for two_rows in (False, True):
                labels = header_labels(sheet, index, two_rows)
                recalled = self.mappings.recall([labels[p] for p in sorted(labels)]) if len(labels) >= 2 else None
                if recalled and (kind is None or recalled[0] is kind):
                    remembered_kind, overrides = recalled
                    columns = self.returns_vocabulary.kinds[remembered_kind]
                    return Header(
                        remembered_kind, index, 2 if two_rows else 1, labels, match_columns(labels, columns, overrides)
                    )
        if kind is ReturnKind.CROSS_TAB:
            return find_cross_tab(sheet, self.returns_vocabulary)
        header = find_header(sheet, self.returns_vocabulary, kind)
        if header is None and kind is None:
            header = find_cross_tab(sheet, self.returns_vocabulary)
        return header


def _register_sheet(read: RegisterSheet) -> SheetImport:
    """A lessons-learned register's sheet as an import: its entries as a frame (domain.lessons.register_frame)."""
    return SheetImport(
        read.sheet.name,
        ReturnKind.LESSONS_REGISTER,
        read.header_row,
        read.columns,
        read.labels,
        register_frame(read.entries, read.sheet.name, read.rows),
        read.problems,
        read.sheet.hidden,
    )


def _likely_header(sheet: Sheet) -> tuple[int, list[str]] | None:
    """The first row with three or more labels: what a user would map by hand."""
    for index in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        labels = header_labels(sheet, index, False)
        if len(labels) >= 3 and all(isinstance(sheet.rows[index][p], str) for p in labels):
            return index, [labels[p] for p in sorted(labels)]
    return None


def _sheet_problems(file: str, sheet: Sheet, header: Header) -> list[Problem]:
    """What the sheet itself hides: hidden rows and sheets, formulas that were never calculated."""
    problems = []
    if sheet.hidden:
        problems.append(
            Problem(Severity.WARNING, "this sheet is hidden in Excel; it was read like the others", file, sheet.name)
        )
    hidden = sorted(row for row in sheet.facts.hidden_rows if row > header.row_number)
    for first, last in _runs(hidden):
        rows = f"row {first} is" if first == last else f"rows {first} to {last} are"
        problems.append(
            Problem(
                Severity.WARNING,
                f"{rows} hidden in Excel; read like the others: check they belong in the return",
                file,
                sheet.name,
                first,
            )
        )
    for cell in sheet.facts.uncalculated_formulas:
        row = int("".join(ch for ch in cell if ch.isdigit()))
        if row > header.row_number:
            problems.append(
                Problem(
                    Severity.WARNING,
                    "a formula with no calculated value (read as empty): open the workbook in Excel, let it calculate, and save it",
                    file,
                    sheet.name,
                    row,
                    "",
                    cell,
                )
            )
    return problems


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


@dataclass
class FileImport:
    """What became of one file the user asked to import."""

    path: str
    result: ImportResult | None = None
    error: str = ""  # why the file could not be read at all


def import_files(
    paths: list[str],
    mapping_file: str | None = None,
    own_words: OwnWords | None = None,
    progress: Progress | None = None,
) -> list[FileImport]:
    """Import several files; one that cannot be read does not stop the others. `own_words`: the council's
    own words the project keeps, so a word it has taught is not reported as unknown.

    A plain function of plain arguments, so it can run in a background process.
    """
    progress = progress or (lambda fraction, text: None)
    importer = Importer(
        vocabulary=load_vocabulary(own_words=own_words) if own_words else None,
        mappings=MappingFile(Path(mapping_file) if mapping_file else None),
    )
    imports = []
    for number, path in enumerate(paths):

        def file_progress(fraction: float, text: str, number: int = number) -> None:
            progress((number + fraction) / len(paths), text)

        try:
            imports.append(FileImport(path, importer.import_file(Path(path), progress=file_progress)))
        except WorkbookError as exc:
            imports.append(FileImport(path, error=str(exc)))
    progress(1.0, "Done")
    return imports
