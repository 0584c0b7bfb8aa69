"""The seed papers' slips in the seed papers' own words: each sentence is copied as seed 002 printed it (its line
number given) into the shipped complaints text, with the sample log, and the proof finds the slip; put right,
it finds nothing (the performance appendix's, with its text and the sample returns). tests/test_proof.py has the same slips in words written for the tests."""

from __future__ import annotations

import pytest

from tests.test_proof import (
    INTRODUCTION,
    OMBUDSMAN,
    PERFORMANCE_TEXT,
    complaints_proof,
    of_kind,
    performance_proof,
    serious,
    text_file,
)

STAGE_3 = "{statutory_stage3_received} review panels were requested this year"
TITLE = 'title = "Children\'s Services Complaints Annual Report {period_years}"'
STRATEGY = 'title = "Sefton Domestic and Sexual Abuse Strategy 2023-2028"'


def test_69_statutory_complaints_and_0_5_percent_of_contacts_as_the_seed_wrote_them(capsys, tmp_path):
    """Seed 002 line 4173: the log gives 98 statutory complaints, 0.7% of 13,490 contacts."""
    words = (
        "The number of statutory complaints considered was 69 which equates to **0.5%** of the total number of "
        "contacts received to the regulator and the general public."
    )
    status, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    assert status == 1
    assert [(f["severity"], f["kind"], f["computed"]) for f in serious(findings)] == [
        ("error", "typed_figure", "98"),
        ("error", "typed_figure", "0.7%"),
    ]


def test_6_requests_for_stage_3_as_the_seed_wrote_them(capsys, tmp_path):
    """Seed 002 line 4259: the Stage 3 table has 4; "(2 relating to ...)" is a part of the 6, held to nothing."""
    words = (
        "The Council did not hold any stage 3 panels last year and this year officers dealt with 6 requests "
        "(2 relating to complaints submitted in the previous financial year)"
    )
    _, findings = complaints_proof(capsys, text_file(tmp_path, STAGE_3, words))
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["computed"]) == ("typed_figure", "6 requests", "4")


@pytest.mark.parametrize(
    ("said", "slip"),
    [
        ("has remained consistent", True),  # seed 002 line 4364: contacts went from 4 to 6
        ("has increased", False),
    ],
)
def test_contacts_remained_consistent_beside_a_reduction_in_one_sentence(capsys, tmp_path, said, slip):
    """Seed 002 line 4364: two comparisons in two clauses of one sentence, each held to its own figure (the
    second, complaints upheld by the Ombudsman, to none the log gives a year before of)."""
    words = (
        f"The number of contacts received by the Ombudsman {said}, however there has been a reduction in the "
        "number of complaints upheld by the Ombudsman."
    )
    status, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, words))
    found = [(f["severity"], f["kind"], f["says"], f["computed"]) for f in serious(findings)]
    assert found == ([("error", "comparison", "remained consistent", "4 to 6")] if slip else [])
    assert status == (1 if slip else 0)


def test_the_annual_review_letter_of_july_2022_as_the_seed_wrote_it(capsys, tmp_path):
    """Seed 002 line 4354, in the 2022-23 report."""
    words = "The Council received the Ombudsman's Annual Review Letter in July 2022 and the key messages were these."
    _, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, words))
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"]) == ("document_year", "Annual Review Letter … July 2022")


def test_meeting_dates_with_a_comma_after_the_weekday_as_the_seed_wrote_them(capsys, tmp_path):
    """Seed 002 lines 5110 and 5130: "Monday, 14 November 2023" and "Monday, 12 March 2024" were Tuesdays."""
    words = (
        "The Committee meets on Monday, 14 November 2023, 6.30 p.m., Town Hall, Bootle and on Monday, "
        "12 March 2024, 6.30 p.m. Town Hall, Southport."
    )
    status, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    assert status == 1
    assert [(f["severity"], f["kind"], f["says"], f["computed"]) for f in serious(findings)] == [
        ("error", "weekday", "Monday, 14 November 2023", "Tuesday"),
        ("error", "weekday", "Monday, 12 March 2024", "Tuesday"),
    ]
    right = words.replace("Monday", "Tuesday")
    assert serious(complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, right))[1]) == []


@pytest.mark.parametrize(
    ("words", "slips"),
    [
        # seed 002 lines 1639 and 1647: the strategy titled 2023-2028 names itself 2022-2027
        ("Welcome to Sefton's 2022-2027 Domestic & Sexual Abuse Strategy.", ["2022-2027"]),
        (
            "The Sefton Domestic and Sexual Abuse Strategy 2022-2027 is a multi-agency partnership document.",
            ["2022-2027"],
        ),
        # seed 002 line 1870: another strategy's own period is no slip, nor another plan's
        ("It links to the Sefton Housing Strategy 2022-2027 and the Health and Wellbeing Strategy (2020-2025).", []),
    ],
)
def test_a_strategys_period_against_its_title_and_another_documents_period(capsys, tmp_path, words, slips):
    path = text_file(tmp_path, TITLE, STRATEGY)
    path.write_text(path.read_text(encoding="utf-8").replace(OMBUDSMAN, words, 1), encoding="utf-8")
    _, findings = complaints_proof(capsys, path)
    assert [f["says"] for f in serious(findings)] == slips
    assert all(f["computed"] == "2023-2028" for f in of_kind(findings, "title_period"))


def test_approx_100_approx_100_as_the_seed_wrote_it(capsys, tmp_path):
    """Seed 002 line 2472 (the dashboard's commentary, here in the words)."""
    words = (
        "The pattern of decreasing referrals now appears consistent with approx. 100 approx. 100 less referrals "
        "into social care each month."
    )
    _, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    assert ("repeated_words", "approx. 100 approx. 100") in [(f["kind"], f["says"]) for f in serious(findings)]


@pytest.mark.parametrize(("national", "slip"), [("approx. 60", True), ("approx. 70", False)])
def test_the_national_rate_of_approx_60_beside_a_typed_rate_as_the_seed_wrote_it(capsys, tmp_path, national, slip):
    """Seed 002 line 2422, with no live figure: the typed 114 is the cared-for rate (the ChAT review's 114, the
    dashboard's 114.1), and of those only the ChAT comparisons give England's rate, 70; the North West's is not
    given, so 97 is held to nothing."""
    old = "{csc_referrals_year_change} on a year before."
    words = (
        "The data illustrates that whilst the last 12 months have seen decreased rates of both 'Child in Need' and "
        "'Child Protection' cases, the number of 'cared for' children has remained static and high. The rate of 114 "
        "children per 10,000 remains above the SN rate of approx. 90, the North west rate of 97 and the national "
        f"rate of {national}."
    )
    _, findings = performance_proof(capsys, text_file(tmp_path, old, f"{old} {words}", PERFORMANCE_TEXT))
    found = [(f["severity"], f["kind"], f["says"], f["computed"]) for f in serious(findings)]
    assert found == ([("warning", "typed_figure", "national rate of approx. 60", "70.0")] if slip else [])
