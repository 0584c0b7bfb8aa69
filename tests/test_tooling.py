"""The tools that keep the code as docs/architecture.md describes it, run by the test command (so CI runs them):
ruff (lint and format), mypy, and the import-linter contracts of the layers; and proof that a contract breaks
when a layer reaches upwards."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "desktop_app", "tests", "benchmarks"),
        ("ruff", "format", "--check", "desktop_app", "tests", "benchmarks"),
        ("lint-imports",),
    ],
    ids=["ruff check", "ruff format", "import contracts"],
)
def test_the_tool_finds_nothing(command):
    done = _run(str(BIN / command[0]), *command[1:])
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing():
    done = _run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_domain_module_importing_the_report_model_breaks_a_contract(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "desktop_app", copy / "desktop_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    periods = copy / "desktop_app" / "domain" / "periods.py"
    periods.write_text(periods.read_text(encoding="utf-8") + "\nimport desktop_app.report.model  # a slip\n")
    done = _run(str(BIN / "lint-imports"), "--no-cache", cwd=copy)
    assert done.returncode != 0
    assert "The domain imports nothing of the application" in done.stdout and "BROKEN" in done.stdout
    assert "desktop_app.domain.periods -> desktop_app.report.model" in done.stdout
