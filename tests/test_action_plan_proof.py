"""The proof of an action plan appendix: `proof action-plan` and `report action-plan --strict`, on real workbooks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.paths import RESOURCES, SAMPLE_DATA
from tests.test_action_plan_reader import action, write_plan

AS_OF = "31/03/2024"


@pytest.fixture
def clean_plan(tmp_path) -> Path:
    """Numbered without a gap, every red and amber action with its progress note."""
    return write_plan(
        tmp_path / "clean.xlsx",
        [
            "Leadership and Governance",
            action(1, "Agree the structure.", dt.date(2024, 6, 1), "Green"),
            action(2, "Review the terms of reference.", dt.date(2024, 9, 1), "Amber - the Board meets in May."),
            "Prevent",
            action(1, "Publish the information.", dt.date(2024, 12, 1), "Red - the provider withdrew."),
        ],
    )


@pytest.fixture
def slipped_plan(tmp_path) -> Path:
    """A gap in the numbering (no action 2) and a red action without a progress note."""
    return write_plan(
        tmp_path / "slipped.xlsx",
        [
            "Leadership and Governance",
            action(1, "Agree the structure.", dt.date(2024, 6, 1), "Green"),
            action(3, "Develop a reporting framework.", dt.date(2024, 9, 1), "Red"),
        ],
    )


def proof_json(capsys, *arguments: str) -> tuple[int, list[dict]]:
    code = main(["proof", "action-plan", *arguments, "--as-of", AS_OF, "--json"])
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "proof/1"
    return code, document["findings"]


def test_a_clean_plan_gives_nothing_at_warning_or_above(capsys, clean_plan):
    code, findings = proof_json(capsys, str(clean_plan))
    assert code == 0
    assert [finding["severity"] for finding in findings] == ["info"]  # the figures' date, a reminder


def test_the_plans_slips_and_an_action_without_a_note_are_queried_with_their_cells(capsys, slipped_plan):
    code, findings = proof_json(capsys, str(slipped_plan))
    assert code == 1
    slips = [finding for finding in findings if finding["kind"] == "plan_slip"]
    assert len(slips) == 1
    assert slips[0]["where"] == {"section": None, "file": "slipped.xlsx", "sheet": "Plan", "row": 6, "column": "No."}
    assert slips[0]["says"] == "3" and "skips 2" in slips[0]["message"]
    assert not slips[0]["message"].startswith("warning")  # the severity is its own field, not said twice
    prompts = [finding for finding in findings if finding["kind"] == "prompt"]
    assert prompts and all("No progress note given" in finding["says"] for finding in prompts)


def test_the_proof_reads_the_authors_words_and_strict_refuses_an_error(tmp_path, capsys, clean_plan):
    words = (RESOURCES / "action_plan_report_text.toml").read_text(encoding="utf-8")
    words = words.replace('meeting_date = ""', 'meeting_date = "Tuesday 4 March 2024"', 1)  # 4 March 2024: a Monday
    text = tmp_path / "words.toml"
    text.write_text(words, encoding="utf-8")

    code, findings = proof_json(capsys, str(clean_plan), "--text", str(text))
    assert code == 1
    assert any(finding["severity"] == "error" and "Monday" in finding["message"] for finding in findings)

    out = tmp_path / "plan.pdf"
    arguments = ["report", "action-plan", str(clean_plan), "--as-of", AS_OF, "--text", str(text), "--out", str(out)]
    assert main([*arguments, "--strict"]) == 1
    assert not out.exists()
    assert "was not written (--strict)" in capsys.readouterr().err
    assert main(arguments) == 0  # without --strict the error is a warning and the appendix is written
    assert out.exists()
    assert "Monday" in capsys.readouterr().err


def test_the_sample_plans_proof_finds_seed_002s_unnumbered_action_and_its_missing_action_19(capsys):
    """Seed 002: an action plan with an unnumbered row and no action 19 (the sample plan reproduces both)."""
    code, findings = proof_json(capsys, str(SAMPLE_DATA / "action_plan_2023-2028.xlsx"))
    assert code == 1
    numbering = [
        (f["severity"], f["where"]["row"], f["where"]["column"], f["says"])
        for f in findings
        if f["kind"] == "plan_slip" and f["where"]["column"] == "No."
    ]
    assert numbering == [
        ("warning", 14, "No.", "To develop a reporting framework with the Health and Wellbe…"),
        ("warning", 71, "No.", "20"),
    ]
    messages = [f["message"] for f in findings if f["kind"] == "plan_slip"]
    assert any("Leadership and Governance: an action has no number (after 7)" in m for m in messages)
    assert any("Protect & Repair: the numbering skips 19" in m for m in messages)
