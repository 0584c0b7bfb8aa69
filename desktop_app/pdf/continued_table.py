"""A table under a heading that says itself again, "(continued)", above the rows a page break carries on.

A dashboard group's table may run over pages; its header row repeats (repeatRows), and so does
its heading, so a reader landing on the later page knows whose rows they are. The repeated heading
is page furniture for a screen reader (an artifact), as the repeated header row is: the heading is
in the structure once, where it first stands.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable


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
