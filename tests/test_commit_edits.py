"""Ctrl+S (or Export, Close, Quit) in the middle of a field keeps what the field shows."""

from desktop_app.project import store
from tests.test_gui_report_tab import window  # noqa: F401 - fixture
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures


def cover_field(window, name):
    return window.report_tab._cover_widgets()[name]


def test_save_keeps_the_cover_field_being_typed_in(window, qtbot, tmp_path):
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_section("cover")
    field = cover_field(window, "report_of")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Director of Children's Services")

    assert window.save_to(tmp_path / "report.scrutiny")  # the field was never left

    assert store.load(tmp_path / "report.scrutiny").cover["report_of"] == "Director of Children's Services"
    assert not window.isWindowModified()


def test_save_keeps_a_paragraph_typed_a_moment_ago(window, qtbot, tmp_path):
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_section("conclusions")
    tab.editor.setFocus()
    qtbot.waitUntil(tab.editor.hasFocus)
    qtbot.keyClicks(tab.editor, "Fewer complaints this year.")
    assert tab.edit_pause.isActive()  # not yet kept by the pause in typing

    assert window.save_to(tmp_path / "report.scrutiny")

    assert "Fewer complaints this year." in store.load(tmp_path / "report.scrutiny").sections["conclusions"]


def test_closing_in_the_middle_of_a_field_asks_to_save_it(window, qtbot, answers, tmp_path):
    shown, replies = answers
    replies["ask_save"] = "cancel"
    assert window.save_to(tmp_path / "report.scrutiny")
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_section("cover")
    field = cover_field(window, "report_of")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Director")

    window.close()

    assert [box for box in shown if box[0] == "ask_save"]
    assert window.isVisible() and window.project.cover["report_of"] == "Director"
