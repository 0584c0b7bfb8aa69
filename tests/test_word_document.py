"""The appendix as Word, read back with python-docx as a screen reader or an officer would meet it: headings in
Heading styles and in order, tables whose header rows repeat, the document in en-GB, the agenda item and the
page number in the header and footer, and the same figures as the PDF."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from desktop_app.cli import main
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.report.model import PageOptions
from desktop_app.word.render import render_word_document
from tests.test_renderers_agree import _document


@pytest.fixture(scope="module")
def appendix(rules, vocabulary):
    document = _document(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    document.options = PageOptions(agenda_item=9, first_page=24)
    return document


@pytest.fixture(scope="module")
def word(appendix):
    return docx.Document(io.BytesIO(render_word_document(appendix)))


def test_headings_use_heading_styles_in_the_models_order_and_skip_no_level(word, appendix):
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert [text for style, text in headings if style == "Heading 1"] == [s.title for s in appendix.sections]
    levels = [int(style.split()[-1]) for style, _ in headings]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == [appendix.metadata.title]


def test_every_tables_header_rows_repeat_and_the_figures_are_the_models(word, appendix):
    tables = [t for t in appendix.tables()]
    word_tables = word.tables[1:]  # the first is the title page's details
    assert len(word_tables) == len(tables)
    for table, word_table in zip(tables, word_tables, strict=True):
        for number, row in enumerate(word_table.rows):
            repeats = row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
            assert repeats == (number < len(table.header)), (table.key, number)
        if table.key.startswith("stages_"):
            shown = [[cell.text for cell in row.cells] for row in word_table.rows]
            assert shown == table.texts()
    stage1 = appendix.table("stages_statutory").texts()[1]
    assert stage1[:4] == ["Stage 1", "98", "28%", "29%"]


def test_the_language_is_en_gb_and_the_furniture_is_in_the_header_and_footer(word, appendix):
    normal = word.styles["Normal"].element.rPr
    assert normal.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert word.core_properties.language == "en-GB" and word.core_properties.title == appendix.metadata.title
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "Agenda Item 9"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "Page " in section.footer.paragraphs[0].text
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "24"


def council_template(path: Path, heading_font: str) -> None:
    """A council's .dotx: a Word template whose Heading 1 is in `heading_font`."""
    plain = docx.Document()
    plain.styles["Heading 1"].font.name = heading_font
    buffer = io.BytesIO()
    plain.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, content)


def test_a_council_dotx_template_supplies_the_styles(tmp_path, appendix):
    template = tmp_path / "council.dotx"
    council_template(template, "Arial Black")
    before = template.read_bytes()
    word = docx.Document(io.BytesIO(render_word_document(appendix, template)))
    assert word.styles["Heading 1"].font.name == "Arial Black"
    assert template.read_bytes() == before  # the council's file is never changed


def test_report_complaints_writes_word_when_the_file_ends_in_docx(tmp_path, capsys):
    out = tmp_path / "appendix.docx"
    assert main(["report", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--out", str(out), "--as-of", "2023-11-01"]) == 0
    word = docx.Document(str(out))
    assert any(p.style.name == "Heading 1" and p.text == "Complaints Performance Information" for p in word.paragraphs)
    assert Path(capsys.readouterr().out.strip().removeprefix("wrote ")) == out


@pytest.fixture(scope="module")
def performance_word(tmp_path_factory):
    from desktop_app.paths import SAMPLE_DATA

    returns = ["childrens_performance_2023", "benchmarks_2023", "monthly_series_2021-2024", "population_2023"]
    out = tmp_path_factory.mktemp("word") / "performance.docx"
    paths = [str(SAMPLE_DATA / f"{name}.xlsx") for name in [*returns, "survey_2023-24"]]
    assert main(["report", "performance", *paths, "--out", str(out)]) == 0
    return docx.Document(str(out))


def test_every_chart_picture_has_its_alternative_text(performance_word):
    pictures = list(performance_word.element.body.iter(qn("wp:docPr")))
    # three children's trend charts, seed 000's fourteen adult charts and the reablement delivery proportions
    assert len(pictures) == 18
    descriptions = [picture.get("descr", "") for picture in pictures]
    [stacked] = [text for text in descriptions if text.startswith("Stacked bar chart: ")]
    assert stacked.startswith("Stacked bar chart: Reablement Delivery Proportions")
    trends = [text for text in descriptions if text != stacked]
    assert all(text.startswith(("Bar chart with a line: ", "Line chart: ")) for text in trends)
    assert "MASH contacts received by month, August 2021 to July 2023" in descriptions[0]
    [reviews] = [text for text in trends if "annual review" in text]
    assert "Target (65.0%): a level of 65.0%." in reviews  # the target line, said in the Word document too


def test_the_pages_number_on_across_the_landscape_dashboard(performance_word):
    sections = performance_word.sections
    assert len(sections) > 1 and any(s.page_width > s.page_height for s in sections)
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert [n is not None and n.get(qn("w:start")) is not None for n in starts] == [True] + [False] * (len(starts) - 1)


def test_status_cells_and_header_rows_are_shaded_as_in_the_pdf(performance_word):
    def fill(cell) -> str | None:
        shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
        return None if shading is None else shading.get(qn("w:fill"))

    dashboard = next(t for t in performance_word.tables if t.rows[0].cells[0].text == "Status")
    assert fill(dashboard.rows[0].cells[1]) == "D9E2F3"  # the header row
    statuses = {row.cells[0].text: fill(row.cells[0]) for row in dashboard.rows[1:]}
    assert statuses.get("2") == "FFEB9C"
