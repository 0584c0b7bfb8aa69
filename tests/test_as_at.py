"""The day the figures are as at: a past year is judged soon after its end, not today; the author sets it."""

import datetime as dt

import pytest

from desktop_app.cli import main
from desktop_app.gui.complaints_tab import ComplaintsTab
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures

# the sample log's latest year is 2022-23; the rules file gives 30 days after the period for the last responses
DEFAULT_AS_AT = dt.date(2023, 4, 30)


def test_the_command_line_judges_a_past_year_soon_after_its_end(capsys):
    assert main(["complaints", str(SAMPLE_COMPLAINTS_LOG)]) == 0
    assert "open complaints judged as at 30 April 2023" in capsys.readouterr().out


@pytest.fixture
def tab(make_window, qtbot):
    window = make_window()
    tab = ComplaintsTab(window)
    window.tabs.addTab(tab, "&Complaints")
    window.tabs.setCurrentWidget(tab)
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    return tab


def test_the_window_shows_the_as_at_day_and_the_author_sets_it(tab, qtbot):
    window = tab.session
    edit = tab.period.as_at
    assert edit.date().toPython() == DEFAULT_AS_AT and edit.isVisible()
    assert "Figures as at 30 April 2023" in tab.as_of.text()
    overdue_then = int(window.workspace.complaints().stages["overdue"].sum())

    edit.setDate(dt.date(2023, 9, 30))
    edit.editingFinished.emit()

    assert window.project.settings["as_of"] == "2023-09-30"
    assert window.workspace.figures()["as_of"] == "30 September 2023"
    assert "Figures as at 30 September 2023" in tab.as_of.text()
    assert int(window.workspace.complaints().stages["overdue"].sum()) >= overdue_then
    window.undo_stack.undo()
    assert "as_of" not in window.project.settings
    assert edit.date().toPython() == DEFAULT_AS_AT
