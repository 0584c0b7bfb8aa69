"""An action plan with RAG progress: its shape, its words, and the slips in its numbering.

A partnership's plan (seed 002's Domestic Abuse Action Plan 2023-2028) is a set
of themes, each a table of numbered actions: priority, why, what and how it
will deliver, who is responsible, how success is known, the milestones and
completion date, and the progress RAG rating. The column names, RAG words and
milestone words are data (resources/action_plan_vocabulary.toml); what each
status means and the rules that decide a status the plan leaves blank are data
too (resources/action_plan_rules.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.milestones import Milestone, MilestoneKind, MilestoneWords
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.domain.vocabulary import add_spellings, normalise
from desktop_app.paths import RESOURCES

DEFAULT_PLAN_VOCABULARY = RESOURCES / "action_plan_vocabulary.toml"
DEFAULT_PLAN_RULES = RESOURCES / "action_plan_rules.toml"
#: The columns of a plan, in the order the appendix prints them (`note` is printed with the exceptions).
PLAN_COLUMNS = ("number", "priority", "why", "deliver", "how", "responsible", "success", "milestone", "status")
FIELDS = (*PLAN_COLUMNS, "note")
RULE_MILESTONES = (
    "passed",
    "due_within",
    "not_due",
    *(kind.value for kind in MilestoneKind if kind.value not in ("date", "month")),
)
#: What separates a RAG word from the note after it in one cell ("Amber - delayed", "Green: done").
_STATUS_SEPARATOR = re.compile(r"\s*(?:\n|[-–—:;,.(]\s|[-–—:;,(]|$)")


@dataclass(frozen=True)
class PlanVocabulary:
    """The headers a plan's columns may have, its RAG words, and its milestone words."""

    columns: dict[str, str]  # normalised header -> field
    required: tuple[str, ...]
    statuses: dict[str, str]  # normalised RAG word -> status code
    milestones: MilestoneWords
    headers: dict[str, str]  # field -> its first spelling, for messages

    def field_for_header(self, header: object) -> str | None:
        return self.columns.get(normalise(header))


@dataclass(frozen=True)
class Status:
    """A RAG status: its label, what it means, its colour name, whether it is an exception, whether done."""

    code: str
    label: str
    meaning: str
    colour: str
    exception: bool = False
    complete: bool = False


@dataclass(frozen=True)
class StatusRule:
    """Decides `status` for an action the plan gives none, where its milestone is `milestone` (within
    `days` of the report date, for 'due_within' and 'not_due')."""

    status: str
    milestone: str
    reason: str
    days: int | None = None


@dataclass(frozen=True)
class PlanRules:
    statuses: dict[str, Status]  # in the order the appendix lists them
    rules: tuple[StatusRule, ...]
    source: str = "action_plan_rules.toml"


@settings_file
def load_plan_vocabulary(path: Path = DEFAULT_PLAN_VOCABULARY) -> PlanVocabulary:
    """The plan's words; a mistake names the file and key."""
    data = read_toml(path)
    where = path.name
    columns: dict[str, str] = {}
    headers: dict[str, str] = {}
    for name, spellings in data.get("columns", {}).items():
        if name not in FIELDS:
            raise ResourceFileError(f"{where}: [columns] {name!r} is not a column of a plan; use one of {list(FIELDS)}")
        add_spellings(columns, where, "[columns]", name, spellings)
        headers[name] = spellings[0]
    required = tuple(data.get("required", {}).get("columns", ()))
    missing = [name for name in required if name not in headers]
    if missing:
        raise ResourceFileError(f"{where}: [required] columns names {missing[0]!r}, which [columns] does not spell")
    statuses: dict[str, str] = {}
    for code, spellings in data.get("statuses", {}).items():
        add_spellings(statuses, where, "[statuses]", code, spellings)
    words = data.get("milestones", {})
    milestones = MilestoneWords(tuple(words.get("ongoing", ())), tuple(words.get("recurring", ())))
    return PlanVocabulary(columns, required, statuses, milestones, headers)


@settings_file
def load_plan_rules(path: Path = DEFAULT_PLAN_RULES, vocabulary: PlanVocabulary | None = None) -> PlanRules:
    """The statuses and the rules; a rule naming a status the file does not define, or a status the
    vocabulary has no words for, is an error naming it."""
    data = read_toml(path)
    where = path.name
    statuses: dict[str, Status] = {}
    for code, spec in data.get("status", {}).items():
        _known_keys(spec, {"label", "meaning", "colour", "exception", "complete"}, f"{where}: [status.{code}]")
        statuses[code] = Status(
            code,
            str(spec["label"]),
            str(spec.get("meaning", "")),
            str(spec["colour"]),
            bool(spec.get("exception", False)),
            bool(spec.get("complete", False)),
        )
    if vocabulary is not None:
        for code in sorted(set(vocabulary.statuses.values()) - set(statuses)):
            raise ResourceFileError(
                f"{where}: the vocabulary has words for the status {code!r}, but [status.{code}] is missing"
            )
    rules = []
    for number, spec in enumerate(data.get("rules", []), start=1):
        here = f"{where}: [[rules]] number {number}"
        _known_keys(spec, {"status", "milestone", "reason", "days"}, here)
        if spec.get("status") not in statuses:
            raise ResourceFileError(f"{here}: status {spec.get('status')!r} is not one of [status]: {list(statuses)}")
        if spec.get("milestone") not in RULE_MILESTONES:
            raise ResourceFileError(
                f"{here}: milestone {spec.get('milestone')!r} is not one of {list(RULE_MILESTONES)}"
            )
        days = spec.get("days")
        if spec["milestone"] == "due_within" and (isinstance(days, bool) or not isinstance(days, int) or days < 0):
            raise ResourceFileError(f"{here}: 'due_within' needs days, a whole number of at least 0")
        rules.append(StatusRule(spec["status"], spec["milestone"], str(spec.get("reason", "")), days))
    return PlanRules(statuses, tuple(rules), where)


def _known_keys(spec: dict[str, Any], known: set[str], where: str) -> None:
    extra = sorted(set(spec) - known)
    if extra:
        raise ResourceFileError(f"{where}: unknown key {extra[0]!r}; use {sorted(known)}")


@dataclass(frozen=True)
class GivenStatus:
    """What the plan's RAG cell says: the status it names (None: blank, or a word the vocabulary does not
    know, kept in `text`), and the note written after the word."""

    code: str | None
    text: str = ""
    note: str = ""

    @property
    def unknown(self) -> bool:
        return self.code is None and bool(self.text)


def read_status(text: object, vocabulary: PlanVocabulary) -> GivenStatus:
    """The status a RAG cell names: the whole cell, or its first words before a note ("Amber - delayed")."""
    written = "" if text is None else str(text).strip()
    if not written:
        return GivenStatus(None)
    whole = vocabulary.statuses.get(normalise(written))
    if whole:
        return GivenStatus(whole, written)
    for separator in _STATUS_SEPARATOR.finditer(written):
        head = written[: separator.start()]
        code = vocabulary.statuses.get(normalise(head)) if head else None
        if code:
            return GivenStatus(code, head, written[separator.end() :].strip())
    return GivenStatus(None, written)


@dataclass(frozen=True)
class Action:
    """One action of a plan, its cells as written (multi-paragraph cells keep their line breaks)."""

    theme: str
    number: str  # as written ("7"; "" where the plan gives none)
    priority: str
    sheet: str
    row: int  # Excel's row number
    why: str = ""
    deliver: str = ""
    how: str = ""
    responsible: str = ""
    success: str = ""
    milestone: Milestone = field(default_factory=lambda: Milestone(MilestoneKind.NONE, ""))
    given: GivenStatus = field(default_factory=lambda: GivenStatus(None))
    note: str = ""

    @property
    def progress_note(self) -> str:
        """The note after the RAG word, and the note column's, together."""
        return "\n".join(part for part in (self.given.note, self.note) if part)


@dataclass(frozen=True)
class Theme:
    name: str
    description: str = ""
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class ActionPlan:
    """A plan as read: its title (the sheet's title row, else the file's name), themes, and headers as written."""

    title: str
    file: str
    themes: tuple[Theme, ...]
    headers: dict[str, str] = field(default_factory=dict)  # field -> the header as the plan writes it

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(action for theme in self.themes for action in theme.actions)


def numbering_problems(theme: Theme, file: str, column: str) -> list[Problem]:
    """The slips in a theme's numbering: an unnumbered action, a number used twice, a gap."""
    problems = []
    seen: dict[int, Action] = {}
    previous: int | None = None

    def slip(action: Action, message: str, value: str) -> None:
        problems.append(
            Problem(Severity.WARNING, f"{theme.name}: {message}", file, action.sheet, action.row, column, value=value)
        )

    for action in theme.actions:
        if not action.number:
            after = f" (after {previous})" if previous is not None else ""
            slip(action, f"an action has no number{after}", _short(action.priority))
            continue
        number = _whole(action.number)
        if number is None:
            continue
        if number in seen:
            slip(action, f"number {number} is used twice (first on row {seen[number].row})", action.number)
        elif previous is not None and number > previous + 1:
            slip(action, f"the numbering skips {_range_words(previous + 1, number - 1)}", action.number)
        seen.setdefault(number, action)
        previous = number if previous is None else max(previous, number)
    return problems


def _whole(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _range_words(first: int, last: int) -> str:
    return str(first) if first == last else f"{first} to {last}"


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
