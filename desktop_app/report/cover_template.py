"""A council's cover sheet layout, and the author's values for it, read from TOML files.

Councils lay their cover sheets out differently (Sefton's is a table of
fields then headed sections; Wirral's is numbered sections 1.0 to 10.0 with a
"REPORT AUTHOR" block and a "Subject history" table), so the layout is a
template held as data in resources/cover_templates/NAME.toml: which fields,
in what order, with what labels, in a table or under headings. The content
(the field values) is a separate TOML file that the author fills in (the
window's Report tab edits it); resources/cover_templates/sample_cover.toml is
an example. Neither holds code.

A template is a list of [[blocks]], each one of:

- table: label/value rows, one or two fields a row (Sefton's top table); a row of the further meetings
  (`further_meetings`, each committee with its own date) goes on under the row above it, a row each
  (committee and date under a row of two fields, "committee, date" under a row of one);
- line: one field on a line of its own, in a paragraph style (Wirral's top lines); the further meetings a
  line each;
- text: the template's own words (e.g. "SUPPORTING INFORMATION");
- section: a heading and a field (prose, or a numbered list for
  recommendations), or `parts`: several fields, each under its own label;
  `numbered = true` numbers the section (1.0, 2.0, ..., or as [template] section_numbering has it: "{n}."
  for 1., 2.) and its paragraphs (1.1, 1.2, ...; not where [template] number_paragraphs = false);
- statement: a sentence chosen by a field's value ("This report does not
  relate to a key decision.");
- climate: the positive / neutral / negative impact table, Yes or No each;
- appendices: the appendices, as given to the builder;
- history: a table of rows (Wirral's "Subject history");
- purposes: what the report contributes to each of the council's purposes, the purposes the template's
  own (Sefton's "Contribution to the Council's Core Purpose").

report/cover.py turns a template and its values into the report model;
report/cover_check.py cross-checks the values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain.resource_files import ResourceFileError, read_toml
from desktop_app.paths import RESOURCES
from desktop_app.report.model import PARAGRAPH_LAYOUTS

__all__ = ["PARAGRAPH_LAYOUTS"]  # re-exported: the layouts a template may name

TEMPLATES_FOLDER = RESOURCES / "cover_templates"
SAMPLE_COVER = TEMPLATES_FOLDER / "sample_cover.toml"

#: The kinds of field value: one line of text, a date, Yes/No, paragraphs, a list of
#: items (numbered where printed), one of the climate choices, rows of a table, committees each with
#: its date of meeting, or words for each of the template's purposes.
KINDS = ("text", "date", "yes_no", "prose", "list", "choice", "rows", "meetings", "purposes")
#: What each of the further meetings holds.
MEETING_KEYS = ("committee", "date")
CLIMATE_CHOICES = ("positive", "neutral", "negative")

#: The fields every template may use, and their kinds; a template may declare more in [fields].
FIELDS: dict[str, str] = {
    "report_to": "text",
    "meeting_date": "date",
    "further_meetings": "meetings",
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
    "rationale": "prose",
    "conclusion": "prose",
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
    "core_purpose": "purposes",
}
BLOCK_TYPES = ("table", "line", "text", "section", "statement", "climate", "appendices", "history", "purposes")
_BLOCK_KEYS = {
    "table": {"type", "rows", "columns"},
    "line": {"type", "field", "style", "upper", "label"},
    "text": {"type", "text", "style"},
    "section": {"type", "field", "parts", "heading", "intro_field", "numbered", "upper"},
    "statement": {"type", "field", "texts", "style"},
    "climate": {"type", "field", "heading", "intro", "rows", "training_field", "training_label", "text_field"},
    "appendices": {"type", "heading", "intro", "none", "upper"},
    "history": {"type", "field", "heading", "columns", "keys", "none", "upper"},
    "purposes": {"type", "field", "heading", "purposes", "none"},
}
_TEMPLATE_KEYS = {
    "name",
    "date_format",
    "numbering",
    "section_numbering",
    "number_paragraphs",
    "yes",
    "no",
    "required",
    "table_columns",
    "heading_style",
}
MONTHS = (
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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WRITTEN_DATE = re.compile(
    r"(?:\b(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+)?"
    r"\b(?P<day>\d{1,2})(?:\s*(?:st|nd|rd|th))?\s+(?P<month>" + "|".join(MONTHS) + r"),?\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)


class CoverTemplateError(ResourceFileError):
    """A cover template or a cover's values cannot be used (a mistake names the file and key)."""


# --- the template --------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverTemplate:
    """A council's cover sheet layout, read from a template file."""

    name: str
    blocks: tuple[dict[str, Any], ...]
    labels: dict[str, str]
    kinds: dict[str, str]
    date_format: str = "{day} {month} {year}"
    numbering: str = "{n}."
    yes: str = "Yes"
    no: str = "No"
    required: tuple[str, ...] = ("report_to", "meeting_date", "subject", "report_of")
    table_columns: tuple[float, ...] = (0.2, 0.36, 0.19, 0.25)
    heading_style: str = "cover_heading"
    section_numbering: str = "{n}.0"
    number_paragraphs: bool = True
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


def _block_fields(block: Mapping[str, Any]) -> list[str]:
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
    if kind in ("line", "statement", "history", "purposes"):
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
    section_numbering = settings.get("section_numbering", "{n}.0")
    for key, value in (("numbering", numbering), ("section_numbering", section_numbering)):
        if not isinstance(value, str) or "{n}" not in value:
            raise CoverTemplateError(f'{where}: [template] {key} must hold {{n}}, e.g. "({{n}})"')
    number_paragraphs = settings.get("number_paragraphs", True)
    if not isinstance(number_paragraphs, bool):
        raise CoverTemplateError(f"{where}: [template] number_paragraphs must be true or false")
    heading_style = settings.get("heading_style", "cover_heading")
    if heading_style not in PARAGRAPH_LAYOUTS:
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
        section_numbering=section_numbering,
        number_paragraphs=number_paragraphs,
        source=where,
    )
    format_date(dt.date(2025, 1, 7), template)  # a date format naming an unknown part fails here, not mid-export
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
        _check_meeting_rows(here, rows, kinds)
    elif block["type"] in ("line", "statement", "history", "purposes") and not isinstance(block.get("field"), str):
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
    if block["type"] == "purposes":
        purposes = block.get("purposes")
        if not isinstance(purposes, dict) or not purposes or not all(isinstance(v, str) for v in purposes.values()):
            raise CoverTemplateError(
                f'{here} needs purposes, each a key and the purpose as printed, e.g. {{ vulnerable = "Protect the '
                'most vulnerable" }'
            )
        if kinds.get(block["field"]) != "purposes":
            raise CoverTemplateError(f"{here}: the field {block['field']!r} is not of the kind purposes")
    if block["type"] == "statement":
        texts = block.get("texts")
        if not isinstance(texts, dict) or not texts:
            raise CoverTemplateError(
                f'{here} needs texts, e.g. {{ yes = "...", no = "..." }} or '
                '{ value = "This matter affects {value}." }'
            )


def _check_meeting_rows(here: str, rows: list[list[str]], kinds: Mapping[str, str]) -> None:
    """A row of further meetings goes alone in its row, under the row whose labels stand over it: of two
    fields (the committee's and the date's), or of the committee alone."""
    for number, row in enumerate(rows):
        if not any(kinds.get(name) == "meetings" for name in row):
            continue
        if len(row) != 1 or number == 0 or kinds.get(rows[number - 1][0]) == "meetings":
            raise CoverTemplateError(
                f"{here}: {row[0]!r} goes alone in its row, under the row of the committee (and its date), "
                'e.g. [["report_to", "meeting_date"], ["further_meetings"]]'
            )


# --- the values -----------------------------------------------------------------------------


def load_cover_values(path: Path = SAMPLE_COVER) -> dict[str, object]:
    """A cover's field values from a TOML file (flat: field = value)."""
    data = read_toml(Path(path))
    data.pop("cover", None)  # room for notes about the file itself
    return data


def check_values(values: Mapping[str, object], template: CoverTemplate, where: str) -> None:
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
            "meetings": isinstance(value, list)
            and all(
                isinstance(v, dict)
                and set(v) == set(MEETING_KEYS)
                and isinstance(v["committee"], str)
                and isinstance(v["date"], (str, dt.date))
                for v in value
            ),
            "purposes": isinstance(value, dict) and all(isinstance(v, str) for v in value.values()),
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
                "meetings": 'a list of { committee = "...", date = 2025-01-07 }',
                "purposes": 'a table of each purpose\'s words, e.g. { vulnerable = "..." }',
            }[kind]
            raise CoverTemplateError(f"{where}: {name} must be {expected}, not {value!r}")
        known = purposes_of(template, name) if kind == "purposes" else {}
        if known and isinstance(value, dict):  # (a template that does not print the purposes leaves them be)
            unknown = sorted(set(value) - set(known))
            if unknown:
                raise CoverTemplateError(
                    f"{where}: {name} has no purpose {unknown[0]!r} (the template's are: {', '.join(known)})"
                )


def purposes_of(template: CoverTemplate, name: str) -> dict[str, str]:
    """The purposes the template lists for the field `name`, by key, in its order."""
    found: dict[str, str] = {}
    for block in template.blocks:
        if block["type"] == "purposes" and block["field"] == name:
            found.update(block["purposes"])
    return found


def empty(value: object) -> bool:
    return value is None or (
        isinstance(value, (str, list)) and not (value.strip() if isinstance(value, str) else value)
    )


def yes(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        return value.strip().lower() == "yes"
    return None


@dataclass(frozen=True)
class Meeting:
    """One committee the report goes to and its date of meeting, as written (`field` names where)."""

    field: str
    committee: str
    written: object

    @property
    def day(self) -> dt.date | None:
        return day_written(self.written)


def meetings(values: Mapping[str, object]) -> list[Meeting]:
    """Every committee the report goes to with its date: "Report to" and its date of meeting, then the
    further meetings, in their order."""
    found = [Meeting("meeting_date", str(values.get("report_to") or ""), values.get("meeting_date"))]
    for meeting in values.get("further_meetings") or []:  # type: ignore[attr-defined]
        found.append(Meeting("further_meetings", str(meeting.get("committee", "")), meeting.get("date")))
    return found


def meeting_day(values: Mapping[str, object]) -> dt.date | None:
    """The (first) meeting's date: a TOML date, or a date written as text ("Tuesday 7th January 2025")."""
    return day_written(values.get("meeting_date"))


def day_written(value: object) -> dt.date | None:
    """A TOML date, or the date a text writes ("Tuesday 7th January 2025"); None when there is none."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        found = WRITTEN_DATE.search(value)
        if found:
            return date_of(found)
    return None


def date_of(found: re.Match[str]) -> dt.date | None:
    month = [m.lower() for m in MONTHS].index(found["month"].lower()) + 1
    try:
        return dt.date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None


def format_date(day: dt.date, template: CoverTemplate) -> str:
    parts = {
        "weekday": WEEKDAYS[day.weekday()],
        "day": str(day.day),
        "day_ordinal": _ordinal(day.day),
        "month": MONTHS[day.month - 1],
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
