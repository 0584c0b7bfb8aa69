"""The appendices as tagged PDF (PDF/UA-1): the structural checks of tests/pdf_structure.py, and the `pdfua`
checker from PyPI as a second opinion, on every appendix kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate as pdfua_validate

from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.pdf.render import render_document
from desktop_app.report.model import PageOptions
from tests.pdf_structure import structure_problems
from tests.test_renderers_agree import _document


@pytest.fixture(scope="module")
def complaints_pdf(tmp_path_factory, rules, vocabulary) -> Path:
    document = _document(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    document.options = PageOptions(agenda_item=9, first_page=24, start_on_odd=True)
    path = tmp_path_factory.mktemp("tagged") / "complaints.pdf"
    path.write_bytes(render_document(document))
    return path


def test_the_complaints_appendix_passes_the_structural_checks(complaints_pdf):
    assert structure_problems(complaints_pdf) == []


def test_pdfua_finds_no_errors_or_warnings(complaints_pdf):
    report = pdfua_validate(str(complaints_pdf))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []
    assert not report.skipped  # every rule it has ran


def test_the_structure_follows_the_report_model(complaints_pdf, rules, vocabulary):
    document = _document(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    with pikepdf.open(complaints_pdf) as pdf:
        top = pdf.Root.StructTreeRoot.K
        assert top.S == pikepdf.Name.Document
        kinds = [str(kid.S) for kid in top.K]
        assert "/TOC" in kinds and kinds.count("/Table") == len(list(document.tables())) + 1  # and the title page's
        tables = [kid for kid in top.K if kid.S == pikepdf.Name.Table]
        themes = tables[1 + [t.key for t in document.tables()].index("themes")]
        head = [kid for kid in themes.K if kid.S == pikepdf.Name.THead][0]
        first = [str(cell.S) for cell in head.K[0].K]
        assert first == ["/TH", "/TH", "/TH"]  # Theme, and the two procedures over two columns each
        assert [int(cell.A.get("/ColSpan", 1)) for cell in head.K[0].K] == [1, 2, 2]
        assert head.K[0].K[0].A.RowSpan == 2 and head.K[0].K[0].A.Scope == pikepdf.Name.Column


def test_the_dates_are_the_reports_own_and_the_bytes_repeat(complaints_pdf, rules, vocabulary):
    document = _document(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    document.options = PageOptions(agenda_item=9, first_page=24, start_on_odd=True)
    assert render_document(document) == complaints_pdf.read_bytes()
    with pikepdf.open(complaints_pdf) as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20231101")
        with pdf.open_metadata() as metadata:
            assert metadata["xmp:CreateDate"].startswith("2023-11-01")
    assert document.metadata.as_at == dt.date(2023, 11, 1)


def test_the_checker_finds_page_furniture_left_untagged(monkeypatch, tmp_path, rules, vocabulary):
    monkeypatch.setattr("desktop_app.pdf.tagging._as_artifact", lambda on_page, tagger: on_page)
    document = _document(SAMPLE_COMPLAINTS_LOG, rules, vocabulary)
    document.options = PageOptions(agenda_item=9, first_page=24)
    path = tmp_path / "untagged_furniture.pdf"
    path.write_bytes(render_document(document))
    problems = structure_problems(path)
    assert problems and all("neither tagged nor artifacts" in problem for problem in problems)


@pytest.mark.parametrize("template", ["sefton", "sefton_2025", "sefton_safer_communities", "wirral"])
def test_every_cover_template_passes_the_checks(tmp_path, template):
    from desktop_app.pdf.cover import write_cover_report
    from desktop_app.report.cover_template import SAMPLE_COVER

    path, _ = write_cover_report(
        SAMPLE_COVER, template, tmp_path / f"{template}.pdf", options=PageOptions(agenda_item=4)
    )
    assert structure_problems(path) == []
    assert [f.rule_id for f in pdfua_validate(str(path)).findings] == []
    if template != "sefton":
        return
    with pikepdf.open(path) as pdf:  # Sefton's cover opens with its label/value table
        headers = [k for k in pdf.Root.StructTreeRoot.K.K if k.S == pikepdf.Name.Table][0].K[0].K[0].K
        assert [str(cell.S) for cell in headers][:2] == ["/TH", "/TD"]  # a label heads its row; its value follows
        assert headers[0].A.Scope == pikepdf.Name.Row


def test_the_performance_appendix_passes_the_checks_and_its_charts_are_figures(tmp_path):
    from desktop_app.cli import main
    from desktop_app.paths import RESOURCES

    samples = RESOURCES.parent / "sample_data"
    returns = ["childrens_performance_2023", "benchmarks_2023", "monthly_series_2021-2024", "population_2023"]
    returns.append("survey_2023-24")
    out = tmp_path / "performance.pdf"
    assert main(["report", "performance", *(str(samples / f"{name}.xlsx") for name in returns), "--out", str(out)]) == 0
    assert structure_problems(out) == []
    assert [f.rule_id for f in pdfua_validate(str(out)).findings] == []
    with pikepdf.open(out) as pdf:
        figures = [k for k in pdf.Root.StructTreeRoot.K.K if k.S == pikepdf.Name.Figure]
        assert figures and all(str(figure.Alt).split()[0] in ("Bar", "Line", "Stacked") for figure in figures)
