"""The performance report appendix as a PDF: the model built by report.performance, drawn by pdf.render.

    write_performance_report(results, path, text=load_performance_text(), options=PageOptions(...),
                             weekly=weekly_frame, monthly=monthly_frame)

The file is written atomically: a failed export leaves any earlier file as it
was and no half-written PDF.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.indicator_series import MonthlySeries
from desktop_app.domain.indicators import Catalogue, IndicatorResults
from desktop_app.domain.weekly import WeeklySeries
from desktop_app.pdf.render import render_document, write_document
from desktop_app.pdf.style import ReportStyle
from desktop_app.report.model import PageOptions
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_text import PerformanceText, PerformanceTextError, load_performance_text


def write_performance_report(
    results: IndicatorResults,
    path: Path,
    *,
    text: PerformanceText | None = None,
    options: PageOptions | None = None,
    weekly: WeeklySeries | IndicatorResults | None = None,
    monthly: MonthlySeries | None = None,
    catalogue: Catalogue | None = None,
    style: ReportStyle | None = None,
    title: str | None = None,
) -> Path:
    """Write the appendix to `path` (atomically) and return it.

    `weekly`: a weekly series frame (ReturnKind.WEEKLY_SERIES; see
    domain.weekly.weekly_results) or results already worked out from one, for
    the change cards; `monthly`: the monthly series frame
    (ReturnKind.MONTHLY_SERIES), whose months' own counts are the bars of a
    "monthly_counts" chart. `title` replaces the text file's. Raises
    PerformanceTextError (an unknown placeholder or indicator) or StyleError
    before anything is written.
    """
    document = performance_document(
        results, weekly=weekly, monthly=monthly, text=text, options=options, title=title, catalogue=catalogue
    )
    return write_document(document, path, style)


def render_performance_report(
    results: IndicatorResults,
    *,
    text: PerformanceText | None = None,
    options: PageOptions | None = None,
    weekly: WeeklySeries | IndicatorResults | None = None,
    monthly: MonthlySeries | None = None,
    catalogue: Catalogue | None = None,
    style: ReportStyle | None = None,
    title: str | None = None,
) -> bytes:
    """The appendix as PDF bytes (the same input gives the same bytes)."""
    document = performance_document(
        results, weekly=weekly, monthly=monthly, text=text, options=options, title=title, catalogue=catalogue
    )
    return render_document(document, style)


__all__ = [
    "PerformanceTextError",
    "load_performance_text",
    "render_performance_report",
    "write_performance_report",
]
