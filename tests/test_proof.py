"""The proof before publishing: every figure a person typed, and every figure that disagrees with another.

Each slip is one the seed papers published, reproduced with the sample log or returns and a text file the test
writes: the shipped text with one sentence changed, passed to `proof` (and `report`) with --text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.paths import RESOURCES, SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from desktop_app.report.proof import PROOF_SCHEMA
from desktop_app.report.proof_words import load_proof_words, sentences_of
from tests.test_report_performance import RETURNS

COMPLAINTS_TEXT = (RESOURCES / "complaints_report_text.toml").read_text(encoding="utf-8")
PERFORMANCE_TEXT = (RESOURCES / "performance_report_text.toml").read_text(encoding="utf-8")
INTRODUCTION = (
    "The Council received {statutory_stage1_received} statutory complaints, which is "
    "**{complaints_pct_of_contacts}** of the contacts received."
)
OMBUDSMAN = (
    "Last year {statutory_escalation_pct_last_year} of statutory complaints were escalated to Stage 2, and the "
    "number of contacts from the Ombudsman has {ombudsman_contacts_change} since then."
)
RECOMMENDATIONS = "1. When a complaint is received"
PROMPT = re.compile(r"\[[A-Z][a-z]+ [^\]\n]*\]")  # "[Describe the team ...]": never a table's [name] or a list


def filled(text: str) -> str:
    """The shipped text with its prompts for the author written, as a finished paper has them."""
    return PROMPT.sub("The Complaints Team has written this part.", text)


def text_file(tmp_path: Path, old: str, new: str, text: str = COMPLAINTS_TEXT, name: str = "our_text.toml") -> Path:
    """A copy of `text` (prompts written) with the sentence `old` changed to `new`."""
    assert old in text
    path = tmp_path / name
    path.write_text(filled(text).replace(old, new, 1), encoding="utf-8")
    return path


def proof(capsys, *args: str) -> tuple[int, list[dict]]:
    """`proof ARGS --json`: the exit status and the findings."""
    status = main(["proof", *args, "--json"])
    printed = capsys.readouterr()
    assert status != 2, printed.err
    document = json.loads(printed.out)
    assert document["schema"] == PROOF_SCHEMA
    return status, document["findings"]


def complaints_proof(capsys, text: Path) -> tuple[int, list[dict]]:
    return proof(capsys, "complaints", str(SAMPLE_COMPLAINTS_LOG), "--as-of", "2023-11-01", "--text", str(text))


def performance_proof(capsys, text: Path | None = None, words_only: bool = True) -> tuple[int, list[dict]]:
    """`proof performance` of the sample returns; `words_only`: the findings of the words, not those of the
    returns' tables (each names a sheet: the sample's own slips, tests/test_proof_tables.py)."""
    returns = [str(SAMPLE_DATA / name) for name in RETURNS]
    status, findings = proof(capsys, "performance", *returns, *(["--text", str(text)] if text else []))
    return status, [f for f in findings if not (words_only and f["where"]["sheet"])]


def serious(findings: list[dict]) -> list[dict]:
    return [finding for finding in findings if finding["severity"] in ("warning", "error")]


def of_kind(findings: list[dict], kind: str) -> list[dict]:
    return [finding for finding in findings if finding["kind"] == kind]


# --- no false alarms on clean work ------------------------------------------------------------------------


def test_the_shipped_complaints_text_and_the_sample_log_give_nothing_at_warning_but_the_prompts(capsys, tmp_path):
    status, findings = proof(capsys, "complaints", str(SAMPLE_COMPLAINTS_LOG), "--as-of", "2023-11-01")
    assert status == 1  # the shipped text is unfinished: its prompts are for the author to replace
    # the prompts, and the parts the statutory guidance requires that are still prompts (the review of the
    # procedure, the learning)
    assert {finding["kind"] for finding in serious(findings)} == {"prompt", "required_contents"}
    required = [f["where"]["section"] for f in serious(findings) if f["kind"] == "required_contents"]
    assert required == ["conclusions", "learning"]
    # only the author's own words are asked for: what the log gives (Stage 2 cases under way, the cases the
    # Ombudsman investigated) is live text
    assert [finding["where"]["section"] for finding in serious(findings) if finding["kind"] == "prompt"] == [
        "introduction",
        "equality",
        "themes",
        "ombudsman",
        "compliments",
        "learning",
        "conclusions",
    ]
    assert not any("Stage 2" in f["says"] or "investigation team" in f["says"] for f in serious(findings))
    path = tmp_path / "finished.toml"
    path.write_text(filled(COMPLAINTS_TEXT), encoding="utf-8")
    status, findings = complaints_proof(capsys, path)
    assert status == 0 and serious(findings) == []
    assert {finding["kind"] for finding in findings} == {"as_at", "overdue"}  # reminders about the data only


def test_the_shipped_performance_text_and_the_sample_returns_give_nothing_at_warning_but_the_seeds_tables(capsys):
    """The words give nothing; the sample returns reproduce seed 002's tables with their slips, which the proof
    of the tables finds (tests/test_proof_tables.py: put right, they give nothing)."""
    status, findings = performance_proof(capsys, words_only=False)
    assert status == 1
    assert {finding["kind"] for finding in serious(findings)} == {
        "comparator_conflict",
        "arrow",
        "rate",
        "points_as_percent",
    }
    assert all(finding["where"]["sheet"] in ("Dashboard", "ChAT") for finding in serious(findings))
    assert serious(performance_proof(capsys)[1]) == []


def test_years_dates_references_and_lengths_of_time_are_not_typed_figures(capsys, tmp_path):
    words = (
        "In 2022-23, under Part 3 and Parts 4 and 5 of the Children Act 1989, the panel met at 10:30 on "
        "1 April 2022 and in November 2023 (Stage 2 and 3), within 20 working days; S47 enquiries run for "
        "12-month periods, 45 per 10,000 children."
    )
    status, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    typed = [f for f in findings if f["kind"] in ("typed_figure", "typed_number", "make_live")]
    assert status == 0 and [f["says"] for f in typed] == ["45 per 10,000 children"]


# --- typed figures ---------------------------------------------------------------------------------------


def test_a_typed_count_the_log_contradicts_is_an_error(capsys, tmp_path):
    """Seed 002: the introduction said 69 statutory complaints while its own tables had 98."""
    changed = "The Council received 69 statutory complaints, which is **{complaints_pct_of_contacts}** of contacts."
    status, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, changed))
    assert status == 1
    [finding] = serious(findings)
    assert finding == {
        "severity": "error",
        "kind": "typed_figure",
        "where": {"section": "introduction", "file": "our_text.toml", "sheet": None, "row": None, "column": None},
        "says": "69 statutory complaints",
        "computed": "98",
        "message": "'Introduction': the text says 69 statutory complaints; the log gives 98: write "
        "{statutory_stage1_received} in its place, so it is always the figure.",
    }


def test_a_typed_percentage_of_contacts_the_log_contradicts_is_an_error(capsys, tmp_path):
    """Seed 002: "0.5%" of contacts, where 98 of 13,490 is 0.7%."""
    changed = "The Council received {statutory_stage1_received} statutory complaints, which is 0.5% of the contacts."
    _, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, changed))
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["computed"]) == ("typed_figure", "0.5% of the contacts", "0.7%")


def test_a_themes_notes_are_held_to_that_themes_figures(capsys, tmp_path):
    """Seed 002's notes on two themes, typed: each percentage is the theme's own, so nothing is wrong."""
    notes = (
        '[themes.notes]\n"Quality of service" = """\nThe complaints about the quality and reliability of service '
        "accounted for 54% of the total number of statutory complaints received with 26% of these complaints being "
        "upheld. Similarly, this was an issue which accounted for 26% of the corporate complaints with 26% being "
        'upheld.\n"""\n"Staff Attitude" = """\nComplaints about this issue accounted for 4% (statutory) and 41% '
        '(corporate) of the total number of complaints received with 21% upheld overall.\n"""\n'
    )
    status, findings = complaints_proof(capsys, text_file(tmp_path, "[themes.notes]\n", notes))
    assert status == 0 and serious(findings) == []
    offers = {f["message"].split(": make it live")[0] for f in of_kind(findings, "make_live")}
    assert "'Complaint Themes and Outcomes, Staff Attitude': 21% is {theme_upheld_pct}" in offers


def test_a_typed_figure_the_log_gives_is_offered_to_be_made_live(capsys, tmp_path):
    changed = "The Council received 98 complaints, which is **{complaints_pct_of_contacts}** of the contacts received."
    status, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, changed))
    assert status == 0  # nothing wrong yet: only a figure that will not follow the log
    [offer] = of_kind(findings, "make_live")
    assert offer["severity"] == "info" and offer["computed"] == "98"
    assert offer["message"].startswith("'Introduction': 98 is {statutory_stage1_received}: make it live so it stays")


def test_stage_3_requests_typed_against_the_stage_table(capsys, tmp_path):
    """Seed 002: Stage 3 is 4 in the table but "6 requests" in the text."""
    old = "{statutory_stage3_received} review panels were requested this year"
    _, findings = complaints_proof(capsys, text_file(tmp_path, old, "6 requests for a review panel were made"))
    [finding] = serious(findings)
    assert (finding["where"]["section"], finding["computed"]) == ("performance", "4")
    assert "{statutory_stage3_received}" in finding["message"]


def test_an_average_weekly_cost_typed_against_the_returns(capsys, tmp_path):
    """Seed 000: an Average Weekly Cost of £564 where £2,703,204 for 4,769 clients is £566.83."""
    old = "The average weekly cost is the total weekly cost over the client count"
    path = text_file(tmp_path, old, "The average weekly cost is £564", PERFORMANCE_TEXT)
    status, findings = performance_proof(capsys, path)
    assert status == 1
    [finding] = serious(findings)
    assert (finding["kind"], finding["computed"], finding["where"]["section"]) == ("typed_figure", "£567", "finance")
    assert "the returns give £567: write {asc_average_weekly_cost_value}" in finding["message"]


@pytest.mark.parametrize(
    ("words", "finding"),
    [
        (
            "New Directions provision accounts for 27% of Reablement service delivery, with 73% delivered by the "
            "Sefton Domiciliary Care sector.",
            ("27% and 73%", "Client %: 22.9% and 77.1%; Weekly Hours %: 11.4% and 88.6%"),
        ),
        ("New Directions delivers 23% of the packages of care, and AREN the other 77%.", None),
        ("New Directions delivers 11.4% of the hours, and AREN 88.6%.", None),
        ("New Directions delivers 27% of the packages of care, 43% more than in 2023.", None),  # no split of a whole
    ],
)
def test_typed_shares_of_a_whole_against_the_sections_table(capsys, tmp_path, words, finding):
    """Seed 000: "New Directions provision accounts for 27% of Reablement service delivery, with 73% delivered by
    the Sefton Domiciliary Care sector", where its own table gives New Directions 22.9% of the clients and 11.4%
    of the hours."""
    old = "Reablement is delivered via New Directions and the Alternative to Re-ablement (AREN) service. The table"
    path = text_file(tmp_path, old, f"{words} The table", PERFORMANCE_TEXT)
    _, findings = performance_proof(capsys, path)
    shares = [(f["says"], f["computed"]) for f in of_kind(findings, "shares")]
    assert shares == ([finding] if finding else [])
    assert [f["kind"] for f in serious(findings)] == (["shares"] if finding else [])
    if finding:
        [slip] = of_kind(findings, "shares")
        assert (slip["severity"], slip["where"]["section"]) == ("warning", "reablement")
        assert slip["message"].startswith("'Reablement – Service Delivery': the words split the whole as 27% and 73%")


@pytest.mark.parametrize(
    ("national", "finding"),
    [
        ("approx. 60", ("national rate of approx. 60", "70.0")),  # seed 002: ChAT gives England 70
        ("approx. 66", None),  # within 10%
        ("70", None),  # offered to be made live
    ],
)
def test_a_comparator_typed_against_the_indicators_own(capsys, tmp_path, national, finding):
    """Seed 002: "The rate of 114 children per 10,000 remains above the SN rate of approx. 90, the North west rate
    of 97 and the national rate of approx. 60", where the ChAT table gives England 70."""
    old = "{csc_referrals_year_change} on a year before."
    new = (
        "{csc_referrals_year_change} on a year before. The rate of {chat_p12_value} children looked after per 10,000 "
        f"remains above the SN rate of approx. 90 and the national rate of {national}."
    )
    _, findings = performance_proof(capsys, text_file(tmp_path, old, new, PERFORMANCE_TEXT))
    assert [(f["kind"], f["says"], f["computed"]) for f in serious(findings)] == (
        [("typed_figure", *finding)] if finding else []
    )
    if finding:
        [slip] = serious(findings)
        assert slip["severity"] == "warning"
        assert "the returns give 70.0, more than 10% away: correct it, or write {chat_p12_england}" in slip["message"]
    offers = [f["message"] for f in of_kind(findings, "make_live")]
    assert ("70 is {chat_p12_england}" in " ".join(offers)) == (national == "70")


# --- a percentage beside its counts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "Of 703 initial child protection conferences, 171 (25%) led to a complaint.",
        "Of the complaints, 171 of 703 (25%) followed a conference.",
    ],
)
def test_a_percentage_its_counts_do_not_give(capsys, tmp_path, words):
    """Seed 002: "171 (25%)" initial child protection conferences, where 171 of 703 is 24.3%."""
    status, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    assert status == 1
    [finding] = serious(findings)
    assert finding["kind"] == "percentage" and finding["computed"] == "24%"
    assert finding["message"] == (
        "'Introduction': 171 of 703 is 24% (24.3%), not 25%: correct the percentage, or make it a live figure."
    )


def test_a_percentage_its_counts_give_at_the_reports_rounding_is_right(capsys, tmp_path):
    words = "Of 703 initial child protection conferences, 171 (24%) led to a complaint; 171 of 703 (24.3%) in all."
    _, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    assert of_kind(findings, "percentage") == []


# --- points against per cent, and comparison words ---------------------------------------------------------


def test_a_change_in_percentage_points_written_as_per_cent(capsys, tmp_path):
    """Seed 002: a "13% increase" that was 13 percentage points; here Stage 1 in time went from 39% to 28%."""
    words = (
        "Responses in time fell to {statutory_stage1_in_time_pct} from {statutory_stage1_in_time_pct_last_year}, "
        "a fall of 11%."
    )
    _, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, words))
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["computed"]) == (
        "points_as_percent",
        "a fall of 11%",
        "11 percentage points",
    )
    right = words.replace("11%", "11 percentage points")
    _, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, right))
    assert serious(findings) == []


def test_a_change_in_typed_percentages_and_the_reverse(capsys, tmp_path):
    words = "Dental checks rose from 60% to 73%, a 22 percentage point increase."
    _, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, words))
    [finding] = serious(findings)
    assert (finding["kind"], finding["computed"]) == ("percent_as_points", "13 percentage points")


@pytest.mark.parametrize(
    "words",
    [
        "Contacts from the Ombudsman remained consistent with last year.",
        "Ombudsman contacts remained consistent ({ombudsman_contacts_last_year} last year, {ombudsman_contacts} now).",
    ],
)
def test_remained_consistent_against_contacts_that_went_from_4_to_6(capsys, tmp_path, words):
    """Seed 002: Ombudsman contacts "remained consistent" while they went from 4 to 6."""
    status, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, words))
    assert status == 1
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["computed"]) == ("comparison", "remained consistent", "4 to 6")
    assert finding["where"]["section"] == "conclusions"


def test_comparison_words_the_figures_bear_out_or_a_wish_are_no_finding(capsys, tmp_path):
    words = (
        "Contacts from the Ombudsman rose ({ombudsman_contacts_last_year} to {ombudsman_contacts}). "
        "Stage 2 complaints stayed the same at {statutory_stage2_received}. "
        "We would like to see contacts from the Ombudsman remain the same or a decline next year."
    )
    status, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, words))
    assert status == 0 and of_kind(findings, "comparison") == []


def test_a_performance_figure_that_fell_is_not_stable(capsys, tmp_path):
    old = "{csc_referrals_year_change} on a year before."
    new = "they remained stable on {csc_referrals_previous_period} ({csc_referrals_previous})."
    _, findings = performance_proof(capsys, text_file(tmp_path, old, new, PERFORMANCE_TEXT))
    [finding] = serious(findings)
    assert (finding["kind"], finding["computed"]) == ("comparison", "3,943 to 3,808")


# --- dates ---------------------------------------------------------------------------------------------


def test_a_weekday_that_is_wrong_for_its_date(capsys, tmp_path):
    """Seed 002: "Monday 14 November 2023" was a Tuesday."""
    path = text_file(tmp_path, 'meeting_date = ""', 'meeting_date = "Monday 14 November 2023"')
    status, findings = complaints_proof(capsys, path)
    assert status == 1
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["computed"]) == ("weekday", "Monday 14 November 2023", "Tuesday")
    assert finding["where"]["section"] == "details"


def test_a_day_no_month_has(capsys, tmp_path):
    words = "The panel met on 31 February 2023 and on Tuesday 14 November 2023."
    _, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"]) == ("date", "31 February 2023")


def test_a_meeting_more_than_a_year_after_the_figures(capsys, tmp_path):
    """Seed 000: papers with figures of one year for a meeting of the year after next."""
    path = text_file(tmp_path, 'meeting_date = ""', 'meeting_date = "Tuesday 7 January 2025"')
    _, findings = complaints_proof(capsys, path)
    [finding] = serious(findings)
    assert (finding["kind"], finding["severity"]) == ("meeting_date", "warning")
    assert "is in 2025, but the figures are to 31 March 2023" in finding["message"]
    path = text_file(tmp_path, 'meeting_date = ""', 'meeting_date = "Tuesday 14 November 2023"')
    assert serious(complaints_proof(capsys, path)[1]) == []


# --- numbering and words ---------------------------------------------------------------------------------


def test_numbered_paragraphs_that_repeat_and_skip(capsys, tmp_path):
    """Seed 002: cover paragraphs numbered 1.1, 1.2, 1.2, 1.4."""
    numbered = "1.1 First.\n\n1.2 Second.\n\n1.2 Third.\n\n1.4 Fourth.\n\n" + RECOMMENDATIONS
    _, findings = complaints_proof(capsys, text_file(tmp_path, RECOMMENDATIONS, numbered))
    assert [(f["kind"], f["says"], f["computed"]) for f in serious(findings)] == [
        ("numbering_repeat", "1.2", "1.3"),
        ("numbering_gap", "1.4", "1.3"),
    ]


def test_lists_in_order_are_no_finding(capsys, tmp_path):
    lettered = "c) one\n\nd) two\n\ni) three\n\nj) four\n\nl) five\n\ni. first\nii. second\niii. third\n\n"
    numbered = "1.1 One.\n\n1.2 Two.\n\n2.1 Three.\n\n1. A\n2. B\n3. C\n\n" + lettered + RECOMMENDATIONS
    _, findings = complaints_proof(capsys, text_file(tmp_path, RECOMMENDATIONS, numbered))
    assert serious(findings) == []


def test_a_phrase_written_twice_in_a_row(capsys, tmp_path):
    """Seed 002: "approx. 100 approx. 100"."""
    words = "The Front Door took approx. 100 approx. 100 calls a day."
    _, findings = complaints_proof(capsys, text_file(tmp_path, INTRODUCTION, words))
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"]) == ("repeated_words", "approx. 100 approx. 100")
    assert [f["says"] for f in of_kind(findings, "typed_number")] == ["100 approx", "100 calls a day"]


def test_an_abbreviation_does_not_end_a_sentence():
    assert sentences_of("It took approx. 100 days. Then it ended.") == ["It took approx. 100 days.", "Then it ended."]


# --- the command line ------------------------------------------------------------------------------------


def test_the_proof_for_a_person_and_its_exit_statuses(capsys, tmp_path):
    changed = "The Council received 69 statutory complaints, which is **{complaints_pct_of_contacts}** of contacts."
    path = text_file(tmp_path, INTRODUCTION, changed)
    assert main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--as-of", "2023-11-01", "--text", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "The proof of the complaints appendix: 1 error, 2 infos"
    assert lines[1].startswith("error: 'Introduction': the text says 69 statutory complaints; the log gives 98")
    assert main(["proof", "complaints", str(tmp_path / "absent.xlsx")]) == 2
    assert capsys.readouterr().err == "error: absent.xlsx: no such file\n"
    broken = tmp_path / "broken.toml"
    broken.write_text("[document\n", encoding="utf-8")
    assert main(["proof", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--text", str(broken)]) == 2
    assert capsys.readouterr().err.startswith("error: broken.toml: cannot be read")
    assert main(["proof", "performance", str(tmp_path / "absent.xlsx")]) == 2


def test_report_prints_the_findings_and_strict_writes_nothing_while_errors_remain(capsys, tmp_path):
    changed = "The Council received 69 statutory complaints, which is **{complaints_pct_of_contacts}** of contacts."
    path = text_file(tmp_path, INTRODUCTION, changed)
    out = tmp_path / "appendix.pdf"
    command = ["report", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--as-of", "2023-11-01", "--text", str(path)]
    assert main([*command, "--out", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "warning: 'Introduction': the text says 69 statutory complaints; the log gives 98" in err
    assert err.endswith("error: the proof found 1 error, so appendix.pdf was not written (--strict)\n")
    assert not out.exists()
    assert main([*command, "--out", str(out)]) == 0
    assert "the text says 69 statutory complaints" in capsys.readouterr().err and out.exists()


def test_the_shipped_proof_words_read():
    words = load_proof_words()
    assert words.references.search("under Part ") and words.durations.match(" working days")
    assert {"same", "up", "down", "better", "worse"} <= set(words.comparisons)
    assert any("ombudsman_contacts" in d.figures for d in words.describes)


def test_a_mistake_in_the_proof_words_is_named(tmp_path):
    from desktop_app.domain.resource_files import ResourceFileError

    path = tmp_path / "proof_words.toml"
    text = (RESOURCES / "proof_words.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('unit = "money"', 'unit = "pounds"', 1), encoding="utf-8")
    with pytest.raises(ResourceFileError, match=r"proof_words.toml: \[\[describes\]\] number \d+: unit must be one of"):
        load_proof_words(path)
    path.write_text(text.replace("approximately_within = 10", "approximately_within = 150"), encoding="utf-8")
    with pytest.raises(ResourceFileError, match=r"\[numbers\] approximately_within must be a per cent from 0 to 100"):
        load_proof_words(path)
    path.write_text(text.replace("\nnw = [", "\nwales = ["), encoding="utf-8")
    with pytest.raises(ResourceFileError, match=r"\[comparators\] may name only \['sn', 'nw', 'england'\]"):
        load_proof_words(path)


# --- dates and years ---------------------------------------------------------------------------------------


def test_an_ombudsman_letter_about_another_year(capsys, tmp_path):
    """Seed 002: the July 2022 Ombudsman letter (about 2021-22) is quoted in the 2022-23 report."""
    words = "The Ombudsman's annual review letter of July 2022 notes that the Council's record was good."
    status, findings = complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, words))
    assert status == 1
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["where"]["section"]) == (
        "document_year",
        "annual review letter … July 2022",
        "conclusions",
    )
    assert "is dated before the figures' period ends (31 March 2023), so it is about another year" in finding["message"]
    right = words.replace("July 2022", "July 2023")
    assert serious(complaints_proof(capsys, text_file(tmp_path, OMBUDSMAN, right))[1]) == []


def test_a_period_in_the_title_the_text_contradicts(capsys, tmp_path):
    """Seed 002: a strategy titled 2023-2028 says 2022-2027 in its text."""
    title = 'title = "Children\'s Services Complaints Annual Report {period_years}"'
    path = text_file(tmp_path, title, 'title = "Complaints and Learning Strategy 2023-2028"')
    path.write_text(
        path.read_text(encoding="utf-8").replace(OMBUDSMAN, "The strategy for 2022-2027 sets out our aims.", 1),
        encoding="utf-8",
    )
    _, findings = complaints_proof(capsys, path)
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["computed"]) == ("title_period", "2022-2027", "2023-2028")


def test_a_title_page_dated_in_the_meetings_month_of_another_year(capsys, tmp_path):
    """Seed 000: a cover dated January 2024 for a January 2025 meeting (here a January 2024 meeting)."""
    subtitle = (
        'subtitle = "Complaints and compliments about Children\'s Social Care received {period_start} – {period_end}"'
    )
    path = text_file(tmp_path, subtitle, 'subtitle = "Report of January 2023"')
    path.write_text(
        path.read_text(encoding="utf-8").replace('meeting_date = ""', 'meeting_date = "Tuesday 9 January 2024"', 1),
        encoding="utf-8",
    )
    _, findings = complaints_proof(capsys, path)
    [finding] = serious(findings)
    assert (finding["kind"], finding["says"], finding["where"]["section"]) == ("date_year", "January 2023", "details")


# --- the cover report --------------------------------------------------------------------------------------

SAMPLE_COVER = RESOURCES / "cover_templates" / "sample_cover.toml"
COVER_SENTENCE = "It is part of the regular cycle of reporting to the Committee."


def cover_file(tmp_path: Path, summary: str) -> Path:
    """The sample cover with `summary` in place of one sentence of its summary."""
    text = SAMPLE_COVER.read_text(encoding="utf-8")
    assert COVER_SENTENCE in text
    path = tmp_path / "cover.toml"
    path.write_text(text.replace(COVER_SENTENCE, summary), encoding="utf-8")
    return path


@pytest.mark.parametrize("template", ["sefton", "sefton_2025", "sefton_safer_communities", "wirral"])
def test_the_sample_cover_gives_nothing_to_query(capsys, template):
    status, findings = proof(capsys, "cover", str(SAMPLE_COVER), "--template", template)
    assert status == 0 and serious(findings) == []


def test_a_cover_numbered_1_1_1_2_1_2_1_4_dated_a_year_out_with_a_phrase_twice(capsys, tmp_path):
    """Seed 002: cover paragraphs numbered 1.1, 1.2, 1.2, 1.4; seed 000: a cover dated 7th January 2024 for a
    7 January 2025 meeting; "approx. 100 approx. 100"."""
    summary = (
        "\n\n1.1 The report is part of the regular cycle.\n\n1.2 It was drafted on 7th January 2024.\n\n"
        "1.2 It covers approx. 100 approx. 100 measures.\n\n1.4 It asks for comment.\n\n"
    )
    status, findings = proof(capsys, "cover", str(cover_file(tmp_path, summary)), "--template", "sefton")
    assert status == 1
    assert sorted((f["severity"], f["kind"], f["says"]) for f in serious(findings)) == [
        ("warning", "date_year", "7th January 2024"),
        ("warning", "numbering_gap", "1.4"),
        ("warning", "numbering_repeat", "1.2"),
        ("warning", "repeated_words", "approx. 100 approx. 100"),
    ]
    [dated] = of_kind(findings, "date_year")
    assert dated["where"] == {
        "section": "summary",
        "file": "cover.toml",
        "sheet": None,
        "row": None,
        "column": "summary",
    }
    assert dated["message"].startswith("Summary: '7th January 2024' has the meeting's day and month but the year 2024")
    [gap] = of_kind(findings, "numbering_gap")
    assert gap["computed"] == "1.3"
    assert main(["proof", "cover", str(tmp_path / "absent.toml")]) == 2
    assert capsys.readouterr().err.startswith("error: absent.toml: cannot be read")


def test_report_cover_strict_writes_nothing_while_a_weekday_is_wrong(capsys, tmp_path):
    """Seed 002: "Monday 14 November 2023" was a Tuesday; a prompt left in is a warning, written all the same."""
    path = cover_file(tmp_path, "It follows the meeting of Monday 14 November 2023. [Say which measures are new.]")
    status, findings = proof(capsys, "cover", str(path))
    assert status == 1
    assert sorted((f["severity"], f["kind"], f["says"]) for f in serious(findings)) == [
        ("error", "weekday", "Monday 14 November 2023"),
        ("warning", "prompt", "[Say which measures are new.]"),
    ]
    out = tmp_path / "cover.pdf"
    assert main(["report", "cover", str(path), "--out", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "warning: Summary: the prompt [Say which measures are new.] has not been replaced" in err
    assert err.endswith("error: the proof found 1 error, so cover.pdf was not written (--strict)\n")
    assert not out.exists()
    assert main(["report", "cover", str(path), "--out", str(out)]) == 0
    assert "Tuesday" in capsys.readouterr().err and out.stat().st_size > 0
    put_right = cover_file(tmp_path, "It follows the meeting of Tuesday 14 November 2023.")
    assert main(["report", "cover", str(put_right), "--out", str(out), "--strict"]) == 0
