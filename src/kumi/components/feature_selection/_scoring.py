"""Feature scores against a target: Pearson correlation and chi-squared."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api import types as ptypes
from scipy import stats

_MAX_LEVELS = 10


def _numeric(series: pd.Series) -> pd.Series | None:
    """Numbers (booleans as 0/1), or None for text."""
    if ptypes.is_bool_dtype(series.dtype) or ptypes.is_numeric_dtype(series.dtype):
        return series.astype("float64")
    present = series.dropna()
    if len(present) and all(isinstance(v, bool | np.bool_) for v in present):
        return series.map(lambda v: v if pd.isna(v) else float(v)).astype("float64")
    return None


def pearson_score(feature: pd.Series, target: pd.Series, target_categorical: bool) -> float:
    """|r| between a numeric feature and the target; for a text or categorical target, the
    correlation with the feature's mean per target level. Text features and constant or
    all-missing columns score 0."""
    x = _numeric(feature)
    if x is None:
        return 0.0
    pairs = pd.DataFrame({"x": x.to_numpy(), "y": target.to_numpy()}).dropna()
    y = None if target_categorical else _numeric(pairs["y"])
    if y is None:
        y = pairs.groupby("y", sort=False)["x"].transform("mean")
    if len(pairs) < 2 or pairs["x"].nunique() < 2 or y.nunique() < 2:
        return 0.0
    return float(abs(np.corrcoef(pairs["x"].to_numpy(), y.to_numpy(dtype="float64"))[0, 1]))


def chi_squared_score(feature: pd.Series, target: pd.Series) -> float:
    """The chi-squared statistic of the feature-by-target contingency table (numbers with
    more than 10 distinct values are put into 10 quantile bins first)."""
    pairs = pd.DataFrame({"x": _levels(feature).to_numpy(), "y": _levels(target).to_numpy()})
    table = pd.crosstab(pairs["x"], pairs["y"])
    if table.shape[0] < 2 or table.shape[1] < 2:
        return 0.0
    return float(stats.chi2_contingency(table.to_numpy(), correction=False).statistic)


def _levels(series: pd.Series) -> pd.Series:
    numbers = _numeric(series)
    if numbers is None or numbers.nunique() <= _MAX_LEVELS:
        return series.astype(object)
    return pd.qcut(numbers, _MAX_LEVELS, labels=False, duplicates="drop")
