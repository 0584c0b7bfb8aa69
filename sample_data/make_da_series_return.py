"""Write the sample domestic abuse series return: sample_data/domestic_abuse_series_2018-2022.xlsx.

Fictional throughout, for a council called "Anytown": the figures are shaped
like seed 001's needs assessment (the same headline counts and changes) but the
years before them, the localities and the populations are made up. A sheet per
service, as a partnership officer keeps what each service sends:

- Police: incidents and crimes, 2018-19 to 2020-21 (made up);
- Prevalence: the population aged 16-74 by age and sex (made up, 195,625) and
  recorded 3,076 (seed 001); the expected is worked out with the ILLUSTRATIVE
  rates of resources/domestic_abuse_prevalence.toml, band by band, to 10,301
  (seed 001's figure): a gap of 7,225;
- IDVA: referrals 1,101 then 1,167 (seed 001): 6% more; the victims supported
  and their characteristics made up (seed 001 says only that the IDVA's LGBT
  rates are low): male 92 of 1,084 = 8.5%, within SafeLives' 5-10%; BAME 2.2%
  against about 8%; disability 15.8% against 19%; LGBT 1.3% against 2.5-5.8%;
- SWACA: children supported 460 then 689 (seed 001 prints 689, +50%; 460 is the
  earlier year that gives it: 689 / 460 = 1.498);
- Early Help: episodes by locality, 529 then 778 (seed 001: 778, +47%; the
  localities are made up), under a heading row, with a Total row;
- Operation Encompass: incidents with children of all incidents (made up);
- Children's social care: assessments with domestic abuse as a factor by
  locality, 2019-20 to 2021-22 (a fall of about 10%, then back to just under
  2019-20's, as seed 001 says), and the localities' populations aged 0-18 (made
  up): South's rate 3,696.4 per 100,000 is 2.7 times Central's 1,353.9;
- Homelessness: 270 of 3,104 households owed a duty with domestic abuse the
  reason in the 12 months to June 2021, 8.7% (seed 001: 8.7% / 9%);
- CIPFA neighbours: 15 placeholder councils ("Authority 01" ..., as in
  resources/comparator_groups.toml), their shares made up but for seed 001's
  shape (the highest 17.9% to 21.8%): the council's 8.7% is below 14 of them;
- Sanctuary scheme: 29, 26, 7, 10 households (seed 001's chart): 66% fewer;
- SWACA referral sources (made up but for seed 001's shape: the top 3 make
  nearly two-thirds, the police FCIU the most, self-referrals many): the top 3
  make 991 of 1,520 (65.2%);
- Police offence types, 12 months to September 2020 and 2021 (made up to the
  police sheet's 3,655 and 3,981 crimes): the top 5 make 94.0%, and only
  violence with injury fell, by 7% (873 to 812), as seed 001 says;
- Police by month, 2019 and 2020 (made up): the early part of 2020 higher;
- Police relationships, 12 months to June 2021 (made up): partners and
  ex-partners the most, then child on parent.

Run from the repository root:  python sample_data/make_da_series_return.py
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
OUT = HERE / "domestic_abuse_series_2018-2022.xlsx"
HEADING = None  # a heading row: its label and no figures
#: Made up; with the illustrative rates each band's expected is 708, 748, 1,267 (1,266.5 rounded half up),
#: 1,095, 1,386, 594, 1,153; 341, 350, 662, 560, 662, 279, 496: 10,301 in all.
POPULATION_BY_AGE_AND_SEX = {
    "Female 16-19": 5900,
    "Female 20-24": 6800,
    "Female 25-34": 14900,
    "Female 35-44": 14600,
    "Female 45-54": 19800,
    "Female 55-59": 9900,
    "Female 60-74": 28825,
    "Male 16-19": 6200,
    "Male 20-24": 7000,
    "Male 25-34": 14700,
    "Male 35-44": 14000,
    "Male 45-54": 18900,
    "Male 55-59": 9300,
    "Male 60-74": 24800,
}
#: Made up, adding up to seed 001's 3,076: the older bands the smallest share of their expected (Female 60-74: 95 of
#: 1,153, 8.2%), as seed 001 finds the 55-59 and 60-74 groups have the most unmet need.
RECORDED_BY_AGE_AND_SEX = {
    "Female 16-19": 160,
    "Female 20-24": 330,
    "Female 25-34": 720,
    "Female 35-44": 520,
    "Female 45-54": 390,
    "Female 55-59": 110,
    "Female 60-74": 95,
    "Male 16-19": 40,
    "Male 20-24": 80,
    "Male 25-34": 190,
    "Male 35-44": 170,
    "Male 45-54": 150,
    "Male 55-59": 60,
    "Male 60-74": 61,
}


SHEETS: dict[str, tuple[str, tuple[str, ...], tuple[tuple[str, tuple[object, ...] | None], ...]]] = {
    "Police": (
        "Anytown domestic abuse flagged incidents and crimes, 12 months to September",
        ("2018-19", "2019-20", "2020-21"),
        (("Domestic abuse incidents", (5812, 6104, 6537)), ("Domestic abuse crimes", (3402, 3655, 3981))),
    ),
    "Prevalence": (
        "Expected prevalence (Crime Survey for England and Wales rates by age and sex) against recorded",
        ("2020-21",),
        (
            ("Recorded individuals", (3076,)),
            ("Population by age and sex", HEADING),
            *((band, (people,)) for band, people in POPULATION_BY_AGE_AND_SEX.items()),
            ("Recorded by age and sex", HEADING),
            *((band, (people,)) for band, people in RECORDED_BY_AGE_AND_SEX.items()),
        ),
    ),
    "IDVA": (
        "IDVA service referral numbers and the victims supported",
        ("2019-20", "2020-21"),
        (
            ("Referrals", (1101, 1167)),
            ("Victims supported", (1012, 1084)),
            ("Male victims", (61, 92)),
            ("BAME victims", (19, 24)),
            ("Victims with a disability", (148, 171)),
            ("LGBT victims", (9, 14)),
        ),
    ),
    "SWACA": (
        "Children supported by the specialist community service, 12 months to September",
        ("2019-20", "2020-21"),
        (("Children supported", (460, "689")),),
    ),
    "Early Help": (
        "Early Help episodes started where domestic abuse in the home was a factor",
        ("2019-20", "2020-21"),
        (
            ("Episodes started by locality", HEADING),
            ("North", (141, 212)),
            ("Central", (158, 229)),
            ("South", (230, 337)),
            ("Total", (529, 778)),
        ),
    ),
    "Operation Encompass": (
        "Operation Encompass: domestic abuse incidents with children present",
        ("2019-20", "2020-21"),
        (("DA incidents with children", (2231, 2410)), ("All incidents", (6104, 6537))),
    ),
    "Children's social care": (
        "Children's social care assessments completed where domestic abuse was a factor",
        ("2019-20", "2020-21", "2021-22"),
        (
            ("Assessments with domestic abuse as a factor", HEADING),
            ("North", (310, 281, 305)),
            ("Central", (295, 262, 290)),
            ("South", (702, 634, 689)),
            ("Population aged 0-18", HEADING),
            ("North", (19850, 19850, 19850)),
            ("Central", (21420, 21420, 21420)),
            ("South", (18640, 18640, 18640)),
        ),
    ),
    "Homelessness": (
        "Households assessed and owed a duty, 12 months to June",
        ("12 months to June 2019", "12 months to June 2020", "12 months to June 2021"),
        (("Households assessed and owed a duty", (2610, 2842, 3104)), ("Domestic abuse reason", (227, 247, 270))),
    ),
    "SWACA referral sources": (
        "Referrals to the specialist community service by source, 12 months to September 2021",
        ("2020-21",),
        (
            ("Police Family Crime Investigation Unit", (512,)),
            ("Self-referral", (301,)),
            ("Children's social care", (178,)),
            ("Health visitors", (96,)),
            ("GP", (84,)),
            ("IDVA service", (77,)),
            ("Housing", (69,)),
            ("Early Help", (63,)),
            ("Schools", (58,)),
            ("Probation", (41,)),
            ("Other agencies", (41,)),
            ("Total", (1520,)),
        ),
    ),
    "Police offence types": (
        "Domestic abuse flagged crimes by offence type",
        ("12 months to September 2020", "12 months to September 2021"),
        (
            ("Violence without injury", (1301, 1420)),
            ("Stalking and harassment", (1049, 1205)),
            ("Violence with injury", (873, 812)),
            ("Criminal damage and arson", (166, 181)),
            ("Public order offences", (104, 124)),
            ("Sexual offences", (84, 98)),
            ("Theft", (62, 71)),
            ("Other crimes against society", (16, 70)),
            ("Total", (3655, 3981)),
        ),
    ),
    "Police by month": (
        "Domestic abuse flagged crimes by month, 2019 and 2020",
        ("2019", "2020"),
        tuple(
            (month, pair)
            for month, pair in zip(
                ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
                (
                    (290, 331),
                    (268, 305),
                    (301, 326),
                    (295, 318),
                    (312, 347),
                    (318, 336),
                    (330, 342),
                    (322, 315),
                    (298, 309),
                    (305, 298),
                    (287, 281),
                    (299, 296),
                ),
                strict=True,
            )
        ),
    ),
    "Police relationships": (
        "Domestic abuse flagged crimes by the offender's relationship to the victim, 12 months to June 2021",
        ("12 months to June 2021",),
        (
            ("Ex-partner", (1412,)),
            ("Partner", (1138,)),
            ("Child on parent", (352,)),
            ("Other family member", (301,)),
            ("Sibling", (187,)),
            ("Parent on child", (148,)),
            ("Other relationship", (139,)),
        ),
    ),
    "CIPFA neighbours": (
        "Households owed a duty with domestic abuse the reason, % (as each neighbour publishes it)",
        ("12 months to June 2021",),
        tuple(
            (f"Authority {number:02}", (share,))
            for number, share in enumerate(
                (12.6, 21.8, 9.6, 14.8, 19.6, 10.1, 13.9, 7.9, 17.9, 11.4, 15.2, 9.2, 13.1, 10.9, 12.2), start=1
            )
        ),
    ),
    "Sanctuary scheme": (
        "Sanctuary scheme activity: households supported",
        ("2018-19", "2019-20", "2020-21", "2021-22"),
        (("Households supported", (29, 26, 7, 10)),),
    ),
}


def write_series(path: Path = OUT) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (title, periods, rows) in SHEETS.items():
        sheet = workbook.create_sheet(name)
        sheet.append([title])
        sheet["A1"].font = Font(bold=True)
        sheet.append([])
        sheet.append(["Measure", *periods])
        for label, figures in rows:
            sheet.append([label, *(figures or ())])
            if figures is HEADING:
                sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.column_dimensions["A"].width = 48
    workbook.save(path)
    return path


if __name__ == "__main__":
    print(f"wrote {write_series()}")
