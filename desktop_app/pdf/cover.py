"""The cover report as a PDF: the model built by report.cover, drawn by pdf.render.

path, problems = write_cover_report(values, "sefton", path, appendices=["Appendix A – ..."],
                                    options=PageOptions(agenda_item=8, first_page=3))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop_app.domain.problems import Problem
from desktop_app.pdf.render import render_document
from desktop_app.pdf.style import ReportStyle
from desktop_app.report.cover import cover_model
from desktop_app.report.cover_template import CoverTemplate
from desktop_app.report.model import PageOptions
from desktop_app.safe_files import write_atomically


def write_cover_report(
    values: Mapping[str, object] | Path | str,
    template: CoverTemplate | str | Path,
    path: Path,
    *,
    appendices: Sequence[str] | None = None,
    options: PageOptions | None = None,
    style: ReportStyle | None = None,
) -> tuple[Path, list[Problem]]:
    """Write the cover report to `path` (atomically); return it and the cross-checks' problems (which are
    for the author to read and never stop the export)."""
    path = Path(path)
    pdf, problems = render_cover_report(values, template, appendices=appendices, options=options, style=style)
    write_atomically(path, pdf)
    return path, problems


def render_cover_report(
    values: Mapping[str, object] | Path | str,
    template: CoverTemplate | str | Path,
    *,
    appendices: Sequence[str] | None = None,
    options: PageOptions | None = None,
    style: ReportStyle | None = None,
) -> tuple[bytes, list[Problem]]:
    """The cover report as PDF bytes, and the cross-checks' problems."""
    document, problems = cover_model(values, template, appendices, options)
    return render_document(document, style), problems
