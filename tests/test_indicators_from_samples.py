"""The indicators command on the bundled sample returns reproduces the seeds' published figures."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from desktop_app.cli import main
from desktop_app.paths import SAMPLE_DATA

ROOT = Path(__file__).resolve().parents[1]
RETURNS = [
    "childrens_performance_2023.xlsx",
    "benchmarks_2023.xlsx",
    "survey_2023-24.xlsx",
    "population_2023.xlsx",
    "monthly_series_2021-2024.xlsx",
]
MARKS = {"✔": "top", "▬": "middle", "✘": "bottom"}


@pytest.fixture(scope="module")
def document() -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "indicators", *[str(SAMPLE_DATA / n) for n in RETURNS], "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def by_name(document: dict, name: str) -> dict:
    [row] = [r for r in document["indicators"] if r["name"] == name]
    return row


def test_dashboard_direction_and_judgement(document):
    """Seed 002: Assessments within 45 working days June 68.2, July 66.5, SN 89.2, ▼ (worse)."""
    assessments = by_name(document, "Assessments Completed within 45 Working Days - in last 12 Months (%)")
    assert (assessments["previous"], assessments["value"], assessments["comparators"]["sn"]["value"]) == (
        68.2,
        66.5,
        89.2,
    )
    assert (assessments["direction"], assessments["judgement"], assessments["status"]) == ("down", "worse", "3")
    contacts = by_name(document, "MASH Contact Starts in last 12 Months (Nos)")
    assert (contacts["previous"], contacts["value"], contacts["direction"]) == (14014, 14213, "up")


def test_every_published_survey_marker(document):
    """Seed 000's carers (SACE) and ASCS tables: every ✔ ▬ ✘ follows from the sample cut points."""
    published = {}
    for sheet in ("Carers SACE", "ASCS"):
        rows = CalamineWorkbook.from_path(str(SAMPLE_DATA / "survey_2023-24.xlsx")).get_sheet_by_name(sheet).to_python()
        for row in rows:
            if len(row) > 9 and row[7] in MARKS:
                published[(row[2], row[3], row[4], row[5])] = tuple(MARKS[mark] for mark in row[7:10])
    computed = {
        (
            r["value"],
            r["comparators"]["sn"]["value"],
            r["comparators"]["nw"]["value"],
            r["comparators"]["england"]["value"],
        ): tuple(r["comparators"][g]["quartile"] for g in ("sn", "nw", "england"))
        for r in document["indicators"]
        if r["group"] in ("Carers survey", "Adult Social Care Survey")
    }
    assert len(published) == 20
    assert {key: computed.get(key) for key in published} == published


def test_counterfactual_at_the_statistical_neighbours_rate(capsys):
    """Seed 002: 617 cared-for children; at the SN rate of 90 per 10,000 it would be 487, 130 fewer (ChAT's SN).

    The dashboard's row (CSC-D13, SN 89) and the ChAT's (CHAT-12, SN 90) are both linked by their names to the
    catalogue's CSC-CARED-FOR-RATE, and each keeps its own id and figures: the paper's two tables disagree,
    and both are shown as they are."""
    assert (
        main(
            [
                "indicators",
                str(SAMPLE_DATA / "population_2023.xlsx"),
                str(SAMPLE_DATA / "childrens_performance_2023.xlsx"),
                "--json",
            ]
        )
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    linked = {r["id"]: r for r in document["indicators"] if r["catalogue_id"] == "CSC-CARED-FOR-RATE"}
    assert list(linked) == ["CSC-D13", "CHAT-12"]
    dashboard, chat = linked["CSC-D13"], linked["CHAT-12"]
    assert (dashboard["value"], dashboard["comparators"]["sn"]["value"]) == (114.1, 89.0)
    assert round(dashboard["at_comparator_rate"]["sn"]) == round(89 * 54_098 / 10_000) == 481
    assert (chat["value"], chat["comparators"]["sn"]["value"]) == (114.0, 90.0)
    assert round(chat["at_comparator_rate"]["sn"]) == round(90 * 54_098 / 10_000) == 487
    assert not [p for p in document["problems"] if "listed twice for this period" in p["message"]]


def test_unplaceable_period_exits_2(capsys):
    assert main(["indicators", str(SAMPLE_DATA / "population_2023.xlsx"), "--period", "someday"]) == 2
    assert "--period 'someday' is not a period" in capsys.readouterr().err
