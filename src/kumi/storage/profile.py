"""Column statistics of a table for the dataset page: JSON-ready plain values."""

from __future__ import annotations

import math
from typing import Any, Final

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from kumi.core.table import Table

HISTOGRAM_BINS: Final = 10
TOP_VALUES: Final = 10


def profile_table(table: Table) -> dict[str, Any]:
    """``{"row_count", "columns": [...]}``; per column its type, role, categorical flag,
    missing and distinct counts, and either number statistics with a histogram or the
    most frequent values."""
    schema = table.schema()
    columns = []
    for info in schema.columns:
        series = table.frame[info.name]
        entry: dict[str, Any] = {
            **info.to_dict(),
            "missing": int(series.isna().sum()),
            "distinct": int(series.nunique(dropna=True)),
        }
        entry.update(_details(series, info.categorical))
        columns.append(entry)
    return {"row_count": len(table), "columns": columns}


def _details(series: pd.Series, categorical: bool) -> dict[str, Any]:
    dtype = series.dtype
    is_number = ptypes.is_numeric_dtype(dtype) and not ptypes.is_bool_dtype(dtype)
    if is_number and not categorical:
        return _numeric(series)
    if ptypes.is_datetime64_any_dtype(dtype):
        values = series.dropna()
        return {
            "min": values.min().isoformat() if len(values) else None,
            "max": values.max().isoformat() if len(values) else None,
        }
    return {"top_values": _top_values(series)}


def _numeric(series: pd.Series) -> dict[str, Any]:
    values = pd.to_numeric(series, errors="coerce").astype(float)
    finite = values[np.isfinite(values)]
    if finite.empty:
        return {"min": None, "max": None, "mean": None, "std": None, "histogram": None}
    counts, edges = np.histogram(finite.to_numpy(), bins=HISTOGRAM_BINS)
    return {
        "min": _number(finite.min()),
        "max": _number(finite.max()),
        "mean": _number(finite.mean()),
        "std": _number(finite.std()) if len(finite) > 1 else None,
        "histogram": {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]},
    }


def _top_values(series: pd.Series) -> list[dict[str, Any]]:
    counts = series.dropna().astype(str).value_counts().head(TOP_VALUES)
    return [{"value": str(value), "count": int(count)} for value, count in counts.items()]


def _number(value: Any) -> float | None:
    number = float(value)
    return None if math.isnan(number) else number
