"""pandas → Arrow conversion that reuses the Arrow columns of columns converted before.

Most steps pass most columns through unchanged (copy-on-write shares their memory), so a
worker converting each step's output would convert the same columns again and again;
strings cost most (tens of ms per million rows). :class:`ArrowConversions` converts a
frame column by column and remembers the plain columns (numbers, booleans, strings) of
the last few frames it converted, under a digest of their data: the numbers themselves,
or for strings the addresses of the string objects, which it keeps alive (Python strings
cannot change, so equal addresses mean equal strings). Only recent frames count: columns
kept longer would hold memory that later steps then take afresh from the system, which
costs more here than converting again. The result is the same Arrow table, schema and
pandas metadata included, as ``pa.Table.from_pandas(frame, preserve_index=None)``; with
each column's digest (:func:`kumi.engine.columns.column_digest`), remembered too. Columns
of strings with few distinct values go through :mod:`kumi.engine.arrow_strings`.
"""

from __future__ import annotations

import ctypes
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import xxhash

from kumi.engine.arrow_strings import convert_strings
from kumi.engine.columns import column_digest

_PANDAS_KEY = b"pandas"
_PLAIN_KINDS = "biufO"
_WIDEST = 256
"""Frames with more columns are converted in one call (per-column calls cost ~0.2 ms)."""
GENERATIONS = 2
"""Columns are remembered while used by one of this many latest frames converted."""


@dataclass(frozen=True)
class _Converted:
    field: pa.Field
    column: pa.ChunkedArray
    entry: dict[str, Any]
    keep: Any  # the source values, so string addresses stay valid
    nbytes: int
    digest: str
    generation: int = 0


class ArrowConversions:
    """Converts frames to Arrow, remembering up to ``budget_bytes`` of converted columns."""

    def __init__(self, budget_bytes: int = 256 << 20) -> None:
        self.budget_bytes = budget_bytes
        self._memo: OrderedDict[str, _Converted] = OrderedDict()
        self._held = 0
        self._generation = 0
        self._lock = threading.Lock()

    def to_arrow(self, frame: pd.DataFrame) -> pa.Table:
        """``pa.Table.from_pandas(frame, preserve_index=None)``, reusing known columns."""
        return self.convert(frame)[0]

    def convert(self, frame: pd.DataFrame) -> tuple[pa.Table, tuple[str, ...]]:
        """:meth:`to_arrow` and the digest of each of the table's columns."""
        names = list(frame.columns)
        if (
            not names
            or len(names) > _WIDEST
            or not all(isinstance(n, str) for n in names)
            or frame.columns.has_duplicates
        ):
            table = pa.Table.from_pandas(frame, preserve_index=None)
            return table, tuple(column_digest(column) for column in table.columns)
        with self._lock:
            self._generation += 1
            self._forget(self._generation - GENERATIONS + 1)
        parts = [self._column(frame, name) for name in names]
        head = _metadata(pa.Table.from_pandas(frame.iloc[:0, :1], preserve_index=None))
        index = pa.Table.from_pandas(pd.DataFrame(index=frame.index), preserve_index=None)
        index_meta = _metadata(index)
        metadata = {
            "index_columns": index_meta["index_columns"],
            "column_indexes": head["column_indexes"],
            "columns": [p.entry for p in parts] + index_meta["columns"],
            "attributes": head["attributes"],
            "creator": head["creator"],
            "pandas_version": head["pandas_version"],
        }
        fields = [p.field for p in parts] + list(index.schema)
        schema = pa.schema(fields, metadata={_PANDAS_KEY: json.dumps(metadata).encode()})
        table = pa.Table.from_arrays([*(p.column for p in parts), *index.columns], schema=schema)
        digests = [p.digest for p in parts] + [column_digest(c) for c in index.columns]
        return table, tuple(digests)

    def clear(self) -> None:
        with self._lock:
            self._memo.clear()
            self._held = 0

    def _column(self, frame: pd.DataFrame, name: str) -> _Converted:
        values = _plain_values(frame[name])
        key = _data_key(values) if values is not None else None
        if key is not None:
            with self._lock:
                known = self._memo.pop(key, None)
                if known is not None:
                    self._memo[key] = replace(known, generation=self._generation)
                    return _renamed(known, name)
        strings = convert_strings(name, values) if values is not None else None
        if strings is not None:
            arrow_field, column, entry = strings.field, strings.column, strings.entry
        else:
            table = pa.Table.from_pandas(frame[[name]], preserve_index=False)
            arrow_field, column = table.schema.field(0), table.column(0)
            entry = _metadata(table)["columns"][0]
        converted = _Converted(
            arrow_field,
            column,
            entry,
            values,
            column.nbytes,
            column_digest(column),
            self._generation,
        )
        if key is not None and _rememberable(converted):
            self._remember(key, converted)
        return converted

    def _remember(self, key: str, converted: _Converted) -> None:
        with self._lock:
            self._memo[key] = converted
            self._held += converted.nbytes
            while self._held > self.budget_bytes and self._memo:
                _, dropped = self._memo.popitem(last=False)
                self._held -= dropped.nbytes

    def _forget(self, oldest: int) -> None:
        """Drop the columns last used before generation ``oldest`` (lock held)."""
        for key in [k for k, c in self._memo.items() if c.generation < oldest]:
            self._held -= self._memo.pop(key).nbytes


def _plain_values(series: pd.Series) -> np.ndarray | None:
    """The series' numpy values when it is a plain contiguous column, else None."""
    if not isinstance(series.dtype, np.dtype) or series.dtype.kind not in _PLAIN_KINDS:
        return None
    values = series.to_numpy(copy=False)
    return values if values.ndim == 1 and values.flags.c_contiguous else None


def _data_key(values: np.ndarray) -> str:
    """A digest of the values (for objects: of their addresses)."""
    h = xxhash.xxh3_128()
    h.update(f"{values.dtype.str}\0{len(values)}\0".encode())
    if values.nbytes:
        if values.dtype.kind == "O":
            h.update(memoryview((ctypes.c_char * values.nbytes).from_address(values.ctypes.data)))
        else:
            h.update(values.view(np.uint8).data)
    return h.hexdigest()


def _rememberable(converted: _Converted) -> bool:
    """Objects only when they were all strings (other objects may change in place)."""
    kind = converted.keep.dtype.kind
    return kind != "O" or pa.types.is_string(converted.field.type)


def _renamed(known: _Converted, name: str) -> _Converted:
    if known.field.name == name:
        return known
    entry = {**known.entry, "name": name, "field_name": name}
    return replace(known, field=known.field.with_name(name), entry=entry)


def _metadata(table: pa.Table) -> dict[str, Any]:
    return dict(json.loads(table.schema.metadata[_PANDAS_KEY]))
