"""Writing and previewing the committee appendices: plain functions of plain values, run in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.report.model import Document

Progress = Callable[[float, str], None]
#: The kinds of file an appendix is written as, by the ending of the file's name.
APPENDIX_FORMATS = {".pdf": "PDF", ".docx": "Word"}
PREVIEW_SCALE = 1.5  # 108 dots per inch: sharp on a laptop screen


def _silent(fraction: float, text: str) -> None:
    """Progress for a caller that does not show it."""


def write_appendix(document: Document, out: str | Path, template_docx: Path | None = None) -> Path:
    """Write a report model as PDF or Word, chosen by the ending of `out`'s name (atomically)."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from desktop_app.word.render import write_word_document

        return write_word_document(document, path, template_docx)
    if suffix == ".pdf":
        from desktop_app.pdf.render import write_document

        return write_document(document, path)
    raise ValueError(
        f"{path.name}: an appendix is written as {' or '.join(APPENDIX_FORMATS)}, not {suffix or 'a file with no ending'}"
    )


def export_complaints_report(
    summary, rules, text, out: str, options=None, suppress_below: int | None = None, progress: Progress = _silent
) -> str:
    """The Annual Complaints Report appendix written to `out` (atomically)."""
    from desktop_app.pdf.complaints_report import write_complaints_report
    from desktop_app.report.model import PageOptions

    progress(0.2, "Laying out the pages")
    write_complaints_report(
        summary, rules, Path(out), text=text, options=options or PageOptions(), suppress_below=suppress_below
    )
    progress(1.0, "Done")
    return out


def export_performance_report(results, weekly, monthly, out: str, options=None, progress: Progress = _silent) -> str:
    """The performance appendix (with the author's commentary and statuses in `results`) written to `out`."""
    from desktop_app.domain.indicators import load_catalogue
    from desktop_app.pdf.performance_report import write_performance_report
    from desktop_app.report.model import PageOptions

    progress(0.2, "Laying out the pages")
    write_performance_report(
        results, Path(out), weekly=weekly, monthly=monthly, catalogue=load_catalogue(), options=options or PageOptions()
    )
    progress(1.0, "Done")
    return out


def preview_complaints_report(
    summary, rules, text, options=None, suppress_below: int | None = None, progress: Progress = _silent
) -> list[bytes]:
    """The appendix's pages as PNG images, exactly as the PDF will print them."""
    import io

    import pypdfium2

    from desktop_app.pdf.complaints_report import render_complaints_report
    from desktop_app.report.model import PageOptions

    progress(0.1, "Laying out the pages")
    pdf = pypdfium2.PdfDocument(
        render_complaints_report(
            summary, rules, text=text, options=options or PageOptions(), suppress_below=suppress_below
        )
    )
    pages = []
    for number in range(len(pdf)):
        progress(0.5 + 0.5 * number / len(pdf), f"Drawing page {number + 1} of {len(pdf)}")
        buffer = io.BytesIO()
        pdf[number].render(scale=PREVIEW_SCALE).to_pil().save(buffer, format="PNG")
        pages.append(buffer.getvalue())
    return pages
