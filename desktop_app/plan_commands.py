"""The command line's action plan commands (desktop_app.cli adds them to its parser).

    python -m desktop_app report action-plan PLAN.xlsx --out FILE.pdf [--docx] [--as-of DATE]
        [--previous EARLIER.xlsx --previous-as-of DATE]
    python -m desktop_app plan PLAN.xlsx [--as-of DATE] [--previous EARLIER.xlsx --previous-as-of DATE] [--json]
    python -m desktop_app proof action-plan PLAN.xlsx [--as-of DATE] [--previous ...] [--text T] [--json]

`plan` lists what the plan's own slips are (each with its file, sheet, row,
column and value), then the actions by theme and RAG rating and the
exceptions, as the appendix prints them. With --previous, the workbook of the
last report (at --previous-as-of), both say what changed since then. `proof
action-plan` lists what a careful reader would query before the appendix goes:
the plan's slips, red and amber actions without a progress note, prompts and
typed figures in the words; `report action-plan --strict` writes nothing while
an error remains.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.problems import Severity
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.partnership import plan_appendix
from desktop_app.proof_output import EXIT_FINDINGS, print_proof, proof_allows, strict_argument

if TYPE_CHECKING:  # the commands import pandas and the plan reader when run: the window paints without them
    from desktop_app.domain.plan_history import PlanChanges
    from desktop_app.domain.plan_progress import PlanProgress
    from desktop_app.excel.action_plan import PlanImport
    from desktop_app.report.model import PageOptions

PLAN_SCHEMA = "action-plan/1"
EXIT_UNREADABLE = 2


def add_plan_commands(
    commands: argparse._SubParsersAction,
    report_kinds: argparse._SubParsersAction,
    proof_kinds: argparse._SubParsersAction,
    date: Callable[[str], dt.date],
    page_arguments: Callable[[argparse.ArgumentParser], None],
) -> None:
    """The `plan` command, `report action-plan` and `proof action-plan`, with the command line's own date
    reading and page options."""
    report = report_kinds.add_parser("action-plan", help="an action plan with its RAG progress, as an appendix")
    report.add_argument("plan", type=Path, help="the action plan workbook (.xlsx or .xlsm)")
    report.add_argument("--out", type=Path, required=True, help="the PDF (or .docx) to write")
    report.add_argument("--docx", action="store_true", help="write a Word copy beside the PDF too (same name, .docx)")
    _as_of_argument(report, date)
    _previous_arguments(report, date)
    report.add_argument(
        "--text", type=Path, help="the appendix's words (default: resources/action_plan_report_text.toml)"
    )
    page_arguments(report)
    strict_argument(report)
    proof = proof_kinds.add_parser("action-plan", help="the proof of an action plan appendix")
    proof.add_argument("plan", type=Path, help="the action plan workbook (.xlsx or .xlsm)")
    _as_of_argument(proof, date)
    _previous_arguments(proof, date)
    proof.add_argument(
        "--text", type=Path, help="the appendix's words (default: resources/action_plan_report_text.toml)"
    )
    proof.add_argument("--json", action="store_true", help="print one JSON document (proof/1)")
    plan = commands.add_parser("plan", help="an action plan's slips, its actions by RAG rating and its exceptions")
    plan.add_argument("plan", type=Path, help="the action plan workbook (.xlsx or .xlsm)")
    _as_of_argument(plan, date)
    _previous_arguments(plan, date)
    plan.add_argument("--json", action="store_true", help=f"print one JSON document ({PLAN_SCHEMA})")


def _as_of_argument(parser: argparse.ArgumentParser, date: Callable[[str], dt.date]) -> None:
    parser.add_argument(
        "--as-of",
        type=date,
        metavar="DATE",
        help="the report date milestones are judged past due on, day first: 31/03/2024 (default: today)",
    )


def _previous_arguments(parser: argparse.ArgumentParser, date: Callable[[str], dt.date]) -> None:
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="EARLIER.xlsx",
        help="the plan's workbook as it was at the last report: the appendix says what changed since then "
        "(ratings that moved, new actions, actions closed)",
    )
    parser.add_argument(
        "--previous-as-of",
        type=date,
        metavar="DATE",
        help="the date of that last report, day first: 31/12/2023 (needed with --previous)",
    )


def _progress(args: argparse.Namespace) -> tuple[PlanImport, PlanProgress, PlanChanges | None] | None:
    """The plan read and judged at --as-of, and what changed since --previous (at --previous-as-of); None (with
    one line on stderr) where a plan cannot be read."""
    from desktop_app.domain.action_plans import load_plan_rules, load_plan_vocabulary
    from desktop_app.domain.plan_history import changes_since, plan_report
    from desktop_app.domain.plan_progress import assess
    from desktop_app.excel.action_plan import read_action_plan
    from desktop_app.excel.workbook import WorkbookError

    as_of = args.as_of or dt.date.today()
    if args.previous is not None and args.previous_as_of is None:
        print("error: --previous needs --previous-as-of, the date of that last report (31/12/2023)", file=sys.stderr)
        return None
    if args.previous_as_of is not None and args.previous_as_of >= as_of:
        print(
            f"error: --previous-as-of ({args.previous_as_of:%d/%m/%Y}) must be before the report date "
            f"({as_of:%d/%m/%Y})",
            file=sys.stderr,
        )
        return None
    try:
        vocabulary = load_plan_vocabulary()
        rules = load_plan_rules(vocabulary=vocabulary)
        imported = read_action_plan(args.plan, vocabulary)
        earlier = read_action_plan(args.previous, vocabulary) if args.previous is not None else None
    except (WorkbookError, ResourceFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    progress = assess(imported.plan, rules, as_of)
    if earlier is None:
        return imported, progress, None
    before = plan_report(assess(earlier.plan, rules, args.previous_as_of), *_fingerprint(earlier))
    return imported, progress, changes_since(before, plan_report(progress, *_fingerprint(imported)))


def _fingerprint(imported: PlanImport) -> tuple[str, str]:
    return imported.provenance.file, imported.provenance.sha256


def run_plan_report(args: argparse.Namespace, page_options: Callable[[argparse.Namespace], PageOptions]) -> int:
    from desktop_app.export import write_appendix_files  # ReportLab or python-docx only when needed

    read = _progress(args)
    if read is None:
        return EXIT_UNREADABLE
    imported, progress, changes = read
    try:
        document, findings = plan_appendix(progress, changes, page_options(args), args.text)
        if not proof_allows(args, findings):
            return EXIT_FINDINGS
        outs = write_appendix_files(document, args.out, args.docx, args.template_docx)
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    slips = imported.count(Severity.WARNING) + imported.count(Severity.ERROR)
    if slips:
        print(f"warning: {slips} slips in {imported.provenance.file} (run 'plan' to see them)", file=sys.stderr)
    for out in outs:
        print(f"wrote {out}")
    return 0


def run_plan_proof(args: argparse.Namespace) -> int:
    """`proof action-plan`: the plan's slips, then what the appendix made of it would have a reader query."""
    from desktop_app.report.proof import slip_findings

    read = _progress(args)
    if read is None:
        return EXIT_UNREADABLE
    imported, progress, changes = read
    try:
        _, findings = plan_appendix(progress, changes, None, args.text)
    except (ResourceFileError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return print_proof(args, slip_findings(imported.problems, "plan_slip") + findings, "action plan appendix")


def run_plan_check(args: argparse.Namespace) -> int:
    from desktop_app.domain.formatting import json_text

    read = _progress(args)
    if read is None:
        return EXIT_UNREADABLE
    imported, progress, changes = read
    if args.json:
        print(json_text(plan_document(imported, progress, changes)))
    else:
        print(plan_text(imported, progress, changes))
    return 0


def plan_text(imported: PlanImport, progress: PlanProgress, changes: PlanChanges | None = None) -> str:
    """The slips, then the summary table, what changed and the exceptions as the appendix prints them."""
    from desktop_app.plain_text import plain, table_text
    from desktop_app.report.action_plan import action_plan_document

    document = action_plan_document(progress, changes=changes)
    plan = imported.plan
    lines = [
        f"{imported.provenance.file} (SHA-256 {imported.provenance.sha256[:16]}...): {plan.title}",
        f"  {len(plan.actions)} actions under {len(plan.themes)} themes: "
        + "; ".join(f"{theme.name} {len(theme.actions)}" for theme in plan.themes),
        f"{len(imported.problems)} slips",
        *(f"  {problem}" for problem in imported.problems),
        "",
        f"Progress at {document.figures['as_of'].text}",
        table_text(document.table("plan_summary")),
    ]
    for key in ("plan_moved", "plan_new", "plan_closed", "plan_exceptions", "plan_past_due"):
        try:
            table = document.table(key)
        except KeyError:
            continue
        lines += ["", plain(table.caption or key.removeprefix("plan_").replace("_", " ").capitalize())]
        lines += ["  " + " | ".join(plain(cell.text) for cell in row if cell.text) for row in table.body]
    return "\n".join(lines)


def plan_document(
    imported: PlanImport, progress: PlanProgress, changes: PlanChanges | None = None
) -> dict[str, object]:
    """The action-plan/1 JSON document: the slips, the counts by theme and status, the exceptions, past due,
    and what changed since the previous report (null without one)."""
    from desktop_app.domain.plan_progress import status_counts

    counts = status_counts(progress)

    def record(item) -> dict[str, object]:
        action, milestone = item.action, item.action.milestone
        return {
            "theme": action.theme,
            "number": action.number or None,
            "priority": action.priority,
            "sheet": action.sheet,
            "row": action.row,
            "milestone": milestone.text or None,
            "milestone_kind": milestone.kind.value,
            "due": milestone.due.isoformat() if milestone.due else None,
            "status": item.status,
            "status_from": item.source or None,
            "reason": item.reason or None,
            "note": action.progress_note or None,
            "past_due": item.past_due,
        }

    return {
        "schema": PLAN_SCHEMA,
        "file": imported.provenance.file,
        "sha256": imported.provenance.sha256,
        "title": imported.plan.title,
        "as_of": progress.as_of.isoformat(),
        "problems": [problem.to_dict() for problem in imported.problems],
        "counts": {theme: {status: int(n) for status, n in row.items()} for theme, row in counts.iterrows()},
        "exceptions": [record(item) for item in progress.exceptions()],
        "past_due": [record(item) for item in progress.past_due()],
        "changes": None if changes is None else changes_document(changes),
    }


def changes_document(changes: PlanChanges) -> dict[str, object]:
    """What changed since the previous report: its date and file, the moves, the new and closed actions."""

    def action(rating) -> dict[str, object]:
        return {"theme": rating.theme, "number": rating.number or None, "priority": rating.priority}

    return {
        "previous_as_of": changes.previous.as_of.isoformat(),
        "previous_file": changes.previous.file,
        "moved": [
            {**action(move.after), "from": move.before.status, "to": move.after.status, "note": move.after.note or None}
            for move in changes.moved
        ],
        "new": [{**action(rating), "status": rating.status} for rating in changes.new],
        "closed": [{**action(rating), "last_status": rating.status} for rating in changes.closed],
    }
