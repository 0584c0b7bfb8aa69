"""Publishers' symbols in comparator and member columns (issue 17): DfE's `c`, `x`, `z`, `low`, ONS's `:` and
`..`, `*` and `[c]` stand for a figure withheld or not available. Read from a real workbook, each is a missing
number (never a zero, never an error), printed in the appendix as published, and left out of the members
that make a group's quartiles."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest

from desktop_app.cli import main
from tests.pdf_structure import pdf_lines

SYMBOLS = ["c", "x", "z", ":", "*", "..", "[c]", "low"]
#: Carers' survey themes the catalogue knows, one per symbol.
THEMES = [
    "Satisfaction (carers)",
    "Control (carers)",
    "Time spent (carers)",
    "Self-neglect (carers)",
    "Social contact (carers)",
    "Involvement (carers)",
    "Financial difficulties (carers)",
    "Safety (carers)",
]


@pytest.fixture
def returns(tmp_path):
    """A dashboard, a survey and a members' table, each symbol in a comparator column of each."""
    workbook = openpyxl.Workbook()
    dashboard = workbook.active
    dashboard.title = "Dashboard"
    header = ["ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value", "Statistical Neighbours", "England"]
    dashboard.append(header)
    for number, symbol in enumerate(SYMBOLS, start=1):
        for period, value in (("June 2023", 40 + number), ("July 2023", 50 + number)):
            row = [f"OWN-{number:02}", f"Measure {number}", "Demand", "%", "High", period, value, symbol, 60.5]
            dashboard.append(row)
    survey = workbook.create_sheet("Carers SACE")
    survey.append(["Theme", "Good is", "Sefton", "Statistical Neighbours", "North West", "England"])
    for theme, symbol in zip(THEMES, SYMBOLS, strict=True):
        survey.append([theme, "High", 30.5, 20.5, symbol, 25.5])
    members = workbook.create_sheet("Members")
    members.append(["Theme", "Comparator", "Period", "Authority", "Value"])
    # Control: four councils with a value and every symbol beside them, so a quartile (four is enough).
    # Safety: three with a value; were its symbols read as zeros there would be eleven, and a quartile.
    valued = {"Control (carers)": [10, 12, 14, 16], "Safety (carers)": [10, 12, 14]}
    for theme, values in valued.items():
        cells = [*values, *SYMBOLS]
        for number, value in enumerate(cells, start=1):
            members.append([theme, "SN", "2023-24", f"Authority {number:02}", value])
    path = tmp_path / "symbols.xlsx"
    workbook.save(path)
    return path


def test_every_symbol_is_a_missing_number_with_a_note_never_an_error(capsys, returns):
    assert main(["check", str(returns), "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [p for p in problems if p["severity"] != "note"] == []
    noted = sorted((p["sheet"], p["value"]) for p in problems if p["message"].endswith(": shown as published"))
    expected = [("Dashboard", s) for s in SYMBOLS * 2] + [("Carers SACE", s) for s in SYMBOLS]
    assert noted == sorted(expected + [("Members", s) for s in SYMBOLS * 2])


def test_every_symbol_is_printed_as_published(capsys, returns, tmp_path):
    out = tmp_path / "appendix.pdf"
    assert main(["report", "performance", str(returns), "--out", str(out)]) == 0
    lines = pdf_lines(out)
    for number, symbol in enumerate(SYMBOLS, start=1):  # Metric, Previous, Current, SN, DoT
        assert any(line.startswith(f"Measure {number} {40 + number}.0% {50 + number}.0% {symbol} ▲") for line in lines)
    survey_rows = [line for line in lines if "High 30.5" in line]  # Theme, Good is, Sefton, SN, NW, England
    assert len(survey_rows) == len(THEMES)
    for row, symbol in zip(survey_rows, SYMBOLS, strict=True):
        assert re.search(rf"High 30\.5 (✔ )?20\.5 {re.escape(symbol)} 25\.5$", row), row


def test_a_symbol_is_left_out_of_the_members_never_counted_as_zero(capsys, returns):
    assert main(["indicators", str(returns), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    counted = [p["message"] for p in document["problems"] if "members have a value" in p["message"]]
    # Safety: 3 members with a value, too few for a quartile; Control: 4, enough (no message)
    assert counted == ["SACE-SAFETY: statistical neighbours: 3 members have a value; a quartile needs 4"]


def test_the_members_quartiles_place_our_value_beside_a_suppressed_average(capsys, returns, tmp_path):
    """Control: the SN average is 20.5 in the survey, the members' upper quartile 14.5: 30.5 is in the top
    quartile (✔) whatever the symbols; Safety's SN average has no marker (three members)."""
    out = tmp_path / "appendix.pdf"
    assert main(["report", "performance", str(returns), "--out", str(out)]) == 0
    lines = pdf_lines(out)
    assert any(line.startswith("Control") and "High 30.5 ✔ 20.5" in line for line in lines)
    assert any(line.startswith("Safety") and "High 30.5 20.5" in line for line in lines)
