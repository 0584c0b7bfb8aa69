"""What a cover report's PDF says, read back in drawing order: shared by the tests of the cover."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def drawn_words(path: Path) -> str:
    """Every page's words in drawing order (a table's cells one after another, a wrapped label whole), as one
    string with single spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def positions(words: str, phrases: list[str]) -> list[int]:
    """Where each phrase is in `words`; a phrase not there fails the test, named."""
    found = []
    for phrase in phrases:
        at = words.find(phrase)
        assert at >= 0, f"{phrase!r} is not on the cover"
        found.append(at)
    return found


def in_order(words: str, phrases: list[str]) -> bool:
    """Whether every phrase is in `words` in the order given (one missing fails the test, named)."""
    found = positions(words, phrases)
    return found == sorted(found)
