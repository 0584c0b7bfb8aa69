"""Python values as JSON text, exactly: what goes in comes back, type and all.

Settings, edit history and odd cells are kept in the project file as JSON, so
anyone can read them with any SQLite tool. Plain JSON would turn a date into a
string and a tuple into a list; here such values are tagged ({"$date": ...})
and come back as they were. Only the types below are written: anything else is
a TypeError at save time, never a silent change.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import math
from enum import Enum
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.domain.problems import Severity
from desktop_app.domain.returns import ReturnKind

#: The enumerations a value may hold, by name (never imported by a name read from a file).
ENUMS: dict[str, type[Enum]] = {"ReturnKind": ReturnKind, "Severity": Severity}


def dumps(value: Any) -> str:
    """`value` as JSON text that `loads` turns back into an equal value of the same types."""
    return json.dumps(tag(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    return untag(json.loads(text))


def tag(value: Any) -> Any:
    """`value` as plain JSON data: lists, str-keyed dicts, str, int, float, bool, None."""
    if value is None or type(value) in (str, bool, int):
        return value
    if type(value) is float:
        return value if math.isfinite(value) else {"$float": repr(value)}
    if type(value) is list:
        return [tag(item) for item in value]
    if type(value) is dict:
        if all(type(key) is str and not key.startswith("$") for key in value):
            return {key: tag(item) for key, item in value.items()}
        return {"$dict": [[tag(key), tag(item)] for key, item in value.items()]}
    if type(value) is tuple:
        return {"$tuple": [tag(item) for item in value]}
    if value is pd.NA:
        return {"$na": None}
    if value is pd.NaT:
        return {"$nat": None}
    if isinstance(value, Enum) and ENUMS.get(type(value).__name__) is type(value):
        return {"$enum": type(value).__name__, "value": tag(value.value)}
    if isinstance(value, pd.Timestamp):
        utc = value.tz_convert("UTC").tz_localize(None) if value.tz else value
        return {"$timestamp": utc.isoformat(), "tz": str(value.tz) if value.tz else None, "unit": value.unit}
    if type(value) is dt.datetime:
        return {"$datetime": value.isoformat()}
    if type(value) is dt.date:
        return {"$date": value.isoformat()}
    if type(value) is dt.time:
        return {"$time": value.isoformat()}
    if type(value) is dt.timedelta:
        return {"$timedelta": [value.days, value.seconds, value.microseconds]}
    if type(value) is decimal.Decimal:
        return {"$decimal": str(value)}
    if type(value) is bytes:
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, np.generic) and value.dtype.kind in "biufmM":
        kind = value.dtype.kind
        item = str(value) if kind == "M" else int(value.view("i8")) if kind == "m" else value.item()
        return {"$numpy": value.dtype.str, "value": tag(item)}
    raise TypeError(f"a project file cannot keep a value of type {type(value).__name__}: {value!r}")


def untag(data: Any) -> Any:
    if type(data) is list:
        return [untag(item) for item in data]
    if type(data) is not dict:
        return data
    if not any(key.startswith("$") for key in data):
        return {key: untag(item) for key, item in data.items()}
    name = next(key for key in data if key.startswith("$"))
    payload = data[name]
    if name == "$float":
        return float(payload)
    if name == "$dict":
        return {untag(key): untag(item) for key, item in payload}
    if name == "$tuple":
        return tuple(untag(item) for item in payload)
    if name == "$na":
        return pd.NA
    if name == "$nat":
        return pd.NaT
    if name == "$enum":
        return ENUMS[payload](untag(data["value"]))
    if name == "$timestamp":
        stamp = pd.Timestamp(payload).as_unit(data.get("unit") or "ns")
        return stamp.tz_localize("UTC").tz_convert(data["tz"]) if data.get("tz") else stamp
    if name == "$datetime":
        return dt.datetime.fromisoformat(payload)
    if name == "$date":
        return dt.date.fromisoformat(payload)
    if name == "$time":
        return dt.time.fromisoformat(payload)
    if name == "$timedelta":
        return dt.timedelta(*payload)
    if name == "$decimal":
        return decimal.Decimal(payload)
    if name == "$bytes":
        return base64.b64decode(payload)
    if name == "$numpy":
        dtype = np.dtype(payload)
        item = untag(data["value"])
        if dtype.kind == "M":
            return np.array(item).astype(dtype)[()]
        if dtype.kind == "m":
            return np.array(item, dtype=np.int64).view(dtype)[()]
        return dtype.type(item)
    raise ValueError(f"unknown tag {name!r}")
