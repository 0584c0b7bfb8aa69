"""The source of a narrative board report: a text file the author keeps and edits in any text editor.

The file is Markdown with its details at the top between two "+++" lines, in
TOML (the title page's words, the workbook its tables are read from, the returns
its live figures come from):

    +++
    title = "Domestic Abuse Partnership Board: Annual Report 2020-21"
    tables = "board_report_tables_2020-21.xlsx"
    marac = ["marac_2019-2021.xlsx"]
    +++

    # Introduction                     a section, numbered 1, 2 ... by the application
    ## Partnership                      a sub-section, numbered 1.1 (its paragraphs 1.1.1 ...)
    A paragraph, numbered 1.1 ... It may hold live figures: {referrals_value}.
    - a bullet (not numbered)
    [table: Training]                   the table on the workbook's sheet "Training"
    > Words someone said.               a quote; its "-- " line says who, never by name
    > -- Young person, aged 14
    ![What the picture shows](poster.png)   a picture and its alternative text (required)
    # Appendix: Governance               an appendix, lettered A, B ... ; its paragraphs are not numbered

Every slip is a BoardSourceError naming the file and line (or the key of the
details), never a traceback. Paths are relative to the source file's folder.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.report.text import DOCUMENT_KEYS, ReportTextError

FENCE = "+++"
#: The details beyond the title page's words: where the tables and figures come from.
SOURCE_KEYS = ("tables", "marac", "contents")
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
_TABLE = re.compile(r"^\[table:\s*(?P<sheet>[^|\]]+?)\s*(?:\|\s*(?P<caption>[^\]]*?)\s*)?\]$", re.IGNORECASE)
_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<path>[^)]*)\)$")
_APPENDIX = re.compile(r"^appendix\s*:\s*", re.IGNORECASE)
_BULLET = re.compile(r"^[-*•]\s+")
_ATTRIBUTION = re.compile(r"^(?:--|—|–)\s*")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


class BoardSourceError(ReportTextError):
    """The board report's source cannot be used: the file, the line or key, and what is wrong."""


@dataclass(frozen=True)
class Item:
    """One thing of the source in reading order: `kind` 'section', 'appendix', 'subsection', 'paragraph',
    'bullet', 'table', 'quote' or 'image'; `line` where it starts; `text` its words (a table's sheet, an
    image's alternative text); `more` a table's caption, a quote's attribution or an image's file name."""

    kind: str
    line: int
    text: str
    more: str = ""
    data: bytes = b""


@dataclass(frozen=True)
class BoardSource:
    file: str
    folder: Path
    document: dict[str, str]
    items: tuple[Item, ...]
    tables_file: Path | None = None
    marac_files: tuple[Path, ...] = ()
    contents: str = ""
    details_lines: dict[str, int] = field(default_factory=dict)

    @property
    def source(self) -> str:
        """The source file's name, for errors (as every appendix's words name theirs)."""
        return self.file

    def where(self, line: int) -> str:
        return f"{self.file}, {lines(line)}"


def lines(line: int) -> str:
    """'line 9': where in the source, as its errors write it after the file's name."""
    return f"line {line}"


def read_board_source(path: Path) -> BoardSource:
    """The source at `path`, checked; a BoardSourceError says what is wrong and where."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BoardSourceError(f"{path.name}: there is no such file") from None
    except UnicodeDecodeError:
        raise BoardSourceError(f"{path.name}: is not a text file saved as UTF-8 (save it as UTF-8 text)") from None
    except OSError as exc:
        raise BoardSourceError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    return board_source_of(text, path.name, path.resolve().parent)


def board_source_of(text: str, name: str, folder: Path) -> BoardSource:
    """The source whose words are `text`, called `name` in its errors, its files named relative to `folder`
    (the window keeps the words in the project, not in a file)."""
    path = Path(name)
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise BoardSourceError(f"{path.name}, line 1: the file must start with a line '+++', then the details")
    end = next((number for number in range(1, len(lines)) if lines[number].strip() == FENCE), None)
    if end is None:
        raise BoardSourceError(f"{path.name}: the details that start on line 1 have no closing '+++' line")
    details, keys = _details(path.name, lines[1:end])
    marac = details.pop("marac", [])
    if isinstance(marac, str):
        marac = [marac]
    if not isinstance(marac, list) or not all(isinstance(name, str) for name in marac):
        raise BoardSourceError(f"{path.name}, line {keys['marac']}: marac must be a file name, or a list of them")
    tables = details.pop("tables", None)
    if tables is not None and not isinstance(tables, str):
        raise BoardSourceError(f"{path.name}, line {keys['tables']}: tables must be the workbook's file name")
    contents = details.pop("contents", "")
    document: dict[str, str] = {}
    for key, value in details.items():
        if key == "keywords" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            document[key] = ", ".join(value)
        elif not isinstance(value, str):
            raise BoardSourceError(
                f'{path.name}, line {keys[key]}: {key} must be words in quotes ("..."), not {value!r}'
            )
        else:
            document[key] = value
    for key in ("title", "author", "subject"):
        if not document.get(key, "").strip():
            raise BoardSourceError(f'{path.name}: the details must give {key} = "..."')
    items = tuple(_items(path.name, folder, lines[end + 1 :], first_line=end + 2))
    return BoardSource(
        path.name,
        folder,
        document,
        items,
        folder / tables if tables else None,
        tuple(folder / name for name in marac),
        str(contents),
        keys,
    )


def _details(file: str, lines: list[str]) -> tuple[dict[str, object], dict[str, int]]:
    """The details as TOML, and the line of each key; a slip names the line of the file."""
    try:
        details = tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError as exc:
        message = _TOML_LINE.sub(lambda m: f"(at line {int(m.group(1)) + 1}, column {m.group(2)})", str(exc))
        raise BoardSourceError(f"{file}: the details cannot be read: {message}") from None
    keys: dict[str, int] = {}
    for number, line in enumerate(lines, start=2):
        found = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", line)
        if found:
            keys.setdefault(found.group(1), number)
    known = (*DOCUMENT_KEYS, *SOURCE_KEYS)
    for key in details:
        if key not in known:
            raise BoardSourceError(f"{file}, line {keys.get(key, 1)}: unknown detail {key!r}; use one of {list(known)}")
    return details, keys


def _items(file: str, folder: Path, lines: list[str], first_line: int) -> list[Item]:
    items: list[Item] = []
    current: list[str] | None = None  # the lines of the paragraph, bullet or quote being read
    quote_lines: list[str] = []
    attribution = ""
    quote_at = 0

    def close_quote() -> None:
        nonlocal quote_lines, attribution
        if quote_lines or attribution:
            if not quote_lines:
                raise BoardSourceError(f"{file}, line {quote_at}: a quote has who said it but no words")
            items.append(Item("quote", quote_at, " ".join(quote_lines), attribution))
        quote_lines, attribution = [], ""

    for offset, raw in enumerate(lines):
        number = first_line + offset
        line = raw.strip()
        if line.startswith(">"):
            words = line[1:].strip()
            if not quote_lines and not attribution:
                quote_at = number
            current = None
            if _ATTRIBUTION.match(words):
                attribution = _ATTRIBUTION.sub("", words).strip()
            elif attribution:
                raise BoardSourceError(f"{file}, line {number}: a quote's words come before the '-- who said it' line")
            elif words:
                quote_lines.append(words)
            continue
        close_quote()
        if not line:
            current = None
            continue
        if line.startswith("#"):
            current = None
            items.append(_heading(file, number, line))
        elif line.lower().startswith("[table"):
            current = None
            found = _TABLE.match(line)
            if not found:
                raise BoardSourceError(f"{file}, line {number}: write a table as [table: Sheet name], not {line!r}")
            items.append(Item("table", number, found.group("sheet"), found.group("caption") or ""))
        elif line.startswith("!["):
            current = None
            items.append(_image(file, folder, number, line))
        elif _BULLET.match(line):
            items.append(Item("bullet", number, _BULLET.sub("", line)))
            current = [items[-1].text]
        elif current is not None:  # a line of the paragraph or bullet above
            last = items[-1]
            items[-1] = Item(last.kind, last.line, f"{last.text} {line}")
        else:
            items.append(Item("paragraph", number, line))
            current = [line]
    close_quote()
    first = next((item for item in items if item.kind not in ("section", "appendix")), None)
    if first is not None and not any(item.kind in ("section", "appendix") and item.line < first.line for item in items):
        raise BoardSourceError(f"{file}, line {first.line}: the report's words start before its first '# Section'")
    return items


def _heading(file: str, number: int, line: str) -> Item:
    marks = len(line) - len(line.lstrip("#"))
    title = line[marks:].strip()
    if marks > 2 or not title:
        raise BoardSourceError(
            f"{file}, line {number}: a heading is '# Section' or '## Sub-section' with its words, not {line!r}"
        )
    if marks == 2:
        return Item("subsection", number, title)
    if _APPENDIX.match(title):
        title = _APPENDIX.sub("", title).strip()
        if not title:
            raise BoardSourceError(f"{file}, line {number}: the appendix has no title ('# Appendix: Its title')")
        return Item("appendix", number, title)
    return Item("section", number, title)


def _image(file: str, folder: Path, number: int, line: str) -> Item:
    found = _IMAGE.match(line)
    if not found:
        raise BoardSourceError(f"{file}, line {number}: write a picture as ![what it shows](file.png), not {line!r}")
    alt, name = found.group("alt").strip(), found.group("path").strip()
    if not alt:
        raise BoardSourceError(
            f"{file}, line {number}: the picture {name} has no alternative text: say what it shows between the "
            f"brackets, ![A poster of the campaign ...]({name}), for readers who cannot see it"
        )
    try:
        data = (folder / name).read_bytes()
    except OSError:
        raise BoardSourceError(f"{file}, line {number}: the picture {name} is not there (beside {file})") from None
    if not any(data.startswith(magic) for magic in IMAGE_TYPES):
        raise BoardSourceError(f"{file}, line {number}: the picture {name} is not a PNG or JPEG file")
    return Item("image", number, alt, name, data)
