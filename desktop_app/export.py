"""Writing and previewing the committee appendices: plain functions of plain values, run in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.report.model import Chart, Document

if TYPE_CHECKING:
    from desktop_app.domain.lessons import LessonEntry

Progress = Callable[[float, str], None]
#: The kinds of file an appendix is written as, by the ending of the file's name.
APPENDIX_FORMATS = {".pdf": "PDF", ".docx": "Word"}
PREVIEW_SCALE = 1.5  # 108 dots per inch: sharp on a laptop screen
CHART_SCALE = 3  # 216 dots per inch: a chart pasted into Word prints sharp


def _silent(fraction: float, text: str) -> None:
    """Progress for a caller that does not show it."""


def write_appendix(document: Document, out: str | Path, template_docx: Path | None = None) -> Path:
    """Write a report model as PDF or Word, chosen by the ending of `out`'s name (atomically)."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from desktop_app.word.render import write_word_document

        return write_word_document(document, path, template_docx, chart_image=chart_png)
    if suffix == ".pdf":
        from desktop_app.pdf.render import write_document

        return write_document(document, path)
    formats = " or ".join(APPENDIX_FORMATS)
    raise ValueError(f"{path.name}: an appendix is written as {formats}, not {suffix or 'a file with no ending'}")


def write_appendix_files(
    document: Document, out: Path, also_docx: bool = False, template_docx: Path | None = None
) -> list[Path]:
    """Write `out`, and with `also_docx` a Word file of the same name beside it; the files written."""
    outs = [out]
    if also_docx and out.suffix.lower() != ".docx":
        outs.append(out.with_suffix(".docx"))
    for each in outs:
        write_appendix(document, each, template_docx if each.suffix.lower() == ".docx" else None)
    return outs


def chart_png(chart: Chart) -> bytes:
    """A chart as a PNG picture for Word, drawn by the PDF writer's own chart code (so it looks the same)."""
    import io

    import pypdfium2
    from reportlab.graphics import renderPDF

    from desktop_app.pdf.charts import draw_chart
    from desktop_app.pdf.style import load_style

    style = load_style()
    page = pypdfium2.PdfDocument(renderPDF.drawToString(draw_chart(chart, style, width=style.text_width)))[0]
    buffer = io.BytesIO()
    page.render(scale=CHART_SCALE).to_pil().save(buffer, format="PNG")
    return buffer.getvalue()


def complaints_report_document(
    summary,
    rules,
    text,
    options=None,
    suppress_below: int | None = None,
    regime: str = "childrens",
    lessons: list[LessonEntry] | None = None,
    assessment=None,
) -> Document:
    """An annual complaints report's model: the children's (with the corporate complaints), or with `regime`
    "adults" the adults' under the 2009 Regulations, or "corporate" the complaint handling code's report with
    `assessment` the council's self-assessment (the shipped template where None) (`text`: that report's words);
    `lessons`: the lessons-learned register's entries, printed with what changed since the last report (None:
    no register)."""
    if regime == "corporate":
        from desktop_app.report.corporate_complaints import corporate_complaints_document

        return corporate_complaints_document(summary, rules, text, assessment, options, suppress_below, lessons)
    if regime == "adults":
        from desktop_app.report.adults_complaints import adults_complaints_document

        return adults_complaints_document(summary, rules, text, options, suppress_below, lessons)
    from desktop_app.report.complaints import complaints_document

    return complaints_document(summary, rules, text, options, suppress_below, lessons)


def export_complaints_report(
    summary,
    rules,
    text,
    out: str,
    options=None,
    suppress_below: int | None = None,
    template_docx: str | None = None,
    regime: str = "childrens",
    lessons: list[LessonEntry] | None = None,
    assessment=None,
    progress: Progress = _silent,
) -> str:
    """An annual complaints report appendix (`regime`: "childrens", "adults" or "corporate", with `assessment`
    its self-assessment) written to `out`, as PDF or Word by its ending (atomically); `template_docx`: the
    council's Word template (.docx or .dotx) for a Word appendix."""
    progress(0.2, "Laying out the pages")
    document = complaints_report_document(summary, rules, text, options, suppress_below, regime, lessons, assessment)
    write_appendix(document, out, _template(template_docx, out))
    progress(1.0, "Done")
    return out


def performance_report_document(
    results, weekly, monthly, text=None, options=None, alt_texts=None, sources=()
) -> Document:
    """The performance appendix's report model (with the author's commentary, statuses and chart texts, and
    `text`: the text file's words with the author's details of the paper); `sources`: the project's returns
    (report.performance_sources.return_sources of each import and its imported_at) for its "Sources" table."""
    from desktop_app.domain.indicators import load_catalogue
    from desktop_app.report.performance import performance_document

    return performance_document(
        results,
        weekly=weekly,
        monthly=monthly,
        text=text,
        options=options,
        catalogue=load_catalogue(),
        alt_texts=alt_texts,
        sources=sources,
    )


def export_performance_report(
    results,
    weekly,
    monthly,
    text,
    out: str,
    options=None,
    alt_texts=None,
    template_docx: str | None = None,
    sources=(),
    progress: Progress = _silent,
) -> tuple[str, str]:
    """The performance appendix (with the author's commentary, statuses and chart texts) written to `out`;
    returns `out` and what was left out of it because the returns lack its figures (report.performance's
    left_out_report, as the command line prints it; '' if nothing)."""
    from desktop_app.report.performance import left_out_report

    progress(0.2, "Laying out the pages")
    document = performance_report_document(results, weekly, monthly, text, options, alt_texts, sources)
    write_appendix(document, out, _template(template_docx, out))
    progress(1.0, "Done")
    return out, left_out_report(document)


def export_cover_report(
    fields: dict[str, str],
    template: str,
    out: str,
    options=None,
    complaints: Document | None = None,
    performance_inputs: tuple | None = None,
    template_docx: str | None = None,
    adults: Document | None = None,
    corporate: Document | None = None,
    progress: Progress = _silent,
) -> tuple[str, str]:
    """The cover report from the window's cover sheet `fields`, laid out by `template`, listing the appendices
    the project makes (`complaints`, `adults`, `corporate`: the children's, adults' and corporate complaints
    reports' documents, None for a report the log has no complaints for; `performance_inputs`: what
    performance_report_document takes), written to `out`; returns `out` and what the proof of the cover found,
    as `proof cover` lists it (one line each; '' if nothing)."""
    from desktop_app.report.cover import appendix_entry, cover_model, values_from_form
    from desktop_app.report.cover_template import load_cover_template
    from desktop_app.report.proof_cover import cover_findings

    progress(0.1, "Listing the appendices")
    chosen = load_cover_template(template)
    appendices = []
    for report, fallback in (
        (complaints, "Complaints annual report"),
        (adults, "Adult social care complaints annual report"),
        (corporate, "Corporate complaints annual report"),
    ):
        if report is not None:
            appendices.append(appendix_entry(report.title_page, fallback))
    if performance_inputs:
        performance = performance_report_document(*performance_inputs)
        appendices.append(appendix_entry(performance.title_page, "Performance report"))
    progress(0.4, "Laying out the cover")
    values = values_from_form(fields, chosen)
    document, _ = cover_model(values, chosen, appendices, options)
    findings = cover_findings(values, chosen, appendices, "the cover sheet")
    write_appendix(document, out, _template(template_docx, out))
    progress(1.0, "Done")
    return out, "\n".join(finding.text for finding in findings)


def export_appendix(
    document: Document, out: str, template_docx: str | None = None, progress: Progress = _silent
) -> str:
    """An appendix already made (the partnership tab's, read with its papers) written to `out`, as PDF or Word
    by its ending (atomically)."""
    progress(0.2, "Laying out the pages")
    write_appendix(document, out, _template(template_docx, out))
    progress(1.0, "Done")
    return out


def _template(template_docx: str | None, out: str) -> Path | None:
    """The Word template, for a Word appendix only (a PDF has its own page style)."""
    return Path(template_docx) if template_docx and Path(out).suffix.lower() == ".docx" else None


def preview_complaints_report(
    summary,
    rules,
    text,
    options=None,
    suppress_below: int | None = None,
    regime: str = "childrens",
    lessons: list[LessonEntry] | None = None,
    assessment=None,
    progress: Progress = _silent,
) -> list[bytes]:
    """A complaints appendix's pages (`regime`: "childrens", "adults" or "corporate", with `assessment` its
    self-assessment) as PNG images, exactly as the PDF will print them."""
    progress(0.1, "Laying out the pages")
    document = complaints_report_document(summary, rules, text, options, suppress_below, regime, lessons, assessment)
    return _page_images(document, progress)


def preview_performance_report(
    results, weekly, monthly, text, options=None, alt_texts=None, sources=(), progress: Progress = _silent
) -> list[bytes]:
    """The performance appendix's pages as PNG images, exactly as the PDF will print them."""
    progress(0.1, "Laying out the pages")
    document = performance_report_document(results, weekly, monthly, text, options, alt_texts, sources)
    return _page_images(document, progress)


def _page_images(document: Document, progress: Progress) -> list[bytes]:
    """`document` laid out by the PDF writer and each page drawn (pypdfium2) at the preview's scale."""
    import io

    import pypdfium2

    from desktop_app.pdf.render import render_document

    pdf = pypdfium2.PdfDocument(render_document(document))
    pages = []
    for number in range(len(pdf)):
        progress(0.5 + 0.5 * number / len(pdf), f"Drawing page {number + 1} of {len(pdf)}")
        buffer = io.BytesIO()
        pdf[number].render(scale=PREVIEW_SCALE).to_pil().save(buffer, format="PNG")
        pages.append(buffer.getvalue())
    return pages
