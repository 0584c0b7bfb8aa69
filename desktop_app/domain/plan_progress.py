"""An action plan's progress at a report date: each action's status, the milestones past due, the counts.

An action's status is the one the plan gives; where the plan gives none, the
first rule of resources/action_plan_rules.toml that holds decides it, and says
why; where no rule holds it is not rated. Nothing here makes up a status: a
word the vocabulary does not know is kept as written and counted as not rated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from desktop_app.domain.action_plans import Action, ActionPlan, PlanRules, StatusRule
from desktop_app.domain.milestones import Milestone

#: The status column of an action no status was given or decided for.
NOT_RATED = "not_rated"
#: Where an action's status comes from.
FROM_PLAN, FROM_RULE = "plan", "rule"


@dataclass(frozen=True)
class ActionProgress:
    """An action at the report date: its status (a status code, or NOT_RATED), where that came from
    ('plan', 'rule' or '' for not rated), the rule's reason, and whether its milestone is past due."""

    action: Action
    status: str
    source: str
    reason: str
    past_due: bool


@dataclass(frozen=True)
class PlanProgress:
    plan: ActionPlan
    rules: PlanRules
    as_of: dt.date
    actions: tuple[ActionProgress, ...]

    def exceptions(self) -> tuple[ActionProgress, ...]:
        """The actions whose status is an exception (red, amber), in the plan's order."""
        return tuple(
            item
            for item in self.actions
            if item.status in self.rules.statuses and self.rules.statuses[item.status].exception
        )

    def past_due(self) -> tuple[ActionProgress, ...]:
        return tuple(item for item in self.actions if item.past_due)

    def status_codes(self) -> tuple[str, ...]:
        """The statuses in the order they are listed, then not rated."""
        return (*self.rules.statuses, NOT_RATED)


def milestone_state(milestone: Milestone, as_of: dt.date, days: int | None = None) -> str:
    """The milestone as the rules name it: 'passed', 'due_within' (`days` from `as_of`), 'not_due', or its kind."""
    if milestone.due is None:
        return milestone.kind.value
    if milestone.due < as_of:
        return "passed"
    if days is not None and (milestone.due - as_of).days <= days:
        return "due_within"
    return "not_due"


def _holds(rule: StatusRule, milestone: Milestone, as_of: dt.date) -> bool:
    return milestone_state(milestone, as_of, rule.days) == rule.milestone


def assess(plan: ActionPlan, rules: PlanRules, as_of: dt.date) -> PlanProgress:
    """Every action's status at `as_of`, and whether its milestone is past due (passed and not complete)."""
    progress = []
    for action in plan.actions:
        given = action.given
        if given.code is not None:
            status, source, reason = given.code, FROM_PLAN, ""
        elif given.unknown:
            status, source, reason = NOT_RATED, "", f"the plan's word {given.text!r} is not a RAG status"
        else:
            rule = next((rule for rule in rules.rules if _holds(rule, action.milestone, as_of)), None)
            if rule is None:
                status, source, reason = NOT_RATED, "", ""
            else:
                status, source, reason = rule.status, FROM_RULE, rule.reason
        complete = status in rules.statuses and rules.statuses[status].complete
        past_due = action.milestone.passed(as_of) and not complete
        progress.append(ActionProgress(action, status, source, reason, past_due))
    return PlanProgress(plan, rules, as_of, tuple(progress))


def status_counts(progress: PlanProgress) -> pd.DataFrame:
    """Actions by theme (rows, in the plan's order, then 'total') and status (columns, in the rules' order,
    then not rated and 'total')."""
    codes = list(progress.status_codes())
    themes = [theme.name for theme in progress.plan.themes]
    frame = pd.DataFrame([(item.action.theme, item.status) for item in progress.actions], columns=["theme", "status"])
    counts = pd.crosstab(
        pd.Categorical(frame["theme"], categories=themes),
        pd.Categorical(frame["status"], categories=codes),
        dropna=False,
    )
    counts.index, counts.columns = pd.Index(themes, name="theme"), pd.Index(codes, name="status")
    counts["total"] = counts.sum(axis=1)
    counts.loc["total"] = counts.sum(axis=0)
    return counts.astype(int)


@dataclass(frozen=True)
class PlanSummary:
    """What a board report says of a plan at its report date: the red and amber actions, the exceptions
    (every status the rules call one), and the actions whose milestone is past due, each by its label."""

    as_of: dt.date
    red_count: int
    amber_count: int
    exceptions_count: int
    past_due_count: int
    past_due_actions: tuple[str, ...]


def action_label(action: Action) -> str:
    """An action as a sentence names it: its theme and number ('Prevent 4'), or its row where it has none."""
    return f"{action.theme} {action.number}" if action.number else f"{action.theme} (row {action.row})"


def plan_summary(progress: PlanProgress) -> PlanSummary:
    """The plan's figures for a board report's words, each counted once, here."""
    counts = status_counts(progress).loc["total"]
    past_due = progress.past_due()
    return PlanSummary(
        as_of=progress.as_of,
        red_count=int(counts.get("red", 0)),
        amber_count=int(counts.get("amber", 0)),
        exceptions_count=len(progress.exceptions()),
        past_due_count=len(past_due),
        past_due_actions=tuple(action_label(item.action) for item in past_due),
    )
