"""The words of the MARAC appendix, read from resources/marac_report_text.toml.

As the other appendices' words (report.text): a [document] table, the [tables]
words, and the sections in order, each a title and a text before its tables,
with live figures as placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.resource_files import read_toml, settings_file
from desktop_app.paths import RESOURCES
from desktop_app.report.text import PAGE_WORDS, ReportTextError, document_words, table_words

DEFAULT_MARAC_TEXT_FILE = RESOURCES / "marac_report_text.toml"
SECTIONS = ("summary", "measures", "sources")
TABLE_WORDS = (
    *PAGE_WORDS,
    "title_details_period",
    "measure",
    "benchmark",
    "against",
    "of_referrals",
    "basis_adult_women",
    "basis_population",
    "bame_local",
    "sources_benchmark",
    "sources_figure",
    "sources_source",
    "sources_date",
    "chart_band",
    "not_compared_note",
)


@dataclass(frozen=True)
class MaracText:
    document: dict[str, str]
    tables: dict[str, str]
    sections: dict[str, tuple[str, str]]  # key -> (title, text)
    source: str = "marac_report_text.toml"


@settings_file
def load_marac_text(path: Path = DEFAULT_MARAC_TEXT_FILE) -> MaracText:
    """Read and check the appendix's words; a mistake names the table and key."""
    data = read_toml(path)
    where = path.name
    document = document_words(data, where)
    tables = table_words(data, where, TABLE_WORDS)
    specs = data.get("sections", {})
    sections = {}
    for key in SECTIONS:
        spec = specs.get(key)
        if not isinstance(spec, dict) or not str(spec.get("title", "")).strip():
            raise ReportTextError(f"{where}: [sections.{key}] is missing, or has no title")
        sections[key] = (str(spec["title"]), str(spec.get("text", "")))
    return MaracText(document, tables, sections, where)
