"""Every detail an appendix prints is the author's: set in the window (Report > Appendix details, or the cover
sheet), kept in the project, shown in the preview of either appendix, and found in the exported PDF and Word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pikepdf
import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.report_tab import DETAILS_PAGE
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from tests.pdf_structure import pdf_text
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures
from tests.test_report_performance import RETURNS

COMMITTEE = "Children's Services Scrutiny Sub-Committee"
PERFORMANCE_COMMITTEE = "Health and Wellbeing Board"


@pytest.fixture
def window(make_window, qtbot) -> MainWindow:
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG, *(SAMPLE_DATA / name for name in RETURNS)])
    wait_for_task(qtbot, window)
    return window


def type_detail(window: MainWindow, qtbot, field_name: str, words: str) -> None:
    """Go to Report > Appendix details, select the field, type over it and press Enter, as an author does."""
    tab = window.report_tab
    window.tabs.setCurrentWidget(tab)
    row = next(r for r in range(tab.parts.count()) if tab.parts.item(r).data(Qt.ItemDataRole.UserRole) == DETAILS_PAGE)
    tab.parts.setCurrentRow(row)
    field = tab.details.fields[tuple(field_name.split("_", 1))]
    assert field.isVisible()
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, words)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_performance_appendix_prints_the_authors_details_not_the_shipped_ones(window, qtbot, tmp_path):
    out = tmp_path / "performance.pdf"
    window.export_performance_to(out)
    wait_for_task(qtbot, window)
    shipped = pdf_text(out)
    assert "Appendix A" in shipped and "7 January 2025" not in shipped  # no meeting date is shipped

    type_detail(window, qtbot, "performance_appendix", "Appendix C")
    type_detail(window, qtbot, "performance_report_to", PERFORMANCE_COMMITTEE)
    type_detail(window, qtbot, "performance_meeting_date", "Thursday 12 March 2026")
    type_detail(window, qtbot, "performance_author", "Performance and Intelligence {Team}")
    window.export_performance_to(out)
    wait_for_task(qtbot, window)
    text = pdf_text(out)
    assert "Appendix C" in text and "Appendix A" not in text
    assert PERFORMANCE_COMMITTEE in text and "Thursday 12 March 2026" in text
    assert "Adult Social Care and Health" not in text
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/Author"]) == "Performance and Intelligence {Team}"  # braces printed as typed

    window.undo_stack.undo()  # the author
    window.undo_stack.undo()  # the meeting date
    window.export_performance_to(out)
    wait_for_task(qtbot, window)
    assert "Thursday 12 March 2026" not in pdf_text(out) and PERFORMANCE_COMMITTEE in pdf_text(out)


def test_details_are_kept_in_the_project_and_reach_the_word_file(window, qtbot, tmp_path, make_window):
    type_detail(window, qtbot, "complaints_appendix", "Appendix 3")
    type_detail(window, qtbot, "complaints_report_to", COMMITTEE)
    project = tmp_path / "report.scrutiny"
    assert window.save_to(project)
    window.close()

    reopened = make_window()
    assert reopened.open_project(project, ask=False)
    fields = reopened.report_tab.details.fields
    assert fields["complaints", "appendix"].text() == "Appendix 3"
    assert fields["complaints", "report_to"].text() == COMMITTEE
    assert fields["performance", "appendix"].text() == ""
    assert fields["performance", "appendix"].placeholderText() == "Appendix A"  # what prints, greyed
    out = tmp_path / "complaints.docx"
    reopened.export_to(out)
    wait_for_task(qtbot, reopened)
    word_file = docx.Document(str(out))
    cells = (cell.text for table in word_file.tables for row in table.rows for cell in row.cells)
    words = "\n".join([*(p.text for p in word_file.paragraphs), *cells])
    assert "Appendix 3" in words and COMMITTEE in words
    assert "Children's Services and Safeguarding" not in words


def test_the_cover_sheets_meeting_and_committee_print_on_the_appendices_unless_set_otherwise(window, qtbot, tmp_path):
    window.report_tab.set_cover("meeting_date", "2026-03-09")
    window.report_tab.set_cover("report_to", "Cabinet")
    fields = window.report_tab.details.fields
    assert fields["complaints", "meeting_date"].placeholderText() == "Monday 9 March 2026"
    type_detail(window, qtbot, "performance_report_to", PERFORMANCE_COMMITTEE)
    window.export_to(tmp_path / "complaints.pdf")
    wait_for_task(qtbot, window)
    window.export_performance_to(tmp_path / "performance.pdf")
    wait_for_task(qtbot, window)
    complaints, performance = (pdf_text(tmp_path / name) for name in ("complaints.pdf", "performance.pdf"))
    assert "Monday 9 March 2026" in complaints and "Cabinet" in complaints
    assert "Monday 9 March 2026" in performance and PERFORMANCE_COMMITTEE in performance
    assert "Cabinet" not in performance


def test_print_nothing_leaves_a_detail_off_and_clearing_a_field_brings_the_usual_words_back(window, qtbot, tmp_path):
    type_detail(window, qtbot, "complaints_report_of", "Director of Children's Services")
    field = window.report_tab.details.fields["complaints", "report_of"]
    field.setFocus()
    qtbot.mouseClick(window.report_tab.details.blank_button, Qt.MouseButton.LeftButton)
    assert field.placeholderText() == "(prints nothing)"
    window.export_to(tmp_path / "blank.pdf")
    wait_for_task(qtbot, window)
    assert "Report of:" not in pdf_text(tmp_path / "blank.pdf")

    type_detail(window, qtbot, "complaints_report_of", "")  # cleared: back to the text file's
    window.export_to(tmp_path / "usual.pdf")
    wait_for_task(qtbot, window)
    assert "Executive Director of Children's Social Care and Education" in pdf_text(tmp_path / "usual.pdf")


def test_the_preview_shows_either_appendix_with_the_authors_details(window, qtbot):
    type_detail(window, qtbot, "performance_appendix", "Appendix Z")
    preview = window.preview_tab
    window.tabs.setCurrentWidget(preview)
    preview.appendix.setCurrentIndex(preview.appendix.findData("performance"))
    qtbot.waitUntil(
        lambda: preview.task is not None and not preview.task.running and bool(preview.pages), timeout=60_000
    )
    assert preview.status.text().startswith("As it will print")
    performance_pages = list(preview.pages)
    preview.appendix.setCurrentIndex(preview.appendix.findData("complaints"))
    qtbot.waitUntil(lambda: not preview.task.running and bool(preview.pages != performance_pages), timeout=60_000)
    assert len(performance_pages) > 1 and len(preview.pages) > 1


def test_the_cover_sheet_form_exports_the_cover_report_listing_the_appendices(window, qtbot, tmp_path, answers):
    tab = window.report_tab
    for name, text in {
        "report_to": "Cabinet",
        "meeting_date": "2026-03-09",
        "subject": "Complaints and performance 2022-23",
        "report_of": "Chief Executive",
        "summary": "This report sets out how the council handled complaints.",
        "recommendations": "1. note the report; and\n2. agree the actions.",
    }.items():
        tab.set_cover(name, text)
    type_detail(window, qtbot, "performance_appendix", "Appendix B")
    window.export_cover_to(tmp_path / "cover.pdf")
    wait_for_task(qtbot, window)
    text = " ".join(pdf_text(tmp_path / "cover.pdf").split())
    assert "Complaints and performance 2022-23" in text and "Chief Executive" in text
    assert "9 March 2026" in text
    # the sample log holds adult social care and corporate complaints too: their appendices are listed beside it
    listed = [
        "Appendix 1 – Children's Services Complaints Annual Report",
        "Appendix 2 – Adult Social Care Complaints Annual Report",
        "Appendix 3 – Annual Complaints Performance and Service Improvement Report",
        "Appendix B – Social Care Performance Report",
    ]
    assert all(entry in text for entry in listed), text
    assert [text.index(entry) for entry in listed] == sorted(text.index(entry) for entry in listed)
    assert "1. note the report; and 2. agree the actions." in text and "1. 1." not in text  # numbered once
    shown, _ = answers
    assert any(kind == "inform" and "cover's checks" in words for kind, _, words in shown)  # empty fields said

    layout = tab.cover_template
    layout.setCurrentIndex(layout.findData("wirral"))
    layout.activated.emit(layout.currentIndex())
    assert window.project.settings["cover_template"] == "wirral"
    window.export_cover_to(tmp_path / "wirral.pdf")
    wait_for_task(qtbot, window)
    assert pdf_text(tmp_path / "wirral.pdf") != pdf_text(tmp_path / "cover.pdf")


def test_the_cover_lists_no_adults_or_corporate_appendix_for_a_log_without_their_complaints(
    make_window, qtbot, tmp_path, write_workbook
):
    statutory = ["C1", "Statutory", "1", "04/05/2022", None, "10/05/2022", None, "Upheld", "Decision Making", "Parent"]
    window = make_window()
    window.import_paths([write_workbook([statutory], name="childrens.xlsx")])
    wait_for_task(qtbot, window)
    window.report_tab.set_cover("subject", "Children's complaints 2022-23")
    window.export_cover_to(tmp_path / "cover.pdf")
    wait_for_task(qtbot, window)
    text = " ".join(pdf_text(tmp_path / "cover.pdf").split())
    assert "Appendix 1 – Children's Services Complaints Annual Report" in text
    assert "Adult Social Care Complaints" not in text and "Service Improvement Report" not in text


def test_the_windows_performance_export_lists_its_sources_dated_by_their_import(window, qtbot, tmp_path):
    """The window's appendix ends with the same "Sources of the figures" as the command line's, each return
    dated by the day the project imported it (not the file's own saved date), and the preview shows it too."""
    imported = {Path(f.provenance.file).name: f.imported_at for f in window.project.imports}
    out = tmp_path / "performance.pdf"
    window.export_performance_to(out)
    wait_for_task(qtbot, window)
    text = " ".join(pdf_text(out).split())
    sources = text[text.rindex("Sources of the figures") :]
    for name in RETURNS:
        assert name in sources
    assert "imported" in sources and "file saved" not in sources
    day = dt.date.fromisoformat(imported[RETURNS[0]][:10])
    assert f"{day.day} {day:%B %Y}" in sources
    inputs = window.performance_inputs()
    assert [source.file for source in inputs[-1]] == [name for name in imported if name in RETURNS]
