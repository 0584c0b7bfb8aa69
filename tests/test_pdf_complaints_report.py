"""The Annual Complaints Report appendix as a committee would read it: the PDF, read back with pypdf."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.complaints import summarise
from desktop_app.domain.formatting import Formatter, round_half_up
from desktop_app.domain.periods import Period
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.paths import RESOURCES, SAMPLE_COMPLAINTS_LOG
from desktop_app.pdf.complaints_report import render_complaints_report, write_complaints_report
from desktop_app.pdf.style import StyleError, load_style
from desktop_app.report.complaints_figures import report_figures
from desktop_app.report.model import PageOptions
from desktop_app.report.text import ReportTextError, UnknownPlaceholderError, fill, load_report_text
from tests.factories import case, date, log_of
from tests.pdf_structure import page_lines

YEAR_2022 = Period(date("2022-04-01"), date("2023-03-31"))
AS_OF = date("2023-11-01")
TITLE = "Children's Services Complaints Annual Report 2022 - 2023"
SECTIONS = [
    "Introduction",
    "Complaints Procedure",
    "Complaints Performance Information",
    "Who Complained",
    "Equality Monitoring of Complainants",
    "Complaint Themes and Outcomes",
    "Local Government and Social Care Ombudsman",
    "Putting Things Right: Remedies and Compensation",
    "Compliments",
    "Enquiries from Councillors and MPs",
    "Learning from Complaints",
    "Conclusions and Recommendations",
]
GLYPHS = "▲ ▼ ✔ ✘ ▬ £ –"


# --- reading a PDF back ------------------------------------------------------------


def lines_of(pages: list[list[str]]) -> list[str]:
    return [line for page in pages for line in page]


def has_line_starting(pages: list[list[str]], start: str) -> bool:
    return any(line.startswith(start) for line in lines_of(pages))


def page_number(page: list[str]) -> int:
    """The number in the page's footer ("Page N", its last line)."""
    match = re.fullmatch(r"Page (\d+)", page[-1])
    assert match, f"no 'Page N' at the foot of a page: {page[-1]!r}"
    return int(match.group(1))


# --- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_log(rules, vocabulary):
    return read_complaints_log(SAMPLE_COMPLAINTS_LOG, vocabulary, rules).log


@pytest.fixture(scope="module")
def summary(sample_log, rules, vocabulary):
    return summarise(sample_log, rules, vocabulary.outcome_classes, YEAR_2022, AS_OF)


@pytest.fixture(scope="module")
def text():
    return load_report_text()


@pytest.fixture(scope="module")
def report(summary, rules, text, tmp_path_factory) -> Path:
    """The sample's 2022-23 report as Agenda Item 9, running on from page 23 of the pack."""
    path = tmp_path_factory.mktemp("report") / "complaints_report.pdf"
    written = write_complaints_report(
        summary, rules, path, text=text, options=PageOptions(agenda_item=9, first_page=23)
    )
    assert written == path
    return path


@pytest.fixture(scope="module")
def pages(report) -> list[list[str]]:
    return page_lines(report)


def with_section_text(report_text, key: str, **changes):
    """The report text with one section's words changed."""
    sections = dict(report_text.sections)
    sections[key] = dataclasses.replace(sections[key], **changes)
    return dataclasses.replace(report_text, sections=sections)


# --- what the committee sees ---------------------------------------------------------


def test_title_page_names_the_report_and_its_period(pages):
    title_page = pages[0]
    assert "Appendix 1" in title_page
    assert " ".join(title_page).count(TITLE) == 1  # over two lines: "... Annual" / "Report 2022 - 2023"
    assert any("1 April" in line for line in title_page) and any("31 March 2023" in line for line in title_page)
    assert any(line.startswith("Figures as at: 1 November 2023") for line in title_page)


def test_contents_lists_each_section_with_the_page_it_is_on(pages):
    contents = pages[1]
    assert "Table of Contents" in contents
    listed = {}
    for line in contents:
        match = re.fullmatch(r"(.+?)[ .]+ (\d+)", line)
        if match and match.group(1) in SECTIONS:
            listed[match.group(1)] = int(match.group(2))
    assert list(listed) == SECTIONS  # every section, in the seed's order

    for title, number in listed.items():
        [where] = [page for page in pages[2:] if title in page][:1]  # the first page with the heading on a line
        assert page_number(where) == number, title


def test_every_page_has_the_agenda_item_and_its_pack_page_number(pages):
    assert len(pages) >= 7
    for offset, page in enumerate(pages):
        assert page[0].endswith("Agenda Item 9")
        assert page_number(page) == 23 + offset


def test_the_stage_table_reproduces_the_published_one(pages):
    """Seed 002: Stage 1 98 28% 29%; Stage 2 7 100% 71%; Stage 3 4 75% 100%; Ombudsman 6 n/a n/a; last year beside."""
    assert has_line_starting(pages, "Stage 1 98 28% 29% 66 ▲ 48%")
    assert has_line_starting(pages, "Stage 2 7 100% 71% 7 ▬ 0%")
    assert has_line_starting(pages, "Stage 3 4 75% 100% 0 ▲")
    assert has_line_starting(pages, "Ombudsman 6 n/a n/a 4 ▲ 50%")
    assert has_line_starting(pages, "*of the complaints finalised to date")
    # the corporate procedure's table follows: 46 of 72 finalised in time, 13 of 70 upheld
    assert has_line_starting(pages, "Stage 1 73 64% 19% 60 ▲ 22%")


def test_the_themes_table_reproduces_the_published_one(pages):
    lines = lines_of(pages)
    for row in (
        "Decision Making 19 6 10 1",
        "Finance / Funding 1 1 4 0",
        "Information and Advice 20 5 10 2",
        "Quality of service 53 14 19 5",
        "Health and Safety 1 0 0 0",
        "Staff Attitude 4 2 30 5",
        "TOTAL 98 28 73 13",
    ):
        assert row in lines


def test_the_ombudsman_table_counts_the_cases_it_decided_in_the_year_by_decision(pages):
    """Seed 002's six cases: 1 closed after initial enquiries, 2 no further action, 1 out of jurisdiction and
    2 premature (the sample's 2021-22 had one decision, out of jurisdiction)."""
    lines = lines_of(pages)
    assert {
        "Closed after initial enquiries 1 0",
        "Closed after initial enquiries - no further action 2 0",
        "Closed after initial enquiries - out of jurisdiction 1 1",
        "Closed as premature complaint 2 0",
        "Total 6 1",
    } <= set(lines)


def test_the_ombudsman_register_lists_each_case_decided_with_its_reference_and_remedy(pages):
    """One row per case, in the order decided, the Ombudsman's references and never the Council's own."""
    text = "\n".join(lines_of(pages))
    register = text[text.index("Reference Service") : text.index("The cases the Ombudsman decided in 2022-23")]
    decided = re.findall(r"^(\d\d \d{3} \d{3}) ", register, flags=re.MULTILINE)
    assert decided == ["22 012 526", "22 004 344", "22 018 205", "22 005 907", "22 003 762", "22 006 846"]
    assert "7 June 2022" in register and "16 December 2022" in register
    assert "paid £150 for its delay" in register  # the one remedy the sample's children's cases record
    assert "CSC/" not in text  # the Council's case references stay in its working files


def test_the_limits_table_comes_from_the_rules(pages):
    lines = lines_of(pages)
    assert {"Stage 1 10 20 3", "Stage 2 25 65 3", "Stage 3 30 – –"} <= set(lines)  # statutory
    assert {"Stage 1 10 20 5", "Stage 2 20 40 5"} <= set(lines)  # corporate


def test_changed_rules_change_the_limits_table(sample_log, rules, vocabulary, text, tmp_path):
    statutory = rules.procedures["childrens_statutory"]
    stage1 = statutory.stages["1"]
    longer = dataclasses.replace(stage1.response, limit=15, extended_limit=30)
    stage1 = dataclasses.replace(stage1, clocks={**stage1.clocks, "response": longer})
    statutory = dataclasses.replace(statutory, stages={**statutory.stages, "1": stage1})
    changed = dataclasses.replace(rules, procedures={**rules.procedures, "childrens_statutory": statutory})
    summary = summarise(sample_log, changed, vocabulary.outcome_classes, YEAR_2022, AS_OF)

    pages = page_lines(write_complaints_report(summary, changed, tmp_path / "longer.pdf", text=text))
    lines = lines_of(pages)
    assert "Stage 1 15 30 3" in lines and "Stage 1 10 20 3" not in lines
    assert not has_line_starting(pages, "Stage 1 98 28%")  # more answered in time under the longer limit


def test_prose_figures_come_from_the_summary(pages):
    text = " ".join(lines_of(pages))
    assert "13,490 contacts" in text
    assert "The Council received 98 statutory complaints, which is 0.7% of the contacts received." in text
    assert "Last year 66 statutory Children's Social Care complaints were received" in text
    assert "has increased by 48%" in text
    assert "Of the 171 complaints received, 6 were made by cared for children and young people themselves (4%)" in text
    assert not re.search(r"\b69\b", text)  # the published report's slip cannot happen


def test_each_theme_has_its_figures_sentence(pages):
    text = " ".join(lines_of(pages))
    # Decision Making: 19 of 98 statutory, 10 of 73 corporate, (6 + 1) of (19 + 10) upheld
    assert (
        "Complaints about Decision Making made up 19% of the statutory complaints received (19) "
        "and 14% of the corporate complaints (10); 24% of them were upheld."
    ) in text


def test_no_section_heading_sits_alone_at_the_foot_of_a_page(pages):
    for page in pages:
        assert page[-2] not in SECTIONS, page[-2]


def test_document_properties_for_accessibility(report):
    reader = PdfReader(report)
    info = reader.metadata
    assert info.title == TITLE
    assert info.author == "Complaints Team"
    assert "1 April 2022 to 31 March 2023" in info.subject
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert root["/PageMode"] == "/UseOutlines"
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[0] == TITLE and outline[1] == "Table of Contents"
    assert outline[2:] == SECTIONS
    nested = [entry.title for item in reader.outline if isinstance(item, list) for entry in item]
    assert "Decision Making" in nested and "Stage 2 complaints" in nested


def test_fonts_are_embedded_dejavu_and_draw_the_marks(summary, rules, text, tmp_path):
    marks = with_section_text(text, "compliments", text=f"Marks: {GLYPHS}; a remedy payment of £250.")
    path = write_complaints_report(summary, rules, tmp_path / "marks.pdf", text=marks)
    reader = PdfReader(path)
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "DejaVuSans" in font["/BaseFont"], font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"]  # the TrueType program is in the file
    text_of_pages = " ".join(lines_of(page_lines(path)))
    assert f"Marks: {GLYPHS}; a remedy payment of £250." in text_of_pages


def test_the_same_input_gives_the_same_bytes(summary, rules, text, tmp_path):
    first = write_complaints_report(summary, rules, tmp_path / "one.pdf", text=text).read_bytes()
    second = write_complaints_report(summary, rules, tmp_path / "two.pdf", text=text).read_bytes()
    assert first == second
    assert first == render_complaints_report(summary, rules, text=text)


# --- agenda pack conventions ---------------------------------------------------------


def test_start_on_odd_puts_a_blank_page_first_when_the_pack_page_is_even(summary, rules, text, tmp_path):
    pages = page_lines(
        write_complaints_report(
            summary,
            rules,
            tmp_path / "even.pdf",
            text=text,
            options=PageOptions(agenda_item="9", first_page=24, start_on_odd=True),
        )
    )
    assert "This page is intentionally left blank" in pages[0] and page_number(pages[0]) == 24
    assert page_number(pages[1]) == 25 and any("Report 2022 - 2023" in line for line in pages[1])
    assert any(re.fullmatch(r"Introduction[ .]+ 27", line) for line in pages[2])  # the contents counts the filler

    odd = page_lines(
        write_complaints_report(
            summary,
            rules,
            tmp_path / "odd.pdf",
            text=text,
            options=PageOptions(agenda_item=9, first_page=25, start_on_odd=True),
        )
    )
    assert page_number(odd[0]) == 25 and "This page is intentionally left blank" not in odd[0]


def test_without_an_agenda_item_there_is_no_header(summary, rules, text, tmp_path):
    pages = page_lines(write_complaints_report(summary, rules, tmp_path / "plain.pdf", text=text))
    assert not any("Agenda Item" in line for line in lines_of(pages))
    assert page_number(pages[0]) == 1


@pytest.mark.parametrize("first_page", [0, -3, 1.5, True])
def test_first_page_must_be_a_page_number(first_page):
    with pytest.raises(ValueError, match="first_page"):
        PageOptions(first_page=first_page)


def test_table_headers_repeat_and_rows_never_split(rules, vocabulary, text, tmp_path):
    """A themes table long enough to run over pages carries its header on each, and whole rows."""
    cases = [
        case(reference=f"C{n}", theme=f"Theme {n:03d} {'with a long name ' * 4}", received="2022-06-01")
        for n in range(1, 90)
    ]
    summary = summarise(log_of(*cases), rules, vocabulary.outcome_classes, YEAR_2022, AS_OF)
    pages = page_lines(write_complaints_report(summary, rules, tmp_path / "long.pdf", text=text))
    # Each name wraps over three lines of its cell, the figures beside the middle one.
    first_lines = re.compile(r"Theme \d{3} with a long name")
    table_pages = [page for page in pages if any(first_lines.fullmatch(line) for line in page)]
    assert len(table_pages) >= 2
    rows = 0
    for page in table_pages:
        assert "Number Number Number Number" in page and "received upheld received upheld" in page  # the header
        starts = sum(bool(first_lines.fullmatch(line)) for line in page)
        assert starts == sum(line.endswith(" 1 0 0 0") for line in page)  # every row begun here ends here
        assert starts == sum(line == "name with a long name" for line in page)
        rows += starts
    assert rows == 89


def test_a_year_without_last_year_leaves_out_the_comparisons(sample_log, rules, vocabulary, text, tmp_path):
    first_year = summarise(
        sample_log, rules, vocabulary.outcome_classes, Period(date("2021-04-01"), date("2022-03-31")), AS_OF
    )
    assert first_year.previous is None
    pages = page_lines(write_complaints_report(first_year, rules, tmp_path / "first.pdf", text=text))
    text_of_pages = " ".join(lines_of(pages))
    assert "Annual Report 2021 - 2022" in text_of_pages
    assert has_line_starting(pages, "Stage 1 66 39% 34%")
    assert "Last year" not in text_of_pages and "2020-21" not in text_of_pages


# --- suppression -----------------------------------------------------------------------


def test_small_counts_can_be_suppressed_everywhere_at_once(summary, rules, text, tmp_path):
    pages = page_lines(
        write_complaints_report(summary, rules, tmp_path / "suppressed.pdf", text=text, suppress_below=5)
    )
    lines = lines_of(pages)
    assert has_line_starting(pages, "Stage 1 98 28% 29% 66 ▲ 48%")
    assert has_line_starting(pages, "Stage 3 <5 [c] [c] 0 [c]")
    assert "Finance / Funding <5 <5 <5 0" in lines and "TOTAL 98 28 73 13" in lines
    text_of_pages = " ".join(lines)
    assert "<5 review panels were requested" in text_of_pages  # the prose uses the same figure
    assert "counts below 5 are shown as <5" in text_of_pages


def test_formatter_rounds_half_up_once_and_suppresses_small_counts():
    assert [round_half_up(v) for v in (12.5, 28.421052631578945, 29.473684210526315, 0.5, 99.5)] == [
        "13",
        "28",
        "29",
        "1",
        "100",
    ]
    assert round_half_up(0.72644, 1) == "0.7"
    plain, careful = Formatter(), Formatter(suppress_below=5)
    assert plain.count(13490) == "13,490" and plain.percent(None) == "n/a"
    assert (careful.count(4), careful.count(0), careful.count(5)) == ("<5", "0", "5")
    assert careful.percent(75.0, (3, 4)) == "[c]" and careful.percent(28.4, (27, 95)) == "28%"
    assert plain.change(98, 66, 48.48) == ("▲ 48%", "increased by 48%")
    assert plain.change(60, 66, -9.09) == ("▼ 9%", "decreased by 9%")
    assert plain.change(7, 7, 0.0) == ("▬ 0%", "stayed the same")


# --- the figures and the words -----------------------------------------------------------


def test_one_mapping_holds_every_figure(summary, rules, text):
    figures = report_figures(summary, rules, text.procedures, text.figures)
    assert figures["statutory_stage1_received"] == "98"
    assert figures["statutory_stage1_received_last_year"] == "66"
    assert figures["statutory_stage1_in_time_pct"] == "28%" and figures["statutory_stage1_upheld_pct"] == "29%"
    assert figures["statutory_escalation_pct"] == "7%" and figures["statutory_escalation_pct_last_year"] == "11%"
    assert figures["statutory_stage1_limit"] == "10" and figures["statutory_stage2_extended_limit"] == "65"
    assert figures["ombudsman_contacts"] == "6" and figures["ombudsman_contacts_last_year"] == "4"
    assert figures["cared_for_pct"] == "4%" and figures["complaints_pct_of_contacts"] == "0.7%"
    assert figures["theme_finance_funding_statutory_received"] == "1"
    assert figures["period_years"] == "2022 - 2023" and figures["last_year_label"] == "2021-22"


def test_an_unknown_placeholder_is_an_error_naming_it(summary, rules, text, tmp_path):
    slip = with_section_text(text, "introduction", text="We received {statutory_stage1_recieved} complaints.")
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"the earlier export")
    with pytest.raises(UnknownPlaceholderError) as raised:
        write_complaints_report(summary, rules, existing, text=slip)
    message = str(raised.value)
    assert "[sections.introduction] text" in message
    assert "unknown placeholder {statutory_stage1_recieved}" in message
    assert "did you mean {statutory_stage1_received}?" in message
    # nothing half-written: the earlier file is as it was, and no temporary file is left
    assert existing.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_failed_write_leaves_the_earlier_file_and_no_temporary_one(summary, rules, text, tmp_path, monkeypatch):
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"the earlier export")

    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop_app.safe_files.os.replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_complaints_report(summary, rules, existing, text=text)
    assert existing.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_last_years_figures_outside_year_on_year_say_where_they_belong(sample_log, rules, vocabulary, text):
    first_year = summarise(
        sample_log, rules, vocabulary.outcome_classes, Period(date("2021-04-01"), date("2022-03-31")), AS_OF
    )
    misplaced = with_section_text(text, "performance", text="Last year {statutory_stage1_received_last_year}.")
    with pytest.raises(UnknownPlaceholderError, match="put the sentence in year_on_year"):
        render_complaints_report(first_year, rules, text=misplaced)


def test_fill_writes_braces_and_refuses_a_lone_one():
    assert fill("{{not a figure}} {n}", {"n": "3"}, "here") == "{not a figure} 3"
    with pytest.raises(ReportTextError, match="a lone '{'"):
        fill("oops { here", {}, "here")


@pytest.mark.parametrize(
    ("shipped", "mistake", "message"),
    [
        ('title = "Compliments"', 'title = ""', "[sections.compliments] title must not be empty"),
        ("[sections.learning]\n", '[sections.learning]\nfooter = "y"\n', "[sections.learning] unknown key 'footer'"),
        ("referrals = 4241", 'referrals = "4,241"', "[figures] referrals must be a number"),
        ('statutory = "childrens_statutory"', "statutory = 3", "[procedures] statutory must be text in quotes"),
    ],
)
def test_a_mistake_in_the_report_text_is_named(tmp_path, shipped, mistake, message):
    original = (RESOURCES / "complaints_report_text.toml").read_text(encoding="utf-8")
    assert shipped in original
    path = tmp_path / "text.toml"
    path.write_text(original.replace(shipped, mistake, 1), encoding="utf-8")
    with pytest.raises(ReportTextError) as raised:
        load_report_text(path)
    assert str(raised.value).startswith("text.toml: ") and message in str(raised.value)


def test_a_mistake_in_the_style_file_is_named(tmp_path):
    original = (RESOURCES / "report_style.toml").read_text(encoding="utf-8")
    path = tmp_path / "style.toml"
    path.write_text(original.replace('heading = "#1f3864"', 'heading = "navy"'), encoding="utf-8")
    with pytest.raises(StyleError, match=r'\[colours\] heading must be a colour as "#rrggbb"'):
        load_style(path)
    path.write_text(original.replace("stages = [0.28,", "stages = [0.38,"), encoding="utf-8")
    with pytest.raises(StyleError, match=r"\[tables.columns\] stages adds up to 1.1"):
        load_style(path)


def test_the_pdf_package_needs_no_qt():
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"):
                    raise ImportError("blocked for this test: " + name)
        sys.meta_path.insert(0, Block())
        import desktop_app.pdf
        for module in pkgutil.iter_modules(desktop_app.pdf.__path__):
            importlib.import_module("desktop_app.pdf." + module.name)
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1]
    )
    assert done.returncode == 0, done.stderr
