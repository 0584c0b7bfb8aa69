"""The check before an export: what the proof finds (report.proof), each with a button to the place to fix it.

The author puts a finding right (the button closes the dialog and goes there; nothing is exported)
or exports anyway. Nothing is changed by the dialog itself.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.problems import Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.gui import messages
from desktop_app.gui.complaints_tables import overdue_in
from desktop_app.report.proof import Finding, proof_findings, slip_findings
from desktop_app.workspace import section_key

#: What the button of each kind of place says.
GO_THERE = {
    "section": "Edit the text",
    "details": "Edit the details",
    "returns": "Show the returns",
    "overdue": "Show them",
    "as_at": "Change the date",
    "left_out": "Show the returns",
    "preview": "Show the preview",
}


def export_findings(window, kind: str) -> list[Finding]:
    """What the proof finds in the `kind` appendix ("complaints", "adults_complaints", "corporate_complaints",
    "performance", or the Partnership tab's "action_plan", "partnership" and "board") the window would export.

    The performance appendix's proof is `Workspace.performance_findings`, as `proof performance` lists it, worked
    out on the figures' thread (gui/background_figures.py) with the window answering."""
    from desktop_app.gui.partnership_tab import APPENDICES as PARTNERSHIP

    if kind == "board":  # the board report as typed, proofed here (a few milliseconds: it reads no file)
        return window.partnership_tab.board_page.findings()
    if kind in PARTNERSHIP:  # the proof made with the appendix when its papers were read
        return window.partnership_tab.findings(kind)
    if kind == "performance":  # worked out on the figures' thread, and kept until the project changes
        return window.figures.wait_for_performance() or []
    project = window.project
    rows_not_used = {
        imported.provenance.file: len(
            {(sheet.sheet, p.row) for sheet in imported.sheets for p in sheet.problems if p.severity is Severity.ERROR}
        )
        for imported in project.imports
    }
    return complaints_findings(window, kind, rows_not_used)


def complaints_findings(window, kind: str, rows_not_used: dict[str, int]) -> list[Finding]:
    """What the proof finds in the `kind` annual complaints report ("complaints", "adults_complaints" or
    "corporate_complaints"), with the lessons-learned register's slips, each naming its cell, as the command
    line's proof lists them; a section's finding goes to that report's section in the Report tab."""
    workspace = window.workspace
    document = workspace.document_of(kind)
    summary, overdue = workspace.complaints(), overdue_in(workspace)
    if document is None or summary is None or overdue is None:
        return []
    found = proof_findings(
        document, text=workspace.text_of(kind), as_at=summary.as_of, overdue=len(overdue), rows_not_used=rows_not_used
    )
    found = [
        dataclasses.replace(finding, place=("section", section_key(kind, finding.place[1])))
        if finding.place[0] == "section"
        else finding
        for finding in found
    ]
    slips = [
        problem
        for imported in window.project.imports
        for sheet in imported.sheets
        if sheet.kind is ReturnKind.LESSONS_REGISTER
        for problem in sheet.problems
    ]
    return slip_findings(slips, "lessons") + found


class ExportCheckDialog(QDialog):
    """Lists `findings`; `chosen` is the place whose button was pressed (None: export anyway, or cancel)."""

    def __init__(self, what: str, findings: list[Finding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Before you export the {what}")
        self.chosen: tuple[str, str] | None = None
        to_fix = [finding for finding in findings if not finding.reminder]
        intro = QLabel(
            f"Check these {len(to_fix)} things before the {what} goes to the committee. Press a button to go "
            "to the place to put one right, or export anyway."
            if len(to_fix) != 1
            else f"Check this before the {what} goes to the committee, or export anyway."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.buttons: list[QPushButton] = []
        for row, finding in enumerate(findings):
            words = QLabel(finding.text)
            words.setWordWrap(True)
            words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if finding.reminder:
                words.setStyleSheet("color: #333; font-style: italic")
            elif finding.severity == "error":
                words.setStyleSheet("color: #8b0000")
            grid.addWidget(words, row, 0)
            button = QPushButton(GO_THERE[finding.place[0]])
            button.setAccessibleName(f"{GO_THERE[finding.place[0]]}: {finding.text}")
            button.clicked.connect(lambda checked=False, place=finding.place: self._go(place))
            grid.addWidget(button, row, 1)
            self.buttons.append(button)
        grid.setColumnStretch(0, 1)
        listed = QWidget()
        listed.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(listed)
        answer = QDialogButtonBox()
        self.export_button = answer.addButton("&Export anyway", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = answer.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.setAutoDefault(False)
        cancel.setDefault(True)  # Enter never exports past the findings
        answer.accepted.connect(self.accept)
        answer.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(answer)
        self.resize(720, min(520, 160 + 44 * len(findings)))

    def exec(self) -> int:
        """As QDialog's; tests answer through gui.messages (None or "export": export anyway; "cancel"; or words
        of a finding, whose button is pressed)."""
        if messages.answer_for_tests is None:
            return super().exec()
        answer = messages.answer_for_tests("check_export", self.windowTitle(), "\n".join(self.texts()))
        if answer in (None, "export"):
            return QDialog.DialogCode.Accepted
        if answer != "cancel":
            next(button for button in self.buttons if answer in button.accessibleName()).click()
        return QDialog.DialogCode.Rejected

    def texts(self) -> list[str]:
        """Each finding as its button's accessible name says it: what the button does, then the finding."""
        return [button.accessibleName() for button in self.buttons]

    def _go(self, place: tuple[str, str]) -> None:
        self.chosen = place
        self.reject()
