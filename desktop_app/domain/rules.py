"""Complaint procedures, their stages and clocks, as a council configures them.

The rules are data (resources/complaint_procedures.toml) so that a council can
set its own corporate and adult targets without a new release.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.calendar import WeekendReceipt
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.paths import RESOURCES

DEFAULT_RULES_FILE = RESOURCES / "complaint_procedures.toml"

#: The dates a clock may start or stop on (columns of a complaints log).
CLOCK_DATES = ("received", "acknowledged", "statement_agreed", "responded")
#: The dates a log may hold for the day a response was agreed with the complainant (a clock's `agreed`).
AGREED_DATES = ("response_agreed",)
RESPONSE = "response"
ACKNOWLEDGEMENT = "acknowledgement"


class RulesError(ResourceFileError):
    """The rules file says something that cannot be used."""


@dataclass(frozen=True)
class Clock:
    """One timed step: from the first present `start` date to the `end` date.

    `agreed`: the log's column holding the date agreed with the complainant for the end (adult social
    care agrees a response period with each complainant); where a case has one, it is the due date, and
    `limit` (the council's local target) times the others.
    """

    start: tuple[str, ...]
    end: str
    limit: int
    extended_limit: int | None = None
    agreed: str | None = None


@dataclass(frozen=True)
class Stage:
    code: str  # "1", "2", "3" or "ombudsman"
    label: str
    clocks: dict[str, Clock] = field(default_factory=dict)

    @property
    def response(self) -> Clock | None:
        return self.clocks.get(RESPONSE)


@dataclass(frozen=True)
class Procedure:
    code: str
    label: str
    regulations: str
    uses_closure_days: bool
    stages: dict[str, Stage]


@dataclass(frozen=True)
class ComplaintRules:
    procedures: dict[str, Procedure]
    weekend_receipt: WeekendReceipt = WeekendReceipt.DAY0
    closure_days: tuple[dt.date, ...] = ()
    year_start: tuple[int, int] = (4, 1)  # month, day
    as_at_days_after_period: int = 0  # the figures' as-at day, by default: this many days after the period

    def stage(self, procedure: str, stage: str) -> Stage | None:
        found = self.procedures.get(procedure)
        return found.stages.get(stage) if found else None


@settings_file
def load_rules(path: Path = DEFAULT_RULES_FILE) -> ComplaintRules:
    """Read and check a rules file; a mistake names the file, the procedure and stage, or the setting."""
    data = read_toml(path)
    calendar = _table(path.name, data, "calendar")
    year_start = calendar.get("year_start", "04-01")
    try:
        if not isinstance(year_start, str):
            raise ValueError("not text")
        month, day = (int(part) for part in year_start.split("-"))
        dt.date(2001, month, day)
    except ValueError:
        raise RulesError(
            f'{path.name}: [calendar] year_start = {year_start!r} is not a month and day such as "04-01" '
            "(the reporting year's first day)"
        ) from None
    days = calendar.get("closure_days", [])
    if not isinstance(days, list):
        raise RulesError(f"{path.name}: [calendar] closure_days must be a list of dates, such as [2023-12-27]")
    try:
        closure_days = tuple(_as_date(value) for value in days)
        weekend_receipt = WeekendReceipt(calendar.get("weekend_receipt", "day0"))
        lag = calendar.get("as_at_days_after_period", 0)
        if isinstance(lag, bool) or not isinstance(lag, int) or not 0 <= lag <= 366:
            raise ValueError(f"as_at_days_after_period must be a whole number of days from 0 to 366, not {lag!r}")
    except ValueError as exc:
        raise RulesError(f"{path.name}: [calendar]: {exc}") from exc
    procedures = {
        code: _procedure(path.name, code, spec) for code, spec in _table(path.name, data, "procedures").items()
    }
    if not procedures:
        raise RulesError(f"{path.name}: no [procedures.*] are defined")
    return ComplaintRules(procedures, weekend_receipt, closure_days, (month, day), lag)


def _table(file: str, data: dict[str, Any], name: str) -> dict[str, Any]:
    found = data.get(name, {})
    if not isinstance(found, dict):
        raise RulesError(f"{file}: {name} must be a table ([{name}]), not {found!r}")
    return found


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _procedure(file: str, code: str, spec: dict[str, Any]) -> Procedure:
    stages = {}
    for stage_code, stage_spec in spec.get("stages", {}).items():
        clocks = {}
        for name, clock in stage_spec.get("clocks", {}).items():
            where = f"{file}: procedure '{code}', stage '{stage_code}', clock '{name}'"
            start = clock.get("start", ["received"])
            start = (start,) if isinstance(start, str) else tuple(start)
            end = clock.get("end", "responded")
            unknown = [d for d in (*start, end) if d not in CLOCK_DATES]
            if unknown:
                raise RulesError(f"{where}: unknown date {unknown[0]!r}; use one of {CLOCK_DATES}")
            limit, extended = clock.get("limit"), clock.get("extended_limit")
            if not isinstance(limit, int) or limit < 0:
                raise RulesError(f"{where}: 'limit' must be a whole number of working days")
            if extended is not None and (not isinstance(extended, int) or extended < limit):
                raise RulesError(f"{where}: 'extended_limit' must be a whole number >= limit")
            agreed = clock.get("agreed")
            if agreed is not None and agreed not in AGREED_DATES:
                raise RulesError(f"{where}: 'agreed' must name one of {AGREED_DATES}, not {agreed!r}")
            clocks[name] = Clock(start, end, limit, extended, agreed)
        stages[str(stage_code)] = Stage(str(stage_code), stage_spec.get("label", str(stage_code)), clocks)
    return Procedure(
        code,
        spec.get("label", code),
        spec.get("regulations", ""),
        bool(spec.get("uses_closure_days", False)),
        stages,
    )
