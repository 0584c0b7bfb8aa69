"""The document template of an appendix in an agenda pack.

One BaseDocTemplate subclass (as ReportLab's own user guide is built, in
tools/docco/rltemplate.py) with named page templates: "blank" (the
"This page is intentionally left blank" filler), "title", "contents" and
"body" (and "body_landscape", the body turned sideways for a wide table).
Every page carries "Agenda Item N" at the top and "Page N" at the
foot, numbered on from the agenda pack's first page. Each Heading becomes a
bookmark in the outline and, at level 0, an entry in the contents, from the
same place (`afterFlowable`); the contents needs `multiBuild`.
"""

from __future__ import annotations

from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import landscape
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from desktop_app.pdf.style import ReportStyle
from desktop_app.report.model import PageOptions

LANGUAGE = "en-GB"
CREATOR = "Scrutiny Studio"


class Heading(Paragraph):
    """A heading: a bookmark at `level` in the outline, and a contents entry if `in_contents`."""

    def __init__(self, text: str, style, level: int = 0, in_contents: bool = True) -> None:
        super().__init__(text, style)
        self.level = level
        self.in_contents = in_contents


def contents(style: ReportStyle) -> TableOfContents:
    """The contents: level-0 headings with dot leaders and the pack's page numbers."""
    return TableOfContents(
        levelStyles=[style["contents_entry"]],
        dotsMinLevel=0,
        rightColumnWidth=48,
        tableStyle=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),  # never an unembedded base-14 font
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


class AppendixDocTemplate(BaseDocTemplate):
    """An agenda-pack appendix: page templates blank, title, contents, body and body_landscape."""

    def __init__(
        self,
        file: str | BinaryIO,
        style: ReportStyle,
        options: PageOptions,
        *,
        title: str,
        author: str,
        subject: str,
        keywords: str = "",
        running_title: str = "",
    ) -> None:
        self.report_style = style
        self.options = options
        self.running_title = running_title
        super().__init__(
            file,
            pagesize=style.page_size,
            leftMargin=style.margin_left,
            rightMargin=style.margin_right,
            topMargin=style.margin_top,
            bottomMargin=style.margin_bottom,
            title=title,
            author=author,
            subject=subject,
            keywords=keywords,
            creator=CREATOR,
            lang=LANGUAGE,
            displayDocTitle=1,
            invariant=1,  # identical input, identical bytes: no dates or random ids in the file
            pageCompression=1,
            initialFontName=style.fonts.regular,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="text",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        wide = landscape(style.page_size)
        wide_frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            wide[0] - self.leftMargin - self.rightMargin,
            wide[1] - self.topMargin - self.bottomMargin,
            id="wide_text",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates = [
            PageTemplate("title", [frame], onPage=self._decorate),
            PageTemplate("contents", [frame], onPage=self._decorate),
            PageTemplate("body", [frame], onPage=self._decorate_body),
            PageTemplate("blank", [frame], onPage=self._decorate),
        ]
        if options.needs_filler:  # the first page template is the first page's
            templates.insert(0, templates.pop())
        templates.append(PageTemplate("body_landscape", [wide_frame], onPage=self._decorate_body, pagesize=wide))
        self.addPageTemplates(templates)

    # --- numbering ---------------------------------------------------------

    def page_size(self) -> tuple[float, float]:
        """The size of the page being drawn: the style's, or turned sideways on a landscape page."""
        return getattr(self.pageTemplate, "pagesize", None) or self.report_style.page_size

    def pack_page(self, physical: int) -> int:
        """The page number printed on the `physical`-th page of this PDF (1-based)."""
        return self.options.first_page + physical - 1

    # --- hooks ---------------------------------------------------------------

    def beforeDocument(self) -> None:
        self.canv.showOutline()  # open with the bookmarks showing

    def afterFlowable(self, flowable) -> None:
        """Each Heading: a bookmark, an outline entry, and (level 0) a contents entry, all on this page."""
        if not isinstance(flowable, Heading):
            return
        text = flowable.getPlainText()
        key = f"heading-{self.seq.nextf('heading')}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=flowable.level, closed=False)
        if flowable.in_contents:
            self.notify("TOCEntry", (flowable.level, escape(text), self.pack_page(self.page), key))

    # --- running header and footer ---------------------------------------------

    def _decorate(self, canvas, doc) -> None:
        style = self.report_style
        running = style["running"]
        width, height = self.page_size()
        canvas.saveState()
        canvas.setFillColor(running.textColor)
        if self.options.agenda_item not in (None, ""):
            canvas.setFont(style.fonts.bold, running.fontSize + 1.5)
            canvas.drawRightString(
                width - style.margin_right, height - style.header_from_top, f"Agenda Item {self.options.agenda_item}"
            )
        canvas.setFont(style.fonts.regular, running.fontSize + 0.5)
        canvas.drawCentredString(width / 2, style.footer_from_bottom, f"Page {self.pack_page(canvas.getPageNumber())}")
        canvas.restoreState()

    def _decorate_body(self, canvas, doc) -> None:
        self._decorate(canvas, doc)
        if not self.running_title:
            return
        style = self.report_style
        running = style["running"]
        canvas.saveState()
        canvas.setFillColor(running.textColor)
        width, height = self.page_size()
        canvas.setFont(running.fontName, running.fontSize)
        canvas.drawString(style.margin_left, height - style.header_from_top, self.running_title)
        canvas.setStrokeColor(style.colours["table_grid"])
        canvas.setLineWidth(0.4)
        rule_y = height - style.header_from_top - running.leading * 0.6
        canvas.line(style.margin_left, rule_y, width - style.margin_right, rule_y)
        canvas.restoreState()


def title_page(
    style: ReportStyle, title: str, appendix: str | None, subtitle: str | None, details: list[list[Flowable]]
) -> list[Flowable]:
    """An appendix's title page: the appendix line, the title and its rule, the subtitle, and a table
    of particulars (label and value cells). Text is given as paragraph mark-up."""
    flowables: list[Flowable] = [Spacer(1, style.text_height * 0.16)]
    if appendix:
        flowables.append(Paragraph(appendix, style["title_appendix"]))
    flowables.append(Heading(title, style["title"], in_contents=False))
    flowables.append(
        HRFlowable(width="100%", thickness=2, color=style.colours["rule"], spaceBefore=2, spaceAfter=14, hAlign="LEFT")
    )
    if subtitle:
        flowables.append(Paragraph(subtitle, style["title_subtitle"]))
    if details:
        table = Table(details, colWidths=[style.text_width * 0.28, style.text_width * 0.72], hAlign="LEFT")
        table.setStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),
            ]
        )
        flowables.append(table)
    return flowables
