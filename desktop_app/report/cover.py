"""The cover report (the fixed cover sheet in front of the appendices) as a report model.

Each block of the council's template (report/cover_template.py) becomes blocks
of the model, in the template's order, filled from the author's values: the
label/value table (labels are row headers; the further committees and their
dates under "Report to" and its date, the labels standing over them all),
lines, fixed text, headed sections (prose, or paragraphs numbered 1.1, 1.2 ...
within section 1.0), statements chosen by a value, the climate table, the
appendix list, the subject history and the contribution to each of the
council's purposes. The whole cover is one untitled section on the pack's first page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.domain.problems import Problem
from desktop_app.report.cover_check import check_cover
from desktop_app.report.cover_template import (
    CLIMATE_CHOICES,
    MEETING_KEYS,
    CoverTemplate,
    CoverTemplateError,
    Meeting,
    check_values,
    empty,
    format_date,
    load_cover_template,
    load_cover_values,
    meeting_day,
    meetings,
    purposes_of,
    yes,
)
from desktop_app.report.model import (
    PARAGRAPH_LAYOUTS,
    Block,
    Cell,
    CellKind,
    Document,
    Heading,
    Keep,
    ListItem,
    Metadata,
    PageOptions,
    Paragraph,
    Section,
    Space,
    Span,
    Table,
    TitlePage,
)
from desktop_app.report.prose import prose_blocks

BLANK_PAGE = "This page is intentionally left blank"


def cover_document(
    values: Mapping[str, object],
    template: CoverTemplate,
    appendices: Sequence[str] | None = None,
    options: PageOptions | None = None,
) -> Document:
    """The cover of `values`, laid out by `template`; `appendices` replaces the values' own list."""
    listed = list(appendices) if appendices is not None else list(values.get("appendices") or [])  # type: ignore[call-overload]
    builder = _Cover(values, template, listed)
    groups = [found for block in template.blocks if (found := builder.builders[block["type"]](block))]
    blocks = [block for group in _last_kept_with_the_one_before(groups) for block in group]
    metadata = Metadata(
        title=str(values.get("subject") or template.name),
        author=str(values.get("report_of") or ""),
        subject="; ".join(builder.meeting_text(meeting) for meeting in meetings(values) if meeting.committee),
        keywords="committee report, cover report",
        as_at=meeting_day(values),
    )
    return Document(
        kind="cover",
        metadata=metadata,
        options=options or PageOptions(),
        sections=[Section("cover", "", blocks)],
        blank_page_text=BLANK_PAGE,
    )


def _last_kept_with_the_one_before(groups: list[list[Block]]) -> list[list[Block]]:
    """The blocks of each part of the cover, the last part kept on one page with the part before it: a
    short last section (the background papers) never sits alone on the last page. (Parts longer than a
    page still run on over pages.)"""
    if len(groups) < 2:
        return groups
    return [*groups[:-2], [Keep((*groups[-2], *groups[-1]))]]


def cover_model(
    values: Mapping[str, object] | Path | str,
    template: CoverTemplate | str | Path,
    appendices: Sequence[str] | None = None,
    options: PageOptions | None = None,
) -> tuple[Document, list[Problem]]:
    """The cover's report model and the cross-checks' problems, from values (or their file) and a template
    (or its name or file)."""
    source = ""
    if not isinstance(values, Mapping):
        source = Path(values).name
        values = load_cover_values(Path(values))
    if not isinstance(template, CoverTemplate):
        template = load_cover_template(template)
    check_values(values, template, source or "the cover's values")
    listed = list(appendices) if appendices is not None else list(values.get("appendices") or [])  # type: ignore[call-overload]
    problems = check_cover(values, template, listed, source)
    return cover_document(values, template, listed, options), problems


def values_from_form(fields: Mapping[str, str], template: CoverTemplate) -> dict[str, object]:
    """The window's cover sheet fields (all text) as the values a template takes: a date field's "2025-01-07"
    as that day, a list field's lines as its items, the further meetings and the purposes from their JSON
    text (`form_meetings`, `form_purposes`); empty fields and fields the template has no place for are left
    out."""
    values: dict[str, object] = {}
    for name, text in fields.items():
        kind = template.kinds.get(name)
        if kind is None or kind == "rows" or not (text or "").strip():
            continue
        text = text.strip()
        if kind == "date":
            values[name] = _form_date(text)
        elif kind == "meetings":
            held = [
                {"committee": row["committee"].strip(), "date": _form_date(row["date"].strip())}
                for row in form_meetings(text, name)
                if row["committee"].strip() or row["date"].strip()
            ]
            if held:
                values[name] = held
        elif kind == "purposes":
            words = {key: said.strip() for key, said in form_purposes(text, name).items() if said.strip()}
            if words:
                values[name] = words
        elif kind == "list":
            values[name] = [_LIST_MARK.sub("", line).strip() for line in text.splitlines() if line.strip()]
        else:
            values[name] = text
    return values


def _form_date(text: str) -> dt.date | str:
    """A date the window keeps ("2025-01-07") as that day; any other words as written."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def form_meetings(text: str, name: str = "further_meetings") -> list[dict[str, str]]:
    """The further meetings the window keeps in the cover field `name`: JSON, a list of
    {"committee": ..., "date": "2025-01-07" or ""}, in their order ("" or none: no meetings)."""
    rows = _form_json(text, name, list)
    if not all(isinstance(row, dict) and {k: str(row.get(k, "")) for k in MEETING_KEYS} == row for row in rows):
        raise CoverTemplateError(f'the cover sheet\'s {name} must be a list of {{"committee": ..., "date": ...}}')
    return [{key: row[key] for key in MEETING_KEYS} for row in rows]


def form_purposes(text: str, name: str = "core_purpose") -> dict[str, str]:
    """The words for each purpose the window keeps in the cover field `name`: JSON, {purpose key: words}."""
    words = _form_json(text, name, dict)
    if not all(isinstance(said, str) for said in words.values()):
        raise CoverTemplateError(f"the cover sheet's {name} must give each purpose's words as text")
    return {str(key): str(said) for key, said in words.items()}


def form_text(value: list[dict[str, str]] | dict[str, str]) -> str:
    """Further meetings or purposes' words as the window keeps them in a cover field ("" for none)."""
    return json.dumps(value, ensure_ascii=False) if value else ""


def _form_json(text: str, name: str, shape: type) -> Any:
    if not text.strip():
        return shape()
    try:
        found = json.loads(text)
    except ValueError:
        found = None
    if not isinstance(found, shape):
        raise CoverTemplateError(f"the cover sheet's {name} cannot be read: {text[:60]!r}")
    return found


#: A list item's own number or bullet as typed ("1. ", "2) ", "- "): the template numbers the items itself.
_LIST_MARK = re.compile(r"^\s*(?:\d+[.)]|[-•*])\s+")


def appendix_entry(title_page: TitlePage | None, fallback: str) -> str:
    """How the cover lists an appendix: "Appendix A – Social Care Performance Report"."""
    if title_page is None:
        return fallback
    return " – ".join(part for part in (title_page.appendix, title_page.title) if part) or fallback


class _Cover:
    """Turns each block of a template into blocks of the model."""

    def __init__(self, values: Mapping[str, object], template: CoverTemplate, appendices: list[str]) -> None:
        self.values = values
        self.template = template
        self.appendices = appendices
        self.section_number = 0
        self.builders: dict[str, Callable[[Mapping[str, Any]], list[Block]]] = {
            "table": self.table,
            "line": self.line,
            "text": self.fixed_text,
            "section": self.section,
            "statement": self.statement,
            "climate": self.climate,
            "appendices": self.appendix_list,
            "history": self.history,
            "purposes": self.purposes,
        }

    # --- values as text ----------------------------------------------------------------

    def date_text(self, value: object) -> str:
        """A date as the template writes it; a date written as text, as written."""
        if isinstance(value, dt.date):
            return format_date(value, self.template)
        return str(value or "")

    def meeting_text(self, meeting: Meeting) -> str:
        return ", ".join(part for part in (meeting.committee, self.date_text(meeting.written)) if part)

    def text(self, name: str) -> str:
        """A one-line field as printed: a date in the template's form, Yes/No in its words."""
        value = self.values.get(name)
        kind = self.template.kinds[name]
        if kind == "date":
            return self.date_text(value)
        if kind == "yes_no":
            answer = yes(value)
            return "" if answer is None else self.template.yes if answer else self.template.no
        if kind == "list":
            return "; ".join(value or [])  # type: ignore[arg-type]
        if kind == "choice":
            return str(value or "").strip().capitalize()
        return "" if value is None else str(value)

    def heading(self, words: str, upper: bool = False, numbered: bool = False) -> Heading:
        if numbered:
            self.section_number += 1
            words = f"{self.template.section_numbering.format(n=self.section_number)} {words}"
        words = words.upper() if upper else words
        return Heading(words, level=1, in_contents=False, layout=self.template.heading_style, keep_with_next=True)

    def field_blocks(self, name: str, numbered: bool = False) -> list[Block]:
        """A field's value as paragraphs, a numbered list or a line."""
        kind = self.template.kinds[name]
        value = self.values.get(name)
        if empty(value):
            return []
        if kind == "list":  # in a numbered section, numbered within it (5.1, 5.2), as seed 003's recommendations
            items: list[str] = list(value)  # type: ignore[call-overload]
            within = numbered and self.section_number and self.template.number_paragraphs
            return [
                ListItem(
                    item,
                    f"{self.section_number}.{n}" if within else self.template.numbering.format(n=n),
                    layout="numbered",
                )
                for n, item in enumerate(items, start=1)
            ]
        if kind == "prose" and numbered and self.section_number and self.template.number_paragraphs:
            return self.numbered_paragraphs(str(value))
        if kind == "prose":
            return prose_blocks(str(value))
        return [Paragraph(self.text(name))]

    def numbered_paragraphs(self, text: str) -> list[Block]:
        """Paragraphs numbered within the section (1.1, 1.2, ...), as Wirral's reports number them; lists stay,
        at the text of the paragraph they follow."""
        blocks: list[Block] = []
        number = 0
        for chunk in re.split(r"\n\s*\n", text.strip()):
            lines = [line.strip() for line in chunk.splitlines() if line.strip()]
            if not lines:
                continue
            if all(re.match(r"^[-*•]\s+", line) for line in lines):  # at the text of the paragraph above
                under = f"{self.section_number}.{number}" if number else ""
                blocks += [replace(b, under=under) if isinstance(b, ListItem) else b for b in prose_blocks(chunk)]
                continue
            number += 1
            blocks.append(ListItem(" ".join(lines), f"{self.section_number}.{number}", layout="numbered"))
        return blocks

    def style(self, block: Mapping[str, Any], default: str = "body") -> str:
        style = str(block.get("style", default))
        if style not in PARAGRAPH_LAYOUTS:
            raise CoverTemplateError(
                f"{self.template.source}: a {block['type']}'s style {style!r} is not a style of the report style"
            )
        return style

    # --- blocks ------------------------------------------------------------------------

    def value_cell(self, name: str) -> Cell:
        """A field's value in a table cell; paragraphs of prose stay paragraphs (a blank line between)."""
        if self.template.kinds[name] == "prose":
            paragraphs = re.split(r"\n\s*\n", str(self.values.get(name) or ""))
            return Cell("\n\n".join(p.strip() for p in paragraphs if p.strip()))
        return Cell(self.text(name))

    def table(self, block: Mapping[str, Any]) -> list[Block]:
        """Label/value rows: a row of one field spans the row; of two, label value label value; the further
        meetings a row each under the row above, whose labels stand over them (merged down)."""
        rows: list[list[Cell]] = []
        spans: list[Span] = []
        for names in block["rows"]:
            if self.template.kinds[names[0]] == "meetings":
                rows, spans = self.meeting_rows(names[0], rows, spans)
                continue
            row = [Cell(self.template.label(names[0]), bold=True), self.value_cell(names[0])]
            if len(names) == 2:
                row += [Cell(self.template.label(names[1]), bold=True), self.value_cell(names[1])]
            else:
                row += [Cell(), Cell()]
                spans.append(Span(len(rows), 1, columns=3))
            rows.append(row)
        table = Table(
            "cover_details",
            [],
            rows,
            "",
            spans=tuple(spans),
            layout="label_value",
            header_scope="row",
            column_shares=self.template.table_columns,
            row_headers=(0, 2),
        )
        return [table, Space("", 8)]

    def meeting_rows(self, name: str, rows: list[list[Cell]], spans: list[Span]) -> tuple[list[list[Cell]], list[Span]]:
        """The further meetings under the last of `rows`: its labels merged down over them; a committee and its
        date in its two value cells, or "committee, date" across a row of one field."""
        further: list[Mapping[str, Any]] = list(self.values.get(name) or [])  # type: ignore[call-overload]
        if not further:
            return rows, spans
        above = len(rows) - 1
        two = not any(span.row == above and span.column == 1 and span.columns == 3 for span in spans)
        down = len(further) + 1
        for meeting in further:
            committee, date = meeting["committee"], self.date_text(meeting["date"])
            if two:
                rows.append([Cell(), Cell(committee), Cell(), Cell(date)])
            else:
                spans.append(Span(len(rows), 1, columns=3))
                rows.append([Cell(), Cell(", ".join(part for part in (committee, date) if part)), Cell(), Cell()])
        spans.append(Span(above, 0, rows=down))
        if two:
            spans.append(Span(above, 2, rows=down))
        return rows, spans

    def line(self, block: Mapping[str, Any]) -> list[Block]:
        name = block["field"]
        if self.template.kinds[name] == "meetings":  # a line each: the committee, its date
            further = self.values.get(name) or []
            texts = [self.meeting_text(Meeting(name, m["committee"], m["date"])) for m in further]  # type: ignore[attr-defined]
            return [line for words in texts for line in self.line_of(block, name, words)]
        return self.line_of(block, name, self.text(name))

    def line_of(self, block: Mapping[str, Any], name: str, words: str) -> list[Block]:
        if not words.strip():
            return []
        if block.get("upper"):
            words = words.upper()
        if block.get("label"):
            words = f"**{self.template.label(name)}** {words}"
        style = self.style(block)
        return [Paragraph(words, layout=style, keep_with_next="heading" in style)]

    def fixed_text(self, block: Mapping[str, Any]) -> list[Block]:
        style = self.style(block)
        if style.startswith("heading") or style == "cover_heading":
            return [Heading(block["text"], level=1, in_contents=False, layout=style, keep_with_next=True)]
        return prose_blocks(block["text"]) if style == "body" else [Paragraph(block["text"], layout=style)]

    def section(self, block: Mapping[str, Any]) -> list[Block]:
        numbered = bool(block.get("numbered"))
        upper = bool(block.get("upper"))
        if block.get("field"):
            name = block["field"]
            blocks: list[Block] = [self.heading(block.get("heading") or self.template.label(name), upper, numbered)]
            if block.get("intro_field"):
                blocks += self.field_blocks(block["intro_field"], numbered)
            return blocks + self.field_blocks(name, numbered)
        blocks = [self.heading(block.get("heading") or "", upper, numbered)]
        for name in block["parts"]:
            blocks.append(Paragraph(f"**{self.template.label(name)}**", keep_with_next=True))
            blocks += self.field_blocks(name, numbered)
        return blocks

    def statement(self, block: Mapping[str, Any]) -> list[Block]:
        name = block["field"]
        value = self.values.get(name)
        texts = block["texts"]
        kind = self.template.kinds[name]
        if kind == "yes_no":
            answer = yes(value)
            words = "" if answer is None else texts.get("yes" if answer else "no", "")
        elif kind == "choice":
            words = texts.get(str(value or "").strip().lower(), "")
        else:
            words = texts.get("value", "{value}").replace("{value}", self.text(name)) if not empty(value) else ""
        return [Paragraph(words, layout=str(block.get("style", "body")))] if words else []

    def climate(self, block: Mapping[str, Any]) -> list[Block]:
        """The climate emergency table: each impact Yes or No by the chosen one, the training row, the words."""
        name = block.get("field", "climate")
        chosen = str(self.values.get(name) or "").strip().lower()
        blocks: list[Block] = [self.heading(block.get("heading") or self.template.label(name))]
        if block.get("intro"):
            blocks.append(Paragraph(block["intro"], keep_with_next=True))
        labels = block.get("rows") or {c: f"Have a {c} impact" for c in CLIMATE_CHOICES}
        answer = {c: (self.template.yes if c == chosen else self.template.no) if chosen else "" for c in labels}
        rows = [[Cell(labels[c]), Cell(answer[c], CellKind.ANSWER)] for c in CLIMATE_CHOICES if c in labels]
        training = block.get("training_field")
        if training:
            label = block.get("training_label") or self.template.label(training)
            rows.append([Cell(label), Cell(self.text(training), CellKind.ANSWER)])
        table = Table("climate", [], rows, "", layout="grid", column_shares=(0.8, 0.2), header_scope="row")
        blocks += [Keep((table,)), Space("", 6)]
        if block.get("text_field"):
            blocks += self.field_blocks(block["text_field"])
        return blocks

    def appendix_list(self, block: Mapping[str, Any]) -> list[Block]:
        heading = self.heading(block.get("heading") or self.template.label("appendices"), bool(block.get("upper")))
        if not self.appendices:
            return [heading, Paragraph(block.get("none", "None"))]
        intro = [Paragraph(block["intro"])] if block.get("intro") else []
        return [heading, *intro, *(Paragraph(title) for title in self.appendices)]

    def history(self, block: Mapping[str, Any]) -> list[Block]:
        """A table of rows (Wirral's Subject history: Council Meeting, Date)."""
        name = block["field"]
        heading = self.heading(block.get("heading") or self.template.label(name), bool(block.get("upper")))
        given = self.values.get(name) or []
        if not given:
            return [heading, Paragraph(block.get("none", "None"))]
        columns = block.get("columns", ["Council Meeting", "Date"])
        keys = block.get("keys", ["meeting", "date"])
        body = [
            [
                Cell(format_date(value, self.template) if isinstance(value, dt.date) else str(value))
                for value in (row.get(key, "") for key in keys)
            ]
            for row in given  # type: ignore[attr-defined]
        ]
        shares = (0.7, 0.3) if len(columns) == 2 else tuple(1 / len(columns) for _ in columns)
        table = Table("subject_history", [[Cell(c) for c in columns]], body, "", layout="grid", column_shares=shares)
        return [heading, table]

    def purposes(self, block: Mapping[str, Any]) -> list[Block]:
        """Each of the council's purposes (the template's, in its order) beside what the report contributes to
        it; a purpose left without words says the block's `none` ("NA")."""
        name = block["field"]
        given: Mapping[str, str] = self.values.get(name) or {}  # type: ignore[assignment]
        heading = self.heading(block.get("heading") or self.template.label(name))
        none = block.get("none", "NA")
        rows = [
            [Cell(purpose, bold=True), Cell(given.get(key, "").strip() or none)]
            for key, purpose in purposes_of(self.template, name).items()
        ]
        table = Table(
            name, [], rows, "", layout="label_value", header_scope="row", column_shares=(0.35, 0.65), row_headers=(0,)
        )
        return [heading, table, Space("", 8)]
