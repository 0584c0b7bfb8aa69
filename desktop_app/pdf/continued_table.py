"""A table under a heading that says itself again, "(continued)", above the rows a page break carries on.

A dashboard group's table may run over pages; its header row repeats (repeatRows), and so does
its heading, so a reader landing on the later page knows whose rows they are. The repeated heading
is page furniture for a screen reader (an artifact), as the repeated header row is: the heading is
in the structure once, where it first stands.

A table's footnotes go over with its last rows where they would not fit under them (FootnotesWithLastRows).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.flowables import _listWrapOn


class ContinuedTable(PdfTable):
    """A Table whose later parts, after a split, come under `continued` (markup) in `continued_style`."""

    continued: str = ""
    continued_style: ParagraphStyle | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's names
        parts = super().split(availWidth, availHeight)
        if len(parts) < 2 or not self.continued or self.continued_style is None:
            return parts
        first, *rest = parts
        for part in rest:  # made by the split as tables of this class; a third page repeats it again
            part.continued, part.continued_style = self.continued, self.continued_style
        heading = PdfParagraph(self.continued, self.continued_style)
        heading.artifact = True  # see desktop_app.pdf.tagging: repeated furniture, not new content
        heading.keepWithNext = 1
        return [first, heading, *rest]


class FootnotesWithLastRows(KeepTogether):
    """A table that may run over pages, with the footnotes under it: where the footnotes would not fit under
    the table's last row, the page breaks in the table, so its last rows go over with them (the footnotes
    never stand alone at the top of a page). A KeepTogether, so the tagging marks its table and footnotes as
    it marks any other's. `lead`: how many flowables come before the table (a later part's "continued"
    heading, kept with it)."""

    def __init__(self, flowables: list[Flowable], lead: int = 0) -> None:
        super().__init__(flowables)
        self._lead = lead

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - ReportLab's names
        lead, table, notes = self._content[: self._lead], self._content[self._lead], self._content[self._lead + 1 :]
        whole = _listWrapOn(self._content, aW, self.canv)[1]
        if whole > aH:
            table_height = table.wrapOn(self.canv, aW, 0xFFFFFFF)[1]
            lead_height = _listWrapOn(lead, aW, self.canv)[1] if lead else 0
            room = aH - lead_height
            if table_height <= room:  # the whole table fits, but not its notes: leave its last rows to them
                room -= whole - table_height - lead_height
            parts = table.split(aW, room) if room > 0 else []
            if len(parts) >= 2:  # the table's rows that fit, (its "continued" heading,) then the rest
                *first, rest = parts
                carried: list[Flowable] = []
                while first and first[-1].getKeepWithNext():
                    carried.insert(0, first.pop())
                return [*lead, *first, FootnotesWithLastRows([*carried, rest, *notes], len(carried))]
        # all of it fits, or too few rows to leave some behind (a page break before it would leave its heading):
        # as it comes, after an action that draws nothing (the first part of a split must fit where it is)
        return [self.NullActionFlowable(), *self._content]
