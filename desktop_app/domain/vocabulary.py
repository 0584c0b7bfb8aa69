"""The names a hand-kept log uses for its columns and values, and what they mean.

The lists are data (resources/complaints_vocabulary.toml): a council adds its
own spellings there. Matching ignores case, spaces and punctuation.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
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
    #: Equality counts under this are suppressed where the report sets no threshold of its own ([equality]).
    equality_suppress_below: int = 5

    def field_for_header(self, header: object) -> str | None:
        return self.columns.get(normalise(header))

    def code(self, kind: str, text: object) -> str | None:
        """The code a spelling stands for, or None when the vocabulary does not know it."""
        return self.values[kind].get(normalise(text))

    def nearest(self, kind: str, text: str) -> tuple[str, str] | None:
        """The known spelling nearest to `text` and its code ('Partly founded' -> ('Partly upheld',
        'partially_upheld')), or None where nothing is near."""
        names = {name: code for code, names in self.spellings.get(kind, {}).items() for name in names}
        by_form = {normalise(name): name for name in names}
        near = difflib.get_close_matches(normalise(text), list(by_form), n=1, cutoff=0.5)
        return (by_form[near[0]], names[by_form[near[0]]]) if near else None

    def words(self) -> dict[str, dict[str, str]]:
        """Each kind's codes as a person writes them, the first spelling of each ('partially_upheld' ->
        'Partially upheld'): what the window shows instead of a code."""
        return {
            kind: {code: names[0] for code, names in codes.items() if names} for kind, codes in self.spellings.items()
        }

    def examples(self, kind: str, limit: int = 6) -> str:
        """A few accepted spellings, for an error message."""
        names = [names[0] for names in self.spellings[kind].values() if names]
        return ", ".join(repr(name) for name in names[:limit])


@settings_file
def load_vocabulary(path: Path = DEFAULT_VOCABULARY_FILE, own_words: OwnWords | None = None) -> Vocabulary:
    """The shipped vocabulary, with a council's own words (see `read_own_words`) added to it."""
    data = read_toml(path)
    if own_words:
        data = _with_own_words(data, own_words)
    return _vocabulary(data, path.name)


def _vocabulary(data: dict[str, Any], file: str) -> Vocabulary:
    columns: dict[str, str] = {}
    for field_name, spec in data.get("columns", {}).items():
        add_spellings(columns, file, "columns", field_name, spec.get("names", []))
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
                    raise VocabularyError(f"{file}: outcome '{code}': counts_as must be one of {OUTCOME_CLASSES}")
                outcome_classes[code] = counts_as
            spellings[kind][code] = list(names)
            add_spellings(values[kind], file, kind, code, names)
    threshold = data.get("equality", {}).get("suppress_below", 5)
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 2:
        raise VocabularyError(
            f"{file}: [equality] suppress_below must be a whole number of at least 2, not {threshold!r}"
        )
    return Vocabulary(columns, required, values, outcome_classes, spellings, threshold)


# --- a council's own words ------------------------------------------------------------------------
#
# A council's own file (never the shipped one) adds its spellings, by the same kinds and codes:
#
#     [outcome]
#     upheld = ["Founded"]
#     partially_upheld = ["Partly founded"]
#     not_upheld = ["Unfounded"]
#     withdrawn = ["Discontinued"]
#     [outcome.closed_informally]          # a meaning of its own: say how it counts
#     counts_as = "excluded"
#     names = ["Resolved informally"]
#     [columns]
#     reference = ["Case number"]
#
# The project keeps these words (not the file's path), so a project sent to a colleague counts the same.

OwnWords = dict[str, dict[str, Any]]  # kind -> code -> [names] or {"counts_as": ..., "names": [...]}


@settings_file
def read_own_words(path: Path) -> OwnWords:
    """A council's own vocabulary file, checked against the shipped one (a VocabularyError naming it)."""
    data = read_toml(Path(path))
    words = {kind: dict(codes) for kind, codes in data.items() if isinstance(codes, dict)}
    check_own_words(words, Path(path).name)
    return words


def check_own_words(words: OwnWords, file: str) -> None:
    """Refuse what the shipped vocabulary cannot take: an unknown kind or column, a word of two meanings."""
    shipped = read_toml(DEFAULT_VOCABULARY_FILE)
    kinds = set(shipped.get("values", {})) | {"columns"}
    for kind, codes in words.items():
        if kind not in kinds:
            raise VocabularyError(
                f"{file}: [{kind}] is not a kind of word the log has (one of {', '.join(sorted(kinds))})"
            )
        for code, spec in codes.items():
            names = spec.get("names") if isinstance(spec, dict) else spec
            if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
                raise VocabularyError(f'{file}: [{kind}] {code}: give the words as a list, such as {code} = ["..."]')
            if kind == "columns" and code not in shipped["columns"]:
                known = ", ".join(shipped["columns"])
                raise VocabularyError(f"{file}: [columns] {code} is not a column of the log (one of {known})")
    _vocabulary(_with_own_words(shipped, words), file)  # a word under two meanings, a counts_as missing


def _with_own_words(data: dict[str, Any], words: OwnWords) -> dict[str, Any]:
    """The shipped vocabulary's data with a council's words added under their kinds and codes."""
    merged = copy.deepcopy(data)
    for kind, codes in words.items():
        for code, spec in codes.items():
            names = list(spec.get("names", [])) if isinstance(spec, dict) else list(spec)
            if kind == "columns":
                merged["columns"][code]["names"] = [*merged["columns"][code].get("names", []), *names]
                continue
            known = merged["values"].setdefault(kind, {})
            if code not in known:
                known[code] = dict(spec) if isinstance(spec, dict) else names
                continue
            if isinstance(known[code], dict):
                known[code]["names"] = [*known[code].get("names", []), *names]
            else:
                known[code] = [*known[code], *names]
    return merged


def add_spellings(table: dict[str, str], file: str, kind: str, code: str, names: list[str]) -> None:
    """Add `names` (normalised) as spellings of `code`; one spelling for two codes is refused."""
    for name in names:
        key = normalise(name)
        if table.get(key, code) != code:
            raise VocabularyError(f"{file}: {kind}: {name!r} is listed under both '{table[key]}' and '{code}'")
        table[key] = code
