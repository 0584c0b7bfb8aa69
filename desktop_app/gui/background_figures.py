"""A large log's complaints figures, worked out on a thread after each change, so the window never waits for them.

The tabs ask `ready()` before they read the workspace's complaints figures. A log of fewer than
`BACKGROUND_FROM_ROWS` rows is worked out at once (tens of milliseconds), as before. A larger one is worked out
in a twin of the workspace (`Workspace.twin`: a snapshot of the project) on one worker thread while the
tabs show that they are working; `worked_out` is emitted when the figures of the project as it now is are in,
and the tabs show them. A change made meanwhile supersedes the work under way: its result is not shown, and
the newest change's figures are worked out next. Every figure the workspace keeps is keyed by its inputs, so
one worked out for an older state is never read as current.

The proof of the performance appendix the check before its export lists (`Workspace.performance_findings`: the
appendix laid out, a tenth of a second or more) is worked out on the same thread, in a twin too, when an export
asks for it: `wait_for_performance` waits for it with the window answering and the status line saying
"Checking the performance appendix…"; a change of the project meanwhile has it worked out again for the project
as it then is.

A thread, not a process: the figures are read where they are worked out, with no copying, and pandas and
numpy let the window's thread run between their steps (the window's longest wait stays far under 100 ms).
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NamedTuple

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from desktop_app.domain.returns import ReturnKind
from desktop_app.gui.background import keep_long_lived
from desktop_app.gui.complaints_tables import overdue_in
from desktop_app.gui.session import Session
from desktop_app.report.proof import Finding
from desktop_app.workspace import REPORT_TEXT_FILES, NotWorkedOutError, Workspace

log = logging.getLogger("scrutiny.figures")

#: A log this long takes the window's thread a tenth of a second or more to work out.
BACKGROUND_FROM_ROWS = 20_000
POLL_MS = 20
#: What the status line says while the performance appendix's proof is worked out for an export.
CHECKING_PERFORMANCE = "Checking the performance appendix…"


def log_rows(workspace: Workspace) -> int:
    """How many rows the project's complaints logs have (counted without joining them)."""
    return sum(
        len(sheet.frame)
        for imported in workspace.project.imports
        for sheet in imported.sheets
        if sheet.kind is ReturnKind.COMPLAINTS_LOG and sheet.frame is not None
    )


def work_out(twin: Workspace) -> Workspace:
    """On the worker thread: what the tabs and an export read, worked out in `twin`; then what is alive kept out
    of the garbage collector's later passes (`keep_long_lived`: the project and its figures live on, and a full
    pass over them held the window's thread up for a tenth of a second and more)."""
    _read_figures(twin, whole=True)
    keep_long_lived()
    return twin


def check_performance(twin: Workspace) -> Workspace:
    """On the worker thread: the performance appendix's proof, worked out in `twin`."""
    twin.performance_findings()
    return twin


def performance_checked(workspace: Workspace) -> bool:
    """Whether the performance appendix's proof is worked out in `workspace` for the project as it now is."""
    try:
        with workspace.cached_only():
            workspace.performance_findings()
    except NotWorkedOutError:
        return False
    return True


def _read_figures(workspace: Workspace, whole: bool) -> None:
    """The figures every tab reads, with (`whole`) the appendix with the author's words as they now are, which an
    export reads (an edit of the words changes no figure)."""
    for kind in REPORT_TEXT_FILES:  # the live figures of each report whose sections the Report tab edits
        workspace.figures(kind)
    workspace.has_adults_complaints()
    workspace.has_corporate_complaints()
    overdue_in(workspace)
    if whole:
        workspace.complaints_document()


def all_worked_out(workspace: Workspace, whole: bool) -> bool:
    """Whether what `_read_figures` reads is worked out in `workspace` for the project as it now is, so reading it
    costs nothing."""
    try:
        with workspace.cached_only():
            _read_figures(workspace, whole)
    except NotWorkedOutError:
        return False
    return True


class _Job(NamedTuple):
    workspace: Workspace
    change: int
    future: Future


class BackgroundFigures(QObject):
    """Signals:
    worked_out(): the complaints figures of the project as it now is are in the workspace: read them now
    performance_checked(): the performance appendix's proof of the project as it now is is in the workspace
    """

    worked_out = Signal()
    performance_checked = Signal()

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._change = 0  # one more at each change of the project
        self._failed_at: int | None = None
        self._job: _Job | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="figures")
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._performance_job: _Job | None = None
        self._performance_failed_at: int | None = None
        self._performance_timer = QTimer(self)
        self._performance_timer.setInterval(POLL_MS)
        self._performance_timer.timeout.connect(self._poll_performance)
        session.project_changed.connect(self.project_changed)

    def project_changed(self) -> None:
        """Figures worked out before now are of an older project (connected before any tab's refresh)."""
        self._change += 1

    @property
    def busy(self) -> bool:
        """Whether figures are being worked out for the project as it now is."""
        return self._job is not None and self._job.change == self._change

    def ready(self, whole: bool = False) -> bool:
        """Whether the tabs may read the complaints figures now (with `whole`, the appendix with the author's
        words as they now are too, for an export): they are worked out, the log is small enough to
        work them out at once, or working them out failed (read now, they raise the error, which the tabs say).
        Else they are being worked out, and `worked_out` follows."""
        workspace = self.session.workspace
        if self._failed_at == self._change or log_rows(workspace) < BACKGROUND_FROM_ROWS:
            return True
        if all_worked_out(workspace, whole):
            return True
        if not self.busy or self._job is None or self._job.workspace is not workspace:
            self._start(workspace)
        return False

    def wait(self) -> None:
        """Until the figures and the appendix are in, the window answering meanwhile (for an export, which
        needs them now)."""
        while not self.ready(whole=True):
            loop = QEventLoop()
            self.worked_out.connect(loop.quit)
            loop.exec()
            self.worked_out.disconnect(loop.quit)

    def performance_ready(self) -> bool:
        """Whether the performance appendix's proof of the project as it now is may be read now: it is worked
        out, or working it out failed (read now, it raises the error, which the window says). Else it is being
        worked out, and `performance_checked` follows."""
        workspace = self.session.workspace
        if self._performance_failed_at == self._change or performance_checked(workspace):
            return True
        job = self._performance_job
        if job is None or job.change != self._change or job.workspace is not workspace:
            if job is not None:
                job.future.cancel()  # superseded: not started yet, it never starts; under way, it is not kept
            self._performance_job = _Job(
                workspace, self._change, self._worker.submit(check_performance, workspace.twin())
            )
            self._performance_timer.start()
        return False

    def wait_for_performance(self) -> list[Finding] | None:
        """The performance appendix's proof of the project as it is (None without an indicator return), worked
        out on the figures' thread, the window answering and the status line saying so meanwhile."""
        if not self.performance_ready():
            self.session.show_status(CHECKING_PERFORMANCE)
            try:
                while not self.performance_ready():
                    loop = QEventLoop()
                    self.performance_checked.connect(loop.quit)
                    loop.exec()
                    self.performance_checked.disconnect(loop.quit)
            finally:
                self.session.show_status("")
        return self.session.workspace.performance_findings()

    def _poll_performance(self) -> None:
        job = self._performance_job
        if job is None or not job.future.done():
            return
        self._performance_timer.stop()
        self._performance_job = None
        try:
            twin = job.future.result()
        except Exception:  # worked out again on the window's thread, which says what is wrong
            log.exception("the performance appendix's proof could not be worked out")
            self._performance_failed_at = job.change
        else:
            job.workspace.adopt(twin)
        self.performance_checked.emit()  # the waiting loop asks again: superseded, it is worked out anew

    def _start(self, workspace: Workspace) -> None:
        if self._job is not None:
            self._job.future.cancel()  # superseded: not started yet, it never starts; under way, it is not shown
        self._job = _Job(workspace, self._change, self._worker.submit(work_out, workspace.twin()))
        self._timer.start()

    def _poll(self) -> None:
        job = self._job
        if job is None or not job.future.done():
            return
        self._timer.stop()
        self._job = None
        try:
            twin = job.future.result()
        except Exception:  # the tabs work it out again, and say what is wrong
            log.exception("the complaints figures could not be worked out")
            self._failed_at = job.change
        else:
            job.workspace.adopt(twin)
        if job.change == self._change and job.workspace is self.session.workspace:
            self.worked_out.emit()
        else:
            self.ready()  # superseded: the newest change's figures next

    def shut_down(self) -> None:
        """The work under way is not waited for (the window is closing)."""
        for job in (self._job, self._performance_job):
            if job is not None:
                job.future.cancel()
        self._timer.stop()
        self._performance_timer.stop()
        self._worker.shutdown(wait=False, cancel_futures=True)
