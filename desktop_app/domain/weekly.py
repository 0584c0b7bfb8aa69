"""The weekly series (ReturnKind.WEEKLY_SERIES) as indicators, with their change cards.

The weekly series is not part of IndicatorReturns: `weekly_results` turns a
weekly frame into indicator rows (ids kept as the return writes them and linked
to the catalogue's entries, ratios such as the average weekly cost worked out
week by week from two series) and runs
calculate_indicators on them, so its figures and its change cards
(indicators.change_cards: a week, a month, a quarter and a year before) are
the engine's, for the PDF's cards and the window alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

import pandas as pd

from desktop_app.domain.indicators import (
    Catalogue,
    IndicatorResults,
    IndicatorReturns,
    calculate_indicators,
    load_catalogue,
)

#: The weekly series return (ReturnKind.WEEKLY_SERIES): id, week_ending, value, sheet, row.
WeeklySeries: TypeAlias = pd.DataFrame


def weekly_results(
    weekly: WeeklySeries,
    catalogue: Catalogue | None = None,
    ids: Mapping[str, str] | None = None,
    ratios: Mapping[str, tuple[str, str]] | None = None,
) -> IndicatorResults:
    """The weekly series (id, week_ending, value) as indicators, with their change cards.

    `ids` links the return's ids to the catalogue's entries (so a card knows its
    unit: "ASC-W01", linked to "ASC-WEEKLY-COST", is shown in pounds; its id stays
    "ASC-W01" and its `catalogue_id` says the entry); an id not in it is matched
    against the catalogue's ids and aliases as written. `ratios` adds
    an indicator worked out week by week from two series (numerator id,
    denominator id, as the return writes them), e.g. the average weekly cost
    from the total cost and the client count: the engine divides, at full
    precision. The figures come from calculate_indicators, the cards from its
    change_cards (week, month, quarter and year before).
    """
    catalogue = catalogue or load_catalogue()
    frame = weekly.dropna(subset=["id", "week_ending"]).copy()
    frame["id"] = frame["id"].astype(str).str.strip()
    week_ending = pd.to_datetime(frame["week_ending"]).astype("datetime64[s]")
    base = pd.DataFrame(
        {
            "id": frame["id"],
            "period": week_ending.map(_day),
            "period_end": week_ending,
            "value": frame["value"].astype("float64"),
            "sheet": frame.get("sheet"),
            "row": frame.get("row"),
        }
    )
    parts = [base]
    for name, (numerator, denominator) in (ratios or {}).items():
        top = frame.loc[frame["id"].eq(numerator)].assign(week=week_ending)
        bottom = frame.loc[frame["id"].eq(denominator)].assign(week=week_ending)
        both = top.merge(bottom, on="week", suffixes=("", "_denominator"))
        if both.empty:
            raise ValueError(
                f"the weekly ratio {name} needs the series {numerator!r} and {denominator!r} "
                "for the same weeks; the weekly return has no such weeks"
            )
        parts.append(
            pd.DataFrame(
                {
                    "id": name,
                    "period": both["week"].map(_day),
                    "period_end": both["week"],
                    "numerator": both["value"].astype("float64"),
                    "denominator": both["value_denominator"].astype("float64"),
                    "sheet": both.get("sheet"),
                    "row": both.get("row"),
                }
            )
        )
    rows = pd.concat(parts, ignore_index=True)
    return calculate_indicators(IndicatorReturns(indicators=rows, links=dict(ids or {})), catalogue)


def _day(value: pd.Timestamp) -> str:
    return f"{value.day} {value:%B %Y}"
