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
from desktop_app.report.cover import cover_document
from desktop_app.report.cover_check import check_cover
from desktop_app.report.cover_template import CoverTemplate, check_values, load_cover_template, load_cover_values
from desktop_app.report.model import Document, PageOptions
from desktop_app.safe_files import write_atomically


def cover_model(
    values: Mapping[str, object] | Path | str,
    template: CoverTemplate | str | Path,
    appendices: Sequence[str] | None = None,
    options: PageOptions | None = None,
) -> tuple[Document, list[Problem]]:
    """The cover's report model and the cross-checks' problems, from values (or their file) and a template
    (or its name or file)."""
    source = ""
    if not isinstance(values, Mapping):
        source = Path(values).name
        values = load_cover_values(Path(values))
    if not isinstance(template, CoverTemplate):
        template = load_cover_template(template)
    check_values(values, template, source or "the cover's values")
    listed = list(appendices) if appendices is not None else list(values.get("appendices") or [])  # type: ignore[call-overload]
    problems = check_cover(values, template, listed, source)
    return cover_document(values, template, listed, options), problems


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
