"""The check before an export: what the proof finds, each with a button to the place to fix it; the author fixes
it or exports anyway, and nothing is exported behind their back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.domain.returns import ReturnKind
from desktop_app.gui.report_tab import DETAILS_PAGE
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from desktop_app.report.model import Document, Metadata, PageOptions, Paragraph, Section
from desktop_app.report.proof import proof_findings
from desktop_app.workspace import Workspace
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
    # a performance appendix: a complaints report of one section would lack the parts its regime requires
    clean = Document(
        "performance", Metadata(title="T"), PageOptions(), [Section("intro", "Introduction", [Paragraph("All fine.")])]
    )
    findings = proof_findings(clean, as_at=__import__("datetime").date(2023, 4, 30))
    assert [(f.text, f.reminder) for f in findings] == [("Figures as at 30 April 2023.", True)]
    prompted = Document(
        "performance", Metadata(title="T"), PageOptions(), [Section("intro", "Introduction", [Paragraph("[Say more]")])]
    )
    [finding] = proof_findings(prompted)
    assert finding.place == ("section", "intro") and "[Say more]" in finding.text


def test_the_check_lists_the_proof_of_the_words_and_goes_to_the_place(window, check, save_dialog, qtbot):
    from tests.test_gui_report_tab import type_section

    tab = window.report_tab
    tab.select_section("introduction")
    type_section(tab, qtbot, "The Council received 69 statutory complaints this year.")
    window.report_tab.details.set_detail("complaints", "meeting_date", "Monday 14 November 2023")
    window.export_dialog()
    texts = check.findings()
    assert (
        "Edit the text: 'Introduction': the text says 69 statutory complaints this year; the log gives 98"
        in "\n".join(texts)
    )
    assert any(t.startswith("Edit the details: 'The title page': Monday 14 November 2023") for t in texts)

    window.tabs.setCurrentWidget(window.returns_tab)
    check.press = "the text says 69 statutory complaints"
    window.export_dialog()
    assert window.tabs.currentWidget() is tab and tab._section == "introduction"
    assert save_dialog == []


def test_the_performance_check_lists_what_the_returns_own_figures_contradict(window, check, save_dialog):
    """As `proof performance` does: seed 002's ChAT "13% increase" (62% to 75%) and its neighbour averages that
    differ from the dashboard's, each with a button to its return."""
    window.tabs.setCurrentWidget(window.report_tab)
    check.press = "“13% increase”"
    window.export_performance_dialog()
    texts = check.findings()
    assert any(
        "Cared for dental checks (July 2023, sheet 'ChAT', row 30): the commentary says “13% increase”" in t
        for t in texts
    )
    assert any("CP per 10k (sheet 'ChAT', row 24) gives the statistical neighbours' value as 50" in t for t in texts)
    assert window.tabs.currentWidget() is window.returns_tab and save_dialog == []


def test_a_slip_in_the_performance_words_goes_to_the_preview(window, check, save_dialog, monkeypatch, tmp_path):
    from desktop_app.paths import RESOURCES
    from desktop_app.report.performance_text import load_performance_text

    shipped = (RESOURCES / "performance_report_text.toml").read_text(encoding="utf-8")
    old = "The average weekly cost is the total weekly cost over the client count"
    path = tmp_path / "performance_words.toml"
    path.write_text(shipped.replace(old, "The average weekly cost is £564"), encoding="utf-8")
    words = load_performance_text(path)  # one text, so the proof worked out on the figures' thread is kept
    monkeypatch.setattr(Workspace, "performance_text", lambda self: words)
    window.export_performance_dialog()
    [slip] = [t for t in check.findings() if "£564" in t]
    assert slip.startswith(
        "Show the preview: 'Adult Social Care Finance – Weekly Overview': the text says average weekly cost is £564; "
        "the returns give £567"
    )
    check.press = "average weekly cost is £564"
    window.export_performance_dialog()
    assert window.tabs.currentWidget() is window.preview_tab
    assert window.preview_tab.shown_appendix() == "performance" and save_dialog == []


#: An indicator return whose direction of travel the author typed: 26.5 to 26.5 printed ▲ (seed 002's slip).
ARROW_HEADER = ["ID", "Indicator", "Unit", "Good is", "Period", "Value", "DoT"]
ARROW_ROWS = [
    ["CSC-REPEAT", "Repeat referrals in 12 months (%)", "%", "Low", "June 2023", 26.5, "-"],
    ["CSC-REPEAT", "Repeat referrals in 12 months (%)", "%", "Low", "July 2023", 26.5, "▲"],
]
ARROW_SLIP = (
    "dashboard.xlsx: Repeat referrals in 12 months (%) (July 2023, sheet 'Dashboard', row 4): the return's arrow is "
    "▲, but the value stayed the same, from 26.5 to 26.5"
)


def test_an_arrow_the_values_contradict_is_in_the_check_before_and_after_reopening_as_the_proof_lists_it(
    make_window, check, save_dialog, qtbot, write_workbook, tmp_path, capsys, monkeypatch
):
    import json

    from desktop_app.cli import main
    from desktop_app.gui.background_figures import CHECKING_PERFORMANCE

    dashboard = write_workbook(
        ARROW_ROWS, header=ARROW_HEADER, title_rows=[["Dashboard"]], sheet="Dashboard", name="dashboard.xlsx"
    )
    window = make_window()
    said: list[str] = []
    monkeypatch.setattr(window, "show_status", said.append)
    window.import_paths([dashboard])
    wait_for_task(qtbot, window)
    window.export_performance_dialog()
    texts = check.findings()
    [slip] = [text for text in texts if ARROW_SLIP in text]
    assert slip.startswith("Show the returns: ") and save_dialog == []
    assert CHECKING_PERFORMANCE in said  # laid out on the figures' thread, the status line saying so

    assert main(["proof", "performance", str(dashboard), "--json"]) == 1
    listed = [finding["message"] for finding in json.loads(capsys.readouterr().out)["findings"]]
    assert [text.split(": ", 1)[1] for text in texts] == listed  # the window lists what the command line does

    project_file = tmp_path / "performance.scrutiny"
    assert window.save_to(project_file)
    window.close()
    again = make_window()
    assert again.open_project(project_file)
    assert again.project.frame(ReturnKind.INDICATORS)["arrow_typed"].tolist() == ["-", "▲"]
    again.export_performance_dialog()
    assert check.findings() == texts


def test_the_performance_check_is_worked_out_again_for_a_change_made_while_it_is_worked_out(
    make_window, check, save_dialog, qtbot, write_workbook
):
    dashboard = write_workbook(
        ARROW_ROWS, header=ARROW_HEADER, title_rows=[["Dashboard"]], sheet="Dashboard", name="dashboard.xlsx"
    )
    window = make_window()
    window.import_paths([dashboard])
    wait_for_task(qtbot, window)
    assert not window.figures.performance_ready()  # under way on the figures' thread
    window.report_tab.details.set_detail("performance", "report_of", "[Name the director]")
    findings = window.figures.wait_for_performance()
    assert any("The title page still has the prompt [Name the director]" in f.text for f in findings)
    assert any(ARROW_SLIP in f.text for f in findings)
    assert window.figures.wait_for_performance() is findings  # kept while the project stays as it is
