"""A category typed as a paragraph (up to Excel's 32,767 characters) never stops an export."""

import datetime as dt

import docx
import pytest
from pypdf import PdfReader

from desktop_app.cli import main

EXCEL_CELL_LIMIT = 32_767


@pytest.fixture
def log_with_a_long_category(write_workbook):
    long_theme = ("Delay in the assessment of need " * 1100)[:EXCEL_CELL_LIMIT]
    rows = [
        [f"C{n}", "Corporate", "Stage 1", dt.date(2022, 5, 3), dt.date(2022, 5, 4), dt.date(2022, 5, 20), "No"]
        + ["Upheld", long_theme if n < 2 else "Waste", "Resident"]
        for n in range(12)
    ]
    return write_workbook(rows), long_theme


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_32767_character_category_is_shortened_with_a_note(tmp_path, log_with_a_long_category, capsys, suffix):
    log, long_theme = log_with_a_long_category
    out = tmp_path / f"appendix{suffix}"

    assert main(["report", "complaints", str(log), "--out", str(out), "--from", "2022-04-01"]) == 0

    if suffix == ".pdf":
        text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    else:
        text = " ".join(paragraph.text for paragraph in docx.Document(out).paragraphs)
        text += " ".join(cell.text for table in docx.Document(out).tables for row in table.rows for cell in row.cells)
    words = " ".join(text.split())
    assert "1 theme is longer than 150 characters and shortened here" in words
    assert "Delay in the assessment of need Delay" in words
    assert long_theme not in text  # no page holds it; the note sends the reader to the log
    assert words.count("Delay in the assessment of need") < 40
