"""Every figure of the Adult Social Care Complaints Annual Report, formatted once, by name.

The report's figures are the Annual Complaints Report's (`complaints_figures.complaint_figures`: the
period, the stage's limits and measures, the themes, the Ombudsman contacts) and, with ROLE the report's
procedure role (`adults`), the measures the 2009 Regulations ask for (domain.adult_measures):

- ROLE_received, _upheld, _partly_upheld, _not_upheld, _well_founded (upheld or partly upheld), _decided,
  _without_finding, _open; ROLE_well_founded_pct (of those with a finding)
- ROLE_finalised, _in_time, _in_time_pct (by the date agreed with the complainant, else within the local
  target); ROLE_agreed_finalised, _agreed_in_time, _agreed_in_time_pct; ROLE_target_finalised,
  _target_in_time, _target_in_time_pct; ROLE_agreed_recorded; ROLE_acknowledged_in_time_pct (of those
  with a date acknowledged)
- ROLE_six_months_answered_after, _six_months_open_past, _six_months_passed (regulation 14)
- ROLE_joint_nhs, _joint_nhs_well_founded ("not recorded" where the log keeps no such column)
- with last year's data: each outcome measure with _last_year (ROLE_received_last_year, ...),
  ROLE_received_change ("increased by 12%"), _received_change_arrow, _well_founded_pct_last_year,
  _in_time_pct_last_year, _six_months_passed_last_year, _joint_nhs_last_year
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.adult_measures import (
    OUTCOME_MEASURES,
    SIX_MONTH_MEASURES,
    TIMELINESS_MEASURES,
    joint_counts,
    outcome_counts,
    six_month_counts,
    timeliness_counts,
)
from desktop_app.domain.complaint_measures import change_pct, percent_of, stage_row
from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.formatting import UNSUPPRESSED, Formatter
from desktop_app.domain.rules import ComplaintRules
from desktop_app.report.complaints_figures import Put, complaint_figures, count_or_not_recorded, putter
from desktop_app.report.model import Figure


def adults_figures(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    procedures: Mapping[str, str],
    entered: Mapping[str, int | float] | None = None,
    formatter: Formatter = UNSUPPRESSED,
) -> dict[str, Figure]:
    """Every figure of the adults' report, its value and its text, by name (see the module docstring)."""
    figures = complaint_figures(summary, rules, procedures, entered, formatter)
    put = putter(figures)
    for role, procedure in procedures.items():
        _measures(put, role, procedure, summary, formatter)
    return figures


def _count(put: Put, name: str, value: int, fmt: Formatter) -> None:
    put(name, fmt.count(value), value, "count")


def _percent(put: Put, name: str, part: int, whole: int, fmt: Formatter) -> None:
    share = percent_of(part, whole)
    put(name, fmt.percent(share, (part, whole)), share, "percent")


def _joint(put: Put, name: str, counts: dict[str, int] | None, key: str, fmt: Formatter) -> None:
    count_or_not_recorded(put, name, None if counts is None else counts[key], fmt)


def _measures(put: Put, role: str, procedure: str, summary: ComplaintsSummary, fmt: Formatter) -> None:
    outcomes = outcome_counts(summary, procedure)
    timeliness = timeliness_counts(summary, procedure)
    six_months = six_month_counts(summary, procedure)
    joint = joint_counts(summary, procedure)
    for name in OUTCOME_MEASURES:
        _count(put, f"{role}_{name}", outcomes[name], fmt)
    _percent(put, f"{role}_well_founded_pct", outcomes["well_founded"], outcomes["decided"], fmt)
    for name in TIMELINESS_MEASURES:
        _count(put, f"{role}_{name}", timeliness[name], fmt)
    for against in ("", "agreed_", "target_"):
        in_time, finalised = timeliness[f"{against}in_time"], timeliness[f"{against}finalised"]
        _percent(put, f"{role}_{against}in_time_pct", in_time, finalised, fmt)
    stage = stage_row(summary.stages, procedure, "1")
    acknowledged, in_time = int(stage.get("acknowledged", 0)), int(stage.get("acknowledged_in_time", 0))  # type: ignore[call-overload]
    _percent(put, f"{role}_acknowledged_in_time_pct", in_time, acknowledged, fmt)
    for name in SIX_MONTH_MEASURES:
        _count(put, f"{role}_six_months_{name}", six_months[name], fmt)
    _joint(put, f"{role}_joint_nhs", joint, "joint", fmt)
    _joint(put, f"{role}_joint_nhs_well_founded", joint, "joint_well_founded", fmt)

    previous = summary.previous
    if previous is None:
        return
    before = outcome_counts(previous, procedure)
    now, then = outcomes["received"], before["received"]
    change = change_pct(now, then)
    arrow, words = fmt.change(now, then, change)
    for name in OUTCOME_MEASURES:
        _count(put, f"{role}_{name}_last_year", before[name], fmt)
    put(f"{role}_received_change_arrow", arrow, change, "percent")
    put(f"{role}_received_change", words, change, "percent")
    _percent(put, f"{role}_well_founded_pct_last_year", before["well_founded"], before["decided"], fmt)
    timed_before = timeliness_counts(previous, procedure)
    _percent(put, f"{role}_in_time_pct_last_year", timed_before["in_time"], timed_before["finalised"], fmt)
    _count(put, f"{role}_six_months_passed_last_year", six_month_counts(previous, procedure)["passed"], fmt)
    _joint(put, f"{role}_joint_nhs_last_year", joint_counts(previous, procedure), "joint", fmt)
