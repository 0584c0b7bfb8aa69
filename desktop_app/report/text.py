"""The author's words for the Annual Complaints Report, read from resources/complaints_report_text.toml.

The words are data: a complaints team edits the file (or a copy of it) each
year. Prose may hold live figures as placeholders, "{statutory_stage1_received}",
filled by `fill` from the one mapping `figures.report_figures` makes; a name
that mapping does not have is an error naming it, never a blank.

Prose mark-up, kept small: a blank line starts a new paragraph; a line starting
"- " is a bullet and one starting "1. " (or "i. ") a numbered item; "### Words"
is a sub-heading; **words** are bold. "{{" and "}}" write a brace.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.paths import RESOURCES
from desktop_app.report.equality_tables import ENQUIRY_TABLE_WORDS, EQUALITY_TABLE_WORDS
from desktop_app.report.lessons_tables import LESSONS_TABLE_WORDS
from desktop_app.report.remedies_tables import COMPLIMENT_TABLE_WORDS, REMEDY_TABLE_WORDS

DEFAULT_TEXT_FILE = RESOURCES / "complaints_report_text.toml"

#: The report's sections, in the order of the published report (the first six have a table).
SECTIONS = (
    "introduction",
    "procedure",
    "performance",
    "complainants",
    "equality",
    "themes",
    "ombudsman",
    "remedies",
    "compliments",
    "enquiries",
    "learning",
    "conclusions",
)
#: The sections a complaints report's text file may leave out (a copy written before them), with the table
#: words each needs where it is there: every report prints them where its text file has them.
OPTIONAL_SECTIONS = {"equality": EQUALITY_TABLE_WORDS, "enquiries": ENQUIRY_TABLE_WORDS}
DOCUMENT_KEYS = (
    "title",
    "appendix",
    "subtitle",
    "author",
    "subject",
    "keywords",
    "report_to",
    "meeting_date",
    "report_of",
)
#: The title page's details of the meeting, in the order printed: each a [document] word, its label the
#: [tables] word "title_details_" + the key.
MEETING_DETAILS = ("report_to", "meeting_date", "report_of")
#: The table words of every appendix's contents, blank page and title page.
PAGE_WORDS = ("contents_heading", "blank_page", *(f"title_details_{key}" for key in MEETING_DETAILS))
#: The table words every complaints report has (the children's and the adults').
COMMON_TABLE_WORDS = (
    *PAGE_WORDS,
    "title_details_figures",
    "key_figures_heading",
    "key_figures_this_year",
    "key_figures_last_year",
    "key_figures_change",
    "themes_theme",
    "themes_received",
    "themes_upheld",
    "themes_total",
    "ombudsman_decision",
    "ombudsman_this_year",
    "ombudsman_last_year",
    "ombudsman_total",
    "ombudsman_none",
    "suppression_footnote",
    *REMEDY_TABLE_WORDS,
    *LESSONS_TABLE_WORDS,
)
TABLE_WORDS = (
    *COMMON_TABLE_WORDS,
    "limits_stage",
    "limits_respond",
    "limits_extended",
    "limits_acknowledge",
    "stages_total",
    "stages_in_time",
    "stages_upheld",
    "stages_last_year",
    "stages_change",
    "finalised_footnote",
    "response_times_stage",
    "response_times_finalised",
    "response_times_within_limit",
    "response_times_within_extension",
    "response_times_in_time",
    "response_times_no_extension",
    "response_times_footnote",
    *COMPLIMENT_TABLE_WORDS,
    "complainants_heading",
    "complainants_number",
    "complainants_share",
    "complainants_child",
    "complainants_parent",
    "complainants_carer",
    "complainants_advocate",
    "complainants_other",
    "complainants_not_recorded",
    "complainants_total",
    "complainants_all_share",
    "complainants_footnote",
    "complainants_not_recorded_note",
    "complainants_also_heading",
    "complainants_also_number",
    "complainants_also_share",
    "complainants_also_cared_for",
    "complainants_also_advocacy",
    "complainants_also_representations",
    "complainants_no_share",
    "complainants_also_footnote",
    "cared_for_not_recorded_note",
    "advocacy_not_recorded_note",
    "representations_not_recorded_note",
    "ombudsman_decided_none",
    "register_caption",
    "register_reference",
    "register_service",
    "register_decision",
    "register_decided",
    "register_remedy",
    "register_not_recorded",
    "register_no_decision",
    "register_no_remedy",
    "register_footnote",
)
_SECTION_KEYS = {"title", "text", "year_on_year", "more_text"}
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class ReportTextError(ResourceFileError):
    """The report text cannot be used: a missing section, an unknown placeholder."""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    text: str = ""
    year_on_year: str = ""  # after the table; shown only where the log has last year's complaints
    more_text: str = ""  # after the table and year_on_year


@dataclass(frozen=True)
class KeyFigure:
    """A row of the key figures table: a label and the names of its figures."""

    label: str
    this_year: str
    last_year: str = ""
    change: str = ""


@dataclass(frozen=True)
class ReportText:
    document: dict[str, str]
    procedures: dict[str, str]  # role ('statutory', 'corporate') -> procedure code in the rules
    tables: dict[str, str]
    figures: dict[str, int | float]  # figures the author enters (no log records them)
    key_figures: tuple[KeyFigure, ...]
    sections: dict[str, Section]
    theme_sentence: str = ""
    theme_notes: dict[str, str] = field(default_factory=dict)
    source: str = "complaints_report_text.toml"

    def words(self, key: str) -> str:
        """A table's words by key (checked present when the file was read, or named here)."""
        try:
            return self.tables[key]
        except KeyError:
            raise ReportTextError(f"{self.source}: [tables] has no {key!r}") from None


@settings_file
def load_report_text(
    path: Path = DEFAULT_TEXT_FILE,
    sections: tuple[str, ...] = SECTIONS,
    required_words: tuple[str, ...] = TABLE_WORDS,
    shipped: Path = DEFAULT_TEXT_FILE,
) -> ReportText:
    """Read and check a report text file; a mistake names the table and key. `sections` and `required_words`:
    the sections and table words the report needs (the children's report's by default); of them, the
    OPTIONAL_SECTIONS may be left out, their words needed only where they are there; `shipped`: the file of this
    kind the application ships, for the words and the other sections a copy made before them lacks."""
    data = read_toml(path)
    where = path.name
    unknown = sorted(set(data) - {"document", "procedures", "tables", "figures", "key_figures", "sections", "themes"})
    if unknown:
        raise ReportTextError(f"{where}: unknown table [{unknown[0]}]")

    document = document_words(data, where)
    procedures = strings_of(data.get("procedures", {}), f"{where}: [procedures]")
    if not procedures:
        raise ReportTextError(f'{where}: [procedures] must name at least one procedure (statutory = "...")')
    for role in procedures:
        if not _NAME.fullmatch(role):
            raise ReportTextError(f"{where}: [procedures] {role!r} must be lower case letters, digits and _")

    given = data.get("sections", {}) if isinstance(data.get("sections"), dict) else {}
    optional_words = [words for key, words in OPTIONAL_SECTIONS.items() if key in sections and key in given]
    needed = (*required_words, *(word for words in optional_words for word in words))
    tables = table_words(data, where, needed, shipped=shipped)

    figures = {}
    for name, value in data.get("figures", {}).items():
        if not _NAME.fullmatch(name):
            raise ReportTextError(f"{where}: [figures] {name!r} must be lower case letters, digits and _")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ReportTextError(f"{where}: [figures] {name} must be a number of at least 0, not {value!r}")
        figures[name] = value

    key_figures = []
    for number, row in enumerate(data.get("key_figures", []), start=1):
        here = f"{where}: [[key_figures]] number {number}"
        if not isinstance(row, dict) or not row.get("label") or not row.get("this_year"):
            raise ReportTextError(f"{here} needs a label and this_year (the name of a figure)")
        extra = sorted(set(row) - {"label", "this_year", "last_year", "change"})
        if extra:
            raise ReportTextError(f"{here}: unknown key {extra[0]!r}")
        key_figures.append(
            KeyFigure(
                str(row["label"]), str(row["this_year"]), str(row.get("last_year", "")), str(row.get("change", ""))
            )
        )

    sections_spec = data.get("sections", {})
    found = {}
    for key in sections:
        spec = sections_spec.get(key)
        if spec is None and key in OPTIONAL_SECTIONS:
            continue
        if spec is None:
            title = shipped_section(shipped, key, where)
            found[key] = Section(key, title, section_prompt(title))
            continue
        if not isinstance(spec, dict):
            raise ReportTextError(f"{where}: [sections.{key}] must be a table with a title")
        extra = sorted(set(spec) - _SECTION_KEYS)
        if extra:
            raise ReportTextError(f"{where}: [sections.{key}] unknown key {extra[0]!r}; use {sorted(_SECTION_KEYS)}")
        if not str(spec.get("title", "")).strip():
            raise ReportTextError(f"{where}: [sections.{key}] title must not be empty")
        found[key] = Section(key, *(str(spec.get(name, "")) for name in ("title", "text", "year_on_year", "more_text")))
    extra = sorted(set(sections_spec) - set(sections))
    if extra:
        raise ReportTextError(f"{where}: unknown section [sections.{extra[0]}]; the sections are {list(sections)}")

    themes = data.get("themes", {})
    notes = themes.get("notes", {})
    if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
        raise ReportTextError(f"{where}: [themes.notes] must map a theme, as the log writes it, to text")
    return ReportText(
        document=document,
        procedures=procedures,
        tables=tables,
        figures=figures,
        key_figures=tuple(key_figures),
        sections=found,
        theme_sentence=str(themes.get("sentence", "")),
        theme_notes=dict(notes),
        source=where,
    )


def strings_of(
    table: object, where: str, lists: tuple[str, ...] = (), error: type[ReportTextError] = ReportTextError
) -> dict[str, str]:
    """A TOML table of words; a list of words in `lists` is kept joined by commas."""
    if not isinstance(table, dict):
        raise error(f"{where} must be a table")
    out = {}
    for name, value in table.items():
        if name in lists:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise error(f"{where} {name} must be a list of words")
            out[str(name)] = ", ".join(value)
            continue
        if not isinstance(value, str):
            raise error(f"{where} {name} must be text in quotes, not {value!r}")
        out[str(name)] = value
    return out


def document_words(
    data: dict[str, Any],
    where: str,
    keys: tuple[str, ...] = DOCUMENT_KEYS,
    error: type[ReportTextError] = ReportTextError,
) -> dict[str, str]:
    """A text file's [document] words: a title, an author and a subject, and no key the appendix does not print."""
    document = strings_of(data.get("document", {}), f"{where}: [document]", lists=("keywords",), error=error)
    for key in ("title", "author", "subject"):
        if not document.get(key, "").strip():
            raise error(f"{where}: [document] {key} must not be empty")
    unknown = sorted(set(document) - set(keys))
    if unknown:
        raise error(f"{where}: [document] unknown key {unknown[0]!r}; use one of {list(keys)}")
    return document


def table_words(
    data: dict[str, Any],
    where: str,
    required: tuple[str, ...],
    error: type[ReportTextError] = ReportTextError,
    shipped: Path | None = None,
) -> dict[str, str]:
    """A text file's [tables] words, each of `required` among them.

    A word the file lacks is taken from the `shipped` file of its kind: a copy an author made of an earlier
    version's file still reads after an upgrade adds a table (the headers are the application's, not the
    author's prose).
    """
    tables = strings_of(data.get("tables", {}), f"{where}: [tables]", error=error)
    missing = [key for key in required if key not in tables]
    if missing and shipped is not None:
        ours = strings_of(read_toml(shipped).get("tables", {}), f"{shipped.name}: [tables]", error=error)
        tables.update({key: ours[key] for key in missing if key in ours})
        missing = [key for key in missing if key not in tables]
    if missing:
        raise error(f"{where}: [tables] {missing[0]} is missing")
    return tables


def shipped_section(shipped: Path | None, key: str, where: str, error: type[ReportTextError] = ReportTextError) -> str:
    """The title of section `key` in the `shipped` file, for a copy of an earlier version's file that lacks the
    section: it is printed with a prompt for the author's words (which the proof before publishing names), never
    with the shipped file's words, which are another council's."""
    spec = read_toml(shipped).get("sections", {}).get(key) if shipped is not None else None
    if not isinstance(spec, dict) or not str(spec.get("title", "")).strip():
        raise error(f"{where}: [sections.{key}] is missing")
    return str(spec["title"])


def section_prompt(title: str) -> str:
    """The words of a section the author has not written yet: a prompt in square brackets."""
    return f"[Write the section “{title}”: this text file was made before the report had it]"


# --- placeholders -----------------------------------------------------------


class UnknownPlaceholderError(ReportTextError):
    """Prose names a figure the report does not have."""


def placeholders_in(template: str) -> list[str]:
    """The placeholder names a piece of prose uses, in order."""
    return [match.group(1) for match in _PLACEHOLDER.finditer(template) if match.group(1) is not None]


def fill(template: str, figures: Mapping[str, str], where: str, also_known: Collection[str] = ()) -> str:
    """`template` with each {name} replaced by its figure; an unknown name is an error naming it.

    `where` says which part of which file the template is (for the message); `also_known`: names that are
    right but have no figure here, which the message may suggest for a slip too.
    """
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        if name is None:
            raise ReportTextError(f"{where}: a lone {token!r}; write {token * 2} for a brace, or {{name}} for a figure")
        name = name.strip()
        if name not in figures:
            unknown.append(name)
            return token
        return str(figures[name])

    filled = _PLACEHOLDER.sub(replace, template)
    if unknown:
        raise UnknownPlaceholderError(f"{where}: {_explain(unknown, figures, also_known)}")
    return filled


def _explain(unknown: list[str], figures: Mapping[str, str], also_known: Collection[str] = ()) -> str:
    parts = []
    for name in dict.fromkeys(unknown):
        hint = ""
        if "last_year_label" not in figures and ("last_year" in name or "_change" in name):
            hint = " (last year's figures exist only where the log has last year's complaints: put the sentence in year_on_year)"
        else:
            close = difflib.get_close_matches(name, [*figures, *also_known], n=1)
            if close:
                hint = f" (did you mean {{{close[0]}}}?)"
        parts.append(f"unknown placeholder {{{name}}}{hint}")
    return "; ".join(parts)
