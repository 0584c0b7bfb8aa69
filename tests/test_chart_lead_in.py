"""A chart's lead-in sentence and its section's heading are never left at the foot of a page without the chart,
in the PDF or the Word document (seen in the performance appendix: "Waiting Lists" alone, its chart overleaf)."""

from __future__ import annotations

import io

from desktop_app.pdf.render import render_document
from desktop_app.report.model import Chart, ChartSeries, Document, Metadata, PageOptions, Paragraph, Section
from tests.pdf_structure import page_lines

FILLER = "A paragraph that fills the page, long enough to run on over two lines of the report's text width, or more."
MONTHS = ("Dec 23", "Jan 24", "Feb 24", "Mar 24", "Apr 24", "May 24")


def waiting_list_chart() -> Chart:
    waiting = ChartSeries("Waiting at month end", (612.0, 598.0, 640.0, 655.0, 631.0, 604.0))
    return Chart("waiting", "month_end", "Social work waiting list", MONTHS, (waiting,), "A line chart.")


def appendix(fillers: int) -> Document:
    sections = [
        Section("filler", "Long-term care", [Paragraph(FILLER) for _ in range(fillers)]),
        Section("waiting", "Waiting Lists", [Paragraph("The waiting list is shown below."), waiting_list_chart()]),
    ]
    return Document("performance", Metadata("Test appendix"), PageOptions(), sections)


def page_of(pages: list[list[str]], words: str) -> int:
    return next(number for number, lines in enumerate(pages) if any(words in line for line in lines))


def test_the_heading_and_sentence_before_a_chart_stand_on_the_charts_page():
    moved = 0
    for fillers in range(14, 40):
        pages = page_lines(io.BytesIO(render_document(appendix(fillers))))
        heading, sentence = page_of(pages, "Waiting Lists"), page_of(pages, "The waiting list is shown below.")
        chart = page_of(pages, "Waiting at month end")  # the chart's legend, drawn with it
        assert heading == sentence == chart, fillers
        moved += heading > page_of(pages, FILLER[:30]) and len(pages[heading]) < 12
    assert moved, "no filler length put the heading at the foot of the first page: the test proves nothing"


def test_the_word_document_keeps_the_sentence_and_the_charts_title_with_the_chart():
    import docx

    from desktop_app.word.render import render_word_document

    word = docx.Document(io.BytesIO(render_word_document(appendix(3), chart_image=lambda chart: TINY_PNG)))
    texts = [paragraph.text for paragraph in word.paragraphs]
    lead, title = texts.index("The waiting list is shown below."), texts.index("Social work waiting list")
    assert title == lead + 1
    assert word.paragraphs[lead].paragraph_format.keep_with_next
    assert word.paragraphs[title].paragraph_format.keep_with_next
    assert not word.paragraphs[lead - 1].paragraph_format.keep_with_next  # the filler before it runs on freely


def _tiny_png() -> bytes:
    from PIL import Image as PilImage

    buffer = io.BytesIO()
    PilImage.new("RGB", (40, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


TINY_PNG = _tiny_png()
