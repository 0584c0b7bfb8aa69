"""What complaints led to and what the council refused: remedies, compensation and refusals by reason; and
the compliments received, by service.

Each is counted from the optional columns of the log (`compensation`, `remedy_type`, `refusal_reason`):
a log that keeps no such column gives None, so the appendix says the log does not record it and the
JSON says null, never a zero. Remedies and compensation are of the complaints received in the period
at any stage (a payment at Stage 2 is a payment too); refusals are the complaints the council refused
to accept (domain.complaints keeps them out of every other figure).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from desktop_app.domain.complaints import ComplaintsSummary

#: The service of a payment whose complaint's service the log leaves blank.
SERVICE_NOT_RECORDED = "Service not recorded"


@dataclass(frozen=True)
class Compensation:
    """The money paid to complainants: in all, to how many complaints, and per service (a frame of
    `service`, `payments` and `amount`, the largest amount first)."""

    total: float
    payments: int
    by_service: pd.DataFrame


def _ours(frame: pd.DataFrame, procedures: Mapping[str, str]) -> pd.DataFrame:
    return frame[frame["procedure"].isin(list(procedures.values())).to_numpy()]


def compensation(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> Compensation | None:
    """The compensation paid on the report's procedures' complaints received in the period; None where
    the log keeps no compensation column."""
    cases = _ours(summary.cases, procedures)
    if not summary.cases["compensation"].notna().any():
        return None
    paid = cases[cases["compensation"].fillna(0.0).to_numpy() > 0]
    service = paid["service"].fillna(SERVICE_NOT_RECORDED).astype(str).str.strip()
    by_service = (
        pd.DataFrame({"service": service, "amount": paid["compensation"].astype("float64")})
        .groupby("service", sort=False)
        .agg(payments=("amount", "size"), amount=("amount", "sum"))
        .reset_index()
        .sort_values(["amount", "service"], ascending=[False, True], kind="stable", ignore_index=True)
    )
    return Compensation(float(paid["compensation"].sum()), len(paid), by_service)


def remedy_type_counts(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, int] | None:
    """The remedies given on the report's procedures' complaints received in the period, by kind (the
    vocabulary's codes, in the order first seen); None where the log keeps no remedy type column."""
    if not summary.cases["remedy_type"].notna().any():
        return None
    kinds = _ours(summary.cases, procedures)["remedy_type"].dropna()
    return {str(kind): int(count) for kind, count in kinds[kinds != ""].value_counts(sort=False).items()}


def refusal_counts(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, int] | None:
    """The complaints of the report's procedures the council refused to accept in the period, by reason
    (the vocabulary's codes, the most first); None where the log keeps no refusal reason column."""
    if not (summary.cases["refusal_reason"].notna().any() or len(summary.refused)):
        return None
    reasons = _ours(summary.refused, procedures)["refusal_reason"]
    counts = reasons.value_counts(sort=False).sort_values(ascending=False, kind="stable")
    return {str(reason): int(count) for reason, count in counts.items()}


def compliments_by_service(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, int] | None:
    """The compliments about the report's procedures' services received in the period, by service (the most
    first); None where the log keeps no record type column (so it cannot hold compliments)."""
    if not (summary.cases["record_type"].notna().any() or len(summary.compliments)):
        return None
    service = _ours(summary.compliments, procedures)["service"].fillna(SERVICE_NOT_RECORDED).astype(str).str.strip()
    counts = service.value_counts(sort=False).sort_values(ascending=False, kind="stable")
    return {str(name): int(count) for name, count in counts.items()}


def refused_by_stage(summary: ComplaintsSummary) -> dict[tuple[str, str], int]:
    """The refused complaints per (procedure, stage), for the stage records of the JSON summary."""
    refused = summary.refused
    return {(str(p), str(s)): int(n) for (p, s), n in refused.groupby(["procedure", "stage"]).size().items()}
