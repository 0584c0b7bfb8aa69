"""The required-contents check: what the regulations, statutory guidance and the Ombudsman's code ask each
annual complaints report to contain, checked against the report as built.

The list is data (resources/complaints_required_contents.toml: each item with its source and the section
that holds it); an item is there when its section holds one of its tables, when the figure it needs is
recorded, or, for a part the author writes, when the section has words and no [prompt] is left in it (an
item `written` as well as its tables is there by either: the lessons register's table, or the author's words).
report.proof turns each item not there into a finding, so the proof before an export names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.paths import RESOURCES
from desktop_app.report.complaints_figures import NOT_RECORDED
from desktop_app.report.model import Block, Document, Keep, ListItem, Paragraph, Section, Table

DEFAULT_REQUIRED_CONTENTS_FILE = RESOURCES / "complaints_required_contents.toml"
#: The regime of each complaints report (its Document.kind).
REGIME_OF_KIND = {"complaints": "childrens", "adults_complaints": "adults", "corporate_complaints": "corporate"}
#: An author's prompt: words in square brackets (as report.proof finds them).
_PROMPT = re.compile(r"\[[^\]\n]{2,}\]")

#: Why an item is not there.
NO_SECTION = "no_section"
NO_TABLE = "no_table"
NOT_RECORDED_IN_LOG = "not_recorded"
PROMPT_LEFT = "prompt"
NOT_WRITTEN = "not_written"


@dataclass(frozen=True)
class RequiredItem:
    """One thing a regime asks for, where the report holds it, and how the check tells it is there."""

    item: str
    source: str
    section: str
    tables: tuple[str, ...] = ()
    figure: str = ""
    written: bool = False  # with tables: the author's words stand for them where none is held


@dataclass(frozen=True)
class Regime:
    name: str
    title: str
    items: tuple[RequiredItem, ...]


@dataclass(frozen=True)
class CheckedItem:
    """An item checked: `present`, else `missing` says why (one of the reasons above)."""

    required: RequiredItem
    present: bool
    missing: str = ""


@settings_file
def load_required_contents(path: Path = DEFAULT_REQUIRED_CONTENTS_FILE) -> dict[str, Regime]:
    """Each regime's required items; a slip names the file, the regime and the item."""
    data = read_toml(path)
    regimes = {}
    for name, spec in data.items():
        items = []
        for number, entry in enumerate(spec.get("items", []), start=1):
            where = f"{path.name}: [[{name}.items]] number {number}"
            unknown = sorted(set(entry) - {"item", "source", "section", "tables", "figure", "written"})
            if unknown:
                raise ResourceFileError(f"{where}: unknown key {unknown[0]!r}")
            for key in ("item", "source", "section"):
                if not str(entry.get(key, "")).strip():
                    raise ResourceFileError(f"{where} needs {key}")
            if not isinstance(entry.get("written", False), bool):
                raise ResourceFileError(f"{where}: written must be true or false")
            items.append(
                RequiredItem(
                    str(entry["item"]),
                    str(entry["source"]),
                    str(entry["section"]),
                    tuple(str(table) for table in entry.get("tables", [])),
                    str(entry.get("figure", "")),
                    entry.get("written", False),
                )
            )
        regimes[name] = Regime(name, str(spec.get("regime", name)), tuple(items))
    return regimes


def check_required_contents(document: Document, regimes: dict[str, Regime] | None = None) -> list[CheckedItem]:
    """Each item the document's regime asks for, present or not ([] for a report of no regime)."""
    regime = REGIME_OF_KIND.get(document.kind)
    if regime is None:
        return []
    regimes = regimes if regimes is not None else load_required_contents()
    if regime not in regimes:
        return []
    sections = {section.key: section for section in document.sections}
    return [_checked(required, sections.get(required.section), document) for required in regimes[regime].items]


def regime_title(document: Document, regimes: dict[str, Regime] | None = None) -> str:
    """The words for the document's regime ('the Ombudsman's Complaint Handling Code, section 8')."""
    regimes = regimes if regimes is not None else load_required_contents()
    regime = regimes.get(REGIME_OF_KIND.get(document.kind, ""))
    return regime.title if regime else ""


def _checked(required: RequiredItem, section: Section | None, document: Document) -> CheckedItem:
    if section is None:
        return CheckedItem(required, False, NO_SECTION)
    if required.figure:
        figure = document.figures.get(required.figure)
        if figure is None or figure.text == NOT_RECORDED:
            return CheckedItem(required, False, NOT_RECORDED_IN_LOG)
    if required.tables:
        held = set(_table_keys(section.blocks))
        if held & set(required.tables):
            return CheckedItem(required, True)
        if not required.written:
            return CheckedItem(required, False, NO_TABLE)
    if required.written or not (required.tables or required.figure):
        words = [text for text in _prose(section.blocks) if text.strip()]
        if any(_PROMPT.search(text) for text in words):
            return CheckedItem(required, False, PROMPT_LEFT)
        if not words:
            return CheckedItem(required, False, NOT_WRITTEN)
    return CheckedItem(required, True)


def _table_keys(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Table):
            yield block.key
        elif isinstance(block, Keep):
            yield from _table_keys(block.blocks)


def _prose(blocks: Iterable[Block]) -> Iterator[str]:
    """The author's words of a section: its paragraphs and list items."""
    for block in blocks:
        if isinstance(block, (Paragraph, ListItem)):
            yield block.text
        elif isinstance(block, Keep):
            yield from _prose(block.blocks)
