"""Write the sample returns bundled with Scrutiny Studio (everything but the complaints log).

Scrutiny Studio turns the Excel returns a performance team keeps into committee
papers. To demonstrate it and to test it end to end we need returns whose
published answers are known: these workbooks reproduce the figures printed in
two Sefton committee papers (the Adult Social Care Performance Report, seed
000, and the Children's Social Care Overview Practice report, seed 002), in
the shapes listed in resources/returns_vocabulary.toml, with the small warts
such returns carry (title rows, notes rows, numbers typed as text, "NA").

Published figures are typed in below as constants. Figures the papers do not
print (monthly counts behind a rolling total, benchmark quartile cut points,
member councils' values, population by age) are constructed so that every
published figure follows from them; the random parts come from a generator
with a fixed seed, so every run writes the same workbooks. sample_data/README.md
says which cell holds which published figure.

Run from the repository root:  python sample_data/make_returns.py
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

SEED = 20230731
HERE = Path(__file__).resolve().parent
TITLE_FONT = Font(bold=True, size=13)
BOLD = Font(bold=True)
ITALIC = Font(italic=True)

Cell = object  # str, int, float, date or None: whatever openpyxl writes
Row = Sequence[Cell]


# --- Writing helpers ---------------------------------------------------------------


def new_workbook() -> Workbook:
    """A workbook without openpyxl's default empty sheet."""
    book = Workbook()
    book.remove(book.active)
    return book


def write_rows(sheet: Worksheet, first_row: int, rows: Iterable[Row], font: Font | None = None) -> int:
    """Write `rows` from `first_row` down; return the first row after them."""
    row_number = first_row
    for row in rows:
        for column, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row_number, column=column, value=value)
            if font is not None:
                cell.font = font
        row_number += 1
    return row_number


def write_title(sheet: Worksheet, row: int, text: str, font: Font = TITLE_FONT) -> None:
    sheet.cell(row=row, column=1, value=text).font = font


def one_decimal(sheet: Worksheet, columns: Sequence[int], first_row: int) -> None:
    """Show float cells with one decimal, so 27.0 reads as published rather than as 27."""
    for column in columns:
        for (cell,) in sheet.iter_rows(min_row=first_row, min_col=column, max_col=column):
            if isinstance(cell.value, float):
                cell.number_format = "0.0"


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def wrap_column(sheet: Worksheet, column: int, first_row: int) -> None:
    for (cell,) in sheet.iter_rows(min_row=first_row, min_col=column, max_col=column):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def split_total(rng: np.random.Generator, total: int, weights: Sequence[float], jitter: float) -> list[int]:
    """Whole numbers in proportion to `weights` (each nudged by up to `jitter`) that add up to `total`."""
    shares = np.asarray(weights, dtype=float) * (1 + rng.uniform(-jitter, jitter, len(weights)))
    exact = total * shares / shares.sum()
    whole = np.floor(exact).astype(int)
    for index in np.argsort(whole - exact)[: total - whole.sum()]:  # largest remainders first
        whole[index] += 1
    return [int(value) for value in whole]


# --- a. Children's performance: dashboard and ChAT (seed 002) ----------------------


@dataclass(frozen=True)
class DashboardRow:
    """One indicator of the children's dashboard, seed 002 lines 2471-2509."""

    id: str
    name: str
    group: str
    unit: str
    good_is: str
    june: Cell
    july: Cell
    sn: Cell
    status: int
    dot: str  # direction of travel arrow as published
    commentary: str = ""
    action: str = ""
    earlier: dict[str, Cell] = field(default_factory=dict)  # period -> value, before June


RATE = "rate per 10,000 children"
SEE_SUMMARY = "SEE ANALYSIS IN SUMMARY SECTION OF REPORT"

DASHBOARD: tuple[DashboardRow, ...] = (
    DashboardRow("CSC-D01", "MASH Contact Starts in last 12 Months (Nos)", "Demand", "count", "Low",
                 14014, 14213, None, 2, "▲",
                 "Contacts throughout June and July (the period covered in this report) show a slight increase on "
                 "the 2 months previous, although this is not a consistent trend. In the six months between Feb – "
                 "July an average of 1251 contacts each month have been received into the IFD, with a high of 1482 "
                 "in March and a low of 1101 in May. Contact Sources remain broadly consistent, with the Police "
                 "Contact (37%) making up the biggest source followed by schools (13%) and health (11%)."),
    DashboardRow("CSC-D02", "Referral Starts in last 12 Months (Nos)", "Demand", "count", "Low",
                 3943, 3808, None, 2, "▼",
                 "The pattern of decreasing referrals now appears consistent with approx. 100 approx. 100 less "
                 "referrals into social care each month. The impact of this is notable in the decrease of open "
                 "assessments within the Assessment Service. This number stood at a 6-month high of 499 in April "
                 "2023, but has decreased markedly to a six-month low of 216 in July 2023. Whilst the number of "
                 "contacts into the service remains steady, the decrease continues to be driven by the reduced "
                 "percentage of contacts converted into referrals each month.",
                 earlier={"April 2023": 4161, "May 2023": 4037}),
    DashboardRow("CSC-D03", "Contact to Referral Conversion Rate Last 12 Months (%)", "Demand", "%", "Low",
                 "28.4", 27.0, None, 2, "▼", "See above"),  # June typed as text: a wart
    DashboardRow("CSC-D04", "Referral Starts in last 12 Months (Rate per 10,000 children)", "Demand", RATE, "Low",
                 728.9, 703.9, 579.3, 3, "▼",
                 "See above, this figure has decreased steadily over the last quarter: April: 769.2 May: 746.2 "
                 "June: 728.9 July 703.9 These changes continue to bring the figure closer to the SN number of "
                 "579.3. Although Hypothetical, the current rate of reduction would see this figure reached in "
                 "approx. 6 months. It needs to be borne in mind that all SN figures quoted in these reports are "
                 "now approx. 12 months out of date .",
                 earlier={"April 2023": 769.2, "May 2023": 746.2}),
    DashboardRow("CSC-D05", "Assessments Completed in last 12 Months (Nos)", "Demand", "count", "Low",
                 4756, 4673, None, 3, "▼",
                 "Although reducing, number of assessments completed within Sefton remains high, and seemingly out "
                 "of sync with the reduction of work entering the system. This is of relevance when considered "
                 "alongside the high number of assessments which continue to conclude with no further action.",
                 "There needs to be a focused piece of QA around the issue of NFA assessments which considers:\n"
                 "• Decision making and triage at the point of allocation.\n• Quality of analysis\n"
                 "• Oversight and review of assessment by TM"),
    DashboardRow("CSC-D06", "Assessments Completed in last 12 Months (Rate per 10,000 children)", "Demand", RATE,
                 "Low", 879.1, 863.8, 622.0, 3, "▼", "See above"),
    DashboardRow("CSC-D07", "Children in Need Plans - Currently Open (Nos)", "Demand", "count", "Low",
                 766, 745, None, 2, "▼",
                 "Number of open CiN plans shows a gradual if not consistent reduction. QA evidence clearly that "
                 "this cohort of work shows variable quality as well as compliance",
                 "CiN review project has now been up and running for a month. Dip samples of cases reviewed in "
                 "this manner give positive early indications of quality and compliance. A focused analysis of the "
                 "impact of this can be presented at next IB when project is more embedded."),
    DashboardRow("CSC-D08", "Children Subject to Section 47 Enquiries in last 12 Months (Nos)", "Demand", "count",
                 "Low", 1882, 1808, None, 3, "▼"),
    DashboardRow("CSC-D09", "Children Subject to Section 47 Enquiries in last 12 Months (Rate per 10,000 children)",
                 "Demand", RATE, "Low", 347.9, 334.2, 207.5, 3, "▼",
                 "The rate of children subject to S47 enquiries continues to decrease at a steady rate although it "
                 "continues to exceed the SN figure. The analysis in the summary section of the report illustrates "
                 "the direction of travel over the previous twelve months in terms of the number of enquires as "
                 "well as the rate at which they are converted into children protection conferences and subsequent "
                 "CP plans"),
    DashboardRow("CSC-D10", "Child Protection Plans - Currently Open (Nos)", "Demand", "count", "Low",
                 333, 324, None, 2, "▼",
                 "CP numbers have dropped slightly since the last reporting period but have remained roughly static "
                 "over the last quarter and broadly in line with SN rates. Given the relatively low numbers of "
                 "children involved, small changes have notable impacts upon the rate."),
    DashboardRow("CSC-D11", "Child Protection Plans - Currently Open (Rate per 10,000 children)", "Demand", RATE,
                 "Low", 61.6, 59.9, 63.5, 2, "▼", "See above"),
    DashboardRow("CSC-D12", "Cared for Children - Currently Open (Nos)", "Demand", "count", "Low",
                 610, 617, None, 3, "▲", SEE_SUMMARY),
    DashboardRow("CSC-D13", "Cared for Children - Currently Open (Rate per 10,000 children)", "Demand", RATE, "Low",
                 112.8, 114.1, 89, 3, "▲", "SEE ABOVE"),
    DashboardRow("CSC-T01", "MASH Contacts Actioned within 24 Hours - in last 12 Months (%)", "Timeliness", "%",
                 "High", 23.6, 24.7, None, 2, "▲"),
    DashboardRow("CSC-T02", "Assessments Completed within 45 Working Days - in last 12 Months (%)", "Timeliness",
                 "%", "High", 68.2, 66.5, 89.2, 3, "▼", SEE_SUMMARY),
    DashboardRow("CSC-T03", "Initial Child Protection Conferences held within 15 Working Days - in last 12 Months (%)",
                 "Timeliness", "%", "High", 86.3, 83.5, 82.5, 1, "▼"),
    DashboardRow("CSC-T04", "Children in Need (Open) with a Visit within the last 20 Working Days (%)", "Timeliness",
                 "%", "High", 62.8, 62.0, None, 3, "▼", "See below in relation to challenges with CiN Cohort"),
    DashboardRow("CSC-T05", "Child Protection (Open) with a Visit within the last 20 Working Days (%)", "Timeliness",
                 "%", "High", 92.5, 89.5, None, 1, "▼"),
    DashboardRow("CSC-T06", "Cared for Children (Open) with a Visit within Statutory Timescales (%)", "Timeliness",
                 "%", "High", 91.0, 92.2, None, 1, "▲"),
    DashboardRow("CSC-T07", "Children in Need Plans Authorised within the last 20 Working Days (Localities Teams) (%)",
                 "Timeliness", "%", "High", 52.1, 52.0, None, 3, "▼",
                 "Compliance in respect of CiN work remains challenged, although there is some evidence of improved "
                 "figures around planning.",
                 "Decreasing staffing pressures in localities service as well as the embedding of independent "
                 "oversight of CiN cohort"),
    DashboardRow("CSC-E01", "Children with a Previous Referral within 12 months of their latest Referral - Rolling "
                 "12 Months (%)", "Effectiveness", "%", "Low", 26.5, 26.5, 21.1, 2, "▲"),
    DashboardRow("CSC-E02", "Assessments Completed in last 12 Months with Outcome of No Further Action (%)",
                 "Effectiveness", "%", "Low", 49.0, 48.2, None, 2, "▼",
                 "Figure continues to drop but at a slow rate. See analysis"),
    DashboardRow("CSC-E03", "Children who became the subject of a Child Protection Plan for a subsequent time in "
                 "last 12 Months (%)", "Effectiveness", "%", "Low", 16.4, 18.3, 25.1, 1, "▲"),
    DashboardRow("CSC-M01", "Open Cases (CIN,CP,CfC) with Appropriate Case Supervision Recorded (%)", "Management",
                 "%", "High", 72.8, 63.4, None, 2, "▼",
                 "July has seen a slight dip in supervision figures compared to the 6 month high of 72%. This "
                 "figure was achieved as a result of the focused prep work prior to the Ofsted visit, with the "
                 "increase being driven by increases in cared for supervisions.",
                 "Ongoing focus on supervision compliance and quality as well as transition from 'inspection prep' "
                 "uplifts to this being business as usual."),
    DashboardRow("CSC-M02", "All Open Cases (CIN,CP,CfC) with Appropriate Management Oversight Recorded (%)",
                 "Management", "%", "High", 67.7, 56.1, None, 2, "▼", "See above"),
    DashboardRow("CSC-M03", "Average Caseload (NB: this data does not use FTE as it is not currently available and "
                 "hence actual average caseload will be slightly higher than the figures reported here)",
                 "Management", "cases per worker", "Low", 15.7, 14.5, None, 2, "▼",
                 "Although this figure is dropping, caseloads are not consistent across the service and areas of "
                 "pressure remain. The number presented in this report is a simple calculation based upon number of "
                 "cases divided by workers. It does not take into account working hours or roles (e.g. ATM with "
                 "reduced caseload). Within the localities service few if any full time permanent workers have "
                 "caseloads below 20",
                 "As of 31 st of August the first 7 international social workers will move into the localities "
                 "service having completed their induction. Their development is continuing, and they will be "
                 "allocated work at a pace that supports the development of their practice. Moving forward case "
                 "load pressure will begin to be mitigated by the increasing number of these new workers."),
    DashboardRow("CSC-M04", "Vacancy Rate", "Management", "%", "Low", None, None, None, 2, "-",
                 "Between April and 24th August 2023 15 Social Workers commenced employment and 15 people have been "
                 "offered places in the Academy to start later in the year.",
                 "The Improvement Team to baseline staffing for future reporting, This will take account of changes "
                 "e.g. Early Help."),
    DashboardRow("CSC-M05", "Agency", "Management", "%", "Low", None, None, None, 2, "-"),
    DashboardRow("CSC-M06", "Sickness Absence", "Management", "%", "Low", "NA", "7.74%", None, 2, "▼"),
    # The seed prints the "Outcomes" label one row lower, so this row sits in Management there.
    DashboardRow("CSC-M07", "Cared for Children (Open) with 3 or more Placements (%)", "Management", "%", "Low",
                 10.3, 10.5, None, 2, "▲"),
    DashboardRow("CSC-O01", "Cared for Children (Open) with 3 or more Social Workers (%)", "Outcomes", "%", "Low",
                 14.1, 16.0, None, 2, "▲",
                 "This number has increased slightly over the last period, a number of these changes have been "
                 "accounted for by planned changes of SW agreed by AD corporate parenting."),
    DashboardRow("CSC-O02", "Care Experienced aged 19-21 Currently in Education, Employment, or Training (%)",
                 "Outcomes", "%", "High", 45.6, 45, 50, 2, "▼"),
)

DASHBOARD_HEADERS = ("ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value", "Status",
                     "Statistical Neighbours", "Commentary", "Action", "DoT (as published)")


def dashboard_rows(indicator: DashboardRow) -> list[Row]:
    """Earlier months, then June and July; status, commentary and the arrow belong to July."""
    rows: list[Row] = [
        (indicator.id, indicator.name, indicator.group, indicator.unit, indicator.good_is, period, value,
         None, indicator.sn)
        for period, value in [*indicator.earlier.items(), ("June 2023", indicator.june)]
    ]
    rows.append((indicator.id, indicator.name, indicator.group, indicator.unit, indicator.good_is, "July 2023",
                 indicator.july, indicator.status, indicator.sn, indicator.commentary or None,
                 indicator.action or None, indicator.dot))
    return rows


def write_dashboard(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Children's Social Care – Overview Practice performance dashboard")
    write_title(sheet, 2, "Most data sets are rolling 12-month figures back from the date specified. "
                          "Report for June and July 2023.", ITALIC)
    write_rows(sheet, 4, [DASHBOARD_HEADERS], BOLD)
    write_title(sheet, 5, "Status: 1 = Overall Good or Improving Situation; 2 = Overall Improving but Impact "
                          "Still Concerning; 3 = Not Improving", ITALIC)
    next_row = write_rows(sheet, 6, (row for indicator in DASHBOARD for row in dashboard_rows(indicator)))
    write_title(sheet, next_row + 1, "Statistical neighbour figures are those applicable to 2021/22.", ITALIC)
    one_decimal(sheet, (7, 9), 6)
    set_widths(sheet, (10, 60, 14, 22, 8, 12, 9, 7, 11, 70, 60, 10))
    for column in (2, 10, 11):
        wrap_column(sheet, column, 6)


@dataclass(frozen=True)
class ChatRow:
    """One row of the ChAT review, seed 002 lines 2434-2457."""

    id: str
    name: str
    unit: str
    good_is: str
    january: Cell
    july: Cell
    sn: Cell
    commentary: str = ""
    numerators: tuple[int, int] | None = None
    denominators: tuple[int, int] | None = None


CHAT: tuple[ChatRow, ...] = (
    ChatRow("CHAT-01", "Referrals per 10K", RATE, "Low", 829, 611, 579,
            "Significant decrease which brings the figure closer to the SN rate of 579"),
    ChatRow("CHAT-02", "Re-referrals", "%", "Low", 26, 26, 21, "Rate remains static and above the SN rate Of 21%"),
    ChatRow("CHAT-03", "Assessments per 10K", RATE, "Low", 897, 840, 622,
            "Decrease of approx. 6%. This would need to be a reduction of 30% to match SN rates"),
    ChatRow("CHAT-04", "Assessments completed 45 days", "%", "High", 74, 56, 89, "Decreasing performance see analysis"),
    ChatRow("CHAT-05", "S47 per 10k", RATE, "Low", 348, 260, 207, "Significant decrease of over 25%"),
    ChatRow("CHAT-06", "Number of s47 enquires in period", "count", "Low", 941, 703, "NA", "See above"),
    ChatRow("CHAT-07", "Number of ICPCs resulting from S47", "count", "Low", 193, 171, "NA",
            "Decreased number of s47 enquires with increased rate of ICPC suggestive of more appropriate triage"),
    ChatRow("CHAT-08", "ICPCs resulting from S47 (% of s47 enquiries)", "%", "High", 20.5, 25, "NA",
            "Published in one cell with the count: 193 (20.5%), 171 (25%)", (193, 171), (941, 703)),
    ChatRow("CHAT-09", "CP conference per 10K", RATE, "Low", 71, 63, 74, "11% decrease"),
    ChatRow("CHAT-10", "Cin Per 10K", RATE, "Low", 426, 371, 382, "13% decrease"),
    ChatRow("CHAT-11", "CP per 10k", RATE, "Low", 66, 59, 50, "11% decrease"),
    ChatRow("CHAT-12", "Cared for 10k", RATE, "Low", 114, 114, 90, "Static"),
    ChatRow("CHAT-13", "Cared for missing in period", "%", "Low", 11, 10, 11),
    ChatRow("CHAT-14", "Cared for dental checks", "%", "High", 62, 75, 71, "13% increase"),
    ChatRow("CHAT-15", "Cared for annual health assessment", "%", "High", 88, 94, 93, "6% increase"),
    ChatRow("CHAT-16", "Ceased Cared for and adopted", "%", "High", 3, 3, 11, "Static and below SN rates"),
    ChatRow("CHAT-17", "Ceased cared for SGO", "%", "High", 20, 15, 17),
    ChatRow("CHAT-18", "Care leavers 19-21 suitable accommodation", "%", "High", 93, 86, 90),
    ChatRow("CHAT-19", "EET", "%", "High", 47, 45, 52),
)

CHAT_HEADERS = ("ID", "Indicator", "Unit", "Good is", "Period", "Value", "Numerator", "Denominator",
                "Statistical Neighbours", "Commentary")


def chat_rows(indicator: ChatRow) -> list[Row]:
    numerators = indicator.numerators or (None, None)
    denominators = indicator.denominators or (None, None)
    periods = (("January 2023", indicator.january, None), ("July 2023", indicator.july, indicator.commentary))
    return [
        (indicator.id, indicator.name, indicator.unit, indicator.good_is, period, value, numerator, denominator,
         indicator.sn, commentary or None)
        for (period, value, commentary), numerator, denominator in zip(periods, numerators, denominators)
    ]


def write_chat(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Review of ChAT Data: Aug 22 – Jan 23 / Feb – July 23")
    next_row = write_rows(sheet, 2, [CHAT_HEADERS], BOLD)
    next_row = write_rows(sheet, next_row, (row for indicator in CHAT for row in chat_rows(indicator)))
    write_title(sheet, next_row + 1, "* Caution to be expressed re SN rates which are applicable to year 21/22",
                ITALIC)
    set_widths(sheet, (10, 44, 22, 8, 14, 8, 11, 12, 11, 70))


@dataclass(frozen=True)
class ComparisonRow:
    """One row of ChAT's comparisons with published statistics, seed 002 lines 3921-3943."""

    id: str
    name: str
    unit: str
    good_is: str
    latest: Cell  # ChAT's latest figure (July 2023)
    published: Cell  # the LA's latest published figure
    sn: Cell
    england: Cell
    position: str  # the LA against the middle 50% of all LAs, as published
    period: str = "2021-22"


DAYS = "count"  # the adoption measures are days: a whole number, as ChAT prints them
CHAT_COMPARISONS: tuple[ComparisonRow, ...] = (
    ComparisonRow("CHAT-P01", "Referrals received (annual rate per 10,000 of children)", RATE, "Low",
                  611, 768, 579, 538, "Higher"),
    ComparisonRow("CHAT-P02", "Referrals to social care that were within 12 months of a previous referral (%)", "%",
                  "Low", 26, 19, 21, 20, "In range"),
    ComparisonRow("CHAT-P03", "Assessments completed (annual rate per 10,000 of children)", RATE, "Low",
                  840, 820, 622, 533, "Higher"),
    ComparisonRow("CHAT-P04", "Assessments completed within 45 working days (%)", "%", "High",
                  56, 79, 89, 84, "In range"),
    ComparisonRow("CHAT-P05", "Children subject to section 47 enquiries (annual rate per 10,000 of children)", RATE,
                  "Low", 260, 243, 207, 180, "Higher"),
    ComparisonRow("CHAT-P06", "Children subject of an initial child protection conference (annual rate per 10,000 "
                  "of children)", RATE, "Low", 63, 80, 74, 61, "Higher"),
    ComparisonRow("CHAT-P07", "Initial Child Protection Conferences held within 15 working days of the start of the "
                  "section 47 enquiry (%)", "%", "High", 72, 63, 82, 79, "Lower"),
    ComparisonRow("CHAT-P08", "Children in need (snapshot rate per 10,000 children)", RATE, "Low",
                  371, 495, 382, 334, "Higher"),
    ComparisonRow("CHAT-P09", "Children who are the subject of a child protection plan (snapshot rate per 10,000 "
                  "children)", RATE, "Low", 59, 62, 50, 42, "Higher"),
    ComparisonRow("CHAT-P10", "Children who became the subject of a CP plan for a second or subsequent time (%)",
                  "%", "Low", 24, 21, 25, 23, "In range"),
    ComparisonRow("CHAT-P11", "Children who ceased to be on a CP plan whose plan lasted 2 years or more (%)", "%",
                  "Low", 2, 2, 3, 4, "Lower"),
    ComparisonRow("CHAT-P12", "Children who are looked after (snapshot rate per 10,000 children)", RATE, "Low",
                  114, 113, 90, 70, "Higher"),
    ComparisonRow("CHAT-P13", "Children looked after who had a missing incident in the period (%)", "%", "Low",
                  10, 9, 11, 11, "In range"),
    ComparisonRow("CHAT-P14", "Children looked after who were away without authorisation in the period (%)", "%",
                  "Low", 1, "c", 3, 2, "Higher"),
    ComparisonRow("CHAT-P15", "Children looked after who had their teeth checked by a dentist in the last 12 months "
                  "(%)", "%", "High", 75, 68, 71, 70, "In range"),
    ComparisonRow("CHAT-P16", "Children looked after who had their annual health assessment (%)", "%", "High",
                  94, 94, 93, 89, "In range"),
    ComparisonRow("CHAT-P17", "Children who ceased to be looked after in the period who were adopted (%)", "%", "High",
                  3, 13, 11, 10, "In range"),
    ComparisonRow("CHAT-P18", "Children who ceased to be looked after in the period due to a Special Guardianship "
                  "Order (%)", "%", "High", 15, 21, 17, 13, "Higher"),
    ComparisonRow("CHAT-P19", "Children leaving care over the age of 16 who remained looked after until their 18th "
                  "birthday (%)", "%", "High", 89, 83, 91, 79, "Lower"),
    ComparisonRow("CHAT-P20", "Care leavers aged 19-21 in suitable accommodation (%)", "%", "High",
                  86, 92, 90, 88, "In range"),
    ComparisonRow("CHAT-P21", "Care leavers aged 19-21 in education, employment, or training (%)", "%", "High",
                  45, 48, 52, 55, "Lower"),
    ComparisonRow("CHAT-P22", "A1 - Average time between entering care and moving in with family for children who "
                  "were adopted (days)", DAYS, "Low", 642, 404, 522, 486, "Lower", "2015-18"),
    ComparisonRow("CHAT-P23", "A2 - Average time between LA receiving placement order and LA deciding on a match "
                  "with family (days)", DAYS, "Low", "-", 118, 227, 201, "Lower", "2015-18"),
)
COMPARISON_HEADERS = ("ID", "Indicator", "Unit", "Good is", "Period", "Value", "Latest published LA",
                      "Statistical Neighbours", "England", "Published period", "Position (as published)")


def write_chat_comparisons(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Comparisons of headline figures and performance data to published statistics")
    next_row = write_rows(sheet, 2, [COMPARISON_HEADERS], BOLD)
    rows = [(row.id, row.name, row.unit, row.good_is, "July 2023", row.latest, row.published, row.sn, row.england,
             row.period, row.position) for row in CHAT_COMPARISONS]
    write_rows(sheet, next_row, rows)
    set_widths(sheet, (10, 70, 22, 8, 11, 8, 12, 11, 9, 12, 14))
    wrap_column(sheet, 2, next_row)


def childrens_performance() -> Workbook:
    book = new_workbook()
    write_dashboard(book.create_sheet("Dashboard"))
    write_chat(book.create_sheet("ChAT"))
    write_chat_comparisons(book.create_sheet("ChAT comparisons"))
    return book


# --- b. and c. Survey tables (seed 000) and their benchmarks -------------------------

TOP, MIDDLE, BOTTOM = "✔", "▬", "✘"
COMPARATORS = ("sn", "nw", "england")
COMPARATOR_LABELS = {"sn": "SN", "nw": "North West", "england": "England"}
SURVEY_PERIOD = "2023-24"


@dataclass(frozen=True)
class SurveyRow:
    """One row of a survey benchmark table: seed 000 lines 421-430 (SACE) and 449-462 (ASCS)."""

    theme: str  # also the id in benchmarks_2023.xlsx
    block: str  # the ASCS sub-table it sits in ("" for the carers' survey)
    definition: str
    good_is: str
    sefton: float
    published: dict[str, tuple[str, float]]  # comparator -> (quartile marker, group average)


def survey_row(theme: str, block: str, definition: str, good_is: str, sefton: float,
               sn: tuple[str, float], nw: tuple[str, float], england: tuple[str, float]) -> SurveyRow:
    return SurveyRow(theme, block, definition, good_is, sefton, {"sn": sn, "nw": nw, "england": england})


CARERS = "(proportion of carers "
USERS = "(proportion of service users "
SACE: tuple[SurveyRow, ...] = (
    survey_row("Satisfaction (carers)", "", CARERS + "either extremely, very or quite satisfied)", "High", 63.4,
               (MIDDLE, 69.5), (MIDDLE, 66.8), (MIDDLE, 67.1)),
    survey_row("Control (carers)", "", CARERS + "reporting as much control over their daily life as they want)",
               "High", 13.7, (BOTTOM, 21.4), (BOTTOM, 21), (BOTTOM, 21.5)),
    survey_row("Time spent (carers)", "", CARERS + "reporting they are able to spend their time as they want)",
               "High", 11, (BOTTOM, 15.3), (BOTTOM, 15.1), (BOTTOM, 16)),
    survey_row("Self-neglect (carers)", "", CARERS + "reporting they look after themselves)", "High", 46.7,
               (MIDDLE, 47.1), (MIDDLE, 47), (MIDDLE, 46.7)),
    survey_row("Social contact (carers)", "", CARERS + "reporting they have as much social contact as they want)",
               "High", 26.8, (MIDDLE, 30.8), (MIDDLE, 30.4), (MIDDLE, 30)),
    survey_row("Involvement (carers)", "", CARERS + "reporting they were involved in the discussions about the "
               "person they care for)", "High", 29.3, (BOTTOM, 38.3), (BOTTOM, 36.9), (BOTTOM, 36.9)),
    survey_row("Financial difficulties (carers)", "", CARERS + "reporting they did not have any financial "
               "difficulties caused by caring)", "High", 52.8, (MIDDLE, 57.1), (MIDDLE, 54), (MIDDLE, 53.4)),
    survey_row("Safety (carers)", "", CARERS + "reporting they have no worries about personal safety)", "High", 79.7,
               (MIDDLE, 81.7), (MIDDLE, 82.3), (MIDDLE, 81)),
    survey_row("Information & Advice (carers)", "", CARERS + "reporting information was easy to find)", "High", 55.3,
               (BOTTOM, 63.1), (BOTTOM, 58.7), (MIDDLE, 59)),
    survey_row("Loneliness (carers)", "", CARERS + "reporting they feel lonely often or always)", "Low", 19.9,
               (BOTTOM, 13.4), (BOTTOM, 15.6), (BOTTOM, 13.3)),
)
ASCS: tuple[SurveyRow, ...] = (
    survey_row("Satisfaction (service users)", "Satisfaction", USERS + "either extremely, very or quite satisfied "
               "with the care and support they receive)", "High", 89.6, (MIDDLE, 90), (MIDDLE, 88.9), (MIDDLE, 88.7)),
    survey_row("Choice (service users)", "Satisfaction", USERS + "reporting they have enough choice over care and "
               "support services)", "High", 65.2, (BOTTOM, 70.2), (MIDDLE, 67.8), (MIDDLE, 66.2)),
    survey_row("Control (service users)", "Satisfaction", USERS + "reporting they have as much control as they want "
               "or adequate control over their daily lives)", "High", 75.3, (BOTTOM, 79.6), (MIDDLE, 78.6),
               (MIDDLE, 77.6)),
    survey_row("General health (service users)", "Health", USERS + "reporting their health is either bad or very "
               "bad)", "Low", 19.2, (MIDDLE, 18), (MIDDLE, 19.6), (MIDDLE, 18.3)),
    survey_row("Pain and discomfort (service users)", "Health", USERS + "reporting they have extreme pain or "
               "discomfort)", "Low", 15.6, (BOTTOM, 13), (MIDDLE, 13.9), (BOTTOM, 13.2)),
    survey_row("Anxiety and depression (service users)", "Health", USERS + "reporting they are extremely anxious or "
               "depressed)", "Low", 12.1, (BOTTOM, 7.8), (BOTTOM, 9), (BOTTOM, 8.7)),
    survey_row("Social contact (service users)", "Social Contact", USERS + "reporting they have as much social "
               "contact as they want with people they like or have adequate social contact)", "High", 74.6,
               (BOTTOM, 79.4), (MIDDLE, 77.6), (MIDDLE, 76.9)),
    survey_row("Loneliness (service users)", "Social Contact", USERS + "reporting they feel lonely either often or "
               "always, or some of the time)", "Low", 43.2, (BOTTOM, 39.4), (MIDDLE, 39.6), (MIDDLE, 40.8)),
    survey_row("Time spent (service users)", "Social Contact", USERS + "reporting they are able to spend their time "
               "as they want, doing things they value or enjoy or are able to do enough of the things they value "
               "or enjoy)", "High", 62.2, (BOTTOM, 70.8), (BOTTOM, 69.1), (BOTTOM, 69.1)),
    survey_row("Getting outside (service users)", "Social Contact", USERS + "reporting they can get to all the "
               "places in their local area that they want)", "High", 28.9, (MIDDLE, 31.2), (MIDDLE, 29.7),
               (MIDDLE, 29.6)),
)

#: Themes whose SN quartiles come from the members' values on the "Members" sheet, with the spread to draw them.
MEMBER_THEMES = {"Control (carers)": 3.0, "Safety (carers)": 4.0, "Loneliness (carers)": 2.5}
MEMBER_COUNT = 15
MARGIN = 3  # tenths: every cut point is at least 0.3 away from Sefton's value


def required_side(marker: str, good_is: str) -> str:
    """Where Sefton's value must lie: 'below' the lower quartile, 'above' the upper, or 'inside'."""
    if marker == MIDDLE:
        return "inside"
    top_is_high = good_is == "High"
    return "above" if (marker == TOP) == top_is_high else "below"


def marker_for(value: float, lower: float, upper: float, good_is: str) -> str:
    """The quartile marker a value earns against cut points (ties count as the middle)."""
    if lower < value < upper or value in (lower, upper):
        return MIDDLE
    high_is_good = good_is == "High"
    return TOP if (value > upper) == high_is_good else BOTTOM


def constructed_cut_points(rng: np.random.Generator, row: SurveyRow, comparator: str) -> tuple[float, ...]:
    """Lower quartile, median and upper quartile around the group's average that put Sefton where published."""
    marker, average = row.published[comparator]
    value, mean = round(row.sefton * 10), round(average * 10)  # tenths, so rounding cannot create a tie
    # Councils' results spread most for proportions near 50%: half the interquartile range ~ 0.07 sqrt(p(100-p)).
    half_spread = max(6, round(10 * rng.uniform(0.055, 0.085) * np.sqrt(average * (100 - average))))
    median = mean + int(rng.integers(-5, 6))
    lower = median - round(half_spread * rng.uniform(0.8, 1.2))
    upper = median + round(half_spread * rng.uniform(0.8, 1.2))
    side = required_side(marker, row.good_is)
    if side == "below":
        lower = max(lower, value + MARGIN + int(rng.integers(0, 4)))
    elif side == "above":
        upper = min(upper, value - MARGIN - int(rng.integers(0, 4)))
    else:
        lower = min(lower, value - MARGIN - int(rng.integers(0, 4)))
        upper = max(upper, value + MARGIN + int(rng.integers(0, 4)))
    median = min(max(median, lower + 2), upper - 2)
    if abs(median - value) < MARGIN:  # keep the median off Sefton's value too
        median = value + MARGIN if value + MARGIN < upper - 1 else value - MARGIN
    return lower / 10, median / 10, upper / 10


def member_values(rng: np.random.Generator, row: SurveyRow, spread: float) -> list[float]:
    """Member councils' values (one decimal) whose mean is the published SN average and whose quartiles fit."""
    marker, average = row.published["sn"]
    target = round(average * 10) * MEMBER_COUNT
    side = required_side(marker, row.good_is)
    value = round(row.sefton * 10)
    while True:
        tenths = np.round(rng.normal(average, spread, MEMBER_COUNT) * 10).astype(int)
        start = int(rng.integers(MEMBER_COUNT))
        for step in range(abs(target - int(tenths.sum()))):
            tenths[(start + step) % MEMBER_COUNT] += 1 if target > tenths.sum() else -1
        lower, median, upper = np.percentile(tenths, [25, 50, 75])
        fits = {
            "below": lower >= value + MARGIN,
            "above": upper <= value - MARGIN,
            "inside": lower <= value - MARGIN and upper >= value + MARGIN,
        }[side]
        if fits and abs(median - value) >= MARGIN and tenths.min() > 0 and value not in tenths:
            return [int(t) / 10 for t in tenths]


def quartiles_from_members(values: Sequence[float]) -> tuple[float, ...]:
    """Excel QUARTILE.INC (numpy's default linear percentile) of the members' values."""
    return tuple(round(float(q), 2) for q in np.percentile(values, [25, 50, 75]))


def benchmark_tables(rng: np.random.Generator) -> tuple[list[Row], list[Row]]:
    """Rows of the Quartiles sheet and of the Members sheet."""
    quartiles: list[Row] = []
    members: list[Row] = []
    for row in (*SACE, *ASCS):
        for comparator in COMPARATORS:
            marker, average = row.published[comparator]
            label = COMPARATOR_LABELS[comparator]
            if comparator == "sn" and row.theme in MEMBER_THEMES:
                values = member_values(rng, row, MEMBER_THEMES[row.theme])
                members += [(row.theme, label, SURVEY_PERIOD, f"Authority {n:02d}", v)
                            for n, v in enumerate(values, start=1)]
                cuts, note = quartiles_from_members(values), "QUARTILE.INC of the 15 members on sheet Members"
            else:
                cuts, note = constructed_cut_points(rng, row, comparator), "constructed"
            assert marker_for(row.sefton, cuts[0], cuts[2], row.good_is) == marker, (row.theme, comparator, cuts)
            quartiles.append((row.theme, label, SURVEY_PERIOD, *cuts, average, marker, note))
    return quartiles, members


#: The ChAT comparison whose middle 50% comes from every council's value (sheet Members), with how many councils.
ALL_COUNCILS_ID, ALL_COUNCILS = "CHAT-P02", 152


def chat_cut_points(row: ComparisonRow) -> tuple[float, float, float]:
    """All councils' lower quartile, median and upper quartile for a ChAT comparison, constructed so that the
    LA's published figure falls where ChAT places it (a suppressed figure: around England's)."""
    placed = float(row.published if isinstance(row.published, (int, float)) else row.england)  # type: ignore[arg-type]
    width = max(2.0, round(0.2 * placed))
    margin = max(1.0, round(0.05 * placed))
    if row.position == "Higher":
        upper = placed - margin
        lower = upper - width
    elif row.position == "Lower":
        lower = placed + margin
        upper = lower + width
    else:
        lower, upper = placed - width / 2, placed + width / 2
    return lower, (lower + upper) / 2, upper


def all_council_values(row: ComparisonRow) -> list[float]:
    """Constructed values of every English council (one decimal) whose middle 50% holds the published figure."""
    rng = np.random.default_rng(SEED + 1)  # a generator of its own: the other sample figures stay as they were
    while True:
        values = [round(float(v), 1) for v in rng.normal(float(row.england), 4.5, ALL_COUNCILS)]  # type: ignore[arg-type]
        lower, _, upper = np.percentile(values, [25, 50, 75])
        if lower + 1 < float(row.published) < upper - 1 and min(values) > 0:  # type: ignore[arg-type]
            return values


def chat_benchmark_tables() -> tuple[list[Row], list[Row]]:
    """The Quartiles and Members rows of ChAT's comparisons: all councils' spread, as the England group."""
    quartiles: list[Row] = []
    members: list[Row] = []
    for row in CHAT_COMPARISONS:
        if row.id == ALL_COUNCILS_ID:
            members += [(row.id, "England", row.period, f"Council {n:03d}", value)
                        for n, value in enumerate(all_council_values(row), start=1)]
            continue
        quartiles.append((row.id, "England", row.period, *chat_cut_points(row), row.england, row.position,
                          "constructed: all councils' spread placing the LA's published figure as ChAT does"))
    return quartiles, members


QUARTILE_HEADERS = ("Theme", "Comparator", "Period", "Lower quartile", "Median", "Upper quartile", "Average",
                    "Marker (as published)", "Notes")
MEMBER_HEADERS = ("Theme", "Comparator", "Period", "Authority", "Value")


def benchmarks(rng: np.random.Generator) -> Workbook:
    quartile_rows, member_rows = benchmark_tables(rng)
    chat_quartiles, chat_members = chat_benchmark_tables()
    quartile_rows, member_rows = quartile_rows + chat_quartiles, member_rows + chat_members
    book = new_workbook()
    sheet = book.create_sheet("Quartiles")
    write_rows(sheet, write_rows(sheet, 1, [QUARTILE_HEADERS], BOLD), quartile_rows)
    set_widths(sheet, (36, 12, 9, 14, 9, 14, 9, 12, 46))
    sheet = book.create_sheet("Members")
    write_rows(sheet, write_rows(sheet, 1, [MEMBER_HEADERS], BOLD), member_rows)
    set_widths(sheet, (24, 12, 9, 14, 8))
    return book


SURVEY_COLUMNS = ("Good is", "Sefton", "Statistical Neighbours", "North West", "England", "Definition",
                  "SN quartile (published)", "NW quartile (published)", "England quartile (published)")


def survey_line(row: SurveyRow) -> Row:
    averages = [row.published[c][1] for c in COMPARATORS]
    markers = [row.published[c][0] for c in COMPARATORS]
    return (row.theme, row.good_is, row.sefton, *averages, row.definition, *markers)


def write_survey_block(sheet: Worksheet, first_row: int, heading: str, rows: Sequence[SurveyRow]) -> int:
    """A header row whose first cell names the block (as the paper does), then its rows."""
    next_row = write_rows(sheet, first_row, [(heading, *SURVEY_COLUMNS)], BOLD)
    return write_rows(sheet, next_row, [survey_line(row) for row in rows])


def write_marker_key(sheet: Worksheet, first_row: int) -> None:
    write_rows(sheet, first_row, [
        ("✔ Sefton's value falls into the top quartile",),
        ("▬ Sefton's value falls into one of the two middle quartiles",),
        ("✘ Sefton's value falls into the bottom quartile",),
    ], ITALIC)


def write_carers_survey(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Survey of Adult Carers in England (SACE) 2023-24 – Sefton and comparator averages")
    next_row = write_survey_block(sheet, 3, "Theme", SACE)
    write_marker_key(sheet, next_row + 1)
    set_widths(sheet, (34, 8, 8, 12, 11, 9, 60, 12, 12, 12))


def write_service_user_survey(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Adult Social Care Survey (ASCS) 2023-24 – Sefton and comparator averages")
    next_row = 3
    for block in ("Satisfaction", "Health", "Social Contact"):
        next_row = write_survey_block(sheet, next_row, block, [row for row in ASCS if row.block == block]) + 1
    write_marker_key(sheet, next_row)
    set_widths(sheet, (38, 8, 8, 12, 11, 9, 60, 12, 12, 12))


REABLEMENT_HEADERS = ("Reablement Type", "Client #", "Client %", "Weekly Hours", "Weekly Hours %", "Hours Per Person")
# Seed 000 lines 279-284, pasted from the dashboard: percentages and hours arrive as text.
REABLEMENT: tuple[tuple[Row, int], ...] = (  # (row, indent level: the ND rows break down "Reablement (ND)")
    (("Reablement (AREN)", 266, "77.1%", "3,719.00", "88.6%", 13.98), 0),
    (("Reablement (ND)", 79, "22.9%", "477.16", "11.4%", 6.04), 0),
    (("Reablement (ND Standard)", 70, "20.3%", "428.67", "10.2%", 6.12), 1),
    (("Reablement (ND Crisis)", 9, "2.6%", "48.49", "1.2%", 5.39), 1),
)
REABLEMENT_TOTAL: Row = ("Total", 345, "100.0%", "4,196.16", "100.0%", 12.16)


def write_reablement(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Reablement – Service Delivery")
    write_title(sheet, 2, "Current client numbers and weekly hours by reablement type, with hours delivered per "
                          "person (snapshot 02/12/2024)", ITALIC)
    next_row = write_rows(sheet, 3, [REABLEMENT_HEADERS], BOLD)
    for row, indent in REABLEMENT:
        write_rows(sheet, next_row, [row])
        sheet.cell(row=next_row, column=1).alignment = Alignment(indent=indent)
        next_row += 1
    next_row = write_rows(sheet, next_row, [REABLEMENT_TOTAL], BOLD)
    write_rows(sheet, next_row + 1, [
        ("Last year: Packages Of Care 308 (now 345, +12.01%); Total Weekly Hours 3,672.39 (now 4,196.16, +14.26%); "
         "Average Weekly Hours Per Person 11.9 (now 12.2, +2.01%)",),
    ], ITALIC)
    set_widths(sheet, (28, 9, 9, 13, 15, 16))


#: Seed 000's reablement cards (lines 249-271): packages of care and total weekly hours at the snapshot and a year
#: before; hours per person is worked out from them (the paper's +2.01% fits only 12.163 against 11.923).
REABLEMENT_CARDS = (
    ("ASC-REABLEMENT-PACKAGES", "Packages of care", "count", (308, None, None), (345, None, None)),
    ("ASC-REABLEMENT-HOURS", "Total weekly hours", "hours", (3672.39, None, None), (4196.16, None, None)),
    ("ASC-REABLEMENT-HOURS-PER-PERSON", "Average weekly hours per person", "hours", (None, 3672.39, 308),
     (None, 4196.16, 345)),
)
REABLEMENT_CARD_HEADERS = ("ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value", "Numerator",
                           "Denominator")


def write_reablement_cards(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Reablement – packages of care and weekly hours, at the snapshot and a year before")
    next_row = write_rows(sheet, 2, [REABLEMENT_CARD_HEADERS], BOLD)
    rows = [(id_, name, "Reablement", unit, None, period, *figures)
            for id_, name, unit, last_year, now in REABLEMENT_CARDS
            for period, figures in (("2 December 2023", last_year), ("2 December 2024", now))]
    write_rows(sheet, next_row, rows)
    set_widths(sheet, (34, 34, 12, 8, 8, 17, 9, 11, 12))


SAFEGUARDING_CORNER = "Location Summary/ Perpetrator Summary"
ABUSE_TYPES = ("Discriminatory", "Domestic Abuse", "Emotional/Psychological", "Financial and Material",
               "Modern Slavery", "Neglect and Acts of Omission", "Not Recorded", "Organisational", "Physical",
               "Self-neglect", "Sexual", "Sexual Exploitation")
# Seed 000 lines 503-510; None where the heatmap cell is blank.
SAFEGUARDING: tuple[tuple[str, tuple[int | None, ...]], ...] = (
    ("Care Home", (3, 3, 138, 86, None, 1101, 58, 45, 361, 7, 54, 2)),
    ("Health Setting", (None, None, 17, 7, None, 178, 13, 20, 34, 3, 7, 1)),
    ("In a Community Service", (None, None, 4, 1, None, 12, 3, 3, 15, None, 3, None)),
    ("Not Known", (None, 4, 21, 16, 2, 12, 9, 1, 15, 4, 12, 5)),
    ("Not Recorded", (2, 5, 21, 24, None, 30, 248, 5, 24, 4, 5, None)),
    ("Other", (6, 19, 98, 72, 3, 76, 23, 4, 86, 29, 41, 14)),
    ("Own Home", (15, 136, 399, 414, 4, 470, 124, 29, 304, 210, 63, 9)),
    ("Supported", (5, 1, 87, 75, None, 113, 23, 23, 78, 13, 17, 1)),
)


def write_safeguarding(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Safeguarding Themes – location x type of abuse (location summary), November 2024")
    next_row = write_rows(sheet, 2, [(SAFEGUARDING_CORNER, *ABUSE_TYPES)], BOLD)
    write_rows(sheet, next_row, [(location, *counts) for location, counts in SAFEGUARDING])
    for row in sheet.iter_rows(min_row=next_row, min_col=2):
        for cell in row:
            cell.number_format = "#,##0"
    set_widths(sheet, (36, *[14] * len(ABUSE_TYPES)))


AUDIT_HEADERS = ("Judgement", "No. of Audits", "%")
AUDIT: tuple[Row, ...] = (("Good", 2, "14%"), ("RI", 10, "71%"), ("Inadequate", 2, "14%"))


def write_audit(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Overall audit judgements post moderation – June 2023 (14 children's records)")
    next_row = write_rows(sheet, 2, [AUDIT_HEADERS], BOLD)
    next_row = write_rows(sheet, next_row, AUDIT)
    write_rows(sheet, next_row, [("Total", sum(int(row[1]) for row in AUDIT))], BOLD)
    set_widths(sheet, (14, 14, 8))


def survey_workbook() -> Workbook:
    book = new_workbook()
    write_carers_survey(book.create_sheet("Carers SACE"))
    write_service_user_survey(book.create_sheet("ASCS"))
    write_reablement(book.create_sheet("Reablement"))
    write_reablement_cards(book.create_sheet("Reablement cards"))
    write_safeguarding(book.create_sheet("Safeguarding"))
    write_audit(book.create_sheet("Audit"))
    return book


# --- d. Population -----------------------------------------------------------------

#: 0-17 in 2023 is the one whole number that reproduces every children's rate on the dashboard
#: (e.g. 617 -> 114.1, 3808 -> 703.9, 4756 -> 879.1 per 10,000); see README.
CHILDREN_2023 = 54_098
POPULATION: dict[int, dict[str, int]] = {  # year -> band -> persons (18+ is worked out)
    2021: {"0-17": 54_612, "18-64": 156_871, "65+": 67_918},
    2022: {"0-17": 54_377, "18-64": 157_204, "65+": 68_655},
    2023: {"0-17": CHILDREN_2023, "18-64": 157_583, "65+": 69_402},
}
POPULATION_HEADERS = ("Area", "Age band", "Year", "Population")


def population_rows(year: int) -> list[Row]:
    """The year's bands, then the all-ages total of the three bands."""
    bands = POPULATION[year]
    rows: list[Row] = [("Sefton", band, year, persons) for band, persons in bands.items()]
    rows.append(("Total", "All ages", year, sum(bands.values())))
    return rows


def adult_rows() -> list[Row]:
    """18+ for each year (18-64 plus 65+), kept below the totals as people do: it overlaps the bands."""
    return [("Sefton", "18+", year, bands["18-64"] + bands["65+"]) for year, bands in POPULATION.items()]


def population_workbook() -> Workbook:
    book = new_workbook()
    sheet = book.create_sheet("Population")
    write_title(sheet, 1, "Mid-year population estimates – Sefton, persons by broad age band")
    next_row = write_rows(sheet, 2, [POPULATION_HEADERS], BOLD)
    for year in POPULATION:
        start = next_row
        next_row = write_rows(sheet, next_row, population_rows(year))
        sheet.cell(row=next_row - 1, column=1).font = BOLD
        for (cell,) in sheet.iter_rows(min_row=start, max_row=next_row - 1, min_col=4, max_col=4):
            cell.number_format = "#,##0"
    write_title(sheet, next_row + 1, "Adults (18+), the sum of 18-64 and 65+ above")
    start = next_row + 2
    next_row = write_rows(sheet, start, adult_rows())
    for (cell,) in sheet.iter_rows(min_row=start, max_row=next_row - 1, min_col=4, max_col=4):
        cell.number_format = "#,##0"
    set_widths(sheet, (10, 10, 8, 12))
    return book


# --- e. Monthly and weekly series ---------------------------------------------------

FIRST_MONTH = month_start(2021, 8)  # 24 months: Aug 2021 .. Jul 2023
MONTHS = [add_months(FIRST_MONTH, n) for n in range(24)]
# Contacts Feb-Jul 2023 as the seed describes them (line 2471): average 1251, high 1482 (Mar), low 1101 (May).
CONTACTS_FEB_JUL_2023 = (1236, 1482, 1180, 1101, 1247, 1260)


def month_index(year: int, month: int) -> int:
    return MONTHS.index(month_start(year, month))


AUG22_TO_JAN23 = slice(month_index(2022, 8), month_index(2023, 2))
BEFORE_APR22 = slice(0, month_index(2022, 4))


def contacts_series(rng: np.random.Generator) -> list[int]:
    """MASH contacts a month: 12 months to Mar 2023 = 13,490; to Jun 2023 = 14,014; to Jul 2023 = 14,213."""
    values = [0] * 24
    values[month_index(2023, 2):] = CONTACTS_FEB_JUL_2023
    values[month_index(2022, 7)] = CONTACTS_FEB_JUL_2023[-1] - (14213 - 14014)  # July 2022 leaves the window
    aug_to_jan = 14014 - values[month_index(2022, 7)] - sum(CONTACTS_FEB_JUL_2023[:-1])
    values[AUG22_TO_JAN23] = split_total(rng, aug_to_jan, [1, 1.02, 1.05, 0.98, 0.9, 1.05], 0.04)
    apr_to_jun = 13490 - sum(values[month_index(2022, 7):month_index(2023, 4)])
    values[month_index(2022, 4):month_index(2022, 7)] = split_total(rng, apr_to_jun, [1, 1, 1], 0.05)
    values[BEFORE_APR22] = [int(v) for v in np.round(rng.normal(975, 35, BEFORE_APR22.stop))]
    return values


# Referrals Feb-Jul 2023 (their sum 1,653 is ChAT's July figure 611 per 10,000, annualised) and Apr-Jul 2022,
# each month of 2022 higher than its 2023 namesake by what the published rolling totals need:
# 4,241 (Mar) -> 4,161 (Apr) -> 4,037 (May) -> 3,943 (Jun) -> 3,808 (Jul).
REFERRALS_FEB_JUL_2023 = (288, 271, 280, 272, 276, 266)
REFERRAL_DROP_APR_JUL = (80, 124, 94, 135)


def referrals_series(rng: np.random.Generator) -> list[int]:
    values = [0] * 24
    values[month_index(2023, 2):] = REFERRALS_FEB_JUL_2023
    for offset, drop in enumerate(REFERRAL_DROP_APR_JUL):
        values[month_index(2022, 4) + offset] = REFERRALS_FEB_JUL_2023[2 + offset] + drop
    aug_to_jan = 3808 - sum(REFERRALS_FEB_JUL_2023)
    values[AUG22_TO_JAN23] = split_total(rng, aug_to_jan, [1.05, 1.03, 1, 1, 0.9, 1.02], 0.04)
    values[BEFORE_APR22] = [int(v) for v in np.round(rng.normal(395, 18, BEFORE_APR22.stop))]
    return values


def assessments_series(rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """Assessments completed (denominator) and those within 45 working days (numerator), by month.

    Aug 2022-Jan 2023: 2,019 of 2,728 (74%, ChAT January); Feb-Jul 2023: 1,089 of 1,945 (56%, ChAT July);
    12 months to June 2023: 3,244 of 4,756 (68.2%); to July 2023: 3,108 of 4,673 (66.5%).
    """
    completed, on_time = [0] * 24, [0] * 24
    completed[month_index(2023, 7)], on_time[month_index(2023, 7)] = 310, 165
    completed[month_index(2022, 7)], on_time[month_index(2022, 7)] = 310 + 83, 165 + 136
    feb_jun = slice(month_index(2023, 2), month_index(2023, 7))
    completed[feb_jun] = split_total(rng, 1945 - 310, [1.05, 1.02, 1, 0.97, 0.96], 0.04)
    on_time[feb_jun] = split_total(rng, 1089 - 165, [0.6 * c for c in completed[feb_jun]], 0.03)
    completed[AUG22_TO_JAN23] = split_total(rng, 2728, [0.95, 1, 1.05, 1.02, 0.95, 1.03], 0.04)
    on_time[AUG22_TO_JAN23] = split_total(rng, 2019, completed[AUG22_TO_JAN23], 0.03)
    for index in range(month_index(2022, 7)):
        completed[index] = int(round(rng.normal(385, 20)))
        on_time[index] = int(round(completed[index] * rng.uniform(0.74, 0.82)))
    return completed, on_time


#: (series id, month) written as text, the way someone typed them: a wart.
TEXT_MONTHS = {("CSC-D01", month_start(2023, 1)): "Jan-23", ("CSC-D02", month_start(2023, 1)): "January 2023",
               ("CSC-D02", month_start(2021, 11)): "Nov-21", ("CSC-T02", month_start(2022, 3)): "March 2022"}
MONTHLY_HEADERS = ("ID", "Month", "Value", "Numerator", "Denominator", "Notes")


def monthly_rows(rng: np.random.Generator) -> list[Row]:
    contacts, referrals = contacts_series(rng), referrals_series(rng)
    completed, on_time = assessments_series(rng)
    series: list[tuple[str, str, list[tuple[int | None, int | None, int | None]]]] = [
        ("CSC-D01", "MASH contact starts in the month", [(v, None, None) for v in contacts]),
        ("CSC-D02", "Referral starts in the month", [(v, None, None) for v in referrals]),
        ("CSC-T02", "Assessments completed in the month (Denominator) and those within 45 working days (Numerator)",
         [(None, n, d) for n, d in zip(on_time, completed)]),
    ]
    rows: list[Row] = []
    for series_id, note, values in series:
        for index, (month, (value, numerator, denominator)) in enumerate(zip(MONTHS, values)):
            written = TEXT_MONTHS.get((series_id, month), month)
            rows.append((series_id, written, value, numerator, denominator, note if index == 0 else None))
    for series_id, note, values in adult_monthly_series():
        rows += [(series_id, month, value, numerator, denominator, note if index == 0 else None)
                 for index, (month, (value, numerator, denominator)) in enumerate(zip(ADULT_MONTHS, values))]
    return rows


# Adult social care's monthly series (seed 000, lines 218-224, 298-370, 378-380, 467-483): Dec 2022 - Nov 2024.
# Fictional but consistent with the seed's prose; written after the children's rows, from a generator of their own,
# so the children's cells are as they were.
ADULT_SEED = 20241129
ADULT_MONTHS = [add_months(month_start(2022, 12), n) for n in range(24)]
LAST_12 = slice(12, 24)  # Dec 2023 - Nov 2024
# New long-term residential and nursing placements: up February-April 2024, then 4 of the last 7 months (May,
# July, September, November) below the rolling 12-month average (line 220).
PLACEMENTS = (41, 39, 42, 40, 38, 43, 40, 39, 41, 42, 38, 40, 37, 42, 47, 50, 52, 39, 44, 38, 45, 37, 43, 36)
# Waiting lists at month end. OT (qualified OT) and CCP both up 15% in November (lines 362-364), CCP well below
# six months before; the OT waiting list is the two together.
SW_WAITING = (612, 598, 640, 655, 631, 604, 588, 575, 590, 566, 549, 560,
              571, 602, 618, 597, 570, 552, 538, 544, 529, 511, 503, 496)
OT_WAITING = (188, 192, 201, 210, 206, 214, 222, 219, 226, 231, 228, 236,
              240, 251, 246, 238, 232, 227, 221, 214, 209, 203, 200, 230)
CCP_WAITING = (402, 415, 433, 451, 468, 480, 497, 503, 512, 524, 530, 541,
               548, 556, 561, 549, 532, 520, 451, 372, 301, 238, 160, 184)
DOLS_WAITING = (934, 951, 968, 940, 925, 911, 898, 905, 889, 872, 866, 851,
                842, 860, 871, 858, 839, 823, 810, 798, 781, 775, 769, 762)
VI_WAITING = (58, 61, 64, 62, 59, 57, 60, 63, 61, 58, 55, 54, 56, 59, 57, 54, 52, 50, 49, 51, 48, 47, 46, 45)
OPEN_AT_MONTH_END = (318, 322, 331, 327, 319, 312, 308, 315, 309, 301, 297, 305,
                     311, 318, 309, 302, 296, 291, 288, 293, 286, 281, 279, 284)
# Long-term clients with an annual review in the 12 months before the month's end: 57% in November 2024, higher
# than the three to four months before it (line 380); the target is 65% (resources/indicator_catalogue.toml).
REVIEWED_PCT = (52.0, 51.6, 51.1, 50.4, 50.9, 51.8, 52.6, 53.1, 53.9, 54.2, 54.8, 55.3,
                55.0, 54.6, 54.9, 55.7, 56.2, 55.8, 54.9, 54.1, 53.6, 53.9, 54.4, 57.0)
CONTACTS_YEAR_BEFORE = 23_455  # 25,800 is 10.0% more (seed 000 line 300: "risen by 10% in the last year")
# Annual reviews completed in the month: 22% more in the last 12 months than in the 12 months before (line 376),
# 2,440 against 2,000 (the paper prints only the 22%).
ANNUAL_REVIEWS_TOTALS = (2_000, 2_440)
# Safeguarding referrals that led to a section 42 enquiry: around 30% (line 470), 986 of the last 12 months' 3,288.
S42_SHARE = 0.30
LONG_TERM_CLIENTS = (3788, 3796, 3801, 3812, 3820, 3826, 3835, 3841, 3850, 3856, 3861, 3868,
                     3872, 3879, 3883, 3888, 3893, 3897, 3901, 3904, 3906, 3908, 3910, 3912)


def adult_contacts(rng: np.random.Generator) -> list[int]:
    """Contacts received a month: 2,150 a month on average over the last 12 months (line 298), 10% more than
    in the 12 months before (line 300: 25,800 against 23,455)."""
    season = [0.93, 1.04, 0.98, 1.03, 0.97, 1.0, 1.01, 0.99, 0.95, 1.02, 1.04, 1.03]
    return split_total(rng, CONTACTS_YEAR_BEFORE, season, 0.03) + split_total(rng, 12 * 2_150, season, 0.03)


def share_of(rng: np.random.Generator, bases: Sequence[int], start: float, end: float) -> list[int]:
    """A count of each month's base, its share drifting from `start` to `end`, with a little noise."""
    shares = np.linspace(start, end, len(bases)) + rng.normal(0, 0.008, len(bases))
    return [int(round(base * share)) for base, share in zip(bases, shares)]


def adult_monthly_series() -> list[tuple[str, str, list[tuple[int | float | None, int | None, int | None]]]]:
    """(id, note, (value, numerator, denominator) a month) of each adult series, checked against the seed."""
    rng = np.random.default_rng(ADULT_SEED)
    contacts = adult_contacts(rng)
    within_2_days = share_of(rng, contacts, 0.71, 0.78)
    requests = share_of(rng, contacts, 0.55, 0.56)
    advice = share_of(rng, requests, 0.18, 0.225)
    referrals = split_total(rng, 12 * 255, [1] * 12, 0.06) + split_total(rng, 12 * 274, [1] * 12, 0.06)
    concluded = [int(round(n * 0.97)) for n in referrals]
    in_28_days = share_of(rng, concluded, 0.62, 0.69)
    reviewed = [int(round(n * pct / 100)) for n, pct in zip(LONG_TERM_CLIENTS, REVIEWED_PCT)]
    # Drawn last, so that the series above are as they were before these two were added.
    annual_reviews = [n for total in ANNUAL_REVIEWS_TOTALS for n in split_total(rng, total, [1] * 12, 0.08)]
    s42 = share_of(rng, referrals, 0.27, 0.31)
    s42[-1] += int(round(S42_SHARE * sum(referrals[LAST_12]))) - sum(s42[LAST_12])
    ot_total = [ot + ccp for ot, ccp in zip(OT_WAITING, CCP_WAITING)]
    assert sum(contacts[LAST_12]) == 25_800 and sum(referrals[LAST_12]) == 12 * 274
    assert round(100 * (sum(contacts[LAST_12]) / sum(contacts[:12]) - 1), 1) == 10.0  # risen by 10% (line 300)
    assert round(100 * (sum(annual_reviews[LAST_12]) / sum(annual_reviews[:12]) - 1), 1) == 22.0  # line 376
    assert round(100 * sum(s42[LAST_12]) / sum(referrals[LAST_12]), 1) == 30.0  # around 30% (line 470)
    assert round(100 * sum(advice[LAST_12]) / sum(requests[LAST_12])) == 22  # 22% resolved by IAS (line 302)
    assert round(100 * reviewed[-1] / LONG_TERM_CLIENTS[-1]) == 57
    assert round(100 * (OT_WAITING[-1] / OT_WAITING[-2] - 1)) == 15 == round(100 * (CCP_WAITING[-1] / CCP_WAITING[-2] - 1))
    averages = [sum(PLACEMENTS[n - 11 : n + 1]) / 12 for n in range(11, 24)]
    assert sum(PLACEMENTS[n] < averages[n - 11] for n in range(17, 24)) == 4  # 4 of the last 7 months (line 220)

    def counts(values: Sequence[int]) -> list[tuple[int | float | None, int | None, int | None]]:
        return [(value, None, None) for value in values]

    def ratios(numerators: Sequence[int], denominators: Sequence[int]) -> list[tuple[int | float | None, int | None, int | None]]:
        return [(None, n, d) for n, d in zip(numerators, denominators)]

    return [
        ("ASC-M01", "New long-term residential and nursing placements in the month", counts(PLACEMENTS)),
        ("ASC-M02", "Contacts received in the month", counts(contacts)),
        ("ASC-M03", "Contacts received (Denominator) and those resolved within 2 working days (Numerator)",
         ratios(within_2_days, contacts)),
        ("ASC-M04", "Contacts requesting support (Denominator) and those resolved by information, advice or "
         "signposting (Numerator)", ratios(advice, requests)),
        ("ASC-M05", "Waiting for a social work assessment at month end", counts(SW_WAITING)),
        ("ASC-M06", "Occupational therapy waiting list at month end (OT and CCP assessments)", counts(ot_total)),
        ("ASC-M07", "DoLS referrals waiting at month end", counts(DOLS_WAITING)),
        ("ASC-M08", "Waiting for a visual impairment assessment at month end", counts(VI_WAITING)),
        ("ASC-M09", "Waiting for an assessment by an occupational therapist at month end", counts(OT_WAITING)),
        ("ASC-M10", "Waiting for an assessment by a community care practitioner at month end", counts(CCP_WAITING)),
        ("ASC-M11", "Long-term clients at month end (Denominator) and those with an annual review in the "
         "previous 12 months (Numerator)", ratios(reviewed, LONG_TERM_CLIENTS)),
        ("ASC-M12", "Safeguarding referral starts in the month", counts(referrals)),
        ("ASC-M13", "Safeguarding referrals resolved in the month (Denominator) and those within 28 days "
         "(Numerator)", ratios(in_28_days, concluded)),
        ("ASC-M14", "Safeguarding referrals open at month end", counts(OPEN_AT_MONTH_END)),
        ("ASC-M15", "Annual reviews completed in the month", counts(annual_reviews)),
        ("ASC-M16", "Safeguarding referral starts in the month (Denominator) and those that led to a section 42 "
         "enquiry (Numerator)", ratios(s42, referrals)),
    ]


WEEK_ENDINGS = [dt.date(2023, 12, 1) + dt.timedelta(weeks=n) for n in range(53)]  # Fridays to 29 Nov 2024
# Published change cards (seed 000 lines 195-212): the current week and the weeks one week, four weeks
# (a month), thirteen weeks (a quarter) and 52 weeks (a year) before it; 5 April 2024 opens the financial year.
WEEKLY_ANCHORS: dict[str, dict[dt.date, int]] = {
    "ASC-W01": {dt.date(2023, 12, 1): 2_703_204 - 270_871, dt.date(2024, 3, 29): 2_471_608,
                dt.date(2024, 4, 5): 2_594_461, dt.date(2024, 8, 30): 2_703_204 - 36_049,
                dt.date(2024, 11, 1): 2_703_204 - 24_224, dt.date(2024, 11, 22): 2_703_204 - 5_975,
                dt.date(2024, 11, 29): 2_703_204},
    "ASC-W02": {dt.date(2023, 12, 1): 4_769 - 53, dt.date(2024, 4, 5): 4_669, dt.date(2024, 8, 30): 4_769 - 122,
                dt.date(2024, 11, 1): 4_769 - 82, dt.date(2024, 11, 22): 4_769 - 12, dt.date(2024, 11, 29): 4_769},
}
WEEKLY_NOISE = {"ASC-W01": 2_500.0, "ASC-W02": 6.0}
WEEKLY_NOTES = {"ASC-W01": "Total weekly cost of commissioned care (£), week ending Friday",
                "ASC-W02": "Client count snapshot, week ending Friday"}
WEEKLY_HEADERS = ("ID", "Week ending", "Value", "Notes")


def weekly_series(rng: np.random.Generator, series_id: str) -> list[int]:
    """Straight lines between the anchor weeks, with a little noise on the weeks in between."""
    anchors = WEEKLY_ANCHORS[series_id]
    days = [(week - WEEK_ENDINGS[0]).days for week in WEEK_ENDINGS]
    known = [(week - WEEK_ENDINGS[0]).days for week in anchors]
    line = np.interp(days, known, list(anchors.values()))
    noise = rng.normal(0, WEEKLY_NOISE[series_id], len(days))
    return [anchors.get(week, int(round(base + wobble))) for week, base, wobble in zip(WEEK_ENDINGS, line, noise)]


def weekly_rows(rng: np.random.Generator) -> list[Row]:
    rows: list[Row] = []
    for series_id in WEEKLY_ANCHORS:
        values = weekly_series(rng, series_id)
        rows += [(series_id, week, value, WEEKLY_NOTES[series_id] if index == 0 else None)
                 for index, (week, value) in enumerate(zip(WEEK_ENDINGS, values))]
    return rows


# Seed 000's "Weekly Overview - Reviews Due" (lines 387-389): five cards, week ending 29 Nov 2024, and the open care
# plans table. The paper prints neither the cards' figures nor the table's, so all of it is fictional, made to agree
# with the monthly series: the annual review share at 29 Nov is November's 57.0% (2,230 of 3,912 long-term
# clients, ASC-M11), and the table's teams add up to those 3,912 clients and the 236 waiting over 18 months.
REVIEW_SEED = 20241202
REVIEW_ANCHORS: dict[str, dict[dt.date, float]] = {
    "ASC-W03": {dt.date(2023, 12, 1): 66.9, dt.date(2024, 5, 31): 69.8, dt.date(2024, 11, 1): 69.5,
                dt.date(2024, 11, 22): 70.6, dt.date(2024, 11, 29): 71.3},
    "ASC-W04": {dt.date(2023, 12, 1): 55.0, dt.date(2024, 5, 31): 56.0, dt.date(2024, 11, 1): 54.4,
                dt.date(2024, 11, 22): 56.4, dt.date(2024, 11, 29): 57.0},
    "ASC-W05": {dt.date(2023, 12, 1): 35.2, dt.date(2024, 11, 1): 38.1, dt.date(2024, 11, 22): 38.4,
                dt.date(2024, 11, 29): 38.6},
    "ASC-W06": {dt.date(2023, 12, 1): 3_872, dt.date(2024, 11, 1): 3_910, dt.date(2024, 11, 22): 3_911,
                dt.date(2024, 11, 29): 3_912},
    "ASC-W07": {dt.date(2023, 12, 1): 301, dt.date(2024, 11, 1): 248, dt.date(2024, 11, 22): 240,
                dt.date(2024, 11, 29): 236},
}
REVIEW_NOISE = {"ASC-W03": 0.25, "ASC-W04": 0.25, "ASC-W05": 0.2, "ASC-W06": 2.0, "ASC-W07": 3.0}
REVIEW_NOTES = {
    "ASC-W03": "Long-term clients with any review in the last 12 months (%), week ending Friday",
    "ASC-W04": "Long-term clients with an annual review in the last 12 months (%), week ending Friday",
    "ASC-W05": "Long-term clients with a full core reassessment in the last 12 months (%), week ending Friday",
    "ASC-W06": "Long-term clients (receiving a service for over 12 months), week ending Friday",
    "ASC-W07": "Long-term clients waiting over 18 months for any review, week ending Friday",
}
OPEN_CARE_PLANS_HEADERS = ("Team", "Open care plans", "Reviews due in the next 4 weeks", "Reviews overdue",
                           "Waiting over 18 months")
OPEN_CARE_PLANS = (
    ("Localities North", 842, 61, 311, 52),
    ("Localities Central", 905, 66, 352, 58),
    ("Localities South", 871, 59, 328, 49),
    ("Learning Disability", 612, 38, 205, 33),
    ("Mental Health", 398, 27, 163, 29),
    ("Physical Disability and Sensory", 284, 19, 98, 15),
)


def review_rows() -> list[Row]:
    """The five review cards' weekly series: straight lines between the anchor weeks, a little noise between."""
    rng = np.random.default_rng(REVIEW_SEED)
    days = [(week - WEEK_ENDINGS[0]).days for week in WEEK_ENDINGS]
    rows: list[Row] = []
    for series_id, anchors in REVIEW_ANCHORS.items():
        known = [(week - WEEK_ENDINGS[0]).days for week in anchors]
        line = np.interp(days, known, list(anchors.values()))
        noise = rng.normal(0, REVIEW_NOISE[series_id], len(days))
        share = series_id in ("ASC-W03", "ASC-W04", "ASC-W05")
        values = [anchors.get(week, round(float(base + wobble), 1) if share else int(round(base + wobble)))
                  for week, base, wobble in zip(WEEK_ENDINGS, line, noise)]
        rows += [(series_id, week, value, REVIEW_NOTES[series_id] if index == 0 else None)
                 for index, (week, value) in enumerate(zip(WEEK_ENDINGS, values))]
    last = {row[0]: row[2] for row in rows if row[1] == WEEK_ENDINGS[-1]}
    assert round(100 * 2_230 / last["ASC-W06"], 1) == last["ASC-W04"] == 57.0
    assert sum(team[1] for team in OPEN_CARE_PLANS) == last["ASC-W06"]
    assert sum(team[4] for team in OPEN_CARE_PLANS) == last["ASC-W07"]
    return rows


def write_open_care_plans(sheet: Worksheet) -> None:
    write_title(sheet, 1, "Open care plans of long-term clients by team, week ending 29/11/2024")
    write_rows(sheet, write_rows(sheet, 2, [OPEN_CARE_PLANS_HEADERS], BOLD), OPEN_CARE_PLANS)
    set_widths(sheet, (32, 14, 16, 14, 14))


def write_series(sheet: Worksheet, title: str, headers: Row, rows: list[Row], date_format: str) -> None:
    write_title(sheet, 1, title)
    first = write_rows(sheet, 2, [headers], BOLD)
    write_rows(sheet, first, rows)
    for (cell,) in sheet.iter_rows(min_row=first, min_col=2, max_col=2):
        if isinstance(cell.value, dt.date):
            cell.number_format = date_format


def series_workbook(rng: np.random.Generator) -> Workbook:
    book = new_workbook()
    sheet = book.create_sheet("Monthly")
    write_series(sheet, "Children's and Adult Social Care – monthly counts (front doors, assessments, waiting lists, safeguarding)",
                 MONTHLY_HEADERS, monthly_rows(rng), "mmm-yy")
    set_widths(sheet, (10, 14, 8, 11, 12, 60))
    sheet = book.create_sheet("Weekly")
    write_series(sheet, "Adult Social Care – weekly snapshot (Date = week ending)", WEEKLY_HEADERS,
                 weekly_rows(rng) + review_rows(), "dd/mm/yyyy")
    for (cell,) in sheet.iter_rows(min_row=3, min_col=3, max_col=3):
        cell.number_format = "0.0" if isinstance(cell.value, float) else "#,##0"
    set_widths(sheet, (10, 12, 12, 60))
    write_open_care_plans(book.create_sheet("Open care plans"))
    return book


# --- Main ----------------------------------------------------------------------------


def main() -> None:
    rng = np.random.default_rng(SEED)
    outputs = {
        "childrens_performance_2023.xlsx": childrens_performance(),
        "benchmarks_2023.xlsx": benchmarks(rng),
        "survey_2023-24.xlsx": survey_workbook(),
        "population_2023.xlsx": population_workbook(),
        "monthly_series_2021-2024.xlsx": series_workbook(rng),
    }
    for name, book in outputs.items():
        book.properties.creator = "Scrutiny Studio sample data"
        book.properties.created = dt.datetime(2024, 12, 2)
        book.save(HERE / name)
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
