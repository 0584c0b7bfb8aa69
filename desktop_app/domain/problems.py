"""Problems found in what a user brought, said so that they can fix them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    """How much a problem matters to the figures."""

    ERROR = "error"  # the row is not used
    WARNING = "warning"  # the row is used, but check it
    NOTE = "note"  # for information


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row, or sheet) of a return."""

    severity: Severity
    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None  # the row number as Excel shows it
    column: str = ""  # the column header as written in the file
    cell: str = ""  # e.g. "D7"
    value: str = ""

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.described}"

    @property
    def described(self) -> str:
        """Where the problem is, what it is and the value, without its severity."""
        where = ", ".join(
            part
            for part in (
                self.file,
                f"sheet '{self.sheet}'" if self.sheet else "",
                f"row {self.row}" if self.row is not None else "",
                f"column '{self.column}'" if self.column else "",
                f"cell {self.cell}" if self.cell else "",
            )
            if part
        )
        value = f" (value: {self.value!r})" if self.value else ""
        return f"{where}: {self.message}{value}"
