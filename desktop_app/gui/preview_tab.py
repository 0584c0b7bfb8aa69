"""The Preview tab: the appendix as it will print, redrawn in the background after each edit.

The pages are laid out by the same writer as the exported PDF and drawn to
images in a background process (pypdfium2), so the window never waits for them;
a large log's complaints appendix once its figures are worked out (gui/background_figures.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from desktop_app.gui.background import BackgroundTask
from desktop_app.gui.session import Session
from desktop_app.report.details import APPENDICES

REDRAW_PAUSE_MS = 1200  # after the last edit, so typing does not start a redraw per key
#: What the tab says while an appendix has nothing to show.
NOTHING_YET = {
    "complaints": "The complaints appendix appears here once a complaints log is imported.",
    "performance": "The performance appendix appears here once an indicator return is imported.",
    "adults_complaints": "The adults' complaints appendix appears here once a complaints log with adult social "
    "care complaints is imported.",
    "corporate_complaints": "The corporate complaints appendix appears here once a complaints log with corporate "
    "complaints is imported.",
}
#: The appendices offered only where the complaints log has their complaints.
ADULTS = "adults_complaints"
CORPORATE = "corporate_complaints"
#: Each complaints appendix's regime (export.complaints_report_document).
REGIMES = {"complaints": "childrens", ADULTS: "adults", CORPORATE: "corporate"}


class PreviewTab(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setAccessibleName("Preview")
        self.pages: list[bytes] = []
        self.task: BackgroundTask | None = None
        self._stale = True

        self.appendix = QComboBox()
        self.appendix.setAccessibleName("Appendix to preview")
        for key, name in APPENDICES.items():
            if key not in (ADULTS, CORPORATE):
                self.appendix.addItem(name, key)
        self.appendix.currentIndexChanged.connect(lambda index: self.redraw())
        self.status = QLabel(NOTHING_YET["complaints"])
        self.status.setWordWrap(True)  # a long message takes two lines, not the window's width
        self.previous_button = QPushButton("Previo&us page")
        self.next_button = QPushButton("&Next page")
        self.page_number = QSpinBox()
        self.page_number.setAccessibleName("Page shown")
        self.page_number.setMinimum(1)
        self.page_count = QLabel()
        self.export_button = QPushButton("Export P&DF…")
        self.export_button.setToolTip("Write this appendix as a PDF for the agenda pack")
        self.export_button.clicked.connect(self._export)
        self.previous_button.clicked.connect(lambda: self.page_number.setValue(self.page_number.value() - 1))
        self.next_button.clicked.connect(lambda: self.page_number.setValue(self.page_number.value() + 1))
        self.page_number.valueChanged.connect(self._show_page)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setAccessibleName("Page image")
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        bar = QHBoxLayout()
        bar.addWidget(self.appendix)
        for widget in (self.previous_button, self.page_number, self.page_count, self.next_button):
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self.redraw_pause = QTimer(self)
        self.redraw_pause.setSingleShot(True)
        self.redraw_pause.setInterval(REDRAW_PAUSE_MS)
        self.redraw_pause.timeout.connect(self.redraw)
        session.project_changed.connect(self._project_changed)
        session.figures.worked_out.connect(self._figures_worked_out)
        self._offer_appendices()
        self._show_page()

    def _offer_appendices(self) -> None:
        """The adults' and the corporate appendix are in the chooser only while the log has their complaints."""
        if not self.session.figures.ready():  # known once the figures are in
            return
        workspace = self.session.workspace
        for kind, has in ((ADULTS, workspace.has_adults_complaints), (CORPORATE, workspace.has_corporate_complaints)):
            offered = self.appendix.findData(kind) >= 0
            if has() and not offered:
                self.appendix.addItem(APPENDICES[kind], kind)
            elif offered and not has():
                self.appendix.removeItem(self.appendix.findData(kind))

    def _project_changed(self) -> None:
        self._offer_appendices()
        self._stale = True
        if self.isVisible():
            self.redraw_pause.start()

    def _figures_worked_out(self) -> None:
        self._offer_appendices()
        if self._stale and self.isVisible():
            self.redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def shown_appendix(self) -> str:
        """The kind of appendix the tab shows ("complaints", "adults_complaints", "corporate_complaints" or
        "performance")."""
        return str(self.appendix.currentData())

    def _export(self) -> None:
        appendix = self.shown_appendix()
        if appendix == "performance":
            self.session.export_performance_dialog()
        elif appendix == ADULTS:
            self.session.export_adults_dialog()
        elif appendix == CORPORATE:
            self.session.export_corporate_dialog()
        else:
            self.session.export_dialog()

    def redraw(self) -> None:
        """Lay out the pages again in the background (a redraw under way is cancelled first)."""
        from desktop_app.export import preview_complaints_report, preview_performance_report

        self._stale = False
        workspace = self.session.workspace
        appendix = self.shown_appendix()
        if appendix == "performance":
            inputs = self.session.performance_inputs()
            task = (preview_performance_report, *inputs) if inputs else None
        elif not self.session.figures.ready():  # drawn when they are in, never with the figures as they were
            if self.task and self.task.running:
                self.task.cancel()
            self._stale = True
            self.pages = []
            self.status.setText("Working out the figures…")
            self._show_page()
            return
        else:
            summary = workspace.complaints()
            task = (
                (
                    preview_complaints_report,
                    summary,
                    workspace.rules(),
                    workspace.text_of(appendix),
                    self.session.page_options(),
                    self.session.project.settings.get("suppress_below"),
                    REGIMES[appendix],
                    workspace.lessons(),
                    workspace.self_assessment() if appendix == CORPORATE else None,
                )
                if summary is not None
                else None
            )
        if self.task and self.task.running:
            self.task.cancel()
        if task is None:
            self.pages = []
            self.status.setText(NOTHING_YET[appendix])
            self._show_page()
            return
        self.status.setText("Drawing the pages…")
        self.task = BackgroundTask(*task, parent=self)
        self.task.progress.connect(lambda fraction, text: self.status.setText(text))
        self.task.finished.connect(self._drawn)
        self.task.failed.connect(lambda reason: self.status.setText(f"The preview could not be drawn: {reason}"))
        self.task.start()

    def _drawn(self, pages: list[bytes]) -> None:
        self.pages = pages
        self.status.setText(f"As it will print ({len(pages)} pages)")
        self._show_page()

    def _show_page(self) -> None:
        count = len(self.pages)
        self.page_number.setMaximum(max(count, 1))
        self.page_count.setText(f"of {count}")
        for widget in (self.previous_button, self.next_button, self.page_number, self.export_button):
            widget.setEnabled(count > 0)
        if not count:
            self.image.clear()
            return
        number = self.page_number.value()
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < count)
        pixmap = QPixmap()
        pixmap.loadFromData(self.pages[number - 1], "PNG")
        self.image.setPixmap(pixmap)
