"""Every figure of the corporate complaints report (the complaint handling code's section 8), formatted
once, by name.

The report's figures are the Annual Complaints Report's (`complaints_figures.complaint_figures`: the
period, each stage's limits and measures, the themes, the Ombudsman contacts) and, with ROLE the report's
procedure role (`corporate`) and STAGE a numbered stage (`stage1`, `stage2`), the code's measures
(domain.code_measures.code_stage_table):

- ROLE_STAGE_acknowledged (with a date acknowledged), _acknowledged_in_time, _acknowledged_in_time_pct
  (of those acknowledged); ROLE_STAGE_extended_pct (of those received); ROLE_STAGE_escalated (received in
  the year at the next stage: Stage 2, then the Ombudsman), _escalation_pct (of those received)
- the self-assessment (domain.self_assessment): code_requirements, code_complies, code_not_complies,
  code_not_assessed, code_name, code_assessed (the date, or "not dated")
- the Ombudsman's annual letter, entered in the text file's [figures]: letter_MEASURE_pct and
  letter_MEASURE_average_pct (MEASURE upheld, compliance, remedy); with both entered,
  letter_MEASURE_against_average, the words for the council's figure against the average as printed
  ("higher than", "lower than", "the same as")
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.code_measures import STAGE_SHARES, against_average, code_stage_table
from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.formatting import UNSUPPRESSED, Formatter, long_date
from desktop_app.domain.rules import ComplaintRules
from desktop_app.domain.self_assessment import SelfAssessment
from desktop_app.report.complaints_figures import Put, complaint_figures, putter, stage_key
from desktop_app.report.model import Figure

#: The annual letter's three rates, each entered as letter_MEASURE_pct with letter_MEASURE_average_pct.
LETTER_MEASURES = ("upheld", "compliance", "remedy")
#: The counts of a stage this module adds (the others are the children's report's stage figures).
_NEW_COUNTS = ("acknowledged", "acknowledged_in_time", "escalated")
#: The shares this module adds (the others are the children's report's).
_NEW_SHARES = ("acknowledged_in_time_pct", "extended_pct", "escalation_pct")


def letter_names(measure: str) -> tuple[str, str]:
    """The entered figures of one of the annual letter's rates: the council's and the similar councils'."""
    return f"letter_{measure}_pct", f"letter_{measure}_average_pct"


def letter_entered(entered: Mapping[str, int | float]) -> bool:
    """Whether the text file holds the annual letter's figures (a letter arrives in May, after the year)."""
    return any(name in entered for measure in LETTER_MEASURES for name in letter_names(measure))


def corporate_figures(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    procedures: Mapping[str, str],
    assessment: SelfAssessment,
    comparison_words: Mapping[str, str],
    entered: Mapping[str, int | float] | None = None,
    formatter: Formatter = UNSUPPRESSED,
) -> dict[str, Figure]:
    """Every figure of the corporate report, its value and its text, by name (see the module docstring).

    `comparison_words` maps domain.code_measures' HIGHER, LOWER and SAME to the words the text prints."""
    entered = entered or {}
    figures = complaint_figures(summary, rules, procedures, entered, formatter)
    put = putter(figures)
    for role, procedure in procedures.items():
        _stage_measures(put, role, code_stage_table(summary, rules, procedure).to_dict("records"), formatter)
    _self_assessment(put, assessment)
    for measure in LETTER_MEASURES:
        council, average = letter_names(measure)
        if council in entered and average in entered:
            found = against_average(entered[council], entered[average])
            put(f"letter_{measure}_against_average", comparison_words[found], found)
    return figures


def _stage_measures(put: Put, role: str, stages: list[dict[str, object]], fmt: Formatter) -> None:
    parts = {name: (part, whole) for name, part, whole in STAGE_SHARES}
    for row in stages:
        name = f"{role}_{stage_key(str(row['stage']))}"
        for count in _NEW_COUNTS:
            put(f"{name}_{count}", fmt.count(row[count]), row[count], "count")
        for share in _NEW_SHARES:
            part, whole = parts[share]
            put(f"{name}_{share}", fmt.percent(row[share], (row[part], row[whole])), row[share], "percent")


def _self_assessment(put: Put, assessment: SelfAssessment) -> None:
    for name, count in assessment.counts().items():
        put(f"code_{name}", str(count), count, "count")
    put("code_name", assessment.code)
    assessed = assessment.assessed
    put("code_assessed", long_date(assessed) if assessed else "not dated", assessed.isoformat() if assessed else None)
