"""Removing a return takes its problems with it, wherever the window showed them."""

from __future__ import annotations

from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures


def bad_log(write_workbook):
    rows = [
        ["C1", "Corporate", 1, "01/05/2022", None, "next Tuesday", "No", "Upheld", "Roads", "Resident"],
        ["C2", "Corporate", 1, "02/05/2022", None, "10/05/2022", "No", "Founded", "Roads", "Resident"],
        ["C3", "Corporate", 1, None, None, "10/05/2022", "No", "Upheld", "Roads", "Resident"],  # no date received
    ]
    return write_workbook(rows, name="bad_log.xlsx")


def test_after_removing_a_return_its_problems_are_gone(make_window, qtbot, write_workbook):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG, bad_log(write_workbook)])
    wait_for_task(qtbot, window)
    tab = window.returns_tab
    bad = next(i for i in window.project.imports if i.provenance.file == "bad_log.xlsx")
    assert tab.select(bad.id, bad.sheets[0].sheet)
    assert any("next Tuesday" in p.value for p in tab.problems_model.problems)
    tab.remove_button.click()
    assert [i.provenance.file for i in window.project.imports] == [SAMPLE_COMPLAINTS_LOG.name]
    assert not any("next Tuesday" in p.value for p in tab.problems_model.problems)
    shown = [p.value for p in tab.problems_model.problems]
    window.undo_stack.undo()
    assert len(window.project.imports) == 2
    window.undo_stack.redo()
    assert [p.value for p in tab.problems_model.problems] == shown
