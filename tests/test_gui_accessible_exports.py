"""What a screen reader meets in the window's exports: the author's own chart descriptions reach the PDF's
Figures and the Word pictures, and the council's Word template chosen in the window shapes the Word file."""

from __future__ import annotations

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from desktop_app.gui.chart_texts_dialog import ChartTextsDialog
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures
from tests.test_report_performance import RETURNS
from tests.test_word_document import council_template

OWN_WORDS = "Contacts to the front door held steady all year, at about 1,250 a month."


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    window.import_paths([SAMPLE_DATA / name for name in RETURNS])
    wait_for_task(qtbot, window)
    return window


def pdf_figure_texts(path) -> list[str]:
    """The /Alt of every Figure in the PDF's structure tree, in reading order."""
    texts: list[str] = []

    def walk(element) -> None:
        kids = element.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if kid["/S"] == "/Figure":
                    texts.append(str(kid.get("/Alt", "")))
                walk(kid)

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot)
    return texts


def word_picture_texts(path) -> list[str]:
    """The alternative text (`descr`) of every picture in the Word file."""
    body = docx.Document(str(path)).element.body
    return [doc_pr.get("descr", "") for doc_pr in body.iter(qn("wp:docPr"))]


def describe_first_chart(monkeypatch, words: str) -> list[str]:
    """Edit > Chart descriptions: type `words` over the first chart's text and press OK. The worked-out
    texts the dialog offered are returned."""
    shown: list[str] = []

    def exec_(dialog: ChartTextsDialog) -> int:
        first = next(iter(dialog.editors.values()))
        shown.extend(dialog.worked_out.values())
        first.selectAll()
        first.insertPlainText(words)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChartTextsDialog, "exec", exec_)
    return shown


def test_the_authors_chart_description_reaches_the_pdf_and_word_and_undo_puts_back_the_worked_out_one(
    window, qtbot, tmp_path, monkeypatch
):
    worked_out = describe_first_chart(monkeypatch, OWN_WORDS)
    window.chart_texts_action.trigger()
    # three children's trend charts, seed 000's fourteen adult charts and the reablement delivery proportions
    assert len(worked_out) == 18 and worked_out[0].startswith("Bar chart with a line:")
    assert [text for text in worked_out if text.startswith("Stacked bar chart: Reablement Delivery Proportions")]
    for out in (tmp_path / "performance.pdf", tmp_path / "performance.docx"):
        window.export_performance_to(out)
        wait_for_task(qtbot, window)
    assert pdf_figure_texts(tmp_path / "performance.pdf") == [OWN_WORDS, *worked_out[1:]]
    assert word_picture_texts(tmp_path / "performance.docx") == [OWN_WORDS, *worked_out[1:]]

    window.undo_stack.undo()
    assert "chart_alt_texts" not in window.project.settings
    window.export_performance_to(tmp_path / "again.docx")
    wait_for_task(qtbot, window)
    assert word_picture_texts(tmp_path / "again.docx") == worked_out


def test_the_chart_descriptions_are_saved_with_the_project(window, qtbot, tmp_path, monkeypatch):
    describe_first_chart(monkeypatch, OWN_WORDS)
    window.chart_texts_action.trigger()
    path = tmp_path / "report.scrutiny"
    assert window.save_to(path)
    window.new_project()
    assert window.open_project(path, ask=False)
    texts = window.project.settings["chart_alt_texts"]
    assert list(texts.values()) == [OWN_WORDS]


def test_putting_back_the_worked_out_text_keeps_no_text_of_the_authors(window, qtbot):
    from desktop_app.export import performance_report_document

    document = performance_report_document(*window._performance_inputs(), alt_texts={})
    charts = list(document.charts())
    first = charts[0].key
    dialog = ChartTextsDialog(charts, {first: OWN_WORDS})
    qtbot.addWidget(dialog)
    assert dialog.editors[first].toPlainText() == OWN_WORDS
    assert dialog.authored() == {first: OWN_WORDS}
    reset = [b for b in dialog.findChildren(QPushButton) if b.text() == "Use the worked-out text"]
    assert len(reset) == len(charts)
    reset[0].click()
    assert dialog.editors[first].toPlainText() == charts[0].alt_text
    assert dialog.authored() == {}
    dialog.editors[first].setPlainText("   ")  # a blank text is never a chart's description
    assert dialog.authored() == {}


def test_the_word_template_chosen_in_the_window_shapes_every_word_export(
    make_window, qtbot, tmp_path, monkeypatch, answers
):
    shown, replies = answers
    template = tmp_path / "council.dotx"
    council_template(template, "Arial Black")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(template), ""))
    window = make_window()
    window.word_template_action.trigger()
    assert "council.dotx" in window.status_text.text()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    window.export_to(tmp_path / "complaints.docx")
    wait_for_task(qtbot, window)
    assert docx.Document(str(tmp_path / "complaints.docx")).styles["Heading 1"].font.name == "Arial Black"

    again = make_window()  # the template is the user's, for every project on this machine
    assert again.word_template() == str(template)
    again.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, again)
    again.export_to(tmp_path / "complaints.pdf")  # a PDF keeps its own page style
    wait_for_task(qtbot, again)
    assert (tmp_path / "complaints.pdf").read_bytes().startswith(b"%PDF")

    replies["ask"] = "plain"
    again.word_template_action.trigger()
    assert again.word_template() is None
    again.export_to(tmp_path / "plain.docx")
    wait_for_task(qtbot, again)
    assert docx.Document(str(tmp_path / "plain.docx")).styles["Heading 1"].font.name != "Arial Black"


def test_a_template_that_is_not_word_says_so_in_one_sentence(make_window, qtbot, tmp_path, monkeypatch, answers):
    shown, _ = answers
    broken = tmp_path / "letterhead.dotx"
    broken.write_bytes(b"not a zip at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    window = make_window()
    window.word_template_action.trigger()
    window.import_paths([SAMPLE_COMPLAINTS_LOG])
    wait_for_task(qtbot, window)
    window.export_to(tmp_path / "complaints.docx")
    wait_for_task(qtbot, window)
    said = "letterhead.dotx cannot be used as a Word template: it is not a Word document or template (.docx or .dotx)"
    assert ("warn", "That did not work", said) in shown
    assert not (tmp_path / "complaints.docx").exists()
