"""An action plan's milestones and progress at a report date: read without guessing, rated without inventing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.action_plans import (
    Action,
    ActionPlan,
    Theme,
    load_plan_rules,
    load_plan_vocabulary,
    read_status,
)
from desktop_app.domain.milestones import MilestoneKind, read_milestone
from desktop_app.domain.plan_progress import FROM_PLAN, FROM_RULE, NOT_RATED, assess, status_counts
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.paths import RESOURCES

VOCABULARY = load_plan_vocabulary()
WORDS = VOCABULARY.milestones
RULES = load_plan_rules(vocabulary=VOCABULARY)


@pytest.mark.parametrize(
    ("written", "kind", "due", "start"),
    [
        ("May-23", MilestoneKind.MONTH, dt.date(2023, 5, 31), None),
        ("Sep-25", MilestoneKind.MONTH, dt.date(2025, 9, 30), None),
        ("Sept 23", MilestoneKind.MONTH, dt.date(2023, 9, 30), None),
        ("February 2024", MilestoneKind.MONTH, dt.date(2024, 2, 29), None),
        ("31/05/2023", MilestoneKind.DATE, dt.date(2023, 5, 31), None),
        ("1st June 2024", MilestoneKind.DATE, dt.date(2024, 6, 1), None),
        ("Dec 23 and on going", MilestoneKind.OPEN_ENDED, None, dt.date(2023, 12, 1)),
        ("Sept 23 and ongoing", MilestoneKind.OPEN_ENDED, None, dt.date(2023, 9, 1)),
        ("May 24 - ongoing", MilestoneKind.OPEN_ENDED, None, dt.date(2024, 5, 1)),
        ("Ongoing", MilestoneKind.OPEN_ENDED, None, None),
        ("Quarterly", MilestoneKind.RECURRING, None, None),
        ("every 6 months", MilestoneKind.RECURRING, None, None),
        ("", MilestoneKind.NONE, None, None),
    ],
)
def test_a_milestone_is_read_as_written(written, kind, due, start):
    milestone = read_milestone(written, WORDS)
    assert (milestone.kind, milestone.due, milestone.start, milestone.text) == (kind, due, start, written)


@pytest.mark.parametrize("written", ["TBC", "Q3 2023/24", "May-23, Sep-23", "31/02/2024", "Spring 2024", "Smarch-23"])
def test_a_milestone_that_is_none_of_those_is_unread_with_its_reason_never_a_guess(written):
    milestone = read_milestone(written, WORDS)
    assert milestone.kind is MilestoneKind.UNREAD and milestone.due is None and milestone.reason


def test_a_date_cell_is_a_day_unless_it_is_shown_as_a_month():
    day = dt.datetime(2023, 5, 1)
    assert read_milestone(day, WORDS).due == dt.date(2023, 5, 1)
    assert read_milestone(day, WORDS, month_cell=True).due == dt.date(2023, 5, 31)
    assert read_milestone(day, WORDS, month_cell=True).text == "May-23"


def test_a_month_is_due_on_its_last_day_so_it_passes_the_day_after():
    milestone = read_milestone("May-23", WORDS)
    assert not milestone.passed(dt.date(2023, 5, 31))
    assert milestone.passed(dt.date(2023, 6, 1))
    assert not read_milestone("Dec 23 and on going", WORDS).passed(dt.date(2030, 1, 1))


@pytest.mark.parametrize(
    ("cell", "code", "note"),
    [
        ("Green", "green", ""),
        ("amber - recruitment delayed", "amber", "recruitment delayed"),
        ("Red: provider withdrew", "red", "provider withdrew"),
        ("Complete\nBoard met in June", "complete", "Board met in June"),
        ("On track - on plan", "green", "on plan"),
        ("Amber/Red", "amber", ""),
        ("Greenish", None, ""),
        ("", None, ""),
    ],
)
def test_a_rag_cell_names_its_status_and_keeps_the_note_after_it(cell, code, note):
    given = read_status(cell, VOCABULARY)
    assert (given.code, given.note) == (code, note)
    assert given.unknown is (code is None and bool(cell))


def plan_action(number: str, milestone: str, rag: str = "", theme: str = "Prevent") -> Action:
    return Action(
        theme,
        number,
        f"Action {number}",
        "Plan",
        int(number) + 4,
        milestone=read_milestone(milestone, WORDS),
        given=read_status(rag, VOCABULARY),
    )


@pytest.fixture
def plan() -> ActionPlan:
    prevent = (
        plan_action("1", "May-23", "Complete"),  # passed, but complete
        plan_action("2", "May-23", "Green"),  # passed, rated green by the plan: kept, and past due
        plan_action("3", "May-23"),  # passed, no rating: the rule says red
        plan_action("4", "Sep-25"),  # not due, no rating: no rule decides
        plan_action("5", "Dec 23 and on going"),  # no completion date: never past due, not rated
        plan_action("6", "May-23", "Purple"),  # a word that is no status: kept as written, not rated
    )
    protect = (plan_action("1", "Sep-23", "Amber", "Protect"), plan_action("2", "Quarterly", "Red", "Protect"))
    return ActionPlan("Plan", "plan.xlsx", (Theme("Prevent", "", prevent), Theme("Protect", "", protect)))


def test_the_plan_s_status_stands_and_a_rule_decides_only_where_it_gives_none(plan):
    progress = assess(plan, RULES, dt.date(2024, 3, 31))
    judged = [(item.action.number, item.status, item.source) for item in progress.actions]
    assert judged == [
        ("1", "complete", FROM_PLAN),
        ("2", "green", FROM_PLAN),
        ("3", "red", FROM_RULE),
        ("4", NOT_RATED, ""),
        ("5", NOT_RATED, ""),
        ("6", NOT_RATED, ""),
        ("1", "amber", FROM_PLAN),
        ("2", "red", FROM_PLAN),
    ]
    assert progress.actions[2].reason == "its milestone has passed and it is not marked complete"
    assert "'Purple' is not a RAG status" in progress.actions[5].reason


def test_past_due_is_a_passed_milestone_not_marked_complete(plan):
    progress = assess(plan, RULES, dt.date(2024, 3, 31))
    assert [(item.action.theme, item.action.number) for item in progress.past_due()] == [
        ("Prevent", "2"),
        ("Prevent", "3"),
        ("Prevent", "6"),
        ("Protect", "1"),
    ]
    earlier = assess(plan, RULES, dt.date(2023, 5, 31))  # the last day of May: nothing has passed yet
    assert earlier.past_due() == () and earlier.actions[2].status == NOT_RATED


def test_counts_by_theme_and_status_add_up_both_ways(plan):
    counts = status_counts(assess(plan, RULES, dt.date(2024, 3, 31)))
    assert list(counts.columns) == ["red", "amber", "green", "complete", NOT_RATED, "total"]
    assert counts.loc["Prevent"].tolist() == [1, 0, 1, 1, 3, 6]
    assert counts.loc["Protect"].tolist() == [1, 1, 0, 0, 0, 2]
    assert counts.loc["total"].tolist() == [2, 1, 1, 1, 3, 8]


def test_a_rule_naming_a_status_the_file_does_not_define_is_refused(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[status.red]\nlabel = "Red"\ncolour = "status_poor"\n\n[[rules]]\nstatus = "purple"\nmilestone = "passed"\n'
    )
    with pytest.raises(ResourceFileError, match=r"rules.toml: \[\[rules\]\] number 1: status 'purple'"):
        load_plan_rules(rules)


def test_a_rule_s_milestone_words_are_checked(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[status.red]\nlabel = "Red"\ncolour = "status_poor"\n\n[[rules]]\nstatus = "red"\nmilestone = "late"\n'
    )
    with pytest.raises(ResourceFileError, match="milestone 'late' is not one of"):
        load_plan_rules(rules)


def test_a_due_within_rule_decides_amber_for_what_falls_due_soon(plan, tmp_path):
    rules = tmp_path / "rules.toml"
    shipped = (RESOURCES / "action_plan_rules.toml").read_text()
    rules.write_text(
        shipped + '\n[[rules]]\nstatus = "amber"\nmilestone = "due_within"\ndays = 200\nreason = "due soon"\n'
    )
    progress = assess(plan, load_plan_rules(rules), dt.date(2025, 3, 31))  # Sep-25 is 183 days away
    assert (progress.actions[3].status, progress.actions[3].reason) == ("amber", "due soon")
