"""The cover sheet's fields that are not one line or paragraph: the further committees the report goes to, each
with its date of meeting ("Report to" holding several committees), and the words for each of the council's
purposes (Sefton's "Contribution to the Council's Core Purpose").

Each editor hands the whole field to `changed` when the author finishes a change (a row added or removed, a
committee typed, a date chosen, a purpose's words left), so each is one undoable edit of the project's cover,
kept as report.cover.form_text writes it. A layout that does not print the field disables its editor and
says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: The least date of a date field, shown as "Not set".
NOT_SET_DATE = QDate(1900, 1, 1)
ISO = "yyyy-MM-dd"


class _StartAtToday(QObject):
    """A date not set starts the author at today when they enter the field (kept only if they change it)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QDateEdit):
            if watched.date() == watched.minimumDate():
                watched.blockSignals(True)
                watched.setDate(QDate.currentDate())
                watched.blockSignals(False)
        return False


def optional_date(widget: QDateEdit, finished: Callable[[str], None]) -> None:
    """A date field that may be left unset: it shows "Not set" (its least date), never today, and a date is
    kept (`finished("2025-01-07")`) only when the author changes it, so tabbing through sets nothing behind
    their back; leaving it unchanged shows again what is kept."""
    widget.setMinimumDate(NOT_SET_DATE)
    widget.setSpecialValueText("Not set")
    widget.installEventFilter(_StartAtToday(widget))
    widget.dateChanged.connect(lambda _date: widget.setProperty("edited", True))

    def done() -> None:
        if widget.property("edited"):
            widget.setProperty("edited", False)
            unset = widget.date() == widget.minimumDate()  # taken back down to "Not set"
            finished("" if unset else widget.date().toString(ISO))
        else:
            show_date(widget, widget.property("kept") or "")

    widget.editingFinished.connect(done)


def show_date(widget: QDateEdit, value: str) -> None:
    """Show the kept date `value` ("2025-01-07", or "" for not set) without counting it as the author's edit."""
    date = QDate.fromString(value, ISO)
    widget.blockSignals(True)
    widget.setDate(date if date.isValid() else widget.minimumDate())
    widget.setProperty("edited", False)
    widget.setProperty("kept", value)
    widget.blockSignals(False)


class MeetingsEditor(QWidget):
    """The further committees, a row each: the committee, its date of meeting, and a button to remove it.

    Signals: changed(list): the rows as {"committee", "date"} after the author's change."""

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Further committees")
        self.rows: list[tuple[QLineEdit, QDateEdit, QPushButton]] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Add a further co&mmittee")
        self.add_button.setToolTip("The report goes to another committee too, on its own date")
        self.add_button.clicked.connect(self.add_row)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #555; font-style: italic")
        self.reason.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.add_button)
        layout.addWidget(self.reason)

    def values(self) -> list[dict[str, str]]:
        """The rows as shown, in their order."""
        return [
            {"committee": committee.text().strip(), "date": date.property("kept") or ""}
            for committee, date, _ in self.rows
        ]

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        """Show `rows` (the project's), keeping the widgets of rows still there, so the focus stays put."""
        while len(self.rows) > len(rows):
            for widget in self.rows.pop():
                self._grid.removeWidget(widget)
                widget.deleteLater()
        while len(self.rows) < len(rows):
            self._new_row()
        for (committee, date, _), row in zip(self.rows, rows, strict=True):
            if committee.text() != row["committee"]:
                committee.setText(row["committee"])
            show_date(date, row["date"])

    def _new_row(self) -> None:
        number = len(self.rows) + 1
        committee = QLineEdit()
        committee.setAccessibleName(f"Further committee {number}")
        committee.setPlaceholderText("Committee")
        committee.setMinimumWidth(220)  # a committee's name is long: it takes the row's room, the date what it needs
        committee.editingFinished.connect(self._edited)
        date = QDateEdit()
        date.setCalendarPopup(True)
        date.setDisplayFormat("d MMMM yyyy")
        date.setAccessibleName(f"Date of meeting of further committee {number}")
        date.setMinimumWidth(date.fontMetrics().horizontalAdvance("Wednesday 30 September 2099"))
        optional_date(date, lambda _iso, date=date: (date.setProperty("kept", _iso), self._edited()))
        remove = QPushButton("Remove")
        remove.setAccessibleName(f"Remove further committee {number}")
        remove.clicked.connect(lambda _checked=False, committee=committee: self.remove_row(committee))
        for column, widget in enumerate((committee, date, remove)):
            self._grid.addWidget(widget, number, column)
            widget.show()  # now, not when the layout next shows its new widgets: the cursor goes to it at once
        self._grid.setColumnStretch(0, 1)
        self.rows.append((committee, date, remove))

    def add_row(self) -> None:
        """A new empty row, the cursor in its committee (one undoable edit: Undo takes the row away)."""
        self.changed.emit([*self.values(), {"committee": "", "date": ""}])
        if self.rows:
            self.rows[-1][0].setFocus()

    def remove_row(self, committee: QLineEdit) -> None:
        at = next(number for number, row in enumerate(self.rows) if row[0] is committee)
        rows = self.values()
        del rows[at]
        self.changed.emit(rows)
        if self.rows:
            self.rows[min(at, len(self.rows) - 1)][0].setFocus()
        else:
            self.add_button.setFocus()

    def _edited(self) -> None:
        self.changed.emit(self.values())

    def set_used(self, used: bool, reason: str = "") -> None:
        """Enable the rows where the layout prints them; otherwise disable them and say why."""
        for widget in (*(w for row in self.rows for w in row), self.add_button):
            widget.setEnabled(used)
        self.reason.setText(reason)
        self.reason.setVisible(not used)


class PurposesEditor(QGroupBox):
    """What the report contributes to each of the council's purposes, the layout's purposes in its order.

    Signals: changed(dict): each purpose's words, by the layout's key, after the author leaves one."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Contribution to the council's purposes", parent)
        self.setAccessibleName("Contribution to the council's purposes")
        self.fields: dict[str, QPlainTextEdit] = {}
        self._kept: dict[str, str] = {}
        self._form = QFormLayout()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #555; font-style: italic")
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(self._form)

    def set_purposes(self, purposes: dict[str, str], heading: str, reason: str = "") -> None:
        """Show a field for each of `purposes` (key -> the purpose as printed) under `heading`; with none, say
        `reason` (the layout has no such table) and keep the words for a layout that prints them."""
        if list(self.fields) != list(purposes):
            while self._form.rowCount():
                self._form.removeRow(0)
            self.fields = {}
            for key, purpose in purposes.items():
                field = QPlainTextEdit()
                field.setObjectName(f"purpose_{key}")
                field.setAccessibleName(purpose)
                field.setTabChangesFocus(True)
                field.setMaximumHeight(60)
                field.setPlaceholderText("NA")
                field.installEventFilter(self)
                label = QLabel(purpose + ":")
                label.setWordWrap(True)
                label.setBuddy(field)
                self._form.addRow(label, field)
                self.fields[key] = field
        self.setTitle(heading.rstrip(":") or "Contribution to the council's purposes")
        self.reason.setText(
            reason or "What the report contributes to each purpose; a purpose left empty prints as the layout's NA."
        )
        self.setEnabled(bool(purposes))

    def set_words(self, words: dict[str, str]) -> None:
        self._kept = dict(words)
        for key, field in self.fields.items():
            if field.toPlainText() != words.get(key, ""):
                field.setPlainText(words.get(key, ""))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            words = dict(self._kept)
            for key, field in self.fields.items():
                text = field.toPlainText().strip()
                if text:
                    words[key] = text
                else:
                    words.pop(key, None)
            if words != self._kept:
                self._kept = words
                self.changed.emit(words)
        return super().eventFilter(watched, event)
