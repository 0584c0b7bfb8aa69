"""A log that writes its outcomes its own way ('Founded', 'Unfounded', 'Partly founded', 'Discontinued'):
every complaint still counts, the upheld figure says what it left out, and a council teaches its words once,
in its own file (on the command line, or in the window where the project keeps them)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.cli import main
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.domain.problems import Severity
from desktop_app.domain.vocabulary import load_vocabulary, read_own_words
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.report.complaints import complaints_document
from desktop_app.report.text import load_report_text
from tests.test_gui_window import answers, make_window, wait_for_task  # noqa: F401 - the window's fixtures

YEAR = Period(dt.date(2022, 4, 1), dt.date(2023, 3, 31))
AS_OF = dt.date(2023, 6, 1)
#: (outcome as the log writes it, how many Stage 1 statutory complaints, finalised?)
OUTCOMES = [
    ("Upheld", 3, True),
    ("Founded", 4, True),
    ("Unfounded", 3, True),
    ("Partly founded", 2, True),
    ("Discontinued", 1, True),
    (None, 1, True),  # finalised with no outcome written
    ("Ongoing", 2, False),
]
RECEIVED = sum(count for _, count, _ in OUTCOMES)
OWN_WORDS = """
[outcome]
upheld = ["Founded"]
partially_upheld = ["Partly founded"]
not_upheld = ["Unfounded"]
withdrawn = ["Discontinued"]
"""


@pytest.fixture
def own_log(write_workbook):
    rows, number = [], 0
    for outcome, count, finalised in OUTCOMES:
        for _ in range(count):
            number += 1
            received = dt.date(2022, 5, 1) + dt.timedelta(days=number)
            responded = received + dt.timedelta(days=7) if finalised else None
            rows.append([f"C{number:03}", "Statutory", "1", received, None, responded, "No", outcome, "Care", "Parent"])
    return write_workbook(rows)


@pytest.fixture
def own_words_file(tmp_path):
    path = tmp_path / "our_words.toml"
    path.write_text(OWN_WORDS, encoding="utf-8")
    return path


def test_an_unknown_outcome_word_keeps_its_complaint_and_is_named_once(own_log, rules, vocabulary):
    imported = read_complaints_log(own_log, vocabulary, rules)
    assert len(imported.log) == RECEIVED and imported.count(Severity.ERROR) == 0
    words = [p for p in imported.problems if "is not an outcome the vocabulary knows" in p.message]
    assert [(p.value, p.row) for p in words] == [
        ("Founded", 7),
        ("Unfounded", 11),
        ("Partly founded", 14),
        ("Discontinued", 16),
    ]
    founded = words[0].message
    assert "(4 complaints, the first here)" in founded and "counted in every figure but the upheld figure" in founded
    assert "To teach it, add it to your own vocabulary file" in founded
    assert "The nearest known word is 'Partly upheld'" in words[2].message
    assert '[outcome] partially_upheld = ["Partly founded"]' in words[2].message
    assert "under its meaning (one of upheld, partially_upheld, not_upheld, withdrawn" in words[3].message
    # one message per fact: the blank outcome is "no outcome", the unknown words are not
    no_outcome = [p for p in imported.problems if p.message.startswith("no outcome, but a response date")]
    assert [p.row for p in no_outcome] == [17]


def test_the_upheld_figure_leaves_out_only_what_it_cannot_read_and_the_appendix_says_so(own_log, rules, vocabulary):
    imported = read_complaints_log(own_log, vocabulary, rules)
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, YEAR, AS_OF)
    stage1 = summary.stages.set_index(["procedure", "stage"]).loc[("childrens_statutory", "1")]
    assert (stage1["received"], stage1["finalised"], stage1["open"]) == (RECEIVED, 14, 2)
    assert (stage1["upheld"], stage1["decided"]) == (3, 3)  # 3 of 3 read: the 11 others are not in the denominator
    document = complaints_document(summary, rules, load_report_text())
    notes = [note.text for note in document.notes() if "upheld figure" in note.text]
    assert notes == [
        "10 finalised complaints are left out of the upheld figure: their outcome is not one of Upheld, Partially "
        "upheld, Not upheld or a reason for no finding (the log says 'Founded' (4), 'Unfounded' (3), "
        "'Partly founded' (2), 'Discontinued' (1)).",
        "1 finalised complaint is left out of the upheld figure: no outcome is recorded.",
    ]


def test_the_appendix_pdf_carries_the_note_under_the_table(own_log, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "appendix.pdf"
    assert main(["report", "complaints", str(own_log), "--out", str(out), "--as-of", AS_OF.isoformat()]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "10 finalised complaints are left out of the upheld figure" in text


def test_the_councils_own_words_count_from_the_command_line(own_log, own_words_file, capsys):
    assert main(["complaints", str(own_log), "--as-of", AS_OF.isoformat(), "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    taught = ["complaints", str(own_log), "--as-of", AS_OF.isoformat(), "--json", "--vocabulary", str(own_words_file)]
    assert main(taught) == 0
    after = json.loads(capsys.readouterr().out)

    def stage1(document):
        return next(
            row for row in document["stages"] if row["procedure"] == "childrens_statutory" and row["stage"] == "1"
        )

    assert (stage1(before)["upheld"], stage1(before)["decided"]) == (3, 3)
    assert (stage1(after)["upheld"], stage1(after)["decided"]) == (9, 12)  # 3 + 4 founded + 2 partly; + 3 unfounded
    assert stage1(after)["received"] == stage1(before)["received"] == RECEIVED

    assert main(["check", str(own_log), "--vocabulary", str(own_words_file)]) == 0
    assert "is not an outcome the vocabulary knows" not in capsys.readouterr().out
    assert main(["check", str(own_log)]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if "is not an outcome the vocabulary knows" in line]
    assert len(listed) == 4  # each word once, not once per row


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ('[outcomes]\nupheld = ["Founded"]\n', "[outcomes] is not a kind of word the log has"),
        ('[outcome]\nupheld = "Founded"\n', "give the words as a list"),
        ('[outcome]\nnot_upheld = ["Upheld"]\n', "'Upheld' is listed under both 'upheld' and 'not_upheld'"),
        ('[outcome.founded]\nnames = ["Founded"]\n', "outcome 'founded': counts_as must be one of"),
        ('[columns]\ncase = ["Case number"]\n', "[columns] case is not a column of the log"),
        ("[outcome\n", "our_words.toml"),
    ],
    ids=["unknown-kind", "not-a-list", "two-meanings", "new-code-without-counts-as", "unknown-column", "broken"],
)
def test_a_mistake_in_the_councils_words_is_one_line_naming_its_file(own_log, tmp_path, capsys, words, said):
    path = tmp_path / "our_words.toml"
    path.write_text(words, encoding="utf-8")
    assert main(["complaints", str(own_log), "--vocabulary", str(path)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: our_words.toml") and said in error and "\n" not in error


def test_own_words_never_change_the_shipped_vocabulary(own_words_file):
    shipped = load_vocabulary()
    taught = load_vocabulary(own_words=read_own_words(own_words_file))
    assert taught.code("outcome", "Founded") == "upheld" and taught.code("outcome", "Upheld") == "upheld"
    assert shipped.code("outcome", "Founded") is None and load_vocabulary().code("outcome", "Founded") is None


def test_the_window_teaches_the_words_once_and_the_project_remembers_them(
    make_window, qtbot, tmp_path, own_log, own_words_file, monkeypatch
):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(own_words_file), ""))
    window = make_window()
    window.import_paths([own_log])
    wait_for_task(qtbot, window)
    window.workspace.as_of = AS_OF

    def upheld_and_decided():
        stages = window.workspace.complaints().stages.set_index(["procedure", "stage"])
        row = stages.loc[("childrens_statutory", "1")]
        return row["upheld"], row["decided"]

    assert upheld_and_decided() == (3, 3)
    assert window.workspace.unknown_outcome_words() == {
        "Founded": 4,
        "Unfounded": 3,
        "Partly founded": 2,
        "Discontinued": 1,
    }
    window.own_words_action.trigger()
    assert upheld_and_decided() == (9, 12)  # at once, without importing the log again
    assert window.workspace.unknown_outcome_words() == {}
    assert "our_words.toml" in window.status_text.text()
    notes = [note.text for note in window.workspace.complaints_document().notes() if "upheld figure" in note.text]
    assert notes == ["1 finalised complaint is left out of the upheld figure: no outcome is recorded."]

    window.undo_stack.undo()
    assert upheld_and_decided() == (3, 3)
    window.undo_stack.redo()
    path = tmp_path / "report.scrutiny"
    assert window.save_to(path)
    own_words_file.unlink()  # the project keeps the words, not the file
    window.new_project()
    assert window.open_project(path, ask=False)
    window.workspace.as_of = AS_OF
    assert upheld_and_decided() == (9, 12)


def test_a_log_imported_after_the_words_are_taught_is_checked_with_them(
    make_window, qtbot, own_log, own_words_file, monkeypatch
):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(own_words_file), ""))
    window = make_window()
    window.own_words_action.trigger()
    window.import_paths([own_log])
    wait_for_task(qtbot, window)

    unknown = [p.value for p in window.project.problems if "is not an outcome the vocabulary knows" in p.message]
    assert unknown == []  # "Founded" and the rest are the council's words now
