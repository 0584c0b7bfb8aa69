"""Reading an action plan from a workbook as people keep it.

A plan's sheet has a title row or two, a header (No. | Priority | … | Progress
RAG Rated, the spellings of resources/action_plan_vocabulary.toml), then for
each theme a heading row (merged across the table, or written alone in the
first column, with perhaps a row describing the theme under it) above its
actions. A header repeated lower down (a plan pasted from Word page by page) is
passed over. Cells keep their line breaks. Every slip of the plan (a gap in
the numbering, a number used twice, an unnumbered action, a milestone that is
not a date, a RAG word that is not one, a RAG column empty for every action)
is a problem naming the file, sheet, row, column and value; no row is dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.action_plans import (
    Action,
    ActionPlan,
    PlanVocabulary,
    Theme,
    load_plan_vocabulary,
    numbering_problems,
    read_status,
)
from desktop_app.domain.imports import Provenance
from desktop_app.domain.milestones import MilestoneKind, read_milestone
from desktop_app.domain.problems import Problem, Severity
from desktop_app.excel.cells import shown
from desktop_app.excel.table import cell_name
from desktop_app.excel.workbook import Sheet, WorkbookError, open_source

HEADER_SEARCH_ROWS = 30
_THEME_ENDINGS = " -–—:"


@dataclass
class PlanImport:
    """A plan as read, where it came from, and every problem found in it."""

    plan: ActionPlan
    provenance: Provenance
    problems: list[Problem] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(problem.severity is severity for problem in self.problems)


def read_action_plan(path: Path, vocabulary: PlanVocabulary | None = None) -> PlanImport:
    """The plan in `path`'s sheets (every sheet with a plan's header, in order); WorkbookError where none has one."""
    vocabulary = vocabulary or load_plan_vocabulary()
    source = open_source(Path(path))
    file = source.provenance.file
    themes: list[Theme] = []
    problems: list[Problem] = []
    title = ""
    headers: dict[str, str] = {}
    for sheet in source.sheets:
        found = _header(sheet, vocabulary)
        if found is None:
            continue
        index, columns = found
        title = title or _title(sheet, index)
        for position, name in columns.items():
            headers.setdefault(name, _text(sheet.rows[index][position]))
        reader = _SheetReader(file, sheet, index, columns, vocabulary)
        themes += reader.themes()
        problems += reader.problems
    if not headers:
        needed = ", ".join(repr(vocabulary.headers[name]) for name in vocabulary.required)
        raise WorkbookError(f"{file}: no sheet has an action plan's header row (it must name {needed})")
    plan = ActionPlan(title or Path(file).stem, file, tuple(themes), headers)
    problems += _plan_problems(plan, vocabulary)
    return PlanImport(plan, source.provenance, problems)


def _text(cell: object) -> str:
    """A cell as text, its line breaks kept (Excel's "\r\n" as "\n"), trimmed; a whole number without ".0"."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, (dt.date, dt.datetime)):
        return shown(cell)
    lines = str(cell).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def _header(sheet: Sheet, vocabulary: PlanVocabulary) -> tuple[int, dict[int, str]] | None:
    """The first row naming every required column, and which column holds which field."""
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns = _columns(row, vocabulary)
        if set(vocabulary.required) <= set(columns.values()):
            return index, columns
    return None


def _columns(row: list[object], vocabulary: PlanVocabulary) -> dict[int, str]:
    columns: dict[int, str] = {}
    for position, cell in enumerate(row):
        name = vocabulary.field_for_header(_text(cell)) if _text(cell) else None
        if name and name not in columns.values():
            columns[position] = name
    return columns


def _title(sheet: Sheet, header: int) -> str:
    """The first words above the header (the plan's title row)."""
    for row in sheet.rows[:header]:
        for cell in row:
            if _text(cell):
                return _text(cell)
    return ""


class _SheetReader:
    """One sheet's themes and actions, and the problems met on the way."""

    def __init__(self, file: str, sheet: Sheet, header: int, columns: dict[int, str], vocabulary: PlanVocabulary):
        self.file, self.sheet, self.header, self.columns, self.vocabulary = file, sheet, header, columns, vocabulary
        self.position = {name: position for position, name in columns.items()}
        self.labels = {name: _text(sheet.rows[header][position]) for position, name in columns.items()}
        self.problems: list[Problem] = []
        self.merged_rows = {
            first_row: (first_column, last_column)
            for (first_row, first_column), (_, last_column) in sheet.merged
            if last_column > first_column
        }

    def problem(self, severity: Severity, message: str, index: int, name: str = "", value: object = "") -> None:
        column = self.labels.get(name, "")
        cell = cell_name(self.position[name], index + 1) if name in self.position else ""
        self.problems.append(
            Problem(severity, message, self.file, self.sheet.name, index + 1, column, cell, _text(value))
        )

    def themes(self) -> list[Theme]:
        themes: list[tuple[str, str, list[Action]]] = []
        previous_was_heading = False
        for index in range(self.header + 1, len(self.sheet.rows)):
            row = self.sheet.rows[index]
            filled = {position: _text(cell) for position, cell in enumerate(row) if _text(cell)}
            if not filled:
                continue
            if set(self.vocabulary.required) <= set(_columns(row, self.vocabulary).values()):
                self.problem(Severity.NOTE, "repeats the header row; read as a header, not an action", index)
                previous_was_heading = False
                continue
            heading = self.heading_text(index, filled)
            if heading is not None:
                if previous_was_heading and themes and not themes[-1][1]:
                    name, _, actions = themes[-1]
                    themes[-1] = (name, heading, actions)
                else:
                    themes.append((heading.rstrip(_THEME_ENDINGS).strip() or heading, "", []))
                previous_was_heading = True
                continue
            previous_was_heading = False
            if not themes:
                themes.append((self.sheet.name, "", []))
            themes[-1][2].append(self.action(index, row, themes[-1][0]))
        number_column = self.labels.get("number", "")
        result = []
        for name, description, actions in themes:
            theme = Theme(name, description, tuple(actions))
            self.problems += numbering_problems(theme, self.file, number_column)
            result.append(theme)
        return result

    def heading_text(self, index: int, filled: dict[int, str]) -> str | None:
        """A theme's heading (or its description): one cell of words, merged across the table or alone in the
        number column; None for an action's row."""
        if len(filled) != 1:
            return None
        ((position, text),) = filled.items()
        merged = self.merged_rows.get(index)
        if merged is not None and merged[0] == position:
            return text
        if position == self.position.get("number") and not text.rstrip(".").isdigit():
            return text
        return None

    def cell(self, row: list[object], name: str) -> object:
        position = self.position.get(name)
        return row[position] if position is not None and position < len(row) else None

    def action(self, index: int, row: list[object], theme: str) -> Action:
        text = {name: _text(self.cell(row, name)) for name in self.position}
        number = text.get("number", "").rstrip(".")
        if index + 1 in self.sheet.facts.hidden_rows:
            self.problem(Severity.NOTE, "the row is hidden in Excel; its action is read", index, "number", number)
        if not text.get("priority"):
            self.problem(Severity.WARNING, "the action has no priority written", index, "priority")
        milestone_position = self.position.get("milestone", -1)
        milestone = read_milestone(
            self.cell(row, "milestone"),
            self.vocabulary.milestones,
            month_cell=(index, milestone_position) in self.sheet.facts.month_cells,
        )
        if milestone.kind is MilestoneKind.UNREAD:
            self.problem(
                Severity.WARNING,
                f"the milestone {milestone.reason}; the action has no completion date",
                index,
                "milestone",
                milestone.text,
            )
        elif milestone.kind is MilestoneKind.NONE:
            self.problem(Severity.WARNING, "the action has no milestone or completion date", index, "milestone")
        given = read_status(text.get("status"), self.vocabulary)
        if given.unknown:
            words = ", ".join(sorted({code.title() for code in self.vocabulary.statuses.values()}))
            self.problem(
                Severity.WARNING,
                f"the RAG rating is not a word the plan's vocabulary knows ({words}); the action is shown as not rated",
                index,
                "status",
                given.text,
            )
        return Action(
            theme=theme,
            number=number,
            priority=text.get("priority", ""),
            sheet=self.sheet.name,
            row=index + 1,
            why=text.get("why", ""),
            deliver=text.get("deliver", ""),
            how=text.get("how", ""),
            responsible=text.get("responsible", ""),
            success=text.get("success", ""),
            milestone=milestone,
            given=given,
            note=text.get("note", ""),
        )


def _plan_problems(plan: ActionPlan, vocabulary: PlanVocabulary) -> list[Problem]:
    """What is wrong with the plan as a whole: no RAG column, or one empty for every action."""
    actions = plan.actions
    if not actions:
        return [Problem(Severity.WARNING, "the plan's header has no actions under it", plan.file)]
    column = plan.headers.get("status", "")
    if not column:
        return [
            Problem(
                Severity.WARNING,
                f"the plan has no RAG column ({vocabulary.headers['status']!r}): no action's progress is given",
                plan.file,
            )
        ]
    if all(action.given.code is None and not action.given.text for action in actions):
        return [
            Problem(
                Severity.WARNING,
                f"the RAG column is empty for every one of the {len(actions)} actions: the plan gives no progress, "
                "so each action is shown as a status rule decides it or as not rated",
                plan.file,
                actions[0].sheet,
                column=column,
            )
        ]
    return []
