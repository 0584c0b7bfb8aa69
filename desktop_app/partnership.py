"""The partnership papers, read and made into appendices: for the command line and the window alike.

An action plan judged at its report date, with what changed since the last
report the project keeps; the MARAC returns with the safe accommodation
return after them. The command line's `report|proof action-plan` and
`report|proof marac|partnership` build their appendices and proofs here, and
the window's Partnership tab reads its papers here, in a background process
(`read_papers`: plain values in, plain values out, no Qt).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.problems import Problem, Severity

if TYPE_CHECKING:  # pandas, the readers and the report builders are imported where they run
    import pandas as pd

    from desktop_app.domain.plan_history import PlanChanges, PlanReport
    from desktop_app.domain.plan_progress import PlanProgress
    from desktop_app.excel.workbook import Source
    from desktop_app.report.appendix_text import AppendixText
    from desktop_app.report.model import Document, Figure, PageOptions
    from desktop_app.report.proof import Finding

Progress = Callable[[float, str], None]
#: The kinds of paper the window keeps: an action plan (at its report date), and a MARAC or safe
#: accommodation return (or the published tables).
ACTION_PLAN, RETURN = "action_plan", "return"
#: The partnership's appendix (MARAC, safe accommodation, domestic abuse series), by the kind the window's
#: check before export and the appendix details know it by.
PARTNERSHIP = "partnership"


def _silent(fraction: float, text: str) -> None:
    """Progress for a caller that does not show it."""


def plan_appendix(
    progress: PlanProgress,
    changes: PlanChanges | None,
    options: PageOptions | None,
    text_path: Path | None = None,
    details: Mapping[str, str] | None = None,
) -> tuple[Document, list[Finding]]:
    """The action plan's appendix with the words of `text_path` (the shipped words by default), the paper's
    `details` over them (report.details: label, committee, meeting date, report of, author), and its proof:
    its prompts (an exception without a progress note among them) and the words against its figures. The
    plan's slips are listed apart (report.proof.slip_findings)."""
    from desktop_app.report.action_plan import action_plan_document
    from desktop_app.report.action_plan_text import load_plan_text
    from desktop_app.report.details import with_details
    from desktop_app.report.proof import proof_findings

    text = with_details(load_plan_text(text_path) if text_path else load_plan_text(), details)
    document = action_plan_document(progress, text, options, changes)
    return document, proof_findings(document, text=text, as_at=progress.as_of)


def partnership_appendix(
    files: list[Path],
    options: PageOptions,
    with_safe_accommodation: bool = True,
    benchmarks: Path | None = None,
    text: Path | None = None,
    as_at: dt.date | None = None,
    details: Mapping[str, str] | None = None,
) -> tuple[Document, list[Problem], list[AppendixText]]:
    """The MARAC appendix of the MARAC returns among `files`, with (`with_safe_accommodation`: a partnership's
    paper) the safe accommodation section and the domestic abuse series section after it, made of the others
    (a population return among them gives the series' rates); the returns' problems; the words it is made of,
    each with the paper's `details` over its [document] words (report.details). Each file is read once. WorkbookError, ResourceFileError, SafeAccommodationFilesError or the series' errors
    where it cannot be made."""
    from desktop_app.da_series_commands import is_series_file, population_return, series_part
    from desktop_app.excel.workbook import open_source
    from desktop_app.report.da_series import partnership_with_series
    from desktop_app.report.safe_accommodation import partnership_document
    from desktop_app.safe_accommodation_commands import is_safe_accommodation_file, safe_accommodation_document

    marac: list[Source] = []
    safe_accommodation: list[Source] = []
    series: list[Source] = []
    populations: list[tuple[Source, pd.DataFrame]] = []
    for source in (open_source(path) for path in files):
        if with_safe_accommodation and is_series_file(source):
            series.append(source)
        elif with_safe_accommodation and is_safe_accommodation_file(source):
            safe_accommodation.append(source)
        elif with_safe_accommodation and (rows := population_return(source)) is not None:
            populations.append((source, rows))
        else:
            marac.append(source)
    if not series:  # a population return serves the series' rates alone: read as a MARAC return, it says so
        marac += [source for source, _ in populations]
    document: Document | None = None
    problems: list[Problem] = []
    texts: list[AppendixText] = []
    if marac:
        document, problems, words = _marac_document(*_read_marac(marac), options, benchmarks, text, details)
        texts.append(words)
    if safe_accommodation:
        part, found, words = safe_accommodation_document(safe_accommodation, options, as_at, details)
        problems += found
        texts.append(words)
        document = part if document is None else partnership_document(document, part)
    if series:
        named = [(source.provenance.file, rows) for source, rows in populations]
        part, found, words = series_part(series, options, named, details)
        problems += found
        texts.append(words)
        document = part if document is None else partnership_with_series(document, part, words)
    if document is None:
        raise ValueError("no MARAC, safe accommodation or domestic abuse series return is given")
    return document, problems, texts


def appendix_findings(document: Document, texts: list[AppendixText]) -> list[Finding]:
    """The proof of the partnership appendix: its prompts and notes, and each part's words against its figures."""
    from desktop_app.report.proof import finding_of, proof_findings, word_findings

    findings = proof_findings(document, text=texts[0] if texts else None)
    for words in texts[1:]:
        findings += [finding_of(found) for found in word_findings(document, words)]
    return findings


def _read_marac(files: list[Source]) -> tuple[pd.DataFrame, list[Problem]]:
    """The returns' rows together, and their problems (WorkbookError where one cannot be read)."""
    import pandas as pd

    from desktop_app.excel.marac import read_marac_return

    reads = [read_marac_return(source) for source in files]
    return pd.concat([read.rows for read in reads], ignore_index=True), [p for read in reads for p in read.problems]


def _marac_document(
    rows: pd.DataFrame,
    problems: list[Problem],
    options: PageOptions,
    benchmarks: Path | None,
    text: Path | None,
    details: Mapping[str, str] | None,
) -> tuple[Document, list[Problem], AppendixText]:
    from desktop_app.domain.marac import load_benchmarks, marac_years
    from desktop_app.report.details import with_details
    from desktop_app.report.marac import marac_document
    from desktop_app.report.marac_text import load_marac_text

    chosen = load_benchmarks(benchmarks) if benchmarks else load_benchmarks()
    words = with_details(load_marac_text(text) if text else load_marac_text(), details)
    return marac_document(marac_years(rows), chosen, words, options), problems, words


# --- the window's papers ------------------------------------------------------------------


@dataclass
class PartnershipPapers:
    """What the window shows of its partnership papers, read in one go.

    `papers`: what the project keeps of them (kind, file name, SHA-256, report date: never a path);
    `located`: SHA-256 -> where each was read from on this machine; `problems`: every slip of every paper,
    naming its cell, and each paper that could not be read at all (an error naming the file);
    `plan_reports`: the project's ratings at each reporting date with the plan's added; `plan` and
    `partnership`: the two appendices (None without their papers), each with its proof's findings;
    `board_figures`: the plan's figures a board report's words may use (report.board.PLAN_FIGURES)."""

    papers: list[dict[str, object]] = field(default_factory=list)
    located: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    plan_reports: list[PlanReport] = field(default_factory=list)
    plan: Document | None = None
    plan_findings: list[Finding] = field(default_factory=list)
    partnership: Document | None = None
    partnership_findings: list[Finding] = field(default_factory=list)
    board_figures: dict[str, Figure] = field(default_factory=dict)

    def with_papers_of(self, other: PartnershipPapers, kind: str) -> PartnershipPapers:
        """This reading with `other`'s papers of `kind` (ACTION_PLAN or RETURN), their appendix, findings and
        problems: a load reads only the papers of the kind loaded."""
        kept = [paper for paper in other.papers if paper["kind"] == kind]
        names = {paper["file"] for paper in kept}
        part = (
            {"plan": other.plan, "plan_findings": other.plan_findings, "board_figures": other.board_figures}
            if kind == ACTION_PLAN
            else {"partnership": other.partnership, "partnership_findings": other.partnership_findings}
        )
        problems = [*self.problems, *(problem for problem in other.problems if problem.file in names)]
        return replace(self, papers=[*self.papers, *kept], problems=problems, **part)

    @property
    def refused(self) -> list[Problem]:
        """The papers that could not be read at all."""
        return [problem for problem in self.problems if problem.severity is Severity.ERROR and not problem.sheet]


def read_papers(
    plans: list[tuple[str, dt.date]],
    returns: list[str],
    plan_reports: list[PlanReport],
    options: PageOptions | None = None,
    details: Mapping[str, Mapping[str, str]] | None = None,
    progress: Progress = _silent,
) -> PartnershipPapers:
    """The action plan workbooks `plans` (each with its report date: the latest is the plan shown, the others
    add their ratings to `plan_reports`) and the MARAC and safe accommodation `returns`, read and made into
    their appendices, each with the paper's details by appendix (`details`: ACTION_PLAN and PARTNERSHIP, as
    report.details.paper_details gives them). A paper that cannot be read is a problem naming it, never an
    exception."""
    from desktop_app.report.model import PageOptions

    options = options or PageOptions()
    details = details or {}
    read = PartnershipPapers(plan_reports=list(plan_reports))
    if plans:
        progress(0.1, "Reading the action plan")
        _read_plans(read, plans, options, details.get(ACTION_PLAN))
    if returns:
        progress(0.6, "Reading the MARAC and safe accommodation returns")
        _read_returns(read, returns, options, details.get(PARTNERSHIP))
    progress(1.0, "Done")
    return read


def _read_plans(
    read: PartnershipPapers,
    plans: list[tuple[str, dt.date]],
    options: PageOptions,
    details: Mapping[str, str] | None,
) -> None:
    """Each plan judged at its date and its ratings kept; the latest one's appendix, against the report before."""
    from desktop_app.domain.action_plans import load_plan_rules, load_plan_vocabulary
    from desktop_app.domain.plan_history import changes_since, plan_report, report_before, with_report
    from desktop_app.domain.plan_progress import assess, plan_summary
    from desktop_app.excel.action_plan import read_action_plan
    from desktop_app.report.board import board_plan_figures
    from desktop_app.report.proof import slip_findings

    vocabulary = load_plan_vocabulary()
    rules = load_plan_rules(vocabulary=vocabulary)
    judged = []
    for path, as_of in sorted(plans, key=lambda plan: plan[1]):
        try:
            imported = read_action_plan(Path(path), vocabulary)
        except Exception as exc:  # WorkbookError, an unreadable file: said, naming the file
            read.problems.append(_refused(path, exc))
            continue
        progress = assess(imported.plan, rules, as_of)
        report = plan_report(progress, imported.provenance.file, imported.provenance.sha256)
        read.plan_reports = with_report(read.plan_reports, report)
        judged.append((path, imported, progress, report))
    if not judged:
        return
    path, imported, progress, report = judged[-1]
    read.papers.append(_paper(ACTION_PLAN, imported.provenance.file, imported.provenance.sha256, progress.as_of))
    read.located[imported.provenance.sha256] = path
    read.problems += imported.problems
    before = report_before(read.plan_reports, progress.as_of)
    changes = changes_since(before, report) if before is not None else None
    read.plan, findings = plan_appendix(progress, changes, options, details=details)
    read.plan_findings = slip_findings(imported.problems, "plan_slip") + findings
    read.board_figures = board_plan_figures(plan_summary(progress))


def _read_returns(
    read: PartnershipPapers, returns: list[str], options: PageOptions, details: Mapping[str, str] | None
) -> None:
    import hashlib

    from desktop_app.report.proof import slip_findings

    try:
        document, problems, texts = partnership_appendix([Path(path) for path in returns], options, details=details)
    except Exception as exc:  # WorkbookError, two safe accommodation returns...: said, naming the file
        read.problems.append(_refused(", ".join(Path(path).name for path in returns), exc))
        return
    for path in returns:
        sha256 = hashlib.sha256(Path(path).read_bytes()).hexdigest()  # as the readers fingerprint it
        read.papers.append(_paper(RETURN, Path(path).name, sha256))
        read.located[sha256] = path
    read.problems += problems
    read.partnership = document
    read.partnership_findings = slip_findings(problems, "return_slip") + appendix_findings(document, texts)


def _paper(kind: str, file: str, sha256: str, as_of: dt.date | None = None) -> dict[str, object]:
    return {"kind": kind, "file": file, "sha256": sha256, "as_of": as_of}


def _refused(file: str, exc: Exception) -> Problem:
    name = Path(file).name
    message = str(exc) or type(exc).__name__
    return Problem(Severity.ERROR, message if name in message else f"{name}: {message}", file=name)
