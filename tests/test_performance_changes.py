"""Changes as the performance appendix prints them (issue 17), from real workbooks and the PDF read back: a
change that rounds to nothing is "no change", with no arrow and no colour (seed 000's card printed
"▼ £0 (0.0%)")."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.report.model import Cards
from desktop_app.report.performance import performance_document
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
    changes = lines[card + 4]
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
