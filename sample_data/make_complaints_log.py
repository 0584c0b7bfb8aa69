"""Write the fictional complaints log bundled with Scrutiny Studio.

Scrutiny Studio needs a sample workbook that looks like a log a council
complaints team keeps by hand (mixed spellings, text dates, blank rows, one
row per complaint per stage), so the app can be demonstrated and tested
without real data. Row counts, outcomes and timeliness are fixed by the
plans below, so the report built from the workbook has known answers; dates,
spellings and the mess come from a seeded random generator, so every run
writes the same workbook. No names or other personal details appear anywhere.

Run from the repository root:  python sample_data/make_complaints_log.py
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import holidays
import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

Span = tuple[dt.date, dt.date]  # first and last day, inclusive

SEED = 20230401
OUTPUT = Path(__file__).with_name("complaints_log_2021-2023.xlsx")

# England bank holidays; council closure days are deliberately ignored.
BANK_HOLIDAYS = np.array(
    sorted(holidays.country_holidays("GB", subdiv="ENG", years=range(2020, 2025))),
    dtype="datetime64[D]",
)
LAST_RESPONSE = dt.date(2023, 10, 31)

# (limit, extended limit) in working days, as in resources/complaint_procedures.toml.
# Statutory clocks start on receipt, corporate clocks on acknowledgement.
LIMITS: dict[tuple[str, str], tuple[int, int | None]] = {
    ("statutory", "1"): (10, 20),
    ("statutory", "2"): (25, 65),
    ("statutory", "3"): (30, None),
    ("corporate", "1"): (10, 20),
    ("corporate", "2"): (20, 40),
}
EXTENSION_SHARE = 0.2
DECIDED = ("upheld", "partial", "not_upheld")
PREVIOUS_STAGE = {"2": "1", "3": "2"}

CATEGORIES = (
    "Decision Making",
    "Finance / Funding",
    "Information and Advice",
    "Quality of service",
    "Health and Safety",
    "Staff Attitude",
)
CARED_FOR = "Cared for young person"
MADE_BY_WEIGHTS = {
    "Parent": 48,
    "Grandparent": 8,
    "Young person": 8,
    "Advocate": 7,
    "Foster carer": 9,
    "Other relative": 12,
    "Professional": 8,
}

# Spellings written to the log, each listed in resources/complaints_vocabulary.toml.
PROCESS_SPELLINGS = {
    "statutory": (("Statutory children's", 0.6), ("CSC statutory", 0.25), ("Statutory", 0.15)),
    "corporate": (("Corporate", 1.0),),
    "adults": (("Adult social care", 0.8), ("ASC", 0.2)),
}
STAGE_SPELLINGS = {
    "1": ((1, 0.5), ("Stage 1", 0.35), ("Stage One", 0.15)),
    "2": ((2, 0.5), ("Stage 2", 0.5)),
    "3": ((3, 1.0),),
    "ombudsman": (("Ombudsman", 1.0),),
}
OUTCOME_SPELLINGS = {
    "upheld": (("Upheld", 1.0),),
    "partial": (("Partially upheld", 0.7), ("Partly upheld", 0.3)),
    "not_upheld": (("Not upheld", 1.0),),
    "withdrawn": (("Withdrawn", 1.0),),
    "ongoing": (("Ongoing", 1.0),),
    "initial_enquiries": (("Closed after initial enquiries", 1.0),),
    "premature": (("Closed as premature complaint", 1.0),),
    "out_of_jurisdiction": (("Closed after initial enquiries - out of jurisdiction", 1.0),),
    "no_further_action": (("Closed after initial enquiries - no further action", 1.0),),
}
REF_PREFIX = {"statutory": "CSC", "corporate": "CC", "adults": "ASC"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
EXCEL_EPOCH = dt.date(1899, 12, 30)

# The last two columns were added to the log for adult social care (blank on the other rows).
HEADERS = ("Complaint Ref", "Process", "Stage", "Date Received", "Date Acknowledged",
           "Date Responded", "Extension Agreed", "Outcome", "Category", "Made by",
           "Agreed Response Date", "Joint with NHS")
DATE_COLUMNS = (3, 4, 5)  # zero-based positions of the three date columns
COLUMN_WIDTHS = (14, 22, 11, 15, 18, 15, 17, 50, 24, 24, 21, 15)
HEADER_ROW = 4
BLANK_ROWS = 8
HAND_SWAPS = 6
MESSY_DATES = {"dmy_text": 10, "long_text": 5, "serial": 5}


def financial_year(year: int) -> Span:
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


FY_2021, FY_2022 = financial_year(2021), financial_year(2022)


# --- Working days ----------------------------------------------------------

def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (a weekend start counts from Monday)."""
    return np.busday_offset(start, int(days), roll="forward", holidays=BANK_HOLIDAYS).item()


def days_taken(start: dt.date, end: dt.date) -> int:
    return int(np.busday_count(start, end, holidays=BANK_HOLIDAYS))


def is_in_time(days: int, limit: int, extended_limit: int | None, extension: bool | None) -> bool:
    if extension and extended_limit is not None:
        return days <= extended_limit
    return days <= limit


def random_working_day(rng: np.random.Generator, first: dt.date, last: dt.date) -> dt.date:
    span = days_taken(first, add_working_days(last, 1))
    return add_working_days(first, rng.integers(span))


def nearby_weekend_day(rng: np.random.Generator, day: dt.date) -> dt.date:
    """The Saturday or Sunday just before `day`, as when an email arrives at the weekend."""
    saturday = day - dt.timedelta(days=day.weekday() + 2)
    return saturday + dt.timedelta(days=int(rng.integers(2)))


# --- Complaints ------------------------------------------------------------

@dataclass
class Row:
    stage: str                  # "1", "2", "3" or "ombudsman"
    received: dt.date
    acknowledged: dt.date | None
    responded: dt.date | None
    extension: bool | None      # None is a blank cell
    outcome: str                # a key of OUTCOME_SPELLINGS
    agreed: dt.date | None = None   # adults: the response date agreed with the complainant


@dataclass
class Complaint:
    procedure: str              # "statutory", "corporate" or "adults"
    first_year: int             # financial year of the Stage 1 receipt
    category: str
    made_by: str
    ref: str = ""
    rows: list[Row] = field(default_factory=list)
    joint: bool = False         # adults: a joint complaint with the NHS


@dataclass(frozen=True)
class Stage1Plan:
    procedure: str
    year: int
    categories: dict[str, tuple[int, int]]   # category -> (received, upheld)
    in_time: int                             # rows with a response date answered in time
    ongoing_in: tuple[str, ...] = ()
    withdrawn_in: tuple[str, ...] = ()
    cared_for: int = 0
    weekend_receipts: int = 0
    same_day: int = 0                        # statutory only: answered on the day received


@dataclass(frozen=True)
class FollowUp:
    """A later stage of an existing complaint: an escalation or an Ombudsman contact."""
    procedure: str
    first_year: int
    after_stage: str
    stage: str
    window: Span                      # when the follow-up may be received
    outcome: str
    in_time: bool = True
    decided_not_before: dt.date | None = None   # an Ombudsman decision that came after the year's end


def escalation(procedure: str, first_year: int, stage: str, window: Span,
               outcome: str, in_time: bool = True) -> FollowUp:
    return FollowUp(procedure, first_year, PREVIOUS_STAGE[stage], stage, window, outcome, in_time)


def ombudsman(first_year: int, after_stage: str, window: Span, outcome: str,
              decided_not_before: dt.date | None = None) -> FollowUp:
    return FollowUp("statutory", first_year, after_stage, "ombudsman", window, outcome,
                    decided_not_before=decided_not_before)


STAGE1_PLANS = (
    Stage1Plan("statutory", 2021,
               {"Decision Making": (14, 5), "Finance / Funding": (3, 1),
                "Information and Advice": (13, 4), "Quality of service": (30, 10),
                "Health and Safety": (2, 0), "Staff Attitude": (4, 2)},
               in_time=26, withdrawn_in=("Quality of service",), cared_for=3,
               weekend_receipts=1, same_day=1),
    Stage1Plan("corporate", 2021,
               {"Decision Making": (9, 2), "Finance / Funding": (5, 1),
                "Information and Advice": (9, 2), "Quality of service": (16, 4),
                "Health and Safety": (1, 0), "Staff Attitude": (20, 3)},
               in_time=38, withdrawn_in=("Staff Attitude",), cared_for=1,
               weekend_receipts=1),
    Stage1Plan("statutory", 2022,
               {"Decision Making": (19, 6), "Finance / Funding": (1, 1),
                "Information and Advice": (20, 5), "Quality of service": (53, 14),
                "Health and Safety": (1, 0), "Staff Attitude": (4, 2)},
               in_time=27,
               ongoing_in=("Decision Making", "Information and Advice", "Quality of service"),
               cared_for=5, weekend_receipts=2, same_day=3),
    Stage1Plan("corporate", 2022,
               {"Decision Making": (10, 1), "Finance / Funding": (4, 0),
                "Information and Advice": (10, 2), "Quality of service": (19, 5),
                "Health and Safety": (0, 0), "Staff Attitude": (30, 5)},
               in_time=46, ongoing_in=("Staff Attitude",),
               withdrawn_in=("Quality of service", "Staff Attitude"), cared_for=1,
               weekend_receipts=2),
)

MARCH_2022 = (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
EARLY_2022_23 = (dt.date(2022, 4, 1), dt.date(2022, 10, 31))

# Applied in order: each takes a complaint whose latest row is the stage before.
FOLLOW_UPS = (
    # Statutory Stage 2 received in 2021-22: 7. The two from March 2022 go on
    # to Stage 3 in 2022-23, before any 2021-22 complaint reaches a 2022-23 Stage 2.
    escalation("statutory", 2021, "2", MARCH_2022, "partial"),
    escalation("statutory", 2021, "2", MARCH_2022, "not_upheld"),
    escalation("statutory", 2021, "2", FY_2021, "upheld"),
    escalation("statutory", 2021, "2", FY_2021, "not_upheld", in_time=False),
    escalation("statutory", 2021, "2", FY_2021, "not_upheld"),
    escalation("statutory", 2021, "2", FY_2021, "partial", in_time=False),
    escalation("statutory", 2021, "2", FY_2021, "not_upheld"),
    # Statutory Stage 3 received in 2022-23: 4 (these two and two below), all upheld, one late.
    escalation("statutory", 2021, "3", FY_2022, "partial"),
    escalation("statutory", 2021, "3", FY_2022, "upheld", in_time=False),
    # Statutory Stage 2 received in 2022-23: 7, all in time, 5 upheld.
    escalation("statutory", 2021, "2", FY_2022, "upheld"),
    escalation("statutory", 2021, "2", FY_2022, "not_upheld"),
    escalation("statutory", 2022, "2", EARLY_2022_23, "partial"),
    escalation("statutory", 2022, "2", EARLY_2022_23, "partial"),
    escalation("statutory", 2022, "2", FY_2022, "upheld"),
    escalation("statutory", 2022, "2", FY_2022, "partial"),
    escalation("statutory", 2022, "2", FY_2022, "not_upheld"),
    escalation("statutory", 2022, "3", FY_2022, "partial"),
    escalation("statutory", 2022, "3", FY_2022, "upheld"),
    # Corporate Stage 2: 3 in 2021-22, 5 in 2022-23.
    escalation("corporate", 2021, "2", FY_2021, "not_upheld"),
    escalation("corporate", 2021, "2", FY_2021, "partial"),
    escalation("corporate", 2021, "2", FY_2021, "not_upheld", in_time=False),
    escalation("corporate", 2021, "2", FY_2022, "not_upheld"),
    escalation("corporate", 2022, "2", FY_2022, "partial"),
    escalation("corporate", 2022, "2", FY_2022, "not_upheld"),
    escalation("corporate", 2022, "2", FY_2022, "upheld", in_time=False),
    escalation("corporate", 2022, "2", FY_2022, "not_upheld"),
    # Ombudsman contacts about statutory complaints: 4 received in 2021-22, 6 in 2022-23. The Ombudsman
    # decided seed 002's six cases in 2022-23: three of the March 2022 contacts (1 closed after initial
    # enquiries, 2 premature) and three of 2022-23's (2 no further action, 1 out of jurisdiction); the
    # other three of 2022-23's were decided after the year's end.
    ombudsman(2021, "1", FY_2021, "premature"),
    ombudsman(2021, "1", FY_2021, "premature"),
    ombudsman(2021, "2", FY_2021, "initial_enquiries"),
    ombudsman(2021, "1", FY_2021, "out_of_jurisdiction"),
    ombudsman(2022, "1", FY_2022, "no_further_action"),
    ombudsman(2022, "1", FY_2022, "premature", decided_not_before=dt.date(2023, 4, 20)),
    ombudsman(2021, "3", FY_2022, "no_further_action"),
    ombudsman(2022, "2", FY_2022, "initial_enquiries", decided_not_before=dt.date(2023, 4, 13)),
    ombudsman(2022, "1", FY_2022, "out_of_jurisdiction"),
    ombudsman(2021, "1", FY_2022, "out_of_jurisdiction"),
)


# --- Building rows -----------------------------------------------------------

def stage1_slots(plan: Stage1Plan, rng: np.random.Generator) -> list[tuple[str, str, bool | None]]:
    """(category, outcome, in time) for each Stage 1 row; in time is None for open cases."""
    slots: list[tuple[str, str, bool | None]] = []
    for category, (received, upheld) in plan.categories.items():
        outcomes = ["upheld" if rng.random() < 0.4 else "partial" for _ in range(upheld)]
        outcomes += ["ongoing"] * plan.ongoing_in.count(category)
        outcomes += ["withdrawn"] * plan.withdrawn_in.count(category)
        outcomes += ["not_upheld"] * (received - len(outcomes))
        slots += [(category, outcome, None) for outcome in outcomes]
    answered = [i for i, (_, outcome, _) in enumerate(slots) if outcome != "ongoing"]
    on_time = set(rng.choice(answered, plan.in_time, replace=False).tolist())
    return [(category, outcome, None if outcome == "ongoing" else i in on_time)
            for i, (category, outcome, _) in enumerate(slots)]


def made_by_list(rng: np.random.Generator, count: int, cared_for: int) -> list[str]:
    names = list(MADE_BY_WEIGHTS)
    weights = np.array(list(MADE_BY_WEIGHTS.values()), dtype=float)
    chosen = [names[i] for i in rng.choice(len(names), count, p=weights / weights.sum())]
    for i in rng.choice(count, cared_for, replace=False):
        chosen[i] = CARED_FOR
    return chosen


def response_days(rng: np.random.Generator, key: tuple[str, str], in_time: bool) -> tuple[int, bool | None]:
    """Working days to respond and the Extension Agreed value, for a row meant to be in time or late."""
    limit, extended_limit = LIMITS[key]
    extended = extended_limit is not None and rng.random() < EXTENSION_SHARE
    no_extension = False if rng.random() < 0.6 else None
    if in_time and extended:
        return int(rng.integers(limit + 1, extended_limit + 1)), True
    if in_time:
        return int(rng.integers(max(2, limit // 3), limit + 1)), no_extension
    if extended:
        return extended_limit + 1 + int(rng.integers(15)), True
    return limit + 1 + min(int(rng.exponential(limit)), 49), no_extension


def acknowledgement(rng: np.random.Generator, procedure: str, received: dt.date,
                    days: int | None) -> dt.date | None:
    """Corporate rows are always acknowledged; statutory rows mostly, never after the response."""
    if procedure == "corporate":
        return add_working_days(received, rng.integers(1, 5))
    if days == 0 or rng.random() < 0.04:
        return None
    offset = int(rng.integers(1, 4))
    return add_working_days(received, offset if days is None else min(offset, days))


def make_row(rng: np.random.Generator, procedure: str, stage: str, received: dt.date,
             outcome: str, in_time: bool | None, same_day: bool = False) -> Row:
    if outcome == "ongoing":
        acknowledged = acknowledgement(rng, procedure, received, None)
        return Row(stage, received, acknowledged, None, None, outcome)
    key = (procedure, stage)
    days, extension = (0, None) if same_day else response_days(rng, key, in_time)
    acknowledged = acknowledgement(rng, procedure, received, days)
    start = acknowledged if procedure == "corporate" else received
    responded = add_working_days(start, days)
    assert is_in_time(days_taken(start, responded), *LIMITS[key], extension) == in_time
    assert received <= responded <= LAST_RESPONSE
    return Row(stage, received, acknowledged, responded, extension, outcome)


def receipt_dates(plan: Stage1Plan, slots: list[tuple[str, str, bool | None]],
                  rng: np.random.Generator) -> tuple[list[dt.date], list[int]]:
    """A receipt date per slot (open cases in the final March), and which slots arrived at a weekend."""
    first, last = financial_year(plan.year)
    final_march = dt.date(plan.year + 1, 3, 1)
    received = [random_working_day(rng, final_march if outcome == "ongoing" else first, last)
                for _, outcome, _ in slots]
    closed = [i for i, (_, outcome, _) in enumerate(slots) if outcome != "ongoing"]
    weekend = rng.choice(closed, plan.weekend_receipts, replace=False).tolist()
    for i in weekend:
        received[i] = max(first, nearby_weekend_day(rng, received[i]))
    return received, weekend


def build_stage1(plan: Stage1Plan, rng: np.random.Generator) -> list[Complaint]:
    slots = stage1_slots(plan, rng)
    made_by = made_by_list(rng, len(slots), plan.cared_for)
    received, weekend = receipt_dates(plan, slots, rng)
    quick = [i for i, (_, _, in_time) in enumerate(slots) if in_time and i not in weekend]
    same_day = rng.choice(quick, plan.same_day, replace=False).tolist()
    complaints = []
    for i, (category, outcome, in_time) in enumerate(slots):
        complaint = Complaint(plan.procedure, plan.year, category, made_by[i])
        row = make_row(rng, plan.procedure, "1", received[i], outcome, in_time, i in same_day)
        complaint.rows.append(row)
        complaints.append(complaint)
    return complaints


def follow_up_span(after: dt.date, window: Span, gap: tuple[int, int]) -> Span | None:
    """Receipt dates between `gap` working days after `after`, inside `window`."""
    first = max(add_working_days(after, gap[0]), window[0])
    last = min(add_working_days(after, gap[1]), window[1])
    return (first, last) if first <= last else None


def follow_up_options(spec: FollowUp, complaints: list[Complaint]) -> list[tuple[Complaint, Span]]:
    """Complaints that could take `spec`, each with the dates its follow-up could be received."""
    gap = (10, 120) if spec.stage == "ombudsman" else (3, 20)
    options = []
    for complaint in complaints:
        last = complaint.rows[-1]
        wanted = (spec.procedure, spec.first_year, spec.after_stage)
        if (complaint.procedure, complaint.first_year, last.stage) != wanted or last.outcome not in DECIDED:
            continue
        span = follow_up_span(last.responded, spec.window, gap)
        if span:
            options.append((complaint, span))
    if not options:
        raise ValueError(f"no complaint can take this follow-up: {spec}")
    return options


def add_follow_up(spec: FollowUp, complaints: list[Complaint], rng: np.random.Generator) -> None:
    options = follow_up_options(spec, complaints)
    complaint, span = options[rng.integers(len(options))]
    received = random_working_day(rng, *span)
    if spec.stage == "ombudsman":
        decided = add_working_days(received, rng.integers(15, 70))
        if spec.decided_not_before is not None:
            decided = max(decided, spec.decided_not_before)
        assert decided <= LAST_RESPONSE
        complaint.rows.append(Row("ombudsman", received, None, decided, None, spec.outcome))
    else:
        row = make_row(rng, spec.procedure, spec.stage, received, spec.outcome, spec.in_time)
        complaint.rows.append(row)


def assign_refs(complaints: list[Complaint]) -> None:
    """Number complaints per procedure and financial year in order of Stage 1 receipt."""
    ordered = sorted(complaints, key=lambda c: (c.procedure, c.rows[0].received))
    counters: dict[tuple[str, int], int] = {}
    for complaint in ordered:
        key = (complaint.procedure, complaint.first_year)
        counters[key] = counters.get(key, 0) + 1
        year = complaint.first_year % 100
        complaint.ref = f"{REF_PREFIX[complaint.procedure]}/{year:02d}/{counters[key]:04d}"


def build_complaints(rng: np.random.Generator) -> list[Complaint]:
    complaints = [c for plan in STAGE1_PLANS for c in build_stage1(plan, rng)]
    assign_refs(complaints)
    for spec in FOLLOW_UPS:
        add_follow_up(spec, complaints, rng)
    return complaints


# --- Adult social care ----------------------------------------------------------
# One local stage (the 2009 Regulations): each complaint gets a response date agreed with the complainant
# (a few have none, and are timed against the council's local target), a few are answered more than six
# months after receipt or are still open past six months, a few are joint complaints with the NHS, and
# some go on to the Ombudsman. Their own random generator keeps the children's rows as they were.

ADULT_SEED = SEED + 2009
ADULT_TARGET = 20           # working days: the local target in resources/complaint_procedures.toml
AGREED_PERIODS = (20, 20, 25, 25, 30, 40)  # working days agreed with the complainant
SIX_MONTHS_LATE = 65        # working days agreed for the complex complaints answered after six months
ADULT_UPHELD_SHARE = 0.4    # of the well-founded complaints, those upheld in full (the rest partly)
ADULT_MADE_BY = {"Service user": 34, "Relative": 38, "Carer": 12, "Representative": 9, "Advocate": 7}
ADULT_MESSY_DATES = {"dmy_text": 4, "long_text": 2}
ADULT_DATE_COLUMNS = (3, 4, 5, 10)


@dataclass(frozen=True)
class AdultPlan:
    year: int
    categories: dict[str, tuple[int, int]]   # category -> (received, well-founded)
    withdrawn_in: tuple[str, ...]
    open_in: tuple[tuple[str, Span], ...]    # still open: the category and when it was received
    no_agreed_date: int                      # answered, no agreed date: timed against the local target
    late_against_target: int                 # of those, answered after the local target
    late_against_agreed: int                 # answered after the agreed date (six-month cases apart)
    after_six_months: int                    # answered more than six months after receipt (all joint)
    at_six_months: int                       # answered on the day six months after receipt
    joint: int                               # joint complaints with the NHS (the six-month ones among them)
    ombudsman: tuple[tuple[int, str], ...]   # referrals received in the year: (complaint's year, decision)


ADULT_PLANS = (
    AdultPlan(2021,
              {"Decision Making": (12, 3), "Finance / Funding": (17, 9),
               "Information and Advice": (11, 4), "Quality of service": (26, 9),
               "Health and Safety": (4, 1), "Staff Attitude": (8, 2)},
              withdrawn_in=("Quality of service", "Decision Making", "Information and Advice",
                            "Quality of service", "Staff Attitude"),
              open_in=(), no_agreed_date=6, late_against_target=2, late_against_agreed=12,
              after_six_months=1, at_six_months=0, joint=5,
              ombudsman=((2021, "premature"), (2021, "initial_enquiries"), (2021, "upheld"),
                         (2021, "out_of_jurisdiction"))),
    AdultPlan(2022,
              {"Decision Making": (14, 4), "Finance / Funding": (21, 12),
               "Information and Advice": (13, 5), "Quality of service": (31, 11),
               "Health and Safety": (6, 2), "Staff Attitude": (9, 3)},
              withdrawn_in=("Quality of service", "Quality of service", "Decision Making",
                            "Information and Advice", "Staff Attitude", "Finance / Funding"),
              open_in=(("Quality of service", (dt.date(2022, 9, 1), dt.date(2022, 9, 30))),
                       ("Decision Making", (dt.date(2023, 3, 1), dt.date(2023, 3, 24)))),
              no_agreed_date=8, late_against_target=3, late_against_agreed=14,
              after_six_months=2, at_six_months=1, joint=7,
              ombudsman=((2021, "initial_enquiries"), (2022, "initial_enquiries"), (2022, "premature"),
                         (2022, "upheld"), (2022, "not_upheld"))),
)


def six_months_after(day: dt.date) -> dt.date:
    """The same day of the month six months on (the month's last day where it is shorter)."""
    month = day.month + 6
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def is_working_day(day: dt.date) -> bool:
    return bool(np.is_busday(day, holidays=BANK_HOLIDAYS))


def adult_outcomes(plan: AdultPlan, rng: np.random.Generator) -> list[tuple[str, str]]:
    """(category, outcome) for each complaint of the year."""
    slots = []
    open_in = [category for category, _ in plan.open_in]
    for category, (received, well_founded) in plan.categories.items():
        outcomes = ["upheld" if rng.random() < ADULT_UPHELD_SHARE else "partial" for _ in range(well_founded)]
        outcomes += ["ongoing"] * open_in.count(category)
        outcomes += ["withdrawn"] * plan.withdrawn_in.count(category)
        outcomes += ["not_upheld"] * (received - len(outcomes))
        slots += [(category, outcome) for outcome in outcomes]
    return slots


def adult_timings(plan: AdultPlan, slots: list[tuple[str, str]], rng: np.random.Generator) -> list[str]:
    """How each complaint is timed: 'open', 'after_six', 'at_six', 'target_in', 'target_late',
    'agreed_late' or 'agreed_in'."""
    answered = [i for i, (_, outcome) in enumerate(slots) if outcome != "ongoing"]
    order = iter(rng.permutation(answered).tolist())
    timing = ["open" if outcome == "ongoing" else "agreed_in" for _, outcome in slots]
    wanted = {"after_six": plan.after_six_months, "at_six": plan.at_six_months,
              "target_late": plan.late_against_target,
              "target_in": plan.no_agreed_date - plan.late_against_target,
              "agreed_late": plan.late_against_agreed}
    for kind, count in wanted.items():
        for _ in range(count):
            timing[next(order)] = kind
    return timing


def adult_row(rng: np.random.Generator, plan: AdultPlan, outcome: str, timing: str,
              open_window: Span | None) -> Row:
    """One adult complaint's Stage 1 row, timed as `timing` says (checked against its agreed date)."""
    first, last = financial_year(plan.year)
    if timing == "open":
        received = random_working_day(rng, *open_window)
        agreed = add_working_days(received, SIX_MONTHS_LATE)
        return Row("1", received, add_working_days(received, rng.integers(1, 4)), None, None, outcome, agreed)
    if timing in ("after_six", "at_six"):
        candidates = [day for day in (first + dt.timedelta(days=n) for n in range(0, 180))
                      if is_working_day(day) and is_working_day(six_months_after(day))]
        received = candidates[rng.integers(len(candidates))]
        six = six_months_after(received)
        if timing == "at_six":
            responded = agreed = six
        else:
            agreed = add_working_days(received, SIX_MONTHS_LATE)
            responded = add_working_days(six, rng.integers(5, 40))
    else:
        received = random_working_day(rng, first, last)
        period = ADULT_TARGET if timing.startswith("target") else int(rng.choice(AGREED_PERIODS))
        late = timing.endswith("late")
        days = period + 1 + int(rng.integers(0, 25)) if late else int(rng.integers(max(5, period // 2), period + 1))
        responded = add_working_days(received, days)
        agreed = None if timing.startswith("target") else add_working_days(received, period)
        if timing.startswith("target"):
            assert (days_taken(received, responded) <= ADULT_TARGET) != late
    if agreed is not None:
        assert (responded <= agreed) == (timing in ("agreed_in", "at_six"))
    assert (responded > six_months_after(received)) == (timing == "after_six")
    assert received <= responded <= LAST_RESPONSE
    acknowledged = None if rng.random() < 0.04 else add_working_days(received, min(int(rng.integers(1, 5)), days_taken(received, responded)))
    return Row("1", received, acknowledged, responded, None, outcome, agreed)


def build_adult_year(plan: AdultPlan, rng: np.random.Generator) -> list[Complaint]:
    slots = adult_outcomes(plan, rng)
    timings = adult_timings(plan, slots, rng)
    windows = iter(window for _, window in plan.open_in)
    names = list(ADULT_MADE_BY)
    weights = np.array(list(ADULT_MADE_BY.values()), dtype=float)
    complaints = []
    for (category, outcome), timing in zip(slots, timings, strict=True):
        made_by = names[rng.choice(len(names), p=weights / weights.sum())]
        complaint = Complaint("adults", plan.year, category, made_by)
        window = next(windows) if timing == "open" else None
        complaint.rows.append(adult_row(rng, plan, outcome, timing, window))
        complaints.append(complaint)
    # the complaints answered after six months, or open longest, were joint with the NHS; then others
    slow = [c for c, t in zip(complaints, timings, strict=True) if t in ("after_six", "open")]
    others = [c for c in complaints if c not in slow]
    for complaint in slow + [others[i] for i in rng.choice(len(others), plan.joint - len(slow), replace=False)]:
        complaint.joint = True
    return complaints


def build_adult_complaints(rng: np.random.Generator) -> list[Complaint]:
    complaints = [c for plan in ADULT_PLANS for c in build_adult_year(plan, rng)]
    assign_refs(complaints)
    for plan in ADULT_PLANS:
        for first_year, decision in plan.ombudsman:
            spec = FollowUp("adults", first_year, "1", "ombudsman", financial_year(plan.year), decision)
            add_follow_up(spec, complaints, rng)
    return complaints


def merged_by_receipt(spaced: list[list[object] | None], received: list[dt.date],
                      adult_rows: list[list[object]], adult_received: list[dt.date]) -> list[list[object] | None]:
    """The adults' rows put among the others by the date received, as one log kept in date order."""
    dates = iter(received)
    adults = sorted(zip(adult_received, range(len(adult_rows))))
    merged: list[list[object] | None] = []
    waiting = 0
    for row in spaced:
        if row is not None:
            day = next(dates)
            while waiting < len(adults) and adults[waiting][0] < day:
                merged.append(adult_rows[adults[waiting][1]])
                waiting += 1
        merged.append(row)
    merged += [adult_rows[i] for _, i in adults[waiting:]]
    return merged


# --- The columns added for the children's report's register and profile ---------------------
# Service, Advocacy, Record type, Ombudsman Reference and Remedy were added to the log later, at its right-hand
# end, and filled in from a generator of their own, so the rows above keep every cell they had. The
# representations that were not complaints are logged below the complaints (the team began recording them
# once the Record type column existed).

EXTRA_SEED = SEED + 2006
EXTRA_HEADERS = ("Service", "Advocacy", "Record type", "Ombudsman Reference", "Remedy")
EXTRA_WIDTHS = (26, 11, 14, 20, 60)
CHILDREN_SERVICES = {"Children in Need": 30, "Child Protection": 22, "Cared for Children": 18,
                     "Care Leavers": 8, "Fostering": 10, "Special Guardianship Support": 6,
                     "Children with Disabilities": 6}
SERVICE_OF_MADE_BY = {CARED_FOR: "Cared for Children", "Foster carer": "Fostering"}
# Who an advocate supported: each complaint made by an advocate, and a share of the children's own.
ADVOCACY_SHARE = {"Young person": 0.5, CARED_FOR: 0.8}
# The Ombudsman's remedies where it gave one (by complaint reference), as the register prints them.
REMEDIES = {
    "CSC/22/0014": "The Council had apologised and paid £150 for its delay in answering the complaint; "
                   "the Ombudsman found nothing further to achieve",
    "ASC/21/0065": "Apology and £300 for the distress caused; review how charges are explained to families",
    "ASC/22/0047": "Refund of £1,240 in charges and £250 for the uncertainty; staff guidance on financial "
                   "assessments within three months",
}
# Representations that were not complaints (comments and concerns), by financial year received.
REPRESENTATIONS = {2021: 5, 2022: 8}
REPRESENTATION_MADE_BY = {"Young person": 3, CARED_FOR: 2, "Parent": 3, "Foster carer": 2}


def extra_cells(rng: np.random.Generator, row: list[object], services: dict[str, str]) -> list[object]:
    """The row's cells in the columns added later: its service (one per complaint, children's rows only),
    whether an advocate supported the complainant, its record type, and on Ombudsman rows the Ombudsman's
    reference and remedy."""
    ref, stage, made_by, outcome = str(row[0]), str(row[2]), row[9], row[7]
    children = not ref.startswith("ASC")
    if children and ref not in services:
        names = list(CHILDREN_SERVICES)
        weights = np.array(list(CHILDREN_SERVICES.values()), dtype=float)
        services[ref] = SERVICE_OF_MADE_BY.get(made_by) or names[rng.choice(len(names), p=weights / weights.sum())]
    service = services.get(ref)
    advocacy = None
    if children and ref.startswith("CSC"):
        supported = made_by == "Advocate" or rng.random() < ADVOCACY_SHARE.get(made_by, 0.0)
        advocacy = "Yes" if supported else ("No" if rng.random() < 0.7 else None)
    record = "Complaint" if rng.random() < 0.85 else None
    reference = remedy = None
    if stage == "Ombudsman":
        received = row[3] if isinstance(row[3], dt.date) else None
        year = (received.year if received else 2022) % 100
        reference = f"{year:02d} {int(rng.integers(1, 20)):03d} {int(rng.integers(100, 1000)):03d}"
        remedy = REMEDIES.get(ref)
        assert remedy is None or outcome in ("Closed after initial enquiries - no further action", "Upheld")
    return [service, advocacy, record, reference, remedy]


def representation_rows(rng: np.random.Generator) -> list[list[object]]:
    """The representations of each year, in date order: statutory, Stage 1, answered, no outcome."""
    rows = []
    names = list(REPRESENTATION_MADE_BY)
    weights = np.array(list(REPRESENTATION_MADE_BY.values()), dtype=float)
    for year, count in REPRESENTATIONS.items():
        received = sorted(random_working_day(rng, *financial_year(year)) for _ in range(count))
        for number, day in enumerate(received, start=1):
            made_by = names[rng.choice(len(names), p=weights / weights.sum())]
            responded = add_working_days(day, rng.integers(3, 10))
            service = SERVICE_OF_MADE_BY.get(made_by) or "Children in Need"
            advocacy = "Yes" if made_by == CARED_FOR else "No"
            rows.append([f"REP/{year % 100:02d}/{number:04d}", "Statutory children's", "Stage 1", day,
                         add_working_days(day, 1), responded, None, None,
                         CATEGORIES[int(rng.integers(len(CATEGORIES)))], made_by, None, None,
                         service, advocacy, "Representation", None, None])
    return rows


def with_extra_columns(rows: list[list[object] | None], rng: np.random.Generator) -> list[list[object] | None]:
    """The log's rows with the added columns, and the representations logged below them."""
    services: dict[str, str] = {}
    extended = [None if row is None else [*row, *extra_cells(rng, row, services)] for row in rows]
    return [*extended, *representation_rows(rng)]


# --- The columns added for remedies, compensation and refusals -------------------------------------
# Compensation (£), Remedy type and Reason not accepted were added last, at the right-hand end, and filled
# in from a generator of their own, so every cell to their left is as it was. The complaints the Council
# refused to accept, and the compliments, are logged below the representations (kept apart from every
# complaint figure).

REMEDY_SEED = SEED + 2026
REMEDY_HEADERS = ("Compensation (£)", "Remedy type", "Reason not accepted")
REMEDY_WIDTHS = (17, 20, 34)
# The compensation of the Ombudsman's remedies above, on the Ombudsman's row of the complaint.
OMBUDSMAN_PAYMENTS = {"CSC/22/0014": 150, "ASC/21/0065": 300, "ASC/22/0047": 1490}
PAYMENT_SHARE = 0.12  # of the upheld and partly upheld complaints at Stage 1 and 2
PAYMENTS = (50, 75, 100, 150, 250, 300)
# The remedy of an upheld complaint with no payment, in the log's spellings.
REMEDY_SPELLINGS = (("Apology", 0.45), ("Written apology", 0.1), ("Explanation", 0.15),
                    ("Service put right", 0.15), ("Change to practice", 0.1), ("Staff training", 0.05))
# The corporate complaints refused, by financial year received: the reasons as the team writes them.
REFUSED = {
    2021: ("Out of time", "Legal proceedings", "Service request", "Policy disagreement"),
    2022: ("Out of time", "Out of time", "More than 12 months", "Legal proceedings", "Right of appeal",
           "Tribunal", "Service request", "Already considered", "Policy disagreement"),
}
UPHELD_WORDS = ("Upheld", "Partially upheld", "Partly upheld")
# Compliments logged (record type Compliment), by financial year received: about the children's services.
COMPLIMENTS = {2021: 9, 2022: 15}


def remedy_cells(rng: np.random.Generator, row: list[object]) -> list[object]:
    """A complaint row's compensation (blank for none), its remedy type (upheld complaints only) and no
    reason not accepted."""
    ref, stage, outcome = str(row[0]), str(row[2]), row[7]
    if stage == "Ombudsman":
        paid = OMBUDSMAN_PAYMENTS.get(ref)
        return [paid, "Payment" if paid else None, None]
    if outcome not in UPHELD_WORDS:
        return [None, None, None]
    if rng.random() < PAYMENT_SHARE:
        return [int(PAYMENTS[int(rng.integers(len(PAYMENTS)))]), "Time and trouble payment", None]
    return [None, pick(rng, REMEDY_SPELLINGS), None]


def refused_rows(rng: np.random.Generator) -> list[list[object]]:
    """The corporate complaints refused each year, in date order: Stage 1, answered with the reason."""
    rows = []
    services = list(CHILDREN_SERVICES)
    for year, reasons in REFUSED.items():
        received = sorted(random_working_day(rng, *financial_year(year)) for _ in reasons)
        for number, (day, reason) in enumerate(zip(received, reasons, strict=True), start=1):
            answered = add_working_days(day, int(rng.integers(2, 6)))
            rows.append([f"NA/{year % 100:02d}/{number:04d}", "Corporate", "Stage 1", day, add_working_days(day, 1),
                         answered, None, "Not accepted", CATEGORIES[int(rng.integers(len(CATEGORIES)))], "Parent",
                         None, None, services[int(rng.integers(len(services)))], None, "Complaint", None, None,
                         None, None, reason])
    return rows


def compliment_rows(rng: np.random.Generator) -> list[list[object]]:
    """The compliments of each year, in date order: statutory, Stage 1, no dates but the day received."""
    rows = []
    names = list(CHILDREN_SERVICES)
    weights = np.array(list(CHILDREN_SERVICES.values()), dtype=float)
    made_by = list(REPRESENTATION_MADE_BY)
    for year, count in COMPLIMENTS.items():
        received = sorted(random_working_day(rng, *financial_year(year)) for _ in range(count))
        for number, day in enumerate(received, start=1):
            service = names[rng.choice(len(names), p=weights / weights.sum())]
            rows.append([f"CMP/{year % 100:02d}/{number:04d}", "Statutory children's", "Stage 1", day, None, None,
                         None, None, None, made_by[int(rng.integers(len(made_by)))], None, None, service, None,
                         "Compliment", None, None, None, None, None])
    return rows


def with_remedy_columns(rows: list[list[object] | None], rng: np.random.Generator) -> list[list[object] | None]:
    """The log's rows with the remedy columns, and the refused complaints and the compliments logged below."""
    rows = [*(None if row is None else [*row, *remedy_cells(rng, row)] for row in rows), *refused_rows(rng)]
    return [*rows, *compliment_rows(rng)]


# --- The columns added for equality monitoring, and the enquiries of councillors and MPs ----------------------
# Age band, Sex, Ethnicity, Disability and Ward were added last, at the right-hand end, and filled in from a
# generator of their own, so every cell to their left is as it was. Each complainant is asked for the four
# characteristics when the complaint is acknowledged and may decline (a blank, or "Prefer not to say"); the
# answers are kept on each of the complaint's rows. The enquiries that councillors and MPs made on residents'
# behalf (record type Member enquiry or MP enquiry) are logged below the compliments with the ward of the
# address they were about (fictional wards); some give no address, or say it is not known.

EQUALITY_SEED = SEED + 2010
EQUALITY_HEADERS = ("Age band", "Sex", "Ethnicity", "Disability", "Ward")
EQUALITY_WIDTHS = (12, 8, 24, 11, 16)
CHILDREN_AGES = (("Under 18", 0.1), ("18-24", 0.08), ("25 to 34", 0.22), ("35 to 44", 0.25), ("45 to 54", 0.15),
                 ("55 to 64", 0.06), ("65 to 74", 0.03), ("75 and over", 0.01), (None, 0.10))
ADULT_AGES = (("18 to 24", 0.03), ("25 to 34", 0.05), ("35 to 44", 0.08), ("45 to 54", 0.17), ("55 to 64", 0.22),
              ("65 to 74", 0.15), ("75 and over", 0.18), ("Prefer not to say", 0.04), (None, 0.08))
SEXES = (("Female", 0.55), ("F", 0.05), ("Male", 0.28), ("M", 0.02), ("Prefer not to say", 0.03), (None, 0.07))
ETHNIC_GROUPS = (("White British", 0.55), ("White Other", 0.06), ("Asian or Asian British", 0.07),
                 ("Black or Black British", 0.04), ("Mixed", 0.04), ("Other ethnic group", 0.02),
                 ("Prefer not to say", 0.04), (None, 0.18))
DISABILITIES = (("No", 0.62), ("Yes", 0.16), ("Prefer not to say", 0.04), (None, 0.18))
CHILDREN_MADE_BY = ("Young person", CARED_FOR)
# Councillors' and MPs' enquiries by financial year received, and the fictional wards they were about.
ENQUIRIES = {2021: 14, 2022: 24}
WARDS = ("Abbey Fields", "Brookside", "Castle Hill", "Denton Park", "Elm Vale", "Fairmead", "Greenhythe")
WARD_SPELLINGS = (*((ward, 0.12) for ward in WARDS), (None, 0.1), ("Not known", 0.06))
ENQUIRY_PROCESSES = (("Corporate", 0.6), ("Statutory children's", 0.2), ("Adult social care", 0.2))


def equality_cells(rng: np.random.Generator, row: list[object], answers: dict[str, list[object]]) -> list[object]:
    """A complaint row's age band, sex, ethnicity and disability (the complainant's, the same on each of the
    complaint's rows; blank on representations and compliments), and no ward."""
    ref, made_by, record = str(row[0]), row[9], row[14]
    if record in ("Representation", "Compliment"):
        return [None] * len(EQUALITY_HEADERS)
    if ref not in answers:
        ages = ADULT_AGES if ref.startswith("ASC") else CHILDREN_AGES
        age = "Under 18" if made_by in CHILDREN_MADE_BY else pick(rng, ages)
        answers[ref] = [age, pick(rng, SEXES), pick(rng, ETHNIC_GROUPS), pick(rng, DISABILITIES)]
    return [*answers[ref], None]


def enquiry_rows(rng: np.random.Generator) -> list[list[object]]:
    """The enquiries of each year, in date order: Stage 1, answered, the ward of the address (or none)."""
    rows = []
    for year, count in ENQUIRIES.items():
        received = sorted(random_working_day(rng, *financial_year(year)) for _ in range(count))
        for number, day in enumerate(received, start=1):
            mp = rng.random() < 0.3
            cells: list[object] = [None] * (len(HEADERS) + len(EXTRA_HEADERS) + len(REMEDY_HEADERS))
            cells[:6] = [f"ENQ/{year % 100:02d}/{number:04d}", pick(rng, ENQUIRY_PROCESSES), "Stage 1", day,
                         add_working_days(day, 1), add_working_days(day, int(rng.integers(3, 12)))]
            cells[9], cells[14] = ("MP", "MP enquiry") if mp else ("Councillor", "Member enquiry")
            rows.append([*cells, None, None, None, None, pick(rng, WARD_SPELLINGS)])
    return rows


def with_equality_columns(rows: list[list[object] | None], rng: np.random.Generator) -> list[list[object] | None]:
    """The log's rows with the equality columns and the ward, and the enquiries logged below them."""
    answers: dict[str, list[object]] = {}
    return [*(None if row is None else [*row, *equality_cells(rng, row, answers)] for row in rows), *enquiry_rows(rng)]


# --- Making it look hand-kept -----------------------------------------------

def pick(rng: np.random.Generator, options: tuple[tuple[object, float], ...]) -> object:
    values = [value for value, _ in options]
    return values[rng.choice(len(values), p=[weight for _, weight in options])]


def extension_cell(rng: np.random.Generator, extension: bool | None) -> str | None:
    if extension is None:
        return None
    return ("Yes" if rng.random() < 0.7 else "Y") if extension else "No"


def log_rows(complaints: list[Complaint], rng: np.random.Generator) -> list[list[object]]:
    """One list of cell values per row, sorted by receipt as a person would keep them."""
    pairs = sorted(((row, c) for c in complaints for row in c.rows),
                   key=lambda pair: (pair[0].received, pair[1].ref))
    rows = [[complaint.ref, pick(rng, PROCESS_SPELLINGS[complaint.procedure]),
             pick(rng, STAGE_SPELLINGS[row.stage]), row.received, row.acknowledged,
             row.responded, extension_cell(rng, row.extension),
             pick(rng, OUTCOME_SPELLINGS[row.outcome]), complaint.category, complaint.made_by,
             row.agreed, joint_cell(rng, complaint, row)]
            for row, complaint in pairs]
    for i in rng.choice(len(rows) - 1, HAND_SWAPS, replace=False):
        rows[i], rows[i + 1] = rows[i + 1], rows[i]
    return rows


def joint_cell(rng: np.random.Generator, complaint: Complaint, row: Row) -> str | None:
    """Adults' Stage 1 rows: "Yes" for a joint complaint with the NHS, else mostly blank (it means no)."""
    if complaint.procedure != "adults" or row.stage != "1":
        return None
    if complaint.joint:
        return "Yes"
    return "No" if rng.random() < 0.15 else None


def messy_date(kind: str, day: dt.date) -> str | int:
    if kind == "dmy_text":
        return day.strftime("%d/%m/%Y")
    if kind == "long_text":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return (day - EXCEL_EPOCH).days


def mess_up_dates(rows: list[list[object]], rng: np.random.Generator,
                  messy: dict[str, int] = MESSY_DATES, columns: tuple[int, ...] = DATE_COLUMNS) -> None:
    """Turn a few dates into text dates and bare Excel serial numbers."""
    cells = [(r, c) for r, row in enumerate(rows) for c in columns if row[c] is not None]
    chosen = iter(rng.choice(len(cells), sum(messy.values()), replace=False))
    for kind, count in messy.items():
        for _ in range(count):
            r, c = cells[next(chosen)]
            rows[r][c] = messy_date(kind, rows[r][c])


def with_blank_rows(rows: list[list[object]], rng: np.random.Generator) -> list[list[object] | None]:
    gaps = set(rng.choice(np.arange(5, len(rows) - 5), BLANK_ROWS, replace=False).tolist())
    spaced: list[list[object] | None] = []
    for i, row in enumerate(rows):
        if i in gaps:
            spaced.append(None)
        spaced.append(row)
    return spaced


# --- Workbook ------------------------------------------------------------------

def write_log_sheet(ws: Worksheet, rows: list[list[object] | None]) -> None:
    ws["A1"] = "Social Care Complaints Log 2021-2023"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Maintained by the Complaints Team - fictional sample data"
    ws["A2"].font = Font(italic=True)
    for col, header in enumerate(HEADERS + EXTRA_HEADERS + REMEDY_HEADERS + EQUALITY_HEADERS, start=1):
        ws.cell(HEADER_ROW, col, header).font = Font(bold=True)
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(values or [], start=1):
            cell = ws.cell(r, col, value)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    for col, width in enumerate(COLUMN_WIDTHS + EXTRA_WIDTHS + REMEDY_WIDTHS + EQUALITY_WIDTHS,
                                   start=1):
        ws.column_dimensions[ws.cell(HEADER_ROW, col).column_letter].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    width = len(HEADERS) + len(EXTRA_HEADERS) + len(REMEDY_HEADERS) + len(EQUALITY_HEADERS)
    last = ws.cell(HEADER_ROW, width).column_letter
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(rows)}"


def list_values() -> dict[str, list[str]]:
    outcomes = [spellings[0][0] for spellings in OUTCOME_SPELLINGS.values()]
    return {"Process": ["Statutory children's", "Corporate", "Adult social care"],
            "Outcome": outcomes,
            "Category": list(CATEGORIES)}


def write_lists_sheet(ws: Worksheet, log: Worksheet, last_row: int) -> None:
    """Dropdown sources, and the dropdowns on the log columns that use them."""
    log_columns = {"Process": "B", "Outcome": "H", "Category": "I"}
    for col, (header, values) in enumerate(list_values().items(), start=1):
        ws.cell(1, col, header).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            ws.cell(r, col, value)
        letter = ws.cell(1, col).column_letter
        ws.column_dimensions[letter].width = max(len(v) for v in values) + 2
        dropdown = DataValidation(type="list", formula1=f"=Lists!${letter}$2:${letter}${len(values) + 1}",
                                  allow_blank=True)
        dropdown.add(f"{log_columns[header]}{HEADER_ROW + 1}:{log_columns[header]}{last_row}")
        log.add_data_validation(dropdown)


def write_workbook(rows: list[list[object] | None], path: Path) -> None:
    wb = Workbook()
    log = wb.active
    log.title = "Complaints Log"
    write_log_sheet(log, rows)
    write_lists_sheet(wb.create_sheet("Lists"), log, HEADER_ROW + len(rows))
    wb.properties.creator = "Scrutiny Studio sample data"
    wb.properties.created = dt.datetime(2023, 11, 1)
    wb.save(path)


def main() -> None:
    rng = np.random.default_rng(SEED)
    rows = log_rows(build_complaints(rng), rng)
    received = [row[3] for row in rows]
    mess_up_dates(rows, rng)
    spaced = with_blank_rows(rows, rng)
    # The adults' complaints have a generator of their own, so the children's rows are as they always were.
    adult_rng = np.random.default_rng(ADULT_SEED)
    adult_rows = log_rows(build_adult_complaints(adult_rng), adult_rng)
    adult_received = [row[3] for row in adult_rows]
    mess_up_dates(adult_rows, adult_rng, ADULT_MESSY_DATES, ADULT_DATE_COLUMNS)
    merged = merged_by_receipt(spaced, received, adult_rows, adult_received)
    logged = with_extra_columns(merged, np.random.default_rng(EXTRA_SEED))
    logged = with_remedy_columns(logged, np.random.default_rng(REMEDY_SEED))
    logged = with_equality_columns(logged, np.random.default_rng(EQUALITY_SEED))
    write_workbook(logged, OUTPUT)
    representations = sum(REPRESENTATIONS.values())
    print(f"wrote {OUTPUT} ({len(rows) + len(adult_rows)} complaint rows, {len(adult_rows)} of adult social care, "
          f"{representations} representations, {sum(map(len, REFUSED.values()))} complaints not accepted and "
          f"{sum(COMPLIMENTS.values())} compliments, {sum(ENQUIRIES.values())} enquiries of councillors and MPs)")


if __name__ == "__main__":
    main()
