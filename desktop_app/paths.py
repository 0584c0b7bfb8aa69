"""Where the application's own files live, from source or from a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))

RESOURCES = _ROOT / "resources"
FORMS = _ROOT / "forms"
SAMPLE_DATA = _ROOT / "sample_data"
SAMPLE_COMPLAINTS_LOG = SAMPLE_DATA / "complaints_log_2021-2023.xlsx"
#: The bundled sample report's returns, opened by "Look around the sample report" and by the self-test.
SAMPLE_RETURNS = (
    "complaints_log_2021-2023.xlsx",
    "childrens_performance_2023.xlsx",
    "benchmarks_2023.xlsx",
    "survey_2023-24.xlsx",
    "population_2023.xlsx",
    "monthly_series_2021-2024.xlsx",
)


def sample_returns() -> list[Path]:
    """The sample returns this installation has (a build may leave one out: the rest still open)."""
    return [SAMPLE_DATA / name for name in SAMPLE_RETURNS if (SAMPLE_DATA / name).exists()]
