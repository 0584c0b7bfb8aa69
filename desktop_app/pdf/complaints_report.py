"""The Annual Complaints Report appendix as a PDF.

    write_complaints_report(summary, rules, path, text=load_report_text(), options=PageOptions(...))

Title page, contents, then the sections of the published report in its order:
Introduction, Complaints Procedure (the time limits, from the rules the engine
used), Complaints Performance Information (the Stage table), Complaint Themes
and Outcomes, Local Government and Social Care Ombudsman, Compliments,
Learning from Complaints, Conclusions and Recommendations. Every figure comes
from `figures.report_figures` (one calculation each); the words come from the
report text file. The file is written atomically: a failed export leaves any
earlier file as it was and no half-written PDF.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from desktop_app.domain.complaints import ComplaintsSummary
from desktop_app.domain.rules import ComplaintRules
from desktop_app.pdf.document import (
    AppendixDocTemplate,
    Heading,
    PageOptions,
    contents,
    title_page,
    write_atomically,
)
from desktop_app.pdf.figures import (
    Formatter,
    keys_of,
    ombudsman_decision_keys,
    report_figures,
    stage_key,
    theme_names,
)
from desktop_app.pdf.prose import inline, prose
from desktop_app.pdf.style import ReportStyle, StyleError, load_style
from desktop_app.pdf.text import ReportText, ReportTextError, fill, load_report_text


def write_complaints_report(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    path: Path,
    *,
    text: ReportText | None = None,
    options: PageOptions = PageOptions(),
    style: ReportStyle | None = None,
    suppress_below: int | None = None,
) -> Path:
    """Write the appendix to `path` (atomically) and return it.

    `rules` must be the rules the summary was made with: the time limits table
    and the limits in the prose come from them. `suppress_below` (say 5) shows
    counts under it as "<5" in tables and prose alike (see figures.Formatter).
    Raises ReportTextError (an unknown placeholder, a missing section) or
    StyleError before anything is written.
    """
    path = Path(path)
    pdf = render_complaints_report(
        summary, rules, text=text, options=options, style=style, suppress_below=suppress_below
    )
    write_atomically(path, pdf)
    return path


def render_complaints_report(
    summary: ComplaintsSummary,
    rules: ComplaintRules,
    *,
    text: ReportText | None = None,
    options: PageOptions = PageOptions(),
    style: ReportStyle | None = None,
    suppress_below: int | None = None,
) -> bytes:
    """The appendix as PDF bytes (the same input gives the same bytes)."""
    text = text or load_report_text()
    style = style or load_style()
    if suppress_below is not None and (isinstance(suppress_below, bool) or suppress_below < 2):
        raise ValueError(f"suppress_below must be a whole number of at least 2, not {suppress_below!r}")
    figures = report_figures(summary, rules, text.procedures, text.figures, Formatter(suppress_below))
    report = _Report(summary, rules, text, style, figures, options, suppress_below)
    story = report.story()
    buffer = io.BytesIO()
    document = AppendixDocTemplate(
        buffer,
        style,
        options,
        title=report.title,
        author=report.fill(text.document["author"], "[document] author"),
        subject=report.fill(text.document["subject"], "[document] subject"),
        keywords=report.fill(text.document.get("keywords", ""), "[document] keywords"),
        running_title=report.title,
    )
    document.multiBuild(story)
    return buffer.getvalue()


class _Report:
    """Builds the story of one report: words filled, tables made from the figures."""

    def __init__(
        self,
        summary: ComplaintsSummary,
        rules: ComplaintRules,
        text: ReportText,
        style: ReportStyle,
        figures: dict[str, str],
        options: PageOptions,
        suppress_below: int | None,
    ) -> None:
        self.summary = summary
        self.rules = rules
        self.text = text
        self.style = style
        self.figures = figures
        self.options = options
        self.suppress_below = suppress_below
        self.has_last_year = summary.previous is not None
        self.title = self.fill(text.document["title"], "[document] title")

    # --- words -----------------------------------------------------------------

    def fill(self, template: str, where: str, figures: Mapping[str, str] | None = None) -> str:
        return fill(template, self.figures if figures is None else figures, f"{self.text.source}: {where}")

    def words(self, key: str) -> str:
        return self.fill(self.text.words(key), f"[tables] {key}")

    def prose(self, template: str, where: str, **keep) -> list[Flowable]:
        return prose(self.fill(template, where), self.style, **keep)

    def cell(self, words: str, kind: str = "table_text") -> Paragraph:
        return Paragraph(inline(words), self.style[kind])

    def figure(self, name: str, where: str) -> str:
        """A figure by name, for a table cell; an unknown name is named."""
        return self.fill("{" + name + "}", where)

    # --- the document ------------------------------------------------------------

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        if self.options.needs_filler:
            story += [
                Spacer(1, self.style.text_height * 0.42),
                Paragraph(inline(self.words("blank_page")), self.style["blank_page"]),
                NextPageTemplate("title"),
                PageBreak(),
            ]
        story += self.title_page()
        story += [NextPageTemplate("contents"), PageBreak()]
        story += [
            Heading(inline(self.words("contents_heading")), self.style["contents_heading"], in_contents=False),
            contents(self.style),
        ]
        story += [NextPageTemplate("body"), PageBreak()]
        builders = {
            "introduction": self.key_figures_table,
            "procedure": self.limits_table,
            "performance": self.stage_tables,
            "themes": self.themes_table,
            "ombudsman": self.ombudsman_table,
        }
        for number, (key, section) in enumerate(self.text.sections.items()):
            where = f"[sections.{key}]"
            if number:
                story.append(
                    PageBreak()
                    if self.style.sections_start_on_new_page
                    else CondPageBreak(self.style.section_min_space)
                )
            story.append(Heading(inline(self.fill(section.title, f"{where} title")), self.style["heading1"]))
            builder = builders.get(key)
            story += self.prose(section.text, f"{where} text", keep_last_with_next=builder is not None)
            if builder is not None:
                story += builder()
            if self.has_last_year and section.year_on_year:
                story += self.prose(section.year_on_year, f"{where} year_on_year")
            if key == "themes":
                story += self.theme_notes()
            story += self.prose(section.more_text, f"{where} more_text")
        return story

    def title_page(self) -> list[Flowable]:
        document = self.text.document
        appendix, subtitle = (
            inline(self.fill(document[key], f"[document] {key}")) if document.get(key) else None
            for key in ("appendix", "subtitle")
        )
        rows = []
        for key, words in (
            ("report_to", "title_details_report_to"),
            ("meeting_date", "title_details_meeting_date"),
            ("report_of", "title_details_report_of"),
        ):
            value = self.fill(document.get(key, ""), f"[document] {key}").strip()
            if value:
                rows.append([self.cell(f"**{self.words(words)}**", "title_detail"), self.cell(value, "title_detail")])
        rows.append(
            [
                self.cell(f"**{self.words('title_details_figures')}**", "title_detail"),
                self.cell(self.figures["as_of"], "title_detail"),
            ]
        )
        return title_page(self.style, inline(self.title), appendix, subtitle, rows)

    # --- tables ------------------------------------------------------------------

    def table(self, rows: list[list], widths: str, **style_options) -> list[Flowable]:
        """A table whose header rows repeat on every page it runs onto, and whose rows never split."""
        header_rows = style_options.get("header_rows", 1)
        column_widths = self.style.column_widths(widths)
        if any(len(row) != len(column_widths) for row in rows):
            raise StyleError(
                f"report_style.toml: [tables.columns] {widths} has {len(column_widths)} columns, "
                f"the table {max(len(row) for row in rows)}"
            )
        table = Table(
            rows,
            colWidths=column_widths,
            repeatRows=header_rows,
            splitByRow=1,
            splitInRow=0,
            hAlign="LEFT",
            style=self.style.table_style(**style_options),
        )
        return [Spacer(1, self.style.table_space_before), table, Spacer(1, self.style.table_space_after)]

    def header(self, *words: str) -> list[Paragraph]:
        return [self.cell(w, "table_header") for w in words]

    def numbers(self, label: str, *values: str, bold: bool = False) -> list[Paragraph]:
        """A row: its label, then its figures (bold for a total)."""
        mark = (lambda words: f"**{words}**") if bold else (lambda words: words)  # noqa: E731
        return [self.cell(mark(label))] + [self.cell(mark(v), "table_number") for v in values]

    def footnote(self, words: str) -> Paragraph:
        return Paragraph(inline(words), self.style["footnote"])

    def suppression_note(self) -> list[Flowable]:
        return [self.footnote(self.words("suppression_footnote"))] if self.suppress_below else []

    def key_figures_table(self) -> list[Flowable]:
        if not self.text.key_figures:
            return []
        where = "[[key_figures]]"
        columns = [self.words("key_figures_heading"), self.words("key_figures_this_year")]
        if self.has_last_year:
            columns += [self.words("key_figures_last_year"), self.words("key_figures_change")]
        rows = [self.header(*columns)]
        for row in self.text.key_figures:
            values = [self.figure(row.this_year, where)]
            if self.has_last_year:
                values += [
                    self.figure(row.last_year, where) if row.last_year else "",
                    self.figure(row.change, where) if row.change else "",
                ]
            rows.append(self.numbers(self.fill(row.label, where), *values))
        widths = "key_figures" if self.has_last_year else "key_figures_without_last_year"
        return self.table(rows, widths) + self.suppression_note()

    def limits_table(self) -> list[Flowable]:
        """The time limits of each of the report's procedures, from the rules (never typed again)."""
        rows = [
            self.header(
                self.words("limits_stage"),
                self.words("limits_respond"),
                self.words("limits_extended"),
                self.words("limits_acknowledge"),
            )
        ]
        group_rows = []
        for role, procedure in self.text.procedures.items():
            spec = self.rules.procedures[procedure]
            group_rows.append(len(rows))
            title = self.figures[f"{role}_label"]
            if self.figures[f"{role}_regulations"]:
                title = f"**{title}**: {self.figures[f'{role}_regulations']}"
            rows.append([self.cell(title), "", "", ""])
            for code, stage in spec.stages.items():
                if stage.response is None:
                    continue
                name = f"{role}_{stage_key(code)}"
                rows.append(
                    self.numbers(
                        self.figures[f"{name}_label"],
                        self.figures[f"{name}_limit"],
                        self.figures.get(f"{name}_extended_limit", "–"),
                        self.figures.get(f"{name}_acknowledgement_limit", "–"),
                    )
                )
        return self.table(rows, "limits", group_rows=tuple(group_rows))

    def stage_tables(self) -> list[Flowable]:
        """A Stage table per procedure: Total, Response within timescale*, Upheld (and last year's Total)."""
        flowables: list[Flowable] = []
        for role, procedure in self.text.procedures.items():
            columns = [
                self.words(f"{role}_stages_heading")
                if f"{role}_stages_heading" in self.text.tables
                else self.figures[f"{role}_label"],
                self.words("stages_total"),
                self.words("stages_in_time"),
                self.words("stages_upheld"),
            ]
            if self.has_last_year:
                columns += [self.words("stages_last_year"), self.words("stages_change")]
            rows = [self.header(*columns)]
            for code in self.rules.procedures[procedure].stages:
                name = f"{role}_{stage_key(code)}"
                values = [self.figures[f"{name}_{m}"] for m in ("received", "in_time_pct", "upheld_pct")]
                if self.has_last_year:
                    values += [self.figures[f"{name}_received_last_year"], self.figures[f"{name}_change_arrow"]]
                rows.append(self.numbers(self.figures[f"{name}_label"], *values))
            widths = "stages" if self.has_last_year else "stages_without_last_year"
            flowables += self.table(rows, widths)
        # The footnote once, under the last table and kept on its page.
        *before, space, last_table, _ = flowables
        notes = [self.footnote(self.words("finalised_footnote")), *self.suppression_note()]
        return [*before, space, KeepTogether([last_table, *notes])]

    def themes_table(self) -> list[Flowable]:
        """Themes of Stage 1 complaints: the procedures side by side, received and upheld, with a TOTAL."""
        roles = list(self.text.procedures)
        top = [self.cell(self.words("themes_theme"), "table_header")]
        second = [""]
        spans = []
        for number, role in enumerate(roles):
            heading = (
                self.words(f"themes_{role}") if f"themes_{role}" in self.text.tables else self.figures[f"{role}_label"]
            )
            top += [self.cell(heading, "table_header"), ""]
            second += self.header(self.words("themes_received"), self.words("themes_upheld"))
            column = 1 + 2 * number
            spans.append(((column, 0), (column + 1, 0)))
        rows = [top, second]
        keys = keys_of(theme_names(self.summary))
        for theme, key in keys.items():
            values = []
            for role in roles:
                values += [self.figures[f"theme_{key}_{role}_received"], self.figures[f"theme_{key}_{role}_upheld"]]
            rows.append(self.numbers(theme, *values))
        totals = []
        for role in roles:
            totals += [self.figures[f"{role}_themes_received"], self.figures[f"{role}_themes_upheld"]]
        rows.append(self.numbers(self.words("themes_total"), *totals, bold=True))
        spans.append(((0, 0), (0, 1)))
        return self.table(rows, "themes", header_rows=2, total_rows=(-1,), spans=tuple(spans)) + self.suppression_note()

    def theme_notes(self) -> list[Flowable]:
        """Per theme: a sub-heading, the figures sentence, and the author's notes on it."""
        keys = keys_of(theme_names(self.summary))
        unknown = sorted(set(self.text.theme_notes) - set(keys))
        if unknown:
            raise ReportTextError(
                f"{self.text.source}: [themes.notes] {unknown[0]!r} is not a theme of "
                f"{self.figures['period_label']} (the themes are: {', '.join(keys)})"
            )
        flowables: list[Flowable] = []
        for theme, key in keys.items():
            prefix = f"theme_{key}_"
            scoped = dict(self.figures)
            scoped.update(
                {
                    f"theme_{name[len(prefix) :]}": value
                    for name, value in self.figures.items()
                    if name.startswith(prefix)
                }
            )
            scoped["theme"] = theme
            flowables.append(Heading(inline(theme), self.style["heading2"], level=1, in_contents=False))
            if self.text.theme_sentence:
                flowables += prose(self.fill(self.text.theme_sentence, "[themes] sentence", scoped), self.style)
            note = self.text.theme_notes.get(theme, "")
            flowables += prose(self.fill(note, f"[themes.notes] {theme!r}", scoped), self.style)
        return flowables

    def ombudsman_table(self) -> list[Flowable]:
        """Ombudsman contacts by decision, this year and last, with a total."""
        keys = ombudsman_decision_keys(self.summary, self.text.procedures)
        if not keys:
            return [Paragraph(inline(self.words("ombudsman_none")), self.style["body"])]
        columns = [self.words("ombudsman_decision"), self.words("ombudsman_this_year")]
        if self.has_last_year:
            columns.append(self.words("ombudsman_last_year"))
        rows = [self.header(*columns)]
        for decision, key in keys.items():
            values = [self.figures[f"ombudsman_decision_{key}_contacts"]]
            if self.has_last_year:
                values.append(self.figures[f"ombudsman_decision_{key}_contacts_last_year"])
            rows.append(self.numbers(decision, *values))
        totals = [self.figures["ombudsman_contacts"]]
        if self.has_last_year:
            totals.append(self.figures["ombudsman_contacts_last_year"])
        rows.append(self.numbers(self.words("ombudsman_total"), *totals, bold=True))
        widths = "ombudsman" if self.has_last_year else "ombudsman_without_last_year"
        return self.table(rows, widths, total_rows=(-1,)) + self.suppression_note()
