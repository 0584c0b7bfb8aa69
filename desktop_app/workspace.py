"""The report's figures, worked out from the project and recalculated only when their inputs change.

Every editor (and the PDF, and the live figures in the text) reads figures from
here, so there is one calculation per figure. No Qt: the window's tabs adapt it.

The project's settings that change the figures:
    settings["limits"]: {procedure: {stage: {clock: {"limit": n, "extended_limit": n}}}} over the rules file
    settings["closure_days"]: ["YYYY-MM-DD", ...], the council's own closure days
    settings["period"]: ["YYYY-MM-DD", "YYYY-MM-DD"], the report's period (default: the log's latest year)
    settings["suppress_below"]: show counts under this number as "<N" in published tables and text
    settings["as_of"]: "YYYY-MM-DD", the day open complaints are judged on (default: domain.periods.default_as_at)
    settings["own_words"]: the council's own words for the log (outcomes it writes its own way), kept in the
        project so it counts the same on any machine
    settings["agenda_item"], ["first_page"], ["start_on_odd"]: where an appendix sits in the agenda pack
    settings["chart_alt_texts"]: the author's alternative texts of the charts, by chart key
Indicator notes (project.indicator_notes[id]: commentary, action, status) are laid over the results:
an author's status wins over the rule's and is marked as the author's. They are kept under the return's
own ids; a project written when ids were renamed to the catalogue's has its notes moved on opening
(`move_notes_to_own_ids`). The author's section texts
(project.sections[key]) replace the report text file's: the children's report's under the section's key, the
adults' and the corporate report's under `adults_complaints/KEY` and `corporate_complaints/KEY`
(`section_key`); their live figures ({name}) come from `figures(kind)`, the same figures the PDF's tables use.
The corporate report's self-assessment against the code is the project's (settings["self_assessment"], the
file's entries as domain.self_assessment reads them), else the shipped template.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import TypeVar

import pandas as pd

from desktop_app.domain.complaints import OMBUDSMAN, ComplaintsSummary, counted_once, summarise, with_outcome_codes
from desktop_app.domain.indicators import (
    Catalogue,
    IndicatorResults,
    IndicatorReturns,
    calculate_indicators,
    catalogue_links,
    load_catalogue,
)
from desktop_app.domain.lessons import LessonEntry
from desktop_app.domain.periods import Period, default_as_at
from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.domain.returns import ReturnKind
from desktop_app.domain.rules import ComplaintRules, load_rules
from desktop_app.domain.self_assessment import SelfAssessment, load_self_assessment, self_assessment_from_data
from desktop_app.domain.vocabulary import Vocabulary, load_vocabulary
from desktop_app.project.model import Project
from desktop_app.report.action_plan_text import load_plan_text
from desktop_app.report.adults_complaints import adults_complaints_document, load_adults_text
from desktop_app.report.complaints import complaints_document
from desktop_app.report.corporate_complaints import corporate_complaints_document, load_corporate_text
from desktop_app.report.details import DETAILS, cover_details, paper_details, with_details
from desktop_app.report.marac_text import load_marac_text
from desktop_app.report.model import Document, PageOptions
from desktop_app.report.performance import performance_document
from desktop_app.report.performance_sources import ReturnSource, return_sources
from desktop_app.report.performance_text import PerformanceText, load_performance_text
from desktop_app.report.proof import Finding
from desktop_app.report.proof_tables import performance_findings
from desktop_app.report.text import ReportText, load_report_text

NOTE_COLUMNS = ("commentary", "action")
Derived = TypeVar("Derived")
#: The project setting that keeps the council's own words (domain.vocabulary.read_own_words).
OWN_WORDS = "own_words"
AS_OF = "as_of"
#: The project settings of where an appendix sits in the agenda pack, and of the author's chart texts.
PAGE_SETTINGS = ("agenda_item", "first_page", "start_on_odd")
CHART_TEXTS = "chart_alt_texts"
#: The project setting that keeps the council's self-assessment against the complaint handling code.
SELF_ASSESSMENT = "self_assessment"
#: The annual complaints reports whose sections the author writes, by their report model's kind, in the order
#: the Report tab lists them, with the text file of each's words.
CHILDRENS, ADULTS, CORPORATE = "complaints", "adults_complaints", "corporate_complaints"
REPORT_TEXT_FILES: dict[str, Callable[[], ReportText]] = {
    CHILDRENS: load_report_text,
    ADULTS: load_adults_text,
    CORPORATE: load_corporate_text,
}


def section_key(kind: str, key: str) -> str:
    """Where the project keeps the author's words of section `key` of the `kind` report: the children's under
    its own key (as projects always kept them), another report's as KIND/KEY."""
    return key if kind == CHILDRENS else f"{kind}/{key}"


def kind_of_section(stored: str) -> tuple[str, str]:
    """(report kind, section key) of a key the project keeps a section's words under (`section_key`)."""
    kind, slash, key = stored.partition("/")
    return (kind, key) if slash and kind in REPORT_TEXT_FILES else (CHILDRENS, stored)


def rules_with_settings(rules: ComplaintRules, settings: dict) -> ComplaintRules:
    """The rules file's rules with the limits and closure days the author set for this report."""
    procedures = dict(rules.procedures)
    for procedure_code, stages in settings.get("limits", {}).items():
        procedure = procedures.get(procedure_code)
        if procedure is None:
            continue
        new_stages = dict(procedure.stages)
        for stage_code, clocks in stages.items():
            stage = new_stages.get(stage_code)
            if stage is None:
                continue
            new_clocks = dict(stage.clocks)
            for clock_name, values in clocks.items():
                if clock_name in new_clocks:
                    new_clocks[clock_name] = dataclasses.replace(new_clocks[clock_name], **values)
            new_stages[stage_code] = dataclasses.replace(stage, clocks=new_clocks)
        procedures[procedure_code] = dataclasses.replace(procedure, stages=new_stages)
    closure_days = tuple(dt.date.fromisoformat(day) for day in settings.get("closure_days", []))
    return dataclasses.replace(rules, procedures=procedures, closure_days=closure_days or rules.closure_days)


class NotWorkedOutError(Exception):
    """A figure asked for with `Workspace.cached_only` that is not worked out yet for the project as it is."""


class _Identity:
    """Compares by identity, whatever the object's own equality does (DataFrames refuse to compare)."""

    __slots__ = ("thing",)

    def __init__(self, thing: object):
        self.thing = thing

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.thing is self.thing

    def __hash__(self) -> int:
        return id(self.thing)


class Workspace:
    """The project's complaints summary, indicator results and live figures, cached by their inputs."""

    def __init__(
        self,
        project: Project,
        as_of: dt.date | None = None,
        rules: ComplaintRules | None = None,
        vocabulary: Vocabulary | None = None,
        catalogue: Catalogue | None = None,
    ):
        self.project = project
        self.today = as_of or dt.date.today()
        self._pinned_as_of = as_of
        self.base_rules = rules or load_rules()
        self.base_vocabulary = vocabulary or load_vocabulary()
        self.catalogue = catalogue or load_catalogue()
        self._cache: dict[str, tuple[object, object]] = {}
        self._only_cached = False

    def _cached(self, name: str, key: object, compute):
        found = self._cache.get(name)
        if found is not None and found[0] == key:
            return found[1]
        if self._only_cached:
            raise NotWorkedOutError(name)
        value = compute()
        self._cache[name] = (key, value)
        return value

    # --- working figures out on another thread ---------------------------------------------

    @contextlib.contextmanager
    def cached_only(self) -> Iterator[None]:
        """Within it, a figure not worked out yet for the project as it now is raises NotWorkedOutError rather
        than being worked out: whether reading figures would cost nothing."""
        was, self._only_cached = self._only_cached, True
        try:
            yield
        finally:
            self._only_cached = was

    def twin(self) -> Workspace:
        """A workspace over a snapshot of the project, with this one's rules, words and figures so far: another
        thread works figures out in it while the author goes on editing this one (`adopt` takes them back)."""
        twin = Workspace(
            self.project.snapshot(), self._pinned_as_of, self.base_rules, self.base_vocabulary, self.catalogue
        )
        twin.today = self.today
        twin._cache = dict(self._cache)
        return twin

    def adopt(self, twin: Workspace) -> None:
        """The figures `twin` worked out, kept here. Each is kept with the inputs it was worked out from, so one
        the author has changed since is never read as current: it is worked out again when asked for."""
        self._cache.update(twin._cache)

    def _imports_key(self, *kinds: ReturnKind) -> tuple:
        """Identifies the imported sheets of `kinds`: a re-import or an undo gives new sheet objects.

        The sheets themselves are part of the key, so they stay alive while it is cached and
        their ids cannot be reused by others.
        """
        return tuple(
            _Identity(sheet) for imported in self.project.imports for sheet in imported.sheets if sheet.kind in kinds
        )

    def _settings_key(self, *names: str) -> str:
        return json.dumps({name: self.project.settings.get(name) for name in names}, sort_keys=True, default=str)

    def page_options(self) -> PageOptions:
        """The agenda pack's conventions for the report: agenda item, first page number, odd-page start."""
        settings = self.project.settings
        return PageOptions(
            settings.get("agenda_item"), settings.get("first_page", 1), settings.get("start_on_odd", False)
        )

    # --- complaints -------------------------------------------------------------------

    def rules(self) -> ComplaintRules:
        return self._cached(
            "rules",
            self._settings_key("limits", "closure_days"),
            lambda: rules_with_settings(self.base_rules, self.project.settings),
        )

    def complaints_log(self) -> pd.DataFrame:
        return self._cached(
            "log",
            self._imports_key(ReturnKind.COMPLAINTS_LOG),
            lambda: counted_once(self.project.frame(ReturnKind.COMPLAINTS_LOG)),
        )

    def period(self) -> Period:
        chosen = self.project.settings.get("period")
        if chosen:
            return Period(dt.date.fromisoformat(chosen[0]), dt.date.fromisoformat(chosen[1]))
        return Period.latest_year(self.complaints_log()["received"], self.base_rules.year_start, self.today)

    @property
    def as_of(self) -> dt.date:
        """The day open complaints are judged on: the author's (settings["as_of"]), else the period's end plus
        the rules file's as_at_days_after_period, or today where that is sooner."""
        chosen = self.project.settings.get(AS_OF)
        if chosen:
            return dt.date.fromisoformat(chosen)
        if self._pinned_as_of is not None:
            return self._pinned_as_of
        return default_as_at(self.period(), self.base_rules.as_at_days_after_period, self.today)

    @as_of.setter
    def as_of(self, day: dt.date) -> None:
        """Judge as at `day` where the author has set no day (tests, and the command line's --as-of)."""
        self.today = self._pinned_as_of = day

    def vocabulary(self) -> Vocabulary:
        """The shipped vocabulary with the council's own words the project keeps (settings["own_words"])."""
        own = self.project.settings.get(OWN_WORDS)
        if not own:
            return self.base_vocabulary
        return self._cached("vocabulary", self._settings_key(OWN_WORDS), lambda: load_vocabulary(own_words=own))

    def complaints(self) -> ComplaintsSummary | None:
        """The Annual Complaints Report's figures, or None where the project has no complaints log.

        The outcomes are read again from the log's words with the project's vocabulary, so a word the
        author teaches counts at once, without importing the log again."""
        log = self.complaints_log()
        if log.empty:
            return None
        key = (  # what the summary and the day it is judged on (`as_of`) are worked out from
            self._imports_key(ReturnKind.COMPLAINTS_LOG),
            self._settings_key("limits", "closure_days", "period", OWN_WORDS, AS_OF),
            self._pinned_as_of,
            self.today,
        )

        def summary() -> ComplaintsSummary:
            vocabulary = self.vocabulary()
            coded = with_outcome_codes(log, vocabulary.values["outcome"])
            return summarise(coded, self.rules(), vocabulary.outcome_classes, self.period(), self.as_of)

        return self._cached("complaints", key, summary)

    def unknown_outcome_words(self) -> dict[str, int]:
        """The outcome words of the log the vocabulary does not know (Ombudsman decisions apart), with the
        number of rows each: what the author may teach."""
        log = self.complaints_log()
        if log.empty:
            return {}
        coded = with_outcome_codes(log, self.vocabulary().values["outcome"])
        unknown = coded["outcome"].isna() & coded["decision"].notna() & coded["stage"].ne(OMBUDSMAN)
        words = coded.loc[unknown, "decision"].astype(str).str.strip()
        return {str(word): int(count) for word, count in words.value_counts().items()}

    def report_text(self) -> ReportText:
        """The Annual Complaints Report's words: the text file's, with the author's sections over them."""
        return self.text_of(CHILDRENS)

    def text_file(self, kind: str) -> ReportText:
        """The `kind` report's words as its text file has them (read once)."""
        name = "complaints text file" if kind == CHILDRENS else f"{kind} text file"
        return self._cached(name, None, REPORT_TEXT_FILES[kind])

    def sections_of(self, kind: str) -> dict[str, str]:
        """The author's words of the `kind` report's sections, by the report's section keys."""
        return {
            key: text
            for stored, text in self.project.sections.items()
            for found, key in [kind_of_section(stored)]
            if found == kind
        }

    def text_of(self, kind: str) -> ReportText:
        """The `kind` report's words (CHILDRENS, ADULTS or CORPORATE): the text file's, with the author's sections
        and details of the paper over them."""
        text = self.text_file(kind)
        sections = self.sections_of(kind)
        details = paper_details(self.project.settings, self.project.cover, kind)
        key = json.dumps([sections, details], sort_keys=True)
        return self._cached(
            f"{kind} text", (_Identity(text), key), lambda: with_details(_with_sections(text, sections), details)
        )

    def usual_details(self, appendix: str) -> dict[str, str]:
        """What `appendix` (a key of report.details.DETAILED_APPENDICES) prints of its details unless the author
        sets their own: the text file's words, or the cover sheet's where the author filled it in (the
        partnership's appendix: its MARAC part's words, whose title page it takes)."""
        load = {
            "performance": load_performance_text,
            "adults_complaints": load_adults_text,
            "corporate_complaints": load_corporate_text,
            "action_plan": load_plan_text,
            "partnership": load_marac_text,
        }.get(appendix, load_report_text)
        document = self._cached(f"{appendix} text file", None, load).document
        return {key: str(document.get(key, "")) for key in DETAILS} | cover_details(self.project.cover)

    def performance_text(self) -> PerformanceText:
        """The performance appendix's words: the text file's, with the author's details of the paper over them."""
        text = self._cached("performance text file", None, load_performance_text)
        details = paper_details(self.project.settings, self.project.cover, "performance")
        key = json.dumps(details, sort_keys=True)
        return self._cached("performance text", (_Identity(text), key), lambda: with_details(text, details))

    def adults_text(self) -> ReportText:
        """The adults' complaints report's words: the text file's, with the author's sections and details of the
        paper over them."""
        return self.text_of(ADULTS)

    def corporate_text(self) -> ReportText:
        """The corporate complaints report's words: the text file's, with the author's sections and details of
        the paper over them."""
        return self.text_of(CORPORATE)

    def self_assessment(self) -> SelfAssessment:
        """The council's self-assessment against the complaint handling code: the one the author imported
        (settings["self_assessment"]), else the shipped template of the code's requirements."""
        kept = self.project.settings.get(SELF_ASSESSMENT)
        if not kept:
            return self._cached("self-assessment template", None, load_self_assessment)
        return self._cached(
            "self-assessment",
            self._settings_key(SELF_ASSESSMENT),
            lambda: self_assessment_from_data(kept, str(kept.get("source") or "the project's self-assessment")),
        )

    def has_corporate_complaints(self) -> bool:
        """Whether the log holds any complaint of the corporate report's procedure, so the window offers it."""
        return self._has_complaints_of(CORPORATE)

    def has_adults_complaints(self) -> bool:
        """Whether the log holds any complaint of the adults' report's procedure, so the window offers that
        report (not where its text file cannot be read: the window says why when it is asked for)."""
        return self._has_complaints_of(ADULTS)

    def _has_complaints_of(self, kind: str) -> bool:
        log = self.complaints_log()
        try:
            procedures = self.text_file(kind).procedures
        except ResourceFileError:
            return False
        return self._cached(
            f"has {kind}",
            (_Identity(log), tuple(procedures.values())),
            lambda: bool(len(log)) and bool(log["procedure"].isin(list(procedures.values())).any()),
        )

    def lessons(self) -> list[LessonEntry] | None:
        """The lessons-learned register the complaints reports print (None: the project has none, and the reports
        print no register, as the command line without --lessons)."""
        return self.project.lessons or None

    def adults_document(self) -> Document | None:
        """The adults' complaints report as a report model (None without a complaints log)."""
        return self.document_of(ADULTS)

    def corporate_document(self) -> Document | None:
        """The corporate complaints report (the complaint handling code's) as a report model, with the project's
        self-assessment (None without a complaints log)."""
        return self.document_of(CORPORATE)

    def complaints_document(self) -> Document | None:
        """The Annual Complaints Report as a report model (None without a complaints log): what the window's
        tables, the live figures in the author's text and the PDF all show."""
        return self.document_of(CHILDRENS)

    def document_of(self, kind: str, text: ReportText | None = None) -> Document | None:
        """The `kind` report as a report model, with `text` its words (the author's as they now are by default);
        None without a complaints log."""
        summary = self.complaints()
        if summary is None:
            return None
        text = text or self.text_of(kind)
        suppress, lessons = self.project.settings.get("suppress_below"), self.lessons()
        assessment = self.self_assessment() if kind == CORPORATE else None
        rules = self.rules()

        def build() -> Document:
            if kind == ADULTS:
                return adults_complaints_document(summary, rules, text, suppress_below=suppress, lessons=lessons)
            if kind == CORPORATE:
                return corporate_complaints_document(
                    summary, rules, text, assessment, suppress_below=suppress, lessons=lessons
                )
            return complaints_document(summary, rules, text, suppress_below=suppress, lessons=lessons)

        name = "complaints document" if kind == CHILDRENS else f"{kind} document"
        return self._cached(
            name, (_Identity(summary), _Identity(text), suppress, tuple(lessons or ()), _Identity(assessment)), build
        )

    def figures_document(self, kind: str = CHILDRENS) -> Document | None:
        """The `kind` report as laid out for its figures as they now are (None without a complaints log): its
        tables and figures are the appendix's, but its sections' words may be older ones, as the author's words
        change no figure and no table. An edit of a section's words lays nothing out again; a change of anything
        else the figures are made from (the register's entries too) does."""
        summary = self.complaints()
        if summary is None:
            return None
        text = self.text_file(kind)
        details = paper_details(self.project.settings, self.project.cover, kind)
        key = (_Identity(summary), _Identity(text), json.dumps(details, sort_keys=True))
        suppress, lessons = self.project.settings.get("suppress_below"), tuple(self.lessons() or ())
        assessment = self.self_assessment() if kind == CORPORATE else None
        name = "figures document" if kind == CHILDRENS else f"{kind} figures document"
        return self._cached(
            name, (*key, suppress, lessons, _Identity(assessment)), lambda: self.document_of(kind, self.text_of(kind))
        )

    def figures(self, kind: str = CHILDRENS) -> dict[str, str]:
        """Every live figure of the `kind` report by name, formatted as the appendix prints it (empty without a
        complaints log)."""
        document = self.figures_document(kind)
        if document is None:
            return {}
        name = "figures" if kind == CHILDRENS else f"{kind} figures"
        return self._cached(name, _Identity(document), lambda: {name: f.text for name, f in document.figures.items()})

    def derived(self, name: str, compute: Callable[[ComplaintsSummary], Derived]) -> Derived | None:
        """What `compute` makes of the complaints summary (a tab's list of cases, say), kept as long as the
        summary stands, so it is worked out once, on the figures' thread like them (None without a log)."""
        summary = self.complaints()
        if summary is None:
            return None
        return self._cached(f"derived {name}", _Identity(summary), lambda: compute(summary))

    # --- indicators -------------------------------------------------------------------

    INDICATOR_KINDS = (
        ReturnKind.INDICATORS,
        ReturnKind.MONTHLY_SERIES,
        ReturnKind.SURVEY,
        ReturnKind.BENCHMARK_QUARTILES,
        ReturnKind.BENCHMARK_MEMBERS,
        ReturnKind.POPULATION,
        ReturnKind.CROSS_TAB,
        ReturnKind.CATEGORY_COUNTS,
    )

    def calculated_indicators(self) -> IndicatorResults | None:
        """The indicators as the returns and the rules give them, before the author's notes."""
        key = self._imports_key(*self.INDICATOR_KINDS)
        if not any(part.thing.kind is not ReturnKind.POPULATION for part in key):
            return None

        def calculate() -> IndicatorResults:
            frames = {kind: self.project.frame(kind) for kind in self.INDICATOR_KINDS}
            return calculate_indicators(IndicatorReturns.of(frames), self.catalogue)

        return self._cached("indicators", key, calculate)

    def indicators(self) -> IndicatorResults | None:
        """The indicators with the author's commentary, actions and statuses laid over them."""
        calculated = self.calculated_indicators()
        if calculated is None:
            return None
        key = (_Identity(calculated), json.dumps(self.project.indicator_notes, sort_keys=True))
        return self._cached("noted", key, lambda: self._with_notes(calculated))

    def performance_sources(self) -> tuple[ReturnSource, ...]:
        """The returns the performance appendix's "Sources of the figures" lists (those of the kinds it reads, not
        the complaints log), each dated by the day the project imported it."""
        kinds = (*self.INDICATOR_KINDS, ReturnKind.WEEKLY_SERIES)
        return return_sources(((imported.result, imported.imported_at) for imported in self.project.imports), kinds)

    def performance_findings(self) -> list[Finding] | None:
        """What the proof finds in the performance appendix an export would write (None without an indicator
        return): report.proof_tables.performance_findings, as `proof performance` lists it, of the appendix laid
        out with the author's notes, words, page settings and chart texts. Kept until one of those or an import
        changes; laying the appendix out takes a tenth of a second or more, so the window works it out on the
        figures' thread (gui/background_figures.py) while the status line says so."""
        indicators = self.indicators()
        if indicators is None:
            return None
        text = self.performance_text()
        imports = tuple(
            (_Identity(imported.provenance), tuple(_Identity(sheet) for sheet in imported.sheets))
            for imported in self.project.imports
        )
        key = (_Identity(indicators), _Identity(text), imports, self._settings_key(*PAGE_SETTINGS, CHART_TEXTS))

        def proof() -> list[Finding]:
            weekly, monthly = (
                self.project.frame(kind) for kind in (ReturnKind.WEEKLY_SERIES, ReturnKind.MONTHLY_SERIES)
            )
            document = performance_document(
                indicators,
                weekly=None if weekly.empty else weekly,
                monthly=None if monthly.empty else monthly,
                text=text,
                options=self.page_options(),
                catalogue=self.catalogue,
                alt_texts=self.project.settings.get(CHART_TEXTS, {}),
                sources=self.performance_sources(),
            )
            results = [imported.result for imported in self.project.imports]
            return performance_findings(document, results, indicators, text, self.catalogue)

        return self._cached("performance findings", key, proof)

    def move_notes_to_own_ids(self) -> dict[str, str]:
        """Move the notes kept under a catalogue id to the return's own id of the one indicator linked to that
        entry (a project saved when ids were renamed to the catalogue's keeps 'CSC-REFERRALS-RATE' for the
        return's 'CSC-D04'); the moves made, catalogue id -> own id, recorded in the project's history.

        A note of an entry two indicators are linked to stays where it is: which it was written for cannot be
        told. An own id's note keeps its fields; the moved note only fills those it lacks.
        """
        notes = self.project.indicator_notes
        if not notes:
            return {}
        calculated = self.calculated_indicators()
        links = catalogue_links(calculated)
        moves = {entry: ids[0] for entry, ids in links.items() if entry in notes and len(ids) == 1}
        for entry, own in moves.items():
            notes[own] = {**notes.pop(entry), **notes.get(own, {})}
        if moves:
            self.project.record(
                f"Kept the notes of {len(moves)} indicator{'s' if len(moves) != 1 else ''} under the returns' own ids",
                moved=moves,
            )
        return moves

    def _with_notes(self, calculated: IndicatorResults) -> IndicatorResults:
        """Only the noted indicators change; everything else keeps the calculation's own values (None stays None)."""
        table = calculated.table.copy()
        notes = self.project.indicator_notes
        for column in (*NOTE_COLUMNS, "status"):
            table[column] = pd.Series(
                [
                    notes.get(id_, {}).get(column, None if pd.isna(value) else value)
                    for id_, value in zip(table["id"], table[column])
                ],
                index=table.index,
                dtype=object,
            )
        authored = table["id"].map(lambda id_: "status" in notes.get(id_, {}))
        table["status_source"] = pd.Series(
            [("author" if mine else source) for mine, source in zip(authored, table["status_source"])],
            index=table.index,
            dtype=object,
        )
        return dataclasses.replace(calculated, table=table)


def _with_sections(text, sections: dict[str, str]):
    """`text` with the author's words for the sections they have written."""
    changed = {
        key: dataclasses.replace(section, text=sections[key])
        for key, section in text.sections.items()
        if key in sections
    }
    return dataclasses.replace(text, sections={**text.sections, **changed}) if changed else text
