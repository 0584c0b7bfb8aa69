"""The TrueType fonts the appendices embed, registered with ReportLab once per process.

ReportLab's base-14 fonts are not embedded and lack ▲ ▼ ✔ ✘ (it falls back to
ZapfDingbats, which no viewer is obliged to have); a registered TTF is embedded
as a subset in every PDF that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.paths import RESOURCES

FONTS_FOLDER = RESOURCES / "fonts"


@dataclass(frozen=True)
class FontFamily:
    """Registered font names for one family (bold italic falls back to bold)."""

    regular: str
    bold: str
    italic: str


def register_family(family: str, regular: str, bold: str, italic: str, folder: Path = FONTS_FOLDER) -> FontFamily:
    """Register the family's files (names relative to `folder`) under `family`, `family`-Bold, ...

    Registering again is harmless: a name already registered is left as it is.
    """
    names = FontFamily(family, f"{family}-Bold", f"{family}-Italic")
    for name, file in ((names.regular, regular), (names.bold, bold), (names.italic, italic)):
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        path = folder / file
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (OSError, TTFError) as exc:
            raise ResourceFileError(f"font {file}: cannot be used ({exc}); the fonts live in {folder}") from exc
    # <b> and <i> in a paragraph pick the family's bold and italic faces.
    addMapping(family, 0, 0, names.regular)
    addMapping(family, 1, 0, names.bold)
    addMapping(family, 0, 1, names.italic)
    addMapping(family, 1, 1, names.bold)
    return names
