"""The appendix's "Sources of the figures" (seed 000's provenance stamp): each return used, by its file's name,
with its sheets, the period it covers and the date it was imported, or on the command line the date the file was
saved, so a reader knows the figures' vintage."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import docx
import pytest

from desktop_app.cli import main
from desktop_app.excel.importer import Importer
from desktop_app.paths import SAMPLE_DATA
from desktop_app.report.model import Section, Table
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_sources import IMPORTED, MODIFIED, return_sources
from tests.test_report_performance import RETURNS, frames, results  # noqa: F401 (fixtures)

SAVED = dt.datetime(2024, 12, 2, 13, 56, 32)  # seed 000's stamp: 02/12/2024 13:56:32


@pytest.fixture
def copies(tmp_path):
    """The sample returns copied into a folder of their own, each last saved on 2 December 2024."""
    folder = tmp_path / "returns from BI"
    folder.mkdir()
    paths = []
    for name in RETURNS:
        path = folder / name
        shutil.copyfile(SAMPLE_DATA / name, path)
        os.utime(path, (SAVED.timestamp(), SAVED.timestamp()))
        paths.append(path)
    return paths


def sources_table(document) -> list[list[str]]:
    section = next(s for s in document.sections if isinstance(s, Section) and s.key == "sources")
    table = next(b for b in section.blocks if isinstance(b, Table))
    return [[cell.text for cell in row] for row in table.header + table.body]


def test_each_return_is_listed_by_name_with_its_sheets_period_and_the_day_its_file_was_saved(copies):
    read = [Importer().import_file(path) for path in copies]
    sources = return_sources((result, None) for result in read)
    assert [(s.file, s.sheets, s.period, s.date, s.dated) for s in sources] == [
        (
            "childrens_performance_2023.xlsx",
            ("Dashboard", "ChAT", "ChAT comparisons"),
            "January 2023 to July 2023",
            "2 December 2024",
            MODIFIED,
        ),
        ("benchmarks_2023.xlsx", ("Quartiles", "Members"), "2023-24, 2021-22, 2015-18", "2 December 2024", MODIFIED),
        (
            "survey_2023-24.xlsx",
            ("Carers SACE", "ASCS", "Reablement", "Reablement cards", "Safeguarding", "Audit"),
            "2 December 2023 to 2 December 2024",
            "2 December 2024",
            MODIFIED,
        ),
        ("population_2023.xlsx", ("Population",), "", "2 December 2024", MODIFIED),
        (
            "monthly_series_2021-2024.xlsx",
            ("Monthly", "Weekly", "Open care plans"),
            "August 2021 to week ending 29 November 2024",
            "2 December 2024",
            MODIFIED,
        ),
    ]


def test_a_projects_return_is_dated_by_its_import_and_a_file_given_twice_is_listed_once(copies, results):
    read = Importer().import_file(copies[0])
    sources = return_sources([(read, "2025-01-07T09:30:00"), (read, None)])
    assert [(s.file, s.date, s.dated) for s in sources] == [
        ("childrens_performance_2023.xlsx", "7 January 2025", IMPORTED)
    ]
    rows = sources_table(performance_document(results, sources=sources))
    assert rows == [
        ["Return", "Sheets used", "Period covered", "Date"],
        [
            "childrens_performance_2023.xlsx",
            "Dashboard, ChAT, ChAT comparisons",
            "January 2023 to July 2023",
            "imported 7 January 2025",
        ],
    ]


def test_without_sources_there_is_no_sources_section(results):
    assert all(section.key != "sources" for section in performance_document(results).sections)


@pytest.mark.parametrize("ending", ["pdf", "docx"])
def test_the_command_lines_appendix_ends_with_the_sources_never_their_folder(copies, tmp_path, capsys, ending):
    out = tmp_path / f"appendix.{ending}"
    assert main(["report", "performance", *map(str, copies), "--out", str(out)]) == 0
    capsys.readouterr()
    if ending == "pdf":
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True, text=True)
        words = " ".join(text.stdout.split())
        assert "Sources of the figures The figures in this appendix come from these returns" in words
        last_page = words.rsplit("Sources of the figures", 1)[1]
        assert all(name in last_page for name in RETURNS) and "not stated" in last_page
        assert last_page.count("file saved") == len(RETURNS)
    else:
        table = docx.Document(str(out)).tables[-1]
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows[0] == ["Return", "Sheets used", "Period covered", "Date"]
        assert rows[4] == ["population_2023.xlsx", "Population", "not stated", "file saved 2 December 2024"]
        words = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "returns from BI" not in words and str(tmp_path) not in words
