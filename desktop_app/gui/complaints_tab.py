"""The Complaints tab: the appendix's complaints tables for the chosen period, the cases behind any figure,
the open complaints that are overdue, charts, and the settings that change the figures.

The tables are the appendix's own: the report model's (`Workspace.figures_document()`), which the PDF
prints. Double-clicking a figure, or pressing Enter on it, lists the cases it counts. The period, the stage
time limits and the council's closure days are edited here, each change one undoable edit of the project's
settings through `MainWindow.edit`; the workspace recalculates only what the change touches, and the tab
refreshes from it when the window says the project changed (a large log's figures once they are worked out on
their thread, gui/background_figures.py: meanwhile the tab says it is working and shows no figure).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.complaint_measures import in_time_by_month, working_days_by_stage
from desktop_app.domain.periods import Period, reporting_years
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.domain.rules import RESPONSE
from desktop_app.gui.complaints_charts import ComplaintsCharts
from desktop_app.gui.complaints_settings import ClosureDaysEditor, LimitsEditor, PeriodChooser
from desktop_app.gui.complaints_tables import cases_behind, limits_after, overdue_in
from desktop_app.gui.complaints_views import CasesList, FigureTable
from desktop_app.gui.session import Session
from desktop_app.report.complaints_figures import FigureError
from desktop_app.report.model import Cell, Document, Selection, Table
from desktop_app.report.text import fill
from desktop_app.workspace import AS_OF

log = logging.getLogger("scrutiny.complaints")

_HEADING = "font-weight: bold; font-size: 12pt; margin-top: 10px"
_FOOTNOTE = "color: #595959; font-size: 8.5pt"
_OVERDUE = (
    "QPushButton { background: #fde2e2; color: #8a0016; border: 1px solid #b00020; border-radius: 3px;"
    " padding: 3px 10px; font-weight: bold }"
)
_PROBLEM = "background: #fff3cd; border: 1px solid #e0c060; padding: 6px"
_EXPLAINED = {  # what the listed cases are: {n} cases, {period}, {k} in time or upheld
    "received": "{n} complaints received in {period}.",
    "in_time": "{n} complaints received in {period} and finalised; {k} answered in time.",
    "upheld": "{n} complaints received in {period} with a finding; {k} upheld or partially upheld.",
    "theme_received": "{n} Stage 1 complaints received in {period} with this theme.",
    "theme_upheld": "{n} Stage 1 complaints received in {period} with this theme, upheld or partially upheld.",
    "ombudsman": "{n} Ombudsman contacts about complaints received in {period}.",
}


class _TableWithNotes(QWidget):
    """A table of the appendix and its footnotes."""

    def __init__(self):
        super().__init__()
        self.table = FigureTable()
        self.table.setTabKeyNavigation(False)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(_FOOTNOTE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)

    def show_table(self, table: Table) -> None:
        self.table.set_table(table)
        self.notes.setText("\n".join(table.footnotes))
        self.notes.setVisible(bool(table.footnotes))


class ComplaintsTab(QWidget):
    """Reads `session.workspace`; refreshes on `session.project_changed` (at once when shown, else when next
    shown); edits only through `session.edit`."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setAccessibleName("Complaints")
        self._stale = True
        self._cell: Selection | None = None
        self._tables: list[Table] = []
        self._pending: dict[QWidget, object] = {}  # side page -> how to draw it when it is next seen

        self.period = PeriodChooser()
        self.period.period_chosen.connect(self.set_period)
        self.period.as_at_chosen.connect(self.set_as_at)
        self.as_of = QLabel()
        self.overdue_button = QPushButton()
        self.overdue_button.setStyleSheet(_OVERDUE)
        self.overdue_button.setToolTip("List the open complaints that are past their due date")
        self.overdue_button.clicked.connect(lambda: self.side.setCurrentWidget(self.overdue))
        top = QVBoxLayout()  # two rows, so the tab fits a laptop screen at 150%
        top.addWidget(self.period)
        as_at_row = QHBoxLayout()
        as_at_row.addWidget(self.as_of)
        as_at_row.addWidget(self.overdue_button)
        as_at_row.addStretch()
        top.addLayout(as_at_row)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(_PROBLEM)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt")
        self.headings = {key: self._heading() for key in ("performance", "themes", "ombudsman")}
        self.stage_tables: list[_TableWithNotes] = []
        self.stage_box = QVBoxLayout()
        self.themes_table = _TableWithNotes()
        self.ombudsman_table = _TableWithNotes()
        for slot in (self.themes_table, self.ombudsman_table):
            slot.table.figure_chosen.connect(self.show_cases)
        self.not_covered = QLabel()
        self.not_covered.setWordWrap(True)
        self.not_covered.setStyleSheet(_FOOTNOTE)
        page = QWidget()
        page.setAccessibleName("The appendix's complaints tables")
        tables = QVBoxLayout(page)
        tables.addWidget(self.title)
        tables.addWidget(self.headings["performance"])
        tables.addLayout(self.stage_box)
        tables.addWidget(self.headings["themes"])
        tables.addWidget(self.themes_table)
        tables.addWidget(self.headings["ombudsman"])
        tables.addWidget(self.ombudsman_table)
        tables.addWidget(self.not_covered)
        tables.addStretch()
        self.tables_area = QScrollArea()
        self.tables_area.setWidgetResizable(True)
        self.tables_area.setWidget(page)

        self.cases = CasesList(
            "Cases behind the chosen figure",
            "Double-click a figure in the tables, or press Enter on it, to list the cases it counts.",
        )
        self.overdue = CasesList("Overdue open complaints")
        self.overdue.caption.setStyleSheet("color: #8a0016; font-weight: bold")
        self.charts = ComplaintsCharts()
        self.limits = LimitsEditor(session.workspace.base_rules)
        self.limits.limit_changed.connect(self.set_limit)
        self.limits.reset_requested.connect(self.reset_limits)
        self.closure_days = ClosureDaysEditor()
        self.closure_days.days_changed.connect(self.set_closure_days)
        settings = QWidget()
        settings_layout = QVBoxLayout(settings)
        settings_layout.addWidget(self.limits)
        settings_layout.addWidget(self.closure_days)
        settings_layout.addStretch()
        settings_area = QScrollArea()
        settings_area.setWidgetResizable(True)
        settings_area.setWidget(settings)
        self.settings_page = settings_area
        self.side = QTabWidget()
        self.side.setAccessibleName("Cases, overdue complaints, charts and time limits")
        self.side.addTab(self.cases, "Ca&ses")
        self.side.addTab(self.overdue, "&Overdue")
        self.side.addTab(self.charts, "Char&ts")
        self.side.addTab(settings_area, "Time &limits")
        self.side.currentChanged.connect(lambda index: self._side_page_shown())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tables_area)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 580])
        self.empty = QLabel(
            "Import a complaints log (File > Import returns, Ctrl+I) and its figures appear here: "
            "the appendix's tables, the cases behind each figure, the overdue complaints and charts."
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.working = QLabel("Working out the figures…")
        self.working.setAccessibleName("The complaints figures are being worked out")
        self.working.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(top)
        content_layout.addWidget(self.problem)
        content_layout.addWidget(self.splitter, 1)
        self.pages.addWidget(content)
        self.pages.addWidget(self.working)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        session.project_changed.connect(self._project_changed)
        session.figures.worked_out.connect(self._project_changed)
        self.refresh()

    @staticmethod
    def _heading() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(_HEADING)
        return label

    # --- showing ---------------------------------------------------------------------------

    def _project_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # refreshed when next shown: a hidden tab costs nothing

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Show the project as it now is (after an edit, an undo, an import or a new project)."""
        self._stale = False
        workspace = self.session.workspace
        if not self.session.figures.ready():  # shown when they are in
            self._pending = {}
            self.pages.setCurrentWidget(self.working)
            return
        try:
            summary = workspace.complaints()
            if summary is None:
                self._pending = {}
                self.pages.setCurrentWidget(self.empty)
                return
            rules, text, document = workspace.rules(), workspace.report_text(), workspace.figures_document()
            overdue = overdue_in(workspace)
            assert document is not None and overdue is not None
            figures = workspace.figures()
            log_frame = workspace.complaints_log()
            none = fill(text.words("ombudsman_none"), figures, f"{text.source}: [tables] ombudsman_none")
            tables = appendix_tables(document, none)
            years = reporting_years(log_frame["received"], rules.year_start)
            headings = {section.key: section.title for section in document.sections if section.key in self.headings}
        except (ResourceFileError, FigureError) as exc:
            log.warning("complaints figures cannot be shown: %s", exc)
            self._pending = {}
            self.pages.setCurrentIndex(1)
            self.problem.setText(f"The figures cannot be worked out: {exc}")
            self.problem.show()
            self.splitter.hide()  # no figures rather than out-of-date ones
            return
        self.problem.hide()
        self.splitter.show()
        self.pages.setCurrentIndex(1)
        self._summary, self._rules, self._procedures = summary, rules, dict(text.procedures)
        self.period.show_period(years, summary.period, summary.as_of)
        self.as_of.setText(f"Figures as at {figures['as_of']}")
        self.title.setText(f"Complaints received {figures['period_start']} to {figures['period_end']}")
        for key, label in self.headings.items():
            label.setText(headings.get(key, ""))
        self._show_tables(tables)
        self._show_not_covered(summary, text.procedures, figures["period_label"])
        self._show_overdue_count(len(overdue))
        self.limits.show_limits(rules, workspace.base_rules)
        self.closure_days.show_days(rules.closure_days)
        # The side pages are drawn when seen: a limit edit made on one page does not wait for the others.
        labels = {procedure: rules.procedures[procedure].label for procedure in text.procedures.values()}
        target = text.figures.get("stage1_target_pct")
        self._pending = {
            self.overdue: lambda: self._show_overdue(overdue, figures["as_of"]),
            self.charts: lambda: self.charts.show_figures(
                in_time_by_month(summary, text.procedures),
                labels,
                target,
                working_days_by_stage(summary, rules, text.procedures),
            ),
            self.cases: self._show_cell,
        }
        self._side_page_shown()

    def _side_page_shown(self) -> None:
        show = self._pending.pop(self.side.currentWidget(), None)
        if show is not None:
            show()

    def _show_tables(self, tables: list[Table]) -> None:
        self._tables = tables
        *stage_tables, themes, ombudsman = tables
        while len(self.stage_tables) < len(stage_tables):
            slot = _TableWithNotes()
            slot.table.figure_chosen.connect(self.show_cases)
            self.stage_tables.append(slot)
            self.stage_box.addWidget(slot)
        for slot, table in zip(self.stage_tables, stage_tables):
            self._keep_current(slot.table, lambda slot=slot, table=table: slot.show_table(table))
        for number, slot in enumerate(self.stage_tables):
            slot.setVisible(number < len(stage_tables))
        for slot, table in ((self.themes_table, themes), (self.ombudsman_table, ombudsman)):
            self._keep_current(slot.table, lambda slot=slot, table=table: slot.show_table(table))

    @staticmethod
    def _keep_current(view: FigureTable, show) -> None:
        """Show a table again with the same cell current (keyboard users keep their place)."""
        current = view.currentIndex()
        show()
        if (
            current.isValid()
            and current.row() < view.figures.rowCount()
            and current.column() < view.figures.columnCount()
        ):
            view.setCurrentIndex(view.figures.index(current.row(), current.column()))

    def _show_not_covered(self, summary, procedures: dict[str, str], period_label: str) -> None:
        stages = summary.stages
        others = stages[~stages["procedure"].isin(list(procedures.values())) & stages["stage"].eq("1")]
        words = [
            f"{int(row.received):,} {self._rules.procedures[row.procedure].label} Stage 1 complaints"
            for row in others.itertuples()
            if row.received and row.procedure in self._rules.procedures
        ]
        self.not_covered.setText(
            f"The log also holds {' and '.join(words)} received in {period_label}, which this "
            "report does not cover (see [procedures] in the report text file)."
            if words
            else ""
        )
        self.not_covered.setVisible(bool(words))

    def _show_overdue(self, overdue, as_of: str) -> None:
        count = len(overdue)
        caption = (
            f"{count} open complaint{'' if count == 1 else 's'} {'was' if count == 1 else 'were'} past the "
            f"due date on {as_of}, whatever the report's period. Working days overdue count from the due date."
            if count
            else f"No open complaint was past its due date on {as_of}."
        )
        self.overdue.show_cases(caption, overdue, drop_shared=False)

    def _show_overdue_count(self, count: int) -> None:
        complaints = "open complaint" if count == 1 else "open complaints"
        self.side.setTabText(self.side.indexOf(self.overdue), f"&Overdue ({count})")
        self.overdue_button.setText(f"{count} {complaints} overdue")
        self.overdue_button.setAccessibleName(f"{count} {complaints} overdue: show them")
        self.overdue_button.setVisible(count > 0)

    # --- the cases behind a figure ---------------------------------------------------------

    def show_cases(self, cell: Selection) -> None:
        """List the cases `cell` counts, in the Cases panel."""
        self._cell = cell
        self.side.setCurrentWidget(self.cases)
        self._pending.pop(self.cases, None)
        self._show_cell()

    def figure_text(self, cell: Selection) -> str | None:
        """The figure `cell` shows in the tables now, or None where no table has it."""
        for table in self._tables:
            for row in table.rows:
                for found in row:
                    if found.selection == cell:
                        return found.text
        return None

    def _show_cell(self) -> None:
        cell = self._cell
        if cell is None:
            return
        cases = cases_behind(self._summary, self._rules, self._procedures, cell)
        value = self.figure_text(cell)
        if value is None:
            self.cases.show_cases(f"{cell.label}: not in the tables for this period.", cases.iloc[0:0])
            return
        period = (self._summary.previous or self._summary).period if cell.last_year else self._summary.period
        counted = {"in_time": lambda: int(cases["In time"].eq(True).sum()), "upheld": lambda: self._upheld(cell)}
        explained = _EXPLAINED[cell.measure].format(
            n=len(cases), period=period.label, k=counted.get(cell.measure, lambda: 0)()
        )
        if len(cases) == 1:
            explained = explained.replace("complaints", "complaint", 1).replace("contacts", "contact", 1)
        self.cases.show_cases(f"{cell.label}: {value}. {explained}", cases)

    def _upheld(self, cell: Selection) -> int:
        source = self._summary.previous if cell.last_year else self._summary
        cases = source.cases
        return int(
            (
                cases["procedure"].eq(cell.procedure)
                & cases["stage"].eq(cell.stage)
                & cases["outcome_class"].eq("upheld")
            ).sum()
        )

    # --- edits -----------------------------------------------------------------------------

    def set_period(self, period: Period) -> None:
        workspace, project = self.session.workspace, self.session.project
        before = project.settings.get("period")
        if before is None and period == workspace.period():
            return
        after = [period.start.isoformat(), period.end.isoformat()]
        self.session.edit(
            f"Report period {period.label}", lambda value: project.set_setting("period", value), before, after
        )

    def set_as_at(self, day: dt.date) -> None:
        """The day the figures are as at, the author's from now on (kept in the project, undoable)."""
        workspace, project = self.session.workspace, self.session.project
        if day == workspace.as_of:
            return
        before = project.settings.get(AS_OF)
        self.session.edit(
            f"Figures as at {day:%d/%m/%Y}", lambda value: project.set_setting(AS_OF, value), before, day.isoformat()
        )

    def set_limit(self, procedure: str, stage: str, clock: str, field_name: str, days: int) -> None:
        workspace, project = self.session.workspace, self.session.project
        before = project.settings.get("limits")
        after = limits_after(before, workspace.base_rules, procedure, stage, clock, field_name, days)
        spec = workspace.base_rules.procedures[procedure]
        what = {
            "limit": "respond within" if clock == RESPONSE else "acknowledge within",
            "extended_limit": "with an extension, respond within",
        }[field_name]
        self.session.edit(
            f"{spec.label} {spec.stages[stage].label}: {what} {days} working days",
            lambda value: project.set_setting("limits", value),
            before,
            after,
        )

    def reset_limits(self) -> None:
        project = self.session.project
        self.session.edit(
            "Use the rules file's time limits",
            lambda value: project.set_setting("limits", value),
            project.settings.get("limits"),
            None,
        )

    def set_closure_days(self, days: list) -> None:
        project = self.session.project
        after = [day.isoformat() for day in sorted(days)] or None
        self.session.edit(
            "Change the council's closure days",
            lambda value: project.set_setting("closure_days", value),
            project.settings.get("closure_days"),
            after,
        )


def appendix_tables(document: Document, none_words: str) -> list[Table]:
    """The tables the tab shows: each procedure's stage table, the themes and the Ombudsman contacts (a
    one-cell table of `none_words` where the appendix says in words that there were none)."""
    tables = [table for table in document.tables() if table.key.startswith("stages_")]
    tables.append(document.table("themes"))
    ombudsman = [table for table in document.tables() if table.key == "ombudsman"]
    tables.append(ombudsman[0] if ombudsman else Table("ombudsman", [], [[Cell(none_words)]], "ombudsman"))
    return tables
