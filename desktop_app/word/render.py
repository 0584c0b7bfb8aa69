"""A report model (desktop_app.report.model) as a Word document a screen reader can follow.

Structure, never direct formatting: headings take the template's Heading
styles, lists its List Bullet and List Number, tables its "Table Grid" with
the header rows marked to repeat on every page (`w:tblHeader`), cells the
paragraph styles "Table Text", "Table Number" and "Table Heading" (added to
the template where it lacks them), footnotes and data-quality notes "Table
Note". Charts are pictures (the PNG `chart_image` draws) with their
alternative text in `descr`; the document's language is en-GB; "Agenda Item N"
is in the header and "Page N" in the footer as a PAGE field numbered on from
the agenda pack's first page.

A council's own template (.docx or .dotx) supplies the styles, margins and
logo: python-docx cannot open a .dotx, so its main part's content type is
rewritten in memory (the file on disk is never changed).

    write_word_document(document, path, template=None, chart_image=None)
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as WordImage
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from desktop_app.domain.resource_files import read_toml
from desktop_app.paths import RESOURCES
from desktop_app.report.model import (
    Block,
    Cards,
    Cell,
    Chart,
    Document,
    Footnote,
    Heading,
    Image,
    Keep,
    ListItem,
    Note,
    Paragraph,
    Quote,
    Space,
    Table,
)
from desktop_app.safe_files import write_atomically

ChartImage = Callable[[Chart], bytes]
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#: Paragraph styles this writer needs beyond a plain template's: (name, based on, size, bold, alignment), the
#: PDF's table styles (resources/report_style.toml: figures and headings centred).
OWN_STYLES = (
    ("Table Text", "Normal", 9, False, "left"),
    ("Table Number", "Normal", 9, False, "centre"),
    ("Table Heading", "Normal", 9, True, "centre"),
    ("Table Note", "Normal", 8, False, "left"),
    ("Table Small Text", "Normal", 8, False, "left"),
    ("Table Small Number", "Normal", 8, False, "centre"),
    ("Table Small Heading", "Normal", 8, True, "centre"),
)
ALIGNMENTS = {"left": WD_ALIGN_PARAGRAPH.LEFT, "centre": WD_ALIGN_PARAGRAPH.CENTER}
CHART_WIDTH = Pt(450)
#: The indent a numbered paragraph's number hangs in, as in the PDF.
NUMBER_INDENT = Mm(10)
DEEP_NUMBER_INDENT = Mm(13)
_REPORT_STYLE = read_toml(RESOURCES / "report_style.toml")
#: The tables' column widths, as shares of the text width: the same as the PDF's (resources/report_style.toml).
COLUMN_SHARES: dict[str, tuple[float, ...]] = {
    name: tuple(shares) for name, shares in _REPORT_STYLE["tables"]["columns"].items()
}
#: The PDF's colours by name ('#d9e2f3'): header and status shading, the arrows of better and worse changes.
COLOURS: dict[str, str] = _REPORT_STYLE["colours"]
#: Points of space inside every cell, as in the PDF.
CELL_PADDING = Pt(_REPORT_STYLE["tables"]["padding"])
#: How far a bullet's words stand after the bullet, as in the PDF's bullet style.
BULLET_INDENT = Mm(_REPORT_STYLE["styles"]["bullet"]["indent_mm"])
#: Table layouts set in the PDF's smaller type (the landscape dashboard, the survey and status key).
SMALL_LAYOUTS = {"small", "small_top", "small_words", "key"}
ARROWS = ("▲", "▼")


def write_word_document(
    document: Document, path: Path, template: Path | None = None, chart_image: ChartImage | None = None
) -> Path:
    """Write the appendix to `path` as .docx, atomically."""
    path = Path(path)
    write_atomically(path, render_word_document(document, template, chart_image))
    return path


def render_word_document(
    document: Document, template: Path | None = None, chart_image: ChartImage | None = None
) -> bytes:
    """The appendix as .docx bytes."""
    word = _template_document(template) if template else docx.Document()
    _WordWriter(word, chart_image).write(document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


class WordTemplateError(ValueError):
    """A Word template that cannot be used: named, in one sentence."""


def _template_document(template: Path) -> WordDocument:
    """A new document on the council's template, or a WordTemplateError saying why it cannot be used."""
    name = Path(template).name
    try:
        return docx.Document(io.BytesIO(_as_document(template)))
    except FileNotFoundError:
        raise WordTemplateError(f"the Word template {name} is no longer there; choose it again") from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise WordTemplateError(
            f"{name} cannot be used as a Word template: it is not a Word document or template (.docx or .dotx)"
        ) from exc


def _as_document(template: Path) -> bytes:
    """The template's bytes, a .dotx's main part declared a document's (in memory only)."""
    data = Path(template).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        if _TEMPLATE_TYPE not in source.read("[Content_Types].xml"):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(item, content)
        return out.getvalue()


class _WordWriter:
    """Walks a report model into a python-docx document, one method per block kind."""

    def __init__(self, word: WordDocument, chart_image: ChartImage | None) -> None:
        self.word = word
        self.chart_image = chart_image
        self.width = self.text_width()
        self.visitors: dict[type, Callable[..., None]] = {
            Heading: self.heading,
            Paragraph: self.paragraph,
            ListItem: self.list_item,
            Space: lambda block: None,  # Word's paragraph spacing is the style's
            Table: self.table,
            Footnote: self.note,
            Note: self.note,
            Keep: self.keep,
            Chart: self.chart,
            Cards: self.cards,
            Quote: self.quote,
            Image: self.image,
        }

    def keep(self, block: Keep) -> None:
        """Blocks kept on one page: each of their paragraphs (in a table's cells too) but the last is kept
        with the next, as Word keeps a heading with its text."""

        def content() -> list:
            return [element for element in self.word.element.body if element.tag != qn("w:sectPr")]

        before = len(content())
        self.blocks(block.blocks)
        paragraphs = [p for element in content()[before:] for p in element.iter(qn("w:p"))]
        for paragraph in paragraphs[:-1]:
            WordParagraph(paragraph, self.word).paragraph_format.keep_with_next = True

    def write(self, document: Document) -> None:
        self.ensure_styles()
        _set_language(self.word, document.metadata.language)
        properties = self.word.core_properties
        properties.title = _property(document.metadata.title)
        properties.author = _property(document.metadata.author)
        properties.subject = _property(document.metadata.subject)
        properties.keywords = _property(document.metadata.keywords)
        properties.language = document.metadata.language
        self.furniture(document)
        body = self.word.element.body
        for child in list(body):  # a template's own sample content goes; its section settings stay
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        page = document.title_page
        if page is not None:
            if page.appendix:
                self.styled(page.appendix, "Subtitle")
            self.styled(page.title, "Title")
            if page.subtitle:
                self.styled(page.subtitle, "Subtitle")
            if page.details:
                details = Table(
                    "title_details",
                    [],
                    [[Cell(f"**{label}**"), Cell(value)] for label, value in page.details],
                    "title_details",
                    header_scope="row",
                    layout="plain",
                )
                self.table(details)
        if document.contents_heading:
            self.word.add_page_break()
            self.styled(document.contents_heading, "TOC Heading")
            _field(self.word.add_paragraph(), 'TOC \\o "1-1" \\h \\z \\u', "Right-click and choose Update Field.")
            self.word.settings.element.append(_element("w:updateFields", val="true"))  # Word offers to fill it
        landscape = False
        for number, section in enumerate(document.sections):
            if section.landscape != landscape:  # a wide table's pages turned sideways, as in the PDF
                self.turn(section.landscape)
                landscape = section.landscape
            elif (number == 0 and self.word.paragraphs) or (number and (section.new_page or not document.continuous)):
                self.word.add_page_break()  # (not before a cover's first words: its first page would be blank)
            if section.title:
                self.word.add_heading(_plain(section.title), level=1)
            self.width = self.text_width()
            self.blocks(section.blocks)

    def furniture(self, document: Document) -> None:
        """'Agenda Item N' in the header; 'Page N' in the footer, numbered on from the pack's first page."""
        section = self.word.sections[0]
        options = document.options
        if options.agenda_item not in (None, ""):
            header = section.header.paragraphs[0]
            header.text = f"Agenda Item {options.agenda_item}"
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        _field(footer, "PAGE", str(options.first_page))
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), str(options.first_page))
        section._sectPr.append(numbering)

    def turn(self, landscape: bool) -> None:
        """A new Word section on a new page, its pages turned sideways (or back)."""
        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        for numbering in section._sectPr.findall(qn("w:pgNumType")):  # numbered on, not from the first page again
            numbering.attrib.pop(qn("w:start"), None)
        if (section.page_width > section.page_height) != landscape:
            section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = section.page_height, section.page_width

    def text_width(self) -> int:
        section = self.word.sections[-1]
        return int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)

    def ensure_styles(self) -> None:
        styles = self.word.styles
        names = {style.name for style in styles}
        for name, base, size, bold, alignment in OWN_STYLES:
            if name in names:
                continue
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[base]
            style.font.size = Pt(size)
            style.font.bold = bold or None
            style.paragraph_format.space_after = Pt(2)
            style.paragraph_format.alignment = ALIGNMENTS[alignment]
        if "Quote" not in names:  # a council's template without one: italic, indented, as Word's own
            quote = styles.add_style("Quote", WD_STYLE_TYPE.PARAGRAPH)
            quote.base_style = styles["Normal"]
            quote.font.italic = True
            quote.paragraph_format.left_indent = quote.paragraph_format.right_indent = Mm(12)

    # --- blocks ------------------------------------------------------------------------

    def blocks(self, blocks: list[Block] | tuple[Block, ...]) -> None:
        for number, block in enumerate(blocks):
            after = blocks[number + 1] if number + 1 < len(blocks) else None
            if isinstance(block, Paragraph) and isinstance(after, Chart):  # the sentence leading into a chart
                block = dataclasses.replace(block, keep_with_next=True)  # stays on the chart's page, as in the PDF
            self.visitors[type(block)](block)

    def styled(self, text: str, style: str) -> WordParagraph:
        paragraph = self.word.add_paragraph(style=style)
        _runs(paragraph, text)
        return paragraph

    def note(self, note: Footnote | Note) -> None:
        self.styled(note.text, "Table Note")

    def heading(self, heading: Heading) -> None:
        self.word.add_heading(_plain(heading.text), level=min(heading.level, 9))

    def paragraph(self, paragraph: Paragraph) -> None:
        if paragraph.number:  # the number typed before the words, hanging in the margin as in the PDF
            indent = _number_indent(paragraph.number)
            written = self.styled(f"{paragraph.number}\t{paragraph.text}", "Normal")
            written.paragraph_format.left_indent = indent
            written.paragraph_format.first_line_indent = -indent
            written.paragraph_format.tab_stops.add_tab_stop(indent)
        else:
            written = self.styled(paragraph.text, "Normal")
        written.paragraph_format.keep_with_next = paragraph.keep_with_next or None

    def quote(self, quote: Quote) -> None:
        """Someone's words in the template's Quote style, who said it on the line under them."""
        written = self.styled(f"“{quote.text}”", "Quote")
        if quote.attribution:
            written.add_run().add_break()
            written.add_run(f"— {quote.attribution}")

    def image(self, image: Image) -> None:
        """The picture at the text's width at most, its alternative text in `descr`."""
        width = WordImage.from_blob(image.data).width
        self.word.add_picture(io.BytesIO(image.data), width=min(width, self.width))
        picture = self.word.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
        picture.set("descr", image.alt_text)
        picture.set("title", image.name)

    def list_item(self, item: ListItem) -> None:
        style = "List Bullet" if item.marker == "•" else "List Number"
        written = self.styled(item.text, style)
        written.paragraph_format.keep_with_next = item.keep_with_next or None
        if item.under:  # the bullet at the numbered paragraph's text, its words hanging after it as in the PDF
            written.paragraph_format.left_indent = _number_indent(item.under) + BULLET_INDENT
            written.paragraph_format.first_line_indent = -BULLET_INDENT

    def table(self, table: Table) -> None:
        rows = table.rows
        width = max((len(row) for row in rows), default=0)
        if not width:
            return
        if table.heading:
            self.word.add_heading(_plain(table.heading), level=2)
        style = None if table.layout == "plain" else "Table Grid"
        word_table: WordTable = self.word.add_table(rows=len(rows), cols=width, style=style)
        shares = table.column_shares or COLUMN_SHARES.get(table.widths, ())
        if len(shares) == width:
            word_table.autofit = False
            for column, share in zip(word_table.columns, shares, strict=True):
                column.width = int(share * self.width)
                for cell in column.cells:
                    cell.width = int(share * self.width)
        if table.caption:
            word_table._tbl.tblPr.append(_element("w:tblCaption", val=_plain(table.caption)))
        margins = _element("w:tblCellMar")
        for side in ("left", "right"):
            margins.append(_element(f"w:{side}", w=str(int(CELL_PADDING.twips)), type="dxa"))
        word_table._tbl.tblPr.append(margins)
        small = "Small " if table.layout in SMALL_LAYOUTS else ""
        merged = _merged(table)
        for number, row in enumerate(rows):
            header = number < len(table.header)
            word_row = word_table.rows[number]
            if header:
                word_row._tr.get_or_add_trPr().append(_element("w:tblHeader"))
            if header or not table.rows_split:
                word_row._tr.get_or_add_trPr().append(_element("w:cantSplit"))
            for column, cell in enumerate(row):
                if (number, column) in merged:
                    continue
                heading = header or (table.header_scope == "row" and column == 0)
                kind = "Heading" if heading else "Number" if cell.kind.numeric else "Text"
                target = word_table.cell(number, column)
                paragraph = target.paragraphs[0]
                paragraph.style = self.word.styles[f"Table {small}{kind}"]
                shade = cell.background or ("table_header_background" if header and style else None)
                if shade:
                    _shade(target, COLOURS[shade])
                self.cell_text(paragraph, cell)
        for span in table.spans:
            word_table.cell(span.row, span.column).merge(
                word_table.cell(span.row + span.rows - 1, span.column + span.columns - 1)
            )
        for group_row in table.group_rows:
            word_table.cell(group_row, 0).merge(word_table.cell(group_row, width - 1))
        for words in table.footnotes:
            self.styled(words, "Table Note")

    def cell_text(self, paragraph: WordParagraph, cell: Cell) -> None:
        """A cell's words: its leading arrow in the colour of its judgement, its muted line under it."""
        words = cell.text
        if cell.colour and words[:1] in ARROWS:
            arrow = paragraph.add_run(words[:1])
            arrow.font.color.rgb = RGBColor.from_string(COLOURS[cell.colour].lstrip("#"))
            words = words[1:]
        _runs(paragraph, f"**{words}**" if cell.bold and words.strip() else words)
        if cell.muted:
            paragraph.add_run().add_break()
            muted = paragraph.add_run(cell.muted)
            muted.font.size = Pt(7)
            muted.font.color.rgb = RGBColor.from_string(COLOURS["muted"].lstrip("#"))

    def chart(self, chart: Chart) -> None:
        if chart.title:
            self.styled(chart.title, "Caption").paragraph_format.keep_with_next = True
        if self.chart_image is None:
            self.styled(chart.alt_text, "Normal")
            return
        self.word.add_picture(io.BytesIO(self.chart_image(chart)), width=CHART_WIDTH)
        picture = self.word.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
        picture.set("descr", chart.alt_text)
        picture.set("title", chart.title)
        if chart.caption:
            self.styled(chart.caption, "Table Note")

    def cards(self, cards: Cards) -> None:
        for card in cards.cards:
            body = [[Cell(card.label, bold=True), Cell(card.value)], *([Cell(h), Cell(c)] for h, c in card.changes)]
            self.table(Table("card", [], body, "card", header_scope="row"))
            for line in card.as_at.splitlines():  # its date, and its change since April where it has one
                self.styled(line, "Table Note")


#: The most characters a Word document's property holds (a cover to several committees names them all).
PROPERTY_LENGTH = 255


def _property(text: str) -> str:
    """The property's words, cut to the length Word allows, with an ellipsis where cut."""
    return text if len(text) <= PROPERTY_LENGTH else text[: PROPERTY_LENGTH - 1].rstrip() + "…"


def _number_indent(number: str) -> Mm:
    return DEEP_NUMBER_INDENT if number.count(".") > 1 else NUMBER_INDENT


def _plain(text: str) -> str:
    return _BOLD.sub(r"\1", text)


def _runs(paragraph: WordParagraph, text: str) -> None:
    """`text` as runs; **bold** parts take the character style Strong."""
    position = 0
    for found in _BOLD.finditer(text):
        if found.start() > position:
            paragraph.add_run(text[position : found.start()])
        paragraph.add_run(found.group(1), style="Strong")
        position = found.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def _shade(cell: Any, colour: str) -> None:
    """A table cell shaded `colour` ('#c6efce'), as the PDF shades it."""
    cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=colour.lstrip("#").upper()))


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A field (PAGE, TOC) that Word works out when it lays the document out; `shown` until then."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
        run = paragraph.add_run()._r
        if kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {text} "
            run.append(code)
        elif kind == "text":
            words = OxmlElement("w:t")
            words.text = text
            run.append(words)
        else:
            run.append(_element("w:fldChar", fldCharType=kind))


def _set_language(word: WordDocument, language: str) -> None:
    """The language of every style's text (the document default and Normal)."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        run = defaults.find(qn("w:rPrDefault"))
        if run is not None:
            properties = run.find(qn("w:rPr"))
            if properties is not None:
                targets.append(properties)
    targets.append(word.styles["Normal"].element.get_or_add_rPr())
    for properties in targets:
        for old in properties.findall(qn("w:lang")):
            properties.remove(old)
        properties.append(_element("w:lang", val=language, eastAsia=language, bidi=language))


def _merged(table: Table) -> set[tuple[int, int]]:
    """Cells merged into another (the merge keeps the first cell's text)."""
    width = max((len(row) for row in table.rows), default=0)
    merged = {
        (row, column)
        for span in table.spans
        for row in range(span.row, span.row + span.rows)
        for column in range(span.column, span.column + span.columns)
        if (row, column) != (span.row, span.column)
    }
    merged.update((row, column) for row in table.group_rows for column in range(1, width))
    return merged
