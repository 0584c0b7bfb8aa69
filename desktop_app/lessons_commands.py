"""The command line's lessons-learned register: `--lessons FILE` of `report complaints|corporate` and
`proof complaints`.

The register's workbook is read once per command (excel.lessons); its entries go to the appendix's lessons
section, and its problems, each naming its cell, to the proof's findings, so the report command prints them
and `--strict` refuses an error.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop_app.command_files import file_option, read_or_say_why

if TYPE_CHECKING:
    from desktop_app.domain.lessons import LessonEntry
    from desktop_app.excel.lessons import LessonsImport
    from desktop_app.report.proof import Finding


def add_lessons_argument(parser: argparse.ArgumentParser) -> None:
    file_option(
        parser,
        "--lessons",
        "the lessons-learned register (.xlsx, .xlsm or .csv): a row per learning point per reporting date, "
        "printed with what changed since the last report",
    )


def read_lessons(args: argparse.Namespace) -> tuple[LessonsImport | None, bool]:
    """The register --lessons names (None where none is named) and whether it could be read (False: the
    reason printed on stderr)."""
    from desktop_app.excel.lessons import read_lessons_register

    if getattr(args, "lessons", None) is None:
        return None, True
    read = read_or_say_why(lambda: read_lessons_register(args.lessons), args.lessons)
    return read, read is not None


def lessons_entries(read: LessonsImport | None) -> list[LessonEntry] | None:
    return None if read is None else read.entries


def lessons_findings(read: LessonsImport | None) -> list[Finding]:
    """The register's problems as the proof's findings."""
    from desktop_app.report.proof import slip_findings

    return [] if read is None else slip_findings(read.problems, "lessons")
