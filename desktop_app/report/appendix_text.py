"""The words of an appendix kept in one TOML file, and the builder pieces that read them.

The MARAC and safe accommodation appendices (and any like them) keep their
words the same way: a [document] table (title, author, subject, the title
page's details), the [tables] words, and the sections in order, each a title
and a text before its tables, with live figures as placeholders (report.text).
`load_appendix_text` reads and checks such a file; `WordsBuilder` fills its
words and builds the document's frame (metadata, title page, a section per
[sections.KEY] with the blocks its builder gives for KEY).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.resource_files import read_toml
from desktop_app.report.appendix import FillsWords, appendix_document, filled_document_words
from desktop_app.report.model import Block, Document, Figure, PageOptions, Section
from desktop_app.report.prose import prose_blocks
from desktop_app.report.text import (
    PAGE_WORDS,
    ReportTextError,
    document_words,
    placeholders_in,
    section_prompt,
    shipped_section,
    table_words,
)

#: The [tables] words every such appendix's title page and furniture need.
FRAME_WORDS = (*PAGE_WORDS, "title_details_period")


@dataclass(frozen=True)
class AppendixText:
    document: dict[str, str]
    tables: dict[str, str]
    sections: dict[str, tuple[str, str]]  # key -> (title, text)
    source: str


def load_appendix_text(
    path: Path, table_words_named: tuple[str, ...], sections: tuple[str, ...], shipped: Path
) -> AppendixText:
    """Read and check an appendix's words: the [tables] words named and the sections named must be there
    (or in the `shipped` file of this kind, for a copy made before they were added); a mistake names the file,
    table and key."""
    data = read_toml(path)
    where = path.name
    document = document_words(data, where)
    tables = table_words(data, where, (*FRAME_WORDS, *table_words_named), shipped=shipped)
    specs = data.get("sections", {})
    found = {}
    for key in sections:
        spec = specs.get(key)
        if spec is None:
            title = shipped_section(shipped, key, where)
            found[key] = (title, section_prompt(title))
            continue
        if not isinstance(spec, dict) or not str(spec.get("title", "")).strip():
            raise ReportTextError(f"{where}: [sections.{key}] is missing, or has no title")
        found[key] = (str(spec["title"]), str(spec.get("text", "")))
    return AppendixText(document, tables, found, where)


def capitalised(words: str) -> str:
    """A statement made to open a table cell: 'within the range' -> 'Within the range'."""
    return words[:1].upper() + words[1:]


def period_key(period: str) -> str:
    """'2019-20' -> '2019_20', for figure names."""
    return period.replace("-", "_")


class TableWords(FillsWords[AppendixText]):
    """An AppendixText's [tables] words filled with `figures` (their texts, by name)."""

    def __init__(self, text: AppendixText, figures: dict[str, str]) -> None:
        self.text, self.figures = text, figures

    def words(self, key: str, **more: str) -> str:
        return self.fill(self.text.tables[key], f"[tables] {key}", {**self.figures, **more})


class WordsBuilder(TableWords):
    """What an appendix of AppendixText words shares: filling its words with the figures, and its frame.

    A builder sets `kind`, `text`, `options`, `as_at`, `latest` (the period its title page names),
    `all_figures` and `figures` (their texts), and gives each section's blocks in `section_blocks`."""

    kind: str
    options: PageOptions
    as_at: dt.date | None
    latest: str
    all_figures: dict[str, Figure]

    def section_blocks(self) -> Mapping[str, Callable[[], list[Block]]]:
        raise NotImplementedError

    def parts(self) -> list[tuple[str, str, list[Block]]]:
        """Each [sections.KEY] as (key, title, blocks): its words (live figures filled), then its tables."""
        tables = self.section_blocks()
        parts = []
        for key, (section_title, words) in self.text.sections.items():
            where = f"[sections.{key}]"
            names = tuple(dict.fromkeys(placeholders_in(words)))
            blocks: list[Block] = prose_blocks(
                self.fill(words, f"{where} text").strip(), keep_last_with_next=True, figures=names
            )
            blocks += tables[key]()
            parts.append((key, self.fill(section_title, f"{where} title"), blocks))
        return parts

    def sections(self) -> list[Section]:
        """A section of the document per part."""
        return [Section(key, title, blocks) for key, title, blocks in self.parts()]

    def document(self) -> Document:
        return appendix_document(
            self.kind,
            filled_document_words(self.text.document, self.fill),
            sections=self.sections(),
            options=self.options,
            words=self.words,
            figures=self.all_figures,
            period=(self.words("title_details_period"), self.latest),
            as_at=self.as_at,
        )
