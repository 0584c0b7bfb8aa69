"""The measures of the annual complaints performance and service improvement report (the Ombudsman's
complaint handling code, section 8), each a function named after what it is.

The code asks, per stage, how many complaints were acknowledged within its limit, answered within its
limit of acknowledgement, extended, upheld, and taken on to the next stage; and for the Ombudsman's
annual letter set beside the average of similar councils. The stage counts are the summary's stage
table (domain.complaints.stage_table, vectorised over the log); this module lays them out per stage of
one procedure and adds the shares the code reads, at full precision.
"""

from __future__ import annotations

import pandas as pd

from desktop_app.domain.complaints import OMBUDSMAN, ComplaintsSummary
from desktop_app.domain.formatting import half_up
from desktop_app.domain.rules import ComplaintRules

#: The counts of a stage the code reads, from the stage table.
STAGE_COUNTS = (
    "received",
    "acknowledged",
    "acknowledged_in_time",
    "timed",
    "in_time_within_limit",
    "in_time_within_extension",
    "extended",
    "upheld",
    "decided",
)
#: Each share the code reads: its name, its part and its whole.
STAGE_SHARES = (
    ("acknowledged_in_time_pct", "acknowledged_in_time", "acknowledged"),
    ("in_time_within_limit_pct", "in_time_within_limit", "timed"),
    ("in_time_within_extension_pct", "in_time_within_extension", "timed"),
    ("extended_pct", "extended", "received"),
    ("upheld_pct", "upheld", "decided"),
    ("escalation_pct", "escalated", "received"),
)
CODE_STAGE_COLUMNS = ("stage", "next_stage", *STAGE_COUNTS, "escalated", *(name for name, _, _ in STAGE_SHARES))
#: How a council's figure in the Ombudsman's annual letter compares with the average of similar councils.
HIGHER, LOWER, SAME = "higher", "lower", "same"


def code_stage_table(summary: ComplaintsSummary, rules: ComplaintRules, procedure: str) -> pd.DataFrame:
    """Per numbered stage of `procedure` (in the rules' order): the code's counts and shares.

    `escalated` is the complaints received in the year at the next stage (the next numbered stage, else
    the Ombudsman), so `escalation_pct` is of this stage's complaints received in the same year. Each
    share is missing (never zero) where its whole is zero.
    """
    codes = list(rules.procedures[procedure].stages)
    stages = summary.stages[summary.stages["procedure"] == procedure].set_index("stage")
    counts = stages.reindex(codes)[list(STAGE_COUNTS)].fillna(0).astype("int64")
    numbered = [code for code in codes if code != OMBUDSMAN]
    following = [*numbered[1:], OMBUDSMAN if OMBUDSMAN in codes else None]
    table = counts.loc[numbered].reset_index()
    table.insert(1, "next_stage", following)
    received = counts["received"]
    table["escalated"] = [int(received.get(code, 0)) if code else 0 for code in following]
    for name, part, whole in STAGE_SHARES:
        denominator = table[whole].astype("float64")
        table[name] = (table[part].astype("float64") * 100.0 / denominator).where(denominator > 0)
    return table[list(CODE_STAGE_COLUMNS)]


def against_average(council: float, average: float, places: int = 0) -> str:
    """HIGHER, LOWER or SAME: the council's percentage against the average, as both are printed (to
    `places` decimal places, half up), so the words never contradict the figures beside them."""
    shown, shown_average = half_up(council, places), half_up(average, places)
    return HIGHER if shown > shown_average else LOWER if shown < shown_average else SAME
