"""The main window: the report project, its tabs, menus, and the work that runs in the background.

Every change to the project goes through the undo stack, so Undo/Redo covers
it and the window knows when there are unsaved changes. Imports and exports run
in a background process with a progress bar and Cancel in the status bar.

The window paints before pandas is imported: this module imports Qt and the
light parts of the application only, and the project with its editors' tabs
(whose modules import pandas, and pyqtgraph for the charts) is built the first
time anything asks for one of them (`EDITORS`), which at start is just after
the first paint (gui/app.py). The rest is imported where it is used.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QEvent, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
)

from desktop_app.domain.problems import Severity
from desktop_app.gui import messages
from desktop_app.gui.start_page import StartPage
from desktop_app.gui.wheel_guard import guard_wheel
from desktop_app.paths import sample_returns

if TYPE_CHECKING:
    from desktop_app.domain.returns import ReturnKind
    from desktop_app.excel.importer import FileImport
    from desktop_app.gui.background import BackgroundTask
    from desktop_app.project.lock import FileStamp, ProjectLock
    from desktop_app.project.model import ImportedFile, Project

log = logging.getLogger("scrutiny.window")

RETURN_SUFFIXES = {".xlsx", ".xlsm", ".csv"}
AUTOSAVE_MS = 3 * 60 * 1000
MAX_RECENT = 8
#: A project file this large takes the window a tenth of a second or more to read: it is read on a thread.
READ_ON_A_THREAD_FROM_BYTES = 4_000_000
#: What the window builds when first asked for it (`MainWindow.build_editors`): the project, its figures and
#: the tabs that edit it.
EDITORS = frozenset(
    {
        "project",
        "workspace",
        "figures",
        "import_locations",
        "tabs",
        "returns_tab",
        "indicators_tab",
        "complaints_tab",
        "report_tab",
        "preview_tab",
        "partnership_tab",
    }
)


#: What an appendix can be exported as (the writer is chosen by the ending of the file name).
APPENDIX_FILTER = "PDF (*.pdf);;Word document (*.docx)"
WORD_TEMPLATE_FILTER = "Word template or document (*.dotx *.docx)"
#: The adults' complaints appendix's kind (report.details.APPENDICES).
ADULTS = "adults_complaints"
#: The corporate complaints appendix's kind (the complaint handling code's report).
CORPORATE = "corporate_complaints"
#: Each annual complaints report the window exports: its regime (export.complaints_report_document), the
#: name suggested for it, and what the log lacks where it has none of the report's complaints.
COMPLAINTS_REPORTS = {
    "complaints": ("childrens", "Complaints annual report.pdf", ""),
    ADULTS: (
        "adults",
        "Adults' complaints annual report.pdf",
        "The complaints log has no adult social care complaints.",
    ),
    CORPORATE: (
        "corporate",
        "Corporate complaints annual report.pdf",
        "The complaints log has no corporate complaints.",
    ),
}
#: What File > Import self-assessment reads.
SELF_ASSESSMENT_FILTER = "Self-assessment (*.toml)"
#: QSettings key of the council's Word template (the user's, for every project on this machine).
WORD_TEMPLATE_KEY = "export/word_template"


def appendix_path(path: str, chosen_filter: str) -> str:
    """The chosen file, ending as the chosen kind of file does ('x.pdf' with Word chosen is 'x.docx')."""
    if not path:
        return path
    ending = ".docx" if chosen_filter.startswith("Word") else ".pdf"
    return path if Path(path).suffix.lower() == ending else str(Path(path).with_suffix(ending))


class ImportsCommand(QUndoCommand):
    """Any change to the project's imported files, with the lessons-learned register they bring: undo puts
    both back as they were. `before` and `after`: (imports, the register's entries)."""

    def __init__(self, window: MainWindow, text: str, before: tuple[list, list], after: tuple[list, list]):
        super().__init__(text)
        self._window, self._before, self._after = window, before, after

    def redo(self) -> None:
        self._window.set_imports(*self._after)

    def undo(self) -> None:
        self._window.set_imports(*self._before)


class EditCommand(QUndoCommand):
    """One edit of what the author sets or writes (a limit, a commentary, a cover field): undoable."""

    def __init__(self, window: MainWindow, text: str, apply: Callable[[Any], None], before: Any, after: Any):
        super().__init__(text)
        self._window, self._apply, self._before, self._after = window, apply, before, after

    def redo(self) -> None:
        self._apply(self._after)
        self._window.project_changed.emit()

    def undo(self) -> None:
        self._apply(self._before)
        self._window.project_changed.emit()


class _Claim(NamedTuple):
    """How a window holds its project file: by its lock, read-only, or neither (its folder takes no lock)."""

    lock: ProjectLock | None
    read_only: bool = False


class MainWindow(QMainWindow):
    """Signals:
    project_changed(): the project's returns, settings or words changed (or a new project is open);
        the editors refresh their figures from `workspace`
    """

    project_changed = Signal()

    def __init__(self, data_folder: Path, settings: QSettings | None = None):
        super().__init__()
        self.data_folder = data_folder
        self.settings = settings or QSettings()
        self.mapping_file = data_folder / "column_mappings.json"
        self.showing_sample = False  # the bundled sample is open, as a report of its own
        self.editors_built = False
        self._start_page_asked = False  # else the tabs are shown once built (the start page stands in till then)
        self.path: Path | None = None
        self.file_lock: ProjectLock | None = None  # this window's lock beside `path`
        self.read_only = False  # `path` is open in another window: Save asks for a new name
        self.disk_stamp: FileStamp | None = None  # `path` as this window last read or wrote it
        self._told_about: FileStamp | None = None  # the change on disk the author was last told of
        self.task: BackgroundTask | None = None
        self.waiting = False  # for work on a thread the window cannot go on without (`wait_for`)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)

        self.setObjectName("MainWindow")
        self.setAccessibleName("Scrutiny Studio")
        self.setAcceptDrops(True)
        self.start_page = StartPage(self._last_folder)
        self.start_page.sample_requested.connect(lambda: self._may_discard() and self.open_sample(sample_returns()))
        self.start_page.import_requested.connect(lambda paths: self.import_new_report([Path(p) for p in paths]))
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.recent_requested.connect(lambda path: self.open_project(Path(path)))
        self.pages = QStackedWidget()  # the start page, or the tabs once a report is open
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._autosave: threading.Thread | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._restore_layout()
        self._update_title()

    def __getattr__(self, name: str) -> Any:
        """One of the `EDITORS`, built now (only called for an attribute the window does not have yet)."""
        if name in EDITORS and not self.__dict__.get("editors_built", True):
            self.build_editors()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # --- building ------------------------------------------------------------

    def build_editors(self) -> None:
        """The empty project, its figures and the tabs over them, once (the start page stays in front)."""
        if self.editors_built:
            return
        self.editors_built = True
        guard_wheel(QApplication.instance())  # before the first field is made (the window's frame has none)
        from desktop_app.gui.background_figures import BackgroundFigures
        from desktop_app.gui.complaints_tab import ComplaintsTab
        from desktop_app.gui.indicators_tab import IndicatorsTab
        from desktop_app.gui.partnership_tab import PartnershipTab
        from desktop_app.gui.preview_tab import PreviewTab
        from desktop_app.gui.report_tab import ReportTab
        from desktop_app.gui.returns_tab import ReturnsTab
        from desktop_app.project.locations import ImportLocations
        from desktop_app.project.model import Project
        from desktop_app.workspace import Workspace

        self.import_locations = ImportLocations(self.data_folder / "import_locations.json")
        self.project = Project()
        self.workspace = Workspace(self.project)
        self.figures = BackgroundFigures(self, self)  # before the tabs: it hears of a change first
        self.figures.worked_out.connect(self._offer_adults_export)
        self.figures.worked_out.connect(self._offer_corporate_export)
        self.returns_tab = ReturnsTab()
        self.returns_tab.remap_requested.connect(self.remap_sheet)
        self.returns_tab.reimport_requested.connect(self.reimport)
        self.returns_tab.remove_requested.connect(self.remove_import)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Editors")
        self.tabs.addTab(self.returns_tab, "&Returns")
        self.indicators_tab = IndicatorsTab(self)
        self.complaints_tab = ComplaintsTab(self)
        self.tabs.addTab(self.indicators_tab, "&Indicators")
        self.tabs.addTab(self.complaints_tab, "&Complaints")
        self.partnership_tab = PartnershipTab(self)
        self.tabs.addTab(self.partnership_tab, "Partnership pro&gress")
        self.report_tab = ReportTab(self)
        self.preview_tab = PreviewTab(self)
        self.tabs.addTab(self.report_tab, "Re&port")
        self.tabs.addTab(self.preview_tab, "Pre&view")
        self.pages.insertWidget(0, self.tabs)
        if not self._start_page_asked:
            self.pages.setCurrentWidget(self.tabs)
        splitter = self.settings.value("window/returns_splitter")
        if splitter is not None:
            self.returns_tab.splitter.restoreState(splitter)

    def _build_status_bar(self) -> None:
        self.status_text = QLabel("Ready")
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumWidth(240)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the work in progress")
        self.cancel_button.clicked.connect(self.cancel_task)
        bar = self.statusBar()
        bar.addWidget(self.status_text, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        self.progress_bar.hide()
        self.cancel_button.hide()

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("&New", self.new_project, keys.New, "Start a new report")
        self.open_action = self._action("&Open…", self.open_dialog, keys.Open, "Open a report project")
        self.save_action = self._action("&Save", self.save, keys.Save, "Save the report project")
        self.save_as_action = self._action(
            "Save &As…", self.save_as, keys.SaveAs, "Save the report project under a new name"
        )
        self.import_action = self._action(
            "&Import returns…", self.import_dialog, "Ctrl+I", "Read Excel or CSV returns into the report"
        )
        self.export_action = self._action(
            "&Export complaints report…",
            self.export_dialog,
            "Ctrl+E",
            "Write the Annual Complaints Report appendix as PDF or Word",
        )
        self.export_adults_action = self._action(
            "Export &adults' complaints report…",
            self.export_adults_dialog,
            tip="Write the Adult Social Care Complaints Annual Report appendix (the 2009 Regulations) as PDF or Word",
        )
        self.export_adults_action.setVisible(False)  # offered once the log has adults' complaints
        self.export_corporate_action = self._action(
            "E&xport corporate complaints report…",
            self.export_corporate_dialog,
            tip="Write the annual complaints performance and service improvement report (the Ombudsman's complaint "
            "handling code) as PDF or Word",
        )
        self.export_corporate_action.setVisible(False)  # offered once the log has corporate complaints
        self.import_self_assessment_action = self._action(
            "Import sel&f-assessment…",
            self.import_self_assessment_dialog,
            tip="Read the council's self-assessment against the complaint handling code (a .toml file kept from "
            "year to year) for the corporate report",
        )
        self.export_performance_action = self._action(
            "Export &performance report…",
            self.export_performance_dialog,
            "Ctrl+Shift+E",
            "Write the performance appendix (dashboard, surveys, change cards, charts) as PDF or Word",
        )
        self.export_cover_action = self._action(
            "Export &cover report…",
            self.export_cover_dialog,
            tip="Write the cover report from the Report tab's cover sheet, listing this project's appendices",
        )
        self.partnership_actions = [
            self._action(
                "Load action p&lan…",
                lambda: self.partnership_tab.load_plan_dialog(),
                tip="Read an action plan workbook into the Partnership tab, its RAG ratings as at the report date",
            ),
            self._action(
                "Load &MARAC and safe accommodation returns…",
                lambda: self.partnership_tab.load_returns_dialog(),
                tip="Read MARAC returns and a safe accommodation return into the Partnership tab",
            ),
            self._action(
                "Export partners&hip appendix…",
                lambda: self.partnership_tab.export_dialog(),
                tip="Write the Partnership tab's chosen appendix (action plan, or MARAC and safe accommodation)",
            ),
        ]
        self.word_template_action = self._action(
            "Word &template…",
            self.choose_word_template,
            tip="Choose the council's Word template (.dotx or .docx) for the styles, margins and logo of Word exports",
        )
        self.own_words_action = self._action(
            "Council's own &words…",
            self.choose_own_words,
            tip="Teach the words your log uses (its own outcome words, say) from your own vocabulary file",
        )
        self.chart_texts_action = self._action(
            "Chart &descriptions…",
            self.edit_chart_texts,
            tip="Read and replace what a screen reader says for each chart of the performance appendix",
        )
        self.start_page_action = self._action(
            "Start pa&ge", self.show_start_page, tip="The first steps: the sample, your own returns, recent projects"
        )
        self.quit_action = self._action("&Quit", self.close, keys.Quit, "Close Scrutiny Studio")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Y")])
        self.guide_action = self._action(
            "&User guide",
            lambda: self.show_help("UserGuideDialog"),
            keys.HelpContents,
            "From a log to the agenda pack, each tab, and what to do when a file is refused",
        )
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts",
            lambda: self.show_help("ShortcutsDialog"),
            tip="Every key of the menus and tabs",
        )
        self.about_action = self._action(
            "&About Scrutiny Studio",
            lambda: self.show_help("AboutDialog"),
            tip="The version, the libraries and fonts with their licences, and where your data is kept",
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def show_help(self, dialog: str) -> None:
        """The Help menu's `dialog` (a class of gui/help_dialogs, imported when first asked for)."""
        from desktop_app.gui import help_dialogs

        self.build_editors()  # the keyboard shortcuts include the tabs'
        help_dialogs.show_window(self, getattr(help_dialogs, dialog))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.start_page_action)
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [
                self.import_action,
                self.export_action,
                self.export_adults_action,
                self.export_corporate_action,
                self.import_self_assessment_action,
                self.export_performance_action,
                self.export_cover_action,
            ]
        )
        file_menu.addActions(self.partnership_actions)
        file_menu.addAction(self.word_template_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.own_words_action, self.chart_texts_action])
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addActions([self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("MainToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.export_action])
        toolbar.addSeparator()
        undo, redo = QAction("Undo", self), QAction("Redo", self)
        native = QKeySequence.SequenceFormat.NativeText
        undo.setToolTip(f"Undo the last change ({self.undo_action.shortcut().toString(native)})")
        redo.setToolTip(f"Redo what was undone ({self.redo_action.shortcut().toString(native)})")
        undo.triggered.connect(self.undo_stack.undo)
        redo.triggered.connect(self.undo_stack.redo)
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        toolbar.addActions([undo, redo])

    # --- the project -----------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def set_imports(self, imports: list, lessons: list | None = None) -> None:
        """Show `imports` as the project's, with the register's entries `lessons` (None: as they are); the one
        place the imports change (undo goes through here)."""
        from desktop_app.gui.background_figures import log_rows

        self.project.imports = list(imports)
        if lessons is not None:
            self.project.lessons = list(lessons)
        self.pages.setCurrentWidget(self.tabs)  # a report is open (new, opened, imported into or recovered)
        self.import_locations.remember(self.project.imports)  # the project keeps only the names
        self.returns_tab.words = self.workspace.vocabulary().words()
        self.returns_tab.set_imports(self.project.imports)
        self.export_action.setEnabled(log_rows(self.workspace) > 0)  # counted, not joined: a copy of the log
        self.project_changed.emit()
        self._offer_adults_export()
        self._offer_corporate_export()

    def _offer_adults_export(self) -> None:
        """The adults' export is offered while the log has adults' complaints (known once its figures are in)."""
        if self.figures.ready():
            self.export_adults_action.setVisible(self.workspace.has_adults_complaints())

    def _offer_corporate_export(self) -> None:
        """The corporate export is offered while the log has corporate complaints (known once its figures are in)."""
        if self.figures.ready():
            self.export_corporate_action.setVisible(self.workspace.has_corporate_complaints())

    def edit(self, text: str, apply: Callable[[Any], None], before: Any, after: Any) -> None:
        """Make an edit through the undo stack: `apply(after)` now, `apply(before)` on undo."""
        if before != after:
            self.undo_stack.push(EditCommand(self, text, apply, before, after))

    def _change_imports(self, text: str, after: list, lessons: list | None = None) -> None:
        """Make `after` the imports, and `lessons` the register (None: as it is), as one undoable edit."""
        before = (list(self.project.imports), list(self.project.lessons))
        after_lessons = list(self.project.lessons) if lessons is None else lessons
        self.undo_stack.push(ImportsCommand(self, text, before, (after, after_lessons)))
        self.project.record(text)

    def _update_title(self) -> None:
        name = self.path.name if self.path else "Untitled report"
        read_only = " (read-only)" if self.read_only else ""
        self.setWindowTitle(f"{name}{read_only}[*] – Scrutiny Studio")
        self.setWindowModified(self.dirty)

    def _replace_project(
        self, project: Project, path: Path | None, claim: _Claim | None = None, stamp: FileStamp | None = None
    ) -> None:
        """Show `project`, saved at `path` and held by `claim`; `stamp`: the file as it was read (else as it is)."""
        import uuid

        from desktop_app.project.lock import FileStamp
        from desktop_app.workspace import Workspace

        self.build_editors()
        claim = claim or _Claim(None)
        if claim.read_only:
            project.uid = uuid.uuid4().hex  # its recovery copy is its own, never the other window's
        self._hold(claim)
        self.showing_sample = False
        self.project = project
        self.workspace = Workspace(project)
        try:  # an older project's notes kept under catalogue ids go to the returns' own ids
            self.workspace.move_notes_to_own_ids()
        except Exception:  # the notes stay where they are; the Indicators tab says what cannot be worked out
            log.exception("the indicator notes could not be moved to the returns' own ids")
        self.path = path
        self.disk_stamp = stamp or (FileStamp.of(path) if path else None)
        self.undo_stack.clear()
        self.set_imports(project.imports)
        self._update_title()

    def show_start_page(self) -> None:
        """The start page in place of the tabs (the open report stays open behind it)."""
        self._start_page_asked = True
        self.start_page.show_recent(self.recent_projects())
        self.pages.setCurrentWidget(self.start_page)
        self.start_page.focus_first()

    def _claim(self, path: Path, saving: bool = False) -> _Claim | None:
        """This window's lock on `path`; read-only, where another window holds it and the author says so; None
        where the author cancels, or (`saving`) where another window has that file open."""
        from desktop_app.project.lock import ProjectLock, ProjectLockedError

        if self.file_lock is not None and self.file_lock.project == path:
            return _Claim(self.file_lock)
        try:
            return _Claim(ProjectLock.acquire(path))
        except ProjectLockedError as locked:
            holder = locked.holder
        except OSError as exc:  # a read-only share: the project opens, unlocked
            log.info("no lock beside %s: %s", path.name, exc)
            return _Claim(None)
        if saving and not holder.stale():
            messages.warn(self, "Not saved", f"{holder.describe(path.name)}\n\nSave your work under another name.")
            return None
        answer = "take_over" if saving else messages.ask_locked(self, holder.describe(path.name), holder.stale())
        if answer == "read_only":
            return _Claim(None, read_only=True)
        if answer != "take_over" or not holder.stale():
            return None
        try:
            return _Claim(ProjectLock.take_over(path, holder))
        except ProjectLockedError:  # another window took it over first: ask about that one
            return self._claim(path, saving)
        except OSError as exc:
            log.info("the lock beside %s could not be taken over: %s", path.name, exc)
            return _Claim(None)

    def _hold(self, claim: _Claim) -> None:
        """Hold the file by `claim` from now on, giving back the lock held before (where it is another)."""
        if self.file_lock is not None and self.file_lock is not claim.lock:
            self.file_lock.release()
        self.file_lock, self.read_only = claim.lock, claim.read_only

    def _give_back(self, claim: _Claim) -> None:
        """A claim not kept after all (the file could not be read or written): its lock, where new, goes."""
        if claim.lock is not None and claim.lock is not self.file_lock:
            claim.lock.release()

    @property
    def _recovery_key(self) -> Path | None:
        """What this window's recovery copy is named after: its file, or (read-only) the project alone."""
        return None if self.read_only else self.path

    def _changed_on_disk(self) -> bool:
        """Whether someone else changed the project file since this window read or saved it."""
        if self.path is None or self.disk_stamp is None:
            return False
        from desktop_app.project.lock import FileStamp

        return FileStamp.of(self.path) not in (None, self.disk_stamp)

    def new_project(self) -> bool:
        from desktop_app.project.model import Project

        if not self._may_discard():
            return False
        self._replace_project(Project(), None)
        return True

    def open_dialog(self) -> None:
        from desktop_app.project.store import PROJECT_SUFFIX

        if not self._may_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a report project", self._last_folder(), f"Scrutiny Studio projects (*{PROJECT_SUFFIX})"
        )
        if path:
            self.open_project(Path(path), ask=False)

    def open_project(self, path: Path, ask: bool = True) -> bool:
        from desktop_app.project import store
        from desktop_app.project.lock import FileStamp

        if ask and not self._may_discard():
            return False
        claim = self._claim(path)
        if claim is None:
            return False
        stamp = FileStamp.of(path)
        try:
            project = self._read(path, f"Opening {path.name}…", store.load, path)
        except store.ProjectFileError as exc:
            self._give_back(claim)
            messages.warn(self, "Cannot open the project", f"{exc}\n\nThe file was not changed.")
            return False
        self._replace_project(project, path, claim, stamp)
        self._remember_recent(path)
        self._offer_recovery()
        if self.read_only:
            self.show_status(f"Opened {path.name} read-only: Save asks for a new name")
        elif self.file_lock is None:
            self.show_status(
                f"Opened {path.name} (its folder cannot be written: other windows are not told it is open)"
            )
        else:
            self.show_status(f"Opened {path.name}")
        return True

    def wait_for(self, text: str, function: Callable[..., Any], *args: Any) -> Any:
        """`function(*args)` on a thread, the window painting and answering meanwhile (gui/waiting.py)."""
        from desktop_app.gui.waiting import run_waiting

        self.waiting = True
        try:
            return run_waiting(self, text, function, *args)
        finally:
            self.waiting = False

    def _read(self, path: Path, text: str, function: Callable[..., Any], *args: Any) -> Any:
        """`function(*args)`, reading the project at `path` (or its copy): on a thread for a large one."""
        try:
            large = path.stat().st_size >= READ_ON_A_THREAD_FROM_BYTES
        except OSError:  # not there: reading it says so
            large = False
        if not large:
            return function(*args)
        return self.wait_for(text, function, *args)

    def save(self) -> bool:
        return self.save_to(self.path) if self.path and not self.read_only else self.save_as()

    def save_as(self) -> bool:
        from desktop_app.project.store import PROJECT_SUFFIX

        name = f"{self.path.stem} (copy){PROJECT_SUFFIX}" if self.read_only else self.path.name if self.path else None
        suggested = str(Path(self._last_folder()) / (name or f"report{PROJECT_SUFFIX}"))
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the report project", suggested, f"Scrutiny Studio projects (*{PROJECT_SUFFIX})"
        )
        if not path:
            return False
        path = Path(path)
        return self.save_to(path if path.suffix == PROJECT_SUFFIX else path.with_name(path.name + PROJECT_SUFFIX))

    def commit_edits(self) -> None:
        """Keep what the author is typing (a field not yet left, a paragraph within its typing pause) before
        it is saved, exported or closed: Ctrl+S in the middle of a field saves what the field shows."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # the field's editingFinished keeps its text
            focused.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.editors_built:
            self.report_tab.keep_pending_text()
            self.partnership_tab.board_page.keep_pending_text()

    def save_to(self, path: Path) -> bool:
        from desktop_app.project import store
        from desktop_app.project.lock import FileStamp

        self.commit_edits()
        if path == self.path and self._changed_on_disk():
            answer = messages.ask_overwrite(self, path.name)
            if answer == "save_as":
                return self.save_as()
            if answer != "overwrite":
                return False
        claim = self._claim(path, saving=True)
        if claim is None:
            return False
        try:
            store.save(self.project, path)
        except OSError as exc:
            self._give_back(claim)
            messages.warn(
                self,
                "Not saved",
                f"{path.name} could not be saved: {exc.strerror or exc}.\n\n"
                "Your work is still open here; try saving to another folder.",
            )
            return False
        self._discard_recovery()
        self._hold(claim)
        self.path = path
        self.disk_stamp = FileStamp.of(path)
        self.undo_stack.setClean()
        self._remember_recent(path)
        self._update_title()
        self.show_status(f"Saved {path.name}")
        return True

    def autosave(self) -> None:
        """A recovery copy in the user's data folder, offered back after a crash.

        Written by a thread from a snapshot of the project (a large project's copy takes seconds to write; the
        window goes on answering and the author goes on editing meanwhile)."""
        if not self.dirty or self.autosaving:
            return
        self._autosave = threading.Thread(
            target=_write_recovery,
            args=(self.project.snapshot(), self.data_folder, self._recovery_key),
            name="autosave",
            daemon=True,
        )
        self._autosave.start()

    @property
    def autosaving(self) -> bool:
        """Whether a recovery copy is being written."""
        return self._autosave is not None and self._autosave.is_alive()

    def _discard_recovery(self) -> None:
        """After a save or on closing: the recovery copy goes (an autosave under way finishes first, so it
        cannot leave a copy behind that would be offered as unsaved work)."""
        from desktop_app.project import store

        if self._autosave is not None:
            self._autosave.join()
        store.discard_recovery(self.data_folder, self._recovery_key, self.project)

    def _offer_recovery(self) -> None:
        from desktop_app.project import store

        if (
            self._recovery_key
            and store.recovery_newer(self.data_folder, self.path)
            and messages.ask_yes_no(
                self,
                "Recover unsaved work?",
                "Scrutiny Studio closed without saving this report last time. Open the copy it kept of your unsaved work?",
            )
        ):
            recovered = self._read(self.path, "Opening the copy…", store.load_recovery, self.data_folder, self.path)
            self._replace_project(recovered, self.path, _Claim(self.file_lock))
            self.undo_stack.resetClean()
            self._update_title()

    def offer_pending_recovery(self) -> bool:
        """At start-up: work that was never saved before Scrutiny Studio last closed, offered back."""
        from desktop_app.project import store

        pending = sorted(store.pending_recoveries(self.data_folder), key=lambda found: found.autosaved_at)
        if not pending:
            return False
        latest = pending[-1]
        if not messages.ask_yes_no(
            self,
            "Recover unsaved work?",
            f"Scrutiny Studio closed without saving {latest.name} last time. Open the copy it kept of your unsaved work?",
        ):
            return False
        claim = self._claim(latest.project_path) if latest.project_path else _Claim(None)
        if claim is None:
            return False
        try:
            recovered = latest.load()
        except store.ProjectFileError as exc:
            self._give_back(claim)
            messages.warn(self, "The copy cannot be opened", str(exc))
            return False
        self._replace_project(recovered, latest.project_path, claim)
        self.undo_stack.resetClean()
        latest.discard()
        self._update_title()
        return True

    def _may_discard(self) -> bool:
        self.commit_edits()
        if not self.dirty:
            return True
        answer = messages.ask_save(self, self.path.name if self.path else "this report")
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- importing ----------------------------------------------------------------

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import returns", self._last_folder(), "Returns (*.xlsx *.xlsm *.csv);;All files (*)"
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_new_report(self, paths: list[Path]) -> None:
        """The author's own returns as a report of their own: never added to the sample or to an open report."""
        if (self.path or self.project.imports or self.dirty) and not self.new_project():
            return
        self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> None:
        from desktop_app.excel.importer import import_files
        from desktop_app.workspace import OWN_WORDS

        self.settings.setValue("last_folder", str(paths[0].parent))
        self._run(
            import_files,
            [str(p) for p in paths],
            str(self.mapping_file),
            self.project.settings.get(OWN_WORDS),
            text=f"Importing {len(paths)} file{'s' if len(paths) > 1 else ''}",
            done=self._imported,
        )

    def _imported(self, imports: list[FileImport]) -> None:
        """Add what was read; a file already in the project is not added twice, a new version of a log
        replaces the old one (the author is asked, and told what changed), and complaints two logs share
        are named and counted once."""
        from desktop_app.domain.imports import with_repeats_named
        from desktop_app.domain.lessons import with_entries
        from desktop_app.domain.returns import ReturnKind

        if self.showing_sample and any(found.result for found in imports) and not self._leave_sample():
            return
        imports_now, failed, kept, replaced = list(self.project.imports), [], [], []
        for found in imports:
            if found.result is None:
                failed.append(found.error)
                continue
            name = found.result.provenance.file
            if any(i.provenance.sha256 == found.result.provenance.sha256 for i in imports_now):
                failed.append(f"{name}: is already in this report (the same file, unchanged); it was not added again")
                continue
            older = self._older_version(imports_now, found)
            if older is not None:
                new = self.project.make_import(found.result, found.path, replacing=older)
                imports_now[imports_now.index(older)] = new
                replaced.append((older, new))
                kept.append(name)
                continue
            earlier = [(i.provenance.file, i.result.frame(ReturnKind.COMPLAINTS_LOG)) for i in imports_now]
            result = with_repeats_named(found.result, [(file, log) for file, log in earlier if len(log)])
            imports_now.append(self.project.make_import(result, found.path))
            kept.append(name)
        if kept:
            names = ", ".join(kept)
            lessons = self.project.lessons
            for imported in imports_now:
                if imported not in self.project.imports:
                    lessons = with_entries(lessons, imported.lessons)
            self._change_imports(f"Import {names}", imports_now, lessons)
            errors = sum(f.result.count(Severity.ERROR) for f in imports if f.result)
            self.show_status(f"Imported {names}" + (f": {errors} rows with errors were not used" if errors else ""))
        for old, new in replaced:
            messages.inform(
                self,
                "What changed",
                f"{new.provenance.file} replaced {old.provenance.file}.\n\n" + self.project.describe_changes(old, new),
            )
        if failed:
            messages.warn(self, "Some files could not be read", "\n".join(failed))

    def _leave_sample(self) -> bool:
        """Before the author's own files go into the sample: a new report of their own (the default), or
        the sample with theirs added. False where they cancel."""
        answer = messages.ask(
            self,
            "The sample returns are open",
            "Start a new report with your files, or add them to the sample returns? The sample's figures would "
            "be counted with yours.",
            {"new": "Start a new report", "add": "Add them to the sample", "cancel": "Cancel"},
        )
        if answer == "add":
            self.showing_sample = False
            return True
        if answer != "new" or not self._may_discard():
            return False
        from desktop_app.project.model import Project

        self._replace_project(Project(), None)
        return True

    def _older_version(self, imports: list[ImportedFile], found: FileImport) -> ImportedFile | None:
        """The import whose complaints log `found`'s log mostly repeats, where the author says to replace it
        (a log kept by hand is sent again with this month's complaints added)."""
        from desktop_app.domain.complaints import shared_complaints
        from desktop_app.domain.returns import ReturnKind

        new_log = found.result.frame(ReturnKind.COMPLAINTS_LOG)
        if new_log.empty:
            return None
        for imported in imports:
            old_log = imported.result.frame(ReturnKind.COMPLAINTS_LOG)
            shared = shared_complaints(old_log, new_log) if len(old_log) else 0
            if shared * 2 <= min(len(old_log), len(new_log)):
                continue
            answer = messages.ask(
                self,
                "A new version of a log?",
                f"{shared:,} of the {len(new_log):,} complaints in {found.result.provenance.file} are already in "
                f"{imported.provenance.file}. Is it a new version of that log?",
                {
                    "replace": f"Replace {imported.provenance.file}",
                    "add": "Add it as another log",
                },
            )
            return imported if answer == "replace" else None
        return None

    def open_sample(self, paths: list[Path]) -> None:
        """The bundled sample returns as a new, untitled report (nothing to save until the user changes it)."""
        from desktop_app.excel.importer import import_files
        from desktop_app.project.model import Project

        def opened(imports: list[FileImport]) -> None:
            project = Project()
            project.imports = [project.make_import(found.result, found.path) for found in imports if found.result]
            self._replace_project(project, None)
            self.showing_sample = True
            self.show_status("The sample returns are open: import your own with File > Import returns (Ctrl+I)")

        self._run(
            import_files,
            [str(p) for p in paths],
            str(self.mapping_file),
            None,  # a new project: none of this one's own words
            text="Opening the sample returns",
            done=opened,
        )

    def remove_import(self, import_id: int) -> None:
        kept = [i for i in self.project.imports if i.id != import_id]
        removed = next(i for i in self.project.imports if i.id == import_id)
        self._change_imports(f"Remove {removed.provenance.file}", kept, self.project.lessons_without(removed, kept))

    def source_of(self, imported: ImportedFile) -> Path | None:
        """Where `imported` is on this machine; None (having said so) when it is not known or no longer there."""
        source = self.import_locations.location(imported)
        if source is None:
            messages.warn(
                self,
                "File not found",
                f"This computer does not know where {imported.provenance.file} is (the project keeps only the "
                "file's name). Import it again with File > Import returns.",
            )
        elif not source.exists():
            messages.warn(
                self, "File not found", f"{source} is no longer there. Import the new copy with File > Import returns."
            )
        return source if source is not None and source.exists() else None

    def reimport(self, import_id: int) -> None:
        from desktop_app.excel.importer import import_files
        from desktop_app.workspace import OWN_WORDS

        imported = next(i for i in self.project.imports if i.id == import_id)
        source = self.source_of(imported)
        if source is None:
            return
        self._run(
            import_files,
            [str(source)],
            str(self.mapping_file),
            self.project.settings.get(OWN_WORDS),
            text=f"Reading {imported.provenance.file} again",
            done=lambda found: self._reimported(import_id, found),
        )

    def _reimported(self, import_id: int, imports: list[FileImport], kinds_changed: bool = False) -> None:
        from desktop_app.domain.lessons import with_entries

        [found] = imports
        if found.result is None:
            messages.warn(self, "The file could not be read", found.error)
            return
        old = next(i for i in self.project.imports if i.id == import_id)
        new = self.project.make_import(found.result, found.path, replacing=old)
        imports = [new if i.id == import_id else i for i in self.project.imports]
        lessons = with_entries(self.project.lessons_without(old, imports), new.lessons)
        self._change_imports(f"Re-import {old.provenance.file}", imports, lessons)
        changes = self.project.describe_changes(old, new)
        if not kinds_changed:
            messages.inform(self, "What changed", changes)
        self.show_status(changes.splitlines()[0] if changes else "")

    def remap_sheet(self, import_id: int, sheet_name: str) -> None:
        from desktop_app.gui.mapping_dialog import ColumnMappingDialog

        imported = next(i for i in self.project.imports if i.id == import_id)
        sheet = next(s for s in imported.sheets if s.sheet == sheet_name)
        dialog = ColumnMappingDialog(
            sheet_name, imported.provenance.file, sheet.kind, sheet.labels, sheet.columns, self
        )
        if not dialog.exec():
            return
        self.apply_mapping(import_id, sheet_name, *dialog.result())

    def apply_mapping(
        self, import_id: int, sheet_name: str, kind: ReturnKind | None, mapping: dict[str, str], remember: bool
    ) -> None:
        """Read the file again with the user's choice for one sheet; remember it for files of the same shape."""
        from desktop_app.excel.mappings import MappingFile
        from desktop_app.workspace import OWN_WORDS

        imported = next(i for i in self.project.imports if i.id == import_id)
        sheet = next(s for s in imported.sheets if s.sheet == sheet_name)
        if remember and sheet.labels:
            MappingFile(self.mapping_file).remember(sheet.labels, kind, mapping)
        source = self.source_of(imported)
        if source is None:
            return
        self._run(
            _import_with_mapping,
            str(source),
            str(self.mapping_file),
            self.project.settings.get(OWN_WORDS),
            sheet_name,
            kind,
            mapping,
            text=f"Reading '{sheet_name}' with your columns",
            done=lambda found: self._reimported(import_id, found, kinds_changed=True),
        )

    # --- exporting ----------------------------------------------------------------

    def export_dialog(self) -> None:
        self._export_complaints_dialog("complaints")

    def export_adults_dialog(self) -> None:
        self._export_complaints_dialog(ADULTS)

    def export_corporate_dialog(self) -> None:
        self._export_complaints_dialog(CORPORATE)

    def _export_complaints_dialog(self, kind: str) -> None:
        """Ask where to export an annual complaints report (`kind`: a key of COMPLAINTS_REPORTS)."""
        from desktop_app.domain.returns import ReturnKind

        log_frame = self.project.frame(ReturnKind.COMPLAINTS_LOG)
        if log_frame.empty:
            messages.inform(self, "Nothing to export", "Import a complaints log first (File > Import returns).")
            return
        self.figures.wait()
        _, name, none_of_them = COMPLAINTS_REPORTS[kind]
        has = {ADULTS: self.workspace.has_adults_complaints, CORPORATE: self.workspace.has_corporate_complaints}
        if kind in has and not has[kind]():
            messages.inform(self, "Nothing to export", none_of_them)
            return
        from desktop_app.domain.resource_files import ResourceFileError

        self.commit_edits()
        try:  # the report's words and (the corporate report's) self-assessment, read before anything is asked
            self.workspace.document_of(kind)
        except ResourceFileError as exc:
            messages.warn(self, "The report cannot be made", str(exc))
            return
        if not self.checked_before_export(kind):
            return
        suggested = str(Path(self._last_folder()) / name)
        path, chosen = QFileDialog.getSaveFileName(self, "Export the complaints report", suggested, APPENDIX_FILTER)
        path = appendix_path(path, chosen)
        if path:
            self.export_to(Path(path), kind)

    def checked_before_export(self, kind: str) -> bool:
        """Show what the proof finds in the `kind` appendix; True to go on and export (nothing found, or the
        author exports anyway). A "go there" button goes to the place to fix it, and the export waits."""
        from desktop_app.gui.export_check import ExportCheckDialog, export_findings

        self.commit_edits()
        self.figures.wait()
        findings = export_findings(self, kind)
        if not any(not finding.reminder for finding in findings):
            return True
        from desktop_app.gui.board_report_page import BOARD
        from desktop_app.gui.partnership_tab import APPENDICES as PARTNERSHIP
        from desktop_app.report.details import APPENDICES

        what = {**PARTNERSHIP, BOARD: "board report"}.get(kind) or APPENDICES.get(kind, f"{kind} appendix").lower()
        dialog = ExportCheckDialog(what, findings, self)
        exported = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.chosen is not None and kind == BOARD:
            self.partnership_tab.show_board_report()  # the words, whatever the finding
        elif dialog.chosen is not None:
            (self.partnership_tab.go_to if kind in PARTNERSHIP else self.go_to)(*dialog.chosen)
        return exported

    def go_to(self, kind: str, key: str) -> None:
        """Show the place a finding of the check before export names (see report.proof.Finding)."""
        from desktop_app.gui.report_tab import DETAILS_PAGE

        if kind in ("section", "details"):
            self.tabs.setCurrentWidget(self.report_tab)
            self.report_tab.select_section(key if kind == "section" else DETAILS_PAGE)
            if kind == "details":
                self.report_tab.details.fields[key, "appendix"].setFocus()
        elif kind == "preview":  # words of a text file the window does not edit: see them as they print
            self.tabs.setCurrentWidget(self.preview_tab)
            self.preview_tab.appendix.setCurrentIndex(max(0, self.preview_tab.appendix.findData(key)))
        elif kind in ("overdue", "as_at"):
            self.tabs.setCurrentWidget(self.complaints_tab)
            if kind == "overdue":
                self.complaints_tab.side.setCurrentWidget(self.complaints_tab.overdue)
            else:
                self.complaints_tab.period.as_at.setFocus()
        else:
            self.tabs.setCurrentWidget(self.returns_tab)
            imported = next((i for i in self.project.imports if i.provenance.file == key), None)
            if imported is not None and imported.sheets:
                self.returns_tab.select(imported.id, imported.sheets[0].sheet)

    def export_to(self, path: Path, kind: str = "complaints") -> None:
        """Write an annual complaints report (`kind`: a key of COMPLAINTS_REPORTS) to `path`, in the background."""
        from desktop_app.export import export_complaints_report

        self.commit_edits()
        self.figures.wait()
        summary = self.workspace.complaints()
        if summary is None:
            return
        self._run(
            export_complaints_report,
            summary,
            self.workspace.rules(),
            self.workspace.text_of(kind),
            str(path),
            self.page_options(),
            self.project.settings.get("suppress_below"),
            self.word_template(),
            COMPLAINTS_REPORTS[kind][0],
            self.workspace.lessons(),
            self.workspace.self_assessment() if kind == CORPORATE else None,
            text=f"Writing {path.name}",
            done=lambda out: self.show_status(f"Wrote {Path(out).name}"),
        )

    def import_self_assessment_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import the self-assessment against the code", self._last_folder(), SELF_ASSESSMENT_FILTER
        )
        if path:
            self.import_self_assessment(Path(path))

    def import_self_assessment(self, path: Path) -> bool:
        """Read the council's self-assessment against the complaint handling code from `path` into the project
        (settings["self_assessment"]) as one undoable edit, for the corporate report; a slip is said, naming the
        file and the entry, and the project is left as it was."""
        from desktop_app.domain.resource_files import ResourceFileError
        from desktop_app.domain.self_assessment import load_self_assessment, self_assessment_data
        from desktop_app.workspace import SELF_ASSESSMENT

        self.build_editors()
        try:
            assessment = load_self_assessment(path)
        except ResourceFileError as exc:
            messages.warn(self, "The self-assessment was not imported", str(exc))
            return False
        self.edit(
            f"Import the self-assessment {path.name}",
            lambda value: self.project.set_setting(SELF_ASSESSMENT, value),
            self.project.settings.get(SELF_ASSESSMENT),
            self_assessment_data(assessment),
        )
        counts = assessment.counts()
        self.show_status(
            f"Imported the self-assessment {path.name}: {counts['requirements']} requirements of the code, "
            f"{counts['not_complies']} not met, {counts['not_assessed']} not assessed"
        )
        return True

    def export_performance_dialog(self) -> None:
        if self.workspace.indicators() is None:
            messages.inform(self, "Nothing to export", "Import an indicator return first (File > Import returns).")
            return
        if not self.checked_before_export("performance"):
            return
        suggested = str(Path(self._last_folder()) / "Performance report.pdf")
        path, chosen = QFileDialog.getSaveFileName(self, "Export the performance report", suggested, APPENDIX_FILTER)
        path = appendix_path(path, chosen)
        if path:
            self.export_performance_to(Path(path))

    def export_performance_to(self, path: Path) -> None:
        from desktop_app.export import export_performance_report
        from desktop_app.gui.chart_texts_dialog import SETTING as CHART_TEXTS

        self.commit_edits()
        self._run(
            export_performance_report,
            *self._performance_inputs(),
            str(path),
            self.page_options(),
            self.project.settings.get(CHART_TEXTS, {}),
            self.word_template(),
            self.workspace.performance_sources(),
            text=f"Writing {path.name}",
            done=self._performance_written,
        )

    def export_cover_dialog(self) -> None:
        suggested = str(Path(self._last_folder()) / "Cover report.pdf")
        path, chosen = QFileDialog.getSaveFileName(self, "Export the cover report", suggested, APPENDIX_FILTER)
        path = appendix_path(path, chosen)
        if path:
            self.export_cover_to(Path(path))

    def export_cover_to(self, path: Path) -> None:
        """The cover report from the cover sheet, listing the appendices the project's returns make: the
        adults' and the corporate complaints reports where the log holds their complaints."""
        from desktop_app.export import export_cover_report
        from desktop_app.gui.report_tab import COVER_TEMPLATE, DEFAULT_COVER_TEMPLATE

        self.commit_edits()
        self.figures.wait()
        workspace = self.workspace
        adults = workspace.adults_document() if workspace.has_adults_complaints() else None
        corporate = workspace.corporate_document() if workspace.has_corporate_complaints() else None
        self._run(
            export_cover_report,
            dict(self.project.cover),
            self.project.settings.get(COVER_TEMPLATE, DEFAULT_COVER_TEMPLATE),
            str(path),
            self.page_options(),
            self.workspace.complaints_document(),
            self.performance_inputs() or None,
            self.word_template(),
            adults,
            corporate,
            text=f"Writing {path.name}",
            done=lambda written: self._written_with_notes(written, "What the cover's checks found"),
        )

    def _written_with_notes(self, written: tuple[str, str], heading: str) -> None:
        out, notes = written
        self.show_status(f"Wrote {Path(out).name}")
        if notes:
            messages.inform(self, f"Wrote {Path(out).name}", f"{heading}:\n\n{notes}")

    def _performance_written(self, written: tuple[str, str]) -> None:
        """Say the appendix is written, and what it left out (the same list the command line prints)."""
        out, left_out = written
        self.show_status(f"Wrote {Path(out).name}")
        if left_out:
            messages.inform(self, f"Wrote {Path(out).name}", left_out)

    def performance_inputs(self) -> tuple:
        """The performance appendix's inputs with the author's chart texts and the returns' sources, in the order
        export.performance_report_document takes them (empty without an indicator return)."""
        from desktop_app.gui.chart_texts_dialog import SETTING as CHART_TEXTS

        if self.workspace.indicators() is None:
            return ()
        return (
            *self._performance_inputs(),
            self.page_options(),
            self.project.settings.get(CHART_TEXTS, {}),
            self.workspace.performance_sources(),
        )

    def _performance_inputs(self) -> tuple:
        """The indicator results (with the author's notes), the weekly and monthly series if imported, and the
        appendix's words with the author's details of the paper."""
        from desktop_app.domain.returns import ReturnKind

        weekly, monthly = (self.project.frame(kind) for kind in (ReturnKind.WEEKLY_SERIES, ReturnKind.MONTHLY_SERIES))
        return (
            self.workspace.indicators(),
            None if weekly.empty else weekly,
            None if monthly.empty else monthly,
            self.workspace.performance_text(),
        )

    def word_template(self) -> str | None:
        """The council's Word template chosen in this window (File > Word template), if any."""
        return self.settings.value(WORD_TEMPLATE_KEY) or None

    def choose_word_template(self) -> None:
        current = self.word_template()
        if current:
            answer = messages.ask(
                self,
                "Word template",
                f"Word exports use {Path(current).name}. Choose another template, or go back to the plain style?",
                {"choose": "&Choose another…", "plain": "Use the &plain style", "cancel": "Cancel"},
            )
            if answer == "plain":
                self.settings.remove(WORD_TEMPLATE_KEY)
                self.show_status("Word exports use the plain style")
            if answer != "choose":
                return
        folder = str(Path(current).parent) if current else self._last_folder()
        path, _ = QFileDialog.getOpenFileName(self, "Choose the Word template", folder, WORD_TEMPLATE_FILTER)
        if path:
            self.settings.setValue(WORD_TEMPLATE_KEY, path)
            self.show_status(f"Word exports use {Path(path).name}")

    def choose_own_words(self) -> None:
        """Read the council's own vocabulary file into the project (undoably): its words count at once."""
        from desktop_app.domain.resource_files import ResourceFileError
        from desktop_app.domain.vocabulary import read_own_words
        from desktop_app.workspace import OWN_WORDS

        current = self.project.settings.get(OWN_WORDS)
        if current:
            answer = messages.ask(
                self,
                "Council's own words",
                "This project has its own words. Read them again from a vocabulary file, or forget them?",
                {"choose": "&Choose a file…", "forget": "&Forget them", "cancel": "Cancel"},
            )
            if answer == "forget":
                self.edit("Forget the council's own words", self._set_own_words, current, None)
                self.show_status("The shipped words only")
            if answer != "choose":
                return
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose your vocabulary file", self._last_folder(), "Vocabulary file (*.toml)"
        )
        if not path:
            return
        try:
            words = read_own_words(Path(path))
        except ResourceFileError as exc:
            messages.warn(self, "Those words cannot be used", str(exc))
            return
        self.edit(f"Use the words of {Path(path).name}", self._set_own_words, current, words or None)
        unknown = self.workspace.unknown_outcome_words()
        still = "; outcome words still unknown: " + ", ".join(f"'{w}' ({n})" for w, n in unknown.items())
        self.show_status(f"Using the words of {Path(path).name}" + (still if unknown else ""))

    def _set_own_words(self, words) -> None:
        from desktop_app.workspace import OWN_WORDS

        self.project.set_setting(OWN_WORDS, words)

    def edit_chart_texts(self) -> None:
        """The performance appendix's charts, each with what a screen reader says for it, to read or replace."""
        from desktop_app.export import performance_report_document
        from desktop_app.gui.chart_texts_dialog import SETTING as CHART_TEXTS
        from desktop_app.gui.chart_texts_dialog import ChartTextsDialog

        if self.workspace.indicators() is None:
            messages.inform(self, "No charts yet", "Import an indicator return first (File > Import returns).")
            return
        authored = dict(self.project.settings.get(CHART_TEXTS, {}))
        try:
            document = performance_report_document(*self._performance_inputs(), self.page_options(), authored)
        except ValueError as exc:
            messages.warn(self, "The charts cannot be shown", str(exc))
            return
        charts = list(document.charts())
        if not charts:
            messages.inform(self, "No charts", "The performance appendix has no charts with these returns.")
            return
        dialog = ChartTextsDialog(charts, authored, self)
        if dialog.exec():
            after = dialog.authored() or None
            self.edit(
                "Edit chart descriptions",
                lambda value: self.project.set_setting(CHART_TEXTS, value),
                self.project.settings.get(CHART_TEXTS),
                after,
            )

    def page_options(self):
        """The agenda pack's conventions for this report: agenda item, first page number, odd-page start."""
        return self.workspace.page_options()

    # --- background work ------------------------------------------------------------

    def _run(self, function, *args, text: str, done) -> None:
        from desktop_app.gui.background import BackgroundTask

        if self.task and self.task.running:
            messages.inform(
                self, "Please wait", "Scrutiny Studio is still busy with the last task; wait for it or cancel it."
            )
            return
        self.task = BackgroundTask(function, *args, parent=self)
        self.task.progress.connect(lambda fraction, step: self._show_progress(fraction, f"{text}: {step}"))
        self.task.finished.connect(lambda result: (self._idle(), done(result)))
        self.task.failed.connect(lambda reason: (self._idle(), messages.warn(self, "That did not work", reason)))
        self.task.cancelled.connect(lambda: (self._idle(), self.show_status("Cancelled")))
        self._show_progress(0.0, text)
        self.task.start()

    def cancel_task(self) -> None:
        if self.task:
            self.task.cancel()

    def _show_progress(self, fraction: float, text: str) -> None:
        self.progress_bar.setValue(int(fraction * 1000))
        self.progress_bar.show()
        self.cancel_button.show()
        self.status_text.setText(text)

    def _idle(self) -> None:
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.status_text.setText("Ready")

    def show_status(self, text: str) -> None:
        self.status_text.setText(text)

    # --- files dropped on the window ------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from desktop_app.project.store import PROJECT_SUFFIX

        if any(
            Path(url.toLocalFile()).suffix.lower() in RETURN_SUFFIXES | {PROJECT_SUFFIX}
            for url in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from desktop_app.project.store import PROJECT_SUFFIX

        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()]
        projects = [p for p in paths if p.suffix == PROJECT_SUFFIX]
        returns = [p for p in paths if p.suffix.lower() in RETURN_SUFFIXES]
        if projects:
            self.open_project(projects[0])
        elif returns:
            self.import_paths(returns)
        event.acceptProposedAction()

    # --- settings that persist --------------------------------------------------------

    def _last_folder(self) -> str:
        return str(self.settings.value("last_folder", str(Path.home())))

    def recent_projects(self) -> list[str]:
        recent = self.settings.value("recent_projects", []) or []
        return [recent] if isinstance(recent, str) else list(recent)

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_projects() if p != str(path)]
        self.settings.setValue("recent_projects", recent[:MAX_RECENT])
        self.settings.setValue("last_folder", str(path.parent))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, recent in enumerate(self.recent_projects(), start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(recent).name}")
            action.setToolTip(recent)
            action.triggered.connect(lambda checked=False, recent=recent: self.open_project(Path(recent)))
        if not self.recent_menu.actions():
            self.recent_menu.addAction("(none yet)").setEnabled(False)

    def fit_screen(self, free: QRect | None = None) -> None:
        """First start: 1280x800, or nine tenths of the screen's free area (`free`, by default the screen's
        available geometry) where that is smaller, centred on it."""
        if free is None:
            screen = self.screen() or QApplication.primaryScreen()
            if screen is None:
                self.resize(1280, 800)
                return
            free = screen.availableGeometry()
        size = QSize(min(1280, free.width() * 9 // 10), min(800, free.height() * 9 // 10))
        self.resize(size.expandedTo(self.minimumSizeHint()).boundedTo(free.size()))
        self.move(free.center() - self.rect().center())

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):  # Qt keeps a restored window on its screen
            self.fit_screen()
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            QTimer.singleShot(0, self.check_file_on_disk)  # after the activation, not inside it

    def check_file_on_disk(self) -> None:
        """Say once that someone else changed the project file, and offer to reopen it (never reloaded unasked)."""
        if not self._changed_on_disk():
            return
        from desktop_app.project.lock import FileStamp

        stamp = FileStamp.of(self.path)
        if stamp == self._told_about:
            return
        self._told_about = stamp
        name = self.path.name
        self.show_status(f"{name} was changed on disk by someone else since you opened or saved it here")
        lost = " (your changes here would be lost)" if self.dirty else ""
        answer = messages.ask(
            self,
            "Changed by someone else",
            f"{name} was changed on disk since you opened or last saved it here. Reopen it to see the changes{lost}?",
            {"reopen": "&Reopen it", "keep": "&Keep this version"},
        )
        if answer == "reopen":
            self.open_project(self.path, ask=False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.waiting or not self._may_discard():  # not while a project is being read: the window stays open
            event.ignore()
            return
        if self.task and self.task.running:
            self.task.cancel()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.editors_built:  # else there is no project to keep a recovery copy of, nor a splitter moved
            self.figures.shut_down()
            self.settings.setValue("window/returns_splitter", self.returns_tab.splitter.saveState())
            self._discard_recovery()
            self.import_locations.flush()  # where the files were read from is on disk before the window goes
        self._hold(_Claim(None))
        event.accept()


def _write_recovery(project: Project, data_folder: Path, key: Path | None) -> None:
    """The autosave's thread: write the recovery copy (a failure is logged; the next autosave tries again)."""
    from desktop_app.project import store

    try:
        store.save_recovery(project, data_folder, key)
    except OSError:
        log.exception("autosave failed")


def _import_with_mapping(
    path: str, mapping_file: str, own_words, sheet: str, kind, mapping: dict[str, str], progress=None
):
    """One file read again with the user's kind and columns for one sheet (runs in the background)."""
    from desktop_app.domain.vocabulary import load_vocabulary
    from desktop_app.excel.importer import FileImport, Importer
    from desktop_app.excel.mappings import MappingFile

    vocabulary = load_vocabulary(own_words=own_words) if own_words else None
    importer = Importer(vocabulary=vocabulary, mappings=MappingFile(Path(mapping_file)))
    try:
        result = importer.import_file(Path(path), kinds={sheet: kind}, overrides={sheet: mapping}, progress=progress)
    except Exception as exc:  # WorkbookError and the like: the file changed since
        return [FileImport(path, error=str(exc))]
    return [FileImport(path, result)]
