"""ChAT in the performance appendix (issue 17): the review table laid out as seed 002 prints it (all 18 rows),
and the comparisons with published statistics (seed 002 lines 3912-3944): our latest figure, its direction of
travel since the published one, the published LA, SN and England figures, and the LA against the middle 50%
of all councils (Higher / In range / Lower) with ChAT's key; a value on a quartile and fewer than four councils;
and a sentence stating a direction printed only when the data says it, against rising and falling data."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.domain.comparator_groups import load_comparator_groups
from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
from desktop_app.domain.quartiles import range_position
from desktop_app.domain.return_checks import return_disagreements
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.paths import SAMPLE_DATA
from desktop_app.report.model import Paragraph, Table
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_text import Section, load_performance_text

CHILDRENS = SAMPLE_DATA / "childrens_performance_2023.xlsx"
BENCHMARKS = SAMPLE_DATA / "benchmarks_2023.xlsx"
COMPARISON_HEADER = [
    "ID",
    "Indicator",
    "Unit",
    "Good is",
    "Period",
    "Value",
    "Latest published LA",
    "Statistical Neighbours",
    "England",
    "Published period",
]


def frames_of(*paths) -> dict[ReturnKind, pd.DataFrame]:
    frames: dict[ReturnKind, pd.DataFrame] = {}
    for path in paths:
        imported = Importer().import_file(path)
        for kind in ReturnKind:
            frame = imported.frame(kind) if kind is not ReturnKind.COMPLAINTS_LOG else None
            if frame is not None and len(frame):
                frames[kind] = pd.concat([frames[kind], frame], ignore_index=True) if kind in frames else frame
    return frames


def tables_of(document) -> dict[str, Table]:
    return {block.key: block for section in document.sections for block in section.blocks if isinstance(block, Table)}


@pytest.fixture(scope="module")
def sample_tables() -> dict[str, Table]:
    results = calculate_indicators(IndicatorReturns.of(frames_of(CHILDRENS, BENCHMARKS)), load_catalogue())
    return tables_of(performance_document(results))


def test_the_chat_review_has_the_papers_18_rows_in_its_order_with_the_icpcs_share_beside_their_number(
    sample_tables,
):
    review = sample_tables["chat_review"].texts()
    assert review[0] == ["Data", "Previous\n(January 2023)", "Current\n(July 2023)", "SN rate *", "Comment"]
    body = review[1:]
    assert len(body) == 18
    assert body[0] == [
        "Referrals per 10K",
        "829",
        "611",
        "579",
        "Significant decrease which brings the figure closer to the SN rate of 579",
    ]
    icpcs = next(row for row in body if row[0] == "Number of ICPCs resulting from S47")
    assert icpcs[1:4] == ["193 (20.5%)", "171 (25%)", "NA"]
    assert not any(row[0].startswith("ICPCs resulting from S47 (%") for row in body)  # printed in brackets only
    assert body[-1][:4] == ["EET", "47%", "45%", "52%"]


def test_the_comparisons_with_published_statistics_as_chat_prints_them(sample_tables):
    table = sample_tables["chat_comparisons_comparisons"]
    assert table.texts()[0][:4] == [
        "Indicator",
        "Latest data (ChAT)",
        "",
        "Latest published statistics for all local authorities",
    ]
    body = {row[0]: row[1:] for row in table.texts()[2:]}
    assert len(body) == 23
    assert body["Referrals received (annual rate per 10,000 of children)"] == [
        "611", "▼ Decrease", "768", "579", "538", "✘ Higher", "2021-22"
    ]  # fmt: skip
    # Low is good: lower than the middle 50% of all councils is on the good side.
    assert body["Children who ceased to be on a CP plan whose plan lasted 2 years or more (%)"] == [
        "2", "No change", "2", "3", "4", "✔ Lower", "2021-22"
    ]  # fmt: skip
    # DfE's `c` in the LA's published column: shown as published, no direction and no place against the range.
    assert body["Children looked after who were away without authorisation in the period (%)"] == [
        "1", "", "c", "3", "2", "", "2021-22"
    ]  # fmt: skip
    # The adoption measures' published figures are of 2015-18; the paper's "-" for A2 is no figure.
    assert body[
        "A2 - Average time between LA receiving placement order and LA deciding on a match with family (days)"
    ] == ["", "", "118", "227", "201", "✔ Lower", "2015-18"]
    # In range from every council's value (152 councils on the Members sheet), not from published quartiles.
    referrals = "Referrals to social care that were within 12 months of a previous referral (%)"
    assert body[referrals] == ["26", "▲ Increase", "19", "21", "20", "= In range", "2021-22"]
    travel = [cell for cell in table.body[0] if cell.figure and cell.figure.endswith("_travel")]
    assert travel[0].colour == "better"  # fewer referrals: a change for the better, its arrow green


def comparisons_workbook(tmp_path, members: dict[str, list[float]], quartiles: list[list[object]]):
    """A comparisons sheet of three indicators and the England group's spread: published cut points, or
    every council's value."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ChAT comparisons"
    sheet.append(COMPARISON_HEADER)
    sheet.append(["ON-EDGE", "On the upper quartile", "%", "High", "July 2023", 40, 30, 31, 29, "2021-22"])
    sheet.append(["FEW", "Three councils", "%", "Low", "July 2023", 12, 20, 15, 14, "2021-22"])
    sheet.append(["OWN", "Without a published figure", "%", "Low", "July 2023", 70, None, 50, 55, "2021-22"])
    book.create_sheet("Quartiles").append(["ID", "Comparator", "Period", "Lower quartile", "Upper quartile"])
    for row in quartiles:
        book["Quartiles"].append(row)
    book.create_sheet("Members").append(["ID", "Comparator", "Period", "Authority", "Value"])
    for id_, values in members.items():
        for number, value in enumerate(values, start=1):
            book["Members"].append([id_, "England", "2021-22", f"Council {number}", value])
    path = tmp_path / "comparisons.xlsx"
    book.save(path)
    return path


def test_a_value_on_a_quartile_is_in_range_and_fewer_than_four_councils_place_nothing(tmp_path):
    path = comparisons_workbook(
        tmp_path,
        members={"FEW": [10.0, 30.0, 40.0]},  # three councils: no middle 50%, so no place, and a note says so
        quartiles=[["ON-EDGE", "England", "2021-22", 22, 30], ["OWN", "England", "2021-22", 40, 60]],
    )
    results = calculate_indicators(IndicatorReturns.of(frames_of(path)), load_catalogue())
    table = results.table.set_index("id")
    assert table.loc["ON-EDGE", "range_position"] == "in range"  # 30 on the upper quartile, 30
    assert table.loc["FEW", "range_position"] is None
    assert table.loc["OWN", "range_position"] == "higher"  # no published figure: our own value, 70, is placed
    assert any("3 members have a value; a quartile needs 4" in problem.message for problem in results.problems)
    body = {
        row[0]: row[1:] for row in tables_of(performance_document(results))["chat_comparisons_comparisons"].texts()[2:]
    }
    assert body["On the upper quartile"][5] == "= In range"
    assert body["Three councils"][5] == ""
    assert body["Without a published figure"][5] == "✘ Higher"  # low is good: higher is the poor side
    assert body["Without a published figure"][1] == ""  # nothing to travel from


def test_a_fourth_council_gives_the_middle_50_percent():
    values = pd.Series([25.0, 12.0, 30.0])
    lower, upper = pd.Series([12.0, 12.0, 12.0]), pd.Series([25.0, 25.0, 25.0])
    assert range_position(values, lower, upper).tolist() == ["in range", "in range", "higher"]
    assert range_position(pd.Series([11.9]), pd.Series([12.0]), pd.Series([25.0])).tolist() == ["lower"]


@pytest.mark.parametrize(("june", "july", "printed"), [(60.0, 52.0, True), (52.0, 60.0, False), (52.0, 52.0, False)])
def test_a_sentence_saying_a_decline_is_printed_only_when_the_data_declines(tmp_path, june, july, printed):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Dashboard"
    sheet.append(["ID", "Indicator", "Group", "Unit", "Good is", "Period", "Value"])
    sheet.append(["OWN-01", "Carers with control", "Outcomes", "%", "High", "June 2023", june])
    sheet.append(["OWN-01", "Carers with control", "Outcomes", "%", "High", "July 2023", july])
    path = tmp_path / "rising_or_falling.xlsx"
    book.save(path)
    results = calculate_indicators(IndicatorReturns.of(frames_of(path)), load_catalogue())
    shipped = load_performance_text()
    words = (
        "Control was {own_01_value}. "
        "There has been a decline in control{own_01_if_worse}, from {own_01_previous}. "
        "Control improved{own_01_if_better}."
    )
    text = type(shipped)(shipped.document, shipped.tables, (Section("words", "Words", words),), source="test")
    document = performance_document(results, text=text)
    [paragraph] = [b for s in document.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert paragraph.text.startswith(f"Control was {july:.1f}%.")
    assert ("There has been a decline in control, from 60.0%." in paragraph.text) is printed
    assert ("Control improved." in paragraph.text) is (july > june)
    sentences = [what for what, _ in document.left_out if "“Words”" in what]
    assert not sentences  # a sentence the data does not bear out is not missing anything


def test_the_shipped_carers_text_states_no_direction_the_survey_cannot_show(tmp_path):
    """The survey has one year: the shipped sentence saying carers' control declined is not printed."""
    out = tmp_path / "appendix.pdf"
    assert main(["report", "performance", str(SAMPLE_DATA / "survey_2023-24.xlsx"), "--out", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "How much control carers feel they have over their daily life was 13.7%" in text
    assert "decline" not in text and "lonelier" not in text


def test_the_sample_appendix_prints_chats_key_and_comparisons(tmp_path):
    out = tmp_path / "appendix.pdf"
    paths = [str(SAMPLE_DATA / name) for name in ("childrens_performance_2023.xlsx", "benchmarks_2023.xlsx")]
    assert main(["report", "performance", *paths, "--out", str(out)]) == 0
    pages = PdfReader(out).pages
    lines = [
        " ".join(line.split()) for page in pages for line in page.extract_text(extraction_mode="layout").splitlines()
    ]
    assert "- No change, not RAG-rated" in lines
    assert any(line.startswith("= In range: within the middle 50% of all local authorities") for line in lines)
    assert any("611 ▼ Decrease 768 579 538 ✘ Higher 2021-22" in line for line in lines), lines


@pytest.mark.parametrize(("values", "flagged"), [([21.0] * 15, True), ([21.4] * 14 + [21.45], False)])
def test_a_group_average_its_members_do_not_give_is_a_proof_finding(tmp_path, values, flagged):
    """CIPFA's 15 nearest neighbours (resources/comparator_groups.toml): the published 21.4 against the mean of
    the group's members' values; a council not in the group is named and not counted, a `c` is no value."""
    book = openpyxl.Workbook()
    quartiles = book.active
    quartiles.title = "Quartiles"
    quartiles.append(["Theme", "Comparator", "Period", "Lower quartile", "Upper quartile", "Average"])
    quartiles.append(["Control (carers)", "SN", "2023-24", 19.5, 23.0, 21.4])
    members = book.create_sheet("Members")
    members.append(["Theme", "Comparator", "Period", "Authority", "Value"])
    for number, value in enumerate(values, start=1):
        members.append(["Control (carers)", "SN", "2023-24", f"Authority {number:02d}", value])
    members.append(["Control (carers)", "SN", "2023-24", "Elsewhere", 99.0])
    members.append(["Control (carers)", "SN", "2023-24", "Authority 16", "c"])
    path = tmp_path / "benchmarks.xlsx"
    book.save(path)
    found = return_disagreements([Importer().import_file(path)], pd.DataFrame())
    averages = [d for d in found if d.kind == "member_average"]
    assert bool(averages) is flagged
    if flagged:
        [finding] = averages
        assert (finding.sheet, finding.row, finding.column, finding.says, finding.computed) == (
            "Quartiles",
            2,
            "Average",
            "21.4",
            "21.0",
        )
        assert "the 15 of CIPFA nearest neighbours (adult social care)'s 15 members" in finding.message
        assert "not in the group, so not counted: Authority 16, Elsewhere" in finding.message


def test_the_shipped_comparator_groups_say_who_is_in_them_and_where_the_list_comes_from():
    groups = load_comparator_groups()
    children, adults = groups["dfe_statistical_neighbours"], groups["cipfa_nearest_neighbours"]
    assert (children.size, len(children.members), children.service) == (10, 10, "children")
    assert (adults.size, len(adults.members), adults.service) == (15, 15, "adults")
    assert all(group.source and group.date for group in groups.values())


def test_a_group_without_a_published_average_takes_its_members_mean(tmp_path):
    path = comparisons_workbook(tmp_path, members={"OWN": [50.0, 60.0, 70.0, 80.0]}, quartiles=[])
    book = openpyxl.load_workbook(path)
    book["ChAT comparisons"]["I4"] = None  # no England figure for OWN: the members' mean, 65, is England's
    book.save(path)
    table = calculate_indicators(IndicatorReturns.of(frames_of(path)), load_catalogue()).table.set_index("id")
    assert table.loc["OWN", "england"] == 65.0
    assert table.loc["OWN", "range_position"] == "in range"  # 70 between 57.5 and 72.5


def test_every_publishers_symbol_in_the_published_column_is_shown_as_published(tmp_path):
    """DfE's `c` (and `x`, `z`, `low`, ONS's `:` and `..`, `*`, `[c]`) where the LA's published figure would be:
    printed as published, never a zero; no direction of travel from it, no place against all councils."""
    symbols = ["c", "x", "z", ":", "*", "..", "[c]", "low"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ChAT comparisons"
    sheet.append(COMPARISON_HEADER)
    for number, symbol in enumerate(symbols, start=1):
        sheet.append([f"SYM-{number}", f"Measure {number}", "%", "Low", "July 2023", 5, symbol, 3, 2, "2021-22"])
    path = tmp_path / "symbols.xlsx"
    book.save(path)
    results = calculate_indicators(IndicatorReturns.of(frames_of(path)), load_catalogue())
    body = tables_of(performance_document(results))["chat_comparisons_comparisons"].texts()[2:]
    assert [row[3] for row in body] == symbols
    assert all(row[2] == "" and row[6] == "" for row in body)
