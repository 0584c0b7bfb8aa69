"""The proof's command-line contract, the same for every kind of paper: `proof KIND ... --json` prints one `proof/1`
document whose findings have exactly the issue's keys, and exits 0 when nothing is at warning or above, 1 when
something is, and 2 (printing no document and no traceback) when an input cannot be read; `report KIND --strict`
writes nothing while an error remains."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.paths import RESOURCES, SAMPLE_COMPLAINTS_LOG, SAMPLE_DATA
from tests.test_report_performance import RETURNS

FINDING_KEYS = {"severity", "kind", "where", "says", "computed", "message"}
WHERE_KEYS = {"section", "file", "sheet", "row", "column"}
MARAC = str(SAMPLE_DATA / "marac_2019-2021.xlsx")
BOARD = SAMPLE_DATA / "board_report_2020-21.md"

#: Each kind with the sample it is shipped with, and the status the proof of that sample gives: the samples of
#: the performance returns and the action plan keep the slips of the seed papers they reproduce, so they give 1.
SAMPLES = [
    (
        "complaints",
        [
            str(SAMPLE_COMPLAINTS_LOG),
            "--as-of",
            "2023-11-01",
            "--text",
            str(SAMPLE_DATA / "complaints_report_text_2022-23.toml"),
        ],
        0,
    ),
    ("performance", [str(SAMPLE_DATA / name) for name in RETURNS], 1),
    ("cover", [str(SAMPLE_DATA / "cover_domestic_abuse_2023.toml"), "--template", "sefton"], 0),
    ("action-plan", [str(SAMPLE_DATA / "action_plan_2023-2028.xlsx")], 1),
    ("marac", [MARAC], 0),
    ("partnership", [MARAC, str(SAMPLE_DATA / "safe_accommodation_2023-24.xlsx")], 0),
    ("board", [str(BOARD)], 0),
]
KINDS = [kind for kind, _, _ in SAMPLES]


@pytest.mark.parametrize(("kind", "arguments", "status"), SAMPLES, ids=KINDS)
def test_every_proof_prints_the_proof_1_schema_and_exits_1_only_for_a_warning(capsys, kind, arguments, status):
    assert main(["proof", kind, *arguments, "--json"]) == status
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"schema", "findings"} and document["schema"] == "proof/1"
    findings = document["findings"]
    for finding in findings:
        assert set(finding) == FINDING_KEYS and set(finding["where"]) == WHERE_KEYS
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["kind"] and finding["message"] and isinstance(finding["says"], str)  # "" for a data reminder
        assert finding["computed"] is None or isinstance(finding["computed"], str)
        where = finding["where"]
        assert all(where[key] is None or isinstance(where[key], str) for key in ("section", "file", "sheet", "column"))
        assert where["row"] is None or (isinstance(where["row"], int) and where["row"] > 0)
    assert any(f["severity"] != "info" for f in findings) == (status == 1)


@pytest.mark.parametrize("kind", KINDS)
def test_every_proof_exits_2_naming_an_input_it_cannot_read(capsys, tmp_path, kind):
    absent = tmp_path / "absent.xlsx"
    assert main(["proof", kind, str(absent), "--json"]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.startswith("error: absent.xlsx: ") and "Traceback" not in printed.err


@pytest.mark.parametrize("kind", ["complaints", "performance", "action-plan", "marac", "partnership"])
def test_every_proof_of_returns_exits_2_for_a_file_that_is_no_workbook(capsys, tmp_path, kind):
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook", encoding="utf-8")
    assert main(["proof", kind, str(broken), "--json"]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.startswith("error: broken.xlsx: is not an Excel workbook")


def _board_source(tmp_path: Path, meeting: str) -> Path:
    """The sample board report (with its tables and picture beside it) meeting on `meeting`."""
    for name in ("board_report_tables_2020-21.xlsx", "board_report_campaign.png", "marac_2019-2021.xlsx"):
        shutil.copy(SAMPLE_DATA / name, tmp_path / name)
    source = tmp_path / "board.md"
    text = BOARD.read_text(encoding="utf-8")
    source.write_text(text.replace('meeting_date = "Tuesday 13 July 2021"', f'meeting_date = "{meeting}"', 1))
    return source


def _marac_text(tmp_path: Path, meeting: str) -> Path:
    text = tmp_path / "marac_words.toml"
    words = (RESOURCES / "marac_report_text.toml").read_text(encoding="utf-8")
    text.write_text(words.replace('meeting_date = ""', f'meeting_date = "{meeting}"', 1), encoding="utf-8")
    return text


@pytest.mark.parametrize("kind", ["board", "marac"])
def test_report_strict_writes_no_board_or_marac_paper_while_a_weekday_is_wrong(capsys, tmp_path, kind):
    """Seed 002: "Monday 12 March 2024" was a Tuesday."""

    def command(meeting: str) -> list[str]:
        if kind == "board":
            return ["report", "board", str(_board_source(tmp_path, meeting))]
        return ["report", "marac", MARAC, "--text", str(_marac_text(tmp_path, meeting))]

    out = tmp_path / "paper.pdf"
    assert main([*command("Monday 12 March 2024"), "--out", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "Monday 12 March 2024" in err and "Tuesday" in err
    assert err.endswith("so paper.pdf was not written (--strict)\n") and not out.exists()
    assert main([*command("Tuesday 12 March 2024"), "--out", str(out), "--strict"]) == 0
    assert out.stat().st_size > 0
