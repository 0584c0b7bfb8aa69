"""Write the sample MARAC return bundled with Scrutiny Studio: sample_data/marac_2019-2021.xlsx.

Seed 001 (Sefton Domestic Abuse Needs Assessment, Executive Summary V2.2)
prints these figures of Sefton's MARAC, and the workbook holds them as
printed: 737 referrals in 2020-21, "a 28% increase on 2019-20"; 83% from the
police in 2020-21 against 81% in 2019-20, "an increase of 145"; 58 male
referrals (7.9%) in 2020-21, "both the number and the rate ... an increase";
a population of 275,899; a BAME share of 2.6% (2011 census); no refuge
spaces. What follows from them: 576 referrals in 2019-20 (737 / 576 = 1.2795,
a 28% rise); 612 from the police in 2020-21 (83.0%) and 467 in 2019-20 (81.1%,
145 fewer). The seed gives no adult female population, only SafeLives'
estimate of 467 from it: 116,750 women make 40 x 116,750 / 10,000 = 467.0.

Fictional (the seed charts them without printing the figures): the 2019-20
male count, and both years' BAME, disability, LGBT and repeat counts, and the
2019-20 populations. They are shaped to the seed's words: "low rates of LGBT",
"a significant increase in the rate of repeat cases" in 2020-21.

Run from the repository root:  python sample_data/make_marac_return.py
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
OUT = HERE / "marac_2019-2021.xlsx"
HEADERS = (
    "Year",
    "Referrals",
    "Police referrals",
    "Male victims",
    "BAME",
    "Disability",
    "LGBT",
    "Repeat cases",
    "Refuge spaces",
    "Adult female population",
    "Population",
    "BAME population %",
)
YEARS = (
    ("2019-20", 576, 467, 38, 17, 81, 5, 150, 0, 116_500, 275_397, 2.6),
    ("2020-21", 737, 612, 58, 24, 98, 7, 236, 0, 116_750, 275_899, 2.6),
)


def write_return(path: Path = OUT) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "MARAC"
    sheet["A1"] = "Sefton MARAC: referrals and caseload, 2019-20 to 2020-21"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Source: Sefton MARAC performance report; population: ONS mid-year estimates"
    header_row = 4
    for column, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(header_row, column, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        sheet.column_dimensions[cell.column_letter].width = 14
    for row, values in enumerate(YEARS, start=header_row + 1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            if isinstance(value, int) and value >= 1000:
                cell.number_format = "#,##0"
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    book.save(path)
    return path


if __name__ == "__main__":
    print(f"wrote {write_return()}")
