"""Long work (import, export) in a separate process, with progress and a Cancel that works.

A thread would not do: reading a 100,000-row workbook holds Python's lock for
long stretches, and the window would stall. The work runs as a plain function
in a child process; it reports progress through a queue, and its result is
unpickled by a receiving thread (the GUI thread only polls, every 25 ms).
Cancel ends the process.

Signals of BackgroundTask:
    progress(float, str): fraction done (0..1) and what is being done
    finished(object): the function's result
    failed(str): a plain-English reason (details are in the log)
    cancelled(): the user cancelled
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("scrutiny.background")
POLL_MS = 25


def _child(function: Callable[..., Any], args: tuple, messages: multiprocessing.Queue) -> None:
    """Runs in the child process: call the function, send its progress and pickled result."""

    def progress(fraction: float, text: str) -> None:
        messages.put(("progress", fraction, text))

    try:
        messages.put(("result", function(*args, progress=progress)))
    except Exception as exc:  # reported to the user as one sentence, logged in full by the parent
        messages.put(("error", str(exc) or type(exc).__name__, traceback.format_exc()))


class BackgroundTask(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, function: Callable[..., Any], *args: Any, parent: QObject | None = None):
        super().__init__(parent)
        self._function, self._args = function, args
        context = multiprocessing.get_context("spawn")
        self._messages = context.Queue()
        self._process = context.Process(target=_child, args=(function, args, self._messages), daemon=True)
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._receiver = threading.Thread(target=self._receive, daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._over = False

    def start(self) -> None:
        self.progress.emit(0.0, "Starting")
        self._process.start()
        self._receiver.start()
        self._timer.start()

    def cancel(self) -> None:
        if self._over:
            return
        self._finish()
        self._process.terminate()
        self.cancelled.emit()

    @property
    def running(self) -> bool:
        return not self._over

    def _receive(self) -> None:
        """Off the GUI thread: take messages (unpickling the result here) until the last one."""
        while True:
            try:
                message = self._messages.get(timeout=0.2)
            except queue.Empty:
                if not self._process.is_alive() and self._messages.empty():
                    self._inbox.put(("gone",))
                    return
                continue
            except (EOFError, OSError):
                self._inbox.put(("gone",))
                return
            self._inbox.put(message)
            if message[0] in ("result", "error"):
                return

    def _poll(self) -> None:
        while not self._over:
            try:
                message = self._inbox.get_nowait()
            except queue.Empty:
                return
            kind = message[0]
            if kind == "progress":
                self.progress.emit(message[1], message[2])
            elif kind == "result":
                self._finish()
                self.finished.emit(message[1])
            elif kind == "error":
                log.error("background task failed: %s", message[2])
                self._finish()
                self.failed.emit(message[1])
            elif kind == "gone":
                self._finish()
                self.failed.emit("the background work stopped unexpectedly; the details are in the log")

    def _finish(self) -> None:
        self._over = True
        self._timer.stop()
