"""The PDF writer: a report model (desktop_app.report.model) laid out as ReportLab platypus flowables.

One method per kind of block, as docutils' writers have one visit method per
node: a new block kind is a new method here, never a second description of the
content. The look (fonts, sizes, colours, column widths, table styles) is the
style file's (resources/report_style.toml, read by pdf.style); what a node
means (a header row, a total, a footnote) is the model's.

    pdf = render_document(complaints_document(summary, rules))
    write_document(document, path)      # atomically
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from desktop_app.pdf.document import AppendixDocTemplate, Heading, contents, title_page
from desktop_app.pdf.prose import inline
from desktop_app.pdf.style import ReportStyle, StyleError, load_style
from desktop_app.pdf.tagging import Tagger, tag_page_furniture, write_structure
from desktop_app.report.model import (
    Block,
    Cell,
    Document,
    Footnote,
    Keep,
    ListItem,
    Note,
    Paragraph,
    Section,
    Space,
    Table,
)
from desktop_app.report.model import Heading as ModelHeading
from desktop_app.safe_files import write_atomically

#: The paragraph styles of a table's cells, by the table's layout: (header, text, number). "table" has the
#: style's space above and below; "table_kept_with_footnotes" keeps its footnotes on its page; "grid" has no
#: space of its own; "label_value" is a form's grid of labels and values (no header shading, text at the top).
CELL_STYLES = {
    "table": ("table_header", "table_text", "table_number"),
    "table_kept_with_footnotes": ("table_header", "table_text", "table_number"),
    "grid": ("table_header", "table_text", "table_number"),
    "label_value": ("table_header", "table_text", "table_number"),
}
NUMBER_INDENT = 10 * mm


def render_document(document: Document, style: ReportStyle | None = None) -> bytes:
    """The appendix as tagged PDF bytes (PDF/UA-1: see pdf.tagging); the same document gives the same bytes."""
    style = style or load_style()
    buffer = io.BytesIO()
    template = AppendixDocTemplate(
        buffer,
        style,
        document.options,
        title=document.metadata.title,
        author=document.metadata.author,
        subject=document.metadata.subject,
        keywords=document.metadata.keywords,
        running_title=document.running_title,
    )
    story = PdfWriter(style).story(document)
    tagger = Tagger()
    tagger.tag_story(story)
    tag_page_furniture(template, tagger)
    template.multiBuild(story)
    metadata = document.metadata
    return write_structure(buffer.getvalue(), tagger, metadata.title, metadata.language, metadata.as_at)


def write_document(document: Document, path: Path, style: ReportStyle | None = None) -> Path:
    """Write the appendix to `path` atomically (the laying out is done before anything is written)."""
    path = Path(path)
    write_atomically(path, render_document(document, style))
    return path


class PdfWriter:
    """Turns a report model into the story of an AppendixDocTemplate."""

    def __init__(self, style: ReportStyle) -> None:
        self.style = style
        self.visitors: dict[type, Callable[..., list[Flowable]]] = {
            ModelHeading: self.heading,
            Paragraph: self.paragraph,
            ListItem: self.list_item,
            Space: self.space,
            Table: self.table,
            Footnote: self.footnote,
            Note: self.note,
            Keep: self.keep,
        }

    # --- the document ------------------------------------------------------------------

    def story(self, document: Document) -> list[Flowable]:
        style = self.style
        story: list[Flowable] = []
        if document.options.needs_filler:
            story += [
                Spacer(1, style.text_height * 0.42),
                PdfParagraph(inline(document.blank_page_text), style["blank_page"]),
                NextPageTemplate("title"),
                PageBreak(),
            ]
        if document.title_page is not None:
            story += self.title_page(document)
        if document.contents_heading:
            story += [NextPageTemplate("contents"), PageBreak()]
            story += [
                Heading(inline(document.contents_heading), style["contents_heading"], in_contents=False),
                contents(style),
            ]
        landscape: bool | None = None
        first_page = document.title_page is None and not document.contents_heading
        for section in document.sections:
            if first_page and landscape is None:  # nothing before it: it starts on the first page
                landscape = section.landscape
            elif landscape is None or section.landscape != landscape:
                story += [NextPageTemplate("body_landscape" if section.landscape else "body"), PageBreak()]
            else:
                story.append(
                    PageBreak() if style.sections_start_on_new_page else CondPageBreak(style.section_min_space)
                )
            landscape = section.landscape
            story += self.section(section)
        return story

    def title_page(self, document: Document) -> list[Flowable]:
        page = document.title_page
        assert page is not None
        rows = [
            [self.text_paragraph(f"**{label}**", "title_detail"), self.text_paragraph(value, "title_detail")]
            for label, value in page.details
        ]
        return title_page(
            self.style,
            inline(page.title),
            inline(page.appendix) if page.appendix else None,
            inline(page.subtitle) if page.subtitle else None,
            rows,
        )

    def section(self, section: Section) -> list[Flowable]:
        if not section.title:
            return self.blocks(section.blocks)
        heading = Heading(inline(section.title), self.style["heading1"], in_contents=section.in_contents)
        return [heading, *self.blocks(section.blocks)]

    def blocks(self, blocks: list[Block] | tuple[Block, ...]) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in blocks:
            flowables += self.visitors[type(block)](block)
        return flowables

    # --- words -------------------------------------------------------------------------

    def text_paragraph(self, text: str, style_name: str) -> PdfParagraph:
        """Plain text (with **bold**) as a paragraph; each line kept (a '•' list in a cell stays a list)."""
        return PdfParagraph(inline(text).replace("\n", "<br/>"), self.style[style_name])

    def kept(self, style: ParagraphStyle, keep: bool) -> ParagraphStyle:
        """`style`, or its copy that keeps the paragraph on the page of what follows."""
        if not keep:
            return style
        kept = style.clone(f"{style.name}-kept")
        kept.keepWithNext = 1
        return kept

    def heading(self, heading: ModelHeading) -> list[Flowable]:
        style = self.style[heading.layout or f"heading{heading.level}"]
        if heading.keep_with_next and not style.keepWithNext:
            style = self.kept(style, True)
        return [Heading(inline(heading.text), style, level=heading.level - 1, in_contents=heading.in_contents)]

    def paragraph(self, paragraph: Paragraph) -> list[Flowable]:
        style = self.kept(self.style[paragraph.layout], paragraph.keep_with_next)
        return [PdfParagraph(inline(paragraph.text), style)]

    def list_item(self, item: ListItem) -> list[Flowable]:
        style = self.numbered_style() if item.layout == "numbered" else self.style[item.layout]
        return [PdfParagraph(inline(item.text), self.kept(style, item.keep_with_next), bulletText=item.marker)]

    def numbered_style(self) -> ParagraphStyle:
        """Body text with its number ("1.", "2.3") hanging in the margin of a wider indent."""
        body = self.style["body"]
        return body.clone(
            f"{body.name}-numbered",
            leftIndent=NUMBER_INDENT,
            bulletIndent=0,
            bulletFontName=body.fontName,
            bulletFontSize=body.fontSize,
        )

    def space(self, space: Space) -> list[Flowable]:
        if space.points:
            return [Spacer(1, space.points)]
        if space.name == "paragraph":
            return [Spacer(1, self.style["body"].spaceAfter)]
        return [Spacer(1, getattr(self.style, space.name))]

    def footnote(self, footnote: Footnote) -> list[Flowable]:
        return [PdfParagraph(inline(footnote.text), self.style["footnote"])]

    def note(self, note: Note) -> list[Flowable]:
        return [PdfParagraph(inline(note.text), self.style["footnote"])]

    def keep(self, keep: Keep) -> list[Flowable]:
        return [KeepTogether(self.blocks(keep.blocks))]

    # --- tables ------------------------------------------------------------------------

    def table(self, table: Table) -> list[Flowable]:
        """A table whose header rows repeat on every page it runs onto, and whose rows never split."""
        rows = table.rows
        if table.column_shares:
            widths = [share * self.style.text_width for share in table.column_shares]
        else:
            widths = self.style.column_widths(table.widths)
        if any(len(row) != len(widths) for row in rows):
            raise StyleError(
                f"report_style.toml: [tables.columns] {table.widths} has {len(widths)} columns, "
                f"the table {max(len(row) for row in rows)}"
            )
        covered = _covered(table)
        header_style, text_style, number_style = CELL_STYLES[table.layout]
        cells: list[list[object]] = []
        for number, row in enumerate(rows):
            shown: list[object] = []
            for column, cell in enumerate(row):
                if (number, column) in covered:
                    shown.append("")
                    continue
                if number < len(table.header):
                    kind = header_style
                else:
                    kind = number_style if cell.kind.numeric else text_style
                shown.append(self.cell(cell, kind))
            cells.append(shown)
        count = len(rows)
        spans = tuple(
            ((span.column, span.row), (span.column + span.columns - 1, span.row + span.rows - 1))
            for span in _pdf_span_order(table)
        )
        if table.layout == "label_value":
            look = self.label_value_style(spans)
        else:
            look = self.style.table_style(
                header_rows=len(table.header),
                total_rows=tuple(row - count for row in table.total_rows),
                group_rows=table.group_rows,
                spans=spans,
            )
        pdf_table = PdfTable(
            cells,
            colWidths=widths,
            repeatRows=len(table.header),
            splitByRow=1,
            splitInRow=0,
            hAlign="LEFT",
            style=look,
        )
        pdf_table.header_scope = table.header_scope  # for the tagging: which cells head their row or column
        pdf_table.row_headers = table.row_headers
        notes = [PdfParagraph(inline(words), self.style["footnote"]) for words in table.footnotes]
        if table.layout in ("grid", "label_value"):
            return [pdf_table, *notes]
        before = Spacer(1, self.style.table_space_before)
        if table.layout == "table_kept_with_footnotes":
            return [before, KeepTogether([pdf_table, *notes])]
        return [before, pdf_table, Spacer(1, self.style.table_space_after), *notes]

    def label_value_style(self, spans: tuple) -> TableStyle:
        """A form's grid: lines and padding, text at the top of each cell, no header shading."""
        style = self.style
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),
                ("GRID", (0, 0), (-1, -1), style.grid_width, style.colours["table_grid"]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), style.padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), style.padding),
                ("TOPPADDING", (0, 0), (-1, -1), style.padding * 0.75),
                ("BOTTOMPADDING", (0, 0), (-1, -1), style.padding),
                *(("SPAN", start, end) for start, end in spans),
            ]
        )

    def cell(self, cell: Cell, style_name: str) -> PdfParagraph:
        text = f"**{cell.text}**" if cell.bold and cell.text else cell.text
        return PdfParagraph(inline(text).replace("\n", "<br/>"), self.style[style_name])


def _covered(table: Table) -> set[tuple[int, int]]:
    """The (row, column) of every cell merged into another: drawn empty."""
    covered: set[tuple[int, int]] = set()
    width = max((len(row) for row in table.rows), default=0)
    for span in table.spans:
        for row in range(span.row, span.row + span.rows):
            for column in range(span.column, span.column + span.columns):
                if (row, column) != (span.row, span.column):
                    covered.add((row, column))
    for row in table.group_rows:
        covered.update((row, column) for column in range(1, width))
    return covered


def _pdf_span_order(table: Table) -> list:
    """Spans over one row first, then spans down several rows (the order the style commands were written in)."""
    return sorted(table.spans, key=lambda span: span.rows > 1)
