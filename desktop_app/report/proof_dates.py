"""The proof of the dates and years in an appendix's words, beside its figures' period and its meeting date.

- a date on the title page in the meeting's month but another year (a paper dated January 2024 for a
  January 2025 meeting);
- a period of years in the title that the text contradicts (a strategy titled 2023-2028 that says 2022-2027),
  but not another document's period written beside its own name ("the Sefton Housing Strategy 2022-2027");
- a document about one year (the Ombudsman's annual review letter: resources/proof_words.toml [dates]) dated
  before the figures' period ends, so about an earlier year (the July 2022 letter in the 2022-23 report), or
  more than a year after it.

The weekday of a date and the meeting date against the figures' period are report.proof_words' checks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from desktop_app.domain.formatting import long_date
from desktop_app.report.model import Figure
from desktop_app.report.proof_words import (
    WARNING,
    Piece,
    ProofWords,
    WordFinding,
    dates_written,
    sentences_of,
    shipped_proof_words,
    years_written,
)

#: The title page's words that date the paper itself (the meeting date is held to the figures elsewhere).
TITLE_WORDS = ("title", "appendix", "subtitle", "report_to", "report_of")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def filled(words: str, figures: Mapping[str, Figure]) -> str:
    """`words` with each live figure's text in its place (a name with no figure is left as written)."""
    return _PLACEHOLDER.sub(lambda m: figures[m.group(1)].text if m.group(1) in figures else m.group(0), words)


def date_findings(
    document: Mapping[str, str],
    pieces: Sequence[Piece],
    figures: Mapping[str, Figure],
    period_end: dt.date | None,
    kind: str,
    file: str,
    words: ProofWords | None = None,
) -> list[WordFinding]:
    """The dates and years of the title page (`document`'s words) and the text (`pieces`) that the meeting,
    the title or the figures' period contradict."""
    words = words or shipped_proof_words()
    found = _title_page_years(document, figures, kind, file)
    found += _title_periods(document, pieces, figures)
    if period_end is not None and words.year_documents is not None:
        found += _year_documents(pieces, period_end, words.year_documents)
    return found


def meeting_of(document: Mapping[str, str]) -> dt.date | None:
    dates = [d for d in dates_written(document.get("meeting_date", "")) if d.has_day]
    return dates[0].day if dates else None


def _title_page_years(
    document: Mapping[str, str], figures: Mapping[str, Figure], kind: str, file: str
) -> list[WordFinding]:
    meeting = meeting_of(document)
    if meeting is None:
        return []
    found = []
    for key in TITLE_WORDS:
        words = filled(document.get(key, ""), figures)
        for date in dates_written(words):
            if date.day.month != meeting.month or date.day.year == meeting.year:
                continue
            piece = Piece("details", "The title page", words, figures, ("details", kind), file)
            found.append(
                WordFinding(
                    WARNING,
                    "date_year",
                    piece,
                    date.text,
                    str(meeting.year),
                    f"'The title page': {date.text} is in the meeting's month but {date.day.year}, and the meeting "
                    f"is on {long_date(meeting)}: is the year a slip?",
                )
            )
    return found


def _title_periods(
    document: Mapping[str, str], pieces: Sequence[Piece], figures: Mapping[str, Figure]
) -> list[WordFinding]:
    """A period of more than one year in the title (2023-2028) and one of the same length in the text that is
    not it (2022-2027). A year's period (2022-23) is left alone: the text speaks of last year's too."""
    title = filled(document.get("title", ""), figures)
    titled = [(w, first, last) for w, first, last in years_written(title)]
    title_words = set(_words_of(title))
    found = []
    for written, first, last in titled:
        if last - first < 2:
            continue
        for piece in pieces:
            if piece.section == "details":
                continue
            words = filled(piece.words, figures)
            at = 0
            for other, start, end in years_written(words):
                at = words.find(other, at)
                named = _name_beside(words[:at], words[at + len(other) :])
                at += len(other)
                if named - title_words:
                    continue  # another document's period: "the Sefton Housing Strategy 2022-2027"
                if end - start == last - first and start != first and abs(start - first) < last - first:
                    found.append(
                        WordFinding(
                            WARNING,
                            "title_period",
                            piece,
                            other,
                            written,
                            f"'{piece.title}': the text says {other}, but the title says {written}: correct the "
                            "one that is wrong.",
                        )
                    )
    return found


#: Words that join the words of a name ("Domestic and Sexual Abuse Strategy"), and capitalised words that
#: name nothing of their own ("The strategy", "In 2022-2027"): neither tells one document from another.
_JOINING = {"and", "&", "of", "for", "the"}
_PUNCTUATION = ".,;:()[]\"'“”‘’"
_NAMING_NOTHING = _JOINING | {"a", "an", "in", "on", "to", "our", "this", "its", "at", "by", "from", "with", "new"}


def _words_of(text: str) -> list[str]:
    """The words of `text`, lower case, a possessive's "'s" left out ("Sefton's" is "sefton")."""
    return [w.casefold() for w in re.findall(r"[\w&-]+", re.sub(r"['’]s\b", "", text))]


def _name_beside(before: str, after: str) -> set[str]:
    """The words of a name written right before a period of years or right after it ("Sefton Housing
    Strategy 2022-2027", "Sefton's 2022-2027 Domestic & Sexual Abuse Strategy"), but the words that name
    nothing of their own: the capitalised words next to it, with the joining words between them, up to a
    comma or full stop."""
    named: set[str] = set()
    for words, ahead in ((reversed(before.split()), False), (iter(after.split()), True)):
        for word in words:
            ends = word != word.rstrip(".,;:)")
            if ends and not ahead:
                break  # "In March, 2022-2027": the comma ends what went before
            bare = word.strip(_PUNCTUATION)
            if bare and bare.casefold() not in _JOINING:
                if not bare[0].isupper():
                    break
                named.update(w for w in _words_of(bare) if w not in _NAMING_NOTHING)
            if ends:
                break
    return named


def _year_documents(pieces: Sequence[Piece], period_end: dt.date, documents: re.Pattern[str]) -> list[WordFinding]:
    found = []
    for piece in pieces:
        if piece.section == "details":
            continue
        for sentence in sentences_of(filled(piece.words, piece.figures)):
            named = documents.search(sentence)
            if named is None:
                continue
            for date in dates_written(sentence):
                last = dt.date(date.day.year + (date.day.month == 12), date.day.month % 12 + 1, 1) - dt.timedelta(1)
                seen = last if not date.has_day else date.day
                if period_end < seen <= period_end + dt.timedelta(days=366):
                    continue
                when = "before the figures' period ends" if seen <= period_end else "over a year after it ends"
                found.append(
                    WordFinding(
                        WARNING,
                        "document_year",
                        piece,
                        f"{named.group(0)} … {date.text}",
                        f"the figures are to {long_date(period_end)}",
                        f"'{piece.title}': the {named.group(0)} of {date.text} is dated {when} "
                        f"({long_date(period_end)}), so it is about another year: quote the one about this report's "
                        "year, or say why.",
                    )
                )
    return found
