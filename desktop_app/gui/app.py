"""Starting the window: the application object, the user's data folder, logging, and what to open.

Errors nobody foresaw reach the user as one plain message; the traceback goes to
the log file in the user's data folder, never on screen.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.gui import messages
from desktop_app.gui.main_window import PROJECT_SUFFIX, MainWindow
from desktop_app.paths import RESOURCES, SAMPLE_DATA

log = logging.getLogger("scrutiny")
SAMPLE_RETURNS = (
    "complaints_log_2021-2023.xlsx",
    "childrens_performance_2023.xlsx",
    "benchmarks_2023.xlsx",
    "survey_2023-24.xlsx",
    "population_2023.xlsx",
    "monthly_series_2021-2023.xlsx",
)


def data_folder() -> Path:
    """The user's own folder for logs, recovery copies and remembered mappings (the only place we write)."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def set_up_logging(folder: Path) -> Path:
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / "scrutiny-studio.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
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


def open_window(paths: list[Path]) -> MainWindow:
    """The main window on `paths` (a project, or returns to import), or on the bundled sample returns."""
    folder = data_folder()
    log_file = set_up_logging(folder)

    def report_unexpected(kind, value, trace) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, trace)))
        messages.warn(
            window,
            "Something went wrong",
            f"Scrutiny Studio hit a problem it did not expect ({value}). Your work is still open: "
            f"save it under a new name to be safe. The details are in {log_file}.",
        )

    window = MainWindow(folder)
    sys.excepthook = report_unexpected
    window.show()
    projects = [p for p in paths if p.suffix == PROJECT_SUFFIX]
    returns = [p for p in paths if p.suffix != PROJECT_SUFFIX]
    if projects:
        QTimer.singleShot(0, lambda: window.open_project(projects[0]))
    elif returns:
        QTimer.singleShot(0, lambda: window.import_paths(returns))
    else:
        sample = [SAMPLE_DATA / name for name in SAMPLE_RETURNS if (SAMPLE_DATA / name).exists()]
        QTimer.singleShot(0, lambda: window.offer_pending_recovery() or window.open_sample(sample))
    return window


def run(paths: list[Path]) -> int:
    app = application()
    window = open_window(paths)  # noqa: F841 - kept alive while the event loop runs
    return app.exec()
