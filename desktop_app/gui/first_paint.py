"""Work that waits until a window has been drawn once: the author sees the window first, then it fills in.

`after_first_paint` runs a function once the window's first paint has been handed to the screen (a
zero-time timer after the paint event, so the function runs after that paint cycle, not inside it). The
start-up uses it to build the tabs and open what was asked for; the self-test's start-up measure and the
start-up benchmark's empty window use it to note the time, so both are measured the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Watches `window` for its first paint event, then runs `then` once and goes."""

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self._window, self._then = window, then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        self.deleteLater()
        self._then()


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Run `then` on the event loop once `window` has been painted for the first time."""
    _FirstPaint(window, then)
