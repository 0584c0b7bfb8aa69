"""The Report tab: the cover sheet, the appendix's sections with live figures, and the pack's page settings.

A section's text holds live figures as {name}: the picker inserts them, the
preview below shows them filled from the same figures the PDF's tables use,
and a figure whose value changed since the author last read the section is
flagged, so no paper again says 69 on one page and 98 on another. While a large
log's figures are worked out (gui/background_figures.py) the tab says so and
shows no figure: none of the project as it was is shown as its figure now.

The sections of all three annual complaints reports are here, one list grouped by report under bold heading rows
that cannot be chosen (the arrow keys, Home and End pass over them): the children's report's, then the adults' and
the corporate report's, each listed by its own title, named in full to a screen reader and over the editor
("Adults' report: …", "Corporate report: …"), each kept in the project under workspace.section_key and each with
its own report's live figures in the picker and the preview.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.gui.cover_fields import MeetingsEditor, PurposesEditor, optional_date, show_date
from desktop_app.gui.details_form import AppendixDetailsForm
from desktop_app.gui.forms import load_form
from desktop_app.gui.session import Session
from desktop_app.report.cover import form_meetings, form_purposes, form_text
from desktop_app.report.cover_template import (
    CoverTemplate,
    CoverTemplateError,
    available_templates,
    load_cover_template,
    purposes_of,
)
from desktop_app.workspace import ADULTS, CHILDRENS, CORPORATE, REPORT_TEXT_FILES, kind_of_section, section_key

_PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")
COVER = "cover"
#: The project setting naming the cover's layout (a template of resources/cover_templates).
COVER_TEMPLATE = "cover_template"
DEFAULT_COVER_TEMPLATE = "sefton"
DETAILS_PAGE = "appendix details"
EDIT_PAUSE_MS = 700  # typing pauses this long before the edit is kept (one undo step per pause)


_WORDS = {"pct": "%", "p90": "90th percentile"}
#: How the list of parts names a section of each report (the children's sections by their titles alone).
REPORT_PREFIXES = {CHILDRENS: "", ADULTS: "Adults' report: ", CORPORATE: "Corporate report: "}
#: The heading rows of the list of parts, one over each report's sections.
COVER_HEADING = "Cover and details"
REPORT_HEADINGS = {
    CHILDRENS: "Children's complaints report",
    ADULTS: "Adults' complaints report",
    CORPORATE: "Corporate complaints report",
}
#: How a screen reader names a children's section (the others by their title as listed, with their report's).
CHILDRENS_NAME = "Children's report: "


def figure_words(name: str) -> str:
    """A live figure's name in words for the picker: 'statutory_stage1_in_time_pct' -> 'Statutory stage 1 in
    time %' (the text keeps {name}, which the writers fill)."""
    words = [_WORDS.get(word) or re.sub(r"(?<=[a-z])(\d)", r" \1", word) for word in name.split("_") if word]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


#: The cover's field of further committees, each with its date (report.cover_template.FIELDS).
FURTHER_MEETINGS = "further_meetings"


class FigureHighlighter(QSyntaxHighlighter):
    """Live figures stand out in the editor; a name the report does not have is underlined in red."""

    def __init__(self, document, known):
        super().__init__(document)
        self._known = known
        self._figure = QTextCharFormat()
        self._figure.setBackground(QColor(220, 235, 255))
        self._unknown = QTextCharFormat()
        self._unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._unknown.setUnderlineColor(QColor(200, 0, 0))

    def highlightBlock(self, text: str) -> None:
        for match in _PLACEHOLDER.finditer(text):
            known = match.group(1) in self._known()
            self.setFormat(match.start(), match.end() - match.start(), self._figure if known else self._unknown)


class _Unknown:
    """Holds every name (FigureHighlighter's `known` while the figures are worked out)."""

    def __contains__(self, name: object) -> bool:
        return True


def _heading_row(text: str) -> QListWidgetItem:
    """A bold row over a report's sections: it cannot be chosen, and the keys pass over it."""
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    item.setForeground(QColor(0, 0, 0))  # not greyed as a disabled row would be
    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text} (heading)")
    return item


class _IndentedParts(QStyledItemDelegate):
    """The parts are drawn a little in from their report's heading, so a title's wrapped line reads as its own."""

    INDENT = 14

    def _indented(self, option, index) -> QStyleOptionViewItem:
        shown = QStyleOptionViewItem(option)
        if index.flags() & Qt.ItemFlag.ItemIsSelectable:
            shown.rect.setLeft(shown.rect.left() + self.INDENT)
        return shown

    def paint(self, painter, option, index) -> None:
        super().paint(painter, self._indented(option, index), index)

    def sizeHint(self, option, index):
        size = super().sizeHint(self._indented(option, index), index)
        if index.flags() & Qt.ItemFlag.ItemIsSelectable:
            size.setWidth(size.width() + self.INDENT)
        return size


class PartsList(QListWidget):
    """The list of parts: the arrow keys, Page Up/Down, Home and End go from part to part over the headings."""

    _BACK = (
        QAbstractItemView.CursorAction.MoveUp,
        QAbstractItemView.CursorAction.MovePageUp,
        QAbstractItemView.CursorAction.MoveLeft,
        QAbstractItemView.CursorAction.MovePrevious,
        QAbstractItemView.CursorAction.MoveEnd,
    )

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt's name, overridden
        index = super().moveCursor(action, modifiers)
        if not index.isValid() or self.item(index.row()).flags() & Qt.ItemFlag.ItemIsSelectable:
            return index
        step = -1 if action in self._BACK else 1
        row = index.row()
        while 0 <= row < self.count():
            if self.item(row).flags() & Qt.ItemFlag.ItemIsSelectable:
                return self.model().index(row, 0)
            row += step
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            return index
        return self.currentIndex()  # nothing to choose beyond the heading: stay


class ReportTab(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setAccessibleName("Report")
        self._section: str | None = None
        self._kind = CHILDRENS  # the report whose section is shown (its figures are the picker's)
        self._picker_kind: str | None = None
        self._refreshing = False
        self.report_figures: dict[str, dict[str, str]] = {}  # by report kind
        self.working_out = False  # the figures of the project as it now is are being worked out

        self.parts = PartsList()
        self.parts.setAccessibleName("Parts of the report")
        self.parts.setWordWrap(True)  # a long title wraps in the list: none is cut off at the pane's width
        self.parts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parts.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.parts.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.parts.setItemDelegate(_IndentedParts(self.parts))
        self.parts.currentItemChanged.connect(self._show_part)

        self.cover = load_form("cover_sheet")
        self.cover_fields = self._cover_widgets()  # (before the editors below are put in the form)
        self._connect_cover()
        self.further_meetings = MeetingsEditor()
        self.further_meetings.changed.connect(lambda rows: self.set_cover(FURTHER_MEETINGS, form_text(rows)))
        meeting_form = self.cover.findChild(QFormLayout, "meetingGroupLayout")
        row, _ = meeting_form.getWidgetPosition(self.cover_fields["meeting_date"])
        further_label = QLabel("Further committees:")
        further_label.setObjectName(f"{FURTHER_MEETINGS}Label")
        meeting_form.insertRow(row + 1, further_label, self.further_meetings)
        self.purposes = PurposesEditor()
        self.purposes.changed.connect(lambda words: self.set_cover(self._purposes_field, form_text(words)))
        self._purposes_field = "core_purpose"
        cover_layout = self.cover.layout()
        cover_layout.insertWidget(
            cover_layout.indexOf(self.cover.findChild(QWidget, "consultationsGroup")), self.purposes
        )
        self._templates: dict[str, CoverTemplate] = {}
        self.cover_template = QComboBox()
        self.cover_template.setAccessibleName("Cover layout")
        for name in available_templates():
            self.cover_template.addItem(name.replace("_", " ").title(), name)
        self.cover_template.activated.connect(
            lambda index: self._set_setting(
                COVER_TEMPLATE, self.cover_template.itemData(index), "Choose the cover's layout"
            )
        )
        layout_label = QLabel("Cover &layout:")
        layout_label.setBuddy(self.cover_template)
        export_cover = QPushButton("E&xport cover report…")
        export_cover.setToolTip("Write the cover report, listing this project's appendices")
        export_cover.clicked.connect(session.export_cover_dialog)
        cover_bar = QHBoxLayout()
        cover_bar.addWidget(layout_label)
        cover_bar.addWidget(self.cover_template)
        cover_bar.addStretch(1)
        cover_bar.addWidget(export_cover)
        cover_page = QWidget()
        cover_page_layout = QVBoxLayout(cover_page)
        cover_page_layout.addLayout(cover_bar)
        cover_page_layout.addWidget(self.cover, 1)
        cover_scroll = QScrollArea()
        cover_scroll.setWidgetResizable(True)
        cover_scroll.setWidget(cover_page)

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14pt")
        self.title.setWordWrap(True)  # "Adults' report: Referrals to the Local Government and ..." in a narrow pane
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Section text")
        self.editor.setTabChangesFocus(True)
        self.highlighter = FigureHighlighter(self.editor.document(), self._known_figures)
        self.editor.textChanged.connect(self._typed)
        self.edit_pause = QTimer(self)
        self.edit_pause.setSingleShot(True)
        self.edit_pause.setInterval(EDIT_PAUSE_MS)
        self.edit_pause.timeout.connect(self.keep_section_text)

        self.picker = QComboBox()
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.setAccessibleName("Live figure to insert")
        self.picker.setToolTip("Type to find a figure, e.g. 'statutory stage 1 in time'")
        self.insert_button = QPushButton("&Insert figure")
        self.insert_button.clicked.connect(self.insert_figure)
        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff3cd; padding: 6px; border: 1px solid #e0c060")
        self.stale.setMinimumHeight(48)
        self.read_button = QPushButton("I have &read it")
        self.read_button.setToolTip("The sentences around these figures are right for their new values")
        self.read_button.clicked.connect(self.mark_read)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Section as it will print")
        self.working = QLabel("Working out the figures…")
        self.working.setAccessibleName("The live figures are being worked out")
        self.working.setStyleSheet("background: #e8f0fe; padding: 6px; border: 1px solid #8ab4f8")
        self.working.hide()

        picker_row = QHBoxLayout()
        picker_row.addWidget(QLabel("Live figure:"))
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(self.insert_button)
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale, 1)
        stale_row.addWidget(self.read_button)
        section = QWidget()
        section_layout = QVBoxLayout(section)
        section_layout.addWidget(self.title)
        section_layout.addWidget(self.working)
        section_layout.addLayout(stale_row)
        editor_split = QSplitter(Qt.Orientation.Vertical)
        editor_split.addWidget(self.editor)
        editor_split.addWidget(self.preview)
        section_layout.addWidget(editor_split, 1)
        section_layout.addLayout(picker_row)

        self.details = AppendixDetailsForm(session)
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setWidget(self.details)

        self.pages = QStackedWidget()
        self.pages.addWidget(cover_scroll)
        self.pages.addWidget(section)
        self.pages.addWidget(details_scroll)

        self.agenda_item = QSpinBox()
        self.agenda_item.setRange(0, 99)
        self.agenda_item.setSpecialValueText("none")
        self.agenda_item.setAccessibleName("Agenda item number")
        self.first_page = QSpinBox()
        self.first_page.setRange(1, 9999)
        self.first_page.setAccessibleName("Number of the first page")
        self.start_on_odd = QCheckBox("Start on an &odd page")
        self.suppress = QSpinBox()
        self.suppress.setRange(0, 20)
        self.suppress.setSpecialValueText("off")
        self.suppress.setAccessibleName("Suppress counts below")
        self.suppress.setToolTip("Show small counts as '<N' in the published tables and text")
        pack = QFormLayout()
        pack.addRow("&Agenda item:", self.agenda_item)
        pack.addRow("First page n&umber:", self.first_page)
        pack.addRow("", self.start_on_odd)
        pack.addRow("Suppress counts &below:", self.suppress)
        for box, key in (
            (self.agenda_item, "agenda_item"),
            (self.first_page, "first_page"),
            (self.suppress, "suppress_below"),
        ):
            box.editingFinished.connect(lambda box=box, key=key: self._set_number(key, box.value()))
        self.start_on_odd.toggled.connect(
            lambda on: self._set_setting("start_on_odd", on or None, "Start on an odd page")
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel("Parts of the report:"))
        left_layout.addWidget(self.parts, 1)
        left_layout.addLayout(pack)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._stale = False  # the project changed while another tab showed: refreshed when shown
        session.project_changed.connect(self.refresh)
        session.figures.worked_out.connect(self.refresh)
        self.refresh()

    # --- what the report says ----------------------------------------------------

    @property
    def project(self):
        return self.session.project

    @property
    def figures(self) -> dict[str, str]:
        """The live figures of the report whose section is shown."""
        return self._figures_of_kind(self._kind)

    def _figures_of_kind(self, kind: str) -> dict[str, str]:
        """The `kind` report's live figures, read from the workspace when first asked for after a change (a
        report none of whose sections is shown or was read is not laid out for them: an edit of a limit costs
        the children's report's layout alone until the author opens another report's section)."""
        if self.working_out:
            return {}
        if kind not in self.report_figures:
            try:
                self.report_figures[kind] = self.session.workspace.figures(kind)
            except ResourceFileError as exc:  # a self-assessment kept in a project changed by hand: said
                if kind == CHILDRENS:
                    raise
                self.session.show_status(str(exc))
                self.report_figures[kind] = {}
        return self.report_figures[kind]

    def section_texts(self) -> dict[str, tuple[str, str]]:
        """Section key as the project keeps it (workspace.section_key) -> (title as listed, text as the author
        has it), the children's report's sections first, then the adults' and the corporate report's."""
        found: dict[str, tuple[str, str]] = {}
        for kind in REPORT_TEXT_FILES:
            try:
                text = self.session.workspace.text_of(kind)
            except ResourceFileError as exc:  # a council's text file with a slip: said, its sections not listed
                if kind == CHILDRENS:
                    raise
                self.session.show_status(str(exc))
                continue
            for key, section in text.sections.items():
                found[section_key(kind, key)] = (REPORT_PREFIXES[kind] + section.title, section.text)
        return found

    def _figures_of(self, key: str) -> dict[str, str]:
        return self._figures_of_kind(kind_of_section(key)[0])

    def refresh(self) -> None:
        """Show the project as it now is (after an edit, an undo, or a new project). While another tab of the
        window is showing, only whether the figures are being worked out is noted: the list of parts, the
        figures to insert and the section shown are filled when the tab is next shown (an import costs no more)."""
        self._stale = self.window().isVisible() and not self.isVisible()
        self._refreshing = True
        try:
            self.working_out = not self.session.figures.ready()
            figures_before = self.report_figures.get(self._kind)
            self.report_figures = {}  # read again as they are asked for
            self.working.setVisible(self.working_out)
            self.picker.setEnabled(not self.working_out)
            self.insert_button.setEnabled(not self.working_out)
            if not self._stale:
                self._fill_parts(figures_before)
            self._fill_cover()
            chosen_layout = self.project.settings.get(COVER_TEMPLATE, DEFAULT_COVER_TEMPLATE)
            self.cover_template.setCurrentIndex(max(0, self.cover_template.findData(chosen_layout)))
            settings = self.project.settings
            self.agenda_item.setValue(settings.get("agenda_item") or 0)
            self.first_page.setValue(settings.get("first_page", 1))
            self.start_on_odd.setChecked(bool(settings.get("start_on_odd")))
            self.suppress.setValue(settings.get("suppress_below") or 0)
        finally:
            self.parts.blockSignals(False)
            self._refreshing = False

    def _fill_parts(self, figures_before: dict[str, str] | None) -> None:
        """The list of parts again (the one chosen stays chosen), and the figures to insert if they changed."""
        chosen = self.parts.currentItem()
        current = (chosen.data(Qt.ItemDataRole.UserRole) if chosen else None) or COVER
        self.parts.blockSignals(True)  # rebuilding the list passes through other parts: show only the chosen one
        self.parts.clear()
        self.parts.addItem(_heading_row(COVER_HEADING))
        item = QListWidgetItem("Cover sheet")
        item.setData(Qt.ItemDataRole.UserRole, COVER)
        self.parts.addItem(item)
        item = QListWidgetItem("Appendix details")
        item.setData(Qt.ItemDataRole.UserRole, DETAILS_PAGE)
        item.setToolTip("Committee, meeting date, appendix label, report of and author of each appendix")
        self.parts.addItem(item)
        headed: set[str] = set()
        for key, (title, text) in self.section_texts().items():
            kind = kind_of_section(key)[0]
            if kind not in headed:
                headed.add(kind)
                self.parts.addItem(_heading_row(REPORT_HEADINGS.get(kind, kind)))
            prefix = REPORT_PREFIXES.get(kind, "")
            named = (prefix or CHILDRENS_NAME) + title.removeprefix(prefix)  # which report, said
            changed = self.changed_figures(key, text)
            item = QListWidgetItem(("● " if changed else "") + title.removeprefix(prefix))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(named)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                named + (": figures changed since you last read it" if changed else ""),
            )
            if changed:
                item.setToolTip(f"{named}: figures in this section changed since you last read it")
                item.setForeground(QColor(150, 90, 0))
            self.parts.addItem(item)
        self.parts.blockSignals(False)
        if self.figures is not figures_before or not self.figures:  # the same (a section edited): kept
            self._fill_picker()
        self._select(current)

    def _fill_picker(self) -> None:
        self._picker_kind = self._kind
        chosen = self.picker.currentData()
        self.picker.clear()
        for name, value in sorted(self.figures.items(), key=lambda item: figure_words(item[0])):
            self.picker.addItem(f"{figure_words(name)}: {value}", name)
            self.picker.setItemData(self.picker.count() - 1, "{" + name + "}", Qt.ItemDataRole.ToolTipRole)
        self.picker.setCurrentIndex(max(0, self.picker.findData(chosen)))

    def _select(self, key: str) -> None:
        if key is None:
            return
        for row in range(self.parts.count()):
            if self.parts.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.parts.setCurrentRow(row)
                self._show_part(self.parts.item(row), None)
                return

    def select_section(self, key: str) -> None:
        if self._stale:  # changed while another tab showed
            self.refresh()
        self._select(key)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_part(self, current, previous) -> None:
        key = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if key is None:  # a heading row (made current by a click on it): the part shown stays
            return
        self.keep_pending_text()
        if key in (COVER, DETAILS_PAGE):
            self._section = None
            self.pages.setCurrentIndex(0 if key == COVER else 2)
            return
        self._section = key
        self._kind = kind_of_section(key)[0]
        if self._picker_kind != self._kind:  # another report's section: its figures to insert
            self._fill_picker()
            self.highlighter.rehighlight()
        self.pages.setCurrentIndex(1)
        title, text = self.section_texts()[key]
        self.title.setText(title)
        self._fit_title()
        if self.editor.toPlainText() != text:
            was = self._refreshing
            self._refreshing = True
            self.editor.setPlainText(text)
            self._refreshing = was
        self._show_preview_and_flags(text)

    def _fit_title(self) -> None:
        """Lay the page out now for the title's wrapped lines: a long title is never shown cut to one line, even
        in what is drawn before the window's next layout pass."""
        self.pages.layout().activate()
        page = self.pages.currentWidget()
        if page.layout() is not None:
            page.layout().activate()

    # --- live figures ------------------------------------------------------------------

    def _known_figures(self) -> dict[str, str] | _Unknown:
        """The live figures, or (while they are worked out) a stand-in that knows every name: none is shown as
        wrong meanwhile."""
        return _Unknown() if self.working_out else self.figures

    def changed_figures(self, key: str, text: str) -> list[tuple[str, str, str]]:
        """(name, value when last read, value now) for each figure in the section that has changed."""
        read = self.project.settings.get("figures_read", {}).get(key, {})
        if not read:
            return []
        figures = self._figures_of(key)
        return [
            (name, read[name], figures.get(name, "?"))
            for name in dict.fromkeys(_PLACEHOLDER.findall(text))
            if name in read and read[name] != figures.get(name)
        ]

    def _show_preview_and_flags(self, text: str) -> None:
        def shown(match: re.Match) -> str:
            name = match.group(1)
            if self.working_out:
                return '<span style="background:#e8f0fe">…</span>'
            if name in self.figures:
                return f'<span style="background:#dcebff">{html.escape(self.figures[name])}</span>'
            return f'<span style="color:#b00020">[{html.escape(name)}: no such figure]</span>'

        paragraphs = [_PLACEHOLDER.sub(shown, html.escape(part, quote=False)) for part in text.split("\n\n")]
        self.preview.setHtml("".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in paragraphs))
        changed = self.changed_figures(self._section, text) if self._section else []
        self.stale.setVisible(bool(changed))
        self.read_button.setVisible(bool(changed))
        if changed:
            self.stale.setText(
                "Figures in this section have changed since you last read it: "
                + "; ".join(f"{figure_words(name)} was {before}, now {now}" for name, before, now in changed)
                + ". Check the sentences around them."
            )

    def insert_figure(self) -> None:
        name = self.picker.currentData()
        typed = self.picker.currentText().strip().strip("{}")
        by_words = {figure_words(known).casefold(): known for known in self.figures}
        name = (
            name
            if self.picker.findText(self.picker.currentText()) >= 0
            else (typed if typed in self.figures else by_words.get(typed.split(":")[0].strip().casefold()))
        )
        if name:
            self.editor.insertPlainText("{" + name + "}")
            self.editor.setFocus()

    def mark_read(self) -> None:
        """The author has read the section with its figures' present values."""
        if self._section is None:
            return
        self._keep_read(self._section, self.section_texts()[self._section][1], "Marked as read")

    def _keep_read(self, key: str, text: str, description: str) -> None:
        before = self.project.settings.get("figures_read", {})
        figures = self._figures_of(key)
        after = {**before, key: {name: figures[name] for name in _PLACEHOLDER.findall(text) if name in figures}}
        self.session.edit(
            f"{description}: {self.section_texts()[key][0]}",
            lambda value: self.project.set_setting("figures_read", value or None),
            before or None,
            after,
        )

    # --- editing -------------------------------------------------------------------------

    def _typed(self) -> None:
        if not self._refreshing and self._section:
            self._show_preview_and_flags(self.editor.toPlainText())
            self.edit_pause.start()

    def keep_pending_text(self) -> None:
        """Keep now what is typed within the pause that would keep it (before a save, an export or a close)."""
        if self.edit_pause.isActive():
            self.edit_pause.stop()
            self.keep_section_text()

    def keep_section_text(self) -> None:
        """Keep what the author typed (one undo step per pause in typing); writing a section is reading it."""
        key = self._section
        if key is None:
            return
        text = self.editor.toPlainText()
        before = self.project.sections.get(key)
        if text == self.section_texts()[key][1]:
            return
        self.session.undo_stack.beginMacro(f"Edit {self.section_texts()[key][0]}")
        self.session.edit(f"Edit {key}", lambda value: self.project.set_section(key, value), before, text)
        if not self.working_out:  # the figures being worked out were not read: the marks stay as they were
            self._keep_read(key, text, "Read")
        self.session.undo_stack.endMacro()

    def _set_setting(self, key: str, value, description: str) -> None:
        if self._refreshing:
            return
        self.session.edit(
            description, lambda v: self.project.set_setting(key, v), self.project.settings.get(key), value
        )

    def _set_number(self, key: str, value: int) -> None:
        self._set_setting(key, value or None if key != "first_page" else value, f"Set {key.replace('_', ' ')}")

    # --- the cover sheet (forms/cover_sheet.ui: each field's widget is named as the field) ------------------

    def _cover_widgets(self) -> dict[str, QWidget]:
        return {
            widget.objectName(): widget
            for widget in self.cover.findChildren(QWidget)
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit))
            and widget.objectName()
            and not widget.objectName().startswith("qt_")
        }

    def _connect_cover(self) -> None:
        for name, widget in self._cover_widgets().items():
            if isinstance(widget, QLineEdit):
                widget.editingFinished.connect(lambda name=name, w=widget: self.set_cover(name, w.text()))
            elif isinstance(widget, QPlainTextEdit):
                widget.installEventFilter(self)
            elif isinstance(widget, QComboBox):
                widget.activated.connect(lambda index, name=name, w=widget: self.set_cover(name, w.currentText()))
            elif isinstance(widget, QDateEdit):
                optional_date(widget, lambda iso, name=name: self.set_cover(name, iso))

    def eventFilter(self, watched, event) -> bool:
        """A long cover field is kept when the author leaves it."""
        if event.type() == event.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            self.set_cover(watched.objectName(), watched.toPlainText())
        return super().eventFilter(watched, event)

    def set_cover(self, name: str, text: str) -> None:
        if self._refreshing:
            return
        before = self.project.cover.get(name)
        self.session.edit(
            f"Edit the cover's {name.replace('_', ' ')}",
            lambda value: self.project.set_cover(name, value),
            before,
            text or None,
        )

    def _fill_cover(self) -> None:
        for name, widget in self.cover_fields.items():
            value = self.project.cover.get(name, "")
            widget.blockSignals(True)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != value:
                    widget.setPlainText(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findText(value)))
            elif isinstance(widget, QDateEdit):
                show_date(widget, value)
            widget.blockSignals(False)
        template = self.chosen_template()
        if template is None:
            return
        self._show_fields_of(template)
        try:
            rows = form_meetings(self.project.cover.get(FURTHER_MEETINGS, ""))
        except CoverTemplateError as exc:  # a project file changed by hand: said, not dropped
            rows = []
            self.further_meetings.reason.setText(str(exc))
        self.further_meetings.set_rows(rows)
        used = FURTHER_MEETINGS in template.fields()
        self.further_meetings.set_used(used, "" if used else f"The {template.name} layout prints one committee only.")
        blocks = [block for block in template.blocks if block["type"] == "purposes"]
        self._purposes_field = blocks[0]["field"] if blocks else "core_purpose"
        heading = template.labels.get(self._purposes_field, "")
        reason = (
            ""
            if blocks
            else f"The {template.name} layout has no table of the council's purposes: words given for another "
            "layout are kept, and print when one with the table is chosen."
        )
        self.purposes.set_purposes(purposes_of(template, self._purposes_field), heading, reason)
        try:
            self.purposes.set_words(form_purposes(self.project.cover.get(self._purposes_field, "")))
        except CoverTemplateError as exc:
            self.purposes.reason.setText(str(exc))

    def chosen_template(self) -> CoverTemplate | None:
        """The cover layout the project names (read once per name); None, said, where it cannot be read."""
        name = self.project.settings.get(COVER_TEMPLATE, DEFAULT_COVER_TEMPLATE)
        if name not in self._templates:
            try:
                self._templates[name] = load_cover_template(name)
            except CoverTemplateError as exc:
                self.session.show_status(str(exc))
                return None
        return self._templates[name]

    def _show_fields_of(self, template: CoverTemplate) -> None:
        """A field the layout does not print is disabled, saying so (its words are kept for another layout)."""
        printed = set(template.fields())
        for name, widget in self.cover_fields.items():
            used = name in printed
            reason = "" if used else f"The {template.name} layout does not print this field."
            label = self.cover.findChild(QLabel, f"{name}Label")
            for shown in (widget, label) if label is not None else (widget,):
                shown.setEnabled(used)
                shown.setToolTip(reason)
            widget.setAccessibleDescription(reason)
