"""An author's prose, placeholders filled, as blocks of the report model.

Mark-up, kept small: a blank line starts a new paragraph; a line starting "- "
(or "* ", "• ") is a bullet and one starting "1. " (or "i. ") a numbered item;
"### Words" is a sub-heading; **words** are bold. Lines of one block are joined.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop_app.report.model import Block, Heading, ListItem, Paragraph, Space

_BULLET = re.compile(r"^[-*•]\s+")
_NUMBERED = re.compile(r"^((?:\d{1,3}|[ivxlc]{1,6})[.)])\s+", re.IGNORECASE)


def prose_blocks(text: str, *, keep_last_with_next: bool = False, figures: tuple[str, ...] = ()) -> list[Block]:
    """Paragraphs, list items and sub-headings of `text`; a list is followed by the space a paragraph has above.

    `keep_last_with_next`: the last block stays on the page of what follows (the sentence that introduces a
    table). `figures`: the live figures the text held before it was filled.
    """
    blocks: list[Block] = []
    previous = None
    found = parts(text)
    for number, (kind, marker, words) in enumerate(found):
        keep = keep_last_with_next and number == len(found) - 1
        if previous == "item" and kind == "paragraph":
            blocks.append(Space("paragraph"))
        previous = kind
        if kind == "heading":
            blocks.append(Heading(words, level=2, in_contents=False))
        elif kind == "item":
            blocks.append(ListItem(words, marker, figures, keep_with_next=keep))
        else:
            blocks.append(Paragraph(words, figures, keep_with_next=keep))
    return blocks


def parts(text: str) -> list[tuple[str, str, str]]:
    """(kind, marker, words) for each paragraph, item or heading; lines of one block are joined (the proof
    reads the author's words block by block, as they print)."""
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
            marker = "•" if bullet else numbered.group(1)  # type: ignore[union-attr]
            found = bullet or numbered
            assert found is not None
            blocks.append(("item", marker, line[found.end() :]))
            current = [blocks[-1][2]]
            continue
        if current is None:
            blocks.append(("paragraph", "", line))
            current = [line]
        else:  # a continuation line of the paragraph or item above
            kind, marker, words = blocks[-1]
            blocks[-1] = (kind, marker, f"{words} {line}")
    return blocks


# A sentence ends at ".", "!" or "?" followed by a space and a capital, a figure or a quote (not "e.g. a").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9{(\"'“‘*])")


def without_sentences(text: str, why_not: Callable[[str], str | None]) -> tuple[str, list[tuple[str, str]]]:
    """`text` (mark-up and placeholders as written) without each sentence `why_not` gives a reason for,
    and the (sentence, reason) pairs left out.

    A paragraph or list item whose every sentence is left out goes, and so does a sub-heading with nothing
    left under it: what is left reads as the author wrote it, with no gaps.
    """
    kept: list[tuple[str, str, str]] = []
    left_out: list[tuple[str, str]] = []
    for kind, marker, words in parts(text):
        if kind == "heading":
            kept.append((kind, marker, words))
            continue
        sentences = []
        for sentence in _SENTENCE_END.split(words):
            reason = why_not(sentence)
            if reason is None:
                sentences.append(sentence)
            else:
                left_out.append((sentence, reason))
        if sentences:
            kept.append((kind, marker, " ".join(sentences)))
    shown = [
        part
        for number, part in enumerate(kept)
        if part[0] != "heading" or (number + 1 < len(kept) and kept[number + 1][0] != "heading")
    ]
    lines = [
        f"### {w}" if k == "heading" else f"{'-' if m == '•' else m} {w}" if k == "item" else w for k, m, w in shown
    ]
    return "\n\n".join(lines), left_out
