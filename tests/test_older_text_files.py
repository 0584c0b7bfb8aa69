"""A copy of a text file made by an earlier version still reads after an upgrade adds tables and sections.

The table words it lacks are the shipped file's (they are headers, not the author's prose); a section it lacks is
printed with its title and a prompt for the author's words, which the proof before publishing names, never with
the shipped file's words (another council's).
"""

from __future__ import annotations

import re

import pytest

from desktop_app.cli import main
from desktop_app.paths import RESOURCES, SAMPLE_COMPLAINTS_LOG
from desktop_app.report.action_plan_text import load_plan_text
from desktop_app.report.marac_text import load_marac_text
from desktop_app.report.text import ReportTextError, load_report_text
from tests.pdf_structure import pdf_lines
from tests.test_proof import complaints_proof, filled, of_kind, serious

COMPLAINTS_TEXT = (RESOURCES / "complaints_report_text.toml").read_text(encoding="utf-8")
LEARNING = re.compile(r"\[sections\.learning\]\n.*?(?=\n\[sections\.)", re.DOTALL)
COMPLIMENTS_TOTAL = re.compile(r"^compliments_total = .*\n", re.MULTILINE)


def older_copy(tmp_path):
    """The shipped children's text, finished by its author, as made before the learning section and the
    compliments table's total row were added."""
    text = filled(COMPLAINTS_TEXT)
    assert LEARNING.search(text) and COMPLIMENTS_TOTAL.search(text)
    path = tmp_path / "our_complaints_text_2021.toml"
    path.write_text(COMPLIMENTS_TOTAL.sub("", LEARNING.sub("", text, count=1), count=1), encoding="utf-8")
    return path


def test_an_older_copy_reads_with_the_shipped_headers_and_a_prompt_for_the_new_section(tmp_path):
    text = load_report_text(older_copy(tmp_path))
    shipped = load_report_text()
    assert text.words("compliments_total") == shipped.words("compliments_total")
    learning = text.sections["learning"]
    assert learning.title == shipped.sections["learning"].title == "Learning from Complaints"
    assert learning.text.startswith("[Write the section “Learning from Complaints”")
    assert "cared for children" not in learning.text  # the shipped words are never the author's


def test_the_report_of_an_older_copy_is_written_and_the_proof_asks_for_the_new_section(tmp_path, capsys):
    path = older_copy(tmp_path)
    out = tmp_path / "report.pdf"
    status = main(["report", "complaints", str(SAMPLE_COMPLAINTS_LOG), "--text", str(path), "--out", str(out)])
    printed = capsys.readouterr()
    assert status == 0, printed.err
    lines = pdf_lines(out)
    assert "Learning from Complaints" in lines
    assert any(line.startswith("[Write the section “Learning from Complaints”") for line in lines)
    status, findings = complaints_proof(capsys, path)
    assert status == 1
    prompts = of_kind(serious(findings), "prompt")
    assert [finding["where"]["section"] for finding in prompts] == ["learning"]
    required = [f["where"]["section"] for f in serious(findings) if f["kind"] == "required_contents"]
    assert required == ["learning"]


def test_a_copy_of_the_action_plan_and_marac_words_lacking_a_section_reads(tmp_path):
    for name, load, section in (
        ("action_plan_report_text.toml", load_plan_text, "exceptions"),
        ("marac_report_text.toml", load_marac_text, None),
    ):
        original = (RESOURCES / name).read_text(encoding="utf-8")
        key = section or re.findall(r"^\[sections\.(\w+)\]", original, re.MULTILINE)[-1]
        block = re.compile(rf"\[sections\.{key}\]\n.*?(?=\n\[|\Z)", re.DOTALL)
        assert block.search(original), (name, key)
        path = tmp_path / f"older_{name}"
        path.write_text(block.sub("", original, count=1), encoding="utf-8")
        words = load(path)
        found = words.sections[key]
        title, text = (found.title, found.text) if hasattr(found, "title") else found
        assert text.startswith("[Write the section"), (name, key)
        assert title


def test_a_section_the_shipped_file_does_not_have_either_is_still_named(tmp_path):
    path = tmp_path / "text.toml"
    path.write_text(LEARNING.sub("", COMPLAINTS_TEXT, count=1), encoding="utf-8")
    with pytest.raises(ReportTextError, match=r"text\.toml: \[sections\.learning\] is missing"):
        load_report_text(path, shipped=path)
