"""The performance report appendix as a committee would read it: built from the bundled sample returns,
written to a PDF and read back with pypdf."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.domain.returns import ReturnKind
from desktop_app.domain.weekly import weekly_results
from desktop_app.excel.importer import Importer
from desktop_app.paths import RESOURCES, SAMPLE_DATA
from desktop_app.pdf.charts import nice_step
from desktop_app.pdf.performance_report import (
    PerformanceTextError,
    load_performance_text,
    render_performance_report,
    write_performance_report,
)
from desktop_app.report.model import PageOptions
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_figures import performance_texts
from desktop_app.report.text import UnknownPlaceholderError
from tests.pdf_structure import page_lines, structure_problems, tagged_lines

RETURNS = [
    "childrens_performance_2023.xlsx",
    "benchmarks_2023.xlsx",
    "survey_2023-24.xlsx",
    "population_2023.xlsx",
    "monthly_series_2021-2024.xlsx",
]
GROUPS = ["Demand", "Timeliness", "Effectiveness", "Management", "Outcomes"]
SECTIONS = [
    "Introduction",
    "Performance Dashboard",
    "Review of ChAT Data",
    "ChAT: Comparisons with Published Statistics",
    "Quality Assurance: Audit Judgements",
    "Front Door and Assessment Trends",
    "Adult Social Care Finance – Weekly Overview",
    "Long-term Residential and Nursing Care",
    "Reablement",
    "Reablement – Service Delivery",
    "First Point of Contact",
    "Activity: Waiting Lists",
    "Occupational Therapy Waiting Lists",
    "Annual Reviews and Reassessments",
    "Weekly Overview – Reviews Due",
    "Open Care Plans",
    "Actions to be taken in response to the Carers Survey",
    "Actions to be taken in response to the Adult Social Care Survey (ASCS)",
    "Safeguarding Activity",
    "Safeguarding Enquiries by Location and Type of Abuse",
]


# --- reading a PDF back ------------------------------------------------------------------


def lines_of(pages: list[list[str]]) -> list[str]:
    return [line for page in pages for line in page]


def page_number(page: list[str]) -> int:
    match = re.fullmatch(r"Page (\d+)", page[-1])
    assert match, f"no 'Page N' at the foot of a page: {page[-1]!r}"
    return int(match.group(1))


# --- fixtures: the sample returns, worked out once -----------------------------------------


@pytest.fixture(scope="module")
def frames() -> dict[ReturnKind, pd.DataFrame]:
    importer = Importer()
    imported = [importer.import_file(SAMPLE_DATA / name) for name in RETURNS]
    by_kind = {}
    for kind in ReturnKind:
        parts = [result.frame(kind) for result in imported]
        parts = [part for part in parts if len(part)]
        by_kind[kind] = pd.concat(parts, ignore_index=True) if parts else None
    return by_kind


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def results(frames, catalogue):
    return calculate_indicators(IndicatorReturns.of(frames), catalogue)


@pytest.fixture(scope="module")
def text():
    return load_performance_text()


@pytest.fixture(scope="module")
def report(results, frames, text, tmp_path_factory) -> Path:
    """The sample report as Agenda Item 8, running on from page 23 of the pack."""
    path = tmp_path_factory.mktemp("performance") / "performance_report.pdf"
    written = write_performance_report(
        results,
        path,
        text=text,
        options=PageOptions(agenda_item=8, first_page=23),
        weekly=frames[ReturnKind.WEEKLY_SERIES],
        monthly=frames[ReturnKind.MONTHLY_SERIES],
    )
    assert written == path
    return path


@pytest.fixture(scope="module")
def pages(report) -> list[list[str]]:
    return page_lines(report)


def section_lines(pages: list[list[str]], title: str, following: str | None) -> list[str]:
    """The lines from the section's heading (after the contents) to the next section's heading."""
    lines = lines_of(pages[2:])
    start = lines.index(title)
    end = lines.index(following, start) if following else len(lines)
    return lines[start:end]


def section_pages(pages: list[list[str]], title: str, following: str) -> list[list[str]]:
    """The pages from the one with the section's heading to the one before the next section's heading."""
    start = next(n for n, page in enumerate(pages) if n > 1 and title in page)
    end = next(n for n, page in enumerate(pages) if n > start and following in page)
    return pages[start:end]


# --- what the committee sees ---------------------------------------------------------------


def test_every_page_has_the_agenda_item_and_a_continuous_page_number(pages):
    assert len(pages) >= 10
    for number, page in enumerate(pages):
        assert "Agenda Item 8" in page[0], page[0]
        assert page_number(page) == 23 + number


def test_title_page_and_contents(pages):
    title_page = pages[0]
    assert "Appendix A" in title_page and "Social Care Performance Report" in title_page
    assert "Figures for: July 2023" in title_page
    listed = {}
    for line in pages[1]:
        match = re.fullmatch(r"(.+?)[ .]+ (\d+)", line)
        if match:
            listed[match.group(1).strip()] = int(match.group(2))
    assert list(listed) == SECTIONS
    for title, number in listed.items():  # each entry's page number is the page its heading is on
        assert any(title in " ".join(page) for page in pages if page_number(page) == number), title


def test_dashboard_groups_come_in_the_seeds_order(pages):
    headings = [line for line in section_lines(pages, SECTIONS[1], SECTIONS[2]) if line in GROUPS]
    assert headings == GROUPS


def test_a_dashboard_group_running_over_a_page_says_its_name_again_as_furniture(report, pages):
    continued = {number: line for number, page in enumerate(pages) for line in page if line.endswith("(continued)")}
    assert set(continued.values()) >= {"Demand (continued)"}
    for number, line in continued.items():
        assert pages[number].index(line) == 1  # first under the running header, above the repeated header row
        group = line.removesuffix(" (continued)")
        assert any(group in earlier for earlier in pages[number - 1])  # the group's rows began on the page before
    tagged = tagged_lines(report)
    assert not any("(continued)" in line for lines in tagged for line in lines)  # read once, where it begins
    assert structure_problems(report) == []


def test_dashboard_row_shows_previous_current_sn_and_the_arrow(pages):
    """Seed 002: Assessments within 45 working days: June 68.2, July 66.5, SN 89.2, status 3, ▼."""
    lines = lines_of(pages)
    [at] = [n for n, line in enumerate(lines) if re.search(r"68\.2% 66\.5% 89\.2% ▼", line)]
    assert lines[at].startswith("3 Assessments Completed")  # status 3; the metric wraps in its cell
    assert lines[at + 1].startswith("within 45 Working Days")
    contacts = next(line for line in lines if line.startswith("2 MASH Contact Starts"))
    assert "14,014 14,213" in contacts and "▲" in contacts
    # the dashboard's column headers name the periods, and repeat on each page the tables run onto
    for page in section_pages(pages, SECTIONS[1], SECTIONS[2]):
        assert any(line.startswith("Status Metric (June (July SN DoT Comment Action") for line in page), page[:4]


def test_dashboard_pages_are_landscape_and_the_rest_portrait(report, pages):
    reader = PdfReader(report)
    for page, lines in zip(reader.pages, pages, strict=True):
        wide = page.mediabox.width > page.mediabox.height
        in_dashboard = any(line.startswith("Status Metric") for line in lines)
        in_comparisons = any(line.startswith("Latest data (ChAT) Latest published statistics") for line in lines)
        in_heatmap = "Safeguarding Enquiries by Location and Type of Abuse" in lines  # landscape = true
        assert wide == (in_dashboard or in_comparisons or in_heatmap), lines[:3]


def test_long_comments_wrap_inside_their_cells_and_lists_stay_lists(pages):
    lines = lines_of(pages)
    assert any("• Decision making and triage at" in line for line in lines)
    assert any("• Quality of analysis" in line for line in lines)


def test_a_row_with_its_own_period_says_so(pages):
    """ChAT measures compare July with January: the column header says so (not June)."""
    chat = section_lines(pages, SECTIONS[2], SECTIONS[3])
    assert "Previous Current SN" in chat and "Data (January (July rate * Comment" in chat, chat


def test_the_chat_review_prints_no_status_the_return_did_not_give(pages):
    """The ChAT sheet has no Status column (nor has the paper, seed 002 lines 2432-2459): the catalogue's 1/2/3
    rule would give CiN per 10K a "1"; the appendix prints none, and the SN the paper gives as NA as NA. Its 18
    rows are the paper's, in its order, the ICPCs' share in brackets after their number."""
    chat = section_lines(pages, SECTIONS[2], SECTIONS[3])
    assert not any(line.startswith("Status") for line in chat)
    assert any(line.startswith("Cin Per 10K 426 371 382 13% decrease") for line in chat), chat
    assert any(re.match(r"Number of s47 enquires.* 941 703 NA See above", line) for line in chat)
    assert any(re.match(r"from S47 \(20\.5%\) 171 \(25%\) NA", line) for line in chat), chat
    table = chat[next(n for n, line in enumerate(chat) if line.startswith("Data (January")) :]
    # Its figures at the precision the return gives them, as the paper prints them (829, not 829.0).
    assert any(line.startswith("Referrals per 10K 829 611 579") for line in table), table
    assert any(line.startswith("EET 47% 45% 52%") for line in table), table
    dashboard = section_lines(pages, SECTIONS[1], SECTIONS[2])
    assert any(line.startswith("3 Referral Starts in last 12 728.9 703.9 579.3") for line in dashboard)


CHAT_REVIEW_ORDER = [  # seed 002 lines 2432-2459, the paper's rows as the ChAT sheet lists them
    "Referrals per 10K",
    "Re-referrals",
    "Assessments per 10K",
    "Assessments completed 45",
    "S47 per 10k",
    "Number of s47 enquires in",
    "Number of ICPCs resulting",
    "CP conference per 10K",
    "Cin Per 10K",
    "CP per 10k",
    "Cared for 10k",
    "Cared for missing in period",
    "Cared for dental checks",
    "Cared for annual health",
    "Ceased Cared for and",
    "Ceased cared for SGO",
    "Care leavers 19-21 suitable",
    "EET",
]


def test_the_chat_review_keeps_the_papers_row_order(pages):
    """The review is printed as the return lists it (as the paper does), not regrouped by the catalogue's
    groups: re-referrals second, timeliness in 45 days fourth, the ICPCs after the s47 enquiries."""
    chat = section_lines(pages, SECTIONS[2], SECTIONS[3])
    found = [next((n for n, line in enumerate(chat) if line.startswith(label)), None) for label in CHAT_REVIEW_ORDER]
    assert None not in found, dict(zip(CHAT_REVIEW_ORDER, found, strict=True))
    assert found == sorted(found), [label for _, label in sorted(zip(found, CHAT_REVIEW_ORDER, strict=True))]


def test_the_chat_review_says_what_the_paper_says_of_its_figures(pages):
    """Seed 002 lines 2420-2422, from the ChAT sheet's own figures: s47 enquiries down and their conversion to
    ICPCs up; CiN and CP rates down, the cared-for rate static; 617 cared for children at ChAT's statistical
    neighbours' rate (90) would be 487, a reduction of 130 (the dashboard's SN of 89 would give 481 and 136:
    one appendix gives one of them, the paper's, in its key messages too)."""
    chat = " ".join(section_lines(pages, SECTIONS[2], SECTIONS[3]))
    assert "the number of s47 enquiries fell, from 941 to 703, and the initial child protection" in chat, chat
    assert "conferences resulting from them fell, from 193 to 171." in chat, chat
    assert "The rates of children in need and of children with a child protection plan fell." in chat, chat
    assert "stayed the same, at 114 per 10,000, against 90 for our statistical neighbours." in chat, chat
    assert "There are 617 cared for children" in chat and "would be 487, a reduction of 130 children" in chat
    introduction = " ".join(section_lines(pages, SECTIONS[0], SECTIONS[1]))
    assert "(90.0) the number would be 487, a reduction of 130." in introduction, introduction
    assert not any("481" in line for line in lines_of(pages))


def test_survey_table_as_seed_000_prints_it(pages):
    lines = lines_of(pages)
    assert any(re.fullmatch(r"Control \(carers.* High 13\.7 ✘ 21\.4 ✘ 21 ✘ 21\.5", line) for line in lines)
    assert any(re.fullmatch(r"Information and advice .*High 55\.3 ✘ 63\.1 ✘ 58\.7 ▬ 59", line) for line in lines)
    assert any(re.fullmatch(r"Loneliness \(carers.* Low 19\.9 ✘ 13\.4 ✘ 15\.6 ✘ 13\.3", line) for line in lines)
    for mark, words in (
        ("✔", "the top quartile"),
        ("▬", "one of the two middle quartiles"),
        ("✘", "the bottom quartile"),
    ):
        assert f"{mark} Sefton's value falls into {words}" in lines


def test_change_cards(pages):
    lines = lines_of(pages)
    at = lines.index("Total Weekly Cost")
    assert lines[at + 1] == "£2,703,204"
    # under its date, its change since April: the finance text's "up £108,743 (+4.2%)" since 5 April 2024
    assert lines[at + 3] == "Since April: ▲ £108,743 (+4.2%)"
    assert lines[at + 5] == "▲ £5,975 (+0.2%) ▲ £24,224 (+0.9%) ▲ £36,049 (+1.4%) ▲ £270,871 (+11.1%)"
    client = lines.index("Client Count Snapshot")
    assert lines[client + 1] == "4,769"
    assert lines[client + 3] == "Since April: ▲ 100 (+2.1%)"
    assert lines[client + 5] == "▲ 12 (+0.3%) ▲ 82 (+1.7%) ▲ 122 (+2.6%) ▲ 53 (+1.1%)"
    # the published "£564" was a slip: the total over the clients is £566.83
    average = lines.index("Average Weekly Cost")
    assert lines[average + 1] == "£567"


def test_charts_are_vector_drawings_with_real_text(report, pages):
    reader = PdfReader(report)
    chart_pages = [
        n
        for n, lines in enumerate(pages)
        if "MASH contacts received by month" in lines
        or "Assessments completed within 45 working days, rolling 12 months" in lines
    ]
    assert chart_pages
    for number in chart_pages:  # drawn in the page's own content, never as a picture
        xobjects = reader.pages[number]["/Resources"].get("/XObject")
        assert not xobjects or not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    contents = "".join(reader.pages[n].get_contents().get_data().decode("latin-1") for n in chart_pages)
    bars = len(re.findall(r"\bre\b", contents))  # rectangles: 24 months' bars (two charts) and the swatches
    segments = len(re.findall(r"\bl\b", contents))  # line segments: the rolling averages, the axes and grid
    assert bars >= 2 * 24 and segments >= 2 * 12, (bars, segments)
    chart_lines = lines_of([pages[n] for n in chart_pages])
    assert "Contacts received Contacts received, rolling 12-month average" in chart_lines  # the legend, as text
    assert any(line.endswith("Jul 23") for line in chart_lines)  # the latest month is labelled


def test_every_font_is_embedded(report):
    reader = PdfReader(report)
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            assert "DejaVu" in font["/BaseFont"], font["/BaseFont"]  # never an unembedded base-14 font


def test_the_prose_and_the_tables_read_the_same_figures(results, frames, text, pages):
    weekly = weekly_results(frames[ReturnKind.WEEKLY_SERIES], ids=text.weekly_ids, ratios=text.weekly_ratios)
    figures = performance_texts(results, weekly, text)
    assert figures["csc_t02_value"] == "66.5%"  # the dashboard's assessments in 45 days, by its own id
    assert figures["csc_t02_previous"] == "68.2%"
    assert figures["csc_t02_change_words"] == "down 1.7 percentage points"
    assert figures["chat_04_value"] == "56.0%"  # the ChAT's, linked to the same catalogue entry
    assert figures["csc_assessments_45_days_value"] == "66.5%"  # the text's [meant] says the dashboard's
    assert figures["csc_contacts_value"] == figures["csc_d01_value"] == "14,213"  # the one linked to its entry
    assert figures["asc_weekly_cost_week_change"] == "▲ £5,975 (+0.2%)"
    assert figures["sace_control_sn_marker"] == "✘"
    assert figures["period"] == "July 2023" and figures["previous_period"] == "June 2023"
    words = " ".join(lines_of(pages))
    assert "14,213 contacts were received in the 12 months to July 2023, up 199 (+1.4%)" in words
    assert "£2,703,204 in the week ending 29 November 2024: ▲ £270,871 (+11.1%)" in words


def test_weekly_cards_come_from_the_engine(frames, text):
    weekly = weekly_results(frames[ReturnKind.WEEKLY_SERIES], ids=text.weekly_ids, ratios=text.weekly_ratios)
    row = weekly.table.set_index("id").loc["ASC-AVERAGE-WEEKLY-COST"]
    assert row["value"] == pytest.approx(2_703_204 / 4_769)
    assert set(weekly.cards["horizon"]) == {"week", "month", "quarter", "year"}


def test_the_same_input_gives_the_same_bytes(results, frames, text):
    first = render_performance_report(results, text=text, weekly=frames[ReturnKind.WEEKLY_SERIES])
    assert first == render_performance_report(results, text=text, weekly=frames[ReturnKind.WEEKLY_SERIES])
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata.title == "Social Care Performance Report"


def test_an_odd_page_start_adds_a_blank_page(results, frames, text, tmp_path):
    path = write_performance_report(
        results,
        tmp_path / "odd.pdf",
        text=text,
        weekly=frames[ReturnKind.WEEKLY_SERIES],
        options=PageOptions(agenda_item=8, first_page=22, start_on_odd=True),
    )
    pages = page_lines(path)
    assert "This page is intentionally left blank" in pages[0] and page_number(pages[0]) == 22
    assert "Social Care Performance Report" in pages[1] and page_number(pages[1]) == 23
    first = PdfReader(path).pages[0].mediabox
    assert first.width < first.height  # the blank page is an ordinary (portrait) page


def test_without_the_weekly_return_the_cards_and_their_sentences_are_left_out_and_listed(results, text):
    document = performance_document(results, text=text)
    assert "finance" not in [section.key for section in document.sections]
    assert document.title_page.subtitle == ""
    reasons = dict(document.left_out)
    assert reasons["The section “Adult Social Care Finance – Weekly Overview”"].startswith(
        "it needs ASC-WEEKLY-COST, from the weekly series, which was not given"
    )
    assert "The section “Performance Dashboard”" not in reasons


def test_an_unknown_placeholder_is_named_and_nothing_is_written(results, frames, text, tmp_path):
    sections = list(text.sections)
    sections[0] = dataclasses.replace(sections[0], text="Assessments: {csc_assesments_45_days_value}.")
    slip = dataclasses.replace(text, sections=tuple(sections))
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"the earlier export")
    with pytest.raises(UnknownPlaceholderError) as raised:
        write_performance_report(results, existing, text=slip, weekly=frames[ReturnKind.WEEKLY_SERIES])
    assert "[[sections]] 'introduction' text" in str(raised.value)
    assert "did you mean {csc_assessments_45_days_value}?" in str(raised.value)
    assert existing.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


@pytest.mark.parametrize(
    ("shipped", "mistake", "message"),
    [
        (
            'show = "survey"\ngroups = ["Carers survey"]',
            'show = "surveys"\ngroups = ["Carers survey"]',
            "show 'surveys' is not one of",
        ),
        ('kind = "rolling_percent"', 'kind = "pie"', "kind 'pie' is not one of"),
        ('dashboard_comment = "Comment"\n', "dashboard_comment = 3\n", "dashboard_comment must be text in quotes"),
        ("[weekly.ids]", '[status."1"]\nlabel = "Good"\n\n[weekly.ids]', "[status] has moved"),
    ],
)
def test_a_mistake_in_the_report_text_is_named(tmp_path, shipped, mistake, message):
    original = (RESOURCES / "performance_report_text.toml").read_text(encoding="utf-8")
    assert shipped in original
    path = tmp_path / "text.toml"
    path.write_text(original.replace(shipped, mistake, 1), encoding="utf-8")
    with pytest.raises(PerformanceTextError) as raised:
        load_performance_text(path)
    assert str(raised.value).startswith("text.toml") and message in str(raised.value)


def test_nice_steps_for_chart_axes():
    assert [nice_step(span) for span in (1500, 400, 25, 1)] == [500, 100, 5, 0.2]
