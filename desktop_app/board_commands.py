"""The command line's narrative board report (desktop_app.cli adds it to its parser).

    python -m desktop_app report board SOURCE.md --out FILE.pdf [--docx FILE.docx] [--plan PLAN.xlsx --as-of D]
        [--strict]
    python -m desktop_app proof board SOURCE.md [--plan PLAN.xlsx --as-of D] [--json]

The source (report.board_source) names the workbook of its tables and the
returns of its live figures; each is read here, so a file that cannot be read
is one line naming the source's line, and exit 2, never a traceback. With
--plan, the words may use the action plan's figures at --as-of (report.board's
PLAN_FIGURES: {red_count}, {past_due_actions} ...).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.resource_files import ResourceFileError

if TYPE_CHECKING:  # the readers and pandas are imported when the command runs
    from desktop_app.report.board import BoardBuilder
    from desktop_app.report.board_source import BoardSource
    from desktop_app.report.model import Document, Figure, PageOptions
    from desktop_app.report.proof import Finding

EXIT_UNREADABLE = 2


def add_board_commands(
    report_kinds: argparse._SubParsersAction,
    proof_kinds: argparse._SubParsersAction,
    page_arguments: Callable[[argparse.ArgumentParser], None],
    strict_argument: Callable[[argparse.ArgumentParser], None],
    date: Callable[[str], dt.date],
) -> None:
    """`report board` and `proof board`, with the command line's own date reading."""
    report = report_kinds.add_parser("board", help="a narrative board report from the source its author keeps")
    report.add_argument("source", type=Path, help="the report's source (Markdown with its details between +++)")
    report.add_argument("--out", type=Path, required=True, help="the PDF (or .docx) to write")
    report.add_argument("--docx", type=Path, help="a Word copy too, written here")
    _plan_arguments(report, date)
    page_arguments(report)
    strict_argument(report)
    proof = proof_kinds.add_parser("board", help="the proof of a narrative board report")
    proof.add_argument("source", type=Path, help="the report's source")
    _plan_arguments(proof, date)
    proof.add_argument("--json", action="store_true", help="print one JSON document (proof/1)")


def _plan_arguments(parser: argparse.ArgumentParser, date: Callable[[str], dt.date]) -> None:
    parser.add_argument(
        "--plan",
        type=Path,
        metavar="PLAN.xlsx",
        help="an action plan workbook whose figures the words may use: {red_count}, {amber_count}, "
        "{exceptions_count}, {past_due_count}, {past_due_actions}, {plan_as_of}",
    )
    parser.add_argument(
        "--as-of",
        type=date,
        metavar="DATE",
        help="the plan's report date, milestones before it past due, day first: 31/03/2024 (default: today)",
    )


def plan_figures_of(plan: Path, as_of: dt.date) -> dict[str, Figure]:
    """The board report's figures of the action plan `plan` at `as_of` (a WorkbookError where it cannot be
    read, naming the file)."""
    from desktop_app.domain.action_plans import load_plan_rules, load_plan_vocabulary
    from desktop_app.domain.plan_progress import assess, plan_summary
    from desktop_app.excel.action_plan import read_action_plan
    from desktop_app.report.board import board_plan_figures

    vocabulary = load_plan_vocabulary()
    imported = read_action_plan(plan, vocabulary)
    return board_plan_figures(plan_summary(assess(imported.plan, load_plan_rules(vocabulary=vocabulary), as_of)))


def board_report(
    source_path: Path,
    options: PageOptions | None = None,
    plan: Path | None = None,
    as_of: dt.date | None = None,
) -> tuple[Document, BoardBuilder]:
    """The report of the source at `source_path`, with the builder that made it (its items where printed);
    with `plan`, the words may use the plan's figures at `as_of` (today by default)."""
    from desktop_app.excel.workbook import WorkbookError
    from desktop_app.report.board_source import BoardSourceError, read_board_source

    source = read_board_source(source_path)
    figures = {}
    if plan is not None:
        try:
            figures = plan_figures_of(plan, as_of or dt.date.today())
        except WorkbookError as exc:
            raise BoardSourceError(f"--plan {exc}") from None
    return board_report_of(source, figures, options)


def board_report_of(
    source: BoardSource, figures: dict[str, Figure], options: PageOptions | None = None
) -> tuple[Document, BoardBuilder]:
    """The report of `source`, its tables read from the workbook it names and its live figures those of the
    returns it names with `figures` (the plan's) beside them."""
    from desktop_app.domain.board_report import load_board_rules
    from desktop_app.excel.board_tables import read_board_table
    from desktop_app.excel.workbook import WorkbookError, open_source
    from desktop_app.report.board import BoardBuilder
    from desktop_app.report.board_source import BoardSourceError
    from desktop_app.report.model import PageOptions

    rules = load_board_rules()
    tables = {}
    named = [item for item in source.items if item.kind == "table"]
    if named and source.tables_file is None:
        raise BoardSourceError(
            f'{source.where(named[0].line)}: a table is named, but the details give no tables = "..."'
        )
    if named:
        assert source.tables_file is not None
        try:
            workbook = open_source(source.tables_file)
        except WorkbookError as exc:
            raise BoardSourceError(f"{source.where(source.details_lines.get('tables', 1))}: {exc}") from None
        for item in named:
            try:
                tables[item.text] = read_board_table(workbook, item.text, rules)
            except WorkbookError as exc:
                raise BoardSourceError(f"{source.where(item.line)}: {exc}") from None
    builder = BoardBuilder(source, tables, {**_figures(source), **figures}, rules)
    return builder.document(options or PageOptions(), None), builder


def export_board_report(
    text: str,
    name: str,
    folder: str,
    figures: dict[str, Figure],
    options: PageOptions,
    out: str,
    template_docx: str | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> str:
    """The window's board report (its words `text`, kept in the project, called `name` in its errors, its
    files beside `folder`) with the live `figures` of the papers loaded, written to `out` as PDF or Word (a
    background task's function: plain values in, the file's path out)."""
    from desktop_app.export import export_appendix
    from desktop_app.report.board_source import board_source_of

    if progress is not None:
        progress(0.1, "Reading the tables")
    document, _ = board_report_of(board_source_of(text, name, Path(folder)), figures, options)
    return export_appendix(document, out, template_docx, **({"progress": progress} if progress else {}))


def _figures(source: BoardSource) -> dict[str, Figure]:
    """The live figures of the returns the source names (the MARAC appendix's, by their names)."""
    if not source.marac_files:
        return {}
    import pandas as pd

    from desktop_app.domain.marac import load_benchmarks, marac_years
    from desktop_app.excel.marac import read_marac_return
    from desktop_app.excel.workbook import WorkbookError
    from desktop_app.report.board_source import BoardSourceError
    from desktop_app.report.marac import marac_document

    try:
        reads = [read_marac_return(path) for path in source.marac_files]
    except WorkbookError as exc:
        raise BoardSourceError(f"{source.where(source.details_lines.get('marac', 1))}: {exc}") from None
    years = marac_years(pd.concat([read.rows for read in reads], ignore_index=True))
    if years.empty:
        raise BoardSourceError(f"{source.file}: the MARAC returns it names have no year to report")
    return dict(marac_document(years, load_benchmarks()).figures)


def board_findings(document: Document, builder: BoardBuilder) -> list[Finding]:
    from desktop_app.report.proof_board import board_proof

    return board_proof(document, builder)


def run_board_report(
    args: argparse.Namespace,
    page_options: Callable[[argparse.Namespace], object],
    proof_allows: Callable[[argparse.Namespace, list], bool],
) -> int:
    from desktop_app.export import write_appendix

    try:
        document, builder = board_report(
            args.source,
            page_options(args),  # type: ignore[arg-type]
            args.plan,
            args.as_of,
        )
        if not proof_allows(args, board_findings(document, builder)):
            return 1
        outs = [args.out, *([args.docx] if args.docx else [])]
        for out in outs:
            write_appendix(document, out, args.template_docx if out.suffix.lower() == ".docx" else None)
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for out in outs:
        print(f"wrote {out}")
    return 0


def run_board_proof(args: argparse.Namespace, print_proof: Callable[[argparse.Namespace, list, str], int]) -> int:
    try:
        document, builder = board_report(args.source, plan=args.plan, as_of=args.as_of)
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return print_proof(args, board_findings(document, builder), "board report")
