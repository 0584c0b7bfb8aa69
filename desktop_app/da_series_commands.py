"""The command line's reading of a domestic abuse series return (the needs assessment's series, seed 001).

`report partnership FILES...` (desktop_app.marac_commands) gives the workbook
among its files that is a series return to `series_part`, whose section follows
the MARAC and safe accommodation parts; `check` of such a workbook lists the
series it holds and every problem in it, then the part's tables (with --json,
one domestic_abuse_series/1 document of each figure as printed and its value).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.resource_files import ResourceFileError

if TYPE_CHECKING:  # pandas and the readers are imported when a command runs: the window paints without them
    import pandas as pd

    from desktop_app.excel.da_series import SeriesImport
    from desktop_app.excel.workbook import Source
    from desktop_app.report.appendix_text import AppendixText
    from desktop_app.report.model import Document, PageOptions

SERIES_SCHEMA = "domestic_abuse_series/1"


class SeriesFilesError(ValueError):
    """Two series returns are given, or the one given holds no series."""


def is_series_file(source: Source) -> bool:
    """Whether the file read is a domestic abuse series return (a sheet named for a series, with its header)."""
    from desktop_app.domain.da_series import load_series_vocabulary
    from desktop_app.excel.da_series import is_series_workbook

    return is_series_workbook(source, load_series_vocabulary())


def population_return(source: Source) -> pd.DataFrame | None:
    """The population return's rows (area, age_band, year, population) where the file is one and no MARAC
    return (whose reader says what is wrong with it otherwise); else None."""
    from desktop_app.domain.marac import load_marac_vocabulary
    from desktop_app.domain.returns import ReturnKind
    from desktop_app.excel.importer import Importer
    from desktop_app.excel.marac import marac_header

    vocabulary = load_marac_vocabulary()
    if any(marac_header(sheet, vocabulary) for sheet in source.sheets):
        return None
    rows = Importer().import_source(source).frame(ReturnKind.POPULATION)
    return rows if len(rows) else None


def series_part(
    files: list[Source],
    options: PageOptions,
    populations: list[tuple[str, pd.DataFrame]] | None = None,
    details: Mapping[str, str] | None = None,
) -> tuple[Document, list[Problem], AppendixText]:
    """The part of the one series return among `files`, its rates' populations from the population returns
    `populations` (each file's name and rows) where given; its problems and the words it is made of (the
    paper's `details` over them, report.details);
    ResourceFileError or SeriesFilesError where it cannot be made."""
    import pandas as pd

    from desktop_app.domain.da_series import load_series_vocabulary, with_population
    from desktop_app.excel.da_series import read_series
    from desktop_app.report.da_series import load_series_text, series_document
    from desktop_app.report.details import with_details

    if len(files) != 1:
        names = ", ".join(source.provenance.file for source in files)
        raise SeriesFilesError(f"one domestic abuse series return is needed, and {names} each hold one")
    vocabulary = load_series_vocabulary()
    read = read_series(files[0], vocabulary)
    if not read.series:
        raise SeriesFilesError(f"{read.provenance.file}: no sheet of the series return could be read")
    problems = list(read.problems)
    if populations:
        names = ", ".join(name for name, _ in populations)
        rows = pd.concat([frame for _, frame in populations], ignore_index=True)
        for key, item in read.series.items():
            read.series[key], absent = with_population(item, rows, names)
            if absent and read.series[key].population_source:
                message = (
                    f"gives no population for {', '.join(absent)} ({item.spec.label}); the series return's own "
                    "row is used where it has one"
                )
                problems.append(Problem(Severity.NOTE, message, names))
        if not any(item.population_source for item in read.series.values()):
            message = "gives no population any rate of the series return asks for (a locality's, in its age band)"
            problems.append(Problem(Severity.WARNING, f"{message}; it is in no figure", names))
    text = with_details(load_series_text(vocabulary=vocabulary), details)
    return series_document(read.series, text, options), problems, text


def series_check(source: Source, as_json: bool = False) -> int | None:
    """`check` of a series return; None where the file is not one (the other returns' check reads it)."""
    from desktop_app.domain.da_series import load_series_vocabulary
    from desktop_app.domain.formatting import json_text
    from desktop_app.excel.da_series import is_series_workbook, read_series
    from desktop_app.plain_text import checked_text
    from desktop_app.report.da_series import series_document

    try:
        vocabulary = load_series_vocabulary()
        if not is_series_workbook(source, vocabulary):
            return None
        read = read_series(source, vocabulary)
        document = series_document(read.series) if read.series else None
    except (ResourceFileError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = 1 if any(problem.severity is Severity.ERROR for problem in read.problems) else 0
    if as_json:
        print(json_text(series_json(read, document)))
        return failed
    held = ", ".join(f"{item.spec.label} ({', '.join(item.periods)})" for item in read.series.values())
    print(f"{read.provenance.file} (SHA-256 {read.provenance.sha256[:16]}...): a domestic abuse series return")
    print(f"  {len(read.series)} series: {held}")
    print(checked_text(read.problems, document.tables() if document is not None else []))
    return failed


def series_json(read: SeriesImport, document: Document | None) -> dict[str, object]:
    """The domestic_abuse_series/1 document: the file, its series and periods, its problems, and each figure of
    the part by name (its text as printed and its value)."""
    from desktop_app.plain_text import checked_json

    series = {key: item.periods for key, item in read.series.items()}
    return checked_json(SERIES_SCHEMA, read.provenance, read.problems, document, series=series)
