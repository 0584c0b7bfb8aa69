"""No false alarms on the shipped samples: the proof of each sample paper gives nothing at warning or above but
the slips of the seed paper the sample reproduces on purpose, each named (tests/test_proof.py and
tests/test_proof_tables.py pin the complaints and performance samples; these are the others)."""

from __future__ import annotations

import pytest

from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from tests.test_proof import proof, serious

MILESTONE = "What are the key milestones & Completion Date?"


def test_the_sample_plans_warnings_are_seed_002s_slips_and_the_prompt_for_its_unrated_actions(capsys):
    """Seed 002's action plan: Prevent 3 and 6 have no milestone (rows 31, 34), the action after Leadership 7 has
    no number (row 14) and Protect & Repair skips 19 (row 71). The sample leaves four actions unrated whose
    milestones are past by 31 March 2024; the plan's rules rate them red, and the exceptions ask for their note."""
    status, findings = proof(
        capsys, "action-plan", str(SAMPLE_DATA / "action_plan_2023-2028.xlsx"), "--as-of", "2024-03-31"
    )
    assert status == 1
    assert [
        (f["kind"], f["where"]["row"], f["where"]["column"] or f["where"]["section"]) for f in serious(findings)
    ] == [
        ("plan_slip", 31, MILESTONE),
        ("plan_slip", 34, MILESTONE),
        ("plan_slip", 14, "No."),
        ("plan_slip", 71, "No."),
        ("prompt", None, "exceptions"),
    ]


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param(
            [
                "complaints",
                str(SAMPLE_COMPLAINTS_LOG),
                "--as-of",
                "2023-11-01",
                "--regime",
                "corporate",
                "--text",
                str(SAMPLE_DATA / "corporate_complaints_report_text_2022-23.toml"),
                "--self-assessment",
                str(SAMPLE_DATA / "complaint_code_self_assessment_2022-23.toml"),
            ],
            id="corporate complaints",
        ),
        pytest.param(
            [
                "complaints",
                str(SAMPLE_COMPLAINTS_LOG),
                "--as-of",
                "2023-11-01",
                "--regime",
                "adults",
                "--text",
                str(SAMPLE_DATA / "adults_complaints_report_text_2022-23.toml"),
            ],
            id="adults",
        ),
        pytest.param(
            ["cover", str(SAMPLE_DATA / "cover_sscp_2018.toml"), "--template", "sefton_safer_communities"],
            id="partnership cover",
        ),
        pytest.param(
            [
                "board",
                str(SAMPLE_DATA / "board_report_2020-21.md"),
                "--plan",
                str(SAMPLE_DATA / "action_plan_2023-2028.xlsx"),
                "--as-of",
                "31/03/2024",
            ],
            id="board report with its plan",
        ),
        pytest.param(
            [
                "partnership",
                str(SAMPLE_DATA / "marac_2019-2021.xlsx"),
                str(SAMPLE_DATA / "safe_accommodation_2023-24.xlsx"),
                str(SAMPLE_DATA / "domestic_abuse_series_2018-2022.xlsx"),
            ],
            id="partnership with the series",
        ),
    ],
)
def test_the_other_samples_give_nothing_at_warning_or_above(capsys, arguments):
    status, findings = proof(capsys, *arguments)
    assert (status, serious(findings)) == (0, [])
