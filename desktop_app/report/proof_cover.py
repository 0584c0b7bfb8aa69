"""The proof of a cover report before it goes out: the cover's own checks (report.cover_check: empty fields,
weekdays, a date in the meeting's day and month of another year, prompts, references) and the proof of its
words (report.proof_words: paragraphs numbered 1.1, 1.2, 1.2, 1.4, a phrase written twice), as findings.
A cover has no figures, so its numbers are not held to any."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop_app.domain.problems import Severity
from desktop_app.report.cover_check import CoverSlip, cover_slips, cover_texts
from desktop_app.report.cover_template import CoverTemplate
from desktop_app.report.proof import Finding, Where
from desktop_app.report.proof_words import Piece, proof_of_words

#: What the proof of the words finds that a cover can have (its dates are the cover's own check).
COVER_WORD_KINDS = ("numbering_repeat", "numbering_gap", "numbering_order", "repeated_words")
_SEVERITIES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "info"}
#: The cover's slips that say something untrue (a weekday its date is not, a day no month has): errors, as the
#: proof of an appendix's words has them, so `report cover --strict` writes nothing while they remain.
_UNTRUE = ("weekday", "date")


def cover_findings(
    values: Mapping[str, object], template: CoverTemplate, appendices: Sequence[str] | None, source: str
) -> list[Finding]:
    """What a careful reader would query on the cover of `values` laid out by `template`."""
    found = [
        _finding(slip, _label(template, slip.problem.column))
        for slip in cover_slips(values, template, appendices, source)
    ]
    pieces = [
        Piece(name, _label(template, name), text, {}, ("details", "cover"), source)
        for name, text in cover_texts(values)
    ]
    for word in proof_of_words(pieces):
        if word.kind in COVER_WORD_KINDS:
            where = Where(section=word.piece.section, file=source or None, column=word.piece.section)
            found.append(
                Finding(
                    word.message,
                    ("details", "cover"),
                    severity=word.severity,
                    kind=word.kind,
                    where=where,
                    says=word.says,
                    computed=word.computed,
                )
            )
    return found


def _label(template: CoverTemplate, name: str) -> str:
    """The field as the cover prints it ("Report of"), or the cover itself for a finding of no one field."""
    return template.labels.get(name, name).rstrip(":") if name else "The cover"


def _finding(slip: CoverSlip, label: str) -> Finding:
    problem = slip.problem
    return Finding(
        f"{label}: {problem.message}",
        ("details", "cover"),
        severity="error" if slip.kind in _UNTRUE else _SEVERITIES[problem.severity],
        kind=slip.kind,
        where=Where(section=problem.column or None, file=problem.file or None, column=problem.column or None),
        says=problem.value,
    )
