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
}
REF_PREFIX = {"statutory": "CSC", "corporate": "CC"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
EXCEL_EPOCH = dt.date(1899, 12, 30)

HEADERS = ("Complaint Ref", "Process", "Stage", "Date Received", "Date Acknowledged",
           "Date Responded", "Extension Agreed", "Outcome", "Category", "Made by")
DATE_COLUMNS = (3, 4, 5)  # zero-based positions of the three date columns
COLUMN_WIDTHS = (14, 22, 11, 15, 18, 15, 17, 50, 24, 24)
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


@dataclass
class Complaint:
    procedure: str              # "statutory" or "corporate"
    first_year: int             # financial year of the Stage 1 receipt
    category: str
    made_by: str
    ref: str = ""
    rows: list[Row] = field(default_factory=list)


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


def escalation(procedure: str, first_year: int, stage: str, window: Span,
               outcome: str, in_time: bool = True) -> FollowUp:
    return FollowUp(procedure, first_year, PREVIOUS_STAGE[stage], stage, window, outcome, in_time)


def ombudsman(first_year: int, after_stage: str, window: Span, outcome: str) -> FollowUp:
    return FollowUp("statutory", first_year, after_stage, "ombudsman", window, outcome)


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
    # Ombudsman contacts about statutory complaints: 4 in 2021-22, 6 in 2022-23.
    ombudsman(2021, "1", FY_2021, "premature"),
    ombudsman(2021, "1", FY_2021, "premature"),
    ombudsman(2021, "2", FY_2021, "initial_enquiries"),
    ombudsman(2021, "1", FY_2021, "out_of_jurisdiction"),
    ombudsman(2022, "1", FY_2022, "premature"),
    ombudsman(2022, "1", FY_2022, "premature"),
    ombudsman(2021, "3", FY_2022, "initial_enquiries"),
    ombudsman(2022, "2", FY_2022, "initial_enquiries"),
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
             pick(rng, OUTCOME_SPELLINGS[row.outcome]), complaint.category, complaint.made_by]
            for row, complaint in pairs]
    for i in rng.choice(len(rows) - 1, HAND_SWAPS, replace=False):
        rows[i], rows[i + 1] = rows[i + 1], rows[i]
    return rows


def messy_date(kind: str, day: dt.date) -> str | int:
    if kind == "dmy_text":
        return day.strftime("%d/%m/%Y")
    if kind == "long_text":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return (day - EXCEL_EPOCH).days


def mess_up_dates(rows: list[list[object]], rng: np.random.Generator) -> None:
    """Turn a few dates into text dates and bare Excel serial numbers."""
    cells = [(r, c) for r, row in enumerate(rows) for c in DATE_COLUMNS if row[c] is not None]
    chosen = iter(rng.choice(len(cells), sum(MESSY_DATES.values()), replace=False))
    for kind, count in MESSY_DATES.items():
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
    ws["A1"] = "Children's Services Complaints Log 2021-2023"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Maintained by the Complaints Team - fictional sample data"
    ws["A2"].font = Font(italic=True)
    for col, header in enumerate(HEADERS, start=1):
        ws.cell(HEADER_ROW, col, header).font = Font(bold=True)
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(values or [], start=1):
            cell = ws.cell(r, col, value)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    for col, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[ws.cell(HEADER_ROW, col).column_letter].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:J{HEADER_ROW + len(rows)}"


def list_values() -> dict[str, list[str]]:
    outcomes = [spellings[0][0] for spellings in OUTCOME_SPELLINGS.values()]
    return {"Process": ["Statutory children's", "Corporate"],
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
    mess_up_dates(rows, rng)
    write_workbook(with_blank_rows(rows, rng), OUTPUT)
    print(f"wrote {OUTPUT} ({len(rows)} complaint rows)")


if __name__ == "__main__":
    main()
