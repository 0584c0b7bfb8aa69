"""Every figure of the action plan appendix, by name, from domain.plan_progress, written once.

Names: plan_title, as_of, actions_total, themes_total, past_due_count,
exceptions_count, rule_decided_count, no_completion_date_count,
unread_milestone_count, STATUS_count for each status and not_rated_count, and
per theme (KEY from `theme_keys`: 'leadership_and_governance')
theme_KEY_STATUS and theme_KEY_total; total_STATUS for the all-themes row.
With their noun, for sentences ("1 action", "7 actions"): plan_actions,
plan_themes, past_due_actions, exception_actions. Where there is an earlier
report to compare with: previous_as_of, moved_count, new_count, closed_count,
and moved_actions, new_actions, closed_actions.
"""

from __future__ import annotations

import re

import pandas as pd

from desktop_app.domain.formatting import Formatter, long_date
from desktop_app.domain.milestones import MilestoneKind
from desktop_app.domain.plan_history import PlanChanges
from desktop_app.domain.plan_progress import FROM_RULE, PlanProgress, status_counts
from desktop_app.report.model import Figure

_NOT_KEY = re.compile(r"[^a-z0-9]+")


def theme_keys(themes: list[str]) -> dict[str, str]:
    """Each theme's key in figure names ('Protect & Repair' -> 'protect_repair'), made unique."""
    keys: dict[str, str] = {}
    for theme in themes:
        key = _NOT_KEY.sub("_", theme.casefold()).strip("_") or "theme"
        while key in keys.values():
            key += "_"
        keys[theme] = key
    return keys


def plan_figures(
    progress: PlanProgress, formatter: Formatter | None = None, changes: PlanChanges | None = None
) -> dict[str, Figure]:
    """The appendix's figures: each count's value, and its text as every writer prints it."""
    formatter = formatter or Formatter()
    figures: dict[str, Figure] = {}

    def count(name: str, value: int, worded: str = "", noun: tuple[str, str] = ("action", "actions")) -> None:
        """The count `name`; and `worded`, the count with its noun, where a sentence says it."""
        figures[name] = Figure(name, formatter.count(value), value, "count")
        if worded:
            figures[worded] = Figure(worded, formatter.counted(value, *noun), value, "count")

    figures["plan_title"] = Figure("plan_title", progress.plan.title, progress.plan.title)
    figures["as_of"] = Figure("as_of", long_date(progress.as_of), progress.as_of.isoformat())
    counts = status_counts(progress)
    keys = theme_keys([theme.name for theme in progress.plan.themes])
    for theme, key in keys.items():
        for status in counts.columns:
            count(f"theme_{key}_{status}", int(counts.loc[theme, status]))
    for status in counts.columns:
        count(f"total_{status}", int(counts.loc["total", status]))
        if status != "total":
            count(f"{status}_count", int(counts.loc["total", status]))
    actions = progress.actions
    count("actions_total", len(actions), "plan_actions")
    count("themes_total", len(progress.plan.themes), "plan_themes", ("theme", "themes"))
    count("past_due_count", len(progress.past_due()), "past_due_actions")
    count("exceptions_count", len(progress.exceptions()), "exception_actions")
    count("rule_decided_count", sum(item.source == FROM_RULE for item in actions))
    kinds = pd.Series([item.action.milestone.kind for item in actions], dtype="object")
    count("no_completion_date_count", int(kinds.isin([MilestoneKind.OPEN_ENDED, MilestoneKind.RECURRING]).sum()))
    count("unread_milestone_count", int(kinds.eq(MilestoneKind.UNREAD).sum()))
    if changes is not None:
        previous = changes.previous.as_of
        figures["previous_as_of"] = Figure("previous_as_of", long_date(previous), previous.isoformat())
        count("moved_count", len(changes.moved), "moved_actions")
        count("new_count", len(changes.new), "new_actions")
        count("closed_count", len(changes.closed), "closed_actions")
    return figures
