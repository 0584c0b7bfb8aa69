"""Everything imported is printed (issue 17): seed 000's reablement table and safeguarding heatmap, seed 002's
audit judgements, and the service users' survey in its three headed blocks, from the sample workbooks through
the command line, the PDF read back; and the totals and shares worked out as the papers print them."""

from __future__ import annotations

import pandas as pd
import pytest

from desktop_app.cli import main
from desktop_app.domain.cross_tabs import category_shares, cross_tab_grid, cross_tab_total
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.paths import RESOURCES, SAMPLE_DATA
from desktop_app.report.model import Cards, Chart, Keep, Table
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_text import PerformanceTextError, load_performance_text
from tests.pdf_structure import pdf_lines

SURVEY = SAMPLE_DATA / "survey_2023-24.xlsx"
ND = {"Reablement (ND)": ("Reablement (ND Standard)", "Reablement (ND Crisis)")}


@pytest.fixture(scope="module")
def survey_frames():
    imported = Importer().import_file(SURVEY)
    return {kind: imported.frame(kind) for kind in ReturnKind if kind is not ReturnKind.COMPLAINTS_LOG}


@pytest.fixture(scope="module")
def tables(survey_frames) -> dict[str, Table]:
    results = calculate_indicators(IndicatorReturns.of(survey_frames), load_catalogue())
    document = performance_document(results)
    return {b.key: b for s in document.sections for b in s.blocks if isinstance(b, Table)}


@pytest.fixture(scope="module")
def appendix(tmp_path_factory):
    out = tmp_path_factory.mktemp("imported") / "appendix.pdf"
    assert main(["report", "performance", str(SURVEY), "--out", str(out)]) == 0
    return pdf_lines(out)


def test_the_reablement_table_as_seed_000_prints_it_with_its_total_worked_out(tables, appendix):
    table = tables["reablement_reablement"]
    assert table.texts() == [
        ["Reablement Type", "Client #", "Client %", "Weekly Hours", "Weekly Hours %", "Hours Per Person"],
        ["Reablement (AREN)", "266", "77.1%", "3,719.00", "88.6%", "13.98"],
        ["Reablement (ND)", "79", "22.9%", "477.16", "11.4%", "6.04"],
        ["▸ Reablement (ND Standard)", "70", "20.3%", "428.67", "10.2%", "6.12"],
        ["▸ Reablement (ND Crisis)", "9", "2.6%", "48.49", "1.2%", "5.39"],
        # AREN + ND (ND's breakdown is not added again); hours per person is 4,196.16 / 345, not a sum
        ["Total", "345", "100.0%", "4,196.16", "100.0%", "12.16"],
    ]
    assert table.total_rows == (5,)
    assert "Total 345 100.0% 4,196.16 100.0% 12.16" in appendix


def test_the_audit_judgements_as_seed_002_prints_them(tables, appendix):
    assert tables["audit_audit"].texts() == [
        ["Judgement", "No. of Audits", "%"],
        ["Good", "2", "14%"],
        ["RI", "10", "71%"],
        ["Inadequate", "2", "14%"],
    ]
    assert "RI 10 71%" in appendix


def test_the_safeguarding_heatmap_prints_every_count_and_leaves_a_blank_cell_blank(tables, appendix):
    table = tables["safeguarding_safeguarding"]
    header, *body = table.texts()
    assert header[0] == "Location Summary" and header[1] == "Discriminatory" and len(header) == 13
    assert [row[0] for row in body] == [
        "Care Home",
        "Health Setting",
        "In a Community Service",
        "Not Known",
        "Not Recorded",
        "Other",
        "Own Home",
        "Supported",
    ]
    care_home = body[0]
    assert care_home[1:] == ["3", "3", "138", "86", "", "1,101", "58", "45", "361", "7", "54", "2"]
    counts = [int(t.replace(",", "")) for row in body for t in row[1:] if t]
    assert len(counts) == 96 - 13 and sum(counts) == 5732  # 13 cells blank, as in the paper
    shades = {cell.text: cell.background for row in table.body for cell in row[1:]}
    assert shades[""] is None
    assert (shades["1,101"], shades["1"]) == ("heat_4", "heat_1")  # the largest count darkest, the least palest
    assert any(line.startswith("Care Home 3 3 138 86 1,101 58 45 361 7 54 2") for line in appendix)


def test_the_service_users_survey_keeps_its_three_headed_blocks(tables, appendix):
    blocks = [t for key, t in tables.items() if key.startswith("ascs_")]
    assert [t.texts()[0][0] for t in blocks] == ["Satisfaction", "Health", "Social Contact"]
    assert [len(t.body) for t in blocks] == [3, 3, 4]
    [carers] = [t for key, t in tables.items() if key.startswith("carers_survey_")]  # one header: one table
    assert carers.texts()[0][0] == "Theme" and len(carers.body) == 10
    assert any(line.startswith("Health Good Sefton Statistical North West England") for line in appendix)


def test_a_total_adds_the_rows_not_broken_down_and_divides_a_ratio_column(survey_frames):
    grid = cross_tab_grid(survey_frames[ReturnKind.CROSS_TAB], "Reablement")
    every_row = cross_tab_total(grid)
    assert every_row["Client #"] == 424  # what the reader's check adds up to
    total = cross_tab_total(grid, ND, {"Hours Per Person": ("Weekly Hours", "Client #")})
    assert total["Client #"] == 345 and total["Weekly Hours"] == pytest.approx(4196.16)
    assert total["Hours Per Person"] == pytest.approx(4196.16 / 345)


def test_shares_are_worked_out_from_the_counts_beside_the_published_percentages(survey_frames):
    shares = category_shares(survey_frames[ReturnKind.CATEGORY_COUNTS], "Audit")
    assert shares["share"].tolist() == pytest.approx([200 / 14, 1000 / 14, 200 / 14])
    assert shares["published"].tolist() == [14, 71, 14]
    empty = category_shares(survey_frames[ReturnKind.CATEGORY_COUNTS], "No such sheet")
    assert empty.empty and cross_tab_grid(pd.DataFrame(columns=["sheet"]), "Reablement").empty


def test_the_reablement_cards_against_the_same_snapshot_a_year_before(survey_frames):
    """Seed 000's cards: 345 packages (308 a year before, +12.01%), 4,196.16 weekly hours (3,672.39, +14.26%),
    12.2 hours per person (11.9, +2.01%: worked out from the hours and packages, not typed)."""
    results = calculate_indicators(IndicatorReturns.of(survey_frames), load_catalogue())
    document = performance_document(results)
    [section] = [s for s in document.sections if s.key == "reablement_cards"]
    [cards] = [b for b in section.blocks if isinstance(b, Cards)]
    shown = [(card.label, card.value, card.changes) for card in cards.cards]
    assert shown == [
        ("Packages of Care", "345", (("Last Year", "308 (+12.0%)"),)),
        ("Total Weekly Hours", "4,196.16", (("Last Year", "3,672.39 (+14.3%)"),)),
        ("Average Weekly Hours Per Person", "12.2", (("Last Year", "11.9 (+2.0%)"),)),
    ]
    assert cards.cards[0].as_at == "As at 2 December 2024"
    assert all(card.colours == () for card in cards.cards)  # no arrow, so no arrow's colour


def test_a_card_shows_the_change_where_its_section_does_not_ask_for_the_value_then(survey_frames, tmp_path):
    text = (RESOURCES / "performance_report_text.toml").read_text(encoding="utf-8")
    assert text.count('card_shows = "then"\n') == 1
    path = tmp_path / "text.toml"
    path.write_text(text.replace('card_shows = "then"\n', ""), encoding="utf-8")
    results = calculate_indicators(IndicatorReturns.of(survey_frames), load_catalogue())
    document = performance_document(results, text=load_performance_text(path))
    [section] = [s for s in document.sections if s.key == "reablement_cards"]
    [cards] = [b for b in section.blocks if isinstance(b, Cards)]
    assert cards.cards[0].changes == (("Year Change", "▲ 37 (+12.0%)"),)
    path.write_text(text.replace('card_shows = "then"', 'card_shows = "before"'), encoding="utf-8")
    with pytest.raises(PerformanceTextError, match="card_shows 'before' is not one of"):
        load_performance_text(path)


def test_the_reablement_delivery_proportions_chart_draws_the_tables_shares(tables, appendix):
    """Seed 000's "Reablement Delivery Proportions": clients and hours by AREN and New Directions, the ND
    standard and crisis rows being parts of ND's, not drawn again; its alternative text gives every share."""
    results = calculate_indicators(IndicatorReturns.of(survey_frames_of()), load_catalogue())
    [chart] = [
        part
        for section in performance_document(results).sections
        for block in section.blocks
        if isinstance(block, Keep)
        for part in block.blocks
        if isinstance(part, Chart)
    ]
    assert chart.labels == ("Client %", "Weekly Hours %")
    assert [(s.label, s.values) for s in chart.series] == [
        ("Reablement (AREN)", (77.1, 88.6)),
        ("Reablement (ND)", (22.9, 11.4)),
    ]
    assert chart.alt_text == (
        "Stacked bar chart: Reablement Delivery Proportions, a bar for each of Client % and Weekly Hours %. "
        "Client %: Reablement (AREN) 77.1%, Reablement (ND) 22.9%. Weekly Hours %: Reablement (AREN) 88.6%, "
        "Reablement (ND) 11.4%."
    )
    assert "Reablement Delivery Proportions" in appendix


def survey_frames_of():
    imported = Importer().import_file(SURVEY)
    return {kind: imported.frame(kind) for kind in ReturnKind if kind is not ReturnKind.COMPLAINTS_LOG}
