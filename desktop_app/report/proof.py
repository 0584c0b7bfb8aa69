"""What to look at before an appendix is published: the proof the window runs before an export, and the
command line's `proof`.

Each finding is one sentence and the place where the author puts it right (the window turns the
place into a button), with its severity (error: the paper says something the figures contradict;
warning: a careful reader would query it; info: worth a look), its kind, where it is, what the paper
says and what the figures give. The checks of the document: prompts left in [square brackets], rows
left out of figures, parts of an appendix left out for want of figures, the parts a complaints report's
regime requires that it does not yet have (report.required_contents), and open complaints past their
due date; the "figures as at" date is always shown, as a reminder, not a finding. Given the author's
words (`text`), the proof of the words too (report.proof_words: typed figures, percentages beside
their counts, points against per cent, comparison words, weekdays and the meeting date, numbering and
repeated words) and of its dates (report.proof_dates: the title page's year, the title's period, documents
about another year).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.domain.formatting import long_date
from desktop_app.domain.imports import ImportResult
from desktop_app.domain.problems import Problem, Severity
from desktop_app.report.action_plan_text import PlanText
from desktop_app.report.appendix_text import AppendixText
from desktop_app.report.model import (
    Block,
    Chart,
    Document,
    Footnote,
    Heading,
    Keep,
    ListItem,
    Note,
    Paragraph,
    Quote,
    Table,
)
from desktop_app.report.performance_text import PerformanceText
from desktop_app.report.proof_dates import date_findings
from desktop_app.report.proof_words import (
    ERROR,
    INFO,
    WARNING,
    ProofWords,
    Shares,
    WordFinding,
    appendix_text_pieces,
    complaints_pieces,
    meeting_findings,
    performance_pieces,
    period_end_of,
    plan_pieces,
    proof_of_words,
)
from desktop_app.report.required_contents import (
    NO_SECTION,
    NO_TABLE,
    NOT_RECORDED_IN_LOG,
    NOT_WRITTEN,
    PROMPT_LEFT,
    check_required_contents,
)
from desktop_app.report.text import ReportText

#: The author's words of an appendix, of any kind the proof reads.
ProofText = ReportText | PerformanceText | PlanText | AppendixText

PROOF_SCHEMA = "proof/1"
#: The severities, least first.
SEVERITIES = (INFO, WARNING, ERROR)

#: A prompt for the author: words in square brackets ("[Add the further recommendations]").
PROMPT = re.compile(r"\[[^\]\n]{2,}\]")


@dataclass(frozen=True)
class Where:
    """Where a finding is: the section (its key; "details" for the title page), the file, and the sheet,
    row and column of a return, as far as they are known."""

    section: str | None = None
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class Finding:
    """`text`: what the author should know, and how to put it right (the `message`); `place`: where to fix
    it, as (kind, key) — ("section", key), ("details", appendix), ("returns", file name), ("overdue", ""),
    ("as_at", ""), ("left_out", ""), ("preview", appendix) — and `reminder`: shown, but nothing to fix.
    `severity` one of SEVERITIES, `kind` what was checked ("typed_figure", "prompt", ...), `where`,
    `says` what the paper says, `computed` what the figures give (None: nothing to compare)."""

    text: str
    place: tuple[str, str]
    reminder: bool = False
    severity: str = WARNING
    kind: str = ""
    where: Where = field(default_factory=Where)
    says: str = ""
    computed: str | None = None

    @property
    def message(self) -> str:
        return self.text

    @property
    def serious(self) -> bool:
        """At warning or above: what the command line's exit status and --strict count."""
        return SEVERITIES.index(self.severity) >= SEVERITIES.index(WARNING)


def proof_findings(
    document: Document,
    *,
    text: ProofText | None = None,
    as_at: dt.date | None = None,
    overdue: int = 0,
    rows_not_used: Mapping[str, int] | None = None,
    words: ProofWords | None = None,
) -> list[Finding]:
    """The findings for `document` (an appendix's report model) before it is exported; `text`: the author's
    words it was made from (their live figures are the document's figures); `overdue`: open complaints past
    their due date on `as_at`; `rows_not_used`: per imported file, its rows no figure uses; `words`: the
    proof's words (resources/proof_words.toml by default)."""
    findings: list[Finding] = []
    if as_at is not None:
        findings.append(
            Finding(f"Figures as at {long_date(as_at)}.", ("as_at", ""), reminder=True, severity=INFO, kind="as_at")
        )
    page = document.title_page
    if page is not None:
        for words_of in (page.appendix, page.title, page.subtitle, *(value for _, value in page.details)):
            findings += [
                Finding(
                    f"The title page still has the prompt {prompt}.",
                    ("details", document.kind),
                    kind="prompt",
                    where=Where(section="details"),
                    says=prompt,
                )
                for prompt in PROMPT.findall(words_of)
            ]
    for section in document.sections:
        where = f"'{section.title}'" if section.title else "the appendix"
        seen: set[str] = set()
        for words_of in _texts(section.blocks):
            for prompt in PROMPT.findall(words_of):
                if prompt not in seen:
                    seen.add(prompt)
                    findings.append(
                        Finding(
                            f"{where} still has the prompt {prompt}.",
                            ("section", section.key),
                            kind="prompt",
                            where=Where(section=section.key),
                            says=prompt,
                        )
                    )
    findings += required_contents_findings(document)
    for note in document.notes():
        findings.append(Finding(note.text, ("returns", ""), severity=INFO, kind="data_quality"))
    for file, count in (rows_not_used or {}).items():
        if count:
            rows = "1 row is" if count == 1 else f"{count:,} rows are"
            findings.append(
                Finding(
                    f"{file}: {rows} left out of every figure (see its problems).",
                    ("returns", file),
                    kind="rows_left_out",
                    where=Where(file=file),
                    computed=f"{count:,}",
                )
            )
    if document.left_out:
        first = document.left_out[0][0]
        more = len(document.left_out) - 1
        findings.append(
            Finding(
                f"{len(document.left_out)} part{'s' if more else ''} of the appendix "
                f"{'are' if more else 'is'} left out for want of figures (the first: {first}).",
                ("left_out", ""),
                kind="left_out",
                says=first,
            )
        )
    if overdue:
        cases = "1 open complaint is" if overdue == 1 else f"{overdue:,} open complaints are"
        on = f" on {long_date(as_at)}" if as_at else ""
        findings.append(Finding(f"{cases} past the due date{on}.", ("overdue", ""), severity=INFO, kind="overdue"))
    if text is not None:
        findings += [finding_of(found) for found in word_findings(document, text, words)]
    return findings


def rows_not_used(results: Sequence[ImportResult]) -> dict[str, int]:
    """Per imported file, its rows in error, which no figure uses (proof_findings' `rows_not_used`)."""
    return {
        result.provenance.file: len({(p.sheet, p.row) for p in result.problems if p.severity is Severity.ERROR})
        for result in results
    }


#: A reader's severity as the proof's: a slip that leaves a figure out is an error; a note is for information.
_SLIP_SEVERITIES = {Severity.ERROR: ERROR, Severity.WARNING: WARNING, Severity.NOTE: INFO}


def slip_findings(problems: Iterable[Problem], kind: str) -> list[Finding]:
    """Each slip a reader found in a return (a plan's numbering, an unreadable milestone) as a finding
    naming its cell, so the proof lists it beside the words' own."""
    return [
        Finding(
            problem.described,
            ("returns", problem.file),
            severity=_SLIP_SEVERITIES[problem.severity],
            kind=kind,
            where=Where(
                file=problem.file or None,
                sheet=problem.sheet or None,
                row=problem.row,
                column=problem.column or None,
            ),
            says=problem.value,
        )
        for problem in problems
    ]


#: What a required part that is not there lacks, by the check's reason.
_MISSING = {
    NO_SECTION: "the report has no section for it",
    NO_TABLE: "its table is not in the report",
    NOT_RECORDED_IN_LOG: "the complaints log does not record it",
    PROMPT_LEFT: "its section still has the author's prompt",
    NOT_WRITTEN: "its section has no words yet",
}


def required_contents_findings(document: Document) -> list[Finding]:
    """A warning for each part the report's regime requires that it does not yet have
    (report.required_contents)."""
    return [
        Finding(
            f"Required contents: the report does not yet have {checked.required.item} ({checked.required.source}): "
            f"{_MISSING[checked.missing]}.",
            ("section", checked.required.section),
            kind="required_contents",
            where=Where(section=checked.required.section),
            says=checked.required.item,
        )
        for checked in check_required_contents(document)
        if not checked.present
    ]


def word_findings(document: Document, text: ProofText, words: ProofWords | None = None) -> list[WordFinding]:
    """The proof of the author's words `text` against `document`'s figures (report.proof_words)."""
    figures = document.figures
    if isinstance(text, ReportText):
        pieces = complaints_pieces(text, figures)
    elif isinstance(text, PlanText):
        pieces = plan_pieces(text, figures)
    elif isinstance(text, AppendixText):
        pieces = appendix_text_pieces(text, figures, document.kind)
    else:
        pieces = performance_pieces(text, figures, table_shares(document))
    found = proof_of_words(pieces, words)
    period_end = period_end_of(figures)
    found += meeting_findings(text.document, period_end, document.kind, text.source)
    return found + date_findings(text.document, pieces, figures, period_end, document.kind, text.source, words)


def table_shares(document: Document) -> dict[str, Shares]:
    """By section, how its table splits a whole: the parts' shares of each column its proportions chart draws."""
    shares: dict[str, Shares] = {}
    for section in document.sections:
        blocks = [part for block in section.blocks for part in (block.blocks if isinstance(block, Keep) else (block,))]
        for chart in (b for b in blocks if isinstance(b, Chart) and b.key.endswith("_proportions")):
            columns = tuple(
                (label, tuple(v for series in chart.series if (v := series.values[n]) is not None))
                for n, label in enumerate(chart.labels)
            )
            shares[section.key] = shares.get(section.key, ()) + columns
    return shares


def finding_of(found: WordFinding) -> Finding:
    piece = found.piece
    return Finding(
        found.message,
        piece.place,
        reminder=found.kind == "typed_number",
        severity=found.severity,
        kind=found.kind,
        where=Where(section=piece.section, file=piece.file),
        says=found.says,
        computed=found.computed,
    )


def serious(findings: Iterable[Finding]) -> list[Finding]:
    """The findings at warning or above."""
    return [finding for finding in findings if finding.serious]


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == ERROR]


def proof_document(findings: Iterable[Finding]) -> dict[str, object]:
    """The proof/1 JSON document: every finding with its severity, kind, where, says, computed and message."""
    return {
        "schema": PROOF_SCHEMA,
        "findings": [
            {
                "severity": finding.severity,
                "kind": finding.kind,
                "where": {
                    "section": finding.where.section,
                    "file": finding.where.file,
                    "sheet": finding.where.sheet,
                    "row": finding.where.row,
                    "column": finding.where.column,
                },
                "says": finding.says,
                "computed": finding.computed,
                "message": finding.message,
            }
            for finding in findings
        ],
    }


def proof_text(findings: Iterable[Finding]) -> str:
    """The findings for a person, most serious first, one a line: "error: 'Introduction': the text says ..."."""
    listed = sorted(findings, key=lambda finding: -SEVERITIES.index(finding.severity))
    return "\n".join(f"{finding.severity}: {finding.message}" for finding in listed)


def _texts(blocks: Iterable[Block]) -> Iterator[str]:
    """The words of every block that prints words (tables' cells too), inside kept groups as well."""
    for block in blocks:
        if isinstance(block, (Paragraph, ListItem, Heading, Note, Footnote)):
            yield block.text
        elif isinstance(block, Quote):
            yield from (block.text, block.attribution)
        elif isinstance(block, Table):
            yield from (cell.text for row in block.rows for cell in row)
        elif isinstance(block, Keep):
            yield from _texts(block.blocks)
