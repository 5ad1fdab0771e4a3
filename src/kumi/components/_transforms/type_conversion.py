"""Edit Metadata's data type conversions, with errors that name the column and a bad value."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from kumi.core import DataFormatError

TargetType = Literal["string", "integer", "double", "boolean", "datetime"]
_TRUE = {"true", "t", "yes", "y", "1", "1.0"}
_FALSE = {"false", "f", "no", "n", "0", "0.0"}


def convert_column(
    series: pd.Series, target: TargetType, column: str, date_time_format: str = ""
) -> pd.Series:
    """``series`` converted to ``target``; missing values stay missing (nullable integer
    and boolean columns are used when values are missing)."""
    if target == "string":
        return series.map(lambda v: v if _missing(v) else str(v)).astype(object)
    if target == "datetime":
        return _to_datetime(series, column, date_time_format)
    if target == "boolean":
        return _to_boolean(series, column)
    numbers = _to_float(series, column, target)
    if target == "double":
        return numbers
    return _to_integer(numbers, column)


def _to_integer(numbers: pd.Series, column: str) -> pd.Series:
    fractional = numbers[numbers.notna() & (numbers != np.floor(numbers))]
    if len(fractional):
        raise _bad_value(
            column,
            fractional.iloc[0],
            "integer",
            "it is not a whole number; round it first with Apply Math Operation (rounding)",
        )
    return numbers.astype("Int64") if numbers.isna().any() else numbers.astype("int64")


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _to_float(series: pd.Series, column: str, target: str) -> pd.Series:
    if ptypes.is_datetime64_any_dtype(series.dtype):
        seconds = series.astype("int64") / 1e9
        return seconds.where(series.notna()).astype("float64")
    if ptypes.is_bool_dtype(series.dtype) or ptypes.is_numeric_dtype(series.dtype):
        return series.astype("float64")
    converted = series.map(lambda v: _text_number(v) if isinstance(v, str) else v)
    numbers = pd.to_numeric(converted, errors="coerce")
    bad = series[numbers.isna() & series.notna()]
    if len(bad):
        raise _bad_value(column, bad.iloc[0], target, "it is not a number")
    return numbers.astype("float64")


def _text_number(text: str) -> Any:
    lowered = text.strip().lower()
    if lowered in ("true", "false"):
        return 1.0 if lowered == "true" else 0.0
    return text.strip() or None


def _to_boolean(series: pd.Series, column: str) -> pd.Series:
    flags = series.map(lambda v: None if _missing(v) else _flag(v))
    bad = series[flags.isna() & series.notna()]
    if len(bad):
        raise _bad_value(
            column, bad.iloc[0], "boolean", "only true/false, yes/no and 1/0 are boolean values"
        )
    return flags.astype("boolean") if flags.isna().any() else flags.astype(bool)


def _flag(value: Any) -> bool | None:
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def _to_datetime(series: pd.Series, column: str, date_time_format: str) -> pd.Series:
    try:
        if ptypes.is_numeric_dtype(series.dtype) and not ptypes.is_bool_dtype(series.dtype):
            return pd.to_datetime(series, unit="s")
        return pd.to_datetime(series, format=date_time_format or None)
    except (ValueError, TypeError, OverflowError) as exc:
        hint = (
            f"it does not match the format '{date_time_format}'"
            if date_time_format
            else "set 'date_time_format' (Python strftime codes, e.g. %Y-%m-%d)"
        )
        raise DataFormatError(
            f"Column '{column}' cannot be converted to datetime: {exc}. Check the values; {hint}.",
            details={"column": column, "target_type": "datetime"},
        ) from None


def _bad_value(column: str, value: Any, target: str, why: str) -> DataFormatError:
    return DataFormatError(
        f"Column '{column}' cannot be converted to {target}: the value '{value}' cannot, "
        f"because {why}. Fix or clean those values first, or pick another data type.",
        details={"column": column, "target_type": target, "value": str(value)},
    )
