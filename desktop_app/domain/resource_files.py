"""Reading the settings files a council edits (rules, spellings) under resources/."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class ResourceFileError(ValueError):
    """A settings file cannot be read or says something that cannot be used."""


def read_toml(path: Path) -> dict[str, Any]:
    """The file's tables; a syntax error names the file, line and column."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceFileError(f"{path.name}: cannot be read: {exc}") from exc
