"""Reading a column of counts from a return (MARAC's, safe accommodation's): what is wrong with each cell.

A count that is not a number, is below zero, is a percentage, or (for a count of
people, cases or spaces) is not whole is left out with a warning; a word that
stands for no number (n/a, -, c, [x]) is left out with a note, never read as
zero. The readers put each finding in a Problem naming its cell.
"""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd

from desktop_app.domain.problems import Severity
from desktop_app.domain.resource_files import read_toml
from desktop_app.excel.cells import parse_numbers, shown
from desktop_app.paths import RESOURCES

#: What parse_numbers marks a word standing for no number with.
NO_NUMBER = ("not_applicable", "suppressed")


def missing_words() -> dict[str, str]:
    """The words that stand for no number (n/a, -, c, *), as the other returns read them."""
    words = read_toml(RESOURCES / "returns_vocabulary.toml").get("values", {}).get("missing", {})
    return {str(word).strip().casefold(): code for code, spellings in words.items() for word in spellings}


def read_counts(
    values: pd.Series, words: dict[str, str], whole: bool = True
) -> tuple[pd.Series, dict[Hashable, tuple[Severity, str]], pd.Series]:
    """The numbers (NaN where left out), what is wrong with each cell left out (severity, message), and each
    cell's symbol as written where it stands for no number ('[c]', 'n/a'), else ''; `whole`: a count of
    cases, so a fraction or a percentage is not one."""
    numbers, reasons, markers = parse_numbers(values, words)
    found: dict[Hashable, tuple[Severity, str]] = {}
    symbols = pd.Series("", index=values.index, dtype="object")
    for index in values.index:
        reason, marker = reasons[index], markers[index]
        if reason:
            found[index] = (Severity.WARNING, f"{reason}; the figure is left out")
        elif marker in NO_NUMBER:
            found[index] = (Severity.NOTE, "no number is given: the figure is left out, not read as zero")
            symbols[index] = shown(values[index]).strip()
        elif marker == "percent" and whole:
            message = "is a percentage, but the column holds counts (the shares are worked out from them)"
            found[index] = (Severity.WARNING, f"{message}; the figure is left out")
        elif pd.isna(numbers[index]):  # a blank cell: the reader says what a figure not given means
            continue
        elif numbers[index] < 0:
            found[index] = (Severity.WARNING, "is below zero; the figure is left out")
        elif whole and not float(numbers[index]).is_integer():
            found[index] = (Severity.WARNING, "is not a whole number of cases; the figure is left out")
        else:
            continue
        if marker not in NO_NUMBER:
            numbers[index] = float("nan")
    return numbers, found, symbols
