"""What the Complaints tab shows, worked out without Qt: the appendix's tables as text, the cases behind a
figure, the overdue open complaints, and the series of its charts.

The tables' words and figures come from `Workspace.figures()` and the report text file, the same ones the
PDF prints, so the tab cannot say 28% where the appendix says 29%. Each figure cell carries a `Cell` that
says which cases it counts; `cases_behind` lists them. Tests call these functions without a window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop_app.domain.calendar import WorkingCalendar
from desktop_app.domain.complaint_measures import theme_names
from desktop_app.domain.complaints import NOT_RECORDED, OMBUDSMAN, ComplaintsSummary, case_timeliness
from desktop_app.domain.periods import Period
from desktop_app.domain.rules import ComplaintRules
from desktop_app.report.complaints_figures import keys_of, ombudsman_decision_keys, stage_key
from desktop_app.report.text import ReportText, fill

NO_DECISION = "No decision yet"  # as domain.complaints.ombudsman_table words a contact without one


# --- the appendix's tables ------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """The cases a figure counts: received at `stage` of `procedure` (None: the report's procedures), this
    year or last, narrowed by `measure` ('received', 'in_time', 'upheld', 'theme_received', 'theme_upheld',
    'ombudsman'), `theme` and `decision` (None: every theme or decision)."""

    label: str
    procedure: str | None
    stage: str | None
    measure: str
    theme: str | None = None
    decision: str | None = None
    last_year: bool = False


@dataclass
class ShownTable:
    """One table as the appendix prints it: its header rows are rows of `rows`, as in the PDF."""

    name: str
    rows: list[list[str]]
    header_rows: int = 1
    total_rows: tuple[int, ...] = ()
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # row, column, rows, columns
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    footnotes: list[str] = field(default_factory=list)


def appendix_tables(
    summary: ComplaintsSummary, rules: ComplaintRules, text: ReportText, figures: Mapping[str, str]
) -> list[ShownTable]:
    """The Stage table of each of the report's procedures, the themes table and the Ombudsman table."""
    words = _Words(text, figures)
    tables = [
        _stage_table(role, procedure, summary, rules, text, figures, words)
        for role, procedure in text.procedures.items()
    ]
    tables[-1].footnotes.append(words("finalised_footnote"))
    tables += [_themes_table(summary, text, figures, words), _ombudsman_table(summary, text, figures, words)]
    if figures.get("suppress_below"):
        for table in tables:
            table.footnotes.append(words("suppression_footnote"))
    return tables


class _Words:
    def __init__(self, text: ReportText, figures: Mapping[str, str]):
        self.text, self.figures = text, figures

    def __call__(self, key: str) -> str:
        return fill(self.text.words(key), self.figures, f"{self.text.source}: [tables] {key}")

    def heading(self, key: str, role: str) -> str:
        return self(key) if key in self.text.tables else self.figures[f"{role}_label"]


def _stage_table(
    role: str,
    procedure: str,
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    text: ReportText,
    figures: Mapping[str, str],
    words: _Words,
) -> ShownTable:
    heading = words.heading(f"{role}_stages_heading", role)
    header = [heading, words("stages_total"), words("stages_in_time"), words("stages_upheld")]
    last_year = summary.previous is not None
    if last_year:
        header += [words("stages_last_year"), words("stages_change")]
    table = ShownTable(heading, [header])
    for code in rules.procedures[procedure].stages:
        name = f"{role}_{stage_key(code)}"
        label = figures[f"{name}_label"]
        row = len(table.rows)
        values = [figures[f"{name}_received"], figures[f"{name}_in_time_pct"], figures[f"{name}_upheld_pct"]]
        where = f"{heading}, {label}"
        table.cells[(row, 1)] = Cell(f"{where} – {header[1]}", procedure, code, "received")
        if rules.stage(procedure, code).response is not None:
            table.cells[(row, 2)] = Cell(f"{where} – {header[2].rstrip('*')}", procedure, code, "in_time")
        table.cells[(row, 3)] = Cell(f"{where} – {header[3]}", procedure, code, "upheld")
        if last_year:
            values += [figures[f"{name}_received_last_year"], figures[f"{name}_change_arrow"]]
            table.cells[(row, 4)] = Cell(f"{where} – {header[4]}", procedure, code, "received", last_year=True)
        table.rows.append([label, *values])
    return table


def _themes_table(
    summary: ComplaintsSummary, text: ReportText, figures: Mapping[str, str], words: _Words
) -> ShownTable:
    roles = list(text.procedures)
    top, second = [words("themes_theme")], [""]
    table = ShownTable(words("themes_theme"), [top, second], header_rows=2, spans=[(0, 0, 2, 1)])
    received, upheld = words("themes_received"), words("themes_upheld")
    headings = {}
    for number, role in enumerate(roles):
        headings[role] = words.heading(f"themes_{role}", role)
        top += [headings[role], ""]
        second += [received, upheld]
        table.spans.append((0, 1 + 2 * number, 1, 2))
    for theme, key in keys_of(theme_names(summary)).items():
        row = len(table.rows)
        values = []
        for number, role in enumerate(roles):
            values += [figures[f"theme_{key}_{role}_received"], figures[f"theme_{key}_{role}_upheld"]]
            _theme_cells(table, row, number, role, text.procedures[role], theme, headings[role], received, upheld)
        table.rows.append([theme, *values])
    row = len(table.rows)
    totals = []
    for number, role in enumerate(roles):
        totals += [figures[f"{role}_themes_received"], figures[f"{role}_themes_upheld"]]
        _theme_cells(table, row, number, role, text.procedures[role], None, headings[role], received, upheld)
    table.rows.append([words("themes_total"), *totals])
    table.total_rows = (row,)
    return table


def _theme_cells(
    table: ShownTable,
    row: int,
    number: int,
    role: str,
    procedure: str,
    theme: str | None,
    heading: str,
    received: str,
    upheld: str,
) -> None:
    named = theme if theme is not None else "All themes"
    table.cells[(row, 1 + 2 * number)] = Cell(
        f"{heading}, {named} – {received}", procedure, "1", "theme_received", theme
    )
    table.cells[(row, 2 + 2 * number)] = Cell(f"{heading}, {named} – {upheld}", procedure, "1", "theme_upheld", theme)


def _ombudsman_table(
    summary: ComplaintsSummary, text: ReportText, figures: Mapping[str, str], words: _Words
) -> ShownTable:
    keys = ombudsman_decision_keys(summary, text.procedures)
    title = words("ombudsman_decision")
    if not keys:
        return ShownTable(title, [[words("ombudsman_none")]], header_rows=0)
    last_year = summary.previous is not None
    header = [title, words("ombudsman_this_year")] + ([words("ombudsman_last_year")] if last_year else [])
    table = ShownTable(title, [header])
    for decision, key in [*keys.items(), (None, None)]:
        row = len(table.rows)
        if decision is None:
            values = [figures["ombudsman_contacts"]] + ([figures["ombudsman_contacts_last_year"]] if last_year else [])
            label = words("ombudsman_total")
            table.total_rows = (row,)
        else:
            values = [figures[f"ombudsman_decision_{key}_contacts"]]
            if last_year:
                values.append(figures[f"ombudsman_decision_{key}_contacts_last_year"])
            label = decision
        for column in range(1, len(values) + 1):
            table.cells[(row, column)] = Cell(
                f"Ombudsman contacts, {label} – {header[column]}",
                None,
                OMBUDSMAN,
                "ombudsman",
                decision=decision,
                last_year=column == 2,
            )
        table.rows.append([label, *values])
    return table


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
    summary: ComplaintsSummary, rules: ComplaintRules, procedures: Mapping[str, str], cell: Cell
) -> pd.DataFrame:
    """The cases a figure counts, one row each, as `case_rows` shows them."""
    source = summary.previous if cell.last_year else summary
    if source is None:
        return case_rows(summary.cases.iloc[0:0], rules)
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
    overdue_days = np.zeros(len(late), dtype=np.int64)
    if len(late):
        years = (min(late["due"].min().year, as_of.year) - 1, as_of.year + 1)
        closure = WorkingCalendar.for_years(
            *years, closure_days=rules.closure_days, weekend_receipt=rules.weekend_receipt
        )
        plain = WorkingCalendar.for_years(*years, weekend_receipt=rules.weekend_receipt)
        uses_closure = (
            late["procedure"]
            .map({code: spec.uses_closure_days for code, spec in rules.procedures.items()})
            .fillna(False)
            .to_numpy(bool)
        )
        due = late["due"].to_numpy(dtype="datetime64[D]")
        today = np.full(len(late), np.datetime64(as_of, "D"))
        overdue_days = np.where(uses_closure, closure.working_days(due, today), plain.working_days(due, today))
    rows = case_rows(late, rules)
    rows["Working days overdue"] = overdue_days.astype(object)
    rows = rows[OVERDUE_COLUMNS]
    return rows.sort_values(
        ["Working days overdue", "Received"], ascending=[False, True], kind="stable", ignore_index=True
    )


# --- chart series -----------------------------------------------------------------------


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


# --- periods and limits -------------------------------------------------------------------


def financial_years(log: pd.DataFrame, year_start: tuple[int, int]) -> list[Period]:
    """The reporting years the log has complaints received in, latest first."""
    received = log["received"].dropna()
    if received.empty:
        return []
    first = Period.year_containing(received.min().date(), year_start)
    last = Period.year_containing(received.max().date(), year_start)
    years = [last]
    while years[-1].start > first.start:
        years.append(years[-1].previous_year())
    return years


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
