"""Raw column values as the arrays both ``transform`` and the ONNX graph read.

Numbers are float64 (missing → NaN), text is str objects (missing → ""), datetimes are
int64 seconds since the epoch in UTC (missing → ``MISSING_SECONDS``). The ONNX feed is the
same arrays shaped ``[N, 1]``, so Python and ONNX see identical inputs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MISSING_SECONDS = np.iinfo(np.int64).min
"""The int64 a missing datetime travels as (no real timestamp is this far in the past)."""
ISO_DATE = r"^\s*\d{4}-\d{2}-\d{2}"


def as_numbers(series: pd.Series) -> np.ndarray:
    """float64 values; missing or unparseable → NaN (infinities are kept)."""
    if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
        return series.to_numpy(dtype="float64", na_value=np.nan)
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    numbers = pd.to_numeric(series, errors="coerce")
    return np.asarray(numbers, dtype="float64")


def as_text(series: pd.Series) -> np.ndarray:
    """str values (object array); missing → "". Whole floats print as integers, so 3 and
    3.0 are the same category whether or not a column has missing values."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    if pd.api.types.is_bool_dtype(series.dtype):
        series = series.astype(object)
    elif pd.api.types.is_numeric_dtype(series.dtype):
        return _numbers_as_text(series.to_numpy(dtype="float64", na_value=np.nan))
    missing = series.isna().to_numpy()
    text = series.astype(str).to_numpy(dtype=object, copy=True)
    text[missing] = ""
    return text


def _numbers_as_text(values: np.ndarray) -> np.ndarray:
    finite = np.isfinite(values)
    whole = finite & (np.floor(values) == values) & (np.abs(values) < 2**53)
    text = values.astype(str).astype(object)
    if whole.any():
        text[whole] = values[whole].astype(np.int64).astype(str)
    text[np.isnan(values)] = ""
    return text


def as_seconds(series: pd.Series) -> np.ndarray:
    """int64 seconds since 1970-01-01 UTC (floored); missing or unparseable →
    ``MISSING_SECONDS``. Strings are read as ISO 8601; naive times count as UTC."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        stamps = series.dt.tz_convert("UTC").dt.tz_localize(None)
    elif pd.api.types.is_datetime64_dtype(series.dtype):
        stamps = series
    else:
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(object)
        parsed = pd.to_datetime(series, errors="coerce", utc=True, format="ISO8601")
        stamps = parsed.dt.tz_localize(None)
    values = stamps.to_numpy(dtype="datetime64[ns]")
    missing = np.isnat(values)
    seconds = np.floor_divide(values.view(np.int64), 10**9)
    seconds[missing] = MISSING_SECONDS
    return seconds
