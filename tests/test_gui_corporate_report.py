"""The corporate complaints report (the Ombudsman's complaint handling code, section 8) in the window: File >
Export corporate complaints report, checked before export (the register's slips by cell, the text's prompts,
each with a button to the place to fix it), previewed, written as PDF and Word with the author's sections and
the council's self-assessment imported from its TOML file."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.gui.main_window import APPENDIX_FILTER, CORPORATE
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from desktop_app.workspace import SELF_ASSESSMENT
from tests.pdf_structure import pdf_text
from tests.test_gui_lessons_register import register_workbook
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures

SAMPLE_ASSESSMENT = SAMPLE_DATA / "complaint_code_self_assessment_2022-23.toml"
GOVERNANCE = f"{CORPORATE}/governance_response"
TITLE = "Annual Complaints Performance and Service Improvement Report"


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    return window


def save_as(monkeypatch, path, word: bool = False) -> None:
    chosen = APPENDIX_FILTER.split(";;")[1 if word else 0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), chosen))


def checks(shown) -> list[tuple[str, str]]:
    return [(title, text) for kind, title, text in shown if kind == "check_export"]


def write_section(tab, key: str, text: str) -> None:
    tab.select_section(key)
    tab.editor.selectAll()
    tab.editor.insertPlainText(text)
    tab.edit_pause.stop()
    tab.keep_section_text()


def test_the_corporate_report_is_checked_and_exported_with_the_registers_slips_by_cell(
    make_window, qtbot, write_workbook, tmp_path, monkeypatch, answers
):
    shown, replies = answers
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG, register_workbook(write_workbook)])
    wait_for_task(qtbot, window)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.export_corporate_action in file_menu.actions() and window.export_corporate_action.isVisible()
    assert window.export_corporate_action.text() == "E&xport corporate complaints report…"

    out = tmp_path / "corporate.pdf"
    save_as(monkeypatch, out)
    window.export_corporate_dialog()
    wait_for_task(qtbot, window)
    [(title, listed)] = checks(shown)
    assert title == "Before you export the corporate complaints appendix"
    assert "lessons.xlsx, sheet 'Register', row 13, column 'Progress', cell H13" in listed  # the slip, by cell
    assert "'Response of the Audit and Governance Committee' still has the prompt" in listed
    text = " ".join(pdf_text(out).split())
    assert TITLE in text and "Self-assessment against the Complaint Handling Code" in text
    assert "Children's Services" not in text

    # the check's button goes to the corporate report's section in the Report tab, and nothing is written
    again = tmp_path / "again.pdf"
    save_as(monkeypatch, again)
    replies["check_export"] = "Response of the Audit and Governance Committee"
    window.export_corporate_dialog()
    assert not again.exists()
    assert window.tabs.currentWidget() is window.report_tab
    assert window.report_tab.title.text() == "Corporate report: Response of the Audit and Governance Committee"
    assert "[After the meeting" in window.report_tab.editor.toPlainText()


def test_the_authors_governance_response_prints_in_the_pdf_and_word_and_the_preview_offers_it(
    window, qtbot, tmp_path, monkeypatch
):
    tab = window.report_tab
    write_section(tab, GOVERNANCE, "The committee noted the report and asked for Stage 1 timeliness each quarter.")
    assert window.project.sections[GOVERNANCE].startswith("The committee noted")

    preview = window.preview_tab
    window.tabs.setCurrentWidget(preview)
    chooser = [preview.appendix.itemData(n) for n in range(preview.appendix.count())]
    assert CORPORATE in chooser
    preview.appendix.setCurrentIndex(preview.appendix.findData(CORPORATE))
    qtbot.waitUntil(
        lambda: preview.task is not None and not preview.task.running and bool(preview.pages), timeout=60_000
    )
    assert preview.status.text().startswith("As it will print") and len(preview.pages) > 3

    out = tmp_path / "corporate.pdf"
    window.export_to(out, CORPORATE)
    wait_for_task(qtbot, window)
    text = " ".join(pdf_text(out).split())
    assert "The committee noted the report and asked for Stage 1 timeliness each quarter." in text

    word = tmp_path / "corporate.docx"
    save_as(monkeypatch, tmp_path / "corporate.pdf", word=True)
    window.export_corporate_dialog()
    wait_for_task(qtbot, window)
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert "The committee noted the report and asked for Stage 1 timeliness each quarter." in paragraphs
    assert any(p.startswith(TITLE) for p in paragraphs)


def test_a_self_assessment_imported_is_one_undoable_edit_kept_in_the_project_and_printed(
    window, make_window, qtbot, tmp_path, monkeypatch, answers
):
    shown, _ = answers
    edits = window.undo_stack.count()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(SAMPLE_ASSESSMENT), ""))
    assert window.import_self_assessment_action in window.menuBar().actions()[0].menu().actions()
    window.import_self_assessment_action.trigger()
    assert window.undo_stack.count() == edits + 1
    kept = window.project.settings[SELF_ASSESSMENT]
    assert kept["source"] == SAMPLE_ASSESSMENT.name and kept["self_assessment"]["assessed"] == "2023-05-15"
    assert window.workspace.figures(CORPORATE)["code_not_complies"] == "3"
    assert "3 not met" in window.status_text.text()

    out = tmp_path / "corporate.pdf"
    window.export_to(out, CORPORATE)
    wait_for_task(qtbot, window)
    text = " ".join(pdf_text(out).split())
    assert "The policy allows 25" in text  # the council's evidence, not the template's
    assert "(assessed: 15 May 2023). 7 of the 10 requirements are met and 3 not met." in text

    project_file = tmp_path / "corporate.scrutiny"
    assert window.save_to(project_file)
    window.undo_stack.undo()
    assert SELF_ASSESSMENT not in window.project.settings
    assert window.workspace.self_assessment().source == "complaint_code_self_assessment.toml"  # the template
    window.close()
    reopened = make_window()
    assert reopened.open_project(project_file)
    assert reopened.workspace.self_assessment().not_met()[0].section == "6. Stage 1"


def test_a_self_assessment_with_a_slip_is_refused_naming_the_file_and_the_entry(window, tmp_path, answers):
    shown, _ = answers
    slipped = tmp_path / "self assessment.toml"
    slipped.write_text(
        SAMPLE_ASSESSMENT.read_text(encoding="utf-8").replace('complies = "no"', 'complies = "partly"', 1),
        encoding="utf-8",
    )
    edits = window.undo_stack.count()
    assert not window.import_self_assessment(slipped)
    [(kind, title, text)] = [entry for entry in shown if entry[0] == "warn"]
    assert title == "The self-assessment was not imported"
    assert "self assessment.toml: [[requirements]] number 6 (section 6. Stage 1)" in text and "'partly'" in text
    assert window.undo_stack.count() == edits and SELF_ASSESSMENT not in window.project.settings


def test_the_appendix_details_have_a_corporate_column_whose_words_the_export_prints(window, qtbot, tmp_path):
    details = window.report_tab.details
    field = details.fields[CORPORATE, "report_to"]
    assert field.accessibleName() == "Corporate complaints appendix: Committee (report to)"
    assert field.placeholderText()  # the corporate text file's committee, greyed
    details.set_detail(CORPORATE, "report_to", "Audit and Governance Committee, 14 September")
    out = tmp_path / "corporate.pdf"
    window.export_to(out, CORPORATE)
    wait_for_task(qtbot, window)
    assert "Audit and Governance Committee, 14 September" in " ".join(pdf_text(out).split())
    window.undo_stack.undo()
    assert field.text() == ""


def test_a_self_assessment_spoiled_in_the_project_file_is_said_and_nothing_is_exported(
    window, tmp_path, monkeypatch, answers
):
    shown, _ = answers
    spoiled = {"source": "ours.toml", "self_assessment": {"code": "The code"}, "requirements": [{"section": "1"}]}
    window.edit("Spoil", lambda value: window.project.set_setting(SELF_ASSESSMENT, value), None, spoiled)
    window.report_tab.select_section(GOVERNANCE)  # the section is still there to write
    assert window.report_tab.title.text() == "Corporate report: Response of the Audit and Governance Committee"
    out = tmp_path / "corporate.pdf"
    save_as(monkeypatch, out)
    window.export_corporate_dialog()
    [(kind, title, text)] = [entry for entry in shown if entry[0] == "warn"]
    assert title == "The report cannot be made"
    assert text == "ours.toml: [[requirements]] number 1: requirement must not be empty"
    assert not out.exists()
