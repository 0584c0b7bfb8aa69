"""Scrolling over the Time limits never changes a limit: the wheel changes a field only while it is edited."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.test_gui_complaints_tab import STATUTORY, tab, window  # noqa: F401 - fixtures
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures


def turn_wheel(widget, notches: int) -> None:
    """What a mouse wheel over `widget` sends (one notch is 120)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_passing_over_a_limit_leaves_it_and_the_report_alone(window, tab, qtbot):
    window.tabs.setCurrentWidget(tab)
    spin = tab.limits.spin(STATUTORY, "1")
    before, edits = spin.value(), window.undo_stack.count()
    window.setFocus()

    turn_wheel(spin, 3)

    assert spin.value() == before
    assert "limits" not in window.project.settings
    assert window.undo_stack.count() == edits


def test_the_wheel_changes_the_limit_being_edited(window, tab, qtbot):
    window.tabs.setCurrentWidget(tab)
    spin = tab.limits.spin(STATUTORY, "1")
    before = spin.value()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)

    turn_wheel(spin, 2)

    assert spin.value() == before - 2
