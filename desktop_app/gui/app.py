"""Starting the window: the application object, the user's data folder, logging, and what to open.

Errors nobody foresaw reach the user as one plain message; the traceback goes to
the log file in the user's data folder, never on screen. A mistake in a settings
file under resources/ is the command line's one sentence in a dialog, and the
application ends with status 2 (there is no other set of settings to start with).
The data folder and the log are readable by the user alone; what a killed save
left there is removed at the start.

The window is drawn first, on its start page, before pandas and the tabs are
imported; the settings files are checked, the tabs built and the project opened
(or the returns imported, or unsaved work offered back) just after that first
paint (gui/first_paint.py).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import __version__, safe_files
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.gui import messages
from desktop_app.gui.first_paint import after_first_paint
from desktop_app.gui.main_window import MainWindow
from desktop_app.paths import RESOURCES

log = logging.getLogger("scrutiny")
#: The exit status when a settings file cannot be used (as the command line's for an unreadable input).
EXIT_SETTINGS = 2


def data_folder() -> Path:
    """The user's own folder for logs, recovery copies and remembered mappings (the only place we write)."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    return safe_files.private_folder(folder)


def set_up_logging(folder: Path) -> Path:
    """The log in `folder`, readable by the user alone (it names files and may quote cells), rotated as usual
    (logging.handlers is imported here, after the window's first paint: it brings sockets and pickling)."""
    import logging.handlers

    class PrivateLogHandler(logging.handlers.RotatingFileHandler):
        def _open(self):
            mode = safe_files.PRIVATE_FILE_MODE
            descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, mode)
            if sys.platform != "win32":
                os.fchmod(descriptor, mode)  # a log an older version left readable
            return os.fdopen(descriptor, self.mode, encoding=self.encoding, errors=self.errors)

    logs = safe_files.private_folder(folder / "logs")
    path = logs / "scrutiny-studio.log"
    handler = PrivateLogHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("scrutiny")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return path


def application(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("Scrutiny Studio")
    QCoreApplication.setApplicationName("Scrutiny Studio")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationDisplayName("Scrutiny Studio")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "scrutiny-studio.png")))
    return app


def settings_problem() -> str | None:
    """The one sentence the command line gives for a mistake in a shipped settings file, or None."""
    from desktop_app.domain.indicators import load_catalogue
    from desktop_app.domain.rules import load_rules
    from desktop_app.domain.vocabulary import load_vocabulary
    from desktop_app.excel.headers import load_returns_vocabulary
    from desktop_app.report.performance_text import load_performance_text
    from desktop_app.report.statuses import load_statuses
    from desktop_app.report.text import load_report_text

    try:
        load_rules()
        load_returns_vocabulary(load_vocabulary())
        load_catalogue()
        load_statuses()
        load_report_text()
        load_performance_text()
    except ResourceFileError as exc:
        return str(exc)
    return None


def remove_left_overs(folder: Path, recent_projects: list[str]) -> None:
    """What saves killed part way left (whole copies of a report): in the data folder and beside recent projects."""
    safe_files.remove_stale_temporaries_under(folder)
    for recent in recent_projects:
        safe_files.remove_stale_temporaries(Path(recent))


def warn_settings_problem(parent, problem: str) -> None:
    log.error("cannot start: %s", problem)
    messages.warn(
        parent,
        "Scrutiny Studio cannot start",
        f"{problem}\n\nThe settings files are in {RESOURCES}. Put the mistake right there, "
        "or ask IT to reinstall Scrutiny Studio, and start it again.",
    )


def open_window(paths: list[Path]) -> MainWindow:
    """The main window on `paths` (a project, or returns to import), or on the start page (after offering back
    unsaved work); where a settings file has a mistake, the window says so and the application ends with
    EXIT_SETTINGS."""
    folder = data_folder()

    def start() -> None:
        """Once the window is drawn: the log, and what was asked for, with the tabs built to show it."""
        from desktop_app.project.store import PROJECT_SUFFIX

        log_file = set_up_logging(folder)

        def report_unexpected(kind, value, trace) -> None:
            log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, trace)))
            messages.warn(
                window,
                "Something went wrong",
                f"Scrutiny Studio hit a problem it did not expect ({value}). Your work is still open: "
                f"save it under a new name to be safe. The details are in {log_file}.",
            )

        sys.excepthook = report_unexpected
        problem = settings_problem()
        if problem:
            warn_settings_problem(window, problem)
            window.close()
            QApplication.exit(EXIT_SETTINGS)
            return
        remove_left_overs(folder, window.recent_projects())
        window.build_editors()  # on the start page, behind it; else in place of it
        window.start_page.setEnabled(True)
        projects = [p for p in paths if p.suffix == PROJECT_SUFFIX]
        returns = [p for p in paths if p.suffix != PROJECT_SUFFIX]
        if projects:
            window.open_project(projects[0])
        elif returns:
            window.import_paths(returns)
        else:
            window.offer_pending_recovery()  # a recovered report goes to the tabs

    window = MainWindow(folder)
    if paths:  # drawn while the tabs are built to show the file, not to be clicked meanwhile
        window.start_page.setEnabled(False)
        window.show_status(f"Opening {paths[0].name}…")
    else:
        window.show_start_page()  # before it is shown: the first paint is the start page, not empty tabs
    window.show()
    after_first_paint(window, start)
    return window


def run(paths: list[Path]) -> int:
    app = application()
    window = open_window(paths)  # noqa: F841 - kept alive while the event loop runs
    return app.exec()
