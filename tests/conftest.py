"""Shared fixtures: the shipped rules and vocabulary, and real workbooks written by openpyxl."""

from __future__ import annotations

import os

# Qt draws off screen in tests (set before pytest-qt makes the application).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.rules import ComplaintRules, load_rules
from desktop_app.domain.vocabulary import Vocabulary, load_vocabulary

HEADER = [
    "Complaint Ref",
    "Process",
    "Stage",
    "Date Received",
    "Date Acknowledged",
    "Date Responded",
    "Extension Agreed",
    "Outcome",
    "Category",
    "Made by",
]


@pytest.fixture(scope="session")
def rules() -> ComplaintRules:
    return load_rules()


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture
def write_workbook(tmp_path: Path) -> Callable[..., Path]:
    """Write rows to a real .xlsx, optionally under title rows, and return its path."""

    def write(
        rows: Sequence[Sequence[object]],
        header: Sequence[str] = HEADER,
        title_rows: Sequence[Sequence[object]] = (("Complaints log 2022-23",), ()),
        sheet: str = "Complaints Log",
        name: str = "log.xlsx",
    ) -> Path:
        workbook = openpyxl.Workbook()
        worksheet = workbook.active
        worksheet.title = sheet
        for row in title_rows:
            worksheet.append(list(row) or [None])
        worksheet.append(list(header))
        for row in rows:
            worksheet.append(list(row) or [None])
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


def pytest_collection_modifyitems(items):
    """Tests of the window are marked `gui`, so `pytest -m "not gui"` runs the logic alone."""
    for item in items:
        if item.module.__name__.split(".")[-1].startswith("test_gui"):
            item.add_marker(pytest.mark.gui)
