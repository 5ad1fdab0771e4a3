"""Split Data's expression syntax: a column reference followed by a regex or conditions.

A column is named as ``\\"Name"`` (the backslash is optional) or by its 0-based index as
``(\\0)``. Regular expression split: ``\\"Text" Gryphon`` matches rows whose Text contains
"Gryphon" (Python ``re.search``). Relative expression split: ``\\"Year" > 2010`` or
``(\\0)<=30 & !=20``: comparisons ``< > <= >= == !=`` joined by ``&`` (and) and ``|``
(or, binding weaker than and); string columns allow only ``==`` and ``!=``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from kumi.core import ColumnNotFoundError, ColumnTypeError, InvalidParameterError, Table

_REFERENCE = re.compile(r'^\s*(?:\\?"(?P<name>[^"]+)"|\(\\(?P<index>\d+)\))\s*(?P<rest>.*)$', re.S)
_CONDITION = re.compile(r'^\s*(?P<op><=|>=|==|!=|<|>)\s*(?P<value>"[^"]*"|[^&|]*?)\s*$')
_OPERATORS = {
    "<": np.less,
    ">": np.greater,
    "<=": np.less_equal,
    ">=": np.greater_equal,
    "==": np.equal,
    "!=": np.not_equal,
}


def split_reference(expression: str, table: Table, parameter: str) -> tuple[str, str]:
    """The column an expression names, and the rest of the expression."""
    match = _REFERENCE.match(expression)
    if match is None:
        raise InvalidParameterError(
            f"Expression '{expression}' does not start with a column: write \\\"Column\" "
            "(a name in quotes) or (\\0) (a 0-based column index), e.g. '\\\"Year\" > 2010'.",
            details={"parameter": parameter, "expression": expression},
        )
    if match["name"] is not None:
        table.require_columns([match["name"]], purpose=f"the expression in '{parameter}'")
        return match["name"], match["rest"]
    index = int(match["index"])
    if index >= len(table.columns):
        raise ColumnNotFoundError(
            f"Column index {index} in '{expression}' is out of range; the table has "
            f"{len(table.columns)} columns, numbered from 0.",
            details={"parameter": parameter, "index": index, "available": table.columns},
        )
    return table.columns[index], match["rest"]


def regex_mask(table: Table, expression: str) -> np.ndarray:
    """True for rows whose referenced column matches the regular expression."""
    column, pattern = split_reference(expression, table, "regular_expression")
    try:
        compiled = re.compile(pattern.strip())
    except re.error as exc:
        raise InvalidParameterError(
            f"'{pattern.strip()}' is not a valid regular expression: {exc}.",
            details={"parameter": "regular_expression", "expression": expression},
        ) from None
    values = table.frame[column]
    return np.array([pd.notna(v) and bool(compiled.search(str(v))) for v in values], dtype=bool)


def relational_mask(table: Table, expression: str) -> np.ndarray:
    """True for rows whose referenced column meets the conditions."""
    column, rest = split_reference(expression, table, "relational_expression")
    series = table.frame[column]
    result = np.zeros(len(series), dtype=bool)
    for alternative in rest.split("|"):
        mask = np.ones(len(series), dtype=bool)
        for condition in alternative.split("&"):
            mask &= _condition_mask(series, column, condition, expression)
        result |= mask
    return result


def _condition_mask(series: pd.Series, column: str, condition: str, expression: str) -> np.ndarray:
    match = _CONDITION.match(condition)
    if match is None or not match["value"]:
        raise InvalidParameterError(
            f"'{condition.strip()}' in '{expression}' is not a comparison; write an operator "
            "(< > <= >= == !=) and a value, e.g. '> 2010' or '<=30 & !=20'.",
            details={"parameter": "relational_expression", "expression": expression},
        )
    operator, text = match["op"], match["value"].strip().strip('"')
    present = series.notna().to_numpy()
    values, constant = _comparable(series, column, text, operator)
    with np.errstate(invalid="ignore"):
        compared = _OPERATORS[operator](values, constant)
    return np.asarray(compared, dtype=bool) & present


def _comparable(series: pd.Series, column: str, text: str, operator: str) -> tuple:
    if ptypes.is_datetime64_any_dtype(series.dtype):
        return series.to_numpy(), np.datetime64(_parse(text, column, pd.Timestamp))
    if ptypes.is_numeric_dtype(series.dtype) and not ptypes.is_bool_dtype(series.dtype):
        return series.to_numpy(dtype="float64", na_value=np.nan), _parse(text, column, float)
    if operator not in ("==", "!="):
        raise ColumnTypeError(
            f"Column '{column}' holds text, which only supports == and != in a relational "
            f"expression (got {operator}). Convert it with Edit Metadata to compare by size.",
            details={"column": column, "operator": operator},
        )
    return series.astype(str).to_numpy(), text


def _parse(text: str, column: str, kind: type) -> object:
    try:
        return kind(text)
    except (ValueError, TypeError):
        raise InvalidParameterError(
            f"'{text}' cannot be compared with column '{column}'; write a "
            f"{'date' if kind is pd.Timestamp else 'number'} value.",
            details={"parameter": "relational_expression", "column": column, "value": text},
        ) from None
