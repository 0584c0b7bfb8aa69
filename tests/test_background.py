"""Background work gets its inputs through a private file that never outlives the work, finished or cancelled."""

from __future__ import annotations

import gc
import pickle
import tempfile

import pandas as pd
import pytest

from desktop_app.gui.background import BackgroundTask, loads_in_steps

TASK_TIMEOUT_MS = 60_000


def count_received(log: pd.DataFrame, label: str, progress) -> str:
    """Runs in the child: what it was handed, read back."""
    progress(0.5, "Counting")
    return f"{label}: {len(log):,} complaints, last {log['reference'].iloc[-1]}"


@pytest.fixture
def temporary_folder(tmp_path, monkeypatch):
    """The folder the work's files go to (the system's temporary folder, here the test's own)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_a_large_input_reaches_the_child_and_its_file_is_gone_after(qtbot, temporary_folder):
    log = pd.DataFrame({"reference": [f"C{n}" for n in range(100_000)]})
    task = BackgroundTask(count_received, log, "2022-23")
    results, steps = [], []
    task.finished.connect(results.append)
    task.progress.connect(lambda fraction, text: steps.append(text))
    task.start()
    qtbot.waitUntil(lambda: not task.running, timeout=TASK_TIMEOUT_MS)
    assert results == ["2022-23: 100,000 complaints, last C99999"]
    assert steps[0] == "Starting" and "Counting" in steps
    assert list(temporary_folder.glob("scrutiny-work-*")) == []


def test_work_cancelled_at_once_leaves_no_file_and_no_result(qtbot, temporary_folder):
    task = BackgroundTask(count_received, pd.DataFrame({"reference": ["C1"]}), "2022-23")
    results, cancelled = [], []
    task.finished.connect(results.append)
    task.cancelled.connect(lambda: cancelled.append(True))
    task.start()
    task.cancel()
    qtbot.wait(2000)  # time enough for a child that was started after all to report
    assert cancelled == [True] and results == []
    qtbot.waitUntil(lambda: list(temporary_folder.glob("scrutiny-work-*")) == [], timeout=TASK_TIMEOUT_MS)


def test_work_that_cannot_be_handed_over_is_said_to_have_failed(qtbot, temporary_folder):
    task = BackgroundTask(count_received, lambda: None, "2022-23")  # a lambda cannot be pickled
    reasons = []
    task.failed.connect(reasons.append)
    task.start()
    qtbot.waitUntil(lambda: not task.running, timeout=TASK_TIMEOUT_MS)
    assert reasons and reasons[0].startswith("the work could not be handed over")
    assert list(temporary_folder.glob("scrutiny-work-*")) == []


def test_a_result_unpickled_in_steps_is_whole_and_the_collector_is_left_as_it_was():
    """The result is read with Python's cyclic collector held off (its passes over a large project stalled the
    window), and the collector is on again after, or still off if it was off."""
    frame = pd.DataFrame({"reference": [f"C{n:06d}" for n in range(50_000)], "days": range(50_000)})
    data = pickle.dumps({"log": frame, "notes": [[n] for n in range(1_000)]}, protocol=pickle.HIGHEST_PROTOCOL)
    assert gc.isenabled()
    result = loads_in_steps(data)
    assert gc.isenabled()
    pd.testing.assert_frame_equal(result["log"], frame)
    assert result["notes"][999] == [999]
    gc.disable()
    try:
        loads_in_steps(data)
        assert not gc.isenabled()
    finally:
        gc.enable()
