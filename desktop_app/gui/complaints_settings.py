"""What the author sets on the Complaints tab: the report's period, the stage time limits, and the council's
closure days. The editors only show values and say what the user chose (signals); the tab turns a choice
into an undoable edit of the project's settings, and refreshes the editors from the workspace.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.periods import Period
from desktop_app.domain.rules import ACKNOWLEDGEMENT, RESPONSE, ComplaintRules

MAX_WORKING_DAYS = 260
CUSTOM = "custom"
DATE_FORMAT = "d MMM yyyy"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"  # not %-d: Windows has no such code


class PeriodChooser(QWidget):
    """The report's period: a reporting year the log has complaints in, or dates of the author's own.

    Signals:
        period_chosen(object): the Period the user chose
        as_at_chosen(object): the day (a datetime.date) the figures are to be as at
    """

    period_chosen = Signal(object)
    as_at_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.years = QComboBox()
        self.years.setAccessibleName("Report period")
        self.years.setToolTip(
            "The complaints received in this period are counted (a council's year runs 1 April to 31 March)"
        )
        self.years.activated.connect(self._year_chosen)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit, name in ((self.start, "First day of the period"), (self.end, "Last day of the period")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setAccessibleName(name)
        self.apply_button = QPushButton("&Use these dates")
        self.apply_button.setToolTip("Count the complaints received from the first date to the last, inclusive")
        self.apply_button.clicked.connect(self._dates_chosen)
        self.as_at = QDateEdit()
        self.as_at.setCalendarPopup(True)
        self.as_at.setDisplayFormat(DATE_FORMAT)
        self.as_at.setAccessibleName("Figures as at")
        self.as_at.setToolTip(
            "Open and overdue complaints are judged on this day; it is printed on the appendix's title page"
        )
        self.as_at.editingFinished.connect(lambda: self.as_at_chosen.emit(_date(self.as_at.date())))
        as_at_label = QLabel("Figures as &at")
        as_at_label.setBuddy(self.as_at)
        label = QLabel("Report perio&d:")
        label.setBuddy(self.years)
        start_label, end_label = QLabel("Fro&m"), QLabel("&to")
        start_label.setBuddy(self.start)
        end_label.setBuddy(self.end)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.years, start_label, self.start, end_label, self.end, self.apply_button):
            layout.addWidget(widget)
        layout.addSpacing(16)
        layout.addWidget(as_at_label)
        layout.addWidget(self.as_at)

    def show_period(self, years: list[Period], current: Period, as_at: dt.date) -> None:
        """Offer `years` (latest first) and custom dates; show `current` and the day the figures are as at."""
        self.as_at.blockSignals(True)
        self.as_at.setDate(_qdate(as_at))
        self.as_at.blockSignals(False)
        self.years.blockSignals(True)
        self.years.clear()
        for year in years:
            self.years.addItem(f"{year.label}  ({_day(year.start)} – {_day(year.end)})", year)
        self.years.addItem("Custom dates", CUSTOM)
        chosen = next((n for n, year in enumerate(years) if year == current), len(years))
        self.years.setCurrentIndex(chosen)
        self.years.blockSignals(False)
        self.start.setDate(_qdate(current.start))
        self.end.setDate(_qdate(current.end))

    def _year_chosen(self, index: int) -> None:
        chosen = self.years.itemData(index)
        if chosen == CUSTOM:
            self.start.setFocus()
            return
        self.period_chosen.emit(chosen)

    def _dates_chosen(self) -> None:
        start, end = _date(self.start.date()), _date(self.end.date())
        if end < start:
            start, end = end, start  # the user means the dates between them
        self.period_chosen.emit(Period(start, end))


class LimitsEditor(QWidget):
    """Per procedure and stage: respond within, with an extension at most, acknowledge within (working days).

    Signals:
        limit_changed(str, str, str, str, int): procedure, stage, clock, "limit" or "extended_limit", days
        reset_requested(): go back to the rules file's limits
    """

    limit_changed = Signal(str, str, str, str, int)
    reset_requested = Signal()

    COLUMNS = ("Stage", "Respond within", "With an extension, at most", "Acknowledge within")

    def __init__(self, rules: ComplaintRules, parent: QWidget | None = None):
        super().__init__(parent)
        self.spins: dict[tuple[str, str, str, str], QSpinBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            "Time limits in working days. Every figure in this tab and in the appendix is measured "
            "against them; a limit you change here is kept with this report, not in the rules file."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for code, procedure in rules.procedures.items():
            timed = {stage_code: stage for stage_code, stage in procedure.stages.items() if stage.clocks}
            if not timed:
                continue
            box = QGroupBox(procedure.label)
            box.setToolTip(procedure.regulations)
            grid = QGridLayout(box)
            for column, words in enumerate(self.COLUMNS):
                heading = QLabel(words)
                heading.setWordWrap(True)
                heading.setStyleSheet("font-weight: bold")
                grid.addWidget(heading, 0, column)
            for row, (stage_code, stage) in enumerate(timed.items(), start=1):
                grid.addWidget(QLabel(stage.label), row, 0)
                places = (
                    (RESPONSE, "limit", 1, "respond within"),
                    (RESPONSE, "extended_limit", 2, "with an extension, respond within at most"),
                    (ACKNOWLEDGEMENT, "limit", 3, "acknowledge within"),
                )
                for clock_name, field_name, column, words in places:
                    clock = stage.clocks.get(clock_name)
                    if clock is None or getattr(clock, field_name) is None:
                        grid.addWidget(QLabel("–"), row, column)
                        continue
                    spin = QSpinBox()
                    spin.setRange(0, MAX_WORKING_DAYS)
                    spin.setSuffix(" days")
                    spin.setKeyboardTracking(False)  # typing "20" is one change, made on Enter or leaving
                    spin.setAccessibleName(f"{procedure.label}, {stage.label}: {words}, in working days")
                    key = (code, stage_code, clock_name, field_name)
                    spin.valueChanged.connect(lambda value, key=key: self._changed(key, value))
                    grid.addWidget(spin, row, column)
                    self.spins[key] = spin
            if procedure.uses_closure_days:
                note = QLabel("Counts the council's closure days as non-working days.")
                note.setWordWrap(True)
                grid.addWidget(note, len(timed) + 1, 0, 1, len(self.COLUMNS))
            layout.addWidget(box)
        self.reset_button = QPushButton("&Back to the rules file's limits")
        self.reset_button.setToolTip("Forget the limits changed for this report")
        self.reset_button.clicked.connect(self.reset_requested)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.reset_button)
        layout.addLayout(row)
        self._showing = False

    def spin(self, procedure: str, stage: str, clock: str = RESPONSE, field_name: str = "limit") -> QSpinBox:
        return self.spins[(procedure, stage, clock, field_name)]

    def show_limits(self, rules: ComplaintRules, base: ComplaintRules) -> None:
        """The limits in use; one the author changed is bold, with the rules file's value in its tooltip."""
        self._showing = True
        try:
            changed_any = False
            for (code, stage, clock_name, field_name), spin in self.spins.items():
                stage_rules = rules.stage(code, stage)
                clock = stage_rules.clocks.get(clock_name) if stage_rules else None
                value = getattr(clock, field_name) if clock else None
                original = getattr(base.procedures[code].stages[stage].clocks[clock_name], field_name)
                if field_name == "extended_limit":
                    spin.setMinimum(min(clock.limit, value or 0) if clock else 0)
                spin.setValue(value if value is not None else 0)
                changed = value != original
                changed_any |= changed
                font = spin.font()
                font.setBold(changed)
                spin.setFont(font)
                spin.setToolTip(
                    f"Changed for this report; the rules file says {original} working days"
                    if changed
                    else "As the rules file says"
                )
            self.reset_button.setEnabled(changed_any)
        finally:
            self._showing = False

    def _changed(self, key: tuple[str, str, str, str], value: int) -> None:
        if not self._showing:
            self.limit_changed.emit(*key, value)


class ClosureDaysEditor(QWidget):
    """The council's own closure days (for the procedures that count them).

    Signals:
        days_changed(list): the closure days the user wants, as dates
    """

    days_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.days: list[dt.date] = []
        self.list = QListWidget()
        self.list.setAccessibleName("Council closure days")
        self.list.setMaximumHeight(130)
        self.new_day = QDateEdit()
        self.new_day.setCalendarPopup(True)
        self.new_day.setDisplayFormat(DATE_FORMAT)
        self.new_day.setAccessibleName("Closure day to add")
        self.new_day.setDate(QDate.currentDate())
        self.add_button = QPushButton("&Add closure day")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton("Remove closure da&y")
        self.remove_button.clicked.connect(self._remove)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.list,
            self._remove,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        title = QLabel(
            "Council closure days (the days between Christmas and New Year, say). They count only for "
            "procedures that use them: the statutory regulations count weekends and bank holidays alone."
        )
        title.setWordWrap(True)
        new_label = QLabel("&New closure day:")
        new_label.setBuddy(self.new_day)
        buttons = QHBoxLayout()
        buttons.addWidget(new_label)
        buttons.addWidget(self.new_day)
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def show_days(self, days: tuple[dt.date, ...]) -> None:
        self.days = sorted(days)
        self.list.clear()
        for day in self.days:
            item = QListWidgetItem(f"{day:%A} {day.day} {day:%B %Y}")  # not %-d: Windows has no such code
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.list.addItem(item)
        if not self.days:
            placeholder = QListWidgetItem("None: only weekends and bank holidays are non-working days")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self.remove_button.setEnabled(bool(self.days))

    def _add(self) -> None:
        day = _date(self.new_day.date())
        if day not in self.days:
            self.days_changed.emit(sorted([*self.days, day]))

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None or not item.data(Qt.ItemDataRole.UserRole):
            return
        gone = dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
        self.days_changed.emit([day for day in self.days if day != gone])
