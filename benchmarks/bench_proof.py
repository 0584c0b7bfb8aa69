"""How long the proof of a complaints appendix takes, beside the time to build that appendix's report model.

    .venv/bin/python benchmarks/bench_proof.py [--rows 100000] [--repeat 5]

The log is generated as benchmarks/bench_complaints.py generates it (five years, every procedure and stage)
and summarised for one year; then, the median of `--repeat` runs each: building the appendix's report model
from the summary (report.complaints.complaints_document: every figure formatted, every word filled; the
anchor), and the proof of that appendix (report.proof.proof_findings with the author's words: the shipped
text, and the shipped text with a slip in every section, so every check has something to find), with the
ratio. The proof reads the words and the figures, not the log's rows, so its time does not grow with the log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_complaints import median_seconds, synthetic_log
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.domain.rules import load_rules
from desktop_app.domain.vocabulary import load_vocabulary
from desktop_app.paths import RESOURCES
from desktop_app.report.complaints import complaints_document
from desktop_app.report.proof import proof_findings
from desktop_app.report.text import DEFAULT_TEXT_FILE, load_report_text

#: A slip of each kind the proof finds, one per section, in place of the sentence each section's text ends on.
SLIPS = (
    "The Council received 69 statutory complaints, which is 0.5% of the contacts received.",
    "Of 703 initial child protection conferences, 171 (25%) led to a complaint on Monday 14 November 2023.",
    "Contacts from the Ombudsman remained consistent, and responses in time fell to {statutory_stage1_in_time_pct} "
    "from {statutory_stage1_in_time_pct_last_year}, a fall of 11%.",
    "1.1 One.\n\n1.2 Two.\n\n1.2 Three.\n\n1.4 Four, approx. 100 approx. 100.",
)


def slipped_text(folder: Path) -> Path:
    """The shipped text with a slip added to the end of each section's text."""
    shipped = DEFAULT_TEXT_FILE.read_text(encoding="utf-8")
    for number, key in enumerate(load_report_text().sections):
        marker = f"[sections.{key}]\ntitle = "
        start = shipped.index(marker)
        text_end = shipped.index('"""', shipped.index('text = """', start) + 10)
        shipped = f"{shipped[:text_end]}\n{SLIPS[number % len(SLIPS)]}\n{shipped[text_end:]}"
    path = folder / "slipped_text.toml"
    path.write_text(shipped, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    rules, vocabulary = load_rules(), load_vocabulary()
    year = Period(dt.date(2022, 4, 1), dt.date(2023, 3, 31))
    as_of = dt.date(2024, 6, 1)
    summary = summarise(synthetic_log(args.rows), rules, vocabulary.outcome_classes, year, as_of)
    overdue = int(summary.cases["overdue"].astype(bool).sum())
    print(f"the complaints appendix of one year of a {args.rows:,}-row log, median of {args.repeat} runs")
    with tempfile.TemporaryDirectory() as folder:
        for label, text in (
            ("shipped text", load_report_text(RESOURCES / "complaints_report_text.toml")),
            ("a slip in every section", load_report_text(slipped_text(Path(folder)))),
        ):
            build = functools.partial(complaints_document, summary, rules, text)
            document = build()
            check = functools.partial(proof_findings, document, text=text, as_at=as_of, overdue=overdue)
            found = check()
            model = median_seconds(build, args.repeat)
            proof = median_seconds(check, args.repeat)
            serious = sum(finding.serious for finding in found)
            print(
                f"  {label}: proof {proof * 1000:.1f} ms ({len(found)} findings, {serious} at warning or above)   "
                f"anchor (the report model) {model * 1000:.1f} ms   ratio {proof / model:.2f}x"
            )


if __name__ == "__main__":
    main()
