"""The Annual Complaints Report appendix as a report model (seed 002's shape).

Title page, contents, then the sections of the report text file in order:
the introduction with its key figures table, the procedure with the time
limits (from the rules, never typed again), the performance with a stage
table per procedure, the themes table with a note per theme, the Ombudsman
contacts, and the author's remaining sections. Every figure is one of
`complaint_figures`, every word the text file's or the author's; each figure
cell says which complaints it counts (`Selection`), so the window can list
them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from desktop_app.domain.complaint_measures import (
    COMPLAINANT_GROUPS,
    left_out_for_unread_cells,
    left_out_of_upheld,
    ombudsman_register,
    theme_names,
)
from desktop_app.domain.complaints import OMBUDSMAN, ComplaintsSummary
from desktop_app.domain.formatting import Formatter, long_date
from desktop_app.domain.lessons import LessonEntry, LessonsReport, lessons_report, load_lessons_vocabulary
from desktop_app.domain.rules import ComplaintRules
from desktop_app.domain.vocabulary import load_vocabulary
from desktop_app.report.appendix import FillsWords, appendix_document, filled_document_words
from desktop_app.report.complaints_figures import (
    NOT_RECORDED,
    complaint_figures,
    keys_of,
    ombudsman_decided_keys,
    putter,
    stage_key,
)
from desktop_app.report.equality_figures import enquiry_figures, equality_figures
from desktop_app.report.equality_tables import enquiry_blocks, equality_blocks
from desktop_app.report.labels import LABEL_LIMIT, shortened, too_long
from desktop_app.report.lessons_figures import lessons_figures
from desktop_app.report.lessons_tables import lessons_blocks
from desktop_app.report.model import (
    Block,
    Cell,
    CellKind,
    Document,
    Figure,
    Heading,
    Note,
    PageOptions,
    Paragraph,
    Section,
    Selection,
    Span,
    Table,
)
from desktop_app.report.prose import prose_blocks
from desktop_app.report.remedies_figures import remedies_figures
from desktop_app.report.remedies_tables import compliments_blocks, remedies_tables
from desktop_app.report.text import ReportText, ReportTextError, load_report_text, placeholders_in

#: What the who-complained section also counts, where the log records it: its words, count and share figures.
ALSO_RECORDED = (
    ("cared_for", "cared_for_complaints", "cared_for_pct"),
    ("advocacy", "advocacy_provided", "advocacy_provided_pct"),
    ("representations", "representations", ""),
)
#: A row of an Ombudsman table by decision: its label, the name of its figure, the decision the window lists.
DecisionRow = tuple[str, str, str | None]


def complaints_document(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    text: ReportText | None = None,
    options: PageOptions | None = None,
    suppress_below: int | None = None,
    lessons: Sequence[LessonEntry] | None = None,
) -> Document:
    """The appendix of `summary` as a report model: every figure formatted once, every word filled; with the
    lessons-learned register's entries where given."""
    text = text or load_report_text()
    return ComplaintsBuilder(summary, rules, text, options or PageOptions(), suppress_below, lessons).document()


class ComplaintsBuilder(FillsWords[ReportText]):
    """Fills the words and lays out the tables of one report (a subclass builds another report from the
    same log: report.adults_complaints)."""

    #: The report model's kind (report.details.APPENDICES).
    kind = "complaints"
    #: Every theme gets a sub-heading after the themes table (else only the themes the author wrote on).
    every_theme_noted = True
    #: The section that prints the lessons-learned register after its words.
    lessons_section = "learning"
    #: The report's regime: the lessons-learned register prints only its services' points
    #: (resources/lessons_vocabulary.toml's [reports.REGIME]).
    regime = "childrens"

    def __init__(
        self,
        summary: ComplaintsSummary,
        rules: ComplaintRules,
        text: ReportText,
        options: PageOptions,
        suppress_below: int | None,
        lessons: Sequence[LessonEntry] | None = None,
    ) -> None:
        if suppress_below is not None and (isinstance(suppress_below, bool) or suppress_below < 2):
            raise ValueError(f"suppress_below must be a whole number of at least 2, not {suppress_below!r}")
        self.summary = summary
        self.rules = rules
        self.text = text
        self.options = options
        self.suppress_below = suppress_below
        self.has_last_year = summary.previous is not None
        self.all_figures = self.figures_of(Formatter(suppress_below))
        vocabulary = load_vocabulary()
        words = vocabulary.words()
        put = putter(self.all_figures)
        remedies_figures(put, summary, text.procedures, words, Formatter(suppress_below))
        equality_figures(put, summary, text.procedures, words, suppress_below or vocabulary.equality_suppress_below)
        enquiry_figures(put, summary, text.procedures, Formatter(suppress_below))
        self.lessons = lessons
        self.lessons_vocabulary = load_lessons_vocabulary()
        self.lessons_report: LessonsReport | None = (
            None
            if lessons is None
            else lessons_report(lessons, self.lessons_vocabulary, summary.as_of, report=self.regime)
        )
        lessons_figures(put, self.lessons_report, self.lessons_vocabulary)
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}

    def figures_of(self, formatter: Formatter) -> dict[str, Figure]:
        """Every figure of the report, by name."""
        return complaint_figures(self.summary, self.rules, self.text.procedures, self.text.figures, formatter)

    # --- words -------------------------------------------------------------------------

    def words(self, key: str) -> str:
        return self.fill(self.text.words(key), f"[tables] {key}")

    def prose(
        self, template: str, where: str, figures: Mapping[str, str] | None = None, keep: bool = False
    ) -> list[Block]:
        names = tuple(dict.fromkeys(placeholders_in(template)))
        return prose_blocks(self.fill(template, where, figures), keep_last_with_next=keep, figures=names)

    def figure(self, name: str, where: str) -> str:
        """A figure by name, for a table cell; an unknown name is named."""
        return self.fill("{" + name + "}", where)

    # --- the document --------------------------------------------------------------------

    def document(self) -> Document:
        return appendix_document(
            self.kind,
            filled_document_words(self.text.document, self.fill),
            sections=self.sections(),
            options=self.options,
            words=self.words,
            figures=self.all_figures,
            period=(self.words("title_details_figures"), self.figures["as_of"]),
            as_at=self.summary.as_of,
        )

    def section_tables(self) -> dict[str, Callable[[], list[Block]]]:
        """The table (and its notes) each section carries after its text, by the section's key."""
        return {
            "introduction": self.key_figures_table,
            "procedure": self.limits_table,
            "performance": self.performance_tables,
            "complainants": self.complainants_tables,
            "themes": self.themes_table,
            "ombudsman": self.ombudsman_tables,
            "remedies": lambda: remedies_tables(self),
            "compliments": lambda: compliments_blocks(self),
        }

    def section_text(self, key: str) -> str:
        """The words of a section before its table."""
        return self.text.sections[key].text

    def sections(self) -> list[Section]:
        """The text file's sections, each with its table; equality monitoring and enquiries by ward in every
        report whose text file has their sections."""
        tables = {"equality": lambda: equality_blocks(self), "enquiries": lambda: enquiry_blocks(self)}
        tables.update(self.section_tables())
        sections = []
        for key, section in self.text.sections.items():
            where = f"[sections.{key}]"
            table = tables.get(key)
            blocks = self.prose(self.section_text(key), f"{where} text", keep=table is not None)
            if table is not None:
                blocks += table()
            if self.has_last_year and section.year_on_year:
                blocks += self.prose(section.year_on_year, f"{where} year_on_year")
            if key == "themes":
                blocks += self.theme_notes()
            blocks += self.prose(section.more_text, f"{where} more_text")
            if key == self.lessons_section:
                blocks += lessons_blocks(self)
            sections.append(Section(key, self.fill(section.title, f"{where} title"), blocks))
        return sections

    # --- tables ------------------------------------------------------------------------

    def header(self, *words: str) -> list[Cell]:
        return [Cell(w) for w in words]

    def numbers(self, label: str, *values: str | Cell, bold: bool = False) -> list[Cell]:
        """A row: its label, then its figures (bold for a total)."""
        cells = [Cell(label, bold=bold)]
        for value in values:
            cell = value if isinstance(value, Cell) else Cell(value, CellKind.NUMBER)
            cells.append(Cell(cell.text, cell.kind, bold, cell.figure, cell.selection))
        return cells

    def named(self, name: str, kind: CellKind, selection: Selection | None = None) -> Cell:
        """The cell of figure `name`."""
        return Cell(self.figures[name], kind, figure=name, selection=selection)

    def suppression_notes(self) -> list[str]:
        return [self.words("suppression_footnote")] if self.suppress_below else []

    def footnoted_table(
        self, key: str, columns: list[str], body: list[list[Cell]], widths: str, footnote: str, total: bool = True
    ) -> Table:
        """A table of one header row (its first column the caption), its last row a total where `total`, and
        `footnote` (then the suppression footnote) kept on its page."""
        return Table(
            key,
            [self.header(*columns)],
            body,
            widths,
            total_rows=(len(body),) if total else (),
            footnotes=[footnote, *self.suppression_notes()],
            caption=columns[0],
            layout="table_kept_with_footnotes",
        )

    def key_figures_table(self) -> list[Block]:
        if not self.text.key_figures:
            return []
        where = "[[key_figures]]"
        columns = [self.words("key_figures_heading"), self.words("key_figures_this_year")]
        if self.has_last_year:
            columns += [self.words("key_figures_last_year"), self.words("key_figures_change")]
        body = []
        for row in self.text.key_figures:
            values = [Cell(self.figure(row.this_year, where), CellKind.NUMBER, figure=row.this_year)]
            if self.has_last_year:
                values += [
                    Cell(self.figure(row.last_year, where), CellKind.NUMBER, figure=row.last_year)
                    if row.last_year
                    else Cell("", CellKind.NUMBER),
                    Cell(self.figure(row.change, where), CellKind.ARROW, figure=row.change)
                    if row.change
                    else Cell("", CellKind.ARROW),
                ]
            body.append(self.numbers(self.fill(row.label, where), *values))
        widths = "key_figures" if self.has_last_year else "key_figures_without_last_year"
        return [Table("key_figures", [self.header(*columns)], body, widths, footnotes=self.suppression_notes())]

    def limits_table(self) -> list[Block]:
        """The time limits of each of the report's procedures, from the rules (never typed again)."""
        header = self.header(
            self.words("limits_stage"),
            self.words("limits_respond"),
            self.words("limits_extended"),
            self.words("limits_acknowledge"),
        )
        body: list[list[Cell]] = []
        group_rows = []
        for role, procedure in self.text.procedures.items():
            spec = self.rules.procedures[procedure]
            group_rows.append(1 + len(body))
            title = self.figures[f"{role}_label"]
            if self.figures[f"{role}_regulations"]:
                title = f"**{title}**: {self.figures[f'{role}_regulations']}"
            body.append([Cell(title), Cell(), Cell(), Cell()])
            for code, stage in spec.stages.items():
                if stage.response is None:
                    continue
                name = f"{role}_{stage_key(code)}"
                limits = [
                    self.named(f"{name}_{limit}", CellKind.DAYS)
                    if f"{name}_{limit}" in self.figures
                    else Cell("–", CellKind.DAYS)
                    for limit in ("limit", "extended_limit", "acknowledgement_limit")
                ]
                body.append(self.numbers(self.figures[f"{name}_label"], *limits))
        return [Table("limits", [header], body, "limits", group_rows=tuple(group_rows))]

    def stage_tables(self) -> list[Block]:
        """A Stage table per procedure: Total, Response within timescale*, Upheld (and last year's Total)."""
        tables: list[Table] = []
        for role, procedure in self.text.procedures.items():
            heading = (
                self.words(f"{role}_stages_heading")
                if f"{role}_stages_heading" in self.text.tables
                else self.figures[f"{role}_label"]
            )
            columns = [heading, self.words("stages_total"), self.words("stages_in_time"), self.words("stages_upheld")]
            if self.has_last_year:
                columns += [self.words("stages_last_year"), self.words("stages_change")]
            body = []
            for code in self.rules.procedures[procedure].stages:
                name = f"{role}_{stage_key(code)}"
                label = self.figures[f"{name}_label"]
                where = f"{heading}, {label}"

                select = [
                    self.stage_selection(f"{where} – {columns[column]}", procedure, code, measure, column == 4)
                    for column, measure in ((1, "received"), (2, "in_time"), (3, "upheld"), (4, "received"))
                    if column < len(columns)
                ]
                timed = self.rules.procedures[procedure].stages[code].response is not None
                values = [
                    self.named(f"{name}_received", CellKind.COUNT, select[0]),
                    self.named(f"{name}_in_time_pct", CellKind.PERCENT, select[1] if timed else None),
                    self.named(f"{name}_upheld_pct", CellKind.PERCENT, select[2]),
                ]
                if self.has_last_year:
                    values += [
                        self.named(f"{name}_received_last_year", CellKind.COUNT, select[3]),
                        self.named(f"{name}_change_arrow", CellKind.ARROW),
                    ]
                body.append(self.numbers(label, *values))
            widths = "stages" if self.has_last_year else "stages_without_last_year"
            tables.append(Table(f"stages_{role}", [self.header(*columns)], body, widths, caption=heading))
        # The footnote once, under the last table and kept on its page; then what was left out, and why.
        last = tables[-1]
        last.footnotes += [self.words("finalised_footnote"), *self.suppression_notes()]
        last.layout = "table_kept_with_footnotes"
        return [*tables, *self.left_out_notes()]

    def performance_tables(self) -> list[Block]:
        """The stage tables, then each stage's responses in time within its limit and within an extension."""
        return [*self.stage_tables(), self.response_times_table()]

    def response_times_table(self) -> Table:
        """Per procedure and stage with a response clock: finalised, in time within the limit, in time within
        an agreed extension (the statutory guidance counts them apart), and in time in all."""
        columns = [
            self.words(f"response_times_{word}")
            for word in ("stage", "finalised", "within_limit", "within_extension", "in_time")
        ]
        body: list[list[Cell]] = []
        group_rows = []
        for role, procedure in self.text.procedures.items():
            group_rows.append(1 + len(body))
            body.append([Cell(self.figures[f"{role}_label"]), *(Cell() for _ in columns[1:])])
            for code, stage in self.rules.procedures[procedure].stages.items():
                if stage.response is None:
                    continue
                name = f"{role}_{stage_key(code)}"
                label = self.figures[f"{name}_label"]
                where = f"{self.figures[f'{role}_label']}, {label}"
                in_time = self.stage_selection(f"{where} – {columns[4]}", procedure, code, "in_time")
                values = [
                    self.named(f"{name}_finalised", CellKind.COUNT),
                    self.named(f"{name}_in_time_within_limit_pct", CellKind.PERCENT),
                    self.named(f"{name}_in_time_within_extension_pct", CellKind.PERCENT)
                    if stage.response.extended_limit is not None
                    else Cell(self.words("response_times_no_extension"), CellKind.PERCENT),
                    self.named(f"{name}_in_time_pct", CellKind.PERCENT, in_time),
                ]
                body.append(self.numbers(label, *values))
        return Table(
            "response_times",
            [self.header(*columns)],
            body,
            "response_times",
            group_rows=tuple(group_rows),
            footnotes=[self.words("response_times_footnote"), *self.suppression_notes()],
            caption=columns[0],
            layout="table_kept_with_footnotes",
        )

    def left_out_notes(self) -> list[Block]:
        """A data-quality note for each reason complaints are left out of a figure: an outcome that gives no
        finding (the upheld figure), a date or extension that cannot be read (the figures that need it)."""
        left_out = left_out_of_upheld(self.summary, self.text.procedures)
        formatter = Formatter(self.suppress_below)
        notes: list[Block] = []
        blank = left_out.pop("", 0)
        unread = sum(left_out.values())
        if unread:
            written = ", ".join(f"'{word}' ({formatter.count(count)})" for word, count in left_out.items())
            figures = {"count": formatter.count(unread), "words": written, "complaints_are": _are(unread)}
            notes.append(Note(self.fill(self.text.words("upheld_unknown_outcome_note"), "[tables]", figures)))
        if blank:
            figures = {"count": formatter.count(blank), "complaints_are": _are(blank)}
            notes.append(Note(self.fill(self.text.words("upheld_no_outcome_note"), "[tables]", figures)))
        for column, count in left_out_for_unread_cells(self.summary, self.text.procedures).items():
            figures = {"count": formatter.count(count), "complaints_are": _are(count)}
            notes.append(Note(self.fill(self.text.words(f"unread_{column}_note"), "[tables]", figures)))
        return notes

    @staticmethod
    def stage_selection(label: str, procedure: str, code: str, measure: str, last_year: bool = False) -> Selection:
        """The complaints a stage table's cell counts ('…, Stage 1 – Response within timescale')."""
        return Selection(label.rstrip("*"), procedure, code, measure, last_year=last_year)

    def themes_table(self) -> list[Block]:
        """Themes of Stage 1 complaints: the procedures side by side, received and upheld, with a TOTAL."""
        return self.themes_by_procedure("themes", last_year=False, what="theme")

    def themes_by_procedure(self, widths: str, last_year: bool, what: str) -> list[Block]:
        """Stage 1 complaints received and upheld by theme for each of the report's procedures (side by side
        under a heading each where there are several), with last year's received where `last_year`, and a
        TOTAL row; `what` the log's themes are called in the note on labels shortened to fit."""
        roles = list(self.text.procedures)
        words = {"received": self.words("themes_received"), "upheld": self.words("themes_upheld")}
        if last_year:
            words["received_last_year"] = self.words("themes_last_year")
        headings = {
            role: self.words(f"themes_{role}")
            if f"themes_{role}" in self.text.tables
            else self.figures[f"{role}_label"]
            for role in roles
        }
        second = [Cell(self.words("themes_theme")), *(Cell(word) for _ in roles for word in words.values())]
        header, spans = [second], []
        if len(roles) > 1:  # a row of the procedures' headings over their columns
            top, spans = [Cell(self.words("themes_theme"))], [Span(0, 0, rows=2)]
            for number, role in enumerate(roles):
                top += [Cell(headings[role]), *(Cell() for _ in range(len(words) - 1))]
                spans.append(Span(0, 1 + len(words) * number, columns=len(words)))
            second[0] = Cell()
            header = [top, second]
        keys = keys_of(theme_names(self.summary, self.text.procedures.values()))
        total = self.words("themes_total")
        body = []
        for theme, key in [*keys.items(), (None, None)]:
            label = shortened(theme) if theme is not None else total
            values = []
            for role in roles:
                prefix = f"{role}_themes" if key is None else f"theme_{key}_{role}"
                for measure, word in words.items():
                    name = f"{prefix}_{measure}"
                    where = f"{headings[role]}, {label}" if len(roles) > 1 else label
                    selection = Selection(
                        f"{where} – {word}",
                        self.text.procedures[role],
                        "1",
                        "theme_upheld" if measure == "upheld" else "theme_received",
                        theme,
                        last_year=measure == "received_last_year",
                    )
                    values.append(self.named(name, CellKind.COUNT, selection))
            body.append(self.numbers(label, *values, bold=key is None))
        return [
            Table(
                "themes",
                header,
                body,
                widths,
                total_rows=(len(header) + len(body) - 1,),
                spans=tuple(spans),
                footnotes=self.suppression_notes(),
                caption=self.words("themes_theme"),
            ),
            *self.long_label_notes(keys, what),
        ]

    def theme_notes(self) -> list[Block]:
        """Per theme: a sub-heading, the figures sentence, and the author's notes on it."""
        keys = keys_of(theme_names(self.summary, self.text.procedures.values()))
        unknown = sorted(set(self.text.theme_notes) - set(keys))
        if unknown:
            raise ReportTextError(
                f"{self.text.source}: [themes.notes] {unknown[0]!r} is not a theme of "
                f"{self.figures['period_label']} (the themes are: {', '.join(keys)})"
            )
        blocks: list[Block] = []
        for theme, key in keys.items():
            note = self.text.theme_notes.get(theme, "")
            if not (note or self.every_theme_noted):
                continue
            prefix = f"theme_{key}_"
            scoped = dict(self.figures)
            scoped.update(
                {
                    f"theme_{name[len(prefix) :]}": value
                    for name, value in self.figures.items()
                    if name.startswith(prefix)
                }
            )
            scoped["theme"] = shortened(theme)
            blocks.append(Heading(shortened(theme), level=2, in_contents=False))
            if self.text.theme_sentence:
                blocks += self.prose(self.text.theme_sentence, "[themes] sentence", scoped)
            blocks += self.prose(note, f"[themes.notes] {theme!r}", scoped)
        return blocks

    def complainants_tables(self) -> list[Block]:
        """Who made the year's Stage 1 complaints (the report's procedures together), then the complaints made
        by cared for children and young people, those with an advocate, and the representations that were not
        complaints: each where the log records it, else a note saying the log does not."""
        recorded = self.figures["complainants_child"] != NOT_RECORDED
        blocks: list[Block] = [self.who_complained_table()] if recorded else []
        also = [row for row in ALSO_RECORDED if self.figures[row[1]] != NOT_RECORDED]
        if also:
            blocks.append(self.also_recorded_table(also))
        # where nobody recorded who complained, one note says so for the cared for children too
        missing = [word for word, count, _ in ALSO_RECORDED if self.figures[count] == NOT_RECORDED]
        if not recorded:
            missing = ["complainants", *(word for word in missing if word != "cared_for")]
        return [*blocks, *(Note(self.words(f"{word}_not_recorded_note")) for word in missing)]

    def who_complained_table(self) -> Table:
        """The Stage 1 complaints by who made them, with their shares, and all of them."""
        columns = [self.words(f"complainants_{word}") for word in ("heading", "number", "share")]
        shown = self.all_figures["complainants_not_recorded"].value
        body = [
            self.numbers(
                self.words(f"complainants_{group}"),
                self.named(f"complainants_{group}", CellKind.COUNT),
                self.named(f"complainants_{group}_pct", CellKind.PERCENT),
            )
            for group in (*COMPLAINANT_GROUPS, *(["not_recorded"] if shown else []))
        ]
        every = Selection(columns[0], None, "1", "received")
        total = self.named("complaints_all_procedures", CellKind.COUNT, every)
        whole = Cell(self.words("complainants_all_share"), CellKind.PERCENT)
        body.append(self.numbers(self.words("complainants_total"), total, whole, bold=True))
        footnote = self.words("complainants_footnote")
        return self.footnoted_table("complainants", columns, body, "complainants", footnote)

    def also_recorded_table(self, rows: list[tuple[str, str, str]]) -> Table:
        """The complaints by cared for children, with an advocate, and the representations: `rows` of (words,
        count, share) the log records."""
        columns = [self.words(f"complainants_also_{word}") for word in ("heading", "number", "share")]
        no_share = Cell(self.words("complainants_no_share"), CellKind.PERCENT)
        body = [
            self.numbers(
                self.words(f"complainants_also_{word}"),
                self.named(count, CellKind.COUNT),
                self.named(share, CellKind.PERCENT) if share else no_share,
            )
            for word, count, share in rows
        ]
        footnote = self.words("complainants_also_footnote")
        return self.footnoted_table("complainants_also", columns, body, "complainants", footnote, total=False)

    def ombudsman_tables(self) -> list[Block]:
        """The cases the Ombudsman decided in the year, by decision (this year and last, with a total), then
        one row per case: its register."""
        keys = ombudsman_decided_keys(self.summary, self.text.procedures)
        if not keys:
            return [Paragraph(self.words("ombudsman_decided_none"))]
        rows: list[DecisionRow] = [
            (self.figures[f"ombudsman_decided_{key}_name"], f"ombudsman_decided_{key}_cases", category)
            for category, key in keys.items()
        ]
        rows.append((self.words("ombudsman_total"), "ombudsman_decided", None))
        return [self.decisions_table(rows, "ombudsman_decided", "Ombudsman decisions"), self.ombudsman_register_table()]

    def decisions_table(self, rows: list[DecisionRow], measure: str, what: str) -> Table:
        """The Ombudsman's cases by decision, this year and last year (the figure's name with _last_year), the
        last of `rows` their total; `measure` the cases a cell lists in the window ('ombudsman': the contacts
        received, 'ombudsman_decided': the decisions made), `what` they are called there."""
        columns = [self.words("ombudsman_decision"), self.words("ombudsman_this_year")]
        if self.has_last_year:
            columns.append(self.words("ombudsman_last_year"))
        body = []
        for number, (label, figure, decision) in enumerate(rows):
            names = (figure, f"{figure}_last_year")[: len(columns) - 1]
            values = [
                self.named(
                    name,
                    CellKind.COUNT,
                    Selection(
                        f"{what}, {label} – {columns[column]}",
                        None,
                        OMBUDSMAN,
                        measure,
                        decision=decision,
                        last_year=column == 2,
                    ),
                )
                for column, name in enumerate(names, start=1)
            ]
            body.append(self.numbers(label, *values, bold=number == len(rows) - 1))
        widths = "ombudsman" if self.has_last_year else "ombudsman_without_last_year"
        return Table(
            "ombudsman",
            [self.header(*columns)],
            body,
            widths,
            total_rows=(len(body),),
            footnotes=self.suppression_notes(),
            caption=columns[0],
        )

    def ombudsman_register_table(self) -> Table:
        """One row per case the Ombudsman decided in the year: its reference, the service (where the log keeps
        one), the decision as the log writes it, the date decided and the remedy or recommendation."""
        register = ombudsman_register(self.summary, self.text.procedures)
        with_service = bool(register["service"].notna().any())
        words = ["reference", *(["service"] if with_service else []), "decision", "decided", "remedy"]
        columns = [self.words(f"register_{word}") for word in words]
        none = self.words("register_not_recorded")
        body = []
        for case in register.to_dict("records"):
            cells = {
                "reference": _written(case["ombudsman_reference"], none),
                "service": _written(case["service"], none),
                "decision": _written(case["decision"], self.words("register_no_decision")),
                "decided": long_date(case["decided"].date()),
                "remedy": _written(case["remedy"], self.words("register_no_remedy")),
            }
            body.append([Cell(cells[word], CellKind.TEXT) for word in words])
        return Table(
            "ombudsman_register",
            [self.header(*columns)],
            body,
            "ombudsman_register" if with_service else "ombudsman_register_without_service",
            footnotes=[self.words("register_footnote")],
            caption=self.words("register_caption"),
            layout="small_top",
        )

    def long_label_notes(self, labels: Iterable[str | None], what: str) -> list[Block]:
        """A note under a table whose labels from the log were shortened to fit a page."""
        count = len(too_long(labels))
        if not count:
            return []
        figures = {
            "count": f"{count:,}",
            "labels_are": f"{what} is" if count == 1 else f"{what}s are",
            "limit": f"{LABEL_LIMIT:,}",
        }
        return [Note(self.fill(self.text.words("long_label_note"), "[tables]", figures))]


def _written(value: object, otherwise: str) -> str:
    """A cell of the log as written, or `otherwise` where it is blank."""
    return otherwise if value is None or value != value or not str(value).strip() else shortened(str(value).strip())


def _are(count: int) -> str:
    return "complaint is" if count == 1 else "complaints are"
