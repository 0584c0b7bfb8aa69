"""The command line's reading of safe accommodation returns (Domestic Abuse Act 2021, Part 4).

`report partnership FILES...` (desktop_app.marac_commands) gives the files
that are safe accommodation returns, or the published regional and England
tables, to `safe_accommodation_document`; `check` of such a file lists what it
holds and every problem in it, then the appendix's tables (with --json, one
safe_accommodation/1 document of each figure as printed and its value).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.resource_files import ResourceFileError

if TYPE_CHECKING:  # pandas and the readers are imported when a command runs: the window paints without them
    from desktop_app.excel.safe_accommodation import SafeAccommodationImport
    from desktop_app.excel.workbook import Source
    from desktop_app.report.appendix_text import AppendixText
    from desktop_app.report.model import Document, PageOptions

SAFE_ACCOMMODATION_SCHEMA = "safe_accommodation/1"


class SafeAccommodationFilesError(ValueError):
    """The files given hold no return, or two returns, or two sets of published tables."""


def is_safe_accommodation_file(source: Source) -> bool:
    """Whether the file read is a safe accommodation return or the published tables."""
    from desktop_app.excel.safe_accommodation import is_safe_accommodation

    return is_safe_accommodation(source)


def safe_accommodation_document(
    files: list[Source], options: PageOptions, as_at: dt.date | None, details: Mapping[str, str] | None = None
) -> tuple[Document, list[Problem], AppendixText]:
    """The appendix of the one return among `files` and the published tables among them, if any; the problems
    of every file; the words it is made of, the paper's `details` over them (report.details). WorkbookError, ResourceFileError or SafeAccommodationFilesError
    where it cannot be made."""
    from desktop_app.domain.safe_accommodation import load_safe_accommodation_vocabulary
    from desktop_app.excel.safe_accommodation import read_safe_accommodation
    from desktop_app.report.details import with_details
    from desktop_app.report.safe_accommodation import load_safe_accommodation_text
    from desktop_app.report.safe_accommodation import safe_accommodation_document as build

    vocabulary = load_safe_accommodation_vocabulary()
    reads = [read_safe_accommodation(path, vocabulary) for path in files]
    returns = [read for read in reads if read.figures is not None]
    tables = [read for read in reads if read.published is not None]
    if len(returns) != 1:
        names = ", ".join(read.provenance.file for read in returns) or "none of them"
        raise SafeAccommodationFilesError(f"one safe accommodation return is needed, and {names} holds one")
    if len(tables) > 1:
        names = ", ".join(read.provenance.file for read in tables)
        raise SafeAccommodationFilesError(f"one set of published tables is needed, and {names} each hold one")
    figures = returns[0].figures
    assert figures is not None
    published = tables[0].published if tables else None
    text = with_details(load_safe_accommodation_text(), details)
    document = build(figures, vocabulary, published, text, options=options, as_at=as_at)
    return document, [problem for read in reads for problem in read.problems], text


def safe_accommodation_check(source: Source, as_json: bool = False) -> int | None:
    """`check` of a safe accommodation return or the published tables; None where the file is neither (the other
    returns' check reads it)."""
    from desktop_app.domain.formatting import json_text
    from desktop_app.domain.safe_accommodation import load_safe_accommodation_vocabulary
    from desktop_app.excel.safe_accommodation import read_safe_accommodation
    from desktop_app.excel.workbook import WorkbookError
    from desktop_app.plain_text import checked_text
    from desktop_app.report.safe_accommodation import safe_accommodation_document as build

    try:
        if not is_safe_accommodation_file(source):
            return None
        vocabulary = load_safe_accommodation_vocabulary()
        read = read_safe_accommodation(source, vocabulary)
        document = build(read.figures, vocabulary, read.published) if read.figures else None
    except (WorkbookError, ResourceFileError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = 1 if any(problem.severity is Severity.ERROR for problem in read.problems) else 0
    if as_json:
        print(json_text(safe_accommodation_json(read, document)))
        return failed
    holds = []
    if read.figures is not None:
        holds.append(f"a safe accommodation return ({', '.join(read.figures.periods)})")
    if read.published is not None:
        holds.append(f"the published tables ({', '.join(map(str, read.published.values.index))})")
    print(f"{read.provenance.file} (SHA-256 {read.provenance.sha256[:16]}...): {' and '.join(holds)}")
    print(checked_text(read.problems, document.tables() if document is not None else []))
    return failed


def safe_accommodation_json(read: SafeAccommodationImport, document: Document | None) -> dict[str, object]:
    """The safe_accommodation/1 document: the file, its problems, and each figure of the appendix by name (its
    text as printed and its value)."""
    from desktop_app.plain_text import checked_json

    periods = read.figures.periods if read.figures is not None else []
    areas = [str(area) for area in read.published.values.index] if read.published is not None else []
    return checked_json(
        SAFE_ACCOMMODATION_SCHEMA, read.provenance, read.problems, document, periods=periods, areas=areas
    )
