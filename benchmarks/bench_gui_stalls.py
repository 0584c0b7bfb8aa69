"""How long the window freezes while it works on a 100,000-row complaints project: the longest event-loop gap.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_stalls.py [--rows 100000] [--repeat 3]
        [--only "performance export" ...]

A QTimer on the GUI thread asks to run every 10 ms and notes when it does: the
longest gap between two of its runs while a piece of work is under way is the
longest the window could not answer a key or repaint (the goal: none over
100 ms). Each piece of work is started from the event loop, as a menu or a tab
starts it, and counted until its result is shown, plus a moment to settle:

    open        File > Open of a saved project: the sample returns and a synthetic 100,000-row log, until
                the Report tab shows its live figures (worked out on their thread, gui/background_figures.py)
    complaints  the Complaints tab shown for the first time
    limit edit  a Stage 1 time limit changed: every figure worked out again, until the Report tab shows them
    section edit  words typed into a section of the Report tab and kept, until its preview shows them filled
    preview     the Preview tab drawing the complaints appendix
    export      the complaints appendix written as a PDF
    performance check  the check before the performance appendix's export (its proof: the appendix laid out on
                the figures' thread, gui/background_figures.py), until it lists what it finds (answered "cancel")
    performance export  the same after an edit of the project's settings, answered "export anyway", and the
                appendix written as a PDF
    autosave    the recovery copy written after an edit (the three-minute timer's work)
    import      a 100,000-row .xlsx log read into a new report, until the Report tab shows its figures

The anchor is the longest gap of the same probe over an idle loop of one
second in the same window (what the timer itself and the machine's other work
cost); each figure is printed beside it with the ratio. Each run is a fresh window over the same files; prints the median of `--repeat`
runs of each (and the slowest), with each piece's wall time; `--only` runs the pieces named (and the open
they need). The machine may be busy with other work: say so beside the figures. Beside each piece is the
longest pass of Python's cyclic garbage collector in any of its runs: it holds Python's lock on whichever thread
it falls, so a long one is a stall of the window (a full pass over a 100,000-row project took 0.1-0.35 s
before the project and the imports' results were frozen out of its passes, gui/background.keep_long_lived).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import write_log
from bench_project import big_project
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.gui import messages
from desktop_app.gui.main_window import MainWindow
from desktop_app.project import store

TICK_MS = 10
SETTLE_S = 0.3
IDLE_S = 1.0
TIMEOUT_S = 600
#: How the message boxes and the check before an export are answered.
ANSWERS: dict[str, object] = {"ask_save": "discard", "ask_yes_no": False, "check_export": "export"}


def longest_gap(start: Callable[[], None], done: Callable[[], bool]) -> tuple[float, float, float]:
    """Run `start` from the event loop and the loop until `done()` (and SETTLE_S more); the longest gap
    between the probe's ticks in ms, the seconds until done, and the longest pass of Python's cyclic garbage
    collector meanwhile in ms (on any thread: it holds Python's lock throughout, so the window waits too)."""
    ticks: list[float] = []
    passes: list[float] = []
    began: list[float] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[:] = [time.perf_counter()]
        elif began:
            passes.append((time.perf_counter() - began[0]) * 1000)

    probe = QTimer()
    probe.setInterval(TICK_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    finished: list[float] = []

    def check() -> None:
        if not finished and done():
            finished.append(time.perf_counter())
        if finished and time.perf_counter() - finished[0] >= SETTLE_S:
            loop.quit()
        elif time.perf_counter() - started > TIMEOUT_S:
            raise SystemExit("the work did not finish in time")

    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(check)
    started = time.perf_counter()
    ticks.append(started)
    probe.start()
    poll.start()
    QTimer.singleShot(0, start)
    gc.callbacks.append(watch)
    try:
        loop.exec()
    finally:
        gc.callbacks.remove(watch)
    probe.stop()
    poll.stop()
    ticks.append(time.perf_counter())
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:])]
    return max(gaps), finished[0] - started, max(passes, default=0.0)


def task_over(window: MainWindow) -> bool:
    return window.task is not None and not window.task.running


def figures_shown(window: MainWindow) -> bool:
    """The Report tab shows the live figures of the project as it now is."""
    return not window.figures.busy and not window.report_tab.working_out


def set_stage1_limit(window: MainWindow, days: int) -> None:
    limits = {"childrens_statutory": {"1": {"response": {"limit": days}}}}
    window.edit("Stage 1 limit", lambda value: window.project.set_setting("limits", value), None, limits)


def edit_section(window: MainWindow, words: str) -> None:
    """Words added to the Report tab's first section and kept, as a pause in typing keeps them."""
    tab = window.report_tab
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    tab.editor.insertPlainText(words)
    tab.edit_pause.stop()
    tab.keep_section_text()


def export_performance(window: MainWindow, pdf: Path) -> None:
    """As File > Export performance report: the check before it (answered "export anyway"), then the export."""
    if window.checked_before_export("performance"):
        window.export_performance_to(pdf)


def one_run(
    folder: Path, project_path: Path, log_xlsx: Path, number: int, only: set[str] | None = None
) -> dict[str, tuple[float, float, float]]:
    settings = QSettings(str(folder / f"settings-{number}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder / f"data-{number}", settings)
    window.show()
    QApplication.processEvents()
    window.build_editors()
    idle_from: list[float] = []
    figures = {
        "idle": longest_gap(
            lambda: idle_from.append(time.perf_counter()),
            lambda: bool(idle_from) and time.perf_counter() - idle_from[0] > IDLE_S,
        )
    }
    figures["open"] = longest_gap(
        lambda: window.open_project(project_path), lambda: window.path == project_path and figures_shown(window)
    )

    def measure(name: str, start: Callable[[], None], done: Callable[[], bool]) -> None:
        if only is None or name in only:
            figures[name] = longest_gap(start, done)

    measure(
        "complaints",
        lambda: window.tabs.setCurrentWidget(window.complaints_tab),
        lambda: window.complaints_tab.pages.currentIndex() == 1,
    )
    measure("limit edit", lambda: set_stage1_limit(window, 15), lambda: figures_shown(window))
    window.tabs.setCurrentWidget(window.report_tab)
    window.report_tab.select_section(next(iter(window.report_tab.section_texts())))
    measure(
        "section edit",
        lambda: edit_section(window, " Stage 1 complaints: {statutory_stage1_received}."),
        lambda: (
            figures_shown(window)
            and re.search(r"Stage 1 complaints: [\d,]+\.", window.report_tab.preview.toPlainText()) is not None
        ),
    )
    preview = window.preview_tab
    measure(
        "preview",
        lambda: window.tabs.setCurrentWidget(preview),
        lambda: preview.task is not None and not preview.task.running and bool(preview.pages),
    )
    window.tabs.setCurrentWidget(window.returns_tab)
    pdf = folder / f"complaints-{number}.pdf"
    measure("export", lambda: window.export_to(pdf), lambda: task_over(window) and pdf.exists())
    checked: list[bool] = []

    def check_performance() -> None:
        ANSWERS["check_export"] = "cancel"
        checked.append(window.checked_before_export("performance"))
        ANSWERS["check_export"] = "export"

    measure("performance check", check_performance, lambda: bool(checked))
    window.edit("First page", lambda value: window.project.set_setting("first_page", value), None, 3)
    performance = folder / f"performance-{number}.pdf"
    measure(
        "performance export",
        lambda: export_performance(window, performance),
        lambda: task_over(window) and performance.exists(),
    )
    window.edit("Agenda item", lambda value: window.project.set_setting("agenda_item", value), None, 7)
    measure("autosave", window.autosave, lambda: not window.autosaving)
    window.new_project()
    measure(
        "import",
        lambda: window.import_paths([log_xlsx]),
        lambda: task_over(window) and bool(window.project.imports) and figures_shown(window),
    )
    window.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="+", metavar="PIECE", help="only these pieces (and the open they need)")
    args = parser.parse_args()
    only = set(args.only) if args.only else None
    app = QApplication([])
    messages.answer_for_tests = lambda kind, title, text: ANSWERS.get(kind)
    with tempfile.TemporaryDirectory(prefix="scrutiny-stalls-") as name:
        folder = Path(name)
        project_path = folder / f"report{store.PROJECT_SUFFIX}"
        store.save(big_project(args.rows), project_path)
        log_xlsx = folder / "log.xlsx"
        if only is None or "import" in only:
            write_log(log_xlsx, args.rows)
        runs = [one_run(folder, project_path, log_xlsx, number, only) for number in range(args.repeat)]
    print(f"{args.rows:,}-row complaints log; longest event-loop gap (the goal: none over 100 ms), {args.repeat} runs")
    anchor = statistics.median(run["idle"][0] for run in runs)
    print(f"  anchor: an idle loop's longest gap, median {anchor:.0f} ms")
    for what in runs[0]:
        if what == "idle":
            continue
        gaps = [run[what][0] for run in runs]
        seconds = [run[what][1] for run in runs]
        collector = max(run[what][2] for run in runs)
        print(
            f"  {what:<18} median {statistics.median(gaps):5.0f} ms (slowest {max(gaps):5.0f} ms)"
            f"  {statistics.median(gaps) / anchor:5.1f}x the anchor   the work took {statistics.median(seconds):5.2f} s"
            f"   longest garbage collector pass {collector:4.0f} ms"
        )
    app.quit()


if __name__ == "__main__":
    main()
