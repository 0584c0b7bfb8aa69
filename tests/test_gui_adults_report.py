"""The window offers the adults' complaints appendix where the log has adult social care complaints: in the
Preview tab's chooser, drawn as it will print, and in the File menu, exported with the author's details."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.gui.main_window import ADULTS
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from tests.pdf_structure import pdf_text
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures

CHILDRENS_ONLY = [
    ["C1", "Statutory", "1", "04/05/2022", None, "10/05/2022", None, "Upheld", "Decision Making", "Parent"],
]


def offered(window) -> list[str]:
    chooser = window.preview_tab.appendix
    return [chooser.itemData(number) for number in range(chooser.count())]


def test_a_log_without_adults_complaints_offers_no_adults_appendix(make_window, qtbot, write_workbook):
    window = make_window()
    window.import_paths([write_workbook(CHILDRENS_ONLY)])
    wait_for_task(qtbot, window)
    assert ADULTS not in offered(window)
    assert not window.export_adults_action.isVisible()


def test_the_samples_adults_appendix_is_previewed_and_exported_with_the_authors_details(make_window, qtbot, tmp_path):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    assert offered(window) == ["complaints", "performance", ADULTS, "corporate_complaints"]
    assert window.export_adults_action.isVisible()
    assert window.export_adults_action in window.menuBar().actions()[0].menu().actions()

    preview = window.preview_tab
    window.tabs.setCurrentWidget(preview)
    preview.appendix.setCurrentIndex(preview.appendix.findData(ADULTS))
    qtbot.waitUntil(
        lambda: preview.task is not None and not preview.task.running and bool(preview.pages), timeout=60_000
    )
    assert preview.status.text().startswith("As it will print") and len(preview.pages) > 3

    field = window.report_tab.details.fields[ADULTS, "report_to"]
    assert field.placeholderText() == "Overview and Scrutiny Committee (Adult Social Care and Health)"
    window.report_tab.details.set_detail(ADULTS, "report_to", "Adult Social Care Scrutiny Panel")
    out = tmp_path / "adults.pdf"
    window.export_to(out, ADULTS)
    wait_for_task(qtbot, window)
    text = pdf_text(out)
    assert "Adult Social Care Complaints" in text and "Adult Social Care Scrutiny Panel" in text
    assert "Well-founded*" in text and "Children's Services" not in text


ADULTS_SECTION = f"{ADULTS}/general_importance"
PROMPT = "[Describe each matter of general importance"


def picker_names(tab) -> list[str]:
    return [tab.picker.itemData(number) for number in range(tab.picker.count())]


def test_the_author_replaces_the_adults_sample_words_and_the_export_prints_theirs(make_window, qtbot, tmp_path):
    """The shipped adults' text leaves the matters of general importance as a prompt: the author writes the
    council's own in the Report tab, with the adults' report's live figures."""
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    items = [tab.parts.item(row) for row in range(tab.parts.count())]
    listed = [item.data(Qt.ItemDataRole.AccessibleTextRole) or item.text() for item in items]
    assert "Adults' report: Matters of General Importance" in listed  # listed under its report, named in full
    assert "Corporate report: Governance Body's Response" in listed or any(
        words.startswith("Corporate report: ") for words in listed
    )
    tab.select_section(ADULTS_SECTION)
    assert tab.title.text() == "Adults' report: Matters of General Importance"
    assert PROMPT in tab.editor.toPlainText()
    assert "adults_well_founded" in picker_names(tab)  # the adults' report's figures, not the children's
    assert "statutory_stage1_received" not in picker_names(tab)

    tab.editor.selectAll()
    tab.editor.insertPlainText("Of the year's complaints, ")
    tab.picker.setCurrentIndex(tab.picker.findData("adults_well_founded"))
    tab.insert_figure()
    tab.editor.insertPlainText(" were well-founded. Most concerned the reablement service.")
    tab.edit_pause.stop()
    tab.keep_section_text()
    well_founded = window.workspace.figures(ADULTS)["adults_well_founded"]
    assert f"Of the year's complaints, {well_founded} were well-founded." in tab.preview.toPlainText()
    assert "{adults_well_founded}" in window.project.sections[ADULTS_SECTION]
    assert "general_importance" not in window.project.sections  # the children's report has no such key
    window.grab().save(str(tmp_path / "report-tab-adults-section.png"))
    window.undo_stack.undo()
    assert ADULTS_SECTION not in window.project.sections
    tab.select_section(ADULTS_SECTION)
    assert PROMPT in tab.editor.toPlainText()
    window.undo_stack.redo()

    project_file = tmp_path / "adults.scrutiny"
    assert window.save_to(project_file)
    window.close()
    again = make_window()
    assert again.open_project(project_file)
    again.report_tab.select_section(ADULTS_SECTION)
    assert "the reablement service" in again.report_tab.editor.toPlainText()

    out = tmp_path / "adults.pdf"
    again.export_to(out, ADULTS)
    wait_for_task(qtbot, again)
    text = " ".join(pdf_text(out).split())
    assert f"Of the year's complaints, {well_founded} were well-founded. Most concerned the reablement service." in text
    assert PROMPT not in text


def test_an_adults_sections_figure_is_flagged_when_it_changes_until_read(make_window, qtbot):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_section(ADULTS_SECTION)
    tab.editor.selectAll()
    tab.editor.insertPlainText("The Council received {adults_received} complaints.")
    tab.edit_pause.stop()
    tab.keep_section_text()
    before = window.workspace.figures(ADULTS)["adults_received"]
    assert not tab.stale.isVisible()

    last_year = ["2021-04-01", "2022-03-31"]
    window.edit("Report on 2021-22", lambda value: window.project.set_setting("period", value), None, last_year)
    now = window.workspace.figures(ADULTS)["adults_received"]
    assert now != before
    tab.select_section(ADULTS_SECTION)
    assert tab.stale.isVisible() and f"Adults received was {before}, now {now}" in tab.stale.text()
    flagged = [tab.parts.item(r) for r in range(tab.parts.count()) if tab.parts.item(r).text().startswith("●")]
    assert [item.text() for item in flagged] == ["● Matters of General Importance"]
    assert (
        flagged[0].data(Qt.ItemDataRole.AccessibleTextRole).startswith("Adults' report: Matters of General Importance")
    )
    tab.mark_read()
    assert not tab.stale.isVisible()
    assert f"The Council received {now} complaints." in tab.preview.toPlainText()
