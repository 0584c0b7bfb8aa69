"""Work the window needs done before it goes on (reading a project file), done on a thread while it waits.

The window keeps painting and answering (its status bar says what it waits for); its menus, toolbar and
tabs take no input meanwhile, so nothing can change under the work, and closing waits for the end.
A thread, not a process: the work shares the window's objects, and what it calls (SQLite, numpy, pandas)
lets the window's thread run between its steps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow, QToolBar

from desktop_app.gui.background import collector_paused, keep_long_lived

POLL_MS = 10
Result = TypeVar("Result")


def run_waiting(window: QMainWindow, text: str, function: Callable[..., Result], *args: Any) -> Result:
    """`function(*args)` on a thread, the window answering meanwhile; its result, or the exception it raised."""
    outcome: list[tuple[bool, Any]] = []

    def work() -> None:
        try:
            # a project's tables are built as Python lists first: the cyclic collector's passes over them, and a
            # full pass over the window's objects, held the window's thread up for a tenth of a second and more
            with collector_paused():
                result = function(*args)
                keep_long_lived()
            outcome.append((True, result))
        except BaseException as exc:  # handed to the window's thread, raised there
            outcome.append((False, exc))

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: loop.quit() if outcome else None)
    parts = [window.centralWidget(), window.menuBar(), *window.findChildren(QToolBar)]
    for part in parts:
        part.setEnabled(False)
    window.statusBar().showMessage(text)
    thread = threading.Thread(target=work, name="waiting", daemon=True)
    thread.start()
    poll.start()
    try:
        if not outcome:
            loop.exec()
    finally:
        poll.stop()
        for part in parts:
            part.setEnabled(True)
        window.statusBar().clearMessage()
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return value
