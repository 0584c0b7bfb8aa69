"""Every figure an appendix shows, formatted once, by name.

`report_figures` is the one place where a figure of the Annual Complaints
Report is turned into text: the prose placeholders ("{statutory_stage1_received}")
and the table cells both read its result, so a number cannot say one thing in
a sentence and another in a table (the published 2022-23 report said 69 in its
introduction and 98 in its table). Percentages come from the domain at full
precision and are rounded here, once, half up (as Excel rounds), to whole
numbers unless a figure says otherwise.

Names, with ROLE one of the report's procedures (`statutory`, `corporate`) and
STAGE one of the procedure's stages in the rules (`stage1`, `stage2`, `stage3`,
`ombudsman`):

- period: period_label (2022-23), period_years (2022 - 2023), period_start,
  period_end, as_of; with last year's data: last_year_label
- ROLE_label, ROLE_regulations (from the rules)
- ROLE_STAGE_label; ROLE_STAGE_limit, ROLE_STAGE_extended_limit,
  ROLE_STAGE_acknowledgement_limit (from the rules, where the stage has them)
- ROLE_STAGE_received, _finalised, _open, _overdue, _in_time, _in_time_pct,
  _upheld, _upheld_pct, _decided, _median_days; ROLE_STAGE_pct_of_stage1 for
  stages after Stage 2 (Stage 2's is ROLE_escalation_pct)
- with last year's data: ROLE_STAGE_received_last_year, _in_time_pct_last_year,
  _upheld_pct_last_year, _change ("increased by 48%"), _change_arrow ("▲ 48%")
- ROLE_escalation_pct (and _last_year), ROLE_themes_received, ROLE_themes_upheld
- theme_KEY_name, theme_KEY_ROLE_received, theme_KEY_ROLE_upheld,
  theme_KEY_ROLE_share_pct (of the ROLE's Stage 1 complaints),
  theme_KEY_upheld_pct (upheld of received, the report's procedures together),
  theme_KEY_ROLE_received_last_year; KEY is the theme in lower case with
  underscores ("Finance / Funding" -> finance_funding)
- ombudsman_contacts (the report's procedures together), with last year's data
  ombudsman_contacts_last_year, _change, _change_arrow;
  ombudsman_decision_KEY_name, _contacts (and _contacts_last_year)
- cared_for_complaints, complaints_all_procedures, cared_for_pct
- every author-entered figure of the text file's [figures] table (a name
  ending in _pct shows as a percentage); with front_door_contacts:
  complaints_pct_of_contacts (statutory Stage 1 complaints, one decimal place)
- suppress_below, where small counts are suppressed
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.rules import ACKNOWLEDGEMENT, ComplaintRules

NOT_APPLICABLE = "n/a"
SUPPRESSED_PERCENT = "[c]"
UP, DOWN, LEVEL = "▲", "▼", "▬"

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_WHOLE_YEAR = re.compile(r"\d{4}-\d{2}")


@dataclass(frozen=True)
class Formatter:
    """How a count, a percentage and a change are written.

    With `suppress_below` (say 5), a count from 1 to 4 is written "<5", and a
    percentage or change resting on such a count (as numerator or base) is
    written "[c]". Zero is shown: it identifies nobody. Totals are not
    suppressed, so a suppressed cell can sometimes be worked out from its row
    or column: this is primary suppression only.
    """

    suppress_below: int | None = None

    def hidden(self, count: int | None) -> bool:
        return bool(self.suppress_below) and count is not None and 0 < count < self.suppress_below

    def count(self, value: object) -> str:
        if _missing(value):
            return NOT_APPLICABLE
        number = int(value)
        if self.hidden(number):
            return f"<{self.suppress_below}"
        return f"{number:,}"

    def percent(self, value: object, counts: tuple[object, ...] = (), places: int = 0) -> str:
        """`value` (0-100, full precision) rounded half up; `counts` are what it rests on."""
        if _missing(value):
            return NOT_APPLICABLE
        if any(self.hidden(None if _missing(c) else int(c)) for c in counts):
            return SUPPRESSED_PERCENT
        return f"{round_half_up(float(value), places)}%"

    def change(self, now: int, before: int, change_pct: object) -> tuple[str, str]:
        """(arrow form, words) for a count that went from `before` to `now`."""
        if self.hidden(now) or self.hidden(before):
            return SUPPRESSED_PERCENT, "changed (figures too small to publish)"
        if now == before:
            return f"{LEVEL} 0%", "stayed the same"
        if before == 0:
            return UP, f"increased from none to {self.count(now)}"
        shown = round_half_up(abs(float(change_pct)), 0)
        arrow = UP if now > before else DOWN
        verb = "increased" if now > before else "decreased"
        if shown == "0":
            return f"{arrow} <1%", f"{verb} by less than 1%"
        return f"{arrow} {shown}%", f"{verb} by {shown}%"

    def days(self, value: object) -> str:
        if _missing(value):
            return NOT_APPLICABLE
        return round_half_up(float(value), 1).removesuffix(".0")


def round_half_up(value: float, places: int = 0) -> str:
    """12.5 -> '13', 28.42 -> '28': half away from zero, as Excel's ROUND (Python's round() goes to even)."""
    exponent = Decimal(1).scaleb(-places)
    return str(Decimal(repr(value)).quantize(exponent, rounding=ROUND_HALF_UP))


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def key_of(name: str) -> str:
    """The placeholder form of a theme or decision: 'Finance / Funding' -> 'finance_funding'."""
    return _NOT_WORD.sub("_", str(name).casefold()).strip("_") or "blank"


def keys_of(names: list[str]) -> dict[str, str]:
    """A distinct key per name (a second name with the same key gets _2, and so on)."""
    keys: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        key = base = key_of(name)
        number = 1
        while key in taken:
            number += 1
            key = f"{base}_{number}"
        taken.add(key)
        keys[name] = key
    return keys


def stage_key(code: str) -> str:
    """'1' -> 'stage1', 'ombudsman' -> 'ombudsman'."""
    return f"stage{code}" if code.isdigit() else code


class FigureError(ValueError):
    """The report cannot be made from these figures (an unknown procedure, a clashing name)."""


def report_figures(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    procedures: Mapping[str, str],
    entered: Mapping[str, int | float] | None = None,
    formatter: Formatter = Formatter(),
) -> dict[str, str]:
    """Every figure of the report as text, by name (see the module docstring for the names).

    `procedures` maps a role ('statutory', 'corporate') to a procedure code of
    the rules; `entered` holds the figures an author types in (front-door
    contacts, compliments) that no complaints log records.
    """
    figures: dict[str, str] = {}

    def put(name: str, value: str) -> None:
        if name in figures:
            raise FigureError(f"two figures are named {{{name}}}")
        figures[name] = value

    period = summary.period
    put("period_label", period.label)
    put("period_years", _period_years(summary))
    put("period_start", _day(period.start))
    put("period_end", _day(period.end))
    put("as_of", _day(summary.as_of))
    if summary.previous is not None:
        put("last_year_label", summary.previous.period.label)

    for role, procedure in procedures.items():
        if procedure not in rules.procedures:
            raise FigureError(
                f"the report's {role} procedure {procedure!r} is not in the rules "
                f"(they define {', '.join(rules.procedures)})"
            )
        _procedure_figures(put, role, procedure, summary, rules, formatter)
    _theme_figures(put, summary, procedures, formatter)
    _ombudsman_figures(put, summary, procedures, formatter)

    if formatter.suppress_below:
        put("suppress_below", str(formatter.suppress_below))
    cared = summary.cared_for
    put("cared_for_complaints", formatter.count(cared["count"]))
    put("complaints_all_procedures", formatter.count(cared["of"]))
    put("cared_for_pct", formatter.percent(cared["pct"], (cared["count"], cared["of"])))

    for name, value in (entered or {}).items():
        if name in figures:
            raise FigureError(f"the entered figure {name!r} has the name of a figure from the log; rename it")
        put(name, formatter.percent(value) if name.endswith("_pct") else formatter.count(value))
    if entered and "front_door_contacts" in entered and "statutory" in procedures:
        received = _stage_row(summary.stages, procedures["statutory"], "1")["received"]
        contacts = entered["front_door_contacts"]
        share = received * 100.0 / contacts if contacts else None
        put("complaints_pct_of_contacts", formatter.percent(share, (received,), places=1))
    return figures


# --- the parts -------------------------------------------------------------


def _period_years(summary: ComplaintsSummary) -> str:
    """'2022 - 2023' for a whole reporting year (the title's form), else the two dates."""
    period = summary.period
    if _WHOLE_YEAR.fullmatch(period.label):
        return f"{period.start.year} - {period.end.year}"
    return f"{_day(period.start)} to {_day(period.end)}"


def _day(value) -> str:
    return f"{value.day} {value:%B %Y}"


_ZERO_ROW = {
    "received": 0,
    "finalised": 0,
    "open": 0,
    "overdue": 0,
    "in_time": 0,
    "in_time_pct": None,
    "upheld": 0,
    "upheld_pct": None,
    "decided": 0,
    "median_working_days": None,
}


def _stage_row(stages: pd.DataFrame, procedure: str, code: str) -> dict:
    rows = stages[(stages["procedure"] == procedure) & (stages["stage"] == code)]
    return rows.iloc[0].to_dict() if len(rows) else dict(_ZERO_ROW)


def _procedure_figures(
    put, role: str, procedure: str, summary: ComplaintsSummary, rules: ComplaintRules, fmt: Formatter
) -> None:
    spec = rules.procedures[procedure]
    put(f"{role}_label", spec.label)
    put(f"{role}_regulations", spec.regulations)
    previous = summary.previous
    changes = {}
    if previous is not None:
        yoy = summary.year_on_year()
        changes = {row["stage"]: row for row in yoy[yoy["procedure"] == procedure].to_dict("records")}
    first = _stage_row(summary.stages, procedure, "1")

    for code, stage in spec.stages.items():
        name = f"{role}_{stage_key(code)}"
        row = _stage_row(summary.stages, procedure, code)
        put(f"{name}_label", stage.label)
        if stage.response is not None:
            put(f"{name}_limit", str(stage.response.limit))
            if stage.response.extended_limit is not None:
                put(f"{name}_extended_limit", str(stage.response.extended_limit))
        if ACKNOWLEDGEMENT in stage.clocks:
            put(f"{name}_acknowledgement_limit", str(stage.clocks[ACKNOWLEDGEMENT].limit))
        for measure in ("received", "finalised", "open", "overdue", "in_time", "upheld", "decided"):
            put(f"{name}_{measure}", fmt.count(row[measure]))
        put(f"{name}_in_time_pct", fmt.percent(row["in_time_pct"], (row["in_time"], row["finalised"])))
        put(f"{name}_upheld_pct", fmt.percent(row["upheld_pct"], (row["upheld"], row["decided"])))
        put(f"{name}_median_days", fmt.days(row["median_working_days"]))
        if code not in ("1", "2"):
            share = row["received"] * 100.0 / first["received"] if first["received"] else None
            put(f"{name}_pct_of_stage1", fmt.percent(share, (row["received"], first["received"])))
        if previous is not None:
            before = _stage_row(previous.stages, procedure, code)
            put(f"{name}_received_last_year", fmt.count(before["received"]))
            put(
                f"{name}_in_time_pct_last_year",
                fmt.percent(before["in_time_pct"], (before["in_time"], before["finalised"])),
            )
            put(
                f"{name}_upheld_pct_last_year", fmt.percent(before["upheld_pct"], (before["upheld"], before["decided"]))
            )
            change = changes.get(code, {"change_pct": None})
            arrow, words = fmt.change(int(row["received"]), int(before["received"]), change["change_pct"])
            put(f"{name}_change_arrow", arrow)
            put(f"{name}_change", words)

    for which, source in (("", summary), ("_last_year", previous)):
        if source is None:
            continue
        escalation = source.escalation[source.escalation["procedure"] == procedure]
        if len(escalation):
            row = escalation.iloc[0]
            value = fmt.percent(row["escalation_pct"], (row["stage_2"], row["stage_1"]))
        else:
            value = NOT_APPLICABLE
        put(f"{role}_escalation_pct{which}", value)


def _theme_counts(summary: ComplaintsSummary | None, procedure: str) -> tuple[pd.Series, pd.Series]:
    """Received and upheld per theme (TOTAL included) for one procedure; zeros where it has none."""
    if summary is None:
        empty = pd.Series(dtype="int64")
        return empty, empty
    themes = summary.themes
    if ("received", procedure) in themes.columns:
        return themes[("received", procedure)].astype("int64"), themes[("upheld", procedure)].astype("int64")
    zeros = pd.Series(0, index=themes.index, dtype="int64")
    return zeros, zeros


def theme_names(summary: ComplaintsSummary) -> list[str]:
    """The themes of the year in table order, TOTAL left out."""
    return [theme for theme in summary.themes.index if theme != "TOTAL"]


def _theme_figures(put, summary: ComplaintsSummary, procedures: Mapping[str, str], fmt: Formatter) -> None:
    names = theme_names(summary)
    keys = keys_of(names)
    counts = {role: _theme_counts(summary, procedure) for role, procedure in procedures.items()}
    before = {role: _theme_counts(summary.previous, procedure)[0] for role, procedure in procedures.items()}
    for role, (received, upheld) in counts.items():
        put(f"{role}_themes_received", fmt.count(received.get("TOTAL", 0)))
        put(f"{role}_themes_upheld", fmt.count(upheld.get("TOTAL", 0)))
    for theme in names:
        key = f"theme_{keys[theme]}"
        put(f"{key}_name", theme)
        all_received = all_upheld = 0
        for role, (received, upheld) in counts.items():
            got, kept, total = int(received.get(theme, 0)), int(upheld.get(theme, 0)), int(received.get("TOTAL", 0))
            all_received += got
            all_upheld += kept
            put(f"{key}_{role}_received", fmt.count(got))
            put(f"{key}_{role}_upheld", fmt.count(kept))
            put(f"{key}_{role}_share_pct", fmt.percent(got * 100.0 / total if total else None, (got, total)))
            if summary.previous is not None:
                put(f"{key}_{role}_received_last_year", fmt.count(int(before[role].get(theme, 0))))
        share = all_upheld * 100.0 / all_received if all_received else None
        put(f"{key}_upheld_pct", fmt.percent(share, (all_upheld, all_received)))


def ombudsman_counts(summary: ComplaintsSummary | None, procedures: Mapping[str, str]) -> dict[str, int]:
    """Ombudsman contacts by decision, the report's procedures together, most first."""
    if summary is None:
        return {}
    decisions = summary.ombudsman_decisions
    decisions = decisions[decisions["procedure"].isin(list(procedures.values()))]
    totals = decisions.groupby("decision", sort=False)["contacts"].sum()
    ordered = sorted(totals.items(), key=lambda item: (-int(item[1]), str(item[0])))
    return {str(decision): int(contacts) for decision, contacts in ordered}


def ombudsman_decision_keys(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, str]:
    """Decision -> placeholder key, this year's decisions first, then last year's."""
    names = list(ombudsman_counts(summary, procedures))
    names += [d for d in ombudsman_counts(summary.previous, procedures) if d not in names]
    return keys_of(names)


def _ombudsman_figures(put, summary: ComplaintsSummary, procedures: Mapping[str, str], fmt: Formatter) -> None:
    now = ombudsman_counts(summary, procedures)
    before = ombudsman_counts(summary.previous, procedures)
    total, total_before = sum(now.values()), sum(before.values())
    put("ombudsman_contacts", fmt.count(total))
    if summary.previous is not None:
        put("ombudsman_contacts_last_year", fmt.count(total_before))
        change = (total - total_before) * 100.0 / total_before if total_before else None
        arrow, words = fmt.change(total, total_before, change)
        put("ombudsman_contacts_change_arrow", arrow)
        put("ombudsman_contacts_change", words)
    for decision, key in ombudsman_decision_keys(summary, procedures).items():
        put(f"ombudsman_decision_{key}_name", decision)
        put(f"ombudsman_decision_{key}_contacts", fmt.count(now.get(decision, 0)))
        if summary.previous is not None:
            put(f"ombudsman_decision_{key}_contacts_last_year", fmt.count(before.get(decision, 0)))
