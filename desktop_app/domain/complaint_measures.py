"""The measures an Annual Complaints Report derives from a summary, each a function named after what it is.

The summary (domain.complaints.summarise) gives the stage, themes, escalation
and Ombudsman tables; the appendix also shows a later stage as a share of
Stage 1, a theme's share of a procedure's complaints, the Ombudsman contacts
by decision with their change on last year, the Ombudsman's decisions of the
year case by case (its register) and by decision, who complained, the advocacy
provided, the representations that were not complaints, complaints as a share
of front-door contacts, and how many working days an open complaint is overdue.
They are worked out here, at full precision, so every writer shows the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from desktop_app.domain.calendar import WorkingCalendar
from desktop_app.domain.complaints import OMBUDSMAN, STAGE_COLUMNS, ComplaintsSummary, unread
from desktop_app.domain.rules import ComplaintRules
from desktop_app.domain.vocabulary import normalise

#: A stage's measures an appendix names: its counts and percentages up to the decided count, and the median.
STAGE_MEASURES = (*STAGE_COLUMNS[2 : STAGE_COLUMNS.index("excluded_from_upheld")], "median_working_days")
_ZERO_ROW: dict[str, object] = {
    measure: None if measure.endswith("_pct") or measure == "median_working_days" else 0 for measure in STAGE_MEASURES
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


# --- who complained, advocacy, representations ------------------------------------------

#: Who complained, as the children's report counts them (the vocabulary's [values.complainant]).
COMPLAINANT_GROUPS = ("child", "parent", "carer", "advocate", "other")


def stage1_complaints(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> pd.DataFrame:
    """The Stage 1 complaints of the report's procedures received in the summary's period."""
    cases = summary.cases
    return cases[cases["procedure"].isin(list(procedures.values())).to_numpy() & cases["stage"].eq("1").to_numpy()]


def complainant_counts(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, int] | None:
    """Stage 1 complaints of the report's procedures by who complained (COMPLAINANT_GROUPS), those whose
    complainant is blank (`not_recorded`) and all of them (`total`); None where the log records no
    complainant at all."""
    cases = stage1_complaints(summary, procedures)
    if not cases["complainant"].notna().any():
        return None
    kinds = cases["complainant_type"].where(cases["complainant"].notna(), "not_recorded")
    counts = kinds.value_counts()
    found = {group: int(counts.get(group, 0)) for group in (*COMPLAINANT_GROUPS, "not_recorded")}
    return {**found, "total": len(cases)}


def advocacy_counts(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, int] | None:
    """Stage 1 complaints of the report's procedures where an advocate supported the complainant
    (`provided`), of those the log says either way about (`of`); None where the log keeps no advocacy
    column."""
    cases = stage1_complaints(summary, procedures)
    known = cases["advocacy"].notna()
    if not known.any():
        return None
    return {"provided": int(cases["advocacy"].eq("yes").sum()), "of": int(known.sum())}


def representation_count(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> int | None:
    """Representations that are not complaints, of the report's procedures, received in the period; None
    where the log does not say which rows are representations (it keeps no record type column)."""
    ours = list(procedures.values())
    representations = summary.representations
    representations = representations[representations["procedure"].isin(ours)]
    if not len(representations) and not summary.cases["record_type"].notna().any():
        return None
    return len(representations["reference"].drop_duplicates())


# --- the Ombudsman's decisions ----------------------------------------------------------------

REGISTER_COLUMNS = [
    "reference",
    "ombudsman_reference",
    "procedure",
    "service",
    "received",
    "decided",
    "decision",
    "category",
    "remedy",
]
#: The category of a decided case whose decision the log leaves blank.
NO_DECISION = "not_recorded"


def ombudsman_category(cases: pd.DataFrame) -> pd.Series:
    """Each Ombudsman case's decision category: the vocabulary's outcome code of its decision, the decision
    normalised where the vocabulary does not know it, NO_DECISION where the log leaves it blank."""
    decision = cases["decision"].fillna("").astype(str).str.strip()
    written = decision.map(normalise).where(decision != "", NO_DECISION)
    return cases["outcome"].where(cases["outcome"].notna(), written).astype(object)


def ombudsman_register(summary: ComplaintsSummary | None, procedures: Mapping[str, str]) -> pd.DataFrame:
    """The cases the Ombudsman decided in the summary's period about the report's procedures, in the order
    decided: the council's and the Ombudsman's references, the service, when received and decided, the
    decision as the log writes it and its category (the vocabulary's outcome code; the decision
    normalised where the vocabulary does not know it), and the remedy or recommendation."""
    if summary is None:
        return pd.DataFrame(columns=REGISTER_COLUMNS)
    cases = summary.ombudsman_decided
    cases = cases[cases["procedure"].isin(list(procedures.values())).to_numpy()]
    decision = cases["decision"].fillna("").astype(str).str.strip()
    register = cases.assign(
        decided=cases["responded"],
        decision=decision.where(decision != "", None),
        category=ombudsman_category(cases),
    )
    return register.sort_values(["decided", "reference"], kind="stable", ignore_index=True)[REGISTER_COLUMNS]


def ombudsman_investigated(summary: ComplaintsSummary | None, procedures: Mapping[str, str]) -> int | None:
    """The Ombudsman's cases decided in the summary's period (about the report's procedures) that it
    investigated: those whose decision is a finding, upheld or not (closed after initial enquiries, premature
    or out of jurisdiction is no finding); None without a summary."""
    if summary is None:
        return None
    cases = summary.ombudsman_decided
    ours = cases["procedure"].isin(list(procedures.values()))
    return int((ours & cases["outcome_class"].isin(["upheld", "not_upheld"])).sum())


def ombudsman_decided_counts(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> pd.DataFrame:
    """Per decision category: its name as the log most often writes it (the first written of equals),
    the cases decided this year and last; this year's categories first, most first."""
    now = ombudsman_register(summary, procedures)
    before = ombudsman_register(summary.previous, procedures)
    both = pd.concat([now, before], ignore_index=True)
    if not len(both):
        return pd.DataFrame(columns=["category", "decision", "cases", "cases_last_year"])
    written = both.assign(decision=both["decision"].fillna(""))
    named = (
        written.groupby(["category", "decision"], sort=False)
        .size()
        .rename("times")
        .reset_index()
        .sort_values("times", ascending=False, kind="stable")
        .drop_duplicates("category")
        .set_index("category")["decision"]
    )
    table = pd.DataFrame(
        {
            "cases": now["category"].value_counts(),
            "cases_last_year": before["category"].value_counts(),
        }
    )
    table = table.fillna(0).astype("int64").rename_axis("category").reset_index()
    table["decision"] = table["category"].map(named)
    this_year_first = table.sort_values(["cases", "cases_last_year", "decision"], ascending=[False, False, True])
    return this_year_first.reset_index(drop=True)[["category", "decision", "cases", "cases_last_year"]]
