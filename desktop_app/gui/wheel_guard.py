"""The mouse wheel scrolls the page it is over; it changes a number or a choice only in the field being edited.

Without this, scrolling the Time limits panel changed every limit the pointer passed over (a corporate
Stage 1 extension went from 20 to 13 days, and reached the PDF). A spin box, combo box or slider takes the
wheel only when it has the keyboard focus; otherwise the wheel goes on to the panel, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox

_GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


class WheelGuard(QObject):
    """An application-wide event filter: see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, _GUARDED) and not watched.hasFocus():
            event.ignore()  # not the field's: Qt hands the wheel on to the widget under it, which scrolls
            return True
        if event.type() == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn never gives it the focus
        return False


_guard: WheelGuard | None = None


def guard_wheel(app: QApplication) -> None:
    """Install the guard on the application, once (a field shown before then takes the focus policy now).

    Installed once the window has painted: Qt hands every event to an application-wide filter written in
    Python, and the first events of the window's frame cost PySide a tenth of a second to convert."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
        for widget in app.allWidgets():
            if isinstance(widget, _GUARDED) and widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


__all__ = ["WheelGuard", "guard_wheel"]
