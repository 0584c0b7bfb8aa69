"""The Indicators tab: the recalculated indicators as the performance appendix groups them, with the author's words.

The table (IndicatorsModel) shows each indicator's status, previous and current
figures, the comparators with their quartile marks, the direction of travel and
whether it is better or worse; commentary, action and status are edited in
place (F2 or Enter; Shift+Enter for a new line), each edit one undoable step of
the window. Selecting an indicator draws its trend (IndicatorChart) and lists
the rows of the returns it was computed from: the provenance of every figure.

The tab reads `session.workspace`, refreshes on `session.project_changed` (when
hidden, on being shown), and changes the project only through `session.edit`.
"""

from __future__ import annotations

import logging

import pandas as pd
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QFontMetrics, QKeyEvent, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.formatting import format_value
from desktop_app.domain.problems import Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.gui.dataframe_model import DataFrameModel
from desktop_app.gui.indicator_chart import IndicatorChart
from desktop_app.gui.indicators_model import (
    ACTION,
    COMMENTARY,
    CURRENT,
    GROUP,
    HEADERS,
    METRIC,
    PREVIOUS,
    STATUS,
    IndicatorsModel,
    present,
    statuses,
)
from desktop_app.gui.session import Session
from desktop_app.workspace import Workspace

log = logging.getLogger("scrutiny.indicators")

COLUMN_WIDTHS = {
    GROUP: 104,
    STATUS: 58,
    METRIC: 270,
    PREVIOUS: 92,
    CURRENT: 92,
    5: 76,
    6: 76,
    7: 76,
    8: 42,
    9: 78,
    COMMENTARY: 300,
    ACTION: 220,
}
WRAPPED_COLUMNS = (METRIC, PREVIOUS, CURRENT, COMMENTARY, ACTION)
MAX_ROW_LINES = 6
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NEW_LINE = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier


def _cell_without_text(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
):
    """Draw the cell's background, selection and focus but not its text; return what the text needs."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text, opt.text = opt.text, ""
    widget = opt.widget
    style = widget.style() if widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return opt, text, style, widget


class WrappedTextDelegate(QStyledItemDelegate):
    """Wrapped text that ends in "…" where the row is too short for all of it (Qt would cut a line in half)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt, text, style, widget = _cell_without_text(self, painter, option, index)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(margin, 0, -margin, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.setClipRect(rect)
        _draw_elided(painter, rect, text.replace("\n", "\u2028"), opt.font)
        painter.restore()


class GroupDelegate(QStyledItemDelegate):
    """A group's name at the top of the part of its cell (spanning the group's rows) that is in view."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt, text, style, widget = _cell_without_text(self, painter, option, index)
        shown = opt.rect.intersected(widget.viewport().rect()) if widget else opt.rect
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            shown.adjusted(5, 3, -4, -2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            text,
        )
        painter.restore()


def _draw_elided(painter: QPainter, rect, text: str, font) -> None:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        lines.append(line)
    layout.endLayout()
    metrics = QFontMetrics(font)
    y = float(rect.top())
    for number, line in enumerate(lines):
        last_fitting = number + 1 < len(lines) and y + line.height() + lines[number + 1].height() > rect.bottom() + 2
        if last_fitting:
            rest = text[line.textStart() :].replace("\u2028", " ")
            painter.drawText(
                QPointF(rect.left(), y + metrics.ascent()),
                metrics.elidedText(rest, Qt.TextElideMode.ElideRight, rect.width()),
            )
            return
        line.draw(painter, QPointF(rect.left(), y))
        y += line.height()


class NoteDelegate(WrappedTextDelegate):
    """A commentary or action edited in several lines: Enter keeps it, Shift+Enter starts a new line, Esc cancels."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.setFrameShape(QFrame.Shape.Box)
        editor.setStyleSheet("QPlainTextEdit { border: 1px solid palette(highlight); }")
        editor.setAccessibleName(f"{HEADERS[index.column()]} of {index.siblingAtColumn(METRIC).data()}")
        editor.setToolTip("Enter keeps the text; Shift+Enter starts a new line; Esc cancels")
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QPlainTextEdit, index: QModelIndex) -> None:
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QPlainTextEdit, model, index: QModelIndex) -> None:
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex,
    ) -> None:
        """Room for several lines, kept inside the table."""
        rect = option.rect
        lines = editor.fontMetrics().lineSpacing() * 7 + 12
        rect.setHeight(max(rect.height(), lines))
        rect.setWidth(max(rect.width(), 320))
        area = editor.parentWidget().rect()
        if rect.bottom() > area.bottom():
            rect.moveBottom(area.bottom())
        if rect.right() > area.right():
            rect.moveRight(area.right())
        rect.moveTop(max(rect.top(), area.top()))
        rect.moveLeft(max(rect.left(), area.left()))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QPlainTextEdit) and event.key() in _ENTER:
            if event.modifiers() & _NEW_LINE:
                editor.insertPlainText("\n")
            else:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class StatusDelegate(QStyledItemDelegate):
    """A status picked from the schemes (1/2/3, met/within tolerance/missed) or typed; empty drops the author's."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QComboBox(parent)
        editor.setEditable(True)
        editor.addItem("")
        for choice in statuses().codes:
            editor.addItem(choice)
            editor.setItemData(editor.count() - 1, statuses().label(choice), Qt.ItemDataRole.ToolTipRole)
        editor.setAccessibleName(f"Status of {index.siblingAtColumn(METRIC).data()}")
        editor.setToolTip("1, 2 or 3 (or met, within tolerance, missed); leave empty for the return's or the rule's")
        return editor

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex,
    ) -> None:
        rect = option.rect
        rect.setWidth(max(rect.width(), 150))
        rect.setHeight(max(editor.sizeHint().height(), min(rect.height(), 28)))
        editor.setGeometry(rect)


class IndicatorsTable(QTableView):
    """The indicators' table: Enter edits an editable cell as F2 does; the menu key opens the row's menu.

    Signals:
        menu_requested(QModelIndex, QPoint): the context menu for a cell, at a global position
    """

    menu_requested = Signal(QModelIndex, QPoint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if (
            event.key() in _ENTER
            and self.state() != QAbstractItemView.State.EditingState
            and current.isValid()
            and current.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit(current)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            where = event.globalPos()
        else:
            index = self.currentIndex()
            where = self.viewport().mapToGlobal(self.visualRect(index).center())
        if index.isValid():
            self.menu_requested.emit(index, where)

    def row_height_hint(self, row: int, columns: tuple[int, ...]) -> int:
        """The height `row` needs for the wrapped text of `columns` at their present widths (whether scrolled
        into view or not)."""
        model = self.model()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        height = self.verticalHeader().minimumSectionSize()
        for column in columns:
            index = model.index(row, column)
            option.rect.setRect(0, 0, self.columnWidth(column), 10_000)
            height = max(height, self.itemDelegateForIndex(index).sizeHint(option, index).height())
        return height


class ProvenanceModel(DataFrameModel):
    """The history rows an indicator was computed from: figures as the table shows them, right-aligned."""

    FIGURES = ("Value", "Numerator", "Denominator", "Excel row")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid():
            if self.headerData(index.column(), Qt.Orientation.Horizontal) in self.FIGURES:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class IndicatorsTab(QWidget):
    """The Indicators tab over `session` (see the module's docstring). No signals: edits go to `session.edit`."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Indicators")
        self._stale = True
        self._shown_key: tuple | None = None

        self.model = IndicatorsModel(self)
        self.model.note_edited.connect(self.edit_note)
        self.table = IndicatorsTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Indicators")
        self.table.setAccessibleDescription(
            "One row per indicator, grouped as the appendix groups them. Commentary, action and status can be "
            "edited: F2 or Enter."
        )
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move within it
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.note_delegate = NoteDelegate(self.table)
        self.status_delegate = StatusDelegate(self.table)
        self.table.setItemDelegateForColumn(COMMENTARY, self.note_delegate)
        self.table.setItemDelegateForColumn(ACTION, self.note_delegate)
        self.table.setItemDelegateForColumn(STATUS, self.status_delegate)
        self.wrapped_delegate = WrappedTextDelegate(self.table)
        self.table.setItemDelegateForColumn(METRIC, self.wrapped_delegate)
        self.group_delegate = GroupDelegate(self.table)
        self.table.setItemDelegateForColumn(GROUP, self.group_delegate)
        # the group's name follows the scroll, so its column is drawn again, not moved, when the rows scroll
        self.table.verticalScrollBar().valueChanged.connect(self._update_group_column)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.menu_requested.connect(self._open_menu)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit_rows)
        header.sectionResized.connect(lambda column, *_: column in WRAPPED_COLUMNS and self._refit.start())

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.reset_button = QPushButton("Use the rule's status")
        self.reset_button.setToolTip("Drop the status the author set here for the selected indicator")
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.reset_current_status)

        self.chart = IndicatorChart()
        self.provenance_model = ProvenanceModel()
        self.provenance = QTableView()
        self.provenance.setModel(self.provenance_model)
        self.provenance.setAccessibleName("Rows the selected indicator was computed from")
        self.provenance.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.provenance.setTabKeyNavigation(False)
        self.provenance.verticalHeader().hide()
        self.provenance.verticalHeader().setDefaultSectionSize(22)
        self.provenance.horizontalHeader().setStretchLastSection(True)
        self.provenance_caption = QLabel("Computed from")
        self.provenance_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.provenance_caption.setWordWrap(True)
        self.provenance_caption.setBuddy(self.provenance)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks.setStyleSheet("color: #8a5a00;")
        self.checks.hide()

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reset_button)
        sources = QWidget()
        sources_layout = QVBoxLayout(sources)
        sources_layout.setContentsMargins(0, 0, 0, 0)
        sources_layout.addWidget(self.provenance_caption)
        sources_layout.addWidget(self.provenance, 1)
        sources_layout.addWidget(self.checks)
        self.details = QSplitter(Qt.Orientation.Horizontal)
        self.details.addWidget(self.chart)
        self.details.addWidget(sources)
        self.details.setStretchFactor(0, 1)
        self.details.setStretchFactor(1, 1)
        self.details.setSizes([640, 560])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.table)

        session.project_changed.connect(self._project_changed)
        self.refresh()

    def _update_group_column(self) -> None:
        left = self.table.columnViewportPosition(GROUP)
        self.table.viewport().update(left, 0, self.table.columnWidth(GROUP) + 1, self.table.viewport().height())

    # --- refreshing ------------------------------------------------------------------

    def _project_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # worked out when the tab is shown

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Show the workspace's indicators: only the rows whose words changed, where only the notes did."""
        self._stale = False
        current = self.current_indicator()
        scrolled = self.table.verticalScrollBar().value()
        failure = ""
        try:
            workspace = self.session.workspace
            calculated = workspace.calculated_indicators()
            results = workspace.indicators()
        except Exception as exc:
            log.exception("the indicators could not be worked out")
            calculated = results = None
            failure = f"The indicators could not be worked out from these returns: {exc}"
        changed = self.model.set_results(results, calculated, self.session.project.indicator_notes)
        if changed is None:
            self.table.clearSpans()
            for first, count in self.model.spans():
                if count > 1:
                    self.table.setSpan(first, GROUP, count, 1)
            self._fit_rows()
            if not self.select(current) and self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, METRIC))
            self.table.verticalScrollBar().setValue(scrolled)
        else:
            for row in changed:
                self._fit_row(row)
        self._show_summary(failure)
        self._show_current()

    def _fit_rows(self) -> None:
        for row in range(self.model.rowCount()):
            self._fit_row(row)

    def _fit_row(self, row: int) -> None:
        most = self.table.fontMetrics().lineSpacing() * MAX_ROW_LINES + 8
        self.table.setRowHeight(row, min(self.table.row_height_hint(row, WRAPPED_COLUMNS) + 2, most))

    def _show_summary(self, failure: str) -> None:
        results = self.model.results
        if failure:
            self.summary.setText(failure)
            self.summary.setStyleSheet("color: #b00000;")
            return
        self.summary.setStyleSheet("")
        if results is None or results.table.empty:
            self.summary.setText(
                "No indicators yet: import an indicators return, a monthly series or a survey "
                "(File > Import returns, Ctrl+I)."
            )
            return
        table = results.table
        groups = table["group"].fillna("Other").nunique()
        written = int(table["commentary"].notna().sum())
        checks = sum(p.severity is not Severity.NOTE for p in results.problems)
        parts = [f"{len(table)} indicators in {groups} groups", f"{written} with commentary"]
        if checks:
            parts.append(f"{checks} warnings to check (listed with each indicator)")
        self.summary.setText(" · ".join(parts) + ". Select an indicator for its trend and the rows it came from.")

    # --- the selected indicator -------------------------------------------------------

    def current_indicator(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.indicator_id(index.row()) if index.isValid() else None

    def select(self, indicator: str | None) -> bool:
        """Make `indicator` the current row (keeping the column); False where it is not shown."""
        row = self.model.row_of(indicator) if indicator else None
        if row is None:
            return False
        column = self.table.currentIndex().column()
        self.table.setCurrentIndex(self.model.index(row, column if column > GROUP else METRIC))
        return True

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        results = self.model.results
        if not index.isValid() or results is None:
            self._shown_key = None
            self.chart.show_indicator(None, None)
            self.provenance_model.set_frame(pd.DataFrame())
            self.provenance_caption.setText("Computed from")
            self.checks.hide()
            self.reset_button.setEnabled(False)
            return
        row = index.row()
        indicator = self.model.indicator_id(row)
        self.reset_button.setEnabled(self.model.has_note(row, "status"))
        self.reset_button.setText(self.model.reset_label(row))
        self.reset_button.setAccessibleName(self.model.reset_label(row))
        key = (indicator, id(results.history), id(results.problems))
        if key == self._shown_key:
            return  # the figures are as drawn: only words changed
        self._shown_key = key
        record = self.model.record(row)
        history = results.history[results.history["id"].eq(indicator)]
        entry = record.get("catalogue_id")
        definition = self.session.workspace.catalogue.definitions.get(entry) if isinstance(entry, str) else None
        try:
            self.chart.show_indicator(record, history, rolled=bool(definition and definition.rolling))
            self._show_provenance(indicator, record, history, results.problems)
        except Exception:
            log.exception("the trend of %s could not be drawn", indicator)
            self.chart.show_indicator(None, None)
            self.chart.caption.setText(f"The trend of {indicator} could not be drawn: the details are in the log.")

    def _show_provenance(self, indicator: str, record: dict, history: pd.DataFrame, problems) -> None:
        unit, decimals = record["unit"], int(record["decimals"])
        files = self._files_by_sheet()
        newest_first = history.iloc[::-1]

        def figure(values: pd.Series, unit_of: str | None, places: int) -> list[str]:
            return [format_value(v if present(v) else None, unit_of, places) for v in values]

        frame = pd.DataFrame(
            {
                "period": [p if isinstance(p, str) else "(not given)" for p in newest_first["period"]],
                "value": figure(newest_first["value"], unit, decimals),
                "numerator": figure(newest_first["numerator"], None, _places(newest_first["numerator"], decimals)),
                "denominator": figure(
                    newest_first["denominator"], None, _places(newest_first["denominator"], decimals)
                ),
                "file": [files.get(s, "") if isinstance(s, str) else "" for s in newest_first["sheet"]],
                "worksheet": [s if isinstance(s, str) else "" for s in newest_first["sheet"]],
                "row": newest_first["row"].to_numpy(),
            }
        )
        for name in ("numerator", "denominator"):
            if not any(frame[name]):
                frame = frame.drop(columns=name)
        mine = [p for p in problems if p.message.startswith((f"{indicator}:", f"{indicator},"))]
        read = set(zip(newest_first["sheet"], newest_first["row"], strict=True))
        row_problems = {p.row: (p.severity.value, p.message) for p in mine if (p.sheet, p.row) in read}
        self.provenance_model.set_frame(frame, row_problems)
        for column in range(self.provenance_model.columnCount()):
            self.provenance.resizeColumnToContents(column)
        name = record["name"] if isinstance(record["name"], str) else indicator
        entry = record.get("catalogue_id")
        linked = f", catalogue entry {entry}" if isinstance(entry, str) and entry != indicator else ""
        monthly = self._sheets_of(ReturnKind.MONTHLY_SERIES)
        rolled = self.chart.trend is not None and self.chart.trend.rolled and bool(set(frame["worksheet"]) & monthly)
        self.provenance_caption.setText(
            f"{name} ({indicator}{linked}): computed from {len(frame)} row{'s' if len(frame) != 1 else ''} of the "
            "returns" + ("; a monthly series row's figure is its month and the eleven before it." if rolled else ".")
        )
        if mine:
            self.checks.setText("To check: " + "; ".join(_check_text(p) for p in mine))
            self.checks.show()
        else:
            self.checks.hide()

    def _sheets_of(self, kind: ReturnKind) -> set[str]:
        return {
            sheet.sheet for imported in self.session.project.imports for sheet in imported.sheets if sheet.kind is kind
        }

    def _files_by_sheet(self) -> dict[str, str]:
        files: dict[str, list[str]] = {}
        for imported in self.session.project.imports:
            for sheet in imported.sheets:
                if sheet.kind not in Workspace.INDICATOR_KINDS:
                    continue
                names = files.setdefault(sheet.sheet, [])
                if imported.provenance.file not in names:
                    names.append(imported.provenance.file)
        return {sheet: " / ".join(names) for sheet, names in files.items()}

    # --- the author's edits ----------------------------------------------------------------

    def edit_note(self, indicator: str, name: str, after: str | None) -> None:
        """One undoable edit of an indicator's commentary, action or status (None: drop the author's)."""
        project = self.session.project
        before = project.indicator_notes.get(indicator, {}).get(name)
        row = self.model.row_of(indicator)
        label = self.model.record(row)["name"] if row is not None else indicator
        label = label if isinstance(label, str) else indicator
        short = label if len(label) <= 48 else label[:48].rsplit(" ", 1)[0].rstrip(" -–,:;(") + "…"
        what = (
            f"Use the calculated status of “{short}”"
            if name == "status" and after is None
            else f"Edit the {name} of “{short}”"
        )

        def apply(value: str | None) -> None:
            project.set_note(indicator, name, value)

        self.session.edit(what, apply, before, after)

    def reset_current_status(self) -> None:
        indicator = self.current_indicator()
        if indicator:
            self.edit_note(indicator, "status", None)

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The menu for a cell's indicator: edit its words, set or drop the author's status."""
        menu = QMenu(self)
        row = index.row()
        for column in (COMMENTARY, ACTION, STATUS):
            action = menu.addAction(f"Edit {HEADERS[column].lower()}…")
            action.triggered.connect(lambda _=False, c=column: self._edit_cell(row, c))
        status_menu = menu.addMenu("Set status")
        for choice in statuses().codes:
            action = status_menu.addAction(f"{choice}: {statuses().label(choice)}")
            action.triggered.connect(lambda _=False, c=choice: self.model.setData(self.model.index(row, STATUS), c))
        reset = QAction(self.model.reset_label(row), menu)
        reset.setEnabled(self.model.has_note(row, "status"))
        reset.triggered.connect(lambda: self.edit_note(self.model.indicator_id(row), "status", None))
        menu.addAction(reset)
        return menu

    def _open_menu(self, index: QModelIndex, where: QPoint) -> None:
        self.table.setCurrentIndex(index if index.column() != GROUP else index.siblingAtColumn(METRIC))
        menu = self.context_menu(index)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(where)  # not exec(): nothing waits on the menu

    def _edit_cell(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def sizeHint(self) -> QSize:
        return QSize(1200, 800)


def _check_text(problem) -> str:
    where = f"{problem.sheet} row {problem.row}: " if problem.sheet and problem.row is not None else ""
    return where + problem.message.split(": ", 1)[-1]


def _places(values: pd.Series, decimals: int) -> int:
    """Whole numbers without decimals (counts), others with the indicator's."""
    known = values.dropna()
    return 0 if known.empty or bool((known == known.round()).all()) else decimals
