"""Write the sample safe accommodation return bundled with Scrutiny Studio: sample_data/safe_accommodation_2023-24.xlsx.

Fictional throughout: no seed prints a council's Part 4 return (the seeds
predate it or report other figures), so every figure here is made up for a
council called "Anytown", and the published tables beside it are made up too
(they are not the department's figures for the North West or England). The
workbook is laid out as a council keeps it:

- sheet "Return": labelled rows under a header of years (2022-23, 2023-24),
  heading rows for each part, "Other reason" under two headings, numbers typed
  as text ("1,046"), a figure not given ("n/a") and one left blank, and the
  strategy's rows: published "Yes" on 5 January 2022 (the deadline's day), never
  reviewed since, so its three-yearly review fell due on 5 January 2025;
- sheet "Published tables": a row per area (North West, England) for 2023-24,
  a column per row of the return, with the publisher's "[c]" and "[x]" where a
  figure is withheld.

Worked by hand, 2023-24: 412 adults and 634 children, 1,046 people (39.4%
adults); 41 disabled adults of 412 is 10.0%; 86 households not supported, 52
for want of space (60.5%); 29 commissioned refuge bedspaces of 54 (53.7%).

Run from the repository root:  python sample_data/make_safe_accommodation_return.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
OUT = HERE / "safe_accommodation_2023-24.xlsx"
HEADING = "heading"
RETURN_ROWS: tuple[tuple[str, object, object], ...] = (
    ("People supported", HEADING, HEADING),
    ("Adults supported", 371, 412),
    ("Children supported", 560, 634),
    ("Households", HEADING, HEADING),
    ("Households supported", 355, "398"),
    ("Households that could not be supported", 74, 86),
    ("Households whose support ended", 301, 337),
    ("Specialist characteristics", HEADING, HEADING),
    ("Disabled", 35, 41),
    ("LGBT+", 6, 9),
    ("Black and minoritised", 48, 57),
    ("No recourse to public funds", 11, 14),
    ("Male victims", 9, 12),
    ("Older victims (60+)", 7, 10),
    ("Complex needs", "n/a", 66),
    ("Households that could not be supported", HEADING, HEADING),
    ("No space available", 44, 52),
    ("Support needs could not be met", 14, 15),
    ("Risk to the household or to others", 6, 7),
    ("Declined the offer", 5, 8),
    ("Other reason", 5, 4),
    ("Households whose support ended", HEADING, HEADING),
    ("Moved to settled accommodation", 142, 171),
    ("Moved to other safe accommodation", 37, 40),
    ("Left without notice", 48, 45),
    ("Asked to leave", 12, 10),
    ("Support no longer needed", 41, 52),
    ("Other reason", 21, 19),
    ("Commissioned bedspaces", HEADING, HEADING),
    ("Refuge bedspaces", 26, 29),
    ("Dispersed accommodation", 8, 11),
    ("Sanctuary scheme units", 6, 6),
    ("Second-stage accommodation", 4, 6),
    ("Other safe accommodation", 2, 2),
    ("Strategy", HEADING, HEADING),
    ("Strategy published", "Yes", "Yes"),
    ("Date strategy published", dt.date(2022, 1, 5), ""),
    ("Date strategy last reviewed", "", ""),
)
PUBLISHED_HEADERS = (
    "Area",
    "Adults supported",
    "Children supported",
    "Disabled",
    "LGBT+",
    "Black and minoritised",
    "No recourse to public funds",
    "Male victims",
    "Older victims (60+)",
    "Complex needs",
    "Households that could not be supported",
    "Not supported: no space available",
    "Households whose support ended",
    "Ended: moved to settled accommodation",
    "Refuge bedspaces",
    "Dispersed accommodation",
    "Sanctuary scheme units",
    "Second-stage accommodation",
    "Other safe accommodation",
)
PUBLISHED_ROWS = (
    (
        "North West",
        4_120,
        5_480,
        530,
        96,
        610,
        205,
        170,
        "[c]",
        1_012,
        1_310,
        701,
        3_290,
        1_520,
        352,
        140,
        "[x]",
        61,
        25,
    ),
    (
        "England",
        29_830,
        38_960,
        3_910,
        790,
        6_840,
        1_510,
        1_280,
        690,
        7_140,
        9_870,
        5_410,
        24_650,
        11_280,
        2_715,
        1_230,
        820,
        455,
        210,
    ),
)


def _header(cell) -> None:
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.fill = PatternFill("solid", fgColor="D9E2F3")


def write_return(path: Path = OUT) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Return"
    sheet["A1"] = "Anytown Council (fictional): Domestic Abuse Act 2021 Part 4 local authority data return"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Fictional figures for demonstration; not any council's return"
    for column, text in enumerate(("Measure", "2022-23", "2023-24"), start=1):
        _header(sheet.cell(4, column, text))
    sheet.column_dimensions["A"].width = 44
    for row, (label, *years) in enumerate(RETURN_ROWS, start=5):
        sheet.cell(row, 1, label)
        if years[0] == HEADING:
            sheet.cell(row, 1).font = Font(bold=True)
            continue
        for column, value in enumerate(years, start=2):
            cell = sheet.cell(row, column, value if value != "" else None)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    published = book.create_sheet("Published tables")
    published["A1"] = "Support in domestic abuse safe accommodation, 2023-24 (fictional figures, not the department's)"
    for column, text in enumerate(PUBLISHED_HEADERS, start=1):
        _header(published.cell(3, column, text))
    for row, values in enumerate(PUBLISHED_ROWS, start=4):
        for column, value in enumerate(values, start=1):
            published.cell(row, column, value)
    book.save(path)
    return path


if __name__ == "__main__":
    print(f"wrote {write_return()}")
