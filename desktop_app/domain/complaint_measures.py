"""The measures an Annual Complaints Report derives from a summary, each a function named after what it is.

The summary (domain.complaints.summarise) gives the stage, themes, escalation
and Ombudsman tables; the appendix also shows a later stage as a share of
Stage 1, a theme's share of a procedure's complaints, the Ombudsman contacts
by decision with their change on last year, complaints as a share of
front-door contacts, and how many working days an open complaint is overdue.
They are worked out here, at full precision, so every writer shows the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from desktop_app.domain.calendar import WorkingCalendar
from desktop_app.domain.complaints import OMBUDSMAN, ComplaintsSummary, unread
from desktop_app.domain.rules import ComplaintRules

STAGE_MEASURES = (
    "received",
    "finalised",
    "open",
    "overdue",
    "in_time",
    "in_time_pct",
    "upheld",
    "upheld_pct",
    "decided",
    "median_working_days",
)
_ZERO_ROW: dict[str, object] = {
    "received": 0,
    "finalised": 0,
    "open": 0,
    "overdue": 0,
    "in_time": 0,
    "in_time_pct": None,
    "upheld": 0,
    "upheld_pct": None,
    "decided": 0,
    "median_working_days": None,
}


def percent_of(part: float, whole: float) -> float | None:
    """`part` as a percentage of `whole` at full precision; None where `whole` is zero."""
    return part * 100.0 / whole if whole else None


def change_pct(now: float, before: float) -> float | None:
    """The change from `before` to `now` as a percentage of `before`; None where `before` is zero."""
    return (now - before) * 100.0 / before if before else None


def stage_row(stages: pd.DataFrame, procedure: str, code: str) -> dict[str, object]:
    """One stage's row of the stage table; zeros where the period has no complaint at that stage."""
    rows = stages[(stages["procedure"] == procedure) & (stages["stage"] == code)]
    return rows.iloc[0].to_dict() if len(rows) else dict(_ZERO_ROW)


def share_of_stage1(summary: ComplaintsSummary, procedure: str, code: str) -> float | None:
    """Complaints received at stage `code` as a percentage of those received at Stage 1."""
    first = stage_row(summary.stages, procedure, "1")
    row = stage_row(summary.stages, procedure, code)
    return percent_of(int(row["received"]), int(first["received"]))  # type: ignore[call-overload]


def theme_names(summary: ComplaintsSummary, procedures: Iterable[str] | None = None) -> list[str]:
    """The themes of the year in table order, TOTAL left out; with `procedures`, only the themes of their
    complaints (an adults' theme is no row of the children's table)."""
    themes = summary.themes
    names = [str(theme) for theme in themes.index if theme != "TOTAL"]
    if procedures is None:
        return names
    columns = [("received", code) for code in procedures if ("received", code) in themes.columns]
    received = themes[columns].sum(axis=1) if columns else pd.Series(0, index=themes.index)
    return [name for name in names if received.loc[name] > 0]


def theme_counts(summary: ComplaintsSummary | None, procedure: str) -> tuple[pd.Series, pd.Series]:
    """Received and upheld per theme (TOTAL included) for one procedure; zeros where it has none."""
    if summary is None:
        empty = pd.Series(dtype="int64")
        return empty, empty
    themes = summary.themes
    if ("received", procedure) in themes.columns:
        return themes[("received", procedure)].astype("int64"), themes[("upheld", procedure)].astype("int64")
    zeros = pd.Series(0, index=themes.index, dtype="int64")
    return zeros, zeros


def ombudsman_counts(summary: ComplaintsSummary | None, procedures: Mapping[str, str]) -> dict[str, int]:
    """Ombudsman contacts by decision, the report's procedures together, most first."""
    if summary is None:
        return {}
    decisions = summary.ombudsman_decisions
    decisions = decisions[decisions["procedure"].isin(list(procedures.values()))]
    totals = decisions.groupby("decision", sort=False)["contacts"].sum()
    ordered = sorted(totals.items(), key=lambda item: (-int(item[1]), str(item[0])))
    return {str(decision): int(contacts) for decision, contacts in ordered}


def ombudsman_decisions(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> list[str]:
    """The decisions the Ombudsman table lists: this year's first (most first), then last year's."""
    names = list(ombudsman_counts(summary, procedures))
    return names + [d for d in ombudsman_counts(summary.previous, procedures) if d not in names]


def overdue_working_days(late: pd.DataFrame, as_of: dt.date, rules: ComplaintRules) -> np.ndarray:
    """Working days from each complaint's due date to `as_of`, by its procedure's calendar.

    A procedure that uses the council's closure days counts them as non-working days here too.
    """
    if not len(late):
        return np.zeros(0, dtype=np.int64)
    years = (min(late["due"].min().year, as_of.year) - 1, as_of.year + 1)
    closure = WorkingCalendar.for_years(*years, closure_days=rules.closure_days, weekend_receipt=rules.weekend_receipt)
    plain = WorkingCalendar.for_years(*years, weekend_receipt=rules.weekend_receipt)
    uses_closure = (
        late["procedure"]
        .map({code: spec.uses_closure_days for code, spec in rules.procedures.items()})
        .fillna(False)
        .to_numpy(bool)
    )
    due = late["due"].to_numpy(dtype="datetime64[D]")
    today = np.full(len(late), np.datetime64(as_of, "D"))
    return np.where(uses_closure, closure.working_days(due, today), plain.working_days(due, today))


# --- the series the window charts ---------------------------------------------------


def in_time_by_month(summary: ComplaintsSummary, procedures: Mapping[str, str], stage: str = "1") -> pd.DataFrame:
    """Per month of the period (rows, 'Apr 22') and procedure (columns): % of the finalised complaints
    received that month at `stage` answered in time; missing where none were finalised."""
    period = summary.period
    months = pd.period_range(pd.Timestamp(period.start), pd.Timestamp(period.end), freq="M")
    cases = summary.cases
    timed = cases[cases["stage"].eq(stage) & cases["in_time"].notna()]
    month = timed["received"].dt.to_period("M")
    table = pd.DataFrame(index=months)
    for procedure in procedures.values():
        mine = timed["procedure"].eq(procedure)
        in_time = timed.loc[mine, "in_time"].astype(bool).groupby(month[mine]).agg(["sum", "count"])
        in_time = in_time.reindex(months)
        table[procedure] = (in_time["sum"] * 100.0 / in_time["count"]).astype("float64")
    table.index = [m.strftime("%b %y") for m in months]
    return table


def working_days_by_stage(
    summary: ComplaintsSummary, rules: ComplaintRules, procedures: Mapping[str, str]
) -> pd.DataFrame:
    """Per stage with a response clock: median and 90th percentile of working days taken, and the limit."""
    rows = []
    stages = summary.stages.set_index(["procedure", "stage"])
    for role, procedure in procedures.items():
        for code, stage in rules.procedures[procedure].stages.items():
            if stage.response is None:
                continue
            found = stages.loc[(procedure, code)] if (procedure, code) in stages.index else None
            rows.append(
                {
                    "label": f"{role.replace('_', ' ').capitalize()} {stage.label}",
                    "procedure": procedure,
                    "stage": code,
                    "median": np.nan if found is None else float(found["median_working_days"]),
                    "p90": np.nan if found is None else float(found["p90_working_days"]),
                    "limit": stage.response.limit,
                    "finalised": 0 if found is None else int(found["finalised"]),
                }
            )
    return pd.DataFrame(rows, columns=["label", "procedure", "stage", "median", "p90", "limit", "finalised"])


#: The log's columns whose cell, where it cannot be read, leaves its complaint out of some figures.
UNREAD_COLUMNS = ("responded", "acknowledged", "statement_agreed", "extension", "response_agreed")


def left_out_for_unread_cells(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, int]:
    """Complaints of the report's procedures counted as received but left out of the figures that need a
    cell that could not be read, by the column ('responded': finalised, open and timeliness; the others:
    timeliness). Only columns with any are given."""
    cases = summary.cases
    ours = cases["procedure"].isin(list(procedures.values())).to_numpy()
    counts = {column: int((ours & unread(cases, column)).sum()) for column in UNREAD_COLUMNS}
    return {column: count for column, count in counts.items() if count}


def left_out_of_upheld(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, int]:
    """Finalised complaints of the report's procedures (Ombudsman contacts apart) whose outcome gives no
    finding and no reason for none: by the outcome word as written, '' where none is recorded. They are left
    out of the upheld figure, and the appendix says so under the table."""
    cases = summary.cases
    unread = (
        cases["procedure"].isin(list(procedures.values()))
        & cases["stage"].ne(OMBUDSMAN)
        & cases["responded"].notna()
        & cases["outcome_class"].isna()
    )
    words = cases.loc[unread, "decision"].fillna("").astype(str).str.strip()
    return {str(word): int(count) for word, count in words.value_counts(sort=True).items()}
