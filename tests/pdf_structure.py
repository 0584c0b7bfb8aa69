"""A structural checker of tagged PDFs (PDF/UA-1's machine-checkable core), with pikepdf and pypdf.

`structure_problems(path)` lists what a screen reader would trip on: no structure tree or marks, a page
without /StructParents or /Tabs /S, an MCID not referenced exactly once from the tree, text or drawing
outside both marked content and artifacts, a heading that skips a level, a table header cell without a
Scope, a figure without alternative text, a link without a description, no /Lang or pdfuaid:part, and the
running header or "Page N" in the tagged text. An empty list means all of these hold.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pikepdf
import pypdfium2
from pypdf import PdfReader

_TEXT_OPERATORS = {b"Tj", b"TJ", b"'", b'"'}
_PAINT_OPERATORS = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"Do", b"sh"}
_FURNITURE = re.compile(r"^(Page \d+|Agenda Item \S+)$")


def page_lines(path_or_stream) -> list[list[str]]:
    """Each page's lines as laid out on the page, spaces collapsed (a table row reads as one line)."""
    return [
        [" ".join(line.split()) for line in page.extract_text(extraction_mode="layout").splitlines() if line.strip()]
        for page in PdfReader(path_or_stream).pages
    ]


def pdf_lines(path_or_stream) -> list[str]:
    """Every page's lines, one after the other (see page_lines)."""
    return [line for page in page_lines(path_or_stream) for line in page]


def pdf_text(path_or_stream) -> str:
    """The PDF's words as a reader sees them laid out, a line each (see page_lines): no outside program needed."""
    return "\n".join(pdf_lines(path_or_stream))


def reading_text(path: Path) -> str:
    """The PDF's words in the order they were drawn, spaces collapsed, as a reader's copy-and-paste gives them
    (a wrapped table cell reads whole, before the next cell)."""
    document = pypdfium2.PdfDocument(path)
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()


def structure_problems(path: Path) -> list[str]:
    problems: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if root.get("/MarkInfo", {}).get("/Marked") is not True:
            problems.append("no /MarkInfo <</Marked true>>")
        if "/StructTreeRoot" not in root:
            return [*problems, "no structure tree"]
        if not str(root.get("/Lang", "")):
            problems.append("no /Lang")
        with pdf.open_metadata() as metadata:
            if metadata.get("pdfuaid:part") != "1":
                problems.append("no pdfuaid:part 1 in the XMP metadata")
            if not metadata.get("dc:title"):
                problems.append("no dc:title in the XMP metadata")
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        referenced: Counter[tuple[int, int]] = Counter()
        headings: list[int] = []
        _walk(root.StructTreeRoot.K, None, pages, referenced, headings, problems)
        for before, after in zip(headings, headings[1:], strict=False):
            if after > before + 1:
                problems.append(f"a heading skips from H{before} to H{after}")
        drawn: Counter[tuple[int, int]] = Counter()
        for number, page in enumerate(pdf.pages, start=1):
            if "/StructParents" not in page.obj:
                problems.append(f"page {number} has no /StructParents")
            if page.obj.get("/Tabs") != pikepdf.Name.S:
                problems.append(f"page {number} has no /Tabs /S")
            problems += _content_problems(page, number, drawn)
            for annotation in page.obj.get("/Annots", []):
                if annotation.get("/Subtype") == pikepdf.Name.Link:
                    if not str(annotation.get("/Contents", "")):
                        problems.append(f"page {number}: a link has no description")
                    if "/StructParent" not in annotation:
                        problems.append(f"page {number}: a link is not in the structure tree")
        for mark in drawn:
            if referenced[mark] != 1:
                problems.append(f"page {mark[0]} MCID {mark[1]} is referenced {referenced[mark]} times from the tree")
        for mark in referenced:
            if mark not in drawn:
                problems.append(f"the tree names page {mark[0]} MCID {mark[1]}, which is not on the page")
    problems += _furniture_in_tagged_text(path)
    return problems


def _walk(kids, page, pages, referenced, headings, problems) -> None:
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
            referenced[(pages[page.objgen], int(kid))] += 1
            continue
        if not isinstance(kid, pikepdf.Dictionary):
            continue
        if kid.get("/Type") == pikepdf.Name.MCR:
            referenced[(pages[kid.Pg.objgen], int(kid.MCID))] += 1
            continue
        if kid.get("/Type") == pikepdf.Name.OBJR:
            continue
        tag = str(kid.get("/S", ""))
        if re.fullmatch(r"/H[1-6]", tag):
            headings.append(int(tag[2:]))
        if tag == "/Figure" and not str(kid.get("/Alt", "")):
            problems.append("a Figure has no alternative text")
        if tag == "/TH" and "/Scope" not in kid.get("/A", {}):
            problems.append("a table header cell has no Scope")
        if tag == "/Table":
            if not _has_tag(kid, "/TH"):
                problems.append("a table has no header cells")
        _walk(kid.get("/K", pikepdf.Array()), kid.get("/Pg", page), pages, referenced, headings, problems)


def _has_tag(element, tag: str) -> bool:
    kids = element.get("/K", pikepdf.Array())
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and (kid.get("/S") == pikepdf.Name(tag) or _has_tag(kid, tag)):
            return True
    return False


def _content_problems(page, number: int, drawn: Counter) -> list[str]:
    """Text or painting outside marked content and artifacts; the MCIDs the page draws."""
    problems: list[str] = []
    stack: list[str] = []
    loose = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        if operator == pikepdf.Operator("BDC"):
            properties = operands[1]
            if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                drawn[(number, int(properties.MCID))] += 1
            stack.append(str(operands[0]))
        elif operator == pikepdf.Operator("BMC"):
            stack.append(str(operands[0]))
        elif operator == pikepdf.Operator("EMC"):
            if stack:
                stack.pop()
        elif bytes(operator) in _TEXT_OPERATORS | _PAINT_OPERATORS and not stack:
            loose += 1
    if loose:
        problems.append(f"page {number}: {loose} drawing operations are neither tagged nor artifacts")
    return problems


def _furniture_in_tagged_text(path: Path) -> list[str]:
    """'Page N' and 'Agenda Item N' must be artifacts: read the tagged text back and look for them."""
    return [
        f"page {number}: {line!r} is in the tagged text"
        for number, lines in enumerate(tagged_lines(path), start=1)
        for line in lines
        if _FURNITURE.match(line)
    ]


def tagged_lines(path: Path) -> list[list[str]]:
    """Each page's text that a screen reader reads (marked content with an MCID; artifacts left out)."""
    pages = []
    for page in PdfReader(path).pages:
        depth: list[bool] = []  # True for marked content with an MCID (tagged), False for an artifact
        tagged: list[str] = []

        def before(operator, operands, cm, tm, depth=depth):
            if operator == b"BDC":
                depth.append(not str(operands[0]).endswith("Artifact"))
            elif operator == b"BMC":
                depth.append(False)
            elif operator == b"EMC" and depth:
                depth.pop()

        def text(words, cm, tm, font, size, depth=depth, tagged=tagged):
            if depth and all(depth):
                tagged.append(words)

        page.extract_text(visitor_operand_before=before, visitor_text=text)
        pages.append([line.strip() for line in "".join(tagged).splitlines() if line.strip()])
    return pages


def figure_alt_texts(path: Path) -> list[str]:
    """The alternative text of every Figure of the structure tree, in its order (what a screen reader says of
    each chart)."""
    with pikepdf.open(path) as pdf:
        return [str(node.get("/Alt")) for node in _struct_nodes(pdf.Root.StructTreeRoot) if node.get("/S") == "/Figure"]


def structure_tags(path: Path) -> list[str]:
    """The type of every element of the structure tree, in its order ('/H1', '/P', '/BlockQuote', ...)."""
    with pikepdf.open(path) as pdf:
        return [str(node.get("/S")) for node in _struct_nodes(pdf.Root.StructTreeRoot)]


def _struct_nodes(node):
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary):
            yield kid
            yield from _struct_nodes(kid)


def drawn_runs(path: Path) -> list[tuple[int, float, str]]:
    """Every run of text as drawn: its page (from 1), the x it starts at (points from the page's left edge), its
    words; for where a line stands, not only what it says."""
    runs: list[tuple[int, float, str]] = []
    for number, page in enumerate(PdfReader(path).pages, start=1):

        def text(words, cm, tm, font, size, number=number):
            if words.strip():
                runs.append((number, round(tm[4] * cm[0] + tm[5] * cm[2] + cm[4], 1), words.strip()))

        page.extract_text(visitor_text=text)
    return runs
