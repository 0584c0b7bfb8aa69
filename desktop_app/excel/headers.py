"""Recognising what a sheet is by its header, wherever the header is.

Real returns put titles, notes and logos above the header, and split a header
over two rows ("Statutory Children's Complaints" merged over "Number received |
Number upheld"). The first HEADER_SEARCH_ROWS rows are tried as a one-row
header and, with the row above, as a two-row one; every return kind's column
names (resources/returns_vocabulary.toml, resources/complaints_vocabulary.toml)
are matched, and the kind that names the most of its fields wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.returns import RETURN_FIELDS, ReturnKind
from desktop_app.domain.vocabulary import Vocabulary, add_spellings, normalise
from desktop_app.excel.workbook import Sheet
from desktop_app.paths import RESOURCES

HEADER_SEARCH_ROWS = 30
DEFAULT_RETURNS_VOCABULARY = RESOURCES / "returns_vocabulary.toml"


@dataclass(frozen=True)
class KindColumns:
    """The column names one kind of return may use."""

    kind: ReturnKind
    names: dict[str, str]  # normalised header -> field
    required: frozenset[str]
    first_column: str | None = None  # a field the first column holds whatever its header says


@dataclass(frozen=True)
class ReturnsVocabulary:
    kinds: dict[ReturnKind, KindColumns]
    values: dict[str, dict[str, str]]  # kind of value -> normalised spelling -> code
    not_summed: tuple[str, ...]  # header words of columns a TOTAL row does not sum

    def code(self, kind: str, text: object) -> str | None:
        return self.values.get(kind, {}).get(normalise(text))


@settings_file
def load_returns_vocabulary(complaints: Vocabulary, path: Path = DEFAULT_RETURNS_VOCABULARY) -> ReturnsVocabulary:
    """Every kind's column names; the complaints log's come from its own vocabulary."""
    data = read_toml(path)
    kinds = {
        ReturnKind.COMPLAINTS_LOG: KindColumns(
            ReturnKind.COMPLAINTS_LOG, dict(complaints.columns), frozenset(complaints.required_columns)
        )
    }
    for code, spec in data.get("kinds", {}).items():
        try:
            kind = ReturnKind(code)
        except ValueError:
            raise ResourceFileError(f"{path.name}: [kinds.{code}] is not a kind of return") from None
        known = {f.name for f in RETURN_FIELDS[kind]}
        names: dict[str, str] = {}
        for field_name, spellings in spec.get("columns", {}).items():
            if field_name not in known:
                raise ResourceFileError(f"{path.name}: [kinds.{code}.columns]: '{field_name}' is not a field of {code}")
            add_spellings(names, path.name, f"[kinds.{code}.columns]", field_name, spellings)
        required = frozenset(f.name for f in RETURN_FIELDS[kind] if f.required)
        kinds[kind] = KindColumns(kind, names, required, spec.get("first_column"))
    values = {
        kind: {_value_key(kind, spelling): code for code, spellings in codes.items() for spelling in spellings}
        for kind, codes in data.get("values", {}).items()
        if kind != "not_summed"
    }
    not_summed = tuple(word.casefold() for word in data.get("values", {}).get("not_summed", {}).get("words", []))
    return ReturnsVocabulary(kinds, values, not_summed)


#: Kinds of value whose words are mostly punctuation or symbols ("-", "*", "▲"), so they match as typed (ignoring
#: case and the spaces around), not normalised.
AS_TYPED = ("missing", "arrow")


def typed_key(spelling: object) -> str:
    return str(spelling).strip().casefold()


def _value_key(kind: str, spelling: str) -> str:
    return typed_key(spelling) if kind in AS_TYPED else normalise(spelling)


#: A header must name at least this many of a kind's fields (one column alone says little).
MIN_FIELDS = 2


@dataclass
class Header:
    """Where a sheet's header is and which column holds which field."""

    kind: ReturnKind | None
    index: int  # 0-based row of the header's last row; data starts below it
    rows: int  # 1, or 2 for a header split over two rows
    labels: dict[int, str]  # column position -> header as written (two rows joined by " / ")
    fields: dict[int, str] = field(default_factory=dict)  # column position -> field

    @property
    def row_number(self) -> int:
        """The header's last row as Excel numbers it."""
        return self.index + 1

    def column_of(self, field_name: str) -> int | None:
        return next((position for position, name in self.fields.items() if name == field_name), None)


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def header_labels(sheet: Sheet, index: int, two_rows: bool) -> dict[int, str]:
    """Column position -> label, joining a group label from the row above where asked."""
    row = sheet.rows[index]
    labels = {position: text for position, cell in enumerate(row) if (text := _text(cell))}
    groups = _group_labels(sheet, index, len(row)) if two_rows and index > 0 else {}
    return {
        position: f"{groups[position]} / {label}" if groups.get(position, label) != label else label
        for position, label in labels.items()
    }


def _group_labels(sheet: Sheet, index: int, width: int) -> dict[int, str]:
    """Group labels in the row above a header, spread over the columns each covers.

    A label covers its merged range; in a sheet without merged cells, the empty
    cells to its right, but only where the row holds two or more labels (a lone
    title above a header is not a group label).
    """
    above = sheet.rows[index - 1]
    texts = {position: text for position, cell in enumerate(above) if (text := _text(cell))}
    merged = {start[1]: end[1] for start, end in sheet.merged if start[0] == index - 1}
    if merged:
        return {
            position: text for start, text in texts.items() for position in range(start, merged.get(start, start) + 1)
        }
    if len(texts) < 2:
        return {}
    starts = sorted(texts)
    ends = [*starts[1:], width]
    return {position: texts[start] for start, end in zip(starts, ends) for position in range(start, end)}


def match_columns(
    labels: dict[int, str],
    columns: KindColumns,
    overrides: dict[str, str] | None = None,
    forms: dict[int, tuple[str, str]] | None = None,
) -> dict[int, str]:
    """Column position -> field; a label may match as written or by its last part (below a group label).

    `forms`: each label's normalised readings (`label_forms`), worked out once by a caller that matches
    the same labels against many kinds; it may leave out the labels no kind knows."""
    overrides = {normalise(label): name for label, name in (overrides or {}).items()}
    forms = label_forms(labels) if forms is None else forms
    fields: dict[int, str] = {}
    for position, candidates in sorted(forms.items()):
        name = next(
            (overrides.get(c) or columns.names.get(c) for c in candidates if overrides.get(c) or columns.names.get(c)),
            None,
        )
        if name and name not in fields.values():
            fields[position] = name
    if columns.first_column and columns.first_column not in fields.values() and labels:
        first = min(labels)
        if first not in fields:
            fields[first] = columns.first_column
    return fields


def label_forms(labels: dict[int, str], known: set[str] | None = None) -> dict[int, tuple[str, str]]:
    """Each label's normalised readings (as written, and its last part below a group label); with `known`,
    only the labels one of whose readings is a known name (linear in the labels, once for every kind)."""
    forms = {position: (normalise(label), normalise(label.rsplit(" / ", 1)[-1])) for position, label in labels.items()}
    if known is None:
        return forms
    return {position: pair for position, pair in forms.items() if pair[0] in known or pair[1] in known}


def find_header(
    sheet: Sheet,
    vocabulary: ReturnsVocabulary,
    kind: ReturnKind | None = None,
    overrides: dict[str, str] | None = None,
) -> Header | None:
    """The best header of the sheet for any kind (or for `kind` only), or None.

    The header naming the most fields wins; at a tie the higher row wins, and a
    two-row reading of the same row beats the one-row reading (its labels say more).
    """
    best: Header | None = None
    kinds = [vocabulary.kinds[kind]] if kind else list(vocabulary.kinds.values())
    known = {name for columns in kinds for name in columns.names} | {normalise(label) for label in overrides or {}}
    for index in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        one_row = header_labels(sheet, index, False)
        two_rows = header_labels(sheet, index, True)
        readings = [(1, one_row)] + ([(2, two_rows)] if two_rows != one_row else [])
        for rows, labels in readings:
            if len(labels) < 2:
                continue
            forms = label_forms(labels, known)
            for columns in kinds:
                fields = match_columns(labels, columns, overrides, forms)
                if not columns.required <= set(fields.values()) or len(fields) < MIN_FIELDS:
                    continue
                better = (
                    best is None
                    or len(fields) > len(best.fields)
                    or (len(fields) == len(best.fields) and index == best.index and rows > best.rows)
                )
                if better:
                    best = Header(columns.kind, index, rows, labels, fields)
    return best


def nearest_miss(sheet: Sheet, vocabulary: ReturnsVocabulary, kind: ReturnKind) -> tuple[int, list[str]] | None:
    """Where a sheet comes closest to a header of `kind`, and which required fields it lacks."""
    columns = vocabulary.kinds[kind]
    best: tuple[int, list[str]] | None = None
    for index in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        fields = set(match_columns(header_labels(sheet, index, False), columns).values())
        missing = sorted(columns.required - fields)
        if len(fields & columns.required) >= 2 and (best is None or len(missing) < len(best[1])):
            best = (index, missing)
    return best
