"""An action plan's RAG ratings at each reporting date, and what changed between two of them.

A partnership reports its plan to committee several times a year, each time
with the plan's ratings at that date. The project keeps every reporting date's
ratings (`PlanReport`), so the appendix can say what changed since the last
report: the actions whose rating moved (from, to, with the progress note), the
actions new to the plan, and the actions closed (in the last report, no longer
in the plan). An action is the same action at two dates when its theme and
number are the same (the theme and priority's words, for an action the plan
gives no number).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.periods import latest_report
from desktop_app.domain.plan_progress import PlanProgress
from desktop_app.domain.vocabulary import normalise


@dataclass(frozen=True)
class RatedAction:
    """One action's rating at a reporting date: the status code (or plan_progress.NOT_RATED), where it came
    from (plan_progress.FROM_PLAN, FROM_RULE, or '' for not rated) and its progress note."""

    theme: str
    number: str
    priority: str
    status: str
    source: str = ""
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """What makes it the same action at another date: its theme and number, else its theme and priority."""
        return normalise(self.theme), self.number or f"priority: {normalise(self.priority)}"


@dataclass(frozen=True)
class PlanReport:
    """The plan's ratings at one reporting date, and the workbook (name, SHA-256) they were read from."""

    as_of: dt.date
    title: str
    file: str
    sha256: str
    ratings: tuple[RatedAction, ...]


def plan_report(progress: PlanProgress, file: str, sha256: str = "") -> PlanReport:
    """The ratings of `progress` (the plan's, or a rule's) as the project keeps them for its date."""
    ratings = tuple(
        RatedAction(
            item.action.theme,
            item.action.number,
            item.action.priority,
            item.status,
            item.source,
            item.action.progress_note,
        )
        for item in progress.actions
    )
    return PlanReport(progress.as_of, progress.plan.title, file, sha256, ratings)


def with_report(reports: list[PlanReport], report: PlanReport) -> list[PlanReport]:
    """`reports` with `report` added, in date order; a report of the same date is replaced by it."""
    kept = [earlier for earlier in reports if earlier.as_of != report.as_of]
    return sorted([*kept, report], key=lambda item: item.as_of)


def report_before(reports: list[PlanReport], as_of: dt.date) -> PlanReport | None:
    """The latest report before `as_of`: the last report the appendix at `as_of` compares with."""
    return latest_report(reports, as_of, lambda report: report.as_of)


@dataclass(frozen=True)
class StatusMove:
    """An action whose rating moved between the two reports: as it was, and as it is (with its note now)."""

    before: RatedAction
    after: RatedAction


@dataclass(frozen=True)
class PlanChanges:
    """What changed from the `previous` report to the `current` one, each list in its report's order."""

    previous: PlanReport
    current: PlanReport
    moved: tuple[StatusMove, ...]
    new: tuple[RatedAction, ...]
    closed: tuple[RatedAction, ...]  # as last rated in the previous report

    @property
    def any(self) -> bool:
        return bool(self.moved or self.new or self.closed)


def changes_since(previous: PlanReport, current: PlanReport) -> PlanChanges:
    """The moves, new actions and closed actions from `previous` to `current`."""
    before = {rating.key: rating for rating in previous.ratings}
    now = {rating.key for rating in current.ratings}
    moved = tuple(
        StatusMove(before[rating.key], rating)
        for rating in current.ratings
        if rating.key in before and before[rating.key].status != rating.status
    )
    new = tuple(rating for rating in current.ratings if rating.key not in before)
    closed = tuple(rating for rating in previous.ratings if rating.key not in now)
    return PlanChanges(previous, current, moved, new, closed)
