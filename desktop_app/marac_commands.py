"""The command line's MARAC commands (desktop_app.cli adds them to its parser).

    python -m desktop_app report marac RETURN.xlsx [MORE.xlsx ...] --out FILE.pdf [--docx]
    python -m desktop_app report partnership MARAC.xlsx SAFE_ACCOMMODATION.xlsx ... --out FILE.pdf [--as-at DATE]

`report partnership` adds the safe accommodation section (desktop_app.safe_accommodation_commands) after the
MARAC appendix where a safe accommodation return is among its files, and then the domestic abuse series section
(desktop_app.da_series_commands) where a series return is. Each file is read once.

`check` of a MARAC return lists its years and every problem in it, then each
measure of the latest year against its benchmark, as the appendix prints them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.partnership import appendix_findings, partnership_appendix
from desktop_app.proof_output import EXIT_FINDINGS, print_proof, proof_allows, strict_argument

if TYPE_CHECKING:  # the commands import pandas and the readers when run: the window paints without them
    from desktop_app.excel.marac import MaracImport
    from desktop_app.excel.workbook import Source
    from desktop_app.report.appendix_text import AppendixText
    from desktop_app.report.model import Document, PageOptions

MARAC_KINDS = ("marac", "partnership")
MARAC_SCHEMA = "marac/1"
EXIT_UNREADABLE = 2


def add_marac_commands(
    report_kinds: argparse._SubParsersAction,
    proof_kinds: argparse._SubParsersAction,
    page_arguments: Callable[[argparse.ArgumentParser], None],
    date: Callable[[str], dt.date],
) -> None:
    """`report marac` and `report partnership` (MARAC and safe accommodation), and their `proof`, with the
    command line's own page options and its reading of a date."""
    marac = report_kinds.add_parser("marac", help="MARAC figures against their benchmarks (SafeLives), as an appendix")
    marac.add_argument("files", type=Path, nargs="+", help="the MARAC returns (.xlsx, .xlsm or .csv)")
    partnership = report_kinds.add_parser(
        "partnership",
        help="a partnership's appendix: MARAC figures against their benchmarks, and the safe accommodation return "
        "(Domestic Abuse Act 2021, Part 4) beside the published regional and England tables",
    )
    partnership.add_argument(
        "files",
        type=Path,
        nargs="+",
        help="the MARAC returns, the safe accommodation return and, if wanted, the published tables, and the "
        "domestic abuse series return (.xlsx)",
    )
    marac_proof = proof_kinds.add_parser("marac", help="the proof of the MARAC appendix")
    marac_proof.add_argument("files", type=Path, nargs="+", help="the MARAC returns (.xlsx, .xlsm or .csv)")
    partnership_proof = proof_kinds.add_parser("partnership", help="the proof of a partnership's appendix")
    partnership_proof.add_argument(
        "files", type=Path, nargs="+", help="the MARAC returns, the safe accommodation return and its tables"
    )
    for parser in (partnership, partnership_proof):
        parser.add_argument(
            "--as-at",
            type=date,
            metavar="DATE",
            help="the report date the strategy's review date is held against (default: the end of the safe "
            "accommodation return's latest year)",
        )
    for parser in (marac, partnership, marac_proof, partnership_proof):
        parser.add_argument(
            "--benchmarks", type=Path, help="the benchmarks (default: resources/domestic_abuse_benchmarks.toml)"
        )
        parser.add_argument(
            "--text", type=Path, help="the MARAC appendix's words (default: resources/marac_report_text.toml)"
        )
    for report in (marac, partnership):
        report.add_argument("--out", type=Path, required=True, help="the PDF (or .docx) to write")
        report.add_argument(
            "--docx", action="store_true", help="write a Word copy beside the PDF too (same name, .docx)"
        )
        page_arguments(report)
        strict_argument(report)
    for proof in (marac_proof, partnership_proof):
        proof.add_argument("--json", action="store_true", help="print one JSON document (proof/1)")


def run_marac_report(args: argparse.Namespace, page_options: Callable[[argparse.Namespace], PageOptions]) -> int:
    """`report marac`, and `report partnership`: the MARAC appendix with the safe accommodation section after
    it where a safe accommodation return is among the files (the safe accommodation appendix alone where only
    it is). Its proof's findings are printed first, and --strict writes nothing while an error remains."""
    from desktop_app.da_series_commands import SeriesFilesError
    from desktop_app.export import write_appendix_files  # ReportLab or python-docx only when needed
    from desktop_app.safe_accommodation_commands import SafeAccommodationFilesError

    try:
        made = _appendix(args, page_options(args))
        if made is None:
            return EXIT_UNREADABLE
        document, problems, texts = made
        if not proof_allows(args, appendix_findings(document, texts)):
            return EXIT_FINDINGS
        outs = write_appendix_files(document, args.out, args.docx, args.template_docx)
    except (ResourceFileError, SafeAccommodationFilesError, SeriesFilesError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for problem in problems:
        print(problem, file=sys.stderr)
    for out in outs:
        print(f"wrote {out}")
    return 0


def run_marac_proof(args: argparse.Namespace) -> int:
    """`proof marac` and `proof partnership`: the returns' problems, then the appendix's own findings."""
    from desktop_app.da_series_commands import SeriesFilesError
    from desktop_app.report.proof import slip_findings
    from desktop_app.safe_accommodation_commands import SafeAccommodationFilesError

    try:
        made = _appendix(args, None)
    except (ResourceFileError, SafeAccommodationFilesError, SeriesFilesError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if made is None:
        return EXIT_UNREADABLE
    document, problems, texts = made
    findings = slip_findings(problems, "return_slip") + appendix_findings(document, texts)
    return print_proof(args, findings, "partnership appendix" if args.proof_kind == "partnership" else "MARAC appendix")


def _appendix(
    args: argparse.Namespace, options: PageOptions | None
) -> tuple[Document, list[Problem], list[AppendixText]] | None:
    """The appendix of the files `args` names (each read once), their problems and the words it is made of; None
    (one line on stderr) where a return cannot be read. Errors of the safe accommodation and series files are
    raised."""
    from desktop_app.excel.workbook import WorkbookError
    from desktop_app.report.model import PageOptions

    kind = getattr(args, "report_kind", None) or args.proof_kind
    try:
        return partnership_appendix(
            list(args.files),
            options or PageOptions(),
            with_safe_accommodation=kind == "partnership",
            benchmarks=args.benchmarks,
            text=args.text,
            as_at=getattr(args, "as_at", None),
        )
    except (WorkbookError, ResourceFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def marac_check(source: Source, as_json: bool = False) -> int | None:
    """`check` of a MARAC return: its years, its problems and the latest year against each benchmark (with
    `as_json`, one MARAC_SCHEMA document); None where the file has no MARAC header (the other returns' check
    reads it)."""
    from desktop_app.domain.formatting import json_text
    from desktop_app.domain.marac import load_benchmarks
    from desktop_app.excel.marac import marac_header, read_marac_return
    from desktop_app.excel.workbook import WorkbookError
    from desktop_app.plain_text import checked_text
    from desktop_app.report.marac import marac_document

    try:
        from desktop_app.domain.marac import load_marac_vocabulary

        vocabulary = load_marac_vocabulary()
        if not any(marac_header(sheet, vocabulary) for sheet in source.sheets):
            return None
        read = read_marac_return(source, vocabulary)
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
    summary = [] if years.empty else [marac_document(years, benchmarks).table("marac_summary")]
    print(checked_text(read.problems, summary))
    return failed


def marac_json(read: MaracImport, document: Document | None) -> dict[str, object]:
    """The marac/1 document: the file, its problems, and each figure of the appendix by name (its text as
    printed and its value)."""
    from desktop_app.plain_text import checked_json

    return checked_json(MARAC_SCHEMA, read.provenance, read.problems, document)
