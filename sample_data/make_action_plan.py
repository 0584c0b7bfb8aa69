"""Write the sample action plan bundled with Scrutiny Studio, as reported at two dates:
sample_data/action_plan_2023-2028.xlsx (31 March 2024) and action_plan_2023-2028_december_2023.xlsx (the
report before, at 31 December 2023).

The plan has the shape of seed 002's Domestic Abuse Action Plan 2023-2028
(002:2125-2275): four themes, Leadership & Governance, Prevent, Protect &
Repair and Children & Young People, each a heading row merged across the
table, a row describing it, and its numbered actions under the plan's nine
columns. The actions' words are the seed's (a few per theme, with the lead
officer's name left out); the RAG ratings and progress notes are fictional, as
a partnership might have written them for a report at 31 March 2024 (the seed
prints the column empty). The milestones are written the seed's ways: date
cells shown as "May-23", text such as "Sept 23 and ongoing" and "Dec 23 and on
going", and one "Quarterly". Two of the seed's own slips are kept: an action
with no number in Leadership & Governance, and Protect & Repair's numbering
skipping a number.

The December workbook is the same plan a report earlier (DECEMBER_RATINGS):
six actions rated otherwise then (three have slipped from green to amber
since, two from amber to red, and one green is complete), two
actions not yet in the plan (added since), and one action, complete in
December, taken out of the plan since (closed). Both keep the seed's slips.

Run from the repository root:  python sample_data/make_action_plan.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
OUT = HERE / "action_plan_2023-2028.xlsx"
OUT_DECEMBER = HERE / "action_plan_2023-2028_december_2023.xlsx"
MARCH, DECEMBER = dt.date(2024, 3, 31), dt.date(2023, 12, 31)
HEADERS = (
    "No.",
    "Priority",
    "Why is this a priority?",
    "What will we deliver?",
    "How will we deliver it?",
    "Who is responsible?",
    "How will we know we've been successful?",
    "What are the key milestones & Completion Date?",
    "Progress RAG Rated",
)
WIDTHS = (6, 34, 16, 34, 34, 18, 32, 18, 30)
LEAD = "Lead Officer to the Partnership"


def month(year: int, number: int) -> dt.date:
    """A milestone typed as a month: a date cell shown "May-23"."""
    return dt.date(year, number, 1)


#: (theme, description, actions); an action is (No., priority, why, deliver, how, who, success, milestone, RAG)
PLAN = (
    (
        "Leadership and Governance -",
        "Ensuring that the Sefton Domestic Violence and Abuse Partnership has an effective structure and "
        "membership that is fit for purpose and can develop and ensure delivery of the strategy.",
        (
            (
                1,
                "To agree the structure of the Partnership with a Sefton Implementation Board and four 'Task and "
                "Finish' groups that are responsible for particular areas of the strategy.",
                "DA Act 2021",
                "Membership of the Implementation Group and Task and Finish groups are fit for purpose with "
                "appropriate representation and input from all agencies and groups including service users.",
                "Chair of the Partnership to write to suggested representatives to invite them to sit on the "
                "Implementation Board.\nBoard to then be established.",
                LEAD,
                "Implementation Group and Task and Finish Groups set up and appointed lead officer to report back "
                "to the partnership.\nProgress of the strategy escalated and reported to the DA Commissioner.",
                month(2023, 5),
                "Complete - Implementation Board met first in June 2023; all four groups have chairs.",
            ),
            (
                2,
                "Raise awareness of the Partnership led review of Domestic Abuse and establish a way forward with "
                "the recommendations.",
                "DA Act 2021",
                "All relevant Boards fully aware of the review and their role in taking forward the recommendations.",
                "Lead Officer to attend the Community Safety Board, Children's and Adults' Safeguarding Boards and "
                "the Health & Wellbeing Board to take forward the recommendations from the review.",
                LEAD,
                "Connectivity and regular reporting mechanisms between various boards is established.\nComms "
                "strategy created",
                month(2023, 9),
                "Amber - four of the five boards visited; the Health & Wellbeing Board item moved to its June 2024 "
                "meeting.",
            ),
            (
                3,
                "Review the Terms of Reference for the Partnership.",
                "DA Act 2021",
                "Provide clarity around the role and purpose of the partnership and how it operates.",
                "In consultation with all partnership members agree revised Terms of Reference document.",
                LEAD,
                "TOR Document agreed at next Partnership Board in May 2023. All partners clear on the role and "
                "purpose of the DAPB",
                month(2023, 5),
                "Complete",
            ),
            (
                4,
                "Develop an annual reporting framework for the Partnership.",
                "DA Act 2021",
                "All stakeholders are updated on achievements and activities to date, and are able to plan "
                "activity for the next 12 months.",
                "Produce an annual report for stakeholders on the partnership's membership, priorities, actions "
                "and activity to date.",
                LEAD,
                "Annual Report produced by September 2023.\nComms Strategy in place.",
                month(2023, 9),
                "Red - the annual report is drafted but has not been agreed; the Board is asked to agree it in "
                "May 2024.",
            ),
            (
                None,
                "To develop a reporting framework with the Health and Wellbeing Board and other relevant partners.",
                "Good Practice",
                "The Health and Wellbeing Board and other relevant partners receive reports on progress of the "
                "Action Plan within timescales and in a format that has been agreed with them.",
                "Provide agreed reports within agreed timescales",
                LEAD,
                "Health & Well Being Board assured of progress",
                month(2023, 9),
                "Green",
            ),
            (
                5,
                "The Chair of the domestic violence and abuse partnership Implementation Group should periodically "
                "report progress made in tackling domestic abuse to the O&S Committee.",
                "Good Practice",
                "Overview and Scrutiny Committee receive regular comprehensive updates on the progress made in "
                "tackling domestic abuse.",
                "Produce reports on progress every 6 months.",
                LEAD,
                "Reports produced to O&S to ensure effective scrutiny of the work of the partnership.",
                "Quarterly",
                "Green",
            ),
            (
                6,
                "To undertake a biennial needs assessment for Domestic Abuse service provision.",
                "DA Act 2021",
                "All partners have a clear understanding of the level of need and resources required for services "
                "in Sefton.",
                "Update needs assessment submission biennially.",
                LEAD,
                "Needs Assessment updated biennially. Services will meet need effectively",
                month(2024, 4),
                "Green",
            ),
        ),
    ),
    (
        "Prevent -",
        "Early intervention provision, including improving public knowledge on domestic and sexual abuse to drive "
        "a cultural shift, intervening earlier to prevent and reduce the impact of longer term poor outcomes, and "
        "breaking the cycle of abuse across generations.",
        (
            (
                1,
                "There is clear and consistent information available to the public on domestic and sexual abuse, "
                "including practical tools, advice and the support services available",
                "Needs Assessment & DHR Learning",
                "A range of information both written, online and e-learning modules and helpline are available for "
                "all that live or work in Sefton.",
                "A blended, building block, learning approach with a resource available and accessible to everyone "
                "that works and lives in Sefton.\nIT offer needs working up.",
                "T & F Group 1",
                "An increase in people's awareness of DA and the support services available.",
                month(2023, 12),
                "Amber - the e-learning module is built; the helpline contract starts in May 2024.",
            ),
            (
                2,
                "Educational programmes are available for children and young people focusing on healthy "
                "relationships and developing resilience to help prevent future abusive behaviours.",
                "Needs Assessment & DHR Learning",
                "A range of educational sessions using a variety of programmes such as Expect Respect Toolkit as a "
                "free offer to all schools and colleges in Sefton.",
                "Commission a provider to work in schools and with pastoral teams to roll a blended learning offer "
                "out as a free offer to all schools and colleges in Sefton.",
                "T & F Group 1",
                "A reduction in children progressing from Level 1 through to Level 4 with DA prevalent in their case",
                month(2024, 5),
                "Green",
            ),
            (
                3,
                "Develop a reduction of harm pack for GP surgeries across Sefton",
                "DHR Learning",
                "All GP safeguarding leads have received reduction of harm pack.",
                "Harm reduction pack includes awareness and care pathway materials from IDVA, SWACA, IFD and MARAC",
                "T & F Group 1 - GP Safeguarding Leads",
                "Reduction in harm packs provided",
                month(2023, 12),
                "",
            ),
            (
                4,
                "Develop the Domestic Violence and Abuse pages of the Sefton's website.",
                "Needs Assessment",
                "SDAPB Microsite developed hosted on the Sefton website containing relevant information and contacts.",
                "Research relevant and appropriate information to be added to the website including production of "
                "a Sefton wide Domestic Abuse Directory of Services.",
                LEAD,
                "Microsite and content developed and kept up to date",
                month(2023, 9),
                "Complete - the microsite went live in October 2023.",
            ),
            (
                5,
                "To adopt a tool to help the non-specialist workforce with screening/ identification/ referral/ "
                "advice/ signposting.",
                "DHR Learning",
                "Tool available and disseminated to identified non-specialist workforce.",
                "Research and disseminate appropriate tools for use by non specialist workforce.",
                LEAD,
                "Microsite and content developed and kept up to date containing tools and advice for "
                "non-specialist workforce",
                "Sept 23 and ongoing",
                "Green",
            ),
            (
                6,
                "To agree a framework for targeting work that ensures information reaches diverse groups and "
                "identified hidden groups.",
                "DA Act 2021",
                "Vulnerable and diverse groups identified, targeted and awareness in these groups raised - 'hidden "
                "groups' cease to be hidden.",
                "Work with relevant agencies and services to identify who the hidden groups are.\n\nAudit current "
                "publicity materials to ensure they are available and accessible to all diverse groups.",
                "T & F Group 1, specialist services, by and for groups",
                "Hidden Groups cease to be hidden",
                month(2025, 9),
                "",
            ),
        ),
    ),
    (
        "Protect & Repair -",
        "Ensuring that victims and survivors, and their children, are safe, supported and able to recover.",
        (
            (
                1,
                "Provision of a range of ongoing support for victims/survivors and children to reduce the impact "
                "of abuse and to recover from trauma.",
                "Needs Assessment DHR Learning Ofsted Inspection",
                "A range of support, including safety planning, risk reduction, therapeutic counselling and "
                "resilience building support is provided as part of an integrated approach to Domestic Abuse",
                "Commission a new service - Sefton Council",
                "Commissioning Group",
                "A new service is commissioned in 2023 that will provide a range of support mechanisms to reduce "
                "impact and recovery.",
                month(2023, 9),
                "Complete",
            ),
            (
                2,
                "Provision of wider support opportunities for perpetrators of domestic abuse to sustain positive "
                "behaviour change long term.",
                "Needs Assessment",
                "A range of perpetrator programmes and behaviour change programmes are available for those that "
                "are willing to change their behaviour.",
                "Develop a range of Behaviour Change and Perpetrator programmes, in addition to the statutory "
                "programmes managed by the National Probation Service.",
                "T & F Group 2",
                "A range of programmes both statutory and voluntarily are available",
                month(2023, 9),
                "Red - the voluntary programme's provider withdrew in December 2023; re-procurement is under way.",
            ),
            (
                3,
                "Criminal justice interventions achieve positive outcomes for victims/survivors to support them to "
                "move on with their lives.",
                "Needs Assessment",
                "Use a range of enforcement powers available to the partnership in order to protect "
                "victims/survivors wherever possible",
                "A blended approach of support for victims/survivors and enforcement against perpetrators of "
                "harmful behaviour that is victim centred.",
                "T & F Group 2",
                "An increase in enforcement action with more innovative use of enforcement powers taken.",
                "Sept 23 and ongoing",
                "Green",
            ),
            (
                4,
                "To increase the delivery of support and interventions for victims and offenders by Health providers.",
                "Good Practice",
                "Embed 2 full time health IDVAs in Southport & Ormskirk Hospital and develop clear referral pathways",
                "Roll out of health IDVAs project across wider hospital footprint",
                "Implementation Group\nT & F Group 2",
                "Establish Health IDVA network",
                "Dec 23 and on going",
                "Amber: one of the two posts is filled; the second is advertised.",
            ),
            (
                6,
                "To identify appropriate domestic abuse champions in relevant agencies.",
                "DHR Learning",
                "All relevant agencies have a single point of contact to champion the issue of domestic abuse.",
                "Produce a role description of an effective domestic abuse champion and provide support to them as "
                "required.",
                "Implementation Group\nT & F Group 2",
                "Champion Network established",
                "Dec 23 and on going",
                "Green",
            ),
            (
                7,
                "Explore the possibility of getting local businesses to become Safe Places e.g. pharmacies and "
                "dentists.",
                "Good Practice",
                "Increased support for domestic violence and abuse by local businesses becoming Safe Places.",
                "Explore getting local businesses on board with this action. Offer training and support where "
                "required on domestic abuse awareness and zero tolerance.",
                "T & F Group 2",
                "Network of safe places established",
                month(2024, 5),
                "",
            ),
        ),
    ),
    (
        "Children and Young People:",
        "Improving and extending support and interventions for children and young people affected by domestic "
        "abuse / sexual violence.",
        (
            (
                1,
                "To map across Sefton the responses and interventions offered to children and young people affected "
                "by DVA by schools; localities; children's social care; health visiting; school nursing; CAMH and "
                "the voluntary sector",
                "Ofsted Inspection",
                "That there is a clear picture of this which will inform service planning and identify any gaps",
                "",
                "T & F Group 2",
                "Audit Completed",
                month(2023, 5),
                "Complete",
            ),
            (
                2,
                "Creation of a multi-agency DVA team to support better practice with those affected by DVA",
                "Ofsted Inspection",
                "New team will lead on practice improvement and implementation of new ways of working.",
                "T&F group to co-ordinate the structure and membership of the team. This will include IDVA, Mens "
                "worker and other relevant services.",
                "T & F Group 2",
                "Team in situ",
                month(2023, 5),
                "Amber - the team is in place; the men's worker post is vacant.",
            ),
            (
                3,
                "To foster a commitment to multi-agency working across all partner agencies working with children "
                "and young people at risk of domestic abuse/ sexual violence.",
                "Ofsted Inspection",
                "That information/intelligence is shared consistently and appropriately across the multi-agency "
                "network at all stages of agency involvement.",
                "LSCB multi-agency training and procedures.\nCAF framework – ongoing review.\nAudit activity – "
                "LSCB/ CSC 'step-down' audit.",
                "T & F Group 2",
                "Audit activity underway and recommendations made",
                "May 23 and on going",
                "Green",
            ),
            (
                4,
                "To work with all schools (including academies) to promote preventative interventions and "
                "approaches in the curriculum.",
                "Ofsted Inspection",
                "That there is a consistent and agreed Sefton response to CYP at risk of domestic abuse and "
                "violence in all schools in Sefton.",
                "Mapping exercise as per 4.1",
                "T & F Group 2",
                "Consistent approach with Sefton schools in place as per 2.4",
                "May 24 and on going",
                "Green",
            ),
        ),
    ),
)

#: How the plan stood at the December report, where it differs from March's (PLAN): ratings by (theme, No.),
#: the actions added since (not in December's plan), and the actions closed since, each after the action
#: numbered before it (in December's plan only). Fictional, as the ratings in PLAN are.
DECEMBER_RATINGS = {
    ("Leadership and Governance -", 2): "Green - three of the five boards visited; the rest are booked for January.",
    ("Leadership and Governance -", 4): "Amber - the draft annual report goes to the Board in February 2024.",
    ("Prevent -", 1): "Green - the e-learning module is being built; the helpline is out to tender.",
    ("Protect & Repair -", 1): "Green - the last two support groups start in January 2024.",
    ("Protect & Repair -", 2): "Amber - the voluntary programme's provider has given notice.",
    ("Children and Young People:", 2): "Green - the team is recruited; the men's worker starts in January.",
}
ADDED_SINCE_DECEMBER = {("Protect & Repair -", 7), ("Children and Young People:", 4)}
CLOSED_SINCE_DECEMBER = {
    ("Prevent -", 6): (
        7,
        "To audit current training packages for domestic abuse resulting in a plan regarding which standardised "
        "packages to use for which audience. (Inc. training to universal, targeted and specialist workforce)",
        "DHR Learning",
        "Current training packages audited and DVA trainers forum established.",
        "Domestic Abuse Prevention Education & Training Coordinator to scope all Sefton DVA training and establish "
        "and chair DVA trainers forum.",
        "DVA Trainers Forum",
        "Audit completed and forum established",
        month(2023, 12),
        "Complete - the audit is finished and the DVA trainers forum met in November 2023.",
    ),
}


def plan_at(as_of: dt.date) -> tuple:
    """PLAN as it stood at `as_of`: March's as written, December's with DECEMBER_RATINGS, ADDED_SINCE_DECEMBER and
    CLOSED_SINCE_DECEMBER applied."""
    if as_of == MARCH:
        return PLAN
    themes = []
    for theme, description, actions in PLAN:
        kept = []
        for action in actions:
            if (theme, action[0]) in ADDED_SINCE_DECEMBER:
                continue
            rating = DECEMBER_RATINGS.get((theme, action[0]), action[-1])
            kept.append((*action[:-1], rating))
            if (theme, action[0]) in CLOSED_SINCE_DECEMBER:
                kept.append(CLOSED_SINCE_DECEMBER[(theme, action[0])])
        themes.append((theme, description, tuple(kept)))
    return tuple(themes)


def write_plan(path: Path = OUT, as_of: dt.date = MARCH) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Action Plan"
    sheet["A1"] = "Sefton Domestic Abuse Action Plan 2023-2028"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"Progress at {as_of.day} {as_of:%B %Y}"
    header_row = 4
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = sheet.cell(header_row, column, header)
        cell.font = Font(bold=True)
        cell.alignment = wrap
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        sheet.column_dimensions[cell.column_letter].width = width
    row = header_row + 1
    for theme, description, actions in plan_at(as_of):
        for text, font in ((theme, Font(bold=True, size=12)), (description, Font(italic=True))):
            sheet.cell(row, 1, text).font = font
            sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADERS))
            row += 1
        for action in actions:
            for column, value in enumerate(action, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row, column, value)
                cell.alignment = wrap
                if isinstance(value, dt.date):
                    cell.number_format = "mmm-yy"
            row += 1
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    book.save(path)
    return path


if __name__ == "__main__":
    print(f"wrote {write_plan()}")
    print(f"wrote {write_plan(OUT_DECEMBER, DECEMBER)}")
