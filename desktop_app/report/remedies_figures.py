"""The figures of remedies, compensation and refused complaints, formatted once, by name, for every
complaints report (the children's, the adults' and the corporate).

From domain.complaint_remedies; each is "not recorded" where the log keeps no column that gives it:

- compensation_total (money), compensation_payments (complaints with a payment); per service, KEY the
  service in placeholder form: compensation_KEY_name, _payments, _amount
- remedies_given (remedies of any kind); remedy_KIND (KIND a code of the vocabulary's [values.remedy_type])
  and remedy_KIND_name
- compliments_logged (the log's compliments), compliments_KEY_name and compliments_KEY (KEY the service
  in placeholder form)
- refused (complaints the council refused to accept); refused_REASON and refused_REASON_name (REASON a code of
  the vocabulary's [values.refusal_reason])
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.complaint_remedies import (
    compensation,
    compliments_by_service,
    refusal_counts,
    remedy_type_counts,
)
from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.formatting import Formatter
from desktop_app.report.complaints_figures import NOT_RECORDED, Put, count_or_not_recorded, keys_of
from desktop_app.report.labels import shortened


def service_keys(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str, str]:
    """The services compensation was paid to, largest amount first -> their placeholder keys."""
    paid = compensation(summary, procedures)
    return {} if paid is None else keys_of(list(paid.by_service["service"]))


def remedies_figures(
    put: Put,
    summary: ComplaintsSummary,
    procedures: Mapping[str, str],
    words: Mapping[str, Mapping[str, str]],
    fmt: Formatter,
) -> None:
    """Add the figures; `words` holds each vocabulary kind's codes as printed (Vocabulary.words())."""
    paid = compensation(summary, procedures)
    if paid is None:
        put("compensation_total", NOT_RECORDED)
        put("compensation_payments", NOT_RECORDED)
    else:
        put("compensation_total", fmt.money(paid.total), paid.total, "gbp")
        put("compensation_payments", fmt.count(paid.payments), paid.payments, "count")
        keys = service_keys(summary, procedures)
        for row in paid.by_service.to_dict("records"):
            name = f"compensation_{keys[row['service']]}"
            put(f"{name}_name", shortened(row["service"]))
            put(f"{name}_payments", fmt.count(row["payments"]), row["payments"], "count")
            put(f"{name}_amount", fmt.money(row["amount"]), row["amount"], "gbp")
    compliments = compliments_by_service(summary, procedures)
    count_or_not_recorded(put, "compliments_logged", None if compliments is None else sum(compliments.values()), fmt)
    for service, key in keys_of(list(compliments or {})).items():
        put(f"compliments_{key}_name", shortened(service))
        put(f"compliments_{key}", fmt.count(compliments[service]), compliments[service], "count")  # type: ignore[index]
    for prefix, total, kind, counts in (
        ("remedy", "remedies_given", "remedy_type", remedy_type_counts(summary, procedures)),
        ("refused", "refused", "refusal_reason", refusal_counts(summary, procedures)),
    ):
        count_or_not_recorded(put, total, None if counts is None else sum(counts.values()), fmt)
        for code, count in (counts or {}).items():
            put(f"{prefix}_{code}_name", words.get(kind, {}).get(code, code))
            put(f"{prefix}_{code}", fmt.count(count), count, "count")
