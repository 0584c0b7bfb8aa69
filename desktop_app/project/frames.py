"""A DataFrame as a plain SQLite table, and back, equal to what was saved.

Each frame is one table that any SQLite tool can read: numbers as INTEGER or
REAL, text as TEXT, dates as ISO 8601 text ('2023-04-01T00:00:00'), missing
values as NULL. What SQL cannot say (the pandas dtype, whether a missing text
was None or NaN, the column labels and index) is kept beside the table as a
JSON "layout", and put back on reading, so that
pandas.testing.assert_frame_equal(read_frame(...), frame) holds.

pandas.DataFrame.to_sql is not used: it gives text columns TEXT affinity (a
reference typed as the number 12345 would come back as the string '12345'),
cannot tell None from NaN, and registers date adapters for every sqlite3
connection in the process.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from desktop_app.project import values

INDEX_COLUMN = "__index__"
_INT64 = (-(2**63), 2**63 - 1)
_MISSING = {"none": None, "nan": float("nan"), "na": pd.NA, "nat": pd.NaT}


def quote(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def write_frame(connection: sqlite3.Connection, table: str, frame: pd.DataFrame) -> dict[str, Any]:
    """Write `frame` as a new table `table`; return the layout `read_frame` needs to rebuild it."""
    if isinstance(frame.columns, pd.MultiIndex) or isinstance(frame.index, pd.MultiIndex):
        raise TypeError("a project file cannot keep a frame with a MultiIndex")
    labels = list(frame.columns)
    names = _sql_names(labels)
    encoded = [_encode(frame.iloc[:, position], label) for position, label in enumerate(labels)]
    index = frame.index
    if isinstance(index, pd.RangeIndex):
        index_layout: dict[str, Any] = {"range": [index.start, index.stop, index.step], "name": values.tag(index.name)}
    else:
        sql, data, spec = _encode(pd.Series(index, copy=False), "index")
        encoded.append((sql, data, spec))
        names.append(INDEX_COLUMN)
        index_layout = {"column": spec, "name": values.tag(index.name)}
    declared = ", ".join(f"{quote(name)} {sql}".rstrip() for name, (sql, _, _) in zip(names, encoded))
    connection.execute(f"CREATE TABLE {quote(table)} ({declared or quote('__no_columns__')})")
    if len(frame) and encoded:
        placeholders = ", ".join("?" * len(encoded))
        connection.executemany(
            f"INSERT INTO {quote(table)} VALUES ({placeholders})", zip(*(data for _, data, _ in encoded))
        )
    return {
        "rows": len(frame),
        "columns": [
            {"label": values.tag(label), "sql": name, **spec}
            for label, name, (_, _, spec) in zip(labels, names, encoded)
        ],
        "columns_dtype": str(frame.columns.dtype),
        "columns_name": values.tag(frame.columns.name),
        "index": index_layout,
    }


def read_frame(connection: sqlite3.Connection, table: str, layout: dict[str, Any]) -> pd.DataFrame:
    """The frame `write_frame` wrote to `table`, as it was."""
    columns = layout["columns"]
    index_layout = layout["index"]
    names = [column["sql"] for column in columns] + ([INDEX_COLUMN] if "column" in index_layout else [])
    if names:
        query = f"SELECT {', '.join(map(quote, names))} FROM {quote(table)} ORDER BY rowid"
        data = columns_of(connection.execute(query), len(names))
        if len(data[0]) != layout["rows"]:
            raise ValueError(f"table {table} has {len(data[0])} rows where {layout['rows']} were saved")
    else:
        data = []
    arrays = [_decode(column_data, spec) for column_data, spec in zip(data, columns)]
    if "column" in index_layout:
        index = pd.Index(_decode(data[-1], index_layout["column"]), name=values.untag(index_layout["name"]))
    else:
        index = pd.RangeIndex(*index_layout["range"], name=values.untag(index_layout["name"]))
    labels = pd.Index(
        [values.untag(column["label"]) for column in columns],
        dtype=layout["columns_dtype"],
        name=values.untag(layout["columns_name"]),
    )
    # Series with an explicit dtype: a DataFrame made from bare arrays would infer `str` for text
    series = {
        position: pd.Series(array, index=index, dtype=array.dtype, copy=False) for position, array in enumerate(arrays)
    }
    frame = pd.DataFrame(series, index=index)
    frame.columns = labels
    return frame


#: Rows fetched at a time: a whole table fetched at once holds Python's lock for a tenth of a second and more,
#: and the window, reading nothing, could not paint meanwhile (the project is read on a thread).
FETCH_ROWS = 2_000


def columns_of(cursor: sqlite3.Cursor, width: int) -> list[list[Any]]:
    """The values of each of the `width` columns of `cursor`'s rows, fetched a few thousand rows at a time."""
    data: list[list[Any]] = [[] for _ in range(width)]
    while rows := cursor.fetchmany(FETCH_ROWS):
        for column, values_ in zip(data, zip(*rows)):
            column.extend(values_)
    return data


def _sql_names(labels: list[object]) -> list[str]:
    """The labels themselves where SQL can take them as they are; c0, c1, ... where it cannot."""
    folded = [label.casefold() if isinstance(label, str) else None for label in labels]
    usable = (
        all(isinstance(label, str) and label and "\x00" not in label for label in labels)
        and len(set(folded)) == len(folded)
        and INDEX_COLUMN.casefold() not in folded
    )
    return [str(label) for label in labels] if usable else [f"c{position}" for position in range(len(labels))]


def _encode(series: pd.Series, label: object) -> tuple[str, list[Any], dict[str, Any]]:
    """(SQL type, values sqlite3 can bind, how to decode them) for one column."""
    dtype = series.dtype
    spec: dict[str, Any] = {"dtype": str(dtype)}
    if isinstance(dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy()
        categories = dtype.categories
        spec.update(
            store="category",
            ordered=bool(dtype.ordered),
            categories_dtype=str(categories.dtype),
            categories=[values.tag(value) for value in categories.tolist()],
        )
        return "INTEGER", _with_nulls(codes.tolist(), codes < 0), spec
    if isinstance(dtype, pd.StringDtype):
        spec.update(store="string", storage=dtype.storage, na="nan" if dtype.na_value is not pd.NA else "na")
        return "TEXT", series.to_numpy(dtype=object, na_value=None).tolist(), spec
    if isinstance(dtype, pd.DatetimeTZDtype):
        naive = series.dt.tz_convert("UTC").dt.tz_localize(None)
        spec.update(store="iso-utc", unit=dtype.unit, tz=str(dtype.tz))
        return "TEXT", _iso(naive.to_numpy()), spec
    if isinstance(series.array, (pd.arrays.IntegerArray, pd.arrays.FloatingArray, pd.arrays.BooleanArray)):
        # Int64, Float64, boolean and the like: NULL is <NA>
        mask = series.isna().to_numpy()
        plain = series.to_numpy(dtype=dtype.numpy_dtype, na_value=0).tolist()
        spec.update(store="masked")
        return {"b": "INTEGER", "i": "INTEGER", "u": "INTEGER", "f": "REAL"}[dtype.kind], _with_nulls(plain, mask), spec
    if not isinstance(dtype, np.dtype):
        raise TypeError(f"a project file cannot keep column {label!r}: its type {dtype} is not one it knows")
    array = series.to_numpy()
    if dtype.kind == "b":
        spec.update(store="bool")
        return "INTEGER", array.astype(np.int8).tolist(), spec
    if dtype.kind in "iu":
        if dtype.kind == "u" and len(array) and int(array.max()) > _INT64[1]:
            spec.update(store="big-int")
            return "TEXT", [str(value) for value in array.tolist()], spec
        spec.update(store="int")
        return "INTEGER", array.tolist(), spec
    if dtype.kind == "f":
        spec.update(store="float")  # NaN is stored as NULL by SQLite itself
        return "REAL", array.astype(np.float64).tolist(), spec
    if dtype.kind == "M":
        spec.update(store="iso", unit=np.datetime_data(dtype)[0])
        return "TEXT", _iso(array), spec
    if dtype.kind == "m":
        spec.update(store="ticks", unit=np.datetime_data(dtype)[0])
        ticks = array.view(np.int64)
        return "INTEGER", _with_nulls(ticks.tolist(), np.isnat(array)), spec
    if dtype.kind == "O":
        return _encode_objects(array, spec)
    raise TypeError(f"a project file cannot keep column {label!r}: its type {dtype} is not one it knows")


def _encode_objects(array: np.ndarray, spec: dict[str, Any]) -> tuple[str, list[Any], dict[str, Any]]:
    """Text (and numbers) as themselves where that is exact; every value tagged as JSON where it is not."""
    mask = pd.isna(array)
    missing_kinds = {_missing_kind(value) for value in array[mask]}
    present = array[~mask]
    plain = (
        len(missing_kinds) <= 1
        and None not in missing_kinds
        and (
            infer_dtype(present, skipna=False) in ("string", "empty")
            or all(
                type(value) is str or (type(value) is int and _INT64[0] <= value <= _INT64[1]) or type(value) is float
                for value in present
            )
        )
    )
    if plain:
        spec.update(store="plain", missing=next(iter(missing_kinds), "none"))
        return "", _with_nulls(array.tolist(), mask), spec
    spec.update(store="json")
    return "TEXT", [values.dumps(value) for value in array.tolist()], spec


def _missing_kind(value: object) -> str | None:
    """How a missing value was written, when it is one of the four `_MISSING` knows."""
    if value is None:
        return "none"
    if type(value) is float:
        return "nan"
    if value is pd.NA:
        return "na"
    if value is pd.NaT:
        return "nat"
    return None


def _decode(data: list[Any], spec: dict[str, Any]) -> Any:
    store = spec["store"]
    dtype = spec["dtype"]
    if store == "plain":
        array = np.empty(len(data), dtype=object)
        array[:] = data
        if spec["missing"] != "none":
            array[pd.isna(array)] = _MISSING[spec["missing"]]
        return array
    if store == "json":
        array = np.empty(len(data), dtype=object)
        array[:] = [values.loads(text) for text in data]
        return array
    if store == "float":
        return np.array(data, dtype=np.float64).astype(dtype, copy=False)
    if store in ("int", "bool"):
        return np.array(data, dtype=dtype)
    if store == "big-int":
        return np.array([int(text) for text in data], dtype=dtype)
    if store == "iso":  # parsed once per distinct text: a five-year log has a couple of thousand dates
        codes, distinct = pd.factorize(np.array(data, dtype=object))
        parsed = np.array([*distinct.tolist(), None], dtype=f"datetime64[{spec['unit']}]")
        return parsed[codes]
    if store == "iso-utc":
        naive = pd.Series(np.array(data, dtype=f"datetime64[{spec['unit']}]"))
        return naive.dt.tz_localize("UTC").dt.tz_convert(spec["tz"]).array
    if store == "ticks":
        ticks = np.array([np.iinfo(np.int64).min if value is None else value for value in data], dtype=np.int64)
        return ticks.view(f"timedelta64[{spec['unit']}]")
    if store in ("masked", "string"):
        if store == "string":
            dtype = pd.StringDtype(spec["storage"], na_value=np.nan if spec["na"] == "nan" else pd.NA)
        return pd.array(data, dtype=dtype)
    if store == "category":
        categories = pd.Index([values.untag(value) for value in spec["categories"]], dtype=spec["categories_dtype"])
        codes = np.array([-1 if code is None else code for code in data], dtype=np.int64)
        return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories, spec["ordered"]))
    raise ValueError(f"unknown column store {store!r}")


def _with_nulls(data: list[Any], mask: np.ndarray) -> list[Any]:
    for position in np.flatnonzero(mask).tolist():
        data[position] = None
    return data


def _iso(array: np.ndarray) -> list[Any]:
    """datetime64 values as ISO 8601 text at their own precision; NaT as None."""
    text = np.datetime_as_string(array, unit=np.datetime_data(array.dtype)[0]).tolist()
    return _with_nulls(text, np.isnat(array))
