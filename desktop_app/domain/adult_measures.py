"""The measures of the adult social care complaints annual report, each a function named after what it is.

The Local Authority Social Services and National Health Service Complaints (England) Regulations 2009
ask (reg 18) for the complaints received, how many were well-founded, how many the council was told were
referred to the Ombudsman, and what they were about; the council answers within the period it agreed
with each complainant, and writes to a complainant not answered within six months of receipt (reg 14).
One stage, so every measure here is of the procedure's Stage 1 complaints received in the summary's
period, counted at full precision from the cases `domain.complaints.summarise` timed.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from desktop_app.domain.complaints import ComplaintsSummary, unread

#: The months after receipt within which the 2009 Regulations expect a response (reg 14(2)).
SIX_MONTHS = pd.DateOffset(months=6)

OUTCOME_MEASURES = (
    "received",
    "upheld",
    "partly_upheld",
    "not_upheld",
    "well_founded",
    "decided",
    "without_finding",
    "open",
)
TIMELINESS_MEASURES = (
    "finalised",
    "in_time",
    "agreed_finalised",
    "agreed_in_time",
    "target_finalised",
    "target_in_time",
    "agreed_recorded",
)
SIX_MONTH_MEASURES = ("answered_after", "open_past", "passed")


def complaints_of(summary: ComplaintsSummary | None, procedure: str) -> pd.DataFrame:
    """The procedure's Stage 1 complaints of the summary's period (none without a summary)."""
    if summary is None:
        return pd.DataFrame(columns=["procedure", "stage"])
    cases = summary.cases
    return cases[cases["procedure"].eq(procedure).to_numpy() & cases["stage"].eq("1").to_numpy()]


def outcome_counts(summary: ComplaintsSummary | None, procedure: str) -> dict[str, int]:
    """Received; upheld, partly upheld and not upheld; well-founded (upheld or partly upheld: the
    Regulations' term); decided (with a finding); finalised without a finding (withdrawn, not accepted);
    still open (no response date)."""
    cases = complaints_of(summary, procedure)
    if not len(cases):
        return dict.fromkeys(OUTCOME_MEASURES, 0)
    outcome_class = cases["outcome_class"].to_numpy(dtype=object)
    finalised = cases["responded"].notna().to_numpy()
    upheld = cases["outcome"].eq("upheld").to_numpy()
    well_founded = outcome_class == "upheld"
    not_upheld = outcome_class == "not_upheld"
    return {
        "received": len(cases),
        "upheld": int((well_founded & upheld).sum()),
        "partly_upheld": int((well_founded & ~upheld).sum()),
        "not_upheld": int(not_upheld.sum()),
        "well_founded": int(well_founded.sum()),
        "decided": int((well_founded | not_upheld).sum()),
        "without_finding": int((finalised & (outcome_class == "excluded")).sum()),
        "open": int((~finalised & ~unread(cases, "responded")).sum()),
    }


def timeliness_counts(summary: ComplaintsSummary | None, procedure: str) -> dict[str, int]:
    """Finalised complaints and those answered in time: all of them, those measured against the period
    agreed with the complainant, and those measured against the council's local target because the log
    records no agreed date for them; `agreed_recorded`: complaints with an agreed date at all."""
    cases = complaints_of(summary, procedure)
    if not len(cases):
        return dict.fromkeys(TIMELINESS_MEASURES, 0)
    in_time = cases["in_time"].array
    timed = ~in_time.isna()
    on_time = in_time.to_numpy(dtype=bool, na_value=False)
    agreed = cases["agreed_due"].to_numpy(dtype=bool)
    return {
        "finalised": int(timed.sum()),
        "in_time": int(on_time.sum()),
        "agreed_finalised": int((timed & agreed).sum()),
        "agreed_in_time": int((on_time & agreed).sum()),
        "target_finalised": int((timed & ~agreed).sum()),
        "target_in_time": int((on_time & ~agreed).sum()),
        "agreed_recorded": int(cases["response_agreed"].notna().sum()),
    }


def six_month_cases(cases: pd.DataFrame, as_of: dt.date) -> dict[str, np.ndarray]:
    """Per complaint: answered more than six months after receipt (`answered_after`), or still open more
    than six months after receipt on `as_of` (`open_past`). A response on the day six months after
    receipt (the same day of the month; the month's last day where it is shorter) is within six months."""
    six_months_on = cases["received"] + SIX_MONTHS
    responded = cases["responded"]
    answered_after = (responded.notna() & (responded > six_months_on)).to_numpy()
    still_open = responded.isna().to_numpy() & ~unread(cases, "responded")
    open_past = still_open & (six_months_on < pd.Timestamp(as_of)).to_numpy()
    return {"answered_after": answered_after, "open_past": open_past, "passed": answered_after | open_past}


def six_month_counts(summary: ComplaintsSummary | None, procedure: str) -> dict[str, int]:
    """How many complaints passed six months from receipt without a response (reg 14), answered since or
    still open on the summary's as-at day."""
    if summary is None:
        return dict.fromkeys(SIX_MONTH_MEASURES, 0)
    found = six_month_cases(complaints_of(summary, procedure), summary.as_of)
    return {name: int(flags.sum()) for name, flags in found.items()}


def joint_counts(summary: ComplaintsSummary | None, procedure: str) -> dict[str, int] | None:
    """Joint complaints with the NHS and how many were well-founded; None where the log keeps no column
    that says which complaints were joint."""
    cases = complaints_of(summary, procedure)
    if not len(cases) or not cases["joint_nhs"].notna().any():
        return None
    joint = cases["joint_nhs"].eq("yes").to_numpy()
    well_founded = (cases["outcome_class"] == "upheld").to_numpy()
    return {"joint": int(joint.sum()), "joint_well_founded": int((joint & well_founded).sum())}
