"""The narrative board report as its author and a committee meet it: a source file and a tables workbook
written here (and the sample), through the command line, the PDF and the Word file read back."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook
from PIL import Image as PilImage

from desktop_app.board_commands import board_report
from desktop_app.cli import main
from desktop_app.domain.board_report import load_board_rules
from desktop_app.paths import SAMPLE_DATA
from desktop_app.word.render import render_word_document
from tests.pdf_structure import drawn_runs, figure_alt_texts, structure_problems, structure_tags, tagged_lines

SAMPLE_SOURCE = SAMPLE_DATA / "board_report_2020-21.md"
DETAILS = """+++
title = "Partnership Board annual report"
author = "The Board"
subject = "What the Board did"
tables = "tables.xlsx"
marac = ["marac.xlsx"]
+++
"""


def write_tables(path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    sheets = {
        "Training": [
            ("Name of training", "Provider", "Format", "Date"),
            ("Awareness of coercive control", "The police", "Online", dt.datetime(2021, 1, 20)),
        ],
        "Services": [
            ("Provider", "Service", "Description"),
            ("Women's Aid", "Refuge", "Safe rooms.\n\nDispersed flats."),
        ],
        "Prompts": [
            ("Group", "Prompts"),
            ("Professionals", "What works well?\n\nWhat would help you in your role?"),
        ],
        "Findings": [
            ("Key finding", "Impact", "Recommendation"),
            ("Victims are not asked what they want.", "Plans are made for them.", "Ask every victim first."),
        ],
    }
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def png() -> bytes:
    buffer = io.BytesIO()
    PilImage.new("RGB", (400, 200), "#3b1f5c").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_tables(tmp_path / "tables.xlsx")
    shutil.copy(SAMPLE_DATA / "marac_2019-2021.xlsx", tmp_path / "marac.xlsx")
    (tmp_path / "poster.png").write_bytes(png())
    return tmp_path


def report(folder: Path, body: str, *more: str) -> tuple[int, Path]:
    source = folder / "report.md"
    source.write_text(DETAILS + body, encoding="utf-8")
    out = folder / "report.pdf"
    return main(["report", "board", str(source), "--out", str(out), *more]), out


def reading(pdf: Path) -> str:
    return " ".join(" ".join(line.split()) for page in tagged_lines(pdf) for line in page)


BODY = """# Introduction
The Board met four times.

The MARAC discussed {referrals_value} cases in {latest_period}.

## Partnership
The police chair the MARAC.

- a bullet is not numbered

## Prevention
Schools took part.

# Voices
> Someone believed me at last.
> -- A survivor, aged 34

# Tables
[table: Training]
[table: Services | Our services]
[table: Prompts]
[table: Findings]

![A purple poster: is it love, or is it control?](poster.png)

# Appendix: Governance
The Board reports to the Community Safety Partnership.
"""


@pytest.fixture
def written(folder: Path) -> tuple[Path, Path]:
    status, out = report(folder, BODY, "--docx", str(folder / "report.docx"))
    assert status == 0
    return out, folder / "report.docx"


def test_paragraphs_and_sub_sections_are_numbered_by_the_application(written):
    words = reading(written[0])
    assert "1. Introduction 1.1 The Board met four times. 1.2 The MARAC" in words
    assert "1.3 Partnership 1.3.1 The police chair the MARAC." in words
    assert "1.4 Prevention 1.4.1 Schools took part." in words
    assert "• a bullet is not numbered" in words
    assert "Appendix A: Governance The Board reports" in words  # an appendix's paragraphs are not numbered


def test_a_live_figure_in_the_words_is_the_marac_returns(written):
    assert "The MARAC discussed 737 cases in 2020-21." in reading(written[0])


def test_an_unknown_figure_names_the_line(folder, capsys):
    status, out = report(folder, "# One\nThe MARAC discussed {referals_value} cases.\n")
    assert status == 2 and not out.exists()
    error = capsys.readouterr().err
    assert "report.md, line 9: unknown placeholder {referals_value} (did you mean {referrals_value}?)" in error


def test_each_table_kind_is_read_from_its_sheet_with_its_cells_paragraphs(written):
    word = docx.Document(str(written[1]))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]
    assert ["Name of training", "Provider", "Format", "Date"] in [table[0] for table in tables]
    assert ["Awareness of coercive control", "The police", "Online", "20 January 2021"] in [t[-1] for t in tables]
    services = next(table for table in tables if table[0] == ["Service", "Provider", "Description"])
    assert services[1] == ["Refuge", "Women's Aid", "Safe rooms.\n\nDispersed flats."]  # its columns put in order
    prompts = next(table for table in tables if table[0] == ["Group", "Prompts"])
    assert prompts[1][1] == "What works well?\n\nWhat would help you in your role?"
    finding = next(table for table in tables if table[0][0] == "Key finding")
    assert finding == [
        ["Key finding", "Victims are not asked what they want."],
        ["Impact", "Plans are made for them."],
        ["Recommendation", "Ask every victim first."],
    ]


def test_the_pdf_is_tagged_with_its_quote_a_blockquote_and_its_picture_a_figure(written):
    pdf = written[0]
    assert structure_problems(pdf) == []
    tags = structure_tags(pdf)
    assert tags.count("/BlockQuote") == 1
    assert figure_alt_texts(pdf) == ["A purple poster: is it love, or is it control?"]
    assert "“Someone believed me at last.” — A survivor, aged 34" in reading(pdf)
    assert "Group Prompts Professionals What works well? What would help you in your role?" in reading(pdf)


def test_the_word_copy_has_the_headings_the_quote_and_the_pictures_description(written):
    word = docx.Document(str(written[1]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["1. Introduction", "1.3 Partnership", "1.4 Prevention"]
    assert "Appendix A: Governance" in headings
    quotes = [p.text for p in word.paragraphs if p.style.name == "Quote"]
    assert quotes == ["“Someone believed me at last.”\n— A survivor, aged 34"]
    assert "1.1\tThe Board met four times." in [p.text for p in word.paragraphs]
    described = [element.get("descr") for element in word.element.body.iter(docx.oxml.ns.qn("wp:docPr"))]
    assert described == ["A purple poster: is it love, or is it control?"]


def test_a_picture_without_alternative_text_is_refused(folder, capsys):
    status, out = report(folder, "# One\nWords.\n\n![](poster.png)\n")
    assert status == 2 and not out.exists()
    assert "report.md, line 11: the picture poster.png has no alternative text" in capsys.readouterr().err


def test_a_quote_from_a_named_person_is_flagged_by_the_proof(folder, capsys):
    source = folder / "report.md"
    source.write_text(DETAILS + "# Voices\n> Not all abuse is obvious.\n> -- Samantha 16\n", encoding="utf-8")
    assert main(["proof", "board", str(source)]) == 1
    printed = capsys.readouterr().out
    assert "warning: report.md, line 9: the quote is from 'Samantha 16', and 'Samantha' reads as a person's name" in (
        printed
    )


def test_a_quote_that_names_no_one_passes(folder, capsys):
    source = folder / "report.md"
    source.write_text(DETAILS + "# Voices\n> Not all abuse is obvious.\n> -- Young person, aged 16\n", encoding="utf-8")
    assert main(["proof", "board", str(source)]) == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("# One\n[table: Budget]\n", "report.md, line 9: tables.xlsx: has no sheet 'Budget'"),
        ("Words before any section.\n", "report.md, line 8: the report's words start before its first '# Section'"),
        ("# One\n#### Too deep\n", "report.md, line 9: a heading is '# Section' or '## Sub-section'"),
        ("# One\n![A poster](missing.png)\n", "report.md, line 9: the picture missing.png is not there"),
    ],
)
def test_an_unreadable_source_names_its_line_and_exits_2(folder, capsys, body, message):
    status, _ = report(folder, body)
    assert status == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error


def test_a_slip_in_the_details_names_its_line(folder, capsys):
    source = folder / "report.md"
    source.write_text(DETAILS.replace('author = "The Board"', "author = The Board") + "# One\n", encoding="utf-8")
    assert main(["report", "board", str(source), "--out", str(folder / "x.pdf")]) == 2
    assert "report.md: the details cannot be read: " in (error := capsys.readouterr().err) and "line 3" in error


def test_the_sample_exports_with_nothing_for_the_proof_to_query(tmp_path, capsys):
    assert main(["proof", "board", str(SAMPLE_SOURCE)]) == 0
    assert "finds nothing to query" in capsys.readouterr().out
    out = tmp_path / "board.pdf"
    assert main(["report", "board", str(SAMPLE_SOURCE), "--out", str(out)]) == 0
    words = reading(out)
    assert "3.1 The Multi-Agency Risk Assessment Conference (MARAC) discussed 737 cases in 2020-21." in words
    assert "58% above the SafeLives estimate of 467" in words
    assert structure_problems(out) == []


@pytest.mark.parametrize(
    ("attribution", "names"),
    [
        ("Jess 13", ["Jess"]),
        ("Morgan, aged 14", ["Morgan"]),
        ("A survivor, aged 34", []),
        ("Young person, Year 10, after a workshop", []),
        ("Parent from Bootle", ["Bootle"]),  # a place reads as a name until the council adds it
    ],
)
def test_an_attribution_reads_as_a_name_by_the_describing_words_of_the_rules(attribution, names):
    assert load_board_rules().names_in(attribution) == names


def test_a_typed_paragraph_number_is_a_warning_and_printed_once_only(folder, capsys):
    source = folder / "report.md"
    source.write_text(DETAILS + "# One\n1.1 The Board met.\n", encoding="utf-8")
    assert main(["proof", "board", str(source)]) == 1
    assert "report.md, line 9: the words start with the number 1.1" in capsys.readouterr().out


def test_a_word_template_without_a_quote_style_still_sets_the_quote_apart(folder):
    template = docx.Document()
    template.styles["Quote"].delete()
    template.save(str(folder / "plain.docx"))
    (folder / "report.md").write_text(DETAILS + BODY, encoding="utf-8")
    document, _ = board_report(folder / "report.md")
    word = docx.Document(io.BytesIO(render_word_document(document, folder / "plain.docx")))
    quoted = [p for p in word.paragraphs if p.style.name == "Quote"]
    assert [p.text for p in quoted] == ["“Someone believed me at last.”\n— A survivor, aged 34"]
    assert quoted[0].style.font.italic


def test_in_word_the_sections_run_on_and_an_appendix_starts_a_page(written):
    word = docx.Document(str(written[1]))
    page_break = docx.oxml.ns.qn("w:br")
    broken_before = []
    paragraphs = word.paragraphs
    for before, paragraph in zip(paragraphs, paragraphs[1:], strict=False):
        if paragraph.style.name == "Heading 1":
            breaks = [br for br in before._p.iter(page_break) if br.get(docx.oxml.ns.qn("w:type")) == "page"]
            broken_before.append((paragraph.text, bool(breaks)))
    assert broken_before == [
        ("1. Introduction", True),
        ("2. Voices", False),
        ("3. Tables", False),
        ("Appendix A: Governance", True),
    ]


# --- where bullets stand, and a row too long for its page ---------------------------------------------------

BULLETS = """# Partnership
The Board has three groups:

- victims and survivors
- professionals

## Prevention
Schools took part:

- a workshop

# Appendix: Governance
- The MARAC steering group reports to the Board.
"""


def test_bullets_under_a_numbered_paragraph_stand_at_its_text_not_at_the_margin(folder):
    status, out = report(folder, BULLETS, "--docx", str(folder / "report.docx"))
    assert status == 0
    runs = drawn_runs(out)
    x = {words: at for _, at, words in runs}
    margin = x["1.1"]
    assert x["The Board has three groups:"] > margin
    bullets = [at for _, at, words in runs if words == "•"]
    assert bullets[:2] == [x["The Board has three groups:"]] * 2  # under 1.1, at its text
    assert bullets[2] == x["Schools took part:"] > x["The Board has three groups:"]  # under 1.2.1, deeper
    assert bullets[3] == margin  # an appendix's paragraphs are not numbered: its bullets keep the margin
    word = docx.Document(str(folder / "report.docx"))
    indents = {p.text: p.paragraph_format.left_indent for p in word.paragraphs}
    assert round(indents["victims and survivors"].mm, 1) == 10 + 7  # the number's indent, then the bullet's own
    assert round(indents["a workshop"].mm, 1) == 13 + 7
    assert indents["The MARAC steering group reports to the Board."] is None  # the list style's own


def test_a_row_too_long_for_its_page_carries_on_without_saying_its_group_again(folder):
    """Seed 004's prompts table: a group's prompts run over a page; the header row repeats, the group does not."""
    prompts = [f"Prompt {n}: what would you like the partnership to do about question {n}?" for n in range(1, 61)]
    book = Workbook()
    book.active.title = "Prompts"
    book.active.append(("Group", "Prompts"))
    book.active.append(("Professionals", "\n\n".join(prompts)))
    book.save(folder / "tables.xlsx")
    status, out = report(
        folder, "# Consultation\nThe prompts are below.\n\n[table: Prompts]\n", "--docx", str(folder / "p.docx")
    )
    assert status == 0
    runs = drawn_runs(out)
    pages = {page for page, _, words in runs if words.startswith("Prompt ")}
    assert len(pages) >= 2  # the row carries on over the page break
    assert [page for page, _, words in runs if words == "Group"] == sorted(pages)  # the header on every page
    assert [words for _, _, words in runs if words.startswith("Professionals")] == ["Professionals"]
    assert [words.split(":")[0] for _, _, words in runs if words.startswith("Prompt ")] == [
        f"Prompt {n}" for n in range(1, 61)
    ]
    assert structure_problems(out) == []
    word = docx.Document(str(folder / "p.docx"))
    body_row = word.tables[0].rows[1]._tr
    assert body_row.find(f"{{{docx.oxml.ns.nsmap['w']}}}trPr/{{{docx.oxml.ns.nsmap['w']}}}cantSplit") is None


def test_the_sentence_leading_into_a_table_is_never_left_at_the_foot_of_a_page(folder):
    """Wherever the page break falls, the heading and the sentence that introduce a table stand on the page of
    its header row."""
    from desktop_app.pdf.render import render_document

    details = DETAILS.replace('marac = ["marac.xlsx"]\n', "")
    filler = "A paragraph that fills the page, long enough to run on over two lines of the report's text width."
    for fillers in range(18, 40):
        body = (
            "# Training\n"
            + "\n\n".join([filler] * fillers)
            + "\n\n## Courses\nThe courses were:\n\n[table: Training]\n"
        )
        (folder / "report.md").write_text(details + body, encoding="utf-8")
        document, _ = board_report(folder / "report.md")
        (folder / "lead.pdf").write_bytes(render_document(document))
        runs = drawn_runs(folder / "lead.pdf")
        page_of = {words: page for page, _, words in runs}
        heading = f"1.{fillers + 1} Courses"
        assert page_of[heading] == page_of["The courses were:"] == page_of["Name of training"], fillers


# --- the action plan's live figures (--plan FILE --as-of D) ------------------------------------------------

PLAN = SAMPLE_DATA / "action_plan_2023-2028.xlsx"
PLAN_DETAILS = '+++\ntitle = "Board report"\nauthor = "The Board"\nsubject = "The plan"\n+++\n'


def plan_report(folder: Path, body: str, *more: str) -> tuple[int, Path]:
    source = folder / "plan_report.md"
    source.write_text(PLAN_DETAILS + body, encoding="utf-8")
    out = folder / "plan_report.pdf"
    args = ["report", "board", str(source), "--out", str(out), "--plan", str(PLAN), "--as-of", "31/03/2024"]
    return main([*args, *more]), out


def test_the_words_use_the_plans_figures_at_the_report_date(tmp_path):
    # the sample plan at 31 March 2024 (`plan --json`): 8 red, 12 amber, 20 exceptions, 15 past due
    body = (
        "# Progress\nAt {plan_as_of} {red_count} actions were red and {amber_count} amber, "
        "{exceptions_count} exceptions in all; {past_due_count} were past due: {past_due_actions}.\n"
    )
    status, out = plan_report(tmp_path, body)
    assert status == 0
    text = reading(out)
    assert "1.1 At 31 March 2024 8 actions were red and 12 amber, 20 exceptions in all; 15 were past due:" in text
    assert "Leadership and Governance 2, Leadership and Governance 4," in text
    assert "Children and Young People 2 and Children and Young People 4." in text


def test_a_later_report_date_finds_more_actions_past_due(tmp_path):
    from desktop_app.board_commands import plan_figures_of

    earlier = plan_figures_of(PLAN, dt.date(2023, 6, 30))
    later = plan_figures_of(PLAN, dt.date(2024, 3, 31))
    assert later["past_due_count"].value == 15
    assert earlier["past_due_count"].value < later["past_due_count"].value
    assert later["past_due_actions"].text.count(",") == 13  # 15 listed: 13 commas and an "and"


def test_an_unknown_plan_figure_names_the_file_and_line(tmp_path, capsys):
    status, out = plan_report(tmp_path, "# Progress\n{red_count} were red.\n\n{past_due} were past due.\n")
    assert status == 2 and not out.exists()
    error = capsys.readouterr().err
    assert "plan_report.md, line 9: unknown placeholder {past_due} (did you mean {past_due_count}?)" in error


def test_a_plan_figure_without_the_plan_is_an_unknown_placeholder(folder, capsys):
    status, out = report(folder, "# One\n{red_count} actions are red.\n")
    assert status == 2 and "report.md, line 9: unknown placeholder {red_count}" in capsys.readouterr().err


def test_a_plan_that_cannot_be_read_is_one_line_and_exit_2(tmp_path, capsys):
    source = tmp_path / "plan_report.md"
    source.write_text(PLAN_DETAILS + "# One\nWords.\n", encoding="utf-8")
    out = tmp_path / "plan_report.pdf"
    status = main(["report", "board", str(source), "--out", str(out), "--plan", str(tmp_path / "nope.xlsx")])
    assert status == 2 and not out.exists()
    assert capsys.readouterr().err.startswith("error: --plan nope.xlsx")


def test_the_proof_finds_typed_numbers_that_are_the_plans_figures(tmp_path, capsys):
    source = tmp_path / "plan_report.md"
    source.write_text(PLAN_DETAILS + "# Progress\nThere were 8 red actions, and 15 past due.\n", encoding="utf-8")
    status = main(["proof", "board", str(source), "--plan", str(PLAN), "--as-of", "31/03/2024"])
    said = capsys.readouterr().out
    assert status == 0
    assert "8 is {red_count}: make it live" in said
    assert "15 is {past_due_count}: make it live" in said
