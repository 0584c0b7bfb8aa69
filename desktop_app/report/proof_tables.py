"""The proof of the tables an appendix is made from: figures of the returns that other figures of the returns
contradict (domain.return_checks), as the proof's findings (report.proof.Finding), each with the file,
sheet, row and column to put right; and the whole proof of the performance appendix (`performance_findings`),
which `proof performance`, `report performance` and the window's check before export all list."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.domain.imports import ImportResult
from desktop_app.domain.indicators import Catalogue, IndicatorResults
from desktop_app.domain.return_checks import ReturnChecks, WeeklyRatios, return_disagreements
from desktop_app.report.model import Document
from desktop_app.report.performance_text import PerformanceText
from desktop_app.report.proof import Finding, Where, proof_findings, rows_not_used


def performance_findings(
    document: Document,
    results: Sequence[ImportResult],
    calculated: IndicatorResults,
    text: PerformanceText,
    catalogue: Catalogue | None = None,
) -> list[Finding]:
    """What the proof finds in the performance appendix `document`, made from the returns `results` (their
    indicators `calculated`) and the words `text`: the proof of the document and its words (report.proof:
    prompts, typed figures, dates, the rows left out of every figure), then what the returns' own figures
    contradict (`table_findings`: arrows typed against the values, conflicts across tables, row arithmetic...)."""
    findings = proof_findings(document, text=text, rows_not_used=rows_not_used(results))
    return findings + table_findings(results, calculated, text, catalogue=catalogue)


def table_findings(
    results: Sequence[ImportResult],
    calculated: IndicatorResults,
    text: PerformanceText | None = None,
    catalogue: Catalogue | None = None,
    checks: ReturnChecks | None = None,
) -> list[Finding]:
    """What the returns' own figures contradict: comparators and values in two tables, typed arrows, row
    arithmetic, rates and totals against their counts, and the published weekly ratios of `text` (its
    [weekly.ratios]) against their own total and count (in pounds where `catalogue` says the ratio is)."""
    weekly = None
    if text is not None and text.weekly_ratios:
        money = frozenset(name for name in text.weekly_ratios if _in_pounds(name, text, catalogue))
        weekly = WeeklyRatios(text.weekly_ratios, text.weekly_ids, money)
    found = return_disagreements(results, calculated.table, checks, weekly)
    return [
        Finding(
            f"{d.file}: {d.message}" if d.file else d.message,
            ("returns", d.file or ""),
            severity=d.severity,
            kind=d.kind,
            where=Where(file=d.file, sheet=d.sheet, row=d.row, column=d.column),
            says=d.says,
            computed=d.computed,
        )
        for d in found
    ]


def _in_pounds(name: str, text: PerformanceText, catalogue: Catalogue | None) -> bool:
    """A weekly ratio is in pounds where its catalogue entry is, or its numerator's (the total weekly cost)."""
    if catalogue is None:
        return False
    numerator = text.weekly_ratios[name][0]
    entries = (catalogue.definitions.get(name), catalogue.definitions.get(text.weekly_ids.get(numerator, numerator)))
    return any(entry is not None and entry.unit == "gbp" for entry in entries)
