"""The look of an appendix, read from resources/report_style.toml.

Page size, margins, fonts, paragraph styles, colours and table styles are data
(as rst2pdf keeps its stylesheets); this module turns them into ReportLab
objects and names the key at fault when a value cannot be used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.pdf.fonts import FONTS_FOLDER, FontFamily, register_family
from desktop_app.report.model import PARAGRAPH_LAYOUTS
from desktop_app.report.statuses import STYLE_FILE as DEFAULT_STYLE_FILE

PAGE_SIZES = {"A4": A4, "letter": letter}
ALIGNMENTS = {"left": TA_LEFT, "centre": TA_CENTER, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
#: Paragraph styles the writers use; the file must define each.
COLOUR_NAMES = (
    "text",
    "heading",
    "muted",
    "rule",
    "table_grid",
    "table_header_background",
    "table_header_text",
    "table_group_background",
    "table_total_background",
    "status_good",
    "status_concern",
    "status_poor",
    "status_complete",
    "better",
    "worse",
    "chart_bar",
    "chart_line",
    "chart_comparator",
    "chart_grid",
    "chart_band",
    "card_background",
    "heat_1",
    "heat_2",
    "heat_3",
    "heat_4",
)
_STYLE_KEYS = {
    "size",
    "leading",
    "space_before",
    "space_after",
    "bold",
    "italic",
    "colour",
    "align",
    "indent_mm",
    "first_line_indent_mm",
}


class StyleError(ResourceFileError):
    """The style file says something that cannot be used."""


@dataclass(frozen=True)
class ReportStyle:
    """Everything about the look, ready for ReportLab (lengths in points)."""

    page_size: tuple[float, float]
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    header_from_top: float
    footer_from_bottom: float
    section_min_space: float
    sections_start_on_new_page: bool
    fonts: FontFamily
    colours: dict[str, colors.Color]
    paragraphs: dict[str, ParagraphStyle]
    grid_width: float
    padding: float
    table_space_before: float
    table_space_after: float
    columns: dict[str, tuple[float, ...]]

    @property
    def text_width(self) -> float:
        return self.page_size[0] - self.margin_left - self.margin_right

    @property
    def text_height(self) -> float:
        return self.page_size[1] - self.margin_top - self.margin_bottom

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraphs[name]

    @property
    def landscape_text_width(self) -> float:
        """The text width of a page turned sideways (the "body_landscape" page template)."""
        return self.page_size[1] - self.margin_left - self.margin_right

    @property
    def landscape_text_height(self) -> float:
        return self.page_size[0] - self.margin_top - self.margin_bottom

    def column_widths(self, table: str, width: float | None = None) -> list[float]:
        """The widths of a table's columns in points, from their shares of the text width (or of `width`)."""
        try:
            shares = self.columns[table]
        except KeyError:
            raise StyleError(f"report_style.toml: [tables.columns] has no '{table}' list") from None
        return [share * (self.text_width if width is None else width) for share in shares]

    def table_style(
        self,
        *,
        header_rows: int = 1,
        total_rows: tuple[int, ...] = (),
        group_rows: tuple[int, ...] = (),
        spans: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (),
    ) -> TableStyle:
        """Grid, header shading and padding; total rows (e.g. -1) and group rows shaded too."""
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),  # for empty cells: never an unembedded base-14 font
            ("GRID", (0, 0), (-1, -1), self.grid_width, self.colours["table_grid"]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), self.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), self.padding),
            ("TOPPADDING", (0, 0), (-1, -1), self.padding * 0.75),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.padding),
        ]
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), self.colours["table_header_background"]))
            commands.append(
                (
                    "LINEBELOW",
                    (0, header_rows - 1),
                    (-1, header_rows - 1),
                    self.grid_width * 2,
                    self.colours["table_grid"],
                )
            )
        for row in total_rows:
            commands.append(("BACKGROUND", (0, row), (-1, row), self.colours["table_total_background"]))
            commands.append(("LINEABOVE", (0, row), (-1, row), self.grid_width * 2, self.colours["table_grid"]))
        for row in group_rows:
            commands.append(("BACKGROUND", (0, row), (-1, row), self.colours["table_group_background"]))
            commands.append(("SPAN", (0, row), (-1, row)))
        for start, end in spans:
            commands.append(("SPAN", start, end))
        return TableStyle(commands)


@settings_file
def load_style(path: Path = DEFAULT_STYLE_FILE, fonts_folder: Path = FONTS_FOLDER) -> ReportStyle:
    """Read and check a style file, registering (and so embedding) its fonts."""
    data = read_toml(path)
    where = path.name
    page = _table(data, "page", where)
    font_spec = _table(data, "fonts", where)
    colour_spec = _table(data, "colours", where)
    style_spec = _table(data, "styles", where)
    tables = _table(data, "tables", where)

    size_name = page.get("size", "A4")
    if size_name not in PAGE_SIZES:
        raise StyleError(f"{where}: [page] size {size_name!r} is not one of {sorted(PAGE_SIZES)}")
    try:
        fonts = register_family(
            str(font_spec["family"]),
            str(font_spec["regular"]),
            str(font_spec["bold"]),
            str(font_spec["italic"]),
            fonts_folder,
        )
    except KeyError as exc:
        raise StyleError(f"{where}: [fonts] needs {exc.args[0]!r}") from None

    colours = {}
    for name in COLOUR_NAMES:
        value = colour_spec.get(name)
        if not isinstance(value, str) or len(value) != 7 or not value.startswith("#"):
            raise StyleError(f'{where}: [colours] {name} must be a colour as "#rrggbb", not {value!r}')
        try:
            colours[name] = colors.HexColor(value)
        except ValueError:
            raise StyleError(f'{where}: [colours] {name} must be a colour as "#rrggbb", not {value!r}') from None

    paragraphs = {}
    for name in PARAGRAPH_LAYOUTS:
        if name not in style_spec:
            raise StyleError(f"{where}: [styles.{name}] is missing")
        paragraphs[name] = _paragraph_style(where, name, style_spec[name], fonts, colours)

    columns = {}
    for name, shares in _table(tables, "columns", f"{where}: [tables]").items():
        if not isinstance(shares, list) or not shares or not all(isinstance(s, (int, float)) and s > 0 for s in shares):
            raise StyleError(f"{where}: [tables.columns] {name} must be a list of positive shares")
        if abs(sum(shares) - 1.0) > 0.005:
            raise StyleError(f"{where}: [tables.columns] {name} adds up to {sum(shares):g}, not 1")
        columns[name] = tuple(float(s) for s in shares)

    return ReportStyle(
        page_size=PAGE_SIZES[size_name],
        margin_top=_length(page, "margin_top_mm", where) * mm,
        margin_bottom=_length(page, "margin_bottom_mm", where) * mm,
        margin_left=_length(page, "margin_left_mm", where) * mm,
        margin_right=_length(page, "margin_right_mm", where) * mm,
        header_from_top=_length(page, "header_from_top_mm", where) * mm,
        footer_from_bottom=_length(page, "footer_from_bottom_mm", where) * mm,
        section_min_space=_length(page, "section_min_space_mm", where) * mm,
        sections_start_on_new_page=bool(page.get("sections_start_on_new_page", False)),
        fonts=fonts,
        colours=colours,
        paragraphs=paragraphs,
        grid_width=_length(tables, "grid_width", where),
        padding=_length(tables, "padding", where),
        table_space_before=_length(tables, "space_before", where),
        table_space_after=_length(tables, "space_after", where),
        columns=columns,
    )


def _table(data: dict, key: str, where: str) -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        raise StyleError(f"{where}: [{key}] is missing")
    return value


def _length(spec: dict, key: str, where: str) -> float:
    value = spec.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise StyleError(f"{where}: {key} must be a number of at least 0, not {value!r}")
    return float(value)


def _paragraph_style(
    where: str, name: str, spec: dict, fonts: FontFamily, colours: dict[str, colors.Color]
) -> ParagraphStyle:
    here = f"{where}: [styles.{name}]"
    unknown = sorted(set(spec) - _STYLE_KEYS)
    if unknown:
        raise StyleError(f"{here}: unknown setting {unknown[0]!r}; use one of {sorted(_STYLE_KEYS)}")
    size = _length(spec, "size", here)
    colour = spec.get("colour", "text")
    if colour not in colours:
        raise StyleError(f"{here}: colour {colour!r} is not a key of [colours]")
    align = spec.get("align", "left")
    if align not in ALIGNMENTS:
        raise StyleError(f"{here}: align {align!r} is not one of {sorted(ALIGNMENTS)}")
    bold, italic = bool(spec.get("bold", False)), bool(spec.get("italic", False))
    font = fonts.bold if bold else fonts.italic if italic else fonts.regular
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=_length(spec, "leading", here) if "leading" in spec else size * 1.25,
        spaceBefore=_length(spec, "space_before", here) if "space_before" in spec else 0,
        spaceAfter=_length(spec, "space_after", here) if "space_after" in spec else 0,
        textColor=colours[colour],
        alignment=ALIGNMENTS[align],
        leftIndent=(_length(spec, "indent_mm", here) if "indent_mm" in spec else 0) * mm,
        firstLineIndent=(_length(spec, "first_line_indent_mm", here) if "first_line_indent_mm" in spec else 0) * mm,
        keepWithNext=1 if name.startswith("heading") else 0,
        allowWidows=0,
        allowOrphans=0,
        bulletFontName=fonts.regular,
        bulletFontSize=size,
    )
