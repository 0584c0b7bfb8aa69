"""One report model, every writer: each figure of the appendix reads the same in the command line's text,
its JSON (to one decimal place), the window's tables and the PDF. The half case (1 of 8 in time, 12.5%)
prints 13% everywhere, as Excel would round it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.domain.complaints import summarise
from desktop_app.domain.formatting import half_up
from desktop_app.domain.periods import Period
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.pdf.render import render_document
from desktop_app.report.complaints import complaints_document
from desktop_app.report.model import CellKind, Document
from tests.factories import date

AS_OF = "2023-11-01"


def _document(log: Path, rules, vocabulary, period: Period | None = None) -> Document:
    imported = read_complaints_log(log, vocabulary, rules)
    period = period or Period.latest_year(imported.log["received"], rules.year_start, date(AS_OF))
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, period, date(AS_OF))
    return complaints_document(summary, rules)


def _cli(capsys, *args: str) -> str:
    assert main(["complaints", *args, "--as-of", AS_OF]) == 0
    return capsys.readouterr().out


def _pdf_lines(document: Document, tmp_path: Path) -> list[str]:
    path = tmp_path / "appendix.pdf"
    path.write_bytes(render_document(document))
    pages = PdfReader(path).pages
    return [
        " ".join(line.split()) for page in pages for line in page.extract_text(extraction_mode="layout").splitlines()
    ]


def _squeezed(line: str) -> str:
    return " ".join(line.split())


def _stage_rows(document: Document) -> list[list[str]]:
    """Every body row of every stage table, as the model's cells print it."""
    return [row for table in document.tables() if table.key.startswith("stages_") for row in table.texts()[1:]]


def test_every_stage_figure_reads_the_same_in_the_cli_text_the_pdf_and_the_json(capsys, tmp_path, rules, vocabulary):
    document = _document(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    text_lines = [_squeezed(line) for line in _cli(capsys, str(SAMPLE_COMPLAINTS_LOG)).splitlines()]
    pdf_lines = _pdf_lines(document, tmp_path)
    rows = _stage_rows(document)
    assert len(rows) == 7  # statutory Stage 1, 2, 3, Ombudsman; corporate Stage 1, 2, Ombudsman
    for row in rows:
        printed = " ".join(row)
        assert printed in text_lines, printed
        assert printed in pdf_lines, printed
    themes = [" ".join(row) for row in document.table("themes").texts()[2:]]
    assert themes and all(row in text_lines and row in pdf_lines for row in themes)

    stages = json.loads(_cli(capsys, str(SAMPLE_COMPLAINTS_LOG), "--json"))["stages"]
    figures = document.figures
    roles = {"childrens_statutory": "statutory", "corporate": "corporate"}  # the adults' are another report's
    for row in (row for row in stages if row["procedure"] in roles):
        role = roles[row["procedure"]]
        stage = f"stage{row['stage']}" if row["stage"].isdigit() else row["stage"]
        figure = figures[f"{role}_{stage}_in_time_pct"]
        if figure.value is None:
            assert row["in_time_pct"] is None
        else:  # the JSON carries one decimal place, rounded by the same rule as the text
            assert row["in_time_pct"] == float(half_up(figure.value, 1))
            assert figure.text == f"{half_up(figure.value, 0)}%"


def _eight_complaints_one_in_time(write_workbook) -> Path:
    """Eight Stage 1 statutory complaints answered in 2022-23: one within 10 working days, seven late."""
    rows = [["R1", "Statutory", "1", "02/05/2022", None, "09/05/2022", None, "Upheld", "Quality of service", None]]
    rows += [
        [f"R{n}", "Statutory", "1", "02/05/2022", None, "20/06/2022", None, "Not upheld", "Quality of service", None]
        for n in range(2, 9)
    ]
    return write_workbook(rows)


def test_the_half_case_prints_13_per_cent_in_the_cli_the_pdf_and_the_json(
    capsys, tmp_path, write_workbook, rules, vocabulary
):
    log = _eight_complaints_one_in_time(write_workbook)
    document = _document(log, rules, vocabulary)
    figure = document.figures["statutory_stage1_in_time_pct"]
    assert figure.value == 12.5 and figure.text == "13%"  # Python's round(12.5) would give 12

    text = _cli(capsys, str(log))
    stage1 = next(line for line in text.splitlines() if line.startswith("Stage 1") and " 8 " in f"{line} ")
    assert re.search(r"\b13%", stage1) and "12%" not in stage1
    assert any(line.startswith("Stage 1 8 13% ") for line in _pdf_lines(document, tmp_path))
    [row] = [
        r
        for r in json.loads(_cli(capsys, str(log), "--json"))["stages"]
        if r["procedure"] == "childrens_statutory" and r["stage"] == "1"
    ]
    assert row["in_time_pct"] == 12.5


@pytest.mark.gui
def test_the_window_shows_the_models_text_for_every_figure(qtbot, write_workbook, rules, vocabulary):
    from desktop_app.gui.complaints_views import FigureTable

    document = _document(_eight_complaints_one_in_time(write_workbook), rules, vocabulary)
    for table in document.tables():
        view = FigureTable()
        qtbot.addWidget(view)
        view.set_table(table)
        model = view.model()
        shown = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
        assert shown == table.texts()
    stage1 = document.table("stages_statutory").body[0]
    assert [cell.text for cell in stage1 if cell.kind is CellKind.PERCENT][0] == "13%"
