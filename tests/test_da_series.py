"""The domestic abuse series return (seed 001's needs-assessment series): read from a workbook kept a sheet per
service, its figures and statements worked out by hand, and the part of the partnership appendix read back."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from desktop_app.cli import main
from desktop_app.da_series_commands import population_return, series_part
from desktop_app.domain.da_series import load_series_vocabulary
from desktop_app.excel.da_series import read_series
from desktop_app.excel.workbook import open_source
from desktop_app.paths import SAMPLE_DATA
from desktop_app.report.da_series import DEFAULT_SERIES_TEXT, load_series_text, series_document
from desktop_app.report.model import Keep, PageOptions, Paragraph
from desktop_app.report.proof import word_findings
from tests.pdf_structure import figure_alt_texts, structure_problems, tagged_lines

SAMPLE_SERIES = SAMPLE_DATA / "domestic_abuse_series_2018-2022.xlsx"
MARAC_RETURN = SAMPLE_DATA / "marac_2019-2021.xlsx"
SAFE_ACCOMMODATION = SAMPLE_DATA / "safe_accommodation_2023-24.xlsx"


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture()
def awkward(tmp_path) -> Path:
    """Seed 001's shapes with the cells people type: counts as text, a blank, n/a, a total that does not add up,
    a row the series does not know, a row given twice, a locality with no heading over it."""
    return workbook(
        tmp_path / "series.xlsx",
        {
            "SWACA": [["Children supported by SWACA"], [], ["Measure", "2019-20", "2020-21"], ["Children", 460, "689"]],
            "Early Help": [
                ["Measure", "2019-20", "2020-21"],
                ["North", 1, 2],
                ["Episodes started by locality"],
                ["North", 141, 212],
                ["Central", "158", 229],
                ["South", 230, 337],
                ["Total", 529, 780],
            ],
            "IDVA": [
                ["Measure", "2018-19", "2019-20", "2020-21"],
                ["Referrals", "n/a", "1,101", "1,167"],
                ["Referrals", 5, 5, 5],
                ["Repeat referrals", 90, 95, 99],
            ],
            "Homelessness": [
                ["Measure", "12 months to June 2020", "12 months to June 2021"],
                ["Households assessed", 2842, 3104],
                ["Domestic abuse reason", None, 270],
            ],
            "Prevalence": [["Measure", "2020-21"], ["Expected individuals", 10301], ["Recorded individuals", 3076]],
            "Children's social care": [
                ["Locality", "2020-21", "2021-22"],
                ["Assessments with domestic abuse as a factor"],
                ["North", 281, 305],
                ["Central", 262, 290],
                ["South", 634, 689],
                ["Population aged 0-18"],
                ["North", 19850, 19850],
                ["Central", 21420, 21420],
                ["South", 18640, 18640],
            ],
            "Sanctuary scheme": [
                ["Measure", "2018-19", "2019-20", "2020-21", "2021-22"],
                ["Households", 29, 26, 7, 10],
            ],
            "Notes": [["Measure", "About"], ["Source", "the services"]],
        },
    )


def read(path: Path):
    return read_series(open_source(path), load_series_vocabulary())


def statements(document) -> list[str]:
    """Every paragraph's words, those of a part kept on one page among them."""
    blocks = [block for section in document.sections for block in section.blocks]
    inner = [block for kept in blocks if isinstance(kept, Keep) for block in kept.blocks]
    return [block.text for block in [*blocks, *inner] if isinstance(block, Paragraph)]


def test_each_slip_is_a_problem_naming_its_cell(awkward):
    problems = {(p.sheet, p.cell): p for p in read(awkward).problems}
    assert "localities add up to 778" in problems[("Early Help", "C7")].message  # the total typed 780
    assert "no heading above it" in problems[("Early Help", "A2")].message
    assert "given again (first on row 2)" in problems[("IDVA", "A3")].message
    assert "not one of the series' rows" in problems[("IDVA", "A4")].message
    assert problems[("IDVA", "B2")].value == "n/a" and "not read as zero" in problems[("IDVA", "B2")].message
    assert "no figure is given" in problems[("Homelessness", "B3")].message
    assert problems[("Homelessness", "B3")].column == "12 months to June 2020"
    assert "not one of the series" in problems[("Notes", "")].message


def test_the_figures_and_statements_are_as_worked_by_hand(awkward):
    document = series_document(read(awkward).series)
    figures = {name: figure.text for name, figure in document.figures.items()}
    said = statements(document)
    # 689 / 460 = 1.498: 50% more (seed 001: 689 children, +50%)
    assert figures["das_swaca_children_change"] == "50%"
    assert "Children supported: 689 in 2020-21, 50% more than the 460 of 2019-20." in said
    # 141 + 158 + 230 = 529; 212 + 229 + 337 = 778; 778 / 529 = 1.4707: 47% more (seed 001: 778, +47%)
    assert figures["das_early_help_episodes_2019_20"] == "529" and figures["das_early_help_episodes"] == "778"
    assert figures["das_early_help_episodes_change"] == "47%"
    # 1,167 / 1,101 = 1.0599: 6% more; the n/a year is no figure, never zero
    assert figures["das_idva_referrals_2018_19"] == "n/a" and figures["das_idva_referrals_change"] == "6%"
    # 10,301 - 3,076 = 7,225; 3,076 / 10,301 = 29.86%
    assert figures["das_prevalence_gap"] == "7,225" and figures["das_prevalence_recorded_share"] == "29.9%"
    # 270 / 3,104 = 8.698%; the year before has no count, so no share
    assert figures["das_homelessness_duty_domestic_abuse_share"] == "8.7%"
    assert figures["das_homelessness_duty_domestic_abuse_share_12_months_to_june_2020"] == "n/a"
    # 689 / 18,640 x 100,000 = 3,696.35; 290 / 21,420 x 100,000 = 1,353.88; 3,696.35 / 1,353.88 = 2.73
    assert figures["das_social_care_assessments_south_rate"] == "3,696.4"
    assert figures["das_social_care_assessments_central_rate"] == "1,353.9"
    assert any("South 3,696.4" in words and "South's rate is 2.7 times Central's." in words for words in said)
    # 29 in 2018-19 to 10 in 2021-22: 10 / 29 = 0.345, 66% fewer (from the first year, not the year before)
    assert "Households supported: 10 in 2021-22, 66% fewer than the 29 of 2018-19." in said


def test_the_partnership_paper_reads_the_series_part_aloud_with_alternative_text(tmp_path):
    out = tmp_path / "partnership.pdf"
    files = [str(MARAC_RETURN), str(SAFE_ACCOMMODATION), str(SAMPLE_SERIES)]
    assert main(["report", "partnership", *files, "--out", str(out), "--docx"]) == 0
    reading = " ".join(" ".join(line.split()) for page in tagged_lines(out) for line in page)
    marac, safe, series = (
        reading.index(words)
        for words in ("MARAC", "Safe accommodation (Domestic Abuse Act 2021, Part 4)", "the needs assessment's series")
    )
    assert marac < safe < series
    assert "Referrals to the IDVA service: 1,167 in 2020-21, 6% more than the 1,101 of 2019-20." in reading
    alt_texts = figure_alt_texts(out)
    assert (
        "Bar chart of children supported (Specialist community service: children supported), by period: "
        "2019-20 460; 2020-21 689." in alt_texts
    )
    assert structure_problems(out) == []
    assert reading.startswith("Appendix B Domestic abuse partnership figures The MARAC's")  # titled for all its parts
    word = docx.Document(str(out.with_suffix(".docx")))
    said = [paragraph.text for paragraph in word.paragraphs]
    assert "Households supported: 10 in 2021-22, 66% fewer than the 29 of 2018-19." in said
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "3,696.4" in cells and "7,225" in cells


def test_check_recognises_the_series_return(capsys):
    assert main(["check", str(SAMPLE_SERIES), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "domestic_abuse_series/1"
    assert document["series"]["sanctuary"] == ["2018-19", "2019-20", "2020-21", "2021-22"]
    assert document["figures"]["das_idva_referrals"]["text"] == "1,167"


def test_the_proof_reads_the_series_return_slips(awkward, capsys):
    assert main(["proof", "partnership", str(awkward)]) == 1  # a row given twice is an error
    printed = capsys.readouterr().out
    assert "error: series.xlsx, sheet 'IDVA', row 3, column 'Measure', cell A3: the row is given again" in printed
    assert "warning: series.xlsx, sheet 'Early Help', row 7, column '2020-21', cell C7: the total is 780" in printed


def test_the_sample_return_proofs_clean(capsys):
    assert main(["proof", "partnership", str(SAMPLE_SERIES)]) == 0
    printed = capsys.readouterr().out  # the one thing said: the shipped prevalence rates are illustrative
    assert printed.startswith("The proof of the partnership appendix: 1 info\ninfo: The prevalence rates are illus")


def test_the_proof_holds_the_authors_words_to_the_series_figures(tmp_path):
    """An author's 'rose by 12%' where 6,104 to 6,537 is 7%, and 'fell' where 460 became 689."""
    words = DEFAULT_SERIES_TEXT.read_text(encoding="utf-8").replace(
        'text = "The police figures count',
        'text = "Incidents rose by 12% to {das_police_incidents}, from {das_police_incidents_last_year}. '
        "Children supported fell to {das_swaca_children}. The police figures count",
    )
    path = tmp_path / "series_text.toml"
    path.write_text(words, encoding="utf-8")
    text = load_series_text(path)
    document = series_document(read(SAMPLE_SERIES).series, text)
    found = {finding.kind: finding for finding in word_findings(document, text)}
    assert "6,104 to 6,537 is a change of 7%" in found["change"].message
    assert "went up, from 460 to 689" in found["comparison"].message and found["comparison"].severity == "error"


def test_the_rates_take_the_localities_populations_from_a_population_return(tmp_path):
    population = workbook(
        tmp_path / "population.xlsx",
        {
            "Population": [
                ["Area", "Age band", "Year", "Population"],
                ["North", "0-18", 2019, 19910],
                ["Central", "0-18", 2019, 21380],
                ["South", "0-18", 2019, "18,600"],
                ["South", "0-17", 2020, 17000],  # another band: not the rate's
            ]
        },
    )
    rows = population_return(open_source(population))
    document, problems, _ = series_part([open_source(SAMPLE_SERIES)], PageOptions(), [("population.xlsx", rows)])
    figures = {name: figure.text for name, figure in document.figures.items()}
    # 702 / 18,600 x 100,000 = 3,774.19 (the sheet's own 18,640 would give 3,766.1)
    assert figures["das_social_care_population_south_2019_20"] == "18,600"
    assert figures["das_social_care_assessments_south_rate_2019_20"] == "3,774.2"
    # 2020 and 2021 have no 0-18 rows: the sheet's populations stay, and a note says so
    assert figures["das_social_care_assessments_south_rate"] == "3,696.4"
    note = next(problem for problem in problems if problem.file == "population.xlsx")
    assert "no population for North 2020-21, North 2021-22" in note.message
    sources = [cell.text for row in document.table("das_sources").body for cell in row]
    assert "domestic_abuse_series_2018-2022.xlsx, sheet 'Children's social care'; the populations: population.xlsx" in (
        sources
    )


def test_a_population_return_of_no_locality_is_said_to_be_in_no_figure(capsys):
    files = [str(SAMPLE_SERIES), str(SAMPLE_DATA / "population_2023.xlsx")]
    assert main(["proof", "partnership", *files]) == 1  # the proof's exit with a finding to look at
    assert "warning: population_2023.xlsx: gives no population any rate" in capsys.readouterr().out


def test_the_expected_prevalence_is_worked_out_from_the_population_by_age_and_sex(tmp_path):
    """Seed 001's 1-05: each band's population times its rate, each band rounded half up to whole people."""
    path = workbook(
        tmp_path / "prevalence.xlsx",
        {
            "Prevalence": [
                ["Measure", "2020-21"],
                ["Recorded individuals", 3076],
                ["Population by age and sex"],
                ["Female 16-19", 5900],
                ["Female 20-24", 6800],
                ["Female 25-34", "14,900"],
                ["Female 35-44", 14600],
                ["Female 45-54", 19800],
                ["Female 55-59", 9900],
                ["Female 60-74", 28825],
                ["Male 16-19", 6200],
                ["Male 20-24", 7000],
                ["Male 25-34", 14700],
                ["Male 35-44", 14000],
                ["Male 45-54", 18900],
                ["Male 55-59", 9300],
                ["Male 60-74", 24800],
            ]
        },
    )
    found = read(path)
    assert [problem.message for problem in found.problems if problem.severity.value != "note"] == []
    document = series_document(found.series)
    figures = {name: figure.text for name, figure in document.figures.items()}
    # 14,900 x 8.5% = 1,266.5, rounded half up to 1,267 (the bands add up to 10,301; rounding each down, 10,298)
    assert figures["das_prevalence_expected_female_25_34"] == "1,267"
    assert figures["das_prevalence_rate_female_25_34"] == "8.5%"
    assert figures["das_prevalence_expected"] == "10,301"
    # 10,301 - 3,076 = 7,225; 3,076 / 10,301 = 29.86%
    assert figures["das_prevalence_gap"] == "7,225" and figures["das_prevalence_recorded_share"] == "29.9%"
    said = statements(document)
    assert any(
        "10,301 expected individuals in 2020-21" in words and "Female 45-54 (1,386, at 7%)" in words for words in said
    )
    bands = document.table("das_prevalence_bands")
    assert [cell.text for cell in bands.body[-1]] == ["All ages and sexes", "195,625", "", "10,301"]
    sources = " ".join(cell.text for row in document.table("das_sources").body for cell in row)
    assert "ILLUSTRATIVE rates" in sources


def test_the_sample_partnership_paper_prints_the_expected_prevalence_by_band(tmp_path):
    out = tmp_path / "series.pdf"
    assert main(["report", "partnership", str(SAMPLE_SERIES), "--out", str(out), "--docx"]) == 0
    alt_texts = figure_alt_texts(out)
    assert any(
        text.startswith(
            "Bar chart of the expected individuals by age, female, 2020-21, with the recorded as a line. "
            "Expected: Female 16-19 708;"
        )
        and "Recorded: Female 16-19 160;" in text
        for text in alt_texts
    )
    reading = " ".join(" ".join(line.split()) for page in tagged_lines(out) for line in page)
    # 95 / 1,153 = 8.24%: the smallest share of any band (seed 001: the older groups the most unmet need)
    assert "The recorded are the smallest share of the expected among Female 60-74: 95 of 1,153 (8.2%)." in reading
    word = docx.Document(str(out.with_suffix(".docx")))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "10,301" in cells and "1,267" in cells and "All ages and sexes" in cells
    assert "Recorded of expected" in cells and "29.9%" in cells  # 3,076 of 10,301, the bands added up


def test_the_idva_victims_are_held_against_the_safelives_ranges(tmp_path):
    """Seed 001's 1-19: a share within a range, below a single figure, below a range; a characteristic the sheet
    leaves out is in no statement."""
    path = workbook(
        tmp_path / "idva.xlsx",
        {
            "IDVA": [
                ["Measure", "2019-20", "2020-21"],
                ["Referrals", 1101, 1167],
                ["Victims supported", 1012, "1,084"],
                ["Male victims", 61, 92],
                ["Victims with a disability", 148, 171],
                ["LGBT", 9, 14],
            ]
        },
    )
    document = series_document(read(path).series)
    figures = {name: figure.text for name, figure in document.figures.items()}
    said = statements(document)
    # 92 / 1,084 = 8.487%: 8.5%, inside 5-10%; 171 / 1,084 = 15.775%: 15.8%, 3.2 points under 19%
    assert figures["das_idva_male_share"] == "8.5%" and figures["das_idva_male_benchmark"] == "5–10%"
    assert (
        "Male victims, 2020-21: 8.5% of victims supported (92 of 1,084), "
        "within the SafeLives recommended range of 5–10%." in said
    )
    assert figures["das_idva_disability_against"] == "3.2 percentage points below the recommended figure of 19%"
    # 14 / 1,084 = 1.29%: 1.3%, 1.2 points under the bottom of 2.5-5.8%
    assert figures["das_idva_lgbt_against"] == "1.2 percentage points below the estimated range of 2.5–5.8%"
    assert not any(words.startswith("Black, Asian") for words in said)
    chart = next(
        block
        for section in document.sections
        for kept in section.blocks
        if isinstance(kept, Keep)
        for block in kept.blocks
        if getattr(block, "key", "") == "das_idva_male_benchmark"
    )
    assert chart.series[1].values == (5, 5) and chart.series[1].upper == (10, 10)
    assert "by period: 2019-20 6.0%; 2020-21 8.5%" in chart.alt_text
    sources = " ".join(cell.text for row in document.table("das_sources").body for cell in row)
    assert "SafeLives: male victims should make up between 5% and 10%" in sources


@pytest.fixture()
def categories(tmp_path) -> Path:
    """Seed 001's 1-20 and 1-13 shapes: a row per referral source (a Total that does not add up), per offence
    type over two years, per month of 2019 and 2020."""
    return workbook(
        tmp_path / "categories.xlsx",
        {
            "SWACA referral sources": [
                ["Referral source", "2020-21"],
                ["Police Family Crime Investigation Unit", 512],
                ["Self-referral", "301"],
                ["Children's social care", 178],
                ["Health visitors", 96],
                ["GP", 84],
                ["IDVA service", 77],
                ["Housing", 69],
                ["Schools", 58],
                ["Other agencies", 145],
                ["Total", 1525],
            ],
            "Offence types": [
                ["Measure", "12 months to September 2020", "12 months to September 2021"],
                ["Violence without injury", 1301, 1420],
                ["Stalking and harassment", 1049, 1205],
                ["Violence with injury", 873, 812],
                ["Theft", 62, None],
            ],
            "Police by month": [
                ["Month", "2019", "2020"],
                ["Jan", 290, 331],
                ["Feb", 268, 305],
                ["Mar", 301, 326],
            ],
        },
    )


def test_the_referral_sources_top_three_are_said_in_words(categories):
    found = read(categories)
    problems = {(p.sheet, p.cell): p for p in found.problems}
    # 512 + 301 + 178 + 96 + 84 + 77 + 69 + 58 + 145 = 1,520, not the 1,525 typed
    assert "the referral sources add up to 1,520" in problems[("SWACA referral sources", "B11")].message
    document = series_document(found.series)
    figures = {name: figure.text for name, figure in document.figures.items()}
    said = statements(document)
    # 512 + 301 + 178 = 991 of 1,520: 65.197%
    assert (
        "2020-21: the top 3 of the 9 referral sources made 991 of the 1,520 referrals (65.2%): Police Family Crime "
        "Investigation Unit 512; Self-referral 301; Children's social care 178." in said
    )
    assert figures["das_swaca_sources_self_referral_share"] == "19.8%"  # 301 / 1,520
    chart = next(
        block
        for section in document.sections
        for kept in section.blocks
        if isinstance(kept, Keep)
        for block in kept.blocks
        if getattr(block, "key", "") == "das_swaca_sources_top"
    )
    # the top three and the other six as one: 96 + 84 + 77 + 69 + 58 + 145 = 529
    assert chart.series[0].values == (512, 301, 178, 529)
    assert chart.alt_text.endswith(
        "2020-21: Police Family Crime Investigation Unit 512; Self-referral 301; "
        "Children's social care 178; All other referral sources 529."
    )


def test_the_police_offence_types_and_months_say_what_rose_and_fell(categories):
    document = series_document(read(categories).series)
    figures = {name: figure.text for name, figure in document.figures.items()}
    said = statements(document)
    # 812 / 873 = 0.930: 7% fewer; theft's 2021 is not given: in no change, and no total or top for 2021
    assert figures["das_police_offences_violence_with_injury_change"] == "7%"
    assert (
        "From 12 months to September 2020 to 12 months to September 2021, 2 of the 4 offence types rose and 1 fell: "
        "Violence with injury, 7% fewer (873 to 812)." in said
    )
    assert figures["das_police_offences_total"] == "n/a" and "das_police_offences_top" not in figures
    assert "From 2019 to 2020, 3 of the 3 months rose and 0 fell." in said
    chart = next(
        block
        for section in document.sections
        for kept in section.blocks
        if isinstance(kept, Keep)
        for block in kept.blocks
        if getattr(block, "key", "") == "das_police_months_periods"
    )
    assert chart.kind == "monthly_counts" and chart.series[0].values == (331, 305, 326)
    assert "2019: Jan 290; Feb 268; Mar 301." in chart.alt_text


def test_the_sample_paper_prints_the_categories_in_pdf_and_word(tmp_path):
    out = tmp_path / "series.pdf"
    assert main(["report", "partnership", str(SAMPLE_SERIES), "--out", str(out), "--docx"]) == 0
    reading = " ".join(" ".join(line.split()) for page in tagged_lines(out) for line in page)
    assert "the top 3 of the 11 referral sources made 991 of the 1,520 referrals (65.2%)" in reading
    assert "the top 5 of the 8 offence types made 3,742 of the 3,981 crimes (94.0%)" in reading
    assert any(
        text.startswith("Bar chart of the crimes by month in 2020, with 2019 as a line")
        for text in figure_alt_texts(out)
    )
    assert structure_problems(out) == []
    word = docx.Document(str(out.with_suffix(".docx")))
    said = " ".join(paragraph.text for paragraph in word.paragraphs)
    assert "Violence with injury, 7% fewer (873 to 812)" in said
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Child on parent" in cells and "9.6%" in cells


def test_the_homelessness_share_is_ranked_among_the_cipfa_neighbours(tmp_path):
    """Seed 001's 1-09: 270 of 3,104 (8.7%) against neighbours' published shares, typed as numbers and as '%'."""
    path = workbook(
        tmp_path / "neighbours.xlsx",
        {
            "Homelessness": [
                ["Measure", "12 months to June 2021"],
                ["Households assessed", 3104],
                ["Domestic abuse reason", 270],
            ],
            "CIPFA neighbours": [
                ["Council", "12 months to June 2021"],
                ["Authority 01", 17.9],
                ["Authority 02", "21.8%"],
                ["Authority 03", 8.6],
                ["Authority 04", "n/a"],
                ["Authority 05", 19.6],
            ],
        },
    )
    found = read(path)
    assert not [p for p in found.problems if p.severity.value in ("warning", "error")]
    document = series_document(found.series)
    said = statements(document)
    # 8.698% is above 8.6% and below the other three given; Authority 04 gives no share
    assert (
        "The council's 8.7% (12 months to June 2021) against its 4 CIPFA nearest neighbours: 3 have a higher share "
        "and 1 a lower; theirs run from 8.6% to 21.8%, the highest: Authority 02 21.8%, Authority 05 19.6%, "
        "Authority 01 17.9%." in said
    )
    rows = [[cell.text for cell in row] for row in document.table("das_homelessness_neighbours").body]
    assert rows == [
        ["Authority 02", "21.8%"],
        ["Authority 05", "19.6%"],
        ["Authority 01", "17.9%"],
        ["This council (12 months to June 2021)", "8.7%"],
        ["Authority 03", "8.6%"],
        ["Authority 04", "n/a"],
    ]


def test_the_authors_words_take_the_new_figures_live(tmp_path):
    """Words written around the charts' figures are filled from the return, and a rate file's slip names it."""
    words = DEFAULT_SERIES_TEXT.read_text(encoding="utf-8").replace(
        '[sections.swaca_sources]\ntitle = "Specialist community service: referral sources"\ntext = ""',
        '[sections.swaca_sources]\ntitle = "Specialist community service: referral sources"\n'
        'text = "Nearly two-thirds of referrals ({das_swaca_sources_top} of {das_swaca_sources_total}) came from '
        '{das_swaca_sources_top_count} sources; {das_prevalence_gap} victims were not recorded."',
    )
    path = tmp_path / "series_text.toml"
    path.write_text(words, encoding="utf-8")
    document = series_document(read(SAMPLE_SERIES).series, load_series_text(path))
    assert "Nearly two-thirds of referrals (991 of 1,520) came from 3 sources; 7,225 victims were not recorded." in (
        statements(document)
    )
    rates = tmp_path / "rates.toml"
    rates.write_text('source = "test"\n[rates]\n"Female 16-19" = 120\n', encoding="utf-8")
    from desktop_app.domain.da_series import load_prevalence_rates
    from desktop_app.domain.resource_files import ResourceFileError

    with pytest.raises(ResourceFileError, match=r"rates.toml: \[rates\] 'Female 16-19' = 120 is not a per cent"):
        load_prevalence_rates(rates)
