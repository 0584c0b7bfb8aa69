"""The Partnership tab's Board report page: the words of a narrative board report, with a numbered preview.

The author writes the report as the command line's source (report.board_source: the details between +++
lines, "# Section", paragraphs, "- " bullets, quotes, [table: Sheet]); the words are kept in the project as
the setting `board_report`, one undoable edit per pause in typing. Beside them, the preview numbers the
paragraphs as the PDF prints them (1.1, 1.2 ...) and fills the live figures of the papers loaded on the tab
(the action plan's {red_count}, {past_due_count}, {past_due_actions} ..., the MARAC return's). The preview is
rebuilt after a pause in typing, on the window's thread: it reads no file (a named table is a line saying it
is read on export) and takes a few milliseconds. The export reads the tables and writes the PDF or Word file
in a background process, after the check before export (kind "board").
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import messages

if TYPE_CHECKING:
    from desktop_app.gui.partnership_tab import PartnershipSession
    from desktop_app.report.board import BoardBuilder
    from desktop_app.report.model import Document, Figure
    from desktop_app.report.proof import Finding

#: The project's setting that keeps the report's words.
BOARD_REPORT = "board_report"
#: The kind the check before export knows the board report by.
BOARD = "board"
#: What the source is called in its errors ("Board report, line 9: ...").
SOURCE_NAME = "Board report"
PREVIEW_PAUSE_MS = 300  # the preview is rebuilt this long after the last key
EDIT_PAUSE_MS = 700  # the words are kept this long after the last key (one undo step per pause)
STARTER = """+++
title = "Domestic Abuse Partnership Board: progress report"
author = "Domestic Abuse Partnership Board"
subject = "The progress of the domestic abuse action plan"
+++

# Introduction

This report tells the Board how the action plan stood at {plan_as_of}.

# Progress of the action plan

{red_count} actions are rated red and {amber_count} amber: {exceptions_count} exceptions in all.

{past_due_count} actions are past their milestone: {past_due_actions}.
"""


class BoardReportPage(QWidget):
    """The editor of the board report's words, its numbered preview and its export."""

    def __init__(self, session: PartnershipSession, figures: Callable[[], dict[str, Figure]]) -> None:
        super().__init__()
        self.session = session
        self.live_figures = figures
        self.setAccessibleName("Board report")
        self.built: tuple[Document, BoardBuilder] | None = None
        self.error = ""
        self._refreshing = False
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Words of the board report")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._typed)
        label = QLabel("&Source of the board report (sections, paragraphs and {live figures}):")
        label.setBuddy(self.editor)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Numbered preview of the board report")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8b0000")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.export_button = QPushButton("Export board report as PDF or &Word…")
        self.export_button.setToolTip("Check the board report, then write it as PDF or Word")
        self.export_button.clicked.connect(self.export_dialog)
        self.preview_pause = QTimer(self, singleShot=True, interval=PREVIEW_PAUSE_MS)
        self.preview_pause.timeout.connect(self.rebuild_preview)
        self.edit_pause = QTimer(self, singleShot=True, interval=EDIT_PAUSE_MS)
        self.edit_pause.timeout.connect(self.keep_text)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(label)
        left_layout.addWidget(self.editor, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("Preview, numbered as the PDF prints it:"))
        right_layout.addWidget(self.problem)
        right_layout.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)  # the words and their preview side by side, of a width
        split.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.refresh()

    # --- the words ---------------------------------------------------------------------------

    def stored_text(self) -> str:
        """The project's words; a project that has none starts from STARTER (words cleared stay cleared)."""
        value = self.session.project.settings.get(BOARD_REPORT)
        return STARTER if value is None else str(value)

    def refresh(self) -> None:
        """Show the project's words (another project, an undo) and the preview with the figures as they are."""
        text = self.stored_text()
        if text != self.editor.toPlainText():
            self.edit_pause.stop()
            self._refreshing = True
            cursor = self.editor.textCursor().position()
            self.editor.setPlainText(text)
            moved = self.editor.textCursor()
            moved.setPosition(min(cursor, len(text)))
            self.editor.setTextCursor(moved)
            self._refreshing = False
        self.rebuild_preview()

    def _typed(self) -> None:
        if self._refreshing:
            return
        self.preview_pause.start()
        self.edit_pause.start()

    def keep_pending_text(self) -> None:
        """Keep now what is typed within the pause that would keep it (before a save, an export or a close)."""
        if self.edit_pause.isActive():
            self.edit_pause.stop()
            self.keep_text()
        if self.preview_pause.isActive():
            self.preview_pause.stop()
            self.rebuild_preview()

    def keep_text(self) -> None:
        """What the author typed, kept in the project: one undoable edit."""
        text = self.editor.toPlainText()
        before = self.session.project.settings.get(BOARD_REPORT)
        if text == self.stored_text():
            return
        self.session.edit("Edit the board report", self._set_text, before, text)

    def _set_text(self, text: str | None) -> None:
        self.session.project.set_setting(BOARD_REPORT, text)

    # --- the preview -------------------------------------------------------------------------

    def folder(self) -> Path:
        """Where the files the words name (the tables' workbook, pictures) are: beside the project."""
        path = getattr(self.session, "path", None)
        return Path(path).parent if path else Path(self.session._last_folder())

    def build(self) -> tuple[Document, BoardBuilder]:
        """The report of the words as typed, its tables not read (ReportTextError where the words are wrong)."""
        from desktop_app.domain.board_report import load_board_rules
        from desktop_app.report.board import BoardBuilder
        from desktop_app.report.board_source import board_source_of

        source = board_source_of(self.editor.toPlainText(), SOURCE_NAME, self.folder())
        builder = BoardBuilder(source, {}, self.live_figures(), load_board_rules())
        builder.tables_later = True
        return builder.document(self.session.page_options(), None), builder

    def rebuild_preview(self) -> None:
        from desktop_app.domain.resource_files import ResourceFileError

        try:
            self.built = self.build()
            self.error = ""
        except (ValueError, ResourceFileError) as exc:  # ReportTextError: the file and line
            self.built, self.error = None, str(exc)
        self.problem.setText(self.error)
        self.problem.setVisible(bool(self.error))
        if self.built is not None:
            position = self.preview.verticalScrollBar().value()
            self.preview.setHtml(preview_html(self.built[0]))
            self.preview.verticalScrollBar().setValue(position)

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    # --- the check and the export ------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """What the proof finds in the report as typed (report.proof_board), or its one error."""
        from desktop_app.report.proof import Finding, Where
        from desktop_app.report.proof_board import board_proof

        self.keep_pending_text()
        if self.built is None:
            return [
                Finding(
                    self.error, ("section", BOARD), severity="error", kind="board_source", where=Where(file=SOURCE_NAME)
                )
            ]
        return board_proof(*self.built)

    def export_dialog(self) -> None:
        self.keep_pending_text()
        if not self.session.checked_before_export(BOARD):
            return
        if self.built is None:
            messages.warn(self, "Cannot export", self.error)
            return
        from desktop_app.gui.main_window import appendix_path
        from desktop_app.gui.partnership_tab import APPENDIX_FILTER

        suggested = str(Path(self.session._last_folder()) / "Board report.pdf")
        path, chosen = QFileDialog.getSaveFileName(self, "Export the board report", suggested, APPENDIX_FILTER)
        path = appendix_path(path, chosen)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the board report to `path` in a background process, with the tab's progress and Cancel."""
        from desktop_app.board_commands import export_board_report

        tab = self.parent_tab()
        if tab.task is not None and tab.task.running:
            messages.inform(self, "Please wait", "The partnership papers are still being read or written.")
            return
        inputs = (
            self.editor.toPlainText(),
            SOURCE_NAME,
            str(self.folder()),
            dict(self.live_figures()),
            self.session.page_options(),
            str(path),
            self.session.word_template(),
        )
        tab._start(export_board_report, inputs, f"Writing {path.name}", lambda out: tab._written(Path(out)))

    def parent_tab(self):
        from desktop_app.gui.partnership_tab import PartnershipTab

        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, PartnershipTab):
            widget = widget.parentWidget()
        assert widget is not None
        return widget

    def go_to(self) -> None:
        self.editor.setFocus()


def preview_html(document: Document) -> str:
    """The report's sections as the preview shows them: headings, numbered paragraphs, bullets, quotes."""
    from desktop_app.report.model import Heading, Image, ListItem, Paragraph, Quote

    def words(text: str) -> str:
        return html.escape(text.replace("**", ""))

    parts = [f"<h2>{words(document.metadata.title)}</h2>"]
    for section in document.sections:
        parts.append(f"<h3>{words(section.title)}</h3>")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                number = f"<b>{block.number}</b>&nbsp;&nbsp;" if block.number else ""
                parts.append(f"<p>{number}{words(block.text)}</p>")
            elif isinstance(block, Heading):
                parts.append(f"<h4>{words(block.text)}</h4>")
            elif isinstance(block, ListItem):
                parts.append(f"<p style='margin-left: 24px'>•&nbsp;{words(block.text)}</p>")
            elif isinstance(block, Quote):
                said = f"<br><i>{words(block.attribution)}</i>" if block.attribution else ""
                parts.append(f"<blockquote>“{words(block.text)}”{said}</blockquote>")
            elif isinstance(block, Image):
                parts.append(f"<p><i>[Picture: {words(block.alt_text)}]</i></p>")
    return "\n".join(parts)
