"""Changes as the performance appendix prints them (issue 17), from real workbooks and the PDF read back: a
change that rounds to nothing is "no change", with no arrow and no colour (seed 000's card printed
"▼ £0 (0.0%)")."""

from __future__ import annotations

import dataclasses
import datetime as dt

import docx
import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.report.model import Cards
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_text import load_performance_text
from tests.pdf_structure import pdf_lines

LAST_WEEK = dt.date(2024, 11, 29)


@pytest.fixture
def returns(tmp_path):
    """A weekly cost 30p up on the week before and £100.30 on a month before; a dashboard row 26.54% -> 26.51%."""
    workbook = openpyxl.Workbook()
    weekly = workbook.active
    weekly.title = "Weekly"
    weekly.append(["ID", "Week ending", "Value"])
    for weeks_back in range(52, -1, -1):
        cost = {0: 1000.30, 1: 1000.00}.get(weeks_back, 900.00)
        weekly.append(["ASC-W01", LAST_WEEK - dt.timedelta(weeks=weeks_back), cost])
    dashboard = workbook.create_sheet("Dashboard")
    dashboard.append(["ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value"])
    dashboard.append(["OWN-RE", "Re-referrals", "Demand", "%", "Low", "June 2023", 26.54])
    dashboard.append(["OWN-RE", "Re-referrals", "Demand", "%", "Low", "July 2023", 26.51])
    path = tmp_path / "changes.xlsx"
    workbook.save(path)
    return path


def test_a_change_that_rounds_to_nothing_is_no_change_without_an_arrow(returns, tmp_path):
    out = tmp_path / "appendix.pdf"
    assert main(["report", "performance", str(returns), "--out", str(out)]) == 0
    lines = pdf_lines(out)
    card = lines.index("Total Weekly Cost")
    assert lines[card + 1] == "£1,000"
    assert lines[card + 2 : card + 4] == ["As at 29 November 2024", "Since April: ▲ £100 (+11.1%)"]
    changes = lines[card + 5]
    assert changes.startswith("no change ▲ £100 (+11.1%)"), changes  # the week, then the month
    assert "£0" not in changes
    # the dashboard: 26.5% and 26.5%, a fall of 0.03 points, is "-" (no change), never a ▼
    assert any(line.startswith("Re-referrals 26.5% 26.5% -") for line in lines)


def test_no_change_has_no_colour_of_better_or_worse(returns):
    imported = Importer().import_file(returns)
    results = calculate_indicators(IndicatorReturns(imported.frame(ReturnKind.INDICATORS)), load_catalogue())
    document = performance_document(results, weekly=imported.frame(ReturnKind.WEEKLY_SERIES))
    cards = [card for s in document.sections for b in s.blocks if isinstance(b, Cards) for card in b.cards]
    [card] = [card for card in cards if card.label == "Total Weekly Cost"]
    assert card.changes[0][1] == "no change" and card.colours[0] is None
    assert document.figures["own_re_judgement"].text == "unchanged"


def test_a_weekly_cost_card_says_its_change_since_april_as_the_text_does(returns, tmp_path):
    """Seed 000's cards with the finance text's "since the start of the financial year": one figure, KEY_fy_change,
    on the card and in the words; a Word card prints its date and that line under it."""
    imported = Importer().import_file(returns)
    results = calculate_indicators(IndicatorReturns(imported.frame(ReturnKind.INDICATORS)), load_catalogue())
    document = performance_document(results, weekly=imported.frame(ReturnKind.WEEKLY_SERIES))
    cards = [card for s in document.sections for b in s.blocks if isinstance(b, Cards) for card in b.cards]
    [card] = [card for card in cards if card.label == "Total Weekly Cost"]
    assert card.as_at == "As at 29 November 2024\nSince April: ▲ £100 (+11.1%)"
    assert document.figures["asc_weekly_cost_fy_change"].text == "▲ £100 (+11.1%)"
    assert document.figures["asc_weekly_cost_fy_from"].text == "5 April 2024"
    out = tmp_path / "appendix.docx"
    assert main(["report", "performance", str(returns), "--out", str(out)]) == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    at = paragraphs.index("As at 29 November 2024")
    assert paragraphs[at + 1] == "Since April: ▲ £100 (+11.1%)"


def test_cards_whose_section_does_not_ask_have_no_since_april_line(returns):
    imported = Importer().import_file(returns)
    results = calculate_indicators(IndicatorReturns(imported.frame(ReturnKind.INDICATORS)), load_catalogue())
    text = load_performance_text()
    sections = [dataclasses.replace(s, since_april=False) for s in text.sections]
    document = performance_document(
        results, weekly=imported.frame(ReturnKind.WEEKLY_SERIES), text=dataclasses.replace(text, sections=sections)
    )
    cards = [card for s in document.sections for b in s.blocks if isinstance(b, Cards) for card in b.cards]
    assert cards and all("Since April" not in card.as_at for card in cards)
