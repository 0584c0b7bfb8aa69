"""The printed details of an appendix that belong to one meeting, not to the council's text file.

The text files (resources/*_report_text.toml) give each appendix's usual words; the
committee, the meeting date, the appendix letter, who the report is of and who wrote it
change with every paper. The author sets them in the window, the project keeps them,
and they lie over the text file's [document] words here, once, for the PDF, the Word
file and the preview alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Protocol, TypeVar

from desktop_app.domain.formatting import long_date

#: The details an author sets per appendix, in the order the window shows them, with their labels.
DETAILS: dict[str, str] = {
    "appendix": "Appendix label",
    "report_to": "Committee (report to)",
    "meeting_date": "Date of meeting",
    "report_of": "Report of",
    "author": "Author (the PDF's and Word file's author)",
}
#: The appendices of the returns whose details the window sets (and previews), by the kind their report model
#: carries.
APPENDICES: dict[str, str] = {
    "complaints": "Complaints appendix",
    "performance": "Performance appendix",
    "adults_complaints": "Adults' complaints appendix",
    "corporate_complaints": "Corporate complaints appendix",
}
#: The Partnership progress tab's appendices, whose details the window sets too (desktop_app.partnership's
#: ACTION_PLAN and PARTNERSHIP).
PARTNERSHIP_APPENDICES: dict[str, str] = {
    "action_plan": "Action plan appendix",
    "partnership": "Partnership appendix",
}
#: Every appendix whose details the window sets, in the order the Appendix details page shows them.
DETAILED_APPENDICES: dict[str, str] = {**APPENDICES, **PARTNERSHIP_APPENDICES}


class _HasDocumentWords(Protocol):
    @property
    def document(self) -> dict[str, str]: ...  # (read only: a frozen dataclass's field is one)


Text = TypeVar("Text", bound=_HasDocumentWords)


def with_details(text: Text, details: Mapping[str, str | None] | None) -> Text:
    """`text` with the author's details over its [document] words; a detail set to "" prints nothing.

    A detail the author has not set (absent or None) keeps the text file's word. The author's words are
    printed as typed: a brace in them is a brace, never a figure's placeholder.
    """
    chosen = {
        key: value.replace("{", "{{").replace("}", "}}")
        for key, value in (details or {}).items()
        if key in DETAILS and value is not None
    }
    if not chosen:
        return text
    return dataclasses.replace(text, document={**text.document, **chosen})  # type: ignore[type-var]


def details_of(settings: Mapping[str, object], appendix: str) -> dict[str, str]:
    """The details the author set for `appendix` in a project's settings (see DETAILS_SETTING)."""
    every = settings.get(DETAILS_SETTING)
    chosen = every.get(appendix) if isinstance(every, dict) else None
    return {str(k): str(v) for k, v in chosen.items() if k in DETAILS} if isinstance(chosen, dict) else {}


#: The project setting holding {appendix: {detail: text}}.
DETAILS_SETTING = "appendix_details"
#: The cover sheet's fields that are also an appendix's details: the cover report and its appendices go to
#: one meeting, so what the author typed on the cover prints on the appendices unless they set otherwise.
FROM_COVER = ("report_to", "meeting_date", "report_of")


def cover_details(cover: Mapping[str, str]) -> dict[str, str]:
    """The appendix details the cover sheet's fields give ("2025-01-07" prints as "Tuesday 7 January 2025")."""
    found = {}
    for key in FROM_COVER:
        value = (cover.get(key) or "").strip()
        if value and key == "meeting_date":
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                pass
            else:
                value = f"{day:%A} {long_date(day)}"
        if value:
            found[key] = value
    return found


def paper_details(settings: Mapping[str, object], cover: Mapping[str, str], appendix: str) -> dict[str, str]:
    """What `appendix` prints of its details over the text file's: the cover's, then the author's own."""
    return {**cover_details(cover), **details_of(settings, appendix)}
