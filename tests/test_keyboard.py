"""Keys work from wherever the author is typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from tests.test_gui_window import answers, make_window  # noqa: F401


def test_ctrl_e_exports_from_a_text_field_being_typed_in(qtbot, make_window):
    window = make_window()
    exported: list[str] = []
    window.export_action.setEnabled(True)
    window.export_action.triggered.disconnect()
    window.export_action.triggered.connect(lambda: exported.append(window.focusWidget().accessibleName()))
    window.tabs.setCurrentWidget(window.report_tab)
    for kind in (QLineEdit, QPlainTextEdit):
        field = next(found for found in window.report_tab.findChildren(kind) if found.isVisible())
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClicks(field, "Figures")
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert exported[-1] == field.accessibleName(), kind.__name__
    assert len(exported) == 2
