"""The annual complaints performance and service improvement report (the Ombudsman's complaint handling
code, section 8) as a report model.

From the same log as the children's report (its `corporate` complaints), for the year: the key figures,
the procedure's time limits (from the rules), per stage the complaints acknowledged within the code's
limit of receipt, answered within its limit of acknowledgement or within an agreed extension, extended,
upheld and taken to the next stage; the themes; the council's self-assessment against the code, as a
table (domain.self_assessment); the Ombudsman's annual letter beside the average of similar councils
(entered figures, compared by domain.code_measures); the Ombudsman's decisions on the year's complaints;
and the sections the author writes (themes and root causes, service improvements, the governance body's
response). Words in resources/corporate_complaints_report_text.toml, figures in
report.corporate_complaints_figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from desktop_app.domain.code_measures import HIGHER, LOWER, SAME
from desktop_app.domain.complaints import OMBUDSMAN, ComplaintsSummary
from desktop_app.domain.formatting import Formatter, long_date
from desktop_app.domain.lessons import LessonEntry
from desktop_app.domain.rules import ComplaintRules
from desktop_app.domain.self_assessment import CodeRequirement, SelfAssessment, load_self_assessment
from desktop_app.paths import RESOURCES
from desktop_app.report.complaints_figures import stage_key
from desktop_app.report.corporate_complaints_figures import (
    LETTER_MEASURES,
    corporate_figures,
    letter_entered,
    letter_names,
)
from desktop_app.report.model import Block, Cell, CellKind, Document, Figure, Note, PageOptions, Span, Table
from desktop_app.report.remedies_tables import REFUSED_TABLE_WORDS, refused_blocks, remedies_tables
from desktop_app.report.single_procedure import SingleProcedureBuilder
from desktop_app.report.text import COMMON_TABLE_WORDS, ReportText, load_report_text

DEFAULT_CORPORATE_TEXT_FILE = RESOURCES / "corporate_complaints_report_text.toml"
#: The corporate report's sections, in order (the introduction, procedure, performance, refused, themes, remedies,
#: self-assessment, annual letter and Ombudsman sections have a table).
SECTIONS = (
    "introduction",
    "procedure",
    "performance",
    "refused",
    "themes",
    "equality",
    "root_causes",
    "self_assessment",
    "non_compliance",
    "improvements",
    "remedies",
    "enquiries",
    "ombudsman_letter",
    "ombudsman",
    "governance_response",
)
#: The code's stage table's rows: the words' key, the count and the share beside it ("" for none).
CODE_STAGE_ROWS = (
    ("received", "received", ""),
    ("acknowledged_in_time", "acknowledged_in_time", "acknowledged_in_time_pct"),
    ("within_limit", "in_time_within_limit", "in_time_within_limit_pct"),
    ("within_extension", "in_time_within_extension", "in_time_within_extension_pct"),
    ("extended", "extended", "extended_pct"),
    ("upheld", "upheld", "upheld_pct"),
    ("escalated", "escalated", "escalation_pct"),
)
SELF_ASSESSMENT_COLUMNS = ("section", "requirement", "complies", "evidence", "action")
TABLE_WORDS = (
    *COMMON_TABLE_WORDS,
    "limits_stage",
    "limits_respond",
    "limits_extended",
    "limits_acknowledge",
    "code_stages_measure",
    "code_stages_number",
    "code_stages_pct",
    *(f"code_{words}" for words, _, _ in CODE_STAGE_ROWS),
    "code_stages_footnote",
    *(f"self_assessment_{column}" for column in SELF_ASSESSMENT_COLUMNS),
    "self_assessment_yes",
    "self_assessment_no",
    "self_assessment_not_assessed",
    "self_assessment_by",
    "self_assessment_none",
    "self_assessment_footnote",
    "self_assessment_not_assessed_note",
    "self_assessment_without_action_note",
    "letter_measure",
    "letter_council",
    "letter_average",
    *(f"letter_{measure}" for measure in LETTER_MEASURES),
    "letter_footnote",
    "letter_not_entered",
    "letter_higher",
    "letter_lower",
    "letter_same",
    "themes_last_year",
    "upheld_unknown_outcome_note",
    "upheld_no_outcome_note",
    "unread_responded_note",
    "unread_acknowledged_note",
    "unread_extension_note",
    "long_label_note",
    *REFUSED_TABLE_WORDS,
)


def load_corporate_text(path: Path = DEFAULT_CORPORATE_TEXT_FILE) -> ReportText:
    """Read and check the corporate report's words; a mistake names the table and key."""
    return load_report_text(path, SECTIONS, TABLE_WORDS, shipped=DEFAULT_CORPORATE_TEXT_FILE)


def corporate_complaints_document(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    text: ReportText | None = None,
    assessment: SelfAssessment | None = None,
    options: PageOptions | None = None,
    suppress_below: int | None = None,
    lessons: Sequence[LessonEntry] | None = None,
) -> Document:
    """The corporate appendix of `summary` as a report model, with the council's self-assessment against the
    code (the template of the code's requirements where none is given) and the lessons-learned register's
    entries where given."""
    text = text or load_corporate_text()
    assessment = assessment or load_self_assessment()
    options = options or PageOptions()
    return CorporateBuilder(summary, rules, text, assessment, options, suppress_below, lessons).document()


class CorporateBuilder(SingleProcedureBuilder):
    """The children's report's builder, with the code's figures, sections and tables."""

    kind = "corporate_complaints"
    every_theme_noted = False
    procedure_example = 'corporate = "corporate"'
    lessons_section = "improvements"
    regime = "corporate"

    def __init__(
        self,
        summary: ComplaintsSummary,
        rules: ComplaintRules,
        text: ReportText,
        assessment: SelfAssessment,
        options: PageOptions,
        suppress_below: int | None,
        lessons: Sequence[LessonEntry] | None = None,
    ) -> None:
        self.assessment = assessment  # before the figures, which count it
        super().__init__(summary, rules, text, options, suppress_below, lessons)

    def procedure_figures(
        self,
        summary: ComplaintsSummary,
        rules: ComplaintRules,
        procedures: Mapping[str, str],
        entered: Mapping[str, int | float],
        formatter: Formatter,
    ) -> dict[str, Figure]:
        comparison = {found: self.text.words(f"letter_{found}") for found in (HIGHER, LOWER, SAME)}
        return corporate_figures(summary, rules, procedures, self.assessment, comparison, entered, formatter)

    def section_tables(self) -> dict[str, Callable[[], list[Block]]]:
        return {
            "introduction": self.key_figures_table,
            "procedure": self.limits_table,
            "performance": self.code_stages_table,
            "refused": lambda: refused_blocks(self),
            "themes": self.code_themes_table,
            "self_assessment": self.self_assessment_table,
            "remedies": lambda: remedies_tables(self),
            "ombudsman_letter": self.letter_table,
            "ombudsman": self.ombudsman_table,
        }

    def section_text(self, key: str) -> str:
        if key == "ombudsman_letter" and not letter_entered(self.text.figures):
            return self.text.words("letter_not_entered")
        return super().section_text(key)

    @property
    def numbered_stages(self) -> list[str]:
        return [code for code in self.rules.procedures[self.procedure].stages if code != OMBUDSMAN]

    def code_stages_table(self) -> list[Block]:
        """Per stage, what the code asks: acknowledged, answered within the limit and within an extension,
        extended, upheld and escalated, each count with its share."""
        codes = self.numbered_stages
        labels = [self.figures[f"{self.measure(stage_key(code))}_label"] for code in codes]
        number, share = self.words("code_stages_number"), self.words("code_stages_pct")
        top = [Cell(self.words("code_stages_measure"))]
        spans = [Span(0, 0, rows=2)]
        for position, label in enumerate(labels):
            top += [Cell(label), Cell()]
            spans.append(Span(0, 1 + 2 * position, columns=2))
        second = [Cell(), *(Cell(word) for _ in codes for word in (number, share))]
        body = []
        for words, count, pct in CODE_STAGE_ROWS:
            label = self.words(f"code_{words}")
            values: list[Cell] = []
            for code, stage_label in zip(codes, labels, strict=True):
                name = self.measure(stage_key(code))
                selection = (
                    self.stage_selection(f"{stage_label} – {label}", self.procedure, code, count)
                    if count in ("received", "upheld")
                    else None
                )
                values.append(self.named(f"{name}_{count}", CellKind.COUNT, selection))
                values.append(self.named(f"{name}_{pct}", CellKind.PERCENT) if pct else Cell("", CellKind.PERCENT))
            body.append(self.numbers(label, *values))
        table = Table(
            "code_stages",
            [top, second],
            body,
            "corporate_stages",
            spans=tuple(spans),
            footnotes=[self.words("code_stages_footnote"), *self.suppression_notes()],
            caption=top[0].text,
            layout="table_kept_with_footnotes",
        )
        return [table, *self.left_out_notes()]

    def code_themes_table(self) -> list[Block]:
        """The themes of the Stage 1 complaints: received and upheld (and last year's received)."""
        widths = "corporate_themes" if self.has_last_year else "corporate_themes_without_last_year"
        return self.themes_by_procedure(widths, last_year=self.has_last_year, what="theme")

    def self_assessment_table(self) -> list[Block]:
        """The council's self-assessment, a row per requirement of the code, in the file's order."""
        header = self.header(*(self.words(f"self_assessment_{column}") for column in SELF_ASSESSMENT_COLUMNS))
        body = [self.requirement_row(requirement) for requirement in self.assessment.requirements]
        blocks: list[Block] = [
            Table(
                "self_assessment",
                [header],
                body,
                "corporate_self_assessment",
                footnotes=[self.words("self_assessment_footnote")],
                caption=header[0].text,
                layout="small_words",
            )
        ]
        counts = self.assessment.counts()
        if counts["not_assessed"]:
            blocks.append(Note(self.words("self_assessment_not_assessed_note")))
        missing = self.assessment.without_action()
        if missing:
            sections = ", ".join(requirement.section for requirement in missing)
            note = self.fill(self.text.words("self_assessment_without_action_note"), "[tables]", {"sections": sections})
            blocks.append(Note(note))
        return blocks

    def requirement_row(self, requirement: CodeRequirement) -> list[Cell]:
        complies = {True: "yes", False: "no", None: "not_assessed"}[requirement.complies]
        action = requirement.action or self.words("self_assessment_none")
        if requirement.action_date is not None:
            action = f"{action} ({self.words('self_assessment_by')} {long_date(requirement.action_date)})"
        return [
            Cell(requirement.section),
            Cell(requirement.requirement),
            Cell(self.words(f"self_assessment_{complies}")),
            Cell(requirement.evidence or self.words("self_assessment_none")),
            Cell(action),
        ]

    def letter_table(self) -> list[Block]:
        """The annual letter's rates beside the average of similar councils, as entered."""
        if not letter_entered(self.text.figures):
            return []
        header = self.header(self.words("letter_measure"), self.words("letter_council"), self.words("letter_average"))
        body = []
        for measure in LETTER_MEASURES:
            cells = [
                self.named(name, CellKind.PERCENT) if name in self.figures else Cell("–", CellKind.PERCENT)
                for name in letter_names(measure)
            ]
            body.append(self.numbers(self.words(f"letter_{measure}"), *cells))
        return [
            Table(
                "ombudsman_letter",
                [header],
                body,
                "corporate_letter",
                footnotes=[self.words("letter_footnote")],
                caption=header[0].text,
                layout="table_kept_with_footnotes",
            )
        ]
