"""Clip Values' computation: thresholds per column and the substitute for clipped values."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

ThresholdKind = Literal["constant", "percentile"]
Substitute = Literal["threshold", "mean", "median", "missing"]


def threshold_of(
    values: pd.Series, kind: ThresholdKind, constant: float, percentile: float
) -> float:
    """A constant, or the ``percentile`` (0-100, linear interpolation) of the values."""
    if kind == "constant":
        return float(constant)
    present = values.dropna()
    return float(np.percentile(present, percentile)) if len(present) else np.nan


def substitute_of(values: pd.Series, substitute: Substitute, threshold: float) -> float:
    """The value that replaces clipped values (mean and median of the unclipped column)."""
    if substitute == "mean":
        return float(values.mean())
    if substitute == "median":
        return float(values.median())
    if substitute == "missing":
        return np.nan
    return threshold


def clip_column(
    values: pd.Series,
    upper: tuple[float, float] | None,
    lower: tuple[float, float] | None,
) -> tuple[pd.Series, pd.Series]:
    """``values`` with those above ``upper[0]`` / below ``lower[0]`` replaced by
    ``upper[1]`` / ``lower[1]`` (boundary values are kept), and the clipped-row flags."""
    result = values.astype("float64").copy()
    clipped = pd.Series(False, index=values.index)
    if upper is not None:
        above = values > upper[0]
        result[above] = upper[1]
        clipped |= above
    if lower is not None:
        below = values < lower[0]
        result[below] = lower[1]
        clipped |= below
    return result, clipped
