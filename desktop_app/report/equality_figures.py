"""The figures of equality monitoring and of councillors' and MPs' enquiries by ward, formatted once, by name,
for every complaints report (the children's, the adults' and the corporate).

From domain.equality; each is "not recorded" where the log keeps no column that gives it:

- equality_recorded (the Stage 1 complaints counted), equality_suppress_below (the threshold under which a
  count is hidden); per characteristic CHAR (age_band, sex, ethnicity, disability) the log keeps and each of
  its groups GROUP (a code of the vocabulary's [values.CHAR], not_recorded among them): equality_CHAR_GROUP
  and _pct, "<N" (or "[c]" where hidden so that a hidden count cannot be worked out) where too small to
  publish, their value then None; equality_CHAR_GROUP_name
- enquiries (all the councillors' and MPs' enquiries), enquiries_member_enquiry, enquiries_mp_enquiry; per
  ward KEY (the ward in placeholder form): enquiries_ward_KEY_name, _member_enquiry, _mp_enquiry, _total;
  and the enquiries whose address is not known: enquiries_address_not_known_member_enquiry, _mp_enquiry,
  _total
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.complaints import ENQUIRIES, ComplaintsSummary
from desktop_app.domain.equality import enquiries_by_ward, equality_counts
from desktop_app.domain.formatting import Formatter
from desktop_app.report.complaints_figures import Put, count_or_not_recorded, keys_of
from desktop_app.report.labels import shortened

#: The key of the enquiries whose address is not known (enquiries_address_not_known_total and the like).
ADDRESS_NOT_KNOWN = "address_not_known"


def ward_keys(summary: ComplaintsSummary, procedures: Mapping[str, str]) -> dict[str | None, str]:
    """The wards of the enquiries in the table's order -> their figures' prefix (the address not known last)."""
    table = enquiries_by_ward(summary, procedures)
    wards = [] if table is None else list(table["ward"])
    keys: dict[str | None, str] = {
        ward: f"ward_{key}" for ward, key in keys_of([ward for ward in wards if ward is not None]).items()
    }
    if None in wards:
        keys[None] = ADDRESS_NOT_KNOWN
    return keys


def equality_figures(
    put: Put,
    summary: ComplaintsSummary,
    procedures: Mapping[str, str],
    words: Mapping[str, Mapping[str, str]],
    suppress_below: int,
) -> None:
    """Add the equality figures, every count under `suppress_below` hidden; `words` holds each vocabulary
    kind's codes as printed (Vocabulary.words()), in order."""
    groups = {name: list(codes) for name, codes in words.items()}
    found = equality_counts(summary, procedures, groups, suppress_below)
    fmt = Formatter(suppress_below)
    count_or_not_recorded(put, "equality_recorded", None if not found else found[0].total, fmt)
    put("equality_suppress_below", str(suppress_below), suppress_below, "count")
    for characteristic in found or []:
        for group in characteristic.groups:
            name = f"equality_{characteristic.name}_{group.code}"
            put(f"{name}_name", words.get(characteristic.name, {}).get(group.code, group.code))
            count, share = group.written(suppress_below)  # a hidden count's value is not kept either
            put(name, count, None if group.hidden else group.count, "count")
            put(f"{name}_pct", share, None if group.hidden else group.pct, "percent")


def enquiry_figures(put: Put, summary: ComplaintsSummary, procedures: Mapping[str, str], fmt: Formatter) -> None:
    """Add the figures of the councillors' and MPs' enquiries, by ward."""
    table = enquiries_by_ward(summary, procedures)
    count_or_not_recorded(put, "enquiries", None if table is None else int(table["total"].sum()), fmt)
    for kind in ENQUIRIES:
        count_or_not_recorded(put, f"enquiries_{kind}", None if table is None else int(table[kind].sum()), fmt)
    if table is None:
        return
    keys = ward_keys(summary, procedures)
    for row in table.to_dict("records"):
        prefix = f"enquiries_{keys[row['ward']]}"
        if row["ward"] is not None:
            put(f"{prefix}_name", shortened(row["ward"]))
        for column in (*ENQUIRIES, "total"):
            put(f"{prefix}_{column}", fmt.count(row[column]), row[column], "count")
