"""What to look at before an appendix is published: the checks the window runs before an export.

Each finding is one sentence and the place where the author puts it right (the window turns the
place into a button). Until the full proof before publishing lands, the checks are the slips that
reached published papers: prompts left in [square brackets], rows left out of figures, parts of an
appendix left out for want of figures, and open complaints past their due date; the "figures as
at" date is always shown, as a reminder, not a finding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from desktop_app.domain.formatting import long_date
from desktop_app.report.model import Block, Document, Footnote, Heading, Keep, ListItem, Note, Paragraph, Table

#: A prompt for the author: words in square brackets ("[Add the further recommendations]").
PROMPT = re.compile(r"\[[^\]\n]{2,}\]")


@dataclass(frozen=True)
class Finding:
    """`text`: what the author should know; `place`: where to fix it, as (kind, key) — ("section", key),
    ("details", appendix), ("returns", file name), ("overdue", ""), ("as_at", ""), ("left_out", "") —
    and `reminder`: shown, but nothing to fix."""

    text: str
    place: tuple[str, str]
    reminder: bool = False


def proof_findings(
    document: Document,
    *,
    as_at: dt.date | None = None,
    overdue: int = 0,
    rows_not_used: Mapping[str, int] | None = None,
) -> list[Finding]:
    """The findings for `document` (an appendix's report model) before it is exported; `overdue`: open
    complaints past their due date on `as_at`; `rows_not_used`: per imported file, its rows no figure uses."""
    findings: list[Finding] = []
    if as_at is not None:
        findings.append(Finding(f"Figures as at {long_date(as_at)}.", ("as_at", ""), reminder=True))
    page = document.title_page
    if page is not None:
        for text in (page.appendix, page.title, page.subtitle, *(value for _, value in page.details)):
            findings += [
                Finding(f"The title page still has the prompt {prompt}.", ("details", document.kind))
                for prompt in PROMPT.findall(text)
            ]
    for section in document.sections:
        where = f"'{section.title}'" if section.title else "the appendix"
        seen: set[str] = set()
        for text in _texts(section.blocks):
            for prompt in PROMPT.findall(text):
                if prompt not in seen:
                    seen.add(prompt)
                    findings.append(Finding(f"{where} still has the prompt {prompt}.", ("section", section.key)))
    for note in document.notes():
        findings.append(Finding(note.text, ("returns", "")))
    for file, count in (rows_not_used or {}).items():
        if count:
            rows = "1 row is" if count == 1 else f"{count:,} rows are"
            findings.append(Finding(f"{file}: {rows} left out of every figure (see its problems).", ("returns", file)))
    if document.left_out:
        first = document.left_out[0][0]
        more = len(document.left_out) - 1
        findings.append(
            Finding(
                f"{len(document.left_out)} part{'s' if more else ''} of the appendix "
                f"{'are' if more else 'is'} left out for want of figures (the first: {first}).",
                ("left_out", ""),
            )
        )
    if overdue:
        cases = "1 open complaint is" if overdue == 1 else f"{overdue:,} open complaints are"
        on = f" on {long_date(as_at)}" if as_at else ""
        findings.append(Finding(f"{cases} past the due date{on}.", ("overdue", "")))
    return findings


def _texts(blocks: Iterable[Block]) -> Iterator[str]:
    """The words of every block that prints words (tables' cells too), inside kept groups as well."""
    for block in blocks:
        if isinstance(block, (Paragraph, ListItem, Heading, Note, Footnote)):
            yield block.text
        elif isinstance(block, Table):
            yield from (cell.text for row in block.rows for cell in row)
        elif isinstance(block, Keep):
            yield from _texts(block.blocks)
