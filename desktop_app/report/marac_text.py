"""The words of the MARAC appendix, read from resources/marac_report_text.toml (report.appendix_text)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.resource_files import settings_file
from desktop_app.paths import RESOURCES
from desktop_app.report.appendix_text import AppendixText, load_appendix_text

DEFAULT_MARAC_TEXT_FILE = RESOURCES / "marac_report_text.toml"
SECTIONS = ("summary", "measures", "sources")
TABLE_WORDS = (
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


@settings_file
def load_marac_text(path: Path = DEFAULT_MARAC_TEXT_FILE) -> AppendixText:
    """Read and check the appendix's words; a mistake names the table and key."""
    return load_appendix_text(path, TABLE_WORDS, SECTIONS, shipped=DEFAULT_MARAC_TEXT_FILE)
