"""The Adult Social Care Complaints Annual Report appendix as a report model.

The report regulation 18 of the Local Authority Social Services and National Health Service Complaints
(England) Regulations 2009 asks for, for the twelve months to 31 March, from the same log as the
children's report (its `adult_social_care` complaints): the complaints received and how many were
well-founded (upheld or partly upheld, as a footnote says), timeliness against the response date agreed
with each complainant and the complaints not answered within six months (regulation 14), what they were
about, the joint complaints with the NHS, the referrals to the Ombudsman, and the author's sections on
matters of general importance and the actions taken to improve services. One stage, so no stage table.
Built as the children's report is (report.complaints), with its own words
(resources/adults_complaints_report_text.toml) and figures (report.adults_complaints_figures).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.formatting import Formatter
from desktop_app.domain.lessons import LessonEntry
from desktop_app.domain.rules import ComplaintRules
from desktop_app.paths import RESOURCES
from desktop_app.report.adults_complaints_figures import adults_figures
from desktop_app.report.complaints_figures import NOT_RECORDED
from desktop_app.report.model import Block, CellKind, Document, Figure, Note, PageOptions, Table
from desktop_app.report.remedies_tables import remedies_tables
from desktop_app.report.single_procedure import SingleProcedureBuilder
from desktop_app.report.text import COMMON_TABLE_WORDS, ReportText, load_report_text

DEFAULT_ADULTS_TEXT_FILE = RESOURCES / "adults_complaints_report_text.toml"
#: The adults' report's sections, in order (the introduction, received, timeliness, themes and ombudsman
#: sections have a table).
SECTIONS = (
    "introduction",
    "procedure",
    "received",
    "timeliness",
    "themes",
    "joint_nhs",
    "equality",
    "ombudsman",
    "general_importance",
    "improvements",
    "remedies",
    "enquiries",
)
TABLE_WORDS = (
    *COMMON_TABLE_WORDS,
    "key_figures_footnote",
    "outcomes_outcome",
    "outcomes_this_year",
    "outcomes_last_year",
    "outcomes_upheld",
    "outcomes_partly_upheld",
    "outcomes_well_founded",
    "outcomes_not_upheld",
    "outcomes_without_finding",
    "outcomes_open",
    "outcomes_received",
    "well_founded_footnote",
    "timeliness_measured",
    "timeliness_answered",
    "timeliness_in_time",
    "timeliness_in_time_pct",
    "timeliness_agreed",
    "timeliness_target",
    "timeliness_all",
    "timeliness_footnote",
    "timeliness_no_agreed_note",
    "six_months_heading",
    "six_months_number",
    "six_months_answered_after",
    "six_months_open_past",
    "six_months_total",
    "six_months_footnote",
    "themes_last_year",
    "joint_nhs_not_recorded",
)
#: The outcome table's rows: the words' key, the measure, and whether it is a bold (summing) row.
OUTCOME_ROWS = (
    ("upheld", "upheld", False),
    ("partly_upheld", "partly_upheld", False),
    ("well_founded", "well_founded", True),
    ("not_upheld", "not_upheld", False),
    ("without_finding", "without_finding", False),
    ("open", "open", False),
    ("received", "received", True),
)


def load_adults_text(path: Path = DEFAULT_ADULTS_TEXT_FILE) -> ReportText:
    """Read and check the adults' report's words; a mistake names the table and key."""
    return load_report_text(path, SECTIONS, TABLE_WORDS, shipped=DEFAULT_ADULTS_TEXT_FILE)


def adults_complaints_document(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    text: ReportText | None = None,
    options: PageOptions | None = None,
    suppress_below: int | None = None,
    lessons: Sequence[LessonEntry] | None = None,
) -> Document:
    """The adults' appendix of `summary` as a report model: every figure formatted once, every word filled; with
    the lessons-learned register's entries where given."""
    text = text or load_adults_text()
    return AdultsBuilder(summary, rules, text, options or PageOptions(), suppress_below, lessons).document()


class AdultsBuilder(SingleProcedureBuilder):
    """The children's report's builder, with the adults' figures, sections and tables."""

    kind = "adults_complaints"
    every_theme_noted = False
    lessons_section = "improvements"
    regime = "adults"

    def procedure_figures(
        self,
        summary: ComplaintsSummary,
        rules: ComplaintRules,
        procedures: Mapping[str, str],
        entered: Mapping[str, int | float],
        formatter: Formatter,
    ) -> dict[str, Figure]:
        return adults_figures(summary, rules, procedures, entered, formatter)

    def section_tables(self) -> dict[str, Callable[[], list[Block]]]:
        return {
            "introduction": self.key_figures,
            "received": self.outcomes_table,
            "timeliness": self.timeliness_tables,
            "themes": self.subjects_table,
            "ombudsman": self.ombudsman_table,
            "remedies": lambda: remedies_tables(self),
        }

    def section_text(self, key: str) -> str:
        if key == "joint_nhs" and self.figures[f"{self.role}_joint_nhs"] == NOT_RECORDED:
            return self.text.words("joint_nhs_not_recorded")
        return super().section_text(key)

    def key_figures(self) -> list[Block]:
        blocks = self.key_figures_table()
        for block in blocks:
            if isinstance(block, Table):
                block.footnotes.insert(0, self.words("key_figures_footnote"))
        return blocks

    def outcomes_table(self) -> list[Block]:
        """The outcomes: upheld, partly upheld, well-founded (the two together), not upheld, closed without a
        finding, not yet answered, and the complaints received."""
        columns = [self.words("outcomes_outcome"), self.words("outcomes_this_year")]
        if self.has_last_year:
            columns.append(self.words("outcomes_last_year"))
        selected = {"received": "received", "well_founded": "upheld"}
        body = []
        for words, measure, bold in OUTCOME_ROWS:
            label = self.words(f"outcomes_{words}")
            names = [self.measure(measure), self.measure(f"{measure}_last_year")][: len(columns) - 1]
            values = [
                self.named(
                    name,
                    CellKind.COUNT,
                    self.selection(f"{label} – {columns[column]}", selected[measure], last_year=column == 2)
                    if measure in selected
                    else None,
                )
                for column, name in enumerate(names, start=1)
            ]
            body.append(self.numbers(label, *values, bold=bold))
        widths = "adults_outcomes" if self.has_last_year else "adults_outcomes_without_last_year"
        table = self.footnoted_table("outcomes", columns, body, widths, self.words("well_founded_footnote"))
        return [table, *self.left_out_notes()]

    def timeliness_tables(self) -> list[Block]:
        """Answered in time against the date agreed with each complainant (else the local target), then the
        complaints not answered within six months of receipt."""
        header = self.header(
            self.words("timeliness_measured"),
            self.words("timeliness_answered"),
            self.words("timeliness_in_time"),
            self.words("timeliness_in_time_pct"),
        )
        agreed = self.all_figures[self.measure("agreed_recorded")].value
        rows = [("agreed", "agreed_"), ("target", "target_"), ("all", "")] if agreed else [("target", "target_")]
        body = []
        for words, against in rows:
            label = self.words(f"timeliness_{words}")
            values = [
                self.named(self.measure(f"{against}finalised"), CellKind.COUNT),
                self.named(
                    self.measure(f"{against}in_time"),
                    CellKind.COUNT,
                    self.selection(f"{label} – {header[2].text}", "in_time") if against == "" else None,
                ),
                self.named(self.measure(f"{against}in_time_pct"), CellKind.PERCENT),
            ]
            body.append(self.numbers(label, *values, bold=words == "all"))
        blocks: list[Block] = [
            Table(
                "timeliness",
                [header],
                body,
                "adults_timeliness",
                total_rows=(len(body),) if agreed else (),
                footnotes=[self.words("timeliness_footnote"), *self.suppression_notes()],
                caption=header[0].text,
            )
        ]
        if not agreed:
            blocks.append(Note(self.words("timeliness_no_agreed_note")))
        six = [self.words("six_months_heading"), self.words("six_months_number")]
        body = [
            self.numbers(
                self.words(f"six_months_{name}"), self.named(self.measure(f"six_months_{name}"), CellKind.COUNT)
            )
            for name in ("answered_after", "open_past")
        ]
        body.append(
            self.numbers(
                self.words("six_months_total"), self.named(self.measure("six_months_passed"), CellKind.COUNT), bold=True
            )
        )
        footnote = self.words("six_months_footnote")
        blocks.append(self.footnoted_table("six_months", six, body, "adults_six_months", footnote))
        return blocks

    def subjects_table(self) -> list[Block]:
        """What the complaints were about: received and well-founded by subject (and last year's received)."""
        widths = "adults_themes" if self.has_last_year else "adults_themes_without_last_year"
        return self.themes_by_procedure(widths, last_year=self.has_last_year, what="subject")
