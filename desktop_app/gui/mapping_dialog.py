"""The column mapping dialog (forms/column_mapping.ui): what a sheet is, what each column holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.domain.complaints import LOG_COLUMNS
from desktop_app.domain.returns import RETURN_FIELDS, ReturnKind
from desktop_app.gui.forms import load_form

NOT_USED = "(not used)"
NOT_A_RETURN = "Not a return"


def kind_label(kind: ReturnKind | None) -> str:
    return kind.value.replace("_", " ").capitalize() if kind else NOT_A_RETURN


def fields_of(kind: ReturnKind | None) -> list[str]:
    if kind is None or kind is ReturnKind.CROSS_TAB:
        return []
    if kind is ReturnKind.COMPLAINTS_LOG:
        return [name for name in LOG_COLUMNS if name not in ("decision", "complainant_group", "sheet", "row")]
    return [spec.name for spec in RETURN_FIELDS[kind] if spec.name != "period_end"]


class ColumnMappingDialog:
    """Wraps the Designer dialog; `result()` gives (kind, {label: field}, remember)."""

    def __init__(
        self,
        sheet: str,
        file: str,
        kind: ReturnKind | None,
        labels: list[str],
        columns: dict[str, str],
        parent: QWidget | None = None,
    ):
        self.dialog: QDialog = load_form("column_mapping", parent)
        self.dialog.setWindowTitle(f"Columns of '{sheet}' ({file})")
        self._kind: QComboBox = self.dialog.findChild(QComboBox, "kindCombo")
        self._table: QTableWidget = self.dialog.findChild(QTableWidget, "mappingTable")
        self._remember: QCheckBox = self.dialog.findChild(QCheckBox, "rememberCheck")
        intro: QLabel = self.dialog.findChild(QLabel, "introLabel")
        intro.setText(
            f"Say what sheet '{sheet}' of {file} is, and what each of its columns holds. "
            "The figures are read again with your choices."
        )
        self._labels = labels
        self._field_of_label = {label: name for name, label in columns.items()}
        self._kind.addItem(NOT_A_RETURN, "")
        for choice in ReturnKind:
            if choice is not ReturnKind.LESSONS_REGISTER:  # read by its own vocabulary, never mapped
                self._kind.addItem(kind_label(choice), choice.value)
        self.set_kind(kind)
        self._kind.currentIndexChanged.connect(self._fill)
        self._fill()

    def _current_kind(self) -> ReturnKind | None:
        return ReturnKind(self._kind.currentData()) if self._kind.currentData() else None

    def _fill(self) -> None:
        kind = self._current_kind()
        choices = [NOT_USED, *fields_of(kind)]
        self._table.setRowCount(len(self._labels))
        for row, label in enumerate(self._labels):
            item = QTableWidgetItem(label)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self._table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setAccessibleName(f"What column '{label}' holds")
            combo.addItems([choice.replace("_", " ") for choice in choices])
            current = self._field_of_label.get(label, NOT_USED)
            combo.setCurrentIndex(choices.index(current) if current in choices else 0)
            combo.setProperty("choices", choices)
            self._table.setCellWidget(row, 1, combo)
        self._table.resizeColumnToContents(0)

    def set_choice(self, label: str, field_name: str) -> None:
        """Choose what column `label` holds (as the user would with its drop-down)."""
        combo: QComboBox = self._table.cellWidget(self._labels.index(label), 1)
        combo.setCurrentIndex(combo.property("choices").index(field_name))

    def set_kind(self, kind: ReturnKind | None) -> None:
        self._kind.setCurrentIndex(self._kind.findData(kind.value) if kind else 0)

    def result(self) -> tuple[ReturnKind | None, dict[str, str], bool]:
        mapping = {}
        for row, label in enumerate(self._labels):
            combo: QComboBox = self._table.cellWidget(row, 1)
            choice = combo.property("choices")[combo.currentIndex()]
            if choice != NOT_USED:
                mapping[label] = choice
        return self._current_kind(), mapping, self._remember.isChecked()

    def exec(self) -> bool:
        return self.dialog.exec() == QDialog.DialogCode.Accepted
