"""What every appendix's document is made of besides its sections: the properties and the title page
from the text file's [document] words, and the contents and blank page words.

One place, so the complaints, performance, action plan and MARAC appendices print the meeting's
details alike, in the same order, and a new appendix kind gets them by calling `appendix_document`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Generic, Protocol, TypeVar

from desktop_app.report.model import Document, Figure, Metadata, PageOptions, Section, TitlePage
from desktop_app.report.text import DOCUMENT_KEYS, MEETING_DETAILS, fill

#: Fills a template with the report's figures; the second argument says where the template is, for errors.
Fill = Callable[[str, str], str]


class _HasSource(Protocol):
    @property
    def source(self) -> str: ...  # the text file's name, for errors


Words = TypeVar("Words", bound=_HasSource)


class FillsWords(Generic[Words]):
    """What an appendix's builder fills its words with: its `figures` (their texts, by name), the errors
    naming its text file (`text.source`) and where in it the words are."""

    text: Words
    figures: dict[str, str]

    def fill(self, template: str, where: str, figures: Mapping[str, str] | None = None) -> str:
        return fill(template, self.figures if figures is None else figures, self.located(where))

    def located(self, where: str) -> str:
        """Where in the text file the words are, as an error names it: 'marac_report_text.toml: [tables] measure'."""
        return f"{self.text.source}: {where}"


def appended_part(document: Document, part: Document) -> Document:
    """`document` with the sections of another appendix's `part` after its own, the first on a new page, and
    the figures of both (a partnership paper's parts)."""
    sections = [replace(section, new_page=True) if at == 0 else section for at, section in enumerate(part.sections)]
    return replace(document, sections=[*document.sections, *sections], figures={**document.figures, **part.figures})


def filled_document_words(document: Mapping[str, str], fill: Fill) -> dict[str, str]:
    """Each of the [document] words filled ("" where the text file has none)."""
    return {key: fill(document.get(key, ""), f"[document] {key}") for key in DOCUMENT_KEYS}


def appendix_title_page(
    title: str, about: Mapping[str, str], words: Callable[[str], str], period: tuple[str, str] | None
) -> TitlePage:
    """The title page: the meeting's details the words give, then `period` (its label and what it is)."""
    details = [(words(f"title_details_{key}"), about[key].strip()) for key in MEETING_DETAILS if about[key].strip()]
    if period is not None:
        details.append(period)
    return TitlePage(title, about["appendix"], about["subtitle"], tuple(details))


def appendix_document(
    kind: str,
    about: Mapping[str, str],
    *,
    sections: list[Section],
    options: PageOptions,
    words: Callable[[str], str],
    figures: dict[str, Figure],
    period: tuple[str, str] | None,
    as_at: dt.date | None = None,
    title: str | None = None,
    left_out: tuple[tuple[str, str], ...] = (),
) -> Document:
    """An appendix of `sections`, its properties and title page from the filled [document] words `about`.

    `title`: printed instead of the words' title; `as_at`: the figures' date (the PDF's dates)."""
    title = title or about["title"]
    metadata = Metadata(
        title=title, author=about["author"], subject=about["subject"], keywords=about["keywords"], as_at=as_at
    )
    return Document(
        kind=kind,
        metadata=metadata,
        options=options,
        sections=sections,
        title_page=appendix_title_page(title, about, words, period),
        contents_heading=words("contents_heading"),
        running_title=title,
        blank_page_text=words("blank_page"),
        figures=figures,
        left_out=left_out,
    )
