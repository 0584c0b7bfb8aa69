"""Charts for the performance report, drawn as vector graphics (reportlab.graphics).

`draw_chart` draws a `Chart` node of the report model (report.model: its
labels, its series and its unit, with the alternative text worked out in
report.charts). A chart is a Drawing: a flowable that ReportLab writes into the page's own
content stream as lines, rectangles and text in the embedded font, never as a
picture, so it stays sharp at any zoom and its labels are real text. The kinds,
as the papers show them (domain.md section 4):

- `monthly_counts_chart`: a bar a month (the month's count) with a line for the
  rolling 12-month average ("Contacts Received by Month", seed 000);
- `rolling_percent_chart`: a percentage over rolling 12 months as a line, or a
  count at month end (a waiting list, "month_end") as a line over an axis from
  zero, with an optional comparator (statistical neighbours) or target as a
  dashed level line;
- `stacked_bars_chart`: a bar per category (an action plan's theme) made of a
  part per series (its RAG ratings), each part's count written in it;
- `benchmark_bars_chart`: a bar a year (a MARAC measure) over its benchmark,
  shaded as a band (SafeLives' 60-75%) or drawn as a dashed level (467).

The charts are given figures at full precision and draw them; they round
nothing shown as a figure (the axis labels are scale marks, not figures). The
colours and fonts come from the report style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.domain.formatting import format_value
from desktop_app.pdf.style import ReportStyle
from desktop_app.report.model import Chart, ChartSeries

#: Room around the plot for the axis labels and the legend, in points.
LEFT, RIGHT, BOTTOM, TOP = 44, 8, 26, 24
FONT_SIZE = 7.5
LEGEND_FONT_SIZE = 8


def draw_chart(chart: Chart, style: ReportStyle, *, width: float) -> Drawing:
    """The chart node as a drawing `width` points wide: its bars and lines, and a 'dashed' series as a level."""
    if chart.kind == "status_bars":
        return stacked_bars_chart(chart.labels, chart.series, style, width=width)
    if chart.kind == "benchmark_bars":
        return benchmark_bars_chart(chart, style, width=width)
    by_style = {series.style: series for series in reversed(chart.series)}  # the first series of each style
    if chart.kind == "monthly_counts":
        return monthly_counts_chart(chart.labels, by_style["bars"], by_style["line"], style, width=width)
    level = by_style.get("dashed")
    known = [v for v in level.values if v is not None] if level is not None else []
    return rolling_percent_chart(
        chart.labels,
        by_style["line"],
        style,
        width=width,
        comparator=known[0] if known else None,
        comparator_label=level.label if level is not None else "",
        suffix="%" if chart.unit == "%" else "",
        floor_at_zero=chart.floor_at_zero,
    )


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` intervals over `span`."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def _scale(values: Sequence[float | None], floor_at_zero: bool) -> tuple[float, float, float]:
    """(lowest, highest, step) of a value axis that holds `values` with round ends."""
    present = [v for v in values if v is not None and math.isfinite(v)]
    if not present:
        return 0.0, 1.0, 0.25
    low, high = min(present), max(present)
    if floor_at_zero:
        low = min(0.0, low)
    if high == low:
        high = low + 1
    step = nice_step(high - low)
    lowest = math.floor(low / step) * step
    highest = math.ceil(high / step) * step
    if highest - high < step * 0.1:  # leave a little room above the highest point
        highest += step
    if not floor_at_zero and low - lowest < step * 0.1 and lowest - step >= 0:
        lowest -= step
    return lowest, highest, step


def _axis_format(step: float, suffix: str):
    places = next((p for p in range(4) if abs(step * 10**p - round(step * 10**p)) < 1e-9), 3)

    def label(value: float) -> str:
        return f"{value:,.{places}f}{suffix}"

    return label


def _every(count: int, most: int = 12) -> int:
    """Label every n-th month so that no more than `most` labels share the axis."""
    return max(1, math.ceil(count / most))


def _drawing(width: float, height: float, style: ReportStyle) -> Drawing:
    """An empty drawing whose text state starts in the report's embedded font (ReportLab's default is
    Helvetica, which would put an unembedded font in the PDF even with no text set in it)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = style.fonts.regular
    drawing.initialFontSize = FONT_SIZE
    return drawing


def _legend(drawing: Drawing, style: ReportStyle, items: list[tuple[str, object, str]], y: float) -> None:
    """A row of swatches and labels at the top left: (label, colour, 'bar' | 'box' (outlined) | 'line' | 'dash')."""
    x = LEFT
    font = style.fonts.regular
    for label, colour, kind in items:
        if kind in ("bar", "box"):
            outline = style.colours["table_grid"] if kind == "box" else None
            drawing.add(Rect(x, y - 1, 10, 7, fillColor=colour, strokeColor=outline, strokeWidth=0.5))
        else:
            line = Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=colour, strokeWidth=1.6)
            if kind == "dash":
                line.strokeDashArray = [4, 2]
            drawing.add(line)
        x += 18
        drawing.add(String(x, y, label, fontName=font, fontSize=LEGEND_FONT_SIZE, fillColor=style.colours["text"]))
        x += stringWidth(label, font, LEGEND_FONT_SIZE) + 16


def _line_plot(
    style: ReportStyle,
    count: int,
    lowest: float,
    highest: float,
    width: float,
    height: float,
    series: list[list[tuple[float, float]]],
    colours: list,
    dashes: list[bool],
    markers: list[bool],
    show_axes: bool,
    step: float = 1.0,
    suffix: str = "",
    labels: list[str] | None = None,
) -> LinePlot:
    """A LinePlot whose x positions are month numbers, centred on the months as a bar chart's categories are."""
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = LEFT, BOTTOM, width - LEFT - RIGHT, height - BOTTOM - TOP
    plot.data = series
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = -0.5, count - 0.5
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = lowest, highest
    plot.yValueAxis.valueStep = step
    for number, (colour, dashed, marked) in enumerate(zip(colours, dashes, markers, strict=True)):
        line = plot.lines[number]
        line.strokeColor = colour
        line.strokeWidth = 1.6
        if dashed:
            line.strokeDashArray = [4, 2]
        if marked:
            line.symbol = makeMarker("FilledCircle", size=3.2, fillColor=colour, strokeColor=colour)
    font = style.fonts.regular
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = FONT_SIZE
        axis.labels.fillColor = style.colours["text"]
        axis.strokeColor = style.colours["table_grid"]
    if not show_axes:
        plot.xValueAxis.visible = plot.yValueAxis.visible = 0
        return plot
    every = _every(count)
    plot.xValueAxis.valueSteps = list(range((count - 1) % every, count, every))  # the latest month labelled
    names = labels or []
    plot.xValueAxis.labelTextFormat = lambda value: names[round(value)] if 0 <= round(value) < len(names) else ""
    plot.xValueAxis.labels.dy = -3
    plot.yValueAxis.labelTextFormat = _axis_format(step, suffix)
    plot.yValueAxis.visibleGrid = 1
    plot.yValueAxis.gridStrokeColor = style.colours["chart_grid"]
    plot.yValueAxis.gridStrokeWidth = 0.4
    return plot


def _points(values: Sequence[float | None]) -> list[list[tuple[float, float]]]:
    """The runs of consecutive months that have a value, as (month number, value) points: a gap breaks the line."""
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for number, value in enumerate(values):
        if value is None or not math.isfinite(value):
            if current:
                runs.append(current)
            current = []
            continue
        current.append((float(number), float(value)))
    if current:
        runs.append(current)
    return runs


def monthly_counts_chart(
    labels: Sequence[str],
    bars: ChartSeries,
    line: ChartSeries,
    style: ReportStyle,
    *,
    width: float,
    height: float = 190,
) -> Drawing:
    """Bars for each month's count, a line for the rolling 12-month average over them (the same scale)."""
    count = len(labels)
    if len(bars.values) != count or len(line.values) != count:
        raise ValueError("a chart needs one bar value and one line value per month")
    lowest, highest, step = _scale(list(bars.values) + list(line.values), floor_at_zero=True)
    drawing = _drawing(width, height, style)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = LEFT, BOTTOM, width - LEFT - RIGHT, height - BOTTOM - TOP
    chart.data = [tuple(v if v is not None and math.isfinite(v) else None for v in bars.values)]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = lowest, highest, step
    chart.valueAxis.labelTextFormat = _axis_format(step, "")
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = style.colours["chart_grid"]
    chart.valueAxis.gridStrokeWidth = 0.4
    every = _every(count)
    chart.categoryAxis.categoryNames = [
        label if (count - 1 - number) % every == 0 else "" for number, label in enumerate(labels)
    ]
    chart.categoryAxis.labels.dy = -3
    chart.bars[0].fillColor = style.colours["chart_bar"]
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = max(1.0, chart.width / max(count, 1) * 0.22)
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName = style.fonts.regular
        axis.labels.fontSize = FONT_SIZE
        axis.labels.fillColor = style.colours["text"]
        axis.strokeColor = style.colours["table_grid"]
    drawing.add(chart)
    runs = _points(line.values)
    if runs:
        colour = style.colours["chart_line"]
        drawing.add(
            _line_plot(
                style,
                count,
                lowest,
                highest,
                width,
                height,
                runs,
                [colour] * len(runs),
                [False] * len(runs),
                [True] * len(runs),
                show_axes=False,
            )
        )
    _legend(
        drawing,
        style,
        [(bars.label, style.colours["chart_bar"], "bar"), (line.label, style.colours["chart_line"], "line")],
        height - 12,
    )
    return drawing


def rolling_percent_chart(
    labels: Sequence[str],
    line: ChartSeries,
    style: ReportStyle,
    *,
    width: float,
    height: float = 190,
    comparator: float | None = None,
    comparator_label: str = "",
    suffix: str = "%",
    floor_at_zero: bool = False,
) -> Drawing:
    """A line by month (a rolling 12-month percentage, a count at month end from zero where `floor_at_zero`),
    with a comparator's or a target's level as a dashed line."""
    count = len(labels)
    if len(line.values) != count:
        raise ValueError("a chart needs one value per month")
    level = comparator if comparator is not None and math.isfinite(comparator) else None
    known = level is not None
    lowest, highest, step = _scale(list(line.values) + [level], floor_at_zero=floor_at_zero)
    runs = _points(line.values)
    colour = style.colours["chart_line"]
    series, colours, dashes, markers = list(runs), [colour] * len(runs), [False] * len(runs), [True] * len(runs)
    if known:
        assert level is not None
        series.append([(-0.5, level), (count - 0.5, level)])
        colours.append(style.colours["chart_comparator"])
        dashes.append(True)
        markers.append(False)
    drawing = _drawing(width, height, style)
    if not series:  # nothing to draw: the axes alone, so the page still says what was meant
        series, colours, dashes, markers = [[(0.0, lowest)]], [style.colours["chart_grid"]], [False], [False]
    drawing.add(
        _line_plot(
            style,
            count,
            lowest,
            highest,
            width,
            height,
            series,
            colours,
            dashes,
            markers,
            show_axes=True,
            step=step,
            suffix=suffix,
            labels=list(labels),
        )
    )
    legend = [(line.label, colour, "line")]
    if known and comparator_label:
        legend.append((comparator_label, style.colours["chart_comparator"], "dash"))
    _legend(drawing, style, legend, height - 12)
    return drawing


#: A stacked bar's height and the gap between bars, in points.
BAR_HEIGHT, BAR_GAP = 16, 9


def stacked_bars_chart(
    labels: Sequence[str], series: Sequence[ChartSeries], style: ReportStyle, *, width: float
) -> Drawing:
    """A horizontal bar per label, a part per series in the series' colour (outlined, so a pale part shows),
    the part's count written in it where it fits, the bar's total after it; a legend above."""
    font, bold = style.fonts.regular, style.fonts.bold
    totals = [sum(part.values[row] or 0 for part in series) for row in range(len(labels))]
    label_width = max((stringWidth(label, font, FONT_SIZE) for label in labels), default=0) + 8
    height = TOP + len(labels) * (BAR_HEIGHT + BAR_GAP) + 4
    drawing = _drawing(width, height, style)
    plot_width = width - label_width - 30
    scale = plot_width / max(max(totals, default=0), 1)
    ink, outline = style.colours["text"], style.colours["table_grid"]
    for row, label in enumerate(labels):
        y = height - TOP - (row + 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
        drawing.add(
            String(label_width - 6, y + 5, label, fontName=font, fontSize=FONT_SIZE, fillColor=ink, textAnchor="end")
        )
        x = label_width
        for part in series:
            value = part.values[row] or 0
            if not value:
                continue
            drawing.add(
                Rect(
                    x,
                    y,
                    value * scale,
                    BAR_HEIGHT,
                    fillColor=style.colours[part.colour],
                    strokeColor=outline,
                    strokeWidth=0.5,
                )
            )
            words = f"{value:,.0f}"
            if stringWidth(words, font, FONT_SIZE) + 4 < value * scale:
                drawing.add(
                    String(
                        x + value * scale / 2,
                        y + 5,
                        words,
                        fontName=font,
                        fontSize=FONT_SIZE,
                        fillColor=ink,
                        textAnchor="middle",
                    )
                )
            x += value * scale
        drawing.add(String(x + 4, y + 5, f"{totals[row]:,.0f}", fontName=bold, fontSize=FONT_SIZE, fillColor=ink))
    _legend(drawing, style, [(part.label, style.colours[part.colour], "box") for part in series], height - 12)
    return drawing


def _wrapped(label: str, font: str, width: float, most: int = 2) -> list[str]:
    """A bar's label in at most `most` lines no wider than `width` where its words allow ('Violence without' /
    'injury'): the last line takes what is left."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines) <= most and stringWidth(f"{lines[-1]} {word}", font, FONT_SIZE) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif len(lines) < most:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}"
    return lines or [label]


def benchmark_bars_chart(chart: Chart, style: ReportStyle, *, width: float, height: float = 150) -> Drawing:
    """A bar a year with its figure written over it (by domain.formatting, as the table writes it), over the
    benchmark of that year: a shaded band from its low to its high, or a dashed level where they are one."""
    bars = next(series for series in chart.series if series.style == "bars")
    band = next((series for series in chart.series if series.style == "band"), None)
    count = len(chart.labels)
    lows = list(band.values) if band else [None] * count
    highs = list(band.upper or band.values) if band else [None] * count
    suffix = "%" if chart.unit == "%" else ""
    lowest, highest, step = _scale([*bars.values, *lows, *highs], floor_at_zero=True)
    drawing = _drawing(width, height, style)
    font, ink = style.fonts.regular, style.colours["text"]
    plot_width, plot_height = width - LEFT - RIGHT, height - BOTTOM - TOP
    slot = plot_width / max(count, 1)

    def y_of(value: float) -> float:
        return BOTTOM + (value - lowest) / (highest - lowest) * plot_height

    single = all(low == high for low, high in zip(lows, highs, strict=True) if low is not None)
    for number, (low, high) in enumerate(zip(lows, highs, strict=True)):  # the bands first: the grid shows over them
        if low is not None and high is not None and not single:
            drawing.add(
                Rect(
                    LEFT + number * slot,
                    y_of(low),
                    slot,
                    y_of(high) - y_of(low),
                    fillColor=style.colours["chart_band"],
                    strokeColor=None,
                )
            )
    label = _axis_format(step, suffix)
    tick = lowest
    while tick <= highest + step * 1e-9:
        drawing.add(Line(LEFT, y_of(tick), LEFT + plot_width, y_of(tick), strokeColor=style.colours["chart_grid"]))
        drawing.add(
            String(
                LEFT - 4,
                y_of(tick) - 2.5,
                label(tick),
                fontName=font,
                fontSize=FONT_SIZE,
                fillColor=ink,
                textAnchor="end",
            )
        )
        tick += step
    for number, period in enumerate(chart.labels):
        left = LEFT + number * slot
        low, high = lows[number], highs[number]
        value = bars.values[number]
        if value is not None and math.isfinite(value):
            drawing.add(
                Rect(
                    left + slot * 0.3,
                    y_of(lowest),
                    slot * 0.4,
                    y_of(value) - y_of(lowest),
                    fillColor=style.colours["chart_bar"],
                    strokeColor=None,
                )
            )
            words = format_value(value, None, chart.decimals) + suffix
            above = y_of(value) + 3
            if single and low is not None and above - 2 <= y_of(low) <= above + FONT_SIZE + 1:
                above = y_of(low) + 3  # over the dashed level, not struck through by it
            drawing.add(
                String(
                    left + slot / 2,
                    above,
                    words,
                    fontName=style.fonts.bold,
                    fontSize=FONT_SIZE,
                    fillColor=ink,
                    textAnchor="middle",
                )
            )
        if low is not None and single:
            level = Line(
                left + 2,
                y_of(low),
                left + slot - 2,
                y_of(low),
                strokeColor=style.colours["chart_comparator"],
                strokeWidth=1.6,
            )
            level.strokeDashArray = [4, 2]
            drawing.add(level)
        for line, words in enumerate(_wrapped(period, font, slot - 4)):
            drawing.add(
                String(
                    left + slot / 2,
                    BOTTOM - 11 - line * (FONT_SIZE + 1),
                    words,
                    fontName=font,
                    fontSize=FONT_SIZE,
                    fillColor=ink,
                    textAnchor="middle",
                )
            )
    drawing.add(Line(LEFT, BOTTOM, LEFT + plot_width, BOTTOM, strokeColor=style.colours["table_grid"]))
    legend = [(bars.label, style.colours["chart_bar"], "bar")]
    if band is not None:
        legend.append(
            (band.label, style.colours["chart_comparator" if single else "chart_band"], "dash" if single else "box")
        )
    _legend(drawing, style, legend, height - 12)
    return drawing
