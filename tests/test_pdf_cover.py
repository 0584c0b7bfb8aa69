"""The cover report: a council's template (data) laid out with a report's values, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.problems import Severity
from desktop_app.pdf.cover import render_cover_report, write_cover_report
from desktop_app.report.cover_check import check_cover
from desktop_app.report.cover_template import (
    SAMPLE_COVER,
    TEMPLATES_FOLDER,
    CoverTemplateError,
    available_templates,
    load_cover_template,
    load_cover_values,
)
from desktop_app.report.model import PageOptions
from tests.cover_pages import drawn_words, in_order
from tests.pdf_structure import page_lines

APPENDIX = "Appendix A – Social Care Performance Report"
SEFTON_LABELS = [  # seed 002 lines 2283-2345, in the order the sheet prints them
    "Report to:",
    "Date of Meeting:",
    "Subject:",
    "Report of:",
    "Wards Affected:",
    "Portfolio:",
    "Is this a Key Decision:",
    "Included in Forward Plan:",
    "Exempt / Confidential Report:",
    "Summary:",
    "Recommendation(s):",
    "Reasons for the Recommendation(s):",
    "Alternative Options Considered and Rejected:",
    "What will it cost and how will it be financed?",
    "(A) Revenue Costs",
    "(B) Capital Costs",
    "Implications of the Proposals:",
    "Legal Implications:",
    "Equality Implications:",
    "Impact on Children and Young People:",
    "Climate Emergency Implications:",
    "What consultations have taken place on the proposals and when?",
    "(A) Internal Consultations",
    "(B) External Consultations",
    "Implementation Date for the Decision:",
    "Contact Officer:",
    "Email Address:",
    "Appendices:",
    "Background Papers:",
]


def text_of(pages: list[list[str]]) -> str:
    """The pages' words as one string, the running header and footer left out."""
    return " ".join(line for page in pages for line in page[1:-1])


@pytest.fixture(scope="module")
def values() -> dict:
    return load_cover_values()


@pytest.fixture(scope="module")
def sefton_written(values, tmp_path_factory):
    path = tmp_path_factory.mktemp("cover") / "cover.pdf"
    written, problems = write_cover_report(
        values, "sefton", path, appendices=[APPENDIX], options=PageOptions(agenda_item=10, first_page=3)
    )
    assert written == path
    return path, problems


@pytest.fixture(scope="module")
def sefton_path(sefton_written) -> Path:
    return sefton_written[0]


@pytest.fixture(scope="module")
def sefton(sefton_written):
    path, problems = sefton_written
    return page_lines(path), problems


@pytest.fixture(scope="module")
def wirral(values, tmp_path_factory):
    path = tmp_path_factory.mktemp("cover") / "wirral.pdf"
    _, problems = write_cover_report(
        values, "wirral", path, appendices=[APPENDIX], options=PageOptions(agenda_item=6, first_page=11)
    )
    return page_lines(path), problems


# --- Sefton's cover sheet ----------------------------------------------------------------


def test_the_sample_cover_has_nothing_to_query(sefton, wirral):
    assert sefton[1] == [] and wirral[1] == []


def test_every_page_has_the_agenda_item_and_a_continuous_page_number(sefton):
    pages, _ = sefton
    for number, page in enumerate(pages):
        assert page[0] == "Agenda Item 10"
        assert page[-1] == f"Page {3 + number}"


def test_fields_come_in_the_templates_order(sefton_path):
    """Read in drawing order (a table's cells one after another, a wrapped label whole)."""
    words = drawn_words(sefton_path)
    assert in_order(words, SEFTON_LABELS)
    template = load_cover_template("sefton")
    labels = [
        template.labels[name]
        for name in template.fields()
        if name in template.labels
        and name not in ("recommendations_intro", "climate_training", "climate_text", "further_meetings")
    ]
    assert in_order(words, labels)


def test_the_particulars_table(sefton):
    pages, _ = sefton
    first = pages[0]
    assert first[1].startswith("Report to: Overview and Scrutiny Committee") and "Tuesday 7 January" in first[1]
    assert "Subject: Social Care Performance" in first
    assert any(
        line.startswith("Report of: Executive Director Adult Social Care") and "All Wards" in line for line in first
    )
    assert "Is this a Key No Included in No" in first  # Yes/No fields as the template's words
    assert any(line.startswith("Exempt / No") for line in first)


def test_the_last_section_never_sits_alone_on_the_last_page(sefton, wirral):
    for pages, _ in (sefton, wirral):
        last = [line.upper() for line in pages[-1] if not re.fullmatch(r"(AGENDA ITEM|PAGE) \d+", line.upper())]
        at = next(number for number, line in enumerate(last) if line.startswith("BACKGROUND PAPERS"))
        assert at > 0, f"the last section is alone on its page: {last}"


def test_recommendations_are_numbered(sefton):
    lines = [line for page in sefton[0] for line in page]
    at = lines.index("Recommendation(s):")
    assert lines[at + 1] == "The Committee is asked to:"
    assert lines[at + 2].startswith("1. note the contents of the report")
    assert any(line.startswith("2. request that regular updates") for line in lines[at : at + 6])


def test_the_climate_table_says_yes_to_the_chosen_impact(sefton):
    lines = [line for page in sefton[0] for line in page]
    assert "Have a positive impact No" in lines
    assert "Have a neutral impact Yes" in lines
    assert "Have a negative impact No" in lines
    assert "The Author has undertaken the Climate Emergency training for report authors Yes" in lines


def test_the_appendices_are_listed(sefton, values, tmp_path):
    words = text_of(sefton[0])
    assert f"Appendices: The following appendices are attached to this report: {APPENDIX}" in words
    two = ["Appendix A Dashboard", "Appendix B Children's Services Analysis Tool (CHAT)"]
    path, _ = write_cover_report(values, "sefton", tmp_path / "two.pdf", appendices=two)
    assert "attached to this report: Appendix A Dashboard Appendix B Children's Services" in text_of(page_lines(path))
    path, problems = write_cover_report(values, "sefton", tmp_path / "none.pdf", appendices=[])
    assert "Appendices: None" in text_of(page_lines(path))
    assert [p.column for p in problems] == ["appendices"] and problems[0].severity is Severity.NOTE


def test_the_pdf_says_what_it_is(values):
    pdf, _ = render_cover_report(values, "sefton")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Social Care Performance"
    assert reader.metadata.author == "Executive Director Adult Social Care, Health and Wellbeing"
    assert pdf == render_cover_report(values, "sefton")[0]  # the same input gives the same bytes


def test_an_odd_page_start_adds_a_blank_page(values, tmp_path):
    path, _ = write_cover_report(
        values, "sefton", tmp_path / "odd.pdf", options=PageOptions(agenda_item=10, first_page=2, start_on_odd=True)
    )
    pages = page_lines(path)
    assert "This page is intentionally left blank" in pages[0] and pages[0][-1] == "Page 2"
    assert pages[1][1].startswith("Report to:") and pages[1][-1] == "Page 3"


# --- the template is data ----------------------------------------------------------------


def modified_template(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    text = (TEMPLATES_FOLDER / "sefton.toml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "our_council.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_changed_template_changes_the_cover(values, tmp_path):
    template = modified_template(
        tmp_path,
        ('date_format = "{weekday} {day} {month} {year}"', 'date_format = "{day_ordinal} {month} {year}"'),
        ('numbering = "{n}."', 'numbering = "({n})"'),
        ('report_to = "Report to:"', 'report_to = "Committee:"'),
        (
            '    ["report_to", "meeting_date"],\n    ["further_meetings"],\n    ["subject"],',
            '    ["subject"],\n    ["report_to", "meeting_date"],\n    ["further_meetings"],',
        ),
        (
            'type = "section"\nfield = "reasons"\n',
            'type = "section"\nfield = "reasons"\n\n[[blocks]]\ntype = "text"\n'
            'text = "Our own words after the reasons."\n',
        ),
    )
    pdf, _ = render_cover_report(values, template, appendices=[APPENDIX], options=PageOptions(agenda_item=4))
    pages = page_lines(io.BytesIO(pdf))
    assert pages[0][1] == "Subject: Social Care Performance"  # the rows swapped
    assert pages[0][2].startswith("Committee: Overview and Scrutiny Committee") and "7th January" in pages[0][2]
    lines = [line for page in pages for line in page]
    assert any(line.startswith("(1) note the contents") for line in lines)
    words = text_of(pages)
    assert (
        words.index("Reasons for the Recommendation(s):")
        < words.index("Our own words after the reasons.")
        < words.index("Alternative Options")
    )


def test_templates_are_found_by_name(values):
    assert {"sefton", "sefton_2025", "sefton_safer_communities", "wirral"} <= set(available_templates())
    assert load_cover_template("sefton").fields()[:4] == ["report_to", "meeting_date", "further_meetings", "subject"]
    with pytest.raises(CoverTemplateError, match=r"there is no cover template 'camelot' \(the templates are: .*sefton"):
        load_cover_template("camelot")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('type = "climate"', 'type = "weather"', "type must be one of"),
        ('field = "summary"', 'field = "sumary"', "unknown field 'sumary'; declare it in [fields]"),
        ('numbering = "{n}."', 'numbering = "n."', "numbering must hold {n}"),
        ("table_columns = [0.2, 0.38, 0.19, 0.23]", "table_columns = [0.2, 0.38]", "four shares"),
    ],
)
def test_a_mistake_in_a_template_is_named(tmp_path, old, new, message):
    with pytest.raises(CoverTemplateError) as raised:
        load_cover_template(modified_template(tmp_path, (old, new)))
    assert str(raised.value).startswith("our_council.toml") and message in str(raised.value)


def test_a_misspelt_value_is_named_not_dropped(values):
    with pytest.raises(CoverTemplateError, match="unknown field 'sumary'"):
        render_cover_report({**values, "sumary": "..."}, "sefton")
    with pytest.raises(CoverTemplateError, match="key_decision must be true/false"):
        render_cover_report({**values, "key_decision": "maybe"}, "sefton")


# --- Wirral's layout -------------------------------------------------------------------------


def test_wirral_numbers_its_sections_and_has_a_report_author_and_subject_history(wirral):
    pages, _ = wirral
    lines = [line for page in pages for line in page]
    assert lines[1:4] == [
        "OVERVIEW AND SCRUTINY COMMITTEE (ADULT SOCIAL CARE AND HEALTH)",
        "Tuesday, 7 January 2025",
        "SOCIAL CARE PERFORMANCE",
    ]
    assert "This report does not relate to a key decision." in lines
    numbered = [line for line in lines if re.match(r"\d+\.0 [A-Z]", line)]
    assert [line.split(" ")[0] for line in numbered] == [f"{n}.0" for n in range(1, 11)]
    assert numbered[0] == "1.0 REASON/S FOR RECOMMENDATIONS"
    assert numbered[-1] == "10.0 ENVIRONMENTAL AND CLIMATE IMPLICATIONS"
    assert any(line.startswith("3.2 The national assurance framework") for line in lines)  # paragraphs numbered too
    assert "REPORT AUTHOR: Alex Morgan" in lines
    at = lines.index("SUBJECT HISTORY (last 3 years)")
    assert lines[at + 1] == "Council Meeting Date"
    assert lines.index("APPENDICES") < lines.index(APPENDIX) < lines.index("BACKGROUND PAPERS") < at


# --- cross-checks: the slips of the published papers ------------------------------------------


def test_a_date_in_the_text_with_the_meetings_day_but_another_year(values):
    slipped = {
        **values,
        "summary": values["summary"] + "\nThis report was prepared for the meeting of 7th January 2024.",
    }
    [problem] = check_cover(slipped)
    assert problem.severity is Severity.WARNING and problem.column == "summary"
    assert "'7th January 2024' has the meeting's day and month but the year 2024" in problem.message
    assert "the meeting is on 7 January 2025" in problem.message


def test_a_date_of_meeting_whose_weekday_does_not_fit(values):
    """Seed 000's cover said '7th January 2024' for a Tuesday meeting: 7 January 2024 was a Sunday."""
    problems = check_cover({**values, "meeting_date": "Tuesday 7th January 2024"})
    assert [p.message for p in problems] == ["the date of meeting says Tuesday but 7 January 2024 is a Sunday"]
    assert check_cover({**values, "meeting_date": "Tuesday 7th January 2025"}) == []


def test_an_empty_report_of_and_other_required_fields(values):
    problems = check_cover({**values, "report_of": " ", "subject": ""}, load_cover_template("sefton"))
    messages = [p.message for p in problems]
    assert messages[0] == "'Report of' is empty: say which officer the report is from"
    assert "Subject is empty" in messages


def test_prompts_and_consultation_references(values):
    problems = check_cover(
        {
            **values,
            "consultations_internal": "The Executive Director of Corporate Resources (FD.7365/23.....) and [name] have been consulted.",
        }
    )
    messages = {p.message: p.severity for p in problems}
    assert messages["the prompt [name] has not been replaced"] is Severity.WARNING
    assert messages["the reference FD.7365/23..... looks unfinished"] is Severity.NOTE
    assert messages["the reference FD7365/23 is from 2023, and the meeting is in 2025"] is Severity.NOTE


def test_the_problems_come_back_with_the_pdf(values, tmp_path):
    path, problems = write_cover_report(
        {**values, "report_of": ""}, "sefton", tmp_path / "cover.pdf", appendices=[APPENDIX]
    )
    assert path.exists() and [p.column for p in problems] == ["report_of"]
    assert str(problems[0]).startswith("warning: column 'report_of': 'Report of' is empty")


def test_the_values_file_is_read_from_toml(tmp_path):
    values = load_cover_values(SAMPLE_COVER)
    assert values["meeting_date"] == dt.date(2025, 1, 7) and values["climate"] == "neutral"
    path, problems = write_cover_report(SAMPLE_COVER, "wirral", tmp_path / "w.pdf")
    assert problems == [] and path.exists()


def test_the_word_cover_keeps_its_last_two_sections_together(values, tmp_path):
    import docx

    from desktop_app.export import write_appendix
    from desktop_app.report.cover import cover_model

    document, _ = cover_model(values, "sefton", [APPENDIX])
    word = docx.Document(str(write_appendix(document, tmp_path / "cover.docx")))
    texts = [p.text for p in word.paragraphs]
    start = next(n for n, text in enumerate(texts) if text.startswith("Appendices"))
    kept = [p.paragraph_format.keep_with_next for p in word.paragraphs[start:] if p.text.strip()]
    assert kept[:-1] == [True] * (len(kept) - 1) and len(kept) >= 4


def test_wirrals_bullets_under_a_numbered_paragraph_stand_at_its_text(values, tmp_path):
    from tests.pdf_structure import drawn_runs

    background = "High level feedback from the workshop was:\n\n- awareness is greater;\n- thresholds are rigid."
    path, _ = write_cover_report({**values, "background": background}, "wirral", tmp_path / "w.pdf")
    runs = drawn_runs(path)
    x = {words: at for _, at, words in runs}
    assert x["High level feedback from the workshop was:"] > x["3.1"]
    assert [at for _, at, words in runs if words == "•"] == [x["High level feedback from the workshop was:"]] * 2
