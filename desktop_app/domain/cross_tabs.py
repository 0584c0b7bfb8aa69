"""A cross tab or a table of category counts as the appendix prints it: the sheet's grid, its total, the shares.

A cross tab is read in long form (ReturnKind.CROSS_TAB: one row per row label and column label); here it is
laid out again as the sheet has it, rows and columns in the sheet's order. Its total is worked out, not read:
a row that breaks another down (seed 000's "Reablement (ND Standard)" and "(ND Crisis)" under "Reablement
(ND)") is left out of the sum, and a column that is a ratio of two others ("Hours Per Person": weekly hours
over clients) is the ratio of their totals, not a sum. Category counts (audit judgements) get each
category's share of their sum, at full precision; the published percentages were checked when read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd


def cross_tab_grid(cross_tabs: pd.DataFrame, sheet: str) -> pd.DataFrame:
    """The cross tab of `sheet`: row labels down (in the sheet's row order), column labels across (in the
    order first read); a blank cell is missing, never zero. Empty where the sheet has none."""
    rows = cross_tabs[cross_tabs["sheet"].eq(sheet)]
    if rows.empty:
        return pd.DataFrame(dtype="float64")
    order = rows.sort_values("row", kind="stable")
    grid = rows.pivot_table(index="row_label", columns="column_label", values="count", aggfunc="first", sort=False)
    grid = grid.reindex(index=order["row_label"].unique(), columns=rows["column_label"].unique())
    grid.index.name = grid.columns.name = None
    return grid.astype("float64")


def cross_tab_total(
    grid: pd.DataFrame,
    parts: Mapping[str, Sequence[str]] | None = None,
    ratios: Mapping[str, tuple[str, str]] | None = None,
) -> pd.Series:
    """The grid's total row: each column's sum over the rows that no other row breaks down (`parts`: a row
    label -> the labels of the rows that break it down), and each ratio column (`ratios`: column ->
    (numerator column, denominator column)) as the ratio of those columns' totals."""
    breakdown = {label for labels in (parts or {}).values() for label in labels}
    total = grid.loc[[label for label in grid.index if label not in breakdown]].sum(min_count=1)
    for column, (numerator, denominator) in (ratios or {}).items():
        if column in total.index:
            total[column] = total[numerator] / total[denominator] if total[denominator] else float("nan")
    return total


def category_shares(categories: pd.DataFrame, sheet: str) -> pd.DataFrame:
    """The categories of `sheet` in the sheet's order with their count, share of all (%) and the percentage
    as published."""
    rows = categories[categories["sheet"].eq(sheet)].sort_values("row", kind="stable")
    all_counted = rows["count"].sum()
    share = rows["count"] * 100.0 / all_counted if all_counted else rows["count"] * float("nan")
    return pd.DataFrame(
        {"category": rows["category"], "count": rows["count"], "share": share, "published": rows["percent"]}
    ).reset_index(drop=True)
