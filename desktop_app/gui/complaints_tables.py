"""What the Complaints tab shows beyond the appendix's tables, worked out without Qt: the cases behind a
figure, the overdue open complaints, and the series of its charts.

The tables themselves are the report model's (report.complaints), the same ones the PDF prints, so the tab
cannot say 28% where the appendix says 29%. Each figure cell carries a `Selection` that says which cases it
counts; `cases_behind` lists them. Tests call these functions without a window.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from desktop_app.domain.complaint_measures import ombudsman_category, overdue_working_days
from desktop_app.domain.complaints import NOT_RECORDED, ComplaintsSummary, case_timeliness
from desktop_app.domain.rules import ComplaintRules
from desktop_app.report.model import Selection
from desktop_app.workspace import Workspace

NO_DECISION = "No decision yet"  # as domain.complaints.ombudsman_table words a contact without one


# --- the cases behind a figure -----------------------------------------------------------


CASE_COLUMNS = [
    "Reference",
    "Received",
    "Responded",
    "Working days",
    "Limit",
    "Due",
    "In time",
    "Overdue",
    "Outcome",
    "Theme",
    "Acknowledged",
    "Statement agreed",
    "Procedure",
    "Stage",
    "Note",
    "Source row",
]


OVERDUE_COLUMNS = [
    "Reference",
    "Working days overdue",
    "Due",
    "Received",
    "Stage",
    "Procedure",
    "Limit",
    "Theme",
    "Acknowledged",
    "Statement agreed",
    "Outcome",
    "Note",
    "Source row",
]


def theme_key(themes: pd.Series) -> pd.Series:
    """The themes as the themes table groups them (case and spacing ignored), missing ones 'Not recorded'."""
    written = themes.fillna(NOT_RECORDED).astype(str).str.strip()
    return written.str.casefold().str.replace(r"\s+", " ", regex=True)


def cases_behind(
    summary: ComplaintsSummary, rules: ComplaintRules, procedures: Mapping[str, str], cell: Selection
) -> pd.DataFrame:
    """The cases a figure counts, one row each, as `case_rows` shows them."""
    source = summary.previous if cell.last_year else summary
    if source is None:
        return case_rows(summary.cases.iloc[0:0], rules)
    if cell.measure == "ombudsman_decided":  # the Ombudsman's decisions of the year, whenever received
        decided = source.ombudsman_decided
        picked = decided["procedure"].isin(list(procedures.values()))
        if cell.decision is not None:
            picked &= ombudsman_category(decided).eq(cell.decision)
        return case_rows(decided[picked.to_numpy()], rules)
    cases = source.cases
    chosen = (
        cases["procedure"].eq(cell.procedure) if cell.procedure else cases["procedure"].isin(list(procedures.values()))
    )
    if cell.stage is not None:
        chosen &= cases["stage"].eq(cell.stage)
    outcome = cases["outcome_class"]
    if cell.measure == "in_time":
        chosen &= cases["in_time"].notna()
    elif cell.measure == "upheld":
        chosen &= outcome.isin(["upheld", "not_upheld"])
    elif cell.measure in ("theme_received", "theme_upheld"):
        if cell.theme is not None:
            chosen &= theme_key(cases["theme"]).eq(theme_key(pd.Series([cell.theme])).iat[0])
        if cell.measure == "theme_upheld":
            chosen &= outcome.eq("upheld")
    elif cell.measure == "ombudsman" and cell.decision is not None:
        chosen &= cases["decision"].fillna(NO_DECISION).astype(str).eq(cell.decision)
    return case_rows(cases[chosen.fillna(False).astype(bool)], rules)


def case_rows(cases: pd.DataFrame, rules: ComplaintRules) -> pd.DataFrame:
    """Cases as the tab lists them: dates, working days against the limit, in time, overdue, note, source row."""
    labels = {code: spec.label for code, spec in rules.procedures.items()}
    stages = {
        (code, stage): spec.label
        for code, procedure in rules.procedures.items()
        for stage, spec in procedure.stages.items()
    }
    limit = cases["limit"].astype("Int64")
    return pd.DataFrame(
        {
            "Reference": cases["reference"].astype(object),
            "Procedure": cases["procedure"].map(labels).fillna(cases["procedure"]).astype(object),
            "Stage": [stages.get(key, key[1]) for key in zip(cases["procedure"], cases["stage"])],
            "Received": cases["received"],
            "Acknowledged": cases["acknowledged"],
            "Statement agreed": cases["statement_agreed"],
            "Responded": cases["responded"],
            "Working days": cases["working_days"].astype(object).where(cases["working_days"].notna(), None),
            "Limit": limit.astype(object).where(limit.notna(), None),
            "Due": cases["due"],
            "In time": cases["in_time"].astype(object).where(cases["in_time"].notna(), None),
            "Overdue": cases["overdue"].astype(bool),
            "Outcome": cases["decision"].astype(object).where(cases["decision"].notna(), None),
            "Theme": cases["theme"].astype(object).where(cases["theme"].notna(), None),
            "Note": cases["note"].astype(object),
            "Source row": [f"{sheet}, row {row}" for sheet, row in zip(cases["sheet"], cases["row"])],
        },
        columns=CASE_COLUMNS,
    ).reset_index(drop=True)


# --- overdue open complaints ------------------------------------------------------------


def overdue_cases(summary: ComplaintsSummary, log: pd.DataFrame, rules: ComplaintRules) -> pd.DataFrame:
    """Open complaints in the whole log past their due date on the summary's as-of day, most overdue first,
    with 'Working days overdue' (working days after the due date up to that day).

    The summary has timed the complaints of its period and the year before; only open complaints received
    outside those (rarely any) are timed here.
    """
    as_of = summary.as_of
    summaries = [summary] + ([summary.previous] if summary.previous is not None else [])
    timed = [s.cases[s.cases["overdue"].astype(bool)] for s in summaries]
    open_ = log[log["responded"].isna()]
    outside = pd.Series(True, index=open_.index)
    for covered in summaries:
        outside &= ~open_["received"].between(pd.Timestamp(covered.period.start), pd.Timestamp(covered.period.end))
    if outside.any():
        others = open_[outside]
        others = pd.concat([others, case_timeliness(others, rules, as_of)], axis=1)
        timed.append(others[others["overdue"].astype(bool)])
    late = pd.concat(timed, ignore_index=True)
    overdue_days = overdue_working_days(late, as_of, rules)
    rows = case_rows(late, rules)
    rows["Working days overdue"] = overdue_days.astype(object)
    rows = rows[OVERDUE_COLUMNS]
    return rows.sort_values(
        ["Working days overdue", "Received"], ascending=[False, True], kind="stable", ignore_index=True
    )


def overdue_in(workspace: Workspace) -> pd.DataFrame | None:
    """`overdue_cases` of the workspace's complaints as they now are (None without a log), worked out once per
    summary: on the figures' thread for a large log (gui/background_figures.py), never copying the log here."""
    log, rules = workspace.complaints_log(), workspace.rules()
    return workspace.derived("overdue cases", lambda summary: overdue_cases(summary, log, rules))


# --- limits -------------------------------------------------------------------------------


def limits_after(
    limits: Mapping | None, base: ComplaintRules, procedure: str, stage: str, clock: str, field_name: str, value: int
) -> dict | None:
    """The project's "limits" setting with one limit changed; a limit equal to the rules file's is left
    out, so the setting holds only what the author changed (None when nothing is). Raising a limit above
    its extended limit raises the extended limit with it."""
    result = {
        p: {s: {c: dict(v) for c, v in clocks.items()} for s, clocks in stages.items()}
        for p, stages in (limits or {}).items()
    }
    base_clock = base.procedures[procedure].stages[stage].clocks[clock]
    current = result.setdefault(procedure, {}).setdefault(stage, {}).setdefault(clock, {})
    current[field_name] = value
    if field_name == "limit":
        extended = current.get("extended_limit", base_clock.extended_limit)
        if extended is not None and extended < value:
            current["extended_limit"] = value
    for name in ("limit", "extended_limit"):
        if name in current and current[name] == getattr(base_clock, name):
            del current[name]
    for p in list(result):
        for s in list(result[p]):
            result[p][s] = {c: v for c, v in result[p][s].items() if v}
            if not result[p][s]:
                del result[p][s]
        if not result[p]:
            del result[p]
    return result or None
