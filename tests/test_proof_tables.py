"""The proof of the returns' tables: figures of the returns that other figures of the returns contradict.

The sample returns reproduce seed 002's published tables, slips and all (sample_data/README.md), so the proof
of the sample finds exactly those slips; a copy of the sample with them put right finds nothing. The other
slips are reproduced in real workbooks the tests write."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.domain.return_checks import RETURN_CHECKS_FILE, load_return_checks
from desktop_app.paths import SAMPLE_DATA
from tests.test_proof import of_kind, proof, serious
from tests.test_report_performance import RETURNS

PERFORMANCE = "childrens_performance_2023.xlsx"
SERIES = "monthly_series_2021-2024.xlsx"
#: The slips of seed 002's tables the sample reproduces: (kind, sheet, row, column, says, computed).
SEED_SLIPS = [
    ("comparator_conflict", "ChAT", 24, "Statistical Neighbours", "50", "63.5"),  # CP per 10k
    ("comparator_conflict", "ChAT", 26, "Statistical Neighbours", "90", "89"),  # cared for per 10k
    ("comparator_conflict", "ChAT", 40, "Statistical Neighbours", "52", "50"),  # care leavers in EET
    ("arrow", "Dashboard", 51, "DoT (as published)", "▲", "same"),  # 26.5 to 26.5
    ("arrow", "Dashboard", 67, "DoT (as published)", "▼", "none"),  # NA to 7.74%
    ("rate", "ChAT", 18, "Value", "25.0", "24.3"),  # 171 (25%) of 703
    ("rate", "Dashboard", 12, "Value", "28.4", "28.1"),  # contacts to referrals: 3,943 of 14,014
    ("rate", "Dashboard", 13, "Value", "27.0", "26.8"),  # 3,808 of 14,213
    ("points_as_percent", "ChAT", 30, "Commentary", "13% increase", "13 percentage points"),  # dental, 62 to 75
    ("points_as_percent", "ChAT", 32, "Commentary", "6% increase", "6 percentage points"),  # health, 88 to 94
]


def returns_proof(capsys, *replacing: Path, text: Path | None = None) -> tuple[int, list[dict]]:
    """`proof performance` of the sample returns, each of `replacing` in place of the sample file of its name."""
    given = {path.name: path for path in replacing}
    files = [str(given.pop(name, SAMPLE_DATA / name)) for name in RETURNS]
    return proof(capsys, "performance", *files, *map(str, given.values()), *(["--text", str(text)] if text else []))


def sample_copy(tmp_path: Path, name: str) -> tuple[Path, openpyxl.Workbook]:
    path = tmp_path / name
    shutil.copy(SAMPLE_DATA / name, path)
    return path, openpyxl.load_workbook(path)


def table_slips(findings: list[dict]) -> list[tuple]:
    kinds = {"comparator_conflict", "period_conflict", "arrow", "rate", "period_total", "row_arithmetic"}
    kinds |= {"points_as_percent", "percent_as_points", "change"}
    return [
        (f["kind"], f["where"]["sheet"], f["where"]["row"], f["where"]["column"], f["says"], f["computed"])
        for f in findings
        if f["kind"] in kinds | {"published_ratio"}
    ]


def test_the_sample_returns_give_the_slips_of_the_tables_they_reproduce(capsys):
    status, findings = returns_proof(capsys)
    assert status == 1
    assert sorted(table_slips(findings)) == sorted(SEED_SLIPS)
    assert {f["kind"] for f in serious(findings)} == {"comparator_conflict", "arrow", "rate", "points_as_percent"}
    [cp] = [f for f in findings if f["where"]["row"] == 24]
    assert cp["where"]["file"] == PERFORMANCE and cp["severity"] == "warning"
    assert (
        "CP per 10k (sheet 'ChAT', row 24) gives the statistical neighbours' value as 50, but Child Protection"
        in (cp["message"])
    )
    [rate] = [f for f in findings if f["where"]["row"] == 12]
    assert "3,943 over MASH Contact Starts in last 12 Months (Nos) 14,014 gives 28.1" in rate["message"]
    [dental] = [f for f in findings if f["where"]["row"] == 30]
    assert dental["message"] == (
        f"{PERFORMANCE}: Cared for dental checks (July 2023, sheet 'ChAT', row 30): the commentary says “13% increase”, "
        "but 62 to 75 is a change of 13 percentage points, which is 21% of what it was: write 13 percentage points."
    )


def test_the_sample_with_its_slips_put_right_gives_nothing_at_warning(capsys, tmp_path):
    """Clean work: the same returns with seed 002's slips corrected. Rounding alone (SN 207.5 beside 207, 579.3
    beside 579) is no slip, nor are the Reablement sheet's hours per person (3,719.00 / 266 = 13.98), nor the
    commentary's relative changes ("13% decrease" for 426 to 371) and what-ifs ("would need to be a reduction
    of 30%")."""
    path, book = sample_copy(tmp_path, PERFORMANCE)
    chat, dashboard = book["ChAT"], book["Dashboard"]
    for row, sn in ((23, 63.5), (24, 63.5), (25, 89), (26, 89), (39, 50), (40, 50)):
        chat.cell(row, 9).value = sn
    chat.cell(18, 6).value = 24.3
    dashboard.cell(51, 12).value = "-"
    dashboard.cell(67, 12).value = None
    dashboard.cell(12, 7).value, dashboard.cell(13, 7).value = 28.1, 26.8
    chat.cell(30, 10).value = "13 percentage point increase"
    chat.cell(32, 10).value = "An increase of 7%"
    book.save(path)
    status, findings = returns_proof(capsys, path)
    assert table_slips(findings) == []
    assert status == 0 and serious(findings) == []


def test_a_variance_that_is_not_forecast_less_budget(capsys, tmp_path, write_workbook):
    """Seed 002: forecast 85.042 less budget 80.081 is 4.961, but the variance is printed as £4.791m."""
    header = ("", "Budget £m", "Forecast Outturn £m", "Variance £m", "Variance to June £m")
    rows = [
        ("Children's Social Care", 80.081, 85.042, 4.791, -0.170),
        ("Adult Social Care", 120.5, 119.25, -1.25, 0.1),  # an underspend, right
        ("Education Excellence", 20.0, 21.5, -1.5, 0.0),  # budget less forecast: the council's convention, right
    ]
    path = write_workbook(
        rows, header, (("Budget position as reported to September Cabinet",), ()), "Budget", "budget.xlsx"
    )
    status, findings = returns_proof(capsys, path)
    [finding] = of_kind(findings, "row_arithmetic")
    assert finding["severity"] == "error"
    assert finding["where"] == {
        "section": None,
        "file": "budget.xlsx",
        "sheet": "Budget",
        "row": 4,
        "column": "Variance £m",
    }
    assert (finding["says"], finding["computed"]) == ("4.791", "4.961")
    assert finding["message"] == (
        "budget.xlsx: Children's Social Care (sheet 'Budget', row 4): Variance £m is 4.791, but Forecast Outturn £m "
        "85.042 less Budget £m 80.081 is 4.961: correct it."
    )
    command = ["report", "performance", *(str(SAMPLE_DATA / n) for n in RETURNS), str(path)]
    assert main([*command, "--out", str(tmp_path / "appendix.pdf"), "--strict"]) == 1
    assert "so appendix.pdf was not written (--strict)" in capsys.readouterr().err


def test_an_average_weekly_cost_its_total_and_clients_do_not_give(capsys, tmp_path):
    """Seed 000: an Average Weekly Cost of £564 where £2,703,204 for 4,769 clients is £566.83."""
    path, book = sample_copy(tmp_path, SERIES)
    book["Weekly"].append(["ASC-AVERAGE-WEEKLY-COST", dt.datetime(2024, 11, 22), 566.83, "as published"])
    book["Weekly"].append(["ASC-AVERAGE-WEEKLY-COST", dt.datetime(2024, 11, 29), 564, "as published"])
    published_row = book["Weekly"].max_row  # below the sample's own weekly series
    book.save(path)
    status, findings = returns_proof(capsys, path)
    [finding] = of_kind(findings, "published_ratio")
    assert status == 1 and finding["severity"] == "error"
    assert (finding["says"], finding["computed"]) == ("£564", "£566.83")
    assert finding["where"]["sheet"] == "Weekly" and finding["where"]["row"] == published_row
    assert "its own ASC-W01 £2,703,204 over ASC-W02 4,769 is £566.83" in finding["message"]


def test_six_months_of_contacts_against_the_monthly_series(capsys, tmp_path, write_workbook):
    """Seed 002: an average of 1,251 contacts a month for six months makes 7,506 (the monthly series: February to
    July 2023), but the ChAT data pack gave 5,601 contacts in the last 6 months."""
    header = ("ID", "Indicator", "Unit", "Period", "Value")
    rows = [
        ("HF-01", "Contacts in the last 6 months", "Nos", "July 2023", 5601),
        ("HF-02", "Average contacts a month in the last 6 months", "Nos", "July 2023", 1251),
        ("HF-03", "Referrals in the last 6 months", "Nos", "July 2023", 1653),  # right
    ]
    path = write_workbook(rows, header, (("Headline figures",),), "Headlines", "headlines.xlsx")
    _, findings = returns_proof(capsys, path)
    [finding] = of_kind(findings, "period_total")
    assert finding["where"]["row"] == 3 and (finding["says"], finding["computed"]) == ("5,601", "7,506")
    assert "gives 7,506 for February 2023 to July 2023 (1,251 a month on average)" in finding["message"]


def test_an_average_a_month_against_a_total_for_the_same_months_without_the_series(capsys, tmp_path, write_workbook):
    header = ("ID", "Indicator", "Unit", "Period", "Value")
    rows = [
        ("HF-02", "Average contacts a month in the last 6 months", "Nos", "July 2023", 1251),
        ("HF-01", "Contacts in the last 6 months", "Nos", "July 2023", 5601),
    ]
    path = write_workbook(rows, header, (("Headline figures",),), "Headlines", "headlines.xlsx")
    series = tmp_path / "no_series.xlsx"  # the weekly sheet only: no monthly series of contacts
    book = openpyxl.load_workbook(SAMPLE_DATA / SERIES)
    del book["Monthly"]
    book.save(series)
    files = [str(SAMPLE_DATA / PERFORMANCE), str(series), str(path)]
    _, findings = proof(capsys, "performance", *files)
    [finding] = of_kind(findings, "period_total")
    assert (finding["where"]["row"], finding["says"], finding["computed"]) == (3, "1,251", "934")  # 5,601 / 6
    assert finding["message"].startswith(
        "headlines.xlsx: Average contacts a month in the last 6 months (sheet 'Headlines', row 3) makes 7,506 for "
        "February 2023 to July 2023, but Contacts in the last 6 months (sheet 'Headlines', row 4), 5,601, makes 5,601"
    )


@pytest.mark.parametrize(
    ("commentary", "kind", "computed"),
    [
        ("6% increase", "points_as_percent", "6 percentage points"),  # seed 002: 88% to 94%
        ("An increase of 6.8 percentage points", "percent_as_points", "6 percentage points"),
        ("5% increase", "change", "6 percentage points (7% of what it was)"),
        ("A 6% decrease", "change", "up"),
        ("An increase of 6.8%", None, None),
        ("6 points up on January", None, None),
        ("Up by approx. 6%, and the target would need a rise of 20%", None, None),
    ],
)
def test_a_change_the_commentary_writes_against_the_values_beside_it(
    capsys, tmp_path, write_workbook, commentary, kind, computed
):
    header = ("ID", "Indicator", "Unit", "Period", "Value", "Commentary")
    rows = [
        ("HA-01", "Annual health assessments", "%", "January 2023", 88, None),
        ("HA-01", "Annual health assessments", "%", "July 2023", 94, commentary),
        ("HA-02", "Children in need per 10,000", "rate per 10,000 children", "January 2023", 426, None),
        ("HA-02", "Children in need per 10,000", "rate per 10,000 children", "July 2023", 371, "13% decrease"),
    ]
    path = write_workbook(rows, header, (("Health of cared for children",),), "Health", "health.xlsx")
    _, findings = proof(capsys, "performance", str(path))
    slips = [f for f in findings if f["where"]["column"] == "Commentary"]
    assert [(f["kind"], f["where"]["row"], f["computed"]) for f in slips] == ([(kind, 4, computed)] if kind else [])


def test_one_indicator_with_two_values_for_one_period(capsys, tmp_path, write_workbook):
    header = ("ID", "Indicator", "Unit", "Period", "Value")
    rows = [("CSC-D10", "Child Protection Plans - Currently Open (Nos)", "Nos", "July 2023", 342)]
    path = write_workbook(rows, header, (("Summary for the Board",),), "Summary", "summary.xlsx")
    _, findings = returns_proof(capsys, path)
    [finding] = of_kind(findings, "period_conflict")
    assert (finding["where"]["file"], finding["says"], finding["computed"]) == ("summary.xlsx", "342", "324")


def test_a_mistake_in_the_tables_relations_is_named(tmp_path):
    path = tmp_path / "proof_tables.toml"
    path.write_text(RETURN_CHECKS_FILE.read_text(encoding="utf-8").replace('how = "ratio"', 'how = "share"'))
    with pytest.raises(ResourceFileError, match=r"proof_tables.toml: \[\[columns\]\] number 2: how must be one of"):
        load_return_checks(path)
    path.write_text(RETURN_CHECKS_FILE.read_text(encoding="utf-8").replace("\nhedges = [", "\nhedge = ["))
    with pytest.raises(ResourceFileError, match=r"proof_tables.toml: \[commentary\] hedges must be a list of words"):
        load_return_checks(path)
    path.write_text(RETURN_CHECKS_FILE.read_text(encoding="utf-8") + '\n[arrows]\nup = ["^"]\n')
    with pytest.raises(ResourceFileError, match=r"proof_tables.toml: \[arrows\] is no longer read here: .*returns_voc"):
        load_return_checks(path)
