"""The command line's MARAC commands (desktop_app.cli adds them to its parser).

    python -m desktop_app report marac RETURN.xlsx [MORE.xlsx ...] --out FILE.pdf [--docx]
    python -m desktop_app report partnership RETURN.xlsx ... --out FILE.pdf    (the same)

`check` of a MARAC return lists its years and every problem in it, then each
measure of the latest year against its benchmark, as the appendix prints them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.resource_files import ResourceFileError

if TYPE_CHECKING:  # the commands import pandas and the readers when run: the window paints without them
    import pandas as pd

    from desktop_app.excel.marac import MaracImport
    from desktop_app.report.model import Document, PageOptions

MARAC_KINDS = ("marac", "partnership")
MARAC_SCHEMA = "marac/1"
EXIT_UNREADABLE = 2


def add_marac_commands(
    report_kinds: argparse._SubParsersAction, page_arguments: Callable[[argparse.ArgumentParser], None]
) -> None:
    """`report marac` (also `report partnership`), with the command line's own page options."""
    report = report_kinds.add_parser(
        "marac", aliases=["partnership"], help="MARAC figures against their benchmarks (SafeLives), as an appendix"
    )
    report.add_argument("files", type=Path, nargs="+", help="the MARAC returns (.xlsx, .xlsm or .csv)")
    report.add_argument("--out", type=Path, required=True, help="the PDF (or .docx) to write")
    report.add_argument("--docx", action="store_true", help="write a Word copy beside the PDF too (same name, .docx)")
    report.add_argument(
        "--benchmarks", type=Path, help="the benchmarks (default: resources/domestic_abuse_benchmarks.toml)"
    )
    report.add_argument("--text", type=Path, help="the appendix's words (default: resources/marac_report_text.toml)")
    page_arguments(report)


def _read(files: list[Path]) -> tuple[pd.DataFrame, list[Problem]] | None:
    """The returns' rows together, and their problems; None (one line on stderr) where one cannot be read."""
    import pandas as pd

    from desktop_app.excel.marac import read_marac_return
    from desktop_app.excel.workbook import WorkbookError

    try:
        reads = [read_marac_return(path) for path in files]
    except (WorkbookError, ResourceFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    rows = pd.concat([read.rows for read in reads], ignore_index=True)
    return rows, [problem for read in reads for problem in read.problems]


def run_marac_report(args: argparse.Namespace, page_options: Callable[[argparse.Namespace], PageOptions]) -> int:
    from desktop_app.domain.marac import load_benchmarks, marac_years
    from desktop_app.export import write_appendix_files  # ReportLab or python-docx only when needed
    from desktop_app.report.marac import marac_document
    from desktop_app.report.marac_text import load_marac_text

    read = _read(args.files)
    if read is None:
        return EXIT_UNREADABLE
    rows, problems = read
    try:
        benchmarks = load_benchmarks(args.benchmarks) if args.benchmarks else load_benchmarks()
        text = load_marac_text(args.text) if args.text else load_marac_text()
        document = marac_document(marac_years(rows), benchmarks, text, page_options(args))
        outs = write_appendix_files(document, args.out, args.docx, args.template_docx)
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for problem in problems:
        print(problem, file=sys.stderr)
    for out in outs:
        print(f"wrote {out}")
    return 0


def marac_check(path: Path, as_json: bool = False) -> int | None:
    """`check` of a MARAC return: its years, its problems and the latest year against each benchmark (with
    `as_json`, one MARAC_SCHEMA document); None where `path` has no MARAC header (the other returns' check
    reads it)."""
    from desktop_app.domain.formatting import json_text
    from desktop_app.domain.marac import load_benchmarks
    from desktop_app.excel.marac import marac_header, read_marac_return
    from desktop_app.excel.workbook import WorkbookError, open_source
    from desktop_app.plain_text import table_text
    from desktop_app.report.marac import marac_document

    try:
        from desktop_app.domain.marac import load_marac_vocabulary

        vocabulary = load_marac_vocabulary()
        if not any(marac_header(sheet, vocabulary) for sheet in open_source(path).sheets):
            return None
        read = read_marac_return(path, vocabulary)
        benchmarks = load_benchmarks()
    except (WorkbookError, ResourceFileError):
        return None
    years = read.years
    failed = 1 if any(problem.severity is Severity.ERROR for problem in read.problems) else 0
    if as_json:
        print(json_text(marac_json(read, marac_document(years, benchmarks) if not years.empty else None)))
        return failed
    print(f"{read.provenance.file} (SHA-256 {read.provenance.sha256[:16]}...): a MARAC return")
    print(
        f"  {len(years)} years: " + ", ".join(f"{p} ({q} quarters)" for p, q in zip(years["period"], years["quarters"]))
    )
    print(f"{len(read.problems)} problems")
    for problem in read.problems:
        print(f"  {problem}")
    if not years.empty:
        print()
        print(table_text(marac_document(years, benchmarks).table("marac_summary")))
    return failed


def marac_json(read: MaracImport, document: Document | None) -> dict[str, object]:
    """The marac/1 document: the file, its problems, and each figure of the appendix by name (its text as
    printed and its value)."""
    from desktop_app.domain.formatting import json_number

    figures = document.figures if document is not None else {}
    return {
        "schema": MARAC_SCHEMA,
        "file": read.provenance.file,
        "sha256": read.provenance.sha256,
        "problems": [problem.to_dict() for problem in read.problems],
        "figures": {
            name: {
                "text": figure.text,
                "value": figure.value if isinstance(figure.value, str) else json_number(figure.value),
            }
            for name, figure in figures.items()
        },
    }
