"""The performance appendix is written from any indicator return, alone or with others: what the returns do not
give is left out (a sentence, a chart, a card, a table, a section) and listed, by the command line after
writing and by the window when its export is done; it is never an error."""

from __future__ import annotations

import itertools

import docx
import pytest

from desktop_app.cli import main
from desktop_app.paths import RESOURCES, SAMPLE_DATA
from tests.pdf_structure import reading_text
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures

SAMPLE_RETURNS = [
    "childrens_performance_2023.xlsx",
    "benchmarks_2023.xlsx",
    "survey_2023-24.xlsx",
    "population_2023.xlsx",
    "monthly_series_2021-2024.xlsx",
]
LEFT_OUT = "Left out of the appendix"


def word_text(path) -> str:
    """The .docx's paragraphs, then its tables' cells, as python-docx reads them back."""
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([*(p.text for p in document.paragraphs), *cells]).split())


def write(capsys, out, *returns) -> str:
    """`report performance` as a user runs it; what it printed."""
    assert main(["report", "performance", *map(str, returns), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "Traceback" not in printed.err and "error" not in printed.err
    return printed.out


@pytest.mark.parametrize("name", SAMPLE_RETURNS)
def test_each_sample_return_on_its_own_writes_the_appendix_and_lists_what_it_left_out(capsys, tmp_path, name):
    out = tmp_path / "appendix.pdf"
    printed = write(capsys, out, SAMPLE_DATA / name)
    assert f"wrote {out}" in printed and LEFT_OUT in printed
    shown = reading_text(out)
    assert "Social Care Performance Report" in shown
    assert "{" not in shown and "n/a" not in shown  # no unfilled name, no figure that is not there
    # The weekly cards need the weekly series (on the monthly workbook's Weekly sheet): only that return has them.
    has_cards = name.startswith("monthly")
    assert ("Total Weekly Cost" in shown) == has_cards
    assert ("Adult Social Care Finance – Weekly Overview”: it needs ASC-WEEKLY-COST" in printed) != has_cards


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(SAMPLE_RETURNS, 2)))
def test_every_pair_of_sample_returns_writes_a_word_appendix(capsys, tmp_path, first, second):
    out = tmp_path / "appendix.docx"
    printed = write(capsys, out, SAMPLE_DATA / first, SAMPLE_DATA / second)
    shown = word_text(out)
    assert f"wrote {out}" in printed and "Social Care Performance Report" in shown and "{" not in shown
    if "childrens_performance_2023.xlsx" in (first, second):
        assert "Performance Dashboard" in shown and "Assessments Completed within 45 Working Days" in shown


def test_all_the_sample_returns_leave_nothing_out_the_text_saying_which_linked_row_it_means(capsys, tmp_path):
    """The sample's dashboard and ChAT each have an assessments-in-45-days row and a cared-for rate linked by
    name to one catalogue entry; the shipped text's [meant] says its sentences and charts mean the
    dashboard's, so everything is written, and both rows are in their tables."""
    out = tmp_path / "appendix.pdf"
    printed = write(capsys, out, *(SAMPLE_DATA / name for name in SAMPLE_RETURNS))
    assert LEFT_OUT not in printed
    shown = reading_text(out)
    assert "{" not in shown and "n/a" not in shown
    assert "The total weekly cost of adult social care was £2,703,204" in shown
    assert "Assessments completed within 45 working days were 66.5%" in shown  # the dashboard's CSC-T02
    assert "Assessments completed within 45 working days, rolling 12 months" in shown  # its chart
    assert "There were 617 cared for children" in shown  # the dashboard's CSC-D13
    # Both rows linked to CSC-REFERRALS-RATE, each in its own table with its own figures: 703.9 and 611.
    assert "Referral Starts in last 12 Months (Rate per 10,000 children) 728.9 703.9" in shown
    assert "Referrals per 10K 829 611" in shown


def test_a_text_that_does_not_say_which_linked_row_it_means_leaves_those_parts_out_and_lists_them(capsys, tmp_path):
    shipped = (RESOURCES / "performance_report_text.toml").read_text(encoding="utf-8")
    text = tmp_path / "our_text.toml"
    text.write_text(shipped.replace('CSC-ASSESSMENTS-45-DAYS = ["CSC-T02"]', ""), encoding="utf-8")
    out = tmp_path / "appendix.pdf"
    returns = [str(SAMPLE_DATA / name) for name in SAMPLE_RETURNS]
    assert main(["report", "performance", *returns, "--text", str(text), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Left out of the appendix (2), each for the reason given:"
    assessments = (
        "the returns have 2 indicators linked to the catalogue's CSC-ASSESSMENTS-45-DAYS (CSC-T02 and CHAT-04), "
        "so which is meant cannot be told: name one by its own id"
    )
    assert lines[2:] == [
        f"- “Introduction”, the sentence “Assessments completed within 45 working days were {{csc_assessments_45…”: {assessments}",
        f"- “Front Door and Assessment Trends”, the chart “Assessments completed within 45 working days, rolling 12 months”: {assessments}",
    ]
    assert "Assessments completed within 45 working days, rolling" not in reading_text(out)


def test_a_small_return_of_our_own_is_an_appendix_with_only_its_own_figures(capsys, tmp_path, write_workbook):
    header = ["ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value"]
    rows = [
        ["FH-01", "Family hub visits", "Demand", "Count", "High", "June 2023", 1180],
        ["FH-01", "Family hub visits", "Demand", "Count", "High", "July 2023", 1254],
    ]
    path = write_workbook(rows, header, (("Family hubs",), ()), sheet="Dashboard", name="hubs.xlsx")
    pdf, word = tmp_path / "hubs.pdf", tmp_path / "hubs.docx"
    printed = write(capsys, pdf, path)
    assert printed == write(capsys, word, path).replace(str(word), str(pdf))  # the same list for either file
    for shown in (reading_text(pdf), word_text(word)):
        assert "Family hub visits" in shown and "1,254" in shown and "1,180" in shown
        assert "Figures are for July 2023, against June 2023." in shown
        assert "Key messages" not in shown  # its every bullet needs figures this return does not give
        assert "Front Door and Assessment Trends" not in shown and "Carers Survey" not in shown
    lines = printed.splitlines()
    assert lines[0] == f"wrote {pdf}"
    assert lines[1].startswith(LEFT_OUT)
    assert (
        "- “Introduction”, the sentence “There were {csc_cared_for_value} cared for children, "
        "{csc_cared_for_r…”: it needs CSC-CARED-FOR, which none of the returns gives; "
        "it needs CSC-CARED-FOR-RATE, which none of the returns gives"
    ) in lines
    assert (
        "- The section “Front Door and Assessment Trends”: it needs CSC-CONTACTS, which none of the returns gives; "
        "it needs CSC-REFERRALS, which none of the returns gives; "
        "it needs CSC-ASSESSMENTS-45-DAYS, which none of the returns gives"
    ) in lines
    assert (
        "- The section “Actions to be taken in response to the Carers Survey”: "
        "no indicator of the returns is in the group 'Carers survey'"
    ) in lines


def test_the_window_reports_what_it_left_out_as_the_command_line_does(make_window, answers, qtbot, capsys, tmp_path):
    children = SAMPLE_DATA / "childrens_performance_2023.xlsx"
    printed = write(capsys, tmp_path / "cli.pdf", children)
    window = make_window()
    window.import_paths([children])
    wait_for_task(qtbot, window)
    window.export_performance_to(tmp_path / "window.pdf")
    wait_for_task(qtbot, window)
    shown, _ = answers
    [told] = [text for kind, title, text in shown if kind == "inform" and title == "Wrote window.pdf"]
    assert told == printed.split("\n", 1)[1].strip()
    assert "Adult Social Care Finance – Weekly Overview" in told and "Performance Dashboard" in reading_text(
        tmp_path / "window.pdf"
    )
