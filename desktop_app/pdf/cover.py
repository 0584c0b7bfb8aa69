"""The cover report (the fixed cover sheet in front of the appendices) as a PDF.

    pdf, problems = write_cover_report(values, "sefton", path, appendices=["Appendix A – ..."],
                                       options=PageOptions(agenda_item=8, first_page=3))

Councils lay their cover sheets out differently (Sefton's is a table of
fields then headed sections; Wirral's is numbered sections 1.0 to 10.0 with a
"REPORT AUTHOR" block and a "Subject history" table), so the layout is a
template held as data in resources/cover_templates/NAME.toml: which fields,
in what order, with what labels, in a table or under headings. The content
(the field values) is a separate TOML file that the author fills in (a form
in the window will edit it); resources/cover_templates/sample_cover.toml is an
example. Neither holds code.

A template is a list of [[blocks]], each one of:

- table: label/value rows, one or two fields a row (Sefton's top table);
- line: one field on a line of its own, in a paragraph style (Wirral's top lines);
- text: the template's own words (e.g. "SUPPORTING INFORMATION");
- section: a heading and a field (prose, or a numbered list for
  recommendations), or `parts`: several fields, each under its own label;
  `numbered = true` numbers the section (1.0, 2.0, ...) and its paragraphs (1.1, 1.2, ...);
- statement: a sentence chosen by a field's value ("This report does not
  relate to a key decision.");
- climate: the positive / neutral / negative impact table, Yes or No each;
- appendices: the appendices, as given to `write_cover_report`;
- history: a table of rows (Wirral's "Subject history").

`check_cover` cross-checks the values before anything is printed, catching the
slips seen in published papers (domain.md section 6): a date in the text on the
meeting's day and month but in another year (a cover dated "7th January 2024"
for a 7 January 2025 meeting), a weekday that does not fit its date, an empty
"Report of", an empty required field, a prompt left in [square brackets], and a
consultation reference whose year is neither the meeting's nor the year before.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.resource_files import ResourceFileError, read_toml
from desktop_app.paths import RESOURCES
from desktop_app.pdf.document import AppendixDocTemplate, Heading
from desktop_app.pdf.prose import inline, prose
from desktop_app.pdf.style import STYLE_NAMES, ReportStyle, load_style
from desktop_app.report.model import PageOptions
from desktop_app.safe_files import write_atomically

TEMPLATES_FOLDER = RESOURCES / "cover_templates"
SAMPLE_COVER = TEMPLATES_FOLDER / "sample_cover.toml"

#: The kinds of field value: one line of text, a date, Yes/No, paragraphs, a list of
#: items (numbered where printed), one of the climate choices, or rows of a table.
KINDS = ("text", "date", "yes_no", "prose", "list", "choice", "rows")
CLIMATE_CHOICES = ("positive", "neutral", "negative")

#: The fields every template may use, and their kinds; a template may declare more in [fields].
FIELDS: dict[str, str] = {
    "report_to": "text",
    "meeting_date": "date",
    "subject": "text",
    "report_of": "text",
    "portfolio": "text",
    "wards": "text",
    "key_decision": "yes_no",
    "forward_plan": "yes_no",
    "exempt": "yes_no",
    "summary": "prose",
    "recommendations_intro": "prose",
    "recommendations": "list",
    "reasons": "prose",
    "alternatives": "prose",
    "background": "prose",
    "revenue_costs": "prose",
    "capital_costs": "prose",
    "financial_implications": "prose",
    "legal_implications": "prose",
    "resource_implications": "prose",
    "risk_implications": "prose",
    "staffing_implications": "prose",
    "equality_implications": "prose",
    "children_implications": "prose",
    "climate": "choice",
    "climate_training": "yes_no",
    "climate_text": "prose",
    "consultations_internal": "prose",
    "consultations_external": "prose",
    "implementation_date": "text",
    "contact_name": "text",
    "contact_title": "text",
    "contact_telephone": "text",
    "contact_email": "text",
    "appendices": "list",
    "background_papers": "prose",
    "subject_history": "rows",
}
BLOCK_TYPES = ("table", "line", "text", "section", "statement", "climate", "appendices", "history")
_BLOCK_KEYS = {
    "table": {"type", "rows", "columns"},
    "line": {"type", "field", "style", "upper", "label"},
    "text": {"type", "text", "style"},
    "section": {"type", "field", "parts", "heading", "intro_field", "numbered", "upper"},
    "statement": {"type", "field", "texts", "style"},
    "climate": {"type", "field", "heading", "intro", "rows", "training_field", "training_label", "text_field"},
    "appendices": {"type", "heading", "intro", "none", "upper"},
    "history": {"type", "field", "heading", "columns", "keys", "none", "upper"},
}
_TEMPLATE_KEYS = {"name", "date_format", "numbering", "yes", "no", "required", "table_columns", "heading_style"}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WRITTEN_DATE = re.compile(
    r"(?:\b(?P<weekday>" + "|".join(_WEEKDAYS) + r"),?\s+)?"
    r"\b(?P<day>\d{1,2})(?:\s*(?:st|nd|rd|th))?\s+(?P<month>" + "|".join(_MONTHS) + r"),?\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"\b(?P<code>[A-Z]{2})\.?\s?(?P<number>\d{3,5})/(?P<year>\d{2})(?P<dots>\.{2,})?")
_PROMPT = re.compile(r"\[[^\]\n]{2,}\]")


class CoverTemplateError(ResourceFileError):
    """A cover template or a cover's values cannot be used (a mistake names the file and key)."""


# --- the template --------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverTemplate:
    """A council's cover sheet layout, read from a template file."""

    name: str
    blocks: tuple[dict, ...]
    labels: dict[str, str]
    kinds: dict[str, str]
    date_format: str = "{day} {month} {year}"
    numbering: str = "{n}."
    yes: str = "Yes"
    no: str = "No"
    required: tuple[str, ...] = ("report_to", "meeting_date", "subject", "report_of")
    table_columns: tuple[float, ...] = (0.2, 0.36, 0.19, 0.25)
    heading_style: str = "cover_heading"
    source: str = ""

    def label(self, name: str) -> str:
        try:
            return self.labels[name]
        except KeyError:
            raise CoverTemplateError(
                f"{self.source}: [labels] has no {name!r} (the label printed for that field)"
            ) from None

    def fields(self) -> list[str]:
        """The fields the template prints, in its order (a field printed twice counts once)."""
        seen: dict[str, None] = {}
        for block in self.blocks:
            for name in _block_fields(block):
                seen.setdefault(name, None)
        return list(seen)


def _block_fields(block: Mapping) -> list[str]:
    kind = block["type"]
    if kind == "table":
        return [name for row in block["rows"] for name in row]
    if kind == "section":
        names = [block["intro_field"]] if block.get("intro_field") else []
        return names + ([block["field"]] if block.get("field") else list(block.get("parts", [])))
    if kind == "climate":
        return [
            name
            for name in (block.get("field", "climate"), block.get("training_field"), block.get("text_field"))
            if name
        ]
    if kind == "appendices":
        return ["appendices"]
    if kind in ("line", "statement", "history"):
        return [block["field"]]
    return []


def template_path(name_or_path: str | Path) -> Path:
    """A template by name ("sefton": resources/cover_templates/sefton.toml) or by path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        return path
    return TEMPLATES_FOLDER / f"{name_or_path}.toml"


def available_templates() -> list[str]:
    """The names of the shipped templates (every .toml in the folder but the sample values)."""
    return sorted(p.stem for p in TEMPLATES_FOLDER.glob("*.toml") if p.name != SAMPLE_COVER.name)


def load_cover_template(name_or_path: str | Path) -> CoverTemplate:
    """Read and check a cover template; a mistake names the file, the block and the key."""
    path = template_path(name_or_path)
    if not path.exists():
        raise CoverTemplateError(
            f"there is no cover template {path.stem!r} (the templates are: {', '.join(available_templates())})"
        )
    data = read_toml(path)
    where = path.name
    unknown = sorted(set(data) - {"template", "fields", "labels", "blocks"})
    if unknown:
        raise CoverTemplateError(f"{where}: unknown table [{unknown[0]}]")
    settings = data.get("template", {})
    extra = sorted(set(settings) - _TEMPLATE_KEYS)
    if extra:
        raise CoverTemplateError(f"{where}: [template] unknown key {extra[0]!r}; use {sorted(_TEMPLATE_KEYS)}")
    kinds = dict(FIELDS)
    for name, kind in data.get("fields", {}).items():
        if kind not in KINDS:
            raise CoverTemplateError(f"{where}: [fields] {name} must be one of {list(KINDS)}, not {kind!r}")
        kinds[name] = kind
    labels = data.get("labels", {})
    if not all(isinstance(v, str) for v in labels.values()):
        raise CoverTemplateError(f"{where}: [labels] must map each field to its label, in quotes")
    blocks = data.get("blocks", [])
    if not isinstance(blocks, list) or not blocks:
        raise CoverTemplateError(f"{where}: no [[blocks]]: a template lists what the cover shows, in order")
    for number, block in enumerate(blocks, start=1):
        _check_block(where, number, block, kinds)
    columns = tuple(settings.get("table_columns", (0.2, 0.36, 0.19, 0.25)))
    if len(columns) != 4 or abs(sum(columns) - 1) > 0.005:
        raise CoverTemplateError(f"{where}: [template] table_columns must be four shares adding up to 1")
    numbering = settings.get("numbering", "{n}.")
    if "{n}" not in numbering:
        raise CoverTemplateError(f'{where}: [template] numbering must hold {{n}}, e.g. "({{n}})"')
    heading_style = settings.get("heading_style", "cover_heading")
    if heading_style not in STYLE_NAMES:
        raise CoverTemplateError(
            f"{where}: [template] heading_style {heading_style!r} is not a style of the report style"
        )
    required = tuple(settings.get("required", ("report_to", "meeting_date", "subject", "report_of")))
    unknown = [name for name in required if name not in kinds]
    if unknown:
        raise CoverTemplateError(f"{where}: [template] required: unknown field {unknown[0]!r}")
    template = CoverTemplate(
        name=str(settings.get("name", path.stem)),
        blocks=tuple(blocks),
        labels=dict(labels),
        kinds=kinds,
        date_format=str(settings.get("date_format", "{day} {month} {year}")),
        numbering=numbering,
        yes=str(settings.get("yes", "Yes")),
        no=str(settings.get("no", "No")),
        required=required,
        table_columns=columns,
        heading_style=heading_style,
        source=where,
    )
    _format_date(dt.date(2025, 1, 7), template)  # a date format naming an unknown part fails here, not mid-export
    return template


def _check_block(where: str, number: int, block: object, kinds: Mapping[str, str]) -> None:
    here = f"{where}: [[blocks]] number {number}"
    if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
        raise CoverTemplateError(f"{here}: type must be one of {list(BLOCK_TYPES)}")
    here = f"{here} ({block['type']})"
    extra = sorted(set(block) - _BLOCK_KEYS[block["type"]])
    if extra:
        raise CoverTemplateError(f"{here}: unknown key {extra[0]!r}; use {sorted(_BLOCK_KEYS[block['type']])}")
    if block["type"] == "table":
        rows = block.get("rows")
        if (
            not isinstance(rows, list)
            or not rows
            or not all(isinstance(r, list) and 1 <= len(r) <= 2 and all(isinstance(n, str) for n in r) for r in rows)
        ):
            raise CoverTemplateError(
                f"{here}: rows must be a list of rows of one or two fields, "
                'e.g. [["report_to", "meeting_date"], ["subject"]]'
            )
    elif block["type"] in ("line", "statement", "history") and not isinstance(block.get("field"), str):
        raise CoverTemplateError(f"{here} needs a field")
    elif block["type"] == "section" and not (
        isinstance(block.get("field"), str) or isinstance(block.get("parts"), list)
    ):
        raise CoverTemplateError(f"{here} needs a field, or parts (a list of fields)")
    elif block["type"] == "text" and not isinstance(block.get("text"), str):
        raise CoverTemplateError(f"{here} needs text")
    for name in _block_fields(block):
        if name not in kinds:
            raise CoverTemplateError(f"{here}: unknown field {name!r}; declare it in [fields] with its kind")
    if block["type"] == "statement":
        texts = block.get("texts")
        if not isinstance(texts, dict) or not texts:
            raise CoverTemplateError(
                f'{here} needs texts, e.g. {{ yes = "...", no = "..." }} or '
                '{ value = "This matter affects {value}." }'
            )


# --- the values -----------------------------------------------------------------------------


def load_cover_values(path: Path = SAMPLE_COVER) -> dict[str, object]:
    """A cover's field values from a TOML file (flat: field = value)."""
    data = read_toml(Path(path))
    data.pop("cover", None)  # room for notes about the file itself
    return data


def _check_values(values: Mapping[str, object], template: CoverTemplate, where: str) -> None:
    """The values must be of their field's kind; an unknown field is named (a misspelt key would vanish)."""
    for name, value in values.items():
        kind = template.kinds.get(name)
        if kind is None:
            raise CoverTemplateError(
                f"{where}: unknown field {name!r} (the fields are: {', '.join(sorted(template.kinds))})"
            )
        ok = {
            "text": isinstance(value, str),
            "date": isinstance(value, (str, dt.date)) and not isinstance(value, dt.datetime),
            "yes_no": isinstance(value, bool)
            or (isinstance(value, str) and value.strip().lower() in ("yes", "no", "")),
            "prose": isinstance(value, str),
            "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
            "choice": isinstance(value, str) and value.strip().lower() in (*CLIMATE_CHOICES, ""),
            "rows": isinstance(value, list) and all(isinstance(v, dict) for v in value),
        }[kind]
        if not ok:
            expected = {
                "text": "text in quotes",
                "date": "a date (2025-01-07) or text",
                "yes_no": 'true/false or "Yes"/"No"',
                "prose": "text in quotes",
                "list": "a list of texts",
                "choice": f"one of {list(CLIMATE_CHOICES)}",
                "rows": "a list of tables",
            }[kind]
            raise CoverTemplateError(f"{where}: {name} must be {expected}, not {value!r}")


def _empty(value: object) -> bool:
    return value is None or (
        isinstance(value, (str, list)) and not (value.strip() if isinstance(value, str) else value)
    )


def _yes(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        return value.strip().lower() == "yes"
    return None


def meeting_day(values: Mapping[str, object]) -> dt.date | None:
    """The meeting's date: a TOML date, or a date written as text ("Tuesday 7th January 2025")."""
    value = values.get("meeting_date")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        found = _WRITTEN_DATE.search(value)
        if found:
            return _date_of(found)
    return None


def _date_of(found: re.Match) -> dt.date | None:
    month = [m.lower() for m in _MONTHS].index(found["month"].lower()) + 1
    try:
        return dt.date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None


def _format_date(day: dt.date, template: CoverTemplate) -> str:
    parts = {
        "weekday": _WEEKDAYS[day.weekday()],
        "day": str(day.day),
        "day_ordinal": _ordinal(day.day),
        "month": _MONTHS[day.month - 1],
        "year": str(day.year),
    }
    try:
        return template.date_format.format(**parts)
    except (KeyError, IndexError, ValueError) as exc:
        raise CoverTemplateError(
            f"{template.source}: [template] date_format {template.date_format!r} can use "
            f"{{weekday}}, {{day}}, {{day_ordinal}}, {{month}} and {{year}} ({exc})"
        ) from None


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# --- cross-checks -------------------------------------------------------------------------


def check_cover(
    values: Mapping[str, object],
    template: CoverTemplate | None = None,
    appendices: Sequence[str] | None = None,
    source: str = "",
) -> list[Problem]:
    """What a careful reader would query before the cover goes out; an empty list when nothing is amiss."""
    problems: list[Problem] = []

    def warn(message: str, name: str = "", value: str = "", severity: Severity = Severity.WARNING) -> None:
        problems.append(Problem(severity, message, file=source, column=name, value=value))

    required = template.required if template else ("report_to", "meeting_date", "subject", "report_of")
    if _empty(values.get("report_of")):
        warn("'Report of' is empty: say which officer the report is from", "report_of")
    for name in required:
        if name != "report_of" and _empty(values.get(name)):
            label = template.labels.get(name, name) if template else name
            warn(f"{label.rstrip(':')} is empty", name)

    meeting = meeting_day(values)
    written = values.get("meeting_date")
    if isinstance(written, str) and written.strip() and meeting is None:
        warn(
            "the date of meeting is not a date this check can read (write it as 2025-01-07, or "
            "'Tuesday 7 January 2025')",
            "meeting_date",
            written,
        )
    if meeting is not None and isinstance(written, str):
        found = _WRITTEN_DATE.search(written)
        if found and found["weekday"] and found["weekday"].lower() != _WEEKDAYS[meeting.weekday()].lower():
            warn(
                f"the date of meeting says {found['weekday']} but {_day(meeting)} is a {_WEEKDAYS[meeting.weekday()]}",
                "meeting_date",
                written,
            )

    for name, text in _texts(values):
        if name == "meeting_date":
            continue
        for found in _WRITTEN_DATE.finditer(text):
            day = _date_of(found)
            if day is None:
                warn(f"'{found[0]}' is not a date in the calendar", name, found[0])
                continue
            if found["weekday"] and found["weekday"].lower() != _WEEKDAYS[day.weekday()].lower():
                warn(f"'{found[0]}': {_day(day)} is a {_WEEKDAYS[day.weekday()]}", name, found[0])
            if (
                meeting is not None
                and (day.month, day.day) == (meeting.month, meeting.day)
                and day.year != meeting.year
            ):
                warn(
                    f"'{found[0]}' has the meeting's day and month but the year {day.year}, and the meeting is on "
                    f"{_day(meeting)}: is the year a slip?",
                    name,
                    found[0],
                )
        for found in _PROMPT.finditer(text):
            warn(f"the prompt {found[0]} has not been replaced", name, found[0])
        for found in _REFERENCE.finditer(text):
            if found["dots"]:
                warn(f"the reference {found[0]} looks unfinished", name, found[0], Severity.NOTE)
            if meeting is not None:
                year = 2000 + int(found["year"])
                if year not in (meeting.year, meeting.year - 1):
                    warn(
                        f"the reference {found['code']}{found['number']}/{found['year']} is from 20{found['year']}, "
                        f"and the meeting is in {meeting.year}",
                        name,
                        found[0],
                        Severity.NOTE,
                    )
    listed = list(appendices) if appendices is not None else values.get("appendices") or []
    if template is not None and any(b["type"] == "appendices" for b in template.blocks) and not listed:
        warn(
            "no appendices are listed: say 'None' in the template's words, or give the appendices",
            "appendices",
            severity=Severity.NOTE,
        )
    return problems


def _texts(values: Mapping[str, object]):
    """(field, text) for every piece of text in the values, list items and table cells included."""
    for name, value in values.items():
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    yield name, item
                elif isinstance(item, dict):
                    for cell in item.values():
                        if isinstance(cell, str):
                            yield name, cell


def _day(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# --- writing ----------------------------------------------------------------------------------


def write_cover_report(
    values: Mapping[str, object] | Path | str,
    template: CoverTemplate | str | Path,
    path: Path,
    *,
    appendices: Sequence[str] | None = None,
    options: PageOptions = PageOptions(),
    style: ReportStyle | None = None,
) -> tuple[Path, list[Problem]]:
    """Write the cover report to `path` (atomically); return it and the cross-checks' problems.

    `values`: the field values, or the TOML file that holds them; `template`: a
    template, its name ("sefton", "wirral") or its file. `appendices` (e.g.
    ["Appendix A – Social Care Performance Report"]) replaces the values'
    own list. The problems do not stop the export: they are for the author to
    read (the command line prints them).
    """
    path = Path(path)
    pdf, problems = render_cover_report(values, template, appendices=appendices, options=options, style=style)
    write_atomically(path, pdf)
    return path, problems


def render_cover_report(
    values: Mapping[str, object] | Path | str,
    template: CoverTemplate | str | Path,
    *,
    appendices: Sequence[str] | None = None,
    options: PageOptions = PageOptions(),
    style: ReportStyle | None = None,
) -> tuple[bytes, list[Problem]]:
    """The cover report as PDF bytes, and the cross-checks' problems."""
    source = ""
    if not isinstance(values, Mapping):
        source = Path(values).name
        values = load_cover_values(Path(values))
    if not isinstance(template, CoverTemplate):
        template = load_cover_template(template)
    _check_values(values, template, source or "the cover's values")
    style = style or load_style()
    listed = list(appendices) if appendices is not None else list(values.get("appendices") or [])
    problems = check_cover(values, template, listed, source)
    cover = _Cover(values, template, style, listed)
    story = cover.story(options)
    buffer = io.BytesIO()
    subject = str(values.get("subject") or template.name)
    document = AppendixDocTemplate(
        buffer,
        style,
        options,
        title=subject,
        author=str(values.get("report_of") or ""),
        subject=", ".join(part for part in (str(values.get("report_to") or ""), cover.date_text()) if part),
        keywords="committee report, cover report",
    )
    document.multiBuild(story)
    return buffer.getvalue(), problems


class _Cover:
    """Builds the story of one cover report from its values and template."""

    def __init__(
        self, values: Mapping[str, object], template: CoverTemplate, style: ReportStyle, appendices: list[str]
    ) -> None:
        self.values = values
        self.template = template
        self.style = style
        self.appendices = appendices
        self.section_number = 0

    # --- values as text ----------------------------------------------------------------

    def date_text(self) -> str:
        value = self.values.get("meeting_date")
        if isinstance(value, dt.date):
            return _format_date(value, self.template)
        return str(value or "")

    def text(self, name: str) -> str:
        """A one-line field as printed: a date in the template's form, Yes/No in its words."""
        value = self.values.get(name)
        kind = self.template.kinds[name]
        if kind == "date":
            return _format_date(value, self.template) if isinstance(value, dt.date) else str(value or "")
        if kind == "yes_no":
            answer = _yes(value)
            return "" if answer is None else self.template.yes if answer else self.template.no
        if kind == "list":
            return "; ".join(value or [])
        if kind == "choice":
            return str(value or "").strip().capitalize()
        return "" if value is None else str(value)

    def heading(self, words: str, upper: bool = False, numbered: bool = False) -> Heading:
        if numbered:
            self.section_number += 1
            words = f"{self.section_number}.0 {words}"
        words = words.upper() if upper else words
        return Heading(inline(words), self.kept(self.template.heading_style), level=0, in_contents=False)

    def kept(self, name: str):
        """A paragraph style that keeps its paragraph on the page of what follows (a heading, a label)."""
        style = self.style[name]
        return style if style.keepWithNext else style.clone(f"{style.name}-kept", keepWithNext=1)

    def field_flowables(self, name: str, numbered: bool = False) -> list[Flowable]:
        """A field's value as paragraphs, a numbered list or a line."""
        kind = self.template.kinds[name]
        value = self.values.get(name)
        if _empty(value):
            return []
        if kind == "list":
            return [
                Paragraph(inline(item), self._numbered_style(), bulletText=self.template.numbering.format(n=n))
                for n, item in enumerate(value, start=1)
            ]
        if kind == "prose" and numbered and self.section_number:
            return self._numbered_paragraphs(str(value))
        if kind == "prose":
            return prose(str(value), self.style)
        return [Paragraph(inline(self.text(name)), self.style["body"])]

    def _numbered_style(self):
        body = self.style["body"]
        return body.clone(
            f"{body.name}-numbered",
            leftIndent=10 * mm,
            bulletIndent=0,
            bulletFontName=body.fontName,
            bulletFontSize=body.fontSize,
        )

    def _numbered_paragraphs(self, text: str) -> list[Flowable]:
        """Paragraphs numbered within the section (1.1, 1.2, ...), as Wirral's reports number them; lists stay lists."""
        flowables: list[Flowable] = []
        number = 0
        for chunk in re.split(r"\n\s*\n", text.strip()):
            lines = [line.strip() for line in chunk.splitlines() if line.strip()]
            if not lines:
                continue
            if all(re.match(r"^[-*•]\s+", line) for line in lines):
                flowables += prose(chunk, self.style)
                continue
            number += 1
            flowables.append(
                Paragraph(inline(" ".join(lines)), self._numbered_style(), bulletText=f"{self.section_number}.{number}")
            )
        return flowables

    # --- the story --------------------------------------------------------------------------

    def story(self, options: PageOptions) -> list[Flowable]:
        story: list[Flowable] = []
        if options.needs_filler:
            story += [
                Spacer(1, self.style.text_height * 0.42),
                Paragraph("This page is intentionally left blank", self.style["blank_page"]),
                NextPageTemplate("title"),
                PageBreak(),
            ]
        builders = {
            "table": self.table,
            "line": self.line,
            "text": self.fixed_text,
            "section": self.section,
            "statement": self.statement,
            "climate": self.climate,
            "appendices": self.appendix_list,
            "history": self.history,
        }
        for block in self.template.blocks:
            story += builders[block["type"]](block)
        return story

    def label_cell(self, name: str) -> Paragraph:
        return Paragraph(f"<b>{inline(self.template.label(name))}</b>", self.style["table_text"])

    def value_cell(self, name: str) -> Paragraph:
        kind = self.template.kinds[name]
        value = self.values.get(name)
        if kind == "prose":
            markup = "<br/><br/>".join(inline(p.strip()) for p in re.split(r"\n\s*\n", str(value or "")) if p.strip())
        else:
            markup = inline(self.text(name))
        return Paragraph(markup, self.style["table_text"])

    def table(self, block: Mapping) -> list[Flowable]:
        """Label/value rows: a row of one field spans the row; of two, label value label value."""
        widths = [share * self.style.text_width for share in self.template.table_columns]
        rows, commands = [], []
        for number, names in enumerate(block["rows"]):
            row = [self.label_cell(names[0]), self.value_cell(names[0])]
            if len(names) == 2:
                row += [self.label_cell(names[1]), self.value_cell(names[1])]
            else:
                row += ["", ""]
                commands.append(("SPAN", (1, number), (3, number)))
            rows.append(row)
        table = Table(rows, colWidths=widths, hAlign="LEFT", splitByRow=1, splitInRow=0)
        table.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), self.style.fonts.regular),
                ("GRID", (0, 0), (-1, -1), self.style.grid_width, self.style.colours["table_grid"]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), self.style.padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), self.style.padding),
                ("TOPPADDING", (0, 0), (-1, -1), self.style.padding * 0.75),
                ("BOTTOMPADDING", (0, 0), (-1, -1), self.style.padding),
                *commands,
            ]
        )
        return [table, Spacer(1, 8)]

    def line(self, block: Mapping) -> list[Flowable]:
        name = block["field"]
        words = self.text(name)
        if not words.strip():
            return []
        if block.get("upper"):
            words = words.upper()
        markup = inline(words)
        if block.get("label"):
            markup = f"<b>{inline(self.template.label(name))}</b> {markup}"
        style = block.get("style", "body")
        if style not in STYLE_NAMES:
            raise CoverTemplateError(
                f"{self.template.source}: a line's style {style!r} is not a style of the report style"
            )
        return [Paragraph(markup, self.kept(style) if "heading" in style else self.style[style])]

    def fixed_text(self, block: Mapping) -> list[Flowable]:
        style = block.get("style", "body")
        if style not in STYLE_NAMES:
            raise CoverTemplateError(
                f"{self.template.source}: a text's style {style!r} is not a style of the report style"
            )
        if style.startswith("heading") or style == "cover_heading":
            return [Heading(inline(block["text"]), self.kept(style), level=0, in_contents=False)]
        return (
            prose(block["text"], self.style)
            if style == "body"
            else [Paragraph(inline(block["text"]), self.style[style])]
        )

    def section(self, block: Mapping) -> list[Flowable]:
        numbered = bool(block.get("numbered"))
        upper = bool(block.get("upper"))
        flowables: list[Flowable] = []
        if block.get("field"):
            name = block["field"]
            heading = block.get("heading") or self.template.label(name)
            flowables.append(self.heading(heading, upper, numbered))
            if block.get("intro_field"):
                flowables += self.field_flowables(block["intro_field"], numbered)
            flowables += self.field_flowables(name, numbered)
            return flowables
        flowables.append(self.heading(block.get("heading") or "", upper, numbered))
        for name in block["parts"]:
            part = [Paragraph(f"<b>{inline(self.template.label(name))}</b>", self.kept("body"))]
            part += self.field_flowables(name, numbered)
            flowables += part
        return flowables

    def statement(self, block: Mapping) -> list[Flowable]:
        name = block["field"]
        value = self.values.get(name)
        texts = block["texts"]
        kind = self.template.kinds[name]
        if kind == "yes_no":
            answer = _yes(value)
            words = "" if answer is None else texts.get("yes" if answer else "no", "")
        elif kind == "choice":
            words = texts.get(str(value or "").strip().lower(), "")
        else:
            words = texts.get("value", "{value}").replace("{value}", self.text(name)) if not _empty(value) else ""
        style = block.get("style", "body")
        return [Paragraph(inline(words), self.style[style])] if words else []

    def climate(self, block: Mapping) -> list[Flowable]:
        """The climate emergency table: each impact Yes or No by the chosen one, the training row, the words."""
        name = block.get("field", "climate")
        chosen = str(self.values.get(name) or "").strip().lower()
        flowables: list[Flowable] = [self.heading(block.get("heading") or self.template.label(name))]
        if block.get("intro"):
            flowables.append(Paragraph(inline(block["intro"]), self.kept("body")))
        labels = block.get("rows") or {c: f"Have a {c} impact" for c in CLIMATE_CHOICES}
        rows = [
            [
                Paragraph(inline(labels[c]), self.style["table_text"]),
                Paragraph(
                    inline(self.template.yes if c == chosen else self.template.no) if chosen else "",
                    self.style["table_number"],
                ),
            ]
            for c in CLIMATE_CHOICES
            if c in labels
        ]
        training = block.get("training_field")
        if training:
            rows.append(
                [
                    Paragraph(
                        inline(block.get("training_label") or self.template.label(training)), self.style["table_text"]
                    ),
                    Paragraph(inline(self.text(training)), self.style["table_number"]),
                ]
            )
        table = Table(
            rows,
            colWidths=[self.style.text_width * 0.8, self.style.text_width * 0.2],
            hAlign="LEFT",
            style=self.style.table_style(header_rows=0),
        )
        flowables += [KeepTogether([table]), Spacer(1, 6)]
        if block.get("text_field"):
            flowables += self.field_flowables(block["text_field"])
        return flowables

    def appendix_list(self, block: Mapping) -> list[Flowable]:
        flowables: list[Flowable] = [
            self.heading(block.get("heading") or self.template.label("appendices"), bool(block.get("upper")))
        ]
        if not self.appendices:
            flowables.append(Paragraph(inline(block.get("none", "None")), self.style["body"]))
            return flowables
        if block.get("intro"):
            flowables.append(Paragraph(inline(block["intro"]), self.style["body"]))
        flowables += [Paragraph(inline(title), self.style["body"]) for title in self.appendices]
        return flowables

    def history(self, block: Mapping) -> list[Flowable]:
        """A table of rows (Wirral's Subject history: Council Meeting, Date)."""
        name = block["field"]
        flowables: list[Flowable] = [
            self.heading(block.get("heading") or self.template.label(name), bool(block.get("upper")))
        ]
        rows_given = self.values.get(name) or []
        if not rows_given:
            flowables.append(Paragraph(inline(block.get("none", "None")), self.style["body"]))
            return flowables
        columns = block.get("columns", ["Council Meeting", "Date"])
        keys = block.get("keys", ["meeting", "date"])
        rows = [[Paragraph(inline(c), self.style["table_header"]) for c in columns]]
        for row in rows_given:
            cells = []
            for key in keys:
                value = row.get(key, "")
                text = _format_date(value, self.template) if isinstance(value, dt.date) else str(value)
                cells.append(Paragraph(inline(text), self.style["table_text"]))
            rows.append(cells)
        width = self.style.text_width
        table = Table(
            rows,
            colWidths=[width * 0.7, width * 0.3][: len(columns)]
            if len(columns) == 2
            else [width / len(columns)] * len(columns),
            hAlign="LEFT",
            repeatRows=1,
            style=self.style.table_style(),
        )
        return flowables + [table]


__all__ = [
    "CLIMATE_CHOICES",
    "FIELDS",
    "CoverTemplate",
    "CoverTemplateError",
    "available_templates",
    "check_cover",
    "load_cover_template",
    "load_cover_values",
    "meeting_day",
    "render_cover_report",
    "template_path",
    "write_cover_report",
]
