"""The builder of an annual complaints report of one procedure of the log (the adults', the corporate).

The children's report (report.complaints) sets several procedures side by side; a report of one procedure
names its figures after the procedure's role in its text file ('adults_received', 'corporate_stage1_...'),
lists the complaints a cell counts from that procedure, and shows the Ombudsman's decisions on its
complaints by decision.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.formatting import Formatter
from desktop_app.domain.rules import ComplaintRules
from desktop_app.report.complaints import ComplaintsBuilder, DecisionRow
from desktop_app.report.complaints_figures import ombudsman_decision_keys
from desktop_app.report.labels import shortened
from desktop_app.report.model import Block, Figure, Paragraph, Selection
from desktop_app.report.text import ReportTextError


class SingleProcedureBuilder(ComplaintsBuilder):
    """A report of the one procedure its text file's [procedures] names."""

    #: The [procedures] line the error message shows as an example.
    procedure_example = 'adults = "adult_social_care"'

    def figures_of(self, formatter: Formatter) -> dict[str, Figure]:
        if len(self.text.procedures) != 1:
            raise ReportTextError(
                f"{self.text.source}: [procedures] must name the one procedure the report covers "
                f"({self.procedure_example}), not {len(self.text.procedures)}"
            )
        return self.procedure_figures(self.summary, self.rules, self.text.procedures, self.text.figures, formatter)

    def procedure_figures(
        self,
        summary: ComplaintsSummary,
        rules: ComplaintRules,
        procedures: Mapping[str, str],
        entered: Mapping[str, int | float],
        formatter: Formatter,
    ) -> dict[str, Figure]:
        """Every figure of the report, by name."""
        raise NotImplementedError

    @property
    def role(self) -> str:
        """The report's procedure's role in the text file ('adults'): the first word of its figures' names."""
        return next(iter(self.text.procedures))

    @property
    def procedure(self) -> str:
        return self.text.procedures[self.role]

    def measure(self, name: str) -> str:
        """The name of the report's figure `name` ('well_founded' -> 'adults_well_founded')."""
        return f"{self.role}_{name}"

    def selection(self, label: str, measure: str, theme: str | None = None, last_year: bool = False) -> Selection:
        """The complaints a cell counts (of Stage 1), for the window to list."""
        return Selection(label, self.procedure, "1", measure, theme, last_year=last_year)

    def ombudsman_table(self) -> list[Block]:
        """Referrals to the Ombudsman received in the year by decision, this year and last, with a total."""
        keys = ombudsman_decision_keys(self.summary, self.text.procedures)
        if not keys:
            return [Paragraph(self.words("ombudsman_none"))]
        rows: list[DecisionRow] = [
            (shortened(decision), f"ombudsman_decision_{key}_contacts", decision) for decision, key in keys.items()
        ]
        rows.append((self.words("ombudsman_total"), "ombudsman_contacts", None))
        return [self.decisions_table(rows, "ombudsman", "Ombudsman contacts"), *self.long_label_notes(keys, "decision")]
