"""One indicator's trend, drawn with pyqtgraph, and the lines to read it against.

`trend()` works out what is drawn from the results' history, without Qt; the
IndicatorChart widget draws it: the values by period (these are the rolling
12-month figures where the catalogue rolls the indicator's monthly series: the
engine has already rolled them), a 12-month average where the history holds
the months of a count that is not rolled (domain.indicators.has_month_average), the target, and the statistical
neighbours', North West and England figures as horizontal lines.

pyqtgraph notes (ecosystem-notes.md): exports need the widget shown first, and
its own context menu (with an SVG export that fails) is switched off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.domain.formatting import format_value
from desktop_app.domain.indicators import COMPARATOR_LABELS, has_month_average
from desktop_app.domain.rolling import WINDOW, rolling_12_months

MAX_TICK_LABELS = 7
_VALUES, _AVERAGE, _TARGET = "#1f4e79", "#8c8c8c", "#1e6b30"
_COMPARATOR_COLOURS = {"sn": "#c55a11", "nw": "#7030a0", "england": "#404040"}
_COMPARATOR_SHORT = {"sn": "SN", "nw": "NW", "england": "England"}
# where each line's label sits along it, so that the labels of lines close together stay legible
_LABEL_POSITIONS = {"target": 0.06, "sn": 0.3, "nw": 0.54, "england": 0.78}
#: Units whose charts start their value axis at zero: a count or a rate of a population, whose bars and
#: lines are read by their height (a percentage's trend, a cost or a time keeps the axis it needs).
ZERO_BASED_UNITS = frozenset({"count", "rate_per_10000", "rate_per_100000"})
_UNIT_AXIS = {
    "percent": "%",
    "rate_per_10000": "per 10,000",
    "rate_per_100000": "per 100,000",
    "gbp": "£",
    "count": "number",
    "hours": "hours",
}


@dataclass(frozen=True)
class Trend:
    """What the chart draws for one indicator, in the order of its periods."""

    x: np.ndarray  # seconds since 1970 at each period's end, or 0, 1, ... where a period has no end date
    values: np.ndarray  # the history's values, NaN where a period has none
    periods: tuple[str, ...]  # as the returns name them
    ticks: tuple[str, ...]  # short labels for the axis
    sources: tuple[str, ...]  # where each value was read: "Dashboard row 39"
    dated: bool
    rolled: bool  # the values are rolling 12-month figures
    average: np.ndarray | None  # the 12-month average of monthly values that are not rolled; None: not drawn


def trend(history: pd.DataFrame, rolled: bool = False, unit: object = None) -> Trend:
    """The trend of one indicator's `history` rows (the results' history for its id, in period order),
    from its first period with a figure to its last. A 12-month average is drawn only for a `unit` that has
    one (domain.indicators.has_month_average: a count, not a month-end percentage)."""
    ends = pd.to_datetime(history["period_end"])
    dated = bool(len(history)) and bool(ends.notna().all())
    values = history["value"].to_numpy(dtype="float64", na_value=np.nan)
    periods = tuple("" if not isinstance(p, str) else p for p in history["period"])
    sources = tuple(_where(sheet, row) for sheet, row in zip(history["sheet"], history["row"], strict=True))
    if dated:
        x = ((ends - pd.Timestamp("1970-01-01")) / pd.Timedelta(seconds=1)).to_numpy(dtype="float64")
        ticks = tuple(ends.dt.strftime("%b %Y"))
    else:
        x = np.arange(len(history), dtype="float64")
        ticks = tuple(p or "(no period given)" for p in periods)
    average = None
    monthly = dated and len(history) >= WINDOW and bool(ends.dt.is_month_end.all())
    if monthly and not rolled and has_month_average(unit):
        average = _twelve_month_average(ends, values)
    drawn = ~np.isnan(values) if average is None else ~np.isnan(values) | ~np.isnan(average)
    known = np.flatnonzero(drawn)
    kept = slice(known[0], known[-1] + 1) if len(known) else slice(0, 0)  # no empty periods at either end
    return Trend(
        x[kept],
        values[kept],
        periods[kept],
        ticks[kept],
        sources[kept],
        dated,
        rolled,
        None if average is None else average[kept],
    )


def _twelve_month_average(ends: pd.Series, values: np.ndarray) -> np.ndarray | None:
    """Each month's average over the twelve months ending with it (missing where any of them is)."""
    months = ends.dt.to_period("M").dt.to_timestamp().astype("datetime64[s]")
    series = pd.DataFrame(
        {
            "id": "trend",
            "month": months.to_numpy(),
            "value": values,
            "numerator": np.nan,
            "denominator": np.nan,
            "sheet": None,
            "row": None,
        }
    ).drop_duplicates("month", keep="last")
    rolled = rolling_12_months(series, pd.Series({"trend": "mean"}))
    average = months.map(dict(zip(rolled["month"], rolled["value"]))).to_numpy(dtype="float64", na_value=np.nan)
    return None if np.isnan(average).all() else average


def _where(sheet: object, row: object) -> str:
    if not isinstance(sheet, str):
        return ""
    return f"{sheet} row {int(row)}" if row is not None and not pd.isna(row) else sheet


class IndicatorChart(QWidget):
    """The selected indicator's trend. `values_item` holds the values as drawn (x, y)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.trend: Trend | None = None
        self._record: Mapping | None = None
        self.caption = QLabel("Select an indicator to see its trend.")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption.setMinimumHeight(self.caption.fontMetrics().lineSpacing() * 2 + 4)  # two lines, whatever the pane
        self.plot = pg.PlotWidget(background="w")
        self.plot.setAccessibleName("Trend of the selected indicator")
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setMinimumHeight(180)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(y=True, alpha=0.18)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen("#595959"))
            axis.setTextPen(pg.mkPen("#262626"))
        item.getViewBox().setDefaultPadding(0.08)
        self.legend = item.addLegend(offset=(-8, 6), labelTextColor="#262626", brush=pg.mkBrush(255, 255, 255, 220))
        self.values_item = pg.PlotDataItem(pen=pg.mkPen(_VALUES, width=2.5), connect="finite", antialias=True)
        self.points = pg.ScatterPlotItem(
            size=7, brush=pg.mkBrush(_VALUES), pen=pg.mkPen("w", width=1), hoverable=True, hoverSize=10, tip=self._tip
        )
        self.average_item = pg.PlotDataItem(
            pen=pg.mkPen(_AVERAGE, width=2, style=Qt.PenStyle.DashLine), connect="finite", antialias=True
        )
        self.lines: dict[str, pg.InfiniteLine] = {}
        for name, colour, style in [
            ("target", _TARGET, Qt.PenStyle.DashLine),
            *((code, c, Qt.PenStyle.DotLine) for code, c in _COMPARATOR_COLOURS.items()),
        ]:
            line = pg.InfiniteLine(
                angle=0,
                movable=False,
                pen=pg.mkPen(colour, width=1.6, style=style),
                label="",
                labelOpts={
                    "position": _LABEL_POSITIONS[name],
                    "color": colour,
                    "movable": False,
                    "fill": pg.mkBrush(255, 255, 255, 210),
                    "anchors": [(0.5, 1), (0.5, 1)],
                },
            )
            line.setVisible(False)
            self.lines[name] = line
        for thing in (self.average_item, self.values_item, self.points, *self.lines.values()):
            item.addItem(thing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        self.show_indicator(None, None)

    def show_indicator(self, record: Mapping | None, history: pd.DataFrame | None, rolled: bool = False) -> None:
        """Draw `record`'s indicator (a row of the results table) from its `history` rows; None: nothing."""
        self._record = record
        self.legend.clear()
        if record is None or history is None:
            self.trend = None
            self.values_item.setData([], [])
            self.points.setData([], [])
            self.average_item.setData([], [])
            for line in self.lines.values():
                line.setVisible(False)
            self.caption.setText("Select an indicator to see its trend.")
            self.plot.setAccessibleDescription("No indicator is selected.")
            return
        unit, decimals = record.get("unit"), int(record.get("decimals") or 0)
        self.trend = found = trend(history, rolled, unit)
        known = ~np.isnan(found.values)
        self.values_item.setData(found.x, found.values)
        self.points.setData(
            x=found.x[known],
            y=found.values[known],
            data=[self._point_text(i, unit, decimals) for i in np.flatnonzero(known)],
        )
        if found.average is not None:  # a legend only where there are two lines to tell apart
            self.average_item.setData(found.x, found.average)
            self.legend.addItem(self.values_item, "Month")
            self.legend.addItem(self.average_item, "12-month average")
        else:
            self.average_item.setData([], [])
        lines_said = []
        for name, line in self.lines.items():
            value = record.get(name)
            shown = format_value(value if value is not None and not pd.isna(value) else None, unit, decimals)
            line.setVisible(bool(shown))
            if shown:
                label = "Target" if name == "target" else _COMPARATOR_SHORT[name]
                line.setPos(float(value))
                line.label.setFormat(f"{label} {shown}")
                lines_said.append(f"{'target' if name == 'target' else COMPARATOR_LABELS[name]} {shown}")
        self._set_ticks(found)
        item = self.plot.getPlotItem()
        item.setLabel("left", _UNIT_AXIS.get(unit, ""))
        item.enableAutoRange()
        if unit in ZERO_BASED_UNITS:
            shown_lines = [line.value() for line in self.lines.values() if line.isVisible()]
            top = float(np.nanmax([*found.values[known], *shown_lines, 0.0]))
            item.enableAutoRange(axis="y", enable=False)
            item.setYRange(0, top * 1.1 if top > 0 else 1, padding=0)  # a count's size is read from zero
        summary = self._summary(record, found, unit, decimals, lines_said)
        self.caption.setText(summary)
        self.plot.setAccessibleDescription(summary)

    def _set_ticks(self, found: Trend) -> None:
        count = len(found.x)
        step = max(1, int(np.ceil(count / MAX_TICK_LABELS)))
        labelled = set(range(count - 1, -1, -step))  # always the latest period
        major = [(float(found.x[i]), found.ticks[i]) for i in sorted(labelled)]
        minor = [(float(found.x[i]), "") for i in range(count) if i not in labelled]
        self.plot.getPlotItem().getAxis("bottom").setTicks([major, minor])

    def _point_text(self, position: int, unit: str | None, decimals: int) -> str:
        found = self.trend
        value = format_value(float(found.values[position]), unit, decimals)
        where = found.sources[position]
        return f"{found.periods[position] or 'Period not given'}: {value}" + (f"\n{where}" if where else "")

    @staticmethod
    def _tip(x: float, y: float, data: object) -> str:
        return str(data)

    @staticmethod
    def _summary(record: Mapping, found: Trend, unit: str | None, decimals: int, lines_said: list[str]) -> str:
        name = record.get("name") or record.get("id")
        known = [i for i in range(len(found.values)) if not np.isnan(found.values[i])]
        if not known:
            return f"{name}: no figures in the returns to draw."
        first, last = known[0], known[-1]
        latest = format_value(float(found.values[last]), unit, decimals)
        span = (
            f"{len(known)} periods, {found.periods[first]} to {found.periods[last]}"
            if len(known) > 1
            else f"one figure ({found.periods[last] or 'period not given'})"
        )
        if found.average is not None:
            kind = "monthly figures with their 12-month average, "
        else:
            kind = "rolling 12-month figures, " if found.rolled and len(known) > 1 else ""
        against = f"; {', '.join(lines_said)}" if lines_said else ""
        return f"{name}: {kind}{span}; latest {latest}{against}."
