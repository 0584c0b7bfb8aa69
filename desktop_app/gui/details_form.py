"""The Report tab's "Appendix details" page: the committee, meeting date, appendix label, report of and
author that each appendix prints, set by the author and kept in the project (report.details).

An empty field shows, greyed, what prints unless the author types their own: the council's text file's
words. Each change is one undoable edit, and the preview and the exports take it at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.gui.session import Session
from desktop_app.report.details import DETAILED_APPENDICES, DETAILS, DETAILS_SETTING, details_of


class AppendixDetailsForm(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setAccessibleName("Appendix details")
        self._refreshing = False
        self.fields: dict[tuple[str, str], QLineEdit] = {}

        grid = QGridLayout()
        for column, name in enumerate(DETAILED_APPENDICES.values(), start=1):
            heading = QLabel(f"<b>{name}</b>")
            heading.setWordWrap(True)  # five appendices side by side fit a laptop's screen
            grid.addWidget(heading, 0, column)
        for row, (detail, label) in enumerate(DETAILS.items(), start=1):
            caption = QLabel(label + ":")
            grid.addWidget(caption, row, 0)
            for column, (appendix, name) in enumerate(DETAILED_APPENDICES.items(), start=1):
                field = QLineEdit()
                field.setObjectName(f"{appendix}_{detail}")
                field.setAccessibleName(f"{name}: {label}")
                field.setClearButtonEnabled(True)
                field.editingFinished.connect(
                    lambda a=appendix, d=detail, f=field: self.set_detail(a, d, f.text().strip() or None)
                )
                if column == 1:
                    caption.setBuddy(field)
                grid.addWidget(field, row, column)
                self.fields[appendix, detail] = field
        for column in range(1, len(DETAILED_APPENDICES) + 1):
            grid.setColumnStretch(column, 1)

        explanation = QLabel(
            "What each appendix prints on its title page and in its document properties. A greyed field prints "
            "the words shown, from the council's text file; type to print your own. Clearing a field goes back to "
            "the usual words; 'Print nothing' leaves the detail off the page."
        )
        explanation.setWordWrap(True)
        self.blank_button = QPushButton("Print &nothing in this field")
        self.blank_button.setToolTip("Leave the detail of the field you are in off the appendix")
        self.blank_button.clicked.connect(self.print_nothing)
        self._last_field: QLineEdit | None = None
        for field in self.fields.values():
            field.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Appendix details</b>"))
        layout.addWidget(explanation)
        layout.addLayout(grid)
        layout.addWidget(self.blank_button)
        layout.addStretch(1)
        session.project_changed.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.FocusIn and isinstance(watched, QLineEdit):
            self._last_field = watched
        return super().eventFilter(watched, event)

    def set_detail(self, appendix: str, detail: str, text: str | None) -> None:
        """One undoable edit of one detail: text prints as typed, "" prints nothing, None the text file's."""
        if self._refreshing:
            return
        settings = self.session.project.settings
        value = None if text is None else text.strip()
        if value == details_of(settings, appendix).get(detail):
            return
        before = settings.get(DETAILS_SETTING)
        every = {key: dict(chosen) for key, chosen in (before or {}).items()}
        chosen = every.setdefault(appendix, {})
        if value is None:
            chosen.pop(detail, None)
        else:
            chosen[detail] = value
        every = {key: chosen for key, chosen in every.items() if chosen}
        self.session.edit(
            f"Set the {DETAILED_APPENDICES[appendix].lower()}'s {DETAILS[detail].split(' (')[0].lower()}",
            lambda v: self.session.project.set_setting(DETAILS_SETTING, v),
            before,
            every or None,
        )

    def print_nothing(self) -> None:
        field = self._last_field
        if field is None:
            return
        appendix, detail = next(key for key, f in self.fields.items() if f is field)
        field.clear()
        self.set_detail(appendix, detail, "")

    def refresh(self) -> None:
        self._refreshing = True
        try:
            workspace = self.session.workspace
            for appendix in DETAILED_APPENDICES:
                usual = workspace.usual_details(appendix)
                chosen = details_of(self.session.project.settings, appendix)
                for detail in DETAILS:
                    field = self.fields[appendix, detail]
                    value = chosen.get(detail)
                    if field.text() != (value or ""):
                        field.setText(value or "")
                    field.setPlaceholderText("(prints nothing)" if value == "" or not usual[detail] else usual[detail])
        finally:
            self._refreshing = False
