"""Where our value falls in a comparator group's spread, in the sense of good performance.

The markers of the survey tables (seed 000): ✔ top quartile, ▬ one of the two
middle quartiles, ✘ bottom quartile. "Top" always means best: for an indicator
where low is good, the lowest values are the top quartile. A group's average
cannot place a value (domain.md, section 6); its quartile cut points can,
given as published or worked out from every member's value.

Decisions, stated once:
- A value exactly on a cut point is in the middle. ✔ and ✘ say a value is past
  a cut point, and one sitting on it is not; the rule is the same for either
  polarity, so a tie favours neither a high nor a low indicator.
- Cut points from members' values are the 25th, 50th and 75th percentiles by
  numpy's default "linear" method (pandas' `quantile` default, and Excel's
  QUARTILE.INC), over the members that have a value.
- Fewer than four members with a value give no cut points and so no quartile:
  with three, each outer quarter would be a fraction of one council.

ChAT's comparisons with published statistics place a council against the middle 50% of all councils
instead (`range_position`): Higher, In range or Lower, in the sense of the figure, not of good performance;
on a cut point is in range, by the same rule.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_MEMBERS = 4
MARKS = {"top": "✔", "middle": "▬", "bottom": "✘"}
RANGE_POSITIONS = ("higher", "in range", "lower")
CUT_POINTS = ["lower_quartile", "median", "upper_quartile"]


def member_cut_points(members: pd.DataFrame) -> pd.DataFrame:
    """Per id, comparator and period: the cut points of the members' values, their mean (the group's average,
    where no average is published), and how many members had one.

    The cut points are missing where fewer than MIN_MEMBERS members have a value.
    """
    keys = ["id", "comparator", "period"]
    valued = members.dropna(subset=["value"])
    values = valued.groupby(keys, dropna=False, sort=False)["value"]
    cuts = pd.DataFrame(
        {
            "lower_quartile": values.quantile(0.25),
            "median": values.quantile(0.5),
            "upper_quartile": values.quantile(0.75),
            "average": values.mean(),
            "members": values.size(),
        }
    )
    cuts.loc[cuts["members"] < MIN_MEMBERS, CUT_POINTS] = np.nan
    return cuts.reset_index()


def quartile_position(value: pd.Series, lower: pd.Series, upper: pd.Series, polarity: pd.Series) -> pd.Series:
    """'top', 'middle' or 'bottom' in the sense of good performance; None where a figure or the polarity is missing.

    For polarity "high" a value above the upper cut point is top and one below
    the lower is bottom; for "low" the other way round. On a cut point: middle.
    """
    high, low = polarity.eq("high"), polarity.eq("low")
    above, below = value > upper, value < lower
    position = np.select([high & above | low & below, high & below | low & above], ["top", "bottom"], "middle")
    known = value.notna() & lower.notna() & upper.notna() & (high | low)
    return pd.Series(position, index=value.index, dtype=object).where(known, None)


def range_position(value: pd.Series, lower: pd.Series, upper: pd.Series) -> pd.Series:
    """'higher' (above the upper cut point), 'lower' (below the lower) or 'in range' (between them or on one);
    None where the value or a cut point is missing."""
    position = np.select([value > upper, value < lower], ["higher", "lower"], "in range")
    known = value.notna() & lower.notna() & upper.notna()
    return pd.Series(position, index=value.index, dtype=object).where(known, None)


def range_judgement(position: pd.Series, polarity: pd.Series) -> pd.Series:
    """'better' or 'worse' for a position outside the middle 50% (higher where high is good is better), else
    None: ChAT rates only outside the range."""
    high, low = polarity.eq("high"), polarity.eq("low")
    higher, lower = position.eq("higher"), position.eq("lower")
    judged = np.select([high & higher | low & lower, high & lower | low & higher], ["better", "worse"], "")
    return pd.Series(judged, index=position.index, dtype=object).where(judged != "", None)
