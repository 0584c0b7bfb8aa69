"""Write the tables workbook and the picture of the sample narrative board report.

sample_data/board_report_2020-21.md is the report's source (kept by hand); it
reads its tables from board_report_tables_2020-21.xlsx and shows
board_report_campaign.png, both written here. Everything is fictional, in the
shape of seeds 003 and 004: a training table (Name of training | Provider |
Format | Date), a services table (Service | Provider | Description), the
consultation prompts of seed 004 (Group | Prompts, each cell several
paragraphs), and a review's Key finding | Impact | Recommendation rows.

Run from the repository root:  python sample_data/make_board_report.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
WORKBOOK = HERE / "board_report_tables_2020-21.xlsx"
PICTURE = HERE / "board_report_campaign.png"

TRAINING = (
    ("Name of training", "Provider", "Format", "Date"),
    ("Domestic abuse awareness (Level 1)", "Merebrook Safeguarding Partnership", "Online", dt.date(2020, 6, 16)),
    ("Multi-agency domestic abuse (Level 2)", "Women's Aid and the IDVA team", "Online, live", dt.date(2020, 9, 23)),
    ("Risk assessment with the DASH checklist", "IDVA team", "Online, live", dt.date(2020, 11, 4)),
    ("Coercive and controlling behaviour", "Merebrook Police", "Online", dt.date(2021, 1, 20)),
    ("MARAC: referring and attending", "MARAC coordinator", "Online, live", dt.date(2021, 2, 10)),
    ("Working with children affected by domestic abuse", "Children's Services", "Classroom", dt.date(2021, 3, 17)),
)
SERVICES = (
    ("Service", "Provider", "Description"),
    (
        "Independent Domestic Violence Advisers (IDVA)",
        "Merebrook Council",
        "Support for victims at high risk of serious harm, from referral to MARAC through to safety planning "
        "and court.",
    ),
    (
        "Refuge and dispersed accommodation",
        "Merebrook Women's Aid",
        "Safe accommodation with support for women and their children.\n\nDispersed flats for those who cannot "
        "use a refuge, including men and families with older sons.",
    ),
    (
        "Children and young people's service",
        "Merebrook Women's Aid",
        "One-to-one and group work with children who have lived with domestic abuse.",
    ),
    (
        "Behaviour change programme",
        "Respect-accredited provider",
        "A group programme for people who use abusive behaviour, with support for their partners.",
    ),
)
PROMPTS = (
    ("Group", "Prompts"),
    (
        "People affected by domestic abuse",
        "What support or help has worked well for you or made a positive difference?\n\n"
        "What hasn't worked well for you or has made things more difficult?\n\n"
        "We want to improve our services: do you have any suggestions about what could be done to improve "
        "services for people affected by domestic abuse?\n\n"
        "Do you have any key messages for other people affected by domestic abuse?",
    ),
    (
        "Professionals and volunteers",
        "What do you think our partnership strengths are in supporting people affected by domestic abuse?\n\n"
        "What do you think we should do to improve services for people affected by domestic abuse?\n\n"
        "What would help you to be more confident and effective in your role?\n\n"
        "Are there any key messages you would like to share with other professionals?",
    ),
)
FINDINGS = (
    ("Key finding", "Impact", "Recommendation"),
    (
        "Victims are not always asked what they want from the MARAC.",
        "Safety plans are made for victims rather than with them, and some disengage.",
        "The IDVA records the victim's views on every referral, and the MARAC chair reads them out first.",
    ),
    (
        "Partners find the performance data hard to interpret.",
        "The board cannot say with confidence whether services are meeting need.",
        "A quarterly scorecard with each figure beside its benchmark, explained in plain words.",
    ),
    (
        "Repeat cases take up much of each MARAC meeting.",
        "Less time for new high-risk cases.",
        "A complex cases meeting each quarter for the cases discussed most often.",
    ),
)
SHEETS = {"Training": TRAINING, "Services": SERVICES, "Consultation prompts": PROMPTS, "Findings": FINDINGS}
WIDTHS = (44, 34, 70, 18)


def write_workbook() -> None:
    book = Workbook()
    book.remove(book.active)
    for name, rows in SHEETS.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, width in enumerate(WIDTHS[: len(rows[0])], start=1):
            sheet.column_dimensions[chr(64 + number)].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, dt.date):
                    cell.number_format = "d mmmm yyyy"
    book.save(WORKBOOK)


def write_picture() -> None:
    """A plain campaign poster: a heading, a line of words and the helpline, on the campaign's colour."""
    image = Image.new("RGB", (1200, 600), "#3b1f5c")
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=72)
    small = ImageFont.load_default(size=36)
    draw.text((70, 150), "Is it love, or is it control?", fill="white", font=big)
    draw.text((70, 290), "Controlling behaviour is domestic abuse.", fill="#f3e8ff", font=small)
    draw.text((70, 360), "Talk to someone: the Merebrook helpline, 8am to 8pm.", fill="#f3e8ff", font=small)
    draw.rectangle((70, 460, 520, 470), fill="#f0b429")
    image.save(PICTURE, optimize=True)


if __name__ == "__main__":
    write_workbook()
    write_picture()
    print(f"wrote {WORKBOOK.name} and {PICTURE.name}")
