"""The Complaints tab on the sample log, driven as a user would: the appendix's tables, a limit changed and
undone, the cases behind a figure, the overdue list, the period, closure days and the charts."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.gui.complaints_tab import ComplaintsTab
from desktop_app.gui.complaints_tables import cases_behind, limits_after
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.report.model import Selection
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures

STATUTORY = "childrens_statutory"
AS_OF = dt.date(2023, 11, 1)


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    window.tabs.addTab(ComplaintsTab(window), "&Complaints")
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    window.workspace.as_of = AS_OF
    window.project_changed.emit()
    return window


@pytest.fixture
def tab(window) -> ComplaintsTab:
    tab = window.tabs.widget(window.tabs.count() - 1)
    window.tabs.setCurrentWidget(tab)
    return tab


def rows(view) -> list[list[str]]:
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def statutory(tab) -> list[list[str]]:
    return rows(tab.stage_tables[0].table)


def double_click(qtbot, view, row: int, column: int) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_the_tab_shows_the_appendix_tables_and_follows_a_limit_change_and_its_undo(window, tab, qtbot, tmp_path):
    assert statutory(tab)[0][:4] == ["CSC Statutory Complaints", "Total", "Response within timescale*", "Upheld"]
    assert statutory(tab)[1][:4] == ["Stage 1", "98", "28%", "29%"]
    assert statutory(tab)[4][:4] == ["Ombudsman", "6", "n/a", "n/a"]
    themes = rows(tab.themes_table.table)
    assert themes[-1] == ["TOTAL", "98", "28", "73", "13"]
    assert ["Decision Making", "19", "6", "10", "1"] in themes
    assert rows(tab.ombudsman_table.table)[-1] == ["Total", "6", "1"]  # the Ombudsman's decisions of each year
    qtbot.wait(50)  # the tables' heights settle in the event loop
    window.grab().save(str(tmp_path / "complaints-tab.png"))

    tab.side.setCurrentWidget(tab.settings_page)
    spin = tab.limits.spin(STATUTORY, "1")
    assert spin.value() == 10
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "20")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.project.settings["limits"] == {STATUTORY: {"1": {"response": {"limit": 20}}}}
    shown = statutory(tab)[1]
    assert shown[1] == "98" and shown[2] != "28%" and int(shown[2].rstrip("%")) > 28
    assert spin.font().bold()
    qtbot.wait(50)
    window.grab().save(str(tmp_path / "complaints-limits.png"))

    window.undo_stack.undo()
    assert statutory(tab)[1][2] == "28%" and spin.value() == 10 and "limits" not in window.project.settings


def test_double_clicking_a_figure_lists_the_cases_behind_it(window, tab, qtbot, tmp_path):
    view = tab.stage_tables[0].table
    double_click(qtbot, view, 1, 1)  # Stage 1, Total
    assert tab.side.currentWidget() is tab.cases
    frame = tab.cases.model.frame
    assert len(frame) == 98 and frame["Reference"].str.startswith("CSC/22/").all()
    assert tab.cases.caption.text().startswith("CSC Statutory Complaints, Stage 1 – Total: 98. 98 complaints")
    for column in ("Reference", "Received", "Responded", "Working days", "Due", "In time", "Overdue", "Source row"):
        assert column in frame
    qtbot.wait(50)
    window.grab().save(str(tmp_path / "complaints-cases.png"))

    double_click(qtbot, view, 1, 2)  # Response within timescale: the finalised cases, in time or not
    frame = tab.cases.model.frame
    assert len(frame) == 95 and frame["In time"].eq(True).sum() == 27
    assert "95 complaints received in 2022-23 and finalised; 27 answered in time." in tab.cases.caption.text()

    themes = tab.themes_table.table
    decision_making = next(r for r, row in enumerate(rows(themes)) if row[0] == "Decision Making")
    themes.setFocus()
    themes.setCurrentIndex(themes.model().index(decision_making, 2))  # statutory, number upheld
    qtbot.keyClick(themes, Qt.Key.Key_Return)  # the keyboard way
    assert len(tab.cases.model.frame) == 6 and set(tab.cases.model.frame["Theme"]) == {"Decision Making"}

    double_click(qtbot, view, 1, 4)  # last year's Stage 1 total
    assert len(tab.cases.model.frame) == 66 and "in 2021-22" in tab.cases.caption.text()


def test_the_overdue_open_complaints_are_listed_in_red(window, tab, qtbot, tmp_path):
    # the whole log's: the children's and corporate 4, and the 2 adults' complaints past their agreed dates
    assert tab.overdue_button.isVisible() and tab.overdue_button.text() == "6 open complaints overdue"
    tab.overdue_button.click()
    assert tab.side.currentWidget() is tab.overdue
    overdue = tab.overdue.model.frame
    assert set(overdue["Stage"]) == {"Stage 1"}  # the sample's overdue complaints are all at Stage 1
    statutory_stage1 = overdue[overdue["Procedure"] == "Statutory children's social care"]
    assert len(statutory_stage1) == 3
    assert list(overdue["Working days overdue"]) == sorted(overdue["Working days overdue"], reverse=True)
    assert all(days > 0 for days in overdue["Working days overdue"])
    assert len(overdue) == 6 and len(overdue[overdue["Procedure"] == "Adult social care"]) == 2
    assert "6 open complaints were past the due date on 1 November 2023" in tab.overdue.caption.text()
    assert tab.overdue.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().red() > 240
    qtbot.wait(50)
    window.grab().save(str(tmp_path / "complaints-overdue.png"))


def test_choosing_the_period(window, tab, qtbot):
    chooser = tab.period
    labels = [chooser.years.itemText(i) for i in range(chooser.years.count())]
    assert labels[0].startswith("2022-23") and labels[1].startswith("2021-22") and labels[-1] == "Custom dates"
    chooser.years.setFocus()
    qtbot.keyClick(chooser.years, Qt.Key.Key_Down)  # a closed combo box chooses the next item and activates it
    assert window.project.settings["period"] == ["2021-04-01", "2022-03-31"]
    assert statutory(tab)[1][1] == "66"
    assert len(statutory(tab)[0]) == 4  # no year before 2021-22 in the log: no last-year columns
    window.undo_stack.undo()
    assert statutory(tab)[1][1] == "98" and "period" not in window.project.settings

    chooser.start.setDate(chooser.start.date().fromString("2022-04-01", "yyyy-MM-dd"))
    chooser.end.setDate(chooser.end.date().fromString("2022-09-30", "yyyy-MM-dd"))
    chooser.apply_button.click()
    assert window.project.settings["period"] == ["2022-04-01", "2022-09-30"]
    assert chooser.years.currentText() == "Custom dates"
    assert int(statutory(tab)[1][1]) < 98
    assert "1 April 2022 to 30 September 2022" in tab.title.text()


def test_closure_days_and_resetting_the_limits(window, tab, qtbot):
    editor = tab.closure_days
    editor.new_day.setDate(editor.new_day.date().fromString("2022-12-28", "yyyy-MM-dd"))
    editor.add_button.click()
    assert window.project.settings["closure_days"] == ["2022-12-28"]
    assert window.workspace.rules().closure_days == (dt.date(2022, 12, 28),)
    assert editor.list.count() == 1 and "28 December 2022" in editor.list.item(0).text()
    editor.list.setCurrentRow(0)
    editor.remove_button.click()
    assert "closure_days" not in window.project.settings

    tab.limits.spin(STATUTORY, "2").setValue(30)
    assert tab.limits.reset_button.isEnabled()
    tab.limits.reset_button.click()
    assert "limits" not in window.project.settings and tab.limits.spin(STATUTORY, "2").value() == 25


def test_every_widget_has_an_accessible_name_and_the_tables_pass_the_model_tester(window, tab, qtmodeltester):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QHeaderView

    unnamed = [
        w
        for w in tab.findChildren(QWidget)
        if isinstance(w, (QAbstractItemView, QAbstractSpinBox, QComboBox))
        and not isinstance(w, QHeaderView)
        and not w.accessibleName()
        and w.isVisibleTo(tab)
    ]
    assert unnamed == []
    buttons = [w for w in tab.findChildren(QAbstractButton) if w.isVisibleTo(tab)]
    assert all(b.text() or b.accessibleName() for b in buttons if not isinstance(b.parent(), QAbstractItemView))
    for slot in (*tab.stage_tables, tab.themes_table, tab.ombudsman_table):
        qtmodeltester.check(slot.table.model())
    qtmodeltester.check(tab.cases.model)
    view = tab.stage_tables[0].table
    assert (
        view.model().index(1, 2).data(Qt.ItemDataRole.AccessibleTextRole) == "Stage 1, Response within timescale*: 28%"
    )
    themes = tab.themes_table.table.model()
    assert (
        themes.index(2, 3).data(Qt.ItemDataRole.AccessibleTextRole)
        == "Decision Making, Corporate Children's Complaints, Number received: 10"
    )


def test_the_charts_show_the_period(window, tab, qtbot, tmp_path):
    tab.side.setCurrentWidget(tab.charts)
    qtbot.wait(50)
    description = tab.charts.in_time.accessibleDescription()
    assert "Apr 22" in description and "Mar 23" in description and "target 65%" in description
    assert "Statutory Stage 1: median 17, 90th percentile 32.6, limit 10" in tab.charts.days.accessibleDescription()
    tab.grab().save(str(tmp_path / "complaints-charts.png"))


def test_a_project_without_a_complaints_log_says_what_to_do(make_window):
    window = make_window()
    tab = ComplaintsTab(window)
    window.tabs.addTab(tab, "&Complaints")
    window.tabs.setCurrentWidget(tab)
    assert tab.pages.currentWidget() is tab.empty and "Import a complaints log" in tab.empty.text()


def test_a_new_project_empties_the_tab_and_a_broken_text_file_is_reported_in_it(window, tab, monkeypatch):
    from desktop_app.report.text import ReportTextError

    def broken():
        raise ReportTextError("complaints_report_text.toml: [tables] has no 'stages_total'")

    with monkeypatch.context() as patched:  # (undoing only this: the message boxes stay answered)
        patched.setattr(window.workspace, "report_text", broken)
        tab.refresh()  # (the other tabs are not asked: this is about this tab's handling)
        assert tab.problem.isVisible() and "has no 'stages_total'" in tab.problem.text()
        assert not tab.splitter.isVisible()
    tab.refresh()
    assert not tab.problem.isVisible() and statutory(tab)[1][1] == "98"
    assert window.new_project()
    assert tab.pages.currentWidget() is tab.empty


def test_a_limit_edit_recalculates_and_refreshes_the_stage_table(window, tab, qtbot):
    """Each step of the limit's spin box shows its figures at once: a longer limit never has fewer in time."""
    tab.side.setCurrentWidget(tab.settings_page)
    spin = tab.limits.spin(STATUTORY, "1")
    shown = []
    for days in (11, 20):
        spin.setValue(days)
        QApplication.processEvents()
        shown.append(statutory(tab)[1])
    assert shown[0][1] == shown[1][1] == "98"  # the cases received do not depend on the limit
    assert shown[0] != shown[1]  # the in-time figures do
    spin.setValue(11)
    QApplication.processEvents()
    assert statutory(tab)[1] == shown[0]  # and going back gives the same figures again


def test_the_cases_behind_and_the_limits_setting_without_a_window(window):
    summary = window.workspace.complaints()
    rules = window.workspace.rules()
    procedures = window.workspace.report_text().procedures
    upheld = cases_behind(summary, rules, procedures, Selection("", STATUTORY, "1", "upheld"))
    assert len(upheld) == 95
    ombudsman = cases_behind(summary, rules, procedures, Selection("", None, "ombudsman", "ombudsman"))
    assert len(ombudsman) == 6
    # the Ombudsman's decisions of 2022-23: two premature, both about contacts received in March 2022
    decided = Selection("", None, "ombudsman", "ombudsman_decided", decision="premature")
    premature = cases_behind(summary, rules, procedures, decided)
    assert premature["Reference"].tolist() == ["CSC/21/0029", "CSC/21/0056"]
    assert (premature["Received"] < "2022-04-01").all()
    base = window.workspace.base_rules
    assert limits_after(None, base, STATUTORY, "1", "response", "limit", 10) is None
    assert limits_after(None, base, STATUTORY, "1", "response", "limit", 25) == {
        STATUTORY: {"1": {"response": {"limit": 25, "extended_limit": 25}}}
    }
