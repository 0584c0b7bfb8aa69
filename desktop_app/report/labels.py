"""Labels the author's data writes into a table or heading, bounded in length.

A category pasted as a paragraph (Excel allows 32,767 characters in a cell) would make a table row taller
than a page, which no page can hold. Such a label is shortened where it is printed, and the appendix says
so under the table, so the reader knows the full text is in the log.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The longest label printed in full: more than any real theme or decision needs.
LABEL_LIMIT = 150


def shortened(label: str, limit: int = LABEL_LIMIT) -> str:
    """`label`, or its first words up to `limit` characters and an ellipsis."""
    if len(label) <= limit:
        return label
    cut = label[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # end on a word where one ends near the limit
        cut = cut[:space]
    return cut.rstrip() + "…"


def too_long(labels: Iterable[str | None]) -> list[str]:
    """The labels among `labels` that `shortened` would shorten."""
    return [label for label in labels if label is not None and len(label) > LABEL_LIMIT]
