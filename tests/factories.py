"""Complaints logs in the domain's shape, built row by row for hand-checked cases."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from desktop_app.domain.complaints import conform_log


def case(
    reference: str = "C1",
    procedure: str = "childrens_statutory",
    stage: str = "1",
    received: str = "2022-05-09",
    responded: str | None = None,
    acknowledged: str | None = None,
    statement_agreed: str | None = None,
    extension: bool = False,
    outcome: str | None = None,
    theme: str | None = None,
    complainant: str | None = None,
    complainant_group: str | None = None,
) -> dict[str, object]:
    """One row of a complaints log in the domain's shape (dates as ISO text)."""
    day = lambda text: pd.Timestamp(text) if text else pd.NaT  # noqa: E731
    return {
        "reference": reference,
        "procedure": procedure,
        "stage": stage,
        "received": day(received),
        "acknowledged": day(acknowledged),
        "statement_agreed": day(statement_agreed),
        "responded": day(responded),
        "extension": extension,
        "outcome": outcome,
        "decision": outcome,
        "theme": theme,
        "complainant": complainant,
        "complainant_group": complainant_group,
        "sheet": "Log",
        "row": 0,
    }


def log_of(*cases: dict[str, object]) -> pd.DataFrame:
    frame = pd.DataFrame(list(cases))
    frame["row"] = range(2, len(frame) + 2)
    return conform_log(frame)


def date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def large_log(rows: int) -> pd.DataFrame:
    """A log of `rows` complaints (a few kinds of case over two years, each with its own reference): big enough
    that working on it takes the window seconds, not milliseconds."""
    kinds = [
        case(received="2022-05-09", responded="2022-05-20", outcome="upheld", theme="Communication"),
        case(procedure="corporate", received="2022-11-14", responded="2023-01-09", outcome="not upheld"),
        case(stage="2", received="2023-02-01", extension=True, theme="Delay"),
        case(procedure="adult_social_care", received="2023-03-20", responded="2023-04-03", outcome="partly upheld"),
    ]
    frame = pd.DataFrame(kinds * (rows // len(kinds) + 1)).iloc[:rows].reset_index(drop=True)
    frame["reference"] = [f"C{n:06d}" for n in range(rows)]
    frame["row"] = range(2, rows + 2)
    return conform_log(frame)
