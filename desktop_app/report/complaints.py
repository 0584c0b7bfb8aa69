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

from collections.abc import Callable, Iterable, Mapping

from desktop_app.domain.complaint_measures import left_out_for_unread_cells, left_out_of_upheld, theme_names
from desktop_app.domain.complaints import OMBUDSMAN, ComplaintsSummary
from desktop_app.domain.formatting import Formatter
from desktop_app.domain.rules import ComplaintRules
from desktop_app.report.complaints_figures import complaint_figures, keys_of, ombudsman_decision_keys, stage_key
from desktop_app.report.labels import LABEL_LIMIT, shortened, too_long
from desktop_app.report.model import (
    Block,
    Cell,
    CellKind,
    Document,
    Figure,
    Heading,
    Metadata,
    Note,
    PageOptions,
    Paragraph,
    Section,
    Selection,
    Span,
    Table,
    TitlePage,
)
from desktop_app.report.prose import prose_blocks
from desktop_app.report.text import ReportText, ReportTextError, fill, load_report_text, placeholders_in

#: The sections that carry a table, and the table they carry.
TABLE_SECTIONS = ("introduction", "procedure", "performance", "themes", "ombudsman")


def complaints_document(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    text: ReportText | None = None,
    options: PageOptions | None = None,
    suppress_below: int | None = None,
) -> Document:
    """The appendix of `summary` as a report model: every figure formatted once, every word filled."""
    text = text or load_report_text()
    return ComplaintsBuilder(summary, rules, text, options or PageOptions(), suppress_below).document()


class ComplaintsBuilder:
    """Fills the words and lays out the tables of one report (a subclass builds another report from the
    same log: report.adults_complaints)."""

    #: The report model's kind (report.details.APPENDICES).
    kind = "complaints"
    #: Every theme gets a sub-heading after the themes table (else only the themes the author wrote on).
    every_theme_noted = True

    def __init__(
        self,
        summary: ComplaintsSummary,
        rules: ComplaintRules,
        text: ReportText,
        options: PageOptions,
        suppress_below: int | None,
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
        self.figures = {name: figure.text for name, figure in self.all_figures.items()}

    def figures_of(self, formatter: Formatter) -> dict[str, Figure]:
        """Every figure of the report, by name."""
        return complaint_figures(self.summary, self.rules, self.text.procedures, self.text.figures, formatter)

    # --- words -------------------------------------------------------------------------

    def fill(self, template: str, where: str, figures: Mapping[str, str] | None = None) -> str:
        return fill(template, self.figures if figures is None else figures, f"{self.text.source}: {where}")

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
        document = self.text.document
        title = self.fill(document["title"], "[document] title")
        metadata = Metadata(
            title=title,
            author=self.fill(document["author"], "[document] author"),
            subject=self.fill(document["subject"], "[document] subject"),
            keywords=self.fill(document.get("keywords", ""), "[document] keywords"),
            as_at=self.summary.as_of,
        )
        return Document(
            kind=self.kind,
            metadata=metadata,
            options=self.options,
            sections=self.sections(),
            title_page=self.title_page(title),
            contents_heading=self.words("contents_heading"),
            running_title=title,
            blank_page_text=self.words("blank_page"),
            figures=self.all_figures,
        )

    def title_page(self, title: str) -> TitlePage:
        document = self.text.document
        appendix, subtitle = (
            self.fill(document[key], f"[document] {key}") if document.get(key) else ""
            for key in ("appendix", "subtitle")
        )
        details = []
        for key, words in (
            ("report_to", "title_details_report_to"),
            ("meeting_date", "title_details_meeting_date"),
            ("report_of", "title_details_report_of"),
        ):
            value = self.fill(document.get(key, ""), f"[document] {key}").strip()
            if value:
                details.append((self.words(words), value))
        details.append((self.words("title_details_figures"), self.figures["as_of"]))
        return TitlePage(title, appendix, subtitle, tuple(details))

    def section_tables(self) -> dict[str, Callable[[], list[Block]]]:
        """The table (and its notes) each section carries after its text, by the section's key."""
        return {
            "introduction": self.key_figures_table,
            "procedure": self.limits_table,
            "performance": self.stage_tables,
            "themes": self.themes_table,
            "ombudsman": self.ombudsman_table,
        }

    def section_text(self, key: str) -> str:
        """The words of a section before its table."""
        return self.text.sections[key].text

    def sections(self) -> list[Section]:
        tables = self.section_tables()
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
        roles = list(self.text.procedures)
        received_word, upheld_word = self.words("themes_received"), self.words("themes_upheld")
        top, second = [Cell(self.words("themes_theme"))], [Cell()]
        spans = [Span(0, 0, rows=2)]
        headings = {}
        for number, role in enumerate(roles):
            headings[role] = (
                self.words(f"themes_{role}") if f"themes_{role}" in self.text.tables else self.figures[f"{role}_label"]
            )
            top += [Cell(headings[role]), Cell()]
            second += self.header(received_word, upheld_word)
            spans.append(Span(0, 1 + 2 * number, columns=2))
        keys = keys_of(theme_names(self.summary, self.text.procedures.values()))
        body = []
        rows: list[tuple[str | None, str | None]] = [*keys.items(), (None, None)]
        for theme, key in rows:
            values = []
            named = theme if theme is not None else "All themes"
            named = shortened(named)
            for role in roles:
                procedure = self.text.procedures[role]
                if key is None:
                    counts = (f"{role}_themes_received", f"{role}_themes_upheld")
                else:
                    counts = (f"theme_{key}_{role}_received", f"theme_{key}_{role}_upheld")
                for name, word, measure in zip(
                    counts, (received_word, upheld_word), ("theme_received", "theme_upheld"), strict=True
                ):
                    selection = Selection(f"{headings[role]}, {named} – {word}", procedure, "1", measure, theme)
                    values.append(self.named(name, CellKind.COUNT, selection))
            if theme is None:
                body.append(self.numbers(self.words("themes_total"), *values, bold=True))
            else:
                body.append(self.numbers(shortened(theme), *values))
        return [
            Table(
                "themes",
                [top, second],
                body,
                "themes",
                total_rows=(1 + len(body),),
                spans=tuple(spans),
                footnotes=self.suppression_notes(),
                caption=self.words("themes_theme"),
            ),
            *self.long_label_notes(keys, "theme"),
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

    def ombudsman_table(self) -> list[Block]:
        """Ombudsman contacts by decision, this year and last, with a total."""
        keys = ombudsman_decision_keys(self.summary, self.text.procedures)
        if not keys:
            return [Paragraph(self.words("ombudsman_none"))]
        columns = [self.words("ombudsman_decision"), self.words("ombudsman_this_year")]
        if self.has_last_year:
            columns.append(self.words("ombudsman_last_year"))
        body = []
        decisions: list[tuple[str | None, str | None]] = [*keys.items(), (None, None)]
        for decision, key in decisions:
            label = shortened(decision) if decision is not None else self.words("ombudsman_total")
            names = (
                ["ombudsman_contacts", "ombudsman_contacts_last_year"]
                if key is None
                else [f"ombudsman_decision_{key}_contacts", f"ombudsman_decision_{key}_contacts_last_year"]
            )
            values = []
            for column, name in enumerate(names[: len(columns) - 1], start=1):
                selection = Selection(
                    f"Ombudsman contacts, {label} – {columns[column]}",
                    None,
                    OMBUDSMAN,
                    "ombudsman",
                    decision=decision,
                    last_year=column == 2,
                )
                values.append(self.named(name, CellKind.COUNT, selection))
            body.append(self.numbers(label, *values, bold=key is None))
        widths = "ombudsman" if self.has_last_year else "ombudsman_without_last_year"
        return [
            Table(
                "ombudsman",
                [self.header(*columns)],
                body,
                widths,
                total_rows=(len(body),),
                footnotes=self.suppression_notes(),
                caption=columns[0],
            ),
            *self.long_label_notes(keys, "decision"),
        ]

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


def _are(count: int) -> str:
    return "complaint is" if count == 1 else "complaints are"
