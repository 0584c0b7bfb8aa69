"""The names a hand-kept log uses for its columns and values, and what they mean.

The lists are data (resources/complaints_vocabulary.toml): a council adds its
own spellings there. Matching ignores case, spaces and punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.resource_files import ResourceFileError, read_toml
from desktop_app.paths import RESOURCES

DEFAULT_VOCABULARY_FILE = RESOURCES / "complaints_vocabulary.toml"
OUTCOME_CLASSES = ("upheld", "not_upheld", "excluded", "open")

_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: object) -> str:
    """The form two spellings share when they mean the same: 'Date  received:' -> 'datereceived'."""
    return _NOT_WORD.sub("", str(text).replace("’", "'").replace("'", "")).casefold()


class VocabularyError(ResourceFileError):
    """The vocabulary file contradicts itself or cannot be read."""


@dataclass(frozen=True)
class Vocabulary:
    columns: dict[str, str]  # normalised header -> field
    required_columns: tuple[str, ...]
    values: dict[str, dict[str, str]]  # kind -> normalised spelling -> code
    outcome_classes: dict[str, str]  # outcome code -> one of OUTCOME_CLASSES
    spellings: dict[str, dict[str, list[str]]]  # kind -> code -> spellings, for messages

    def field_for_header(self, header: object) -> str | None:
        return self.columns.get(normalise(header))

    def code(self, kind: str, text: object) -> str | None:
        """The code a spelling stands for, or None when the vocabulary does not know it."""
        return self.values[kind].get(normalise(text))

    def examples(self, kind: str, limit: int = 6) -> str:
        """A few accepted spellings, for an error message."""
        names = [names[0] for names in self.spellings[kind].values() if names]
        return ", ".join(repr(name) for name in names[:limit])


def load_vocabulary(path: Path = DEFAULT_VOCABULARY_FILE) -> Vocabulary:
    data = read_toml(path)

    columns: dict[str, str] = {}
    for field_name, spec in data.get("columns", {}).items():
        add_spellings(columns, path.name, "columns", field_name, spec.get("names", []))
    required = tuple(name for name, spec in data.get("columns", {}).items() if spec.get("required"))

    values: dict[str, dict[str, str]] = {}
    spellings: dict[str, dict[str, list[str]]] = {}
    outcome_classes: dict[str, str] = {}
    for kind, codes in data.get("values", {}).items():
        values[kind], spellings[kind] = {}, {}
        for code, spec in codes.items():
            names = spec.get("names", []) if isinstance(spec, dict) else spec
            if kind == "outcome":
                counts_as = spec.get("counts_as")
                if counts_as not in OUTCOME_CLASSES:
                    raise VocabularyError(f"{path.name}: outcome '{code}': counts_as must be one of {OUTCOME_CLASSES}")
                outcome_classes[code] = counts_as
            spellings[kind][code] = list(names)
            add_spellings(values[kind], path.name, kind, code, names)
    return Vocabulary(columns, required, values, outcome_classes, spellings)


def add_spellings(table: dict[str, str], file: str, kind: str, code: str, names: list[str]) -> None:
    """Add `names` (normalised) as spellings of `code`; one spelling for two codes is refused."""
    for name in names:
        key = normalise(name)
        if table.get(key, code) != code:
            raise VocabularyError(f"{file}: {kind}: {name!r} is listed under both '{table[key]}' and '{code}'")
        table[key] = code
