"""Compute Apply Math Operation results column by column."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kumi.components._transforms.columns import format_number
from kumi.components._transforms.math_operations import MathOperation
from kumi.core import InvalidParameterError, Table

Result = tuple[str, str, pd.Series]


def math_results(
    table: Table,
    columns: list[str],
    operation: MathOperation,
    *,
    constant: float,
    second_columns: list[str] | None,
    second_parameter: str = "second_argument_column_set",
) -> list[Result]:
    """``(source column, result name, values)`` per selected column. Binary operations use
    ``second_columns`` (one column for all, or one per selected column, paired in order)
    or else ``constant``. Result names follow Azure: ``Op(col)``, ``Op(col_other)``,
    ``Op(col_$10)``."""
    others = None
    if operation.binary and second_columns:
        others = _paired(columns, second_columns, second_parameter)
    results: list[Result] = []
    for index, column in enumerate(columns):
        x = table.frame[column].to_numpy(dtype="float64", na_value=np.nan)
        if not operation.binary:
            results.append((column, f"{operation.label}({column})", _run(operation, x)))
            continue
        if others is not None:
            other = others[index]
            y = table.frame[other].to_numpy(dtype="float64", na_value=np.nan)
            name = f"{operation.label}({column}_{other})"
        else:
            y = np.full(x.shape, float(constant))
            name = f"{operation.label}({column}_${format_number(constant)})"
        results.append((column, name, _run(operation, x, y)))
    return results


def _paired(columns: list[str], second: list[str], parameter: str) -> list[str]:
    if len(second) == 1:
        return second * len(columns)
    if len(second) == len(columns):
        return second
    raise InvalidParameterError(
        f"'{parameter}' selects {len(second)} columns but 'column_set' selects "
        f"{len(columns)}. Select one column there (used for every column) or exactly one per "
        "column of 'column_set', in the same order.",
        details={"parameter": parameter, "columns": columns, "second": second},
    )


def _run(operation: MathOperation, *arrays: np.ndarray) -> pd.Series:
    with np.errstate(all="ignore"):
        values = np.asarray(operation.function(*arrays), dtype="float64")
    if not operation.boolean:
        return pd.Series(values)
    missing = np.isnan(np.column_stack(arrays)).any(axis=1)
    if not missing.any():
        return pd.Series(values.astype(bool))
    flags = pd.array(values.astype(bool), dtype="boolean")
    flags[missing] = pd.NA
    return pd.Series(flags)
