"""The rules of a narrative board report kept as data: its table kinds and how a quote is held anonymous.

Read from resources/board_report.toml. A table of a board report is a sheet
of a workbook the author names; its header row says which kind it is (every
column of a kind, in any order, under one of its spellings). A quote's
attribution is name-like when a word of it starts with a capital and is not one
of the words that describe someone without naming them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.paths import RESOURCES

BOARD_RULES_FILE = RESOURCES / "board_report.toml"
LAYOUTS = ("table", "blocks")
#: The words the report prints around the author's ([words]).
WORDS = ("report_to", "meeting_date", "report_of", "appendix", "contents", "blank_page", "and", "none", "table_later")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class TableKind:
    """A kind of table: its columns in the order printed, the spellings of each, its layout and column
    shares of the text width (a 'blocks' layout: the label and text columns of each block)."""

    key: str
    columns: tuple[str, ...]
    spellings: dict[str, tuple[str, ...]]
    layout: str = "table"
    shares: tuple[float, ...] = ()
    block_caption: str = ""

    def column_of(self, header: str) -> str | None:
        """The column a header cell names, or None."""
        said = _plain(header)
        for column in self.columns:
            if said in {_plain(column), *(_plain(s) for s in self.spellings.get(column, ()))}:
                return column
        return None


@dataclass(frozen=True)
class BoardTable:
    """A table read from a sheet: its kind, where it came from, and its rows as text in the kind's column
    order (a cell's paragraphs kept, separated by a blank line)."""

    kind: TableKind
    file: str
    sheet: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class BoardRules:
    kinds: dict[str, TableKind]
    describing: frozenset[str]
    words: dict[str, str]

    def kind_of(self, header: list[str]) -> TableKind | None:
        """The kind whose every column the header names (the one with most columns where several do)."""
        found = [kind for kind in self.kinds.values() if all(kind.column_of(cell) for cell in header if cell)]
        found = [kind for kind in found if {kind.column_of(cell) for cell in header if cell} == set(kind.columns)]
        return max(found, key=lambda kind: len(kind.columns), default=None)

    def names_in(self, attribution: str) -> list[str]:
        """The words of a quote's attribution taken for a person's name ("Jess" of "Jess 13")."""
        return [
            word
            for word in _WORD.findall(attribution)
            if word[:1].isupper() and word.casefold().strip("'’") not in self.describing
        ]


@settings_file
def load_board_rules(path: Path = BOARD_RULES_FILE) -> BoardRules:
    """The table kinds and the quotes' describing words; a slip names the file and key."""
    data = read_toml(path)
    where = path.name
    kinds = {}
    for key, spec in data.get("tables", {}).items():
        columns = tuple(str(column) for column in spec.get("columns", ()))
        if not columns:
            raise ResourceFileError(f"{where}: [tables.{key}] columns must list the table's columns")
        layout = str(spec.get("layout", "table"))
        if layout not in LAYOUTS:
            raise ResourceFileError(f"{where}: [tables.{key}] layout must be one of {list(LAYOUTS)}, not {layout!r}")
        spellings = {str(column): tuple(str(s) for s in words) for column, words in spec.get("spellings", {}).items()}
        unknown = sorted(set(spellings) - set(columns))
        if unknown:
            raise ResourceFileError(f"{where}: [tables.{key}.spellings] {unknown[0]!r} is not one of its columns")
        shares = tuple(float(share) for share in spec.get("shares", ()))
        wanted = 2 if layout == "blocks" else len(columns)
        if shares and (len(shares) != wanted or abs(sum(shares) - 1) > 0.01):
            raise ResourceFileError(f"{where}: [tables.{key}] shares must be {wanted} shares adding up to 1")
        kinds[key] = TableKind(key, columns, spellings, layout, shares, str(spec.get("block_caption", "")))
    if not kinds:
        raise ResourceFileError(f"{where}: no [tables.KIND] is given")
    describing = frozenset(str(word).casefold() for word in data.get("quotes", {}).get("describing", ()))
    words = {str(key): str(value) for key, value in data.get("words", {}).items()}
    missing = [key for key in WORDS if not words.get(key, "").strip()]
    if missing:
        raise ResourceFileError(f"{where}: [words] {missing[0]} is missing")
    return BoardRules(kinds, describing, words)


def _plain(words: str) -> str:
    return re.sub(r"\s+", " ", str(words)).strip().casefold()
