"""The one status vocabulary: each dashboard status, what it means and its colour (resources/status_vocabulary.toml).

The PDF appendix (the dashboard's status cells and the status key) and the
window's Indicators tab (its Status column, menus and tips) both read it, so a
status is shaded and explained the same everywhere. A colour is a colour name
of the report style's [colours] (resources/report_style.toml): the PDF writer
draws it from its style, the window from `style_colours`, the same file.

    statuses = load_statuses()
    statuses.find("Met")          # Status('met', 'Target met', 'status_good', 'target')
    statuses.schemes_of(["2", "3"])   # ('rating',)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.paths import RESOURCES

STATUS_FILE = RESOURCES / "status_vocabulary.toml"
STYLE_FILE = RESOURCES / "report_style.toml"
_KEYS = {"label", "colour", "scheme"}


class StatusVocabularyError(ResourceFileError):
    """The status vocabulary cannot be used: a status without a label, a colour the style does not have."""


@dataclass(frozen=True)
class Status:
    """A status as written ('1', 'met'), what it means, its colour name (None: unshaded) and its scheme."""

    code: str
    label: str
    colour: str | None
    scheme: str


@dataclass(frozen=True)
class StatusVocabulary:
    statuses: tuple[Status, ...]

    def find(self, code: object) -> Status | None:
        """The status written `code` (case and surrounding spaces ignored), or None."""
        wanted = str(code).strip().casefold() if code is not None else ""
        return next((status for status in self.statuses if status.code.casefold() == wanted), None)

    def label(self, code: object) -> str:
        """What the status written `code` means ('' for a status the vocabulary does not have)."""
        found = self.find(code)
        return found.label if found else ""

    @property
    def codes(self) -> tuple[str, ...]:
        """Every status, in the file's order (the choices an author is offered)."""
        return tuple(status.code for status in self.statuses)

    def schemes_of(self, codes: Iterable[object]) -> tuple[str, ...]:
        """The schemes the statuses `codes` belong to, in the file's order."""
        used = {found.scheme for found in map(self.find, codes) if found is not None}
        return tuple(dict.fromkeys(status.scheme for status in self.statuses if status.scheme in used))

    def in_schemes(self, schemes: Iterable[str]) -> tuple[Status, ...]:
        """The statuses of `schemes`, in the file's order (a status key)."""
        wanted = set(schemes)
        return tuple(status for status in self.statuses if status.scheme in wanted)


def style_colours(path: Path = STYLE_FILE) -> dict[str, str]:
    """The report style's colours by name, as "#rrggbb" (the PDF writer checks and draws the same table)."""
    colours = read_toml(path).get("colours")
    if not isinstance(colours, dict):
        raise StatusVocabularyError(f"{path.name}: [colours] is missing")
    return {str(name): str(value) for name, value in colours.items()}


@settings_file
def load_statuses(path: Path = STATUS_FILE, style_file: Path = STYLE_FILE) -> StatusVocabulary:
    """Read and check the status vocabulary; a mistake names the status and key."""
    data = read_toml(path)
    where = path.name
    table = data.get("status")
    if set(data) - {"status"} or not isinstance(table, dict) or not table:
        raise StatusVocabularyError(f'{where}: needs [status."1"] tables (label, colour, scheme) and nothing else')
    colours = style_colours(style_file)
    statuses = []
    for code, spec in table.items():
        here = f"{where}: [status.{code}]"
        if not isinstance(spec, dict) or not isinstance(spec.get("label"), str) or not spec["label"].strip():
            raise StatusVocabularyError(
                f'{here} needs a label, e.g. {{ label = "Not improving", colour = "status_poor", scheme = "rating" }}'
            )
        extra = sorted(set(spec) - _KEYS)
        if extra:
            raise StatusVocabularyError(f"{here}: unknown key {extra[0]!r}; use {sorted(_KEYS)}")
        colour = spec.get("colour")
        if colour is not None and colour not in colours:
            raise StatusVocabularyError(
                f"{here} colour {colour!r} is not a colour of the report style "
                f"({', '.join(c for c in colours if c.startswith('status'))}, ...)"
            )
        scheme = spec.get("scheme", "rating")
        if not isinstance(scheme, str) or not scheme.strip():
            raise StatusVocabularyError(f'{here}: scheme must be a name in quotes, e.g. "rating"')
        statuses.append(Status(str(code).strip(), spec["label"], colour, scheme))
    codes = [status.code.casefold() for status in statuses]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise StatusVocabularyError(f"{where}: the status {twice[0]!r} is listed twice")
    return StatusVocabulary(tuple(statuses))
