"""The indicators as the performance appendix shows them: a table model over the workspace's results.

A thin adapter (style.md): it keeps the IndicatorResults the workspace gives and
formats each cell in data() by role, every figure through
indicators.format_value with the indicator's own decimals (the one place a
figure is rounded). Rows are grouped as the appendix groups them (Demand,
Timeliness, ...): groups in the appendix's order (report.performance.dashboard_group_order,
the PDF's rule), indicators in their own order within a group, those without a
group last, as "Other". A status is shaded and explained as the one status
vocabulary says (report.statuses), in the report style's colours, as the PDF shades it.

Commentary, action and status are editable, but the model changes nothing
itself: setData says what the author wrote through `note_edited`, the tab makes
that an undoable edit of the project, and the new results come back through
set_results. A note the same as the return's own text is no note (None).

Signals:
    note_edited(str, str, object): indicator id, note name ("commentary", "action" or "status"),
        and the note's new text, or None to drop the author's note (back to the return's or the rule's)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.domain.formatting import ARROWS, format_change, format_value
from desktop_app.domain.indicators import COMPARATOR_LABELS, IndicatorResults
from desktop_app.domain.quartiles import MARKS
from desktop_app.report.performance import dashboard_group_order
from desktop_app.report.performance_text import PerformanceText, load_performance_text
from desktop_app.report.statuses import StatusVocabulary, load_statuses, style_colours

GROUP, STATUS, METRIC, PREVIOUS, CURRENT, SN, NW, ENGLAND, DIRECTION, JUDGEMENT, COMMENTARY, ACTION = range(12)
HEADERS = (
    "Group",
    "Status",
    "Metric",
    "Previous",
    "Current",
    "SN",
    "NW",
    "England",
    "DoT",
    "Judgement",
    "Commentary",
    "Action",
)
HEADER_TIPS = (
    "The appendix's group of indicators",
    "1 Overall good or improving, 2 improving but impact still concerning, 3 not improving (or met / within "
    "tolerance / missed against a target). Bold: the author's; ✎ set in this report",
    "The indicator as the committee knows it",
    "The indicator's previous period",
    "The indicator's latest period",
    "Statistical neighbours' average; ✔ top quartile, ▬ middle quartiles, ✘ bottom quartile "
    "(in the sense of good performance)",
    "North West average, with our quartile against the North West",
    "England average, with our quartile in England",
    "Direction of travel against the previous period: ▲ up, ▼ down, - about the same",
    "Whether the change is better or worse, given which way is good",
    "The author's commentary (F2 or Enter to edit)",
    "What will be done (F2 or Enter to edit)",
)
NOTE_COLUMNS = {STATUS: "status", COMMENTARY: "commentary", ACTION: "action"}
_WORDS = ("status", "status_source", "commentary", "action")  # what the author's notes change
COMPARATOR_COLUMNS = {SN: "sn", NW: "nw", ENGLAND: "england"}
OTHER_GROUP = "Other"
#: The indicator's id for any cell of its row.
ID_ROLE = Qt.ItemDataRole.UserRole

#: A judgement's colour name in the report style (the PDF colours the arrows of "better" and "worse" alike).
_JUDGEMENT_COLOURS = {"better": "better", "worse": "worse", "same": "muted"}
_GROUP_BACKGROUND = QBrush(QColor("#eef1f5"))


@cache
def statuses() -> StatusVocabulary:
    """The status vocabulary (resources/status_vocabulary.toml), read once: the PDF's too."""
    return load_statuses()


@cache
def colours() -> dict[str, str]:
    """The report style's colours by name (resources/report_style.toml), read once: the PDF's too."""
    return style_colours()


@cache
def report_text() -> PerformanceText:
    """The performance appendix's text file (its dashboards' groups order the rows), read once."""
    return load_performance_text()


_QUARTILE_WORDS = {"top": "top quartile", "middle": "middle quartiles", "bottom": "bottom quartile"}
_DIRECTION_WORDS = {"up": "up", "down": "down", "same": "about the same"}
_UNIT_WORDS = {
    "count": "a count",
    "percent": "a percentage",
    "rate_per_10000": "a rate per 10,000",
    "rate_per_100000": "a rate per 100,000",
    "gbp": "pounds",
    "hours": "hours",
    "number": "a number",
}
_TOP, _CENTRE, _RIGHT = (
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
)
_ALIGNMENT = {
    STATUS: _CENTRE,
    PREVIOUS: _RIGHT,
    CURRENT: _RIGHT,
    SN: _RIGHT,
    NW: _RIGHT,
    ENGLAND: _RIGHT,
    DIRECTION: _CENTRE,
}
_EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
_READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and np.isnan(value)) and value is not pd.NA


def text_of(value: object) -> str:
    return str(value) if present(value) else ""


class IndicatorsModel(QAbstractTableModel):
    note_edited = Signal(str, str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._results: IndicatorResults | None = None
        self._calculated: IndicatorResults | None = None
        self._notes: Mapping[str, Mapping[str, str]] = {}
        self._order = np.empty(0, dtype=np.int64)  # model row -> table position
        self._records: list[dict] = []  # the table's rows in model order: data()'s fast path, remade with each results
        self._row_of: dict[str, int] = {}
        self._spans: list[tuple[int, int]] = []
        self._periods = ("", "")  # the usual previous and current period, for the headers
        self._bold = QFont()
        self._bold.setBold(True)

    # --- the results ---------------------------------------------------------------

    def set_results(
        self,
        results: IndicatorResults | None,
        calculated: IndicatorResults | None,
        notes: Mapping[str, Mapping[str, str]],
    ) -> list[int] | None:
        """Show `results` (the workspace's, with the author's notes) over `calculated` (before them).

        Where only the notes changed (the same `calculated`), the rows stay and the
        model rows whose text changed are returned; otherwise the model is reset and
        None returned.
        """
        if results is None or calculated is None or self._results is None or calculated is not self._calculated:
            self.beginResetModel()
            self._results, self._calculated, self._notes = results, calculated, notes
            self._arrange()
            self.endResetModel()
            return None
        before = self._results.table
        self._results, self._notes = results, notes
        if results.table is before:
            return []
        old, new = _words(before), _words(results.table)
        changed = sorted(self._row_of[str(results.table["id"].iat[p])] for p in range(len(new)) if old[p] != new[p])
        for row in changed:  # only the author's words differ from the results shown
            self._records[row].update(zip(_WORDS, (results.table[name].iat[self._order[row]] for name in _WORDS)))
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        return changed

    def _arrange(self) -> None:
        table = self._results.table if self._results is not None else None
        if table is None or table.empty:
            self._order, self._row_of, self._spans, self._periods = np.empty(0, dtype=np.int64), {}, [], ("", "")
            self._records = []
            return
        groups = table["group"]
        order = dashboard_group_order(groups, report_text())
        rank = groups.map(order).fillna(len(order)).to_numpy()
        self._order = np.argsort(rank, kind="stable")
        ids = table["id"].to_numpy()[self._order]
        self._row_of = {str(id_): row for row, id_ in enumerate(ids)}
        ranks = rank[self._order]
        starts = [0, *(np.flatnonzero(ranks[1:] != ranks[:-1]) + 1).tolist()]
        self._spans = [(start, end - start) for start, end in zip(starts, [*starts[1:], len(ranks)])]
        self._periods = (_usual(table["previous_period"]), _usual(table["period"]))
        self._records = _records(table, self._order)

    @property
    def results(self) -> IndicatorResults | None:
        return self._results

    def spans(self) -> list[tuple[int, int]]:
        """Each group's first model row and number of rows."""
        return list(self._spans)

    def indicator_id(self, row: int) -> str:
        return str(self._records[row]["id"])

    def row_of(self, indicator: str) -> int | None:
        return self._row_of.get(indicator)

    def record(self, row: int) -> dict:
        """The indicator's row of the results table (with the author's notes), as a dict."""
        return self._records[row]

    def has_note(self, row: int, name: str) -> bool:
        """Whether this report's author has written `name` for the row's indicator (over the return's)."""
        return self._notes.get(self.indicator_id(row), {}).get(name) is not None

    def own(self, row: int, name: str) -> object:
        """The row's `name` as the returns and the rules give it, before this report's notes."""
        return self._calculated.table[name].iat[self._order[row]]

    def reset_label(self, row: int) -> str:
        """What dropping the author's status goes back to, in words for a button."""
        source = self.own(row, "status_source")
        return {"rule": "Use the rule's status", "author": "Use the return's status"}.get(
            source if isinstance(source, str) else "", "Clear the status"
        )

    # --- Qt's model ---------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == GROUP:
            return Qt.ItemFlag.ItemIsEnabled  # a heading over its rows, not part of a row's selection
        return _EDITABLE if index.column() in NOTE_COLUMNS else _READ_ONLY

    def headerData(self, section: int, orientation: Qt.Orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            period = {PREVIOUS: self._periods[0], CURRENT: self._periods[1]}.get(section)
            return f"{HEADERS[section]}\n({period})" if period else HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._results is None:
            return None
        row, column = index.row(), index.column()
        record = self._records[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, record)
        if role == Qt.ItemDataRole.EditRole:
            if column in NOTE_COLUMNS:
                return text_of(record[NOTE_COLUMNS[column]])
            return self._display(row, column, record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, record)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, column, record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_ALIGNMENT.get(column, _TOP))
        if role == Qt.ItemDataRole.BackgroundRole and column == GROUP:
            return _GROUP_BACKGROUND
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            found = statuses().find(text_of(record["status"]))
            return QBrush(QColor(colours()[found.colour])) if found and found.colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (DIRECTION, JUDGEMENT):
            name = _JUDGEMENT_COLOURS.get(text_of(record["judgement"]))
            return QBrush(QColor(colours()[name])) if name else None
        if role == Qt.ItemDataRole.FontRole:
            if column == GROUP or (column == STATUS and record["status_source"] == "author"):
                return self._bold
            return None
        if role == ID_ROLE:
            return str(record["id"])
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value,
        role=Qt.ItemDataRole.EditRole,
    ) -> bool:
        """The author's text for a note cell, said through note_edited (which makes the edit)."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in NOTE_COLUMNS:
            return False
        name = NOTE_COLUMNS[index.column()]
        record = self.record(index.row())
        text = "" if value is None else str(value)
        text = text.strip() if name == "status" else text.rstrip()
        if text == text_of(record[name]):
            return False  # nothing changed (an editor closed as it was opened)
        after = None if text == text_of(self.own(index.row(), name)) or (name == "status" and not text) else text
        self.note_edited.emit(str(record["id"]), name, after)
        return True

    # --- cells -------------------------------------------------------------------

    def _figure(self, record: dict, name: str) -> str:
        return format_value(record[name] if present(record[name]) else None, record["unit"], int(record["decimals"]))

    def _display(self, row: int, column: int, record: dict) -> str:
        if column == GROUP:
            return text_of(record["group"]) or OTHER_GROUP
        if column == STATUS:
            status = text_of(record["status"])
            return f"{status} ✎" if status and self.has_note(row, "status") else status
        if column == METRIC:
            return text_of(record["name"]) or str(record["id"])
        if column in (PREVIOUS, CURRENT):
            name, period = ("previous", "previous_period") if column == PREVIOUS else ("value", "period")
            shown = self._figure(record, name)
            own_period = text_of(record[period])
            usual = self._periods[0 if column == PREVIOUS else 1]
            if shown and usual and own_period != usual:  # as the PDF's dashboard does: the row's own period under it
                return f"{shown}\n{own_period or '(no period)'}"
            return shown
        if column in COMPARATOR_COLUMNS:
            code = COMPARATOR_COLUMNS[column]
            shown = self._figure(record, code)
            mark = MARKS.get(record[f"{code}_quartile"], "") if isinstance(record[f"{code}_quartile"], str) else ""
            return f"{mark} {shown}".strip() if shown else ""
        if column == DIRECTION:
            return ARROWS.get(record["direction"], "") if isinstance(record["direction"], str) else ""
        if column == JUDGEMENT:
            return text_of(record["judgement"])
        return text_of(record[NOTE_COLUMNS[column]])

    def _tooltip(self, row: int, column: int, record: dict) -> str | None:
        name = text_of(record["name"]) or str(record["id"])
        if column in (GROUP, METRIC):
            polarity = {"high": "Good is high", "low": "Good is low"}.get(record["polarity"], "Neither way is better")
            unit = _UNIT_WORDS.get(record["unit"], "as given")
            lines = [name, f"{record['id']}: {unit}; {polarity}.", catalogue_entry(record), _source(record)]
            return "\n".join(line for line in lines if line)
        if column == STATUS:
            return self._status_tip(row, record)
        if column in (PREVIOUS, CURRENT):
            figure, period = ("previous", "previous_period") if column == PREVIOUS else ("value", "period")
            shown = self._figure(record, figure)
            note = text_of(record["note"]) if column == CURRENT else ""  # e.g. which population band a rate is per
            said = f"{note[:1].upper()}{note[1:]}." if note else ""
            if not shown:
                missing = f"No figure for {text_of(record[period]) or 'this period'} in the returns."
                return "\n".join(line for line in (missing, said) if line)
            lines = [f"{text_of(record[period]) or 'Period not given'}: {shown}"]
            if column == CURRENT:
                lines += [_source(record), said]
                if present(record["target"]):
                    lines.append(f"Target: {self._figure(record, 'target')}")
            return "\n".join(line for line in lines if line)
        if column in COMPARATOR_COLUMNS:
            code = COMPARATOR_COLUMNS[column]
            shown = self._figure(record, code)
            if not shown:
                return f"No {COMPARATOR_LABELS[code]} figure in the returns."
            quartile = record[f"{code}_quartile"]
            where = (
                (f"; ours ({self._figure(record, 'value')}) is in the {_QUARTILE_WORDS[quartile]} ({MARKS[quartile]})")
                if isinstance(quartile, str)
                else "; no quartile (no cut points)"
            )
            return f"{COMPARATOR_LABELS[code].capitalize()}: {shown}{where}"
        if column in (DIRECTION, JUDGEMENT):
            change = format_change(
                record["change"] if present(record["change"]) else None,
                record["change_pct"],
                record["unit"],
                int(record["decimals"]),
                record["direction"],
            )
            if not change:
                return "No previous period to compare with."
            judged = {"better": "better", "worse": "worse", "same": "about the same"}.get(record["judgement"])
            polarity = {"high": "good is high", "low": "good is low"}.get(record["polarity"])
            verdict = f": {judged}, as {polarity}" if judged and polarity else ": neither way is better"
            return f"{change} since {text_of(record['previous_period'])}{verdict}"
        if column in (COMMENTARY, ACTION):
            note = NOTE_COLUMNS[column]
            text = text_of(record[note])
            origin = (
                "Written in this report"
                if self.has_note(row, note)
                else (f"From the return ({_source(record, bare=True)})" if text else "")
            )
            edit = "F2 or Enter to edit; Shift+Enter for a new line."
            return "\n\n".join(part for part in (text, origin, edit) if part)
        return None

    def _status_tip(self, row: int, record: dict) -> str:
        status = text_of(record["status"])
        if not status:
            return "No status: the return gives none and no rule applies. Type 1, 2 or 3 (F2) to set one."
        meaning = statuses().label(status)
        lines = [f"{status}: {meaning}" if meaning else status]
        if self.has_note(row, "status"):
            own = text_of(self.own(row, "status"))
            source = self.own(row, "status_source")
            without = (
                f"Without it, the {'rule gives' if source == 'rule' else 'return gives'} {own}."
                if own
                else "Without it there is no status."
            )
            lines += [
                f"Set by the author in this report (✎). {without}",
                f"Right-click or the button above: {self.reset_label(row)}.",
            ]
        elif record["status_source"] == "author":
            lines.append(f"As the author typed it in the return ({_source(record, bare=True)}).")
        elif record["status_source"] == "rule":
            lines.append("Worked out by the indicator's status rule.")
        return "\n".join(lines)

    def _spoken(self, row: int, column: int, record: dict) -> str:
        """The cell for a screen reader: words for the arrows and quartile marks."""
        if column in COMPARATOR_COLUMNS:
            code = COMPARATOR_COLUMNS[column]
            shown = self._figure(record, code)
            quartile = record[f"{code}_quartile"]
            return f"{shown}, {_QUARTILE_WORDS[quartile]}" if shown and isinstance(quartile, str) else shown
        if column == DIRECTION:
            return _DIRECTION_WORDS.get(record["direction"], "") if isinstance(record["direction"], str) else ""
        if column == STATUS:
            shown = text_of(record["status"])
            return f"{shown}, set by the author" if shown and self.has_note(row, "status") else shown
        return self._display(row, column, record).replace("\n", ", ")


def _words(table: pd.DataFrame) -> list[tuple[str, ...]]:
    """Per table row, the author's columns as text, missing as "" (None, NaN and NA alike)."""
    return list(zip(*([text_of(v) for v in table[name].tolist()] for name in _WORDS), strict=True))


def _records(table: pd.DataFrame, order: np.ndarray) -> list[dict]:
    return table.iloc[order].to_dict("records")


def _usual(periods: pd.Series) -> str:
    counted = Counter(p for p in periods if isinstance(p, str))
    return counted.most_common(1)[0][0] if counted else ""


def catalogue_entry(record: dict) -> str:
    """The catalogue entry the indicator is linked to, in words: a link, never its id ('' for the entry's own id)."""
    entry = record.get("catalogue_id")
    if not present(entry):
        return "Not in the catalogue: shown as the return gives it."
    return "" if entry == record["id"] else f"Catalogue entry: {entry} (the id {record['id']} is the return's own)."


def _source(record: dict, bare: bool = False) -> str:
    if not present(record["sheet"]):
        return ""
    where = f"{record['sheet']}" + (f" row {int(record['row'])}" if present(record["row"]) else "")
    return where if bare else f"From {where}."
