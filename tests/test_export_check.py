"""The check before an export: what the proof finds, each with a button to the place to fix it; the author fixes
it or exports anyway, and nothing is exported behind their back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.gui.report_tab import DETAILS_PAGE
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from desktop_app.report.model import Document, Metadata, PageOptions, Paragraph, Section
from desktop_app.report.proof import proof_findings
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures
from tests.test_remove_return import bad_log
from tests.test_report_performance import RETURNS


@pytest.fixture
def window(make_window, qtbot, write_workbook):
    window = make_window()
    window.import_paths([SAMPLE_COMPLAINTS_LOG, bad_log(write_workbook), *(SAMPLE_DATA / name for name in RETURNS)])
    wait_for_task(qtbot, window)
    return window


class CheckAnswers:
    """The check's dialog answered without a person (through gui.messages): `press` is "export", "cancel", or
    words of the finding whose "go there" button is pressed."""

    def __init__(self, answers) -> None:
        self.shown, self.replies = answers
        self.press = "cancel"

    @property
    def press(self) -> str:
        return self.replies["check_export"]

    @press.setter
    def press(self, answer: str) -> None:
        self.replies["check_export"] = answer

    def findings(self) -> list[str]:
        """The last dialog's findings, each as its button says it: what the button does, then the finding."""
        return [text for kind, _, text in self.shown if kind == "check_export"][-1].splitlines()


@pytest.fixture
def check(answers) -> CheckAnswers:
    return CheckAnswers(answers)


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    asked: list[str] = []

    def get_save_file_name(parent, caption, suggested, filters):
        asked.append(caption)
        return str(tmp_path / "out.pdf"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return asked


def test_the_complaints_export_lists_prompts_rows_left_out_overdue_cases_and_the_as_at_date(
    window, check, save_dialog, qtbot
):
    window.export_dialog()
    texts = check.findings()
    prompts = [t for t in texts if "still has the prompt [" in t]
    assert len(prompts) >= 5 and any("'Conclusions and Recommendations'" in t for t in prompts)
    assert any("bad_log.xlsx: 1 row is left out of every figure" in t for t in texts)
    assert any("open complaints are past the due date on" in t for t in texts)
    assert texts[0].startswith("Change the date: Figures as at ")
    assert save_dialog == []  # cancelled: nothing asked, nothing written

    check.press = "export"
    window.export_dialog()
    wait_for_task(qtbot, window)
    assert save_dialog == ["Export the complaints report"]


def test_a_go_there_button_goes_to_the_place_and_exports_nothing(window, check, save_dialog):
    check.press = "'Conclusions and Recommendations' still has the prompt"
    window.export_dialog()
    tab = window.report_tab
    assert window.tabs.currentWidget() is tab and tab._section == "conclusions"
    assert save_dialog == []

    check.press = "bad_log.xlsx"
    window.export_dialog()
    assert window.tabs.currentWidget() is window.returns_tab
    imported, _ = window.returns_tab._current_sheet()
    assert imported.provenance.file == "bad_log.xlsx"

    check.press = "past the due date"
    window.export_dialog()
    complaints = window.complaints_tab
    assert window.tabs.currentWidget() is complaints and complaints.side.currentWidget() is complaints.overdue
    assert save_dialog == []


def test_the_performance_export_is_checked_too(window, check, save_dialog, qtbot):
    window.report_tab.details.set_detail("performance", "report_of", "[Name the director]")
    window.export_performance_dialog()
    texts = check.findings()
    assert any("The title page still has the prompt [Name the director]" in t for t in texts)
    check.press = "[Name the director]"
    window.export_performance_dialog()
    tab = window.report_tab
    assert tab.parts.currentItem().data(Qt.ItemDataRole.UserRole) == DETAILS_PAGE
    assert tab.details.fields["performance", "appendix"].hasFocus() or not window.isActiveWindow()
    assert save_dialog == []


def test_a_clean_appendix_asks_nothing_but_the_date_is_still_a_reminder():
    clean = Document(
        "complaints", Metadata(title="T"), PageOptions(), [Section("intro", "Introduction", [Paragraph("All fine.")])]
    )
    findings = proof_findings(clean, as_at=__import__("datetime").date(2023, 4, 30))
    assert [(f.text, f.reminder) for f in findings] == [("Figures as at 30 April 2023.", True)]
    prompted = Document(
        "complaints", Metadata(title="T"), PageOptions(), [Section("intro", "Introduction", [Paragraph("[Say more]")])]
    )
    [finding] = proof_findings(prompted)
    assert finding.place == ("section", "intro") and "[Say more]" in finding.text
