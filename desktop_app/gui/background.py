"""Long work (import, export) in a separate process, with progress and a Cancel that works.

A thread would not do: reading a 100,000-row workbook holds Python's lock for
long stretches, and the window would stall. The work runs as a plain function
in a child process; it reports progress through a queue, and its result is
unpickled by a receiving thread (the GUI thread only polls, every 25 ms).
Cancel ends the process.

The function and its arguments (a 100,000-row summary, say) reach the child in
a temporary file readable by the user alone, pickled by that same thread: handed
through the child's pipe, they kept the window waiting while the child started
Python and imported pandas to read them (a second and more). The child reads
the file and removes it.

Signals of BackgroundTask:
    progress(float, str): fraction done (0..1) and what is being done
    finished(object): the function's result
    failed(str): a plain-English reason (details are in the log)
    cancelled(): the user cancelled
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import queue
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("scrutiny.background")
POLL_MS = 25


def _child(work: str, messages: multiprocessing.Queue) -> None:
    """Runs in the child process: read the function and its arguments from the file `work` (and remove it),
    call the function, send its progress and pickled result."""
    with open(work, "rb") as file:
        function, args = pickle.load(file)
    os.remove(work)

    def progress(fraction: float, text: str) -> None:
        messages.put(("progress", fraction, text))

    try:
        result = pickle.dumps(function(*args, progress=progress), protocol=pickle.HIGHEST_PROTOCOL)
        messages.put(("result", result))  # as bytes: the parent unpickles them in steps (`loads_in_steps`)
    except Exception as exc:  # reported to the user as one sentence, logged in full by the parent
        messages.put(("error", str(exc) or type(exc).__name__, traceback.format_exc()))


class _ReadInSteps:
    """A pickle's bytes for pickle.Unpickler, handed over through Python a frame (some 64 KB) at a time: between
    two reads Python's lock may pass to the window's thread. pickle.loads of a large result (a 100,000-row log
    and thousands of problems) holds it throughout, and the window could not paint for a quarter of a second."""

    def __init__(self, data: bytes):
        self._bytes, self._data = data, memoryview(data)
        self._at = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else min(len(self._data), self._at + size)
        chunk = self._data[self._at : end].tobytes()
        self._at = end
        return chunk

    def readinto(self, buffer) -> int:
        chunk = self._data[self._at : self._at + len(buffer)]
        buffer[: len(chunk)] = chunk
        self._at += len(chunk)
        return len(chunk)

    def readline(self) -> bytes:
        end = self._bytes.find(b"\n", self._at)
        return self.read(-1 if end < 0 else end + 1 - self._at)


def loads_in_steps(data: bytes) -> Any:
    """pickle.loads(data), letting other threads run while it unpickles (`_ReadInSteps`), with Python's cyclic
    garbage collector held off meanwhile and what is then alive kept out of its full passes (`keep_long_lived`)."""
    with collector_paused():
        result = pickle.Unpickler(_ReadInSteps(data)).load()
        keep_long_lived()
    return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off (objects freed as they are let go, as ever): building tens of
    thousands of objects at once (a large import's problems) sets off its passes, and a full pass over a window
    holding a 100,000-row project holds Python's lock for 0.1-0.35 s, whichever thread it falls on; the window's
    thread cannot paint meanwhile."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def keep_long_lived() -> None:
    """After a large result is in: every object alive frozen (`gc.freeze`, at once, whatever their number), out
    of the collector's later passes, which then look only at what is new since. The project's frames and
    problems, the modules and the widgets live as long as the window, and a full pass over them all is what
    stalled it (a pass over the young objects first, to clear their cycles, was itself 0.1 s). Objects frozen
    are still freed when let go; only a cycle among them let go later waits for the process's end."""
    gc.freeze()


class BackgroundTask(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, function: Callable[..., Any], *args: Any, parent: QObject | None = None):
        super().__init__(parent)
        self._function, self._args = function, args
        self._context = multiprocessing.get_context("spawn")
        self._messages = self._context.Queue()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._starting = threading.Lock()  # the process is started, or (cancelled first) never
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._receiver = threading.Thread(target=self._start_and_receive, daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._over = False

    def start(self) -> None:
        self.progress.emit(0.0, "Starting")
        self._receiver.start()
        self._timer.start()

    def cancel(self) -> None:
        if self._over:
            return
        self._finish()
        with self._starting:
            if self._process is not None:
                self._process.terminate()
        self.cancelled.emit()

    @property
    def running(self) -> bool:
        return not self._over

    def _start_and_receive(self) -> None:
        """Off the GUI thread: hand the work to a child process through a file, then take its messages."""
        try:
            work = self._write_work()
        except Exception as exc:  # an argument that cannot be pickled, a full disk: said like the child's errors
            self._inbox.put(("error", f"the work could not be handed over ({exc})", traceback.format_exc()))
            return
        with self._starting:
            if self._over:  # cancelled meanwhile
                os.remove(work)
                return
            self._process = self._context.Process(target=_child, args=(work, self._messages), daemon=True)
            try:
                self._process.start()
            except Exception as exc:  # no process to be had (too many, no memory): said, not left waiting
                os.remove(work)
                self._inbox.put(("error", f"the background work could not start ({exc})", traceback.format_exc()))
                return
        self._receive(self._process, work)

    def _write_work(self) -> str:
        descriptor, work = tempfile.mkstemp(prefix="scrutiny-work-", suffix=".pickle")  # the user's alone
        try:
            with os.fdopen(descriptor, "wb") as file:
                pickle.dump((self._function, self._args), file, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            os.remove(work)
            raise
        return work

    def _receive(self, process: multiprocessing.process.BaseProcess, work: str) -> None:
        """Take messages (unpickling the result here) until the last one; the work's file goes if the child
        ended before it could remove it."""
        try:
            self._take_messages(process)
        finally:
            if not process.is_alive():
                try:
                    os.remove(work)
                except FileNotFoundError:
                    pass

    def _take_messages(self, process: multiprocessing.process.BaseProcess) -> None:
        while True:
            try:
                message = self._messages.get(timeout=0.2)
            except queue.Empty:
                if not process.is_alive() and self._messages.empty():
                    self._inbox.put(("gone",))
                    return
                continue
            except (EOFError, OSError):
                self._inbox.put(("gone",))
                return
            if message[0] == "result":
                message = ("result", loads_in_steps(message[1]))
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
