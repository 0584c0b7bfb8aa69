"""The command line: `python -m desktop_app complaints LOG.xlsx [--json]`.

With no command, or with files to open, it opens the window; where there is no
screen it summarises the bundled sample log instead, so the README's first command
is never a dead end.
Exit status: 0 done, 2 the input could not be read, the arguments are wrong or the
window cannot open (one line says why); `check` 1 where rows are in error, `proof` 1
where it finds something at warning or above, and `report --strict` 1 where the proof
finds an error (nothing is written).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import difflib
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.board_commands import add_board_commands, run_board_proof, run_board_report
from desktop_app.command_files import file_option, read_or_say_why
from desktop_app.da_series_commands import series_check
from desktop_app.domain.periods import Period, default_as_at
from desktop_app.domain.problems import Severity
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.lessons_commands import add_lessons_argument, lessons_entries, lessons_findings, read_lessons
from desktop_app.marac_commands import MARAC_KINDS, add_marac_commands, marac_check, run_marac_proof, run_marac_report
from desktop_app.paths import SAMPLE_COMPLAINTS_LOG
from desktop_app.plan_commands import add_plan_commands, run_plan_check, run_plan_proof, run_plan_report
from desktop_app.proof_output import EXIT_FINDINGS, print_proof, proof_allows, strict_argument
from desktop_app.safe_accommodation_commands import safe_accommodation_check

if TYPE_CHECKING:  # each command imports pandas and the readers it uses: the window paints without them
    import pandas as pd

    from desktop_app.domain.complaints import ComplaintsSummary
    from desktop_app.domain.imports import ImportResult
    from desktop_app.domain.lessons import LessonEntry
    from desktop_app.domain.returns import ReturnKind
    from desktop_app.domain.rules import ComplaintRules
    from desktop_app.excel.complaints_log import LogImport
    from desktop_app.report.model import Document, PageOptions
    from desktop_app.report.text import ReportText

SUMMARY_SCHEMA = "complaints-summary/1"
CHECK_SCHEMA = "check/1"
INDICATORS_SCHEMA = "indicators/1"
EXIT_ROWS_IN_ERROR = 1
EXIT_UNREADABLE = 2
#: As argparse's for a mistake in the arguments; also where the window cannot open.
EXIT_USAGE = 2


COMMANDS = ("complaints", "report", "check", "indicators", "selftest", "proof", "plan")
#: The annual complaints reports `report complaints --regime` writes (the children's also sets the corporate
#: complaints beside the statutory ones; `corporate` is the complaint handling code's report of them alone).
REGIMES = ("childrens", "corporate", "adults")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "selftest":
        from desktop_app.selftest import main as selftest  # Qt, pandas and ReportLab only when asked

        return selftest(argv[1:])
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        problem = _not_openable(argv)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return EXIT_USAGE
        return _window([Path(arg) for arg in argv])
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    overwritten = _inputs_named_by_out(args)
    if overwritten:
        print(
            f"error: --out {args.out.name} is one of the files read ({overwritten}); write to another file",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    if args.command == "check":
        return _check(args)
    if args.command == "report":
        if args.report_kind == "action-plan":
            return run_plan_report(args, _page_options)
        if args.report_kind in MARAC_KINDS:
            return run_marac_report(args, _page_options)
        if args.report_kind == "board":
            return run_board_report(args, _page_options, proof_allows)
        return {
            "complaints": _complaints_report,
            "corporate": _corporate_report,
            "performance": _performance_report,
            "cover": _cover_report,
        }[args.report_kind](args)
    if args.command == "plan":
        return run_plan_check(args)
    if args.command == "indicators":
        return _indicators(args)
    if args.command == "proof":
        if args.proof_kind == "board":
            return run_board_proof(args, print_proof)
        if args.proof_kind in MARAC_KINDS:
            return run_marac_proof(args)
        return {
            "complaints": _complaints_proof,
            "performance": _performance_proof,
            "cover": _cover_proof,
            "action-plan": run_plan_proof,
        }[args.proof_kind](args)
    return _complaints(args)


def _inputs_named_by_out(args: argparse.Namespace) -> str:
    """The input file that --out names (it would be replaced by the appendix), or ''."""
    out = getattr(args, "out", None)
    if out is None:
        return ""
    inputs = [
        getattr(args, name, None)
        for name in (
            "log",
            "plan",
            "values",
            "text",
            "template_docx",
            "vocabulary",
            "self_assessment",
            "source",
            "lessons",
        )
    ]
    inputs += list(getattr(args, "files", None) or [])
    for path in (Path(p) for p in inputs if p):
        if path.exists() and out.exists() and path.resolve() == out.resolve():
            return path.name
    return ""


def _not_openable(argv: list[str]) -> str:
    """Why the window cannot open on `argv` ('' where it can): a mistyped command or a missing file
    must not open the window (nor, with no screen, print the sample summary as if all went well)."""
    for position, arg in enumerate(argv):
        if Path(arg).exists():
            continue
        if position == 0 and not _looks_like_a_path(arg):
            nearest = difflib.get_close_matches(arg, COMMANDS, n=1)
            guess = f"; did you mean '{nearest[0]}'?" if nearest else "."
            return (
                f"{arg!r} is neither a command nor a file{guess} Commands: {', '.join(COMMANDS)} "
                "(python -m desktop_app --help says more)"
            )
        return f"{arg}: no such file"
    return ""


def _looks_like_a_path(arg: str) -> bool:
    """A file name with an ending (.xlsx, .csv, .scrutiny) or a folder in it, rather than a word."""
    return bool(Path(arg).suffix) or "/" in arg or os.sep in arg


def _window(paths: list[Path]) -> int:
    """The application window; on a machine with no screen, the sample summary instead; where Linux lacks
    what Qt needs to draw, which packages to install."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "Scrutiny Studio: there is no screen here, so the window cannot open. "
            f"The sample complaints log ({SAMPLE_COMPLAINTS_LOG.name}) summarised:\n"
        )
        status = _complaints(_parser().parse_args(["complaints", str(SAMPLE_COMPLAINTS_LOG)]))
        print(
            "\nFor your own log: python -m desktop_app complaints YOUR_LOG.xlsx [--json]; "
            "python -m desktop_app --help lists every command."
        )
        return status
    from desktop_app.gui.qt_libraries import xcb_problem  # before Qt, which aborts where its plugin cannot load

    problem = xcb_problem(os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    from desktop_app.gui.app import run  # Qt only when the window is wanted

    return run(paths)


def _parser() -> argparse.ArgumentParser:
    from desktop_app.report.proof import PROOF_SCHEMA

    parser = argparse.ArgumentParser(prog="python -m desktop_app", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    complaints = commands.add_parser("complaints", help="complaint stage timeliness from a complaints log")
    complaints.add_argument("log", type=Path, help="the complaints log (.xlsx, .xlsm or .csv)")
    _period_arguments(complaints)
    _vocabulary_argument(complaints)
    complaints.add_argument("--json", action="store_true", help=f"print one JSON document ({SUMMARY_SCHEMA})")
    report = commands.add_parser("report", help="write a committee appendix as PDF")
    report_kinds = report.add_subparsers(dest="report_kind", required=True)
    complaints_report = report_kinds.add_parser("complaints", help="the Annual Complaints Report appendix")
    complaints_report.add_argument("log", type=Path, help="the complaints log (.xlsx, .xlsm or .csv)")
    complaints_report.add_argument("--out", type=Path, required=True, help="the PDF to write")
    _period_arguments(complaints_report)
    _vocabulary_argument(complaints_report)
    _regime_argument(complaints_report)
    complaints_report.add_argument(
        "--text",
        type=Path,
        help="the report's words (default: resources/complaints_report_text.toml, or for the adults' report "
        "resources/adults_complaints_report_text.toml)",
    )
    complaints_report.add_argument("--suppress-below", type=int, help="show counts under this number as '<N' (e.g. 5)")
    _self_assessment_argument(complaints_report)
    add_lessons_argument(complaints_report)
    _page_arguments(complaints_report)
    strict_argument(complaints_report)
    corporate = report_kinds.add_parser(
        "corporate",
        help="the annual complaints performance and service improvement report of the complaint handling code "
        "(the log's corporate complaints; as report complaints --regime corporate)",
    )
    corporate.add_argument("log", type=Path, help="the complaints log (.xlsx, .xlsm or .csv)")
    corporate.add_argument("--out", type=Path, required=True, help="the PDF (or .docx) to write")
    corporate.add_argument("--docx", action="store_true", help="write the Word file too, beside the PDF")
    _period_arguments(corporate)
    _vocabulary_argument(corporate)
    corporate.add_argument(
        "--text", type=Path, help="the report's words (default: resources/corporate_complaints_report_text.toml)"
    )
    corporate.add_argument("--suppress-below", type=int, help="show counts under this number as '<N' (e.g. 5)")
    _self_assessment_argument(corporate)
    add_lessons_argument(corporate)
    _page_arguments(corporate)
    strict_argument(corporate)
    performance = report_kinds.add_parser(
        "performance", help="the performance appendix: dashboard, surveys, change cards, charts"
    )
    performance.add_argument(
        "files", type=Path, nargs="+", help="returns: indicators, benchmarks, population, series, survey"
    )
    performance.add_argument("--out", type=Path, required=True, help="the PDF to write")
    performance.add_argument("--period", help="as at this period (e.g. 'July 2023'; default: each indicator's latest)")
    performance.add_argument("--area", help="our area in the population return, where it holds several")
    performance.add_argument(
        "--text", type=Path, help="the report's words (default: resources/performance_report_text.toml)"
    )
    _page_arguments(performance)
    strict_argument(performance)
    cover = report_kinds.add_parser("cover", help="the cover report sheet, laid out by a council's template")
    cover.add_argument(
        "values", type=Path, help="the cover's words (a TOML file such as resources/cover_templates/sample_cover.toml)"
    )
    cover.add_argument("--template", default="sefton", help="sefton, wirral, or a template file (default: sefton)")
    cover.add_argument(
        "--appendix", action="append", help="an appendix to list (repeat for each; default: the file's list)"
    )
    cover.add_argument("--out", type=Path, required=True, help="the PDF to write")
    _page_arguments(cover)
    strict_argument(cover)
    indicators = commands.add_parser(
        "indicators", help="every indicator's figures: change, judgement, status, benchmarks"
    )
    indicators.add_argument(
        "files", type=Path, nargs="+", help="returns: indicators, benchmarks, population, series, survey"
    )
    indicators.add_argument(
        "--period",
        help="as at this period (e.g. 'July 2023', '2022-23' or 2023-07-31; default: each indicator's latest)",
    )
    indicators.add_argument("--area", help="our area in the population return, where it holds several")
    indicators.add_argument("--json", action="store_true", help=f"print one JSON document ({INDICATORS_SCHEMA})")
    commands.add_parser(
        "selftest",
        help="check this installation: open the window off screen, import the samples, "
        "export the appendices and read them back",
    )
    proof = commands.add_parser(
        "proof",
        help="what a careful reader would query before an appendix is published: typed figures, figures that "
        "disagree, dates, numbering (exit 1 where there is something at warning or above)",
    )
    proof_kinds = proof.add_subparsers(dest="proof_kind", required=True)
    complaints_proof = proof_kinds.add_parser("complaints", help="the proof of the Annual Complaints Report appendix")
    complaints_proof.add_argument("log", type=Path, help="the complaints log (.xlsx, .xlsm or .csv)")
    complaints_proof.add_argument(
        "--text", type=Path, help="the report's words (default: the regime's file in resources/)"
    )
    _regime_argument(complaints_proof)
    _self_assessment_argument(complaints_proof)
    add_lessons_argument(complaints_proof)
    _period_arguments(complaints_proof)
    _vocabulary_argument(complaints_proof)
    complaints_proof.add_argument("--json", action="store_true", help=f"print one JSON document ({PROOF_SCHEMA})")
    performance_proof = proof_kinds.add_parser("performance", help="the proof of the performance appendix")
    performance_proof.add_argument(
        "files", type=Path, nargs="+", help="returns: indicators, benchmarks, population, series, survey"
    )
    performance_proof.add_argument(
        "--text", type=Path, help="the report's words (default: resources/performance_report_text.toml)"
    )
    performance_proof.add_argument("--period", help="as at this period (e.g. 'July 2023'; default: each one's latest)")
    performance_proof.add_argument("--area", help="our area in the population return, where it holds several")
    performance_proof.add_argument("--json", action="store_true", help=f"print one JSON document ({PROOF_SCHEMA})")
    cover_proof = proof_kinds.add_parser("cover", help="the proof of a cover report")
    cover_proof.add_argument(
        "values", type=Path, help="the cover's words (a TOML file such as resources/cover_templates/sample_cover.toml)"
    )
    cover_proof.add_argument(
        "--template", default="sefton", help="sefton, wirral, or a template file (default: sefton)"
    )
    cover_proof.add_argument(
        "--appendix", action="append", help="an appendix to list (repeat for each; default: the file's list)"
    )
    cover_proof.add_argument("--json", action="store_true", help=f"print one JSON document ({PROOF_SCHEMA})")
    add_plan_commands(commands, report_kinds, proof_kinds, _date, _page_arguments)
    add_marac_commands(report_kinds, proof_kinds, _page_arguments, _date)
    add_board_commands(report_kinds, proof_kinds, _page_arguments, strict_argument, _date)
    check = commands.add_parser("check", help="what each sheet of a return is, and every problem in it")
    check.add_argument("file", type=Path, help="a workbook (.xlsx, .xlsm) or a CSV file")
    check.add_argument("--json", action="store_true", help=f"print one JSON document ({CHECK_SCHEMA})")
    _vocabulary_argument(check)
    return parser


def _vocabulary_argument(parser: argparse.ArgumentParser) -> None:
    file_option(
        parser,
        "--vocabulary",
        "the council's own words for its log (a TOML file such as docs/own_words_example.toml), "
        "added to the shipped ones",
    )


def _vocabulary(args: argparse.Namespace):
    """The shipped vocabulary, with the council's own words of --vocabulary (a ResourceFileError names it)."""
    from desktop_app.domain.vocabulary import load_vocabulary, read_own_words

    own = read_own_words(args.vocabulary) if args.vocabulary else None
    return load_vocabulary(own_words=own)


def _regime_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--regime",
        choices=REGIMES,
        help="which annual report: the children's (with the corporate complaints), the corporate one of the "
        "complaint handling code (as report corporate), or the adults' under the 2009 Regulations (default: the "
        "children's where the log has children's or corporate complaints, else the adults')",
    )


def _self_assessment_argument(parser: argparse.ArgumentParser) -> None:
    file_option(
        parser,
        "--self-assessment",
        "the corporate report's self-assessment against the complaint handling code, a TOML file kept from "
        "year to year (default: the template resources/complaint_code_self_assessment.toml)",
    )


def _page_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template-docx",
        type=Path,
        help="a council's Word template (.docx or .dotx) for the styles, margins and logo of a .docx --out",
    )
    parser.add_argument("--agenda-item", type=int, help="the agenda item number printed at the top of every page")
    parser.add_argument(
        "--first-page",
        type=int,
        default=1,
        help="the page number of the first page, so pages run on from the agenda pack",
    )
    parser.add_argument(
        "--start-on-odd", action="store_true", help="start on an odd page, with a 'left blank' page if needed"
    )


def _page_options(args: argparse.Namespace):
    from desktop_app.report.model import PageOptions

    if not hasattr(args, "agenda_item"):  # the proof: no page furniture asked for
        return PageOptions()
    return PageOptions(args.agenda_item, args.first_page, args.start_on_odd)


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="DATE",
        help="first day of the period, day first: 01/04/2022, 1 April 2022 or 2022-04-01 (default: the start "
        "of the reporting year of the latest complaint)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="DATE",
        help="last day of the period (default: a year after --from, less a day)",
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="the day open complaints are judged overdue on (default: the period's last day plus the rules "
        "file's as_at_days_after_period, or today where that is sooner)",
    )


def _date(text: str) -> dt.date:
    """A date as a council writes it (01/04/2022, 1 April 2022, 1 Apr 2022), day first, or as 2022-04-01:
    the same reading as a date typed into a log's cell."""
    import pandas as pd

    from desktop_app.excel.cells import parse_dates

    parsed, reason = parse_dates(pd.Series([text], dtype="object"))
    if pd.isna(parsed.iloc[0]):
        raise argparse.ArgumentTypeError(f"{text!r} {reason.iloc[0] or 'is not a date'}")
    return parsed.iloc[0].date()


def _summary_of_log(args: argparse.Namespace):
    """Read the log and summarise it; None (with one line on stderr) when it cannot be read."""
    from desktop_app.domain.complaints import summarise
    from desktop_app.domain.rules import load_rules
    from desktop_app.excel.complaints_log import read_complaints_log

    def read():
        rules = load_rules()
        vocabulary = _vocabulary(args)
        imported = read_complaints_log(args.log, vocabulary, rules)
        return rules, vocabulary, imported, _period(args, imported, rules.year_start)

    read_log = read_or_say_why(read, args.log)
    if read_log is None:
        return None
    rules, vocabulary, imported, period = read_log
    if args.as_of is None:
        args.as_of = default_as_at(period, rules.as_at_days_after_period, dt.date.today())
    summary = summarise(imported.log, rules, vocabulary.outcome_classes, period, args.as_of)
    return rules, imported, summary


def regime_of(log: pd.DataFrame, adults: ReportText) -> str:
    """The annual report a log makes by default: the children's where it has any complaint the adults'
    report (`adults`) does not cover, so the adults' report is then asked for by name; else the adults'."""
    procedures = set(log["procedure"].dropna().unique())
    return "adults" if procedures and procedures <= set(adults.procedures.values()) else "childrens"


def _regime_document(
    args: argparse.Namespace,
    rules: ComplaintRules,
    imported: LogImport,
    summary: ComplaintsSummary,
    lessons: list[LessonEntry] | None = None,
) -> tuple[ReportText, Document]:
    """The annual report `--regime` names (by default the one the log makes), with its words (and the
    lessons-learned register's entries where given)."""
    from desktop_app.report.adults_complaints import adults_complaints_document, load_adults_text
    from desktop_app.report.complaints import complaints_document
    from desktop_app.report.text import load_report_text

    regime = args.regime or regime_of(imported.log, load_adults_text())
    suppress_below = getattr(args, "suppress_below", None)
    if regime == "corporate":
        return _corporate_document(args, rules, summary, lessons)
    if regime == "adults":
        text = load_adults_text(args.text) if args.text else load_adults_text()
        return text, adults_complaints_document(summary, rules, text, _page_options(args), suppress_below, lessons)
    text = load_report_text(args.text) if args.text else load_report_text()
    return text, complaints_document(summary, rules, text, _page_options(args), suppress_below, lessons)


def _complaints_report(args: argparse.Namespace) -> int:
    from desktop_app.export import write_appendix_files  # ReportLab or python-docx only when needed
    from desktop_app.report.proof import proof_findings

    read = _summary_of_log(args)
    if read is None:
        return EXIT_UNREADABLE
    rules, imported, summary = read
    lessons, readable = read_lessons(args)
    if not readable:
        return EXIT_UNREADABLE
    try:
        text, document = _regime_document(args, rules, imported, summary, lessons_entries(lessons))
        findings = proof_findings(document, text=text, as_at=summary.as_of, overdue=_overdue(summary))
        if not proof_allows(args, [*lessons_findings(lessons), *findings]):
            return EXIT_FINDINGS
        outputs = write_appendix_files(document, args.out, getattr(args, "docx", False), args.template_docx)
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    errors = imported.count(Severity.ERROR)
    if errors:
        print(f"warning: {errors} rows of {imported.file} were left out (run 'check' to see them)", file=sys.stderr)
    for out in outputs:
        print(f"wrote {out}")
    return 0


def _corporate_report(args: argparse.Namespace) -> int:
    """`report corporate`: `report complaints --regime corporate` (with --docx, the Word file beside the PDF)."""
    args.regime = "corporate"
    return _complaints_report(args)


def _corporate_document(
    args: argparse.Namespace,
    rules: ComplaintRules,
    summary: ComplaintsSummary,
    lessons: list[LessonEntry] | None = None,
) -> tuple[ReportText, Document]:
    """The corporate report of the summary, with the author's words and self-assessment where given."""
    from desktop_app.domain.self_assessment import load_self_assessment
    from desktop_app.report.corporate_complaints import corporate_complaints_document, load_corporate_text

    text = load_corporate_text(args.text) if args.text else load_corporate_text()
    assessment = load_self_assessment(args.self_assessment) if args.self_assessment else load_self_assessment()
    options, suppress_below = _page_options(args), getattr(args, "suppress_below", None)
    return text, corporate_complaints_document(summary, rules, text, assessment, options, suppress_below, lessons)


def _overdue(summary: ComplaintsSummary) -> int:
    """The period's open complaints past their due date on the summary's as-of day."""
    return int(summary.cases["overdue"].astype(bool).sum())


def _complaints_proof(args: argparse.Namespace) -> int:
    from desktop_app.report.proof import proof_findings

    read = _summary_of_log(args)
    if read is None:
        return EXIT_UNREADABLE
    rules, imported, summary = read
    lessons, readable = read_lessons(args)
    if not readable:
        return EXIT_UNREADABLE
    try:
        text, document = _regime_document(args, rules, imported, summary, lessons_entries(lessons))
        findings = lessons_findings(lessons) + proof_findings(
            document,
            text=text,
            as_at=summary.as_of,
            overdue=_overdue(summary),
            rows_not_used={imported.file: imported.count(Severity.ERROR)},
        )
    except (ResourceFileError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return print_proof(args, findings, "complaints appendix")


def _performance_proof(args: argparse.Namespace) -> int:
    try:
        made = _performance_appendix(args)
    except (ResourceFileError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if made is None:
        return EXIT_UNREADABLE
    _, findings, _ = made
    return print_proof(args, findings, "performance appendix")


def _performance_appendix(args: argparse.Namespace, options: PageOptions | None = None):
    """The performance appendix of the returns `args` names, its proof's findings and the returns' problems;
    None (with one line on stderr) when the returns cannot be read. The proof command and the report command
    both call it, so the report prints the very findings the proof lists."""
    from desktop_app.domain.returns import ReturnKind
    from desktop_app.report.performance import performance_document
    from desktop_app.report.performance_sources import return_sources
    from desktop_app.report.performance_text import load_performance_text
    from desktop_app.report.proof_tables import performance_findings

    found = _calculated_indicators(args)
    if found is None:
        return None
    calculated, problems, frames, catalogue, results = found
    text = load_performance_text(args.text) if args.text else load_performance_text()
    document = performance_document(
        calculated,
        text=text,
        weekly=frames[ReturnKind.WEEKLY_SERIES],
        monthly=frames[ReturnKind.MONTHLY_SERIES],
        catalogue=catalogue,
        options=options,
        # the command line reads the files as they are: each is dated by when it was last saved
        sources=return_sources((result, None) for result in results),
    )
    return document, performance_findings(document, results, calculated, text, catalogue), problems


def _cover_proof(args: argparse.Namespace) -> int:
    try:
        findings = _cover_findings(args, *_cover_of(args))
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return print_proof(args, findings, "cover report")


def _cover_of(args: argparse.Namespace):
    """The cover's values (checked against their template) and the template, as `report cover` and `proof
    cover` name them; a ResourceFileError or ValueError names what cannot be read."""
    from desktop_app.report.cover_template import check_values, load_cover_template, load_cover_values

    values = load_cover_values(args.values)
    template = load_cover_template(args.template)
    check_values(values, template, args.values.name)
    return values, template


def _cover_findings(args: argparse.Namespace, values, template) -> list:
    from desktop_app.report.proof_cover import cover_findings

    return cover_findings(values, template, args.appendix, args.values.name)


def _complaints(args: argparse.Namespace) -> int:
    from desktop_app.domain.formatting import json_text
    from desktop_app.report.adults_complaints import load_adults_text
    from desktop_app.report.text import load_report_text

    read = _summary_of_log(args)
    if read is None:
        return EXIT_UNREADABLE
    rules, imported, summary = read
    try:
        text, adults = load_report_text(), load_adults_text()
    except ResourceFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        required = required_contents_records(summary, imported, rules, text, adults)
        print(json_text({**summary_document(summary, imported, text, adults), "required_contents": required}))
    else:
        print(summary_text(summary, imported, rules, text, adults))
    return 0


def _check(args: argparse.Namespace) -> int:
    from desktop_app.domain.formatting import json_text
    from desktop_app.excel.importer import Importer
    from desktop_app.excel.workbook import WorkbookError, open_source

    try:
        source = open_source(args.file)  # read once: each kind's check and the importer take it
        for kind_check in (series_check, safe_accommodation_check, marac_check):
            checked = kind_check(source, args.json)
            if checked is not None:
                return checked
        result = Importer(vocabulary=_vocabulary(args)).import_source(source)
    except (WorkbookError, ResourceFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        print(json_text(check_document(result)))
    else:
        print(check_text(result))
    return EXIT_ROWS_IN_ERROR if result.count(Severity.ERROR) else 0


def _calculated_indicators(args: argparse.Namespace):
    """Import the returns and work out the indicators; None (with one line on stderr) when that cannot be done."""
    import pandas as pd

    from desktop_app.domain.indicators import IndicatorReturns, calculate_indicators, load_catalogue
    from desktop_app.domain.returns import ReturnKind
    from desktop_app.excel.cells import period_ends
    from desktop_app.excel.importer import Importer
    from desktop_app.excel.workbook import WorkbookError

    as_at = None
    if args.period:
        as_at = period_ends(pd.Series([args.period], dtype="object")).iloc[0]
        if pd.isna(as_at):
            print(
                f"error: --period {args.period!r} is not a period this reader can place in time "
                "(write e.g. 'July 2023', '2022-23' or 2023-07-31)",
                file=sys.stderr,
            )
            return None
        as_at = as_at.date()
    try:
        importer = Importer()
        results = [importer.import_file(path) for path in args.files]
        catalogue = load_catalogue()
    except (WorkbookError, ResourceFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    frames = {kind: _frame_of(results, kind) for kind in ReturnKind}
    returns = IndicatorReturns.of(frames, area=args.area)
    calculated = calculate_indicators(returns, catalogue, as_at)
    problems = [p for result in results for p in result.problems] + list(calculated.problems)
    return calculated, problems, frames, catalogue, results


def _indicators(args: argparse.Namespace) -> int:
    from desktop_app.domain.formatting import json_text

    found = _calculated_indicators(args)
    if found is None:
        return EXIT_UNREADABLE
    calculated, problems, _, _, _ = found
    if calculated.table.empty:
        names = ", ".join(path.name for path in args.files)
        print(
            f"error: {names}: no sheet is an indicator return (run 'check' to see what each sheet is)", file=sys.stderr
        )
        return EXIT_UNREADABLE
    if args.json:
        document = {
            "schema": INDICATORS_SCHEMA,
            "indicators": [_indicator_record(r) for r in calculated.records()],
            "problems": [_problem_record(p) for p in problems],
        }
        print(json_text(document))
    else:
        print(indicators_text(calculated))
        print(f"\n{len(problems)} problems (use --json to see them all)")
    return 0


def _performance_report(args: argparse.Namespace) -> int:
    from desktop_app.export import write_appendix
    from desktop_app.report.performance import left_out_report

    try:
        made = _performance_appendix(args, _page_options(args))
        if made is None:
            return EXIT_UNREADABLE
        document, findings, problems = made
        if not proof_allows(args, findings):
            return EXIT_FINDINGS
        write_appendix(document, args.out, args.template_docx)
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if problems:
        print(
            f"note: {len(problems)} problems in the returns (run 'indicators --json' or 'check' to see them)",
            file=sys.stderr,
        )
    print(f"wrote {args.out}")
    left_out = left_out_report(document)
    if left_out:
        print(left_out)
    return 0


def _cover_report(args: argparse.Namespace) -> int:
    from desktop_app.export import write_appendix
    from desktop_app.report.cover import cover_model

    try:
        values, template = _cover_of(args)
        if not proof_allows(args, _cover_findings(args, values, template)):
            return EXIT_FINDINGS
        document, _ = cover_model(values, template, args.appendix, _page_options(args))
        write_appendix(document, args.out, args.template_docx)
    except (ResourceFileError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"wrote {args.out}")
    return 0


def _frame_of(results: list[ImportResult], kind: ReturnKind) -> pd.DataFrame | None:
    import pandas as pd

    frames = [result.frame(kind) for result in results]
    frames = [frame for frame in frames if len(frame)]
    return pd.concat(frames, ignore_index=True) if frames else None


_INDICATOR_NUMBERS = ("value", "previous", "change", "change_pct", "target")


def _indicator_record(row: dict) -> dict:
    from desktop_app.domain.formatting import json_number

    keys = ("id", "catalogue_id", "name", "group", "unit", "polarity", "period", "value", "previous", "change")
    keys += ("change_pct", "direction", "judgement", "target", "status", "status_source")
    record = {key: json_number(row.get(key)) if key in _INDICATOR_NUMBERS else row.get(key) for key in keys}
    record["comparators"] = {
        group: {"value": json_number(row.get(group)), "quartile": row.get(f"{group}_quartile")}
        for group in ("sn", "nw", "england")
    }
    record["at_comparator_rate"] = {"sn": json_number(row.get("at_sn_rate"))}
    record["previous_period"] = row.get("previous_period")
    record["note"] = row.get("note")
    return record


def _problem_record(problem) -> dict:
    return {
        "severity": problem.severity.value,
        "sheet": problem.sheet,
        "row": problem.row,
        "column": problem.column or None,
        "value": problem.value or None,
        "message": problem.message,
    }


def indicators_text(calculated) -> str:
    import pandas as pd

    from desktop_app.domain.formatting import format_value

    arrows = {"up": "▲", "down": "▼", "same": "-"}
    lines = []
    for group, rows in calculated.table.groupby("group", sort=False, dropna=False):
        lines.append(f"\n{group if isinstance(group, str) else 'Other'}")
        for row in rows.to_dict("records"):
            decimals = int(row["decimals"]) if pd.notna(row["decimals"]) else 1
            value = format_value(None if pd.isna(row["value"]) else row["value"], row["unit"], decimals)
            previous = format_value(None if pd.isna(row["previous"]) else row["previous"], row["unit"], decimals)
            arrow = arrows.get(row["direction"], " ") if isinstance(row["direction"], str) else " "
            judgement = row["judgement"] if isinstance(row["judgement"], str) else ""
            lines.append(
                f"  {arrow} {row['name'][:70]:<70} {row['period'] or '':>12} {value:>10} (was {previous}) {judgement}"
            )
    return "\n".join(lines).lstrip("\n")


def check_document(result: ImportResult) -> dict:
    """The check/1 JSON document."""
    return {
        "schema": CHECK_SCHEMA,
        "file": result.provenance.file,
        "sha256": result.provenance.sha256,
        "size": result.provenance.size,
        "modified": result.provenance.modified,
        "sheets": [
            {
                "sheet": s.sheet,
                "kind": s.kind.value if s.kind else None,
                "header_row": s.header_row,
                "rows": s.rows,
                "hidden": s.hidden,
                "columns": s.columns,
            }
            for s in result.sheets
        ],
        "problems": [
            {
                "severity": p.severity.value,
                "sheet": p.sheet,
                "row": p.row,
                "column": p.column or None,
                "cell": p.cell or None,
                "value": p.value or None,
                "message": p.message,
            }
            for p in result.problems
        ],
    }


def check_text(result: ImportResult) -> str:
    lines = [f"{result.provenance.file} (SHA-256 {result.provenance.sha256[:16]}...)"]
    for sheet in result.sheets:
        kind = sheet.kind.value.replace("_", " ") if sheet.kind else "not a return"
        where = f", header on row {sheet.header_row}, {sheet.rows} rows read" if sheet.kind else ""
        lines.append(f"  sheet '{sheet.sheet}': {kind}{where}")
    counts = {severity: result.count(severity) for severity in Severity}
    lines.append(
        f"{counts[Severity.ERROR]} errors (rows not used), {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.NOTE]} notes"
    )
    lines += [f"  {problem}" for problem in result.problems]
    return "\n".join(lines)


def _period(args: argparse.Namespace, imported: LogImport, year_start: tuple[int, int]) -> Period:
    if args.start and args.end:
        return Period(args.start, args.end)
    if args.start:
        return Period.year_containing(args.start, (args.start.month, args.start.day))
    if args.end:
        year = Period.year_containing(args.end, year_start)
        return Period(year.start, args.end)
    return Period.latest_year(imported.log["received"], year_start, args.as_of or dt.date.today())


# --- JSON ------------------------------------------------------------------


def _day(value: object) -> str | None:
    import pandas as pd

    return None if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _stage_records(stages: pd.DataFrame) -> list[dict]:
    from desktop_app.domain.formatting import json_number

    records = []
    for row in stages.to_dict("records"):
        records.append(
            {
                key: (
                    json_number(value, 1)
                    if key.endswith("_pct")
                    else value
                    if key in ("procedure", "stage")
                    else json_number(value)
                )
                for key, value in row.items()
            }
        )
    return records


def _summary_records(summary: ComplaintsSummary, text: ReportText, adults: ReportText) -> dict:
    """The tables of one period, shared by this year and the previous one; `text` names the children's
    report's procedures (whose complaints the cared-for share counts), `adults` the adults' report's."""
    from desktop_app.domain.adult_measures import outcome_counts
    from desktop_app.domain.complaint_measures import (
        advocacy_counts,
        complainant_counts,
        ombudsman_decided_counts,
        percent_of,
        representation_count,
    )
    from desktop_app.domain.complaints import cared_for_share
    from desktop_app.domain.formatting import json_number

    themes = summary.themes
    procedures = list(themes.columns.get_level_values(1).unique())
    cared = cared_for_share(summary.cases, text.procedures.values())
    adults_procedures = adults.procedures.values()
    return {
        "period": {
            "from": summary.period.start.isoformat(),
            "to": summary.period.end.isoformat(),
            "label": summary.period.label,
        },
        "stages": _with_refused(_stage_records(summary.stages), summary),
        "themes": [
            {
                "theme": theme,
                "received": {p: int(themes.loc[theme, ("received", p)]) for p in procedures},
                "upheld": {p: int(themes.loc[theme, ("upheld", p)]) for p in procedures},
            }
            for theme in themes.index
        ],
        "escalation": [
            {
                "procedure": row["procedure"],
                "stage_1": int(row["stage_1"]),
                "stage_2": int(row["stage_2"]),
                "escalation_pct": json_number(row["escalation_pct"], 1),
            }
            for row in summary.escalation.to_dict("records")
        ],
        "ombudsman": [
            {"procedure": row["procedure"], "decision": row["decision"], "contacts": int(row["contacts"])}
            for row in summary.ombudsman_decisions.to_dict("records")
        ],
        "ombudsman_decisions": _register_records(summary, text),
        "ombudsman_decided": [
            {"category": row["category"], "decision": row["decision"] or None, "cases": int(row["cases"])}
            for row in ombudsman_decided_counts(summary, text.procedures).to_dict("records")
            if row["cases"]
        ],
        "cared_for": {
            "count": cared["count"],
            "of": cared["of"],
            "pct": json_number(cared["pct"], 1),
        },
        "complainants": complainant_counts(summary, text.procedures),
        "advocacy": None
        if (advocacy := advocacy_counts(summary, text.procedures)) is None
        else {**advocacy, "pct": json_number(percent_of(advocacy["provided"], advocacy["of"]), 1)},
        "representations": representation_count(summary, text.procedures),
        "well_founded": {
            procedure: _well_founded_record(outcome_counts(summary, procedure)) for procedure in adults_procedures
        },
        **_remedies_records(summary),
        "equality": _equality_record(summary),
        "enquiries": {
            "childrens": _enquiries_record(summary, appendix_text(text, summary, adults_procedures).procedures),
            "adults": _enquiries_record(summary, adults.procedures),
        },
    }


def _enquiries_record(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict | None:
    """The councillors' and MPs' enquiries about the procedures of one report, by ward as its appendix prints
    them (those whose address is not known last, ward null, never in a ward), and their totals; null where the
    log keeps no record type column."""
    from desktop_app.domain.complaints import ENQUIRIES
    from desktop_app.domain.equality import enquiries_by_ward

    table = enquiries_by_ward(summary, procedures)
    if table is None:
        return None
    counts = [*ENQUIRIES, "total"]
    return {
        "procedures": sorted(set(procedures.values())),
        "wards": [
            {
                "ward": row["ward"],
                "address_not_known": row["ward"] is None,
                **{column: int(row[column]) for column in counts},
            }
            for row in table.to_dict("records")
        ],
        "all_wards": {column: int(table[column].sum()) for column in counts},
    }


def _equality_record(summary: ComplaintsSummary) -> dict | None:
    """The log's Stage 1 complaints (every procedure) by each characteristic it keeps, as published: a count
    too small to publish is null with the text that stands for it; null where the log keeps none."""
    from desktop_app.domain.equality import NOT_RECORDED, equality_counts
    from desktop_app.domain.formatting import json_number
    from desktop_app.domain.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    threshold = vocabulary.equality_suppress_below
    procedures = {str(code): str(code) for code in summary.stages["procedure"].dropna().unique()}
    groups = {kind: list(codes) for kind, codes in vocabulary.spellings.items()}
    found = equality_counts(summary, procedures, groups, threshold)
    if found is None:
        return None

    def group_record(group) -> dict:
        count, share = group.written(threshold)
        known = not group.hidden
        return {
            "group": group.code,
            "count": group.count if known else None,
            "pct": json_number(group.pct, 1) if known else None,
            "shown": count,
            "shown_pct": share,
        }

    return {
        "suppress_below": threshold,
        "complaints": found[0].total,
        "characteristics": [
            {
                "characteristic": characteristic.name,
                "groups": [group_record(group) for group in characteristic.groups if group.code != NOT_RECORDED],
                "not_recorded": group_record(characteristic.not_recorded),
            }
            for characteristic in found
        ],
    }


def _with_refused(records: list[dict], summary: ComplaintsSummary) -> list[dict]:
    """The stage records with the complaints refused at each stage (null where the log does not record
    refusals)."""
    from desktop_app.domain.complaint_remedies import refusal_counts, refused_by_stage

    every = {str(code): str(code) for code in summary.cases["procedure"].dropna().unique()}
    recorded = refusal_counts(summary, every) is not None
    refused = refused_by_stage(summary)
    return [
        {**record, "refused": refused.get((record["procedure"], record["stage"]), 0) if recorded else None}
        for record in records
    ]


def _remedies_records(summary: ComplaintsSummary) -> dict:
    """Compensation (total and by service), remedies by kind and refusals by reason, over the log's
    procedures; each null where the log keeps no column for it (never a zero)."""
    from desktop_app.domain.complaint_remedies import compensation, refusal_counts, remedy_type_counts
    from desktop_app.domain.formatting import json_number

    procedures = {str(code): str(code) for code in summary.stages["procedure"].dropna().unique()}
    procedures.update({str(code): str(code) for code in summary.refused["procedure"].dropna().unique()})
    paid = compensation(summary, procedures)
    return {
        "compensation": None
        if paid is None
        else {
            "total": json_number(paid.total, 2),
            "payments": paid.payments,
            "by_service": [
                {"service": row["service"], "payments": int(row["payments"]), "amount": json_number(row["amount"], 2)}
                for row in paid.by_service.to_dict("records")
            ],
        },
        "remedies": remedy_type_counts(summary, procedures),
        "refused": refusal_counts(summary, procedures),
    }


def _register_records(summary: ComplaintsSummary, text: ReportText) -> list[dict]:
    """The children's report's Ombudsman register: one object per case the Ombudsman decided in the year."""
    import pandas as pd

    from desktop_app.domain.complaint_measures import ombudsman_register

    def written(value: object) -> str | None:
        return None if pd.isna(value) else str(value)

    return [
        {
            "reference": case["reference"],
            "ombudsman_reference": written(case["ombudsman_reference"]),
            "procedure": case["procedure"],
            "service": written(case["service"]),
            "received": _day(case["received"]),
            "decided": _day(case["decided"]),
            "decision": written(case["decision"]),
            "category": case["category"],
            "remedy": written(case["remedy"]),
        }
        for case in ombudsman_register(summary, text.procedures).to_dict("records")
    ]


def _well_founded_record(outcomes: dict[str, int]) -> dict:
    """The adults' report's well-founded complaints (upheld or partly upheld) of one procedure's Stage 1."""
    from desktop_app.domain.complaint_measures import percent_of
    from desktop_app.domain.formatting import json_number

    return {
        "received": outcomes["received"],
        "upheld": outcomes["upheld"],
        "partly_upheld": outcomes["partly_upheld"],
        "count": outcomes["well_founded"],
        "of": outcomes["decided"],
        "pct": json_number(percent_of(outcomes["well_founded"], outcomes["decided"]), 1),
    }


def _left_out_record(summary: ComplaintsSummary, text: ReportText) -> dict:
    """What the appendix's data-quality notes say the upheld figure left out, from the same function."""
    from desktop_app.domain.complaint_measures import left_out_of_upheld

    words = left_out_of_upheld(summary, appendix_text(text, summary).procedures)
    no_outcome = words.pop("", 0)
    return {"unknown_outcome": {"count": sum(words.values()), "words": words}, "no_outcome": no_outcome}


def summary_document(
    summary: ComplaintsSummary,
    imported: LogImport,
    text: ReportText | None = None,
    adults: ReportText | None = None,
) -> dict:
    """The complaints-summary/1 JSON document; `text` and `adults` name the children's and the adults'
    reports' procedures (the shipped texts' by default)."""
    from desktop_app.domain.formatting import json_number
    from desktop_app.report.adults_complaints import load_adults_text
    from desktop_app.report.text import load_report_text

    text, adults = text or load_report_text(), adults or load_adults_text()
    previous = None
    if summary.previous is not None:
        previous = _summary_records(summary.previous, text, adults)
        previous["change"] = [
            {
                "procedure": row["procedure"],
                "stage": row["stage"],
                "received": int(row["received"]),
                "previous": int(row["previous"]),
                "change_pct": json_number(row["change_pct"], 1),
            }
            for row in summary.year_on_year().to_dict("records")
        ]
    return {
        "schema": SUMMARY_SCHEMA,
        "source": {
            "file": imported.file,
            "sheet": imported.sheet,
            "header_row": imported.header_row,
            "rows_read": len(imported.log),
        },
        "as_of": summary.as_of.isoformat(),
        **_summary_records(summary, text, adults),
        "left_out_of_upheld": _left_out_record(summary, text),
        "previous_year": previous,
        "cases": [_case_record(row) for row in summary.cases.itertuples(index=False)],
        "problems": [problem.to_dict() for problem in imported.problems],
    }


def _flag(value: object) -> bool | None:
    import pandas as pd

    return None if pd.isna(value) else bool(value)


def _case_record(row) -> dict:
    import pandas as pd

    from desktop_app.domain.formatting import json_number

    return {
        "reference": row.reference,
        "procedure": row.procedure,
        "stage": row.stage,
        "received": _day(row.received),
        "responded": _day(row.responded),
        "response_agreed": _day(row.response_agreed),
        "due": _day(row.due),
        "agreed_due": bool(row.agreed_due),
        "working_days": json_number(row.working_days),
        "in_time": _flag(row.in_time),
        "overdue": bool(row.overdue),
        "acknowledgement_working_days": json_number(row.acknowledgement_working_days),
        "acknowledgement_in_time": _flag(row.acknowledgement_in_time),
        "outcome": None if pd.isna(row.outcome) else row.outcome,
        "joint_nhs": None if pd.isna(row.joint_nhs) else row.joint_nhs == "yes",
        "note": row.note or None,
        "sheet": row.sheet,
        "row": int(row.row),
    }


# --- text ------------------------------------------------------------------


def appendix_text(text: ReportText, summary: ComplaintsSummary, elsewhere: Iterable[str] = ()) -> ReportText:
    """The report text with a role for every procedure of the log it does not name (its code as the role),
    but those another report covers (`elsewhere`)."""
    named = {*text.procedures.values(), *elsewhere}
    extra = {str(code): str(code) for code in summary.stages["procedure"].unique() if code not in named}
    return dataclasses.replace(text, procedures={**text.procedures, **extra}) if extra else text


def required_contents_records(
    summary: ComplaintsSummary, imported: LogImport, rules: ComplaintRules, text: ReportText, adults: ReportText
) -> list[dict]:
    """What the regime of the report the log makes by default (regime_of) asks for, each item with its source
    and whether that report, with the shipped words, has it (report.required_contents)."""
    from desktop_app.report.adults_complaints import adults_complaints_document
    from desktop_app.report.complaints import complaints_document
    from desktop_app.report.required_contents import check_required_contents

    if regime_of(imported.log, adults) == "adults":
        document = adults_complaints_document(summary, rules, adults)
    else:
        document = complaints_document(summary, rules, appendix_text(text, summary, adults.procedures.values()))
    return [
        {"item": checked.required.item, "source": checked.required.source, "present": checked.present}
        for checked in check_required_contents(document)
    ]


def summary_text(
    summary: ComplaintsSummary,
    imported: LogImport,
    rules: ComplaintRules,
    text: ReportText | None = None,
    adults: ReportText | None = None,
) -> str:
    """The appendices' tables for a person: the same models, so the same text, as the PDFs print. The
    children's report's (with every procedure the adults' does not cover), where the log has any of its
    complaints; then the adults' report's, where the year has adults' complaints."""
    from desktop_app.excel.complaints_log import UNKNOWN_OUTCOME
    from desktop_app.report.adults_complaints import adults_complaints_document, load_adults_text
    from desktop_app.report.complaints import complaints_document
    from desktop_app.report.text import load_report_text

    adults = adults or load_adults_text()
    documents = []
    if regime_of(imported.log, adults) == "childrens":
        text = appendix_text(text or load_report_text(), summary, adults.procedures.values())
        documents.append((complaints_document(summary, rules, text), text))
    if summary.stages["procedure"].isin(list(adults.procedures.values())).any() or not documents:
        documents.append((adults_complaints_document(summary, rules, adults), adults))
    figures = {name: figure.text for name, figure in documents[0][0].figures.items()}
    read = (
        f"{imported.file}, sheet '{imported.sheet}': {len(imported.log)} rows read "
        f"({imported.count(Severity.ERROR)} errors, {imported.count(Severity.WARNING)} warnings)"
    )
    period = (
        f"Complaints received {figures['period_start']} to {figures['period_end']} "
        f"({figures['period_label']}); open complaints judged as at {figures['as_of']}"
    )
    lines = [read, period]
    for document, words in documents:
        if document.kind == "adults_complaints":
            lines += _adults_lines(document)
        else:
            lines += _childrens_lines(document, words, rules)
    if imported.problems:
        problems = sorted(imported.problems, key=lambda problem: UNKNOWN_OUTCOME not in problem.message)
        lines += ["", "Problems in the log (outcome words to teach first):"] + [f"  {p}" for p in problems[:50]]
        if len(imported.problems) > 50:
            lines.append(f"  ... and {len(imported.problems) - 50} more (use --json for all)")
    return "\n".join(lines)


def _childrens_lines(document: Document, text: ReportText, rules: ComplaintRules) -> list[str]:
    """The children's report's tables: each procedure's stages, open complaints, themes, escalation,
    cared-for complaints, who complained with the equality monitoring (its small counts hidden as the PDF
    hides them), the Ombudsman contacts, and the councillors' and MPs' enquiries by ward."""
    from desktop_app.plain_text import table_text
    from desktop_app.report.complaints_figures import stage_key
    from desktop_app.report.model import Cell, CellKind, Table

    figures = {name: figure.text for name, figure in document.figures.items()}
    lines = []
    for table in document.tables():
        if table.key.startswith("stages_") or table.key == "response_times":
            lines += ["", table_text(table)]
    lines += [note.text for note in document.notes()]
    detail = Table(
        "open",
        [[Cell(w) for w in ("Stage", "Open", "Overdue", "Median working days")]],
        [
            [Cell(f"{figures[f'{role}_label']}, {stage.label}")]
            + [
                Cell(figures[f"{role}_{stage_key(code)}_{measure}"], CellKind.NUMBER)
                for measure in ("open", "overdue", "median_days")
            ]
            for role, procedure in text.procedures.items()
            for code, stage in rules.procedures[procedure].stages.items()
        ],
        "open",
    )
    lines += ["", "Open complaints, and the working days taken by those finalised", table_text(detail)]
    lines += ["", "Complaint themes (Stage 1)", table_text(document.table("themes"))]
    lines.append("")
    for role, procedure in text.procedures.items():
        if "2" not in rules.procedures[procedure].stages:
            continue
        for which, words in (("", ""), ("_last_year", " last year")):
            if f"{role}_escalation_pct{which}" in figures and (which == "" or "last_year_label" in figures):
                lines.append(
                    f"Escalated to Stage 2{words} ({figures[f'{role}_label']}): "
                    f"{figures[f'{role}_escalation_pct{which}']}"
                )
    lines.append(
        "Complaints from cared-for children and young people: "
        f"{figures['cared_for_complaints']} of {figures['complaints_all_procedures']} ({figures['cared_for_pct']})"
    )
    for table in document.tables():
        if table.key in ("complainants", "complainants_also", "equality"):
            lines += ["", table_text(table)]
    for table in document.tables():
        if table.key == "ombudsman":
            lines += ["", "The Ombudsman's decisions", table_text(table)]
        if table.key == "ombudsman_register":
            lines += ["", table_text(table)]
    if any(table.key == "enquiries" for table in document.tables()):
        lines += ["", table_text(document.table("enquiries"))]
    return lines


def _adults_lines(document: Document) -> list[str]:
    """The adults' report's tables: outcomes, timeliness, six months, subjects and Ombudsman referrals."""
    from desktop_app.plain_text import table_text

    lines = ["", f"{document.metadata.title}: the adults' report (2009 Regulations, regulation 18)"]
    for table in document.tables():
        if table.key != "key_figures":
            lines += ["", table_text(table)]
    lines += [note.text for note in document.notes()]
    return lines
