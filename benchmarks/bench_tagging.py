"""What tagging (PDF/UA) adds to an appendix export, beside the untagged layout of the same story.

    .venv/bin/python benchmarks/bench_tagging.py [--rows 100000] [--repeat 5]

For the sample log's appendix and for one from a synthetic log of `--rows` rows (the appendix's tables do
not grow with the log; the figures do), prints the median of `--repeat` runs of: the layout alone
(ReportLab's multiBuild of the story, the anchor), the tagged export (marks and structure tree), the
difference and the ratio; and whether the tagged file passes tests/pdf_structure.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_complaints import median_seconds, synthetic_log
from desktop_app.domain.complaints import summarise
from desktop_app.domain.periods import Period
from desktop_app.domain.rules import load_rules
from desktop_app.domain.vocabulary import load_vocabulary
from desktop_app.excel.complaints_log import read_complaints_log
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.pdf.document import AppendixDocTemplate
from desktop_app.pdf.render import PdfWriter, render_document
from desktop_app.pdf.style import load_style
from desktop_app.report.complaints import complaints_document
from desktop_app.report.model import Document
from tests.pdf_structure import structure_problems


def untagged(document: Document) -> bytes:
    """The same story laid out by the same template, with no marks and no structure tree."""
    style = load_style()
    buffer = io.BytesIO()
    metadata = document.metadata
    template = AppendixDocTemplate(
        buffer, style, document.options, title=metadata.title, author=metadata.author, subject=metadata.subject
    )
    template.multiBuild(PdfWriter(style).story(document))
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rules, vocabulary = load_rules(), load_vocabulary()
    as_of = dt.date(2023, 11, 1)
    sample = read_complaints_log(SAMPLE_COMPLAINTS_LOG, vocabulary, rules).log
    logs = {"sample log": sample, f"{args.rows:,}-row log": synthetic_log(args.rows)}
    for name, log in logs.items():
        period = Period.latest_year(log["received"], rules.year_start, as_of)
        summary = summarise(log, rules, vocabulary.outcome_classes, period, as_of)
        document = complaints_document(summary, rules)
        plain = median_seconds(lambda document=document: untagged(document), args.repeat)
        tagged = median_seconds(lambda document=document: render_document(document), args.repeat)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "appendix.pdf"
            path.write_bytes(render_document(document))
            problems = structure_problems(path)
        print(
            f"{name}: layout alone {plain:.3f} s (anchor), tagged export {tagged:.3f} s, "
            f"tagging adds {tagged - plain:+.3f} s ({tagged / plain:.2f}x); "
            f"structural checks: {'pass' if not problems else problems[:3]}"
        )


if __name__ == "__main__":
    main()
