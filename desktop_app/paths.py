"""Where the application's own files live, from source or from a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))

RESOURCES = _ROOT / "resources"
FORMS = _ROOT / "forms"
SAMPLE_DATA = _ROOT / "sample_data"
SAMPLE_COMPLAINTS_LOG = SAMPLE_DATA / "complaints_log_2021-2023.xlsx"
