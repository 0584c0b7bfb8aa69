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

import dataclasses
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    Image as PdfImage,
)
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from desktop_app.pdf.charts import draw_chart
from desktop_app.pdf.continued_table import ContinuedTable, FootnotesWithLastRows
from desktop_app.pdf.document import AppendixDocTemplate, Heading, contents, title_page
from desktop_app.pdf.prose import inline
from desktop_app.pdf.style import ReportStyle, StyleError, load_style
from desktop_app.pdf.tagging import Figure, Tagger, tag_page_furniture, write_structure
from desktop_app.report.model import (
    Block,
    Card,
    Cards,
    Cell,
    CellKind,
    Chart,
    Document,
    Footnote,
    Image,
    Keep,
    ListItem,
    Note,
    Paragraph,
    Quote,
    Section,
    Space,
    Table,
)
from desktop_app.report.model import Heading as ModelHeading
from desktop_app.safe_files import write_atomically

#: A header's type is made no smaller than this (points) to fit its widest word.
HEADER_SMALLEST = 5.5

#: A muted second line in a cell (a figure's own period), in points.
MUTED_SIZE = 6.5
#: Space under each change card, in points.
CARD_SPACE_AFTER = 8
#: A quote's indent on each side, in millimetres.
QUOTE_INDENT = 12
#: The tallest a picture is drawn, as a share of the text height.
IMAGE_HEIGHT_SHARE = 0.6
#: The least of a row split over a page break left on either page, in points (about three lines).
ROW_SPLIT_LEAST = 30


@dataclass(frozen=True)
class TableLayout:
    """How a table of a `Table.layout` is drawn: its cells' paragraph styles (an arrow's may differ from a
    number's), whether its body rows align at the top, the space around it, and whether it is kept whole
    with its footnotes or kept no wider than a portrait page's text (a key beside a landscape table)."""

    header: str = "table_header"
    text: str = "table_text"
    number: str = "table_number"
    arrow: str = ""
    top_aligned: bool = False
    spaced: bool = True
    kept_with_footnotes: bool = False
    narrow: bool = False

    def style_of(self, cell: Cell) -> str:
        if cell.kind is CellKind.ARROW and self.arrow:
            return self.arrow
        return self.number if cell.kind.numeric else self.text


_SMALL = TableLayout(text="table_small", number="table_small_number", arrow="table_number")
TABLE_LAYOUTS = {
    "table": TableLayout(),
    "table_kept_with_footnotes": TableLayout(kept_with_footnotes=True),
    "small": _SMALL,
    "small_top": dataclasses.replace(_SMALL, top_aligned=True),
    # a table of words, its cells' paragraphs at the top (a board report's training, services, prompts)
    "words": TableLayout(top_aligned=True),
    # a table of long words in narrow columns (an action plan): small headers too
    "small_words": dataclasses.replace(_SMALL, header="table_small_header", top_aligned=True),
    "key": dataclasses.replace(_SMALL, spaced=False, narrow=True),
    # no space of its own (a cover's climate and history tables)
    "grid": TableLayout(spaced=False),
    # a form's grid of labels and values: lines and padding, text at the top, no header shading
    "label_value": TableLayout(spaced=False),
}
NUMBER_INDENT = 10 * mm
DEEP_NUMBER_INDENT = 13 * mm


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
        self.width = style.text_width  # the text width of the pages being laid out
        self.visitors: dict[type, Callable[..., list[Flowable]]] = {
            ModelHeading: self.heading,
            Paragraph: self.paragraph,
            ListItem: self.list_item,
            Space: self.space,
            Table: self.table,
            Footnote: self.footnote,
            Note: self.note,
            Keep: self.keep,
            Cards: self.cards,
            Chart: self.chart,
            Quote: self.quote,
            Image: self.image,
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
                    PageBreak()
                    if style.sections_start_on_new_page or section.new_page
                    else CondPageBreak(style.section_min_space)
                )
            landscape = section.landscape
            self.width = style.landscape_text_width if landscape else style.text_width
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
        blocks = self.blocks(section.blocks)
        if blocks and isinstance(blocks[0], CondPageBreak):
            # the room the first words need for the table or chart they lead into, asked before the heading (a
            # page break kept with a heading is never taken), so the heading goes over with them
            room = blocks.pop(0)
            return [CondPageBreak(room.height + _height(heading, self.width)), heading, *blocks]
        return [heading, *blocks]

    def blocks(self, blocks: list[Block] | tuple[Block, ...]) -> list[Flowable]:
        flowables: list[Flowable] = []
        kept_from = 0  # where the blocks kept with the next one (a heading, a sentence) begin
        for number, block in enumerate(blocks):
            made = self.visitors[type(block)](block)
            after = blocks[number + 1] if number + 1 < len(blocks) else None
            if isinstance(block, (Paragraph, ListItem)) and block.keep_with_next and isinstance(after, Table):
                flowables.insert(kept_from, self.room_for_table([*flowables[kept_from:], *made], after))
            elif isinstance(block, Paragraph) and isinstance(after, Chart):
                flowables.insert(kept_from, self.room_for_chart([*flowables[kept_from:], *made], after))
            flowables += made
            if not getattr(block, "keep_with_next", False):
                kept_from = len(flowables)
        return flowables

    def room_for_table(self, words: list[Flowable], table: Table) -> CondPageBreak:
        """A sentence that leads into a table (with the heading above it), never alone at the foot of a page: the
        page breaks first only where they, the table's header rows and its first row (of a row that may split, the
        least part of one) would not fit. (The table itself may run on over pages.)"""
        header_rows = len(table.header)
        first = dataclasses.replace(
            table,
            body=[] if table.rows_split and header_rows else table.body[:1],
            spans=tuple(span for span in table.spans if span.row + span.rows <= header_rows + 1),
            total_rows=(),
            group_rows=(),
            footnotes=[],
            heading="",
        )
        need = sum(_height(part, self.width) for part in [*words, *self.table(first)])
        return CondPageBreak(need + (ROW_SPLIT_LEAST if first.body != table.body[:1] else 0))

    def room_for_chart(self, words: list[Flowable], chart: Chart) -> CondPageBreak:
        """The sentence that leads into a chart (with the heading above it) stands on the chart's page: a chart
        is never split, so the page breaks first where they and the whole chart would not fit."""
        return CondPageBreak(sum(_height(part, self.width) for part in [*words, *self.chart(chart)]))

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
        if not heading.in_outline:
            return [PdfParagraph(inline(heading.text), style)]
        return [Heading(inline(heading.text), style, level=heading.level - 1, in_contents=heading.in_contents)]

    def paragraph(self, paragraph: Paragraph) -> list[Flowable]:
        if paragraph.number:  # its number hangs in the margin, as a list's would, but it is a paragraph
            style = self.kept(self.numbered_style(paragraph.number), paragraph.keep_with_next)
            numbered = PdfParagraph(inline(paragraph.text), style, bulletText=paragraph.number)
            numbered.structure_tag = "P"
            return [numbered]
        style = self.kept(self.style[paragraph.layout], paragraph.keep_with_next)
        return [PdfParagraph(inline(paragraph.text), style)]

    def quote(self, quote: Quote) -> list[Flowable]:
        """Someone's words in italics, indented both sides, who said it under them: tagged a BlockQuote."""
        body = self.style["body"]
        style = body.clone(
            f"{body.name}-quote",
            fontName=self.style.fonts.italic,
            leftIndent=QUOTE_INDENT * mm,
            rightIndent=QUOTE_INDENT * mm,
            spaceBefore=body.spaceAfter,
            spaceAfter=body.spaceAfter * 2,
        )
        markup = f"“{inline(quote.text)}”"
        if quote.attribution:
            markup += f'<br/><font name="{self.style.fonts.regular}">— {inline(quote.attribution)}</font>'
        quoted = PdfParagraph(markup, style)
        quoted.structure_tag = "BlockQuote"
        return [quoted]

    def image(self, image: Image) -> list[Flowable]:
        """The picture at the text's width at most (and no taller than most of a page), tagged a Figure with
        its alternative text."""
        width, height = ImageReader(io.BytesIO(image.data)).getSize()
        scale = min(self.width / width, self.style.text_height * IMAGE_HEIGHT_SHARE / height, 1.0)
        picture = PdfImage(io.BytesIO(image.data), width=width * scale, height=height * scale)
        picture.hAlign = "LEFT"
        return [Spacer(1, self.style.table_space_before), Figure(picture, image.alt_text)]

    def list_item(self, item: ListItem) -> list[Flowable]:
        style = self.numbered_style() if item.layout == "numbered" else self.style[item.layout]
        if item.under:  # at the text of the numbered paragraph it belongs to
            indent = number_indent(item.under)
            style = style.clone(
                f"{style.name}-under{'-deep' if indent == DEEP_NUMBER_INDENT else ''}",
                leftIndent=indent + style.leftIndent,
                bulletIndent=indent + style.bulletIndent,
            )
        return [PdfParagraph(inline(item.text), self.kept(style, item.keep_with_next), bulletText=item.marker)]

    def numbered_style(self, number: str = "") -> ParagraphStyle:
        """Body text with its number ("1.", "2.3") hanging in the margin of a wider indent (wider still for a
        number of three parts, "3.2.1")."""
        body = self.style["body"]
        indent = number_indent(number)
        return body.clone(
            f"{body.name}-numbered{'-deep' if indent == DEEP_NUMBER_INDENT else ''}",
            leftIndent=indent,
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
        """A table whose header rows repeat on every page it runs onto, and whose rows split only where it says so."""
        rows = table.rows
        layout = TABLE_LAYOUTS[table.layout]
        width = min(self.width, self.style.text_width) if layout.narrow else self.width
        if table.column_shares:
            widths = [share * width for share in table.column_shares]
        else:
            widths = self.style.column_widths(table.widths, width)
        if any(len(row) != len(widths) for row in rows):
            raise StyleError(
                f"report_style.toml: [tables.columns] {table.widths} has {len(widths)} columns, "
                f"the table {max(len(row) for row in rows)}"
            )
        covered = _covered(table)
        cells: list[list[object]] = []
        shading: list[tuple] = []
        for number, row in enumerate(rows):
            shown: list[object] = []
            for column, cell in enumerate(row):
                if (number, column) in covered:
                    shown.append("")
                    continue
                if number < len(table.header):
                    room = _spanned_width(table, number, column, widths) - 2 * self.style.padding
                    shown.append(self.header_fit(cell, layout.header, room))
                else:
                    shown.append(self.cell(cell, layout.style_of(cell)))
                if cell.background:
                    where = (column, number)
                    shading.append(("BACKGROUND", where, where, self.style.colours[cell.background]))
            cells.append(shown)
        self.header_paragraphs(cells[: len(table.header)], layout.header)
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
        pdf_table = (ContinuedTable if table.heading else PdfTable)(
            cells,
            colWidths=widths,
            repeatRows=len(table.header),
            splitByRow=0 if table.rows_split else 1,  # 0: split in the row that does not fit, first
            splitInRow=ROW_SPLIT_LEAST if table.rows_split else 0,
            hAlign="LEFT",
            style=look,
        )
        pdf_table.header_scope = table.header_scope  # for the tagging: which cells head their row or column
        pdf_table.row_headers = table.row_headers
        if layout.top_aligned:
            shading.append(("VALIGN", (0, len(table.header)), (-1, -1), "TOP"))
        if shading:
            pdf_table.setStyle(shading)
        notes = [PdfParagraph(inline(words), self.style["footnote"]) for words in table.footnotes]
        after = Spacer(1, self.style.table_space_after)
        if table.heading:  # no space above: the heading is kept with the table's first rows
            heading_style = self.style["heading2"]
            pdf_table.continued = inline(table.heading_continued or table.heading)
            pdf_table.continued_style = heading_style.clone(f"{heading_style.name}-continued", spaceBefore=0)
            return [*self.table_heading(table, cells, widths), *self.with_footnotes(pdf_table, after, notes)]
        if not layout.spaced:
            return [pdf_table, *notes]
        before = Spacer(1, self.style.table_space_before)
        if layout.kept_with_footnotes:
            before.keepWithNext = 1  # so the sentence kept with the table is not kept with the space alone
            return [before, KeepTogether([pdf_table, *notes])]
        return [before, *self.with_footnotes(pdf_table, after, notes)]

    @staticmethod
    def with_footnotes(pdf_table: PdfTable, after: Spacer, notes: list[PdfParagraph]) -> list[Flowable]:
        """A table that may run over pages, then its footnotes: never the footnotes alone at a page's top."""
        return [FootnotesWithLastRows([pdf_table, after, *notes])] if notes else [pdf_table, after]

    def table_heading(self, table: Table, cells: list[list[object]], widths: list[float]) -> list[Flowable]:
        """A table's heading, never alone at the foot of a page.

        The table may run over pages (its header repeats), so it is not kept
        with its heading as a whole: the page breaks first only where the
        heading, the header rows and the first row (with the group rows above
        it, merged across as they are drawn) would not fit.
        """
        style = self.style["heading2"]
        loose = style.clone(f"{style.name}-loose", keepWithNext=0)
        title = Heading(inline(table.heading), loose, level=1, in_contents=False)
        first_row = len(table.header)
        while first_row in table.group_rows:
            first_row += 1
        groups = tuple(row for row in table.group_rows if row < first_row)
        look = self.style.table_style(header_rows=len(table.header), group_rows=groups)
        first = PdfTable(cells[: first_row + 1], colWidths=widths, style=look)
        width = self.width
        need = title.wrap(width, 10_000)[1] + loose.spaceBefore + loose.spaceAfter + first.wrap(width, 10_000)[1]
        return [CondPageBreak(need), title]

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
        return PdfParagraph(self.cell_markup(cell), self.style[style_name])

    def header_fit(self, cell: Cell, style_name: str, room: float) -> tuple[str, float]:
        """A header cell's mark-up and the type size at which every word fits its column whole: a word too wide
        breaks after its "/" ("Emotional/" over "Psychological"), and where a part is still too wide the size is
        smaller (never below HEADER_SMALLEST points), so no word is split between its letters."""
        style = self.style[style_name]
        markup = self.cell_markup(cell)
        fonts = {style.fontName, self.style.fonts.bold if "<b>" in markup else style.fontName}

        def width(text: str) -> float:  # a hair over, as the paragraph measures its line
            return max(stringWidth(text, font, style.fontSize) for font in fonts) * 1.02

        pieces = []
        for word in cell.text.split():
            if "/" in word and width(word) > room:
                markup = markup.replace(word, word.replace("/", "/<br/>"))
                pieces += word.replace("/", "/ ").split()
            else:
                pieces.append(word)
        widest = max((width(piece) for piece in pieces), default=0.0)
        if widest <= room or room <= 0:
            return markup, style.fontSize
        return markup, max(HEADER_SMALLEST, style.fontSize * room / widest)

    def header_paragraphs(self, header: list[list[object]], style_name: str) -> None:
        """The header rows' (mark-up, size) pairs as paragraphs, all at the smallest size one needs: a row of
        headers in one size."""
        fits = [cell for row in header for cell in row if isinstance(cell, tuple)]
        if not fits:
            return
        style = self.style[style_name]
        size = min(fitted for _, fitted in fits)
        shared = style.clone(f"{style.name}-{size:.2f}", fontSize=size, leading=style.leading * size / style.fontSize)
        for row in header:
            row[:] = [PdfParagraph(cell[0], shared) if isinstance(cell, tuple) else cell for cell in row]

    def cell_markup(self, cell: Cell) -> str:
        """A cell's text as paragraph mark-up: each line kept, its arrow coloured, its muted line under it."""
        if cell.markup:
            markup = cell.text
        elif cell.term:
            markup = _term_markup(cell.text)
        else:
            markup = inline(f"**{cell.text}**" if cell.bold and cell.text else cell.text).replace("\n", "<br/>")
        if cell.colour:
            markup = self.coloured_arrow(markup, cell.colour)
        if cell.muted:
            colour = self.hex_colour("muted")
            markup += f'<br/><font size="{MUTED_SIZE:g}" color="{colour}">{inline(cell.muted)}</font>'
        return markup

    def coloured_arrow(self, markup: str, colour: str | None) -> str:
        """The leading ▲ or ▼ of `markup` in the style's colour `colour` (a judgement's)."""
        if not colour or markup[:1] not in ("▲", "▼"):
            return markup
        return f'<font color="{self.hex_colour(colour)}">{markup[:1]}</font>{markup[1:]}'

    def hex_colour(self, name: str) -> str:
        return self.style.colours[name].hexval().replace("0x", "#")

    # --- change cards and charts ------------------------------------------------------------

    def cards(self, cards: Cards) -> list[Flowable]:
        """Each card a boxed table: its label, its value, its date, and a row of changes, kept on one page."""
        flowables: list[Flowable] = []
        widths = self.style.column_widths(cards.widths, self.width)
        for card in cards.cards:
            flowables += [
                Spacer(1, self.style.table_space_before),
                KeepTogether([self.card(card, widths)]),
                Spacer(1, CARD_SPACE_AFTER),
            ]
        return flowables

    def card(self, card: Card, widths: list[float]) -> PdfTable:
        style = self.style
        columns = len(widths)
        blank = [""] * (columns - 1)
        rows: list[list[object]] = [
            [self.text_paragraph(card.label, "card_label"), *blank],
            [self.text_paragraph(card.value, "card_value"), *blank],
        ]
        if card.as_at:
            rows.append([self.text_paragraph(card.as_at, "footnote"), *blank])
        spans = [("SPAN", (0, row), (columns - 1, row)) for row in range(len(rows))]
        changes: list[object] = []
        for number, (horizon, change) in enumerate(card.changes):
            colour = card.colours[number] if number < len(card.colours) else None
            markup = f"<b>{inline(horizon)}</b><br/>{self.coloured_arrow(inline(change), colour)}"
            changes.append(PdfParagraph(markup, style["card_change"]))
        if changes:
            rows.append(changes + [""] * (columns - len(changes)))
        table = PdfTable(rows, colWidths=widths, hAlign="LEFT")
        last = len(rows) - 1
        table.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),
                ("BACKGROUND", (0, 0), (-1, -1), style.colours["card_background"]),
                ("BOX", (0, 0), (-1, -1), style.grid_width, style.colours["table_grid"]),
                ("LINEABOVE", (0, last), (-1, last), style.grid_width, style.colours["table_grid"]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), style.padding * 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), style.padding * 2),
                ("TOPPADDING", (0, 0), (-1, -1), style.padding * 0.75),
                ("BOTTOMPADDING", (0, 0), (-1, -1), style.padding),
                *spans,
            ]
        )
        return table

    def chart(self, chart: Chart) -> list[Flowable]:
        return [Figure(draw_chart(chart, self.style, width=self.width), chart.alt_text)]


def _term_markup(text: str) -> str:
    """'Control (carers with ...)' as the papers print a term: the term bold, its definition italic."""
    head, bracket, rest = text.partition(" (")
    if not bracket:
        return f"<b>{inline(text)}</b>"
    return f"<b>{inline(head)}</b> <i>({inline(rest)}</i>"


def _spanned_width(table: Table, row: int, column: int, widths: list[float]) -> float:
    """The width of the cell at (row, column): its column's, or its span's columns' together."""
    for span in table.spans:
        if (span.row, span.column) == (row, column):
            return sum(widths[column : column + span.columns])
    return widths[column]


def _height(flowable: Flowable, width: float) -> float:
    """The height a flowable takes at `width`, with its space above and below (what is kept together, all its
    parts; a conditional page break, none)."""
    if isinstance(flowable, KeepTogether):
        return sum(_height(part, width) for part in flowable._content)
    if isinstance(flowable, (CondPageBreak, NextPageTemplate, PageBreak)):
        return 0.0
    return flowable.wrap(width, 10_000)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def number_indent(number: str) -> float:
    """The indent a paragraph's number hangs in: wider for a number of three parts ("3.2.1")."""
    return DEEP_NUMBER_INDENT if number.count(".") > 1 else NUMBER_INDENT


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
