"""What a tab may use of the open session: the project, its figures, undoable edits and page settings.

The main window provides it; a tab keeps it as `self.session` and never imports the window, so a tab can be
built over any object with these members (the tests build them over the real window).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack

from desktop_app.project.model import Project
from desktop_app.report.model import PageOptions
from desktop_app.workspace import Workspace

if TYPE_CHECKING:
    from desktop_app.gui.background_figures import BackgroundFigures


class Session(Protocol):
    """Signals:
    project_changed(): the project was edited, undone, imported into or replaced: tabs refresh from it.
    """

    project: Project
    workspace: Workspace
    figures: BackgroundFigures  # whether the workspace's complaints figures may be read now, and when they are in
    undo_stack: QUndoStack
    project_changed: SignalInstance

    def edit(self, text: str, apply: Callable[[Any], None], before: Any, after: Any) -> None:
        """One undoable edit: `apply(after)` now, `apply(before)` on undo, described by `text`."""

    def page_options(self) -> PageOptions:
        """Where the appendix sits in the agenda pack, as the author set it."""

    def export_dialog(self) -> None:
        """Ask where to export the complaints appendix, and export it."""

    def export_adults_dialog(self) -> None:
        """Ask where to export the adults' complaints appendix, and export it."""

    def export_corporate_dialog(self) -> None:
        """Ask where to export the corporate complaints appendix, and export it."""

    def export_cover_dialog(self) -> None:
        """Ask where to export the cover report, and export it."""

    def export_performance_dialog(self) -> None:
        """Ask where to export the performance appendix, and export it."""

    def performance_inputs(self) -> tuple:
        """What the performance appendix is made of: results, weekly and monthly series, words, chart texts."""

    def show_status(self, text: str) -> None:
        """A short message in the status bar."""
