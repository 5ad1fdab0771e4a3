"""Summarize Data's statistics of one column (Azure's column names)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

STATISTICS = (
    "Feature",
    "Count",
    "Unique Value Count",
    "Missing Value Count",
    "Min",
    "Max",
    "Mean",
    "Mean Deviation",
    "1st Quartile",
    "Median",
    "3rd Quartile",
    "Mode",
    "Range",
    "Sample Variance",
    "Sample Standard Deviation",
    "Sample Skewness",
    "Sample Kurtosis",
    "P0.5",
    "P1",
    "P5",
    "P95",
    "P99.5",
)
_PERCENTILES = {
    "1st Quartile": 25,
    "Median": 50,
    "3rd Quartile": 75,
    "P0.5": 0.5,
    "P1": 1,
    "P5": 5,
    "P95": 95,
    "P99.5": 99.5,
}


def summarize_column(name: str, series: pd.Series) -> dict[str, Any]:
    """One row of statistics. Count is the number of non-missing values; text and date
    columns get only the counts; booleans count True as 1 (Min is AND, Max is OR)."""
    present = series.dropna()
    row: dict[str, Any] = dict.fromkeys(STATISTICS, np.nan)
    row.update(
        {
            "Feature": name,
            "Count": len(present),
            "Unique Value Count": int(present.nunique()),
            "Missing Value Count": int(series.isna().sum()),
        }
    )
    boolean = _is_boolean(present)
    numeric = ptypes.is_numeric_dtype(series.dtype) and not ptypes.is_bool_dtype(series.dtype)
    if len(present) and (numeric or boolean):
        row.update(_numeric_statistics(present.astype("float64")))
        if boolean:
            row["Range"] = 1.0 if present.nunique() == 2 else 0.0
    return row


def _is_boolean(present: pd.Series) -> bool:
    if ptypes.is_bool_dtype(present.dtype):
        return True
    return bool(len(present)) and all(isinstance(v, bool | np.bool_) for v in present)


def _numeric_statistics(values: pd.Series) -> dict[str, float]:
    stats = {
        "Min": values.min(),
        "Max": values.max(),
        "Mean": values.mean(),
        "Mean Deviation": (values - values.mean()).abs().mean(),
        "Mode": values.mode().iloc[0],
        "Range": values.max() - values.min(),
        "Sample Variance": values.var(ddof=1),
        "Sample Standard Deviation": values.std(ddof=1),
        "Sample Skewness": values.skew(),
        "Sample Kurtosis": values.kurt(),
    }
    quantiles = np.percentile(values.to_numpy(), list(_PERCENTILES.values()))
    stats.update(dict(zip(_PERCENTILES, quantiles, strict=True)))
    return {k: float(v) for k, v in stats.items()}
