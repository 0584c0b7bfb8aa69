"""Tagged PDF (PDF/UA-1) from open-source ReportLab, which writes no structure tree of its own.

Two steps:

1. While the story is drawn, every piece of content is wrapped in marked
   content: a heading, paragraph, list item or chart in `/H1 <</MCID n>> BDC
   ... EMC` (an MCID per page), a table cell through the table's render
   callback (`renderCB`), and everything that is page furniture or decoration
   (the running header, "Page N", "Agenda Item N", rules, cell backgrounds,
   grid lines, header rows repeated on a continuation page) in `/Artifact BMC
   ... EMC`. `Tagger.tag_story` marks the flowables the PDF writer made, in
   the report model's reading order, and builds the structure nodes as it goes.
2. After the build, `write_structure` (pikepdf) writes the structure tree in
   that order (Document > H1…Hn, P, L > LI, Table > THead/TBody > TR > TH/TD,
   Figure with /Alt, TOC > TOCI > Link), the ParentTree, `/StructParents` and
   `/Tabs /S` on every page, `/StructParent` and a description on every link,
   `/MarkInfo`, and XMP metadata with `dc:title` and `pdfuaid:part 1`. The
   document's dates are the report's "figures as at" date, so the same report
   gives the same bytes.

pikepdf (MPL-2.0, on QPDF, wheels for Windows) edits the finished file without
re-laying it out; it is also what tests/pdf_structure.py checks the result with.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from desktop_app.pdf.document import Heading

ARTIFACT_BEGIN = "/Artifact BMC"
#: Flowables that draw nothing.
_INVISIBLE = {"Spacer", "PageBreak", "CondPageBreak", "NextPageTemplate", "ActionFlowable", "SlowPageBreak"}
END = "EMC"


@dataclass(eq=False)
class Node:
    """A structure element: its type, attributes, children, and (filled while drawing) its marked content."""

    tag: str
    children: list[Node] = field(default_factory=list)
    alt: str | None = None
    scope: str | None = None
    colspan: int = 1
    rowspan: int = 1
    text: str = ""  # a link's description

    def add(self, tag: str, **attributes: Any) -> Node:
        child = Node(tag, **attributes)
        self.children.append(child)
        return child


class Figure(Flowable):
    """A drawing (a chart) with its alternative text: tagged as a Figure with /Alt."""

    def __init__(self, drawing: Flowable, alt_text: str) -> None:
        super().__init__()
        self.drawing = drawing
        self.alt_text = alt_text
        self.hAlign = getattr(drawing, "hAlign", "LEFT")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.drawing.wrap(available_width, available_height)

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


class Tagger:
    """Marks content as it is drawn and remembers which MCIDs of which page belong to which node."""

    def __init__(self) -> None:
        self.root = Node("Document")
        self.content: dict[int, list[tuple[int, int]]] = {}  # id(node) -> [(page, mcid)]
        self.next_mcid: dict[int, int] = {}
        self.links: dict[int, list[tuple[Node, range]]] = {}  # page -> (Link node, its annotations' indices)
        self.open_list: Node | None = None  # the list the next list item joins

    def reset(self) -> None:
        """A new layout pass (multiBuild lays the document out more than once): forget the marks."""
        self.content.clear()
        self.next_mcid.clear()
        self.links.clear()

    # --- marking -----------------------------------------------------------------------

    def begin(self, canvas: Any, node: Node) -> None:
        page = canvas.getPageNumber()
        mcid = self.next_mcid.get(page, 0)
        self.next_mcid[page] = mcid + 1
        self.content.setdefault(id(node), []).append((page, mcid))
        canvas._code.append(f"/{_content_tag(node.tag)} <</MCID {mcid}>> BDC")

    @staticmethod
    def artifact(canvas: Any) -> None:
        canvas._code.append(ARTIFACT_BEGIN)

    @staticmethod
    def end(canvas: Any) -> None:
        canvas._code.append(END)

    def drawn(self, node: Node) -> bool:
        return id(node) in self.content

    def mark(self, flowable: Flowable, node: Node | None) -> None:
        """Wrap `flowable`'s drawing (and that of the parts it splits into) in `node`'s marked content, or in
        an artifact where `node` is None."""
        draw_on, split = flowable.drawOn, flowable.split

        def marked_draw_on(canvas: Any, x: float, y: float, _sW: float = 0) -> None:
            if node is None:
                self.artifact(canvas)
            else:
                self.begin(canvas, node)
            draw_on(canvas, x, y, _sW)
            self.end(canvas)

        def marked_split(width: float, height: float) -> list[Flowable]:
            parts = split(width, height)
            for part in parts:
                self.mark(part, node)
            return parts

        flowable.drawOn = marked_draw_on
        flowable.split = marked_split

    # --- the story -----------------------------------------------------------------------

    def tag_story(self, story: list[Flowable]) -> None:
        """Mark every flowable of `story` and add its node under the document, in reading order."""
        for flowable in story:
            self._tag(flowable, self.root)

    def _tag(self, flowable: Flowable, parent: Node) -> None:
        if isinstance(flowable, KeepTogether):
            for inner in flowable._content:
                self._tag(inner, parent)
            return
        if type(flowable).__name__ in _INVISIBLE:
            return
        tag = getattr(flowable, "structure_tag", None)  # a numbered paragraph (P), a quote (BlockQuote)
        if isinstance(flowable, PdfParagraph) and tag:
            self.open_list = None
            self.mark(flowable, parent.add(tag))
            return
        if isinstance(flowable, PdfParagraph) and flowable.bulletText:
            if self.open_list is None:
                self.open_list = parent.add("L")
            self.mark(flowable, self.open_list.add("LI"))
            return
        self.open_list = None
        if isinstance(flowable, Heading):
            self.mark(flowable, parent.add(f"H{min(flowable.level + 1, 6)}"))
        elif isinstance(flowable, PdfParagraph):
            self.mark(flowable, parent.add("P"))
        elif isinstance(flowable, TableOfContents):
            self._tag_contents(flowable, parent.add("TOC"))
        elif isinstance(flowable, PdfTable):
            self._tag_table(flowable, parent.add("Table"))
        elif isinstance(flowable, Figure):
            self.mark(flowable, parent.add("Figure", alt=flowable.alt_text))
        else:  # a rule (HRFlowable) or another decoration
            self.mark(flowable, None)

    def _tag_table(self, table: PdfTable, node: Node) -> None:
        """Nodes for the table's rows and cells, and a render callback that marks each cell as drawn."""
        header_rows = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
        row_scope = getattr(table, "header_scope", "column" if header_rows else "row") == "row"
        # A table with no header rows (a key, a card, a form) is headed by its first column.
        row_headers = set(getattr(table, "row_headers", ()) or ((0,) if row_scope or not header_rows else ()))
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        for command in getattr(table, "_spanCmds", []):
            (start_column, start_row), (end_column, end_row) = command[1], command[2]
            spans[(start_row, start_column)] = (end_row - start_row + 1, end_column - start_column + 1)
        cells: dict[int, Node] = {}
        groups: dict[str, Node | None] = {"THead": None, "TBody": None}
        for row_number, row in enumerate(table._cellvalues):
            part = "THead" if row_number < header_rows else "TBody"
            if groups[part] is None:
                groups[part] = node.add(part)
            group = groups[part]
            assert group is not None
            tr = group.add("TR")
            for column, value in enumerate(row):
                flowables = [
                    v for v in (value if isinstance(value, (list, tuple)) else (value,)) if isinstance(v, Flowable)
                ]
                if not flowables:
                    continue
                heading = row_number < header_rows or column in row_headers
                rows, columns = spans.get((row_number, column), (1, 1))
                cells[id(flowables[0])] = tr.add(
                    "TH" if heading else "TD",
                    scope=("Column" if row_number < header_rows else "Row") if heading else None,
                    rowspan=rows,
                    colspan=columns,
                )
        table._renderCB = _TableMarks(self, cells)  # a table's parts after a split keep it
        self._mark_repeated_headings(table)

    def _mark_repeated_headings(self, table: PdfTable) -> None:
        """A heading a split puts over a table's later part (pdf.continued_table) drawn as an artifact."""
        split = table.split

        def split_marking_headings(width: float, height: float) -> list[Flowable]:
            parts = split(width, height)
            _follow_split_cells(table, [part for part in parts if isinstance(part, PdfTable) and part is not table])
            for part in parts:
                if getattr(part, "artifact", False):
                    self.mark(part, None)
                elif isinstance(part, PdfTable) and part is not table:
                    self._mark_repeated_headings(part)
            return parts

        table.split = split_marking_headings

    def _tag_contents(self, contents: TableOfContents, node: Node) -> None:
        """Each entry of the contents a TOCI holding a Link (its annotation is tied to it after the build)."""
        draw_on = contents.drawOn

        def marked_draw_on(canvas: Any, x: float, y: float, _sW: float = 0) -> None:
            items: dict[int, Node] = {}
            node.children.clear()
            for row in contents._table._cellvalues:
                for value in row:
                    for entry in value if isinstance(value, (list, tuple)) else (value,):
                        if isinstance(entry, PdfParagraph):
                            items[id(entry)] = node.add("TOCI").add("Link", text=entry.getPlainText())
            contents._table._renderCB = _TableMarks(self, items, links=True)
            draw_on(canvas, x, y, _sW)

        contents.drawOn = marked_draw_on


def _follow_split_cells(table: PdfTable, parts: list[PdfTable]) -> None:
    """A row split over a page break (splitInRow) leaves its cells' text in new flowables, one part on each page:
    each part is marked as its cell's. The first part holds rows 0..n, the row split last; the second the header
    rows, then the rest of row n, then the rows after it."""
    marks = getattr(table, "_renderCB", None)
    if not isinstance(marks, _TableMarks) or len(parts) != 2:
        return
    first, second = parts
    header_rows = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
    split_row = len(first._cellvalues) - 1
    for part, original_row in (
        (first, lambda row: row),
        (second, lambda row: row if row < header_rows else split_row + row - header_rows),
    ):
        for row_number, row in enumerate(part._cellvalues):
            source = original_row(row_number)
            if source >= len(table._cellvalues):
                continue
            for column, value in enumerate(row):
                pieces = [
                    v for v in (value if isinstance(value, (list, tuple)) else (value,)) if isinstance(v, Flowable)
                ]
                if not pieces or marks.cell_node(value) is not None:
                    continue
                node = marks.cell_node(table._cellvalues[source][column])
                if node is not None:
                    for piece in pieces:
                        marks.cells[id(piece)] = node


class _TableMarks:
    """A table's render callback: each known cell in its node's marked content, the rest as artifacts."""

    def __init__(self, tagger: Tagger, cells: dict[int, Node], links: bool = False) -> None:
        self.tagger, self.cells, self.links = tagger, cells, links
        self.drawing: Node | None = None
        self.annotations = 0

    def cell_node(self, value: object) -> Node | None:
        """The node of a cell's flowable (a table may hold it as is, or in a tuple of flowables)."""
        for candidate in value if isinstance(value, (list, tuple)) else (value,):
            found = self.cells.get(id(candidate))
            if found is not None:
                return found
        return None

    def __call__(self, table: PdfTable, event: str, *args: Any) -> None:
        canvas = table.canv
        if event in ("startBG", "startLines"):
            self.tagger.artifact(canvas)
        elif event in ("endBG", "endLines"):
            self.tagger.end(canvas)
        elif event == "startCell":
            node = self.cell_node(args[2])
            if node is None or (node.tag == "TH" and self.tagger.drawn(node)):
                self.tagger.artifact(canvas)  # an empty cell, or a header row repeated on a later page
            else:
                self.tagger.begin(canvas, node)
                self.drawing, self.annotations = node, len(canvas._annotationrefs)
        elif event == "endCell":
            self.tagger.end(canvas)
            if self.links and self.drawing is not None:
                made = range(self.annotations, len(canvas._annotationrefs))
                self.tagger.links.setdefault(canvas.getPageNumber(), []).append((self.drawing, made))
            self.drawing = None


def tag_page_furniture(template: BaseDocTemplate, tagger: Tagger) -> None:
    """Every page template's running header and footer drawn as artifacts; each layout pass starts afresh."""
    for page_template in template.pageTemplates:
        page_template.onPage = _as_artifact(page_template.onPage, tagger)
    before = template.beforeDocument

    def before_document() -> None:
        tagger.reset()
        before()

    template.beforeDocument = before_document


def _as_artifact(on_page: Callable[..., None], tagger: Tagger) -> Callable[..., None]:
    def draw(canvas: Any, document: Any) -> None:
        tagger.artifact(canvas)
        on_page(canvas, document)
        tagger.end(canvas)

    return draw


def _content_tag(tag: str) -> str:
    return {"TOCI": "Span", "Link": "Link"}.get(tag, tag)


# --- after the build -----------------------------------------------------------------------


def write_structure(pdf_bytes: bytes, tagger: Tagger, title: str, language: str, as_at: dt.date | None) -> bytes:
    """The built PDF with its structure tree, marks and metadata (see the module docstring)."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    pages = list(pdf.pages)
    tree = _Tree(pdf, tagger, pages)
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    root.K = tree.element(tagger.root, root)
    keys = Array()
    for number, page in enumerate(pages):
        page.obj.StructParents = number
        page.obj.Tabs = Name.S
        marks = tree.parents.get(number + 1, {})
        keys.append(number)
        keys.append(Array([marks[mcid] for mcid in sorted(marks)]))
    next_key = len(pages)
    for number, page in enumerate(pages):
        annotations = page.obj.get("/Annots", Array())
        for node, made in tagger.links.get(number + 1, []):
            element = tree.elements[id(node)]
            kids = element.K if isinstance(element.K, Array) else Array([element.K])
            for index in made:
                annotation = annotations[index]
                annotation.StructParent = next_key
                annotation.Contents = pikepdf.String(f"Go to {node.text}")
                kids.append(Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page.obj))
                keys.append(next_key)
                keys.append(element)
                next_key += 1
            element.K = kids
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=keys))
    root.ParentTreeNextKey = next_key
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String(language)
    stamp = _pdf_date(as_at)
    pdf.docinfo["/CreationDate"] = stamp
    pdf.docinfo["/ModDate"] = stamp
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as metadata:
        metadata["dc:title"] = title
        metadata["pdfuaid:part"] = "1"
        metadata["dc:language"] = [language]
        moment = dt.datetime.combine(as_at or dt.date(2000, 1, 1), dt.time(), dt.UTC).isoformat()
        metadata["xmp:CreateDate"] = moment
        metadata["xmp:ModifyDate"] = moment
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


class _Tree:
    """Structure elements made from nodes, and which element each page's MCIDs belong to."""

    def __init__(self, pdf: pikepdf.Pdf, tagger: Tagger, pages: list[pikepdf.Page]) -> None:
        self.pdf, self.tagger, self.pages = pdf, tagger, pages
        self.parents: dict[int, dict[int, pikepdf.Object]] = {}
        self.elements: dict[int, pikepdf.Object] = {}

    def element(self, node: Node, parent: pikepdf.Object) -> pikepdf.Object:
        element = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.tag), P=parent))
        self.elements[id(node)] = element
        marks = self.tagger.content.get(id(node), [])
        for page, mcid in marks:
            self.parents.setdefault(page, {})[mcid] = element
        children = [child for child in node.children if self.has_content(child)]
        if len(marks) == 1 and not children:  # the usual case: one piece of content, on one page
            element.Pg = self.pages[marks[0][0] - 1].obj
            element.K = marks[0][1]
        else:
            kids = Array([Dictionary(Type=Name.MCR, Pg=self.pages[page - 1].obj, MCID=mcid) for page, mcid in marks])
            for child in children:
                kids.append(self.element(child, element))
            element.K = kids
        if node.alt:
            element.Alt = pikepdf.String(node.alt)
        attributes = Dictionary(O=Name.Table)
        if node.scope:
            attributes.Scope = Name("/" + node.scope)
        if node.colspan > 1:
            attributes.ColSpan = node.colspan
        if node.rowspan > 1:
            attributes.RowSpan = node.rowspan
        if len(attributes.keys()) > 1:
            element.A = attributes
        return element

    def has_content(self, node: Node) -> bool:
        return self.tagger.drawn(node) or any(self.has_content(child) for child in node.children)


def _pdf_date(day: dt.date | None) -> pikepdf.String:
    day = day or dt.date(2000, 1, 1)
    return pikepdf.String(f"D:{day:%Y%m%d}000000+00'00'")
