"""The proof of an appendix's words: every figure a person typed, and every figure that disagrees with another.

It reads the author's words as the builders receive them (the section texts with their {live_figures},
report.text and report.performance_text) beside the report's figures (`Document.figures`: each figure's
value at full precision and the text it prints), and lists what a careful reader would query:

- **typed figures**: a number in the words that is not a live figure. Years, dates, times, references
  ("Stage 2", "Parts 4 and 5"), lengths of time ("20 working days"), a rate's base ("per 10,000") and a
  paragraph's own number are not figures (resources/proof_words.toml lists the words). Where the words
  around it name a figure of the report (the file's [[describes]]), a number equal to that figure is offered
  to be made live, and a different one is an error ("the text says 69 statutory complaints; the log gives
  98"); any other typed number is listed, to be checked;
- **a percentage beside its counts** ("171 of 703 (25%)", "Of the 703 ..., 171 (25%)") that the counts do
  not give, rounded half up to the places the text shows;
- **points against per cent**: "an increase of 13%" where the figure the sentence names changed by 13
  percentage points (and the reverse);
- **comparison words** ("remained consistent", "rose", "a decline": the file's [comparisons]) that the
  figure the sentence names and the one before it (last year's, the previous period's) contradict;
- **dates**: a weekday wrong for its date, and a meeting date (the appendix details) before the end of
  the period of the figures or after the year that follows it;
- **numbering and words**: numbered paragraphs and items that repeat, skip or go back, and a phrase said
  twice in a row ("approx. 100 approx. 100").

Each finding says where it is, what the words say, what the figures give, and how to put it right
(report.proof.Finding). No Qt, no writer: the window, the command line and the tests read the same list.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop_app.domain.formatting import half_up
from desktop_app.domain.indicators import HORIZONS
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.paths import RESOURCES
from desktop_app.report.action_plan_text import PlanText
from desktop_app.report.appendix_text import AppendixText
from desktop_app.report.complaints_figures import key_of
from desktop_app.report.model import Figure
from desktop_app.report.performance_text import PerformanceText
from desktop_app.report.prose import parts
from desktop_app.report.text import ReportText

PROOF_WORDS_FILE = RESOURCES / "proof_words.toml"
ERROR, WARNING, INFO = "error", "warning", "info"
#: Shown in a figure's place where the returns have none (report.performance_figures.MISSING).
NO_FIGURE = "n/a"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)

# One pattern for every token the proof reads, tried in this order at each place: a placeholder, a date
# (with its weekday, or a month and year, or a day and month, or written in figures), a reporting year, a
# time, then a number with its unit (£, %, per cent, percentage points).
_TOKENS = re.compile(
    r"(?P<brace>\{\{|\}\})"
    r"|\{(?P<name>[^{}]*)\}"
    rf"|(?:(?P<weekday>{_WEEKDAY})\.?,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH})\.?,?"
    r"(?:\s+(?P<year>\d{4}))?(?!\w)"
    rf"|(?P<month_year>(?:{_MONTH})\.?\s+\d{{4}})(?!\d)"
    r"|(?P<numeric_date>\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})(?![\d/-])"
    r"|(?P<years>(?<![\w/.,-])(?:19|20)\d{2}\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2}))(?![\d/-])"
    r"|(?P<time>(?<![\w.,])\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|(?<![\w.,])\d{1,2}:\d{2}(?![\d:]))"
    r"|(?<![\w/.,£-])(?P<pound>£)?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?(?![\w/]|\.\d|,\d{3})"
    r"(?P<unit>\s?%|\s?per\s?cent(?!\w)|\s?percentage\s+points?(?!\w)|\s?pp(?!\w)|\s+points?(?!\w))?",
    re.IGNORECASE,
)
#: Where a clause ends inside a sentence: a comma (not a thousands separator), a semicolon, a colon, a
#: bracket or a dash between words.
_CLAUSE_END = re.compile(r",(?!\d{3})|[;:()\[\]–—]|\s-\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9{(\"'“‘*£])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:approx|e\.g|i\.e|c|no|para|etc|vs|cf|incl|esp)\.$", re.IGNORECASE)
#: A paragraph's own number at its start: "1.2 ", "2.3.1. ".
_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?\s+")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_CONNECTOR = re.compile(r"^\s*(?:,|and|or|to|&|-|–)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
_STAGE_IN_NAME = re.compile(r"^([a-z0-9_]+?)_(stage\d+|ombudsman)_received$")
_MARKUP = re.compile(r"\*\*")
#: The lengths of time that are a period of figures, by the word that says them.
_PERIODS = {"month": "month", "week": "week", "year": "year", "quarter": "month"}
#: How many words after (or before) a typed number may name the figure it is: "3011 were progressed to an
#: initial assessment".
NEAR = 7
#: The figures of an indicator a typed number may be (report.performance_figures' names).
_INDICATOR_NUMBERS = ("value", "previous", "target", "sn", "nw", "england", *(f"{h}_then" for h in HORIZONS))


class ProofWordsError(ResourceFileError):
    """The proof's words cannot be used: a list that is not a list of words, a description with no figure."""


# --- the words, from resources/proof_words.toml ------------------------------------------------------------


def _phrases(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching any of `words` as whole words (a plural too), case ignored; None for none. A word
    that begins with a mark ("n't") may begin anywhere."""
    whole: list[str] = []
    anywhere: list[str] = []
    for word in sorted({w.strip().casefold() for w in words if w.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in word.split())
        body += r"(?:s|es)?(?!\w)" if word[-1].isalnum() else ""
        (whole if word[0].isalnum() else anywhere).append(body)
    alternatives = ([rf"(?<!\w)(?:{'|'.join(whole)})"] if whole else []) + anywhere
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


@dataclass(frozen=True)
class Description:
    """Words that name figures: `figures` (with ROLE and STAGE to expand) or an `indicator`'s, of `unit`."""

    words: re.Pattern[str]
    unit: str
    figures: tuple[str, ...] = ()
    indicator: str = ""
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True)
class ProofWords:
    """The words of resources/proof_words.toml, as patterns: `references`, `rate_bases` and `approximately`
    match at the end of the words before a number, `durations` at the start of those after it."""

    references: re.Pattern[str]
    durations: re.Pattern[str]
    rate_bases: re.Pattern[str]
    approximately: re.Pattern[str]
    subsets: re.Pattern[str] | None
    each: re.Pattern[str] | None
    last_year: re.Pattern[str] | None
    this_year: re.Pattern[str] | None
    allowed_repeats: frozenset[str]
    joining: frozenset[str]
    comparisons: dict[str, re.Pattern[str]]
    hedges: re.Pattern[str] | None
    idioms: re.Pattern[str] | None  # "fallen short": a comparison word that compares nothing
    roles: dict[str, re.Pattern[str]]
    stages: dict[str, re.Pattern[str]]
    describes: tuple[Description, ...]
    ignored_name_words: frozenset[str]
    year_documents: re.Pattern[str] | None = None  # "annual review letter": a document about one year
    comparators: dict[str, re.Pattern[str]] = field(default_factory=dict)  # "national" -> england
    approximately_within: float = 10.0  # per cent: how far "approx. 60" may be from its figure


_UNITS = {"count": "number", "percent": "percent", "money": "money"}
COMPARATORS = ("sn", "nw", "england")


@settings_file
def load_proof_words(path: Path = PROOF_WORDS_FILE) -> ProofWords:
    """Read and check the proof's words; a mistake names the table and key."""
    data = read_toml(path)
    where = path.name

    def words(table: str, key: str, required: bool = True) -> list[str]:
        value = data.get(table, {}).get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value) or (required and not value):
            raise ProofWordsError(f"{where}: [{table}] {key} must be a list of words in quotes")
        return value

    def pattern(table: str, key: str) -> re.Pattern[str]:
        found = _phrases(words(table, key))
        assert found is not None
        return found

    numbers = {key: pattern("numbers", key) for key in ("references", "durations", "rate_bases", "approximately")}
    before = {  # these stand right before the number, so they match at the end of the words before it
        key: re.compile(f"(?:{numbers[key].pattern})\\.?\\s*$", re.IGNORECASE)
        for key in ("references", "rate_bases", "approximately")
    }
    durations = re.compile(f"^\\s*-?\\s*(?:{numbers['durations'].pattern})", re.IGNORECASE)
    comparisons = {key: pattern("comparisons", key) for key in ("same", "up", "down", "better", "worse")}
    roles = {str(role): pattern("procedures", str(role)) for role in data.get("procedures", {})}
    stages = {str(stage): pattern("stages", str(stage)) for stage in data.get("stages", {})}
    describes = []
    for number, spec in enumerate(data.get("describes", []), start=1):
        here = f"{where}: [[describes]] number {number}"
        if not isinstance(spec, dict):
            raise ProofWordsError(f"{here} must be a table")
        figures, indicator, unit = spec.get("figures", []), spec.get("indicator", ""), spec.get("unit")
        if not isinstance(figures, list) or not all(isinstance(f, str) for f in figures):
            raise ProofWordsError(f"{here}: figures must be a list of figures' names in quotes")
        if not isinstance(indicator, str) or bool(figures) == bool(indicator):
            raise ProofWordsError(f"{here} needs figures (a list of names) or an indicator (its id), not both")
        if unit not in _UNITS:
            raise ProofWordsError(f"{here}: unit must be one of {list(_UNITS)}, not {unit!r}")
        listed = spec.get("words", [])
        unless = spec.get("unless", [])
        if not isinstance(listed, list) or not listed or not all(isinstance(w, str) for w in [*listed, *unless]):
            raise ProofWordsError(f"{here}: words (and unless) must be lists of words in quotes")
        extra = sorted(set(spec) - {"figures", "indicator", "unit", "words", "unless"})
        if extra:
            raise ProofWordsError(f"{here}: unknown key {extra[0]!r}")
        found = _phrases(listed)
        assert found is not None
        describes.append(Description(found, _UNITS[unit], tuple(figures), indicator, _phrases(unless)))
    repeats = words("repeats", "allowed", required=False)
    return ProofWords(
        references=before["references"],
        durations=durations,
        rate_bases=before["rate_bases"],
        approximately=before["approximately"],
        subsets=_phrases(words("numbers", "subsets", required=False)),
        each=_phrases(words("numbers", "each", required=False)),
        last_year=_phrases(words("numbers", "last_year", required=False)),
        this_year=_phrases(words("numbers", "this_year", required=False)),
        allowed_repeats=frozenset(w.casefold() for w in repeats),
        joining=frozenset(w.casefold() for w in words("repeats", "joining", required=False)),
        comparisons=comparisons,
        hedges=_phrases(words("comparisons", "hedges", required=False)),
        idioms=_phrases(words("comparisons", "idioms", required=False)),
        roles=roles,
        stages=stages,
        describes=tuple(describes),
        ignored_name_words=frozenset(_stem(w) for w in words("indicator_names", "ignore", required=False)),
        year_documents=_phrases(words("dates", "year_documents", required=False)),
        comparators=_comparator_words(data.get("comparators", {}), where),
        approximately_within=_within(data.get("numbers", {}).get("approximately_within", 10), where),
    )


def _comparator_words(table: object, where: str) -> dict[str, re.Pattern[str]]:
    """[comparators]: for each comparator of an indicator (sn, nw, england), the words that name it."""
    if not isinstance(table, dict) or not set(table) <= set(COMPARATORS):
        raise ProofWordsError(f"{where}: [comparators] may name only {list(COMPARATORS)}")
    found = {}
    for key, listed in table.items():
        pattern = _phrases(listed) if isinstance(listed, list) and all(isinstance(w, str) for w in listed) else None
        if pattern is None:
            raise ProofWordsError(f"{where}: [comparators] {key} must be a list of words in quotes")
        found[key] = pattern
    return found


def _within(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 100:
        raise ProofWordsError(f"{where}: [numbers] approximately_within must be a per cent from 0 to 100")
    return float(value)


@functools.cache
def shipped_proof_words() -> ProofWords:
    """The shipped words (resources/proof_words.toml), read once: every proof reads them."""
    return load_proof_words()


# --- the author's words, piece by piece --------------------------------------------------------------------


#: How the table of a section splits a whole: for each of its share columns, the label and each part's share.
Shares = tuple[tuple[str, tuple[float, ...]], ...]


@dataclass(frozen=True)
class Piece:
    """One piece of the author's words as the appendix prints it: `section` (its key; "details" for the title
    page's words), `title` (for the message), `place` (where the window goes to put it right), `file` (the
    text file it came from); `prunes`: a sentence whose live figure the returns do not give is left out of
    the appendix (the performance appendix), so the proof leaves it out too; `shares`: how the section's table
    splits a whole (its proportions chart), which the typed shares of a whole in its words are held to."""

    section: str
    title: str
    words: str
    figures: Mapping[str, Figure]
    place: tuple[str, str]
    file: str
    prunes: bool = False
    shares: Shares = ()


def complaints_pieces(text: ReportText, figures: Mapping[str, Figure]) -> list[Piece]:
    """The words of the complaints appendix in reading order, each with the figures its placeholders name
    (a theme's words with that theme's figures, as report.complaints fills them)."""
    pieces = document_pieces(text.document, figures, "complaints", text.source)
    has_last_year = "last_year_label" in figures
    for key, section in text.sections.items():
        words = [section.text, section.year_on_year if has_last_year else "", section.more_text]
        place = ("section", key)
        pieces += [Piece(key, section.title, part, figures, place, text.source) for part in words if part.strip()]
        if key == "themes":
            pieces += _theme_pieces(text, figures, section.title, place)
    return pieces


def _theme_pieces(text: ReportText, figures: Mapping[str, Figure], title: str, place: tuple[str, str]) -> list[Piece]:
    themes = {name[len("theme_") : -len("_name")]: f for name, f in figures.items() if _is_theme_name(name, figures)}
    pieces = []
    for number, (key, name) in enumerate(themes.items()):
        prefix = f"theme_{key}_"
        scoped = dict(figures)
        scoped.update({f"theme_{n[len(prefix) :]}": f for n, f in figures.items() if n.startswith(prefix)})
        scoped["theme"] = Figure("theme", name.text, name.text)
        if number == 0 and text.theme_sentence.strip():  # the same sentence under every theme: proofed once
            pieces.append(Piece("themes", title, text.theme_sentence, scoped, place, text.source))
        note = next((n for theme, n in text.theme_notes.items() if key_of(theme) == key), "")
        if note.strip():
            pieces.append(Piece("themes", f"{title}, {name.text}", note, scoped, place, text.source))
    return pieces


def _is_theme_name(name: str, figures: Mapping[str, Figure]) -> bool:
    return name.startswith("theme_") and name.endswith("_name") and f"{name[: -len('_name')]}_upheld_pct" in figures


def performance_pieces(
    text: PerformanceText, figures: Mapping[str, Figure], shares: Mapping[str, Shares] | None = None
) -> list[Piece]:
    """The words of the performance appendix in reading order: its sections' words and its charts'; `shares`:
    by section key, how the section's table splits a whole."""
    pieces = document_pieces(text.document, figures, "performance", text.source)
    place = ("preview", "performance")
    for section in text.sections:
        words = [section.text, section.more_text]
        for chart in section.charts:
            words += [chart.caption, chart.comparator_label]
        pieces += [
            Piece(
                section.key, section.title, part, figures, place, text.source, True, (shares or {}).get(section.key, ())
            )
            for part in words
            if part.strip()
        ]
    return pieces


def plan_pieces(text: PlanText, figures: Mapping[str, Figure]) -> list[Piece]:
    """The words of the action plan appendix in reading order: each section's words before and after its table."""
    sections = [(key, section.title, (section.text, section.more_text)) for key, section in text.sections.items()]
    return _sections_pieces(text.document, sections, figures, "action_plan", text.source)


def appendix_text_pieces(text: AppendixText, figures: Mapping[str, Figure], kind: str) -> list[Piece]:
    """The words of an appendix of report.appendix_text (the MARAC, the safe accommodation) in reading order:
    each section's words before its tables."""
    sections = [(key, title, (words,)) for key, (title, words) in text.sections.items()]
    return _sections_pieces(text.document, sections, figures, kind, text.source)


def _sections_pieces(
    document: Mapping[str, str],
    sections: Iterable[tuple[str, str, tuple[str, ...]]],
    figures: Mapping[str, Figure],
    kind: str,
    file: str,
) -> list[Piece]:
    pieces = document_pieces(document, figures, kind, file)
    for key, title, words in sections:
        pieces += [Piece(key, title, part, figures, ("section", key), file) for part in words if part.strip()]
    return pieces


def document_pieces(document: Mapping[str, str], figures: Mapping[str, Figure], kind: str, file: str) -> list[Piece]:
    """The title page's words of an appendix's details (its title, meeting date ...), as pieces to proof."""
    keys = ("title", "appendix", "subtitle", "report_to", "meeting_date", "report_of")
    return [
        Piece("details", "The title page", document[key], figures, ("details", kind), file)
        for key in keys
        if document.get(key, "").strip()
    ]


# --- tokens ---------------------------------------------------------------------------------------------


@dataclass
class Token:
    """A placeholder, a date, or a number in a sentence; `value` and `places` for numbers (a placeholder's
    from its figure), `unit` one of number, percent, points, money; `why_not` says why a number is no
    figure ('' where it is one); `claimed`: a check has spoken of it."""

    kind: str  # "figure" (a placeholder), "number", "date", "other"
    start: int
    end: int
    text: str
    name: str = ""
    figure: Figure | None = None
    value: Decimal | None = None
    places: int = 0
    unit: str = "number"
    approximate: bool = False
    why_not: str = ""
    weekday: str = ""
    day: dt.date | None = None
    claimed: bool = False
    period: str = ""  # a length of time in months: "6 months" -> "month"

    @property
    def other_period(self) -> bool:
        """A length of time in months, weeks or years other than the year of the figures ("the last 6 months")."""
        whole_year = {"month": 12, "week": 52, "year": 1}
        return bool(self.period) and self.value != whole_year.get(self.period)

    @property
    def typed(self) -> bool:
        return self.kind == "number" and not self.why_not


@dataclass
class Sentence:
    text: str  # as written, placeholders and all
    masked: str  # placeholders and braces blanked out, so their names never read as words
    tokens: list[Token]
    clause_starts: list[int]

    def clause(self, at: int) -> tuple[int, int]:
        """The (start, end) of the clause holding position `at`."""
        number = bisect.bisect_right(self.clause_starts, at) - 1
        end = self.clause_starts[number + 1] - 1 if number + 1 < len(self.clause_starts) else len(self.text)
        return self.clause_starts[number], end


def _unit_of(figure: Figure) -> str:
    return {"percent": "percent", "gbp": "money"}.get(figure.unit or "", "number")


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = Decimal(repr(float(value)))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def sentences_of(words: str) -> list[str]:
    """The sentences of a block of words (an abbreviation's full stop, "approx.", ends none)."""
    found: list[str] = []
    for part in _SENTENCE_END.split(words):
        if found and _ABBREVIATION.search(found[-1]):
            found[-1] = f"{found[-1]} {part}"
        else:
            found.append(part)
    return found


def _sentence(text: str, figures: Mapping[str, Figure], words: ProofWords) -> Sentence:
    tokens: list[Token] = []
    masked = list(text)
    for match in _TOKENS.finditer(text):
        start, end = match.span()
        if match.group("brace") is not None:
            masked[start:end] = " " * (end - start)
            continue
        if match.group("name") is not None:
            name = match.group("name").strip()
            figure = figures.get(name)
            token = Token("figure", start, end, match.group(0), name, figure)
            if figure is not None:
                token.value, token.unit = _number(figure.value), _unit_of(figure)
                token.places = _places_shown(figure.text)
            tokens.append(token)
            masked[start:end] = "#" * (end - start)
        elif match.group("day") is not None or match.group("month_year") or match.group("numeric_date"):
            tokens.append(_date_token(match))
        elif match.group("years") or match.group("time"):
            tokens.append(Token("other", start, end, match.group(0)))
        else:
            tokens.append(_number_token(match, text, tokens, words))
    masked_text = "".join(masked)
    starts = [0] + [m.end() for m in _CLAUSE_END.finditer(masked_text)]
    return Sentence(text, masked_text, tokens, starts)


def _places_shown(text: str) -> int:
    found = re.search(r"\d\.(\d+)", text)
    return len(found.group(1)) if found else 0


@dataclass(frozen=True)
class WrittenDate:
    """A date as the words write it: `day` (the first of the month where no day is written), `has_day`."""

    text: str
    day: dt.date
    has_day: bool


def dates_written(words: str) -> list[WrittenDate]:
    """The dates in `words` ("Tuesday 14 November 2023", "July 2022"), placeholders and numbers passed over."""
    found = []
    for match in _TOKENS.finditer(words):
        if match.group("day") is not None and match.group("year") is not None:
            day = _date_token(match).day
            if day is not None:
                found.append(WrittenDate(match.group(0).strip(" ,."), day, True))
        elif match.group("month_year"):
            month, year = re.split(r"\.?\s+", match.group("month_year"))
            found.append(WrittenDate(match.group(0), dt.date(int(year), MONTHS[month.casefold()], 1), False))
    return found


def years_written(words: str) -> list[tuple[str, int, int]]:
    """The periods of years in `words` ("2023-2028", "2022-23", "2022 - 2023"): (as written, first, last)."""
    found = []
    for match in _TOKENS.finditer(words):
        if match.group("years"):
            first, last = re.split(r"\s?[-–/]\s?", match.group("years"))
            end = int(last) if len(last) == 4 else int(first[:2] + last)
            found.append((match.group("years"), int(first), end))
    return found


def _date_token(match: re.Match[str]) -> Token:
    token = Token("date", match.start(), match.end(), match.group(0))
    if match.group("day") is not None and match.group("year") is not None:
        token.weekday = match.group("weekday") or ""
        try:
            token.day = dt.date(
                int(match.group("year")), MONTHS[match.group("month").casefold()], int(match.group("day"))
            )
        except ValueError:
            token.why_not = "no such day"
    return token


def _number_token(match: re.Match[str], text: str, before: list[Token], words: ProofWords) -> Token:
    start, end = match.span()
    digits, fraction, unit = match.group("digits"), match.group("fraction") or "", (match.group("unit") or "").strip()
    token = Token("number", start, end, match.group(0).strip(), value=Decimal(digits.replace(",", "") + fraction))
    token.places = len(fraction) - 1 if fraction else 0
    lowered = unit.casefold()
    if "point" in lowered or lowered == "pp":
        token.unit = "points"
    elif unit:
        token.unit = "percent"
    elif match.group("pound"):
        token.unit = "money"
    preceding, following = text[:start], text[end:]
    previous = next((t for t in reversed(before) if t.kind == "number"), None)
    if token.unit == "number" and not fraction and "," not in digits and 1900 <= int(digits) <= 2099:
        token.why_not = "year"
    elif words.references.search(preceding):
        token.why_not = "reference"
    elif previous is not None and previous.why_not == "reference" and _CONNECTOR.match(text[previous.end : start]):
        token.why_not = "reference"
    elif words.rate_bases.search(preceding):
        token.why_not = "rate base"
    elif token.unit == "number" and (duration := words.durations.match(following)):
        token.why_not = "duration"
        token.period = _PERIODS.get(_stem(duration.group(0).strip(" -").casefold()), "")
    elif re.match(r"\s?[-–]\s?\d|\+", following):
        token.why_not = "range"  # "0-17", "18 - 64", "65+": an age band, a range of scores
    token.approximate = bool(words.approximately.search(preceding))
    return token


# --- the proof -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordFinding:
    """A finding of the proof of the words (report.proof.Finding carries it to the window and the command line)."""

    severity: str
    kind: str
    piece: Piece
    says: str
    computed: str | None
    message: str


@dataclass(frozen=True)
class _Values:
    """A figure a sentence speaks of, then and now: their values at full precision, as printed, the unit;
    `explicit`: the sentence gives both; `name`: the live figure of now, where it is one."""

    then: Decimal
    now: Decimal
    then_text: str
    now_text: str
    unit: str
    explicit: bool
    name: str = ""


@dataclass
class _Pair:
    """A figure and the one before it (last year's, the previous period's): `then` -> `now`."""

    then: str
    now: str
    explicit: bool  # both are named in the sentence

    def figures(self, figures: Mapping[str, Figure]) -> tuple[Figure, Figure]:
        return figures[self.then], figures[self.now]


def proof_of_words(pieces: Sequence[Piece], words: ProofWords | None = None) -> list[WordFinding]:
    """Everything the proof finds in `pieces` (complaints_pieces or performance_pieces), in reading order."""
    words = words or shipped_proof_words()
    found: list[WordFinding] = []
    sections: dict[str, list[Piece]] = {}
    for piece in pieces:
        sections.setdefault(piece.section, []).append(piece)
        found += _PieceProof(piece, words).findings()
    for section_pieces in sections.values():
        found += _numbering(section_pieces)
    return found


def meeting_findings(
    document: Mapping[str, str], period_end: dt.date | None, kind: str, file: str
) -> list[WordFinding]:
    """The meeting date of the appendix details against the end of its figures' period: the meeting falls
    after the period ends, in its year or the next."""
    meeting = document.get("meeting_date", "").strip()
    if not meeting or period_end is None:
        return []
    days = (_date_token(m).day for m in _TOKENS.finditer(meeting) if m.group("day") is not None)
    day = next((found for found in days if found is not None), None)
    if day is None:
        return []
    piece = Piece("details", "The title page", meeting, {}, ("details", kind), file)
    end = f"{period_end.day} {period_end:%B %Y}"
    if day < period_end:
        message = f"The meeting date, {meeting}, is before the end of the period the figures cover ({end}): check it."
    elif day.year > period_end.year + 1:
        message = (
            f"The meeting date, {meeting}, is in {day.year}, but the figures are to {end}: "
            "check the year of the meeting, or of the figures."
        )
    else:
        return []
    return [WordFinding(WARNING, "meeting_date", piece, meeting, f"the figures are to {end}", message)]


def period_end_of(figures: Mapping[str, Figure]) -> dt.date | None:
    """The last day of the figures' period: the complaints report's period_end, or the last day of the
    performance appendix's usual period ("July 2023", "2022-23": the year to 31 March)."""
    end = figures.get("period_end")
    if end is not None and isinstance(end.value, str):
        try:
            return dt.date.fromisoformat(end.value)
        except ValueError:
            return None
    period = figures.get("period")
    shown = period.text.strip() if period is not None else ""
    month = re.fullmatch(rf"({_MONTH})\.?\s+(\d{{4}})", shown, re.IGNORECASE)
    if month:
        year, number = int(month.group(2)), MONTHS[month.group(1).casefold()]
        return dt.date(year, number, calendar.monthrange(year, number)[1])
    years = re.fullmatch(r"((?:19|20)\d{2})\s?[-/]\s?(\d{2})", shown)
    if years:
        return dt.date(int(years.group(1)) + 1, 3, 31)
    return None


class _PieceProof:
    """The checks of one piece of words, sentence by sentence."""

    def __init__(self, piece: Piece, words: ProofWords) -> None:
        self.piece = piece
        self.words = words
        self.figures = piece.figures
        self.found: list[WordFinding] = []
        self.roles, self.stages = _roles_and_stages(piece.figures)

    def add(self, severity: str, kind: str, says: str, computed: str | None, message: str) -> None:
        where = f"'{self.piece.title}'"
        self.found.append(WordFinding(severity, kind, self.piece, says, computed, f"{where}: {message}"))

    def findings(self) -> list[WordFinding]:
        for kind, _, block in parts(self.piece.words):
            if kind == "heading":
                continue
            block = _PARAGRAPH_NUMBER.sub("", block) if kind == "paragraph" else block
            self.repeats(block)
            for text in sentences_of(_MARKUP.sub("", block)):
                if self.piece.prunes and self.left_out(text):
                    continue
                sentence = _sentence(text, self.figures, self.words)
                self.weekdays(sentence)
                self.percentages(sentence)
                self.changes(sentence)
                self.shares(sentence)
                self.comparisons(sentence)
                self.typed(sentence)
        return self.found

    def left_out(self, text: str) -> bool:
        """The performance appendix leaves out a sentence whose live figure the returns do not give."""
        for match in _TOKENS.finditer(text):
            name = match.group("name")
            if name is not None:
                figure = self.figures.get(name.strip())
                if figure is None or figure.text == NO_FIGURE:
                    return True
        return False

    # --- words -----------------------------------------------------------------------------------

    def repeats(self, block: str) -> None:
        """A phrase said twice in a row: "approx. 100 approx. 100", "the the"."""
        tokens = block.split()
        folded = [t.casefold().strip("\"'“”‘’") for t in tokens]
        position = 0
        while position < len(folded):
            for length in range(min(8, (len(folded) - position) // 2), 0, -1):
                first = folded[position : position + length]
                second = folded[position + length : position + 2 * length]
                # the second may end its sentence or clause ("approx. 100 approx. 100."); a stop or a comma
                # between the two ("carers. Carers", "response, response") is no slip
                if first != [*second[:-1], second[-1].rstrip(".!?,;:")]:
                    continue
                if length == 1 and (first[0] in self.words.allowed_repeats or not re.search(r"[a-z{]", first[0])):
                    continue
                if length > 1 and first[-1] in self.words.joining:  # "these programmes and programmes and services"
                    continue
                phrase = " ".join(tokens[position : position + length])
                self.add(
                    WARNING,
                    "repeated_words",
                    f"{phrase} {phrase}",
                    None,
                    f"“{phrase}” is written twice in a row: delete one.",
                )
                position += 2 * length - 1
                break
            position += 1

    def weekdays(self, sentence: Sentence) -> None:
        """A weekday wrong for its date ("Monday 14 November 2023" was a Tuesday), and a day no month has."""
        for token in sentence.tokens:
            if token.kind == "date" and token.why_not:
                self.add(ERROR, "date", token.text, None, f"{token.text} is not a date: correct it.")
            if token.kind != "date" or token.day is None or not token.weekday:
                continue
            actual = WEEKDAYS[token.day.weekday()]
            if actual.casefold() != token.weekday.casefold():
                self.add(
                    ERROR,
                    "weekday",
                    token.text,
                    actual,
                    f"{token.text}: {token.day.day} {token.day:%B %Y} is a {actual}, not a {token.weekday}.",
                )
            token.claimed = True

    # --- a percentage beside its counts ------------------------------------------------------------

    def percentages(self, sentence: Sentence) -> None:
        """ "171 of 703 (25%)", "Of the 703 ..., 171 (25%)": the counts give the percentage."""
        text, tokens = sentence.text, sentence.tokens
        for number, share in enumerate(tokens):
            if share.unit != "percent" or share.value is None or not _in_brackets(text, share):
                continue
            bracket = text.rfind("(", 0, share.start)
            counts = [t for t in tokens[:number] if _is_count(t)]
            if not counts or _CLAUSE_END.search(sentence.masked[counts[-1].end : bracket]):
                continue
            if len(text[counts[-1].end : bracket].split()) > 8:
                continue
            count, base = self.counts_of(sentence, counts)
            if base is None or base.value is None or base.value == 0 or count.value is None:
                continue
            exact = count.value / base.value * 100
            expected = half_up(float(exact), share.places)
            share.claimed = True
            if expected == half_up(float(share.value), share.places):  # a live figure's value is unrounded
                continue
            shown = f"{share.value}%" if share.kind == "number" else share.figure.text if share.figure else ""
            says = f"{count_text(count)} of {count_text(base)} ({shown})"
            self.add(
                ERROR,
                "percentage",
                says,
                f"{expected}%",
                f"{count_text(count)} of {count_text(base)} is {expected}% ({half_up(float(exact), 1)}%), "
                f"not {shown}: correct the percentage, or make it a live figure.",
            )

    @staticmethod
    def counts_of(sentence: Sentence, counts: list[Token]) -> tuple[Token, Token | None]:
        """The count a bracketed percentage is of, and what it is of: "COUNT of BASE (p%)" or "COUNT out of
        BASE (p%)", else "COUNT (p%)" with the sentence's "Of (the) BASE" before it (None: no base given)."""
        last = counts[-1]
        if len(counts) > 1:
            between = sentence.text[counts[-2].end : last.start]
            if re.fullmatch(r"\s+(?:out\s+)?of\s+(?:the\s+)?", between, re.IGNORECASE):
                return counts[-2], last
        opening = counts[0]
        if opening is not last and re.fullmatch(
            r"\s*of\s+(?:the\s+|these\s+|all\s+)?", sentence.text[: opening.start], re.IGNORECASE
        ):
            return last, opening
        return last, None

    # --- what a sentence compares ---------------------------------------------------------------------

    def compared(self, sentence: Sentence, at: int) -> _Values | None:
        """The figure the sentence speaks of, then and now: two numbers it gives ("from 60% to 73%", "617,
        up from 610", "to 617 from 610"), else the one pair of live figures it names ({x} and {x_last_year},
        {KEY_value} and {KEY_previous}), else the one figure with a pair that the words of the clause at `at`
        name."""
        valued = [t for t in sentence.tokens if t.value is not None and (t.kind == "figure" or t.typed)]
        for first, second in zip(valued, valued[1:]):
            if first.unit != second.unit or first.unit == "points":
                continue
            before, between = sentence.masked[: first.start], sentence.masked[first.end : second.start]
            if re.search(r"(?<!\w)from\s+$", before, re.IGNORECASE) and re.fullmatch(r"\s+to\s+", between):
                then, now = first, second
            elif re.search(r"(?<!\w)to\s+$", before, re.IGNORECASE) and re.fullmatch(r"\s+from\s+", between):
                then, now = second, first
            elif re.fullmatch(r"\s*,?\s+(?:up|down|rising|falling)\s+from\s+", between, re.IGNORECASE):
                then, now = second, first
            else:
                continue
            assert then.value is not None and now.value is not None
            return _Values(then.value, now.value, count_text(then), count_text(now), now.unit, True, now.name)
        pair = self.pair_named(sentence, at)
        if pair is None:
            return None
        then_figure, now_figure = pair.figures(self.figures)
        then_value, now_value = _number(then_figure.value), _number(now_figure.value)
        assert then_value is not None and now_value is not None  # _pair_of pairs only figures with values
        return _Values(
            then_value, now_value, then_figure.text, now_figure.text, _unit_of(now_figure), pair.explicit, pair.now
        )

    def pair_named(self, sentence: Sentence, at: int) -> _Pair | None:
        """The one pair of figures (then, now) the sentence's live figures name (or the words of its clause at
        `at`, where they name one figure with a pair); None where there is none, or more than one."""
        named = {t.name for t in sentence.tokens if t.kind == "figure"}
        pairs = {(p.then, p.now): p for name in named if (p := _pair_of(name, self.figures))}
        for pair in pairs.values():
            pair.explicit = pair.then in named and pair.now in named
        explicit = [p for p in pairs.values() if p.explicit]
        if len(explicit) == 1:
            return explicit[0]
        if pairs:
            return next(iter(pairs.values())) if len(pairs) == 1 and not explicit else None
        start, end = sentence.clause(at)
        described = [name for name, _ in self.named_in(sentence, sentence.masked[start:end], None)]
        paired = {(p.then, p.now): p for name in described if (p := _pair_of(name, self.figures))}
        main = [p for p in paired.values() if p.then.endswith(("_last_year", "_previous"))]
        # Words may name several figures ("complaints": each procedure's): only where they all moved the same
        # way does the sentence say something the figures can contradict.
        moves = {_direction(*p.figures(self.figures)) for p in main}
        return main[0] if len(moves) == 1 else None

    # --- points against per cent ---------------------------------------------------------------------

    def changes(self, sentence: Sentence) -> None:
        """ "an increase of 13%" where the figure changed by 13 percentage points, and the reverse."""
        comparisons = self.words.comparisons
        moved = f"(?:{comparisons['up'].pattern}|{comparisons['down'].pattern})"
        for token in sentence.tokens:
            if not token.typed or token.unit not in ("percent", "points") or token.value is None:
                continue
            start, _ = sentence.clause(token.start)
            before = sentence.masked[start : token.start]
            after = sentence.masked[token.end : token.end + 40]
            ahead = re.search(rf"{moved}\s+(?:by\s+|of\s+)?$", before, re.IGNORECASE)
            behind = re.match(r"\s*(?:increase|rise|fall|decrease|reduction|drop|decline)(?!\w)", after, re.IGNORECASE)
            if not (ahead or behind):
                continue
            token.claimed = True  # a change, not a figure of the report: never offered to be made live
            values = self.compared(sentence, token.start)
            if values is None or values.then == 0:
                continue
            says = f"{ahead.group(0).strip()} {token.text}" if ahead else f"{token.text} {behind.group(0).strip()}"  # type: ignore[union-attr]
            points, relative = abs(values.now - values.then), abs((values.now - values.then) / values.then * 100)
            at = token.places
            is_points = half_up(float(points), at) == token.value
            is_relative = half_up(float(relative), at) == token.value
            change = f"{half_up(float(points), at)} percentage points"
            share = f"{half_up(float(relative), at)}%"
            if values.unit == "percent" and token.unit == "percent" and is_points and not is_relative:
                self.add(
                    ERROR,
                    "points_as_percent",
                    says,
                    change,
                    f"“{says}”: the figure changed by {change} ({values.then_text} to {values.now_text}), "
                    f"which is {share} of what it was: write {change}.",
                )
            elif values.unit == "percent" and token.unit == "points" and is_relative and not is_points:
                self.add(
                    ERROR,
                    "percent_as_points",
                    says,
                    change,
                    f"“{says}”: {token.value} is the change as a share of what it was ({share}); the figure "
                    f"changed by {change} ({values.then_text} to {values.now_text}): write {share}, or {change}.",
                )
            elif values.explicit and not (is_points if token.unit == "points" else is_relative or is_points):
                gives = f"{change} ({share} of what it was)" if values.unit == "percent" else share
                self.add(
                    WARNING,
                    "change",
                    says,
                    gives,
                    f"“{says}”: {values.then_text} to {values.now_text} is a change of {gives}: correct it.",
                )

    # --- shares of a whole against the section's table ------------------------------------------------

    def shares(self, sentence: Sentence) -> None:
        """Typed percentages of one sentence that split a whole (adding to 100: "27% ..., with 73% ...") held to
        the shares the section's table gives (seed 000: 27% and 73% where the table gives 22.9% of the clients
        and 11.4% of the hours): a split that none of its share columns gives at the words' places."""
        typed = [t for t in sentence.tokens if t.typed and t.unit == "percent" and t.value is not None]
        if not self.piece.shares or len(typed) < 2:
            return
        places = max(t.places for t in typed)
        said = sorted(Decimal(t.value) for t in typed if t.value is not None)
        if abs(sum(said, Decimal(0)) - 100) > len(said) * Decimal(5).scaleb(-places - 1):
            return  # not the parts of one whole
        columns = [(label, sorted(v for v in values if v is not None)) for label, values in self.piece.shares]
        if any([half_up(v, places) for v in values] == said for _, values in columns):
            return
        says = " and ".join(t.text for t in typed)
        computed = "; ".join(f"{label}: {' and '.join(f'{v:g}%' for v in values)}" for label, values in columns)
        self.add(
            WARNING,
            "shares",
            says,
            computed,
            f"the words split the whole as {says}, but the table's shares are {computed}: correct the words.",
        )

    # --- comparison words ------------------------------------------------------------------------------

    def comparisons(self, sentence: Sentence, whole: bool = True) -> None:
        """ "remained consistent", "rose", "a decline" against the figure and the one before it. A sentence
        that says two things in two clauses ("contacts remained consistent, however there has been a
        reduction in the complaints upheld") has each clause held to its own figure (`whole`: the sentence,
        not one of its clauses)."""
        said: dict[str, str] = {}
        clauses: dict[tuple[int, int], set[str]] = {}
        at = 0
        idioms = [m.span() for m in self.words.idioms.finditer(sentence.masked)] if self.words.idioms else []
        for direction, pattern in self.words.comparisons.items():
            for match in pattern.finditer(sentence.masked):
                if any(begin <= match.start() < end for begin, end in idioms):
                    continue
                start, end = sentence.clause(match.start())
                if self.words.hedges and self.words.hedges.search(sentence.masked[start:end]):
                    continue
                said.setdefault(direction, match.group(0))
                clauses.setdefault((start, end), set()).add(direction)
                at = match.start()
        moves = [d for d in ("same", "up", "down") if d in said]
        judged = [d for d in ("better", "worse") if d in said]
        if (
            whole
            and len(moves) > 1
            and len(clauses) > 1
            and all(len(said_there) == 1 for said_there in clauses.values())
        ):
            for start, end in clauses:
                self.comparisons(_sentence(sentence.text[start:end], self.figures, self.words), whole=False)
            return
        if len(moves) > 1 or len(judged) > 1 or not (moves or judged):
            return
        values = self.compared(sentence, at)
        if values is None:
            return
        went = f"{values.then_text} to {values.now_text}"
        subject = f"{{{values.name}}}" if values.name else "the figure"
        direction = "same" if values.then_text == values.now_text else "up" if values.now > values.then else "down"
        if moves and moves[0] != direction:
            words = said[moves[0]]
            actual = {"same": "stayed the same", "up": "went up", "down": "went down"}[direction]
            self.add(
                ERROR,
                "comparison",
                words,
                went,
                f"the text says “{words}”, but {subject} {actual}, from {went}: correct the words.",
            )
        judgement = self.figures.get(f"{values.name.removesuffix('_value')}_judgement") if values.name else None
        if judged and judgement is not None and judgement.value in ("better", "worse") and judged[0] != judgement.value:
            words = said[judged[0]]
            self.add(
                ERROR,
                "comparison",
                words,
                f"{judgement.value} ({went})",
                f"the text says “{words}”, but {subject} got {judgement.value} ({went}): correct the words.",
            )

    # --- typed figures ----------------------------------------------------------------------------------

    def typed(self, sentence: Sentence) -> None:
        source = "the returns give" if self.piece.prunes else "the log gives"
        for token in sentence.tokens:
            if not token.typed or token.claimed or token.unit == "points" or token.value is None:
                continue
            candidates = self.described(sentence, token)
            says = self.says(sentence, token)
            equal = [(name, f) for name, f in candidates if _equals(token, f)]
            main = self.main_figure(candidates)
            if equal:
                self.offer(token, equal[0], says)
            elif main is not None and token.approximate:
                name, figure = main
                if not self.roughly(token, figure):
                    self.add(
                        WARNING,
                        "typed_figure",
                        says,
                        figure.text,
                        f"the text says {says}; {source} {figure.text}, more than "
                        f"{self.words.approximately_within:g}% away: correct it, or write {{{name}}} in its place.",
                    )
            elif main is not None and not token.approximate:
                name, figure = main
                self.add(
                    ERROR,
                    "typed_figure",
                    says,
                    figure.text,
                    f"the text says {says}; {source} {figure.text}: write {{{name}}} in its place, "
                    "so it is always the figure.",
                )
            elif candidates and not token.approximate:
                listed = ", ".join(f"{{{name}}} {f.text}" for name, f in candidates[:4])
                self.add(
                    WARNING,
                    "typed_figure",
                    says,
                    listed,
                    f"the text says {says}, but none of the figures its words name is {token.text} "
                    f"({listed}): check it, and make it live.",
                )
            elif (only := self.only_figure_equal_to(token)) is not None and not token.approximate:
                self.offer(token, only, says)
            else:
                self.add(
                    INFO,
                    "typed_number",
                    says,
                    None,
                    f"{token.text} is typed, not a live figure (“{says}”): check it is right.",
                )

    def roughly(self, token: Token, figure: Figure) -> bool:
        """An approximate number ("about 60") near enough its figure: within approximately_within per cent."""
        value = _number(figure.value)
        if value is None or token.value is None:
            return True
        return abs(float(token.value) - float(value)) <= abs(float(value)) * self.words.approximately_within / 100

    @staticmethod
    def main_figure(candidates: list[tuple[str, Figure]]) -> tuple[str, Figure] | None:
        """The one figure the words name (several that print the same count as one; an indicator's figures
        as its value)."""
        if not candidates:
            return None
        if len({figure.text for _, figure in candidates}) == 1:
            return candidates[0]
        values = [(n, f) for n, f in candidates if n.endswith("_value")]
        keys = {n.removesuffix("_value") for n, _ in values}
        if len(values) == 1 and all(n.startswith(f"{next(iter(keys))}_") for n, _ in candidates):
            return values[0]
        return None

    def offer(self, token: Token, found: tuple[str, Figure], says: str) -> None:
        name, figure = found
        self.add(
            INFO,
            "make_live",
            says,
            figure.text,
            f"{token.text} is {{{name}}}: make it live so it stays right (“{says}”).",
        )

    def says(self, sentence: Sentence, token: Token) -> str:
        """The number with the words after it in its clause (up to six, and to the next figure), or where none
        follow, the words before it: "69 statutory complaints", "were 66.5%"."""
        start, end = sentence.clause(token.start)
        others = [t.start for t in sentence.tokens if t.start >= token.end and (t.kind == "figure" or t.typed)]
        after = [w for w in sentence.text[token.end : min([end, *others])].split() if w.strip(".,;:")]
        if after:
            return " ".join([token.text, *after[:6]]).rstrip(".,;:")
        return " ".join([*sentence.text[start : token.start].split()[-4:], token.text])

    def only_figure_equal_to(self, token: Token) -> tuple[str, Figure] | None:
        """The one figure of the report equal to a typed number that is not small (10 or more, or with
        decimal places), where no words say which figure it is."""
        if token.value is None or (token.value < 10 and not token.places):
            return None
        equal = [(n, f) for n, f in self.figures.items() if _unit_of(f) == token.unit and _equals(token, f)]
        shown = {f.text for _, f in equal}
        return equal[0] if len(shown) == 1 and len(equal) <= 2 else None

    def described(self, sentence: Sentence, token: Token) -> list[tuple[str, Figure]]:
        """The figures the words near a typed number name: the words after it (up to the next figure, the end
        of its clause, or NEAR words) first, else those before it. None where the words after it say it is a
        part of something named before ("2 relating to complaints ...", "24% of these") or a rate over a
        shorter time ("1,251 contacts each month"), or a period not the figures' ("the last 6 months 2,272");
        last year's figures
        where the words near it say "last year" (and not "this year")."""
        start, end = sentence.clause(token.start)
        others = [t for t in sentence.tokens if t is not token and (t.kind == "figure" or t.typed)]
        after_end = min([t.start for t in others if t.start >= token.end and t.start < end], default=end)
        before_start = max([t.end for t in others if t.end <= token.start and t.end > start], default=start)
        after = " ".join(sentence.masked[token.end : after_end].split()[:NEAR])
        before = " ".join(sentence.masked[before_start : token.start].split()[-NEAR:])
        if any(pattern and pattern.search(after) for pattern in (self.words.subsets, self.words.each)):
            return []
        near_tokens = [t for t in sentence.tokens if t.why_not == "duration" and before_start <= t.start < after_end]
        if any(t.other_period for t in near_tokens):  # "in the last 6 months 2,272": not the year's figure
            return []
        compared = self.comparator_of(sentence, before)
        if compared:
            return compared
        near = f"{before} {after}"
        last_year = bool(self.words.last_year and self.words.last_year.search(near))
        if last_year and self.words.this_year and self.words.this_year.search(near):
            last_year = False
        for span in (after, before):
            found = self.named_in(sentence, span, token)
            if found:
                return self.of_last_year(found) if last_year else found
        return []

    def comparator_of(self, sentence: Sentence, before: str) -> list[tuple[str, Figure]]:
        """The comparator the words right before a number name ("the national rate of approx. 60": England's)
        of the one indicator the sentence's live figures are of; none where they are of no indicator or several."""
        named = [(m.end(), key) for key, p in self.words.comparators.items() for m in p.finditer(before)]
        if not named:
            return []
        keys = {_indicator_key(t.name, self.figures) for t in sentence.tokens if t.kind == "figure"} - {None}
        if len(keys) > 1 or (not keys and any(t.kind == "figure" for t in sentence.tokens)):
            return []
        comparator = max(named)[1]
        found = [
            (name, figure)
            for key in keys or self.indicators_typed(sentence)
            if (figure := self.figures.get(name := f"{key}_{comparator}")) is not None
            and _number(figure.value) is not None
        ]
        return found[:1] if len({figure.text for _, figure in found}) == 1 else []

    def indicators_typed(self, sentence: Sentence) -> set[str]:
        """The indicators whose value (or value the period before) a sentence with no live figure types before
        its first word for a comparator ("The rate of 114 children per 10,000 remains above ... the national
        rate of approx. 60": 114 is the cared-for rate), a number that is not small and not approximate."""
        first = min(m.start() for p in self.words.comparators.values() for m in p.finditer(sentence.masked))
        typed = [
            t
            for t in sentence.tokens
            if t.typed and t.end <= first and not t.approximate and t.value is not None and (t.value >= 10 or t.places)
        ]
        return {
            key
            for name, figure in self.figures.items()
            if name.endswith(("_value", "_previous")) and any(_equals(t, figure) for t in typed)
            if (key := _indicator_key(name, self.figures)) is not None
        }

    def of_last_year(self, found: list[tuple[str, Figure]]) -> list[tuple[str, Figure]]:
        """The figures of a year before: X_last_year (the complaints appendix), KEY_year_then for an
        indicator's value (the performance appendix)."""
        earlier = []
        for name, _ in found:
            then = f"{name.removesuffix('_value')}_year_then" if name.endswith("_value") else f"{name}_last_year"
            if then in self.figures and _number(self.figures[then].value) is not None:
                earlier.append((then, self.figures[then]))
        return earlier

    def named_in(self, sentence: Sentence, span: str, token: Token | None) -> list[tuple[str, Figure]]:
        """The figures the words of `span` name (for the number `token`, of its unit), in the order of the
        descriptions: the report's own [[describes]], then the indicator whose name the words share most.
        The sentence's words for a procedure choose among ROLE, the span's (else the sentence's) among STAGE."""
        roles = [r for r in self.roles if self.role_words(r).search(sentence.masked)]
        named_stages = {s: p for s, p in self.words.stages.items() if s in self.stages}
        stages = [s for s, p in named_stages.items() if p.search(span)]
        stages = stages or [s for s, p in named_stages.items() if p.search(sentence.masked)]
        found: dict[str, Figure] = {}
        for description in self.words.describes:
            if token is not None and description.unit != token.unit:
                continue
            if not description.words.search(span) or (description.unless and description.unless.search(span)):
                continue
            names = self.expand(description, roles, stages)
            found.update((name, self.figures[name]) for name in names if name not in found)
        if not found and token is not None:
            for name in self.by_indicator_name(span, token):
                found.setdefault(name, self.figures[name])
        return [(name, figure) for name, figure in found.items() if _number(figure.value) is not None]

    def role_words(self, role: str) -> re.Pattern[str]:
        """The words that name a procedure: the file's [procedures], else its own key ("statutory")."""
        found = self.words.roles.get(role) or _phrases([role.replace("_", " ")])
        assert found is not None
        return found

    def expand(self, description: Description, roles: list[str], stages: list[str]) -> list[str]:
        if description.indicator:
            return _indicator_figures(key_of(description.indicator), self.figures)
        patterns = description.figures
        any_role, any_stage = any("ROLE" in p for p in patterns), any("STAGE" in p for p in patterns)
        names = []
        for pattern in patterns:
            theme = pattern.startswith("theme_")  # a theme's figure, in its notes: of no one procedure or stage
            if not theme and (
                (roles and any_role and "ROLE" not in pattern) or (stages and any_stage and "STAGE" not in pattern)
            ):
                continue
            for role in roles or self.roles if "ROLE" in pattern else [""]:
                for stage in stages or ["stage1"] if "STAGE" in pattern else [""]:
                    name = pattern.replace("ROLE", role).replace("STAGE", stage)
                    if name in self.figures:
                        names.append(name)
        return names

    def by_indicator_name(self, clause: str, token: Token) -> list[str]:
        """The figures of the indicator whose name shares the most words with the span: two at least, and half
        of its name's (a long name shares a couple of words with anything)."""
        said = {_stem(w) for w in _WORD.findall(clause.casefold())} - self.words.ignored_name_words
        scores: dict[str, int] = {}
        for name, figure in self.figures.items():
            if not name.endswith("_name") or f"{name[: -len('_name')]}_value" not in self.figures:
                continue
            own = {_stem(w) for w in _WORD.findall(figure.text.casefold())} - self.words.ignored_name_words
            score = len(own & said)
            if score >= 2 and score * 2 >= len(own):
                scores[name[: -len("_name")]] = score
        if not scores:
            return []
        best = max(scores.values())
        keys = [key for key, score in scores.items() if score == best]
        return [
            n for key in keys for n in _indicator_figures(key, self.figures) if _unit_of(self.figures[n]) == token.unit
        ]


def _numbering(pieces: Sequence[Piece]) -> list[WordFinding]:
    """Numbered paragraphs and items of a section that repeat, skip or go back ("1.1, 1.2, 1.2, 1.4")."""
    found = []
    last: dict[tuple[str, tuple[int, ...]], int] = {}
    for piece in pieces:
        for kind, marker, block in parts(piece.words):
            number = _PARAGRAPH_NUMBER.match(block) if kind == "paragraph" else None
            written = number.group(1) if number else marker.rstrip(".)") if kind == "item" and marker != "•" else ""
            numbers = _numbers_of(written) if written else None
            if numbers is None or (written.isalpha() and numbers[0] != 1 and ("roman", ()) not in last):
                # a list in roman figures runs from i., item by item: anything between ends it (so the c), i)
                # and l) of a list lettered a) to l) are never read as 100, 1 and 50)
                last.pop(("roman", ()), None)
                continue
            style = "roman" if written.isalpha() else "figures"
            parent, own = numbers[:-1], numbers[-1]
            before = last.get((style, parent))
            last[(style, parent)] = own
            for deeper in [key for key in last if key[0] == style and key[1][: len(numbers)] == numbers]:
                del last[deeper]
            if before is None or own == 1 or own == before + 1:
                continue
            previous = _written(parent, before, style)
            if own == before:
                problem, kind_of = f"{written} is numbered the same as the one before it", "numbering_repeat"
            elif own > before:
                missing = _written(parent, before + 1, style)
                problem, kind_of = f"{written} follows {previous}: {missing} is missing", "numbering_gap"
            else:
                problem, kind_of = f"{written} follows {previous}", "numbering_order"
            expected = _written(parent, before + 1, style)
            found.append(
                WordFinding(
                    WARNING,
                    kind_of,
                    piece,
                    written,
                    expected,
                    f"'{piece.title}': {problem}; number them in order (this one would be {expected}).",
                )
            )
    return found


def _numbers_of(written: str) -> tuple[int, ...] | None:
    if written.isalpha():
        value = _roman(written.casefold())
        return (value,) if value else None
    try:
        return tuple(int(part) for part in written.split("."))
    except ValueError:
        return None


def _roman(text: str) -> int:
    values = [_ROMAN.get(ch, 0) for ch in text]
    if not all(values):
        return 0
    return sum(-v if n + 1 < len(values) and v < values[n + 1] else v for n, v in enumerate(values))


def _written(parent: tuple[int, ...], number: int, style: str) -> str:
    if style == "roman":
        return _to_roman(number)
    return ".".join(str(n) for n in (*parent, number))


def _to_roman(number: int) -> str:
    out = ""
    for value, letters in (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out += letters
            number -= value
    return out


# --- helpers ----------------------------------------------------------------------------------------------


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _roles_and_stages(figures: Mapping[str, Figure]) -> tuple[list[str], list[str]]:
    """The report's procedures (roles) and stages, from its figures' names (ROLE_STAGE_received)."""
    roles: dict[str, None] = {}
    stages: dict[str, None] = {}
    for name in figures:
        found = _STAGE_IN_NAME.match(name)
        if found and not name.startswith("theme_"):
            roles.setdefault(found.group(1))
            stages.setdefault(found.group(2))
    return list(roles), list(stages)


def _indicator_figures(key: str, figures: Mapping[str, Figure]) -> list[str]:
    return [f"{key}_{part}" for part in _INDICATOR_NUMBERS if f"{key}_{part}" in figures]


def _indicator_key(name: str, figures: Mapping[str, Figure]) -> str | None:
    """The indicator a live figure is of ("csc_cared_for_rate_value": csc_cared_for_rate), if it is one's."""
    for part in _INDICATOR_NUMBERS:
        key = name.removesuffix(f"_{part}")
        if key != name and f"{key}_name" in figures:
            return key
    return None


def _pair_of(name: str, figures: Mapping[str, Figure]) -> _Pair | None:
    """`name` and the figure before it (or after it): X and X_last_year; KEY_value and KEY_previous, or a
    change card's KEY_week_then (month, quarter, year)."""
    candidates: list[tuple[str, str]] = []
    if name.endswith("_last_year"):
        candidates.append((name, name.removesuffix("_last_year")))
    else:
        candidates.append((f"{name}_last_year", name))
    if name.endswith("_previous"):
        candidates.append((name, f"{name.removesuffix('_previous')}_value"))
    if name.endswith("_value"):
        candidates.append((f"{name.removesuffix('_value')}_previous", name))
    for horizon in HORIZONS:
        if name.endswith(f"_{horizon}_then"):
            candidates.append((name, f"{name.removesuffix(f'_{horizon}_then')}_value"))
    for then, now in candidates:
        if then in figures and now in figures and all(_number(figures[n].value) is not None for n in (then, now)):
            return _Pair(then, now, False)
    return None


def _moved(then: Decimal, now: Decimal, then_text: str, now_text: str) -> str:
    """ "same" where the two print the same, else "up" or "down"."""
    return "same" if then_text == now_text else "up" if now > then else "down"


def _direction(then: Figure, now: Figure) -> str:
    then_value, now_value = _number(then.value), _number(now.value)
    assert then_value is not None and now_value is not None
    return _moved(then_value, now_value, then.text, now.text)


def _equals(token: Token, figure: Figure) -> bool:
    """The typed number is the figure, written to the places the text shows."""
    value = _number(figure.value)
    if value is None or token.value is None or _unit_of(figure) != token.unit:
        return False
    return half_up(float(value), token.places) == token.value


def _is_count(token: Token) -> bool:
    return token.unit == "number" and token.value is not None and (token.kind == "figure" or token.typed)


def _in_brackets(text: str, token: Token) -> bool:
    return bool(re.search(r"\(\s*$", text[: token.start])) and bool(re.match(r"\s*\)", text[token.end :]))


def count_text(token: Token) -> str:
    return token.figure.text if token.figure is not None else token.text
