"""A return's own indicator ids are kept as the user wrote them (issue 12): matching a catalogue entry, by id,
alias or name, is a link (`catalogue_id`), shown as one in `indicators --json` and the window, never a rename.
Two of a return's rows linked to one entry stay two indicators with their own figures; the appendix's words,
which name indicators by catalogue id, mean the one row linked to an entry and leave out what two make unclear;
a project that kept its notes under catalogue ids has them moved to the returns' own ids when it is opened."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from desktop_app.cli import main
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.gui.indicators_model import METRIC
from desktop_app.paths import SAMPLE_DATA
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_text import CardSpec, load_performance_text
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures

HEADER = ["ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value"]
REFERRALS = "Referral Starts in last 12 Months (Rate per 10,000 children)"  # as the catalogue's CSC-REFERRALS-RATE
ROWS = [
    ["CSC-D04", REFERRALS, "Demand", "Rate per 10,000", "Low", "June 2023", 728.9],
    ["CSC-D04", REFERRALS, "Demand", "Rate per 10,000", "Low", "July 2023", 703.9],
]


@pytest.fixture
def own_return(write_workbook) -> Path:
    """A dashboard whose own id CSC-D04 is named as the catalogue's CSC-REFERRALS-RATE is."""
    return write_workbook(ROWS, HEADER, (("Dashboard",), ()), sheet="Dashboard", name="dashboard.xlsx")


def indicators_json(capsys, *paths) -> dict:
    assert main(["indicators", *map(str, paths), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_an_own_id_named_like_a_catalogue_entry_is_kept_and_linked(capsys, own_return):
    [row] = indicators_json(capsys, own_return)["indicators"]
    assert (row["id"], row["catalogue_id"]) == ("CSC-D04", "CSC-REFERRALS-RATE")
    assert (row["value"], row["previous"], row["judgement"]) == (703.9, 728.9, "better")  # low is good
    assert (row["unit"], row["polarity"]) == ("rate_per_10000", "low")


def test_the_table_keeps_the_own_id_and_says_the_link():
    given = pd.DataFrame(
        {"id": ["CSC-D04", "YJ-01"], "name": [REFERRALS, "First-time entrants"], "period": "July 2023"}
    ).assign(period_end=pd.Timestamp("2023-07-31"), value=[703.9, 12.0])
    results = calculate_indicators(IndicatorReturns(indicators=given), load_catalogue())
    assert results.table[["id", "catalogue_id"]].to_dict("records") == [
        {"id": "CSC-D04", "catalogue_id": "CSC-REFERRALS-RATE"},
        {"id": "YJ-01", "catalogue_id": None},
    ]
    assert set(results.history["id"]) == {"CSC-D04", "YJ-01"}
    assert set(results.history["catalogue_id"].dropna()) == {"CSC-REFERRALS-RATE"}


def test_the_window_shows_the_own_id_with_its_link(make_window, answers, qtbot, own_return):
    window = make_window()
    window.tabs.setCurrentWidget(window.indicators_tab)
    window.import_paths([own_return])
    wait_for_task(qtbot, window)
    tab = window.indicators_tab
    model = tab.model
    assert model.row_of("CSC-REFERRALS-RATE") is None
    row = model.row_of("CSC-D04")
    tip = model.index(row, METRIC).data(Qt.ItemDataRole.ToolTipRole)
    assert "CSC-D04: a rate per 10,000; Good is low." in tip
    assert "Catalogue entry: CSC-REFERRALS-RATE (the id CSC-D04 is the return's own)." in tip
    tab.table.setCurrentIndex(model.index(row, METRIC))
    assert tab.provenance_caption.text().startswith(f"{REFERRALS} (CSC-D04, catalogue entry CSC-REFERRALS-RATE):")


def test_two_rows_linked_by_name_to_one_entry_stay_two_with_their_own_figures(capsys):
    """The sample's dashboard CSC-D04 and ChAT's CHAT-01 'Referrals per 10K' both link to CSC-REFERRALS-RATE:
    the ChAT's July figure is its own 611 (829 in January), not folded into the dashboard's 703.9."""
    children = SAMPLE_DATA / "childrens_performance_2023.xlsx"
    document = indicators_json(capsys, children)
    linked = {r["id"]: r for r in document["indicators"] if r["catalogue_id"] == "CSC-REFERRALS-RATE"}
    assert list(linked) == ["CSC-D04", "CHAT-01"]
    assert (linked["CSC-D04"]["value"], linked["CSC-D04"]["previous"]) == (703.9, 728.9)
    assert (linked["CHAT-01"]["value"], linked["CHAT-01"]["previous"]) == (611, 829)
    assert (linked["CHAT-01"]["name"], linked["CHAT-01"]["previous_period"]) == ("Referrals per 10K", "January 2023")
    assert main(["indicators", str(children)]) == 0
    printed = capsys.readouterr().out
    assert "Referrals per 10K" in printed and "611.0 (was 829.0)" in printed
    assert "703.9 (was 728.9)" in printed


def test_a_card_of_an_entry_two_weekly_series_are_linked_to_is_left_out_and_listed():
    weekly = pd.DataFrame(
        {
            "id": ["W-1", "W-2"] * 2,
            "week_ending": pd.to_datetime(["2024-11-22", "2024-11-22", "2024-11-29", "2024-11-29"]),
            "value": [100.0, 200.0, 110.0, 220.0],
        }
    )
    text = load_performance_text()
    sections = tuple(
        dataclasses.replace(s, cards=(CardSpec("ASC-WEEKLY-COST", "Total Weekly Cost"),)) if s.show == "cards" else s
        for s in text.sections
    )
    both = {"W-1": "ASC-WEEKLY-COST", "W-2": "ASC-WEEKLY-COST"}
    text = dataclasses.replace(text, sections=sections, weekly_ids=both, weekly_ratios={})
    given = pd.DataFrame({"id": ["YJ-01"], "period": ["July 2023"], "value": [12.0]})
    given = given.assign(period_end=pd.Timestamp("2023-07-31"))
    results = calculate_indicators(IndicatorReturns(indicators=given), load_catalogue())
    document = performance_document(results, weekly=weekly, text=text)
    reasons = dict(document.left_out)
    assert reasons["The section “Adult Social Care Finance – Weekly Overview”"] == (
        "the returns have 2 indicators linked to the catalogue's ASC-WEEKLY-COST (W-1 and W-2), "
        "so which is meant cannot be told: name one by its own id"
    )


def test_notes_kept_under_a_catalogue_id_move_to_the_own_id_when_the_project_is_opened(
    make_window, answers, qtbot, tmp_path
):
    window = make_window()
    window.import_paths([SAMPLE_DATA / "childrens_performance_2023.xlsx"])
    wait_for_task(qtbot, window)
    # As a project saved when the dashboard's CSC-D01 was renamed CSC-CONTACTS keeps its notes.
    window.project.indicator_notes.update(
        {
            "CSC-CONTACTS": {"commentary": "Contacts rose with the new front door.", "status": "2"},
            "CSC-REFERRALS-RATE": {"commentary": "Which row was this?"},  # CSC-D04 and CHAT-01 are linked to it
        }
    )
    path = tmp_path / "older.scrutiny"
    assert window.save_to(path)
    window.close()  # as the next session does: an open window holds the project's lock

    again = make_window()
    assert again.open_project(path)
    notes = again.project.indicator_notes
    assert notes["CSC-D01"] == {"commentary": "Contacts rose with the new front door.", "status": "2"}
    assert "CSC-CONTACTS" not in notes
    assert notes["CSC-REFERRALS-RATE"] == {"commentary": "Which row was this?"}  # which it meant cannot be told
    assert again.project.history[-1].data["moved"] == {"CSC-CONTACTS": "CSC-D01"}
    again.tabs.setCurrentWidget(again.indicators_tab)
    model = again.indicators_tab.model
    assert model.record(model.row_of("CSC-D01"))["commentary"] == "Contacts rose with the new front door."
