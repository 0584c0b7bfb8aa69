"""A second version of a log replaces the first; two logs that share complaints count each one once."""

import datetime as dt

import pytest

from desktop_app.domain.returns import ReturnKind
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures

D = dt.date


def rows(count, changed_outcome=None, start=1):
    made = []
    for number in range(start, start + count):
        outcome = "Not upheld" if number == changed_outcome else "Upheld"
        made.append([f"C{number}", "Corporate", "Stage 1", D(2022, 5, 3), D(2022, 5, 4), D(2022, 5, 11), "No", outcome])
    return made


HEADER = ["Ref", "Procedure", "Stage", "Date Received", "Date Acknowledged", "Date Responded", "Extension", "Outcome"]


@pytest.fixture
def two_versions(write_workbook):
    first = write_workbook(rows(20), header=HEADER, name="log April.xlsx")
    second = write_workbook(rows(20, changed_outcome=3) + rows(5, start=21), header=HEADER, name="log May.xlsx")
    return first, second


def received(window):
    stages = window.workspace.complaints().stages
    return int(stages.loc[stages["procedure"] == "corporate", "received"].sum())


def import_and_wait(window, qtbot, path):
    window.import_paths([path])
    wait_for_task(qtbot, window)


def test_a_new_version_of_a_log_replaces_the_old_and_says_what_changed(make_window, qtbot, answers, two_versions):
    shown, replies = answers
    replies["ask"] = "replace"
    window = make_window()
    import_and_wait(window, qtbot, two_versions[0])
    import_and_wait(window, qtbot, two_versions[1])

    asked = [box for box in shown if box[0] == "ask"]
    assert asked and "20 of the 25 complaints in log May.xlsx are already in log April.xlsx" in asked[0][2]
    assert [i.provenance.file for i in window.project.imports] == ["log May.xlsx"]
    assert received(window) == 25  # not 45
    [told] = [box for box in shown if box[1] == "What changed"]
    assert "log May.xlsx replaced log April.xlsx" in told[2] and "5 added" in told[2]

    window.undo_stack.undo()
    assert [i.provenance.file for i in window.project.imports] == ["log April.xlsx"]
    assert received(window) == 20


def test_two_logs_kept_side_by_side_count_a_shared_complaint_once(make_window, qtbot, answers, two_versions):
    shown, replies = answers
    replies["ask"] = "add"
    window = make_window()
    import_and_wait(window, qtbot, two_versions[0])
    import_and_wait(window, qtbot, two_versions[1])

    assert len(window.project.imports) == 2
    assert received(window) == 25
    second = window.project.imports[1]
    [sheet] = [s for s in second.sheets if s.kind is ReturnKind.COMPLAINTS_LOG]
    repeats = [p for p in sheet.problems if "the same complaint at the same stage as log April.xlsx" in p.message]
    assert len(repeats) == 20
    assert (repeats[0].row, repeats[0].value) == (4, "C1")
    assert "row 4: counted once, from that file" in repeats[0].message


def test_the_same_file_twice_is_not_added_again(make_window, qtbot, answers, two_versions):
    shown, _ = answers
    window = make_window()
    import_and_wait(window, qtbot, two_versions[0])
    import_and_wait(window, qtbot, two_versions[0])

    assert len(window.project.imports) == 1
    assert received(window) == 20
    assert any("is already in this report" in box[2] for box in shown if box[0] == "warn")


@pytest.fixture
def sample_open(make_window, qtbot):
    from desktop_app.paths import SAMPLE_DATA, SAMPLE_RETURNS

    window = make_window()
    window.open_sample([SAMPLE_DATA / name for name in SAMPLE_RETURNS])
    wait_for_task(qtbot, window)
    return window


def test_your_own_log_starts_a_report_of_its_own_instead_of_joining_the_sample(
    sample_open, qtbot, answers, two_versions
):
    shown, replies = answers
    replies["ask"] = "new"
    import_and_wait(sample_open, qtbot, two_versions[0])

    assert any(box[1] == "The sample returns are open" for box in shown)
    assert [i.provenance.file for i in sample_open.project.imports] == ["log April.xlsx"]
    assert received(sample_open) == 20  # not the sample's and yours summed


def test_your_files_join_the_sample_only_when_you_say_so(sample_open, qtbot, answers, two_versions):
    shown, replies = answers
    replies["ask"] = "add"
    before = len(sample_open.project.imports)
    import_and_wait(sample_open, qtbot, two_versions[0])

    assert len(sample_open.project.imports) == before + 1
