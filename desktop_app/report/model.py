"""The report model: an appendix described once, as plain data, for every writer to walk.

A `Document` holds its title page, its page furniture and its `Section`s; a
section holds `Block`s in reading order: `Heading`, `Paragraph`, `ListItem`,
`Table` (header rows and body rows of `Cell`s), `Chart` (the data it draws and
its alternative text), `Cards` (change cards), `Note` (what was left out of a
figure, and why), `Footnote`, `Keep` (blocks kept on one page), `Space`,
`Quote` (someone's words, set apart) and `Image` (a picture with its alternative text),
with the page furniture (`PageOptions`). Every figure in it was formatted once, by the builder of its
appendix kind (report/complaints.py, report/performance.py, report/cover.py),
and is kept by name in `Document.figures`, so the PDF, the window, the command
line and (later) Word show the same text by construction.

What a node means is decided here, where every writer sees it (a header cell,
a total row, a figure's alternative text); how it looks is the writer's
(`layout` names a style the PDF writer's style file defines, and a writer that
has no such style ignores it). Nothing here imports Qt, ReportLab or openpyxl.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

#: The paragraph layouts every writer knows (the PDF's style file defines each: resources/report_style.toml).
PARAGRAPH_LAYOUTS = (
    "body",
    "bullet",
    "footnote",
    "heading1",
    "heading2",
    "title_appendix",
    "title",
    "title_subtitle",
    "title_detail",
    "contents_heading",
    "contents_entry",
    "blank_page",
    "table_header",
    "table_text",
    "table_number",
    "running",
    "table_small",
    "table_small_header",
    "table_small_number",
    "card_label",
    "card_value",
    "card_change",
    "caption",
    "cover_heading",
)


class CellKind(enum.Enum):
    """What a cell holds: writers align every kind but text to the right, and may shade statuses."""

    TEXT = "text"
    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    RATE = "rate"
    NUMBER = "number"
    DAYS = "days"
    ARROW = "arrow"
    STATUS = "status"
    MARKER = "marker"
    ANSWER = "answer"  # Yes / No
    POLARITY = "polarity"  # which way is good: "High", "Low"

    @property
    def numeric(self) -> bool:
        return self is not CellKind.TEXT


@dataclass(frozen=True)
class Selection:
    """The rows a figure counts, for a writer that can list them (the window's "cases behind a figure").

    `procedure` None: the report's procedures together; `stage` None: every stage; `measure` one of
    'received', 'in_time', 'upheld', 'theme_received', 'theme_upheld', 'ombudsman'; `theme` and
    `decision` None: every theme or decision; `last_year`: the year before the report's.
    """

    label: str
    procedure: str | None
    stage: str | None
    measure: str
    theme: str | None = None
    decision: str | None = None
    last_year: bool = False


@dataclass(frozen=True)
class Figure:
    """A named figure: its value at full precision, the text every writer prints, and what it counts."""

    name: str
    text: str
    value: float | int | str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Cell:
    """One cell: its text (mark-up: **bold**), what it holds, and where it came from.

    `figure`: the name of the figure it prints, if any; `selection`: the rows behind it;
    `colour`: a colour name of the style (a judgement's: 'better', 'worse') for the cell's leading arrow
    (▲ ▼), `background`: a colour name of the style shading the cell (a status's, from the status
    vocabulary); `muted`: a second line in small muted type (a figure's own period where it differs from the
    column's); `markup`: the text is already writer mark-up (the PDF's paragraph XML) and must not be
    escaped; `term`: the text is a term with its definition in brackets ('Control (carers who ...)'), which
    writers show as the term in bold and the definition in italics.
    """

    text: str = ""
    kind: CellKind = CellKind.TEXT
    bold: bool = False
    figure: str | None = None
    selection: Selection | None = None
    colour: str | None = None
    background: str | None = None
    muted: str = ""
    markup: bool = False
    term: bool = False


@dataclass(frozen=True)
class Span:
    """Cells merged from (row, column) over `rows` rows and `columns` columns (rows count the header rows)."""

    row: int
    column: int
    rows: int = 1
    columns: int = 1


@dataclass
class Table:
    """A table: `header` rows repeat on every page it runs onto; `total_rows` and `group_rows` index `rows`
    (header rows first). `widths` names the column widths in the style file; `layout` the table's look
    ('table'; 'small' for the small cells of a wide table, 'small_top' with its rows aligned at the top, 'key'
    for a small table with no space around it, kept with what is kept with it).

    `heading`: a sub-heading over the table (a dashboard group's name), in the outline but not the
    contents, kept on the page of the table's header and first row (the table itself may run on);
    `heading_continued`: what stands over its rows on each later page ("Demand (continued)").
    `rows_split`: a row too tall for what is left of a page carries on over the page break (an action plan's long
    cells), where otherwise it starts the next page whole.
    """

    key: str
    header: list[list[Cell]]
    body: list[list[Cell]]
    widths: str
    total_rows: tuple[int, ...] = ()
    group_rows: tuple[int, ...] = ()
    spans: tuple[Span, ...] = ()
    footnotes: list[str] = field(default_factory=list)
    caption: str = ""
    layout: str = "table"
    header_scope: str = "column"
    column_shares: tuple[float, ...] = ()  # shares of the text width, where `widths` names no style entry
    row_headers: tuple[int, ...] = ()  # columns whose body cells head their row (a label/value table's labels)
    heading: str = ""
    heading_continued: str = ""
    rows_split: bool = False

    @property
    def rows(self) -> list[list[Cell]]:
        return [*self.header, *self.body]

    def texts(self) -> list[list[str]]:
        """Every row as the text its cells print (header rows first)."""
        return [[cell.text for cell in row] for row in self.rows]


@dataclass(frozen=True)
class Heading:
    """A heading: `level` 1 is a section's, 2 a sub-heading; `in_contents`: listed in the contents page;
    `in_outline`: a bookmark in the PDF's outline (a key's heading is not)."""

    text: str
    level: int = 1
    in_contents: bool = True
    layout: str = ""
    keep_with_next: bool = False
    in_outline: bool = True


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of filled text (mark-up: **bold**); `figures` names the live figures it holds; `number`:
    the paragraph's number in a numbered report ("2.3"), hanging before it, and read as part of it."""

    text: str
    figures: tuple[str, ...] = ()
    keep_with_next: bool = False
    layout: str = "body"
    number: str = ""


@dataclass(frozen=True)
class Quote:
    """Words someone said, set apart from the report's own; `attribution` says who, never by name
    ("Young person, aged 14")."""

    text: str
    attribution: str = ""
    figures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Image:
    """A picture (PNG or JPEG bytes) with its alternative text, which it cannot be without."""

    data: bytes
    alt_text: str
    name: str = ""

    def __post_init__(self) -> None:
        if not self.alt_text.strip():
            raise ValueError(f"the image {self.name!r} has no alternative text")


@dataclass(frozen=True)
class ListItem:
    """An item of a bulleted ('•') or numbered ('1.') list; `under`: the number of the numbered paragraph the
    item belongs to ("2.1"), so it sits at that paragraph's text, not at the margin its number hangs in."""

    text: str
    marker: str = "•"
    figures: tuple[str, ...] = ()
    keep_with_next: bool = False
    layout: str = "bullet"  # or "numbered": a number ("1.", "2.3") hanging in a wider indent
    under: str = ""


@dataclass(frozen=True)
class Footnote:
    text: str


@dataclass(frozen=True)
class Note:
    """A data-quality note under a table: what was left out of a figure and why."""

    text: str
    kind: str = "data_quality"


@dataclass(frozen=True)
class ChartSeries:
    """One series of a chart: `style` 'bars', 'line', 'dashed' (a comparator or target) or 'band' (a benchmark
    from `values` up to `upper` at each position; a single figure where they are equal)."""

    label: str
    values: tuple[float | None, ...]
    style: str = "line"
    colour: str = "chart_line"
    upper: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart as data: what both pyqtgraph and ReportLab draw, and its alternative text.

    `kind` 'monthly_counts' (bars with a line), 'rolling_percent' (lines), 'month_end' (a count at each month's
    end as a line), 'status_bars' (stacked bars) or
    'benchmark_bars' (a bar a year over its benchmark's band); `labels` the x axis (months,
    'Aug 22'), `periods` the same positions in full ('August 2022', for the alternative text and tips);
    `unit` 'count', '%' or an indicator's unit ('gbp'); `decimals`: the places its figures are written
    with; `floor_at_zero`: the value axis starts at zero. A 'dashed' series is a level (a comparator or a
    target): its first value is drawn across the chart. `alt_text` is worked out from the data (report.charts).
    """

    key: str
    kind: str
    title: str
    labels: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    alt_text: str
    unit: str = "count"
    floor_at_zero: bool = True
    caption: str = ""
    periods: tuple[str, ...] = ()
    decimals: int = 0


@dataclass(frozen=True)
class Card:
    """A change card: a label, the latest value, and one line per horizon ('Week Change', '▲ £5,975 (+0.2%)').

    `colours`: per change, a colour name of the style for its leading arrow (a judgement's), or None. `as_at`:
    the lines under its value: its date, and its change since April where its section asks for it.
    """

    label: str
    value: str
    changes: tuple[tuple[str, str], ...]
    as_at: str = ""
    colours: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Cards:
    """Change cards, one under another; `widths` names the column widths of a card's changes in the style."""

    cards: tuple[Card, ...]
    widths: str = "cards"


@dataclass(frozen=True)
class Keep:
    """Blocks kept together on one page (a short key, a table with its footnotes)."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Space:
    """Vertical space: the style's `name` (e.g. 'table_space_after', 'paragraph'), or `points` where given."""

    name: str
    points: float = 0.0


Block = Heading | Paragraph | ListItem | Table | Chart | Cards | Note | Footnote | Keep | Space | Quote | Image
BlockT = TypeVar("BlockT", Table, Chart, Note)


@dataclass
class Section:
    """A part of the appendix under one heading (none where `title` is empty); `landscape`: on pages turned
    sideways (a wide table)."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    in_contents: bool = True
    new_page: bool = False


@dataclass(frozen=True)
class TitlePage:
    """The title page: the title, "Appendix A", a subtitle, and the details table (label, value)."""

    title: str
    appendix: str = ""
    subtitle: str = ""
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PageOptions:
    """Where the appendix sits in the agenda pack.

    `agenda_item`: shown as "Agenda Item N" at the top of every page (None: no header). `first_page`: the
    pack's page number of the first page. `start_on_odd`: where `first_page` is even, a "This page is
    intentionally left blank" page comes first, so the title page falls on an odd (right-hand) page.
    """

    agenda_item: str | int | None = None
    first_page: int = 1
    start_on_odd: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.first_page, bool) or not isinstance(self.first_page, int) or self.first_page < 1:
            raise ValueError(f"first_page must be a whole number of at least 1, not {self.first_page!r}")

    @property
    def needs_filler(self) -> bool:
        return self.start_on_odd and self.first_page % 2 == 0


@dataclass(frozen=True)
class Metadata:
    """The document's properties: title, author, subject, keywords, language, and the date its figures are as
    at (the PDF's dates, so the same report gives the same bytes and a document store sorts it rightly)."""

    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    language: str = "en-GB"
    as_at: dt.date | None = None  # the figures' date: the document's creation and modification date


@dataclass
class Document:
    """One appendix: `kind` 'complaints', 'performance' or 'cover'. Page furniture: "Agenda Item N" and
    "Page N" from `options`, the `running_title` at the top of body pages, and `blank_page_text` on the
    filler page that makes the title page fall on an odd page."""

    kind: str
    metadata: Metadata
    options: PageOptions
    sections: list[Section]
    title_page: TitlePage | None = None
    contents_heading: str = ""
    running_title: str = ""
    blank_page_text: str = ""
    figures: dict[str, Figure] = field(default_factory=dict)
    #: the sections run on from each other on the page in every writer (a narrative report), but for a
    #: section with `new_page` (an appendix of the report)
    continuous: bool = False
    #: (what, why): each sentence, chart, card, table or section left out because the returns lack its figures
    left_out: tuple[tuple[str, str], ...] = ()

    def tables(self) -> Iterator[Table]:
        """Every table, in reading order (inside kept groups too)."""
        for section in self.sections:
            yield from _blocks_of(section.blocks, Table)

    def table(self, key: str) -> Table:
        for table in self.tables():
            if table.key == key:
                return table
        raise KeyError(f"the {self.kind} appendix has no table {key!r}")

    def charts(self) -> Iterator[Chart]:
        """Every chart, in reading order (inside kept groups too)."""
        for section in self.sections:
            yield from _blocks_of(section.blocks, Chart)

    def notes(self) -> Iterator[Note]:
        """Every data-quality note (what was left out of a figure, and why), in reading order."""
        for section in self.sections:
            yield from _blocks_of(section.blocks, Note)


def _blocks_of(blocks: list[Block] | tuple[Block, ...], kind: type[BlockT]) -> Iterator[BlockT]:
    for block in blocks:
        if isinstance(block, kind):
            yield block
        elif isinstance(block, Keep):
            yield from _blocks_of(block.blocks, kind)
