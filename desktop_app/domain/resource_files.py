"""Reading the settings files a council edits (rules, spellings) under resources/."""

from __future__ import annotations

import functools
import inspect
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class ResourceFileError(ValueError):
    """A settings file cannot be read or says something that cannot be used."""


def read_toml(path: Path) -> dict[str, Any]:
    """The file's tables; a syntax error names the file, line and column."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceFileError(f"{path.name}: cannot be read: {exc}") from exc


def settings_file(load: Callable[P, R]) -> Callable[P, R]:
    """A loader (with a `path` parameter) whose slip on a value of the wrong kind is a ResourceFileError.

    A number where a list belongs, text where a table does, would otherwise escape as a TypeError
    or AttributeError that names nothing (the command line blamed the log being read); this names
    the settings file, in one sentence, wherever the loader is called.
    """
    signature = inspect.signature(load)

    @functools.wraps(load)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return load(*args, **kwargs)
        except ResourceFileError:
            raise
        except (TypeError, AttributeError, KeyError, ValueError, ArithmeticError) as exc:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            name = Path(bound.arguments["path"]).name
            raise ResourceFileError(
                f"{name}: a setting has a value of the wrong kind ({exc}); put it as the comments in the file describe"
            ) from exc

    return checked
