"""Write the sample action plan bundled with Scrutiny Studio, as reported at two dates:
sample_data/action_plan_2023-2028.xlsx (31 March 2024) and action_plan_2023-2028_december_2023.xlsx (the
report before, at 31 December 2023).

The plan is seed 002's Domestic Abuse Action Plan 2023-2028 (002:2145-2275), all of it: four themes,
Leadership and Governance (19 numbered actions and one unnumbered), Prevent (22), Protect & Repair (26) and
Children and Young People (6), each a heading row merged across the table, a row describing it, and its actions
under the plan's nine columns. ACTIONS holds the actions' words as the seed prints them (the lead officer's name
left out), blank where the seed's cell is blank; milestones the seed writes "May-23" are date cells shown that
way, the others ("Sept 23 and ongoing", "Dec 23 and on going") are text. The seed's own slips are kept: the
unnumbered action after 7 of Leadership and Governance, Protect & Repair's numbering skipping 19, and Prevent 3 and 6
with no milestone.

The seed prints the RAG column empty, so every rating and progress note here is fictional (MARCH_RATINGS), as a
partnership might have written them for a report at 31 March 2024; actions they leave out are unrated. The
December workbook is the same plan a report earlier: DECEMBER_RATINGS where it was rated otherwise then,
ADDED_SINCE_DECEMBER not yet in the plan, and CLOSED_SINCE_DECEMBER, one fictional action (its words are not the
seed's) that was complete in December and taken out of the plan since.

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
#: The themes' heading rows as the plan writes them (the seed heads the third "Protect -"; its contents page and
#: the strategy call it Protect & Repair).
LEADERSHIP, PREVENT, PROTECT, CHILDREN = (
    "Leadership and Governance -",
    "Prevent -",
    "Protect & Repair -",
    "Children and Young People:",
)


def month(year: int, number: int) -> dt.date:
    """A milestone typed as a month: a date cell shown "May-23"."""
    return dt.date(year, number, 1)


#: (theme, description, actions); an action is (No., priority, why, deliver, how, who, success, milestone), the
#: seed's words; None where the seed's cell is blank.
ACTIONS = (
    (
        LEADERSHIP,
        "Ensuring that the Sefton Domestic Violence and Abuse Partnership has an effective structure and membership "
        "that is fit for purpose and can develop and ensure delivery of the strategy.",
        (
            (
                1,
                "To agree the structure of the Partnership with a Sefton Implementation Board and four 'Task and "
                "Finish' groups that are responsible for particular areas of the strategy.",
                "DA Act 2021",
                "Membership of the Implementation Group and Task and Finish groups are fit for purpose with "
                "appropriate representation and input from all agencies and groups including service users.",
                "Chair of the Partnership to write to suggested representatives to invite them to sit on the "
                "Implementation Board. Board to then be established.",
                LEAD,
                "Implementation Group and Task and Finish Groups set up and appointed lead officer to report back to "
                "the partnership. Progress of the strategy escalated and reported to the DA Commissioner.",
                month(2023, 5),
            ),
            (
                2,
                "Raise awareness of the Partnership led review of Domestic Abuse and establish a way forward with "
                "the recommendations.",
                "DA Act 2021",
                "All relevant Boards fully aware of the review and their role in taking forward the recommendations.",
                "Lead Officer to attend the Overview and Scrutiny Committee to attend various groups e.g. Community "
                "Safety Board, Children's young People Board, Adult Safeguarding Board, Children's Safeguarding "
                "Board, Health & Wellbeing Board, to highlight and take forward the recommendations from the "
                "Partnership led review.",
                LEAD,
                "Connectivity and regular reporting mechanisms between various boards is established. Comms strategy "
                "created",
                month(2023, 9),
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
            ),
            (
                4,
                "Develop an annual reporting framework for the Partnership.",
                "DA Act 2021",
                "All stakeholders are updated on achievements and activities to date, and are able to plan activity "
                "for the next 12 months.",
                "Produce an annual report for stakeholders on the partnerships membership, priorities, actions and "
                "activity to date based on the report developed by the LSCB.",
                LEAD,
                "Annual Report produced by September 2023. Comms Strategy in place. Partnership awareness of "
                "performance which is disseminated through the partner organisations.",
                month(2023, 9),
            ),
            (
                5,
                "Develop and agree partnership branding.",
                "Good Practice",
                "The partnership has a clear and recognisable identity.",
                "Agree a new partnership logo that can be used on all partnership documentation.",
                LEAD,
                "Branding established. Comms Strategy in place",
                month(2023, 5),
            ),
            (
                6,
                "Develop a Victim Survivor focus group that helps shape DA survivors and ensures victims/survivors "
                "are at the heart of everything we do",
                "DA Act 2021",
                "An expert by experience group is formed that uses membership from previous resilience building "
                "programmes that will represent victims/survivors views on the LDAPB, help shape future services and "
                "deliver ongoing support for fellow victim/survivors.",
                "Develop and support group.",
                "Implementation Group",
                "An expert by experience group is formed in 2023. Service User voice is embedded in strategy "
                "development",
                month(2023, 12),
            ),
            (
                7,
                "To develop a commissioning sub group for 3rd sector providers. This group will be informed and "
                "report to the DVA Implementation Group",
                "Good Practice",
                "Separate commissioning group which will support the implementation of the action plan. The group "
                "will gain best value whilst retaining measurable and effective outcomes for residents of Sefton",
                "Work in partnership with Sefton's Executive Commissioning Group to develop a commissioning model "
                "for Sefton",
                "Commissioning Group",
                "Commissioning Group Set up and commissioning plan in place",
                month(2023, 5),
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
            ),
            (
                8,
                "To ensure relevant links and cross overs are made with other strategies e.g. LSCB, Health & "
                "Wellbeing, , Child Poverty strategies.",
                "Good Practice",
                "On-going quarterly meetings and engagement with other Partnership Managers via the Partnership "
                "Managers Meetings.",
                "Domestic Abuse Partnership Board representation on the Sefton's Partnership Group chaired by Yet to "
                "be established",
                LEAD,
                "Work of DAPB visible across other Partnerships. Comms Strategy in place",
                month(2023, 9),
            ),
            (
                9,
                "To review current arrangements within the SDAPB for the management and recording of all domestic "
                "abuse issues.",
                "Good Practice",
                "Recommendations to be produced that clarifies and strengthens the SDAPB reporting domestic abuse "
                "arrangements.",
                "This will include the identification and review of established practices, such as attendance at "
                "Multi Agency Risk Assessment Conferences. As domestic abuse is not limited to any particular group "
                "or class, and is found to occur across the whole social spectrum, the report will seek to encompass "
                "issues arising for not only service users across the partnership, but also staff members.",
                LEAD,
                "To be included in the SDAPB annual report. Assurance that emerging themes are identified and "
                "addressed at the earliest opportunity.",
                month(2023, 9),
            ),
            (
                10,
                "To develop a Communications Strategy for the Partnership.",
                "Good Practice",
                "Awareness raised of the work of the partnership and the causes of domestic abuse. Increased "
                "reporting of domestic abuse and more responsible media reporting.",
                "Utilise the press and other media to raise awareness of the causes of domestic abuse, encouraging "
                "responsible reporting and ensuring that press messages are not purely criminal justice focussed.",
                LEAD,
                "Communications Strategy and awareness raising plan produced",
                month(2023, 9),
            ),
            (
                11,
                "To develop a Risk Register to monitor progress of the Action Plan.",
                "Good Practice",
                "Potential risks and threats to delivery of the Action Plan are identified and mitigating actions "
                "are put into place where required.",
                "Develop a Risk Register and consult all Partnership members with their views on potential risks to "
                "delivery.",
                LEAD,
                "Risk Register produced and updated for each DAPB to provide transparency that risks to service "
                "delivery are being highlighted and mitigated.",
                month(2023, 5),
            ),
            (
                12,
                "To undertake an biennial needs assessment for Domestic Abuse service provision.",
                "DA Act 2021",
                "All partners have a clear understanding of the level of need and resources required for services in "
                "Sefton The Partnership is able to plan the use of its resources effectively.",
                "Update needs assessment submission biennially.",
                LEAD,
                "Needs Assessment updated biennially. Services will meet need effectively",
                month(2024, 4),
            ),
            (
                13,
                "To arrange a peer review of Sefton partnerships approach to DVA.",
                "Good Practice",
                "The Partnership receives an independent perspective on how the Partnership operates including its "
                "strengths and areas for possible improvement.",
                "Peer Review to be carried out by December 2023 by other LA or identified 3rd Sector agency",
                LEAD,
                "Peer Review completed and reported back by December 2023. Our services will have a clear view of "
                "performance and areas for development.",
                month(2023, 12),
            ),
            (
                14,
                "The Partnership has adopted the Home Office definition of domestic violence and abuse",
                "DA Act 2021",
                "Partnership using the Home Office definition.",
                "Partnership adopts Home Office definition and ensures there is a common understanding of it across "
                "agencies. The partnership report back to the O&S Committee",
                LEAD,
                "Testing to see if definition included in training materials and has a common understanding and "
                "clarity across the partnership",
                month(2024, 4),
            ),
            (
                15,
                "The Chair of the domestic violence and abuse partnership Implementation Group should periodically "
                "report progress made in tackling domestic abuse to the O&S Committee.",
                "Good Practice",
                "Overview and Scrutiny Committee receive regular comprehensive updates on the progress made in "
                "tackling domestic abuse.",
                "Produce reports on progress every 6 months.",
                LEAD,
                "Reports produced to O&S to ensure effective scrutiny of the work of the partnership.",
                month(2023, 9),
            ),
            (
                16,
                "Where commissioning opportunities arise, the Partnership will look to do this jointly to extract "
                "maximum value from limited resources. A pooled budget will also be established to facilitate and "
                "provide a focus for joint working.",
                "Good Practice",
                "Pooled budget established and held by the partnership.",
                "The partnership will highlight any gap in provision for discussion at the Implementation board. The "
                "pooled budget to be held with new commissioning sub group",
                "Commissioning Group",
                "Commissioning undertaken using pooled budget. Partnership resources are used effectively",
                month(2024, 4),
            ),
            (
                17,
                "Partners will develop common data standards and ensure that these are adopted, monitored and managed.",
                "Good Practice",
                "All partners agree a minimum data standard to collect, share and report on their own data.",
                "The partnership will identify those agencies not currently reporting and highlight this to the O&S "
                "Committee.",
                "Implementation Group",
                "Consistent data collection and sharing established across the partnership. Data collected will be "
                "meaningful and used to develop services.",
                month(2023, 9),
            ),
            (
                18,
                "The Partnership will investigate ways of domestic abuse and sexual violence collecting data about "
                "the overall success of interventions from the victims perspective.",
                "Needs Assessment",
                "An understanding across the partnership of the effectiveness of interventions.",
                "Initial Scoping exercise to be done with the new health IDVAs on how this information could be "
                "captured. This could then inform how to collect this information from other services.",
                "Health IDVAs",
                "Test of concept around data collection completed by Health IDVAs. Service user feedback and voice "
                "is embedded in service design.",
                month(2023, 9),
            ),
            (
                19,
                "Implementation board to review the Action Plan and prioritise actions for delivery.",
                "DA Act 2021",
                "All actions are appropriately prioritised and all partners are clear on which actions to work on "
                "delivering first.",
                "Implementation Board to review and prioritise all actions and inform all other Task and Finish "
                "Group Chairs of the order of priorities.",
                "Implementation Group",
                "Action plan reviewed and reported at each SDAPB meeting. The strategy is successfully implemented.",
                month(2024, 5),
            ),
        ),
    ),
    (
        PREVENT,
        "Early intervention provision, including improving public knowledge on domestic and sexual abuse to drive a "
        "cultural shift, intervening earlier to prevent and reduce the impact of longer term poor outcomes, and "
        "breaking the cycle of abuse across generations.",
        (
            (
                1,
                "There is clear and consistent information is available to the public on domestic and sexual abuse, "
                "including practical tools, advice and the support services available",
                "Needs Assessment & DHR Learning",
                "A range of information both written, online and e-learning modules and helpline are available for "
                "all that live or work in Sefton.",
                "A blended, building block, learning approach with a resource available and accessible to everyone "
                "that works and lives in Sefton. IT offer needs working up.",
                "T & F Group 1",
                "An increase in people's awareness of DA and the support services available. Biennially needs "
                "assessment data and feedback from experts by experience group, surveys, as proof.",
                month(2023, 12),
            ),
            (
                2,
                "There is a need for all services and practitioners to be aware of the signs of domestic and sexual "
                "abuse, how to respond to these initially, and where to signpost to for more comprehensive "
                "specialist support.",
                "Needs Assessment & DHR Learning",
                "A range of information both written, online and e-learning modules and helpline are available for "
                "all that live and work in Sefton. Staff are equipped with the skills, knowledge and confidence in "
                "what to do when receiving a DA disclosure",
                "A blended, building block, learning approach with a resource available to enable workforce "
                "development across the partnership and further. Workforce Development project to be delivered in "
                "conjunction with SSAB Sub Group.",
                "T & F Group 1",
                "An increase in staff across the partnership and further, have differing levels of knowledge of "
                "Domestic Abuse dependent on their role. A reduction in the common themes being apparent in DHR "
                "learning",
                month(2024, 5),
            ),
            (
                3,
                "Promotional campaigns reinforce both what constitutes domestic and sexual abuse and what support "
                "services are available and ensuring links are made to appropriate regional and national campaigns.",
                "Needs Assessment & DHR Learning",
                "Linked to Item 1 & 2",
                "Develop our own local campaigns via the various PR & Comms Teams across the partnership and "
                "promote/ take part regional and national campaigns. LDAPB & Sefton Comms Team",
                "T & F Group 1",
                "An increase in engagement linked to priorities 1 & 2",
                None,
            ),
            (
                4,
                "Educational programmes are available for children and young people focusing on healthy "
                "relationships and developing resilience to help prevent future abusive behaviours.",
                "Needs Assessment & DHR Learning",
                "A range of educational sessions using a variety of programmes such as Expect Respect Toolkit, "
                "Recovery Toolkit, Hope to Recovery and Freedom Flowers as a free offer to all schools and colleges "
                "in Sefton.",
                "Commission a provider to work in schools and with pastoral teams to roll a blended learning offer "
                "out as a free offer to all schools and colleges in Sefton. New service provider",
                "T & F Group 1",
                "A reduction in children progressing from Level 1 through to Level 4 with DA prevalent in their case",
                month(2024, 5),
            ),
            (
                5,
                "There is a quality assured offer of support for children and young people causing harm to help "
                "prevent this behaviour escalating.",
                "Needs Assessment",
                "A scale up of current CoPVA programme in order to reach more households. Design clearer "
                "referral/access pathways and awareness raising of the subject",
                "Place current commission on a longer term more secure financial footing and allow for scale up. New "
                "service provider",
                "T & F Group 1",
                "A reduction in repeat cases referred through to CoPVA services",
                month(2024, 5),
            ),
            (
                6,
                "Domestic abuse is considered as a routine enquiry by a wide range of agencies and practitioners "
                "across Sefton, using a trauma informed approach.",
                "Needs Assessment",
                "Linked to Item 1 & 2 - ensure that selective or routine enquiry are established across the "
                "partnership and beyond and that frontline practitioners adopt a trauma informed approach to practice",
                "Trauma informed practice becomes the norm across the partnership.",
                "T & F Group 1 & SSAB SSCP Training Sub-Groups",
                "Increase in individuals accessing DA services at an earlier stage.",
                None,
            ),
            (
                7,
                "Activities that focus on supporting positive mental wellbeing to help prevent self harm and suicide.",
                "DHR Learning",
                "Recognition round the linkages between DA and suicide. Equip frontline professionals with the "
                "skills, knowledge and confidence to recognise risks. Develop a risk stratification model to "
                "identify those at risk. Develop a number of tools including self help tools to support those at risk",
                "Complete this work as part of a wider approach to suicide prevention with suicide prevention group.",
                "T & F Group 1 and Suicide Prevention Group",
                "More individuals accessing help, reduction in DA related suicides",
                month(2024, 9),
            ),
            (
                8,
                "To ensure that service users inform the development and delivery of awareness material and "
                "campaigns. (links to action 1.6 of this Plan)",
                "DA Act 2021",
                "Service user engagement and input in developing materials.",
                "Work with Fully integrated commissioned provider",
                "T & F Group 1",
                "Experts by experience group co-design, co-produce and co-deliver materials",
                month(2024, 5),
            ),
            (
                9,
                "To agree a framework for targeting work that ensures information reaches diverse groups Travellers, "
                "Learning Disabilities, Older People, LGBT+ and other ethnic groups, and identified hidden groups.",
                "DA Act 2021",
                "Vulnerable and diverse groups identified, targeted and awareness in these groups raised - 'hidden "
                "groups' cease to be hidden.",
                "Work with relevant agencies and services to identify who the hidden groups are. Audit current "
                "publicity materials to ensure are available and accessible to all diverse groups. Research range of "
                "material available from Government, charities and voluntary organisations. Write new material for "
                "dissemination as applicable. Carry out public survey to ascertain current attitudes. Setup and "
                "launch a DV helpline and website to be investigated. Timely awareness campaigns run. Appropriate "
                "telephone support available. Website developed to provide accessible and up to date information. "
                "Use by and for groups for service delivery.",
                "T & F Group 1 , specialist services, by and for groups",
                "Hidden Groups cease to be hidden",
                month(2025, 9),
            ),
            (
                10,
                "Develop a reduction of harm pack for GP surgeries across Sefton",
                "DHR Learning",
                "All GP safeguarding leads have received reduction of harm pack.",
                "Harm reduction pack includes awareness and care pathway materials from IDVA, SWACA, IFD and MARAC",
                "T & F Group 1 - GP Safeguarding Leads",
                "Reduction in harm packs provided",
                month(2023, 12),
            ),
            (
                11,
                "Develop the Domestic Violence and Abuse pages of the Sefton's website.",
                "Needs Assessment",
                "SDAPB Microsite developed hosted on the Sefton website containing relevant information and contacts "
                "to enable visitors to the site to access the most up to date and useful information.",
                "Research relevant and appropriate information to be added to the website including production of a "
                "Sefton wide Domestic Abuse Directory of Services and include relevant links.",
                LEAD,
                "Microsite and content developed and kept up to date",
                month(2023, 9),
            ),
            (
                12,
                "To adopt a tool to help the non-specialist workforce with screening/ identification/ referral/ "
                "advice/ signposting.",
                "DHR Learning",
                "Tool available and disseminated to identified non-specialist workforce. Linked to 2.2",
                "Research and disseminate appropriate tools for use by non specialist workforce. Update and utilise "
                "the Sefton Council website as a source of information.",
                LEAD,
                "Microsite and content developed and kept up to date containing tools and advice for non-specialist "
                "workforce",
                "Sept 23 and ongoing",
            ),
            (
                13,
                "Concise information on support services for domestic abuse and sexual violence distributed across "
                "Sefton",
                "Needs Assessment",
                "Partner agencies have a clear understanding of support services available across Sefton",
                "Existing A5 laminate on support services available across Sefton is updated and distributed across "
                "partner agencies.",
                LEAD,
                "Easily printable pdfs contained within the microsite",
                "Sept 23 and ongoing",
            ),
            (
                14,
                "To audit current training packages for domestic abuse resulting in a plan regarding which "
                "standardised packages to use for which audience. (Inc. training to universal, targeted and "
                "specialist workforce)",
                "DHR Learning",
                "Current training packages audited and DVA trainers forum established linked to 2.1 and 2.2",
                "Domestic Abuse Prevention Education & Training Coordinator to scope all Sefton DVA training and "
                "establish and chair DVA trainers forum.",
                "DVA Trainers Forum linked to SSAB & SSCP Learning & Development Sub groups",
                "Audit completed and forum established",
                month(2023, 12),
            ),
            (
                15,
                "To introduce and implement a modular training package across the Sefton to ensure that delivery is "
                "consistent.",
                "DHR Learning",
                "Foundational DVA Awareness training in situ with specialised modules available as need identified "
                "e.g. for sexual violence, health, for police, for drug & alcohol services, MARAC, early years, "
                "education etc. Linked to 2.2",
                "DV trainers forum established to work in line with identified strategic aims. Training plan "
                "delivered to Cabinet and Children's Service Management Team etc.",
                "DVA Trainers Forum linked to SSAB & SSCP Learning & Development Sub groups",
                "Building Block approach to training for workforce developed in place and a programme/calendar of "
                "sessions in place",
                "Dec 23 and on going",
            ),
            (
                16,
                "To deliver an agreed number of training sessions throughout Sefton to a consistent, measurable "
                "standard.",
                "DHR Learning",
                "Agreed number of training sessions delivered and evaluated.",
                "Develop foundational awareness training and modular specialist add-ons. Standardised evaluation and "
                "assessment tool developed for trainers to use to assess training delivered.",
                "DVA Trainers Forum linked to SSAB & SSCP Learning & Development Sub groups",
                "Building Block approach to training for workforce developed in place and a programme/calendar of "
                "sessions in place",
                "Dec 23 and on going",
            ),
            (
                17,
                "To implement a framework for auditing training outcomes on workforce/ agency performance following "
                "training.",
                "DHR Learning",
                "Training outcomes audited",
                "Framework established & follow up surveys re effectiveness developed and use of identified tools "
                "completed and submitted monitored",
                "DVA Trainers Forum linked to SSAB & SSCP Learning & Development Sub groups",
                "Building Block approach to training for workforce developed in place and a programme/calendar of "
                "sessions in place",
                "Dec 23 and on going",
            ),
            (
                18,
                "To consider the development of a 'Brief Intervention' training e.g. e-learning",
                "DHR Learning",
                "E learning package available to all front line staff sefton wide",
                "Work in partnership to agree package. Package sourced/commissioned",
                "DVA Trainers Forum linked to SSAB & SSCP Learning & Development Sub groups",
                "Building Block approach to training for workforce developed in place and a programme/calendar of "
                "sessions in place",
                "Dec 23 and on going",
            ),
            (
                19,
                "To encourage managers of non specialist services to prioritise training within their agency and "
                "ensure that training is refreshed periodically and new staff are trained in a timely manner.",
                "DHR Learning",
                "Increased uptake of training by diverse/wide range of non-specialist services",
                "Liaise with identified agencies to promote, encourage and raise awareness of need for induction & "
                "periodic refresher training",
                "DVA Trainers Forum linked to SSAB & SSCP Learning & Development Sub groups",
                "Building Block approach to training for workforce developed in place and a programme/calendar of "
                "sessions in place",
                "Dec 23 and on going",
            ),
            (
                20,
                "To increase the knowledge base of members of the Partnership on domestic violence and abuse",
                "DHR Learning",
                "All Partnership members have a good general awareness and understanding of domestic abuse and "
                "sexual violence in order for them to make more informed decisions.",
                "Utilise and expand a future Partnership Implementation Board to run training sessions for all "
                "members on domestic violence and abuse",
                "DVA Trainers Forum linked to SSAB & SSCP Learning & Development Sub groups",
                "Building Block approach to training for workforce developed in place and a programme/calendar of "
                "sessions in place",
                "Dec 23 and on going",
            ),
            (
                21,
                "To draft a Strategy on engaging local businesses with the domestic violence and abuse partnership.",
                "Needs Assessment",
                "A clear Strategy in place for the Sefton and local businesses engaged.",
                "The Strategy will aim to encourage employers to act on domestic abuse and sexual violence "
                "incidents. Support them with any necessary training and with writing policies. Utilise them to "
                "cascade out information. Offer volunteering opportunities for survivors to support this work.",
                "T & F Group 1 & Integrated service provider",
                "Engage with business to support in DA training and policies and procedures",
                month(2024, 5),
            ),
            (
                22,
                "Explore how twitter and other media opportunities work and how the partnership could utilise this. "
                "Investigate any other information portals used by GPs / health professionals.",
                "Needs Assessment",
                "Increased awareness of domestic abuse issues and support through utilising this site. Linked to "
                "2.11 and 2.12",
                "Explore with Comms",
                "T & F Group 1",
                "Develop communication streams using Social Media and possibly an App",
                month(2024, 5),
            ),
        ),
    ),
    (
        PROTECT,
        "Keeping victims/survivors of domestic and sexual abuse and their children safe in a consistent and "
        "coordinated way, providing safe and quality assured support services, and challenging the behaviour of "
        "perpetrators whilst also offering opportunities to change.",
        (
            (
                1,
                "Victims/survivors and their families have a consistent and effective response from agencies to "
                "disclosures of domestic and sexual abuse that helps protect them from further harm.",
                "Needs Assessment & DHR Learning",
                "A fully integrated offer for all victims/survivors is available irrespective of risk rating. The "
                "offer should include risk assessment, safety planning, needs assessment and be led by the "
                "victim/survivor. The offer should include therapeutic counselling and resilience building support "
                "and be delivered from a trauma informed practice perspective",
                "Commission a new service",
                "Commissioning Group",
                "There will be positive feedback from service users and reduced repeat incidents of Domestic Abuse "
                "as resilience and understanding is created",
                month(2023, 9),
            ),
            (
                2,
                "Agencies are consistent and effective in recognising and identifying risks associated with domestic "
                "and sexual abuse; workers proactively use professional curiosity and take action.",
                "Needs Assessment & DHR Learning",
                "Staff are equipped with the skills, knowledge and confidence in what to do when receiving a DA "
                "disclosure",
                "A blended, building block, learning approach with a resource available to enable workforce "
                "development across the partnership and further. Workforce Development project to be delivered in "
                "conjunction with SSAB Sub Group.",
                "T & F Group 1",
                "An increase in staff across the partnership and further, have differing levels of knowledge of "
                "Domestic Abuse dependent on their role. A wider range of appropriate source referrals from "
                "partnership organisation are received at MARAC and into DA services.",
                month(2024, 5),
            ),
            (
                3,
                "Organisations have clear and easily accessible policies on domestic abuse to support their employees.",
                "Needs Assessment",
                "Advice and guidance to roll out effective DA HR Policies across the partnership, organisations and "
                "beyond",
                "Create a baseline offer with SSAB workforce development group and roll out across the partnership",
                "T & F Group 1",
                "HR DA policies are in place across Sefton organisations.",
                month(2023, 12),
            ),
            (
                4,
                "There are a range of quality assured, evidence-based support services for victims/survivors to "
                "ensure work is delivered safely, responds to need, reduces risk and is in partnership with other "
                "agencies.",
                "Needs Assessment & DHR Learning",
                "A range of support, including safety planning, risk reduction, therapeutic counselling and "
                "resilience building support and should be provided as part of an integrated approach to Domestic "
                "Abuse",
                "Commission a new service - Sefton Council",
                "Commissioning Group",
                "There will be positive feedback from service users and reduced repeat incidents of Domestic Abuse "
                "as resilience and understanding is created",
                month(2023, 9),
            ),
            (
                5,
                "Ensuring victims/ survivors with additional vulnerabilities and specific needs can access support "
                "that meets their needs – specifically around those with protected characteristics, older people and "
                "those with complex lives.",
                "Needs Assessment & DHR Learning",
                "A range of support, including safety planning, risk reduction, therapeutic counselling and "
                "resilience building support is provided as part of an integrated approach to Domestic Abuse. The "
                "offer should be made irrespective of who the victim/survivor is and any protected characteristics. "
                "The Victim should be at the heart of everything that happens to them.",
                "Commission a new service - Sefton Council",
                "Commissioning Group",
                "There will be positive feedback from service users and reduced repeat incidents of Domestic Abuse "
                "as resilience and understanding is created. Victims with additional vulnerabilities or protected "
                "characteristics are supported.",
                month(2023, 9),
            ),
            (
                6,
                "There is a range of specific support available for children and young people affected by domestic "
                "and sexual abuse.",
                "Needs Assessment & DHR Learning",
                "A range of support, including safety planning, risk reduction, therapeutic counselling and "
                "resilience building support is provided as part of an integrated approach to Domestic Abuse",
                "Commission a new service - Sefton Council",
                "Commissioning Group",
                "There will be positive feedback from service users (children and Young People) and reduced repeat "
                "incidents of Domestic Abuse as resilience and understanding is created. Children and Young people "
                "access services and receive support.",
                month(2023, 9),
            ),
            (
                7,
                '"There is a range of safe accommodation options for victims/survivors of domestic abuse to enable '
                'them to leave abusive relationships safely and access the ongoing support they need."',
                "Needs Assessment & DHR Learning",
                "A range of accommodation options is available to victims/ survivors of domestic abuse that are "
                "covered under the safe accommodation criteria of the Domestic Abuse Act 2021",
                "Work with RPs across Sefton and possibly LCR to develop a range of accommodation offers including "
                "Refuge, dispersed accommodation and sanctuary schemes. Sefton Council Housing Strategy Team",
                "T & F Group 2",
                "A wider range of accommodation offers are available than currently. Homelessness due to Da is reduced",
                month(2024, 9),
            ),
            (
                8,
                "The behaviour of perpetrators is proactively challenged and held to account in a consistent and "
                "appropriate way and there are a range of interventions available to support behaviour change.",
                "Needs Assessment & DHR Learning",
                "A range of perpetrator programmes and behaviour change programmes are available for those that are "
                "willing to change their behaviour. A range of support measures for current partners and ex-partners "
                "are put in place throughout attendance on these programmes as risk increases.",
                "Develop a range of Behaviour Change and Perpetrator programmes. These in addition to the statutory "
                "programmes managed by the Probation Service.",
                "T & F Group 2",
                "A range of programmes both statutory and voluntarily are available",
                month(2023, 12),
            ),
            (
                9,
                "There are effective and efficient multi agency risk management processes, including MARAC and "
                "MAPPA, that are regularly reviewed to ensure they are fit for purpose.",
                "Needs Assessment & DHR Learning",
                "MARAC & MAPPA are an effective risk management process and are quality assessed regularly. "
                "Consideration should be given to developing MATAAC (linked to item 8) and other ad-hoc problem "
                "solving risk management meetings.",
                "MARAC regularly reviewed by MARAC Steering Group & T & F Group 2. MAPPA regularly reviewed by "
                "Ministry of Justice Investigate whether MATAAC should be developed Implementation Group",
                "Implementation Group T & F Group 2",
                "Annual reviews undertaken and reported back to Implementation Group / LDAPB",
                month(2025, 9),
            ),
            (
                10,
                "Provision of a range of ongoing support for victims/survivors and children to reduce the impact of "
                "abuse and to recover from trauma.",
                "Needs Assessment DHR Learning Ofsted Inspection",
                "A range of support, including safety planning, risk reduction, therapeutic counselling and "
                "resilience building support is provided as part of an integrated approach to Domestic Abuse",
                "Commission a new service - Sefton Council",
                "Commissioning Group",
                "A new service is commissioned in 2023. That will provide a range of support mechanisms to reduce "
                "impact and recovery.",
                month(2023, 9),
            ),
            (
                11,
                "Provision of wider support opportunities for perpetrators of domestic abuse to sustain positive "
                "behaviour change long term.",
                "Needs Assessment",
                "A range of perpetrator programmes and behaviour change programmes are available for those that are "
                "willing to change their behaviour. A range of support measures for current partners and ex-partners "
                "are put in place throughout attendance on these programmes as risk increases.",
                "Develop a range of Behaviour Change and Perpetrator programmes. These in addition to the statutory "
                "programmes managed by the National Probation Service. Sefton LDAPB",
                "T & F Group 2",
                "A range of programmes both statutory and voluntarily are available",
                month(2023, 9),
            ),
            (
                12,
                "Criminal justice interventions achieve positive outcomes for victims/survivors to support them to "
                "move on with their lives.",
                "Needs Assessment",
                "Use a range of enforcement powers available to the partnership in order to protect "
                "victims/survivors wherever possible",
                "A blended approach of support for victims/survivors and enforcement against perpetrators of harmful "
                "behaviour that is victim centred. LDAPB",
                "T & F Group 2",
                "An increase in enforcement action with more innovative use of enforcement powers taken. An increase "
                "in DA convictions for perpetrators",
                "Sept 23 and ongoing",
            ),
            (
                13,
                "A wide range of organisations that can provide ongoing community based support for individuals and "
                "families based on their needs.",
                "Needs Assessment",
                "A network of community based support organisations that provide support to increase resilience once "
                "DA interventions are complete",
                "Develop a network of organisations that provide generic family support once DA interventions are "
                "complete. LDAPB",
                "T & F Group 2",
                "Resilience of families is increased and repeat referrals are reduced.",
                "Sept 23 and ongoing",
            ),
            (
                14,
                "To hold an annual specialist domestic violence and abuse practitioner and interested professionals "
                "forum.",
                "DHR Learning",
                "Front line workers and interested professionals meet to share information and effective practice.",
                "Organisation of an annual forum.",
                LEAD,
                "Annual Festival of Practice is held",
                month(2024, 4),
            ),
            (
                15,
                "To increase the delivery of support and interventions for victims and offenders by Health providers.",
                "Good Practice",
                "Embed 2 full time health IDVAs in Southport & Ormskirk Hospital and develop clear referral pathways",
                "Roll out of health IDVAs project across wider hospital footprint",
                "Implementation Group T & F Group 2",
                "Establish Health IDVA network",
                "Dec 23 and on going",
            ),
            (
                16,
                "To collate, promote and embed best practice on addressing domestic abuse and sexual violence.",
                "DHR Learning",
                "Partnership is more innovative and informed of best practice.",
                "Gather and disseminate case studies. Utilise the Sefton microsite as a tool for sharing best "
                "practice examples. Include best practice as a standing agenda item on all T&F Groups.",
                "Implementation Group",
                "Good Practice briefings are disseminated",
                "Sept 23 and on going",
            ),
            (
                17,
                "To develop the opportunity for survivors of domestic abuse and sexual violence to come together and "
                "benefit from mutual peer support.",
                "DA Act 2021",
                "Survivors build up support networks and feel less isolated.",
                "Set up network of support groups across Sefton - led by Experts by experience group",
                "Experts by experience and new Commissioned provider",
                "Network established",
                "Dec 23 and on going",
            ),
            (
                18,
                "To explore the support options to victims attending court.",
                "DA Panel",
                "Increased support to victims going to court (criminal, county and Family Court).",
                "Identify the support options currently available and ensure that victims can access the support. "
                "Embed DA Support at IFD",
                "Implementation Group T & F Group 2",
                "Establish current support mechanisms and increase support offer. Reduction in failed (cracked) "
                "court hearings",
                "Dec 23 and on going",
            ),
            (
                20,
                "To identify appropriate domestic abuse champions in relevant agencies.",
                "DHR Learning",
                "All relevant agencies have a single point of contact to champion the issue of domestic abuse and to "
                "disseminate information across their agency as required.",
                "Produce a role description of an effective domestic abuse champion and provide support to them as "
                "required. Produce a map of all domestic abuse champions across the Sefton",
                "Implementation Group T & F Group 2",
                "Champion Network established",
                "Dec 23 and on going",
            ),
            (
                21,
                "Explore the possibility of getting local businesses to become Safe Places e.g. pharmacies and "
                "dentists.",
                "Good Practice",
                "Increased support for domestic violence and abuse by local businesses becoming Safe Places.",
                "Explore getting local businesses on board with this action. Offer training and support where "
                "required on domestic abuse awareness and zero tolerance. Utilise them as a place to disseminate "
                "information on available support services across Sefton",
                "T & F Group 2",
                "Network of safe places established",
                month(2024, 5),
            ),
            (
                22,
                "Raise awareness of domestic abuse across faith based groups.",
                "Needs Assessment",
                "Faith based groups are aware of domestic abuse and sexual violence services in Sefton and can help "
                "to promote their availability and contact details.",
                "Offer volunteering opportunities to survivors to support this work. Disseminate information to "
                "faith groups. Explore ways for front line services and faith based groups to work together.",
                "T & F Group 2",
                "Faith Groups linked into the Champion network",
                month(2024, 5),
            ),
            (
                23,
                "To extend prevention work by the use of outreach services",
                "Good Practice",
                "Greater prevention of domestic violence and abuse and fewer victims of these crimes.",
                "Outreach services will meet and produce a plan to develop preventative work and build capacity in "
                "our communities to combat domestic abuse.",
                "T & F Group 2",
                "Number of DA incidents reduces",
                month(2024, 12),
            ),
            (
                24,
                "To develop a process to monitor the effectiveness of perpetrator programmes across Sefton and to "
                "encourage its use by all agencies operating perpetrator programmes.",
                "Ofsted Report",
                "An understanding gathered of the effectiveness of perpetrator programmes in Sefton. Evaluation of "
                "these programmes to assist in gathering effective practice and identifying any need for "
                "improvements.",
                "Develop and evaluate the process via monitoring of the Caring Dads pilot",
                "T & F Group 2",
                "Linked to 3.8 a range of evaluated perpetrator programmes exist",
                month(2023, 9),
            ),
            (
                25,
                "To develop and embed clear thresholds for support and intervention (in line with the Threshold "
                "Document) for children and young people at risk of domestic abuse and/or sexual violence across all "
                "tiers of need for children and young people aged 0-18.",
                "Ofsted Report",
                "That there is a coherent range of preventative interventions and an appropriate and protective "
                "safeguarding response to children affected by DVA or That assessment and interventions with "
                "children/YP at risk of domestic abuse are embedded within the wider context of safeguarding and "
                "early intervention in Sefton",
                "Mapping of all services for children and young people at risk of domestic abuse across Sefton at "
                "preventative level schools; localities; community health; CAMH.",
                "T & F Group 2",
                "A reduction in children progressing from Level 1 through to Level 4 with DA prevalent in their case",
                month(2023, 9),
            ),
            (
                26,
                "To set up a voluntary sector forum to support the work of the partnership.",
                "Good Practice",
                "Voluntary sector given an opportunity to engage with the work of the partnership.",
                "To recognise the value of the voluntary sector and to seek their engagement in delivery of the "
                "action plan. Explore the potential of the voluntary sector to bring in funding.",
                "T & F Group 2",
                "Linked to 3.22 and Faith network",
                month(2024, 5),
            ),
            (
                27,
                "To pilot the Whole family approaches to DVA",
                "DA National Panel",
                "Delivery and evaluation of a whole family approach",
                "Source relevant resources, deliver pilot in areas of highest need and evaluate",
                "T & F Group 2",
                "Carry out pilot and evaluate Whole Family Approach",
                month(2024, 12),
            ),
        ),
    ),
    (
        CHILDREN,
        "Improving and extending support and interventions for children and young people affected by domestic abuse "
        "/ sexual violence. (Stated as a gap in the 2008/11 strategy and highlighted in the JSNA).",
        (
            (
                1,
                "To map across Sefton the responses and interventions offered to Children and young people effected "
                "by to DVA by schools; localities; children's social care; health visiting; school nursing; CAMH and "
                "the voluntary sector",
                "Ofsted Inspection",
                "That there is a clear picture of this which will inform service planning and identify any gaps",
                None,
                "T & F Group 2",
                "Audit Completed",
                month(2023, 5),
            ),
            (
                2,
                "Creation of a multi-agency DVA team to support better practice with those affected by DVA",
                "Ofsted Inspection",
                "New team will lead on practice improvement and implementation of new ways of working. This is in "
                "response to practice gaps highlighted in recent OFSTED inspections",
                "T&F group to co-ordinate the structure and membership of the team. This will include IDVA, Mens "
                "worker and other relevant services.",
                "T & F Group 2",
                "Team in situ",
                month(2023, 5),
            ),
            (
                3,
                "To ensure there are clear protocols and practice guidance in place to enhance understanding of "
                "process and support multi-agency work of all those working with adults and children/ YP at risk of "
                "domestic violence and abuse",
                "Ofsted Inspection",
                "That operational staff are supported in making appropriate referrals, assessments and interventions "
                "with CYP at risk of DA and Violence by clear up to date practice guidance and protocol.",
                "Review of LSCB DV protocol. Embedding of use of CAADA risk and Barnardo's risk assessment tool in "
                "the IFD. Review of all procedures and protocols by LSCB PPP sub-group post Working Together "
                "revision. Revision to MOSI and CSC thresholds document.",
                "T & F Group 2",
                "Review and recommendations completed",
                month(2023, 5),
            ),
            (
                4,
                "To develop and deliver flexible service provision for C&YP which facilitates engagement (i.e. "
                "location/ opening times/ method and approach) through awareness-raising activities and training of "
                "staff.",
                "Ofsted Inspection",
                "That children and YP received effective support and intervention, and that the impact of this can "
                "be measured. That there is an increase in CYP that can access either individually or in groups.",
                "Gaining feedback of service users – ongoing development by LSCB Communication and Engagement T and "
                "F Group. Mapping exercise and LSCB QEG DA audit to measure existing services and gaps. Considering "
                "work in different communities e.g. children from Eastern Europe. DA training T and F Group – new DA "
                "training framework.",
                "T & F Group 2",
                "Mapping exercise completed and training framework established",
                month(2023, 9),
            ),
            (
                5,
                "To foster a commitment to multi-agency working across all partner agencies working with children "
                "and young people at risk of domestic abuse/ sexual violence.",
                "Ofsted Inspection",
                "That information/intelligence is shared consistently and appropriately across the multi-agency "
                "network at all stages of agency involvement so that partnership work is consistent across Sefton",
                "LSCB multi-agency training and procedures. CAF framework – ongoing review. Audit activity – LSCB/ "
                "CSC ‘step-down’ audit. LSCB QEG DA Audit to reflect 'journey of DA cases.",
                "T & F Group 2",
                "Audit activity underway and recommendations made",
                "May 23 and on going",
            ),
            (
                6,
                "To work with all schools (including academies) to promote preventative interventions and approaches "
                "in the curriculum (this may be covered in the ‘awareness’ or ‘training’ strategic aims) This needs "
                "to include a focus on safe relationships including appropriate sexual behaviour. There should be a "
                "standardised training package for teachers Linked to 2.4",
                "Ofsted Inspection",
                "That there is a consistent and agreed Sefton response to CYP at risk of domestic abuse and violence "
                "in all schools in Sefton .",
                "Mapping exercise as per 4.1",
                "T & F Group 2",
                "Consistent approach with Sefton schools in place as per 2.4",
                "May 24 and on going",
            ),
        ),
    ),
)

#: The RAG cell of each action at 31 March 2024, by (theme, No.): fictional. An action not here is unrated.
MARCH_RATINGS = {
    (LEADERSHIP, 1): "Complete - the Implementation Board met first in June 2023; all four groups have chairs.",
    (LEADERSHIP, 2): "Amber - four of the five boards visited; the Health & Wellbeing Board item moved to its June "
    "2024 meeting.",
    (LEADERSHIP, 3): "Complete",
    (LEADERSHIP, 4): "Red - the annual report is drafted but has not been agreed; the Board is asked to agree it in "
    "May 2024.",
    (LEADERSHIP, 5): "Complete",
    (LEADERSHIP, 6): "Amber - the experts by experience group has met twice; its terms of reference are not yet "
    "agreed.",
    (LEADERSHIP, 7): "Complete",
    (LEADERSHIP, None): "Green",
    (LEADERSHIP, 8): "Complete",
    (LEADERSHIP, 9): "Complete",
    (LEADERSHIP, 10): "Red - the communications strategy has had no author since the communications officer left "
    "in October 2023.",
    (LEADERSHIP, 11): "Complete",
    (LEADERSHIP, 12): "Green",
    (LEADERSHIP, 13): "Amber - no peer reviewer could be found for December; a neighbouring authority will carry it "
    "out in June 2024.",
    (LEADERSHIP, 14): "Green",
    (LEADERSHIP, 15): "Complete",
    (LEADERSHIP, 16): "Amber - the pooled budget needs every partner's agreement; two have still to confirm their "
    "share.",
    (LEADERSHIP, 17): "Complete",
    (LEADERSHIP, 19): "Green",
    (PREVENT, 1): "Amber - the e-learning module is built; the helpline contract starts in May 2024.",
    (PREVENT, 2): "Green",
    (PREVENT, 4): "Green",
    (PREVENT, 5): "Amber - the CoPVA programme is funded only to March 2025; the scale-up waits on a longer "
    "commitment.",
    (PREVENT, 6): "Green",
    (PREVENT, 7): "Green",
    (PREVENT, 8): "Green",
    (PREVENT, 9): "Green",
    (PREVENT, 10): "Complete",
    (PREVENT, 11): "Complete - the microsite went live in September 2023.",
    (PREVENT, 12): "Green",
    (PREVENT, 13): "Green",
    (PREVENT, 14): "Complete - the audit is finished and the DVA trainers forum met in February 2024.",
    (PREVENT, 15): "Amber - the foundation module is written; the specialist modules wait on trainers from two "
    "agencies.",
    (PREVENT, 16): "Green",
    (PREVENT, 17): "Red - there is no framework yet for auditing training outcomes; the forum asks the safeguarding "
    "boards' learning sub groups for help.",
    (PREVENT, 18): "Complete",
    (PREVENT, 19): "Green",
    (PREVENT, 20): "Green",
    (PREVENT, 21): "Green",
    (PROTECT, 1): "Complete - the integrated service started in October 2023.",
    (PROTECT, 2): "Red - the workforce development project has no trainer: the provider withdrew in December 2023; "
    "re-procurement is under way.",
    (PROTECT, 4): "Complete",
    (PROTECT, 5): "Complete",
    (PROTECT, 6): "Complete",
    (PROTECT, 7): "Green",
    (PROTECT, 8): "Amber - the voluntary perpetrator programme starts in April 2024, later than planned.",
    (PROTECT, 9): "Green",
    (PROTECT, 10): "Complete",
    (PROTECT, 11): "Amber - one voluntary programme is running; the second waits on funding.",
    (PROTECT, 12): "Green",
    (PROTECT, 13): "Green",
    (PROTECT, 14): "Green",
    (PROTECT, 15): "Green",
    (PROTECT, 16): "Green",
    (PROTECT, 17): "Amber - two of the five planned support groups are running.",
    (PROTECT, 18): "Green",
    (PROTECT, 20): "Green",
    (PROTECT, 21): "Green",
    (PROTECT, 22): "Green",
    (PROTECT, 23): "Green",
    (PROTECT, 24): "Red - the Caring Dads pilot ended without an evaluation; the group is asked to agree how the "
    "next programme will be evaluated.",
    (PROTECT, 26): "Green",
    (PROTECT, 27): "Green",
    (CHILDREN, 1): "Complete",
    (CHILDREN, 2): "Amber - the team is recruited except the men's worker, who starts in May 2024.",
    (CHILDREN, 3): "Complete",
    (CHILDREN, 4): "Amber - the mapping is done; the training framework goes to the safeguarding partnership in May "
    "2024.",
    (CHILDREN, 5): "Green",
    (CHILDREN, 6): "Green",
}

#: How the plan stood at the December report, where it differs from March's: ratings by (theme, No.),
#: the actions added since (not in December's plan), and the action closed since, after the action it followed
#: (in December's plan only). Fictional, as MARCH_RATINGS are.
DECEMBER_RATINGS = {
    (LEADERSHIP, 2): "Green - three of the five boards visited; the rest are booked for January.",
    (LEADERSHIP, 4): "Amber - the draft annual report goes to the Board in February 2024.",
    (LEADERSHIP, 13): "Green - a peer reviewer is being arranged.",
    (PREVENT, 1): "Green - the e-learning module is being built; the helpline is out to tender.",
    (PREVENT, 14): "Green - the audit is nearly finished; the forum first meets in February.",
    (PREVENT, 17): "Amber - the framework is late; the forum is looking at other partnerships' frameworks.",
    (PROTECT, 1): "Green - the last two support groups start in January 2024.",
    (PROTECT, 2): "Amber - the provider of the workforce development project has given notice.",
    (CHILDREN, 2): "Green - the team is recruited; the men's worker starts in January.",
}
ADDED_SINCE_DECEMBER = {(PROTECT, 27), (CHILDREN, 6)}
CLOSED_SINCE_DECEMBER = {
    (LEADERSHIP, 19): (
        20,
        "To hold a development session for Partnership Board members on the duties of the Domestic Abuse Act 2021.",
        "DA Act 2021",
        "All Board members understand the Act's duties and the Board's part in meeting them.",
        "A half-day session for Board members led by the Implementation Group.",
        "Implementation Group",
        "Session held and evaluated",
        month(2023, 11),
        "Complete - the session was held in November 2023; the Board agreed to close this action.",
    ),
}


def plan_at(as_of: dt.date) -> tuple:
    """The plan as it stood at `as_of`, each action with its RAG cell: March's with MARCH_RATINGS, December's with
    DECEMBER_RATINGS, ADDED_SINCE_DECEMBER and CLOSED_SINCE_DECEMBER applied."""
    themes = []
    for theme, description, actions in ACTIONS:
        rated = []
        for action in actions:
            key = (theme, action[0])
            if as_of == MARCH:
                rated.append((*action, MARCH_RATINGS.get(key)))
                continue
            if key in ADDED_SINCE_DECEMBER:
                continue
            rated.append((*action, DECEMBER_RATINGS.get(key, MARCH_RATINGS.get(key))))
            if key in CLOSED_SINCE_DECEMBER:
                rated.append(CLOSED_SINCE_DECEMBER[key])
        themes.append((theme, description, tuple(rated)))
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
