"""Keys work from wherever the author is typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401


def test_ctrl_e_exports_from_a_text_field_being_typed_in(qtbot, make_window):
    window = make_window()
    exported: list[str] = []
    window.export_action.setEnabled(True)
    window.export_action.triggered.disconnect()
    window.export_action.triggered.connect(lambda: exported.append(window.focusWidget().accessibleName()))
    window.tabs.setCurrentWidget(window.report_tab)
    for kind in (QLineEdit, QPlainTextEdit):
        field = next(found for found in window.report_tab.findChildren(kind) if found.isVisible())
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClicks(field, "Figures")
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert exported[-1] == field.accessibleName(), kind.__name__
    assert len(exported) == 2


def _mnemonic(text: str) -> str | None:
    """The letter Alt reaches in a label's text ("Ca&ses" gives "s"); "&&" is a literal ampersand."""
    plain = text.replace("&&", "")
    where = plain.find("&")
    return plain[where + 1].lower() if 0 <= where < len(plain) - 1 else None


def _visible_mnemonics(window) -> list[tuple[str, str]]:
    """Each Alt letter on show, beside the text it belongs to: menus, tab bars, buttons, labels, group boxes."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar

    texts = [action.text() for action in window.menuBar().actions()]
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(index) for index in range(bar.count())]
    for kind in (QAbstractButton, QLabel, QGroupBox):
        for widget in window.findChildren(kind):
            if widget.isVisible() and not isinstance(widget.parent(), QTabBar):
                texts.append(widget.title() if isinstance(widget, QGroupBox) else widget.text())
    return [(letter, text) for text in texts if (letter := _mnemonic(text))]


def test_no_page_takes_an_alt_letter_of_the_menus_or_tabs(qtbot, make_window):
    """Alt+H opens Help and Alt+P the Report tab wherever the author is: no label or button on a page takes one.

    Two fields of one page may share a letter (Alt then moves between them), but a page's letter that is
    also a menu's or a tab's makes the key ambiguous, and Qt then does neither.
    """
    window = make_window()
    window.resize(1400, 900)
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    window.tabs.setCurrentIndex(0)
    qtbot.wait(10)
    menus_and_tabs = {_mnemonic(action.text()) for action in window.menuBar().actions()}
    menus_and_tabs |= {_mnemonic(window.tabs.tabText(index)) for index in range(window.tabs.count())}
    assert {"f", "e", "h", "r", "p", "v"} <= menus_and_tabs
    clashes: list[str] = []
    for page in range(window.tabs.count()):
        window.tabs.setCurrentIndex(page)
        side = getattr(window.tabs.currentWidget(), "side", None)
        for side_page in range(side.count()) if side is not None else [None]:
            if side_page is not None:
                side.setCurrentIndex(side_page)
            qtbot.wait(10)
            own = [(letter, text) for letter, text in _visible_mnemonics(window) if text not in _top_texts(window)]
            clashes += [
                f"Alt+{letter.upper()}: {text!r} ({window.tabs.tabText(page)})"
                for letter, text in own
                if letter in menus_and_tabs
            ]
    assert clashes == [], "\n".join(sorted(set(clashes)))


def _top_texts(window) -> set[str]:
    texts = {action.text() for action in window.menuBar().actions()}
    return texts | {window.tabs.tabText(index) for index in range(window.tabs.count())}
