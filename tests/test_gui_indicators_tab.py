"""The Indicators tab on the sample returns, driven as a user would: read, edit, undo, select, chart."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.gui.indicator_chart import trend
from desktop_app.gui.indicators_model import (
    ACTION,
    COMMENTARY,
    CURRENT,
    DIRECTION,
    ENGLAND,
    GROUP,
    JUDGEMENT,
    METRIC,
    NW,
    PREVIOUS,
    SN,
    STATUS,
    IndicatorsModel,
)
from desktop_app.gui.indicators_tab import IndicatorsTab
from desktop_app.gui.main_window import MainWindow
from desktop_app.paths import SAMPLE_DATA
from desktop_app.workspace import Workspace
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures

RETURNS = [
    "childrens_performance_2023.xlsx",
    "benchmarks_2023.xlsx",
    "survey_2023-24.xlsx",
    "population_2023.xlsx",
    "monthly_series_2021-2024.xlsx",
]
ASSESSMENTS = "Assessments Completed within 45 Working Days - in last 12 Months (%)"


@pytest.fixture
def tab(make_window, qtbot) -> IndicatorsTab:
    """The window with the sample returns imported, its Indicators tab open."""
    window: MainWindow = make_window()
    window.resize(1600, 1000)
    indicators = IndicatorsTab(window)
    window.tabs.addTab(indicators, "&Indicators")
    window.tabs.setCurrentWidget(indicators)
    window.import_paths([SAMPLE_DATA / name for name in RETURNS])
    wait_for_task(qtbot, window)
    return indicators


def row_named(model: IndicatorsModel, name: str) -> int:
    [row] = [r for r in range(model.rowCount()) if model.index(r, METRIC).data() == name]
    return row


def row_of(model: IndicatorsModel, indicator: str) -> int:
    return model.row_of(indicator)


def cells(model: IndicatorsModel, row: int, *columns: int) -> tuple:
    return tuple(model.index(row, column).data() for column in columns)


def noted(tab: IndicatorsTab, indicator: str) -> dict:
    table = tab.session.workspace.indicators().table
    return table[table["id"].eq(indicator)].iloc[0].to_dict()


def test_the_dashboard_grouped_as_the_appendix(tab, qtmodeltester, tmp_path):
    model, table = tab.model, tab.table
    qtmodeltester.check(model)
    row = row_named(model, ASSESSMENTS)
    assert cells(model, row, STATUS, PREVIOUS, CURRENT, SN, DIRECTION, JUDGEMENT) == (
        "3",
        "68.2%",
        "66.5%",
        "89.2%",
        "▼",
        "worse",
    )
    assert model.data(model.index(row, JUDGEMENT), Qt.ItemDataRole.ForegroundRole).color().name() == "#b00000"
    assert model.headerData(PREVIOUS, Qt.Orientation.Horizontal) == "Previous\n(June 2023)"
    assert model.headerData(CURRENT, Qt.Orientation.Horizontal) == "Current\n(July 2023)"
    # under its group: one cell spanning the group's rows, the groups in the appendix's order
    groups = [(model.index(first, GROUP).data(), first, count) for first, count in model.spans()]
    assert [g for g, _, _ in groups][:5] == ["Demand", "Timeliness", "Effectiveness", "Management", "Outcomes"]
    [(first, count)] = [(f, c) for g, f, c in groups if g == "Timeliness"]
    assert first <= row < first + count and table.rowSpan(first, GROUP) == count
    assert {model.index(r, GROUP).data() for r in range(first, first + count)} == {"Timeliness"}
    # a row from another period shows its own under the figure
    chat = row_of(model, "CHAT-10")
    assert cells(model, chat, PREVIOUS, CURRENT) == ("426.0\nJanuary 2023", "371.0")
    assert table.accessibleName() == "Indicators" and tab.chart.plot.accessibleName()
    tab.window().grab().save(str(tmp_path / "indicators-tab.png"))


def test_survey_rows_show_the_published_quartile_marks(tab, tmp_path):
    model = tab.model
    control = row_of(model, "SACE-CONTROL")
    assert cells(model, control, CURRENT, SN, NW, ENGLAND) == ("13.7%\n(no period)", "✘ 21.4%", "✘ 21.0%", "✘ 21.5%")
    assert model.data(model.index(control, SN), Qt.ItemDataRole.AccessibleTextRole) == "21.4%, bottom quartile"
    satisfaction = row_of(model, "SACE-SATISFACTION")
    assert cells(model, satisfaction, SN, NW, ENGLAND) == ("▬ 69.5%", "▬ 66.8%", "▬ 67.1%")
    loneliness = row_of(model, "SACE-LONELINESS")  # good is low: a higher value than theirs is the bottom quartile
    assert cells(model, loneliness, CURRENT, SN) == ("19.9%\n(no period)", "✘ 13.4%")
    information = row_of(model, "SACE-INFORMATION")
    assert cells(model, information, SN, ENGLAND) == ("✘ 63.1%", "▬ 59.0%")
    assert "bottom quartile (✘)" in model.data(model.index(control, SN), Qt.ItemDataRole.ToolTipRole)
    tab.select("SACE-CONTROL")
    assert tab.chart.lines["sn"].isVisible() and tab.chart.lines["sn"].value() == pytest.approx(21.4)
    assert list(tab.chart.values_item.getData()[1]) == [pytest.approx(13.7)]
    tab.window().grab().save(str(tmp_path / "survey.png"))


def test_edit_a_commentary_then_undo_and_redo(tab):
    window, model = tab.session, tab.model
    row = row_named(model, ASSESSMENTS)
    index = model.index(row, COMMENTARY)
    old = index.data()
    assert old == "SEE ANALYSIS IN SUMMARY SECTION OF REPORT"  # the return's own words
    assert model.setData(index, "Down again: see the analysis of the Assessment Service.\nQA in August.")
    assert (
        noted(tab, "CSC-T02")["commentary"] == "Down again: see the analysis of the Assessment Service.\nQA in August."
    )
    assert index.data() == "Down again: see the analysis of the Assessment Service.\nQA in August."
    assert "Written in this report" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert (
        window.isWindowModified()
        and window.undo_action.text() == "&Undo Edit the commentary of “Assessments Completed within 45 Working Days…”"
    )
    assert not model.setData(index, index.data())  # an editor closed unchanged is no edit
    assert window.undo_stack.count() == 2  # the import and the commentary

    window.undo_action.trigger()
    assert noted(tab, "CSC-T02")["commentary"] == old and index.data() == old
    assert window.project.indicator_notes == {}
    window.redo_action.trigger()
    assert index.data().startswith("Down again")

    model.setData(index, old)  # back to the return's words: no note is kept for them
    assert window.project.indicator_notes == {} and index.data() == old
    action = model.index(row, ACTION)
    model.setData(action, "Focused QA of NFA assessments")
    assert noted(tab, "CSC-T02")["action"] == "Focused QA of NFA assessments"


def test_edit_in_place_with_the_keyboard(tab, qtbot, tmp_path):
    table, model = tab.table, tab.model
    row = row_named(model, ASSESSMENTS)
    table.setFocus()
    table.setCurrentIndex(model.index(row, COMMENTARY))
    qtbot.keyClick(table, Qt.Key.Key_Enter)  # Enter edits, as F2 does
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit) and editor.toPlainText() == "SEE ANALYSIS IN SUMMARY SECTION OF REPORT"
    editor.selectAll()
    qtbot.keyClicks(editor, "First line")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not the end
    qtbot.keyClicks(editor, "second line")
    tab.window().grab().save(str(tmp_path / "editing.png"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert table.state() != QAbstractItemView.State.EditingState
    assert noted(tab, "CSC-T02")["commentary"] == "First line\nsecond line"

    table.setCurrentIndex(model.index(row, ACTION))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Not kept")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Esc cancels
    assert noted(tab, "CSC-T02")["action"] is None

    table.setCurrentIndex(model.index(row, CURRENT))
    qtbot.keyClick(table, Qt.Key.Key_Enter)  # a figure is not edited
    assert table.state() != QAbstractItemView.State.EditingState
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == row + 1 and tab.current_indicator() == model.indicator_id(row + 1)


def test_an_authors_status_is_shown_and_can_be_reset(tab, tmp_path):
    window, model = tab.session, tab.model
    row = row_named(model, ASSESSMENTS)
    tab.select("CSC-T02")
    status = model.index(row, STATUS)
    assert status.data() == "3" and not tab.reset_button.isEnabled()
    assert "As the author typed it in the return (Dashboard row 39)" in status.data(Qt.ItemDataRole.ToolTipRole)

    assert model.setData(status, "2")
    assert status.data() == "2 ✎" and status.data(Qt.ItemDataRole.FontRole).bold()
    assert "Set by the author in this report" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert (
        noted(tab, "CSC-T02")["status"],
        noted(tab, "CSC-T02")["status_source"],
    ) == ("2", "author")
    assert tab.reset_button.isEnabled() and tab.reset_button.text() == "Use the return's status"
    tab.window().grab().save(str(tmp_path / "author-status.png"))

    tab.reset_button.click()
    assert status.data() == "3" and window.project.indicator_notes == {} and not tab.reset_button.isEnabled()
    window.undo_action.trigger()
    assert status.data() == "2 ✎"

    # a status the rule gave, set from the context menu and reset from it
    rule_row = row_of(model, "CHAT-10")
    assert model.index(rule_row, STATUS).data() == "1"
    assert "status rule" in model.index(rule_row, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    menu = tab.context_menu(model.index(rule_row, METRIC))
    [set_status] = [a.menu() for a in menu.actions() if a.text() == "Set status"]
    [three] = [a for a in set_status.actions() if a.text().startswith("3:")]
    three.trigger()
    assert model.index(rule_row, STATUS).data() == "3 ✎"
    menu = tab.context_menu(model.index(rule_row, METRIC))
    [reset] = [a for a in menu.actions() if a.text() == "Use the rule's status"]
    assert reset.isEnabled()
    reset.trigger()
    assert model.index(rule_row, STATUS).data() == "1" and noted(tab, "CHAT-10")["status_source"] == "rule"


def test_selecting_an_indicator_draws_its_trend_and_lists_its_rows(tab, tmp_path):
    tab.select("CSC-T02")
    history = tab.session.workspace.indicators().history
    rows = history[history["id"].eq("CSC-T02")]
    drawn = rows.dropna(subset=["value"])  # from the first 12-month figure (July 2022) to the latest
    x, y = tab.chart.values_item.getData()
    assert list(y) == pytest.approx(list(drawn["value"])) and len(x) == 13
    assert y[-2:] == pytest.approx([68.2, 66.5])
    assert tab.chart.lines["sn"].isVisible() and tab.chart.lines["sn"].value() == pytest.approx(89.2)
    assert not tab.chart.lines["target"].isVisible() and not tab.chart.lines["nw"].isVisible()
    assert tab.chart.trend.rolled and "rolling 12-month figures" in tab.chart.caption.text()

    provenance = tab.provenance_model.frame
    assert len(provenance) == len(rows)
    assert provenance.iloc[0][["period", "value", "file", "worksheet", "row"]].tolist() == [
        "July 2023",
        "66.5%",
        "childrens_performance_2023.xlsx",
        "Dashboard",
        39,
    ]
    may = provenance[provenance["period"].eq("May 2023")].iloc[0]
    assert may[["value", "numerator", "denominator", "file", "worksheet", "row"]].tolist() == [
        "69.8%",
        "3,383",
        "4,846",
        "monthly_series_2021-2024.xlsx",
        "Monthly",
        72,
    ]
    headers = [
        tab.provenance_model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.provenance_model.columnCount())
    ]
    assert headers == ["Period", "Value", "Numerator", "Denominator", "File", "Worksheet", "Excel row"]
    assert not tab.checks.isVisible()  # the ChAT's assessments row (CHAT-04) is an indicator of its own, not a repeat
    assert "(CSC-T02, catalogue entry CSC-ASSESSMENTS-45-DAYS)" in tab.provenance_caption.text()
    tab.window().grab().save(str(tmp_path / "trend.png"))
    tab.select("CSC-M04")  # the vacancy rate: no figure in the return
    assert tab.checks.isVisible() and "Dashboard row 63: no value" in tab.checks.text()

    tab.select("CSC-D01")  # another indicator: another chart
    assert tab.chart.values_item.getData()[1][-2:] == pytest.approx([14014, 14213])


def test_an_indicator_with_a_catalogue_target_draws_it_as_a_line(tab, tmp_path):
    tab.select("ASC-M11")  # seed 000's annual reviews: the sample gives no target, the catalogue's is 65%
    x, y = tab.chart.values_item.getData()
    assert len(y) == 24 and y[-1] == pytest.approx(57.0, abs=0.05)
    assert tab.chart.lines["target"].isVisible() and tab.chart.lines["target"].value() == pytest.approx(65.0)
    assert "target 65.0%" in tab.chart.caption.text()
    tab.window().grab().save(str(tmp_path / "target.png"))
    tab.select("ASC-M05")  # a waiting list at month end: no target, none drawn
    assert not tab.chart.lines["target"].isVisible()


def test_a_month_end_share_draws_no_12_month_average_and_a_month_end_count_does(tab, tmp_path):
    tab.select("ASC-M11")  # the share of long-term clients reviewed: an average of shares is no share at all
    assert tab.chart.trend.average is None and len(tab.chart.average_item.getData()[1] or ()) == 0
    assert "12-month average" not in tab.chart.caption.text()
    tab.select("ASC-M05")  # people waiting at month end: a count, averaged over the 12 months
    x, average = tab.chart.average_item.getData()
    assert tab.chart.trend.average is not None and len(average) == 24
    assert average[-1] == pytest.approx(sum((571, 602, 618, 597, 570, 552, 538, 544, 529, 511, 503, 496)) / 12)
    tab.window().grab().save(str(tmp_path / "average.png"))


def test_a_chart_of_counts_starts_its_axis_at_zero(tab):
    tab.select("CSC-D01")  # about 14,000 contacts a month: an axis from 13,000 would make 1% look like 50%
    low, high = tab.chart.plot.getPlotItem().viewRange()[1]
    assert low == 0 and high >= max(tab.chart.values_item.getData()[1])


def test_the_trend_of_monthly_counts_that_are_not_rolled_has_a_12_month_average():
    months = pd.date_range("2022-01-31", periods=26, freq="ME")
    values = [np.nan, np.nan, *range(1, 25)]
    history = pd.DataFrame(
        {
            "period": months.strftime("%B %Y"),
            "period_end": months,
            "value": values,
            "sheet": "Monthly",
            "row": range(3, 29),
        }
    )
    found = trend(history, unit="count")
    assert list(found.values) == list(range(1, 25)) and found.periods[0] == "March 2022"  # empty months trimmed
    assert np.isnan(found.average[:11]).all() and found.average[11] == pytest.approx(np.mean(range(1, 13)))
    assert found.average[-1] == pytest.approx(np.mean(range(13, 25)))
    assert trend(history, rolled=True, unit="count").average is None  # rolled: a 12-month line already
    assert trend(history, unit="percent").average is None  # a month-end share: its average is no share at all
    undated = trend(
        pd.DataFrame({"period": [None], "period_end": [pd.NaT], "value": [13.7], "sheet": ["S"], "row": [5]})
    )
    assert not undated.dated and undated.ticks == ("(no period given)",) and undated.sources == ("S row 5",)


def test_an_empty_project_and_a_failed_calculation_say_so(make_window, monkeypatch):
    window = make_window()
    tab = IndicatorsTab(window)
    window.tabs.addTab(tab, "&Indicators")
    window.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0 and tab.summary.text().startswith("No indicators yet")
    assert tab.chart.caption.text() == "Select an indicator to see its trend."

    def broken():
        raise ValueError("the catalogue is unreadable")

    monkeypatch.setattr(window.workspace, "calculated_indicators", broken)
    window.project_changed.emit()
    assert "could not be worked out from these returns: the catalogue is unreadable" in tab.summary.text()


def test_a_hidden_tab_catches_up_when_shown(tab):
    window = tab.session
    window.tabs.setCurrentIndex(0)
    row = row_named(tab.model, ASSESSMENTS)
    window.undo_action.trigger()  # the import undone while the tab is hidden
    assert tab._stale
    window.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0
    window.redo_action.trigger()
    assert tab.model.index(row, CURRENT).data() == "66.5%" and tab.current_indicator()


def test_an_edit_shows_in_the_table_and_survives_a_recalculation(tab):
    """Commentary typed shows in its cell at once, and a recalculation from scratch (as after an import) keeps
    the figures."""
    window, table, model = tab.session, tab.table, tab.model
    row = row_named(model, ASSESSMENTS)
    table.scrollTo(model.index(row, COMMENTARY))
    index = model.index(row, COMMENTARY)
    for number in range(3):
        model.setData(index, f"Commentary, draft {number}")
        table.viewport().repaint()
        assert index.data() == f"Commentary, draft {number}"
    window.workspace = Workspace(window.project)  # nothing cached: as after an import, all worked out afresh
    window.project_changed.emit()
    table.viewport().repaint()
    assert tab.model.index(row_named(model, ASSESSMENTS), CURRENT).data() == "66.5%"
    assert tab.model.index(row_named(model, ASSESSMENTS), COMMENTARY).data() == "Commentary, draft 2"


def test_every_control_is_named_and_the_menu_opens_from_the_keyboard(tab):
    views = [
        w
        for w in tab.findChildren(QWidget)
        if isinstance(w, (QAbstractItemView, QComboBox, QGraphicsView)) and not isinstance(w, QHeaderView)
    ]
    assert views and all(w.accessibleName() for w in views)
    assert all(b.text() and b.accessibleName() for b in tab.findChildren(QAbstractButton) if b.isVisibleTo(tab))
    assert "F2" in tab.model.headerData(COMMENTARY, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    row = row_named(tab.model, ASSESSMENTS)
    tab.table.setCurrentIndex(tab.model.index(row, CURRENT))
    menu_key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    tab.table.contextMenuEvent(menu_key)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == [
        "Edit commentary…",
        "Edit action…",
        "Edit status…",
        "Set status",
        "Use the return's status",
    ]
    menu.close()
    assert tab.current_indicator() == "CSC-T02"


def test_an_edited_commentary_reaches_the_exported_performance_report(make_window, qtbot, tmp_path):
    from pypdf import PdfReader

    from desktop_app.paths import SAMPLE_DATA

    window = make_window()
    window.import_paths(
        [
            SAMPLE_DATA / name
            for name in (
                "childrens_performance_2023.xlsx",
                "population_2023.xlsx",
                "monthly_series_2021-2024.xlsx",
                "survey_2023-24.xlsx",
                "benchmarks_2023.xlsx",
            )
        ]
    )
    wait_for_task(qtbot, window)
    indicator = "CSC-T02"
    window.edit(
        "Commentary",
        lambda text: window.project.set_note(indicator, "commentary", text),
        None,
        "Backlog of out-of-date assessments cleared in August",
    )
    out = tmp_path / "performance.pdf"
    window.export_performance_to(out)
    wait_for_task(qtbot, window)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Backlog of out-of-date assessments cleared in August" in text
