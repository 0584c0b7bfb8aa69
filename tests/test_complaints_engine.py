"""The complaints engine on hand-checked cases (no Excel, no Qt)."""

import dataclasses
import datetime as dt
import random

import pandas as pd
import pytest

from desktop_app.domain.calendar import WeekendReceipt
from desktop_app.domain.complaints import (
    cared_for_share,
    case_timeliness,
    escalation_table,
    ombudsman_table,
    stage_table,
    summarise,
    themes_table,
)
from desktop_app.domain.periods import Period
from tests.factories import case, date, log_of

YEAR_2022 = Period(date("2022-04-01"), date("2023-03-31"))
AS_OF = date("2023-06-30")


def timed(rules, *cases, as_of=AS_OF):
    log = log_of(*cases)
    return pd.concat([log, case_timeliness(log, rules, as_of)], axis=1)


def one(rules, as_of=AS_OF, **fields):
    return timed(rules, case(**fields), as_of=as_of).iloc[0]


def summary(rules, vocabulary, *cases, period=YEAR_2022, as_of=AS_OF):
    return summarise(log_of(*cases), rules, vocabulary.outcome_classes, period, as_of)


def stage_row(result, procedure="childrens_statutory", stage="1"):
    stages = result.stages
    return stages[(stages["procedure"] == procedure) & (stages["stage"] == stage)].iloc[0]


# --- one case ------------------------------------------------------------------


def test_stage1_answered_on_its_due_date_is_in_time(rules):
    # Mon 9 May 2022 + 10 working days = Mon 23 May 2022.
    row = one(rules, received="2022-05-09", responded="2022-05-23")
    assert (row["limit"], row["working_days"], bool(row["in_time"])) == (10, 10, True)
    assert row["due"] == pd.Timestamp("2022-05-23")


def test_one_day_late_is_late(rules):
    row = one(rules, received="2022-05-09", responded="2022-05-24")
    assert (row["working_days"], bool(row["in_time"])) == (11, False)


def test_agreed_extension_allows_twenty_days(rules):
    row = one(rules, received="2022-05-09", responded="2022-06-08", extension=True)
    # 10 to 13 May (4), 16-20 (9), 23-27 (14), 30, 31 May, 1 June (17); 2, 3 June bank holidays; 6-8 June (20).
    assert (row["limit"], row["working_days"], bool(row["in_time"])) == (20, 20, True)
    assert row["due"] == pd.Timestamp("2022-06-08")
    without = one(rules, received="2022-05-09", responded="2022-06-08")
    assert not without["in_time"]


def test_same_day_response_takes_zero_days(rules):
    row = one(rules, received="2022-05-09", responded="2022-05-09")
    assert (row["working_days"], bool(row["in_time"])) == (0, True)


def test_bank_holidays_do_not_count(rules):
    # Received Fri 16 Sept 2022; Mon 19 Sept was the state funeral.
    row = one(rules, received="2022-09-16", responded="2022-09-20")
    assert row["working_days"] == 1


def test_weekend_receipt_starts_on_monday(rules):
    row = one(rules, received="2022-05-07", responded="2022-05-09")  # Saturday, then Monday
    assert row["working_days"] == 0
    assert row["due"] == pd.Timestamp("2022-05-23")


def test_weekend_receipt_day_one_setting(rules):
    day_one = dataclasses.replace(rules, weekend_receipt=WeekendReceipt.DAY1)
    row = one(day_one, received="2022-05-07", responded="2022-05-09")
    assert row["working_days"] == 1
    assert row["due"] == pd.Timestamp("2022-05-20")


def test_open_case_is_overdue_only_after_its_due_date(rules):
    on_due_date = one(rules, as_of=date("2022-05-23"), received="2022-05-09")
    day_after = one(rules, as_of=date("2022-05-24"), received="2022-05-09")
    assert not on_due_date["overdue"] and day_after["overdue"]
    assert pd.isna(day_after["in_time"]) and pd.isna(day_after["working_days"])


def test_answered_case_is_never_overdue(rules):
    row = one(rules, as_of=date("2023-01-01"), received="2022-05-09", responded="2022-07-01")
    assert not row["overdue"] and not row["in_time"]


def test_corporate_response_clock_starts_at_acknowledgement(rules):
    # Received Mon 9 May, acknowledged Thu 12 May: due 10 working days after the acknowledgement.
    row = one(rules, procedure="corporate", received="2022-05-09", acknowledged="2022-05-12", responded="2022-05-26")
    assert row["due"] == pd.Timestamp("2022-05-26")
    assert (row["working_days"], bool(row["in_time"])) == (10, True)
    assert (row["acknowledgement_working_days"], bool(row["acknowledgement_in_time"])) == (3, True)
    assert row["note"] == ""


def test_clock_without_acknowledgement_starts_at_receipt_with_a_note(rules):
    row = one(rules, procedure="corporate", received="2022-05-09", responded="2022-05-26")
    assert row["working_days"] == 13 and not row["in_time"]
    assert row["note"] == "no acknowledged date: clock started at received"
    assert pd.isna(row["acknowledgement_in_time"])


def test_late_acknowledgement(rules):
    row = one(rules, procedure="corporate", received="2022-05-09", acknowledged="2022-05-17")
    assert (row["acknowledgement_working_days"], bool(row["acknowledgement_in_time"])) == (6, False)


def test_childrens_stage2_runs_from_the_agreed_statement(rules):
    row = one(rules, stage="2", received="2022-05-09", statement_agreed="2022-05-16", responded="2022-06-22")
    # 16 May + 25 working days (2, 3 June bank holidays) = 22 June.
    assert row["due"] == pd.Timestamp("2022-06-22")
    assert (row["limit"], row["working_days"], bool(row["in_time"])) == (25, 25, True)
    fallback = one(rules, stage="2", received="2022-05-09", responded="2022-06-22")
    assert not fallback["in_time"] and "no statement agreed date" in fallback["note"]


def test_closure_days_apply_to_corporate_but_not_statutory(rules):
    closed = dataclasses.replace(rules, closure_days=(date("2022-12-28"), date("2022-12-29"), date("2022-12-30")))
    statutory = one(closed, received="2022-12-23", responded="2023-01-04")
    corporate = one(
        closed, procedure="corporate", received="2022-12-23", acknowledged="2022-12-23", responded="2023-01-04"
    )
    assert statutory["working_days"] == 5  # 28, 29, 30 Dec, 3, 4 Jan
    assert corporate["working_days"] == 2  # 3, 4 Jan


def test_ombudsman_contacts_are_not_timed(rules):
    row = one(rules, stage="ombudsman", received="2022-05-09", responded="2022-09-01")
    assert pd.isna(row["in_time"]) and pd.isna(row["due"]) and not row["overdue"]


def test_adult_social_care_uses_its_local_target(rules):
    row = one(rules, procedure="adult_social_care", received="2022-05-09", responded="2022-06-08")
    assert (row["limit"], row["working_days"], bool(row["in_time"])) == (20, 20, True)
    target_15 = dataclasses.replace(rules.procedures["adult_social_care"].stages["1"].clocks["response"], limit=15)
    stage = dataclasses.replace(rules.procedures["adult_social_care"].stages["1"], clocks={"response": target_15})
    procedure = dataclasses.replace(rules.procedures["adult_social_care"], stages={"1": stage})
    stricter = dataclasses.replace(rules, procedures={**rules.procedures, "adult_social_care": procedure})
    assert not one(stricter, procedure="adult_social_care", received="2022-05-09", responded="2022-06-08")["in_time"]


# --- a period --------------------------------------------------------------------


def test_stage_table_counts_and_percentages(rules, vocabulary):
    result = summary(
        rules,
        vocabulary,
        case("A", received="2022-05-09", responded="2022-05-10", outcome="upheld"),
        case("B", received="2022-05-09", responded="2022-06-30", outcome="not_upheld"),
        case("C", received="2022-05-09", responded="2022-05-20", outcome="partially_upheld"),
        case("D", received="2022-05-09", responded="2022-05-11", outcome="withdrawn"),
        case("E", received="2023-03-20"),  # open, due 3 April, overdue by 30 June
        case("F", received="2023-04-03", responded="2023-04-04", outcome="upheld"),  # next year
    )
    row = stage_row(result)
    assert row[["received", "finalised", "open", "overdue", "in_time"]].tolist() == [5, 4, 1, 1, 3]
    assert row["in_time_pct"] == pytest.approx(75.0)  # 3 of the 4 finalised
    assert row[["upheld", "decided", "excluded_from_upheld"]].tolist() == [2, 3, 1]
    assert row["upheld_pct"] == pytest.approx(200 / 3)
    assert row["median_working_days"] == pytest.approx(5.5)  # days 1, 36, 9, 2: median of 2 and 9


def test_procedure_stages_without_complaints_show_zero(rules, vocabulary):
    result = summary(rules, vocabulary, case(received="2022-05-09"))
    statutory = result.stages[result.stages["procedure"] == "childrens_statutory"]
    assert statutory["stage"].tolist() == ["1", "2", "3", "ombudsman"]
    stage3 = stage_row(result, stage="3")
    assert stage3["received"] == 0 and pd.isna(stage3["in_time_pct"]) and pd.isna(stage3["upheld_pct"])
    assert "corporate" not in set(result.stages["procedure"])


def test_themes_table_sides_by_side_with_totals(rules, vocabulary):
    result = summary(
        rules,
        vocabulary,
        case("A", theme="Decision Making", outcome="upheld", responded="2022-05-10"),
        case("B", theme="decision  making", outcome="not_upheld", responded="2022-05-10"),
        case("C", theme="Decision Making", procedure="corporate", outcome="partially_upheld", responded="2022-05-10"),
        case("D", theme=None),
        case("A", stage="2", theme="Decision Making", outcome="upheld", received="2022-06-01"),  # not counted twice
    )
    themes = result.themes
    assert list(themes.index) == ["Decision Making", "Not recorded", "TOTAL"]
    assert themes.loc["Decision Making", ("received", "childrens_statutory")] == 2
    assert themes.loc["Decision Making", ("upheld", "childrens_statutory")] == 1
    assert themes.loc["Decision Making", ("upheld", "corporate")] == 1
    assert themes.loc["TOTAL", ("received", "childrens_statutory")] == 3


def test_escalation_cared_for_and_ombudsman(rules, vocabulary):
    result = summary(
        rules,
        vocabulary,
        *[case(f"S{i}") for i in range(10)],
        case("S0", stage="2", received="2022-06-01"),
        case("P", procedure="corporate", complainant="Cared for young person", complainant_group="cared_for"),
        case("S1", stage="ombudsman", received="2022-09-01", outcome="premature"),
        case("S2", stage="ombudsman", received="2022-09-01", outcome="premature"),
    )
    escalation = result.escalation.set_index("procedure")
    assert escalation.loc["childrens_statutory", "escalation_pct"] == pytest.approx(10.0)
    assert cared_for_share(result.cases) == {"count": 1, "of": 11, "pct": pytest.approx(100 / 11)}
    assert cared_for_share(result.cases, ["corporate"]) == {"count": 1, "of": 1, "pct": 100.0}
    decisions = result.ombudsman_decisions
    assert decisions[["procedure", "decision", "contacts"]].values.tolist() == [["childrens_statutory", "premature", 2]]
    assert pd.isna(stage_row(result, stage="ombudsman")["upheld_pct"])


def test_previous_year_is_compared_where_the_log_reaches_back(rules, vocabulary):
    this_year_only = summary(rules, vocabulary, case(received="2022-05-09"))
    assert this_year_only.previous is None
    both = summary(
        rules, vocabulary, case(received="2022-05-09"), case(received="2021-05-10"), case(received="2021-06-01")
    )
    assert both.previous.period == Period(date("2021-04-01"), date("2022-03-31"))
    change = both.year_on_year().set_index("stage").loc["1"]
    assert (change["received"], change["previous"], change["change_pct"]) == (1, 2, -50.0)


def test_empty_log_gives_empty_tables(rules, vocabulary):
    result = summarise(log_of(), rules, vocabulary.outcome_classes, YEAR_2022, AS_OF)
    assert result.stages.empty and result.cases.empty
    assert cared_for_share(result.cases)["pct"] is None


def five_years_of_complaints(count: int, seed: int = 7) -> pd.DataFrame:
    """A log received from April 2018 to March 2023 in every procedure and stage, some still open (the
    oldest open for years), some answered years later, some with a cell that cannot be read."""
    pick = random.Random(seed)
    stages = {"childrens_statutory": ["1", "2", "3", "ombudsman"], "corporate": ["1", "2", "ombudsman"]}
    stages["adult_social_care"] = ["1", "ombudsman"]
    day = lambda when: when.isoformat() if when else None  # noqa: E731
    cases = []
    for number in range(count):
        procedure = pick.choice(list(stages))
        received = dt.date(2018, 4, 1) + dt.timedelta(days=pick.randrange(5 * 365))
        taken = pick.choice([None, *range(0, 40), 400, 900])  # None: still open
        responded = received + dt.timedelta(days=taken) if taken is not None else None
        acknowledged = received + dt.timedelta(days=pick.randrange(6)) if pick.random() < 0.8 else None
        cases.append(
            case(
                f"C{number}",
                procedure=procedure,
                stage=pick.choice(stages[procedure]),
                received=day(received),
                acknowledged=day(acknowledged),
                statement_agreed=day(acknowledged if pick.random() < 0.5 else None),
                responded=day(responded),
                extension=pick.random() < 0.2,
                outcome=pick.choice(["upheld", "partially_upheld", "not_upheld", "withdrawn"]) if responded else None,
                theme=pick.choice(["Decision Making", "decision  making ", "Finance", None]),
                complainant_group=pick.choice([None, None, "cared_for"]),
            )
        )
    log = log_of(*cases)
    log["unread"] = [pick.choice(["", "", "", "", "responded", "extension", "acknowledged, responded"]) for _ in cases]
    return log


@pytest.mark.parametrize(
    ("year", "as_of"), [(2019, date("2020-02-03")), (2019, date("2023-06-30")), (2022, date("2023-06-30"))]
)
def test_summary_of_a_year_is_the_whole_log_timed_then_counted_for_that_year(rules, vocabulary, year, as_of):
    # The summary times only the rows it counts; every figure must be what timing the whole log gives
    log = five_years_of_complaints(3000)
    everything = pd.concat([log, case_timeliness(log, rules, as_of)], axis=1)
    everything["outcome_class"] = everything["outcome"].map(vocabulary.outcome_classes).astype("object")
    period = Period(dt.date(year, 4, 1), dt.date(year + 1, 3, 31))
    result = summarise(log, rules, vocabulary.outcome_classes, period, as_of)

    for summary in (result, result.previous):
        assert summary is not None  # the log reaches back to the year before
        cases = everything[(everything["received"] >= pd.Timestamp(summary.period.start)).to_numpy()]
        cases = cases[(cases["received"] <= pd.Timestamp(summary.period.end)).to_numpy()]
        pd.testing.assert_frame_equal(summary.cases, cases.reset_index(drop=True))
        pd.testing.assert_frame_equal(summary.stages, stage_table(cases, rules))
        pd.testing.assert_frame_equal(summary.themes, themes_table(cases, rules))
        pd.testing.assert_frame_equal(summary.escalation, escalation_table(cases, rules))
        pd.testing.assert_frame_equal(summary.ombudsman_decisions, ombudsman_table(cases))
    assert 0 < result.stages["overdue"].sum() < result.stages["open"].sum()  # the log has both
