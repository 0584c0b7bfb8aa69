"""Plain text as ReportLab paragraph mark-up (the report model's prose is parsed in report/prose.py)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    """Plain text as paragraph mark-up: XML characters escaped, **bold** made bold."""
    return _BOLD.sub(r"<b>\1</b>", escape(text))
