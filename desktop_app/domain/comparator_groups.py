"""Comparator groups as data, and a group's average worked out from its members' values.

A published comparator average (the statistical neighbours' 21.4) is the mean of its group's members' values:
DfE's 10 statistical neighbours for children's services, CIPFA's 15 nearest neighbours for adult social care.
Which councils those are is data (resources/comparator_groups.toml, each group with its source and date; a
council replaces them). Where a benchmark members' return gives the members' values, `member_averages` works
the average out from the group's own members, so the proof can flag a published average they do not give
(domain.return_checks).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.returns import COMPARATORS
from desktop_app.paths import RESOURCES

COMPARATOR_GROUPS_FILE = RESOURCES / "comparator_groups.toml"
SERVICES = ("children", "adults")
_KEYS = {"name", "comparator", "service", "source", "date", "size", "members"}


class ComparatorGroupsError(ResourceFileError):
    """resources/comparator_groups.toml says something that cannot be used."""


@dataclass(frozen=True)
class ComparatorGroup:
    code: str
    name: str
    comparator: str  # the comparator column it averages: sn, nw or england
    service: str
    source: str
    date: str
    size: int
    members: tuple[str, ...]

    @property
    def about(self) -> str:
        """The group with its source and date, as a finding names it."""
        return f"{self.name}: {self.source}, {self.date}"


@settings_file
def load_comparator_groups(path: Path = COMPARATOR_GROUPS_FILE) -> dict[str, ComparatorGroup]:
    """The groups by code; a mistake names the file and the group."""
    data = read_toml(path)
    groups: dict[str, ComparatorGroup] = {}
    for code, spec in data.get("groups", {}).items():
        where = f"{path.name}: [groups.{code}]"
        if not isinstance(spec, dict):
            raise ComparatorGroupsError(f"{where} must be a table")
        unknown = sorted(set(spec) - _KEYS)
        if unknown:
            raise ComparatorGroupsError(f"{where}: unknown key {unknown[0]!r}; use {sorted(_KEYS)}")
        if spec.get("comparator") not in COMPARATORS:
            raise ComparatorGroupsError(f"{where}: comparator must be one of {list(COMPARATORS)}")
        if spec.get("service") not in SERVICES:
            raise ComparatorGroupsError(f"{where}: service must be one of {list(SERVICES)}")
        members = spec.get("members", [])
        if not isinstance(members, list) or not members or not all(isinstance(m, str) for m in members):
            raise ComparatorGroupsError(f'{where}: members must be a list of councils, e.g. ["Wirral", "Wigan"]')
        if len(set(members)) != len(members):
            raise ComparatorGroupsError(f"{where}: a council is listed twice in members")
        for key in ("name", "source", "date"):
            if not str(spec.get(key, "")).strip():
                raise ComparatorGroupsError(f"{where}: {key} must not be empty (say where the members come from)")
        size = spec.get("size", len(members))
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise ComparatorGroupsError(f"{where}: size must be a whole number of councils")
        groups[code] = ComparatorGroup(
            code,
            str(spec["name"]),
            spec["comparator"],
            spec["service"],
            str(spec["source"]),
            str(spec["date"]),
            size,
            tuple(m.strip() for m in members),
        )
    return groups


def member_averages(members: pd.DataFrame, groups: Mapping[str, ComparatorGroup]) -> pd.DataFrame:
    """Per id, comparator and period of a members' return: the group its councils belong to (of the groups of
    that comparator, the one holding most of them), the mean of that group's members' values, how many of the
    group's members have a value, and the councils given that are not in the group.

    Where no group of that comparator holds any of the councils, the group is None and the mean is over every
    council given. A member whose cell holds a symbol ("c") has no value and is not in the mean.
    """
    keys = ["id", "comparator", "period"]
    rows = []
    valued = members.dropna(subset=["id", "comparator"]).assign(authority=lambda f: f["authority"].str.strip())
    for (id_, comparator, period), given in valued.groupby(keys, dropna=False, sort=False):
        candidates = [g for g in groups.values() if g.comparator == comparator]
        named = set(given["authority"])
        group = max(candidates, key=lambda g: len(named & set(g.members)), default=None)
        if group is not None and not named & set(group.members):
            group = None
        inside = given[given["authority"].isin(group.members)] if group else given
        values = inside["value"].dropna()
        rows.append(
            {
                "id": id_,
                "comparator": comparator,
                "period": period,
                "group": group.code if group else None,
                "average": values.mean() if len(values) else float("nan"),
                "members": len(values),
                "group_size": group.size if group else len(given),
                "outside": tuple(sorted(named - set(group.members))) if group else (),
            }
        )
    columns = [*keys, "group", "average", "members", "group_size", "outside"]
    return pd.DataFrame(rows, columns=columns)
