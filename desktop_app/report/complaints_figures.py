"""Every figure of the Annual Complaints Report, formatted once, by name.

`complaint_figures` is the one place where a figure of the Annual Complaints
Report is turned into text: the prose placeholders ("{statutory_stage1_received}")
and the table cells both read its result, so a number cannot say one thing in
a sentence and another in a table (the published 2022-23 report said 69 in its
introduction and 98 in its table). The values come from the domain at full
precision (domain.complaints, domain.complaint_measures) and are written by
domain.formatting, once, half up (as Excel rounds), to whole numbers unless a
figure says otherwise.

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
- ROLE_STAGE_timed (finalised with an in-time figure), _extended (an extension
  agreed), _in_time_within_limit and _in_time_within_extension (answered after
  the limit, within the extension agreed), each with _pct (of those finalised;
  the two add up to _in_time_pct)
- with last year's data: ROLE_STAGE_received_last_year, _in_time_pct_last_year,
  _upheld_pct_last_year, _change ("increased by 48%"), _change_arrow ("▲ 48%")
- ROLE_escalation_pct (and _last_year), ROLE_themes_received, ROLE_themes_upheld
  (and ROLE_themes_received_last_year)
- theme_KEY_name, theme_KEY_ROLE_received, theme_KEY_ROLE_upheld,
  theme_KEY_ROLE_share_pct (of the ROLE's Stage 1 complaints),
  theme_KEY_upheld_pct (upheld of received, the report's procedures together),
  theme_KEY_ROLE_received_last_year; KEY is the theme in lower case with
  underscores ("Finance / Funding" -> finance_funding)
- ombudsman_contacts (the report's procedures together), with last year's data
  ombudsman_contacts_last_year, _change, _change_arrow;
  ombudsman_decision_KEY_name, _contacts (and _contacts_last_year)
- ombudsman_decided (the Ombudsman's cases decided in the year, whenever received,
  domain.complaint_measures.ombudsman_register), with last year's data
  ombudsman_decided_last_year; ombudsman_decided_KEY_name, _cases (and
  _cases_last_year), KEY the decision's category (its vocabulary code)
- ombudsman_investigated (of those decided, the cases the Ombudsman investigated:
  its decision a finding, upheld or not), with last year's data _last_year
- cared_for_complaints, complaints_all_procedures (Stage 1, the report's procedures
  together), cared_for_pct; complainants_GROUP and _pct (GROUP child, parent,
  carer, advocate, other, not_recorded); advocacy_provided, advocacy_known,
  advocacy_provided_pct (of those the log says either way about); representations
  (not complaints; and _last_year): each "not recorded" where the log keeps no
  column that gives it
- every author-entered figure of the text file's [figures] table (a name
  ending in _pct shows as a percentage); with front_door_contacts:
  complaints_pct_of_contacts (statutory Stage 1 complaints, one decimal place)
- suppress_below, where small counts are suppressed
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from desktop_app.domain.complaint_measures import (
    COMPLAINANT_GROUPS,
    STAGE_MEASURES,
    advocacy_counts,
    change_pct,
    complainant_counts,
    ombudsman_counts,
    ombudsman_decided_counts,
    ombudsman_decisions,
    ombudsman_investigated,
    percent_of,
    representation_count,
    share_of_stage1,
    stage_row,
    theme_counts,
    theme_names,
)
from desktop_app.domain.complaints import ComplaintsSummary, cared_for_share
from desktop_app.domain.formatting import NOT_APPLICABLE, UNSUPPRESSED, Formatter, long_date, missing
from desktop_app.domain.rules import ACKNOWLEDGEMENT, ComplaintRules
from desktop_app.report.labels import shortened
from desktop_app.report.model import Figure

#: What a figure the log cannot give says (a log with no column for who complained, say).
NOT_RECORDED = "not recorded"
#: The name of the Ombudsman's decided cases whose decision the log leaves blank.
NO_DECISION_WORDS = "No decision recorded"

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_WHOLE_YEAR = re.compile(r"\d{4}-\d{2}")

Put = Callable[..., None]


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


def ombudsman_decision_keys(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, str]:
    """Decision -> placeholder key, this year's decisions first, then last year's."""
    return keys_of(ombudsman_decisions(summary, procedures))


class FigureError(ValueError):
    """The report cannot be made from these figures (an unknown procedure, a clashing name)."""


def report_figures(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    procedures: Mapping[str, str],
    entered: Mapping[str, int | float] | None = None,
    formatter: Formatter = UNSUPPRESSED,
) -> dict[str, str]:
    """Every figure of the report as the text the appendix prints, by name."""
    figures = complaint_figures(summary, rules, procedures, entered, formatter)
    return {name: figure.text for name, figure in figures.items()}


def complaint_figures(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    procedures: Mapping[str, str],
    entered: Mapping[str, int | float] | None = None,
    formatter: Formatter = UNSUPPRESSED,
) -> dict[str, Figure]:
    """Every figure of the report, its value and its text, by name (see the module docstring for the names).

    `procedures` maps a role ('statutory', 'corporate') to a procedure code of
    the rules; `entered` holds the figures an author types in (front-door
    contacts, compliments) that no complaints log records.
    """
    figures: dict[str, Figure] = {}
    put = putter(figures)
    period = summary.period
    put("period_label", period.label, period.label)
    put("period_years", _period_years(summary))
    put("period_start", long_date(period.start), period.start.isoformat(), "date")
    put("period_end", long_date(period.end), period.end.isoformat(), "date")
    put("as_of", long_date(summary.as_of), summary.as_of.isoformat(), "date")
    if summary.previous is not None:
        put("last_year_label", summary.previous.period.label, summary.previous.period.label)

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
        put("suppress_below", str(formatter.suppress_below), formatter.suppress_below, "count")
    _complainant_figures(put, summary, procedures, formatter)

    for name, value in (entered or {}).items():
        if name in figures:
            raise FigureError(f"the entered figure {name!r} has the name of a figure from the log; rename it")
        if name.endswith("_pct"):
            put(name, formatter.percent(value), value, "percent")
        else:
            put(name, formatter.count(value), value, "count")
    if entered and "front_door_contacts" in entered and "statutory" in procedures:
        received = int(stage_row(summary.stages, procedures["statutory"], "1")["received"])  # type: ignore[call-overload]
        share = percent_of(received, entered["front_door_contacts"])
        put("complaints_pct_of_contacts", formatter.percent(share, (received,), places=1), share, "percent")
    return figures


def putter(figures: dict[str, Figure]) -> Put:
    """The function that adds a figure to `figures` by name (a name given twice is an error)."""

    def put(name: str, text: str, value: object = None, unit: str | None = None) -> None:
        if name in figures:
            raise FigureError(f"two figures are named {{{name}}}")
        if hasattr(value, "item"):  # a numpy scalar: its Python value
            value = value.item()
        shown = None if missing(value) else value if isinstance(value, (int, float, str)) else str(value)
        figures[name] = Figure(name, text, shown, unit)

    return put


# --- the parts -------------------------------------------------------------


def _period_years(summary: ComplaintsSummary) -> str:
    """'2022 - 2023' for a whole reporting year (the title's form), else the two dates."""
    period = summary.period
    if _WHOLE_YEAR.fullmatch(period.label):
        return f"{period.start.year} - {period.end.year}"
    return f"{long_date(period.start)} to {long_date(period.end)}"


def _procedure_figures(
    put: Put, role: str, procedure: str, summary: ComplaintsSummary, rules: ComplaintRules, fmt: Formatter
) -> None:
    spec = rules.procedures[procedure]
    put(f"{role}_label", spec.label)
    put(f"{role}_regulations", spec.regulations)
    previous = summary.previous
    changes = {}
    if previous is not None:
        yoy = summary.year_on_year()
        changes = {row["stage"]: row for row in yoy[yoy["procedure"] == procedure].to_dict("records")}

    for code, stage in spec.stages.items():
        name = f"{role}_{stage_key(code)}"
        row = stage_row(summary.stages, procedure, code)
        put(f"{name}_label", stage.label)
        if stage.response is not None:
            put(f"{name}_limit", str(stage.response.limit), stage.response.limit, "days")
            if stage.response.extended_limit is not None:
                limit = stage.response.extended_limit
                put(f"{name}_extended_limit", str(limit), limit, "days")
        if ACKNOWLEDGEMENT in stage.clocks:
            limit = stage.clocks[ACKNOWLEDGEMENT].limit
            put(f"{name}_acknowledgement_limit", str(limit), limit, "days")
        for measure in STAGE_MEASURES:
            if measure.endswith("_pct") or measure == "median_working_days":
                continue
            put(f"{name}_{measure}", fmt.count(row[measure]), row[measure], "count")
        for measure in ("in_time", "in_time_within_limit", "in_time_within_extension"):
            shown = fmt.percent(row[f"{measure}_pct"], (row[measure], row["finalised"]))
            put(f"{name}_{measure}_pct", shown, row[f"{measure}_pct"], "percent")
        upheld = fmt.percent(row["upheld_pct"], (row["upheld"], row["decided"]))
        put(f"{name}_upheld_pct", upheld, row["upheld_pct"], "percent")
        put(f"{name}_median_days", fmt.days(row["median_working_days"]), row["median_working_days"], "days")
        if code not in ("1", "2"):
            first = stage_row(summary.stages, procedure, "1")
            share = share_of_stage1(summary, procedure, code)
            put(f"{name}_pct_of_stage1", fmt.percent(share, (row["received"], first["received"])), share, "percent")
        if previous is not None:
            before = stage_row(previous.stages, procedure, code)
            put(f"{name}_received_last_year", fmt.count(before["received"]), before["received"], "count")
            before_in_time = fmt.percent(before["in_time_pct"], (before["in_time"], before["finalised"]))
            put(f"{name}_in_time_pct_last_year", before_in_time, before["in_time_pct"], "percent")
            before_upheld = fmt.percent(before["upheld_pct"], (before["upheld"], before["decided"]))
            put(f"{name}_upheld_pct_last_year", before_upheld, before["upheld_pct"], "percent")
            change = changes.get(code, {"change_pct": None})
            now, then = int(row["received"]), int(before["received"])  # type: ignore[call-overload]
            arrow, words = fmt.change(now, then, change["change_pct"])
            put(f"{name}_change_arrow", arrow, change["change_pct"], "percent")
            put(f"{name}_change", words, change["change_pct"], "percent")

    for which, source in (("", summary), ("_last_year", previous)):
        if source is None:
            continue
        escalation = source.escalation[source.escalation["procedure"] == procedure]
        if len(escalation):
            row = escalation.iloc[0]
            value = fmt.percent(row["escalation_pct"], (row["stage_2"], row["stage_1"]))
            put(f"{role}_escalation_pct{which}", value, row["escalation_pct"], "percent")
        else:
            put(f"{role}_escalation_pct{which}", NOT_APPLICABLE)


def _theme_figures(put: Put, summary: ComplaintsSummary, procedures: Mapping[str, str], fmt: Formatter) -> None:
    names = theme_names(summary, procedures.values())
    keys = keys_of(names)
    counts = {role: theme_counts(summary, procedure) for role, procedure in procedures.items()}
    before = {role: theme_counts(summary.previous, procedure)[0] for role, procedure in procedures.items()}
    for role, (received, upheld) in counts.items():
        total_received, total_upheld = int(received.get("TOTAL", 0)), int(upheld.get("TOTAL", 0))
        put(f"{role}_themes_received", fmt.count(total_received), total_received, "count")
        put(f"{role}_themes_upheld", fmt.count(total_upheld), total_upheld, "count")
        if summary.previous is not None:
            then = int(before[role].get("TOTAL", 0))
            put(f"{role}_themes_received_last_year", fmt.count(then), then, "count")
    for theme in names:
        key = f"theme_{keys[theme]}"
        put(f"{key}_name", shortened(theme))
        all_received = all_upheld = 0
        for role, (received, upheld) in counts.items():
            got, kept, total = int(received.get(theme, 0)), int(upheld.get(theme, 0)), int(received.get("TOTAL", 0))
            all_received += got
            all_upheld += kept
            put(f"{key}_{role}_received", fmt.count(got), got, "count")
            put(f"{key}_{role}_upheld", fmt.count(kept), kept, "count")
            share = percent_of(got, total)
            put(f"{key}_{role}_share_pct", fmt.percent(share, (got, total)), share, "percent")
            if summary.previous is not None:
                then = int(before[role].get(theme, 0))
                put(f"{key}_{role}_received_last_year", fmt.count(then), then, "count")
        share = percent_of(all_upheld, all_received)
        put(f"{key}_upheld_pct", fmt.percent(share, (all_upheld, all_received)), share, "percent")


def count_or_not_recorded(put: Put, name: str, value: int | None, fmt: Formatter) -> None:
    """A count, or NOT_RECORDED where the log keeps no column that gives it."""
    if value is None:
        put(name, NOT_RECORDED)
    else:
        put(name, fmt.count(value), value, "count")


def percent_or_not_recorded(put: Put, name: str, part: int | None, whole: int, fmt: Formatter) -> None:
    """`part` as a percentage of `whole`, or NOT_RECORDED where the log keeps no column that gives it."""
    if part is None:
        put(name, NOT_RECORDED)
    else:
        share = percent_of(part, whole)
        put(name, fmt.percent(share, (part, whole)), share, "percent")


def _complainant_figures(put: Put, summary: ComplaintsSummary, procedures: Mapping[str, str], fmt: Formatter) -> None:
    cared = cared_for_share(summary.cases, procedures.values())
    total = int(cared["of"])  # type: ignore[arg-type]
    count_or_not_recorded(put, "cared_for_complaints", cared["count"], fmt)  # type: ignore[arg-type]
    put("complaints_all_procedures", fmt.count(total), total, "count")
    percent_or_not_recorded(put, "cared_for_pct", cared["count"], total, fmt)  # type: ignore[arg-type]
    who = complainant_counts(summary, procedures)
    for group in (*COMPLAINANT_GROUPS, "not_recorded"):
        part = None if who is None else who[group]
        count_or_not_recorded(put, f"complainants_{group}", part, fmt)
        percent_or_not_recorded(put, f"complainants_{group}_pct", part, total, fmt)
    advocacy = advocacy_counts(summary, procedures)
    count_or_not_recorded(put, "advocacy_provided", None if advocacy is None else advocacy["provided"], fmt)
    count_or_not_recorded(put, "advocacy_known", None if advocacy is None else advocacy["of"], fmt)
    provided, known = (None, 0) if advocacy is None else (advocacy["provided"], advocacy["of"])
    percent_or_not_recorded(put, "advocacy_provided_pct", provided, known, fmt)
    count_or_not_recorded(put, "representations", representation_count(summary, procedures), fmt)
    if summary.previous is not None:
        before = representation_count(summary.previous, procedures)
        count_or_not_recorded(put, "representations_last_year", before, fmt)


def _ombudsman_figures(put: Put, summary: ComplaintsSummary, procedures: Mapping[str, str], fmt: Formatter) -> None:
    now = ombudsman_counts(summary, procedures)
    before = ombudsman_counts(summary.previous, procedures)
    total, total_before = sum(now.values()), sum(before.values())
    put("ombudsman_contacts", fmt.count(total), total, "count")
    if summary.previous is not None:
        put("ombudsman_contacts_last_year", fmt.count(total_before), total_before, "count")
        change = change_pct(total, total_before)
        arrow, words = fmt.change(total, total_before, change)
        put("ombudsman_contacts_change_arrow", arrow, change, "percent")
        put("ombudsman_contacts_change", words, change, "percent")
    for decision, key in ombudsman_decision_keys(summary, procedures).items():
        put(f"ombudsman_decision_{key}_name", decision)
        put(f"ombudsman_decision_{key}_contacts", fmt.count(now.get(decision, 0)), now.get(decision, 0), "count")
        if summary.previous is not None:
            then = before.get(decision, 0)
            put(f"ombudsman_decision_{key}_contacts_last_year", fmt.count(then), then, "count")
    _ombudsman_decided_figures(put, summary, procedures, fmt)


def ombudsman_decided_keys(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, str]:
    """A decision category of the Ombudsman's decided cases -> its placeholder key, in the table's order."""
    return keys_of(list(ombudsman_decided_counts(summary, procedures)["category"]))


def _ombudsman_decided_figures(
    put: Put, summary: ComplaintsSummary, procedures: Mapping[str, str], fmt: Formatter
) -> None:
    counts = ombudsman_decided_counts(summary, procedures)
    decided = int(counts["cases"].sum())
    put("ombudsman_decided", fmt.count(decided), decided, "count")
    if summary.previous is not None:
        before = int(counts["cases_last_year"].sum())
        put("ombudsman_decided_last_year", fmt.count(before), before, "count")
    for suffix, of in (("", summary), ("_last_year", summary.previous)):
        investigated = ombudsman_investigated(of, procedures)
        if investigated is not None:
            put(f"ombudsman_investigated{suffix}", fmt.count(investigated), investigated, "count")
    keys = ombudsman_decided_keys(summary, procedures)
    for row in counts.to_dict("records"):
        name = f"ombudsman_decided_{keys[row['category']]}"
        put(f"{name}_name", shortened(row["decision"]) if row["decision"] else NO_DECISION_WORDS)
        put(f"{name}_cases", fmt.count(row["cases"]), row["cases"], "count")
        if summary.previous is not None:
            put(f"{name}_cases_last_year", fmt.count(row["cases_last_year"]), row["cases_last_year"], "count")
