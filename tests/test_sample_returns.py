"""The bundled sample returns import as their README says, warts reported, published figures intact."""

import pytest

from desktop_app.domain.problems import Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.paths import SAMPLE_DATA

EXPECTED_SHEETS = {
    "childrens_performance_2023.xlsx": {
        "Dashboard": ReturnKind.INDICATORS,
        "ChAT": ReturnKind.INDICATORS,
        "ChAT comparisons": ReturnKind.INDICATORS,
    },
    "benchmarks_2023.xlsx": {"Quartiles": ReturnKind.BENCHMARK_QUARTILES, "Members": ReturnKind.BENCHMARK_MEMBERS},
    "survey_2023-24.xlsx": {
        "Carers SACE": ReturnKind.SURVEY,
        "ASCS": ReturnKind.SURVEY,
        "Reablement": ReturnKind.CROSS_TAB,
        "Reablement cards": ReturnKind.INDICATORS,
        "Safeguarding": ReturnKind.CROSS_TAB,
        "Audit": ReturnKind.CATEGORY_COUNTS,
    },
    "population_2023.xlsx": {"Population": ReturnKind.POPULATION},
    "monthly_series_2021-2024.xlsx": {
        "Monthly": ReturnKind.MONTHLY_SERIES,
        "Weekly": ReturnKind.WEEKLY_SERIES,
        "Open care plans": ReturnKind.CROSS_TAB,
    },
}


@pytest.fixture(scope="module")
def imported(rules, vocabulary):
    importer = Importer(rules, vocabulary)
    return {name: importer.import_file(SAMPLE_DATA / name) for name in EXPECTED_SHEETS}


@pytest.mark.parametrize("name", list(EXPECTED_SHEETS))
def test_every_sample_sheet_is_recognised_with_no_row_in_error(imported, name):
    result = imported[name]
    assert {s.sheet: s.kind for s in result.sheets} == EXPECTED_SHEETS[name]
    assert result.count(Severity.ERROR) == 0


def test_dashboard_warts_are_read(imported):
    dashboard = imported["childrens_performance_2023.xlsx"].frame(ReturnKind.INDICATORS)
    conversion = dashboard[(dashboard["id"] == "CSC-D03") & (dashboard["period"] == "June 2023")]
    assert conversion["value"].item() == 28.4  # typed as text "28.4" in the workbook
    assessments = dashboard[dashboard["name"] == "Assessments Completed within 45 Working Days - in last 12 Months (%)"]
    assert assessments.set_index("period")["value"].to_dict() == {"June 2023": 68.2, "July 2023": 66.5}
    assert set(assessments["sn"]) == {89.2}


def test_population_reproduces_the_counterfactual_base(imported):
    population = imported["population_2023.xlsx"].frame(ReturnKind.POPULATION)
    children = population[(population["age_band"] == "0-17") & (population["year"] == 2023)]["population"].item()
    assert (
        round(617 / children * 10_000) == 114 and round(90 * children / 10_000) == 487
    )  # seed 002: 617, 114, 90 -> 487
    assert imported["population_2023.xlsx"].problems[0].message == "a note, not data: not read"


def test_reablement_total_row_is_checked_not_read(imported):
    result = imported["survey_2023-24.xlsx"]
    reablement = next(s for s in result.sheets if s.sheet == "Reablement")
    clients = reablement.frame[reablement.frame["column_label"] == "Client #"].set_index("row_label")["count"]
    assert clients["Reablement (AREN)"] == 266 and "Total" not in clients.index
    warnings = [p for p in reablement.problems if p.severity is Severity.WARNING]
    assert [(p.row, p.cell) for p in warnings] == [(8, "B8"), (8, "D8")]  # ND Standard/Crisis break ND down


def test_audit_percentages_note_the_rounding(imported):
    audit = next(s for s in imported["survey_2023-24.xlsx"].sheets if s.sheet == "Audit")
    assert audit.frame[["category", "count", "percent"]].values.tolist() == [
        ["Good", 2, 14],
        ["RI", 10, 71],
        ["Inadequate", 2, 14],
    ]
    assert [p.message for p in audit.problems] == ["the percentages add up to 99, not 100, because each is rounded"]
