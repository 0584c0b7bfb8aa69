"""The Complaints tab's charts (pyqtgraph): Stage 1 answered in time by month of receipt, and working
days taken at each stage against its limit.

The charts are for the author's eyes, fixed (no zooming by accident), with the values in each chart's
accessible description so a screen reader gets them too. Their numbers come from complaints_tables.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop_app.domain.formatting import round_half_up

# Colours that colour-blind readers can tell apart (Okabe-Ito blue and orange).
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
MEDIAN_COLOUR, P90_COLOUR, LIMIT_COLOUR, TEXT_COLOUR = "#1f4e79", "#9dc3e6", "#c00000", "#1a1a1a"
MAX_MONTH_LABELS = 12


def _plot(name: str, left_label: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    widget.setAccessibleName(name)
    widget.setMinimumHeight(220)
    plot = widget.getPlotItem()
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.showGrid(y=True, alpha=0.25)
    plot.setLabel("left", left_label, color=TEXT_COLOUR)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen("#808080"))
        axis.setTextPen(pg.mkPen(TEXT_COLOUR))
    return widget


def _month_label(label: str, first: bool) -> str:
    """'Apr 22' for the first month and each January, else 'May': twelve labels fit side by side."""
    return label if first or label.startswith("Jan") else label.split()[0]


def _percent(value: float) -> str:
    return "none finalised" if math.isnan(value) else f"{round_half_up(float(value))}%"


class ComplaintsCharts(QWidget):
    """Two charts over the report's period, redrawn by `show_figures`.

    The plotted items are made once and given new data on each redraw (setData / setOpts): cheaper than
    clearing the plot, and it keeps the legend steady.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.in_time = _plot("Chart: Stage 1 responses within timescale by month received", "% in time")
        self.days = _plot("Chart: working days taken by stage", "Working days")
        months, days = self.in_time.getPlotItem(), self.days.getPlotItem()
        months.setTitle("Stage 1 responses within timescale, by month received", color=TEXT_COLOUR, size="10pt")
        days.setTitle(
            "Working days taken at each stage: median, 90th percentile and the limit", color=TEXT_COLOUR, size="10pt"
        )
        legend = {
            "offset": (10, 4),
            "colCount": 3,
            "labelTextColor": TEXT_COLOUR,
            "brush": pg.mkBrush(255, 255, 255, 230),
        }
        self.in_time_legend = months.addLegend(**legend)
        days.addLegend(**legend)
        months.getAxis("left").setTicks([[(float(n), str(n)) for n in range(0, 101, 20)]])
        days.getAxis("bottom").setHeight(44)  # two-line stage labels
        self.series: dict[str, pg.PlotDataItem] = {}
        self.target = pg.InfiniteLine(
            pos=0.0,
            angle=0,
            movable=False,
            pen=pg.mkPen("#595959", width=1, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.98, "color": "#595959", "anchors": [(1, 1), (1, 1)]},
        )
        months.addItem(self.target)
        self.median = pg.BarGraphItem(x=[], height=[], width=0.36, brush=MEDIAN_COLOUR, pen=None, name="Median")
        self.p90 = pg.BarGraphItem(x=[], height=[], width=0.36, brush=P90_COLOUR, pen=None, name="90th percentile")
        days.addItem(self.median)
        days.addItem(self.p90)
        self.limit = days.plot(
            [], [], pen=pg.mkPen(LIMIT_COLOUR, width=2, style=Qt.PenStyle.DashLine), name="Time limit"
        )
        self.values: list[pg.TextItem] = []
        plots = QWidget()
        plots_layout = QVBoxLayout(plots)
        plots_layout.setContentsMargins(4, 4, 4, 4)
        plots_layout.addWidget(self.in_time, 1)
        plots_layout.addWidget(self.days, 1)
        scroll = QScrollArea()  # on a short screen the charts keep their height and scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(plots)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_figures(
        self, months: pd.DataFrame, labels: Mapping[str, str], target_pct: float | None, stages: pd.DataFrame
    ) -> None:
        """`months`: % in time per month (rows) and procedure (columns); `labels`: procedure -> name;
        `stages`: complaints_tables.working_days_by_stage."""
        self._show_months(months, labels, target_pct)
        self._show_stages(stages)

    def _show_months(self, months: pd.DataFrame, labels: Mapping[str, str], target_pct: float | None) -> None:
        plot = self.in_time.getPlotItem()
        for procedure in [p for p in self.series if p not in months.columns]:
            item = self.series.pop(procedure)
            self.in_time_legend.removeItem(item)
            plot.removeItem(item)
        x = np.arange(len(months), dtype=float)
        described = []
        for number, procedure in enumerate(months.columns):
            values = months[procedure].to_numpy(dtype=float)
            name = labels.get(procedure, procedure)
            if procedure not in self.series:
                colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
                self.series[procedure] = plot.plot(
                    [],
                    [],
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=7,
                    symbolBrush=colour,
                    symbolPen=colour,
                    name=name,
                )
            shown = np.isfinite(values)
            self.series[procedure].setData(x[shown], values[shown])
            described.append(
                f"{name}: " + ", ".join(f"{month} {_percent(value)}" for month, value in zip(months.index, values))
            )
        self.target.setVisible(target_pct is not None)
        if target_pct is not None:
            self.target.setValue(float(target_pct))
            self.target.label.setFormat(f"Target {round_half_up(float(target_pct))}%")
            described.append(f"target {round_half_up(float(target_pct))}%")
        step = max(1, math.ceil(len(months) / MAX_MONTH_LABELS))
        ticks = [(float(i), _month_label(label, i == 0)) for i, label in enumerate(months.index) if i % step == 0]
        plot.getAxis("bottom").setTicks([ticks])
        plot.setYRange(-4, 125, padding=0)  # 0% shows; room above 100% for the legend
        plot.setXRange(-0.5, max(len(months) - 0.5, 0.5), padding=0)
        self.in_time.setAccessibleDescription("; ".join(described) or "No complaints were finalised in the period")

    def _show_stages(self, stages: pd.DataFrame) -> None:
        plot = self.days.getPlotItem()
        x = np.arange(len(stages), dtype=float)
        median = np.nan_to_num(stages["median"].to_numpy(dtype=float))
        p90 = np.nan_to_num(stages["p90"].to_numpy(dtype=float))
        limits = stages["limit"].to_numpy(dtype=float)
        self.median.setOpts(x=x - 0.19, height=median)
        self.p90.setOpts(x=x + 0.19, height=p90)
        self.limit.setData(np.column_stack([x - 0.45, x + 0.45]).ravel(), np.repeat(limits, 2), connect="pairs")
        places = [*zip(x - 0.19, median), *zip(x + 0.19, p90)]
        while len(self.values) < len(places):
            self.values.append(pg.TextItem("", color=TEXT_COLOUR, anchor=(0.5, 1)))
            plot.addItem(self.values[-1])
        for number, text in enumerate(self.values):
            text.setVisible(number < len(places))
            if number < len(places):
                position, value = places[number]
                text.setText(round_half_up(float(value), 1).removesuffix(".0"))
                text.setPos(float(position), float(value))
        plot.getAxis("bottom").setTicks(
            [[(float(i), label.replace(" ", "\n", 1)) for i, label in enumerate(stages["label"])]]
        )
        top = max([*median, *p90, *limits, 1.0])
        plot.setYRange(0, top * 1.5, padding=0)  # room for the values and the legend
        plot.setXRange(-0.6, max(len(stages) - 0.4, 0.6), padding=0)
        self.days.setAccessibleDescription(
            "; ".join(
                f"{row.label}: median {row.median:g}, 90th percentile {row.p90:g}, limit {row.limit} working days"
                for row in stages.itertuples()
            )
            or "No stage has a time limit"
        )
