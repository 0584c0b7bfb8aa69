"""The window offers the adults' complaints appendix where the log has adult social care complaints: in the
Preview tab's chooser, drawn as it will print, and in the File menu, exported with the author's details."""

from __future__ import annotations

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
    assert offered(window) == ["complaints", "performance", ADULTS]
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
