"""Writing the committee appendices from a project's returns: plain functions, run in the background."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from desktop_app.domain.periods import Period
from desktop_app.domain.rules import load_rules
from desktop_app.domain.vocabulary import load_vocabulary

Progress = Callable[[float, str], None]


def export_complaints_report(
    log: pd.DataFrame,
    out: str,
    as_of: dt.date,
    period: Period | None = None,
    agenda_item: int | None = None,
    first_page: int = 1,
    progress: Progress | None = None,
) -> str:
    """The Annual Complaints Report appendix for the log's latest reporting year (or `period`)."""
    from desktop_app.domain.complaints import summarise
    from desktop_app.pdf.complaints_report import write_complaints_report
    from desktop_app.pdf.document import PageOptions

    progress = progress or (lambda fraction, text: None)
    progress(0.1, "Working out the figures")
    rules, vocabulary = load_rules(), load_vocabulary()
    period = period or Period.latest_year(log["received"], rules.year_start, as_of)
    summary = summarise(log, rules, vocabulary.outcome_classes, period, as_of)
    progress(0.4, "Laying out the pages")
    write_complaints_report(summary, rules, Path(out), options=PageOptions(agenda_item, first_page))
    progress(1.0, "Done")
    return out
