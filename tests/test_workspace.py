"""The figures every editor reads: recalculated when their inputs change, and only then."""

import datetime as dt

import pytest

from desktop_app.excel.importer import import_files
from desktop_app.paths import SAMPLE_DATA
from desktop_app.project.model import Project
from desktop_app.workspace import Workspace

SAMPLES = ["complaints_log_2021-2023.xlsx", "childrens_performance_2023.xlsx", "population_2023.xlsx"]


@pytest.fixture(scope="module")
def imports():
    return import_files([str(SAMPLE_DATA / name) for name in SAMPLES])


@pytest.fixture
def workspace(imports):
    project = Project()
    project.imports = [project.make_import(found.result, found.path) for found in imports]
    return Workspace(project, as_of=dt.date(2023, 11, 1))


def stage1(summary):
    stages = summary.stages
    return stages[(stages["procedure"] == "childrens_statutory") & (stages["stage"] == "1")].iloc[0]


def test_a_stage_limit_set_for_the_report_changes_the_in_time_figure(workspace):
    before = workspace.complaints()
    assert round(stage1(before).in_time_pct) == 28
    assert workspace.complaints() is before  # nothing changed: nothing recalculated
    workspace.project.set_setting("limits", {"childrens_statutory": {"1": {"response": {"limit": 20}}}})
    after = workspace.complaints()
    assert after is not before and stage1(after).in_time_pct > stage1(before).in_time_pct
    assert workspace.rules().procedures["childrens_statutory"].stages["1"].response.limit == 20
    assert workspace.base_rules.procedures["childrens_statutory"].stages["1"].response.limit == 10


def test_the_period_setting_and_closure_days(workspace):
    assert workspace.period().start == dt.date(2022, 4, 1)
    workspace.project.set_setting("period", ["2021-04-01", "2022-03-31"])
    assert stage1(workspace.complaints()).received == 66
    workspace.project.set_setting("closure_days", ["2022-12-28"])
    assert workspace.rules().closure_days == (dt.date(2022, 12, 28),)


def test_the_authors_notes_lie_over_the_indicators_without_recalculating_them(workspace):
    calculated = workspace.calculated_indicators()
    row = lambda results: results.table.set_index("id").loc["CSC-T02"]  # noqa: E731 - the return's own id
    assert row(workspace.indicators())["status_source"] == "author"  # the return typed a status
    workspace.project.set_note("CSC-T02", "commentary", "Backlog cleared in August.")
    workspace.project.set_note("CSC-T02", "status", "2")
    noted = row(workspace.indicators())
    assert (noted["commentary"], noted["status"], noted["status_source"]) == (
        "Backlog cleared in August.",
        "2",
        "author",
    )
    assert workspace.calculated_indicators() is calculated
    assert row(calculated)["status"] == "3"  # the return's own status is kept underneath


def test_a_project_with_no_returns_has_no_figures():
    empty = Workspace(Project())
    assert empty.complaints() is None and empty.indicators() is None
