"""The proof of a narrative board report: the document's own checks, the author's words, and its quotes.

The details of its title page (the meeting date's weekday) and the words (paragraphs, bullets, quotes,
sub-headings) are proofed as every appendix's are (report.proof_words: typed figures against the live figures,
comparison words, weekdays and the meeting date, repeated words). A quote must be anonymous: its attribution is read by domain.board_report's rule (a word
with a capital that is no describing word of resources/board_report.toml is
taken for a name), and a name-like one is a warning naming the line.
"""

from __future__ import annotations

import re

from desktop_app.report.board import BoardBuilder
from desktop_app.report.model import Document
from desktop_app.report.proof import Finding, Where, finding_of, proof_findings
from desktop_app.report.proof_words import (
    WARNING,
    Piece,
    document_pieces,
    meeting_findings,
    period_end_of,
    proof_of_words,
)

WORDS_KINDS = ("paragraph", "bullet", "quote", "subsection")
#: A paragraph's number typed by the author ("3.2 ", "1.0 "): the report numbers its paragraphs itself.
TYPED_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\s")


def board_proof(document: Document, builder: BoardBuilder) -> list[Finding]:
    """Every finding of the report `builder` made as `document`."""
    source = builder.source
    findings = proof_findings(document)
    pieces = document_pieces(source.document, document.figures, document.kind, source.file)
    pieces += [
        Piece(
            placed.section, placed.title, placed.item.text, document.figures, ("section", placed.section), source.file
        )
        for placed in builder.placed
        if placed.item.kind in WORDS_KINDS
    ]
    found = proof_of_words(pieces)
    found += meeting_findings(source.document, period_end_of(document.figures), document.kind, source.file)
    findings += [finding_of(one) for one in found]
    for placed in builder.placed:
        item = placed.item
        typed = TYPED_NUMBER.match(item.text) if item.kind in ("paragraph", "subsection") else None
        if typed:
            findings.append(
                Finding(
                    f"{source.where(item.line)}: the words start with the number {typed.group(1)}, and the report "
                    "numbers its paragraphs itself: take the typed number out.",
                    ("section", placed.section),
                    severity=WARNING,
                    kind="typed_paragraph_number",
                    where=Where(section=placed.section, file=source.file),
                    says=typed.group(1),
                )
            )
        names = builder.rules.names_in(item.more) if item.kind == "quote" else []
        if names:
            findings.append(
                Finding(
                    f"{source.where(item.line)}: the quote is from '{item.more}', and '{names[0]}' reads as a "
                    "person's name. Say who in words that name no one ('Young person, aged 14'); where the word "
                    "names no one, add it to [quotes] describing in board_report.toml.",
                    ("section", placed.section),
                    severity=WARNING,
                    kind="quote_name",
                    where=Where(section=placed.section, file=source.file),
                    says=item.more,
                )
            )
    return findings
