"""The Annual Complaints Report appendix as a PDF: the model built by report.complaints, drawn by pdf.render.

    write_complaints_report(summary, rules, path, text=load_report_text(), options=PageOptions(...))

The file is written atomically: a failed export leaves any earlier file as it
was and no half-written PDF.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.rules import ComplaintRules
from desktop_app.pdf.render import render_document, write_document
from desktop_app.pdf.style import ReportStyle
from desktop_app.report.complaints import complaints_document
from desktop_app.report.model import PageOptions
from desktop_app.report.text import ReportText


def write_complaints_report(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    path: Path,
    *,
    text: ReportText | None = None,
    options: PageOptions | None = None,
    style: ReportStyle | None = None,
    suppress_below: int | None = None,
) -> Path:
    """Write the appendix to `path` (atomically) and return it.

    `rules` must be the rules the summary was made with: the time limits table
    and the limits in the prose come from them. `suppress_below` (say 5) shows
    counts under it as "<5" in tables and prose alike (see domain.formatting.Formatter).
    Raises ReportTextError (an unknown placeholder, a missing section) or
    StyleError before anything is written.
    """
    document = complaints_document(summary, rules, text, options, suppress_below)
    return write_document(document, path, style)


def render_complaints_report(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    *,
    text: ReportText | None = None,
    options: PageOptions | None = None,
    style: ReportStyle | None = None,
    suppress_below: int | None = None,
) -> bytes:
    """The appendix as PDF bytes (the same input gives the same bytes)."""
    return render_document(complaints_document(summary, rules, text, options, suppress_below), style)
