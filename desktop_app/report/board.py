"""A narrative board report (seeds 003 and 004) as a report model, from the source its author keeps.

Sections numbered 1, 2 ... and their paragraphs 1.1, 1.2 ... (a sub-section
takes the next number, 3.2, and numbers its paragraphs 3.2.1 ...): the numbers
are the application's, so a paragraph added or moved never leaves a slip.
Bullets, tables, quotes and pictures are not numbered (bullets under a numbered
paragraph stand at its text, not at the margin its number hangs in; a table's row
too long for what is left of a page carries on over it); appendices are lettered
A, B ... and their paragraphs are not numbered. Live figures in the words are
the returns' figures, by the names their own appendix gives them (MARAC's
{referrals_value}), and an action plan's at its report date (`PLAN_FIGURES`,
from domain.plan_progress.plan_summary); a name the returns do not have is an
error naming the line.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass, replace

from desktop_app.domain.board_report import BoardRules, BoardTable, load_board_rules
from desktop_app.domain.formatting import Formatter, long_date
from desktop_app.domain.plan_progress import PlanSummary
from desktop_app.report.appendix import FillsWords
from desktop_app.report.board_source import BoardSource, BoardSourceError, Item, lines
from desktop_app.report.model import (
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    Image,
    ListItem,
    Metadata,
    PageOptions,
    Paragraph,
    Quote,
    Section,
    Space,
    Table,
    TitlePage,
)
from desktop_app.report.text import placeholders_in

KIND = "board"
#: The live figures of an action plan a board report's words may use.
PLAN_FIGURES = ("red_count", "amber_count", "exceptions_count", "past_due_count", "past_due_actions", "plan_as_of")


def board_plan_figures(
    summary: PlanSummary, rules: BoardRules | None = None, formatter: Formatter | None = None
) -> dict[str, Figure]:
    """The plan's figures (`PLAN_FIGURES`) as the words print them: the counts, the past due actions listed
    ('Prevent 1, Protect & Repair 3 and Children and Young People 2'; the rules' word for none) and the
    report date."""
    formatter = formatter or Formatter()
    words = (rules or load_board_rules()).words
    figures = {
        name: Figure(name, formatter.count(value), value, "count")
        for name, value in (
            ("red_count", summary.red_count),
            ("amber_count", summary.amber_count),
            ("exceptions_count", summary.exceptions_count),
            ("past_due_count", summary.past_due_count),
        )
    }
    actions = list(summary.past_due_actions)
    listed = f"{', '.join(actions[:-1])} {words['and']} {actions[-1]}" if len(actions) > 1 else "".join(actions)
    figures["past_due_actions"] = Figure("past_due_actions", listed or words["none"], listed or words["none"])
    figures["plan_as_of"] = Figure("plan_as_of", long_date(summary.as_of), summary.as_of.isoformat())
    return figures


@dataclass(frozen=True)
class Placed:
    """An item of the source where it is printed: its section's key and title (for the proof)."""

    item: Item
    section: str
    title: str


def board_document(
    source: BoardSource,
    tables: Mapping[str, BoardTable],
    figures: Mapping[str, Figure],
    rules: BoardRules | None = None,
    options: PageOptions | None = None,
    as_at: dt.date | None = None,
) -> Document:
    """The report of `source`, its tables from `tables` (by sheet name, as the source writes it) and its live
    figures from `figures`."""
    return BoardBuilder(source, tables, figures, rules or load_board_rules()).document(options or PageOptions(), as_at)


class BoardBuilder(FillsWords[BoardSource]):
    """Fills the source's words with the live figures (`FillsWords`), an error naming the source's line."""

    def __init__(
        self, source: BoardSource, tables: Mapping[str, BoardTable], figures: Mapping[str, Figure], rules: BoardRules
    ) -> None:
        self.source, self.rules, self.all_figures = source, rules, dict(figures)
        self.text = source
        self.tables = {name.strip().casefold(): table for name, table in tables.items()}
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}
        self.placed: list[Placed] = []
        self.tables_later = False  # the window's preview: a named table is a line saying so, read on export
        self.in_subsection = False  # a finding's heading goes one level under the heading above it

    def located(self, where: str) -> str:
        return f"{self.source.file}, {where}"

    def filled(self, item: Item) -> str:
        """An item's words with their live figures."""
        return self.fill(item.text, lines(item.line))

    def detail(self, key: str) -> str:
        return self.fill(self.source.document.get(key, ""), lines(self.source.details_lines.get(key, 1))).strip()

    # --- the document -----------------------------------------------------------------------

    def document(self, options: PageOptions, as_at: dt.date | None) -> Document:
        title = self.detail("title")
        metadata = Metadata(
            title=title,
            author=self.detail("author"),
            subject=self.detail("subject"),
            keywords=self.detail("keywords"),
            as_at=as_at,
        )
        details = tuple(
            (self.rules.words[key], value)
            for key in ("report_to", "meeting_date", "report_of")
            if (value := self.detail(key))
        )
        page = TitlePage(title, self.detail("appendix"), self.detail("subtitle"), details)
        words = self.rules.words
        return Document(
            kind=KIND,
            metadata=metadata,
            options=options,
            sections=self.sections(),
            title_page=page,
            contents_heading=self.source.contents or words["contents"],
            running_title=title,
            blank_page_text=words["blank_page"],
            figures=self.all_figures,
            continuous=True,
        )

    def sections(self) -> list[Section]:
        sections: list[Section] = []
        numbers: list[int] = []  # the section's number, the sub-section's, the last paragraph's
        appendices = 0
        for item in self.source.items:
            if item.kind in ("section", "appendix"):
                self.in_subsection = False
            if item.kind == "section":
                numbers = [len([s for s in sections if s.key.startswith("section_")]) + 1, 0]
                title = f"{numbers[0]}. {self.filled(item)}"
                sections.append(Section(f"section_{numbers[0]}", title))
            elif item.kind == "appendix":
                numbers = []
                letter = _letter(appendices, item)
                appendices += 1
                title = self.rules.words["appendix"].format(letter=letter, title=self.filled(item))
                sections.append(Section(f"appendix_{letter.lower()}", title, new_page=True))
            else:
                section = sections[-1]
                self.placed.append(Placed(item, section.key, section.title))
                if item.kind != "bullet" and section.blocks and isinstance(section.blocks[-1], ListItem):
                    section.blocks.append(Space("paragraph"))  # a list is followed by a paragraph's space
                if item.kind == "table" and section.blocks and isinstance(section.blocks[-1], Paragraph):
                    section.blocks[-1] = replace(section.blocks[-1], keep_with_next=True)  # it leads into the table
                section.blocks += self.blocks(item, numbers)
        return sections

    def blocks(self, item: Item, numbers: list[int]) -> list[Block]:
        names = tuple(dict.fromkeys(placeholders_in(item.text)))
        if item.kind == "subsection":
            self.in_subsection = True
            if not numbers:
                return [Heading(self.filled(item), level=2, in_contents=False, keep_with_next=True)]
            if len(numbers) == 3:  # after a sub-section's paragraphs: the next sub-section
                numbers.pop()
            numbers[-1] += 1
            numbers.append(0)
            number = ".".join(str(n) for n in numbers[:-1])
            words = f"{number} {self.filled(item)}"
            return [Heading(words, level=2, in_contents=False, keep_with_next=True)]
        if item.kind == "paragraph":
            if not numbers:
                return [Paragraph(self.filled(item), names)]
            numbers[-1] += 1
            return [Paragraph(self.filled(item), names, number=".".join(str(n) for n in numbers))]
        if item.kind == "bullet":  # under the numbered paragraph before it, at its text
            under = ".".join(str(n) for n in numbers) if numbers and numbers[-1] else ""
            return [ListItem(self.filled(item), figures=names, under=under)]
        if item.kind == "quote":
            return [Quote(self.filled(item), item.more, names)]
        if item.kind == "image":
            return [Image(item.data, item.text, item.more)]
        return self.table(item)

    # --- tables ----------------------------------------------------------------------------

    def table(self, item: Item) -> list[Block]:
        table = self.tables.get(item.text.strip().casefold())
        if table is None and self.tables_later:
            return [Paragraph(self.rules.words["table_later"].format(sheet=item.text))]
        if table is None:
            raise BoardSourceError(f"{self.source.where(item.line)}: no table was read for the sheet '{item.text}'")
        kind = table.kind
        caption = item.more or table.sheet
        key = f"table_{_key(table.sheet)}"
        if kind.layout == "table":
            header = [[Cell(column) for column in kind.columns]]
            body = [[Cell(text) for text in row] for row in table.rows]
            return [
                Table(
                    key, header, body, "", caption=caption, column_shares=kind.shares, layout="words", rows_split=True
                )
            ]
        blocks: list[Block] = []
        for number, row in enumerate(table.rows, start=1):
            heading = kind.block_caption.format(number=number) if kind.block_caption else f"{caption} {number}"
            body = [[Cell(column, bold=True), Cell(text)] for column, text in zip(kind.columns, row, strict=True)]
            level = 3 if self.in_subsection else 2
            blocks.append(Heading(heading, level=level, in_contents=False, layout="heading2", keep_with_next=True))
            blocks.append(
                Table(
                    f"{key}_{number}",
                    [],
                    body,
                    "",
                    caption=heading,
                    column_shares=kind.shares,
                    layout="label_value",
                    header_scope="row",
                    row_headers=(0,),
                )
            )
        return blocks


def _letter(count: int, item: Item) -> str:
    if count >= len(string.ascii_uppercase):
        raise BoardSourceError(f"line {item.line}: a report has at most 26 appendices")
    return string.ascii_uppercase[count]


def _key(words: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in words.casefold()).strip("_")
