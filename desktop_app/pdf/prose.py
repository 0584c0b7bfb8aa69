"""An author's prose, placeholders filled, as flowables (the mark-up is described in `text`)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop_app.pdf.document import Heading
from desktop_app.pdf.style import ReportStyle

_BULLET = re.compile(r"^[-*•]\s+")
_NUMBERED = re.compile(r"^((?:\d{1,3}|[ivxlc]{1,6})[.)])\s+", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    """Plain text as paragraph mark-up: XML characters escaped, **bold** made bold."""
    return _BOLD.sub(r"<b>\1</b>", escape(text))


def prose(text: str, style: ReportStyle, *, keep_last_with_next: bool = False) -> list[Flowable]:
    """Paragraphs, bullets, numbered items and sub-headings from filled prose.

    `keep_last_with_next`: the last paragraph stays on the page of what follows
    (the sentence that introduces a table).
    """
    flowables: list[Flowable] = []
    previous = None
    for kind, marker, words in _blocks(text):
        if previous == "item" and kind == "paragraph":  # a list ends: the paragraph's usual space above it
            flowables.append(Spacer(1, style["body"].spaceAfter))
        previous = kind
        if kind == "heading":
            flowables.append(Heading(inline(words), style["heading2"], level=1, in_contents=False))
        elif kind == "item":
            flowables.append(Paragraph(inline(words), style["bullet"], bulletText=marker))
        else:
            flowables.append(Paragraph(inline(words), style["body"]))
    if keep_last_with_next and flowables:
        last = flowables[-1]
        last.style = _kept(last.style)
    return flowables


def _kept(paragraph_style):
    kept = paragraph_style.clone(f"{paragraph_style.name}-kept")
    kept.keepWithNext = 1
    return kept


def _blocks(text: str) -> list[tuple[str, str, str]]:
    """(kind, marker, words) for each paragraph, item or heading; lines of one block are joined."""
    blocks: list[tuple[str, str, str]] = []
    current: list[str] | None = None
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            current = None
            continue
        if line.startswith("### "):
            blocks.append(("heading", "", line[4:].strip()))
            current = None
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet or numbered:
            marker = "•" if bullet else numbered.group(1)
            blocks.append(("item", marker, line[(bullet or numbered).end() :]))
            current = [blocks[-1][2]]
            continue
        if current is None:
            blocks.append(("paragraph", "", line))
            current = [line]
        else:  # a continuation line of the paragraph or item above
            kind, marker, words = blocks[-1]
            blocks[-1] = (kind, marker, f"{words} {line}")
    return blocks
