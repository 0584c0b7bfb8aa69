"""The safe accommodation section as a committee reads it: the sample return and published tables through
`report partnership` beside the MARAC figures, the PDF and Word file read back, `check` and `check --json`."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pikepdf
import pytest
from openpyxl import Workbook

from desktop_app.cli import main
from desktop_app.paths import SAMPLE_DATA
from tests.pdf_structure import figure_alt_texts, structure_problems, tagged_lines

SAMPLE_RETURN = SAMPLE_DATA / "safe_accommodation_2023-24.xlsx"
MARAC_RETURN = SAMPLE_DATA / "marac_2019-2021.xlsx"


def read_aloud(pdf: Path) -> str:
    """The words a screen reader reads, in reading order (a cell's lines joined)."""
    return " ".join(" ".join(line.split()) for page in tagged_lines(pdf) for line in page)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("partnership") / "partnership.pdf"
    args = ["report", "partnership", str(MARAC_RETURN), str(SAMPLE_RETURN), "--out", str(out), "--docx"]
    assert main([*args, "--as-at", "30/06/2025"]) == 0
    return out, out.with_suffix(".docx")


@pytest.fixture(scope="module")
def reading(written) -> str:
    return read_aloud(written[0])


def test_the_partnership_paper_has_the_marac_figures_then_the_safe_accommodation_section(reading):
    marac = reading.index("737 referrals to MARAC, 58% above the SafeLives estimate of 467")
    section = reading.index("Safe accommodation (Domestic Abuse Act 2021, Part 4) People and households supported")
    assert marac < section
    assert "In 2023-24 the council supported 1,046 people in safe accommodation: 412 adults and 634 children" in reading
    assert "86 households could not be supported, 60.5% of them because no space was available." in reading


def test_the_paper_is_titled_for_both_and_its_title_page_gives_both_years(written, reading):
    assert reading.startswith("Appendix B Domestic abuse partnership figures: MARAC and safe accommodation")
    assert "Figures for 2020-21 (MARAC); 2023-24 (safe accommodation)" in reading
    with pikepdf.open(written[0]) as pdf:
        assert str(pdf.docinfo["/Title"]) == "Domestic abuse partnership figures: MARAC and safe accommodation"


def test_each_part_gives_each_year_and_the_latest_years_share_of_its_base(reading):
    assert "Adults 371 412 39.4% 412 of 1,046" in reading
    assert "All people supported 931 1,046" in reading
    assert "Disabled 35 41 10.0% 41 of 412" in reading
    assert "With complex needs n/a 66 16.0%" in reading
    assert "With complex needs, 2022-23: not given in the return, so it is in no figure or share." in reading
    assert "Refuge 26 29 53.7% 29 of 54" in reading


def test_a_review_date_passed_at_the_report_date_is_flagged(reading):
    assert (
        "At the report date, 30 June 2025, the strategy's three-yearly review is overdue: it was due by 5 January"
        in reading
    )
    assert "Date last reviewed not reviewed since it was published Review due by 5 January 2025" in reading
    assert "At the report date, 30 June 2025 Overdue: it was due by 5 January 2025" in reading


def test_the_council_is_beside_the_region_and_england_as_shares_with_the_symbols_as_published(reading):
    assert "Share of its part, 2023-24 This council North West England" in reading
    assert "Disabled 10.0% 41 of 412 12.9% 530 of 4,120 13.1% 3,910 of 29,830" in reading
    assert "Older victims (60 and over) 2.4% 10 of 412 [c] 2.3% 690 of 29,830" in reading
    assert "Refuge 53.7% 29 of 54 [x] 50.0% 2,715 of 5,430" in reading  # the region's base rests on a withheld [x]
    assert "Where the published tables withhold a figure they print a symbol ([c], [x])" in reading


def test_the_chart_of_characteristics_marks_englands_share_and_its_text_states_each_figure(written, reading):
    assert "Adult victims with specialist characteristics, 2023-24: this council's share, with England's" in reading
    (alt,) = [alt for alt in figure_alt_texts(written[0]) if "specialist characteristic" in alt]
    assert "with England's share marked on each bar as a dashed line" in alt
    assert "Disabled 10.0% (England 13.1%); LGBT+ 2.2% (England 2.6%)" in alt
    assert "With complex needs 16.0% (England 23.9%)." in alt


def test_the_pdf_is_tagged_and_the_word_copy_has_the_section_and_its_tables(written):
    assert structure_problems(written[0]) == []
    word = docx.Document(str(written[1]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Safe accommodation (Domestic Abuse Act 2021, Part 4)" in headings
    assert "Beside the region and England" in headings
    strategy = next(table for table in word.tables if table.rows[0].cells[0].text == "The strategy")
    assert strategy.rows[-1].cells[1].text == "Overdue: it was due by 5 January 2025"
    title = "Adult victims with specialist characteristics, 2023-24: this council's share, with England's"
    assert [p.text for p in word.paragraphs].count(title) == 1  # the chart's title once, not again as its caption
    descriptions = [picture.get("descr") for picture in word.element.body.xpath(".//wp:docPr")]
    assert any("Disabled 10.0% (England 13.1%)" in words for words in descriptions)


def test_at_the_years_end_the_review_is_not_yet_due_and_the_return_alone_makes_its_own_appendix(tmp_path):
    out = tmp_path / "safe.pdf"
    assert main(["report", "partnership", str(SAMPLE_RETURN), "--out", str(out)]) == 0
    reading = read_aloud(out)
    assert "Figures for 2023-24" in reading  # its own title page
    assert "At the report date, 31 March 2024, the strategy's three-yearly review is not yet due" in reading
    assert "MARAC" not in reading


def test_without_the_published_tables_there_is_no_comparison_and_reasons_short_of_their_total_are_noted(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Return"
    sheet.append(["Measure", "2023-24"])
    rows = (
        ("Adults supported", 40),
        ("Children supported", "n/a"),
        ("Refuge bedspaces", 9),
        ("Households unable to be supported", 10),
        ("No space available", 6),
        ("Needs could not be met", 1),
        ("Risk to others", 1),
        ("Declined", 1),
        ("Not supported: other reason", 0),
    )
    for label, value in rows:
        sheet.append([label, value])
    path = tmp_path / "return.xlsx"
    book.save(path)
    out = tmp_path / "safe.pdf"
    assert main(["report", "partnership", str(path), "--out", str(out)]) == 0
    reading = read_aloud(out)
    assert "Beside the region and England" not in reading
    assert "Children, 2023-24: not given in the return, so it is in no figure or share." in reading
    assert (
        "the strategy's three-yearly review is not known: the return gives no date of publication or review" in reading
    )


def test_check_recognises_the_return_and_the_published_tables(capsys):
    assert main(["check", str(SAMPLE_RETURN)]) == 0
    out = capsys.readouterr().out
    assert "a safe accommodation return (2022-23, 2023-24) and the published tables (North West, England)" in out
    assert "cell B19: no number is given" in out
    assert "Not yet due: it is due by 5 January 2025" not in out and "not yet due: it is due by 5 January 2025" in out


def test_check_json_gives_each_figure_as_printed_and_its_value(capsys):
    assert main(["check", str(SAMPLE_RETURN), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "safe_accommodation/1"
    assert document["periods"] == ["2022-23", "2023-24"] and document["areas"] == ["North West", "England"]
    figures = document["figures"]
    assert figures["sa_adults"] == {"text": "412", "value": 412}
    assert figures["sa_disabled_share"]["text"] == "10.0%"
    assert figures["sa_disabled_share"]["value"] == pytest.approx(9.951, abs=1e-3)
    assert figures["sa_older_north_west_share"] == {"text": "[c]", "value": None}
    assert figures["sa_strategy_review_due"] == {"text": "5 January 2025", "value": "2025-01-05"}


def test_two_returns_among_the_files_is_refused_with_one_line(tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["report", "partnership", str(SAMPLE_RETURN), str(SAMPLE_RETURN), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: one safe accommodation return is needed") and not out.exists()
