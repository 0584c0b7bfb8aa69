"""The charts' alternative text, as a screen reader will read it in the PDF and the Word appendix.

Each chart's text is worked out from the figures it draws (report.charts); the author may replace it with
their own, which the project keeps (settings["chart_alt_texts"], by chart key) and every export uses.
A text put back to the worked-out one is not kept, so it follows the figures again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.report.charts import chart_alt_text
from desktop_app.report.model import Chart
from desktop_app.workspace import CHART_TEXTS

SETTING = CHART_TEXTS


class ChartTextsDialog(QDialog):
    """One editable text per chart; `authored()` is what differs from the worked-out texts."""

    def __init__(self, charts: list[Chart], authored: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Chart descriptions")
        self.resize(720, 560)
        self.worked_out = {chart.key: chart_alt_text(chart) for chart in charts}
        self.editors: dict[str, QPlainTextEdit] = {}
        intro = QLabel(
            "A screen reader reads these descriptions in place of each chart, in the PDF and in Word. "
            "Each is worked out from the chart's figures; write your own where it helps a reader more."
        )
        intro.setWordWrap(True)
        body = QWidget()
        column = QVBoxLayout(body)
        for chart in charts:
            column.addWidget(self._chart_box(chart, authored.get(chart.key) or self.worked_out[chart.key]))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _chart_box(self, chart: Chart, text: str) -> QGroupBox:
        box = QGroupBox(chart.title)
        editor = QPlainTextEdit(text)
        editor.setAccessibleName(f"Description of the chart {chart.title}")
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 5 + 12)
        reset = QPushButton("Use the worked-out text")
        reset.setToolTip("Put back the description worked out from the chart's figures")
        reset.clicked.connect(lambda: editor.setPlainText(self.worked_out[chart.key]))
        layout = QVBoxLayout(box)
        layout.addWidget(editor)
        layout.addWidget(reset, 0, Qt.AlignmentFlag.AlignLeft)
        self.editors[chart.key] = editor
        return box

    def authored(self) -> dict[str, str]:
        """The author's own texts: those not blank and not the worked-out text."""
        texts = {key: editor.toPlainText().strip() for key, editor in self.editors.items()}
        return {key: text for key, text in texts.items() if text and text != self.worked_out[key].strip()}
