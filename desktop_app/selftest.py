"""The installation's self-test: how IT checks that Scrutiny Studio works on a machine.

    python -m desktop_app selftest          (from source)
    ScrutinyStudio selftest                 (the installed application; on Windows
                                             `start /wait "" ScrutinyStudio.exe selftest`)

Opens the main window off screen on the bundled sample returns, imports them
through the same background process a user's import takes, recalculates the
complaints figures and the indicators, exports the appendices to a temporary
folder and reads the PDFs back. Prints one line per check (PASS or FAIL and
why) and exits 0 when every check passed, 1 otherwise; never a traceback.

It writes only to a temporary folder (deleted at the end): the window's data
folder and settings are temporary too, so the user's own are not touched. The
user's real data folder is only looked at (is it outside the install folder,
and can it be written?). A frozen build also checks that nothing in the install
folder changed, so it runs from a read-only one (Program Files).

    --measure-startup   open the window as the application does, print the wall-clock
                        time of its first paint ("first-paint <seconds since the epoch>")
                        and quit (benchmarks/bench_startup.py runs it)
    --timeout SECONDS   the longest one background task may take (default 300)

Heavy modules (Qt, pandas, ReportLab) are imported inside the checks, so a
failing import is reported as a failed check like any other.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

EXIT_PASSED, EXIT_FAILED = 0, 1
DEFAULT_TIMEOUT = 300.0
#: What the sample complaints log gives for 2022-23 (seed 002): 98 statutory Stage 1 complaints.
EXPECTED_STAGE_1 = ("childrens_statutory", "1", 98)
EXPECTED_COMPLAINTS_TEXT = ("Stage 1 98 ", "Complaints Annual Report")  # the Stage 1 row of the table
EXPECTED_PERFORMANCE_TEXT = ("Performance Dashboard", "66.5%")
#: Appendix writers that may not be in every version: checked when their module is there.
OPTIONAL_WRITERS = {"performance report": "desktop_app.pdf.performance_report", "cover report": "desktop_app.pdf.cover"}


class CheckFailed(Exception):
    """A check's plain-English reason for failing."""


def main(argv: list[str] | None = None) -> int:
    """`selftest [--measure-startup] [--timeout SECONDS]`: the exit status."""
    _attach_console()
    parser = argparse.ArgumentParser(prog="selftest", description=__doc__.splitlines()[0])
    parser.add_argument("--measure-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help="the longest one background task may take, in seconds (default %(default)s)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.measure_startup:
        return measure_startup()
    return run_selftest(timeout=args.timeout)


def run_selftest(timeout: float = DEFAULT_TIMEOUT) -> int:
    """Run every check, print a line for each, and return 0 when all passed, 1 otherwise."""
    try:
        return _SelfTest(timeout).run()
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            _say("FAIL  self-test: interrupted")
        else:
            _say(f"FAIL  self-test: stopped by an error it did not expect ({_reason(exc)})")
        return EXIT_FAILED


# --- the checks ----------------------------------------------------------------------------


class _SelfTest:
    def __init__(self, timeout: float):
        self.timeout = timeout
        self.results: list[tuple[str, bool]] = []
        self.boxes: list[tuple[str, str, str]] = []  # message boxes the window would have shown
        self.app = self.window = None
        self.pdfs: dict[str, Path] = {}

    def run(self) -> int:
        import tempfile

        from desktop_app import __version__

        frozen = getattr(sys, "frozen", False)
        where = install_folder()
        _say(f"Scrutiny Studio {__version__} self-test ({'installed at' if frozen else 'from source in'} {where})")
        before = _snapshot(where) if frozen else None
        _prepare_qt()
        with tempfile.TemporaryDirectory(prefix="scrutiny-selftest-", ignore_cleanup_errors=True) as folder:
            self.folder = Path(folder)
            self.check("Qt", self.qt)
            self.check("files", self.files)
            self.check("user data folder", self.user_data_folder)
            self._test_mode()  # from here on nothing can reach the user's real folders, even by mistake
            self.check("window", self.open_window)
            self.check("modules", self.modules)
            self.check("forms", self.forms)
            self.check("import", self.import_samples)
            self.check("complaints figures", self.complaints_figures)
            self.check("indicators", self.indicators)
            self.check("preview", self.preview)
            self.check("complaints report", self.export_complaints_report)
            self.check("complaints report PDF", lambda: self.read_pdf("complaints", EXPECTED_COMPLAINTS_TEXT))
            self.optional("performance report", self.write_performance_report)
            if "performance" in self.pdfs:
                self.check("performance report PDF", lambda: self.read_pdf("performance", EXPECTED_PERFORMANCE_TEXT))
            self.optional("cover report", self.write_cover_report)
            self.check("background work", self.background_ended)
            self.close_window()
        if before is not None:
            self.check("install folder", lambda: _unchanged(where, before))
        failed = [name for name, passed in self.results if not passed]
        if failed:
            _say(f"{len(failed)} of {len(self.results)} checks failed: {', '.join(failed)}")
            return EXIT_FAILED
        _say(f"All {len(self.results)} checks passed")
        return EXIT_PASSED

    def check(self, name: str, step: Callable[[], str]) -> bool:
        """Run one check; PASS with what it found, or FAIL with why."""
        try:
            found = step()
        except Exception as exc:
            self.results.append((name, False))
            _say(f"FAIL  {name}: {_reason(exc)}")
            return False
        self.results.append((name, True))
        _say(f"PASS  {name}: {found}")
        return True

    def optional(self, name: str, step: Callable[[], str]) -> None:
        """A check of a writer that is not in every version: absent is not a failure, broken is."""
        import importlib.util

        if importlib.util.find_spec(OPTIONAL_WRITERS[name]) is None:
            _say(f"SKIP  {name}: not in this version")
            return
        self.check(name, step)

    def needs_window(self) -> None:
        if self.window is None:
            raise CheckFailed("not run: the window did not open")

    def needs_import(self) -> None:
        self.needs_window()
        if not self.window.project.imports:
            raise CheckFailed("not run: the sample returns were not imported")

    # --- what is checked -----------------------------------------------------------------

    def qt(self) -> str:
        import PySide6
        from PySide6 import QtCore, QtGui, QtUiTools, QtWidgets  # noqa: F401 - every Qt module the window uses

        return f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}"

    def files(self) -> str:
        from desktop_app.paths import FORMS, RESOURCES, SAMPLE_DATA, SAMPLE_RETURNS

        missing = [str(folder) for folder in (RESOURCES, FORMS, SAMPLE_DATA) if not folder.is_dir()]
        missing += [f"sample_data/{name}" for name in SAMPLE_RETURNS if not (SAMPLE_DATA / name).is_file()]
        forms = sorted(FORMS.glob("*.ui")) if FORMS.is_dir() else []
        if not forms:
            missing.append("forms/*.ui")
        if missing:
            raise CheckFailed(f"missing from this installation: {', '.join(missing)}")
        resources = sum(1 for path in RESOURCES.rglob("*") if path.is_file())
        return f"{resources} resource files, {len(forms)} forms, {len(SAMPLE_RETURNS)} sample returns"

    def user_data_folder(self) -> str:
        """Where logs and recovery copies go: resolved, not written to."""
        from PySide6.QtCore import QStandardPaths

        self._application()
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
        if not location:
            raise CheckFailed("this system gives no folder for the user's application data")
        folder = Path(location).resolve()
        if getattr(sys, "frozen", False) and folder.is_relative_to(install_folder().resolve()):
            raise CheckFailed(f"{folder} is inside the install folder")
        existing = folder
        while not existing.exists() and existing.parent != existing:
            existing = existing.parent
        if not os.access(existing, os.W_OK):
            raise CheckFailed(f"{existing} cannot be written, so {folder} cannot hold the logs and recovery copies")
        return f"{folder} ({'exists' if folder.exists() else 'will be made on first start'}, writable)"

    def open_window(self) -> str:
        from PySide6.QtCore import QSettings

        from desktop_app.gui import messages
        from desktop_app.gui.main_window import MainWindow

        app = self._application()
        messages.answer_for_tests = self._answer_box
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(self.folder / "data", settings)
        self.window.show()
        painted = _wait_for_paint(app, self.window, seconds=30)
        if not painted:
            raise CheckFailed("the window was shown but never painted")
        tabs = [self.window.tabs.tabText(n).replace("&", "") for n in range(self.window.tabs.count())]
        return (
            f"painted on Qt's '{app.platformName()}' platform, {self.window.width()}x{self.window.height()}, "
            f"tabs {', '.join(tabs)}"
        )

    def modules(self) -> str:
        """Every module of the application imports: nothing it needs was left out of the build."""
        import importlib
        import pkgutil

        import desktop_app

        names = sorted(
            found.name
            for found in pkgutil.walk_packages(desktop_app.__path__, "desktop_app.")
            if found.name not in ("desktop_app.__main__", __name__)
        )
        if not names:
            raise CheckFailed("the application's modules cannot be listed")
        failed = []
        for name in names:
            try:
                importlib.import_module(name)
            except Exception as exc:
                failed.append(f"{name} ({_reason(exc)})")
        if failed:
            raise CheckFailed(f"{len(failed)} of {len(names)} modules do not import: {'; '.join(failed)}")
        return f"all {len(names)} modules of the application import"

    def forms(self) -> str:
        from desktop_app.gui.forms import load_form
        from desktop_app.paths import FORMS

        names = sorted(path.stem for path in FORMS.glob("*.ui"))
        loaded = []
        for name in names:
            widget = load_form(name)
            if widget is None:
                raise CheckFailed(f"forms/{name}.ui did not load")
            loaded.append(f"{name} ({widget.metaObject().className()})")
            widget.deleteLater()
        return f"loaded {', '.join(loaded)}"

    def import_samples(self) -> str:
        from desktop_app.domain.returns import ReturnKind
        from desktop_app.paths import SAMPLE_DATA, SAMPLE_RETURNS

        self.needs_window()
        started = time.perf_counter()
        self.window.open_sample(
            [SAMPLE_DATA / name for name in SAMPLE_RETURNS]
        )  # what "Look around the sample report" does
        self._wait_for_task("importing the sample returns")
        imported = self.window.project.imports
        if len(imported) != len(SAMPLE_RETURNS):
            got = {item.provenance.file for item in imported}
            missing = [name for name in SAMPLE_RETURNS if name not in got]
            raise CheckFailed(
                f"{len(imported)} of {len(SAMPLE_RETURNS)} sample returns imported (not: {', '.join(missing)})"
            )
        rows = len(self.window.project.frame(ReturnKind.COMPLAINTS_LOG))
        if not rows:
            raise CheckFailed("the sample complaints log gave no rows")
        sheets = sum(len(item.sheets) for item in imported)
        return (
            f"{len(imported)} files, {sheets} sheets, {rows} complaints, in a background process, "
            f"{time.perf_counter() - started:.1f} s"
        )

    def complaints_figures(self) -> str:
        self.needs_import()
        summary = self.window.workspace.complaints()
        if summary is None:
            raise CheckFailed("no complaints summary from the imported log")
        procedure, stage, expected = EXPECTED_STAGE_1
        stages = summary.stages
        found = stages[(stages["procedure"] == procedure) & (stages["stage"].astype(str) == stage)]["received"]
        if len(found) != 1 or int(found.iloc[0]) != expected:
            got = found.tolist() if len(found) else "nothing"
            raise CheckFailed(
                f"{summary.period.label} {procedure} stage {stage} received: expected {expected}, got {got}"
            )
        figures = self.window.workspace.figures()
        return (
            f"{summary.period.label}: {expected} {procedure.replace('_', ' ')} Stage {stage} complaints, "
            f"{len(figures)} live figures"
        )

    def indicators(self) -> str:
        self.needs_import()
        results = self.window.workspace.indicators()
        if results is None:
            raise CheckFailed("the sample returns gave no indicators")
        table = results.table
        with_values = int(table["value"].notna().sum())
        if not with_values:
            raise CheckFailed(f"{len(table)} indicators, none with a value")
        return f"{len(table)} indicators, {with_values} with a value"

    def preview(self) -> str:
        """The Preview tab draws the appendix's pages in a background process when it is shown."""
        self.needs_import()
        tab = self.window.preview_tab
        self.window.tabs.setCurrentWidget(tab)
        self.app.processEvents()
        if tab.task is None:
            raise CheckFailed("showing the Preview tab started no drawing")
        self._wait_for_task("drawing the preview", tab.task)
        if not tab.pages:
            raise CheckFailed(f"no pages were drawn ({tab.status.text()})")
        width = tab.image.pixmap().width() if tab.image.pixmap() is not None else 0
        if width <= 0:
            raise CheckFailed("the first page was drawn but not shown")
        self.window.tabs.setCurrentIndex(0)
        return f"{len(tab.pages)} pages drawn in a background process, the first shown {width} pixels wide"

    def export_complaints_report(self) -> str:
        self.needs_import()
        path = self.folder / "Complaints annual report.pdf"
        self.window.export_to(path)  # what File > Export does once the user has chosen the file
        self._wait_for_task("writing the complaints report")
        if not path.is_file():
            raise CheckFailed(f"{path.name} was not written")
        self.pdfs["complaints"] = path
        return f"{path.name} written in a background process ({path.stat().st_size:,} bytes)"

    def write_performance_report(self) -> str:
        from desktop_app.domain.returns import ReturnKind
        from desktop_app.report.model import PageOptions

        self.needs_import()
        from desktop_app.pdf.performance_report import write_performance_report as write

        results = self.window.workspace.indicators()
        if results is None:
            raise CheckFailed("not run: no indicators")
        project = self.window.project
        weekly, monthly = project.frame(ReturnKind.WEEKLY_SERIES), project.frame(ReturnKind.MONTHLY_SERIES)
        path = self.folder / "Performance report.pdf"
        write(
            results,
            path,
            options=PageOptions(),
            weekly=weekly if len(weekly) else None,
            monthly=monthly if len(monthly) else None,
        )
        self.pdfs["performance"] = path
        return f"{path.name} written ({path.stat().st_size:,} bytes)"

    def write_cover_report(self) -> str:
        from desktop_app.pdf.cover import write_cover_report as write
        from desktop_app.report.cover_template import SAMPLE_COVER

        path = self.folder / "Cover report.pdf"
        written, problems = write(SAMPLE_COVER, "sefton", path)
        pages, text = _pdf_text(Path(written))
        if "Social Care Performance" not in text:
            raise CheckFailed(f"{path.name} ({pages} pages) does not say 'Social Care Performance'")
        return f"{path.name} written and read back ({pages} pages, {len(problems)} notes for the author)"

    def read_pdf(self, name: str, expected: tuple[str, ...]) -> str:
        path = self.pdfs.get(name)
        if path is None:
            raise CheckFailed(f"not run: the {name} report was not written")
        pages, text = _pdf_text(path)
        missing = [words for words in expected if words not in text]
        if missing:
            raise CheckFailed(f"{path.name} ({pages} pages) does not say: {'; '.join(missing)}")
        return f"{pages} pages, says {', '.join(repr(words) for words in expected)}"

    def background_ended(self) -> str:
        import multiprocessing

        if self.window is not None and self.window.task is not None and self.window.task.running:
            self.window.task.cancel()
            raise CheckFailed("a background task was still running at the end")
        deadline = time.monotonic() + 10
        while multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.05)
        left = multiprocessing.active_children()
        if left:
            for child in left:
                child.terminate()
            raise CheckFailed(f"{len(left)} background processes were left running")
        unexpected = [f"{title}: {text}" for kind, title, text in self.boxes if kind == "warn"]
        if unexpected:
            raise CheckFailed("the window warned: " + " | ".join(unexpected))
        return "every background process has ended, no warnings shown"

    def close_window(self) -> None:
        """Close the window as a user would (it saves its layout to the temporary settings)."""
        window, self.window = self.window, None
        try:
            if window is not None:
                window.close()
                window.deleteLater()
                self.app.processEvents()
        except Exception as exc:
            self.results.append(("closing the window", False))
            _say(f"FAIL  closing the window: {_reason(exc)}")
        messages = sys.modules.get("desktop_app.gui.messages")
        if messages is not None:
            messages.answer_for_tests = None

    # --- helpers ----------------------------------------------------------------------------

    def _application(self):
        if self.app is None:
            from desktop_app.gui.app import application

            self.app = application([sys.argv[0] if sys.argv else "selftest"])
        return self.app

    def _test_mode(self) -> None:
        try:
            from PySide6.QtCore import QStandardPaths
        except ImportError:  # already reported by the Qt check
            return
        QStandardPaths.setTestModeEnabled(True)

    def _answer_box(self, kind: str, title: str, text: str):
        """Message boxes are answered, never shown: no to recovering work, discard on closing."""
        self.boxes.append((kind, title, text))
        return {"ask_save": "discard", "ask_yes_no": False}.get(kind)

    def _wait_for_task(self, doing: str, task=None) -> None:
        """Run the event loop until the window's background task (or `task`) is over; FAIL on a warning."""
        from PySide6.QtCore import QEventLoop

        task = task or self.window.task
        if task is None:
            raise CheckFailed(f"{doing}: no background task was started")
        warned = len(self.boxes)
        deadline = time.monotonic() + self.timeout
        while task.running:
            if time.monotonic() > deadline:
                task.cancel()
                raise CheckFailed(f"{doing} took longer than {self.timeout:.0f} s, so it was cancelled")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)
        self.app.processEvents()
        problems = [f"{title}: {text}" for kind, title, text in self.boxes[warned:] if kind == "warn"]
        if problems:
            raise CheckFailed(f"{doing} failed: {' | '.join(problems)}")


# --- start-up time ----------------------------------------------------------------------------


def measure_startup() -> int:
    """Open the window as `python -m desktop_app` does; print when it first painted and when its tabs were
    built after that; quit.

    The data folder and settings are temporary, and the window opens on its start page, as at a real start
    with no file named; the tabs are built after the first paint, as gui/app.py builds them. It is started
    as `desktop_app selftest --measure-startup`, through desktop_app.cli, so what the application imports
    before its window is imported already (and this module never imports the command line).
    """
    import tempfile

    from PySide6.QtCore import QSettings

    from desktop_app.gui import messages
    from desktop_app.gui.app import application
    from desktop_app.gui.main_window import MainWindow

    app = application([sys.argv[0] if sys.argv else "selftest"])
    messages.answer_for_tests = lambda kind, title, text: {"ask_save": "discard"}.get(kind)
    with tempfile.TemporaryDirectory(prefix="scrutiny-startup-", ignore_cleanup_errors=True) as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Path(folder) / "data", settings)
        window.show_start_page()
        window.show()
        painted = _wait_for_paint(app, window, seconds=60)
        if painted is None:
            _say("FAIL  start-up: the window was never painted")
            return EXIT_FAILED
        _say(f"first-paint {painted:.6f}")
        window.build_editors()
        _say(f"tabs-built {time.time():.6f}")
        window.close()
        app.processEvents()
    return EXIT_PASSED


def _wait_for_paint(app, window, seconds: float) -> float | None:
    """Run the event loop until `window` has been painted and flushed; the wall-clock time it was."""
    from PySide6.QtCore import QEventLoop

    from desktop_app.gui.first_paint import after_first_paint

    painted: list[float] = []
    after_first_paint(window, lambda: painted.append(time.time()))
    deadline = time.monotonic() + seconds
    while not painted and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return painted[0] if painted else None


# --- the installation -----------------------------------------------------------------------


def install_folder() -> Path:
    """The folder the application runs from: the executable's, or the source tree's."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[1]


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    snapshot = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            try:
                found = path.stat()
            except OSError:
                continue
            snapshot[str(path.relative_to(folder))] = (found.st_size, found.st_mtime_ns)
    return snapshot


def _unchanged(folder: Path, before: dict[str, tuple[int, int]]) -> str:
    after = _snapshot(folder)
    added = sorted(set(after) - set(before))
    changed = sorted(name for name in set(after) & set(before) if after[name] != before[name])
    removed = sorted(set(before) - set(after))
    if added or changed or removed:
        parts = [
            f"{label}: {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}"
            for label, names in (("added", added), ("changed", changed), ("removed", removed))
            if names
        ]
        raise CheckFailed(f"the self-test wrote into the install folder ({'; '.join(parts)})")
    return f"nothing written under {folder} ({len(after)} files)"


def _pdf_text(path: Path) -> tuple[int, str]:
    """The PDF's page count and its text, spaces collapsed; raises CheckFailed when it cannot be opened."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception as exc:
        raise CheckFailed(f"{path.name} does not open as a PDF ({_reason(exc)})") from None
    try:
        texts = []
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        pages = len(document)
    finally:
        document.close()
    if not pages:
        raise CheckFailed(f"{path.name} has no pages")
    return pages, " ".join(" ".join(texts).split())


def _prepare_qt() -> None:
    """Off screen, only for the self-test (the application itself always uses the real screen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.platform == "win32" and "QT_QPA_FONTDIR" not in os.environ:
        # Qt's offscreen platform looks for fonts beside Qt (where there are none) on Windows
        os.environ["QT_QPA_FONTDIR"] = str(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")


def _attach_console() -> None:
    """A windowed Windows build has no console: print into the one it was started from, if any."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")
            sys.stderr = sys.stdout
    except (OSError, AttributeError):
        pass


def _reason(exc: BaseException) -> str:
    if isinstance(exc, CheckFailed):
        return str(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _say(line: str) -> None:
    if sys.stdout is None:  # a windowed build started with no console
        return
    try:
        print(line, flush=True)
    except (OSError, UnicodeEncodeError, ValueError):
        pass


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
