"""The MARAC appendix as a committee reads it: the sample return (seed 001's figures) through the command line,
the PDF and the Word file read back, and a return with a bad cell."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from desktop_app.cli import main
from desktop_app.paths import SAMPLE_DATA
from tests.pdf_structure import figure_alt_texts, structure_problems, tagged_lines

SAMPLE_RETURN = SAMPLE_DATA / "marac_2019-2021.xlsx"


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("marac") / "marac.pdf"
    assert main(["report", "partnership", str(SAMPLE_RETURN), "--out", str(out), "--docx", "--agenda-item", "11"]) == 0
    return out, out.with_suffix(".docx")


@pytest.fixture(scope="module")
def reading(written) -> str:
    """The words a screen reader reads, in reading order (a cell's lines joined)."""
    return " ".join(" ".join(line.split()) for page in tagged_lines(written[0]) for line in page)


def test_the_summary_says_seed_001s_figures_against_safelives(reading):
    assert "In 2020-21 there were 737 referrals to MARAC, 58% above the SafeLives estimate of 467;" in reading
    assert "referrals increased by 28% on 2019-20." in reading
    assert "83% of the referrals came from the police, 8 percentage points above the SafeLives" in reading


def test_the_table_gives_each_measure_each_year_its_benchmark_and_statement(reading):
    assert (
        "MARAC referrals 576 737 467 40 per 10,000 of 116,750 adult women 58% above the SafeLives estimate" in reading
    )
    assert "Male victims 6.6% 38 of 576 7.9% 58 of 737 5–10% Within the SafeLives recommended range of 5–10%" in reading
    # seed 001's refuge table: 275,899 people | 28 recommended | 0 current
    assert "Refuge spaces 0 0 at least 28 1 per 10,000 of 275,899 people 28 spaces below the Council of" in reading


def test_every_chart_has_alternative_text_stating_each_figure(written):
    alts = figure_alt_texts(written[0])
    assert len(alts) == 9  # eight benchmarks, and BAME against the local population
    police = next(alt for alt in alts if "referrals from the police" in alt)
    assert "2019-20 81%, 2020-21 83%" in police
    assert "The SafeLives recommended range: 60–75% is marked across the chart." in police
    assert "2020-21: 8 percentage points above the SafeLives recommended range of 60–75%" in police
    referrals = next(alt for alt in alts if alt.startswith("Bar chart of MARAC referrals"))
    assert "2019-20 576, 2020-21 737" in referrals and "58% above the SafeLives estimate of 467" in referrals


def test_the_sources_table_names_each_benchmarks_source_and_date(reading):
    assert "Council of Europe: a minimum of one refuge space per 10,000 population" in reading
    assert "check against SafeLives' latest MARAC data before use" in reading  # the repeat range's date


def test_the_pdf_is_tagged(written):
    assert structure_problems(written[0]) == []


def test_the_word_copy_has_the_headings_the_table_and_each_charts_description(written):
    word = docx.Document(str(written[1]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    for title in ("Summary", "Each measure against its benchmark", "Refuge spaces", "The benchmarks and their sources"):
        assert title in headings
    summary = next(table for table in word.tables if table.rows[0].cells[0].text == "Measure")
    police = next(row for row in summary.rows if row.cells[0].text == "Referrals from the police")
    assert police.cells[2].text.startswith("83%")
    assert police.cells[4].text == "8 percentage points above the SafeLives recommended range of 60–75%"
    descriptions = [picture.get("descr") for picture in word.element.body.xpath(".//wp:docPr")]
    assert len(descriptions) == 9 and any("2019-20 576, 2020-21 737" in words for words in descriptions)


def test_check_recognises_a_marac_return_and_prints_the_comparisons(capsys):
    assert main(["check", str(SAMPLE_RETURN)]) == 0
    out = capsys.readouterr().out
    assert "a MARAC return" in out and "2 years: 2019-20 (4 quarters), 2020-21 (4 quarters)" in out
    assert "58% above the SafeLives estimate of 467" in out


def test_a_bad_cell_is_named_and_its_measure_is_not_compared_in_the_appendix(tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.title = "MARAC"
    sheet.append(["Year", "Referrals", "Police referrals", "Adult female population"])
    sheet.append(["2020-21", 737, "612?", 116_750])
    path = tmp_path / "marac.xlsx"
    book.save(path)
    out = tmp_path / "bad.pdf"
    assert main(["report", "marac", str(path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert (
        "warning: marac.xlsx, sheet 'MARAC', row 2, column 'Police referrals', cell C2: is not a number; "
        "the figure is left out (value: '612?')" in err
    )
    reading = " ".join(" ".join(line.split()) for page in tagged_lines(out) for line in page)
    assert "Not compared: the return gives no figure for referrals from the police in 2020-21" in reading
    assert "58% above the SafeLives estimate of 467" in reading  # the rest is still compared


def test_check_json_gives_each_figure_as_printed_and_its_value(capsys):
    assert main(["check", str(SAMPLE_RETURN), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "marac/1" and document["problems"] == []
    figures = document["figures"]
    assert figures["referrals_statement"]["text"] == "58% above the SafeLives estimate of 467"
    assert figures["referrals_statement"]["value"] == pytest.approx(57.816, abs=1e-3)
    assert figures["police_value"] == {"text": "83%", "value": pytest.approx(83.039, abs=1e-3)}
