"""What the author reads in the window is in words, never the program's codes or field names."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401

CODES = {"not_upheld", "partially_upheld", "childrens_statutory", "cared_for", "adult_social_care"}


def shown_cells(model) -> set[str]:
    return {
        str(model.data(model.index(row, column)))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }


def test_the_rows_of_a_log_show_its_words_not_the_codes_they_are_read_as(make_window, qtbot):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    log = window.project.imports[0]
    assert window.returns_tab.select(log.id, log.sheets[0].sheet)
    cells = shown_cells(window.returns_tab.table_model)
    assert not cells & CODES
    assert {"Not upheld", "Partially upheld"} <= cells
    tip = window.returns_tab.tree.topLevelItem(0).toolTip(0)
    assert "imported " in tip and "T" not in tip.split("imported ")[1]  # a date and time as people write them


def test_live_figures_are_offered_in_words_and_inserted_as_the_figure(make_window, qtbot):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    offered = [tab.picker.itemText(index) for index in range(tab.picker.count())]
    assert offered and not [text for text in offered if "_" in text.split(":")[0]]
    assert any(text.startswith("Statutory stage 1 in time %: ") for text in offered)
    tab.picker.setEditText("statutory stage 1 in time %")  # typed, as the tooltip suggests
    tab.editor.clear()
    tab.insert_figure()
    assert tab.editor.toPlainText() == "{statutory_stage1_in_time_pct}"
    index = tab.picker.findData("statutory_stage1_in_time_pct")
    assert tab.picker.itemData(index, Qt.ItemDataRole.ToolTipRole) == "{statutory_stage1_in_time_pct}"
