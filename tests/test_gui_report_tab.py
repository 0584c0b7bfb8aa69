"""The Report and Preview tabs: live figures in the text, flagged when they change; the cover; the preview."""

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from desktop_app.gui.report_tab import COVER, REPORT_HEADINGS
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.workspace import ADULTS
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - fixtures

LIMIT_SETTING = {"childrens_statutory": {"1": {"response": {"limit": 20}}}}


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    window.workspace.as_of = __import__("datetime").date(2023, 11, 1)
    window.project_changed.emit()
    return window


def type_section(tab, qtbot, text):
    tab.editor.selectAll()
    tab.editor.insertPlainText(text)
    tab.edit_pause.stop()
    tab.keep_section_text()


def test_a_live_figure_follows_a_limit_change_and_is_flagged_until_read(window, qtbot, tmp_path):
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_section("performance")
    assert tab.pages.currentIndex() == 1
    tab.picker.setCurrentIndex(tab.picker.findData("statutory_stage1_in_time_pct"))
    type_section(tab, qtbot, "Stage 1 responses in time: ")
    tab.insert_figure()
    tab.keep_section_text()
    assert "Stage 1 responses in time: 28%" in tab.preview.toPlainText()
    assert not tab.stale.isVisible()

    window.edit("Stage 1 limit 20 days", lambda value: window.project.set_setting("limits", value), None, LIMIT_SETTING)
    tab.select_section("performance")
    assert "Stage 1 responses in time: 28%" not in tab.preview.toPlainText()
    assert tab.stale.isVisible() and "Statutory stage 1 in time % was 28%" in tab.stale.text()
    flagged = [tab.parts.item(r).text() for r in range(tab.parts.count()) if tab.parts.item(r).text().startswith("●")]
    assert flagged == ["● Complaints Performance Information"]
    window.grab().save(str(tmp_path / "report-tab-flagged.png"))

    tab.mark_read()
    assert not tab.stale.isVisible()
    window.undo_stack.undo()  # the 'read' mark
    window.undo_stack.undo()  # the limit
    tab.select_section("performance")
    assert "Stage 1 responses in time: 28%" in tab.preview.toPlainText() and not tab.stale.isVisible()


def test_the_parts_are_grouped_by_report_and_a_long_title_shows_whole(window, qtbot, tmp_path):
    """At the window's usual size the title over the editor is never cut to one line, and the list of parts
    is grouped under headings the author cannot choose, each entry whole, without a sideways scrollbar."""
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    window.show()
    qtbot.waitExposed(window)
    tab.select_section(f"{ADULTS}/general_importance")  # drawn at once, before the window's next layout pass
    assert tab.title.text() == "Adults' report: Matters of General Importance"
    lines = QFontMetrics(tab.title.font()).boundingRect(
        0, 0, tab.title.width(), 1000, Qt.TextFlag.TextWordWrap, tab.title.text()
    )
    assert lines.width() <= tab.title.width() and lines.height() <= tab.title.height()
    assert tab.title.height() >= tab.title.heightForWidth(tab.title.width())
    window.grab().save(str(tmp_path / "report-tab-grouped.png"))

    items = [tab.parts.item(row) for row in range(tab.parts.count())]
    headings = [item for item in items if not item.flags() & Qt.ItemFlag.ItemIsSelectable]
    assert [item.text() for item in headings] == ["Cover and details", *REPORT_HEADINGS.values()]
    assert all(item.font().bold() for item in headings)
    under_adults = items[items.index(headings[2]) + 1 : items.index(headings[3])]
    assert "Matters of General Importance" in [item.text() for item in under_adults]  # no repeated prefix
    assert "Adults' report: Matters of General Importance" in [
        item.data(Qt.ItemDataRole.AccessibleTextRole) for item in under_adults
    ]
    assert "Adults' report: Matters of General Importance" in [item.toolTip() for item in under_adults]
    assert not tab.parts.horizontalScrollBar().isVisible()
    viewport = tab.parts.viewport().width()
    assert all(tab.parts.visualItemRect(item).width() <= viewport for item in items)

    tab.parts.setFocus()
    qtbot.mouseClick(
        tab.parts.viewport(), Qt.MouseButton.LeftButton, pos=tab.parts.visualItemRect(headings[2]).center()
    )
    assert tab.title.text() == "Adults' report: Matters of General Importance"  # a heading is not chosen
    tab.parts.setCurrentItem(items[items.index(headings[2]) - 1])  # the children's last section
    qtbot.keyClick(tab.parts, Qt.Key.Key_Down)
    assert tab.parts.currentItem() is items[items.index(headings[2]) + 1]
    assert tab.title.text() == "Adults' report: Introduction"
    qtbot.keyClick(tab.parts, Qt.Key.Key_Up)
    assert tab.parts.currentItem() is items[items.index(headings[2]) - 1]
    qtbot.keyClick(tab.parts, Qt.Key.Key_Home)
    assert tab.parts.currentItem().data(Qt.ItemDataRole.UserRole) == COVER and tab.pages.currentIndex() == 0
    qtbot.keyClick(tab.parts, Qt.Key.Key_Up)  # nothing above the cover sheet but its heading: it stays
    assert tab.parts.currentItem().data(Qt.ItemDataRole.UserRole) == COVER
    qtbot.keyClick(tab.parts, Qt.Key.Key_End)
    assert tab.parts.currentItem() is items[-1] and tab.title.text().startswith("Corporate report: ")
    assert not any(item.isSelected() for item in headings)


def test_the_section_text_and_cover_reach_the_exported_pdf(window, qtbot, tmp_path):
    tab = window.report_tab
    tab.select_section("conclusions")
    type_section(tab, qtbot, "The Council received {statutory_stage1_received} statutory complaints this year.")
    tab.set_cover("report_of", "Executive Director of Children's Services")
    assert window.project.cover["report_of"] == "Executive Director of Children's Services"
    out = tmp_path / "appendix.pdf"
    window.export_to(out)
    wait_for_task(qtbot, window)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "The Council received 98 statutory complaints this year." in text
    window.undo_stack.undo()  # the cover
    window.undo_stack.undo()  # the section
    assert "report_of" not in window.project.cover and "conclusions" not in window.project.sections


def test_page_settings_are_undoable_edits(window, qtbot):
    tab = window.report_tab
    tab.first_page.setValue(23)
    tab.first_page.editingFinished.emit()
    assert window.project.settings["first_page"] == 23 and window.page_options().first_page == 23
    window.undo_stack.undo()
    assert "first_page" not in window.project.settings and tab.first_page.value() == 1


def test_the_preview_draws_the_pages_in_the_background(window, qtbot, tmp_path):
    preview = window.preview_tab
    window.tabs.setCurrentWidget(preview)
    qtbot.waitUntil(lambda: len(preview.pages) > 0, timeout=60_000)
    assert preview.status.text().startswith("As it will print")
    assert preview.image.pixmap().width() > 500
    preview.next_button.click()
    assert preview.page_number.value() == 2
    window.grab().save(str(tmp_path / "preview-tab.png"))


def test_the_window_exports_word_with_the_authors_words(window, qtbot, tmp_path, monkeypatch):
    import docx
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.gui.main_window import APPENDIX_FILTER

    tab = window.report_tab
    tab.select_section("conclusions")
    type_section(tab, qtbot, "The Council received {statutory_stage1_received} statutory complaints this year.")
    chosen = tmp_path / "appendix.pdf"  # the suggested name, with Word chosen in the dialog
    word_filter = APPENDIX_FILTER.split(";;")[1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), word_filter))
    window.export_dialog()
    wait_for_task(qtbot, window)
    document = docx.Document(str(tmp_path / "appendix.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "The Council received 98 statutory complaints this year." in texts
    assert any(p.style.name == "Heading 1" and p.text == "Conclusions and Recommendations" for p in document.paragraphs)
    assert not chosen.exists()


def test_the_meeting_date_is_not_set_until_the_author_sets_it(window, qtbot):
    """Tabbing through the cover's date field sets nothing; a date chosen is kept, and undone."""
    from PySide6.QtCore import QDate, QEvent, Qt
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication, QDateEdit

    tab = window.report_tab
    field = tab.cover.findChild(QDateEdit, "meeting_date")
    assert field.text() == "Not set"
    edits = window.undo_stack.count()

    QApplication.sendEvent(field, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    assert field.date() == QDate.currentDate()  # the author starts from today while in the field
    field.editingFinished.emit()  # and tabs on without changing it
    assert "meeting_date" not in window.project.cover and window.undo_stack.count() == edits
    assert field.text() == "Not set"

    QApplication.sendEvent(field, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    field.setDate(QDate(2025, 1, 7))
    field.editingFinished.emit()
    assert window.project.cover["meeting_date"] == "2025-01-07"
    window.undo_stack.undo()
    assert "meeting_date" not in window.project.cover
    assert field.text() == "Not set"


def test_a_change_made_while_another_tab_shows_is_in_the_report_tab_when_it_is_shown(window, qtbot, tmp_path):
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_section("performance")
    type_section(tab, qtbot, "Stage 1 responses in time: {statutory_stage1_in_time_pct}.")
    assert "Stage 1 responses in time: 28%." in tab.preview.toPlainText()
    window.tabs.setCurrentWidget(window.returns_tab)  # the Report tab is not on show: its list waits
    window.edit("Stage 1 limit 20 days", lambda value: window.project.set_setting("limits", value), None, LIMIT_SETTING)
    qtbot.waitUntil(lambda: window.figures.ready() and not tab.working_out, timeout=60_000)
    window.tabs.setCurrentWidget(tab)
    flagged = [tab.parts.item(r).text() for r in range(tab.parts.count()) if tab.parts.item(r).text().startswith("●")]
    assert flagged == ["● Complaints Performance Information"]
    assert tab.parts.currentItem().text() == "● Complaints Performance Information"  # still the section chosen
    assert "Stage 1 responses in time: 28%." not in tab.preview.toPlainText()
    assert tab.stale.isVisible() and "Statutory stage 1 in time % was 28%" in tab.stale.text()
    window.grab().save(str(tmp_path / "report-tab-after-hidden-change.png"))
