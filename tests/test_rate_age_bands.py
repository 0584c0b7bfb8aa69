"""A rate per 10,000 or 100,000 whose definition names no age band: the population return's only band for our
area and year is used, with a note; with several bands, or none, the rate is not worked out and the row and the
problems say which bands there are (`indicators --json` and the window's Indicators tab)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from desktop_app.cli import main
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.gui.indicators_model import CURRENT
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures
from tests.test_indicators_engine import catalogue_of

HEADER = ["ID", "Indicator", "Group", "Unit", "Good is", "Period", "Numerator"]
# Our own indicator, in no catalogue: 130 young people in the 12 months to July 2023, per 10,000.
ROWS = [["YJ-01", "First-time entrants to youth justice", "Outcomes", "Rate per 10,000", "Low", "July 2023", 130]]


@pytest.fixture
def returns(write_workbook):
    """The indicator return, and a population return of Sefton with the bands asked for."""

    def made(*bands: tuple[str, int]) -> list[str]:
        indicators = write_workbook(ROWS, HEADER, (("Youth justice",), ()), sheet="Dashboard", name="yj.xlsx")
        rows = [["Sefton", band, 2023, people] for band, people in bands]
        population = write_workbook(
            rows, ["Area", "Age band", "Year", "Population"], (("Population",), ()), sheet="Population", name="pop.xlsx"
        )
        return [str(indicators), str(population)]

    return made


def indicators_json(capsys, paths) -> dict:
    assert main(["indicators", *paths, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_population_returns_only_band_is_used_and_said(capsys, returns):
    document = indicators_json(capsys, returns(("10-17", 26_000)))
    [row] = document["indicators"]
    assert row["value"] == pytest.approx(130 / 26_000 * 10_000)  # 50.0 per 10,000
    assert row["note"] == "per the population return's only band for Sefton 2023, 10-17"
    messages = [p["message"] for p in document["problems"]]
    assert "YJ-01, July 2023: per the population return's only band for Sefton 2023, 10-17" in messages


def test_with_several_bands_the_rate_is_not_worked_out_and_the_bands_are_named(capsys, returns):
    document = indicators_json(capsys, returns(("0-17", 54_098), ("18-64", 170_000), ("65+", 57_000)))
    [row] = document["indicators"]
    said = (
        "not calculated: the population return has bands 0-17, 18-64, 65+ for Sefton 2023; it is not in the catalogue"
    )
    assert row["value"] is None and row["note"] == said
    [problem] = [p for p in document["problems"] if p["message"].startswith("YJ-01")]
    assert problem == {**problem, "severity": "warning", "message": f"YJ-01, July 2023: {said}", "row": 4}


def test_without_a_population_return_the_row_says_so(capsys, returns):
    document = indicators_json(capsys, returns()[:1])
    [row] = document["indicators"]
    assert row["value"] is None
    assert row["note"] == "not calculated: no population return was given; it is not in the catalogue"


def test_the_indicators_tab_shows_the_band_used(make_window, answers, qtbot, returns):
    window = make_window()
    window.tabs.setCurrentWidget(window.indicators_tab)  # the tab shows the figures when it is open
    window.import_paths([Path(p) for p in returns(("10-17", 26_000))])
    wait_for_task(qtbot, window)
    model = window.indicators_tab.model
    [row] = [r for r in range(model.rowCount()) if model.index(r, CURRENT).data() == "50.0"]
    tip = model.index(row, CURRENT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Per the population return's only band for Sefton 2023, 10-17." in tip


def test_a_catalogue_entry_without_a_band_is_named_as_such():
    definition = load_catalogue().definitions["CSC-CARED-FOR-RATE"]
    unbanded = catalogue_of(dataclasses.replace(definition, age_band=None))
    given = pd.DataFrame({"id": ["CSC-CARED-FOR-RATE"], "period": ["July 2023"], "numerator": [617.0]})
    given = given.assign(period_end=pd.Timestamp("2023-07-31"))
    bands = pd.DataFrame({"area": "Sefton", "age_band": ["0-17", "18+"], "year": 2023, "population": [54_098, 227_000]})
    results = calculate_indicators(IndicatorReturns(indicators=given, population=bands), unbanded)
    assert results.table["note"].tolist() == [
        "not calculated: the population return has bands 0-17, 18+ for Sefton 2023; the catalogue entry names none"
    ]
