"""Charts as data: the month labels of their axis, and an alternative text worked out from what they draw.

A `Chart` node (report.model) carries its labels and series at full precision;
every writer draws that same node (pdf.charts with ReportLab, the window with
pyqtgraph) and a reader who cannot see it reads `chart_alt_text`: the kind of
chart, what is plotted, the period, each series' range, its last value and its
trend, written by domain.formatting as the tables write figures:

    Bar chart with a line: MASH contacts received by month, August 2021 to July 2023. Contacts received:
    between 1,051 and 1,402 a month, 1,300 in July 2023. Contacts received, rolling 12-month average: rose
    from 1,150 in August 2021 to 1,251 in July 2023.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence

from desktop_app.domain.formatting import format_value
from desktop_app.report.model import Block, Chart, ChartSeries, Document, Keep

KIND_WORDS = {"bars": "Bar chart", "bars_and_line": "Bar chart with a line", "line": "Line chart"}


def month_label(month: dt.date) -> str:
    """'Aug 22': a month on a chart's axis."""
    return f"{month:%b %y}"


def month_name(month: dt.date) -> str:
    """'August 2022': a month in words."""
    return f"{month:%B %Y}"


def with_alt_text(chart: Chart) -> Chart:
    """`chart` with its alternative text worked out from its data."""
    return dataclasses.replace(chart, alt_text=chart_alt_text(chart))


def with_authored_alt_texts(document: Document, alt_texts: Mapping[str, str]) -> Document:
    """`document` with the author's own alternative text (by chart key) in place of the worked-out one.

    A blank text, or a key the document has no chart for, changes nothing: a chart never loses its text.
    """
    authored = {key: text.strip() for key, text in alt_texts.items() if text and text.strip()}
    if not authored:
        return document

    def replaced(blocks: Sequence[Block]) -> list[Block]:
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, Chart) and block.key in authored:
                block = dataclasses.replace(block, alt_text=authored[block.key])
            elif isinstance(block, Keep):
                block = Keep(tuple(replaced(block.blocks)))
            out.append(block)
        return out

    sections = [dataclasses.replace(section, blocks=replaced(section.blocks)) for section in document.sections]
    return dataclasses.replace(document, sections=sections)


def chart_alt_text(chart: Chart) -> str:
    """What the chart shows, in words, from the data it draws (see the module docstring)."""
    if chart.kind == "status_bars":
        return _stacked_words(chart)
    styles = {series.style for series in chart.series}
    kind = "bars_and_line" if "bars" in styles and styles - {"bars"} else "bars" if "bars" in styles else "line"
    periods = chart.periods or chart.labels
    head = f"{KIND_WORDS[kind]}: {chart.title}"
    if not periods:
        return f"{head}. There are no figures to draw."
    sentences = [f"{head}, {periods[0]} to {periods[-1]}." if len(periods) > 1 else f"{head}, {periods[0]}."]
    for series in chart.series:
        words = _series_words(chart, series, periods)
        if words:
            sentences.append(f"{series.label}: {words}." if series.label else f"{words[:1].upper()}{words[1:]}.")
    return " ".join(sentences)


def _stacked_words(chart: Chart) -> str:
    """A stacked bar chart in words: a bar per label, each part's figure."""
    figure = _figure_writer(chart)
    bars = [
        f"{label}: "
        + ", ".join(f"{part.label} {figure(value)}" for part in chart.series if (value := part.values[n]) is not None)
        for n, label in enumerate(chart.labels)
    ]
    listed = (
        " and ".join([", ".join(chart.labels[:-1]), chart.labels[-1]])
        if len(chart.labels) > 1
        else "".join(chart.labels)
    )
    return f"Stacked bar chart: {chart.title}, a bar for each of {listed}. {'. '.join(bars)}."


def _series_words(chart: Chart, series: ChartSeries, periods: Sequence[str]) -> str:
    known = [(n, v) for n, v in enumerate(series.values) if v is not None and math.isfinite(v)]
    if not known:
        return "no figures"
    figure = _figure_writer(chart)
    if series.style == "dashed":  # a level across the chart
        return f"a level of {figure(known[0][1])}"
    values = [v for _, v in known]
    (first_at, first), (last_at, last) = known[0], known[-1]
    if series.style == "bars":
        smallest, largest = figure(min(values)), figure(max(values))
        spread = f"between {smallest} and {largest} a month" if smallest != largest else f"{smallest} each month"
        return f"{spread}, {figure(last)} in {periods[last_at]}"
    if figure(first) == figure(last):
        return f"unchanged at {figure(last)} from {periods[first_at]} to {periods[last_at]}"
    trend = "rose" if last > first else "fell"
    lowest, highest = min(values), max(values)
    beyond = lowest < min(first, last) or highest > max(first, last)
    spread = f" (between {figure(lowest)} and {figure(highest)})" if beyond else ""
    return f"{trend} from {figure(first)} in {periods[first_at]} to {figure(last)} in {periods[last_at]}{spread}"


def _figure_writer(chart: Chart) -> Callable[[float], str]:
    unit = "percent" if chart.unit == "%" else None if chart.unit == "count" else chart.unit

    def figure(value: float) -> str:
        return format_value(value, unit, chart.decimals)

    return figure
