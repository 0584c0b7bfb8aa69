"""The window fits the screen it opens on: a 1366x768 laptop at 150% leaves about 910x480 for it."""

from __future__ import annotations

from PySide6.QtCore import QRect

from desktop_app.paths import sample_returns
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401

LAPTOP_AT_150 = (910, 480)  # 1366x768 at 150%, less the taskbar


def test_every_tab_fits_a_laptop_screen_at_150_percent_with_the_sample_open(qtbot, make_window):
    window = make_window()
    window.open_sample(sample_returns())
    wait_for_task(qtbot, window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)  # the shown tab lays itself out with its figures
        needed = window.minimumSize().expandedTo(window.minimumSizeHint())
        assert needed.width() <= LAPTOP_AT_150[0], window.tabs.tabText(index)
        assert needed.height() <= LAPTOP_AT_150[1], window.tabs.tabText(index)


def test_first_start_opens_within_the_screens_free_area(make_window):
    window = make_window()
    for free in (QRect(0, 0, *LAPTOP_AT_150), QRect(0, 0, 1067, 627), QRect(1920, 0, 2560, 1400)):
        window.fit_screen(free)
        assert free.contains(window.geometry()), free
        assert window.width() >= min(1280, free.width() * 8 // 10)  # sized to the screen, not left small
