"""Equality monitoring of complainants, and councillors' and MPs' enquiries by ward.

Equality: the Stage 1 complaints of a report's procedures counted by each protected characteristic the log
keeps (age band, sex, ethnicity, disability), with the share not recorded, and the counts too small to
publish marked. Suppression is never optional here (the complainants are few and their characteristics
identify them): a count from 1 to below the threshold is hidden, and where a characteristic would then hide
one count alone, the next smallest is hidden too, so no hidden count can be worked out from the total.

Enquiries: the enquiries of record type member_enquiry or mp_enquiry, by the ward the log gives; a blank
ward (or one the log says is not known) is its own group, `None`, never a ward.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from desktop_app.domain.complaints import ENQUIRIES, ComplaintsSummary
from desktop_app.domain.formatting import SUPPRESSED_PERCENT, Formatter

#: The characteristics the log may keep, in the order the reports print them.
CHARACTERISTICS = ("age_band", "sex", "ethnicity", "disability")
#: The code of a characteristic not recorded (a blank cell, "Prefer not to say", a word not known).
NOT_RECORDED = "not_recorded"


@dataclass(frozen=True)
class GroupCount:
    """One group of a characteristic: its code (NOT_RECORDED for those not recorded), its count, its share of
    the complaints (0-100, full precision) and whether it is too small to publish (`hidden`)."""

    code: str
    count: int
    pct: float
    hidden: bool

    def written(self, suppress_below: int) -> tuple[str, str]:
        """The count and the share as published: a count under the threshold "<N", one hidden so that it
        cannot be worked out from the others "[c]", and the share of either "[c]"."""
        fmt = Formatter(suppress_below)
        if not self.hidden:
            return fmt.count(self.count), fmt.percent(self.pct)
        return (fmt.count(self.count) if fmt.hidden(self.count) else SUPPRESSED_PERCENT), SUPPRESSED_PERCENT


@dataclass(frozen=True)
class Characteristic:
    """The complaints by one characteristic: its groups in the vocabulary's order, then not recorded."""

    name: str
    groups: tuple[GroupCount, ...]
    total: int

    @property
    def not_recorded(self) -> GroupCount:
        return self.groups[-1]


def equality_counts(
    summary: ComplaintsSummary,
    procedures: Mapping[str, str],
    groups: Mapping[str, list[str]],
    suppress_below: int,
) -> list[Characteristic] | None:
    """Each characteristic the log keeps, of the Stage 1 complaints of the report's procedures received in the
    period; `groups` the vocabulary's codes of each characteristic in order. None where the log keeps none."""
    cases = summary.cases
    ours = cases[cases["procedure"].isin(list(procedures.values())).to_numpy() & cases["stage"].eq("1").to_numpy()]
    kept = [name for name in CHARACTERISTICS if cases[name].notna().any()]
    if not kept:
        return None
    found = []
    for name in kept:
        values = ours[name].fillna(NOT_RECORDED)
        codes = [code for code in groups.get(name, []) if code != NOT_RECORDED] + [NOT_RECORDED]
        counts = {code: int(count) for code, count in values.value_counts().items()}
        counted = {code: counts.get(code, 0) for code in codes}
        hidden = suppressed(counted, suppress_below)
        total = len(ours)
        shares = {code: 100 * count / total if total else 0.0 for code, count in counted.items()}
        rows = tuple(GroupCount(code, counted[code], shares[code], code in hidden) for code in codes)
        found.append(Characteristic(name, rows, total))
    return found


def suppressed(counts: Mapping[str, int], suppress_below: int) -> set[str]:
    """The groups whose counts are not published: those from 1 to below `suppress_below`, and where that is one
    group alone, the smallest other group above none too (else the total would give it away)."""
    hidden = {code for code, count in counts.items() if 0 < count < suppress_below}
    if len(hidden) == 1:
        others = sorted((count, code) for code, count in counts.items() if count > 0 and code not in hidden)
        if others:
            hidden.add(others[0][1])
    return hidden


#: The columns of enquiries_by_ward: the ward (None: address not known), then its enquiries by record type.
WARD_COLUMNS = ["ward", *ENQUIRIES, "total"]


def enquiries_by_ward(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> pd.DataFrame | None:
    """The councillors' and MPs' enquiries about the report's procedures' services received in the period, a
    row per ward in alphabetical order and the enquiries whose address is not known last (ward None); None
    where the log keeps no record type column (so it cannot hold enquiries)."""
    if not (summary.cases["record_type"].notna().any() or len(summary.enquiries)):
        return None
    enquiries = summary.enquiries
    enquiries = enquiries[enquiries["procedure"].isin(list(procedures.values())).to_numpy()]
    wards = [str(ward) if isinstance(ward, str) else "" for ward in enquiries["ward"]]
    counts = Counter(zip(wards, enquiries["record_type"], strict=True))
    rows = []
    for ward in [*sorted(set(wards) - {""}, key=str.casefold), *([""] if "" in wards else [])]:
        row: dict[str, object] = {"ward": ward or None, **{kind: counts[(ward, kind)] for kind in ENQUIRIES}}
        rows.append({**row, "total": sum(counts[(ward, kind)] for kind in ENQUIRIES)})
    table = pd.DataFrame(rows, columns=WARD_COLUMNS).astype({column: "int64" for column in WARD_COLUMNS[1:]})
    table["ward"] = table["ward"].astype("object").where(table["ward"].notna(), None)  # None, never NaN
    return table
