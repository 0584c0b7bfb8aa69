"""The Report and Preview tabs: live figures in the text, flagged when they change; the cover; the preview."""

import pytest
from pypdf import PdfReader

from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
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
