"""The files a complaints command takes beside its log (`--vocabulary`, `--self-assessment`, `--lessons`), and
how a command reads a file it is given: one option a file, and one line on stderr where the file cannot be
read, never a traceback (SCRUTINY_DEBUG=1 shows it).

Shared by cli.py and lessons_commands.py, so each file option is added and read the same way.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from desktop_app.domain.resource_files import ResourceFileError

Read = TypeVar("Read")


def file_option(parser: argparse.ArgumentParser, option: str, help: str) -> None:
    """A file the command reads besides its log, named by `option` ("--lessons")."""
    parser.add_argument(option, type=Path, help=help)


def read_or_say_why(read: Callable[[], Read], path: Path) -> Read | None:
    """`read()`, or None with one line on stderr saying why the file at `path` could not be read: the reader's
    own message (naming file, sheet, row, column and value), else the kind of failure nobody foresaw."""
    from desktop_app.excel.workbook import WorkbookError

    try:
        return read()
    except (WorkbookError, ResourceFileError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    except Exception as exc:  # a reader failure nobody foresaw: still one line, never a traceback
        if os.environ.get("SCRUTINY_DEBUG"):
            raise
        print(
            f"error: {path.name}: could not be read ({type(exc).__name__}: {exc}); "
            "set SCRUTINY_DEBUG=1 to see the details, and please report it",
            file=sys.stderr,
        )
    return None
