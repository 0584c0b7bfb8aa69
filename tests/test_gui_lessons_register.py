"""The window takes a lessons-learned register as it takes any return: File > Import returns recognises it, the
Returns tab lists its slips, the project keeps its reporting dates (undoable, saved and reopened), and the
complaints appendix in Preview and export prints it with what changed since the last report, as
`report complaints --lessons` does."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.returns import ReturnKind
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from tests.pdf_structure import pdf_lines
from tests.test_gui_window import answers, make_window, tree_rows, wait_for_task  # noqa: F401 - the fixtures
from tests.test_lessons_register import HEADER, LAST, NOW, TITLE, TWO_DATES, row


def register_workbook(write_workbook):
    """The two reporting dates of test_lessons_register, and a row whose status is blank (a slip)."""
    rows = [*TWO_DATES, row("LL-G", NOW, "Calls not returned", None, dt.date(2023, 6, 30))]
    return write_workbook(rows, header=HEADER, title_rows=TITLE, sheet="Register", name="lessons.xlsx")


def lessons_section_lines(lines: list[str]) -> list[str]:
    start = next(n for n, line in enumerate(lines) if line.startswith("Lessons-learned register at"))
    return lines[start:]


def live_lessons_points(window) -> str:
    """The register's count as the Report tab's live figures give it."""
    return window.workspace.figures()["lessons_points"]


def printed_lessons_points(window) -> str:
    """The same count as the appendix prints it."""
    return window.workspace.complaints_document().figures["lessons_points"].text


def test_a_register_imported_into_the_window_is_kept_and_printed_with_its_changes(
    make_window, qtbot, write_workbook, tmp_path
):
    register = register_workbook(write_workbook)
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG, register])
    wait_for_task(qtbot, window)

    # the Returns tab: the register's sheet by its kind, its blank status a problem naming its cell
    assert ("Register", "Lessons register", "9", "1 (1 error)") in tree_rows(window)
    imported = next(i for i in window.project.imports if i.provenance.file == "lessons.xlsx")
    window.returns_tab.select(imported.id, "Register")
    [problem] = window.returns_tab.problems_model.problems
    assert (problem.row, problem.column, problem.cell) == (
        13,
        "Progress",
        "H13",
    )  # below a title, a blank row and the header
    assert "the status is blank" in problem.message
    assert not window.returns_tab.map_button.isEnabled()  # its columns are the register vocabulary's

    # the project's register: both reporting dates, undone and redone with the import
    assert sorted({entry.reported for entry in window.project.lessons}) == [LAST, NOW]
    window.undo_stack.undo()
    assert window.project.lessons == [] and window.project.imports == []
    window.undo_stack.redo()
    assert len(window.project.lessons) == 9

    # the Preview's model prints the register and what changed since the last report
    document = window.workspace.complaints_document()
    keys = [table.key for table in document.tables()]
    assert "lessons" in keys and "lessons_changes" in keys
    preview = window.preview_tab
    window.tabs.setCurrentWidget(preview)
    preview.redraw()
    qtbot.waitUntil(
        lambda: preview.task is not None and not preview.task.running and bool(preview.pages), timeout=60_000
    )

    project_file = tmp_path / "report.scrutiny"
    assert window.save_to(project_file)
    window.close()

    again = make_window()
    assert again.open_project(project_file)
    assert ("Register", "Lessons register", "9", "1 (1 error)") in tree_rows(again)
    assert again.project.lessons == window.project.lessons
    out = tmp_path / "complaints.pdf"
    again.export_to(out)
    wait_for_task(qtbot, again)
    lines = lessons_section_lines(pdf_lines(out))
    words = " ".join(lines)
    assert "Lessons-learned register at 31 March 2023" in words
    assert "Since the last report (31 March 2022), new learning points: 2; status changed: 2; completed: 2." in words
    assert "Changes since the last report" in lines
    assert not any(line.startswith("LL-G") for line in lines)  # the row without a status is not used

    # taking the register's file out takes its reporting dates out of the report
    again.remove_import(next(i for i in again.project.imports if i.provenance.file == "lessons.xlsx").id)
    assert again.project.lessons == []
    assert again.workspace.lessons() is None
    assert live_lessons_points(again) == printed_lessons_points(again)  # the live figures follow the register
    again.undo_stack.undo()
    assert len(again.project.lessons) == 9
    assert live_lessons_points(again) == printed_lessons_points(again) != "not recorded"
    assert any(sheet.kind is ReturnKind.LESSONS_REGISTER for i in again.project.imports for sheet in i.sheets)


def test_the_windows_childrens_and_adults_reports_each_print_their_own_services_points(make_window, qtbot):
    from tests.test_lessons_register import SAMPLE_REGISTER

    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG, SAMPLE_REGISTER])
    wait_for_task(qtbot, window)
    childrens, adults = window.workspace.complaints_document(), window.workspace.adults_document()
    assert adults is not None  # the sample log has adults' complaints
    for document, points, elsewhere in ((childrens, "4", "3"), (adults, "3", "4")):
        assert document.figures["lessons_points"].text == points
        assert document.figures["lessons_elsewhere"].text == elsewhere
    [register] = [table for table in adults.tables() if table.key == "lessons"]
    assert [r[0].text for r in register.body] == ["LL-04", "LL-07", "LL-08"]
    # the Report tab's live figures are the children's report's
    assert window.workspace.figures()["lessons_elsewhere"] == "3"
