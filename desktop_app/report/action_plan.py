"""The action plan appendix as a report model: a plan's progress at a report date (seed 002's shape).

Title page, contents, then: the summary (actions by theme and RAG rating, as a
table and a chart, with the key to the ratings), what changed since the last
report (ratings that moved, new actions, actions closed), the exceptions (red and amber
actions with their milestones and progress notes), the milestones past due,
and the plan in full on landscape pages, a table per theme whose header
repeats on every page. Every count is one of report.action_plan_figures; a
rating is the plan's, or a rule's with its reason printed under it, or "Not
rated": never one made up here.
"""

from __future__ import annotations

from desktop_app.domain.action_plans import PLAN_COLUMNS, Action
from desktop_app.domain.formatting import Formatter
from desktop_app.domain.plan_history import PlanChanges, RatedAction
from desktop_app.domain.plan_progress import FROM_RULE, NOT_RATED, ActionProgress, PlanProgress
from desktop_app.report.action_plan_figures import plan_figures, theme_keys
from desktop_app.report.action_plan_text import PlanText, load_plan_text
from desktop_app.report.appendix import FillsWords, appendix_document, filled_document_words
from desktop_app.report.model import (
    Block,
    Cell,
    CellKind,
    Chart,
    ChartSeries,
    Document,
    Footnote,
    Heading,
    PageOptions,
    Paragraph,
    Section,
    Table,
)
from desktop_app.report.prose import prose_blocks
from desktop_app.report.text import placeholders_in

#: Shares of the text width of the plan's columns (PLAN_COLUMNS' order), on a landscape page.
PLAN_SHARES = (0.035, 0.145, 0.09, 0.14, 0.14, 0.105, 0.13, 0.085, 0.13)
EXCEPTION_SHARES = (0.15, 0.05, 0.3, 0.13, 0.11, 0.26)
PAST_DUE_SHARES = (0.2, 0.06, 0.44, 0.14, 0.16)
MOVED_SHARES = (0.14, 0.05, 0.27, 0.14, 0.14, 0.26)
NEW_SHARES = (0.2, 0.06, 0.54, 0.2)
KEY_SHARES = (0.2, 0.8)
#: The theme column's share of the summary table (the statuses share the rest but the total's tenth).
SUMMARY_THEME_SHARE = 0.3
#: The colour name of the "Not rated" bar and key cell.
NOT_RATED_COLOUR = "table_group_background"


def action_plan_document(
    progress: PlanProgress,
    text: PlanText | None = None,
    options: PageOptions | None = None,
    changes: PlanChanges | None = None,
) -> Document:
    """The appendix of `progress` as a report model: every figure formatted once, every word filled.

    `changes`: what changed since the last report (None: there is no earlier report to compare with)."""
    return PlanBuilder(progress, text or load_plan_text(), options or PageOptions(), changes).document()


class PlanBuilder(FillsWords[PlanText]):
    kind = "action_plan"

    def __init__(
        self, progress: PlanProgress, text: PlanText, options: PageOptions, changes: PlanChanges | None = None
    ) -> None:
        self.progress = progress
        self.text = text
        self.options = options
        self.changes = changes
        self.all_figures = plan_figures(progress, Formatter(), changes)
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}
        self.statuses = progress.rules.statuses
        self.headers = {name: progress.plan.headers.get(name, name) for name in PLAN_COLUMNS}

    # --- words -------------------------------------------------------------------------

    def words(self, key: str) -> str:
        return self.fill(self.text.tables[key], f"[tables] {key}")

    def prose(self, template: str, where: str, keep: bool = False) -> list[Block]:
        names = tuple(dict.fromkeys(placeholders_in(template)))
        return prose_blocks(self.fill(template, where).strip(), keep_last_with_next=keep, figures=names)

    def label(self, status: str) -> str:
        """A status's label; a code an earlier report kept that the rules no longer define, as written."""
        if status in self.statuses:
            return self.statuses[status].label
        return self.words("not_rated") if status == NOT_RATED else status

    # --- the document --------------------------------------------------------------------

    def document(self) -> Document:
        return appendix_document(
            self.kind,
            filled_document_words(self.text.document, self.fill),
            sections=self.sections(),
            options=self.options,
            words=self.words,
            figures=self.all_figures,
            period=(self.words("title_details_progress"), self.figures["as_of"]),
            as_at=self.progress.as_of,
        )

    def sections(self) -> list[Section]:
        tables = {
            "summary": self.summary,
            "changes": self.changed,
            "exceptions": self.exceptions,
            "past_due": self.past_due,
            "plan": self.plan_tables,
        }
        sections = []
        for key, section in self.text.sections.items():
            where = f"[sections.{key}]"
            # the sentence before a table stays with it; the plan's tables run over pages, so not theirs
            if key == "changes" and self.changes is None:  # its words name the earlier report's date
                blocks = self.prose(self.text.tables["changes_first_report"], "[tables] changes_first_report")
                sections.append(Section(key, self.fill(section.title, f"{where} title"), blocks))
                continue
            blocks = self.prose(section.text, f"{where} text", keep=key != "plan")
            blocks += tables[key]()
            blocks += self.prose(section.more_text, f"{where} more_text")
            sections.append(Section(key, self.fill(section.title, f"{where} title"), blocks, landscape=key == "plan"))
        return sections

    # --- the summary -----------------------------------------------------------------------

    def summary(self) -> list[Block]:
        codes = self.progress.status_codes()
        header = [Cell(self.words("summary_theme")), *(Cell(self.label(code)) for code in codes)]
        header.append(Cell(self.words("summary_total")))
        keys = theme_keys([theme.name for theme in self.progress.plan.themes])
        body = []
        for theme, key in [*keys.items(), (self.words("summary_all"), "")]:
            prefix = f"theme_{key}" if key else "total"
            names = [f"{prefix}_{code}" for code in (*codes, "total")]
            bold = not key
            body.append(
                [Cell(theme, bold=bold), *(Cell(self.figures[n], CellKind.COUNT, bold, figure=n) for n in names)]
            )
        statuses = len(header) - 2
        table = Table(
            "plan_summary",
            [header],
            body,
            "",
            total_rows=(len(body),),
            caption=self.words("chart_title"),
            column_shares=(SUMMARY_THEME_SHARE, *([(0.9 - SUMMARY_THEME_SHARE) / statuses] * statuses), 0.1),
        )
        return [table, self.chart(keys), *self.key()]

    def chart(self, keys: dict[str, str]) -> Chart:
        """Actions by theme, a stacked bar per theme with a part per rating; its alternative text says each count."""
        codes = self.progress.status_codes()
        series = tuple(
            ChartSeries(
                self.label(code),
                tuple(float(self.all_figures[f"theme_{key}_{code}"].value or 0) for key in keys.values()),
                style="bars",
                colour=self.statuses[code].colour if code in self.statuses else NOT_RATED_COLOUR,
            )
            for code in codes
        )
        parts = []
        for theme, key in keys.items():
            shares = ", ".join(
                f"{self.figures[f'theme_{key}_{code}']} {self.label(code).lower()}"
                for code in codes
                if self.all_figures[f"theme_{key}_{code}"].value
            )
            parts.append(f"{theme}: {self.figures[f'theme_{key}_total']} actions ({shares or 'none'})")
        alt = (
            f"Stacked bar chart of the plan's {self.figures['actions_total']} actions by theme and RAG rating at "
            f"{self.figures['as_of']}. " + "; ".join(parts) + "."
        )
        return Chart("plan_status", "status_bars", self.words("chart_title"), tuple(keys), series, alt)

    def key(self) -> list[Block]:
        """What each rating means (the plan's words for it are shaded in its colour), and the rules' note."""
        header = [Cell(self.words("key_status")), Cell(self.words("key_meaning"))]
        body = [
            [Cell(status.label, background=status.colour), Cell(status.meaning)] for status in self.statuses.values()
        ]
        body.append([Cell(self.words("not_rated"), background=NOT_RATED_COLOUR), Cell(self.words("key_not_rated"))])
        blocks: list[Block] = [Table("plan_key", [header], body, "", layout="key", column_shares=KEY_SHARES)]
        if any(item.source == FROM_RULE for item in self.progress.actions):
            blocks.append(Footnote(self.words("rule_footnote")))
        return blocks

    # --- what changed since the last report ------------------------------------------------

    def changed(self) -> list[Block]:
        """The ratings that moved (from, to, the note now), the new actions, the actions closed."""
        changes = self.changes
        if changes is None:
            return []
        if not changes.any:
            return [Paragraph(self.words("changes_nothing"))]
        blocks: list[Block] = []
        if changes.moved:
            header = [Cell(self.words(f"exceptions_{name}")) for name in ("theme", "number", "priority")] + [
                Cell(self.words(name)) for name in ("changes_was", "changes_now", "exceptions_note")
            ]
            body = [
                [
                    *self.action_cells(move.after),
                    self.rating_cell(move.before),
                    self.rating_cell(move.after),
                    Cell(move.after.note or self.words("no_note")),
                ]
                for move in changes.moved
            ]
            blocks += self.change_table("moved", header, body, MOVED_SHARES)
        for key, ratings, heading in (
            ("new", changes.new, "changes_now"),
            ("closed", changes.closed, "changes_last"),
        ):
            if ratings:
                header = [Cell(self.words(f"exceptions_{name}")) for name in ("theme", "number", "priority")]
                header.append(Cell(self.words(heading)))
                body = [[*self.action_cells(rating), self.rating_cell(rating)] for rating in ratings]
                blocks += self.change_table(key, header, body, NEW_SHARES)
        return blocks

    def change_table(
        self, key: str, header: list[Cell], body: list[list[Cell]], shares: tuple[float, ...]
    ) -> list[Block]:
        title = self.words(f"changes_{key}_heading")
        return [
            Heading(title, level=2, in_contents=False, keep_with_next=True),
            Table(f"plan_{key}", [header], body, "", caption=title, layout="small_words", column_shares=shares),
        ]

    def action_cells(self, rating: RatedAction) -> list[Cell]:
        return [Cell(rating.theme), Cell(rating.number or self.words("unnumbered")), Cell(rating.priority)]

    def rating_cell(self, rating: RatedAction) -> Cell:
        """A rating as it was or is, shaded in its colour; "Set by rule" under one a rule decided."""
        colour = self.statuses[rating.status].colour if rating.status in self.statuses else None
        muted = self.words("changes_by_rule") if rating.source == FROM_RULE else ""
        return Cell(f"**{self.label(rating.status)}**", background=colour, muted=muted)

    # --- exceptions and past due ----------------------------------------------------------

    def status_cell(self, item: ActionProgress, note: bool = False) -> Cell:
        """The action's rating, shaded in its colour; a rule's reason, or the plan's unknown word, under it."""
        given = item.action.given
        if item.status == NOT_RATED and given.unknown:
            return Cell(given.text, muted=item.reason)
        colour = self.statuses[item.status].colour if item.status in self.statuses else None
        words = f"**{self.label(item.status)}**"
        if note and item.action.progress_note:
            words += f"\n{item.action.progress_note}"
        muted = self.words("by_rule") + item.reason if item.source == FROM_RULE else ""
        return Cell(words, background=colour, muted=muted)

    def exceptions(self) -> list[Block]:
        items = self.progress.exceptions()
        if not items:
            return [Paragraph(self.words("no_exceptions"))]
        header = [
            Cell(self.words(f"exceptions_{name}"))
            for name in ("theme", "number", "priority", "milestone", "status", "note")
        ]
        body = [
            [
                Cell(item.action.theme),
                Cell(item.action.number),
                Cell(item.action.priority),
                self.milestone_cell(item),
                self.status_cell(item),
                Cell(item.action.progress_note or self.words("no_note")),
            ]
            for item in items
        ]
        return [Table("plan_exceptions", [header], body, "", layout="small_words", column_shares=EXCEPTION_SHARES)]

    def past_due(self) -> list[Block]:
        items = self.progress.past_due()
        if not items:
            return [Paragraph(self.words("past_due_none"))]
        header = [
            Cell(self.words(f"exceptions_{name}")) for name in ("theme", "number", "priority", "milestone", "status")
        ]
        body = [
            [
                Cell(item.action.theme),
                Cell(item.action.number),
                Cell(item.action.priority),
                Cell(item.action.milestone.text),
                self.status_cell(item),
            ]
            for item in items
        ]
        return [Table("plan_past_due", [header], body, "", layout="small_words", column_shares=PAST_DUE_SHARES)]

    def milestone_cell(self, item: ActionProgress) -> Cell:
        """The milestone as written, with "past due" under it where it has passed and the action is not complete."""
        return Cell(item.action.milestone.text, muted="past due" if item.past_due else "")

    # --- the plan ------------------------------------------------------------------------------

    def plan_tables(self) -> list[Block]:
        by_action = {id(item.action): item for item in self.progress.actions}
        header = [Cell(self.headers[name]) for name in PLAN_COLUMNS]
        blocks: list[Block] = []
        for number, theme in enumerate(self.progress.plan.themes):
            body: list[list[Cell]] = []
            group_rows: tuple[int, ...] = ()
            if theme.description:
                body.append([Cell(theme.description), *(Cell() for _ in PLAN_COLUMNS[1:])])
                group_rows = (1,)
            body += [self.plan_row(action, by_action[id(action)]) for action in theme.actions]
            blocks.append(
                Table(
                    f"plan_theme_{number + 1}",
                    [header],
                    body,
                    "",
                    group_rows=group_rows,
                    caption=theme.name,
                    layout="small_words",
                    column_shares=PLAN_SHARES,
                    heading=theme.name,
                    heading_continued=f"{theme.name} {self.words('plan_continued')}",
                    rows_split=True,
                )
            )
        return blocks

    def plan_row(self, action: Action, item: ActionProgress) -> list[Cell]:
        cells = {
            "number": Cell(action.number),
            "milestone": self.milestone_cell(item),
            "status": self.status_cell(item, note=True),
        }
        return [cells.get(name) or Cell(getattr(action, name)) for name in PLAN_COLUMNS]
