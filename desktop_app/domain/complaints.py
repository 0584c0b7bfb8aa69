"""Complaint stage timeliness and the tables of an Annual Complaints Report.

A complaints log is a DataFrame with one row per complaint per stage (the
columns are LOG_COLUMNS; the Excel reader makes one). Every figure is computed
over the whole log at once with numpy and pandas, never a Python loop per case,
and kept at full precision: rounding is for whoever presents it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop_app.domain.calendar import DAY, WorkingCalendar
from desktop_app.domain.periods import Period
from desktop_app.domain.rules import ACKNOWLEDGEMENT, RESPONSE, Clock, ComplaintRules
from desktop_app.domain.vocabulary import normalise

#: Columns of a complaints log and what each holds.
LOG_COLUMNS = {
    "reference": "complaint reference (the same at every stage)",
    "procedure": "procedure code, a key of the rules file",
    "stage": "stage code: '1', '2', '3' or 'ombudsman'",
    "received": "date received (never missing)",
    "acknowledged": "date acknowledged, or NaT",
    "statement_agreed": "date the written statement of complaint was agreed, or NaT",
    "responded": "date of the response (a Stage 3 panel: the day it was held), or NaT while open",
    "response_agreed": "the date agreed with the complainant for the response (adult social care), or NaT",
    "extension": "True where an extension was agreed",
    "outcome": "outcome code from the vocabulary, or NA",
    "decision": "the outcome as written in the log",
    "theme": "category as written, or NA",
    "complainant": "who complained, as written, or NA",
    "complainant_group": "a group the report counts ('cared_for'), or NA",
    "complainant_type": "who complained: 'child', 'parent', 'carer', 'advocate' or 'other', NA where not recorded",
    "advocacy": "'yes' where an advocate supported the complainant, 'no', NA where the log keeps no such column",
    "record_type": "'complaint', 'representation' (not a complaint), 'compliment', 'member_enquiry' or "
    "'mp_enquiry' (a councillor's or an MP's enquiry), NA where the log keeps no such column",
    "ombudsman_reference": "the Ombudsman's reference for its case, as written, or NA",
    "service": "the service the complaint was about, as written, or NA",
    "remedy": "the remedy or recommendation, as written, or NA",
    "joint_nhs": "'yes' for a joint complaint with the NHS, 'no' where the log says not, NA where it keeps no such column",
    "compensation": "the money paid to the complainant, 0.0 where the log keeps the column and the cell is blank, "
    "NaN where it keeps no such column (or the cell cannot be read)",
    "remedy_type": "the kind of remedy given (a vocabulary code), '' where none, NA where the log keeps no such column",
    "age_band": "the complainant's age band (a vocabulary code), 'not_recorded' where blank or not known, NA where "
    "the log keeps no such column",
    "sex": "the complainant's sex, as age_band",
    "ethnicity": "the complainant's ethnic group, as age_band",
    "disability": "'yes', 'no' or 'not_recorded' for the complainant's disability, NA where the log keeps no such column",
    "ward": "the ward of an enquiry's address as written, NA where blank or not known",
    "refusal_reason": "why the council refused to accept the complaint (a vocabulary code), '' where it accepted "
    "it, NA where the log keeps no such column: a refused complaint is in no complaint figure",
    "sheet": "where the row came from",
    "row": "its row number as Excel shows it",
    "unread": "the columns whose cell could not be read ('responded, extension'), '' where all were: "
    "the complaint is left out of the figures that need them",
}
DATE_COLUMNS = ("received", "acknowledged", "statement_agreed", "responded", "response_agreed")
OMBUDSMAN = "ombudsman"
CARED_FOR = "cared_for"
REPRESENTATION = "representation"
COMPLIMENT = "compliment"
#: The record types of councillors' and MPs' enquiries (counted by ward, in no complaint figure).
ENQUIRIES = ("member_enquiry", "mp_enquiry")
NOT_RECORDED = "Not recorded"


LOG_DTYPES = {
    name: "datetime64[s]"
    if name in DATE_COLUMNS
    else "bool"
    if name == "extension"
    else "float64"
    if name == "compensation"
    else "int64"
    if name == "row"
    else "object"
    for name in LOG_COLUMNS
}


def conform_log(frame: pd.DataFrame) -> pd.DataFrame:
    """The log's columns, in order and with their types (a missing optional column is empty)."""
    frame = frame.reindex(columns=list(LOG_COLUMNS))
    frame["extension"] = frame["extension"].fillna(False)
    frame["unread"] = frame["unread"].astype("object").fillna("")
    return frame.astype(LOG_DTYPES)


def unread(log: pd.DataFrame, column: str) -> np.ndarray:
    """True for the complaints whose `column` cell could not be read (a log kept before the column
    existed has none)."""
    return unread_cells(log, (column,))[column]


def unread_cells(log: pd.DataFrame, columns: tuple[str, ...]) -> dict[str, np.ndarray]:
    """`unread` for each of `columns`, reading the marks once."""
    if "unread" not in log:
        return {column: np.zeros(len(log), dtype=bool) for column in columns}
    # looked for once per distinct mark (a log has a handful), not once per row
    marks, distinct = pd.factorize(log["unread"].to_numpy(dtype=object))
    found = {}
    for column in columns:
        pattern = re.compile(rf"(?:^|, ){re.escape(column)}(?:,|$)")
        in_mark = np.array([pattern.search(str(mark)) is not None for mark in distinct] + [False], dtype=bool)
        found[column] = in_mark[marks]  # a missing mark (code -1) is the False on the end
    return found


#: What makes one complaint at one stage: the same three in two rows are one complaint counted twice.
COMPLAINT_KEY = ["reference", "procedure", "stage"]


def counted_once(log: pd.DataFrame) -> pd.DataFrame:
    """The log with each complaint at each stage once: the first row of it (two imported logs that share
    complaints are counted as one log)."""
    return log[~log.duplicated(COMPLAINT_KEY, keep="first").to_numpy()].reset_index(drop=True)


def shared_complaints(first: pd.DataFrame, second: pd.DataFrame) -> int:
    """How many of `second`'s complaints at their stages `first` also holds."""
    keys = first[COMPLAINT_KEY].drop_duplicates()
    return len(second[COMPLAINT_KEY].drop_duplicates().merge(keys, on=COMPLAINT_KEY))


def empty_log() -> pd.DataFrame:
    """A log with the right columns and types and no rows."""
    return conform_log(pd.DataFrame())


# --- per case ------------------------------------------------------------


def case_timeliness(log: pd.DataFrame, rules: ComplaintRules, as_of: dt.date) -> pd.DataFrame:
    """Per case: the applied limit, due date, working days taken, in time, overdue, and whether the due
    date is the one agreed with the complainant (`agreed_due`).

    Computed per procedure and stage (a handful of groups), vectorised within
    each. A case whose clock falls back to a later start date than the rules
    prefer (no acknowledgement date, say) carries a note saying so. The result
    has the log's index.
    """
    # numpy arrays over the whole log, written into by position per group (no per-group frames to stack)
    inputs = {name: log[name].to_numpy(dtype="datetime64[s]") for name in DATE_COLUMNS}
    inputs["extension"] = log["extension"].to_numpy(dtype=bool)
    cannot_read = unread_cells(log, (*DATE_COLUMNS, "extension"))
    inputs.update({f"unread_{name}": flags for name, flags in cannot_read.items()})
    results = {name: _untimed(len(log)) for name in (RESPONSE, ACKNOWLEDGEMENT)}
    notes = np.full(len(log), "", dtype=object)
    if len(log):
        plain, with_closures = _calendars(inputs, rules, as_of)
    for (procedure, stage), rows in log.groupby(["procedure", "stage"], sort=False).indices.items():
        stage_rules = rules.stage(procedure, stage)
        if stage_rules is None:
            notes[rows] = f"no rules for procedure '{procedure}' stage '{stage}': not timed"
            continue
        calendar = with_closures if rules.procedures[procedure].uses_closure_days else plain
        cases = {name: values[rows] for name, values in inputs.items()}
        for name, clock in stage_rules.clocks.items():
            timed = _time_clock(cases, clock, calendar)
            note, current = timed.pop("note"), notes[rows]
            notes[rows] = np.where((current == "") | (note == ""), current + note, current + "; " + note)
            if name in results:
                for column, values in timed.items():
                    results[name][column][rows] = values

    response, acknowledgement = results[RESPONSE], results[ACKNOWLEDGEMENT]
    due = response["due"].astype("datetime64[s]")
    open_ = np.isnat(inputs["responded"]) & ~cannot_read["responded"]
    return pd.DataFrame(
        {
            "limit": pd.arrays.IntegerArray(response["limit"], response["untimed"]),
            "due": due,
            "working_days": pd.arrays.IntegerArray(response["working_days"], ~response["ended"]),
            "in_time": pd.arrays.BooleanArray(response["in_time"], response["no_in_time"]),
            "acknowledgement_working_days": pd.arrays.IntegerArray(
                acknowledgement["working_days"], ~acknowledgement["ended"]
            ),
            "acknowledgement_in_time": pd.arrays.BooleanArray(
                acknowledgement["in_time"], acknowledgement["no_in_time"]
            ),
            "in_time_within_extension": pd.arrays.BooleanArray(response["within_extension"], response["no_in_time"]),
            "overdue": open_ & ~np.isnat(due) & (due < np.datetime64(as_of, "s")),
            "agreed_due": response["agreed"],
            "note": pd.Series(notes, index=log.index, dtype="object"),  # not inferred as str
        },
        index=log.index,
    )


def _untimed(rows: int) -> dict[str, np.ndarray]:
    """One clock's results for cases no clock has timed yet."""
    return {
        "limit": np.zeros(rows, dtype=np.int64),
        "untimed": np.ones(rows, dtype=bool),
        "due": np.full(rows, np.datetime64("NaT"), dtype=DAY),
        "working_days": np.zeros(rows, dtype=np.int64),
        "ended": np.zeros(rows, dtype=bool),
        "in_time": np.zeros(rows, dtype=bool),
        "within_extension": np.zeros(rows, dtype=bool),
        "no_in_time": np.ones(rows, dtype=bool),
        "agreed": np.zeros(rows, dtype=bool),
    }


def _calendars(
    dates: dict[str, np.ndarray], rules: ComplaintRules, as_of: dt.date
) -> tuple[WorkingCalendar, WorkingCalendar]:
    """Calendars covering every date in the log, and the longest limit after it."""
    known = np.concatenate([dates[name][~np.isnat(dates[name])] for name in DATE_COLUMNS])
    years = known.astype("datetime64[Y]").astype(np.int64) + 1970
    first = min(int(years.min()), as_of.year) - 1
    last = max(int(years.max()), as_of.year) + 2  # room for due dates past year end
    plain = WorkingCalendar.for_years(first, last, weekend_receipt=rules.weekend_receipt)
    with_closures = WorkingCalendar.for_years(
        first, last, closure_days=rules.closure_days, weekend_receipt=rules.weekend_receipt
    )
    return plain, with_closures


def _time_clock(cases: dict[str, np.ndarray], clock: Clock, calendar: WorkingCalendar) -> dict[str, np.ndarray]:
    """One clock over the cases of one stage (numpy arrays throughout: a stage is thousands of cases)."""
    rows = len(cases["received"])
    start = np.full(rows, np.datetime64("NaT"), dtype="datetime64[s]")
    note = np.full(rows, "", dtype=object)
    for position, name in enumerate(clock.start):
        values = cases[name]
        fill = np.isnat(start) & ~np.isnat(values)
        if position > 0 and fill.any():
            missing = clock.start[0].replace("_", " ")
            note[fill] = f"no {missing} date: clock started at {name.replace('_', ' ')}"
        start = np.where(fill, values, start)
    limit = np.full(rows, clock.limit, dtype=np.int64)
    limit_unknown = np.zeros(rows, dtype=bool)
    if clock.extended_limit is not None:
        limit = np.where(cases["extension"], clock.extended_limit, limit)
        limit_unknown = cases["unread_extension"]
        note[limit_unknown] = "no in-time figure: the extension cell cannot be read"
    # a date the clock needs could not be read: not timed (never a guess from another date)
    needed = [*clock.start, clock.end, *([clock.agreed] if clock.agreed else [])]
    for name in reversed(needed):
        cannot = cases[f"unread_{name}"]
        note[cannot] = f"not timed: the {name.replace('_', ' ')} cell cannot be read"
        start[cannot] = np.datetime64("NaT")

    started = ~np.isnat(start)
    ended = started & ~np.isnat(cases[clock.end])
    start_days = start.astype(DAY)
    due = np.full(rows, np.datetime64("NaT"), dtype=DAY)
    due[started] = calendar.due_dates(start_days[started], limit[started])
    taken = np.zeros(rows, dtype=np.int64)
    end_days = cases[clock.end].astype(DAY)
    if ended.any():
        taken[ended] = calendar.working_days(start_days[ended], end_days[ended])
    in_time = taken <= limit
    # answered after the ordinary limit, within the extension agreed (the guidance counts these apart)
    within_extension = in_time & (taken > clock.limit)
    agreed = np.zeros(rows, dtype=bool)
    if clock.agreed is not None:
        # the date agreed with the complainant is the due date; the limit is then the working days to it
        agreed_days = cases[clock.agreed].astype(DAY)
        agreed = started & ~np.isnat(agreed_days)
        due[agreed] = agreed_days[agreed]
        limit[agreed] = calendar.working_days(start_days[agreed], agreed_days[agreed])
        in_time = np.where(agreed, end_days <= agreed_days, in_time)
        within_extension &= ~agreed
        limit_unknown &= ~agreed
    due[limit_unknown] = np.datetime64("NaT")  # so never overdue either
    return {
        "limit": limit,
        "untimed": np.zeros(rows, dtype=bool),
        "due": due,
        "working_days": taken,
        "ended": ended,
        "in_time": in_time,
        "within_extension": within_extension,
        "no_in_time": ~ended | limit_unknown,
        "agreed": agreed,
        "note": note,
    }


# --- tables for a period -------------------------------------------------


@dataclass(frozen=True)
class ComplaintsSummary:
    """Everything the Annual Complaints Report shows for one period.

    `stages` has a row per procedure and stage; `themes` a row per theme (and a
    TOTAL) with received and upheld columns per procedure; `cases` the log's
    rows in the period with their timeliness (representations that are not
    complaints apart: they are `representations`); `ombudsman_decided` the
    Ombudsman's cases it decided in the period (received in it or before);
    `previous` the same for the year before, where the log reaches back to it; `refused` the complaints
    received in the period that the council refused to accept (in no other table); `compliments` the
    compliments received in the period (the log's rows of record type compliment, in no complaint figure);
    `enquiries` the councillors' and MPs' enquiries received in the period (in no complaint figure).
    """

    period: Period
    as_of: dt.date
    stages: pd.DataFrame
    themes: pd.DataFrame
    escalation: pd.DataFrame
    ombudsman_decisions: pd.DataFrame
    cases: pd.DataFrame
    ombudsman_decided: pd.DataFrame = field(default_factory=empty_log)
    representations: pd.DataFrame = field(default_factory=empty_log)
    refused: pd.DataFrame = field(default_factory=empty_log)
    compliments: pd.DataFrame = field(default_factory=empty_log)
    enquiries: pd.DataFrame = field(default_factory=empty_log)
    previous: ComplaintsSummary | None = None

    def year_on_year(self) -> pd.DataFrame:
        """Received per procedure and stage, this year and last, with the change in %."""
        if self.previous is None:
            return pd.DataFrame(columns=["procedure", "stage", "received", "previous", "change_pct"])
        keys = ["procedure", "stage"]
        merged = self.stages[keys + ["received"]].merge(
            self.previous.stages[keys + ["received"]].rename(columns={"received": "previous"}),
            on=keys,
            how="outer",
            sort=False,
        )
        merged[["received", "previous"]] = merged[["received", "previous"]].fillna(0).astype("int64")
        merged["change_pct"] = _percent(merged["received"] - merged["previous"], merged["previous"])
        return merged


STAGE_COLUMNS = [
    "procedure",
    "stage",
    "received",
    "finalised",
    "open",
    "overdue",
    "in_time",
    "in_time_pct",
    "timed",
    "extended",
    "in_time_within_limit",
    "in_time_within_limit_pct",
    "in_time_within_extension",
    "in_time_within_extension_pct",
    "upheld",
    "upheld_pct",
    "decided",
    "excluded_from_upheld",
    "median_working_days",
    "p90_working_days",
    "acknowledged",
    "acknowledged_in_time",
    "acknowledged_in_time_pct",
]


def with_outcome_codes(log: pd.DataFrame, spellings: dict[str, str]) -> pd.DataFrame:
    """The log with its outcome codes worked out again from the words as written (`decision`), by
    `spellings` (a normalised spelling -> its code): a word the author teaches counts at once."""
    words, distinct = pd.factorize(log["decision"].fillna("").astype(str))
    codes = np.array([spellings.get(normalise(word)) for word in distinct] + [None], dtype=object)
    return log.assign(outcome=codes[words])


def summarise(
    log: pd.DataFrame,
    rules: ComplaintRules,
    outcome_classes: dict[str, str],
    period: Period,
    as_of: dt.date,
) -> ComplaintsSummary:
    """The figures of an Annual Complaints Report for complaints received in `period`,
    and for the year before where the log has complaints received in it."""
    wanted = _received_in(log, period) | _received_in(log, period.previous_year())
    wanted |= _decided_in(log, period) | _decided_in(log, period.previous_year())
    log = log[wanted.to_numpy()]  # timed only where counted: a five-year log is timed one year in five
    timed = pd.concat([log, case_timeliness(log, rules, as_of)], axis=1)
    timed["outcome_class"] = timed["outcome"].map(outcome_classes).astype("object")
    previous = _summary_of(timed, rules, period.previous_year(), as_of)
    return _summary_of(timed, rules, period, as_of, previous if len(previous.cases) else None)


def _summary_of(
    timed: pd.DataFrame,
    rules: ComplaintRules,
    period: Period,
    as_of: dt.date,
    previous: ComplaintsSummary | None = None,
) -> ComplaintsSummary:
    representation = timed["record_type"].eq(REPRESENTATION).to_numpy()
    compliment = timed["record_type"].eq(COMPLIMENT).to_numpy()
    enquiry = timed["record_type"].isin(ENQUIRIES).to_numpy()
    refused = refused_rows(timed) & ~compliment & ~enquiry
    received = _received_in(timed, period).to_numpy()
    cases = timed[received & ~representation & ~refused & ~compliment & ~enquiry]
    return ComplaintsSummary(
        period=period,
        as_of=as_of,
        stages=stage_table(cases, rules),
        themes=themes_table(cases, rules),
        escalation=escalation_table(cases, rules),
        ombudsman_decisions=ombudsman_table(cases),
        cases=cases.reset_index(drop=True),
        ombudsman_decided=timed[_decided_in(timed, period).to_numpy() & ~representation & ~enquiry].reset_index(
            drop=True
        ),
        representations=timed[received & representation].reset_index(drop=True),
        refused=timed[received & refused & ~representation].reset_index(drop=True),
        compliments=timed[received & compliment].reset_index(drop=True),
        enquiries=timed[received & enquiry].reset_index(drop=True),
        previous=previous,
    )


def refused_rows(log: pd.DataFrame) -> np.ndarray:
    """True for the complaints the council refused to accept (the log gives a reason)."""
    reason = log["refusal_reason"]
    refused: np.ndarray = (reason.notna() & reason.ne("")).to_numpy(dtype=bool)
    return refused


def _received_in(timed: pd.DataFrame, period: Period) -> pd.Series:
    """True for the rows received in `period`."""
    return _dated_in(timed["received"], period)


def _decided_in(timed: pd.DataFrame, period: Period) -> pd.Series:
    """True for the Ombudsman's cases it decided (the log's response date) in `period`."""
    return timed["stage"].eq(OMBUDSMAN) & _dated_in(timed["responded"], period)


def _dated_in(dates: pd.Series, period: Period) -> pd.Series:
    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    return (dates >= start) & (dates <= end)


def _percent(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / denominator x 100, missing (not zero) where there is nothing to divide by."""
    denominator = denominator.astype("float64")
    return (numerator.astype("float64") * 100.0 / denominator).where(denominator > 0)


def _stage_order(rules: ComplaintRules, procedures: list[str]) -> pd.MultiIndex:
    pairs = [
        (procedure, stage)
        for procedure in rules.procedures
        if procedure in procedures
        for stage in rules.procedures[procedure].stages
    ]
    return pd.MultiIndex.from_tuples(pairs, names=["procedure", "stage"])


def _stage_groups(timed: pd.DataFrame) -> tuple[np.ndarray, pd.MultiIndex]:
    """Each row's procedure and stage as one integer (-1 where either is missing), numbered in the
    order the pairs first appear, and the pairs."""
    procedure, procedures = pd.factorize(timed["procedure"].to_numpy(dtype=object))
    stage, stages = pd.factorize(timed["stage"].to_numpy(dtype=object))
    known = (procedure >= 0) & (stage >= 0)
    group = np.full(len(timed), -1, dtype=np.int64)
    group[known], firsts = pd.factorize(procedure[known] * len(stages) + stage[known])
    pairs = pd.MultiIndex.from_arrays(
        [procedures[firsts // len(stages)], stages[firsts % len(stages)]], names=["procedure", "stage"]
    )
    return group, pairs


def stage_table(timed: pd.DataFrame, rules: ComplaintRules) -> pd.DataFrame:
    """Per procedure and stage: the counts and percentages of the published Stage table.

    In-time % is over finalised complaints (those with a response date), as the
    published footnote says ("of the complaints finalised to date"); it is split
    into those answered within the stage's limit and those answered after it
    within an agreed extension, as the statutory guidance counts them. Upheld %
    counts Upheld and Partially upheld over complaints with a finding;
    withdrawn, rejected and ombudsman closures are counted in
    `excluded_from_upheld`. Stages with no response clock have no in-time figure.
    """
    # numpy columns (no index to align), counted per integer code of procedure and stage
    finalised = timed["responded"].notna().to_numpy()
    response_unread = unread(timed, "responded")  # neither finalised nor open: nobody can tell
    outcome_class = timed["outcome_class"].to_numpy(dtype=object)
    decided = (outcome_class == "upheld") | (outcome_class == "not_upheld")
    in_time, acknowledgement_in_time = timed["in_time"].array, timed["acknowledgement_in_time"].array
    flags = {
        "received": np.ones(len(timed), dtype=bool),
        "finalised": finalised,
        "open": ~finalised & ~response_unread,
        "overdue": timed["overdue"].to_numpy(dtype=bool),
        "timed": ~in_time.isna(),
        "in_time": in_time.to_numpy(dtype=bool, na_value=False),
        "extended": timed["extension"].to_numpy(dtype=bool),
        "in_time_within_extension": timed["in_time_within_extension"].to_numpy(dtype=bool, na_value=False),
        "upheld": outcome_class == "upheld",
        "decided": decided,
        "excluded_from_upheld": finalised & ~decided,
        "acknowledged": ~acknowledgement_in_time.isna(),
        "acknowledged_in_time": acknowledgement_in_time.to_numpy(dtype=bool, na_value=False),
    }
    count_columns = list(flags)
    group, pairs = _stage_groups(timed)
    grouped = group >= 0  # a row without a procedure or stage is in no row of the table
    counts = pd.DataFrame(
        {
            name: np.bincount(group[grouped], weights=flag[grouped], minlength=len(pairs))
            for name, flag in flags.items()
        },
        index=pairs,
    )
    days = pd.Series(timed["working_days"].to_numpy(dtype="float64", na_value=np.nan)[grouped]).groupby(group[grouped])
    counts["median_working_days"] = days.median().to_numpy()
    counts["p90_working_days"] = days.quantile(0.9).to_numpy()

    order = _stage_order(rules, list(timed["procedure"].unique()))
    table = counts.reindex(order.union(counts.index, sort=False))
    table[count_columns] = table[count_columns].fillna(0).astype("int64")
    table["in_time_within_limit"] = table["in_time"] - table["in_time_within_extension"]
    for measure in ("in_time", "in_time_within_limit", "in_time_within_extension"):
        table[f"{measure}_pct"] = _percent(table[measure], table["timed"])
    table["upheld_pct"] = _percent(table["upheld"], table["decided"])
    table["acknowledged_in_time_pct"] = _percent(table["acknowledged_in_time"], table["acknowledged"])
    return table.reset_index()[STAGE_COLUMNS]


def themes_table(timed: pd.DataFrame, rules: ComplaintRules) -> pd.DataFrame:
    """Complaints received (Stage 1) and upheld by theme, procedures side by side, with a TOTAL row.

    Theme spellings that differ only in case or spacing are one theme, shown
    as it is most often written.
    """
    first = timed.loc[timed["stage"] == "1", ["theme", "procedure", "outcome_class"]]
    present = set(first["procedure"].unique())
    procedures = [p for p in rules.procedures if p in present]
    columns = pd.MultiIndex.from_product([["received", "upheld"], procedures])
    if first.empty:
        return pd.DataFrame(columns=columns, index=pd.Index(["TOTAL"], name="theme")).fillna(0)
    # cleaned once per distinct spelling, not once per row
    codes, spellings = pd.factorize(first["theme"].fillna(NOT_RECORDED).astype(str), use_na_sentinel=False)
    distinct = pd.Series(spellings, dtype=object).str.strip()
    spelling = pd.DataFrame(
        {
            "key": distinct.str.casefold().str.replace(r"\s+", " ", regex=True),
            "written": distinct,
            "rows": np.bincount(codes, minlength=len(spellings)),
            "first_seen": np.arange(len(spellings)),  # factorize numbers spellings in the order they first appear
        }
    )
    # each theme shown as it is most often written (the first written of equals, as value_counts orders them)
    written = spelling.groupby(["key", "written"], sort=False).agg(
        rows=("rows", "sum"), first_seen=("first_seen", "min")
    )
    written = written.reset_index().sort_values(["rows", "first_seen"], ascending=[False, True], kind="stable")
    shown = written.drop_duplicates("key").set_index("key")["written"]
    # counted by integer codes (theme x procedure), not by grouping on strings
    theme_of_spelling, themes = pd.factorize(spelling["key"].map(shown).to_numpy())
    procedure_codes, procedures_seen = pd.factorize(first["procedure"].to_numpy())
    cell = theme_of_spelling[codes] * len(procedures_seen) + procedure_codes
    shape, size = (len(themes), len(procedures_seen)), len(themes) * len(procedures_seen)
    upheld = first["outcome_class"].eq("upheld").to_numpy()
    table = pd.DataFrame(
        np.hstack(
            [
                np.bincount(cell, minlength=size).reshape(shape),
                np.bincount(cell[upheld], minlength=size).reshape(shape),
            ]
        ),
        index=pd.Index(themes, name="theme"),
        columns=pd.MultiIndex.from_product([["received", "upheld"], procedures_seen]),
    )
    table = table.reindex(columns=columns, fill_value=0).astype("int64")
    table = table.sort_index(key=lambda index: index.str.casefold())
    table.loc["TOTAL"] = table.sum()
    table.index.name = "theme"
    return table


def escalation_table(timed: pd.DataFrame, rules: ComplaintRules) -> pd.DataFrame:
    """Per procedure: Stage 2 complaints as a percentage of Stage 1 complaints received."""
    procedure = timed["procedure"].to_numpy(dtype=object)
    stage = timed["stage"].to_numpy(dtype=object)
    present = set(pd.unique(procedure))
    procedures = [p for p in rules.procedures if p in present]
    # counted with numpy per procedure (a handful), not by grouping on strings
    table = pd.DataFrame(
        {
            f"stage_{number}": np.array([np.count_nonzero((procedure == p) & (stage == number)) for p in procedures])
            for number in ("1", "2")
        },
        index=pd.Index(procedures, name="procedure", dtype="object"),
        dtype="int64",
    )
    table["escalation_pct"] = _percent(table["stage_2"], table["stage_1"])
    return table.reset_index()


def ombudsman_table(timed: pd.DataFrame) -> pd.DataFrame:
    """Ombudsman contacts by procedure and decision, as the log words the decision."""
    contacts = timed.loc[timed["stage"] == OMBUDSMAN, ["procedure", "decision"]]
    decision = contacts["decision"].fillna("No decision yet").astype(str)
    table = (
        pd.DataFrame({"procedure": contacts["procedure"], "decision": decision})
        .value_counts(sort=False)
        .rename("contacts")
        .reset_index()
    )
    return table.sort_values(["procedure", "contacts"], ascending=[True, False], ignore_index=True)


def cared_for_share(timed: pd.DataFrame, procedures: Iterable[str] | None = None) -> dict[str, int | float | None]:
    """Complaints (Stage 1 of `procedures`, every procedure where None) made by cared-for children and young
    people: of the children's report's procedures, so an adults' complaint in the same log is not counted.
    The count is None where the log does not say who complained (no zero for what nobody recorded)."""
    first = timed["stage"] == "1"
    if procedures is not None:
        first &= timed["procedure"].isin(list(procedures))
    total = int(first.sum())
    if not timed.loc[first, "complainant"].notna().any():  # the log does not say who complained
        return {"count": None, "of": total, "pct": None}
    count = int((first & timed["complainant_group"].eq(CARED_FOR)).sum())
    return {"count": count, "of": total, "pct": count * 100.0 / total if total else None}
