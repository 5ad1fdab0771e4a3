"""Checks request rows against a signature and turns them into typed column arrays.

Everything per column is prepared once (:class:`RowValidator`); a request costs one pass
per column over its values. Problems are 400s naming the row index and the column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pandas as pd

from kumi.core import ColumnNotFoundError, ColumnType, ColumnTypeError, DataFormatError
from kumi.scoring.realtime.signature import Signature, SignatureColumn

ExtraColumns = Literal["ignore", "reject"]
_MISSING = object()
_NONE = type(None)
_ALLOWED: dict[ColumnType, tuple[set[type], str]] = {
    ColumnType.INTEGER: ({int, _NONE}, "an integer"),
    ColumnType.DOUBLE: ({int, float, _NONE}, "a number"),
    ColumnType.BOOLEAN: ({bool, _NONE}, "true or false"),
    ColumnType.STRING: ({str, _NONE}, "a text value"),
    ColumnType.DATETIME: ({str, _NONE}, "a date-time text (ISO 8601)"),
}
_JSON_NAMES = {str: "text", int: "integer", float: "number", bool: "boolean", _NONE: "null"}


class RowValidator:
    """Validates rows (dicts) for one signature; :meth:`columns` returns arrays by name."""

    def __init__(self, signature: Signature, extra_columns: ExtraColumns = "ignore") -> None:
        self.signature = signature
        self.reject_extra = extra_columns == "reject"
        self._columns = signature.inputs
        self._known = frozenset(c.name for c in signature.inputs)
        self._converters = [_converter(c) for c in signature.inputs]

    def columns(self, rows: Any) -> dict[str, np.ndarray]:
        """Arrays of the signature's columns (all columns that arrive when it has none)."""
        _check_rows(rows)
        if not self._columns:
            return _open_columns(rows)
        if self.reject_extra:
            self._check_extra(rows)
        result: dict[str, np.ndarray] = {}
        for column, convert in zip(self._columns, self._converters, strict=True):
            values = [row.get(column.name, _MISSING) for row in rows]
            result[column.name] = convert(values)
        return result

    def _check_extra(self, rows: list[dict[str, Any]]) -> None:
        width = len(self._known)
        for index, row in enumerate(rows):
            if len(row) > width or not self._known.issuperset(row):
                extra = sorted(set(row) - self._known)
                if extra:
                    raise ColumnNotFoundError(
                        f"Row {index}, column '{extra[0]}': this endpoint does not take that "
                        f"column. Send only its columns: {', '.join(sorted(self._known))}.",
                        details={"row": index, "column": extra[0], "extra": extra},
                    )


def _check_rows(rows: Any) -> None:
    if not isinstance(rows, list):
        raise DataFormatError(
            f"The input rows must be a JSON array of objects, got {_json_name(rows)}.",
            details={"problem": "rows_not_a_list"},
        )
    for index, row in enumerate(rows):
        if type(row) is not dict:
            raise DataFormatError(
                f"Row {index} must be a JSON object of column → value, got {_json_name(row)}.",
                details={"row": index, "problem": "row_not_an_object"},
            )


def _converter(column: SignatureColumn) -> Callable[[list[Any]], np.ndarray]:
    allowed, expected = _ALLOWED[column.type]
    kind = column.type

    def convert(values: list[Any]) -> np.ndarray:
        for index, value in enumerate(values):
            if type(value) not in allowed:
                _raise_for(column, index, value, expected)
        return _array(values, kind)

    return convert


def _raise_for(column: SignatureColumn, index: int, value: Any, expected: str) -> None:
    if value is _MISSING:
        if not column.required:
            return
        raise ColumnNotFoundError(
            f"Row {index}, column '{column.name}': the column is missing. Send a value for it "
            "in every row (null for a missing value).",
            details={"row": index, "column": column.name},
        )
    if kind_is_integral(column.type, value):
        return
    raise ColumnTypeError(
        f"Row {index}, column '{column.name}': expected {expected}, got "
        f"{_json_name(value)} {_short(value)}. Send {expected} (or null).",
        details={"row": index, "column": column.name, "expected": column.type.value},
    )


def kind_is_integral(kind: ColumnType, value: Any) -> bool:
    """A float such as 3.0 is accepted in an integer column."""
    return kind == ColumnType.INTEGER and type(value) is float and value.is_integer()


def _array(values: list[Any], kind: ColumnType) -> np.ndarray:
    if any(v is _MISSING for v in values):
        values = [None if v is _MISSING else v for v in values]
    if kind == ColumnType.DOUBLE:
        return np.array(values, dtype=np.float64)
    if kind == ColumnType.INTEGER:
        if None in values:
            return np.array(values, dtype=np.float64)
        return np.array(values, dtype=np.int64)
    if kind == ColumnType.BOOLEAN and None not in values:
        return np.array(values, dtype=np.bool_)
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _open_columns(rows: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    """Whatever columns arrive, typed as pandas infers them."""
    frame = pd.DataFrame.from_records(rows)
    return {str(name): frame[name].to_numpy() for name in frame.columns}


def _json_name(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return _JSON_NAMES.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
