"""The Partnership tab: the action plan with its RAG progress, the MARAC figures and the safe accommodation return,
and the board report written with their live figures (gui.board_report_page).

The papers are read in a background process (desktop_app.partnership.read_papers), never on the window's
thread; the tab shows the appendices' own tables (the figures as the PDF prints them) and every slip of the
papers naming its cell. Loading a paper is one undoable edit of the project, which keeps the papers' names,
fingerprints and report dates (never their paths: this machine's ImportLocations knows where they are) and
the plan's ratings at each reporting date, so reopening the project reads them again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.problems import Problem, Severity
from desktop_app.gui import messages
from desktop_app.gui.board_report_page import BoardReportPage
from desktop_app.gui.complaints_views import NUMBER_COLUMN_MIN, FigureTable, FigureTableModel
from desktop_app.gui.returns_tab import ProblemsModel
from desktop_app.gui.session import Session
from desktop_app.partnership import ACTION_PLAN, PARTNERSHIP, RETURN, PartnershipPapers, read_papers
from desktop_app.report.details import paper_details
from desktop_app.report.model import Cell, Document, Figure, Heading, Keep, PageOptions, Table

if TYPE_CHECKING:
    from desktop_app.gui.background import BackgroundTask
    from desktop_app.project.locations import ImportLocations
    from desktop_app.report.proof import Finding

#: The project's setting that keeps the loaded papers (desktop_app.partnership.PartnershipPapers.papers).
PAPERS = "partnership_papers"
#: The appendices the tab exports, by the kind the check before export knows them by.
APPENDICES = {ACTION_PLAN: "action plan appendix", PARTNERSHIP: "MARAC and safe accommodation appendix"}
WORKBOOKS = "Excel workbooks (*.xlsx *.xlsm)"
APPENDIX_FILTER = "PDF (*.pdf);;Word document (*.docx)"
#: Tables of the appendices the tab does not show: the plan's own pages and the keys and sources.
NOT_SHOWN = ("plan_theme_", "plan_key", "marac_sources", "safe_accommodation_sources")


class PartnershipSession(Session, Protocol):
    """What the tab uses of the window beside a tab's session."""

    import_locations: ImportLocations
    tabs: QTabWidget

    def checked_before_export(self, kind: str) -> bool:
        """The check before export of the `kind` appendix; True to go on and export."""

    def word_template(self) -> str | None:
        """The council's Word template, if one is chosen."""

    def _last_folder(self) -> str:
        """The folder the author last opened or saved in."""


class PaperProblemsModel(ProblemsModel):
    """The Returns tab's problems, with the file and sheet each is in (the tab shows several papers)."""

    COLUMNS = ("Grade", "File", "Sheet", "Row", "Column", "Value", "What is wrong")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() not in (1, 2):
            shifted = index if index.column() < 1 else self.index(index.row(), max(0, index.column() - 2))
            return super().data(shifted, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            problem = self.problems[index.row()]
            return problem.file if index.column() == 1 else problem.sheet
        return None


class PaperTableModel(FigureTableModel):
    """A table of the appendix whose words (an action, a progress note) stand left, as the appendix prints
    them; figures and ratings stand right."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.row() >= len(self.table.header):
            row = self.table.rows[index.row()]
            if index.column() < len(row) and not row[index.column()].kind.numeric:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class PaperTable(FigureTable):
    """The Complaints tab's figure table, its width shared out by what the columns hold: a column of words
    (an action, a note, a statement against a benchmark) three times a column of figures."""

    def __init__(self) -> None:
        super().__init__()
        self.figures = PaperTableModel(self)
        self.setModel(self.figures)

    def _share_width(self) -> None:
        body = self.figures.table.body
        columns = self.figures.columnCount()
        if not columns:
            return
        weights = [
            3 if any(column < len(row) and not row[column].kind.numeric for row in body) else 1
            for column in range(columns)
        ]
        width = self.viewport().width()
        for column, weight in enumerate(weights):
            self.setColumnWidth(column, max(NUMBER_COLUMN_MIN, width * weight // sum(weights)))


class PartnershipTab(QWidget):
    """Load the papers, see the plan's counts, exceptions and changes and the MARAC figures, export either
    appendix through the check before export."""

    def __init__(self, session: PartnershipSession) -> None:
        super().__init__()
        self.session = session
        self.setAccessibleName("Partnership")
        self.shown = PartnershipPapers()
        self._shown_state: tuple = ((), (), session.page_options(), {})
        self.task: BackgroundTask | None = None  # reading the papers, or writing an appendix
        self._build()
        session.project_changed.connect(self._project_changed)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("dd/MM/yyyy")
        self.as_of.setAccessibleName("Report date of the action plan to load")
        date_label = QLabel("Report da&te:")
        date_label.setBuddy(self.as_of)
        self.load_plan_button = QPushButton("Load action p&lan…")
        self.load_plan_button.setToolTip("Read an action plan workbook, its RAG ratings as at the report date")
        self.load_plan_button.clicked.connect(self.load_plan_dialog)
        self.load_returns_button = QPushButton("Load MARAC and safe &accommodation returns…")
        self.load_returns_button.setToolTip("Read MARAC returns and a safe accommodation return (with its tables)")
        self.load_returns_button.clicked.connect(self.load_returns_dialog)
        self.appendix = QComboBox()
        for kind, name in APPENDICES.items():
            self.appendix.addItem(name[0].upper() + name[1:], kind)
        self.appendix.setAccessibleName("Appendix to export")
        appendix_label = QLabel("Appen&dix:")
        appendix_label.setBuddy(self.appendix)
        self.export_button = QPushButton("E&xport…")
        self.export_button.setToolTip("Check the chosen appendix, then write it as PDF or Word")
        self.export_button.clicked.connect(self.export_dialog)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName("Reading the partnership papers")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel reading the partnership papers")
        self.cancel_button.clicked.connect(self.cancel_task)
        self.progress.hide()
        self.cancel_button.hide()
        loading = QHBoxLayout()
        for widget in (date_label, self.as_of, self.load_plan_button, self.load_returns_button):
            loading.addWidget(widget)
        loading.addStretch(1)
        exporting = QHBoxLayout()
        for widget in (appendix_label, self.appendix, self.export_button, self.progress, self.cancel_button):
            exporting.addWidget(widget)
        exporting.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_model = PaperProblemsModel(self)
        self.problems = QTableView()
        self.problems.setModel(self.problems_model)
        self.problems.setAccessibleName("Problems in the partnership papers")
        self.problems.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.plan_page, self.plan_tables = _page()
        self.returns_page, self.returns_tables = _page()
        self.side = QTabWidget()  # the name the keyboard test looks for, to visit each page
        self.side.setAccessibleName("Partnership papers")
        self.side.addTab(self.plan_page, "Acti&on plan")
        self.side.addTab(self.returns_page, "MARAC and safe acco&mmodation")
        self.board_page = BoardReportPage(self.session, self.board_figures)
        self.side.addTab(self.board_page, "&Board report")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.problems)
        split.addWidget(self.side)
        split.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(loading)
        layout.addLayout(exporting)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._show(PartnershipPapers())

    # --- loading ------------------------------------------------------------------------------

    def report_date(self) -> dt.date:
        return self.as_of.date().toPython()

    def load_plan_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load an action plan", self.session._last_folder(), WORKBOOKS)
        if path:
            self.load_plan(Path(path))

    def load_returns_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Load MARAC and safe accommodation returns", self.session._last_folder(), WORKBOOKS
        )
        if paths:
            self.load_returns([Path(path) for path in paths])

    def load_plan(self, path: Path) -> None:
        """Read the plan at `path` as at the report date: the latest plan is shown, and one of an earlier date
        adds its ratings for the comparison (the later plan is then read again, to compare with it)."""
        plans, _, missing = self._located()
        as_of = self.report_date()
        later = [(located, date) for located, date in plans if date > as_of]
        self._read([(str(path.resolve()), as_of), *later], [], missing, path.name, RETURN)

    def load_returns(self, paths: list[Path]) -> None:
        """Read the MARAC and safe accommodation returns `paths` with those loaded already (a file of the same
        name is replaced)."""
        _, returns, missing = self._located()
        names = {path.name for path in paths}
        returns = [p for p in returns if Path(p).name not in names] + [str(path.resolve()) for path in paths]
        missing = [paper for paper in missing if paper["file"] not in names]
        self._read([], returns, missing, ", ".join(sorted(names)), ACTION_PLAN)

    def _located(self) -> tuple[list[tuple[str, dt.date]], list[str], list[dict]]:
        """The project's papers where this machine knows them: the plans with their dates, the returns, and
        the papers it cannot find (kept in the project, each a problem on show)."""
        plans, returns, missing = [], [], []
        for paper in self.session.project.settings.get(PAPERS, []):
            path = self.session.import_locations.path_of(paper["sha256"])
            if path is None or not path.exists():
                missing.append(paper)
            elif paper["kind"] == ACTION_PLAN:
                plans.append((str(path), paper["as_of"]))
            else:
                returns.append(str(path))
        return plans, returns, missing

    def _read(self, plans, returns, missing: list[dict], new: str | None = None, keep: str | None = None) -> None:
        """Read the papers in the background; with `new` (the file or files the author chose), the reading,
        with the papers of the `keep` kind as shown, becomes the project's (undoably) unless they cannot be
        read."""
        if self.task is not None and self.task.running:  # a newer reading supersedes one under way
            self.task.cancel()
        inputs = (plans, returns, list(self.session.project.plan_reports), self.session.page_options(), self.details())
        text = f"Reading {new or 'the partnership papers'}"
        self._start(read_papers, inputs, text, lambda read: self._read_done(read, missing, new, keep))

    def _start(self, function, args: tuple, text: str, done) -> None:
        """`function(*args)` in a background process, with the tab's progress and Cancel; `done(result)`."""
        from desktop_app.gui.background import BackgroundTask

        task = BackgroundTask(function, *args, parent=self)
        self.task = task
        task.progress.connect(lambda fraction, step: self._progress(fraction, f"{text}: {step}"))
        task.finished.connect(lambda result: (self._idle(), done(result)))
        task.failed.connect(lambda reason: (self._idle(), messages.warn(self, "That did not work", reason)))
        task.cancelled.connect(lambda: (self._idle(), self.session.show_status("Cancelled")))
        self._progress(0.0, text)
        task.start()

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.progress.show()
        self.cancel_button.show()
        self.session.show_status(text)

    def _idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _read_done(self, read: PartnershipPapers, missing: list[dict], new: str | None, keep: str | None) -> None:
        refused = read.refused
        if keep is not None:
            read = read.with_papers_of(self.shown, keep)
        read.problems = [*map(_not_found, missing), *read.problems]
        if new is None:  # the project's papers read again: shown as they are
            self._show(read)
            return
        if refused:
            messages.warn(
                self,
                "Not loaded",
                "\n\n".join(problem.message for problem in refused)
                + "\n\nNothing was added to the report; the problems are listed above the tables.",
            )
            self._show_problems(refused + self.shown.problems)
            return
        self.session.import_locations.remember_paths(read.located)
        project = self.session.project
        before = (list(project.settings.get(PAPERS, [])), list(project.plan_reports))
        after = ([*read.papers, *missing], list(read.plan_reports))
        self._show(
            read, _state(*after, self.session.page_options(), self.details())
        )  # before the edit's project_changed, so it is not read again
        self.session.edit(f"Load {new}", self._set_papers, before, after)
        self.session.show_status(f"Loaded {new}")

    def _set_papers(self, state: tuple[list[dict], list]) -> None:
        papers, reports = state
        self.session.project.set_setting(PAPERS, list(papers) or None)
        self.session.project.plan_reports = list(reports)

    def details(self) -> dict[str, dict[str, str]]:
        """Each appendix's details as the Report tab's Appendix details (and the cover sheet) give them."""
        project = self.session.project
        return {kind: paper_details(project.settings, project.cover, kind) for kind in APPENDICES}

    def board_figures(self) -> dict[str, Figure]:
        """The live figures a board report's words may use: the MARAC appendix's and the action plan's."""
        figures = dict(self.shown.partnership.figures) if self.shown.partnership is not None else {}
        return figures | self.shown.board_figures

    def _project_changed(self) -> None:
        """Another project, an undo of a load, or the papers' details set on the Report tab: read the project's
        papers again (only where what they are made of changed)."""
        self.board_page.refresh()
        project = self.session.project
        state = _state(
            project.settings.get(PAPERS, []), project.plan_reports, self.session.page_options(), self.details()
        )
        if state == self._shown_state:
            return
        self._shown_state = state
        plans, returns, missing = self._located()
        if not plans and not returns:
            self.cancel_task()
            self._show(PartnershipPapers(problems=[_not_found(paper) for paper in missing]), state)
            return
        self._read(plans, returns, missing)

    # --- showing ------------------------------------------------------------------------------

    def _show(self, read: PartnershipPapers, state: tuple | None = None) -> None:
        self.shown = read
        if state is not None:
            self._shown_state = state
        self._show_problems(read.problems)
        _fill(self.plan_tables, read.plan, "Load an action plan workbook (Load action plan) to see its progress.")
        _fill(
            self.returns_tables,
            read.partnership,
            "Load a MARAC return, and a safe accommodation return with its published tables, to see their figures.",
        )
        self.summary.setText(_summary(read))
        if hasattr(self, "board_page"):
            self.board_page.rebuild_preview()  # with the papers' figures

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems_model.set_problems(problems)
        self.problems.resizeColumnsToContents()
        for column in range(self.problems_model.columnCount() - 1):
            self.problems.setColumnWidth(column, min(self.problems.columnWidth(column), 220))

    def tables(self, kind: str) -> list[FigureTable]:
        """The tables on show of the `kind` appendix (ACTION_PLAN or "partnership"), in reading order."""
        holder = self.plan_tables if kind == ACTION_PLAN else self.returns_tables
        return holder.findChildren(FigureTable)

    # --- exporting ----------------------------------------------------------------------------

    def document(self, kind: str) -> Document | None:
        return self.shown.plan if kind == ACTION_PLAN else self.shown.partnership

    def findings(self, kind: str) -> list[Finding]:
        """The proof of the `kind` appendix, made with it when its papers were read (export_findings)."""
        return self.shown.plan_findings if kind == ACTION_PLAN else self.shown.partnership_findings

    def export_dialog(self) -> None:
        kind = self.appendix.currentData()
        if self.document(kind) is None:
            messages.inform(self, "Nothing to export", f"Load the papers of the {APPENDICES[kind]} first.")
            return
        if not self.session.checked_before_export(kind):
            return
        from desktop_app.gui.main_window import appendix_path

        suggested = str(Path(self.session._last_folder()) / f"{APPENDICES[kind].capitalize()}.pdf")
        path, chosen = QFileDialog.getSaveFileName(self, f"Export the {APPENDICES[kind]}", suggested, APPENDIX_FILTER)
        path = appendix_path(path, chosen)
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the `kind` appendix to `path` in the background, with the tab's progress and Cancel."""
        from desktop_app.export import export_appendix

        document = self.document(kind)
        if document is None:
            return
        if self.task is not None and self.task.running:
            messages.inform(self, "Please wait", "The partnership papers are still being read or written.")
            return
        inputs = (document, str(path), self.session.word_template())
        self._start(export_appendix, inputs, f"Writing {path.name}", lambda out: self._written(Path(out)))

    def _written(self, out: Path) -> None:
        self.session.show_status(f"Wrote {out.name}")

    def show_board_report(self) -> None:
        """The place every finding of the board report's check names: its words."""
        self.session.tabs.setCurrentWidget(self)
        self.side.setCurrentWidget(self.board_page)
        self.board_page.go_to()

    def go_to(self, kind: str, key: str) -> None:
        """The place a finding of the check before export names: the paper's problems, the report date, or
        the appendix's tables."""
        self.session.tabs.setCurrentWidget(self)
        if kind == "as_at":
            self.as_of.setFocus()
            return
        row = next((at for at, problem in enumerate(self.problems_model.problems) if problem.file == key), None)
        if kind == "returns" and row is not None:
            self.problems.selectRow(row)
            self.problems.setFocus()
        else:
            self.side.setCurrentWidget(self.plan_page if key == ACTION_PLAN else self.returns_page)


def _page() -> tuple[QScrollArea, QWidget]:
    """A scrolling page and the widget inside it that holds the tables."""
    holder = QWidget()
    QVBoxLayout(holder)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(holder)
    return scroll, holder


def _fill(holder: QWidget, document: Document | None, empty: str) -> None:
    """`holder` shows `document`'s headings and tables (the figures as the appendix prints them)."""
    layout = holder.layout()
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
    if document is None:
        layout.addWidget(QLabel(empty))
        layout.addStretch(1)
        return
    for section in document.sections:
        blocks = _with_their_tables([block for block in _blocks(section.blocks) if _shown(block)])
        if not blocks:
            continue
        if section.title:
            layout.addWidget(_heading(section.title, 1))
        said = section.title
        for block in blocks:
            if isinstance(block, Heading):
                layout.addWidget(_heading(block.text, block.level))
                said = block.text
                continue
            if block.caption and block.caption != said:  # a caption is not said twice under its heading
                layout.addWidget(_heading(block.caption, 3))
            table = PaperTable()
            table.set_table(_without_markup(block))
            layout.addWidget(table)
            said = ""
    layout.addStretch(1)


def _without_markup(table: Table) -> Table:
    """The table as the window shows it: the appendix's bold (a RAG rating's **Red**) is the PDF's alone."""

    def plain(rows: list[list[Cell]]) -> list[list[Cell]]:
        return [[replace(cell, text=cell.text.replace("**", "")) for cell in row] for row in rows]

    return replace(table, header=plain(table.header), body=plain(table.body))


def _blocks(blocks) -> list:
    found = []
    for block in blocks:
        found += _blocks(block.blocks) if isinstance(block, Keep) else [block]
    return found


def _with_their_tables(blocks: list) -> list:
    """The tables, and each heading with a table under it (before the next heading of its level or above)."""

    def heads_a_table(at: int, heading: Heading) -> bool:
        for after in blocks[at + 1 :]:
            if isinstance(after, Table):
                return True
            if after.level <= heading.level:
                return False
        return False

    return [block for at, block in enumerate(blocks) if isinstance(block, Table) or heads_a_table(at, block)]


def _shown(block) -> bool:
    if isinstance(block, Table):
        return not block.key.startswith(NOT_SHOWN)
    return isinstance(block, Heading) and block.level > 1


def _heading(text: str, level: int) -> QLabel:
    label = QLabel(text.replace("**", ""))
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * {1: 1.3, 2: 1.1}.get(level, 1.0))
    label.setFont(font)
    label.setAccessibleName(text.replace("**", ""))
    return label


def _summary(read: PartnershipPapers) -> str:
    if not read.papers and not read.problems:
        return (
            "No partnership papers yet: set the report date and load the action plan, then the plan as it was at "
            "the last report (at its date) to see what changed; and the MARAC and safe accommodation returns."
        )
    lines = []
    for paper in sorted(read.papers, key=lambda paper: paper["kind"] != ACTION_PLAN):
        if paper["kind"] == ACTION_PLAN:
            lines.append(f"Action plan: {paper['file']}, ratings as at {paper['as_of']:%d/%m/%Y}")
        elif paper["kind"] == RETURN:
            lines.append(f"Return: {paper['file']}")
    if len(read.plan_reports) > 1:
        dates = ", ".join(f"{report.as_of:%d/%m/%Y}" for report in read.plan_reports)
        lines.append(f"The plan's ratings are kept for {dates}")
    slips = len(read.problems)
    lines.append(f"{slips} problem{'s' if slips != 1 else ''} in the papers" if slips else "No problems in the papers")
    return "\n".join(lines)


def _state(papers: list[dict], reports: list, options: PageOptions, details: dict[str, dict[str, str]]) -> tuple:
    """What the tab's appendices are made of: the papers, the plan's reporting dates, the agenda pack's page
    options (an agenda item set later is in the export) and the appendices' details (Report > Appendix
    details)."""
    return (
        tuple(tuple(sorted(paper.items())) for paper in papers),
        tuple((report.as_of, report.sha256) for report in reports),
        options,
        details,
    )


def _not_found(paper: dict) -> Problem:
    return Problem(
        Severity.ERROR,
        f"{paper['file']}: this computer does not know where it is (the project keeps only its name); load it again",
        file=paper["file"],
    )
