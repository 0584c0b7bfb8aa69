"""The proof of the MARAC and partnership appendices: `proof marac|partnership` and `report ... --strict`."""

from __future__ import annotations

import json

from desktop_app.cli import main
from desktop_app.paths import RESOURCES, SAMPLE_DATA
from tests.test_marac_reader import workbook

MARAC = SAMPLE_DATA / "marac_2019-2021.xlsx"
SAFE_ACCOMMODATION = SAMPLE_DATA / "safe_accommodation_2023-24.xlsx"


def proof_json(capsys, kind: str, *arguments: str) -> tuple[int, list[dict]]:
    code = main(["proof", kind, *arguments, "--json"])
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "proof/1"
    return code, document["findings"]


def test_the_samples_give_nothing_at_warning_or_above(capsys):
    code, findings = proof_json(capsys, "partnership", str(MARAC), str(SAFE_ACCOMMODATION))
    assert code == 0
    assert findings and {finding["severity"] for finding in findings} == {"info"}  # the return's own notes
    assert proof_json(capsys, "marac", str(MARAC)) == (0, [])


def test_a_returns_unreadable_cell_is_queried_with_its_cell(tmp_path, capsys):
    path = workbook(tmp_path / "marac.xlsx", [("2020-21", 737, "six hundred", 58, 7, 116_750)])
    code, findings = proof_json(capsys, "marac", str(path))
    assert code == 1
    (slip,) = [finding for finding in findings if finding["kind"] == "return_slip"]
    assert slip["severity"] == "warning" and slip["says"] == "six hundred"
    assert slip["where"] == {
        "section": None,
        "file": "marac.xlsx",
        "sheet": "Return",
        "row": 4,
        "column": "Police referrals",
    }


def test_strict_refuses_a_partnership_paper_whose_words_have_an_error(tmp_path, capsys):
    words = (RESOURCES / "marac_report_text.toml").read_text(encoding="utf-8")
    words = words.replace('meeting_date = ""', 'meeting_date = "Tuesday 4 March 2024"', 1)  # a Monday
    text = tmp_path / "words.toml"
    text.write_text(words, encoding="utf-8")
    out = tmp_path / "partnership.pdf"
    arguments = ["report", "partnership", str(MARAC), str(SAFE_ACCOMMODATION), "--text", str(text), "--out", str(out)]

    assert main([*arguments, "--strict"]) == 1
    assert not out.exists()
    assert "was not written (--strict)" in capsys.readouterr().err
    assert main(arguments) == 0  # without --strict the error is printed as a warning and the paper written
    assert out.exists() and "Monday" in capsys.readouterr().err
