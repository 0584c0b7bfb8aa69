"""The words of the action plan appendix, read from resources/action_plan_report_text.toml.

As the complaints report's words (report.text): a [document] table, the
[tables] words, and the sections in order, each a title, a text before its
table and a more_text after it, with live figures as placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.resource_files import read_toml, settings_file
from desktop_app.paths import RESOURCES
from desktop_app.report.text import (
    PAGE_WORDS,
    ReportTextError,
    document_words,
    section_prompt,
    shipped_section,
    table_words,
)

DEFAULT_PLAN_TEXT_FILE = RESOURCES / "action_plan_report_text.toml"
#: The appendix's sections, in order; each has its table (or tables) after its text.
SECTIONS = ("summary", "changes", "exceptions", "past_due", "plan")
TABLE_WORDS = (
    *PAGE_WORDS,
    "title_details_progress",
    "summary_theme",
    "summary_total",
    "summary_all",
    "not_rated",
    "key_status",
    "key_meaning",
    "key_not_rated",
    "chart_title",
    "exceptions_theme",
    "exceptions_number",
    "exceptions_priority",
    "exceptions_milestone",
    "exceptions_status",
    "exceptions_note",
    "no_note",
    "no_exceptions",
    "past_due_none",
    "unnumbered",
    "by_rule",
    "plan_continued",
    "rule_footnote",
    "changes_first_report",
    "changes_nothing",
    "changes_was",
    "changes_now",
    "changes_last",
    "changes_by_rule",
    "changes_moved_heading",
    "changes_new_heading",
    "changes_closed_heading",
)
_SECTION_KEYS = {"title", "text", "more_text"}


@dataclass(frozen=True)
class PlanSection:
    key: str
    title: str
    text: str = ""
    more_text: str = ""


@dataclass(frozen=True)
class PlanText:
    document: dict[str, str]
    tables: dict[str, str]
    sections: dict[str, PlanSection]
    source: str = "action_plan_report_text.toml"


@settings_file
def load_plan_text(path: Path = DEFAULT_PLAN_TEXT_FILE) -> PlanText:
    """Read and check the appendix's words; a mistake names the table and key."""
    data = read_toml(path)
    where = path.name
    unknown = sorted(set(data) - {"document", "tables", "sections"})
    if unknown:
        raise ReportTextError(f"{where}: unknown table [{unknown[0]}]")
    document = document_words(data, where)
    tables = table_words(data, where, TABLE_WORDS, shipped=DEFAULT_PLAN_TEXT_FILE)
    specs = data.get("sections", {})
    sections = {}
    for key in SECTIONS:
        spec = specs.get(key)
        if spec is None:
            title = shipped_section(DEFAULT_PLAN_TEXT_FILE, key, where)
            sections[key] = PlanSection(key, title, section_prompt(title))
            continue
        if not isinstance(spec, dict) or not str(spec.get("title", "")).strip():
            raise ReportTextError(f"{where}: [sections.{key}] is missing, or has no title")
        extra = sorted(set(spec) - _SECTION_KEYS)
        if extra:
            raise ReportTextError(f"{where}: [sections.{key}] unknown key {extra[0]!r}; use {sorted(_SECTION_KEYS)}")
        sections[key] = PlanSection(key, *(str(spec.get(name, "")) for name in ("title", "text", "more_text")))
    extra = sorted(set(specs) - set(SECTIONS))
    if extra:
        raise ReportTextError(f"{where}: unknown section [sections.{extra[0]}]; the sections are {list(SECTIONS)}")
    return PlanText(document, tables, sections, where)
