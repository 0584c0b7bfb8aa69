"""Write the sample lessons-learned register bundled with Scrutiny Studio: sample_data/lessons_register_2022-23.xlsx.

A fictional council's register of what it learned from complaints, as it stood at two reports: last year's
(31 March 2022) and this year's (31 March 2023). Each point has its service, the action agreed, the owner as a
role (never a person's name), the due date and the status at each reporting date. Between the two: four points
are new (two already complete), three changed status (one completed), one is overdue at 31 March 2023 (due
September 2022, still in progress), and one was complete by the last report, so it is not printed again.

Each report prints its own services' points (resources/lessons_vocabulary.toml's [reports]): at 31 March 2023
the children's report prints 4 (leaving out adult social care's 3), the adults' report 3 (leaving out the
children's and corporate 4) and the corporate report all 7.

Run from the repository root:  python sample_data/make_lessons_register.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
OUT = HERE / "lessons_register_2022-23.xlsx"
HEADERS = ("Reference", "Reporting date", "Service", "Learning point", "Action", "Owner", "Due date", "Status")
LAST_REPORT = dt.date(2022, 3, 31)
THIS_REPORT = dt.date(2023, 3, 31)

#: reference -> (service, learning point, action, owner)
POINTS = {
    "LL-01": (
        "Children's Social Care",
        "Complainants were not told when a Stage 1 response would be late.",
        "Send a holding letter with a new date whenever a response will miss the 10 working days.",
        "Complaints Manager",
    ),
    "LL-02": (
        "Children's Social Care",
        "Cared for children did not know how they could complain.",
        "Add the complaints leaflet to the Children in Care Council's welcome pack and review it with them.",
        "Participation Lead",
    ),
    "LL-03": (
        "Corporate",
        "Stage 2 reviews repeated the Stage 1 investigation instead of reviewing it.",
        "Brief investigating officers on the scope of a Stage 2 review.",
        "Head of Customer Services",
    ),
    "LL-04": (
        "Adult Social Care",
        "Care charges were explained after the assessment rather than before it.",
        "Give a written estimate of charges at the first assessment visit.",
        "Financial Assessment Team Manager",
    ),
    "LL-05": (
        "Children's Social Care",
        "Responses did not always answer every point of the complaint.",
        "Use a response template that lists each point of complaint with its answer.",
        "Complaints Manager",
    ),
    "LL-06": (
        "Corporate",
        "Compensation offered for similar faults differed between services.",
        "Adopt a remedies guide based on the Ombudsman's guidance on remedies.",
        "Head of Legal Services",
    ),
    "LL-07": (
        "Adult Social Care",
        "People were not told when a home care visit would be late or missed.",
        "Require home care providers to phone the person when a visit will be late or missed, and check it at contract reviews.",
        "Head of Commissioning",
    ),
    "LL-08": (
        "Adult Social Care",
        "Complaints about commissioned care were passed between the council and the care provider.",
        "Agree with each provider who answers a complaint about the care it provides, and say so in the complaints leaflet.",
        "Complaints Manager",
    ),
}
#: (reference, reporting date, due date, status)
ENTRIES = (
    ("LL-01", LAST_REPORT, dt.date(2022, 6, 30), "In progress"),
    ("LL-02", LAST_REPORT, dt.date(2022, 9, 30), "Not started"),
    ("LL-03", LAST_REPORT, dt.date(2022, 2, 28), "Complete"),
    ("LL-04", LAST_REPORT, dt.date(2022, 12, 31), "In progress"),
    ("LL-01", THIS_REPORT, dt.date(2022, 6, 30), "Complete"),
    ("LL-02", THIS_REPORT, dt.date(2022, 9, 30), "In progress"),
    ("LL-03", THIS_REPORT, dt.date(2022, 2, 28), "Complete"),
    ("LL-04", THIS_REPORT, dt.date(2023, 6, 30), "Delayed"),
    ("LL-05", THIS_REPORT, dt.date(2023, 9, 30), "Not started"),
    ("LL-06", THIS_REPORT, dt.date(2023, 2, 28), "Complete"),
    ("LL-07", THIS_REPORT, dt.date(2023, 9, 30), "In progress"),
    ("LL-08", THIS_REPORT, dt.date(2023, 1, 31), "Complete"),
)


def main() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Lessons register"
    sheet.append(["Learning from complaints: lessons-learned register"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(HEADERS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for reference, reported, due, status in ENTRIES:
        service, learning, action, owner = POINTS[reference]
        sheet.append([reference, reported, service, learning, action, owner, due, status])
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        row[1].number_format = row[6].number_format = "DD/MM/YYYY"
    for column, width in zip("ABCDEFGH", (10, 14, 22, 45, 50, 28, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(OUT)
    print(f"wrote {OUT.name}")


if __name__ == "__main__":
    main()
